"""A bid naming another price than the fixed tariff of an open-house lot: the advies asks a person to check it
like in an awarded lot, but may not say the price was used for a 'raamovereenkomst' (an open house has none)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_toelating, maak_werkmap, schrijf_bod, zonder_weging


def test_andere_prijs_dan_het_tarief_noemt_geen_raamovereenkomst(tmp_path: Path) -> None:
    data = kleine_toelating()
    zonder_weging(data["percelen"]["B1"], prijsmethode="vaste_prijs", vaste_prijs=9500)
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9500, 30, 12, 4, "alle")])
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    html = (ws / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8")
    advies = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
    zin = advies.split("Perceel B1-route: Alfa bood EUR 9.000,00 per traject;")[1].split("Ga na dat")[0]
    assert zin == (
        " in dit perceel geldt het tarief (de vaste prijs) van EUR 9.500,00, en alleen die prijs is gerekend "
        "(kosten en toelatingsbesluit). "
    )
    assert "Beta bood" not in advies  # Beta bid the tariff

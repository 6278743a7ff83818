"""A bid in a vaste_prijs lot whose price is not the fixed price: the award, the letters and the framework count the
fixed price; whether the bidder accepts it (or made a reservation that voids the bid) only a person can judge, so the
advies lists it under "Voor verzending met de hand te controleren", by name and both amounts. Real CLI run."""

from __future__ import annotations

import html
import re
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod
from tests.test_besluiten import _vul


def _tekst(pad: Path) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", pad.read_text(encoding="utf-8"))).split())


def test_andere_prijs_dan_de_vaste_prijs_staat_bij_de_handcontrole(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"].update(prijsmethode="vaste_prijs", vaste_prijs=9500)
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9500, 20, 12, 4, "alle")])  # the fixed price: nothing to say
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9900, 20, 12, 4, "alle")])
    _vul(ws, {"A": 50, "B": 75})
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    advies = _tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "Voor verzending met de hand te controleren" in advies, advies
    assert (
        "Perceel B1-route: B bood EUR 9.900,00 per traject; in dit perceel geldt de vaste prijs van EUR 9.500,00, en "
        "alleen die prijs is gerekend (kosten, brieven, raamovereenkomst). Ga na dat B die prijs aanvaardt en geen "
        "voorbehoud maakt." in advies
    ), advies
    assert "A bood" not in advies

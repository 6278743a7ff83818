"""The systematiek's opening sentence follows the lots' procedures: an open-house lot is not ranked and its
inburgeraars are not distributed (the inburgeraar chooses), so a tender of only open-house lots may not promise
'getoetst, beoordeeld en gerangschikt en ... verdeeld'; a mixed tender names which lots are ranked."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, kleine_toelating, maak_werkmap, open_house_module


def _inleiding(ws: Path) -> str:
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    html = (ws / "gunningssystematiek.html").read_text(encoding="utf-8")
    tekst = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
    return tekst[tekst.index("Dit document hoort") :].split("Er worden geen andere")[0]


def test_alleen_open_house_belooft_geen_rangorde_of_verdeling(tmp_path: Path) -> None:
    data = kleine_toelating()
    inleiding = _inleiding(maak_werkmap(tmp_path / "ws", data))
    assert "en gerangschikt" not in inleiding and "verdeeld" not in inleiding and "beoordeeld" not in inleiding
    assert "hoe de inschrijvingen worden getoetst, wie wordt toegelaten" in inleiding
    assert "er wordt niet gerangschikt" in inleiding


def test_gemengd_noemt_welke_percelen_gerangschikt_worden(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["PVT"] = open_house_module("Participatieverklaringstraject", 350)
    for g, n in zip(data["gemeenten"], (10, 6, 4), strict=True):
        g["inburgeraars"]["PVT"] = n
    inleiding = _inleiding(maak_werkmap(tmp_path / "ws", data))
    assert (
        "hoe de inschrijvingen worden getoetst en beoordeeld, hoe zij in perceel B1-route worden gerangschikt en "
        "de inburgeraars over de aanbieders worden verdeeld, en wie in perceel Participatieverklaringstraject "
        "(open house) wordt toegelaten, zonder rangorde." in inleiding
    )

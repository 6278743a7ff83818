"""In a tender with award lots and open-house lots below the threshold, the systematiek says of the open house 'Het
is geen vervaltermijn' and then, unqualified, 'De termijn is een vervaltermijn': two sentences of one published
text that contradict each other for the open-house lot. The second names the award lots now."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, open_house_module


def _tekst(ws: Path) -> str:
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", (ws / "gunningssystematiek.html").read_text())))


def test_vervaltermijn_alleen_van_de_gunningspercelen(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["PVT"] = open_house_module("Participatieverklaringstraject", 350)
    for g, n in zip(data["gemeenten"], (10, 6, 4), strict=True):
        g["inburgeraars"]["PVT"] = n
    tekst = _tekst(maak_werkmap(tmp_path / "ws", data))
    assert "Het is geen vervaltermijn" in tekst  # the open house
    assert "De termijn is een vervaltermijn" not in tekst
    assert (
        "De geraamde waarde van het gunningsperceel (B1-route) ligt onder de Europese drempel; de opschortende termijn "
        "van het gunningsperceel volgt daarom niet uit art. 2.127 Aanbestedingswet 2012 maar uit deze "
        "aanbestedingsstukken. Die termijn is een vervaltermijn: " in tekst
    )
    # a tender of award lots alone keeps its sentence
    tekst = _tekst(maak_werkmap(tmp_path / "alleen", kleine_aanbesteding()))
    assert (
        "De geraamde waarde ligt onder de Europese drempel; de opschortende termijn volgt daarom niet uit art. 2.127 "
        "Aanbestedingswet 2012 maar uit deze aanbestedingsstukken. De termijn is een vervaltermijn: " in tekst
    )


BOVEN = "De opschortende termijn{} is tevens een vervaltermijn: wie niet binnen de termijn een kort geding aanhangig maakt, kan daarna niet meer tegen de gunningsbeslissing opkomen. Wie inschrijft, aanvaardt deze termijn."


def test_boven_de_drempel_kondigt_de_systematiek_de_vervaltermijn_aan(tmp_path: Path) -> None:
    """Art. 2.127 sets the standstill, not a vervaltermijn; that one binds only as the tender documents set it. Above
    the threshold the letters said 'Dit is een vervaltermijn' while the systematiek said nothing of one. Now the
    systematiek announces it (for the award lots beside an open house) and the letters refer to the documents.
    B1 with 20 + 12 + 8 = 40 inburgeraars a year for 2 years (no looptijd: the default) at the ceiling of EUR 10.000 is
    at least EUR 800.000, above EUR 750.000 (art. 2.38 Aw)."""
    data = kleine_aanbesteding()
    for g, n in zip(data["gemeenten"], (20, 12, 8), strict=True):
        g["inburgeraars"]["B1"] = n
    tekst = _tekst(maak_werkmap(tmp_path / "alleen", data))
    assert "onder de Europese drempel" not in tekst
    assert BOVEN.format("") in tekst
    data["percelen"]["PVT"] = open_house_module("Participatieverklaringstraject", 350)
    for g, n in zip(data["gemeenten"], (10, 6, 4), strict=True):
        g["inburgeraars"]["PVT"] = n
    tekst = _tekst(maak_werkmap(tmp_path / "gemengd", data))
    assert "Het is geen vervaltermijn" in tekst  # the open house
    assert BOVEN.format(" van het gunningsperceel (B1-route)") in tekst

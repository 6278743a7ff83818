"""The published method and the advies name a lot's price method in words, with its own amount.

The systematiek (the text every bidder bids on) headed the price rule 'Prijs en rangorde (fictieve_korting).' and
'(vaste_prijs).', the YAML code with its underscore; the advies listed under 'Regels zoals toegepast' only
'Prijsmethode fictieve_korting.' (without the maximum discount that decides the ranking, which the letters and the
systematiek state) and headed its calculation 'Methode fictieve_korting:'. The rules as applied are now the method's
own sentence, the one the systematiek and the letters print (`Prijsmethode.beschrijving`).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def _lot(methode: str) -> dict:
    data = kleine_aanbesteding()
    b1 = data["percelen"]["B1"]
    del b1["weging"]
    b1["prijsmethode"] = methode
    if methode == "fictieve_korting":
        b1["max_fictieve_korting"] = 3000
    else:
        b1["vaste_prijs"] = 9500
    return data


@pytest.mark.parametrize(
    ("methode", "woorden", "zin"),
    [
        (
            "fictieve_korting",
            "fictieve korting",
            "Gunnen op Waarde (fictieve prijs): de kwaliteitsscore levert een fictieve korting op van hoogstens "
            "EUR 3.000,00 (bij kwaliteitsscore 100)",
        ),
        ("vaste_prijs", "vaste prijs", "De prijs per traject ligt voor alle inschrijvers vast op EUR 9.500,00"),
    ],
)
def test_methode_in_woorden(tmp_path: Path, methode: str, woorden: str, zin: str) -> None:
    ws = maak_werkmap(tmp_path / "ws", _lot(methode))
    r = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    systematiek = html_tekst(ws / "gunningssystematiek.html")
    assert methode not in systematiek
    assert f"Prijs en rangorde ({woorden}). {zin}" in systematiek

    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 12, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9500, 12, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75, "Beta": 50})
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert methode not in advies
    regels = advies.split("Regels zoals toegepast")[1].split("Knock-outtoets")[0]
    assert zin in regels  # the amount that decides, as the systematiek publishes it
    assert f"Methode {woorden} : " in advies.split("Prijs en rangorde")[1]  # the heading is bold: a tag before ":"

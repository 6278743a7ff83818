"""A letter showed the scores per criterium (5,00) and the quality score (50,00) with no word on how the one becomes the
other; the scale maximum is in the systematiek only. The letter now gives the formula with the lot's scale maximum and
weights, in the words the systematiek publishes."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel

FORMULE = (
    "Kwaliteitsscore (0-100) = som over de criteria van weging x punten / maximale punten (10), gedeeld door de som "
    "van de wegingen (100), x 100."
)


def test_brief_noemt_de_formule_van_de_kwaliteitsscore(tmp_path: Path) -> None:
    """Scale 0, 5, 10; weights 60 and 40. X scores 5 on both: (60 x 5 / 10 + 40 x 5 / 10) / 100 x 100 = 50,00; Y 10 on
    both: 100,00."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["schaal"] = {"stappen": [0, 5, 10]}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9500, 10, 12, 4, "alle")])
    vul_panel(ws, {"X": 5, "Y": 10})
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    x = html_tekst(ws / "rapporten" / "brieven" / "x-b1.html")
    assert "5,00" in x and "50,00" in x, x
    assert f"Uit deze scores volgt uw kwaliteitsscore, zoals de gunningssystematiek die berekent: {FORMULE}" in x, x
    r = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    assert FORMULE in html_tekst(ws / "gunningssystematiek.html")

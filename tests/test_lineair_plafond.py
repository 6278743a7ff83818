"""lineair with every valid price at the ceiling: the published formula (plafondprijs - prijs) / (plafondprijs -
laagste geldige prijs) x 100 is 0 / 0 there, and the award gave every bid prijsscore 100 (the advies: 'alle prijzen
gelijk aan de plafondprijs: 100,00'), a rule the systematiek and the letters never announced. The method's words now
say it, in the systematiek and in the letter that applies it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel

REGEL = "Ligt de laagste geldige prijs op de plafondprijs, dan is de prijsscore van iedere inschrijving 100."


def test_alle_prijzen_op_het_plafond_is_aangekondigd(tmp_path: Path) -> None:
    """A (quality 100) and B (quality 50) both at EUR 10.000, the ceiling: prijsscore 100 each, totals
    0,6 x 100 + 0,4 x 100 = 100 and 0,6 x 50 + 40 = 70."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["prijsmethode"] = "lineair"
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 10000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 10000, 20, 12, 4, "alle")])
    vul_panel(ws, {"A": 100, "B": 50})
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    assert REGEL in html_tekst(ws / "gunningssystematiek.html")
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    brief = html_tekst(ws / "rapporten" / "brieven" / "b-b1.html")
    assert REGEL in brief
    assert "uw prijsscore: 100,00. Uw totaalscore: 0,60 x 50,00 + 0,40 x 100,00 = 70,00." in brief

"""The expectation of an open house spreads each gemeente's inburgeraars over the admitted suppliers by capacity, per
gemeente; over the whole lot a supplier can so be expected to take more than the capacity of its bid. The advies says
so ('de verwachting ligt boven de capaciteit uit de inschrijving bij ...'), but the page of the gemeente, which shows
that supplier with its expected number, said nothing: a Z-route in Drenthe with one admitted supplier of capacity 15
against 23 expected showed Emmen '10 per jaar' at that supplier without a word. The page now says it too."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_toelating, maak_werkmap, schrijf_bod


def test_gemeentepagina_noemt_een_verwachting_boven_de_capaciteit(tmp_path: Path) -> None:
    """kleine_toelating: Noord 10, Oost 6, Zuid 4 (20 a year); Alfa alone, capacity 12, is expected all 20."""
    ws = maak_werkmap(tmp_path / "ws", kleine_toelating())
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 12, 12, 4, "alle")])
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    advies = " ".join(html_tekst(ws / "rapporten" / "gunningsadvies.html").split())
    assert "de verwachting ligt boven de capaciteit uit de inschrijving bij Alfa (20 per jaar tegen capaciteit 12)" in (
        advies
    )
    for gemeente, aantal in (("noord", 10), ("oost", 6), ("zuid", 4)):
        pagina = " ".join(html_tekst(ws / "rapporten" / "gemeenten" / f"{gemeente}.html").split())
        assert f"Alfa {aantal} EUR" in pagina, pagina
        assert (
            "Let op: Alfa heeft volgens de inschrijving een capaciteit van 12 per jaar, tegen een verwachting van 20 "
            "per jaar over alle gemeenten van dit perceel: de verwachting volgt per gemeente alleen de verhouding van "
            "de capaciteiten, dus deze aanbieder kan niet alle verwachte inburgeraars van het perceel opnemen."
        ) in pagina, pagina


def test_geen_melding_binnen_de_capaciteit(tmp_path: Path) -> None:
    """Alfa (capacity 20) and Beta (30): Alfa is expected 8 of the 20, Beta 12; neither exceeds its capacity."""
    ws = maak_werkmap(tmp_path / "ws", kleine_toelating())
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9900, 30, 12, 4, "alle")])
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    assert "volgens de inschrijving een capaciteit" not in html_tekst(ws / "rapporten" / "gemeenten" / "noord.html")

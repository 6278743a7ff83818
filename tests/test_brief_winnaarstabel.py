"""The table of awarded parties in a letter was introduced as 'de verwachte verdeling van de 20 trajecten per jaar
over de gemeenten is:', above a table of parties (inschrijver, rang, inburgeraars, aandeel), not of gemeenten; the
recipient looked for gemeenten in it. The sentence now says the table divides the volume over those parties."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def _brieven(tmp_path: Path, capaciteit_a: int) -> list[str]:
    """The letters to A (quality 100) and B (quality 50, capacity 20), both EUR 9.000 for 20 inburgeraars."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, capaciteit_a, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    vul_panel(ws, {"A": 100, "B": 50})
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    return [html_tekst(ws / "rapporten" / "brieven" / f"{naam}-b1.html") for naam in ("a", "b")]


def test_tabel_van_de_partijen_heet_zo(tmp_path: Path) -> None:
    """A (quality 100, EUR 9.000, capacity 12) and B (quality 50, EUR 9.000, capacity 20): 20 inburgeraars, A 12
    (60,0%), B 8 (40,0%)."""
    for brief in _brieven(tmp_path, capaciteit_a=12):
        assert "over de gemeenten is:" not in brief
        assert (
            "De raamovereenkomst voor dit perceel wordt gesloten met 2 partijen; de verwachte verdeling van de 20 "
            "trajecten per jaar over die partijen is:" in brief
        )


def test_een_partij_in_het_enkelvoud(tmp_path: Path) -> None:
    """One awarded party: 'gesloten met 1 partij; ... over die partij is:', not 'over die partijen'. A (quality 100,
    capacity 20) takes all 20; B (quality 50) gets none."""
    for brief in _brieven(tmp_path, capaciteit_a=20):
        assert (
            "wordt gesloten met 1 partij; de verwachte verdeling van de 20 trajecten per jaar over die partij is:"
            in brief
        )

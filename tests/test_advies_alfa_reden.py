"""Krippendorff's alpha that cannot be computed says why in the advies.

Where both reviewers gave every bid the same score on a criterion, the table said 'niet te berekenen' and nothing
else: next to criteria with a figure it reads as a fault of the panel, while the reviewers agreed completely (alpha
measures agreement against variation, and there is none). With one assessed bid there is nothing to compare either."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_scores


def test_alfa_niet_te_berekenen_met_reden(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    # Plan van aanpak: 100 and 50 from both reviewers (alpha 1); Samenwerking: 75 everywhere (no variation)
    vul_scores(
        ws,
        {("Alfa", "Plan van aanpak"): 100, ("Beta", "Plan van aanpak"): 50,
         ("Alfa", "Samenwerking"): 75, ("Beta", "Samenwerking"): 75},
    )  # fmt: skip
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "Criterium Alfa Plan van aanpak 1,000 Samenwerking niet te berekenen: iedere score is 75 " in advies

    ws = maak_werkmap(tmp_path / "een", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    vul_scores(ws, {("Alfa", "Plan van aanpak"): 100, ("Alfa", "Samenwerking"): 50})
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "Plan van aanpak niet te berekenen: één beoordeelde inschrijving " in advies


def test_alfa_reden_ook_in_terminal_agenda_en_intern_stuk(tmp_path: Path) -> None:
    """The terminal of `evaluatie beoordelingen`, the consensus agenda and the internal reliability report said only
    'niet te berekenen' where the advies says why: with one assessed bid (Alfa alone, a module lot with one valid
    bid) every one of them now gives the same reason as the advies."""
    ws = maak_werkmap(tmp_path / "een", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    vul_scores(ws, {("Alfa", "Plan van aanpak"): 100, ("Alfa", "Samenwerking"): 50})
    reden = "niet te berekenen: één beoordeelde inschrijving"
    r = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    assert f"Krippendorffs alfa Plan van aanpak: {reden}" in r.output, r.output
    r = CliRunner().invoke(main, ["template", "consensus", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    agenda = html_tekst(ws / "rapporten" / "intern" / "consensus-agenda.html")
    assert f"Plan van aanpak {reden}" in agenda, agenda
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    intern = html_tekst(ws / "rapporten" / "intern" / "betrouwbaarheid.html")
    assert f"Plan van aanpak {reden}" in intern, intern
    assert "niet te berekenen -" not in intern  # never the bare words before the next column

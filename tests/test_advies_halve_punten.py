"""On a half-point scale the advies's panel table showed each reviewer's score, the spread and the consensus score
rounded to whole points (getal with 0 decimals): a reviewer's 7,5 read '8', a spread of 2,5 read '3', and the
consensus list 'X, Plan van aanpak: 8 - ...' next to a score of 7,50, in the document the college decides on.
They now read as the scale has them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling, vul_consensus


def test_halve_punten_in_de_tabel_van_het_panel(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["schaal"] = {"stappen": [0, 2.5, 5, 7.5, 10]}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    assert CliRunner().invoke(main, ["template", "beoordeling", "--werkmap", str(ws)]).exit_code == 0
    for naam, k1 in (("ada", 7.5), ("bram", 5)):
        vul_beoordeling(
            ws / "beoordelingen" / f"{naam}.xlsx", {("X", "Plan van aanpak"): k1, ("X", "Samenwerking"): 7.5}
        )
    vul_consensus(ws, {("X", "Samenwerking"): (7.5, "Het plan beschrijft het overleg concreet.")}, dt.date(2026, 3, 20))
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    tekst = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    # by hand: Plan van aanpak 7,5 and 5, spread 2,5 (one step), mean 6,25; Samenwerking 7,5 by both, consensus 7,5
    assert "X Plan van aanpak 60% 7,5 5 2,5 (1 st.) 6,25 berekend" in tekst, tekst
    assert "X Samenwerking 40% 7,5 7,5 0 (0 st.) 7,50 consensus" in tekst
    assert "X, Samenwerking: 7,5 - Het plan beschrijft het overleg concreet." in tekst


def test_halve_punten_in_het_signaal_van_de_terminal(tmp_path: Path) -> None:
    """`evaluatie beoordelingen` printed a signal on a half-point scale as 'spreiding 2 schaalstappen (Ada 8, Bram 3)'
    for scores 7,5 and 2,5, and the mean 5 next to them; the scores are now those of the scale."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["schaal"] = {"stappen": [0, 2.5, 5, 7.5, 10]}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    assert CliRunner().invoke(main, ["template", "beoordeling", "--werkmap", str(ws)]).exit_code == 0
    for naam, k1 in (("ada", 7.5), ("bram", 2.5)):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", {("X", "Plan van aanpak"): k1, ("X", "Samenwerking"): 5})
    r = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    uit = " ".join(r.output.split())
    assert "Signaal: X, Plan van aanpak: spreiding 2 schaalstappen (Ada 7,5, Bram 2,5)" in uit, uit

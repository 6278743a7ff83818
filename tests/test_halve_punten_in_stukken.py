"""A scale with half points (0, 2,5, 5, 7,5) was published rounded: the systematiek's scale table read 'Score 3,
Punten 3' and '8 8', its formula 'maximale punten (8)', and its warning 'schaalpunt(en) 0, 3, 5, 8' (getal with 0
decimals), while the sentence under the table and the reviewers' drop-down said 2,5 and 7,5; the inschrijfformulier
wrote '2.5' with a decimal point. Every published text now gives the points as the scale has them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap


def test_halve_punten_in_systematiek_en_inschrijfformulier(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["schaal"] = {"stappen": [0, 2.5, 5, 7.5]}
    ws = maak_werkmap(tmp_path / "ws", data)
    r = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    uit = " ".join(r.output.split())
    assert "schaalpunten 0; 2,5; 5; 7,5 zonder omschrijving" in uit  # '; ' between half points
    tekst = html_tekst(ws / "gunningssystematiek.html")
    # by hand: each step's score and points as the scale gives them, the highest 7,5
    assert "Score Punten Betekenis 0 0 - 2,5 2,5 - 5 5 - 7,5 7,5 -" in tekst
    assert "weging x punten / maximale punten (7,5)" in tekst
    assert " 3 3 - " not in tekst and "(8)" not in tekst
    r = CliRunner().invoke(main, ["template", "inschrijving", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    blad = load_workbook(ws / "inschrijfformulier.xlsx")["Perceelgegevens"]
    scores = [rij[0] for rij in blad.iter_rows(values_only=True) if rij[1] in (0, 2.5, 5, 7.5) and rij[2] == "-"]
    assert scores == ["0", "2,5", "5", "7,5"]

"""A rule's percentage is published as the rule computes it. `max_aandeel: 0.625`, `abnormaal_laag: 0.125` and
`raammaximum: {opslag: 0.125}` were written rounded to whole percents ('hoogstens 62% van het volume' in the
letters, '63%' in the systematiek, 'meer dan 13% onder het gemiddelde', 'het maximum ligt 13% daarboven'), so the
published rule was not the one applied, and two texts gave two numbers for one rule."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def test_regels_met_een_half_procent(tmp_path: Path) -> None:
    """20 inburgeraars: A (quality 100, capacity 20) is capped at 62,5% of 20 = 12,5, rounded down 12; B gets 8.
    Expected 20 x 2 years = 40 trajectories; the maximum 40 x 1,125 = 45."""
    data = kleine_aanbesteding()
    b1 = data["percelen"]["B1"]
    b1["verdeling"] = {"max_aandeel": 0.625}
    b1["abnormaal_laag"] = 0.125
    b1["raammaximum"] = {"opslag": 0.125}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    vul_panel(ws, {"A": 100, "B": 50})
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    systematiek = html_tekst(ws / "gunningssystematiek.html")
    assert "een aanbieder krijgt hoogstens 62,5% van het volume (naar beneden afgerond)" in systematiek
    assert "ligt een prijs meer dan 12,5% onder het gemiddelde" in systematiek
    assert "het maximum ligt 12,5% daarboven" in systematiek
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    brief = html_tekst(ws / "rapporten" / "brieven" / "a-b1.html")
    assert "het maximale aandeel van 62,5% van het volume (hoogstens 12 van 20)" in brief
    assert "Verwacht worden 40 trajecten" in brief and "het maximum ligt 12,5% daarboven" in brief
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "een prijs die meer dan 12,5% onder het gemiddelde van de andere geldige inschrijvingen" in advies
    assert "hoogstens 62,5% van het volume" in advies
    for tekst in (systematiek, brief, advies):
        assert "63%" not in tekst and "62%" not in tekst and "13%" not in tekst

"""The tiny-split signal proposes only a rule that would have avoided the split it names.

min_volume bounds a supplier's share of the whole lot; a supplier with 12 in the lot and 2 in one gemeente is
not touched by min_volume 3, so proposing it (as the advies did) told the college something untrue."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling


def _gunning(tmp_path: Path, capaciteit_x: int) -> str:
    """Noord 10, Oost 6, Zuid 4. X (better quality, same price) gets its capacity in Noord first (the tender's
    order decides between equal allocations); Y the rest: 10 - capaciteit_x in Noord, and Oost and Zuid."""
    ws = maak_werkmap(tmp_path / f"ws{capaciteit_x}", kleine_aanbesteding())
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, capaciteit_x, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    scores = {
        ("X", "Plan van aanpak"): 100,
        ("X", "Samenwerking"): 100,
        ("Y", "Plan van aanpak"): 50,
        ("Y", "Samenwerking"): 50,
    }
    for form in sorted((ws / "beoordelingen").glob("*.xlsx")):
        vul_beoordeling(form, scores)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), "--geen-rapport"])
    assert res.exit_code == 0, res.output
    return " ".join(res.output.split())


def test_geen_min_volume_als_de_kleine_aanbieder_elders_genoeg_krijgt(tmp_path: Path) -> None:
    tekst = _gunning(tmp_path, capaciteit_x=8)  # Y: 2 in Noord, 12 in the lot
    assert "kleine aantallen bij een tweede aanbieder in een gemeente (Noord: Y krijgt 2 van 10)" in tekst
    assert "verdeling.max_leveranciers_per_gemeente: 1" in tekst
    assert "verdeling.min_volume" not in tekst


def test_min_volume_als_de_aanbieder_in_het_hele_perceel_weinig_krijgt(tmp_path: Path) -> None:
    """X has capacity 2: it gets 2 in Noord and nothing elsewhere, so min_volume 3 would have avoided it."""
    tekst = _gunning(tmp_path, capaciteit_x=2)
    assert "Noord: X krijgt 2 van 10" in tekst
    assert "verdeling.min_volume (een minimum per aanbieder over het hele perceel, bijvoorbeeld 3)" in tekst

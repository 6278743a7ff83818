"""A flagged row names the reviewer furthest from the others only when one stands apart."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling


def test_twee_beoordelaars_die_het_oneens_zijn_wijken_geen_van_beiden_af(tmp_path: Path) -> None:
    """Ada 100, Bram 0 on one row (4 steps): with two reviewers each is as far from the other, and the terminal and
    the advies used to call both 'afwijkend', pointing at two people for nothing."""
    data = kleine_aanbesteding()
    data["beoordeling"] = {"signaal_spreiding_stappen": 1}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa Taal", "12345678", [("B1", 9000, 40, 12, 4, "alle")])
    runner = CliRunner()
    assert runner.invoke(main, ["template", "beoordeling", "--werkmap", str(ws)]).exit_code == 0
    for naam, punten in (("ada", 100), ("bram", 0)):
        vul_beoordeling(
            ws / "beoordelingen" / f"{naam}.xlsx",
            {("Alfa Taal", "Plan van aanpak"): punten, ("Alfa Taal", "Samenwerking"): 50},
        )
    res = runner.invoke(main, ["beoordelingen", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    assert (
        "Signaal: Alfa Taal, Plan van aanpak: spreiding 4 schaalstappen (Ada 100, Bram 0); geen beoordelaar wijkt meer "
        "af dan de andere" in res.output
    )
    assert "afwijkend" not in res.output
    res = runner.invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    advies = (ws / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8")
    assert "spreiding 4 schaalstappen; geen beoordelaar wijkt meer af dan de andere;" in advies
    assert "afwijkend: Beoordelaar" not in advies

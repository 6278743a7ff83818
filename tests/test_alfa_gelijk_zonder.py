"""Krippendorff's alpha rises as much without one reviewer as without another (mirror-image scores): the terminal
and the consensus agenda named only the alphabetically first, 'zonder Ada: ...', as if she alone differed most. Both
are named now."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling


def test_gelijke_stijging_noemt_beide_beoordelaars(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(beoordelaars=["Ada", "Bram", "Cees"]))
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    assert CliRunner().invoke(main, ["template", "beoordeling", "--werkmap", str(ws)]).exit_code == 0
    for naam, x, y in (("ada", 100, 0), ("bram", 50, 50), ("cees", 0, 100)):  # Ada and Cees mirror each other
        scores = {("X", "Plan van aanpak"): x, ("Y", "Plan van aanpak"): y}
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", scores | {(i, "Samenwerking"): 50 for i in "XY"})
    # by hand, interval metric, Plan van aanpak: X (100, 50, 0) and Y (0, 50, 100), n = 6.
    # D_e = ordered pairs of all six: 2 x (4 x 2500 + 4 x 2500 + 4 x 10000) / (6 x 5) = 4000;
    # D_o = (2 x (2500 + 10000 + 2500) / 2) x 2 units / 6 = 5000; alpha = 1 - 5000/4000 = -0,25.
    # Without Ada: X (50, 0), Y (50, 100): D_o = (5000 + 5000) / 4 = 2500; D_e = 2 x (2 x 2500 + 2 x 2500 + 10000)
    # / 12 = 3333,3; alpha = 1 - 0,75 = 0,25. Without Cees the mirror image: 0,25. Without Bram: -0,5.
    r = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    assert "Krippendorffs alfa Plan van aanpak: -0,250 (zonder Ada of Cees: 0,250)" in r.output
    r = CliRunner().invoke(main, ["template", "consensus", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    agenda = (ws / "rapporten" / "intern" / "consensus-agenda.html").read_text(encoding="utf-8")
    assert "<td>zonder Ada of Cees: 0,250</td>" in agenda

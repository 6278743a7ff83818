"""Before a draw, the explanation of a provisional distribution does not claim an order that does not exist.

Two bids with the same total share rank 1 until the draw. The provisional distribution (CONCEPT) puts one
first by name only, and its explanation said the other "gaat voor in de rangorde": untrue, and exactly the
order the draw is still to decide.
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def test_voorlopige_volgorde_bij_gelijke_stand(tmp_path: Path) -> None:

    # demand 20, max_aandeel 0.6: 12 for whoever goes first, 8 for the other (capacity 15 each)
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["verdeling"] = {"max_aandeel": 0.6}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 15, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9000, 15, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75, "Beta": 75})
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 1, r.output  # a draw is needed
    uitvoer = " ".join(r.output.split())
    assert "in de rangorde" not in uitvoer, uitvoer
    assert (
        "Beta krijgt 8 van zijn capaciteit 15: Alfa heeft dezelfde totaalscore en de volgorde tussen hen is niet "
        "door een beslisregel of loting bepaald; in deze verdeling gaat Alfa voor, alleen op alfabetische volgorde"
    ) in uitvoer, uitvoer
    advies = " ".join((ws / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8").split())
    assert "in de rangorde; bij gelijke" not in advies

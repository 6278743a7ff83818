"""The quality score is rounded once, at 4 decimals, like every score (evaluatie.prijs.precisie).

The panel's aggregation rounded each quality to 6 decimals first. Under fictieve_korting the discount is
max_fictieve_korting x quality / 100, so that rounding error is multiplied (x 50 at EUR 5.000) and reached the
4th decimal of the fictitious price: two bids with exactly the same fictitious price (16.000 / 3 each) came out
0,0001 apart, and the award went to one of them without the draw the README prescribes.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import fictieve_korting_in_punten, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_scores


def test_exacte_gelijke_fictieve_prijs_vraagt_loting(tmp_path: Path) -> None:
    data = fictieve_korting_in_punten(kleine_aanbesteding())
    data["percelen"]["B1"]["bij_gelijke_stand"] = []
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 8250, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 7000, 20, 12, 4, "alle")])
    # X: (10 x 25 + 20 x 75) / 30 = 175/3; korting 5000 x 175/300 = 8750/3; fictief 8250 - 8750/3 = 16000/3
    # Y: (10 x 50 + 20 x 25) / 30 = 100/3; korting 5000 x 100/300 = 5000/3; fictief 7000 - 5000/3 = 16000/3
    scores = {("X", "Plan van aanpak"): 25, ("X", "Samenwerking"): 75}
    scores |= {("Y", "Plan van aanpak"): 50, ("Y", "Samenwerking"): 25}
    vul_scores(ws, scores)
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 1, r.output  # both get all 20 if first: the draw decides
    assert "evaluatie loting --lots B1" in r.output, r.output
    rangorde = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["percelen"]["B1"]["rangorde"]
    per = {x["inschrijver"]: x for x in rangorde}
    assert [per[n]["totaal"] for n in "XY"] == [5333.3333, 5333.3333]
    assert [per[n]["prijsscore"] for n in "XY"] == [2916.6667, 1666.6667]
    assert [per[n]["rang"] for n in "XY"] == [1, 1]
    assert per["X"]["gelijke_stand"] and per["Y"]["gelijke_stand"]

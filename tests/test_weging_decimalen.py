"""A weighting with a decimal (62,5 / 37,5) stands in every calculation as it counts.

The berekening of a weighted method wrote the weights as fractions at 2 decimals: 'Uw totaalscore: 0,63 x 75,00 +
0,38 x 100,00 = 84,38', a sum that gives 85,25, below 'totaalscore = 62,5% x kwaliteitsscore + 37,5% x prijsscore'
in the same letter; the advies read 'Weging kwaliteit 63%, prijs 38%' (101% together).
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod
from tests.test_besluiten import _run, _vul


def test_weging_met_decimaal_in_berekening_en_advies(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["weging"] = {"kwaliteit": 62.5, "prijs": 37.5}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 8000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    _vul(ws, {"A": 75, "B": 100})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    # A: 0,625 x 75 + 0,375 x 100 = 46,875 + 37,5 = 84,375; B: 8.000 / 9.000 x 100 = 88,8889,
    # 0,625 x 100 + 0,375 x 88,8889 = 62,5 + 33,3333 = 95,8333
    brief = html_tekst(ws / "rapporten" / "brieven" / "a-b1.html")
    assert "Uw totaalscore: 0,625 x 75,00 + 0,375 x 100,00 = 84,38." in brief, brief
    gunning = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    berekening = {r["inschrijver"]: r["berekening"] for r in gunning["percelen"]["B1"]["rangorde"]}
    assert berekening["B"].endswith("; 0,625 x 100,00 + 0,375 x 88,89 = 95,83"), berekening
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "Weging kwaliteit 62,5%, prijs 37,5%." in advies
    assert "0,63 x" not in advies and "63%" not in advies


def test_hele_wegingen_blijven_twee_decimalen(tmp_path: Path) -> None:
    """60 / 40 keeps its fractions at 2 decimals ('0,60 x'), as every existing letter has them."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 8000, 20, 12, 4, "alle")])
    _vul(ws, {"A": 75})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    brief = html_tekst(ws / "rapporten" / "brieven" / "a-b1.html")
    # 0,6 x 75 + 0,4 x 100 = 45 + 40 = 85
    assert "Uw totaalscore: 0,60 x 75,00 + 0,40 x 100,00 = 85,00." in brief, brief
    assert "Weging kwaliteit 60%, prijs 40%." in html_tekst(ws / "rapporten" / "gunningsadvies.html")

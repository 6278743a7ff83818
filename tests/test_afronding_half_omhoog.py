"""Numbers for a reader are rounded as a reader rounds by hand: a half goes up (45,625 -> 45,63).

`format` rounds the binary value: 45.625 is exact in binary and went to the even 45,62, while 0,70 x 25,50 +
0,30 x 93,75 (= 45,975 exactly) came out of the float sum as 45.974999999999994 and went down to 45,97. A bidder who
checks "0,70 x 25,00 + 0,30 x 93,75 = 45,62" in the letter gets 17,50 + 28,125 = 45,625, so 45,63; gunning.json
gives 45.625.
"""

from __future__ import annotations

from pathlib import Path

from evaluatie.tekst import euro, getal
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod
from tests.test_besluiten import _run, _vul


def test_getal_rondt_een_half_omhoog() -> None:
    assert getal(45.625) == "45,63"  # exact in binary
    assert getal(0.7 * 25.5 + 0.3 * 93.75) == "45,98"  # 45,975, in floats 45.974999999999994
    assert getal(88.675) == "88,68"  # 88.675 in binary is just below
    assert getal(2.5, 0) == "3" and getal(0.125) == "0,13" and getal(-0.125) == "-0,13"
    assert getal(45.6249) == "45,62" and getal(1234567.895) == "1.234.567,90"
    assert euro(10450.005) == "EUR 10.450,01"
    assert getal(84.99555, 4) == "84,9956"


def test_brief_rekent_zoals_de_lezer(tmp_path: Path) -> None:
    """Weighting 70/30. A: EUR 7.500, quality 100. C: EUR 8.000, quality 25: price score 7.500 / 8.000 x 100 =
    93,75, total 0,70 x 25 + 0,30 x 93,75 = 17,50 + 28,125 = 45,625."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["weging"] = {"kwaliteit": 70, "prijs": 30}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 7500, 20, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", "C", "22222222", [("B1", 8000, 20, 12, 4, "alle")])
    _vul(ws, {"A": 100, "C": 25})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    brief = html_tekst(ws / "rapporten" / "brieven" / "c-b1.html")
    assert "Uw totaalscore: 0,70 x 25,00 + 0,30 x 93,75 = 45,63." in brief, brief
    assert "Totaalscore 45,63 100,00" in brief, brief
    assert "45,62" not in brief and "45,62" not in res.output

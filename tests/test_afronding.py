"""Numbers a reader checks by hand are rounded as a reader rounds: half up on the number as written. The Dutch
formatter used Python's format, which rounds the binary value half to even: 1 of 16 inburgeraars (6,25%) read
'6,2%' in the letters and the advies, next to '93,8%' for the other 15 (93,75%)."""

from __future__ import annotations

import random
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from evaluatie.tekst import euro, getal
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def test_getal_rondt_half_naar_boven_af() -> None:
    assert getal(6.25, 1) == "6,3"
    assert getal(93.75, 1) == "93,8"
    assert getal(2.675) == "2,68"  # the double is 2.67499999..., the number as written is 2.675
    assert getal(12.5, 0) == "13"
    assert getal(-0.125) == "-0,13"
    assert getal(1234567.891) == "1.234.567,89"
    assert euro(10450) == "EUR 10.450,00"


def test_aandeel_in_brief_en_advies(tmp_path: Path) -> None:
    """16 inburgeraars (Noord 8, Oost 5, Zuid 3): A (quality 100, capacity 15) gets 15 = 93,75%, B gets 1 = 6,25%."""
    data = kleine_aanbesteding()
    for g, n in zip(data["gemeenten"], (8, 5, 3), strict=True):
        g["inburgeraars"]["B1"] = n
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 15, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9000, 15, 12, 4, "alle")])
    vul_panel(ws, {"A": 100, "B": 50})
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    brief = html_tekst(ws / "rapporten" / "brieven" / "b-b1.html")
    assert "verzorgt u naar verwachting 1 van de 16 trajecten per jaar (6,3%)" in brief
    assert "A 1 15 93,8%" in brief and "B (u) 2 1 6,3%" in brief
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "B (1 van de 16 inburgeraars per jaar, 6,3%)" in advies


def test_naast_elkaar_toont_op_vier_decimalen_de_vergeleken_waarden() -> None:
    """Two scores the ranking tells apart (punten 303368 against 303369) read '30,3369' and '30,3369' once numbers
    were rounded half up as written: 30.33685 is 30,3369 by hand, but the ranking compares round(x * 10.000) of the
    double, 303368. At 4 decimals a letter shows the compared value itself, so what differs reads different."""
    from evaluatie.prijs.basis import euro_naast_elkaar, naast_elkaar
    from evaluatie.prijs.precisie import punten

    assert naast_elkaar(30.33685, 30.3369) == ("30,3368", "30,3369")
    assert euro_naast_elkaar(6916.66665, 6916.6667) == ("EUR 6.916,6666", "EUR 6.916,6667")
    rnd = random.Random(7)
    for _ in range(20_000):
        a = round(rnd.uniform(0, 100), 5)
        b = a + rnd.choice([0.00005, 0.0001, -0.00005])
        zijn, mijn = naast_elkaar(a, b)
        if punten(a) != punten(b):
            assert zijn != mijn, (a, b)

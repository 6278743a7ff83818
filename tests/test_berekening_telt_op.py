"""The berekening of a weighted method multiplies out as written.

A quality of 175 / 3 = 58,3333 and a price score of 8.000 / 9.000 x 100 = 88,8889 read '0,60 x 58,33 + 0,40 x 88,89 =
70,56': a reader who redoes that sum gets 34,998 + 35,556 = 70,554, so 70,55, not the 70,56 of the letter (the total is
0,6 x 58,3333 + 0,4 x 88,8889 = 70,5556). Where 2 decimals do not give the shown total, the line shows the scores at the
ranking's 4 decimals (or more) and says what is rounded, as the berekening of fictieve_korting does.
"""

from __future__ import annotations

from pathlib import Path

from evaluatie.prijs.basis import Kandidaat
from evaluatie.prijs.rangorde import rangschik
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_scores
from tests.test_besluiten import _run
from tests.test_prijs import _perceel


def derden_werkmap(tmp_path: Path) -> Path:
    """A (EUR 9.000, quality 175 / 3) and B (EUR 8.000, quality 125 / 3): criteria of 1 and 2 points."""
    data = kleine_aanbesteding()
    b1 = data["percelen"]["B1"]
    b1["criteriumweging"] = "punten"
    b1["gunningscriteria"] = {
        "K1": {"naam": "Plan van aanpak", "weging": 1},
        "K2": {"naam": "Samenwerking", "weging": 2},
    }
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 8000, 20, 12, 4, "alle")])
    # A: (1 x 25 + 2 x 75) / 3 = 58,3333; B: (1 x 25 + 2 x 50) / 3 = 41,6667
    vul_scores(
        ws,
        {
            ("A", "Plan van aanpak"): 25,
            ("A", "Samenwerking"): 75,
            ("B", "Plan van aanpak"): 25,
            ("B", "Samenwerking"): 50,
        },
    )
    return ws


def test_brief_rekent_na_met_getoonde_getallen(tmp_path: Path) -> None:
    ws = derden_werkmap(tmp_path)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    brief = html_tekst(ws / "rapporten" / "brieven" / "a-b1.html")
    # 0,60 x 58,3333 + 0,40 x 88,8889 = 34,99998 + 35,55556 = 70,55554, which is 70,56
    assert (
        "Uw totaalscore: 0,60 x 58,3333 + 0,40 x 88,8889 = 70,56 (kwaliteitsscore en prijsscore afgerond op 4 "
        "decimalen, totaalscore op 2)." in brief
    ), brief
    assert "0,60 x 58,33 + 0,40 x 88,89" not in brief
    # B: 0,60 x 41,67 + 0,40 x 100,00 = 25,002 + 40 = 65,002, which is 65,00: 2 decimals do
    brief_b = html_tekst(ws / "rapporten" / "brieven" / "b-b1.html")
    assert "Uw totaalscore: 0,60 x 41,67 + 0,40 x 100,00 = 65,00." in brief_b, brief_b


def test_lineair_prijsscore_in_de_stap_zoals_in_de_som(tmp_path: Path) -> None:
    """The price score stands once, at the decimals the sum uses: in the step that computes it as well."""
    perceel = _perceel(tmp_path, prijsmethode="lineair")
    # X: (10.000 - 9.000) / (10.000 - 7.000) x 100 = 33,3333; 0,6 x 58,3333 + 0,4 x 33,3333 = 35 + 13,3333 = 48,3333
    # at 2 decimals 0,6 x 58,33 + 0,4 x 33,33 = 34,998 + 13,332 = 48,33: that suffices
    # Y (the lowest price): 100; 0,6 x 41,6667 + 40 = 65; at 2 decimals 25,002 + 40 = 65,002: 65,00
    x = Kandidaat("X", 9000, 175 / 3, 10, 4)
    y = Kandidaat("Y", 7000, 125 / 3, 10, 4)
    regels = {r.inschrijver: r.berekening for r in rangschik(perceel, [x, y])}
    assert regels["X"] == (
        "(EUR 10.000,00 - EUR 9.000,00) / (EUR 10.000,00 - EUR 7.000,00) x 100 = 33,33; 0,60 x 58,33 + 0,40 x 33,33 "
        "= 48,33"
    )
    # U: quality 58,3333 at 7.333,33: (10.000 - 7.333,33) / 3.000 x 100 = 88,889; 35 + 35,5556 = 70,5556 (70,56);
    # at 2 decimals 34,998 + 35,556 = 70,554 (70,55): 4 decimals are needed, in the step as well
    u = Kandidaat("U", 7333.33, 175 / 3, 10, 4)
    regels = {r.inschrijver: r.berekening for r in rangschik(perceel, [u, y])}
    assert regels["U"] == (
        "(EUR 10.000,00 - EUR 7.333,33) / (EUR 10.000,00 - EUR 7.000,00) x 100 = 88,8890; 0,60 x 58,3333 + 0,40 x "
        "88,8890 = 70,56 (kwaliteitsscore en prijsscore afgerond op 4 decimalen, totaalscore op 2)"
    )

"""The tie-break rule 'hoogste kwaliteitsscore' names the scores it compared so that they read different.

Criteria of 1 and 10.000 points. A: scores 25 and 50, quality (25 + 500.000) / 10.001 = 49,997500; B: 0 and 50,
quality 500.000 / 10.001 = 49,995000. A at EUR 9.000,34 against B at EUR 9.000: price score 9.000 / 9.000,34 x 100 =
99,996222, total 0,6 x 49,9975 + 0,4 x 99,996222 = 29,9985 + 39,998489 = 69,996989, at 4 decimals 69,9970; B 29,997 +
40 = 69,9970. Equal totals; the higher quality (49,9975 against 49,9950 at 4 decimals) puts A first. B's letter said
'dus gaat A voor: de kwaliteitsscore van A is 50,00, die van u 50,00', a rule that decided on two equal numbers.
"""

from __future__ import annotations

from pathlib import Path

from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_scores
from tests.test_besluiten import _run


def test_kwaliteit_die_beslist_staat_op_vier_decimalen(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    b1 = data["percelen"]["B1"]
    b1["bij_gelijke_stand"] = ["hoogste_kwaliteit"]
    b1["criteriumweging"] = "punten"
    b1["gunningscriteria"] = {
        "K1": {"naam": "Plan van aanpak", "weging": 1},
        "K2": {"naam": "Samenwerking", "weging": 10000},
    }
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000.34, 10, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9000, 10, 12, 4, "alle")])
    vul_scores(
        ws,
        {
            ("A", "Plan van aanpak"): 25,
            ("A", "Samenwerking"): 50,
            ("B", "Plan van aanpak"): 0,
            ("B", "Samenwerking"): 50,
        },
    )
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    brief_b = html_tekst(ws / "rapporten" / "brieven" / "b-b1.html")
    assert "dus gaat A voor: de kwaliteitsscore van A is 49,9975, die van u 49,9950." in brief_b, brief_b
    brief_a = html_tekst(ws / "rapporten" / "brieven" / "a-b1.html")
    assert "dus gaat u voor: uw kwaliteitsscore is 49,9975, die van B 49,9950." in brief_a, brief_a

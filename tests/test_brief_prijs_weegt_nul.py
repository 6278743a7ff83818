"""With the price weighing 0% the letter's price comparison said 'Prijs: uw prijsscore (100,00) is hoger dan die van
B (88,89); dat levert u 0,0000 punten in de totaalscore op': a price advantage that counts for nothing, in four
decimals. It now says that the price scores do not count, as the published method (0% x prijsscore) says."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel
from tests.test_besluiten import _run


def test_prijs_weegt_nul(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["weging"] = {"kwaliteit": 100, "prijs": 0}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 8000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    vul_panel(ws, {"A": 75, "B": 100})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    brief = html_tekst(ws / "rapporten" / "brieven" / "a-b1.html")
    # A: 8.000 / 8.000 x 100 = 100; B: 8.000 / 9.000 x 100 = 88,89
    assert (
        "Prijs: uw prijsscore (100,00) en die van B (88,89) tellen niet in de totaalscore: de prijs weegt 0%." in brief
    ), brief
    assert "0,0000 punten" not in brief

"""A letter that shows two awarded bids with the same total at different ranks says why.

Ceiling EUR 20.000, relatief 60/40, tie-break 'hoogste kwaliteit'. P: EUR 9.000 (the lowest), quality 75: 45 + 40 =
85. Q: EUR 14.400, quality 100: 60 + 0,4 x 9.000 / 14.400 x 100 = 60 + 25 = 85. Equal totals; the higher quality puts
Q first. Both are awarded (capacity 10 each). Z (EUR 9.500, quality 25) got nothing, and its letter listed 'Q 1, P 2'
with 'Totaalscore ... 85,00 85,00' and no word on why Q ranks above P. It now says which rule (or which draw) placed
them.
"""

from __future__ import annotations

from pathlib import Path

from tests.hulp import LOTING_WIE, html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel
from tests.test_besluiten import _run


def _werkmap(tmp_path: Path, regels: list[str]) -> Path:
    data = kleine_aanbesteding()
    data["percelen"]["B1"].update(plafondprijs=20000, abnormaal_laag=0.5, bij_gelijke_stand=regels)
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", 14400, 10, 12, 4, "alle")])
    schrijf_bod(ws, "z.xlsx", "Z", "33333333", [("B1", 9500, 10, 12, 4, "alle")])
    vul_panel(ws, {"P": 75, "Q": 100, "Z": 25})
    return ws


def test_beslisregel_tussen_twee_winnaars(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path, ["hoogste_kwaliteit"])
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    brief = html_tekst(ws / "rapporten" / "brieven" / "z-b1.html")
    assert "Totaalscore 52,89 85,00 85,00" in brief, brief  # Z: 15 + 0,4 x 9.000 / 9.500 x 100 = 15 + 37,89
    assert (
        "Q en P hebben dezelfde totaalscore; de beslisregel bij gelijke stand van de aanbesteding (de hoogste "
        "kwaliteitsscore) plaatst Q voor P." in brief
    ), brief


def test_loting_tussen_twee_winnaars(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path, [])
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 1  # the order decides who serves which gemeente
    res = _run(
        "loting", "--werkmap", str(ws), "--lots", "B1", "--volgorde", "P;Q", "--datum", "2026-03-20",
        "--getuige", "mr. J. Jansen, notaris", *LOTING_WIE,
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    brief = html_tekst(ws / "rapporten" / "brieven" / "z-b1.html")
    assert (
        "P en Q hebben dezelfde totaalscore; hun volgorde is bepaald door loting L1 van 20 maart 2026, in "
        "aanwezigheid van mr. J. Jansen, notaris." in brief
    ), brief

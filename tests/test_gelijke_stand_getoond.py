"""Two totals the ranking ties (equal at 4 decimals) read equal wherever they are shown.

X (EUR 9.502,44) and Y (EUR 9.502,45), both of quality 75, against L (EUR 9.000, quality 50), relatief 60/40:
X: 9.000 / 9.502,44 x 100 = 94,712516; 0,6 x 75 + 0,4 x 94,712516 = 45 + 37,885006 = 82,885006
Y: 9.000 / 9.502,45 x 100 = 94,712416; 45 + 37,884967 = 82,884967
At 4 decimals both are 82,8850, a tie ('gelijke stand', a draw). Shown at 2 decimals from the unrounded totals, X read
82,89 and Y 82,88: the terminal and the advies called two different totals a 'gelijke stand', and after the draw (Y
first) L's letter listed Y (rank 1) with 82,88 above X (rank 2) with 82,89. Every total shown now derives from the
compared one (82,8850, at 2 decimals 82,89), and Y's berekening, which at 2 decimals cannot reach 82,89 (its sum is
82,88497), gives the compared total at 4 decimals.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.hulp import LOTING_WIE, html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel
from tests.test_besluiten import _run


def _werkmap(tmp_path: Path) -> Path:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "l.xlsx", "L", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "x.xlsx", "X", "22222222", [("B1", 9502.44, 10, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "33333333", [("B1", 9502.45, 10, 12, 4, "alle")])
    vul_panel(ws, {"L": 50, "X": 75, "Y": 75})
    return ws


def test_gelijke_stand_toont_gelijke_totalen(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1, res.output  # the tie decides who gets what: a draw is needed
    assert "gelijke stand op rang 1 tussen X, Y" in res.output
    rijen = [r for r in res.output.splitlines() if r.strip().startswith("1  ")]
    assert len(rijen) == 2 and all(" 82,89 " in r for r in rijen), rijen
    assert "82,88" not in res.output
    # 82,8850 (Y's berekening) is the compared total; 82,88 alone would be Y's unrounded total at 2 decimals
    assert not re.search(r"82,88(?!\d)", html_tekst(ws / "rapporten" / "gunningsadvies.html"))

    res = _run(
        "loting", "--werkmap", str(ws), "--lots", "B1", "--volgorde", "Y;X", "--datum", "2026-03-20",
        "--getuige", "mr. J. Jansen, notaris", *LOTING_WIE,
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    brief_l = html_tekst(ws / "rapporten" / "brieven" / "l-b1.html")
    assert "Totaalscore 70,00 82,89 82,89" in brief_l, brief_l
    berekening = {
        r["inschrijver"]: r["berekening"]
        for r in json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["percelen"]["B1"][
            "rangorde"
        ]
    }
    # X: at 4 decimals 45 + 0,4 x 94,7125 = 82,885, a half; at 5 decimals 45 + 37,885008 = 82,885008: 82,89
    assert berekening["X"].endswith(
        "x 100 = 94,71252; 0,60 x 75,00 + 0,40 x 94,71252 = 82,89 (prijsscore afgerond op 5 decimalen, totaalscore "
        "op 2)"
    ), berekening["X"]
    # Y: 45 + 0,4 x 94,7124 = 82,88496, at 4 decimals 82,8850, the compared total
    assert berekening["Y"].endswith(
        "x 100 = 94,7124; 0,60 x 75,00 + 0,40 x 94,7124 = 82,8850 (prijsscore afgerond op 4 decimalen, totaalscore "
        "op 4, de precisie waarop de rangorde vergelijkt)"
    ), berekening["Y"]
    brief_y = html_tekst(ws / "rapporten" / "brieven" / "y-b1.html")
    assert "Uw totaalscore: 0,60 x 75,00 + 0,40 x 94,7124 = 82,8850" in brief_y, brief_y

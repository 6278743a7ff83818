"""The published method says how the compared total comes about: from the unrounded scores, rounded once.

It said 'iedere totaalscore, prijsscore en kwaliteitsscore wordt eenmaal op 4 decimalen afgerond en die afgeronde
waarde bepaalt de rangorde'. A reader who takes the rounded scores of gunning.json (kwaliteit 58,3333, prijsscore
88,8889) gets 0,6 x 58,3333 + 0,4 x 88,8889 = 34,99998 + 35,55556 = 70,55554, at 4 decimals 70,5555; the ranking
compares 0,6 x 175/3 + 0,4 x 800/9 = 35 + 35,55556 = 70,55556, so 70,5556.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.hulp import html_tekst
from tests.test_berekening_telt_op import derden_werkmap
from tests.test_besluiten import _run


def test_totaal_uit_niet_afgeronde_scores(tmp_path: Path) -> None:
    ws = derden_werkmap(tmp_path)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    a = next(
        r
        for r in json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["percelen"]["B1"][
            "rangorde"
        ]
        if r["inschrijver"] == "A"
    )
    assert (a["kwaliteit"], a["prijsscore"], a["totaal"]) == (58.3333, 88.8889, 70.5556)
    res = _run("template", "systematiek", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    tekst = html_tekst(ws / "gunningssystematiek.html")
    assert (
        "Scores worden vergeleken op 4 decimalen: de totaalscore wordt berekend met de niet-afgeronde kwaliteitsscore "
        "en prijsscore en daarna eenmaal op 4 decimalen afgerond; die afgeronde waarde bepaalt de rangorde" in tekst
    ), tekst
    assert "iedere totaalscore, prijsscore en kwaliteitsscore wordt eenmaal" not in tekst

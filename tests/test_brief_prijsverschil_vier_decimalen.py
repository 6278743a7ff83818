"""A letter's price comparison uses the precision that ranked the bids (4 decimals).

P (EUR 9.000) and Q (EUR 9.000,40) with the same quality: P's price score is 100,0000, Q's 9.000 / 9.000,40 x 100
= 99,9956, so P ranks first on the price alone. Q's letter said "Prijs: uw prijsscore en die van P zijn gelijk
(100,00)" (equal below half a hundredth), beside "op geen enkel criterium scoorde P hoger dan u": nothing it
named told the bids apart. With EUR 9.001 it said the price "scheelt 0,00 punten in de totaalscore".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod
from tests.test_besluiten import _run, _vul


@pytest.mark.parametrize(
    ("prijs", "zin"),
    [
        # 0,4 x (100 - 99,9956) = 0,00176
        (9000.40, "Prijs: P behaalde een prijsscore van 100,0000 tegen 99,9956 voor u; dat scheelt 0,0018 punten"),
        # 9.000 / 9.001 x 100 = 99,9889; 0,4 x 0,0111 = 0,00444
        (9001, "Prijs: P behaalde een prijsscore van 100,00 tegen 99,99 voor u; dat scheelt 0,0044 punten"),
    ],
)
def test_prijsverschil_onder_een_honderdste(tmp_path: Path, prijs: float, zin: str) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", prijs, 20, 12, 4, "alle")])
    _vul(ws, {"P": 75, "Q": 75})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    brief = html_tekst(ws / "rapporten" / "brieven" / "q-b1.html")
    assert zin in brief, brief
    assert "zijn gelijk" not in brief and "scheelt 0,00 punten" not in brief
    # P's letter says the same difference the other way round
    winnaar = html_tekst(ws / "rapporten" / "brieven" / "p-b1.html")
    assert "scheelt 0,00 punten" not in winnaar and "0,00 punten in de totaalscore op" not in winnaar

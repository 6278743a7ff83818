"""Fictieve korting: a letter tells fictitious prices apart as the ranking does (4 decimals), and never gives a
winner's fictitious price where the tender does not disclose prices.

Maximum discount EUR 5.000, criteria 10 and 20 points. P: EUR 9.416,67, scores 50 and 50, quality 50, discount
EUR 2.500, fictitious price EUR 6.916,67. Q: EUR 9.000, scores 25 and 50, quality (250 + 1.000) / 30 = 41,6667,
discount 5.000 x 41,6667 / 100 = EUR 2.083,3333, fictitious price EUR 6.916,6667: lower by EUR 0,0033, so Q is
first and gets all 20.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling
from tests.test_besluiten import _run

BESLIST = "Fictieve prijs, die beslist (de laagste staat eerst): de fictieve prijs van Q is lager dan de uwe"


def _brief_p(tmp_path: Path, prijs_winnaar: str) -> str:
    from evaluatie.pipeline import schrijf_beoordelingsformulieren
    from evaluatie.werkmap import Werkmap

    data = kleine_aanbesteding(openbaarmaking={"prijs_winnaar": prijs_winnaar})
    lot = data["percelen"]["B1"]
    del lot["weging"]
    lot.update(prijsmethode="fictieve_korting", max_fictieve_korting=5000, criteriumweging="punten")
    lot["gunningscriteria"] = {
        "K1": {"naam": "Plan van aanpak", "weging": 10},
        "K2": {"naam": "Samenwerking", "weging": 20},
    }
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 9416.67, 20, 12, 4, "alle")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    scores = {("P", "Plan van aanpak"): 50, ("P", "Samenwerking"): 50}
    scores |= {("Q", "Plan van aanpak"): 25, ("Q", "Samenwerking"): 50}
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", scores)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    return html_tekst(ws / "rapporten" / "brieven" / "p-b1.html")


@pytest.mark.parametrize("prijs_winnaar", ["score", "prijs"])
def test_fictieve_prijs_die_minder_dan_een_cent_lager_is_heet_lager(tmp_path: Path, prijs_winnaar: str) -> None:
    brief = _brief_p(tmp_path, prijs_winnaar)
    assert BESLIST in brief, brief
    assert "gelijk aan de uwe" not in brief
    if prijs_winnaar == "prijs":
        assert f"{BESLIST}, met EUR 0,0033 (EUR 6.916,6667 tegen EUR 6.916,6700 voor u)." in brief, brief

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

from tests.hulp import (
    fictieve_korting_in_punten,
    html_tekst,
    kleine_aanbesteding,
    maak_werkmap,
    schrijf_bod,
    vul_scores,
)
from tests.test_besluiten import _run

BESLIST = "Fictieve prijs, die beslist (de laagste staat eerst): de fictieve prijs van Q is lager dan de uwe"


def _brief_p(tmp_path: Path, prijs_winnaar: str) -> str:
    data = fictieve_korting_in_punten(kleine_aanbesteding(openbaarmaking={"prijs_winnaar": prijs_winnaar}))
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 9416.67, 20, 12, 4, "alle")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    scores = {("P", "Plan van aanpak"): 50, ("P", "Samenwerking"): 50}
    scores |= {("Q", "Plan van aanpak"): 25, ("Q", "Samenwerking"): 50}
    vul_scores(ws, scores)
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


def test_vier_decimalen_van_de_fictieve_prijs_alleen_als_prijzen_openbaar_zijn(tmp_path: Path) -> None:
    """Under prijs_winnaar: score the letter shows Q's discount (EUR 2.083,33) but not its fictitious price: discount
    plus fictitious price is the price. The sentence for totals that look equal gave 'Q 6.916,6667' anyway, and so
    Q's price (6.916,6667 + 2.083,3333 = 9.000)."""
    brief = _brief_p(tmp_path, "score")
    assert "6.916,6667" not in brief and "9.000,00" not in brief, brief
    assert "verschillen pas na de tweede decimaal" not in brief
    assert f"{BESLIST} (de bedragen worden niet bekendgemaakt: met de korting zou de prijs volgen)." in brief, brief
    assert "uw fictieve prijs: EUR 6.916,67" in brief  # the recipient's own figures stay


def test_vier_decimalen_van_de_fictieve_prijs_bij_openbare_prijzen(tmp_path: Path) -> None:
    brief = _brief_p(tmp_path, "prijs")
    assert "verschillen pas na de tweede decimaal. Vergeleken wordt op 4 decimalen: u 6.916,6700, Q 6.916,6667" in brief

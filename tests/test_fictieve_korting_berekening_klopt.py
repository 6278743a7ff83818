"""Fictieve korting: the published calculation line multiplies out by hand, as a bidder's lawyer checks it.

Maximum discount EUR 5.000, criteria 10 and 20 points. X: scores 25 and 75, quality (250 + 1.500) / 30 = 58,3333...,
discount EUR 2.916,6667. The line said 'EUR 5.000,00 x 58,33 / 100 = EUR 2.916,67', but 5.000 x 58,33 / 100 =
2.916,50. At 4 decimals it still does not decide: 5.000 x 58,3333 / 100 = 2.916,665, exactly half a cent. At 5
decimals 5.000 x 58,33333 / 100 = 2.916,6665, which is EUR 2.916,67 in cents. Y: quality 33,3333..., likewise.
"""

from __future__ import annotations

import json
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from tests.hulp import (
    fictieve_korting_in_punten,
    html_tekst,
    kleine_aanbesteding,
    maak_werkmap,
    schrijf_bod,
    vul_scores,
)
from tests.test_besluiten import _run

BEDRAG = r"EUR ([\d.]+,\d+)"
VERMENIGVULDIGING = re.compile(rf"korting {BEDRAG} x ([\d.]+,\d+) / 100 = {BEDRAG}")
AFTREKKING = re.compile(rf"fictieve prijs {BEDRAG} - {BEDRAG} = {BEDRAG}")


def _d(tekst: str) -> Decimal:
    return Decimal(tekst.replace(".", "").replace(",", "."))


def _klopt(regel: str) -> None:
    """Every step of the line gives its shown result from its shown numbers (the product rounded to the shown cents)."""
    maal = VERMENIGVULDIGING.search(regel)
    min_ = AFTREKKING.search(regel)
    assert maal and min_, regel
    maximum, kwaliteit, korting = (_d(g) for g in maal.groups())
    precies = maximum * kwaliteit / 100
    assert precies.quantize(_d(maal.group(3)), rounding=ROUND_HALF_UP) == korting, regel
    assert precies.quantize(_d(maal.group(3)), rounding="ROUND_HALF_EVEN") == korting, regel  # not half a cent
    prijs, aftrek, fictief = (_d(g) for g in min_.groups())
    assert prijs - aftrek == fictief, regel


def test_berekening_van_de_fictieve_korting_klopt_met_de_getoonde_getallen(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", fictieve_korting_in_punten(kleine_aanbesteding()))
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 8250, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 7000, 20, 12, 4, "alle")])
    scores = {("X", "Plan van aanpak"): 25, ("X", "Samenwerking"): 75}
    scores |= {("Y", "Plan van aanpak"): 50, ("Y", "Samenwerking"): 25}
    vul_scores(ws, scores)
    _run("gunning", "--werkmap", str(ws))
    rangorde = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["percelen"]["B1"]["rangorde"]
    regels = {r["inschrijver"]: r["berekening"] for r in rangorde}
    for regel in regels.values():
        _klopt(regel)
    assert regels["X"].startswith("korting EUR 5.000,00 x 58,33333 / 100 = EUR 2.916,67 ("), regels["X"]
    assert "fictieve prijs EUR 8.250,00 - EUR 2.916,67 = EUR 5.333,33" in regels["X"]
    advies = html_tekst(next((ws / "rapporten").glob("*advies*.html")))
    for regel in regels.values():
        assert regel in advies  # the advies publishes the same line as gunning.json


def test_een_korting_die_op_centen_uitkomt_blijft_kort() -> None:
    """Quality 70 (EUR 3.000 maximum): 2.100 exactly; no decimals or rounding note added."""
    from evaluatie.prijs.fictieve_korting import berekening

    regel = berekening(3000, 70, 9100)
    assert (
        regel
        == "korting EUR 3.000,00 x 70,00 / 100 = EUR 2.100,00; fictieve prijs EUR 9.100,00 - EUR 2.100,00 = EUR 7.000,00"
    )


def test_fictieve_prijs_zoals_de_rangorde_haar_vergelijkt() -> None:
    """The fictitious price stands as the ranking compares it (4 decimals), as the letter's table shows it.

    Maximum EUR 3.000, quality 269 / 693 = 0,388167 (seven reviewers, criteria of 9 and 11 points), price EUR 9.000:
    discount 3.000 x 0,388167 / 100 = 11,645022, fictitious price 8.988,354978, compared as 8.988,3550, in cents
    EUR 8.988,36; in cents from the unrounded value EUR 8.988,35, which the line gave beside the table's 8.988,36. In
    cents 9.000,00 - 11,65 = 8.988,35 does not give 8.988,36, so the step stands at 4 decimals: 9.000 - 11,6450 =
    8.988,3550."""
    from evaluatie.prijs.fictieve_korting import berekening

    regel = berekening(3000, 269 / 693, 9000)
    assert regel.endswith("; fictieve prijs EUR 9.000,0000 - EUR 11,6450 = EUR 8.988,3550"), regel
    _klopt(regel)

"""The maximum of a framework agreement per lot: one definition for letters, advies and published method.

Since CJEU C-23/20 (Simonsen & Weel) a framework agreement must state its maximum quantity or
value; once reached, the agreement is exhausted and no further call-off may be made under it.
The forecast (the lot's expected volume per year, summed over its gemeenten, times the full term
including every option year) is what the gemeenten expect; the maximum is what they may buy.
Inburgering intake swings from year to year, so a maximum equal to the forecast can be exhausted
halfway through the term. A lot therefore sets its maximum apart (`raammaximum`): the forecast
plus a headroom share (`opslag: 0.25`), or an absolute number of trajectories (`trajecten`).
Without either, the maximum equals the forecast and the texts say so. The value is the maximum
quantity at the price ceiling (no bid may exceed it), or at the fixed price.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from evaluatie.definitie.model import Aanbesteding
from evaluatie.prijs.basis import methode


@dataclass(frozen=True)
class Raammaximum:
    per_jaar: int  # trajectories per year: the lot's expected volume (forecast)
    jaren: int  # initial term plus option years
    trajecten: int  # maximum quantity over the whole term
    waarde: float  # maximum value: trajecten x the price ceiling (euro)
    prijs_per_traject: float  # the price the value is computed at
    prognose: int = 0  # forecast over the whole term: per_jaar x jaren
    grondslag: str = "prognose"  # 'prognose', 'opslag' or 'trajecten': how the maximum was set
    opslag: float | None = None  # the headroom share, for grondslag 'opslag'


def raammaximum(aanbesteding: Aanbesteding, code: str) -> Raammaximum:
    """Maximum quantity and value of lot `code`'s framework agreement, options included."""
    perceel = aanbesteding.percelen[code]
    per_jaar = sum(aanbesteding.vraag(code).values())
    jaren = aanbesteding.looptijd.jaren + aanbesteding.looptijd.optiejaren
    prijs = methode(perceel.prijsmethode).raamprijs(perceel)  # the ceiling, unless the method fixes the price
    prognose = per_jaar * jaren
    regel = perceel.raammaximum
    if regel.trajecten is not None:
        trajecten, grondslag = regel.trajecten, "trajecten"
    elif regel.opslag is not None:
        # round up: a headroom of 25% on 98 allows 123, never fewer trajectories than the share promises
        trajecten, grondslag = math.ceil(round(prognose * (1 + regel.opslag), 6)), "opslag"
    else:
        trajecten, grondslag = prognose, "prognose"
    return Raammaximum(
        per_jaar, jaren, trajecten, round(trajecten * prijs, 2), prijs, prognose, grondslag, regel.opslag
    )


def raammaximum_zin(aanbesteding: Aanbesteding, code: str) -> str:
    """The maximum in Dutch sentences, as letters, advies and published method repeat it."""
    from evaluatie.tekst import euro, getal, kort

    m = raammaximum(aanbesteding, code)
    lt = aanbesteding.looptijd
    termijn = f"{lt.jaren} jaar" + (f" plus {lt.optiejaren} optiejaar" if lt.optiejaren == 1 else "")
    if lt.optiejaren > 1:
        termijn = f"{lt.jaren} jaar plus {lt.optiejaren} optiejaren"
    verwachting = f"{getal(m.prognose, 0)} trajecten ({getal(m.per_jaar, 0)} per jaar gedurende {termijn})"
    if m.grondslag == "opslag":
        grond = (
            f"Verwacht worden {verwachting}; het maximum ligt {kort(100 * (m.opslag or 0))}% daarboven, omdat "
            "de instroom van inburgeraars van jaar tot jaar wisselt."
        )
    elif m.grondslag == "trajecten":
        grond = f"Verwacht worden {verwachting}; het maximum is als vast aantal vastgesteld."
    else:
        grond = f"Het maximum is gelijk aan de verwachting: {verwachting}."
    return (
        f"De raamovereenkomst voor perceel {aanbesteding.percelen[code].naam} heeft een maximale omvang van "
        f"{getal(m.trajecten, 0)} trajecten en een maximale waarde van {euro(m.waarde)} (tegen "
        f"{euro(m.prijs_per_traject)} per traject). {grond} Is dat maximum bereikt, dan is de raamovereenkomst "
        "uitgeput."
    )

"""The maximum of a framework agreement per lot: one definition for letters and advies.

Since CJEU C-23/20 (Simonsen & Weel) a framework agreement must state its maximum quantity
or value; once reached, the agreement is exhausted. Here the maximum is the lot's expected
volume per year (the sum over its participating gemeenten) times the full term including
every option year, and its value that quantity at the price ceiling (no bid may exceed it).
"""

from __future__ import annotations

from dataclasses import dataclass

from evaluatie.definitie.model import Aanbesteding
from evaluatie.prijs.basis import methode


@dataclass(frozen=True)
class Raammaximum:
    per_jaar: int  # trajectories per year: the lot's expected volume
    jaren: int  # initial term plus option years
    trajecten: int  # maximum quantity over the whole term
    waarde: float  # maximum value: trajecten x the price ceiling (euro)
    prijs_per_traject: float  # the price the value is computed at


def raammaximum(aanbesteding: Aanbesteding, code: str) -> Raammaximum:
    """Maximum quantity and value of lot `code`'s framework agreement, options included."""
    perceel = aanbesteding.percelen[code]
    per_jaar = sum(aanbesteding.vraag(code).values())
    jaren = aanbesteding.looptijd.jaren + aanbesteding.looptijd.optiejaren
    prijs = methode(perceel.prijsmethode).raamprijs(perceel)  # the ceiling, unless the method fixes the price
    trajecten = per_jaar * jaren
    return Raammaximum(per_jaar, jaren, trajecten, round(trajecten * prijs, 2), prijs)


def raammaximum_zin(aanbesteding: Aanbesteding, code: str) -> str:
    """The maximum in one Dutch sentence, as letters (and the advies) repeat it."""
    from evaluatie.tekst import euro

    m = raammaximum(aanbesteding, code)
    lt = aanbesteding.looptijd
    termijn = f"{lt.jaren} jaar" + (f" plus {lt.optiejaren} optiejaar" if lt.optiejaren == 1 else "")
    if lt.optiejaren > 1:
        termijn = f"{lt.jaren} jaar plus {lt.optiejaren} optiejaren"
    return (
        f"De raamovereenkomst voor perceel {aanbesteding.percelen[code].naam} heeft een maximale omvang van "
        f"{m.trajecten} trajecten ({m.per_jaar} per jaar gedurende {termijn}) en een maximale waarde van "
        f"{euro(m.waarde)} (tegen {euro(m.prijs_per_traject)} per traject). Is dat maximum bereikt, dan is de "
        "raamovereenkomst uitgeput."
    )

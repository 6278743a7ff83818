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
    # of per_jaar, the expected numbers of the gemeenten named as possible later participants (latere_gemeenten):
    # in the maximum (C-216/17, C-23/20), not in the award's allocation
    later_per_jaar: int = 0


def raammaximum(aanbesteding: Aanbesteding, code: str) -> Raammaximum:
    """Maximum quantity and value of lot `code`'s framework agreement, options included."""
    perceel = aanbesteding.percelen[code]
    later = sum(aanbesteding.latere_vraag(code).values())
    per_jaar = sum(aanbesteding.vraag(code).values()) + later
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
        per_jaar, jaren, trajecten, round(trajecten * prijs, 2), prijs, prognose, grondslag, regel.opslag, later
    )


def raammaximum_zin(aanbesteding: Aanbesteding, code: str) -> str:
    """The maximum in Dutch sentences, as letters, advies and published method repeat it."""
    from evaluatie.tekst import euro, getal, kort

    m = raammaximum(aanbesteding, code)
    lt = aanbesteding.looptijd
    termijn = f"{lt.jaren} jaar" + (f" plus {lt.optiejaren} optiejaar" if lt.optiejaren == 1 else "")
    if lt.optiejaren > 1:
        termijn = f"{lt.jaren} jaar plus {lt.optiejaren} optiejaren"
    waarvan = ""
    if m.later_per_jaar:
        een = len(aanbesteding.latere_vraag(code)) == 1
        wie = "de gemeente die later kan" if een else "de gemeenten die later kunnen"
        waarvan = f", waarvan {getal(m.later_per_jaar, 0)} per jaar van {wie} aansluiten"
    verwachting = f"{getal(m.prognose, 0)} trajecten ({getal(m.per_jaar, 0)} per jaar gedurende {termijn}{waarvan})"
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
        "uitgeput." + latere_zin(aanbesteding, code)
    )


def latere_zin(aanbesteding: Aanbesteding, code: str) -> str:
    """' De aanbestedingsstukken noemen ...': who may join lot `code` later (CJEU C-216/17), with their numbers and
    that they are not allocated now; '' when nobody is named. Part of the maximum's sentences, so the published
    method, the advies and every letter that states the maximum say the same."""
    from evaluatie.gemeentenamen import in_lijst
    from evaluatie.tekst import getal

    later = aanbesteding.latere_vraag(code)
    if not later:
        return ""
    een = len(later) == 1
    # a name with a comma is quoted in a list (gemeentenamen.in_lijst), its number stays outside the quotes
    delen = [f"{g if een else in_lijst(g)} ({getal(n, 0)} per jaar)" for g, n in later.items()]
    namen = delen[0] if een else f"{', '.join(delen[:-1])} en {delen[-1]}"
    return (
        f" De aanbestedingsstukken noemen {'de gemeente' if een else 'de gemeenten'} {namen} als mogelijke latere "
        f"{'deelnemer' if een else 'deelnemers'} aan deze raamovereenkomst; {'haar' if een else 'hun'} verwachte "
        f"{'aantal is' if een else 'aantallen zijn'} in de verwachting en het maximum meegeteld. "
        f"{'Zij neemt' if een else 'Zij nemen'} nu niet deel en {'krijgt' if een else 'krijgen'} bij deze gunning "
        f"geen inburgeraars toegewezen; {'sluit zij' if een else 'sluit een van hen'} later aan, dan wordt "
        "haar aantal vanaf dat contractjaar verdeeld volgens de regel in de "
        "gunningssystematiek, zonder de toewijzing aan de deelnemende gemeenten te wijzigen."
    )

"""Abnormally low bids (art. 2.116 Aw 2012): flag, never exclude.

A valid bid (one that passed the knock-out) is flagged when its price lies more than the lot's
`abnormaal_laag` share (default 20%) below the mean price of the other valid bids in the lot.
The contracting authority then asks for a written explanation ("vraag om schriftelijke
toelichting"); only after that explanation may it reject the bid. A lot with one valid bid has
nothing to compare with and flags nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from evaluatie.gunning.uitslag import Perceeluitslag
from evaluatie.prijs.basis import decimaal
from evaluatie.tekst import getal, kort


@dataclass(frozen=True)
class Signaal:
    inschrijver: str
    prijs: float
    gemiddelde_overige: float
    afwijking: float  # share below the mean of the others (0.25 = 25% lower)


def abnormaal_lage_prijzen(p: Perceeluitslag, drempel: float) -> list[Signaal]:
    prijzen = [(r.inschrijver, r.prijs) for r in p.rangorde]
    if len(prijzen) < 2:
        return []
    som = sum(x for _, x in prijzen)
    uit = []
    for naam, prijs in prijzen:
        gemiddelde = (som - prijs) / (len(prijzen) - 1)
        if gemiddelde <= 0:
            continue
        afwijking = 1 - prijs / gemiddelde
        if afwijking > drempel + 1e-12:
            uit.append(Signaal(naam, prijs, gemiddelde, afwijking))  # shown by euro(), a half cent up
    return uit


def procent_onder(afwijking: float, drempel: float) -> str:
    """A flagged share below the mean in percent, as the advies writes it before 'de grens is 20%': at one decimal,
    or with as many as show it above the limit. 1 - 7.999,99 / 10.000 read '20,0%' beside 'de grens is 20%', a price at
    the limit, which the rule ('meer dan 20%') does not flag; it reads '20,0001%'."""
    grens = decimaal(kort(100 * drempel))
    for d in range(1, 11):
        tekst = getal(100 * afwijking, d)
        if decimaal(tekst) > grens:
            break
    return tekst

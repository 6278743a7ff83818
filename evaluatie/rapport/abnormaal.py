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
            uit.append(Signaal(naam, prijs, round(gemiddelde, 2), afwijking))
    return uit

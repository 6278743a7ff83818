"""Abnormally low bids (art. 2.116 Aw 2012): flag, never exclude.

A valid bid (one that passed the knock-out) is flagged when its price lies more than the lot's
`abnormaal_laag` share (default 20%) below the price of the other valid bids in the lot it is compared with: their
mean (`abnormaal_maatstaf: gemiddelde`, the default) or their median (`mediaan`). Under the mean one very high price
lifts the comparison for every other bid, so that three of four ordinary prices can read as abnormally low; the
median of the others is not moved by one outlier. The contracting authority then asks for a written explanation
("vraag om schriftelijke toelichting"): a signal is a request for explanation, not an exclusion; only after that
explanation may it reject the bid. A lot with one valid bid has nothing to compare with and flags nothing.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from evaluatie.gunning.uitslag import Perceeluitslag
from evaluatie.prijs.basis import decimaal
from evaluatie.tekst import getal, kort


@dataclass(frozen=True)
class Signaal:
    inschrijver: str
    prijs: float
    gemiddelde_overige: float  # the price of the others compared with: their mean, or their median (the lot's maatstaf)
    afwijking: float  # share below it (0.25 = 25% lower)


def vergelijkingsprijs(andere: Sequence[float], maatstaf: str) -> float:
    """The price of the other valid bids a bid is compared with: their mean or their median (with an even number of
    others the mean of the two middle prices). Never an unknown maatstaf in silence."""
    if maatstaf == "gemiddelde":
        return sum(andere) / len(andere)
    if maatstaf == "mediaan":
        return float(statistics.median(andere))
    raise ValueError(f"abnormaal_maatstaf '{maatstaf}' is onbekend")


def maatstaf_woorden(maatstaf: str) -> str:
    """'het gemiddelde' or 'de mediaan', as every published text names what a price is compared with."""
    return {"gemiddelde": "het gemiddelde", "mediaan": "de mediaan"}[maatstaf]


def abnormaal_lage_prijzen(p: Perceeluitslag, drempel: float, maatstaf: str = "gemiddelde") -> list[Signaal]:
    """The signals of one lot: `drempel` and `maatstaf` are the lot's `abnormaal_laag` and `abnormaal_maatstaf`."""
    prijzen = [(r.inschrijver, r.prijs) for r in p.rangorde]
    if len(prijzen) < 2:
        return []
    som = sum(x for _, x in prijzen)
    uit = []
    for i, (naam, prijs) in enumerate(prijzen):
        vergeleken = (  # the mean as it was always computed here: the same floats, the same outputs
            (som - prijs) / (len(prijzen) - 1)
            if maatstaf == "gemiddelde"
            else vergelijkingsprijs([x for j, (_, x) in enumerate(prijzen) if j != i], maatstaf)
        )
        if vergeleken <= 0:
            continue
        afwijking = 1 - prijs / vergeleken
        if afwijking > drempel + 1e-12:
            uit.append(Signaal(naam, prijs, vergeleken, afwijking))  # shown by euro(), a half cent up
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

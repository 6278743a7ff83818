"""Per lot the knock-out requirements in words, written once.

The published method (rapport/systematiek.py) and the bid form (inschrijving/formulier.py, through its callers:
the form sits below `toets` in the layers) both take them from here, so a bidder reads in the form exactly what
the method announces will knock him out (art. 2.114-2.116 Aw 2012): the same rules, numbers and dates, in the
same words. Each sentence is the rule's own `eis`, the text the knock-out check itself cites.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from evaluatie.definitie.model import Aanbesteding, Perceel
from evaluatie.tekst import datums_in_tekst
from evaluatie.toets.register import Context, maak_regel

INLEIDING = (
    "Knock-outeisen. Een inschrijving die niet aan al deze eisen voldoet, doet in dit perceel niet verder mee "
    "(in de andere percelen wel):"
)
NA_KWALITEIT = "Na de beoordeling van de kwaliteit geldt bovendien:"
GEEN = "Knock-outeisen: dit perceel stelt geen knock-outeisen."
OPSOMTEKEN = "• "  # how the bid form marks one requirement of the list (the method renders a real list)


@dataclass(frozen=True)
class Knockouteisen:
    """A lot's requirements: `voor` checked on the bid alone, `na` after the panel's quality score."""

    voor: tuple[str, ...]
    na: tuple[str, ...]


def knockout_eisen(a: Aanbesteding, p: Perceel, aantallen_bekend: bool = True) -> Knockouteisen:
    """The lot's knock-out requirements in tender order, each as the rule states it, dates written out.
    `aantallen_bekend=False`: the lot's expected numbers are still open, each rule says its requirement without them
    (Knockoutregel.eis_zonder_aantallen)."""
    ctx = Context(a, p, None, None)  # type: ignore[arg-type]  # a rule's requirement text needs no bid
    voor: list[str] = []
    na: list[str] = []
    for naam, params in p.knockout.items():
        regel = maak_regel(naam, params)
        eis = regel.eis(ctx) if aantallen_bekend else regel.eis_zonder_aantallen(ctx)
        (na if regel.fase == "na" else voor).append(datums_in_tekst(eis))
    return Knockouteisen(tuple(voor), tuple(na))


def formulierregels(a: Aanbesteding, onbekend: Collection[tuple[str, str]] = ()) -> dict[str, list[str]]:
    """Per lot code the lines of the bid form's Perceelgegevens that list the knock-out requirements: the method's
    introducing sentences with its list items, one a line. `onbekend`: the (gemeente, lot) volumes still open, as
    the form takes them (a lot with any of them states no requirement computed from its volumes)."""
    open_ = {perceel for _, perceel in onbekend}
    uit: dict[str, list[str]] = {}
    for code, p in a.percelen.items():
        eisen = knockout_eisen(a, p, aantallen_bekend=code not in open_)
        regels: list[str] = []
        if eisen.voor or eisen.na:
            regels += [INLEIDING, *(OPSOMTEKEN + e for e in eisen.voor)]
            if eisen.na:
                regels += [NA_KWALITEIT, *(OPSOMTEKEN + e for e in eisen.na)]
        else:
            regels.append(GEEN)
        uit[code] = regels
    return uit

"""What the expected distribution of an open-house lot cannot deliver, in words.

The expectation (evaluatie.verdeling.toelating) spreads each gemeente's inburgeraars over the admitted
suppliers serving it in proportion to their capacity. That rule is published and stays as it is, but two
of its consequences must be said wherever the expectation is shown: a gemeente that no admitted supplier
serves has no supplier at all in the lot (its inburgeraars appear nowhere in the distribution), and a
supplier may be expected to take more than the capacity of its bid (proportions per gemeente, not totals).
"""

from __future__ import annotations

from evaluatie.gemeentenamen import opsomming
from evaluatie.verdeling.model import Verdeelprobleem, Verdeling


def onbediend(p: Verdeelprobleem) -> dict[str, int]:
    """Gemeenten with expected inburgeraars that no admitted supplier (with capacity) serves, in tender order."""
    bediend = {g for s in p.leveranciers if s.capaciteit > 0 for g in s.gemeenten}
    return {g: d for g, d in p.vraag.items() if d > 0 and g not in bediend}


def toelatingsmeldingen(p: Verdeelprobleem, v: Verdeling) -> list[str]:
    meldingen = []
    weg = onbediend(p)
    if weg:
        meldingen.append(
            "geen toegelaten aanbieder bedient "
            + opsomming([f"{g} ({d} verwacht per jaar)" for g, d in weg.items()], "en")
            + ": die inburgeraars hebben in dit perceel nog geen aanbieder, tot een aanbieder die hen bedient "
            "toetreedt"
        )
    verwacht: dict[str, int] = {}
    for t in v.toewijzing:
        verwacht[t.inschrijver] = verwacht.get(t.inschrijver, 0) + t.aantal
    boven = [s for s in sorted(p.leveranciers, key=lambda s: s.naam) if verwacht.get(s.naam, 0) > s.capaciteit]
    if boven:
        wie = [f"{s.naam} ({verwacht[s.naam]} per jaar tegen capaciteit {s.capaciteit})" for s in boven]
        meldingen.append(
            "de verwachting ligt boven de capaciteit uit de inschrijving bij "
            + opsomming(wie, "en")
            + ": de verwachte verdeling volgt per gemeente alleen de verhouding van de capaciteiten"
        )
    return meldingen

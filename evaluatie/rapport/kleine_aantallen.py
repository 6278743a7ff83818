"""Signal of tiny splits: a gemeente whose inburgeraars are spread so thin that a supplier gets 1 or 2.

Twelve B1 inburgeraars in Urk going 1 + 11 is legal under the published rules, but one person at a
second supplier is hard to organise for the gemeente and the supplier alike. The tender can avoid
it before publication with a rule (verdeling.max_leveranciers_per_gemeente, or min_volume for a
supplier's whole share of the lot); after the bids are in, the rules may no longer change. So this
is a signal for the next tender or for the penvoerder's judgement, never a correction of the award.
"""

from __future__ import annotations

from dataclasses import dataclass

from evaluatie.gunning.uitslag import Perceeluitslag

GRENS = 3  # an allocation below this many inburgeraars for a supplier in a gemeente is a tiny split


@dataclass(frozen=True)
class KleineSplitsing:
    gemeente: str
    inschrijver: str
    aantal: int
    vraag: int
    leveranciers: int  # suppliers serving the gemeente in this lot


def kleine_splitsingen(p: Perceeluitslag) -> list[KleineSplitsing]:
    """Per gemeente with more than one supplier, each supplier that gets fewer than GRENS."""
    per_gemeente: dict[str, list[tuple[str, int]]] = {}
    for t in p.toewijzing:
        if t.aantal > 0:
            per_gemeente.setdefault(t.gemeente, []).append((t.inschrijver, t.aantal))
    vraag = {b.gemeente: b.vraag for b in p.budgetten}
    uit = []
    for gemeente, delen in per_gemeente.items():
        if len(delen) < 2:
            continue
        for naam, n in delen:
            if n < GRENS:
                uit.append(KleineSplitsing(gemeente, naam, n, vraag.get(gemeente, 0), len(delen)))
    return uit


def signaal(p: Perceeluitslag, sleutels: bool = True) -> str | None:
    """One Dutch sentence with the tiny splits of a lot and the rule that would avoid them, or None.
    `sleutels`: name the rules by their aanbesteding.yaml keys (the terminal, read by the inkoper who
    edits that file); without, in words only (the advies, read by a college)."""
    if p.procedure != "gunning":
        return None  # an open house shows an expectation, not an allocation: the inburgeraar chooses
    klein = kleine_splitsingen(p)
    if not klein:
        return None
    voorbeelden = "; ".join(f"{k.gemeente}: {k.inschrijver} krijgt {k.aantal} van {k.vraag}" for k in klein[:5])
    meer = f" (en {len(klein) - 5} meer)" if len(klein) > 5 else ""
    regels = [
        "verdeling.max_leveranciers_per_gemeente: 1 (één aanbieder per gemeente)"
        if sleutels
        else "hoogstens één aanbieder per gemeente"
    ]
    # min_volume bounds a supplier's whole share of the lot: it only avoids a split of a supplier with few in total
    if any(p.toegewezen(k.inschrijver) < GRENS for k in klein):
        regels.append(
            f"verdeling.min_volume (een minimum per aanbieder over het hele perceel, bijvoorbeeld {GRENS})"
            if sleutels
            else f"een minimum per aanbieder over het hele perceel (bijvoorbeeld {GRENS})"
        )
    return (
        f"Perceel {p.naam}: kleine aantallen bij een tweede aanbieder in een gemeente ({voorbeelden}{meer}). Dit "
        f"volgt uit de gepubliceerde regels en blijft zo. Wilt u dit in een volgende aanbesteding voorkomen, neem "
        f"dan vooraf een regel op: {', of '.join(regels)}."
    )

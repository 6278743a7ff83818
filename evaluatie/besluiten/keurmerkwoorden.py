"""The words of a keurmerk decision by the kind of lots it bears on: an award lot (gunning), an open house (toelating,
which awards nothing) or both. The tender as a whole chose them before, so a Z-route by open house beside an
onderwijsroute by gunning read 'De gunning geschiedt onder de voorwaarde' and 'of gun onder voorwaarde' in the advies,
gunning.json, the open point and `evaluatie besluiten`, while its toelatingsbesluit said 'De toelating geschiedt'. A
leaf module: the open points, the decisions' sentences and the reports take the words from here."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

KEURMERK_WOORDEN = {
    # what a keurmerk decision conditions, per kind of its lots: (the decision, this letter, the doing, what is
    # conditioned); "beide": the bid requires the keurmerk in an award lot and in an open house
    "gunning": ("de gunning", "deze beslissing", "gun", "De gunning geschiedt"),
    "toelating": ("het toelatingsbesluit", "dit besluit", "laat toe", "De toelating geschiedt"),
    "beide": (
        "de gunning en het toelatingsbesluit",
        "deze beslissingen",
        "gun en laat toe",
        "De gunning en de toelating geschieden",
    ),
}


def keurmerk_soort(procedures: Iterable[str]) -> str:
    """The kind of a keurmerk decision (a key of KEURMERK_WOORDEN) from the procedures of the lots it bears on: an
    open house awards nothing, so there the condition is on the toelating; both where the lots have both."""
    soorten = set(procedures)
    if soorten == {"toelating"}:
        return "toelating"
    return "beide" if "toelating" in soorten else "gunning"


def keurmerkpercelen(aanbesteding: Any, ins: Any) -> set[str]:
    """The lots of bid `ins` (a price out of bounds counts: the bid is on that lot) that require the keurmerk: what a
    keurmerk decision about its bidder bears on."""
    eigen = set(ins.aanbod) | set(ins.ongeldige_prijs)
    return {c for c in eigen if c in aanbesteding.percelen and "keurmerk" in aanbesteding.percelen[c].knockout}


def keurmerksoort_van(aanbesteding: Any, inschrijvingen: Sequence[Any], b: Any) -> str | None:
    """The kind of a keurmerk decision from its bidder's lots (None for another decision, or where the bid or its
    keurmerk lots are gone: then the tender's procedures decide, as for a decision recorded before)."""
    if getattr(b, "soort", None) != "keurmerk":
        return None
    ins = next((i for i in inschrijvingen if i.naam == b.inschrijver), None)
    codes = keurmerkpercelen(aanbesteding, ins) if ins is not None else set()
    return keurmerk_soort(aanbesteding.percelen[c].procedure for c in codes) if codes else None

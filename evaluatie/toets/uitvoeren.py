"""Run every configured knock-out rule for every bidder in every lot it bid on."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from evaluatie.definitie.model import Aanbesteding
from evaluatie.inschrijving.model import Inschrijving
from evaluatie.toets.register import Context, maak_regel
from evaluatie.toets.uitslag import Bevinding, Toetsresultaat, Toetsuitslag


def toets(
    aanbesteding: Aanbesteding,
    inschrijvingen: Sequence[Inschrijving],
    kwaliteit: Mapping[tuple[str, str], float] | None = None,
) -> Toetsuitslag:
    """Check all bids. Without `kwaliteit` the after-scoring rules are left open (voldoet=None).

    Results are ordered by lot (tender order), then bidder name, so output is stable
    whatever order the files were read in.
    """
    resultaten: list[Toetsresultaat] = []
    for code, perceel in aanbesteding.percelen.items():
        regels = [(naam, maak_regel(naam, params)) for naam, params in perceel.knockout.items()]
        for ins in sorted(inschrijvingen, key=lambda i: i.naam.lower()):
            aanbod = ins.aanbod.get(code)
            if aanbod is None:
                continue
            k = None if kwaliteit is None else kwaliteit.get((ins.naam, code))
            ctx = Context(aanbesteding, perceel, ins, aanbod, k)
            bevindingen = []
            for naam, regel in regels:
                if regel.fase == "na" and k is None:
                    bevindingen.append(Bevinding(regel=naam, eis=regel.eis(ctx), voldoet=None))
                    continue
                redenen = regel.toets(ctx)
                bevindingen.append(
                    Bevinding(regel=naam, eis=regel.eis(ctx), voldoet=not redenen, redenen=tuple(redenen))
                )
            resultaten.append(Toetsresultaat(inschrijver=ins.naam, perceel=code, bevindingen=tuple(bevindingen)))
    return Toetsuitslag(resultaten=tuple(resultaten))


def voor_beoordeling(uitslag: Toetsuitslag) -> list[tuple[str, str]]:
    """(bidder, lot) pairs that passed every rule checkable before scoring: what the panel scores."""
    return [(r.inschrijver, r.perceel) for r in uitslag.resultaten if r.voldoet]

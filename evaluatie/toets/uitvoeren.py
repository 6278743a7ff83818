"""Run every configured knock-out rule for every bidder in every lot it bid on.

The cost is one rule evaluation per bid per rule: rules are built once per lot, a rule's
per-lot facts (volume, subregio's) are computed once, and the check after scoring reuses the
findings of the check before scoring, evaluating only the rules that need the panel's score.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from evaluatie.definitie.model import Aanbesteding
from evaluatie.inschrijving.model import Inschrijving, OngeldigePrijs
from evaluatie.toets.register import Context, maak_regel
from evaluatie.toets.uitslag import Bevinding, Toetsresultaat, Toetsuitslag


def toets(
    aanbesteding: Aanbesteding,
    inschrijvingen: Sequence[Inschrijving],
    kwaliteit: Mapping[tuple[str, str], float] | None = None,
    voor: Toetsuitslag | None = None,
) -> Toetsuitslag:
    """Check all bids. Without `kwaliteit` the after-scoring rules are left open (voldoet=None).

    `voor` is this same check without `kwaliteit` on the same tender and bids: its findings
    for the rules checked before scoring are taken over instead of evaluated again.

    Results are ordered by lot (tender order), then bidder name, so output is stable
    whatever order the files were read in.
    """
    resultaten: list[Toetsresultaat] = []
    gesorteerd = sorted(inschrijvingen, key=lambda i: i.naam.lower())
    for code, perceel in aanbesteding.percelen.items():
        regels = [(naam, maak_regel(naam, params)) for naam, params in perceel.knockout.items()]
        for ins in gesorteerd:
            aanbod = ins.aanbod.get(code)
            if aanbod is None:
                if code in ins.ongeldige_prijs:
                    eerder = voor.resultaat(ins.naam, code) if voor is not None else None
                    resultaten.append(_zonder_prijs(ins.ongeldige_prijs[code], ins.naam, perceel.procedure, eerder))
                continue
            k = None if kwaliteit is None else kwaliteit.get((ins.naam, code))
            ctx = Context(aanbesteding, perceel, ins, aanbod, k)
            eerder = voor.resultaat(ins.naam, code) if voor is not None else None
            bevindingen = []
            for i, (naam, regel) in enumerate(regels):
                if regel.fase == "voor" and eerder is not None:
                    bevindingen.append(eerder.bevindingen[i])
                elif regel.fase == "na" and k is None:
                    bevindingen.append(Bevinding(regel=naam, eis=regel.eis(ctx), voldoet=None))
                else:
                    redenen = regel.toets(ctx)
                    bevindingen.append(
                        Bevinding(regel=naam, eis=regel.eis(ctx), voldoet=not redenen, redenen=tuple(redenen))
                    )
            if eerder is not None:  # findings a recorded decision added after the rules (besluiten.toepassen)
                bevindingen += eerder.bevindingen[len(regels) :]
            resultaten.append(
                Toetsresultaat(
                    inschrijver=ins.naam,
                    perceel=code,
                    bevindingen=tuple(bevindingen),
                    toelating=perceel.procedure == "toelating",
                    ongewogen=eerder is not None and eerder.ongewogen,
                    uitgesloten_bij_besluit=eerder is not None and eerder.uitgesloten_bij_besluit,
                )
            )
    return Toetsuitslag(resultaten=tuple(resultaten))


REGEL_PRIJS = "prijs"


def _zonder_prijs(o: OngeldigePrijs, naam: str, procedure: str, eerder: Toetsresultaat | None) -> Toetsresultaat:
    """A lot the bid names without a price, or with 0: invalid there (the one requirement every bid meets, so it is
    no configurable rule); the reason names the cell, for the advies and the letter. A finding a recorded decision
    added (an exclusion ground) is kept as for any bid."""
    bevinding = Bevinding(
        regel=REGEL_PRIJS,
        eis="een prijs per traject groter dan EUR 0",
        voldoet=False,
        redenen=(f"de prijs per traject {o.reden} ({o.cel}); vereist is een prijs groter dan EUR 0",),
    )
    return Toetsresultaat(
        inschrijver=naam,
        perceel=o.perceel,
        bevindingen=(bevinding, *(eerder.bevindingen[1:] if eerder is not None else ())),
        toelating=procedure == "toelating",
        ongewogen=eerder is not None and eerder.ongewogen,
        uitgesloten_bij_besluit=eerder is not None and eerder.uitgesloten_bij_besluit,
    )


def voor_beoordeling(uitslag: Toetsuitslag) -> list[tuple[str, str]]:
    """(bidder, lot) pairs that passed every rule checkable before scoring: what the panel scores."""
    return [(r.inschrijver, r.perceel) for r in uitslag.resultaten if r.voldoet]

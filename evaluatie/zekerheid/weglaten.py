"""Leave-one-reviewer-out: the award again without each reviewer's scores in turn.

Only what a reviewer changes is recomputed: the panel's quality without that reviewer (once
for all lots), the after-scoring knock-out, the lot's ranking, and the allocation only when
the allocation problem (ranking, values, prices) differs from the award's own; otherwise the
award's allocation is the answer, since the same problem has the same documented optimum. So it
is when only the values changed and the lot's rules make that provably irrelevant
(evaluatie.zekerheid.zelfde_verdeling).
"""

from __future__ import annotations

from collections.abc import Mapping

from evaluatie.fouten import EvaluatieFout, InvoerFout
from evaluatie.gunning import niet_gegund
from evaluatie.zekerheid.model import Weglating
from evaluatie.zekerheid.zelfde_verdeling import zelfde_verdeling


def _toewijzing(toewijzing) -> dict[tuple[str, str], int]:
    return {(t.gemeente, t.inschrijver): t.aantal for t in toewijzing}


ENIGE = "{r} is de enige beoordelaar; zonder die scores blijft er geen panel over om de uitkomst mee te vergelijken."


def panelen_zonder(award) -> dict[str, object]:
    """Per reviewer: the panel stage (quality and after-scoring knock-out) without their scores.

    The award recomputes it (pipeline.Award.beoordeling_zonder): this stage never imports the pipeline. The only
    reviewer left out leaves no panel: the rows without a score would count 0 there (a score nobody gave, which
    refused every bid), so that is said in words instead."""
    uit: dict[str, object] = {}
    beoordelaars = award.beoordeling.panel.beoordelaars
    if len(beoordelaars) == 1:
        (r,) = beoordelaars
        return {r: EvaluatieFout([ENIGE.format(r=r)])}
    for r in beoordelaars:
        try:
            uit[r] = award.beoordeling_zonder(r)
        except EvaluatieFout as e:  # reported per lot as 'no award possible without this reviewer'
            uit[r] = e
    return uit


def _verdeel(probleem, procedure: str, oplosser: str):
    from evaluatie.verdeling.toelating import verwachte_verdeling
    from evaluatie.verdeling.verdelen import verdeel

    return verwachte_verdeling(probleem) if procedure == "toelating" else verdeel(probleem, oplosser)


def weglating(award, code: str, oplosser: str, beoordelaar: str, zonder) -> Weglating:
    """The lot without one reviewer; `zonder` is the panel stage without that reviewer."""
    from evaluatie.gunning.uitvoeren import beoordeel_perceel, rangorde_perceel, verdeelprobleem

    a = award.invoer.aanbesteding
    inschrijvingen = award.invoer.inschrijvingen
    basis = award.uitslag.percelen[code]
    basis_winnaar = basis.winnaars()[0] if basis.rangorde else None
    try:
        if isinstance(zonder, EvaluatieFout):
            raise zonder
        lotingen = getattr(award.invoer, "lotingen", ())
        rangorde = rangorde_perceel(a, code, inschrijvingen, zonder.toets, zonder.panel, lotingen)
        if not rangorde:  # the award stage itself says why: it raises, or the lot is not awarded (niet gegund)
            uitslag = beoordeel_perceel(a, code, inschrijvingen, zonder.toets, zonder.panel, oplosser, None)
            if uitslag.niet_gegund:
                raise EvaluatieFout([niet_gegund.met_redenen(uitslag)])
        probleem = verdeelprobleem(a, code, rangorde, inschrijvingen)
        eigen = verdeelprobleem(a, code, basis.rangorde, inschrijvingen)
        if probleem == eigen:
            toewijzing = basis.toewijzing
        elif a.percelen[code].procedure == "gunning" and zelfde_verdeling(eigen, probleem):
            toewijzing = basis.toewijzing  # the same allocation, provably (zekerheid.zelfde_verdeling)
        else:
            toewijzing = _verdeel(probleem, a.percelen[code].procedure, oplosser).toewijzing
    except EvaluatieFout as e:
        return Weglating(
            beoordelaar=beoordelaar,
            winnaar=None,
            winnaar_gelijk=False,
            verdeling_gelijk=False,
            verschuivingen=tuple(e.meldingen),
        )
    except InvoerFout as e:  # without this reviewer some row has no score at all: no ranking, say so
        return Weglating(
            beoordelaar=beoordelaar,
            winnaar=None,
            winnaar_gelijk=False,
            verdeling_gelijk=False,
            verschuivingen=tuple(f.bericht for f in e.fouten),
        )
    winnaar = next((r.inschrijver for r in rangorde if r.rang == 1), None)
    oud, nieuw = _toewijzing(basis.toewijzing), _toewijzing(toewijzing)
    positie = {g: i for i, g in enumerate(a.vraag(code))}
    verschuivingen = [
        f"{g}: {s} van {oud.get((g, s), 0)} naar {nieuw.get((g, s), 0)}"
        for g, s in sorted(set(oud) | set(nieuw), key=lambda k: (positie[k[0]], k[1]))
        if oud.get((g, s), 0) != nieuw.get((g, s), 0)
    ]
    return Weglating(
        beoordelaar=beoordelaar,
        winnaar=winnaar,
        winnaar_gelijk=winnaar == basis_winnaar,
        verdeling_gelijk=not verschuivingen,
        verschuivingen=tuple(verschuivingen),
    )


def weglatingen(award, code: str, oplosser: str, panelen: Mapping[str, object] | None = None) -> list[Weglating]:
    """One Weglating per reviewer, in panel order. `panelen` (from panelen_zonder) is shared
    between lots so the panel is aggregated once per reviewer, not once per reviewer per lot."""
    if panelen is None:
        panelen = panelen_zonder(award)
    return [weglating(award, code, oplosser, r, panelen[r]) for r in award.beoordeling.panel.beoordelaars]

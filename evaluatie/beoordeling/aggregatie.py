"""Combine independent reviewer scores into the panel's score, and show where they disagree.

Per row (bidder x lot x criterion): the consensus score where the panel agreed one,
otherwise the mean or median of the reviewers (tender setting `beoordeling.aggregatie`).
With `aggregatie: consensus` a row without consensus provisionally counts its median (for
`evaluatie beoordelingen`); the award itself is blocked until every row has a consensus
(beoordeling/consensuseis.py).
Quality per bidder per lot on 0-100: sum over criteria of weight x points / max points,
divided by the sum of weights, times 100.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from evaluatie.beoordeling.midden import gemiddelde, mediaan
from evaluatie.beoordeling.model import (
    Beoordelingsformulier,
    Consensus,
    Criteriumbetrouwbaarheid,
    Paneluitslag,
    Rijscore,
)
from evaluatie.definitie.model import Aanbesteding
from evaluatie.fouten import EvaluatieFout

Sleutel = tuple[str, str, str]


def _geen_score(aanbesteding: Aanbesteding, sleutel: Sleutel, zonder: Collection[str]) -> str:
    """A row no remaining reviewer scored and the panel gave no consensus on: the forms are complete, so this happens
    only when reviewers are left out (zekerheid's leave-one-reviewer-out). Counting it 0 would refuse or rank a bid on a
    score nobody gave."""
    from evaluatie.gemeentenamen import opsomming

    ins, code, crit = sleutel
    naam = aanbesteding.percelen[code].criterium_van(crit).naam
    wie = f"zonder de scores van {opsomming(sorted(zonder), 'en')}" if zonder else "in de beoordelingsformulieren"
    return (
        f"{wie} heeft geen beoordelaar {ins} in perceel {aanbesteding.percelen[code].naam} op {naam} gescoord en is "
        "er geen consensusscore; een score die niemand gaf telt niet als 0, dus is er voor die regel geen "
        "kwaliteitsscore"
    )


def krippendorff_alpha(waarden: dict[str, dict[str, float]]) -> float | None:
    """Krippendorff's alpha (interval) for reviewer -> unit -> value; None when undefined.

    Undefined: fewer than two reviewers, fewer than two units scored by two reviewers,
    or no variation at all (every value the same).
    """
    import krippendorff
    import numpy as np

    beoordelaars = sorted(waarden)
    eenheden = sorted({u for per in waarden.values() for u in per})
    if len(beoordelaars) < 2 or len(eenheden) < 2:
        return None
    data = np.array([[waarden[b].get(u, np.nan) for u in eenheden] for b in beoordelaars], dtype=float)
    gepaard = np.sum(~np.isnan(data), axis=0) >= 2
    alle = data[~np.isnan(data)]
    if gepaard.sum() < 1 or alle.size == 0 or np.all(alle == alle[0]):
        return None
    alpha = float(krippendorff.alpha(reliability_data=data, level_of_measurement="interval"))
    return None if np.isnan(alpha) else alpha


def aggregeer(
    aanbesteding: Aanbesteding,
    formulieren: Sequence[Beoordelingsformulier],
    consensus: Consensus | None,
    te_beoordelen: Sequence[Sleutel],
    zonder: Collection[str] = (),
    betrouwbaarheid: bool = True,
) -> Paneluitslag:
    """Aggregate. `zonder` leaves reviewers out (the leave-one-reviewer-out analysis).

    `betrouwbaarheid=False`: no Krippendorff's alpha per criterion (an empty tuple), for a panel
    only the leave-one-reviewer-out analysis uses: it ranks on the quality and never reports the
    alpha of a panel without one reviewer (a quarter of the analysis' panel work in the example)."""
    regels = aanbesteding.beoordeling
    formulieren = [f for f in formulieren if f.beoordelaar not in zonder]
    per_rij: dict[Sleutel, dict[str, tuple[float, int, str]]] = {k: {} for k in te_beoordelen}
    for f in formulieren:
        for s in f.scores:
            per_rij[(s.inschrijver, s.perceel, s.criterium)][f.beoordelaar] = (s.punten, s.stap, s.toelichting)
    cons = {(s.inschrijver, s.perceel, s.criterium): s for s in (consensus.scores if consensus else ())}

    rijen: list[Rijscore] = []
    geen_score: list[Sleutel] = []
    for sleutel in te_beoordelen:
        ind = per_rij[sleutel]
        punten = [p for p, _, _ in ind.values()]
        stappen = [s for _, s, _ in ind.values()]
        c = cons.get(sleutel)
        if c is not None:
            telt = c.punten
        elif punten:
            telt = gemiddelde(punten) if regels.aggregatie == "gemiddelde" else mediaan(punten)
        else:  # no score and no consensus: never 0 (a score nobody gave), said in words (zekerheid reports it)
            geen_score.append(sleutel)
            continue
        spreiding_stappen = (max(stappen) - min(stappen)) if stappen else 0
        signaal = spreiding_stappen > regels.signaal_spreiding_stappen
        rijen.append(
            Rijscore(
                inschrijver=sleutel[0],
                perceel=sleutel[1],
                criterium=sleutel[2],
                individueel={b: ind[b][0] for b in sorted(ind)},
                toelichtingen={b: ind[b][2] for b in sorted(ind)},
                consensus=c.punten if c else None,
                consensus_toelichting=c.toelichting if c else None,
                punten=telt,
                spreiding=(max(punten) - min(punten)) if punten else 0.0,
                spreiding_stappen=spreiding_stappen,
                signaal=signaal,
                afwijkers=_afwijkers(ind) if signaal else (),
            )
        )

    if geen_score:
        raise EvaluatieFout([_geen_score(aanbesteding, k, zonder) for k in geen_score])

    kwaliteit: dict[str, dict[str, float]] = {}
    for code, perceel in aanbesteding.percelen.items():
        som_w = sum(c.weging for c in perceel.gunningscriteria)
        for r in rijen:
            if r.perceel != code:
                continue
            w = perceel.criterium_van(r.criterium).weging
            per = kwaliteit.setdefault(code, {})
            per[r.inschrijver] = per.get(r.inschrijver, 0.0) + w * r.punten / perceel.schaal.max_punten * 100 / som_w
    # Not rounded here: the one rounding is `precisie.punten` at 4 decimals, after the price method. A rounding
    # here (it was 6 decimals) is multiplied by the method (x 50 under fictieve_korting at EUR 5.000) and split
    # two bids whose fictitious prices are exactly equal by 0,0001, so no draw was asked.
    kwaliteit = {p: dict(sorted(per.items())) for p, per in kwaliteit.items()}

    return Paneluitslag(
        aggregatie=regels.aggregatie,
        beoordelaars=tuple(sorted(f.beoordelaar for f in formulieren)),
        rijen=tuple(rijen),
        kwaliteit=kwaliteit,
        betrouwbaarheid=tuple(_betrouwbaarheid(aanbesteding, formulieren)) if betrouwbaarheid else (),
    )


def _afwijkers(ind: dict[str, tuple[float, int, str]]) -> tuple[str, ...]:
    """Reviewers furthest (in steps) from the median of the others on this row."""
    afstand = {}
    for b, (_, stap, _) in ind.items():
        anderen = [s for x, (_, s, _) in ind.items() if x != b]
        if anderen:
            afstand[b] = abs(stap - mediaan(anderen))
    if not afstand:
        return ()
    grootste = max(afstand.values())
    verst = tuple(sorted(b for b, a in afstand.items() if a == grootste))
    return () if len(verst) == len(ind) else verst  # all equally far (always so with two): nobody stands apart


def _betrouwbaarheid(
    aanbesteding: Aanbesteding, formulieren: Sequence[Beoordelingsformulier]
) -> list[Criteriumbetrouwbaarheid]:
    uit = []
    for code, perceel in aanbesteding.percelen.items():
        for crit in perceel.gunningscriteria:
            waarden = {
                f.beoordelaar: {
                    s.inschrijver: s.punten for s in f.scores if s.perceel == code and s.criterium == crit.code
                }
                for f in formulieren
            }
            waarden = {b: w for b, w in waarden.items() if w}
            if not waarden:
                continue
            alpha = krippendorff_alpha(waarden)
            zonder: dict[str, float | None] = {}
            if len(waarden) >= 3:
                for b in sorted(waarden):
                    zonder[b] = krippendorff_alpha({x: w for x, w in waarden.items() if x != b})
            afwijker = None
            kandidaten = [(a, b) for b, a in zonder.items() if a is not None]
            if kandidaten:
                beste_alpha, beste = max(kandidaten, key=lambda t: (t[0], _omgekeerd(t[1])))
                if alpha is None or beste_alpha > alpha + 1e-9:
                    afwijker = beste
            uit.append(
                Criteriumbetrouwbaarheid(
                    perceel=code, criterium=crit.code, alpha=alpha, alpha_zonder=zonder, grootste_afwijker=afwijker
                )
            )
    return uit


def _omgekeerd(naam: str) -> tuple[int, ...]:
    """Tie-break on equal alpha: alphabetically first reviewer wins (max() on inverted code points)."""
    return tuple(-ord(c) for c in naam)

"""Score perturbation, vectorised with numpy: how likely does the winner stay first?

Each draw moves every individual reviewer score (and every consensus score, which is the
panel's one judgement on that row) by -1, 0 or +1 scale step, uniformly at random and kept
on the scale; then the panel aggregation, the quality threshold, the price method and the
ranking are applied to all draws at once. A draw counts for the winner only when it ranks
first alone (an equal total counts as not first: a tie would need the tie-break rules).

The draws come in blocks of BLOK, each from its own generator spawned from the seed
(numpy SeedSequence): memory stays bounded at national size (150 bidders, 3 reviewers) and
the outcome is the same however the blocks are computed. A shift is drawn as int8 and
applied through a table of the clipped scale points, so no clip pass over the draws is needed.
"""

from __future__ import annotations

import time

import numpy as np

from evaluatie.prijs.basis import methode
from evaluatie.prijs.precisie import punten_vector
from evaluatie.toets.register import maak_regel
from evaluatie.toets.uitslag import Toetsresultaat
from evaluatie.zekerheid.model import Storing

ZAAD = 20210701
BLOK = 1000  # draws per block; part of the method (changing it changes the draws)


def storing(award, code: str, trekkingen: int = 10_000, zaad: int = ZAAD) -> Storing | None:
    a = award.invoer.aanbesteding
    perceel = a.percelen[code]
    panel = award.beoordeling.panel
    uitslag = award.uitslag.percelen[code]
    if not uitslag.rangorde:
        return None
    bieders = sorted(panel.kwaliteit.get(code, {}))
    if not bieders:
        return None
    per_naam = {i.naam: i for i in award.invoer.inschrijvingen}
    criteria = [c.code for c in perceel.gunningscriteria]
    beoordelaars = list(panel.beoordelaars)
    stap_van = {s.punten: i for i, s in enumerate(perceel.schaal.stappen)}
    punten = np.array([s.punten for s in perceel.schaal.stappen])
    # S[r, b, c]: reviewer step; K[b, c]: consensus step or -1
    S = np.zeros((len(beoordelaars), len(bieders), len(criteria)), dtype=np.int16)
    K = np.full((len(bieders), len(criteria)), -1, dtype=np.int16)
    for bi, b in enumerate(bieders):
        for ci, c in enumerate(criteria):
            rij = panel.rij(b, code, c)
            for ri, r in enumerate(beoordelaars):
                S[ri, bi, ci] = stap_van[rij.individueel[r]]
            if rij.consensus is not None:
                K[bi, ci] = stap_van[rij.consensus]
    gewicht = np.array([c.weging for c in perceel.gunningscriteria], dtype=float)
    # The threshold comes from the rule itself, so its defaults apply here exactly as in the knock-out.
    drempel = (
        getattr(maak_regel("minimum_kwaliteit", perceel.knockout["minimum_kwaliteit"]).params, "drempel", None)
        if "minimum_kwaliteit" in perceel.knockout
        else None
    )
    voorwaarde = np.array([award.beoordeling.toets_voor.resultaat(b, code).voldoet for b in bieders])
    # a bid rejected after scoring (art. 2.116, besluiten.yaml) stays out of every draw, as in the award
    afgewezen = {b for b in bieders if _afgewezen(award.beoordeling.toets.resultaat(b, code))}
    voorwaarde &= np.array([b not in afgewezen for b in bieders])
    m = methode(perceel.prijsmethode)
    prijs = np.array([per_naam[b].aanbod[code].prijs for b in bieders])
    teken = 1.0 if m.hoger_is_beter else -1.0
    hoogste = len(punten) - 1
    # tabel[step + shift + 1]: the points of the shifted step, kept on the scale
    tabel = punten[np.clip(np.arange(-1, hoogste + 2), 0, hoogste)].astype(float)
    heeft_consensus = K >= 0
    K1 = (np.where(heeft_consensus, K, 0) + 1).astype(np.intp)
    S1 = (S + 1).astype(np.intp)
    # The indices and points of a block in arrays made once: a fresh array of this size per block is
    # fresh memory from the operating system each time (page faults: half a millisecond per block of
    # B1 in the example, issue #24). intp, numpy's own index type, so `take` casts nothing.
    plek = np.empty((BLOK, *S.shape), dtype=np.intp)
    punten_blok = np.empty((BLOK, *S.shape), dtype=float)
    samen_blok = np.empty((BLOK, *K.shape), dtype=float)  # [d, b, c]
    plek_consensus = np.empty((BLOK, *K.shape), dtype=np.intp)
    consensus_blok = np.empty((BLOK, *K.shape), dtype=float)
    gewogen_blok = np.empty((BLOK, *K.shape), dtype=float)

    def blok(nummer: int, n: int, kind: np.random.SeedSequence) -> tuple[np.ndarray, int, int]:
        """How often each bidder ranks first alone in block `nummer` of n draws, and in how many draws no bid is
        valid (every quality under the threshold) and in how many two or more share the first place."""
        rnd = np.random.default_rng(kind)
        # take and sum / count: the same values, bit for bit, as tabel[...] and mean (numpy's mean is that sum
        # divided by the count), at about two thirds of the cost (issue #24)
        verschuiving = rnd.integers(-1, 2, size=(n, *S.shape), dtype=np.int8)
        p = tabel.take(np.add(S1[None], verschuiving, out=plek[:n]), out=punten_blok[:n])  # [d, r, b, c]
        if panel.aggregatie == "gemiddelde":
            samen = np.divide(p.sum(axis=1, out=samen_blok[:n]), p.shape[1], out=samen_blok[:n])
        else:
            samen = np.median(p, axis=1)
        verschuiving_consensus = rnd.integers(-1, 2, size=(n, *K.shape), dtype=np.int8)
        cons = tabel.take(np.add(K1[None], verschuiving_consensus, out=plek_consensus[:n]), out=consensus_blok[:n])
        np.copyto(samen, cons, where=heeft_consensus[None])  # [d, b, c]
        # samen / max * 100 * gewicht, the same operations in the same order, into the block's own array
        gewogen = np.divide(samen, perceel.schaal.max_punten, out=gewogen_blok[:n])
        np.multiply(gewogen, 100, out=gewogen)
        np.multiply(gewogen, gewicht, out=gewogen)
        kwaliteit = gewogen.sum(axis=2) / gewicht.sum()
        geldig = np.broadcast_to(voorwaarde, kwaliteit.shape)
        if drempel is not None:
            geldig = geldig & (kwaliteit >= drempel - 1e-9)
        totaal = m.vectorieel(perceel, prijs, kwaliteit, geldig)
        score = np.where(geldig, teken * punten_vector(totaal), -np.inf)  # the ranking's precision
        beste = score.max(axis=1, keepdims=True)
        op_een = (score == beste).sum(axis=1, keepdims=True)
        alleen = (score == beste) & (op_een == 1) & np.isfinite(beste)
        return alleen.sum(axis=0), int((~np.isfinite(beste)).sum()), int(((op_een > 1) & np.isfinite(beste)).sum())

    t0 = time.perf_counter()
    kinderen = np.random.SeedSequence(zaad).spawn(-(-trekkingen // BLOK))
    eerste = np.zeros(len(bieders), dtype=np.int64)
    geen = gedeeld = 0
    for i, kind in enumerate(kinderen):
        alleen, zonder, samen = blok(i, min(BLOK, trekkingen - i * BLOK), kind)
        eerste += alleen
        geen, gedeeld = geen + zonder, gedeeld + samen
    seconden = time.perf_counter() - t0
    kans = {b: int(eerste[i]) / trekkingen for i, b in enumerate(bieders)}
    winnaar = uitslag.winnaars()[0]
    return Storing(
        trekkingen=trekkingen,
        zaad=zaad,
        kans_winnaar_blijft=kans.get(winnaar, 0.0),
        kans_eerste={b: k for b, k in sorted(kans.items(), key=lambda t: (-t[1], t[0])) if k > 0},
        aantal_winnaar_blijft=int(eerste[bieders.index(winnaar)]) if winnaar in bieders else 0,
        aantal_eerste={
            b: int(eerste[i])
            for i, b in sorted(enumerate(bieders), key=lambda t: (-eerste[t[0]], t[1]))
            if eerste[i] > 0
        },
        geen_geldige=geen,
        gedeeld_eerste=gedeeld,
        seconden=seconden,
    )


def _afgewezen(resultaat: Toetsresultaat | None) -> bool:
    from evaluatie.besluiten.model import REGEL_ABNORMAAL

    return resultaat is not None and any(
        f.regel == REGEL_ABNORMAAL and f.voldoet is False for f in resultaat.bevindingen
    )

"""Stage 4 under per_subregio, exact and fast: supplier sets per subregio, a Lagrangian bound, enumeration.

With every supplier's total T_s fixed (after stages 1-3), stage 4 maximises
sum w_s c_g x_gs (w_s = R - rank, c_g = (C - position)^2) over allocations in which every
subregio r picks one set S_r of suppliers, each of which gets at least 1 in every gemeente of r.
The suppliers' totals are the only thing that ties the subregio's together, so:

1. Sets: per subregio every set of suppliers that could serve it (each serves every gemeente of
   r and has T_s >= n_r; |S| <= the smallest demand and <= max_leveranciers_per_gemeente).
2. Lagrangian bound: with a price lambda_s on each supplier's total, the problem falls apart per
   subregio and, for a given set, per gemeente: give every member 1, the rest to the member with
   the largest w_s c_g - lambda_s. So for every lambda
       L(lambda) = sum_s lambda_s T_s + sum_r max_S P_r(S, lambda)
   is an upper bound, and a solution that uses set S in r is worth at most
   L(lambda) - (max_S' P_r(S', lambda) - P_r(S, lambda)). The prices come from column generation
   on the set-based master (its LP is the convex hull of every subregio's choices).
3. Integral master: a MIP over a family F of sets per subregio (binary u_rS, x_gs linked to the
   chosen set). Its optimum z is a feasible allocation. Every set whose bound is below z cannot
   be in an optimal allocation; when all the others are in F, z is proven optimal over all sets.
   Otherwise they are added and the MIP is solved once more, which then proves it.

Limits are in work (rounds, sets), never in time. When the sets are too many (a tender far
larger than a national one) `stap4` returns None and the caller solves the per-gemeente MIP,
which is exact too. Budgets under per_subregio are not handled here (also None).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from evaluatie.verdeling.lp import Klasse
from evaluatie.verdeling.matrix import Lineair, Motor, Uitkomst
from evaluatie.verdeling.model import Verdeelprobleem

MAX_SETS = 60_000  # sets in all subregio's together; beyond this, the per-gemeente MIP
MAX_RONDES = 40  # column-generation rounds
START_PER_REGIO = 12  # sets per subregio in the first integral master (besides the starting solution's)


@dataclass
class Regio:
    cis: list[int]  # positions of its gemeenten among the active gemeenten
    vraag: np.ndarray  # demand per gemeente
    gewicht: np.ndarray  # c_g
    actief: list[int]  # suppliers that may serve it
    sets: np.ndarray  # bool, one row per set over `actief`
    grootte: np.ndarray  # |S| per set


def _regios(p: Verdeelprobleem, ks: list[Klasse], totalen: dict[int, int]) -> list[Regio] | None:
    n = len(ks)
    k_max = p.regels.max_leveranciers_per_gemeente
    groepen: dict[str, list[int]] = {}
    for ci, k in enumerate(ks):
        groepen.setdefault(p.subregio[k.gemeenten[0]], []).append(ci)
    uit = []
    aantal = 0
    for cis in groepen.values():
        vraag = np.array([ks[ci].vraag for ci in cis], dtype=np.int64)
        # geschikt() already leaves only suppliers that serve the whole subregio
        actief = [si for si in ks[cis[0]].leveranciers if totalen.get(si, 0) >= len(cis)]
        grens = min(int(vraag.min()), len(actief), k_max if k_max is not None else len(actief))
        aantal += sum(math.comb(len(actief), j) for j in range(1, grens + 1))
        if aantal > MAX_SETS:
            return None
        rijen = [
            [i in combinatie for i in range(len(actief))]
            for j in range(1, grens + 1)
            for combinatie in itertools.combinations(range(len(actief)), j)
        ]
        sets = np.array(rijen, dtype=bool).reshape(len(rijen), len(actief))
        gewicht = np.array([(n - ci) ** 2 for ci in cis], dtype=np.int64)
        uit.append(Regio(cis, vraag, gewicht, actief, sets, sets.sum(axis=1)))
    return uit


def _prijzen(r: Regio, w: np.ndarray, lam: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """P_r(S, lambda) for every set, and per (set, gemeente) the member that takes the rest."""
    pi = r.gewicht[:, None].astype(np.float64) * w[r.actief][None, :] - lam[r.actief][None, :]  # gemeente x lid
    som = r.sets.astype(np.float64) @ pi.T
    beste = np.full(som.shape, -np.inf)
    wie = np.zeros(som.shape, dtype=np.int64)
    for j in range(len(r.actief)):
        kandidaat = np.where(r.sets[:, j : j + 1], pi[None, :, j], -np.inf)
        beter = kandidaat > beste  # strict: ties go to the earlier (better-ranked) member
        beste = np.where(beter, kandidaat, beste)
        wie = np.where(beter, j, wie)
    waarde = (som + (r.vraag[None, :] - r.grootte[:, None]) * beste).sum(axis=1)
    return waarde, wie


def _kolom(r: Regio, i: int, wie: np.ndarray) -> dict[tuple[int, int], int]:
    """The allocation in r of set i from the pricing: 1 per member, the rest to `wie`."""
    cellen: dict[tuple[int, int], int] = {}
    leden = [r.actief[j] for j in np.flatnonzero(r.sets[i])]
    for g, ci in enumerate(r.cis):
        for si in leden:
            cellen[ci, si] = 1
        cellen[ci, r.actief[wie[i, g]]] += int(r.vraag[g] - r.grootte[i])
    return cellen


def _set_van(r: Regio, cellen: dict[tuple[int, int], int]) -> int:
    leden = {si for (ci, si), v in cellen.items() if v > 0 and ci in set(r.cis)}
    rij = np.array([si in leden for si in r.actief], dtype=bool)
    treffers = np.flatnonzero((r.sets == rij[None, :]).all(axis=1))
    if len(treffers) != 1:
        raise ArithmeticError("startoplossing gebruikt een set die niet is opgesomd")
    return int(treffers[0])


def stap4(
    p: Verdeelprobleem,
    ks: list[Klasse],
    totalen: dict[int, int],
    start: dict[tuple[int, int], int],
    maak: Callable[[str, Lineair], Motor],
) -> tuple[dict[tuple[int, int], int], int] | None:
    """Cells (position, supplier) -> inburgeraars of a proven stage-4 optimum and its value, or None.

    `start` is a feasible allocation with these totals (cells keyed like the result); `maak`
    builds an engine for a `Lineair` (the caller's, so the engine is recorded and followed)."""
    if p.budget:
        return None
    regios = _regios(p, ks, totalen)
    if regios is None:
        return None
    m = len(p.leveranciers)
    w = np.array([m - s.rang for s in p.leveranciers], dtype=np.float64)
    leveranciers = sorted(totalen)
    gewicht_van = {ci: (len(ks) - ci) ** 2 for ci in range(len(ks))}

    def waarde(cellen: dict[tuple[int, int], int]) -> int:
        return sum(int(m - p.leveranciers[si].rang) * gewicht_van[ci] * v for (ci, si), v in cellen.items())

    lam, bound = _lagrange(regios, w, leveranciers, totalen, start, waarde)
    prijs = [_prijzen(r, w, lam)[0] for r in regios]
    tekort = [float(pr.max()) - pr for pr in prijs]  # how much a set costs against the bound
    gekozen_start = [_set_van(r, start) for r in regios]
    familie = []
    for r, tk, i0 in zip(regios, tekort, gekozen_start, strict=True):
        beste = set(np.argsort(tk, kind="stable")[:START_PER_REGIO].tolist())
        familie.append(sorted(beste | {i0}))
    oplossing = dict(start)
    for _ronde in range(2):
        oplossing = _master(p, ks, regios, familie, totalen, oplossing, maak)
        z = waarde(oplossing)
        marge = bound - z + 1.0 + 1e-9 * abs(bound)
        nodig = [sorted(np.flatnonzero(tk <= marge).tolist()) for tk in tekort]
        if sum(map(len, nodig)) > MAX_SETS // 4:
            return None
        if all(set(n) <= set(f) for n, f in zip(nodig, familie, strict=True)):
            return oplossing, z
        familie = [sorted(set(f) | set(n)) for f, n in zip(familie, nodig, strict=True)]
    return None  # cannot happen: the second master contains every set that can matter


def _lagrange(
    regios: list[Regio],
    w: np.ndarray,
    leveranciers: list[int],
    totalen: dict[int, int],
    start: dict[tuple[int, int], int],
    waarde: Callable[[dict[tuple[int, int], int]], int],
) -> tuple[np.ndarray, float]:
    """Prices lambda by column generation on the set-based master LP; returns the best bound found."""
    import highspy

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    nr = len(regios)
    rij_van = {si: nr + i for i, si in enumerate(leveranciers)}
    onder = np.array([1.0] * nr + [float(totalen[si]) for si in leveranciers])
    h.addRows(len(onder), onder, onder, 0, np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0))
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    m = len(w)
    lam_leeg = np.zeros(m)

    def voeg_toe(ri: int, cellen: dict[tuple[int, int], int]) -> None:
        gebruik: dict[int, int] = {}
        for (_, si), v in cellen.items():
            gebruik[si] = gebruik.get(si, 0) + v
        idx = [ri] + [rij_van[si] for si in sorted(gebruik) if si in rij_van]
        val = [1.0] + [float(gebruik[si]) for si in sorted(gebruik) if si in rij_van]
        kost = float(waarde(cellen))
        h.addCol(kost, 0.0, highspy.kHighsInf, len(idx), np.array(idx, np.int32), np.array(val))

    for ri, r in enumerate(regios):
        voeg_toe(ri, {key: v for key, v in start.items() if key[0] in set(r.cis)})
    beste_lam, beste = lam_leeg, math.inf
    for _ in range(MAX_RONDES):
        h.run()
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            break
        dual = np.array(h.getSolution().row_dual)
        lam = np.zeros(m)
        for si, rij in rij_van.items():
            lam[si] = dual[rij]
        bound = float(sum(lam[si] * totalen[si] for si in leveranciers))
        nieuw = 0
        for ri, r in enumerate(regios):
            pr, wie = _prijzen(r, w, lam)
            i = int(np.argmax(pr))
            bound += float(pr[i])
            if pr[i] - dual[ri] > 1e-7 * max(1.0, abs(pr[i])):
                voeg_toe(ri, _kolom(r, i, wie))
                nieuw += 1
        if bound < beste:
            beste_lam, beste = lam, bound
        if nieuw == 0:
            break
    return beste_lam, beste


def _master(
    p: Verdeelprobleem,
    ks: list[Klasse],
    regios: list[Regio],
    familie: list[list[int]],
    totalen: dict[int, int],
    start: dict[tuple[int, int], int],
    maak: Callable[[str, Lineair], Motor],
) -> dict[tuple[int, int], int]:
    """The integral master over the sets in `familie`: the best allocation that uses only those."""
    lin = Lineair()
    m = len(p.leveranciers)
    x: dict[tuple[int, int], int] = {}
    u: dict[tuple[int, int], int] = {}
    per_leverancier: dict[int, list[int]] = {}
    doel: dict[int, int] = {}
    for ri, (r, fam) in enumerate(zip(regios, familie, strict=True)):
        for i in fam:
            u[ri, i] = lin.kolom(0, 1)
        lin.rij([(u[ri, i], 1) for i in fam], 1, 1)
        leden = sorted({r.actief[j] for i in fam for j in np.flatnonzero(r.sets[i])})
        for g, ci in enumerate(r.cis):
            d = int(r.vraag[g])
            for si in leden:
                j = x[ci, si] = lin.kolom(0, min(d, totalen[si]))
                per_leverancier.setdefault(si, []).append(j)
                doel[j] = (m - p.leveranciers[si].rang) * (len(ks) - ci) ** 2
                met = [i for i in fam if r.sets[i, r.actief.index(si)]]
                lin.rij([(j, 1), *((u[ri, i], -1) for i in met)], onder=0)
                lin.rij([(j, 1), *((u[ri, i], -min(d - int(r.grootte[i]) + 1, totalen[si])) for i in met)], boven=0)
            lin.rij([(x[ci, si], 1) for si in leden], d, d)
    for si, t in totalen.items():
        lin.rij([(j, 1) for j in per_leverancier.get(si, [])], t, t)
    motor = maak("stap4", lin)
    begin: dict[int, int] = {j: start.get(key, 0) for key, j in x.items()}
    for ri, r in enumerate(regios):
        i0 = _set_van(r, start)
        for i in familie[ri]:
            begin[u[ri, i]] = int(i == i0)
    if motor.los(doel, True, begin) != Uitkomst.OPTIMAAL:
        raise ArithmeticError("het model met sets per subregio heeft geen optimum")
    waarden = motor.waarden()
    return {key: waarden[j] for key, j in x.items() if waarden[j]}

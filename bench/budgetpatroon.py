"""Bounds of stage 4 with a budget in every gemeente from each gemeente's own integer set (issue #24, bench only).

Relax the supplier-total rows with prices lam; what is left splits per gemeente g into

    max sum_s (c_gs - lam_s) x_gs   s.t.  sum_s x_gs = d_g,  sum_s p_s x_gs <= B_g,  0 <= x_gs <= u_gs, integer,

and L(lam) = sum_s lam_s X_s + sum_g (that maximum) is an upper bound on stage 4 for every lam. Its minimum over lam is
the LP bound of the set-based reformulation (one column per feasible integer pattern per gemeente), whose LP is the
convex hull of every gemeente's set: the 'stronger formulation' the brief of issue #24 asked to measure. It is found
here by cutting planes (`kelley`): after every LP, one cut per gemeente (c_g - lam) x_g <= its maximum, valid for every
integer point of that gemeente (lam rounded to integers, so the cut is exact in integers). `fixeer` uses L(lam) and
the value of a known allocation for Lagrangian bound tightening. Each gemeente's problem is a small HiGHS MIP.
"""

from __future__ import annotations

import math

import numpy as np

from evaluatie.verdeling.klassen import CENTEN
from evaluatie.verdeling.matrix import HighsMotor, Programma
from evaluatie.verdeling.model import Verdeelprobleem
from evaluatie.verdeling.opbouw import Opbouw
from evaluatie.verdeling.status import Oplosserfout

Rij = tuple[list[int], list[float], float, float]


class Gemeente:
    """One gemeente's integer set (demand row, budget row, the stage-4 model's column bounds) as a small MIP."""

    def __init__(self, p: Verdeelprobleem, o: Opbouw, ci: int):
        g = o.ks[ci].gemeenten[0]
        self.sis = [si for si in o.ks[ci].leveranciers if (ci, si) in o.x]
        self.js = [o.x[ci, si] for si in self.sis]
        lin = Programma()
        for j in self.js:
            lin.kolom(0, o.lin.boven[j])
        n = len(self.js)
        lin.rij([(i, 1) for i in range(n)], p.vraag[g], p.vraag[g])
        prijzen = [round(p.leveranciers[si].prijs * CENTEN) for si in self.sis]
        lin.rij(list(zip(range(n), prijzen, strict=True)), boven=round(p.budget[g] * CENTEN))
        self.m = HighsMotor(lin, None)
        self.h = self.m.h

    def beste(self, coef: list[int]) -> tuple[int, list[int]]:
        """max coef . x over this gemeente's integer set: the value (exact, in integers) and the pattern."""
        n = len(self.js)
        self.h.changeColsCost(n, np.arange(n, dtype=np.int32), np.array(coef, dtype=np.float64))
        self.h.changeObjectiveSense(self.m._hs.ObjSense.kMaximize)
        self.h.run()
        x = [round(v) for v in self.h.getSolution().col_value]
        return sum(c * v for c, v in zip(coef, x, strict=True)), x

    def haalt(self, i: int, lo: int, hi: int, drempel: int) -> bool:
        """Is there a pattern with lo <= x_i <= hi worth at least `drempel` (for the last objective)?"""
        self.h.changeColBounds(i, lo, hi)
        self.h.run()
        ok = self.h.getModelStatus().name == "kOptimal" and self.h.getInfo().objective_function_value > drempel - 0.5
        return ok


def _structuur(o: Opbouw) -> tuple[list[int], dict[int, int]]:
    """The suppliers with a total row, and each one's total (rows of `opbouw.bouw(totalen=...)`: the demand rows of
    the classes first, then one total row per supplier in supplier order)."""
    gebruikt = sorted({si for (_, si) in o.x})
    return gebruikt, {si: int(o.lin.rijen[len(o.ks) + i][2]) for i, si in enumerate(gebruikt)}


def kelley(p: Verdeelprobleem, o: Opbouw, rondes: int) -> tuple[float, int, dict[int, int], list[Rij]]:
    """Cutting planes towards the bound of the set-based reformulation.

    Returns the last LP bound, the smallest L(lam) seen, its lam and all cuts; prints every round."""
    doel = o.doelen[3]
    gebruikt, totalen = _structuur(o)
    rij = {si: len(o.ks) + i for i, si in enumerate(gebruikt)}
    gemeenten = [Gemeente(p, o, ci) for ci in range(len(o.ks))]
    lin = Programma(list(o.lin.onder), list(o.lin.boven), [False] * o.lin.aantal, list(o.lin.rijen))
    m = HighsMotor(lin, None)
    waarde, beste, beste_lam = math.inf, math.inf, {}
    sneden: list[Rij] = []
    for ronde in range(rondes):
        try:
            m.los(doel, True)
        except Oplosserfout:  # numerical trouble of the LP with many dense cuts: stop with what is there
            print(f"    ronde {ronde + 1}: LP {m.h.getModelStatus().name}")
            break
        waarde = m.h.getInfo().objective_function_value
        duals = m.h.getSolution().row_dual
        lam = {si: round(duals[rij[si]]) for si in gebruikt}
        L = sum(lam[si] * totalen[si] for si in gebruikt)
        for gm in gemeenten:
            coef = [doel[j] - lam[si] for j, si in zip(gm.js, gm.sis, strict=True)]
            rechts, _ = gm.beste(coef)
            L += rechts
            m.voeg_rij_toe(list(zip(gm.js, coef, strict=True)), -math.inf, rechts)
            sneden.append((list(gm.js), [float(c) for c in coef], -math.inf, float(rechts)))
        if beste > L:
            beste, beste_lam = L, lam
        print(f"    ronde {ronde + 1}: LP {waarde:,.0f}, L(lam) {L:,}")
    return waarde, int(beste), beste_lam, sneden


def fixeer(
    p: Verdeelprobleem, o: Opbouw, lam: dict[int, int], ondergrens: int, stappen: bool = False
) -> dict[int, tuple[int, int]]:
    """Lagrangian bound tightening: new bounds of the x columns that every allocation worth at least `ondergrens`
    meets. A value of x_gs is possible only if gemeente g's best pattern with it loses at most L(lam) - ondergrens
    against g's best pattern (the other gemeenten cannot make up more). stappen=False: only whether a column can
    leave its value in g's best pattern (one MIP each way); True: the largest and smallest value (slow)."""
    doel = o.doelen[3]
    gebruikt, totalen = _structuur(o)
    L = sum(lam[si] * totalen[si] for si in gebruikt)
    gemeenten = [Gemeente(p, o, ci) for ci in range(len(o.ks))]
    beste = []
    for gm in gemeenten:
        coef = [doel[j] - lam[si] for j, si in zip(gm.js, gm.sis, strict=True)]
        w, x = gm.beste(coef)
        L += w
        beste.append((w, x))
    gat = L - ondergrens
    nieuw: dict[int, tuple[int, int]] = {}
    for gm, (w, x) in zip(gemeenten, beste, strict=True):
        for i, j in enumerate(gm.js):
            lo, hi = int(o.lin.onder[j]), int(o.lin.boven[j])
            nhi = x[i]  # x >= v is possible for every v up to nhi (the best with x >= v falls as v rises)
            while nhi < hi and gm.haalt(i, nhi + 1, hi, w - gat):
                nhi = nhi + 1 if stappen else hi
            nlo = x[i]
            while nlo > lo and gm.haalt(i, lo, nlo - 1, w - gat):
                nlo = nlo - 1 if stappen else lo
            gm.h.changeColBounds(i, lo, hi)
            if (nlo, nhi) != (lo, hi):
                nieuw[j] = (nlo, nhi)
    print(f"    L(lam) {L:,}, gat tot de ondergrens {gat:,}")
    return nieuw


def kolommen(
    p: Verdeelprobleem, o: Opbouw, rondes: int, geheel: bool = False
) -> tuple[float, int, dict[int, int], list[int] | None]:
    """The bound of the set-based reformulation by column generation, with a certificate from both sides.

    The restricted master (choose a convex combination of known patterns per gemeente, every total met) gives a
    lower bound on that bound once its penalised slack is 0 (its optimum is a point of every gemeente's hull); each
    round's L(lam) at the master's prices an upper bound. New patterns: every gemeente's best at those prices.
    Returns (last master value, smallest L(lam), its lam, and with geheel=True the best allocation of the master
    over the patterns found, as x of `o`, or None)."""
    doel = o.doelen[3]
    gebruikt, totalen = _structuur(o)
    gemeenten = [Gemeente(p, o, ci) for ci in range(len(o.ks))]
    patronen: list[list[list[int]]] = []
    for gm in gemeenten:  # a first pattern per gemeente: its best for the stage-4 objective alone
        patronen.append([gm.beste([doel[j] for j in gm.js])[1]])
    straf = 10 * max(doel.values())  # per unit of a total missed or exceeded
    waarde, beste, beste_lam = -math.inf, math.inf, {}
    for ronde in range(rondes):
        lin = Programma()
        rij_g: list[list[tuple[int, float]]] = [[] for _ in gemeenten]
        rij_s: dict[int, list[tuple[int, float]]] = {si: [] for si in gebruikt}
        kosten: dict[int, float] = {}
        for gi, (gm, pats) in enumerate(zip(gemeenten, patronen, strict=True)):
            for x in pats:
                k = lin.kolom(0, math.inf, False)
                kosten[k] = sum(doel[j] * v for j, v in zip(gm.js, x, strict=True))
                rij_g[gi].append((k, 1))
                for si, v in zip(gm.sis, x, strict=True):
                    if v:
                        rij_s[si].append((k, v))
        for si in gebruikt:
            boven, onder = lin.kolom(0, math.inf, False), lin.kolom(0, math.inf, False)
            kosten[boven] = kosten[onder] = -straf
            lin.rij([*rij_s[si], (boven, -1), (onder, 1)], totalen[si], totalen[si])
        for termen in rij_g:
            lin.rij(termen, 1, 1)
        m = HighsMotor(lin, None)
        m.h.changeColsCost(len(kosten), np.array(list(kosten), dtype=np.int32), np.array(list(kosten.values())))
        m.h.changeObjectiveSense(m._hs.ObjSense.kMaximize)
        m.h.run()
        waarde = m.h.getInfo().objective_function_value
        duals = m.h.getSolution().row_dual
        lam = {si: round(duals[i]) for i, si in enumerate(gebruikt)}
        conv = duals[len(gebruikt) :]
        L = sum(lam[si] * totalen[si] for si in gebruikt)
        nieuw = 0
        for gi, gm in enumerate(gemeenten):
            coef = [doel[j] - lam[si] for j, si in zip(gm.js, gm.sis, strict=True)]
            w, x = gm.beste(coef)
            L += w
            if w > conv[gi] + 0.5 and x not in patronen[gi]:
                patronen[gi].append(x)
                nieuw += 1
        if beste > L:
            beste, beste_lam = L, lam
        print(f"    ronde {ronde + 1}: master {waarde:,.0f}, L(lam) {L:,}, beste L {beste:,}, {nieuw} nieuwe patronen")
        if not nieuw:
            break
    print(f"    {sum(len(pats) for pats in patronen)} patronen")
    if not geheel:
        return waarde, int(beste), beste_lam, None
    m.zet_geheel(list(range(lin.aantal)), True)
    m.h.setOptionValue("mip_max_nodes", 1000)
    m.h.run()
    if m.h.getInfo().primal_solution_status != 2:
        return waarde, int(beste), beste_lam, None
    mu = [round(v) for v in m.h.getSolution().col_value]
    x = [0] * o.lin.aantal
    k = 0
    for gm, pats in zip(gemeenten, patronen, strict=True):
        for pat in pats:
            if mu[k]:
                for j, v in zip(gm.js, pat, strict=True):
                    x[j] = v
            k += 1
    if any(mu[k:]):  # a slack column: the patterns do not meet every total
        return waarde, int(beste), beste_lam, None
    return waarde, int(beste), beste_lam, x


def sneden_bij(p: Verdeelprobleem, o: Opbouw, lam: dict[int, int]) -> list[Rij]:
    """One cut per gemeente at prices lam: (c_g - lam) x_g <= the gemeente's best (exact, integers). With them the
    LP of the stage-4 model is at most L(lam)."""
    doel = o.doelen[3]
    uit: list[Rij] = []
    for ci in range(len(o.ks)):
        gm = Gemeente(p, o, ci)
        coef = [doel[j] - lam[si] for j, si in zip(gm.js, gm.sis, strict=True)]
        w, _ = gm.beste(coef)
        uit.append((list(gm.js), [float(c) for c in coef], -math.inf, float(w)))
    return uit

"""Stage 4 under per_subregio: how strong is the bound that takes both views at once (issue #24, brief s40)?

Stage 4 under per_subregio (no budgets), over the columns of `evaluatie.verdeling.subregiokeuze` (z per
(subregio, supplier), y per (gemeente, supplier)), has two kinds of coupling rows: the demand rows (one per
gemeente, inside one subregio) and the total rows (one per supplier, across subregio's). Three bounds on its
maximum, all by column generation (Dantzig-Wolfe) over the same columns:
- per subregio: each subregio's feasible choices (a supplier set, at least 1 per gemeente for a chosen
  supplier, the rest within the cell bounds and the row per (subregio, supplier)) are one block, the total
  rows stay in the master;
- per supplier: each supplier's feasible choices (a set of subregio's, its total T_s exactly, within the cell
  bounds) are one block, the demand rows stay in the master;
- both (Lagrangian decomposition): both families of blocks, linked column by column (z and y of the subregio
  block equal to z and y of the supplier block). Its LP is the intersection of both hulls, so it is at least
  as strong as each of them; for any multipliers w on the links, sum_r max (c - w)p + sum_s max w q is an upper
  bound (printed as 'Lagrange').

Pricing is exact: per subregio a small MIP in HiGHS (the block's own rows), per supplier every subset of its
subregio's (at most 6 in the bench), the rest T_s - sum n_r over the y cells of the chosen subregio's in order
of the multiplier. Every bound is compared with the LP of the stage-4 model, the root bound of HiGHS after its
cuts (from its log) and the proven optimum. cpu: this process (HiGHS runs in-process).

Run: python bench/subregio_lagrange.py [--zaden 7,1,2] [--iteraties 400]
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import pickle
import resource
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from evaluatie.stdout import alleen_eigen_uitvoer
from evaluatie.verdeling.subregiokeuze import Subregiokeuze


def _cpu() -> float:
    eigen = time.process_time()
    kinderen = resource.getrusage(resource.RUSAGE_CHILDREN)
    return eigen + kinderen.ru_utime + kinderen.ru_stime


@dataclass
class Gegevens:
    """Stage 4 of one lot, in the terms of the two block families."""

    doel: dict[int, int]  # column -> objective (model columns of Subregiokeuze.lin)
    z: dict[tuple[int, int], int]
    y: dict[tuple[int, int], int]
    u: dict[int, float]  # y column -> upper bound
    regios: list[list[int]]
    vraag: dict[int, int]  # class -> demand
    totalen: dict[int, int]
    kolommen: int  # number of model columns
    regio_van: dict[int, int] = field(default_factory=dict)
    kandidaten: dict[int, list[int]] = field(default_factory=dict)  # subregio -> suppliers with a z
    subregios: dict[int, list[int]] = field(default_factory=dict)  # supplier -> subregio's with a z

    def __post_init__(self) -> None:
        for ri, cis in enumerate(self.regios):
            for ci in cis:
                self.regio_van[ci] = ri
        for ri, si in sorted(self.z):
            self.kandidaten.setdefault(ri, []).append(si)
            self.subregios.setdefault(si, []).append(ri)

    def rest(self, ri: int, si: int) -> int:
        return self.totalen[si] - len(self.regios[ri])


def gegevens(k: Subregiokeuze, vraag: dict[int, int], totalen: dict[int, int]) -> Gegevens:
    u = {j: k.lin.boven[j] for j in k.y.values()}
    return Gegevens(dict(k.doel), dict(k.z), dict(k.y), u, k.regios, vraag, dict(totalen), k.lin.aantal)


SCHAAL = 1e-6  # the master's objective in millions (HiGHS warns of costs above 1e9)

Patroon = dict[int, float]  # model column -> value (z and y of one block)


class Subregioblok:
    """Pricing of one subregio: max sum (c - w) p over its feasible choices, a small MIP in HiGHS."""

    def __init__(self, g: Gegevens, ri: int):
        import highspy

        self.ri = ri
        self.kols: list[int] = []
        h = self.h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        h.setOptionValue("mip_rel_gap", 0.0)
        h.setOptionValue("mip_abs_gap", 1e-6)
        h.changeObjectiveSense(highspy.ObjSense.kMaximize)
        plek: dict[int, int] = {}

        def kolom(j: int, boven: float, geheel: bool) -> int:
            h.addVar(0.0, boven)
            plek[j] = len(self.kols)
            self.kols.append(j)
            if geheel:
                h.changeColIntegrality(plek[j], highspy.HighsVarType.kInteger)
            return plek[j]

        vraagrij: dict[int, list[int]] = {ci: [] for ci in g.regios[ri]}
        for si in g.kandidaten[ri]:
            zc = kolom(g.z[ri, si], 1.0, True)
            boven_enen = []
            for ci in g.regios[ri]:
                vraagrij[ci].append(zc)
                if (ci, si) in g.y:
                    yc = kolom(g.y[ci, si], g.u[g.y[ci, si]], False)
                    vraagrij[ci].append(yc)
                    h.addRow(
                        -highspy.kHighsInf,
                        0.0,
                        2,
                        np.array([yc, zc], dtype=np.int32),
                        np.array([1.0, -g.u[g.y[ci, si]]]),
                    )
                    boven_enen.append(yc)
            rest = g.rest(ri, si)
            if boven_enen and rest < sum(g.u[self.kols[c]] for c in boven_enen):
                idx = np.array([*boven_enen, zc], dtype=np.int32)
                h.addRow(-highspy.kHighsInf, 0.0, len(idx), idx, np.array([1.0] * len(boven_enen) + [-float(rest)]))
        for ci, cs in vraagrij.items():
            h.addRow(g.vraag[ci], g.vraag[ci], len(cs), np.array(cs, dtype=np.int32), np.ones(len(cs)))
        self.plek = plek

    def prijs(self, g: Gegevens, w: np.ndarray) -> tuple[float, Patroon]:
        kosten = np.array([g.doel[j] - w[j] for j in self.kols], dtype=np.float64)
        self.h.changeColsCost(len(self.kols), np.arange(len(self.kols), dtype=np.int32), kosten)
        self.h.run()
        waarden = self.h.getSolution().col_value
        p = {j: float(round(waarden[i])) if j in _Z else float(waarden[i]) for i, j in enumerate(self.kols)}
        p = {j: v for j, v in p.items() if abs(v) > 1e-9}
        return float(self.h.getInfo().mip_dual_bound), p

    def waarde(self, g: Gegevens, w: np.ndarray, p: Patroon) -> float:
        return sum((g.doel[j] - float(w[j])) * v for j, v in p.items())


_Z: set[int] = set()  # the z columns (set in main, per lot)


class Leveranciersblok:
    """Pricing of one supplier: every subset of its subregio's, the rest above the ones by the multiplier."""

    def __init__(self, g: Gegevens, si: int):
        self.si = si
        self.regios = g.subregios[si]
        self.cellen = {ri: [g.y[ci, si] for ci in g.regios[ri] if (ci, si) in g.y] for ri in self.regios}

    def prijs(self, g: Gegevens, w: np.ndarray) -> tuple[float, Patroon]:
        beste: tuple[float, Patroon] = (-float("inf"), {})
        totaal = g.totalen[self.si]
        for grootte in range(1, len(self.regios) + 1):
            for keuze in itertools.combinations(self.regios, grootte):
                over: float = totaal - sum(len(g.regios[ri]) for ri in keuze)
                if over < 0:
                    continue
                cellen = sorted((j for ri in keuze for j in self.cellen[ri]), key=lambda j: -w[j])
                if sum(g.u[j] for j in cellen) < over:
                    continue
                p: Patroon = {g.z[ri, self.si]: 1.0 for ri in keuze}
                waarde = sum(float(w[j]) for j in p)
                for j in cellen:
                    if over <= 0:
                        break
                    neem = min(g.u[j], over)
                    p[j] = neem
                    waarde += neem * float(w[j])
                    over -= neem
                if waarde > beste[0]:
                    beste = (waarde, p)
        return beste


def patronen_uit(g: Gegevens, waarden: list[int]) -> tuple[dict[int, Patroon], dict[int, Patroon]]:
    """The blocks' patterns of one integral solution (a feasible start for both families)."""
    per_regio: dict[int, Patroon] = {ri: {} for ri in range(len(g.regios))}
    per_lev: dict[int, Patroon] = {si: {} for si in g.totalen}
    for (ri, si), j in g.z.items():
        if waarden[j]:
            per_regio[ri][j] = per_lev[si][j] = 1.0
    for (ci, si), j in g.y.items():
        if waarden[j]:
            per_regio[g.regio_van[ci]][j] = per_lev[si][j] = float(waarden[j])
    return per_regio, per_lev


class Meester:
    """The restricted master LP (minimise -c): link rows per model column (subregio side - supplier side
    = 0), a convexity row per subregio and per supplier. A family given as 'lp' is not convexified: its
    rows over copies of the model columns stand in the master instead."""

    def __init__(self, g: Gegevens, regio_kolommen: bool, lev_kolommen: bool, compact: bool = False):
        import highspy

        self.hs = highspy
        h = self.h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        self.n = g.kolommen
        self.regio_kolommen, self.lev_kolommen = regio_kolommen, lev_kolommen
        self.nr, self.ns = len(g.regios), len(g.totalen)
        self.levs = sorted(g.totalen)
        nul = np.zeros(self.n)
        h.addRows(self.n, nul, nul, 0, np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32), np.zeros(0))
        een = np.ones(self.nr + self.ns)
        h.addRows(len(een), een, een, 0, np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32), np.zeros(0))
        self.kolommen = 0
        self.vraagrij: dict[int, int] = {}  # class -> its demand row (subregio side as LP only)
        if not regio_kolommen:
            self._lp_kant(g, True)
        if not lev_kolommen:
            self._lp_kant(g, False)
        elif compact:
            self._lev_compact(g)

    def _lev_compact(self, g: Gegevens) -> None:
        """The per-supplier hull written out (a disjunction over every feasible set R of subregio's):
        lambda[s, R] chooses R, v[s, R, j] <= u_j lambda and sum_j v = (T_s - n(R)) lambda; the link rows
        take sum over R of lambda (z) and of v (y)."""
        inf = self.hs.kHighsInf
        for k, si in enumerate(self.levs):
            t = g.totalen[si]
            rs = g.subregios[si]
            for grootte in range(1, len(rs) + 1):
                for keuze in itertools.combinations(rs, grootte):
                    n = sum(len(g.regios[ri]) for ri in keuze)
                    cellen = [g.y[ci, si] for ri in keuze for ci in g.regios[ri] if (ci, si) in g.y]
                    if not n <= t <= n + sum(g.u[j] for j in cellen):
                        continue
                    lam = self.kolommen
                    idx = [g.z[ri, si] for ri in keuze] + [self.n + self.nr + k]
                    val = [-1.0] * len(keuze) + [1.0]
                    self.h.addCol(0.0, 0.0, inf, len(idx), np.array(idx, dtype=np.int32), np.array(val))
                    self.kolommen += 1
                    vs = []
                    for j in cellen:
                        self.h.addCol(0.0, 0.0, inf, 1, np.array([j], dtype=np.int32), np.array([-1.0]))
                        vs.append(self.kolommen)
                        if g.u[j] < t - n:
                            self.h.addRow(
                                -inf, 0.0, 2, np.array([self.kolommen, lam], dtype=np.int32), np.array([1.0, -g.u[j]])
                            )
                        self.kolommen += 1
                    idx = [*vs, lam]
                    self.h.addRow(
                        0.0, 0.0, len(idx), np.array(idx, dtype=np.int32), np.array([1.0] * len(vs) + [-float(t - n)])
                    )

    def _lp_kant(self, g: Gegevens, regio: bool) -> None:
        """Copies x' of the model columns with the rows of one side (sign +1 for the subregio side)."""
        teken = 1.0 if regio else -1.0
        eerste = self.kolommen
        for j in range(self.n):
            kost = -float(g.doel.get(j, 0)) * SCHAAL if regio else 0.0
            boven = g.u.get(j, 1.0)
            self.h.addCol(kost, 0.0, boven, 1, np.array([j], dtype=np.int32), np.array([teken]))
            self.kolommen += 1
        for (ci, si), yj in g.y.items():
            zj = g.z[g.regio_van[ci], si]
            idx = np.array([eerste + yj, eerste + zj], dtype=np.int32)
            self.h.addRow(-self.hs.kHighsInf, 0.0, 2, idx, np.array([1.0, -g.u[yj]]))
        for (ri, si), zj in g.z.items():
            ys = [g.y[ci, si] for ci in g.regios[ri] if (ci, si) in g.y]
            if ys:
                idx = np.array([eerste + j for j in ys] + [eerste + zj], dtype=np.int32)
                self.h.addRow(
                    -self.hs.kHighsInf, 0.0, len(idx), idx, np.array([1.0] * len(ys) + [-float(g.rest(ri, si))])
                )
        if regio:
            # the convexity rows of the subregio's are not used: fix them by a free slack column each
            for ri in range(self.nr):
                self.h.addCol(0.0, 1.0, 1.0, 1, np.array([self.n + ri], dtype=np.int32), np.array([1.0]))
                self.kolommen += 1
            for ci, d in g.vraag.items():
                self.vraagrij[ci] = self.h.getNumRow()
                ri = g.regio_van[ci]
                termen = [eerste + g.z[ri, si] for si in g.kandidaten[ri]] + [
                    eerste + g.y[ci, si] for si in g.kandidaten[ri] if (ci, si) in g.y
                ]
                self.h.addRow(d, d, len(termen), np.array(termen, dtype=np.int32), np.ones(len(termen)))
        else:
            for k, _si in enumerate(self.levs):
                self.h.addCol(0.0, 1.0, 1.0, 1, np.array([self.n + self.nr + k], dtype=np.int32), np.array([1.0]))
                self.kolommen += 1
            for si in self.levs:
                leden: list[int] = []
                coef: list[float] = []
                for ri in g.subregios[si]:
                    leden.append(eerste + g.z[ri, si])
                    coef.append(float(len(g.regios[ri])))
                    for ci in g.regios[ri]:
                        if (ci, si) in g.y:
                            leden.append(eerste + g.y[ci, si])
                            coef.append(1.0)
                t = g.totalen[si]
                self.h.addRow(t, t, len(leden), np.array(leden, dtype=np.int32), np.array(coef))

    def voeg_regio_toe(self, g: Gegevens, ri: int, p: Patroon) -> None:
        idx = [*p, self.n + ri]
        val = [*p.values(), 1.0]
        kost = -sum(g.doel[j] * v for j, v in p.items()) * SCHAAL
        self.h.addCol(kost, 0.0, self.hs.kHighsInf, len(idx), np.array(idx, dtype=np.int32), np.array(val))
        self.kolommen += 1

    def voeg_lev_toe(self, si: int, p: Patroon) -> None:
        idx = [*p, self.n + self.nr + self.levs.index(si)]
        val = [-v for v in p.values()] + [1.0]
        self.h.addCol(0.0, 0.0, self.hs.kHighsInf, len(idx), np.array(idx, dtype=np.int32), np.array(val))
        self.kolommen += 1

    def vraagprijzen(self) -> dict[int, float]:
        """The demand rows' duals of the last solve, per unit of 'max c x' (subregio side as LP only)."""
        rd = self.h.getSolution().row_dual
        return {ci: -rd[i] / SCHAAL for ci, i in self.vraagrij.items()}

    def los(self) -> tuple[float, np.ndarray, np.ndarray, np.ndarray]:
        self.h.run()

        if self.h.getModelStatus() != self.hs.HighsModelStatus.kOptimal:
            raise SystemExit(f"meester: {self.h.getModelStatus()}")
        rd = np.array(self.h.getSolution().row_dual) / SCHAAL
        return (
            -self.h.getInfo().objective_function_value / SCHAAL,
            rd[: self.n],
            rd[self.n : self.n + self.nr],
            rd[self.n + self.nr : self.n + self.nr + self.ns],
        )


def kolomgeneratie(
    g: Gegevens,
    start: list[int],
    regio_kolommen: bool,
    lev_kolommen: bool,
    iteraties: int,
    compact: bool = False,
    bewaard: list[tuple[int, Patroon]] | None = None,
    centrum: np.ndarray | None = None,
) -> tuple[float, float, int, float]:
    """Column generation to the master's optimum: (master value, best Lagrangian bound, iterations, cpu)."""
    c0 = _cpu()
    m = Meester(g, regio_kolommen, lev_kolommen, compact)
    regioblokken = [Subregioblok(g, ri) for ri in range(len(g.regios))] if regio_kolommen else []
    levblokken = [Leveranciersblok(g, si) for si in m.levs] if lev_kolommen and not compact else []
    per_regio, per_lev = patronen_uit(g, start)
    if regio_kolommen:
        for ri, p in per_regio.items():
            m.voeg_regio_toe(g, ri, p)
        for ri, p in bewaard or []:
            m.voeg_regio_toe(g, ri, p)
    if lev_kolommen and not compact:
        for si, p in per_lev.items():
            m.voeg_lev_toe(si, p)
    beste = float("inf")
    waarde = -float("inf")
    lagrangiaan = regio_kolommen and lev_kolommen and not compact
    # centrum: the multipliers with the best Lagrangian bound so far (Wentges smoothing), to start with those
    # that give the per-supplier hull's bound (see `startprijzen`)
    glad = 0.0 if centrum is None else GLAD
    for it in range(1, iteraties + 1):
        waarde, pi, rho, sigma = m.los()
        wm = -pi  # the multiplier on x_subregio - x_supplier in 'max c x_subregio'
        nieuw = 0
        eerst = 1.0 if it == 1 else glad
        for alfa in (eerst, 0.0) if eerst and centrum is not None else (0.0,):
            w = wm if centrum is None or not alfa else alfa * centrum + (1 - alfa) * wm
            lagrange = 0.0
            for b in regioblokken:
                v, p = b.prijs(g, w)
                lagrange += v
                if b.waarde(g, wm, p) + rho[b.ri] > 1e-6 * max(1.0, abs(v)):
                    m.voeg_regio_toe(g, b.ri, p)
                    if bewaard is not None:
                        bewaard.append((b.ri, p))
                    nieuw += 1
            for k, b2 in enumerate(levblokken):
                v, p = b2.prijs(g, w)
                lagrange += v
                if sum(float(wm[j]) * x for j, x in p.items()) + sigma[k] > 1e-6 * max(1.0, abs(v)):
                    m.voeg_lev_toe(b2.si, p)
                    nieuw += 1
            if lagrangiaan and lagrange < beste:
                beste, centrum = lagrange, w.copy()
            if nieuw:
                break
        if lagrangiaan:
            glad = GLAD
        if os.environ.get("SPOOR"):
            print(
                f"    it {it} meester {waarde:.6e} lagrange {beste:.6e} nieuw {nieuw} cpu {_cpu() - c0:.1f}", flush=True
            )
        if nieuw == 0:
            return waarde, (beste if lagrangiaan else waarde), it, _cpu() - c0
    return waarde, beste, iteraties, _cpu() - c0


def startprijzen(g: Gegevens) -> np.ndarray:
    """Multipliers w whose Lagrangian bound is the per-supplier hull's: with the demand duals pi of that hull,
    w = c - pi A (A: the demand rows' coefficients) leaves the subregio side the constant sum pi d and the
    supplier side its own Lagrangian at pi."""
    m = Meester(g, False, True, True)
    m.los()
    pi = m.vraagprijzen()
    w = np.zeros(g.kolommen)
    for j, c in g.doel.items():
        w[j] = c
    for (ci, _si), j in g.y.items():
        w[j] -= pi[ci]
    for (ri, _si), j in g.z.items():
        w[j] -= sum(pi[ci] for ci in g.regios[ri])
    return w


def subgradient(g: Gegevens, w: np.ndarray, stappen: int, doelwaarde_: float) -> tuple[float, int, float]:
    """The Lagrangian dual by subgradient steps from w (Polyak's step towards a known lower value, the proven
    optimum): every L(w) is an upper bound, so the best is one whatever the steps do. Returns (best, steps, cpu)."""
    c0 = _cpu()
    regioblokken = [Subregioblok(g, ri) for ri in range(len(g.regios))]
    levblokken = [Leveranciersblok(g, si) for si in sorted(g.totalen)]
    beste = float("inf")
    factor = 1.0
    sinds = 0
    for stap in range(1, stappen + 1):
        lagrange = 0.0
        richting = np.zeros(g.kolommen)
        for b in regioblokken:
            v, p = b.prijs(g, w)
            lagrange += v
            for j, x in p.items():
                richting[j] += x
        for b2 in levblokken:
            v, p = b2.prijs(g, w)
            lagrange += v
            for j, x in p.items():
                richting[j] -= x
        if lagrange < beste - 1.0:
            beste, sinds = lagrange, 0
        else:
            sinds += 1
            if sinds >= 5:
                factor, sinds = factor / 2, 0
        if os.environ.get("SPOOR"):
            print(
                f"    stap {stap} L {lagrange:.6e} beste {beste:.6e} factor {factor} cpu {_cpu() - c0:.1f}", flush=True
            )
        norm = float(richting @ richting)
        if norm == 0:
            break
        w = w + factor * (lagrange - doelwaarde_) / norm * richting
    return beste, stap, _cpu() - c0


GLAD = 0.8  # Wentges: price at 0.8 x the best multipliers so far + 0.2 x the master's


def stap4_gegevens(zaad: int) -> dict[str, Any]:
    """Stage 4 of B1 as the fast path builds it (bench/subregio_stap4.py), its LP bound and proven optimum."""
    from landelijk import probleem, regelset  # bench/, beside this script
    from subregio_stap4 import lp_grens, stap4_model

    from evaluatie.verdeling import pad
    from evaluatie.verdeling.matrix import HighsMotor, doelwaarde

    regels, begroting = regelset("per_subregio")
    p = probleem("B1", zaad, regels, begroting)
    k, transport, totalen, optimum = stap4_model(p)
    opt = pad._los(HighsMotor(k.lin, None), k.doel, True, None, k.tu)
    if doelwaarde(k.doel, opt) != optimum:
        raise SystemExit(f"zaad {zaad}: stap 4 opnieuw {doelwaarde(k.doel, opt)}, het pad {optimum}")
    vraag = {ci: kl.vraag for ci, kl in enumerate(transport.ks)}
    return {"g": gegevens(k, vraag, totalen), "lp": lp_grens(k), "wortel": wortel(k), "optimum": optimum, "opt": opt}


def wortel(k: Subregiokeuze) -> float:
    """HiGHS's bound after its root (cuts included) on the stage-4 model as the library solves it (y continuous)."""
    from evaluatie.verdeling.matrix import HighsMotor
    from evaluatie.verdeling.status import Oplosserfout

    m = HighsMotor(k.lin, None)
    m.zet_geheel(k.tu, False)
    m.h.setOptionValue("mip_max_nodes", 1)
    with contextlib.suppress(Oplosserfout):  # the node limit: HiGHS stops after the root, as asked
        m.los(k.doel, True)
    return float(m.h.getInfo().mip_dual_bound)


def _getal(x: float) -> str:
    return f"{x:,.0f}".replace(",", ".")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zaden", default="7,1,2")
    ap.add_argument("--iteraties", type=int, default=150, help="hoogstens zoveel rondes kolomgeneratie per subregio")
    ap.add_argument(
        "--iteraties-beide", type=int, default=15, help="rondes kolomgeneratie voor de grens van beide samen"
    )
    ap.add_argument("--stappen", type=int, default=40, help="subgradientstappen vanaf de grens per inschrijver")
    ap.add_argument("--cache", default="", help="map met het stap-4-model per zaad van een eerdere --bewaar")
    ap.add_argument("--bewaar", default="", help="schrijf het stap-4-model per zaad in deze map")
    args = ap.parse_args()
    # highspy announces itself on stdout when first constructed: keep it out of the table
    with alleen_eigen_uitvoer():
        import highspy

        highspy.Highs()
    print("Stap 4 bij per_subregio, B1, landelijk: grenzen (maximum; lager is sterker) en cpu in seconden")
    for zaad in (int(z) for z in args.zaden.split(",")):
        if args.cache:  # development: the model of a previous run (pickle written by --bewaar)
            with open(os.path.join(args.cache, f"b1_{zaad}.pkl"), "rb") as lezen:
                d = pickle.load(lezen)
        else:
            d = stap4_gegevens(zaad)
            if args.bewaar:
                with open(os.path.join(args.bewaar, f"b1_{zaad}.pkl"), "wb") as schrijven:
                    pickle.dump(d, schrijven)
        g = d["g"]
        lp, wortel, optimum, opt = d["lp"], d["wortel"], d["optimum"], d["opt"]
        _Z.clear()
        _Z.update(g.z.values())

        def dicht(grens: float, lp: float = lp, optimum: int = optimum) -> str:
            return f"{100 * (lp - grens) / (lp - optimum):.0f}% van LP tot optimum gesloten"

        print(
            f"zaad {zaad}: LP {_getal(lp)}; HiGHS wortel na snedes {_getal(wortel)} ({dicht(wortel)}); "
            f"optimum {_getal(optimum)}",
            flush=True,
        )
        c0 = _cpu()
        m = Meester(g, False, True, True)
        per_inschrijver = m.los()[0]
        print(
            f"  omhulling per inschrijver (uitgeschreven LP): {_getal(per_inschrijver)} ({dicht(per_inschrijver)}), "
            f"cpu {_cpu() - c0:.1f}",
            flush=True,
        )
        bewaard: list[tuple[int, Patroon]] = []
        waarde, _, it, cpu = kolomgeneratie(g, opt, True, False, args.iteraties, False, bewaard)
        klaar = "" if it < args.iteraties else f", na {it} rondes nog niet klaar (een ondergrens)"
        print(
            f"  omhulling per subregio (kolomgeneratie): {_getal(waarde)} ({dicht(waarde)}), {it} rondes, "
            f"cpu {cpu:.1f}{klaar}",
            flush=True,
        )
        w0 = startprijzen(g)
        boven, stappen, cpu = subgradient(g, w0, args.stappen, float(optimum))
        print(
            f"  beide samen, bovengrens (Lagrange; start bij de prijzen van de omhulling per inschrijver, "
            f"{stappen} subgradientstappen): {_getal(boven)}, cpu {cpu:.1f}",
            flush=True,
        )
        onder, _, it, cpu = kolomgeneratie(g, opt, True, True, args.iteraties_beide, True, bewaard)
        print(
            f"  beide samen, ondergrens (beperkt meesterprobleem na {it} rondes, met de kolommen hierboven): "
            f"{_getal(onder)}, cpu {cpu:.1f}",
            flush=True,
        )
        oordeel = "zwakker dan de wortel van HiGHS" if onder > wortel else "mogelijk sterker dan de wortel van HiGHS"
        print(f"  => de grens van beide samen ligt tussen {_getal(onder)} en {_getal(boven)}: {oordeel}", flush=True)


if __name__ == "__main__":
    main()

"""Branch-and-price for stage 4 with a budget in every gemeente (issue #24, bench only): an exact proof or not.

The model is the stage-4 MIP of `bench/budget_stap4.py` (the fast path's model, totals per supplier fixed, every x
integer). The master of `budgetpatroon.kolommen` chooses one integer pattern per gemeente (sum_s x_gs = d_g and the
budget row, within the column bounds) such that every supplier's total is met; its LP is the convex hull of every
gemeente's integer set. Here it is the node relaxation of a branch-and-bound tree that branches on a single x_gs
(x_gs <= v or x_gs >= v + 1), so the pricing problem of every node stays the small knapsack of one gemeente, with
that gemeente's bounds of the node.

The bound of a node is never the master's floating-point value but L(lam) = sum_s lam_s X_s + sum_g max_{x_g}
(c_g - lam) x_g at integer prices lam (the master's duals rounded), with every gemeente's maximum an exact integer
(HiGHS MIP, absolute gap below 1): valid at any lam, whatever the master's state, so a pruned node is pruned by a
proof in integers. A node is closed once its bound is below the best known allocation + 1 (the objective is
integer), or when its master is integral (one pattern per gemeente, no slack): that allocation is the node's
optimum. A gemeente whose knapsack is empty under the node's bounds closes the node (infeasible).

Search: best bound first (the proof needs every open node above the optimum anyway); --ondergrens gives a known
allocation's value (the proof alone, like HiGHS's `objective_bound` in budget_stap4.py --afkap). Every --melden nodes
one line: nodes, open nodes, global bound, best allocation, gap, cpu. --knopen / --cpu stop the run (bench only).

Run: python bench/budget_bp.py [--zaad 1] [--perceel B1] [--cache /tmp/budget_stap4] [--ondergrens N]
[--knopen 100000] [--cpu 1800] [--melden 50] [--kies fractie|gewicht] [--sterk N] [--duiken N [--duikzaad Z]]
"""

from __future__ import annotations

import argparse
import heapq
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

import highspy
import numpy as np
from budget_stap4 import _cpu, laad  # bench/, beside this script
from budgetpatroon import Gemeente, _structuur

from evaluatie.verdeling.model import Verdeelprobleem
from evaluatie.verdeling.opbouw import Opbouw

Grenzen = dict[int, tuple[int, int]]  # column j of the stage-4 model -> (lo, hi) of a node


class Prijzer:
    """One gemeente's knapsack with the bounds of the current node (only changed columns are sent to HiGHS)."""

    def __init__(self, p: Verdeelprobleem, o: Opbouw, ci: int, doel: dict[int, int]):
        self.gm = Gemeente(p, o, ci)
        self.js = self.gm.js
        self.sis = self.gm.sis
        self.c = [doel[j] for j in self.js]
        self.wortel = [(int(o.lin.onder[j]), int(o.lin.boven[j])) for j in self.js]
        self.nu = list(self.wortel)

    def zet(self, grenzen: Grenzen) -> None:
        for i, j in enumerate(self.js):
            gewenst = grenzen.get(j, self.wortel[i])
            if gewenst != self.nu[i]:
                self.gm.h.changeColBounds(i, gewenst[0], gewenst[1])
                self.nu[i] = gewenst

    def beste(self, lam: dict[int, int]) -> tuple[int, list[int]] | None:
        """max (c - lam) x over this gemeente's integer set within the node's bounds (None: empty)."""
        coef = [c - lam[si] for c, si in zip(self.c, self.sis, strict=True)]
        h = self.gm.h
        n = len(self.js)
        h.changeColsCost(n, np.arange(n, dtype=np.int32), np.array(coef, dtype=np.float64))
        h.changeObjectiveSense(highspy.ObjSense.kMaximize)
        h.run()
        status = h.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            return None
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"prijzen: {status}")
        x = [round(v) for v in h.getSolution().col_value]
        return sum(a * v for a, v in zip(coef, x, strict=True)), x


class Master:
    """The restricted master LP over all patterns found so far; patterns inconsistent with a node get upper bound 0."""

    def __init__(self, p: Verdeelprobleem, o: Opbouw, doel: dict[int, int]):
        self.gebruikt, self.totalen = _structuur(o)
        self.rij = {si: i for i, si in enumerate(self.gebruikt)}
        self.G = len(o.ks)
        self.h = highspy.Highs()
        h = self.h
        h.setOptionValue("output_flag", False)
        h.setOptionValue("user_objective_scale", -20)
        h.setOptionValue("threads", 1)
        S = len(self.gebruikt)
        lo = [float(self.totalen[si]) for si in self.gebruikt] + [1.0] * self.G
        h.addRows(
            S + self.G,
            np.array(lo),
            np.array(lo),
            0,
            np.zeros(S + self.G, np.int32),
            np.zeros(0, np.int32),
            np.zeros(0),
        )
        h.changeObjectiveSense(highspy.ObjSense.kMaximize)
        self.straf = 10 * max(doel.values())
        self.kunstmatig: list[int] = []
        for i in range(S):  # slack per supplier row, both ways, penalised
            for teken in (1.0, -1.0):
                h.addCol(-self.straf, 0, highspy.kHighsInf, 1, np.array([i], np.int32), np.array([teken]))
                self.kunstmatig.append(h.getNumCol() - 1)
        self.patronen: list[list[tuple[int, list[int]]]] = [[] for _ in range(self.G)]  # (column, pattern)
        self.gezien: list[set[tuple[int, ...]]] = [set() for _ in range(self.G)]

    def voeg_toe(self, gi: int, pr: Prijzer, x: list[int], open_: bool) -> bool:
        if tuple(x) in self.gezien[gi]:
            return False
        self.gezien[gi].add(tuple(x))
        idx = [self.rij[si] for si, v in zip(pr.sis, x, strict=True) if v] + [len(self.gebruikt) + gi]
        val = [float(v) for v in x if v] + [1.0]
        kosten = float(sum(c * v for c, v in zip(pr.c, x, strict=True)))
        self.h.addCol(kosten, 0, highspy.kHighsInf if open_ else 0, len(idx), np.array(idx, np.int32), np.array(val))
        self.patronen[gi].append((self.h.getNumCol() - 1, x))
        return True

    def zet(self, gi: int, pr: Prijzer) -> None:
        """Open exactly the patterns of gemeente gi that meet its current bounds (pr.nu)."""
        for k, x in self.patronen[gi]:
            past = all(lo <= v <= hi for v, (lo, hi) in zip(x, pr.nu, strict=True))
            self.h.changeColBounds(k, 0, highspy.kHighsInf if past else 0)

    def los(self) -> tuple[float, dict[int, int], list[float], list[float]]:
        st = self.h.run()
        if self.h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"master: {st} {self.h.getModelStatus()}")
        s = self.h.getSolution()
        duals = s.row_dual
        lam = {si: round(duals[i]) for i, si in enumerate(self.gebruikt)}
        return self.h.getInfo().objective_function_value, lam, list(duals[len(self.gebruikt) :]), list(s.col_value)


@dataclass
class Opties:
    """How `vertak` searches (the command line's options, see the module docstring)."""

    ondergrens: int | None = None
    knopen: int = 100000
    cpu: float = 1800.0
    melden: int = 50
    sterk: int = 0
    duiken: int = 0
    duikzaad: int = 1
    kies: str = "gewicht"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zaad", type=int, default=1)
    ap.add_argument("--perceel", default="B1")
    ap.add_argument("--cache", default="/tmp/budget_stap4")
    ap.add_argument("--ondergrens", type=int, help="value of a known allocation (the proof alone)")
    ap.add_argument("--knopen", type=int, default=100000)
    ap.add_argument("--cpu", type=float, default=1800.0)
    ap.add_argument("--melden", type=int, default=50)
    ap.add_argument("--sterk", type=int, default=0, help="candidates of the Lagrangian look-ahead (0: none)")
    ap.add_argument("--duiken", type=int, default=0, help="Knuth's estimate of the tree from N random dives")
    ap.add_argument("--duikzaad", type=int, default=1, help="seed of the random dives")
    ap.add_argument("--kies", default="gewicht", choices=["fractie", "gewicht"])
    ns = vars(ap.parse_args())
    geladen = laad(ns.pop("zaad"), ns.pop("perceel"), ns.pop("cache"))
    assert geladen is not None
    vertak(*geladen, Opties(**ns))


def vertak(p: Verdeelprobleem, o: Opbouw, a: Opties) -> tuple[float, bool, list[int] | None, int]:
    """Branch-and-price on stage-4 model `o`: the best allocation's value, whether it is proven optimal (no open node
    can beat it by 1), the allocation as x of `o` (None when --ondergrens gave the value and none was better), and
    the number of nodes."""
    doel = o.doelen[3]
    c0 = _cpu()
    prijzers = [Prijzer(p, o, ci, doel) for ci in range(len(o.ks))]
    master = Master(p, o, doel)
    for gi, pr in enumerate(prijzers):  # a first pattern per gemeente: its best for the objective alone
        uit = pr.beste(dict.fromkeys(master.gebruikt, 0))
        assert uit is not None
        master.voeg_toe(gi, pr, uit[1], True)
    beste = a.ondergrens if a.ondergrens is not None else -math.inf
    beste_x: list[int] | None = None
    X = master.totalen
    kolom_g = _kolom_gemeente(o)
    tel = {"knopen": 0, "rondes": 0, "deelproblemen": 0, "snoei": 0}
    staat: dict[str, object] = {"vorig": {}, "wortel": None}

    def knoop(grenzen: Grenzen, ouder: int) -> tuple[int, list[tuple[int, Grenzen]]]:
        """Process one node: its bound and its children that stay open (none: closed, or integral)."""
        nonlocal beste, beste_x
        tel["knopen"] += 1
        # the node's bounds on the pricing problems and the master's columns (only gemeenten that differ)
        vorig = staat["vorig"]
        assert isinstance(vorig, dict)
        for gi in _gemeenten(o, set(vorig) | set(grenzen)):
            prijzers[gi].zet(grenzen)
            master.zet(gi, prijzers[gi])
        staat["vorig"] = grenzen
        grens = ouder
        bests: list[tuple[int, list[int]]] = []
        while True:
            tel["rondes"] += 1
            _, lam, conv, mu = master.los()
            L = sum(lam[si] * X[si] for si in master.gebruikt)
            nieuw = 0
            bests = []
            for gi, pr in enumerate(prijzers):
                tel["deelproblemen"] += 1
                uit = pr.beste(lam)
                if uit is None:  # this gemeente has no pattern within the node's bounds
                    return -(10**30), []
                w, x = uit
                bests.append(uit)
                L += w
                if w > conv[gi] + 0.5 and master.voeg_toe(gi, pr, x, True):
                    nieuw += 1
            grens = min(grens, L)
            L_laatst, lam_laatst = L, lam
            if grens < beste + 1 or not nieuw:
                break
        if staat["wortel"] is None:
            staat["wortel"] = grens
            print(f"wortel: grens {grens:,} ({_cpu() - c0:.1f} s, {tel['rondes']} rondes)", flush=True)
        if grens < beste + 1:
            return grens, []
        # the master at convergence: integral (one pattern per gemeente, no slack) or branch. Slack in the master
        # (the node's hull meets the totals only with it) changes nothing: the bound L holds at any prices.
        slack = any(mu[k] > 1e-6 for k in master.kunstmatig)
        xbar: dict[int, float] = {}
        for gi in range(master.G):
            for k, x in master.patronen[gi]:
                if mu[k] > 1e-9:
                    for j, v in zip(prijzers[gi].js, x, strict=True):
                        xbar[j] = xbar.get(j, 0.0) + mu[k] * v
        frac = {j: v - math.floor(v) for j, v in xbar.items() if 1e-6 < v - math.floor(v) < 1 - 1e-6}
        if not frac and not slack:
            xs = [0] * o.lin.aantal
            for j, v in xbar.items():
                xs[j] = round(v)
            v = sum(doel[j] * xs[j] for j in doel)
            if v > beste:
                beste, beste_x = v, xs
                print(f"  verdeling {v:,} in knoop {tel['knopen']} ({_cpu() - c0:.1f} s)", flush=True)
            return grens, []
        if not frac:
            raise RuntimeError("slack in an integral master: no branching variable")
        kandidaten = sorted(frac, key=lambda j: (-min(frac[j], 1 - frac[j]) * doel[j], j))
        if a.kies == "fractie":
            kandidaten = sorted(frac, key=lambda j: (-min(frac[j], 1 - frac[j]), -doel[j], j))
        # Lagrangian look-ahead at the last prices (--sterk candidates; 0: none): a child's bound is L minus what
        # its gemeente loses under the child's bound on x_j (exact: one small MIP); the other child keeps the
        # parent's best pattern. The candidate whose child loses most; a child below the best + 1 is closed.
        keuze = None
        for j in kandidaten[: max(1, a.sterk)]:
            gi = kolom_g[j]
            pr = prijzers[gi]
            i = pr.js.index(j)
            v = math.floor(xbar[j])
            lo, hi = pr.nu[i]
            w0, x0 = bests[gi]
            kinderen = []
            for klo, khi in ((lo, v), (v + 1, hi)):
                if klo <= x0[i] <= khi or not a.sterk:
                    kinderen.append((grens, klo, khi))
                    continue
                pr.gm.h.changeColBounds(i, klo, khi)
                uit = pr.beste(lam_laatst)
                pr.gm.h.changeColBounds(i, lo, hi)
                kg = -(10**30) if uit is None else min(grens, L_laatst - w0 + uit[0])
                kinderen.append((kg, klo, khi))
            daling = grens - min(k[0] for k in kinderen)
            if keuze is None or daling > keuze[0]:
                keuze = (daling, j, kinderen)
        assert keuze is not None
        _, j, kinderen = keuze
        open_: list[tuple[int, Grenzen]] = []
        for kg, klo, khi in kinderen:
            if kg < beste + 1:
                tel["snoei"] += 1
                continue
            g2 = dict(grenzen)
            g2[j] = (klo, khi)
            open_.append((kg, g2))
        return grens, open_

    if a.duiken:
        duik(knoop, a.duiken, beste, c0, a.duikzaad)
        return beste, False, beste_x, tel["knopen"]
    # open nodes: (-bound, id, grenzen); grenzen are the node's branching bounds (column j -> (lo, hi))
    rij: list[tuple[int, int, Grenzen]] = [(-(10**30), 0, {})]
    volgnummer = 1
    while rij and tel["knopen"] < a.knopen and _cpu() - c0 < a.cpu:
        neg, _, grenzen = heapq.heappop(rij)
        if -neg < beste + 1:
            continue
        _, kinderen = knoop(grenzen, -neg)
        for kg, g2 in kinderen:
            heapq.heappush(rij, (-kg, volgnummer, g2))
            volgnummer += 1
        if tel["knopen"] % a.melden == 0:
            open_grens = max([-n for n, _, _ in rij], default=beste)
            print(
                f"  {tel['knopen']} knopen, {len(rij)} open, grens {open_grens:,}, beste {beste:,}, gat "
                f"{open_grens - beste:,} ({_cpu() - c0:.1f} s, {tel['rondes']} rondes, "
                f"{sum(len(ps) for ps in master.patronen)} patronen, {tel['snoei']} kinderen gesnoeid)",
                flush=True,
            )
    open_grens = max([-n for n, _, _ in rij if -n >= beste + 1], default=None)
    status = "bewezen" if open_grens is None else f"open, grens {open_grens:,}"
    print(
        f"einde: {tel['knopen']} knopen, beste {beste:,}, {status} ({_cpu() - c0:.1f} s cpu, {tel['rondes']} "
        f"rondes, {tel['deelproblemen']} deelproblemen, {sum(len(ps) for ps in master.patronen)} patronen)"
    )
    return beste, open_grens is None, beste_x, tel["knopen"]


def duik(
    knoop: Callable[[Grenzen, int], tuple[int, list[tuple[int, Grenzen]]]], n: int, beste: float, c0: float, zaad: int
) -> None:
    """Knuth's estimator of the size of the tree (best bound order does not matter with the optimum as the known
    allocation: every node above it must be processed): n dives from the root, each into a random open child
    (seeded); a dive's estimate is 1 + k1 + k1 k2 + ..., k the number of open children on its way."""
    rnd = random.Random(zaad)
    schattingen = []
    for d in range(n):
        grenzen: Grenzen = {}
        ouder = 10**30
        product, som, diepte = 1, 1, 0
        while True:
            grens, kinderen = knoop(grenzen, ouder)
            if not kinderen:
                break
            product *= len(kinderen)
            som += product
            diepte += 1
            ouder, grenzen = rnd.choice(kinderen)
        schattingen.append(som)
        print(
            f"  duik {d + 1}: diepte {diepte}, laatste grens {grens - beste:,} boven de beste, schatting {som:,} "
            f"knopen ({_cpu() - c0:.1f} s)",
            flush=True,
        )
    gem = sum(schattingen) / len(schattingen)
    print(f"Knuth: gemiddeld {gem:,.0f} knopen over {n} duiken (min {min(schattingen):,}, max {max(schattingen):,})")


def _gemeenten(o: Opbouw, js: set[int]) -> set[int]:
    terug = _kolom_gemeente(o)
    return {terug[j] for j in js}


_KG: dict[int, dict[int, int]] = {}


def _kolom_gemeente(o: Opbouw) -> dict[int, int]:
    if id(o) not in _KG:
        _KG[id(o)] = {j: ci for (ci, _), j in o.x.items()}
    return _KG[id(o)]


if __name__ == "__main__":
    t = time.time()
    main()
    print(f"wand {time.time() - t:.0f} s")

"""Where the rest of the gap of stage 4 with a budget in every gemeente lives (issue #24, bench only).

After the hull bound (`budgetpatroon.kolommen`, column generation to the end) 600.000 of the gap remain (seed 1, B1).
This bench asks which coupling they come from:
- the hull master's solution: how many gemeenten mix patterns, and the x_gs that are fractional;
- per supplier s: the Lagrangian bound with s's total row kept exactly (all other totals at the hull prices lam).
  What is left is max sum_g f_g(t_g) with sum_g t_g = X_s, f_g(t) = g's best pattern with x_gs = t at lam, a
  knapsack over gemeenten solved by dynamic programming over t. Only values t with f_g(t) >= best_g - (L - V) can be
  in an allocation worth more than V (the known allocation of --ondergrens), so f_g is computed on those only; the
  bound is then valid for the question "anything worth V + 1 or more?".
  A supplier whose bound falls below V + 1 proves the optimum alone; the fall per supplier shows how much of the
  gap one supplier's integral total explains.

Run: python bench/budget_koppeling.py [--zaad 1] [--perceel B1] [--cache /tmp/budget_stap4] --ondergrens V
[--leveranciers 10]
"""

from __future__ import annotations

import argparse
import math
import time

import numpy as np
from budget_bp import Master, Prijzer
from budget_stap4 import _cpu, laad  # bench/, beside this script


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zaad", type=int, default=1)
    ap.add_argument("--perceel", default="B1")
    ap.add_argument("--cache", default="/tmp/budget_stap4")
    ap.add_argument("--ondergrens", type=int, required=True)
    ap.add_argument("--leveranciers", type=int, default=10, help="how many suppliers (most fractional first)")
    a = ap.parse_args()
    geladen = laad(a.zaad, a.perceel, a.cache)
    assert geladen is not None
    p, o = geladen
    doel = o.doelen[3]
    c0 = _cpu()
    prijzers = [Prijzer(p, o, ci, doel) for ci in range(len(o.ks))]
    master = Master(p, o, doel)
    X = master.totalen
    for gi, pr in enumerate(prijzers):
        uit = pr.beste(dict.fromkeys(master.gebruikt, 0))
        assert uit is not None
        master.voeg_toe(gi, pr, uit[1], True)
    grens = math.inf
    while True:
        _, lam, conv, mu = master.los()
        L = sum(lam[si] * X[si] for si in master.gebruikt)
        bests = []
        nieuw = 0
        for gi, pr in enumerate(prijzers):
            uit = pr.beste(lam)
            assert uit is not None
            bests.append(uit)
            L += uit[0]
            if uit[0] > conv[gi] + 0.5 and master.voeg_toe(gi, pr, uit[1], True):
                nieuw += 1
        if grens > L:
            grens, lam_b, bests_b = L, lam, list(bests)
        if not nieuw:
            break
    gat = grens - a.ondergrens
    print(f"omhulling: L {grens:,}, gat {gat:,} ({_cpu() - c0:.1f} s)")
    gemengd = [gi for gi in range(master.G) if sum(1 for k, _ in master.patronen[gi] if mu[k] > 1e-6) > 1]
    xbar: dict[int, float] = {}
    for gi in range(master.G):
        for k, x in master.patronen[gi]:
            if mu[k] > 1e-9:
                for j, v in zip(prijzers[gi].js, x, strict=True):
                    xbar[j] = xbar.get(j, 0.0) + mu[k] * v
    frac = {j for j, v in xbar.items() if 1e-6 < v - math.floor(v) < 1 - 1e-6}
    sl = {(ci, si): j for (ci, si), j in o.x.items()}
    per_lev: dict[int, int] = {}
    for (_, si), j in sl.items():
        if j in frac:
            per_lev[si] = per_lev.get(si, 0) + 1
    print(
        f"master: {len(gemengd)} gemeenten mengen patronen, {len(frac)} x fractioneel bij {len(per_lev)} "
        f"aanbieders; kunstmatig {sum(mu[k] for k in master.kunstmatig):.3g}"
    )
    lam = lam_b
    basis_alle = sum(lam[si] * X[si] for si in master.gebruikt)
    for si, aantal in sorted(per_lev.items(), key=lambda t: -t[1])[: a.leveranciers]:
        c1 = _cpu()
        GEEN = -(2**62)
        tabel = np.full(X[si] + 1, GEEN, dtype=np.int64)  # exact DP in integers: cumulative t -> best value
        tabel[0] = 0
        som_rest = 0  # sum of best_g of gemeenten without a column of si (exact, integers)
        mips = 0
        for gi, pr in enumerate(prijzers):
            w0, x0 = bests_b[gi]
            if si not in pr.sis:
                som_rest += w0
                continue
            i = pr.sis.index(si)
            lo, hi = pr.nu[i]
            f: dict[int, int] = {x0[i]: w0}
            for t in range(lo, min(hi, X[si]) + 1):  # every value: f need not be unimodal
                if t == x0[i]:
                    continue
                pr.gm.h.changeColBounds(i, t, t)
                uit = pr.beste(lam)
                mips += 1
                if uit is not None and uit[0] >= w0 - gat:
                    f[t] = uit[0]
            pr.gm.h.changeColBounds(i, lo, hi)
            nieuw_t = np.full(X[si] + 1, GEEN, dtype=np.int64)
            for t, w in f.items():
                if t > X[si]:
                    continue
                bron = tabel[: X[si] + 1 - t]
                kand = np.where(bron > GEEN, bron + w, GEEN)
                np.maximum(nieuw_t[t:], kand, out=nieuw_t[t:])
            tabel = nieuw_t
        if tabel[X[si]] > GEEN:
            waarde = basis_alle + som_rest + int(tabel[X[si]])
            tekst = f"{waarde:,} ({waarde - a.ondergrens:,} boven V)"
        else:
            tekst = "geen (bewezen: niets boven V)"
        print(
            f"  aanbieder {si} (totaal {X[si]}, {aantal} x fractioneel): grens {tekst}; {mips} MIPs, "
            f"{_cpu() - c1:.1f} s"
        )


if __name__ == "__main__":
    t = time.time()
    main()
    print(f"wand {time.time() - t:.0f} s")

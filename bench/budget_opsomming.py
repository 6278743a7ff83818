"""Stage 4 with a budget in every gemeente: how many patterns per gemeente can still be in an optimum (issue #24).

At integer prices lam for the supplier-total rows (the hull prices of `budgetpatroon.kolommen`), every allocation
worth at least a known allocation's value V satisfies sum_g loss_g(x_g) <= L(lam) - V, where loss_g(x_g) is what
gemeente g's pattern loses against g's best pattern at lam. So every pattern of an allocation better than V loses at
most that gap on its own: the master over exactly those patterns per gemeente (one binary per pattern, every total
met) is an exact reformulation of stage 4 for the question "is there anything better than V". This bench counts
them (depth-first, bounded by the demand-only greedy and the cheapest completion within the budget); it stops at the
first gemeente with more than --plafond (then that master is too large to build).

Run: python bench/budget_opsomming.py [--zaad 1] [--perceel B1] [--cache /tmp/budget_stap4] --ondergrens V
[--rondes 60] [--plafond 200000]
"""

from __future__ import annotations

import argparse
import sys
import time

from budget_stap4 import _cpu, laad  # bench/, beside this script
from budgetpatroon import Gemeente, kolommen

from evaluatie.verdeling.klassen import CENTEN


def patronen(
    v: list[int], prijs: list[int], lo: list[int], hi: list[int], d: int, budget: int, drempel: int, plafond: int
) -> list[tuple[int, list[int]]] | None:
    """Every integer x with lo <= x <= hi, sum x = d, prijs . x <= budget and v . x >= drempel (None: more than
    `plafond`). Suppliers in order of v, best first."""
    n = len(v)
    orde = sorted(range(n), key=lambda i: -v[i])
    vv = [v[i] for i in orde]
    pp = [prijs[i] for i in orde]
    ll = [lo[i] for i in orde]
    hh = [hi[i] for i in orde]
    # suffix data: the lower bounds' sums (forced demand, value, cost) from k on
    lo_som = [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        lo_som[k] = lo_som[k + 1] + ll[k]
    goedkoop = [sorted(range(k, n), key=lambda i: pp[i]) for k in range(n)]
    uit: list[tuple[int, list[int]]] = []
    x = [0] * n

    def hoogst(k: int, rest: int) -> int:
        """The most value `rest` units can still add over suppliers k.. (demand only, greedy is exact)."""
        w = 0
        for i in range(k, n):
            w += vv[i] * ll[i]
        rest -= lo_som[k]
        for i in range(k, n):
            if rest <= 0:
                break
            t = min(rest, hh[i] - ll[i])
            w += vv[i] * t
            rest -= t
        return w

    def goedkoopst(k: int, rest: int) -> int:
        """The least cost of `rest` units over suppliers k.. (None of the bounds broken; -1: impossible)."""
        c = 0
        for i in range(k, n):
            c += pp[i] * ll[i]
        rest -= lo_som[k]
        if rest < 0:
            return -1
        for i in goedkoop[k]:
            if rest <= 0:
                break
            t = min(rest, hh[i] - ll[i])
            c += pp[i] * t
            rest -= t
        return -1 if rest > 0 else c

    def zoek(k: int, rest: int, waarde: int, kosten: int) -> bool:
        if k == n:
            if rest == 0 and kosten <= budget and waarde >= drempel:
                pat = [0] * n
                for i in range(n):
                    pat[orde[i]] = x[i]
                uit.append((waarde, pat))
                return len(uit) <= plafond
            return True
        if k < n and waarde + hoogst(k, rest) < drempel:
            return True
        c = goedkoopst(k, rest)
        if c < 0 or kosten + c > budget:
            return True
        bovenste = min(hh[k], rest - lo_som[k + 1])
        for t in range(bovenste, ll[k] - 1, -1):
            x[k] = t
            if not zoek(k + 1, rest - t, waarde + vv[k] * t, kosten + pp[k] * t):
                return False
        x[k] = 0
        return True

    if not zoek(0, d, 0, 0):
        return None
    return uit


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zaad", type=int, default=1)
    ap.add_argument("--perceel", default="B1")
    ap.add_argument("--cache", default="/tmp/budget_stap4")
    ap.add_argument("--ondergrens", type=int, required=True)
    ap.add_argument("--rondes", type=int, default=60)
    ap.add_argument("--plafond", type=int, default=200000)
    a = ap.parse_args()
    geladen = laad(a.zaad, a.perceel, a.cache)
    assert geladen is not None
    p, o = geladen
    doel = o.doelen[3]
    c0 = _cpu()
    _, L, lam, _ = kolommen(p, o, a.rondes)  # prints its rounds
    gat = L - a.ondergrens
    print(f"omhulling: L(lam) {L:,}, gat tot de ondergrens {gat:,} ({_cpu() - c0:.1f} s)", flush=True)
    c1 = _cpu()
    alle: list[tuple[Gemeente, list[tuple[int, list[int]]]]] = []
    for ci in range(len(o.ks)):
        gm = Gemeente(p, o, ci)
        coef = [doel[j] - lam[si] for j, si in zip(gm.js, gm.sis, strict=True)]
        best, _ = gm.beste(coef)
        g = o.ks[ci].gemeenten[0]
        prijs = [round(p.leveranciers[si].prijs * CENTEN) for si in gm.sis]
        lo = [int(o.lin.onder[j]) for j in gm.js]
        hi = [int(o.lin.boven[j]) for j in gm.js]
        pats = patronen(coef, prijs, lo, hi, p.vraag[g], round(p.budget[g] * CENTEN), best - gat, a.plafond)
        if pats is None:
            print(f"gemeente {ci} ({g}, vraag {p.vraag[g]}, {len(gm.js)} aanbieders): meer dan {a.plafond} patronen")
            sys.exit(1)
        alle.append((gm, pats))
    aantallen = sorted(len(ps) for _, ps in alle)
    print(
        f"patronen binnen het gat: {sum(aantallen):,} in {len(alle)} gemeenten (mediaan {aantallen[len(alle) // 2]}, "
        f"grootste {aantallen[-5:]}), {_cpu() - c1:.1f} s",
        flush=True,
    )


if __name__ == "__main__":
    t = time.time()
    main()
    print(f"wand {time.time() - t:.0f} s")

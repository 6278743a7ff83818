"""Step 5 of the allocation: among allocations equal in steps 1-4, a fixed order of cells decides.

Step 4 maximises sum c[g, s] x[g, s] with c = (R - rang + 1) x (G - plaats + 1)^2 and every supplier's total fixed
(`Opbouw.doelen`). A product of two weights is no lexicographic order: a cycle of exchanges over three gemeenten and
three suppliers can add up to 0 (plaatswichten 49, 25, 1 and rangwichten 4, 3, 2: 49 x (3 - 2) + 25 x (2 - 4) +
1 x (4 - 3) = 0, tests/test_verdeelstap5.py), and then two allocations are equal in all four steps and the engine
picks one: HiGHS and CBC picked different ones. Step 5 decides between them: gemeenten in tender order, within a
gemeente the suppliers in ranking order, as many inburgeraars as possible in that cell (the lexicographic maximum over
the cells), which is one allocation by construction.

It is computed on the network of step 4 (a node per gemeente and per supplier, an arc per cell), exactly and in
integers, whatever engine found the step-4 optimum x*:
1. potentials by longest paths in the residual network of x* (Bellman-Ford; x* is optimal, so no cycle gains). A
   cell whose reduced cost c + pot(g) - pot(s) is not 0 keeps its value in every optimum (complementary slackness),
   so the optima are exactly the flows that differ from x* on the cells of reduced cost 0 only;
2. if those cells form no cycle (a forest, the common case: the basis of a vertex), x* is the only optimum and
   nothing more is computed (`Stap5.uniek`);
3. otherwise, cell by cell in the order above: as much more flow into that cell as a path back through the cells of
   reduced cost 0 that are not yet fixed allows (augmenting paths), then the cell is fixed.
Every change moves flow around a cycle of reduced cost 0, so steps 1-4 keep their values (checked).

Under a rule on single gemeenten (max_leveranciers_per_gemeente, per_subregio, budget_per_gemeente) first without the
rule: when x* is optimal on the network without it (the rule does not bind in step 4; otherwise step 1 stops on a
cycle that gains, `NietOptimaal`) and the lexicographic maximum there meets every rule, that is the answer, exactly
(every optimum of the real model is an optimum there). So a rule that does not bind changes nothing. Otherwise the
same is done over the allocations that keep every rule by construction: no supplier in a gemeente where x* has none
(under per_subregio: every cell of x* keeps at least 1), and a gemeente with a budget keeps its amounts. Whether an
allocation outside those is equal in steps 1-4 is not decided there; the published text says so
(evaluatie.rapport.verdeelregeltekst.slotzin).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from evaluatie.verdeling.klassen import per_gemeente_nodig
from evaluatie.verdeling.model import Verdeelprobleem
from evaluatie.verdeling.opbouw import Opbouw

Toets = Callable[[dict[tuple[int, int], int]], bool]  # does an allocation (class, supplier) -> n meet every rule?


class NietOptimaal(ArithmeticError):
    """The flow is not optimal for the weights of step 4 on this network: a cycle of exchanges gains."""


@dataclass
class Stap5:
    cellen: dict[tuple[int, int], int]  # (class, supplier) -> inburgeraars, the allocation after step 5
    uniek: bool  # step 4's optimum was proven unique (within the allocations compared), so step 5 changed nothing
    beslist: bool  # step 5 chose another allocation than the engine's
    # proven: at least two of the allocations step 5 compares are equal in steps 1-4, so its order decided between
    # them (whatever the engine found); False where that is not proven (unique, or not shown within the rules)
    gelijk: bool = False


def stap5(p: Verdeelprobleem, o: Opbouw, waarden: list[int], voldoet: Toets) -> Stap5:
    """Step 5 over the stage-4 model `o` (single gemeenten in tender order, totals fixed) from its optimum `waarden`.

    Under a rule on single gemeenten, first without it: when x* is also optimal without the rule (same totals) and
    the lexicographic maximum over those optima meets every rule (`voldoet`), that is the answer, exactly: every
    optimum of the real model is one of them. Otherwise the same within the rules by construction
    (`_alleen_binnen_de_regels`)."""
    sleutels = sorted(o.x, key=lambda t: (t[0], p.leveranciers[t[1]].rang))
    x = [round(waarden[o.x[t]]) for t in sleutels]
    lo = [round(o.lin.onder[o.x[t]]) for t in sleutels]
    hi = [round(o.lin.boven[o.x[t]]) for t in sleutels]
    c = [o.doelen[3][o.x[t]] for t in sleutels]
    n_klassen = len(o.ks)
    g = [ci for ci, _ in sleutels]
    s = [n_klassen + si for _, si in sleutels]
    knopen = n_klassen + len(p.leveranciers)
    oud = {t: v for t, v in zip(sleutels, x, strict=True) if v}
    if per_gemeente_nodig(p):
        try:
            vrij = lexicografisch_optimum(x, lo, hi, c, g, s, knopen)
        except NietOptimaal:  # the rule binds in step 4: without it, more is possible
            vrij = None
        else:
            if vrij is None:  # the only optimum without the rule, and x* meets the rule
                return Stap5(oud, uniek=True, beslist=False)
            cellen = {t: v for t, v in zip(sleutels, vrij, strict=True) if v}
            if voldoet(cellen):
                # x* keeps the rule, so a change is a second equal allocation; else the lowest one, if it keeps it
                laag = {t: v for t, v in zip(sleutels, _laagste(x, lo, hi, c, g, s, knopen), strict=True) if v}
                gelijk = cellen != oud or (laag != cellen and voldoet(laag))
                return Stap5(cellen, uniek=False, beslist=cellen != oud, gelijk=gelijk)
        _alleen_binnen_de_regels(p, o, sleutels, x, lo, hi)
    beslist = lexicografisch_optimum(x, lo, hi, c, g, s, knopen)
    if beslist is None:
        return Stap5(oud, uniek=True, beslist=False)
    nieuw = {t: v for t, v in zip(sleutels, beslist, strict=True) if v}
    gelijk = nieuw != oud or _laagste(x, lo, hi, c, g, s, knopen) != beslist
    return Stap5(nieuw, uniek=False, beslist=nieuw != oud, gelijk=gelijk)


def _laagste(
    x: list[int], lo: list[int], hi: list[int], c: list[int], g: list[int], s: list[int], knopen: int
) -> list[int]:
    """The lexicographic minimum over the same optima: every arc turned around (flow -x from s to g, bounds -hi to
    -lo, weight -c: the same residual network and the same sum c x), whose maximum is it. It differs from the
    maximum exactly when there are two optima or more, because two different allocations are never equal in that
    order: a proof that step 5 decided, independent of the optimum the engine found."""
    min_x, min_hi, min_lo, min_c = ([-v for v in w] for w in (x, hi, lo, c))
    omgekeerd = lexicografisch_optimum(min_x, min_hi, min_lo, min_c, s, g, knopen)
    return list(x) if omgekeerd is None else [-v for v in omgekeerd]


def lexicografisch_optimum(
    x: list[int], lo: list[int], hi: list[int], c: list[int], g: list[int], s: list[int], knopen: int
) -> list[int] | None:
    """The lexicographic maximum, in the order of the cells, over the flows of maximal sum c x, from the optimum x.

    Cell k is an arc from node g[k] to node s[k] with lo[k] <= x[k] <= hi[k]; every node keeps its sum (a gemeente
    its demand, a supplier its total). None when x is proven the only optimum (the cells of reduced cost 0 form a
    forest); a list may still equal x.
    Raises NietOptimaal when x is not optimal."""
    pot = _potentialen(x, lo, hi, c, g, s, knopen)
    nul = [k for k in range(len(x)) if lo[k] < hi[k] and c[k] + pot[g[k]] - pot[s[k]] == 0]
    cyclisch = _in_cyclus(nul, g, s)
    if not cyclisch:
        return None
    y = list(x)
    _lexicografisch([k for k in nul if k in cyclisch], y, lo, hi, g, s)
    if sum(ck * yk for ck, yk in zip(c, y, strict=True)) != sum(ck * xk for ck, xk in zip(c, x, strict=True)):
        raise ArithmeticError("stap 5 veranderde de waarde van stap 4")  # a cycle of reduced cost 0 cannot
    return y


def _alleen_binnen_de_regels(
    p: Verdeelprobleem, o: Opbouw, sleutels: list[tuple[int, int]], x: list[int], lo: list[int], hi: list[int]
) -> None:
    """Bounds that keep every rule on single gemeenten without writing it: no new supplier in a gemeente (K and
    per_subregio hold), under per_subregio none leaves one (at least 1 stays), a gemeente with a budget unchanged."""
    for k, (ci, _) in enumerate(sleutels):
        if x[k] == 0 or o.ks[ci].gemeenten[0] in p.budget:
            lo[k] = hi[k] = x[k]
        elif p.regels.per_subregio:
            lo[k] = max(lo[k], 1)


def _potentialen(
    x: list[int], lo: list[int], hi: list[int], c: list[int], g: list[int], s: list[int], knopen: int
) -> list[int]:
    """Longest-path potentials in the residual network of x (arc g -> s where x can grow, weight c; s -> g where it
    can shrink, weight -c), every node starting at 0. A simple path alternates gemeenten and suppliers, so it has at
    most 2 x min(gemeenten, suppliers) + 1 arcs and a round (all g -> s arcs, then all s -> g arcs) adds two: without
    a cycle that gains, nothing changes any more after min(gemeenten, suppliers) + 2 rounds. Still changing then:
    NietOptimaal."""
    pot = [0] * knopen
    op = [k for k in range(len(x)) if x[k] < hi[k]]
    af = [k for k in range(len(x)) if x[k] > lo[k]]
    for _ in range(min(len(set(g)), len(set(s))) + 3):
        veranderd = False
        for k in op:
            v = pot[g[k]] + c[k]
            if v > pot[s[k]]:
                pot[s[k]] = v
                veranderd = True
        for k in af:
            v = pot[s[k]] - c[k]
            if v > pot[g[k]]:
                pot[g[k]] = v
                veranderd = True
        if not veranderd:
            return pot
    raise NietOptimaal("stap 5: de verdeling van stap 4 is niet optimaal (een ruil levert meer op)")


def _in_cyclus(cellen: list[int], g: list[int], s: list[int]) -> set[int]:
    """The cells of `cellen` in a component (gemeenten and suppliers joined by these cells) that holds a cycle: only
    there can flow move around. Empty: the cells form a forest, and the optimum is unique."""
    ouder: dict[int, int] = {}

    def wortel(a: int) -> int:
        while ouder.setdefault(a, a) != a:
            ouder[a] = ouder[ouder[a]]
            a = ouder[a]
        return a

    met_cyclus: set[int] = set()
    for k in cellen:
        a, b = wortel(g[k]), wortel(s[k])
        if a == b:
            met_cyclus.add(a)
        else:
            ouder[a] = b
            if a in met_cyclus:
                met_cyclus.add(b)
    if not met_cyclus:
        return set()
    return {k for k in cellen if wortel(g[k]) in met_cyclus}


def _lexicografisch(cellen: list[int], x: list[int], lo: list[int], hi: list[int], g: list[int], s: list[int]) -> None:
    """In the order of `cellen`: as much more into the cell as augmenting paths through the unfixed cells allow
    (from its supplier back to its gemeente), then fix it. Changes x in place."""
    buren: dict[int, list[int]] = {}
    for k in cellen:
        buren.setdefault(g[k], []).append(k)
        buren.setdefault(s[k], []).append(k)
    vast: set[int] = set()
    for k in cellen:
        vast.add(k)  # the cell itself is no part of its own return path
        while x[k] < hi[k]:
            pad = _pad(s[k], g[k], buren, vast, x, lo, hi, g, s)
            if pad is None:
                break
            ruimte = min([hi[k] - x[k], *(hi[j] - x[j] if op else x[j] - lo[j] for j, op in pad)])
            x[k] += ruimte
            for j, op in pad:
                x[j] += ruimte if op else -ruimte


def _pad(
    van: int,
    naar: int,
    buren: dict[int, list[int]],
    vast: set[int],
    x: list[int],
    lo: list[int],
    hi: list[int],
    g: list[int],
    s: list[int],
) -> list[tuple[int, bool]] | None:
    """A shortest residual path from supplier node `van` to gemeente node `naar` over unfixed cells, as (cell, grows):
    from a supplier to a gemeente the cell shrinks, from a gemeente to a supplier it grows. Breadth first, arcs in the
    order of `buren`: the same path every run."""
    terug: dict[int, tuple[int, int, bool]] = {van: (-1, -1, False)}
    rij = deque([van])
    while rij:
        u = rij.popleft()
        if u == naar:
            break
        for j in buren.get(u, ()):
            if j in vast:
                continue
            uit_gemeente = g[j] == u
            if x[j] >= hi[j] if uit_gemeente else x[j] <= lo[j]:
                continue
            v = s[j] if uit_gemeente else g[j]
            if v not in terug:
                terug[v] = (u, j, uit_gemeente)
                rij.append(v)
    if naar not in terug:
        return None
    pad = []
    v = naar
    while v != van:
        u, j, op = terug[v]
        pad.append((j, op))
        v = u
    return pad

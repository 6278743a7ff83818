"""Bounds that every optimum of a solved stage meets, from its LP relaxation's reduced costs: exact, in integers.

Why. Once stage k of the lexicographic allocation is solved at its optimum z_k, every later stage only looks at
allocations whose stage-k objective is exactly z_k (its row is fixed). The LP relaxation of stage k tells how
much each column costs: with row prices pi, for every x within the column bounds that meets the rows,

    c x = pi (A x) + r x,    r = c - pi A,

so c x <= sum_i max(pi_i lo_i, pi_i hi_i) + sum_j max(r_j l_j, r_j u_j) =: G. A column j with r_j < 0 that is
raised t above its lower bound lowers this bound by |r_j| t, so an allocation with c x >= z_k has
t <= (G - z_k) / |r_j|: its upper bound may be lowered to l_j + floor((G - z_k) / |r_j|) (and a column with
r_j > 0 gets its lower bound raised the same way). No allocation of a later stage is cut off, so every later
stage value is the same; the engine gets a smaller model with a tighter LP. The engines fix columns on their
reduced costs within a stage; across stages they cannot, for them the fixed row is just a row. Used after stages 1
and 2 of the national relaxations with budgets and under per_subregio (`pad`). Measured on the national tender:
budget in every 10th gemeente, seed 6, onderwijs, stage 2 of the relaxation 0.84 against 0.29 s cpu, seeds 1-10
together faster; the per_subregio relaxations of seeds 1-10 (30 lots) 14.9-15.5 against 17.2-17.4 s cpu. The
same bounds before a stage, from the value of its start, were measured too and cost more than they saved
(bench/METINGEN.md, "Meting van 5 december 2026, middag (verdeling)").

Exact, not up to rounding. The prices come from a floating-point LP, but any prices give a valid G: they are
rounded to multiples of 2^-PRECISIE and r, G and the new bounds are computed in Python integers, with the
coefficients, bounds and right-hand sides of the model (all whole numbers in the allocation models; a row that
is not is left out with price 0, a column that is not gets no new bound). Wrong or poor prices give a weak G
and fewer bounds, never a wrong one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evaluatie.verdeling.matrix import ONEINDIG, HighsMotor, Programma, Uitkomst
from evaluatie.verdeling.status import Oplosserfout

PRECISIE = 24  # prices rounded to multiples of 2^-24 (any prices give a valid bound; these are close to the LP's)

Rij = tuple[Sequence[int], Sequence[float], float, float]


def _geheel(v: float) -> int | None:
    return int(v) if v == v and abs(v) != ONEINDIG and v == int(v) else None


@dataclass
class Kosten:
    """The bound G and the reduced costs r of one LP relaxation, both times 2^PRECISIE, for `teken` x the objective
    (teken -1 for a minimisation: the bound is on the maximum of minus the objective)."""

    grens: int
    r: list[int]
    teken: int

    def grenzen(
        self, waarde: int, onder: Sequence[float], boven: Sequence[float], geheel: Sequence[bool]
    ) -> dict[int, tuple[int, int]]:
        """New (lower, upper) bounds of the integer columns that every solution with objective at least as good as
        `waarde` meets (`pad.lexicografisch` passes the proven optimum of the stage); only changed bounds."""
        ruimte = self.grens - self.teken * waarde * (1 << PRECISIE)
        if ruimte < 0:  # no solution is that good: nothing to say (cannot happen for the value of an allocation)
            return {}
        nieuw: dict[int, tuple[int, int]] = {}
        for j, rj in enumerate(self.r):
            if not geheel[j] or rj == 0:
                continue
            lo, hi = _geheel(onder[j]), _geheel(boven[j])
            if lo is None or hi is None:
                continue
            stap = ruimte // abs(rj)
            if rj < 0 and lo + stap < hi:
                nieuw[j] = (lo, lo + stap)
            elif rj > 0 and hi - stap > lo:
                nieuw[j] = (hi - stap, hi)
        return nieuw


def kosten(
    lin: Programma,
    extra: Sequence[Rij],
    onder: Sequence[float],
    boven: Sequence[float],
    doel: dict[int, int],
    maximaliseer: bool,
) -> Kosten | None:
    """The LP relaxation of `lin` with the rows `extra` added since (fixed stages, as (columns, coefficients, lower,
    upper)) and the current column bounds `onder`, `boven`, for objective `doel`; None when that LP has no optimum
    (no bound is better than a wrong one)."""
    rijen = [*lin.rijen, *((list(ix), list(cs), lo, hi) for ix, cs, lo, hi in extra)]
    programma = Programma(list(onder), list(boven), [False] * lin.aantal, rijen)
    m = HighsMotor(programma, None)
    try:
        if m.los(doel, maximaliseer) != Uitkomst.OPTIMAAL:
            return None
    except Oplosserfout:  # a status that says nothing about the tender: no bounds, the stage goes on without them
        return None
    prijzen = list(m.h.getSolution().row_dual)
    teken = 1 if maximaliseer else -1
    beste: Kosten | None = None
    for richting in (1, -1):  # HiGHS's sign convention for duals of a maximisation: take the bound that is finite
        uit = _grens(programma, [richting * teken * p for p in prijzen], doel, teken)
        if uit is not None and (beste is None or uit.grens < beste.grens):
            beste = uit
    return beste


def _grens(lin: Programma, prijzen: Sequence[float], doel: dict[int, int], teken: int) -> Kosten | None:
    """G x 2^PRECISIE and r x 2^PRECISIE (see the module) for these prices, in integers; None when G is infinite."""
    schaal = 1 << PRECISIE
    r = [0] * lin.aantal
    for j, c in doel.items():
        r[j] = teken * c * schaal
    grens = 0
    for (kolommen, coefficienten, lo, hi), prijs in zip(lin.rijen, prijzen, strict=True):
        if prijs != prijs or abs(prijs) == ONEINDIG:
            continue
        n = round(prijs * schaal)
        if n == 0:
            continue
        a = [_geheel(coef) for coef in coefficienten]
        zijde = _geheel(hi) if n > 0 else _geheel(lo)
        if zijde is None or any(coef is None for coef in a):
            continue  # not whole numbers, or no bound on that side: this row gets price 0
        grens += n * zijde
        for j, coef in zip(kolommen, a, strict=True):
            assert coef is not None
            r[j] -= n * coef
    for j, rj in enumerate(r):
        if rj == 0:
            continue
        rand = _geheel(lin.boven[j]) if rj > 0 else _geheel(lin.onder[j])
        if rand is None:
            return None
        grens += rj * rand
    return Kosten(grens, r, teken)

"""Stage 4 with its objective shifted by whole multiples of its equality rows: the same optimum, another search.

Why. In stage 4 every supplier's total and every gemeente's demand are equality rows. On the feasible set,
sum_j a_ij x_j = b_i holds for each such row i, so for any numbers pi_i the objective

    c'_j = c_j - sum_i pi_i a_ij       (i over the equality rows)

differs from c by the constant sum_i pi_i b_i on every feasible point: the same allocations are optimal and
the order of any two allocations is the same. With pi the LP relaxation's row prices rounded to whole numbers,
c' is what the LP says each column is still worth (its reduced cost, up to the rounding), and the engine's
search starts from coefficients that say that, instead of (R - rank) x (C - position)^2 up to 6 x 10^7. The
prices are rounded, and only rows whose coefficients are all whole numbers are used, so c' is a whole-number
vector as c is and "optimal" still means an absolute gap below 1 (evaluatie.verdeling.oplosser.GAT).

Only the objective handed to the engine changes; the stage value is computed with the original objective on the
allocation (`pad`). That only equality rows are used is what makes it exact (tests/test_dualverschuiving.py).

Measured, stage 4 per subregio of B1 (the model of bench/andere_oplossers.py, HiGHS alone, seeds 1-10, cpu):
273.6 s with c, 201.6 s with c', faster on 8 of 10. Inside the library (bench/landelijk.py --regels per_subregio,
3 lots, seeds 1-10) less: 240.3 against 252.8 s, faster on 7 of 10, slowest seed 47.0 against 60.6 s, but seed 10
35.4 against 13.4 s: the order of HiGHS's search changes, and with it the time, both ways. On the stage-4 MIP with
budgets (budget in every 10th gemeente) and on stage 4 of the verfijnde relaxatie (K=2) it lost on 9 of 10 seeds, so
it is used only per subregio (`pad`).
"""

from __future__ import annotations

from collections.abc import Sequence

from evaluatie.verdeling.matrix import HighsMotor, Motor, Programma, Uitkomst


def verschoven_doel(lin: Programma, doel: dict[int, int], rijprijzen: Sequence[float]) -> tuple[dict[int, int], int]:
    """c minus whole multiples of the equality rows of `lin` (prices: one per row of `lin`, in order), and the
    constant that the original objective exceeds the shifted one by on every feasible point.

    Rows with a coefficient or right-hand side that is not a whole number, a price that is not finite, or
    different bounds are left out (their multiple is 0). Columns whose shifted coefficient is 0 are left out."""
    if len(rijprijzen) != len(lin.rijen):
        raise ValueError(f"{len(rijprijzen)} rijprijzen voor {len(lin.rijen)} rijen")
    uit: dict[int, int] = dict(doel)
    constante = 0
    for (kolommen, coefficienten, onder, boven), prijs in zip(lin.rijen, rijprijzen, strict=True):
        if onder != boven or prijs != prijs or abs(prijs) == float("inf") or onder != int(onder):
            continue
        veelvoud = round(prijs)
        if veelvoud == 0 or any(c != int(c) for c in coefficienten):
            continue
        for j, c in zip(kolommen, coefficienten, strict=True):
            uit[j] = uit.get(j, 0) - veelvoud * int(c)
        constante += veelvoud * int(onder)
    return {j: c for j, c in uit.items() if c != 0}, constante


def doel_voor_motor(m: Motor, lin: Programma, doel: dict[int, int], maximaliseer: bool) -> dict[int, int]:
    """The objective to hand to `m` for this stage-4 solve: shifted by the prices of the LP relaxation on HiGHS.

    `m` must be a fresh engine built from `lin` (one row per row of `lin`). The LP relaxation is solved on the
    same engine (integrality off, then restored). The constant goes to `m.verschuiving`, so that progress lines
    (evaluatie.verdeling.voortgang) show values of the original objective. CBC gets `doel` unchanged (it was
    not measured); so does a model whose LP relaxation has no optimum: then the MIP itself ends infeasible and
    says so."""
    if not isinstance(m, HighsMotor):
        return doel
    gehele = sorted(m.gehele)
    m.zet_geheel(gehele, False)
    try:
        if m.los(doel, maximaliseer) != Uitkomst.OPTIMAAL:
            return doel
        prijzen = list(m.h.getSolution().row_dual)
    finally:
        m.zet_geheel(gehele, True)
    verschoven, m.verschuiving = verschoven_doel(lin, doel, prijzen)
    return verschoven

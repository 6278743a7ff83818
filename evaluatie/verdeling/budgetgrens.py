"""Upper bounds on x implied by a budget row: exact for every integer allocation, tighter for the LP.

Why. A budget is a knapsack row per gemeente, sum_s p_s x_s <= B, next to the demand row sum_s x_s = d.
Every other supplier costs at least p_min (the cheapest supplier with a column in that class), so any
allocation that meets both rows has p_s x_s + p_min (d - x_s) <= B, hence for p_s > p_min

    x_s <= floor((B - p_min d) / (p_s - p_min)).

No integer allocation is cut off, so every stage value stays the same; the LP relaxation loses the
fractional points above the floor, and the rows that use a column's bound (x <= ub y, x <= ub z) get
tighter too. HiGHS's presolve does not combine the two rows this way.

Used only where every supplier's total is fixed (the transportation LP and the stage-4 MIP,
`opbouw.bouw(totalen=...)`): there the transportation LP more often ends integral and within every
budget (bench/landelijk.py, budget in every 10th gemeente: seeds 1 and 8, Z). In stages 1-3 the bounds
change HiGHS's search both ways (budget in every gemeente, seed 7, stage 1 of the relaxation: onderwijs
31.8 s against 55.8 s cpu without them, but B1 not proven after 239 s against 119 s without them), so
they are not used there (bench/METINGEN.md, meting van 4 december 2026).

Not for the elastic model of the diagnosis (evaluatie.verdeling.diagnose): there the budget row has a
slack column, and a bound derived from the row would hide the very shortfall the diagnosis reports.
"""

from __future__ import annotations


def budgetgrens(prijzen: dict[int, int], vraag: int, budget: int) -> dict[int, int]:
    """The implied upper bound of every column whose price is above the cheapest (columns keyed as given).

    prijzen: column -> price in cents per inburgeraar; vraag: the class's demand; budget: its budget in
    cents. A negative bound (the budget cannot even pay the cheapest for everyone) is returned as 0:
    the class is infeasible either way, through its budget row."""
    if not prijzen:
        return {}
    laagste = min(prijzen.values())
    ruimte = budget - laagste * vraag
    return {j: max(0, ruimte // (p - laagste)) for j, p in prijzen.items() if p > laagste}

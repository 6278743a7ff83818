"""A start for stage 1 of the budget relaxation: the LP's whole supplier choices kept, the rest solved on HiGHS.

Why. In stage 1 of the budget relaxation (merged classes, gemeenten with a budget inside them,
evaluatie.verdeling.budgetklasse) CBC spent most of its time in the cut loop at the root before it had any
allocation: national tender, budget in every 10th gemeente, seed 9, Z: 1.6 s cpu, where the same solve with the
optimum as its MIP start took 0.3 s (with an allocation in hand the engine fixes most columns on their reduced
costs and stops cutting). The gap between the LP and the optimum comes from two rules: min_volume (a supplier
gets 0 or at least min_volume, the 0/1 column y) and the budget rows (whole inburgeraars per gemeente).

How. Solve the LP relaxation; fix every y the LP already chose whole (0 or 1), keep the few fractional ones free,
and solve that smaller MIP on HiGHS with the x continuous where `opbouw.tu_kolommen` allows it (their integral
vertex is taken afterwards, `HighsMotor.hoekpunt`): its only integer columns are the budget gemeenten' b and the
free y. HiGHS stops at its first allocation (solved to the end, the same MIP found the optimum of stage 1 in 28 of
the 30 lots of seeds 1-10, but cost up to 0.2 s; the first allocation, 0.02-0.05 s, served CBC as well: seed 9, Z,
stage 1 0.3 s with it). At most `KNOPEN` nodes (a limit in work, the same on every machine): it only gives a start,
so none is fine too.

Exact. The start only tells the engine where to begin: the engine still proves stage 1 over the whole model, so
the stage value is the same, and a start that is not an allocation of the model is ignored by CBC and HiGHS.
"""

from __future__ import annotations

from evaluatie.verdeling.matrix import HighsMotor, Uitkomst
from evaluatie.verdeling.opbouw import Opbouw
from evaluatie.verdeling.status import Oplosserfout

KNOPEN = 200  # branch-and-bound nodes of the start's MIP at most (it is a heuristic: any allocation will do)


def start(o: Opbouw, doel: dict[int, int], maximaliseer: bool) -> list[int] | None:
    """An allocation of `o` that is good for `doel` (stage 1), or None when this way finds none."""
    if not o.y:
        return None
    m = HighsMotor(o.lin, None)
    gehele = sorted(m.gehele)
    m.zet_geheel(gehele, False)
    try:
        if m.los(doel, maximaliseer) != Uitkomst.OPTIMAAL:
            return None
    except Oplosserfout:  # a status that says nothing about the tender: no start, the proof goes on without one
        return None
    lp = m.h.getSolution().col_value
    vast = {j: (round(lp[j]), round(lp[j])) for j in o.y.values() if abs(lp[j] - round(lp[j])) < 1e-9}
    m.begrens(vast)
    m.zet_geheel(gehele, True)
    m.zet_geheel(o.tu, False)
    m.h.setOptionValue("mip_max_improving_sols", 1)  # the first allocation will do (see the module)
    m.h.setOptionValue("mip_max_nodes", KNOPEN)
    m.h.run()
    if m.h.getInfo().primal_solution_status != 2:  # 2: a feasible solution (HiGHS's SolutionStatus)
        return None
    try:
        return m.hoekpunt()
    except Oplosserfout:  # cannot happen for a feasible MIP solution; no start then
        return None

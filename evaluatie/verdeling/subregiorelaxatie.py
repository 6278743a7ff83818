"""Which step (and so which engine under 'auto') solves the per_subregio relaxation without budgets.

The relaxation of per_subregio (stages 1-3, one class per subregio, `opbouw.bouw(subregio='klasse')`) lets
a subregio have at most d_min suppliers, d_min its smallest demand of a gemeente (each chosen supplier
needs one inburgeraar in every gemeente). Where that cap is loose (d_min well above the suppliers the
values would pick anyway), the LP bound of stage 1 is the optimum and the work is finding an integral
allocation that attains it: CBC does that in a fraction of HiGHS's time, which spends the root on cuts
and sub-MIP heuristics. Where the cap is tight (d_min of 1-4) the choice of suppliers per subregio is the
work, and HiGHS is faster in every stage.

Measured (bench/subregio_relaxatie.py, national tender, seeds 1-10, cpu of stages 1-3 summed over the ten
seeds; 4 December 2026, issue #24): B1 (median d_min 8-12) HiGHS 12.9 s, CBC 5.0 s (stage 1 faster on CBC
in all ten seeds: 0.09-0.65 against 0.51-1.83 s); onderwijs (median d_min 3-4) HiGHS 6.3 s, CBC 13.6 s; Z
(median d_min 1-2) HiGHS 4.9 s, CBC 11.2 s over nine seeds (seed 6: CBC stopped with PulpSolverError).
So 'auto' takes CBC where at least half of the subregio's have d_min of at least `RUIM` (for an odd number of
subregio's: the median of d_min is at least `RUIM`), with the node budget
of the budget relaxation (oplosser.KNOPEN_BUDGET): a CBC that spends it or stops with an error hands the
step to HiGHS (evaluatie.verdeling.pad), so the choice changes only the time, never the allocation: both
engines prove the same optimum of every stage.

On HiGHS (either step), the primal heuristics are off once stage 1 is fixed, as for budgets
(pad._budget_na_stap): stages 2 and 3 start from the previous stage's allocation, so their work is proving.
Measured (same bench, onderwijs and Z, seeds 1-10, 20 lots): stages 2-3 7.0 s with, 5.4 s without them.
"""

from __future__ import annotations

from evaluatie.verdeling.klassen import Klasse
from evaluatie.verdeling.model import Verdeelprobleem

KRAP = "relaxatie_subregio"  # HiGHS, x continuous in stage 1 (oplosser.AUTO_PER_STAP)
RUIM_STAP = "relaxatie_subregio_ruim"  # CBC with a node budget, then HiGHS
STAPPEN = (KRAP, RUIM_STAP)
# Smallest demand per subregio from which the cap on suppliers is loose (in at least half of the subregio's):
# between the medians of 3-4 of onderwijs and 8-12 of B1 on the national tender (module docstring).
RUIM = 6


def relaxatiestap(p: Verdeelprobleem, regios: list[Klasse]) -> str:
    """The step name of the relaxation over `regios` (one class per subregio), by how loose the cap is: loose
    when at least half of the subregio's have a smallest demand per gemeente of at least `RUIM`."""
    ruim = sum(min(p.vraag[g] for g in k.gemeenten) >= RUIM for k in regios)
    return RUIM_STAP if regios and 2 * ruim >= len(regios) else KRAP

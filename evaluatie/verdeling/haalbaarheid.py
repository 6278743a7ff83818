"""Whether a lot can be allocated at all, cheaply: one solve of the diagnosis's elastic model instead of the four
lexicographic stages of `verdeel`.

The robustness analysis asks, per supplier with a share, whether the lot can still be allocated with that supplier's
capacity lowered (evaluatie.zekerheid.marge). Answering with `verdeel` solved the whole lexicographic award twice per
supplier; at national scale that was about 5 s of cpu in `gunning` (issue #24: national gunning under 5 s). Here the
elastic model of evaluatie.verdeling.diagnose (the allocation's own model, built by opbouw.bouw, every rule in it, with
penalised slack on demand, budgets and supplier counts) is solved once in HiGHS: a solution without slack is an
allocation that meets every rule, so True is proven by the solution itself. Anything else (slack left, a solver
status) is not taken as infeasible here: the caller then asks `verdeel`, which confirms infeasibility with a second
engine and says which rule decides.
"""

from __future__ import annotations

from evaluatie.verdeling.diagnose import vooraf
from evaluatie.verdeling.klassen import klassen, per_gemeente_nodig
from evaluatie.verdeling.matrix import Uitkomst, motor
from evaluatie.verdeling.model import Verdeelprobleem
from evaluatie.verdeling.opbouw import bouw

_NUL = 1e-9  # slack at or below this is none: an integral model's zero, not a rounding of one inburgeraar
# Below this many (gemeente, supplier) pairs, with a rule per gemeente (one class per gemeente: K suppliers per
# gemeente, per_subregio, budgets), `verdeel` itself is the cheaper proof: its fast path solves such a small lot in
# about 5 ms where building and solving the elastic model took about 24 ms (the example's B1, K = 2); nationally
# (342 x 150) the elastic model took about 26 ms against 290 ms for `verdeel` (measured 5 December 2026). A small lot
# without such a rule (merged classes) is proven here: 0.4 ms against 1.3-1.8 ms for `verdeel` (the example's
# onderwijs and Z, 7 of its 11 checks; measured 5 December 2026, morning)
KLEIN = 5_000


def aantoonbaar_haalbaar(p: Verdeelprobleem) -> bool:
    """True when an allocation meeting every rule was found (then one exists); False when not shown here (also for a
    small lot with a rule per gemeente, where the caller's `verdeel` is the cheaper proof)."""
    if len(p.vraag) * len(p.leveranciers) <= KLEIN and per_gemeente_nodig(p):
        return False
    if vooraf(p):
        return False
    if not any(p.vraag.values()):
        return True
    o = bouw(
        p,
        klassen(p),
        per_gemeente=p.regels.max_leveranciers_per_gemeente is not None,
        budget=bool(p.budget),
        subregio="gemeente" if p.regels.per_subregio else "nee",
        elastisch=True,
    )
    m = motor("highs", o.lin, None)
    if m.los(dict.fromkeys(o.slack.values(), 1), maximaliseer=False) != Uitkomst.OPTIMAAL:
        return False
    waarden = m.waarden()
    return all(waarden[j] <= _NUL for j in o.slack.values())

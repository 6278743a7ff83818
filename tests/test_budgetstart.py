"""The start of stage 1 of the budget relaxation (evaluatie.verdeling.budgetstart): an allocation of the model,
never a different stage value.

The start only tells the engine where to begin. So: on seeded random tenders with budgets and min_volume the
start meets every bound and row of the relaxation exactly (in integers), and stages 1-3 give the same values with
and without it. On the national lot where the start was built for (bench/landelijk.py, budget in every 10th
gemeente, seed 9, Z) the fast path hands stage 1 a start and publishes the same allocation as without one.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import replace
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings

from evaluatie.verdeling import budgetstart, pad
from evaluatie.verdeling.diagnose import vooraf
from evaluatie.verdeling.matrix import HighsMotor, Programma
from evaluatie.verdeling.model import Verdeelprobleem
from evaluatie.verdeling.opbouw import bouw
from evaluatie.verdeling.pad import Onhaalbaar, lexicografisch, samengevoegde_klassen, verdeel_exact
from evaluatie.verdeling.status import Oplosserfout
from tests.hulp import REPO
from tests.test_budgetklasse import klassen_met_budget

sys.path.insert(0, str(REPO / "bench"))
landelijk = importlib.import_module("landelijk")  # bench scripts are not a package


def _toegestaan(lin: Programma, w: list[int]) -> bool:
    """Every bound and row of `lin` met exactly (whole numbers throughout)."""
    if any(not lo <= v <= hi for v, lo, hi in zip(w, lin.onder, lin.boven, strict=True)):
        return False
    return all(lo <= sum(c * w[j] for j, c in zip(ix, cs, strict=True)) <= hi for ix, cs, lo, hi in lin.rijen)


GEVONDEN: list[int] = []  # examples where the start found an allocation


def _met_min_volume(p: Verdeelprobleem) -> Verdeelprobleem:
    """The start keeps the LP's whole choices of the 0/1 column of min_volume: every example has that rule."""
    return replace(p, regels=p.regels.model_copy(update={"min_volume": 3}))


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(p=klassen_met_budget().map(_met_min_volume))
def _start_is_een_verdeling(p: Verdeelprobleem) -> None:
    if vooraf(p) or not p.budget:
        return
    o = bouw(p, samengevoegde_klassen(p, budget_apart=False), budget=True, budget_binnen=True)
    doel, maximaliseer = o.stappen()[0]
    begin = budgetstart.start(o, o.verschoven(doel)[0], maximaliseer)
    try:
        _, zonder = lexicografisch(HighsMotor(o.lin, None), o, stappen=3)
    except Onhaalbaar:
        assert begin is None  # an allocation of an infeasible model cannot exist
        return
    if begin is None:
        return
    assert _toegestaan(o.lin, begin)
    _, met = lexicografisch(HighsMotor(o.lin, None), o, stappen=3, start=begin)
    assert met == zonder
    GEVONDEN.append(1)


def test_start_is_an_allocation_and_changes_no_stage_value() -> None:
    GEVONDEN.clear()
    _start_is_een_verdeling()
    assert len(GEVONDEN) >= 20, len(GEVONDEN)


def test_national_lot_gets_a_start_and_the_same_allocation() -> None:
    regels, begroting = landelijk.regelset("budget elke 10e")
    p = landelijk.probleem("Z", 9, regels, begroting)
    starts: list[list[int] | None] = []
    echt = budgetstart.start

    def onthoud(*args, **kwargs):
        starts.append(echt(*args, **kwargs))
        return starts[-1]

    with patch.object(budgetstart, "start", onthoud):
        met = verdeel_exact(p, "auto", None)
    assert len(starts) == 1 and starts[0] is not None  # the relaxation (over 400 columns) got its start
    with patch.object(budgetstart, "start", lambda *a, **k: None):
        zonder = verdeel_exact(p, "auto", None)
    assert met.doelwaarden == zonder.doelwaarden
    assert met.toewijzing == zonder.toewijzing
    assert met.pad == zonder.pad == pad.STAP4


def test_an_engine_status_without_meaning_gives_no_start_and_no_error() -> None:
    """The start is a heuristic: an LP status that says nothing about the tender leaves the proof without a start."""
    regels, begroting = landelijk.regelset("budget elke 10e")
    p = landelijk.probleem("Z", 9, regels, begroting)
    o = bouw(p, samengevoegde_klassen(p, budget_apart=False), budget=True, budget_binnen=True)
    doel, maximaliseer = o.stappen()[0]

    def weigert(*args, **kwargs):
        raise Oplosserfout("HiGHS", "kIterationLimit", "een iteratielimiet")

    with patch.object(HighsMotor, "los", weigert):
        assert budgetstart.start(o, o.verschoven(doel)[0], maximaliseer) is None

"""The bounds a budget row implies (evaluatie.verdeling.budgetgrens) against brute force over small gemeenten."""

from __future__ import annotations

import itertools
import random
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings

from evaluatie.verdeling import opbouw
from evaluatie.verdeling.budgetgrens import budgetgrens
from evaluatie.verdeling.diagnose import vooraf
from evaluatie.verdeling.matrix import HighsMotor, doelwaarde
from evaluatie.verdeling.model import Verdeelprobleem
from evaluatie.verdeling.opbouw import bouw
from evaluatie.verdeling.pad import Onhaalbaar, _los, gemeenteklassen, lexicografisch
from tests.test_verdeling_subregio import regionale_aanbestedingen


def _toegestaan(prijzen: list[int], vraag: int, budget: int) -> list[tuple[int, ...]]:
    """Every integer allocation of `vraag` over the suppliers within the budget, by enumeration."""
    return [
        x
        for x in itertools.product(range(vraag + 1), repeat=len(prijzen))
        if sum(x) == vraag and sum(a * p for a, p in zip(x, prijzen, strict=True)) <= budget
    ]


def test_hand_example() -> None:
    # 10 inburgeraars, budget 9,300 each; prices 8,000 / 9,000 / 10,000 (cents: x 100).
    # Cheapest 8,000: room 10 x 1,300 = 13,000 euro; the 10,000 supplier adds 2,000 each: at most 6;
    # the 9,000 supplier adds 1,000 each: at most 13, no bound below the demand of 10 then.
    grenzen = budgetgrens({0: 800_000, 1: 900_000, 2: 1_000_000}, 10, 9_300_000)
    assert grenzen == {1: 13, 2: 6}


def test_never_cuts_an_allocation_and_is_attained_where_alone() -> None:
    rnd = random.Random(24)
    getoetst = strakker = 0
    for _ in range(300):
        n = rnd.randint(1, 4)
        prijzen = [rnd.randint(80, 100) for _ in range(n)]
        vraag = rnd.randint(1, 7)
        budget = rnd.randint(80 * vraag, 100 * vraag)
        grenzen = budgetgrens(dict(enumerate(prijzen)), vraag, budget)
        toegestaan = _toegestaan(prijzen, vraag, budget)
        for j, grens in grenzen.items():
            getoetst += 1
            hoogste = max((x[j] for x in toegestaan), default=0)
            assert hoogste <= grens, (prijzen, vraag, budget, j)
            strakker += grens < vraag
            # with only the cheapest supplier beside it, the bound is reached (when within the demand)
            laagste = prijzen.index(min(prijzen))
            if grens <= vraag and toegestaan:
                x = [0] * n
                x[j], x[laagste] = grens, vraag - grens
                assert sum(a * p for a, p in zip(x, prijzen, strict=True)) <= budget
    assert getoetst > 200 and strakker > 50  # the test reaches bounds that matter


def test_budget_below_the_cheapest() -> None:
    assert budgetgrens({0: 100, 1: 120}, 5, 400) == {1: 0}
    assert budgetgrens({}, 5, 400) == {}


def _stap4(p: Verdeelprobleem, totalen: dict[int, int]) -> tuple[int | None, list[float]]:
    """Stage 4 over single gemeenten with every total fixed, every column integer: its value (None when
    infeasible) and the model's column bounds."""
    o = bouw(p, gemeenteklassen(p), per_gemeente=True, budget=True, totalen=totalen)
    try:
        waarden = _los(HighsMotor(o.lin, None), o.doelen[3], True)
    except Onhaalbaar:
        return None, o.lin.boven
    return doelwaarde(o.doelen[3], waarden), o.lin.boven


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(p=regionale_aanbestedingen())
def _gelijk_met_en_zonder_grenzen(p: Verdeelprobleem) -> None:
    """Stage 4 with the implied bounds (as the library builds it, totals fixed at the full model's stage-3
    solution) and without them (the rules as written) reach the same value; both find an allocation."""
    if vooraf(p) or not p.leveranciers or not p.budget or p.regels.per_subregio:
        return
    o = bouw(p, gemeenteklassen(p), per_gemeente=True, budget=True)
    try:
        waarden, _ = lexicografisch(HighsMotor(o.lin, None), o, stappen=3)
    except Onhaalbaar:
        return
    totalen = {si: n for si, n in o.totalen(waarden).items() if n > 0}
    met, grenzen = _stap4(p, totalen)
    with patch.object(opbouw, "_budgetgrenzen", lambda *_: None):
        zonder, ruim = _stap4(p, totalen)
    assert met is not None and met == zonder
    if grenzen != ruim:
        GESTRAKT.append(p.perceel)


GESTRAKT: list[str] = []


def test_stage_4_same_value_with_and_without_the_bounds() -> None:
    """The property above on the seeded tenders of tests/test_verdeling_subregio.py (budget in every
    gemeente), and not vacuous: in some of them the bounds are tighter than the model's other bounds."""
    GESTRAKT.clear()
    _gelijk_met_en_zonder_grenzen()
    assert len(GESTRAKT) >= 5

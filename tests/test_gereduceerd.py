"""Bounds from the reduced costs of a stage's LP (evaluatie.verdeling.gereduceerd): never an allocation cut off.

A hand example; every integer point of seeded random small programmes, enumerated, against the bounds (sound for
the optimum and for the value of any point); and stages 1-3 of the budget relaxation (on HiGHS and on CBC, the two
engines that take them) and of the per_subregio relaxation with and without the bounds, with the same values.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from unittest.mock import patch

from hypothesis import HealthCheck, given, settings

from evaluatie.verdeling import gereduceerd
from evaluatie.verdeling.diagnose import vooraf
from evaluatie.verdeling.matrix import HighsMotor, Programma, motor
from evaluatie.verdeling.model import Verdeelprobleem
from evaluatie.verdeling.opbouw import bouw
from evaluatie.verdeling.pad import Onhaalbaar, lexicografisch, samengevoegde_klassen, subregioklassen, verdeel_exact
from evaluatie.verdeling.status import Oplosserfout
from tests.test_budgetklasse import klassen_met_budget
from tests.test_budgetstart import _toegestaan, landelijk
from tests.test_verdeling_subregio import regionale_aanbestedingen


def test_hand_example() -> None:
    # max 5a + 3b, a + b <= 3, 0 <= a, b <= 5 (whole). LP: a = 3, b = 0, value 15, row price 5, so r_b = 3 - 5 = -2
    # and G = 5 x 3 = 15. At the optimum 15: b <= floor(0 / 2) = 0. At the value 13 of a = 2, b = 1: b <= 1 (b = 2
    # leaves a <= 1 and at most 11). a has reduced cost 0: no bound.
    lin = Programma()
    a, b = lin.kolom(0, 5), lin.kolom(0, 5)
    lin.rij([(a, 1), (b, 1)], boven=3)
    kosten = gereduceerd.kosten(lin, [], lin.onder, lin.boven, {a: 5, b: 3}, True)
    assert kosten is not None
    assert kosten.grenzen(15, lin.onder, lin.boven, lin.geheel) == {b: (0, 0)}
    assert kosten.grenzen(13, lin.onder, lin.boven, lin.geheel) == {b: (0, 1)}
    # the same as a minimisation of the negated objective
    kosten = gereduceerd.kosten(lin, [], lin.onder, lin.boven, {a: -5, b: -3}, False)
    assert kosten is not None
    assert kosten.grenzen(-13, lin.onder, lin.boven, lin.geheel) == {b: (0, 1)}


def _willekeurig(rnd: random.Random) -> tuple[Programma, dict[int, int], bool]:
    """3-4 whole columns in [0, 3-4], 2-3 rows with whole coefficients (some negative, some equalities)."""
    lin = Programma()
    n = rnd.randint(3, 4)
    for _ in range(n):
        lin.kolom(rnd.randint(0, 1), rnd.randint(3, 4))
    for _ in range(rnd.randint(2, 3)):
        termen = [(j, rnd.randint(-3, 6)) for j in range(n) if rnd.random() < 0.8]
        if rnd.random() < 0.2:
            lin.rij(termen, 6, 6)
        else:
            lin.rij(termen, rnd.choice([-float("inf"), -2]), rnd.randint(4, 12))
    return lin, {j: rnd.randint(-20, 40) for j in range(n)}, rnd.random() < 0.5


def test_no_point_at_least_as_good_is_cut_off() -> None:
    rnd = random.Random(24)
    getoetst = aangescherpt = 0
    for _ in range(300):
        lin, doel, maximaliseer = _willekeurig(rnd)
        punten = [
            w
            for w in itertools.product(
                *(range(int(lo), int(hi) + 1) for lo, hi in zip(lin.onder, lin.boven, strict=True))
            )
            if _toegestaan(lin, list(w))
        ]
        kosten = gereduceerd.kosten(lin, [], lin.onder, lin.boven, doel, maximaliseer)
        if not punten or kosten is None:
            continue
        teken = 1 if maximaliseer else -1
        waarde = {w: sum(c * w[j] for j, c in doel.items()) for w in punten}
        for drempel in {max(teken * v for v in waarde.values()), teken * waarde[rnd.choice(punten)]}:
            nieuw = kosten.grenzen(teken * drempel, lin.onder, lin.boven, lin.geheel)
            aangescherpt += bool(nieuw)
            for w in punten:
                if teken * waarde[w] >= drempel:
                    assert all(lo <= w[j] <= hi for j, (lo, hi) in nieuw.items()), (lin, doel, w, nieuw)
        getoetst += 1
    assert getoetst >= 150 and aangescherpt >= 100, (getoetst, aangescherpt)


AANGESCHERPT: list[int] = []  # examples where the bounds changed something


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(p=klassen_met_budget())
def _zelfde_stapwaarden(p: Verdeelprobleem) -> None:
    if vooraf(p) or not p.budget:
        return
    p = replace(p, regels=p.regels.model_copy(update={"min_volume": 3}))
    o = bouw(p, samengevoegde_klassen(p, budget_apart=False), budget=True, budget_binnen=True)
    try:
        _, zonder = lexicografisch(HighsMotor(o.lin, None), o, stappen=3)
    except Onhaalbaar:
        return
    m = HighsMotor(o.lin, None)
    _, highs = lexicografisch(m, o, stappen=3, vastzetten=True)
    _, cbc = lexicografisch(motor("cbc", o.lin, None, warm=True), o, stappen=3, vastzetten=True)
    assert highs == cbc == zonder
    lp = m.h.getLp()
    if list(lp.col_lower_) != o.lin.onder or list(lp.col_upper_) != o.lin.boven:
        AANGESCHERPT.append(1)


def test_budget_relaxation_same_stage_values_with_the_bounds() -> None:
    AANGESCHERPT.clear()
    _zelfde_stapwaarden()
    assert len(AANGESCHERPT) >= 20, len(AANGESCHERPT)


def test_an_engine_status_without_meaning_gives_no_bounds_and_no_error() -> None:
    lin = Programma()
    a, b = lin.kolom(0, 5), lin.kolom(0, 5)
    lin.rij([(a, 1), (b, 1)], boven=3)

    def weigert(*args, **kwargs):
        raise Oplosserfout("HiGHS", "kIterationLimit", "een iteratielimiet")

    with patch.object(HighsMotor, "los", weigert):
        assert gereduceerd.kosten(lin, [], lin.onder, lin.boven, {a: 5, b: 3}, True) is None


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(p=regionale_aanbestedingen())
def test_per_subregio_relaxation_same_stage_values_with_the_bounds(p: Verdeelprobleem) -> None:
    """The relaxation under per_subregio (one class per subregio, x continuous in stage 1) takes the bounds too."""
    if vooraf(p) or not p.regels.per_subregio:
        return
    o = bouw(p, subregioklassen(p), subregio="klasse", budget=True)
    try:
        _, zonder = lexicografisch(HighsMotor(o.lin, None), o, stappen=3, tu=True)
    except Onhaalbaar:
        return
    _, met = lexicografisch(HighsMotor(o.lin, None), o, stappen=3, tu=True, vastzetten=True)
    assert met == zonder


def test_national_per_subregio_relaxation_takes_the_bounds_and_publishes_the_same() -> None:
    regels, begroting = landelijk.regelset("per_subregio")
    p = landelijk.probleem("Z", 7, regels, begroting)
    echt = gereduceerd.kosten
    aanroepen: list[bool] = []

    def tel(*args, **kwargs):
        uit = echt(*args, **kwargs)
        aanroepen.append(uit is not None)
        return uit

    with patch.object(gereduceerd, "kosten", tel):
        met = verdeel_exact(p, "auto", None)
    assert aanroepen == [True, True]  # after stages 1 and 2 of the relaxation
    with patch.object(gereduceerd, "kosten", lambda *a, **k: None):
        zonder = verdeel_exact(p, "auto", None)
    assert (met.doelwaarden, met.toewijzing, met.pad) == (zonder.doelwaarden, zonder.toewijzing, zonder.pad)

"""The branch-and-price prototype of bench/budget_bp.py (bench/METINGEN.md, "Meting van 5 december 2026, avond (budget in iedere
gemeente, vertakken op de master)"): on stage 4 with a budget in every gemeente it proves the same optimum as HiGHS on
the stage-4 MIP, and the allocation it returns meets every row of that model."""

from __future__ import annotations

import importlib
import random
import sys

from evaluatie.definitie.model import Verdeelregels
from evaluatie.verdeling.matrix import HighsMotor, Uitkomst, doelwaarde
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem
from evaluatie.verdeling.opbouw import Opbouw, bouw
from evaluatie.verdeling.pad import gemeenteklassen
from tests.hulp import REPO
from tests.test_bench_budgetpatroon import _stap4

sys.path.insert(0, str(REPO / "bench"))
budget_bp = importlib.import_module("budget_bp")  # bench scripts are not a package


def _voldoet(o: Opbouw, x: list[int]) -> bool:
    """x meets every bound and row of the stage-4 model (demand, budget, totals), exactly in integers."""
    if any(not (o.lin.onder[j] <= v <= o.lin.boven[j]) for j, v in enumerate(x)):
        return False
    return all(lo <= sum(c * x[j] for j, c in zip(js, cs, strict=True)) <= hi for js, cs, lo, hi in o.lin.rijen)


def _willekeurig(rnd: random.Random) -> tuple[Verdeelprobleem, Opbouw]:
    """6-9 gemeenten with a budget of 9,300 euro per inburgeraar, 3-5 suppliers at 8,000-10,000 euro (the first at
    most 9,300), each serving a random part of the gemeenten; the totals those of a random allocation within every
    budget, so stage 4 is feasible."""
    gemeenten = [f"G{i}" for i in range(rnd.randint(6, 9))]
    vraag = {g: rnd.randint(1, 12) for g in gemeenten}
    lev = []
    for rang in range(rnd.randint(3, 5)):
        prijs = float(rnd.randint(80, 93 if rang == 0 else 100) * 100)
        bediend = tuple(g for g in gemeenten if rang == 0 or rnd.random() < 0.7)
        lev.append(Leverancier(f"S{rang}", 90.0 - rang, prijs, 1000, bediend, rang))
    p = Verdeelprobleem(
        "B1",
        "B1",
        vraag,
        dict.fromkeys(vraag, "R"),
        tuple(lev),
        Verdeelregels(),
        {g: d * 9300.0 for g, d in vraag.items()},
    )
    totalen = dict.fromkeys(range(len(lev)), 0)
    for g, d in vraag.items():
        wie = [si for si, s in enumerate(lev) if g in s.gemeenten]
        for _ in range(50):
            deel = [rnd.choice(wie) for _ in range(d)]
            if sum(lev[si].prijs for si in deel) <= d * 9300:
                break
        else:
            deel = [0] * d  # supplier 0 is within every budget on its own
        for si in deel:
            totalen[si] += 1
    return p, bouw(
        p, gemeenteklassen(p), per_gemeente=True, budget=True, totalen={s: n for s, n in totalen.items() if n}
    )


def _highs(o: Opbouw) -> int:
    m = HighsMotor(o.lin, None)
    assert m.los(o.doelen[3], True) == Uitkomst.OPTIMAAL
    return doelwaarde(o.doelen[3], [round(v) for v in m.h.getSolution().col_value])


def test_hand_voorbeeld_in_de_wortel_bewezen() -> None:
    """The example of test_bench_budgetpatroon: the hull bound is the optimum 19, so the root's master is integral."""
    p, o = _stap4()
    beste, bewezen, x, knopen = budget_bp.vertak(p, o, budget_bp.Opties(melden=10**9))
    assert (beste, bewezen, knopen) == (19, True, 1)
    assert x is not None and doelwaarde(o.doelen[3], x) == 19 and _voldoet(o, x)


def test_zelfde_optimum_als_highs_ook_met_vertakken() -> None:
    rnd = random.Random(20261205)
    vertakt = 0
    for _ in range(25):
        p, o = _willekeurig(rnd)
        beste, bewezen, x, knopen = budget_bp.vertak(p, o, budget_bp.Opties(melden=10**9))
        assert bewezen
        assert beste == _highs(o)
        assert x is not None and doelwaarde(o.doelen[3], x) == beste and _voldoet(o, x)
        vertakt += knopen > 1
    assert vertakt > 0  # the search below the root is exercised, not only the root

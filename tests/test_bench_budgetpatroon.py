"""The bounds of bench/budgetpatroon.py (bench/METINGEN.md, "Meting van 5 december 2026, avond (budget in iedere gemeente)") on a
stage 4 small enough to solve by hand: the bound from every gemeente's own integer set lies below the LP and is never
below the optimum, and bound tightening from it keeps the optimal allocation."""

from __future__ import annotations

import importlib
import sys

from evaluatie.definitie.model import Verdeelregels
from evaluatie.verdeling.matrix import HighsMotor
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem
from evaluatie.verdeling.opbouw import Opbouw, bouw
from evaluatie.verdeling.pad import gemeenteklassen
from tests.hulp import REPO

sys.path.insert(0, str(REPO / "bench"))
budgetpatroon = importlib.import_module("budgetpatroon")  # bench scripts are not a package


def _stap4() -> tuple[Verdeelprobleem, Opbouw]:
    """A and B (in this order) need 2 each, budget 9,300 euro per inburgeraar (18,600 each). S1 9,800, S2 9,000,
    S3 8,600 euro, ranks 0-2; totals S1 1, S2 1, S3 2.

    Stage-4 weights (R - rank) x (C - position)^2, R = 3, C = 2: A 12 / 8 / 4, B 3 / 2 / 1. With A's amounts
    (a1, a2, a3), B gets (1 - a1, 1 - a2, a1 + a2) and the objective is 13 + 6 a1 + 3 a2. A's budget row reads
    1200 a1 + 400 a2 <= 1400 (euro above 8,600 per inburgeraar), B's 1200 a1 + 400 a2 >= 200.
    Integers: A (S1, S3) 19, A (S2, S3) 16; (S1, S2) breaks A's budget, (S3, S3) B's. Optimum 19.
    LP: a2 = 1 first (3 per 400 euro against 6 per 1,200), then a1 = 1000 / 1200: 13 + 5 + 3 = 21.
    Every gemeente's own integer set (the totals bound each cell: at most 1 of S1 and of S2): A's pairs (S1, S3),
    (S2, S3), (S3, S3), so a1 + a2 <= 1 on A's hull; B's hull the same, so (1 - a1) + (1 - a2) <= 1. Together
    a1 + a2 = 1, best at a1 = 1: the bound of the hulls is 19, the optimum, against the LP's 21."""
    lev = tuple(
        Leverancier(naam, 70.0, prijs, 10, ("A", "B"), rang)
        for rang, (naam, prijs) in enumerate([("S1", 9800.0), ("S2", 9000.0), ("S3", 8600.0)])
    )
    vraag = {"A": 2, "B": 2}
    p = Verdeelprobleem(
        "B1", "B1", vraag, dict.fromkeys(vraag, "R"), lev, Verdeelregels(), {g: 2 * 9300.0 for g in vraag}
    )
    return p, bouw(p, gemeenteklassen(p), per_gemeente=True, budget=True, totalen={0: 1, 1: 1, 2: 2})


def test_omhulling_per_gemeente_tussen_lp_en_optimum() -> None:
    p, o = _stap4()
    lp = HighsMotor(o.lin, None)
    lp.zet_geheel(sorted(lp.gehele), False)
    lp.los(o.doelen[3], True)
    assert lp.h.getInfo().objective_function_value == 21
    master, grens, _, x = budgetpatroon.kolommen(p, o, 20, geheel=True)
    assert round(master) == 19
    assert grens >= 19  # L(lam) is an upper bound for every lam
    assert grens < 20  # and here as strong as the hull, below the LP's 21
    assert x is not None and sum(o.doelen[3][j] * v for j, v in enumerate(x)) == 19


def test_vastzetten_houdt_het_optimum() -> None:
    """Prices (0, -1, 0) on the totals: A's cells are worth 12 / 9 / 4, so its pairs (S1, S3) 16, (S2, S3) 13,
    (S3, S3) 8; B's 3 / 3 / 1: (S1, S3) and (S2, S3) 4, (S3, S3) 2. L = -1 x 1 + 16 + 4 = 19, the optimum: with the
    optimum known the gap is 0, so A keeps its best pair only, and B its two best, both with one S3."""
    p, o = _stap4()
    nieuw = budgetpatroon.fixeer(p, o, {0: 0, 1: -1, 2: 0}, 19, stappen=True)
    a1, a2, a3, b3 = o.x[0, 0], o.x[0, 1], o.x[0, 2], o.x[1, 2]
    assert nieuw == {a1: (1, 1), a2: (0, 0), a3: (1, 1), b3: (1, 1)}  # the optimum: A (S1, S3), B (S2, S3)

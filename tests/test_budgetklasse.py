"""Gemeenten with a budget inside their merged class (evaluatie.verdeling.budgetklasse), against the full model.

The relaxation of stages 1-3 with budgets only keeps every gemeente in its merged class and writes each budget
row through columns of the gemeente's own within the class. It must be the same model as one class per
gemeente with a budget: a hand example, and seeded random tenders where merged classes hold gemeenten with and
without a budget, checked stage by stage against the full model per gemeente with every column integer.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluatie.definitie.model import Verdeelregels
from evaluatie.prijs.precisie import punten
from evaluatie.verdeling.diagnose import vooraf
from evaluatie.verdeling.matrix import HighsMotor
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem
from evaluatie.verdeling.opbouw import bouw
from evaluatie.verdeling.pad import STAP4, TRANSPORT, Onhaalbaar, lexicografisch, samengevoegde_klassen, verdeel_exact
from tests.test_verdeling_subregio import geheel_model


def _hand() -> Verdeelprobleem:
    # One class: G1 (4 inburgeraars, budget 9,000 each) and G2 (6, no budget), both served by A (value 90,
    # 10,000 euro) and B (value 60, 8,000 euro), capacity 10 each. Stage 1 gives A all it can: all of G2, and in
    # G1 a x 10,000 + (4 - a) x 8,000 <= 36,000, so a <= 2. A gets 8, B gets 2 (both in G1).
    a = Leverancier("A", 90.0, 10_000.0, 10, ("G1", "G2"), 0)
    b = Leverancier("B", 60.0, 8_000.0, 10, ("G1", "G2"), 1)
    budget = {"G1": 36_000.0}
    regels = Verdeelregels(budget_per_gemeente=budget)
    return Verdeelprobleem("B1", "B1-route", {"G1": 4, "G2": 6}, {"G1": "R", "G2": "R"}, (a, b), regels, budget)


def test_hand_example_one_class_with_a_budget_gemeente() -> None:
    p = _hand()
    ks = samengevoegde_klassen(p, budget_apart=False)
    assert [k.gemeenten for k in ks] == [("G1", "G2")]  # the budget gemeente stays in its class
    o = bouw(p, ks, budget=True, budget_binnen=True)
    waarden, behaald = lexicografisch(HighsMotor(o.lin, None), o, stappen=3)
    assert o.totalen(waarden) == {0: 8, 1: 2}
    assert behaald[0] == 8 * punten(90.0) + 2 * punten(60.0)
    v = verdeel_exact(p, "highs", None)
    assert {(t.gemeente, t.inschrijver): t.aantal for t in v.toewijzing} == {
        ("G1", "A"): 2,
        ("G1", "B"): 2,
        ("G2", "A"): 6,
    }
    assert sum(t.kosten for t in v.toewijzing if t.gemeente == "G1") == 36_000.0


def test_hand_example_without_the_rows_the_budget_is_lost() -> None:
    """Not vacuous: the class without the budget columns gives A all 10 (what the rows of budgetklasse prevent)."""
    p = _hand()
    o = bouw(p, samengevoegde_klassen(p, budget_apart=False), budget=True)  # summed row only where all have one
    waarden, _ = lexicografisch(HighsMotor(o.lin, None), o, stappen=3)
    assert o.totalen(waarden) == {0: 10, 1: 0}


@st.composite
def klassen_met_budget(draw: st.DrawFn) -> Verdeelprobleem:
    """2 groups of 2-4 gemeenten (every bidder serves whole groups, so each group is one merged class); a budget
    in some gemeenten only, from tight to loose; 2-5 bidders; sometimes min_volume and max_aandeel."""
    regio = {f"G{r}{i}": f"R{r}" for r in range(2) for i in range(draw(st.integers(2, 4)))}
    vraag = {g: draw(st.integers(1, 8)) for g in regio}
    leveranciers = []
    for _ in range(draw(st.integers(2, 5))):
        groepen = draw(st.sampled_from([("R0",), ("R1",), ("R0", "R1")]))
        waarde = draw(st.integers(6000, 9500)) / 100
        prijs = float(draw(st.integers(80, 100)) * 100)
        bediend = tuple(g for g in regio if regio[g] in groepen)
        leveranciers.append((waarde, prijs, draw(st.integers(4, 40)), bediend))
    leveranciers.sort(key=lambda t: -t[0])
    lev = tuple(Leverancier(f"S{i}", w, p, c, b, i) for i, (w, p, c, b) in enumerate(leveranciers))
    budget = {g: float(d * draw(st.integers(82, 94)) * 100) for g, d in vraag.items() if draw(st.booleans())}
    regels = Verdeelregels(
        max_aandeel=draw(st.sampled_from([None, 0.6])),
        min_volume=draw(st.sampled_from([None, 3])),
        budget_per_gemeente=budget,
    )
    return Verdeelprobleem("B1", "B1-route", vraag, regio, lev, regels, budget)


BINDT: list[int] = []  # examples where the budgets change stage 1 (the rows matter)
GETOETST: list[int] = []  # examples with an allocation, compared stage by stage


@settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(p=klassen_met_budget())
def _gelijk_aan_het_volledige_model(p: Verdeelprobleem) -> None:
    if vooraf(p) or not p.budget:
        return
    geheel = geheel_model(p)
    try:
        snel = verdeel_exact(p, "highs", None)
    except Onhaalbaar:
        snel = None
    assert (snel is None) == (geheel is None)
    if snel is None or geheel is None:
        return
    assert snel.doelwaarden == geheel
    # the relaxation is the real model of stages 1-3: its totals always split, never the full model after it
    assert snel.pad in (STAP4, TRANSPORT)
    o = bouw(p, samengevoegde_klassen(p, budget_apart=False), budget=True, budget_binnen=True)
    assert tuple(lexicografisch(HighsMotor(o.lin, None), o, stappen=3)[1]) == geheel[:3]
    GETOETST.append(1)
    for g, b in p.budget.items():
        assert sum(t.kosten for t in snel.toewijzing if t.gemeente == g) <= b + 1e-6
    zonder = bouw(p, samengevoegde_klassen(p, budget_apart=False), budget=False)
    try:
        _, los = lexicografisch(HighsMotor(zonder.lin, None), zonder, stappen=1)
    except Onhaalbaar:
        return
    if los[0] != geheel[0]:
        BINDT.append(1)


def test_same_stage_values_as_the_full_model() -> None:
    BINDT.clear()
    GETOETST.clear()
    _gelijk_aan_het_volledige_model()
    assert len(GETOETST) >= 40 and len(BINDT) >= 10, (len(GETOETST), len(BINDT))


@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(p=klassen_met_budget())
def test_cbc_same_stage_values_as_the_full_model(p: Verdeelprobleem) -> None:
    """The same on CBC (which takes the relaxation with budgets on larger tenders)."""
    if vooraf(p) or not p.budget:
        return
    geheel = geheel_model(p)
    try:
        snel = verdeel_exact(p, "cbc", None)
    except Onhaalbaar:
        snel = None
    assert (snel is None) == (geheel is None)
    assert snel is None or snel.doelwaarden == geheel

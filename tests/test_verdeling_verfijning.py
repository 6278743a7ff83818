"""max_leveranciers_per_gemeente written out only where needed (evaluatie.verdeling.verfijning, path
'verfijnde relaxatie'): two small tenders where the path is taken, optimum derived by hand, and checked
against the full model with every column integer (an independent formulation: the rule in every gemeente).

Both have one subregio, gemeenten A and B (A first in the tender), every bidder serving both, so the
relaxation merges A and B into one class. K = 1. Stage values by hand, with R = 3 suppliers and C = 2
gemeenten: waarde = punten(value) x n, rangvoorkeur = (3 - rank) x n, kosten = price in cents x n,
volgorde = (3 - rank) x (2 - position)^2 x n.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluatie.definitie.model import Verdeelregels
from evaluatie.verdeling import pad
from evaluatie.verdeling.diagnose import vooraf
from evaluatie.verdeling.matrix import HighsMotor
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem
from evaluatie.verdeling.opbouw import Opbouw, bouw
from evaluatie.verdeling.pad import VERFIJND, VOLLEDIG, Onhaalbaar, _los, verdeel_exact
from evaluatie.verdeling.verfijning import apart_zetten, overschreden, start, te_krap, voorstel
from tests.test_verdeling_subregio import geheel_model, snel_en_geheel


def _probleem(vraag: dict[str, int], capaciteit: tuple[int, int, int]) -> Verdeelprobleem:
    """S1 (value 90, 9,000 euro), S2 (80, 8,000), S3 (70, 7,000), ranked in that order; K = 1."""
    lev = tuple(
        Leverancier(f"S{i + 1}", w, prijs, cap, tuple(vraag), i)
        for i, (w, prijs, cap) in enumerate(zip((90.0, 80.0, 70.0), (9000.0, 8000.0, 7000.0), capaciteit, strict=True))
    )
    return Verdeelprobleem(
        "B1", "B1-route", vraag, dict.fromkeys(vraag, "R"), lev, Verdeelregels(max_leveranciers_per_gemeente=1)
    )


def _rondes(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The gemeenten set apart in every round of stages 1-3, in order."""
    gezien: list[list[str]] = []

    def spion(p, ks, apart):
        gezien.append(sorted(apart))
        return apart_zetten(p, ks, apart)

    monkeypatch.setattr(pad, "apart_zetten", spion)
    return gezien


@pytest.mark.parametrize("oplosser", ["highs", "cbc", "auto"])
def test_grote_gemeente_apart_gezet(monkeypatch: pytest.MonkeyPatch, oplosser: str) -> None:
    """A 10, B 2; capacities S1 6, S2 6, S3 12. Without K: S1 6, S2 6. With K = 1, A needs one supplier
    of at least 10: only S3; B goes to the best, S1. The merged class's amounts (6, 6) cannot serve A
    (10 > 6): A is set apart with the rule, the relaxation solved again (S1 2, S3 10). Stage 4 without
    the rule would split A (S1 2 + S3 8, the better-ranked S1 in the earlier gemeente), so the rule is
    switched on in A and the answer is A: S3 10, B: S1 2.
    Stages by hand: waarde 10 x 700,000 + 2 x 900,000 = 8,800,000; rangvoorkeur 10 x 1 + 2 x 3 = 16;
    kosten 10 x 700,000 + 2 x 900,000 = 8,800,000; volgorde 1 x 4 x 10 + 3 x 1 x 2 = 46."""
    rondes = _rondes(monkeypatch)
    p = _probleem({"A": 10, "B": 2}, (6, 6, 12))
    v = verdeel_exact(p, oplosser, None)
    assert v.pad == VERFIJND
    assert rondes == [[], ["A"]]
    assert {(t.gemeente, t.inschrijver): t.aantal for t in v.toewijzing} == {("A", "S3"): 10, ("B", "S1"): 2}
    assert v.doelwaarden == (8_800_000, 16, 8_800_000, 46)
    assert geheel_model(p) == v.doelwaarden
    assert verdeel_exact(p, "highs", None, pad=VOLLEDIG).doelwaarden == v.doelwaarden


@pytest.mark.parametrize("oplosser", ["highs", "cbc", "auto"])
def test_totalen_onhaalbaar_dan_gemeenten_apart(monkeypatch: pytest.MonkeyPatch, oplosser: str) -> None:
    """A 5, B 5; capacities S1 7, S2 3, S3 10. The relaxation gives S1 7, S2 3 (value 870 x 10 against
    840 with S3), and those amounts pass the necessary condition (5 <= 7, 10 <= 7 + 3), but with one
    supplier per gemeente 7 and 3 cannot make 5 and 5: stage 4 with the rule in the gemeenten that
    broke it is infeasible, so those gemeenten (A and B) are set apart and the relaxation is solved
    again: one supplier of at least 5 each, S2 cannot; S1 gets A (ranked better, A listed first), S3 B.
    Stages by hand: waarde 5 x 900,000 + 5 x 700,000 = 8,000,000; rangvoorkeur 5 x 3 + 5 x 1 = 20;
    kosten 5 x 900,000 + 5 x 700,000 = 8,000,000; volgorde 3 x 4 x 5 + 1 x 1 x 5 = 65."""
    rondes = _rondes(monkeypatch)
    p = _probleem({"A": 5, "B": 5}, (7, 3, 10))
    v = verdeel_exact(p, oplosser, None)
    assert v.pad == VERFIJND
    assert rondes == [[], ["A", "B"]]
    assert {(t.gemeente, t.inschrijver): t.aantal for t in v.toewijzing} == {("A", "S1"): 5, ("B", "S3"): 5}
    assert v.doelwaarden == (8_000_000, 20, 8_000_000, 65)
    assert geheel_model(p) == v.doelwaarden
    assert verdeel_exact(p, "highs", None, pad=VOLLEDIG).doelwaarden == v.doelwaarden


def test_stap4_met_de_regel_zonder_herstart_sprong_en_snedes_in_knopen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tender of `test_grote_gemeente_apart_gezet`: stage 4 needs the rule in A, a MIP of the verfijnde relaxatie.
    That MIP runs with HiGHS's options of `pad.OPTIES_K` (no restart, no feasibility jump, no cuts below the root;
    bench/METINGEN.md, meting van 5 december 2026, ochtend (verdeling)), and the allocation is still the one derived by hand
    there and the full model's."""
    gezien: list[dict[str, object]] = []
    los = HighsMotor.los

    def spion(self, doel, maximaliseer, start=None):  # type: ignore[no-untyped-def]
        if self.mip and self.n > len(self.gehele):  # stage 4 of the rounds: x continuous, the 0/1 columns integer
            gezien.append({optie: self.h.getOptionValue(optie)[1] for optie, _ in pad.OPTIES_K})
        return los(self, doel, maximaliseer, start)

    monkeypatch.setattr(HighsMotor, "los", spion)
    p = _probleem({"A": 10, "B": 2}, (6, 6, 12))
    v = verdeel_exact(p, "highs", None)
    assert v.pad == VERFIJND
    assert gezien and all(opties == dict.fromkeys(opties, False) for opties in gezien)
    assert {(t.gemeente, t.inschrijver): t.aantal for t in v.toewijzing} == {("A", "S3"): 10, ("B", "S1"): 2}
    assert v.doelwaarden == (8_800_000, 16, 8_800_000, 46)
    assert geheel_model(p) == v.doelwaarden


def _voldoet(o: Opbouw, w: list[int]) -> bool:
    """Does the vector `w` meet every bound and every row of the model `o` (integral values, so exactly)?"""
    lin = o.lin
    if any(not lo <= v <= hi for v, lo, hi in zip(w, lin.onder, lin.boven, strict=True)):
        return False
    return all(lo <= sum(c * w[j] for j, c in zip(ix, cs, strict=True)) <= hi for ix, cs, lo, hi in lin.rijen)


def test_stap4_begint_bij_het_voorstel(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tender of `test_grote_gemeente_apart_gezet`, stage 4 with totals S1 2, S3 10. The transportation LP splits
    A (S1 2 + S3 8, the better-ranked S1 in the earlier gemeente): two suppliers, K = 1. The start (verfijning.
    voorstel) keeps A's largest cell, S3, takes S1 out of A and solves the LP again: A S3 10, B S1 2, which meets
    K everywhere. The MIP of the next round (the rule in A) gets exactly that as its start, with A's 0/1 column of
    S3 at 1 and that of S1 at 0 (S2, total 0, has no column); its proven optimum is the same allocation (by hand
    there)."""
    starts: list[tuple[Opbouw, list[int]]] = []
    bouw_echt, los = pad.bouw, HighsMotor.los
    gebouwd: list[Opbouw] = []

    def bouw_spion(*args, **kwargs):  # type: ignore[no-untyped-def]
        gebouwd.append(bouw_echt(*args, **kwargs))
        return gebouwd[-1]

    def los_spion(self, doel, maximaliseer, start=None):  # type: ignore[no-untyped-def]
        if start is not None and self.mip and self.n > len(self.gehele):
            starts.append((gebouwd[-1], list(start)))
        return los(self, doel, maximaliseer, start)

    monkeypatch.setattr(pad, "bouw", bouw_spion)
    monkeypatch.setattr(HighsMotor, "los", los_spion)
    p = _probleem({"A": 10, "B": 2}, (6, 6, 12))
    v = verdeel_exact(p, "highs", None)
    assert v.pad == VERFIJND
    assert len(starts) == 1
    o, w = starts[0]
    a, b = (ci for ci, k in enumerate(o.ks) if k.gemeenten in (("A",), ("B",)))  # A first in the tender
    assert o.cellen(w) == {(a, 2): 10, (b, 0): 2}  # S3 is supplier index 2, S1 index 0
    assert {cel: w[z] for cel, z in o.k_z.items()} == {(a, 0): 0, (a, 2): 1}  # S2's total is 0: no column
    assert _voldoet(o, w)
    assert {(t.gemeente, t.inschrijver): t.aantal for t in v.toewijzing} == {("A", "S3"): 10, ("B", "S1"): 2}
    assert v.doelwaarden == (8_800_000, 16, 8_800_000, 46)


def test_te_krap_en_overschreden() -> None:
    """The necessary condition per class: the t largest gemeenten need at most K x t suppliers."""
    p = _probleem({"A": 10, "B": 2, "C": 2}, (6, 6, 12))
    klasse = pad.samengevoegde_klassen(p)
    assert [k.gemeenten for k in klasse] == [("A", "B", "C")]
    # amounts 6, 6, 2: A (10) > 6 with K = 1
    assert te_krap(p, klasse, {(0, 0): 6, (0, 1): 6, (0, 2): 2}, 1) == {"A"}
    # with K = 2 the two largest amounts make 12 >= 10, A and B together 12 <= 14, all three 14 <= 14
    assert te_krap(p, klasse, {(0, 0): 6, (0, 1): 6, (0, 2): 2}, 2) == set()
    # amounts 12, 1, 1 with K = 1: A 10 <= 12, A and B 12 <= 13, all 14 <= 14: passes
    assert te_krap(p, klasse, {(0, 0): 12, (0, 1): 1, (0, 2): 1}, 1) == set()
    apart = apart_zetten(p, klasse, {"A"})
    assert [(k.gemeenten, k.vraag) for k in apart] == [(("A",), 10), (("B", "C"), 4)]
    # a class of one gemeente: more than K suppliers
    assert te_krap(p, apart, {(0, 0): 5, (0, 1): 5, (1, 2): 4}, 1) == {"A"}
    assert overschreden({(0, 0): 5, (0, 1): 5, (1, 2): 4}, 1) == {0}


@st.composite
def samengevoegde_aanbestedingen(draw: st.DrawFn) -> Verdeelprobleem:
    """1-2 subregio's of 2-4 gemeenten with skewed demand; 2-5 bidders, each serving whole subregio's
    (so the relaxation merges every subregio into one class); K = 1 or 2; small capacities, sometimes
    min_volume and max_aandeel, sometimes a budget in one gemeente: the rule binds often, in gemeenten
    of merged classes."""
    regio: dict[str, str] = {}
    for r in range(draw(st.integers(1, 2))):
        for i in range(draw(st.integers(2, 4))):
            regio[f"G{r}{i}"] = f"R{r}"
    vraag = {g: draw(st.sampled_from([1, 2, 3, 5, 8, 13, 21])) for g in regio}
    regios = sorted(set(regio.values()))
    leveranciers = []
    for _ in range(draw(st.integers(2, 5))):
        hele = [r for r in regios if draw(st.booleans())] or [draw(st.sampled_from(regios))]
        waarde = draw(st.integers(6000, 9500)) / 100
        prijs = float(draw(st.integers(80, 100)) * 100)
        bediend = tuple(g for g in regio if regio[g] in hele)
        leveranciers.append((waarde, prijs, draw(st.integers(2, 25)), bediend))
    leveranciers.sort(key=lambda t: -t[0])
    lev = tuple(Leverancier(f"S{i}", w, p, c, b, i) for i, (w, p, c, b) in enumerate(leveranciers))
    budget = {}
    if draw(st.booleans()):
        g = draw(st.sampled_from(sorted(regio)))
        budget[g] = float(vraag[g] * draw(st.integers(85, 100)) * 100)
    regels = Verdeelregels(
        max_leveranciers_per_gemeente=draw(st.sampled_from([1, 2])),
        max_aandeel=draw(st.sampled_from([None, 0.6])),
        min_volume=draw(st.sampled_from([None, 3])),
        budget_per_gemeente=budget,
    )
    return Verdeelprobleem("B1", "B1-route", vraag, regio, lev, regels, budget)


@settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(p=samengevoegde_aanbestedingen())
def test_verfijning_gelijk_aan_het_volledige_model(p: Verdeelprobleem) -> None:
    """The same four stage values as the full model with every column integer, or both infeasible;
    and the allocation meets the rule in every gemeente."""
    if vooraf(p):
        return
    snel, _ = snel_en_geheel(p)
    if snel is None:
        return
    k = p.regels.max_leveranciers_per_gemeente
    assert k is not None and all(len(c) <= k for c in snel.per_gemeente().values())


@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(p=samengevoegde_aanbestedingen())
def test_voorstel_is_een_toegestane_start_van_iedere_ronde(p: Verdeelprobleem) -> None:
    """Random merged tenders with their proven totals: where `verfijning.voorstel` gives an allocation, it meets K in
    every gemeente with exactly those totals, and `verfijning.start` of it meets every row and bound of the stage-4
    model with the rule in every gemeente (so of every round, which has the rule in fewer). A wrong start would only
    cost time (HiGHS proves each round), but it must be a start. The tenders' budgets are left out (with one, an LP
    vertex need not be integral and there is no start); of the 80 tenders, 31 reach `voorstel`, and it gives an
    allocation for all 31."""
    p = replace(p, regels=p.regels.model_copy(update={"budget_per_gemeente": {}}), budget={})
    if vooraf(p):
        return
    try:
        v = verdeel_exact(p, "highs", None)
    except Onhaalbaar:
        return
    k = p.regels.max_leveranciers_per_gemeente
    assert k is not None
    ks = pad.gemeenteklassen(p)
    per_naam = {s.naam: si for si, s in enumerate(p.leveranciers)}
    totalen: dict[int, int] = {}
    for t in v.toewijzing:
        totalen[per_naam[t.inschrijver]] = totalen.get(per_naam[t.inschrijver], 0) + t.aantal
    transport = bouw(p, ks, budget=True, totalen=totalen)
    m = HighsMotor(transport.lin, None)
    cellen = transport.cellen(_los(m, transport.doelen[3], True, None, transport.tu))
    uit = voorstel(p, transport, m, cellen, k)
    if uit is None:
        return
    assert not overschreden(uit, k)
    assert all(sum(n for (ci, _), n in uit.items() if ci == c) == kl.vraag for c, kl in enumerate(ks))
    assert {si: sum(n for (_, s), n in uit.items() if s == si) for si in totalen} == totalen
    alle = bouw(p, ks, per_gemeente=True, budget=True, totalen=totalen)
    assert _voldoet(alle, start(alle, uit))

"""Property test (issue #24): per_subregio and a budget in every gemeente, on tenders with several
subregio's and bidders that serve only part of a subregio, against the full model per gemeente.

The full model (every rule over single gemeenten, built once, solved stage by stage, every column
integer) is the definition; the fast path and the library's full-model path (whose stage 1 and
stage-4 MIP treat x as continuous where the rest is totally unimodular, `Opbouw.tu`) must reach
the same value at every stage, or all must find no allocation. Seeded (derandomize): the same
examples on every run.
"""

from __future__ import annotations

import dataclasses
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluatie.definitie.model import Verdeelregels
from evaluatie.verdeling.diagnose import vooraf
from evaluatie.verdeling.matrix import HighsMotor
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem, Verdeling
from evaluatie.verdeling.opbouw import bouw
from evaluatie.verdeling.pad import (
    PADEN,
    STAP4_SUBREGIO,
    VOLLEDIG,
    Onhaalbaar,
    gemeenteklassen,
    lexicografisch,
    verdeel_exact,
)


def geheel_model(p: Verdeelprobleem) -> tuple[int, ...] | None:
    """The four stage values of the full model with every column integer (no `Opbouw.tu`), or None."""
    r = p.regels
    o = bouw(p, gemeenteklassen(p), per_gemeente=True, budget=True, subregio="gemeente" if r.per_subregio else "nee")
    try:
        return tuple(lexicografisch(HighsMotor(o.lin, None), o)[1])
    except Onhaalbaar:
        return None


def snel_en_geheel(p: Verdeelprobleem) -> tuple[Verdeling | None, tuple[int, ...] | None]:
    """The fast path's allocation (HiGHS) and the all-integer full model's stage values, each None when
    infeasible; asserts that both agree on feasibility and, where feasible, on all four stage values."""
    try:
        snel = verdeel_exact(p, "highs", None)
    except Onhaalbaar:
        snel = None
    geheel = geheel_model(p)
    assert (snel is None) == (geheel is None)
    assert snel is None or snel.doelwaarden == geheel
    return snel, geheel


@st.composite
def regionale_aanbestedingen(draw: st.DrawFn) -> Verdeelprobleem:
    """2-3 subregio's of 2-3 gemeenten; 2-5 bidders, each serving some subregio's whole and, now and
    then, a subregio in part; per_subregio and/or a budget in every gemeente, sometimes with K."""
    regio: dict[str, str] = {}
    for r in range(draw(st.integers(2, 3))):
        for i in range(draw(st.integers(2, 3))):
            regio[f"G{r}{i}"] = f"R{r}"
    gemeenten = list(regio)
    vraag = {g: draw(st.integers(1, 9)) for g in gemeenten}
    regios = sorted(set(regio.values()))
    leveranciers = []
    for _ in range(draw(st.integers(2, 5))):
        hele = [r for r in regios if draw(st.booleans())] or [draw(st.sampled_from(regios))]
        bediend = {g for g in gemeenten if regio[g] in hele}
        deel = draw(st.sampled_from(regios))
        bediend |= {g for g in gemeenten if regio[g] == deel and draw(st.booleans())}  # part of a subregio
        waarde = draw(st.integers(6000, 9500)) / 100
        prijs = float(draw(st.integers(80, 100)) * 100)
        leveranciers.append((waarde, prijs, draw(st.integers(6, 60)), tuple(g for g in gemeenten if g in bediend)))
    leveranciers.sort(key=lambda t: -t[0])
    lev = tuple(Leverancier(f"S{i}", w, p, c, b, i) for i, (w, p, c, b) in enumerate(leveranciers) if b)
    soort = draw(st.sampled_from(["per_subregio", "budget overal", "beide"]))
    budget = {}
    if soort != "per_subregio":  # a budget in every gemeente, from tight to loose
        budget = {g: float(d * draw(st.integers(86, 100)) * 100) for g, d in vraag.items()}
    regels = Verdeelregels(
        per_subregio=soort != "budget overal",
        max_leveranciers_per_gemeente=draw(st.sampled_from([None, None, 1, 2])),
        max_aandeel=draw(st.sampled_from([None, 0.6])),
        min_volume=draw(st.sampled_from([None, 3])),
        budget_per_gemeente=budget,
    )
    return Verdeelprobleem("B1", "B1-route", vraag, regio, lev, regels, budget)


@settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(p=regionale_aanbestedingen())
def test_per_subregio_en_budget_overal_gelijk_aan_het_volledige_model(p: Verdeelprobleem) -> None:
    if vooraf(p) or not p.leveranciers:
        return
    try:
        volledig = verdeel_exact(p, "highs", None, pad=VOLLEDIG)
    except Onhaalbaar:
        volledig = None
    try:
        snel = verdeel_exact(p, "highs", None)
    except Onhaalbaar:
        snel = None
    geheel = geheel_model(p)
    assert (snel is None) == (volledig is None) == (geheel is None)
    if snel is None or volledig is None:
        return
    assert snel.pad in PADEN
    assert snel.doelwaarden == volledig.doelwaarden == geheel
    cellen = snel.per_gemeente()
    for g, b in p.budget.items():
        assert sum(t.kosten for t in snel.toewijzing if t.gemeente == g) <= b + 1e-6
    if p.regels.per_subregio:
        for r in set(p.subregio.values()):
            sets = {frozenset(cellen.get(g, {})) for g in p.vraag if p.subregio[g] == r}
            assert len(sets) == 1


def test_hoekpunt_geeft_een_geheel_optimum_met_de_gehele_kolommen_vast() -> None:
    """HighsMotor.hoekpunt: with the 0/1 column fixed, a transportation LP whose every cell has the same
    profit has optima between vertices; the simplex vertex returned is integral, has the same value,
    and the bounds and integrality of the model are as before."""
    from evaluatie.verdeling.matrix import Programma

    lin = Programma()
    z = lin.kolom(0, 1)  # 'the second supplier may serve'
    x = [[lin.kolom(0, 7, False) for _ in range(2)] for _ in range(2)]  # x[gemeente][supplier], continuous
    for g, vraag in enumerate((3, 4)):
        lin.rij([(x[g][0], 1), (x[g][1], 1)], vraag, vraag)
    lin.rij([(x[0][0], 1), (x[1][0], 1)], 2, 2)  # supplier totals 2 and 5
    lin.rij([(x[0][1], 1), (x[1][1], 1)], 5, 5)
    for g in range(2):
        lin.rij([(x[g][1], 1), (z, -7)], boven=0)
    m = HighsMotor(lin, None)
    doel = {x[g][s]: 10 for g in range(2) for s in range(2)} | {z: 1}
    assert m.los(doel, True) == "optimaal"
    waarden = m.hoekpunt()
    assert waarden[z] == 1 and sum(c * waarden[j] for j, c in doel.items()) == 71
    assert m.gehele == {z}
    lp = m.h.getLp()
    assert list(lp.col_lower_) == lin.onder and list(lp.col_upper_) == lin.boven


def _subregio_aanbesteding(rnd: random.Random) -> Verdeelprobleem:
    """3-4 subregio's of 2-4 gemeenten, 3-7 bidders serving 1-3 subregio's whole and now and then one in
    part; per_subregio without budgets, sometimes with K; tender order mixes the subregio's."""
    regio = {f"G{r}{i}": f"R{r}" for r in range(rnd.randint(3, 4)) for i in range(rnd.randint(2, 4))}
    gemeenten = rnd.sample(list(regio), len(regio))  # the tender's order, not grouped by subregio
    vraag = {g: rnd.randint(1, 12) for g in gemeenten}
    regios = sorted(set(regio.values()))
    leveranciers = []
    for _ in range(rnd.randint(3, 7)):
        hele = set(rnd.sample(regios, rnd.randint(1, 3)))
        bediend = {g for g in gemeenten if regio[g] in hele}
        if rnd.random() < 0.3:  # part of one more subregio: not eligible there under per_subregio
            andere = rnd.choice(regios)
            deel = [g for g in gemeenten if regio[g] == andere]
            bediend |= set(rnd.sample(deel, len(deel) - 1))
        leveranciers.append(
            (rnd.randint(6000, 9500) / 100, float(rnd.randint(80, 100) * 100), rnd.randint(8, 60), bediend)
        )
    leveranciers.sort(key=lambda t: -t[0])
    lev = tuple(
        Leverancier(f"S{i}", w, p, c, tuple(g for g in gemeenten if g in b), i)
        for i, (w, p, c, b) in enumerate(leveranciers)
    )
    regels = Verdeelregels(
        per_subregio=True,
        max_leveranciers_per_gemeente=rnd.choice([None, None, 2, 3]),
        max_aandeel=rnd.choice([None, 0.45]),
        min_volume=rnd.choice([None, 4]),
    )
    return Verdeelprobleem("B1", "B1-route", vraag, regio, lev, regels)


def test_stap4_per_subregio_gelijk_aan_het_volledige_model() -> None:
    """The stage-4 model with one choice per subregio (evaluatie.verdeling.subregiokeuze) against the full
    model with every column integer, on 150 seeded tenders: the same four stage values, or no allocation
    for both (HiGHS; the first 10 on the path also with CBC). The path must actually be taken (where the transportation LP already meets the rule it is not
    needed), and its allocation gives every chosen bidder at least 1 in every gemeente of the subregio."""
    rnd = random.Random(33)
    gelopen = 0
    for _ in range(150):
        p = _subregio_aanbesteding(rnd)
        if vooraf(p):
            continue
        snel, geheel = snel_en_geheel(p)
        if snel is None or snel.pad != STAP4_SUBREGIO:
            continue
        gelopen += 1
        if gelopen <= 10:  # CBC (y integer, no Opbouw.tu) reaches the same values along the same path
            met_cbc = verdeel_exact(p, "cbc", None)
            assert (met_cbc.pad, met_cbc.doelwaarden) == (STAP4_SUBREGIO, geheel)
        cellen = snel.per_gemeente()
        for r in set(p.subregio.values()):
            leden = [g for g in p.vraag if p.subregio[g] == r]
            assert len({frozenset(cellen.get(g, {})) for g in leden}) == 1
            assert all(n >= 1 for g in leden for n in cellen.get(g, {}).values())
            k = p.regels.max_leveranciers_per_gemeente
            assert k is None or len(cellen.get(leden[0], {})) <= k
    assert gelopen >= 60  # 83 of the 150 tenders take the path (23 fail the pre-check, 19 have no allocation)


def test_stap4_per_subregio_rekent_en_meldt_als_eigen_stap(monkeypatch) -> None:
    """The per_subregio path names its own steps: the relaxation ('relaxatie_subregio', HiGHS with x
    continuous in stage 1) and stage 4 per subregio ('subregio'), so a progress line of a long proof says
    'stap 4 per subregio', not 'stap 4 per gemeente'; 'auto' takes HiGHS for both at national size (a
    step missing from oplosser.AUTO_PER_STAP would stop a lot with more than 400 columns)."""
    from evaluatie.verdeling import pad as padmodule
    from evaluatie.verdeling.oplosser import KLEIN, kies_stap
    from evaluatie.verdeling.voortgang import regel

    stappen: list[str] = []
    monkeypatch.setattr(padmodule, "volg", lambda m, perceel, stap: stappen.append(stap))
    rnd = random.Random(33)
    for _ in range(150):
        p = _subregio_aanbesteding(rnd)
        if vooraf(p):
            continue
        stappen.clear()
        snel, _ = snel_en_geheel(p)
        if snel is not None and snel.pad == STAP4_SUBREGIO:
            break
    else:
        raise AssertionError("geen aanbesteding op het pad 'stap-4-MIP per subregio'")
    assert stappen[:3] == ["relaxatie_subregio", "transport", "subregio"]
    assert "stap 4 per subregio" in regel("B1-route", "subregio", 6, 10.0, 12.0)
    assert "relaxatie" in regel("B1-route", "relaxatie_subregio", 6, None, None)
    assert kies_stap("auto", "relaxatie_subregio", KLEIN + 1) == kies_stap("auto", "subregio", KLEIN + 1) == "highs"


def _ruime_aanbesteding(rnd: random.Random) -> Verdeelprobleem:
    """As `_subregio_aanbesteding`, but every gemeente has 6-14 inburgeraars and the bidders more capacity:
    the cap of at most d_min suppliers per subregio is loose (evaluatie.verdeling.subregiorelaxatie)."""
    p = _subregio_aanbesteding(rnd)
    vraag = {g: rnd.randint(6, 14) for g in p.vraag}
    lev = tuple(dataclasses.replace(s, capaciteit=s.capaciteit * 3) for s in p.leveranciers)
    return Verdeelprobleem(p.perceel, p.perceelnaam, vraag, p.subregio, lev, p.regels)


def test_relaxatiestap_volgt_de_kleinste_vraag_per_subregio() -> None:
    """By hand: subregio's whose smallest demand is 5, 6 and 7: two of three at least 6 (RUIM), loose, CBC
    under 'auto'; 5, 5 and 7: one of three, tight, HiGHS."""
    from evaluatie.verdeling.pad import subregioklassen
    from evaluatie.verdeling.subregiorelaxatie import KRAP, RUIM, RUIM_STAP, relaxatiestap

    assert RUIM == 6
    regio = {"A1": "A", "A2": "A", "B1": "B", "C1": "C", "C2": "C"}
    lev = (Leverancier("S0", 80.0, 9000.0, 100, tuple(regio), 0),)
    regels = Verdeelregels(per_subregio=True)
    for vraag, stap in (
        ({"A1": 5, "A2": 9, "B1": 6, "C1": 8, "C2": 7}, RUIM_STAP),
        ({"A1": 5, "A2": 9, "B1": 5, "C1": 8, "C2": 7}, KRAP),
    ):
        p = Verdeelprobleem("B1", "B1-route", vraag, regio, lev, regels)
        assert relaxatiestap(p, subregioklassen(p)) == stap


def test_ruime_relaxatie_op_cbc_en_bij_een_fout_op_highs(monkeypatch) -> None:
    """A loose cap: with 'auto' (and oplosser.KLEIN at 0, so a small tender counts as national) the relaxation
    is the step 'relaxatie_subregio_ruim' on CBC with the node budget, and every stage value equals the
    all-integer full model's. A CBC that stops with an error hands the step to HiGHS: the same values."""
    from evaluatie.verdeling import matrix, oplosser
    from evaluatie.verdeling import pad as padmodule
    from evaluatie.verdeling.status import Oplosserfout
    from evaluatie.verdeling.subregiorelaxatie import RUIM_STAP

    monkeypatch.setattr(oplosser, "KLEIN", 0)
    stappen: list[str] = []
    monkeypatch.setattr(padmodule, "volg", lambda m, perceel, stap: stappen.append(stap))
    rnd = random.Random(41)
    gelopen = 0
    for _ in range(40):
        p = _ruime_aanbesteding(rnd)
        if vooraf(p):
            continue
        geheel = geheel_model(p)
        if geheel is None:
            continue
        stappen.clear()
        snel = verdeel_exact(p, "auto", None)
        assert stappen[0] == RUIM_STAP and snel.solver.startswith("cbc")
        assert snel.doelwaarden == geheel
        gelopen += 1
        if gelopen >= 6:
            break
    assert gelopen >= 6

    def stopt(self, doel, maximaliseer, start=None):  # type: ignore[no-untyped-def]
        raise Oplosserfout("CBC", "PulpSolverError", "CBC liep vast")

    monkeypatch.setattr(matrix.CbcMotor, "los", stopt)
    stappen.clear()
    terug = verdeel_exact(p, "auto", None)
    assert stappen[:2] == [RUIM_STAP, RUIM_STAP]  # CBC, then the same step on HiGHS
    assert terug.solver == "cbc+highs" and terug.doelwaarden == geheel

"""The exact fast path for the allocation: relaxation -> transportation LP -> check -> stage-4 MIP -> full model.

The lexicographic stages (see `evaluatie.verdeling.opbouw`) are those of the full model:
1. maximise waarde, 2. maximise rangvoorkeur, 3. minimise kosten, each fixed at its exact value;
then every supplier's total is fixed and 4. volgorde is maximised.

Rules that look at single gemeenten (max_leveranciers_per_gemeente, budget_per_gemeente,
per_subregio) make the full model large and symmetric. Stages 1-3 depend only on each supplier's
total, so:
1. Relaxation: solve stages 1-3 on a smaller model that drops the per-gemeente rules: merged
   classes (gemeenten with the same eligible suppliers; a gemeente with a budget keeps its exact
   budget row through columns of its own inside its class, evaluatie.verdeling.budgetklasse), or,
   under per_subregio, one class per subregio with the rule written exactly (budgets there summed
   per subregio). Its stage values bound the real model's.
2. Transportation LP: fix the relaxation's supplier totals and maximise stage 4 per gemeente with
   rows sum_s x = d_g and sum_g x = X_s (and the budget rows). Without budgets the matrix is
   totally unimodular, so the simplex vertex is integral; a fractional vertex (budgets) goes on
   to step 4.
3. Check: when that allocation meets every real rule (at most K suppliers per gemeente, every
   budget, one set of suppliers per subregio), it is feasible for the real model and attains every
   bound: proven optimal ('relaxatie+transport').
4. Otherwise stage 4 as a MIP over single gemeenten with all real rules and the totals still fixed
   ('stap-4-MIP'; under per_subregio without budgets one 0/1 choice per subregio and supplier plus the
   amount above 1, `evaluatie.verdeling.subregiokeuze`, 'stap-4-MIP per subregio'); if that is
   infeasible, the totals cannot be attained and the full model is solved, built once, each stage's
   solution the MIP start of the next ('volledig model').
With max_leveranciers_per_gemeente (K) and no per_subregio, steps 1-4 write K out only in the
gemeenten where a solution shows it is needed, round after round (`_verdeel_k`,
evaluatie.verdeling.verfijning; 'verfijnde relaxatie'): the full model's 0/1 column per gemeente
and supplier made national K=2 lots slow (seed 1, B1: 19 s cpu in the full model).
Without any per-gemeente rule the merged model is the real model for stages 1-3 and its stage 4
is the transportation LP over single gemeenten ('samengevoegd model'): the published step 4 (rank
weight x place weight (G - plaats + 1)^2 per gemeente) and step 5 (evaluatie.verdeling.stap5) are one
and the same over gemeenten whatever rule set applies, so a per-gemeente rule that does not bind
changes nothing.

Integer where needed only: once the 0/1 columns (supplier chosen, supplier in a gemeente or
subregio) and the x of gemeenten with a budget are fixed, the other x form a transportation
system, totally unimodular (opbouw.tu_kolommen). So HiGHS may treat those x as continuous in
stage 1 of the full model and in the stage-4 MIP (where measured faster) and branches on the
0/1 columns only; the integral vertex with those fixed is the answer (HighsMotor.hoekpunt).

Budgets (knapsack rows per gemeente): the relaxation keeps a gemeente with a budget inside its merged class
(evaluatie.verdeling.budgetklasse: the same model, without the interchangeable split between the gemeente and the
rest of its class that made the engines slow); the transportation LP and the stage-4 MIP carry the bounds each
budget row implies (evaluatie.verdeling.budgetgrens, exact); CBC starts each stage of a budget
relaxation from the previous stage's solution (oplosser.OPTIES_BUDGET); HiGHS runs without primal
heuristics where a start is already there (stages 2-3 of a budget relaxation, `_budget_na_stap`; the
budget stage-4 MIP, `_budget_stap4`).

No wall clock: every step runs to its proof (no time limit), so a lot's outcome never depends
on the load of the machine. A long proof reports its progress (`evaluatie.verdeling.voortgang`).

Ties: stages 2 and 4 are published weighted sums (rank weight R - rank + 1; rank weight x place
weight (G - plaats + 1)^2), and between allocations still equal after stage 4 step 5 decides in
`klaar` (evaluatie.verdeling.stap5: gemeenten in tender order, suppliers in ranking order, as many
as possible in that cell). The model is built only from the
ranking order, the tender order and the numbers, never from names, and the engines run single
threaded with a fixed seed, so the same input gives the same allocation byte for byte.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Hashable, Iterator, Sequence

from evaluatie.verdeling import budgetstart, gereduceerd, subregiorelaxatie, verfijning
from evaluatie.verdeling.dualverschuiving import doel_voor_motor
from evaluatie.verdeling.klassen import CENTEN, Klasse, geschikt, per_gemeente_nodig, uitsplitsen
from evaluatie.verdeling.matrix import HighsMotor, Motor, Programma, Uitkomst, doelwaarde, motor
from evaluatie.verdeling.model import Verdeelprobleem, Verdeling
from evaluatie.verdeling.opbouw import VOLUMES_VAST_NA, Opbouw, bouw
from evaluatie.verdeling.oplosser import KLEIN, KNOPEN_BUDGET, OPTIES_BUDGET, kies_stap
from evaluatie.verdeling.stap5 import stap5
from evaluatie.verdeling.status import Oplosserfout
from evaluatie.verdeling.subregiokeuze import bouw_keuze
from evaluatie.verdeling.verfijning import apart_zetten, overschreden, te_krap
from evaluatie.verdeling.voortgang import volg

SAMENGEVOEGD = "samengevoegd model"
TRANSPORT = "relaxatie+transport"
STAP4 = "stap-4-MIP"
STAP4_SUBREGIO = "stap-4-MIP per subregio"
VOLLEDIG = "volledig model"
VERFIJND = "verfijnde relaxatie"
PADEN = (SAMENGEVOEGD, TRANSPORT, STAP4, STAP4_SUBREGIO, VOLLEDIG, VERFIJND)
# The path in words, for the advies (what proved the optimum).
BESCHRIJVING = {
    SAMENGEVOEGD: "samengevoegd model (gemeenten met dezelfde inschrijvers samen) voor stap 1-3, daarna stap 4 "
    "per gemeente als transportmodel; optimum bewezen",
    TRANSPORT: "relaxatie zonder de regels per gemeente, daarna een transportmodel per gemeente; die verdeling "
    "voldoet aan alle regels en haalt de grenzen van de relaxatie, dus is bewezen optimaal",
    STAP4: "relaxatie zonder de regels per gemeente, daarna stap 4 als model met alle regels per gemeente en de "
    "totalen per inschrijver vast; optimum bewezen",
    STAP4_SUBREGIO: "relaxatie zonder de regels per gemeente, daarna stap 4 met de totalen per inschrijver vast als "
    "model met per subregio één keuze van inschrijvers (ieder gekozen inschrijver minstens 1 inburgeraar in iedere "
    "gemeente van de subregio); optimum bewezen",
    VOLLEDIG: "volledig model per gemeente met alle regels, optimum bewezen",
    VERFIJND: "relaxatie (gemeenten met dezelfde inschrijvers samen; het maximum aantal inschrijvers per gemeente "
    "alleen in de gemeenten waar een eerdere ronde liet zien dat het nodig is), daarna stap 4 per gemeente met de "
    "totalen per inschrijver vast en dat maximum alleen in de gemeenten waar een eerdere ronde het overschreed; de "
    "laatste verdeling voldoet in iedere gemeente aan alle regels en haalt de grenzen van die modellen, dus is "
    "bewezen optimaal",
}


def beschrijving(pad: str) -> str:
    return BESCHRIJVING.get(pad, pad)


Start = list[int] | dict[int, int]  # a full solution, or some columns for HiGHS to complete


class Onhaalbaar(Exception):
    """The real model has no solution (the diagnosis explains why)."""


class Tijdslimiet(Exception):
    pass


# Stages 1-3 of relaxations solved within `relaxaties_onthouden`: (the solve's inputs) -> (values, stage values,
# engines used, whether CBC spent its node budget). None outside that context: every relaxation is solved.
_RELAXATIES: dict[Hashable, tuple[list[int], list[int], tuple[str, ...], bool]] | None = None


@contextlib.contextmanager
def relaxaties_onthouden() -> Iterator[None]:
    """Within this block, a relaxation (stages 1-3) that was solved before with the same inputs is not solved again.

    The award of a lot solves its allocation and then, for the explanation of who gets less than its capacity
    (evaluatie.verdeling.verklaring), the same lot with one rule switched off at a time. Without
    max_leveranciers_per_gemeente the merged relaxation is the model the K path solved first: in the example's B1
    the same three stages were solved twice (3.5 ms of HiGHS, issue #24). A solve is taken over only when its
    inputs are equal: the model column for column and row for row (`_vingerafdruk`, every field of the Opbouw), the
    same engine with the same settings (`_relaxatiesleutel`) and the same fallback state. HiGHS and CBC run single
    threaded with a fixed seed and no clock, so equal inputs give equal solutions; the result is the one the solve
    would give, never an approximation. Nested blocks share the outer one's memory; it is dropped at the end."""
    global _RELAXATIES
    vorige = _RELAXATIES
    if vorige is None:
        _RELAXATIES = {}
    try:
        yield
    finally:
        _RELAXATIES = vorige


def _vingerafdruk(o: Opbouw) -> Hashable:
    """Everything of `o` that solving its stages 1-3 reads, as a hashable value (dict orders included)."""
    lin = o.lin
    return (
        tuple(lin.onder),
        tuple(lin.boven),
        tuple(lin.geheel),
        tuple((tuple(ix), tuple(cs), lo, hi) for ix, cs, lo, hi in lin.rijen),
        tuple((k.gemeenten, k.vraag, k.leveranciers) for k in o.ks),
        tuple(o.x.items()),
        tuple(tuple(d.items()) for d in o.doelen),
        tuple(o.slack.items()),
        tuple(o.tu),
        tuple(o.subregio_z.items()),
        tuple(o.k_z.items()),
        tuple(o.y.items()),
    )


def _los(
    m: Motor,
    doel: dict[int, int],
    maximaliseer: bool,
    start: list[int] | dict[int, int] | None = None,
    tu: Sequence[int] = (),
) -> list[int]:
    """Solve one stage. `tu`: x columns HiGHS may treat as continuous in this stage (Opbouw.tu,
    only where the stage rows allow it: stage 1, and stage 4 with every total fixed); they are
    integer again afterwards, and the solution returned is integral (a simplex vertex)."""
    ontspannen = isinstance(m, HighsMotor) and bool(tu)
    if ontspannen:
        assert isinstance(m, HighsMotor)
        m.zet_geheel(tu, False)
    try:
        uitkomst = m.los(doel, maximaliseer, start)
        if uitkomst == Uitkomst.ONHAALBAAR:
            raise Onhaalbaar
        if uitkomst == Uitkomst.TIJDSLIMIET:
            raise Tijdslimiet
        if not ontspannen:
            return m.waarden()
        assert isinstance(m, HighsMotor)
        try:
            return m.waarden()
        except ArithmeticError:  # continuous columns between two vertices: take a vertex
            return m.hoekpunt()
    finally:
        if ontspannen:
            assert isinstance(m, HighsMotor)
            m.zet_geheel(tu, True)


def lexicografisch(
    m: Motor,
    o: Opbouw,
    stappen: int = 4,
    tu: bool = False,
    na_stap: Callable[[int], None] | None = None,
    start: list[int] | None = None,
    vastzetten: bool = False,
) -> tuple[list[int], list[int]]:
    """Stages 1..stappen of `Opbouw.stappen`, each fixed at its exact value; totals fixed after stage 3.

    tu: HiGHS treats the x columns of `Opbouw.tu` as continuous in stage 1 (same optimum, far fewer
    integer columns to branch on; see opbouw.tu_kolommen). Stage 4 of the full model would allow it
    too, but measured slower there (bench/landelijk.py, K=2, seed 1, B1: 21 s against 3.3 s cpu),
    while stage 1 went from 57 s to 13 s. na_stap: called with the number of every stage solved and fixed.
    start: an allocation of the model as the MIP start of stage 1 (later stages start from the previous one's).
    vastzetten: after every stage but the last, the bounds its LP's reduced costs imply for every optimum of it
    (evaluatie.verdeling.gereduceerd: exact, the same stage values) go to the engine for the stages after it."""
    waarden: list[int] | None = start
    behaald = []
    extra: list[tuple[list[int], list[float], float, float]] = []  # rows added to m, for the LP of `vastzetten`
    onder, boven = list(o.lin.onder), list(o.lin.boven)

    def begrens(nieuw: dict[int, tuple[int, int]]) -> None:
        m.begrens(nieuw)
        for j, (lo, hi) in nieuw.items():
            onder[j], boven[j] = lo, hi

    def voeg_toe(termen: Sequence[tuple[int, float]], lo: float, hi: float) -> None:
        m.voeg_rij_toe(termen, lo, hi)
        extra.append(([j for j, _ in termen], [c for _, c in termen], lo, hi))

    for nummer, (doel, maximaliseer) in enumerate(o.stappen()[:stappen], start=1):
        verschoven, constante = o.verschoven(doel)  # same optimum, a smaller fixed row (see Opbouw.verschoven)
        continu = o.tu if tu and nummer == 1 else []
        later = vastzetten and nummer < stappen  # bounds for the stages after this one (gereduceerd)
        kosten = gereduceerd.kosten(o.lin, extra, onder, boven, verschoven, maximaliseer) if later else None
        waarden = _los(m, verschoven, maximaliseer, waarden, continu)
        v = doelwaarde(doel, waarden)
        behaald.append(v)
        termen = [(j, c) for j, c in verschoven.items() if c]
        rest = v - constante
        if kosten is not None:
            begrens(kosten.grenzen(rest, onder, boven, o.lin.geheel))  # every optimum of this stage: every later one
        voeg_toe(termen, rest, float("inf")) if maximaliseer else voeg_toe(termen, float("-inf"), rest)
        if nummer == VOLUMES_VAST_NA and stappen == 4:
            kolommen: dict[int, list[tuple[int, float]]] = {}
            for (_, si), j in o.x.items():
                kolommen.setdefault(si, []).append((j, 1))
            for si, totaal in sorted(o.totalen(waarden).items()):
                voeg_toe(kolommen[si], totaal, totaal)
        if na_stap is not None:
            na_stap(nummer)
    assert waarden is not None
    return waarden, behaald


def gemeenteklassen(p: Verdeelprobleem) -> list[Klasse]:
    el = geschikt(p)
    return [Klasse((g,), d, el[g]) for g, d in p.vraag.items() if d > 0]


def subregioklassen(p: Verdeelprobleem) -> list[Klasse]:
    el = geschikt(p)
    groepen: dict[str, list[str]] = {}
    for g, d in p.vraag.items():
        if d > 0:
            groepen.setdefault(p.subregio[g], []).append(g)
    return [Klasse(tuple(gs), sum(p.vraag[g] for g in gs), el[gs[0]]) for gs in groepen.values()]


def voldoet(p: Verdeelprobleem, ks: list[Klasse], cellen: dict[tuple[int, int], int]) -> bool:
    """Does an allocation over single gemeenten meet every per-gemeente rule of the real model?"""
    r = p.regels
    per_klasse: dict[int, list[int]] = {}
    for ci, si in sorted(cellen):
        per_klasse.setdefault(ci, []).append(si)
    if r.max_leveranciers_per_gemeente is not None and any(
        len(s) > r.max_leveranciers_per_gemeente for s in per_klasse.values()
    ):
        return False
    for ci, k in enumerate(ks):
        g = k.gemeenten[0]
        if g in p.budget:
            kosten = sum(n * round(p.leveranciers[si].prijs * CENTEN) for (c, si), n in cellen.items() if c == ci)
            if kosten > round(p.budget[g] * CENTEN):
                return False
    if r.per_subregio:
        sets: dict[str, set[tuple[int, ...]]] = {}
        for ci, k in enumerate(ks):
            sets.setdefault(p.subregio[k.gemeenten[0]], set()).add(tuple(per_klasse.get(ci, [])))
        if any(len(s) > 1 for s in sets.values()):
            return False
    return True


def verdeel_exact(p: Verdeelprobleem, oplosser: str, tijdslimiet: float | None, pad: str | None = None) -> Verdeling:
    """Allocate one lot along the fast path (or, with pad=VOLLEDIG, the full model only).

    `tijdslimiet` is accepted for old callers and not used: no step stops on the clock.
    Raises Onhaalbaar; the caller turns it into words."""
    t0 = time.perf_counter()
    model = "per gemeente" if per_gemeente_nodig(p) else "geaggregeerd"
    motoren: list[str] = []  # the engine of every step taken, in order

    def maak(stap: str, lin) -> Motor:
        naam = kies_stap(oplosser, stap, lin.aantal)
        motoren.append(naam)
        # 'auto' on a budget relaxation: CBC gets a node budget, then HiGHS (see KNOPEN_BUDGET)
        # (and on a per_subregio relaxation with a loose cap, evaluatie.verdeling.subregiorelaxatie)
        met_budget = stap in ("relaxatie_budget", subregiorelaxatie.RUIM_STAP)
        knopen = KNOPEN_BUDGET if oplosser == "auto" and met_budget and naam == "cbc" else None
        # budgets: CBC starts every stage from the previous one's solution, without preprocessing (OPTIES_BUDGET)
        budget_cbc = stap == "relaxatie_budget" and naam == "cbc"
        m = motor(naam, lin, None, knopen, warm=budget_cbc, opties=OPTIES_BUDGET if budget_cbc else ())
        volg(m, p.perceelnaam, stap)
        return m

    def maak_highs(stap: str, lin) -> Motor:
        """The step again on HiGHS, after CBC spent its node budget (see KNOPEN_BUDGET)."""
        motoren.append("highs")
        m = motor("highs", lin, None)
        volg(m, p.perceelnaam, stap)
        return m

    def klaar(o: Opbouw, waarden: list[int], behaald: list[int], gekozen: str, bouwtijd: float) -> Verdeling:
        # between optima of step 4 the published order decides (under a rule per gemeente: `voldoet` checks it)
        vijf = stap5(p, o, waarden, lambda cellen: voldoet(p, o.ks, cellen))
        return Verdeling(
            toewijzing=tuple(uitsplitsen(p, o.ks, vijf.cellen)),
            stap5_beslist=vijf.gelijk,
            solver="+".join(dict.fromkeys(motoren)),
            model=model,
            pad=gekozen,
            doelwaarden=tuple(behaald),
            bouwtijd=bouwtijd,
            oplostijd=time.perf_counter() - t0 - bouwtijd,
        )

    ks = gemeenteklassen(p)
    r = p.regels
    samengevoegd = not per_gemeente_nodig(p)

    knopen_op: list[bool] = []  # CBC spent its node budget on a relaxation of this lot

    def ontspan(rel: Opbouw) -> tuple[list[int], list[int]]:
        """Stages 1-3 of a relaxation; within `relaxaties_onthouden`, taken over from an equal solve."""
        stap = "samengevoegd" if samengevoegd else "relaxatie_budget" if p.budget else "relaxatie"
        if stap == "relaxatie" and p.regels.per_subregio:  # HiGHS or CBC by how loose the cap is (see there)
            stap = subregiorelaxatie.relaxatiestap(p, rel.ks)
        onthouden = _RELAXATIES
        if onthouden is None:
            return los_relaxatie(rel, stap)
        sleutel = (_relaxatiesleutel(oplosser, stap, rel.lin.aantal), bool(knopen_op), _vingerafdruk(rel))
        if sleutel in onthouden:
            waarden, behaald, namen, op = onthouden[sleutel]
            motoren.extend(namen)
            if op:
                knopen_op.append(True)
            return list(waarden), list(behaald)
        eerder, op_eerder = len(motoren), bool(knopen_op)
        waarden, behaald = los_relaxatie(rel, stap)
        onthouden[sleutel] = (list(waarden), list(behaald), tuple(motoren[eerder:]), bool(knopen_op) and not op_eerder)
        return waarden, behaald

    def los_relaxatie(rel: Opbouw, stap: str) -> tuple[list[int], list[int]]:
        """Stages 1-3 of a relaxation (again on HiGHS once CBC spent its node budget on this lot)."""
        tu = stap in subregiorelaxatie.STAPPEN  # x continuous in stage 1 on HiGHS (see oplosser.AUTO_PER_STAP)
        m_rel = maak_highs(stap, rel.lin) if knopen_op else maak(stap, rel.lin)
        # HiGHS without primal heuristics once stage 1 is fixed: budgets, and per_subregio (subregiorelaxatie)
        zonder_heuristiek = stap == "relaxatie_budget" or tu
        na_stap = _budget_na_stap(m_rel) if zonder_heuristiek else None
        begin = None
        # a national budget or per_subregio relaxation: bounds from the reduced costs after stages 1 and 2
        # (gereduceerd); a budget relaxation also gets a start for stage 1 (budgetstart)
        vast = rel.lin.aantal > KLEIN and (stap == "relaxatie_budget" or tu)
        if vast and stap == "relaxatie_budget":
            doel, maximaliseer = rel.stappen()[0]
            begin = budgetstart.start(rel, rel.verschoven(doel)[0], maximaliseer)
        try:
            return lexicografisch(m_rel, rel, stappen=3, tu=tu, na_stap=na_stap, start=begin, vastzetten=vast)
        except Oplosserfout:
            if getattr(m_rel, "knopen", None) is None:
                raise
            # CBC spent its node budget without a proof (a stop without a time limit): HiGHS solves the step
            knopen_op.append(True)
            m_rel = maak_highs(stap, rel.lin)
            na_stap = _budget_na_stap(m_rel) if zonder_heuristiek else None
            return lexicografisch(m_rel, rel, stappen=3, tu=tu, na_stap=na_stap, start=begin, vastzetten=vast)

    if pad != VOLLEDIG and r.max_leveranciers_per_gemeente is not None and not r.per_subregio:
        k_uit = _verdeel_k(p, ks, r.max_leveranciers_per_gemeente, ontspan, maak, klaar)
        if k_uit is not None:
            return k_uit
    elif pad != VOLLEDIG:
        if r.per_subregio:
            rel = bouw(p, subregioklassen(p), subregio="klasse", budget=True)
        else:  # budgets inside their merged class (evaluatie.verdeling.budgetklasse): the same model, faster
            rel = bouw(p, samengevoegde_klassen(p, budget_apart=False), budget=True, budget_binnen=True)
        bouwtijd = time.perf_counter() - t0
        waarden, behaald = ontspan(rel)
        totalen = {si: n for si, n in rel.totalen(waarden).items() if n > 0}
        transport = bouw(p, ks, totalen=totalen, budget=True, geheel=False)
        try:
            tw = _los(maak("transport", transport.lin), transport.doelen[3], True)
        except (Onhaalbaar, ArithmeticError):  # cannot happen for a TU matrix; be safe, not fast
            tw = None
        if tw is not None and voldoet(p, ks, transport.cellen(tw)):
            gekozen = SAMENGEVOEGD if samengevoegd else TRANSPORT
            return klaar(transport, tw, [*behaald, doelwaarde(transport.doelen[3], tw)], gekozen, bouwtijd)
        if r.per_subregio and not p.budget:  # one 0/1 choice per subregio and supplier (subregiokeuze)
            keuze = bouw_keuze(p, transport, totalen)
            try:
                m_keuze = maak("subregio", keuze.lin)
                # the same optimum, another order of search (evaluatie.verdeling.dualverschuiving)
                doel_keuze = doel_voor_motor(m_keuze, keuze.lin, keuze.doel, True) if VERSCHUIF_STAP4 else keuze.doel
                kw = _los(m_keuze, doel_keuze, True, None, keuze.tu)
            except Onhaalbaar:
                kw = None  # the totals cannot be attained: the full model below
            if kw is not None:
                w = [0] * transport.lin.aantal
                for cel, n in keuze.cellen(kw).items():
                    w[transport.x[cel]] = n
                waarde = doelwaarde(transport.doelen[3], w)
                if waarde != doelwaarde(keuze.doel, kw):  # the same objective in two forms: cannot differ
                    raise ArithmeticError(f"stap 4 per subregio: {waarde} tegen {doelwaarde(keuze.doel, kw)}")
                return klaar(transport, w, [*behaald, waarde], STAP4_SUBREGIO, bouwtijd)
        else:  # K or budgets (also with per_subregio): stage 4 over x with every per-gemeente rule
            verdeeld: dict[tuple[int, int], int] = {}
            if r.per_subregio:
                verdeeld = _subregio_splitsen(p, rel.ks, rel.cellen(waarden))
            stap4 = bouw(
                p,
                ks,
                per_gemeente=True,
                budget=True,
                subregio="gemeente" if r.per_subregio else "nee",
                totalen=totalen,
            )
            # per_subregio: the relaxation's choice of suppliers per subregio; HiGHS completes the x columns
            # (continuous in stage 4, see Opbouw.tu) with one LP.
            start = (
                {z: int(verdeeld.get(key, 0) > 0) for key, z in stap4.subregio_z.items()} if r.per_subregio else None
            )
            try:
                # x continuous (Opbouw.tu) where it measured faster (bench/landelijk.py, B1): per_subregio seed 7
                # 24 s against more than 150 s cpu, budgets in every 10th gemeente 0.3 against 0.5 s; not with
                # max_leveranciers_per_gemeente (K=2: 1.8 s against 0.9 s with integer x).
                tu = stap4.tu if r.max_leveranciers_per_gemeente is None else []
                m4 = maak("stap4", stap4.lin)
                if p.budget and not r.per_subregio and r.max_leveranciers_per_gemeente is None:
                    _budget_stap4(m4, stap4)
                sw = _los(m4, stap4.doelen[3], True, start, tu)
                return klaar(stap4, sw, [*behaald, doelwaarde(stap4.doelen[3], sw)], STAP4, bouwtijd)
            except Onhaalbaar:
                pass
    t1 = time.perf_counter()
    volledig = bouw(p, ks, per_gemeente=True, budget=True, subregio="gemeente" if r.per_subregio else "nee")
    bouwtijd = time.perf_counter() - t1 if pad == VOLLEDIG else time.perf_counter() - t0
    waarden, behaald = lexicografisch(maak("volledig", volledig.lin), volledig, tu=True)
    return klaar(volledig, waarden, behaald, VOLLEDIG, bouwtijd)


def _relaxatiesleutel(oplosser: str, stap: str, kolommen: int) -> Hashable:
    """What of the step decides how `ontspan` solves a relaxation: the engine, CBC's node budget and warm start,
    x continuous in stage 1, HiGHS's heuristics after stage 1, the reduced-cost bounds and a budget start (see
    `maak` and `los_relaxatie` in verdeel_exact). Steps that differ only in name ('samengevoegd' and 'relaxatie' on
    HiGHS) solve alike; the step's name itself only labels progress lines."""
    naam = kies_stap(oplosser, stap, kolommen)
    met_budget = stap in ("relaxatie_budget", subregiorelaxatie.RUIM_STAP)
    tu = stap in subregiorelaxatie.STAPPEN
    budget = stap == "relaxatie_budget"
    return (
        oplosser,
        naam,
        oplosser == "auto" and met_budget and naam == "cbc",  # a node budget
        budget and naam == "cbc",  # CBC's warm start and options
        tu,
        budget or tu,  # HiGHS without heuristics after stage 1
        kolommen > KLEIN and (budget or tu),  # reduced-cost bounds (and for a budget, a start)
        budget,
    )


def _budget_na_stap(m: Motor) -> Callable[[int], None]:
    """Budget relaxation on HiGHS: primal heuristics off once stage 1 is fixed. Stages 2 and 3 start from the
    previous stage's solution, which meets the fixed row, so their work is proving, not finding; the
    heuristics' sub-MIPs only cost time there (bench/landelijk.py, budget in every gemeente, seed 7,
    onderwijs, stage 2: 38.9 against 70.8 s cpu). Stage 1 keeps them: there finding is the work (README).
    Only how the optimum is found changes, never the proven value."""

    def na_stap(nummer: int) -> None:
        if nummer == 1 and isinstance(m, HighsMotor):
            m.zonder_heuristieken()

    return na_stap


def _budget_stap4(m: Motor, o: Opbouw) -> None:
    """Stage 4 with budgets only (totals fixed, x continuous outside the gemeenten with a budget): HiGHS without
    its primal heuristics, as in the verfijnde relaxatie, when at least half of the x are continuous. The root
    LP is then nearly integral, so branching finds the optimum quickly and the heuristics' sub-MIPs cost more
    than they save (bench/landelijk.py, budget in every 10th gemeente, stage 4 of the 9 lots of seeds 7, 1
    and 2: 0.61 against 0.99 s cpu; seed 2 B1 0.19 against 0.40 s). With a budget in (nearly) every gemeente
    every x is integer and the heuristics find the allocations (budget in every gemeente, seed 7, B1: no
    allocation at all after 211 s without them). Only how the optimum is found changes, never its value."""
    if isinstance(m, HighsMotor) and 2 * len(o.tu) >= len(o.x):
        m.zonder_heuristieken()


# Stage 4 per subregio hands HiGHS its objective shifted by whole multiples of the equality rows, taken from the LP
# relaxation's prices (evaluatie.verdeling.dualverschuiving): the same optimum, found in a different order. Measured
# (bench/landelijk.py --regels per_subregio, seeds 1-10, cpu for 3 lots, two runs each, within 0.1-2.1 s):
# 240.3 against 252.8 s in all, faster on 7 of 10 seeds, slowest seed 47.0 against 60.6 s (seed 9), but seed 10
# 35.4 against 13.4 s. Not for the other stage-4 MIPs, where it lost on 9 of 10 seeds: budgets in every 10th
# gemeente 14.3 against 12.3 s, K=2 (verfijnde relaxatie) 10.2 against 9.3 s (bench/METINGEN.md, meting van 4
# december 2026, avond). A switch for the bench's comparison.
VERSCHUIF_STAP4 = True

# Rounds after which `_verdeel_k` writes the K rule out everywhere: in stage 4 the classic stage-4 model,
# in stages 1-3 the full model. Measured on the national tender (bench/landelijk.py, K=2 and K=3, seeds
# 1-10, 60 lots): at most 2 rounds of stages 1-3 and 4 of stage 4.
RONDEN_K = 12
# Stage 4 of the verfijnde relaxatie on HiGHS trusts pseudo-costs at once (HiGHS option mip_pscost_minreliable, default
# 8): strong branching took most of the LP iterations of those MIPs (K=2, seed 4, B1, last round: 5,728 of 9,082), on a
# transportation LP with a few 0/1 columns whose branches are cheap to explore. Measured (bench, K=2, seeds 1-10, all 30
# lots, cpu): 10.48 against 9.51 s in all, worst seed 3.11 against 2.57 s (seed 4); value 1 gave 10.26 / 3.06, and the
# same setting on the budget stage-4 MIP gained nothing (9.52 against 9.50 s, worst 1.81 against 1.91), so it is not
# used there. Only the order of the search changes, never the proven value.
BETROUWBAAR_K = 0
# Further HiGHS options for those MIPs (a transportation LP, every x continuous, and tens of 0/1 columns): no restart
# after the root, no feasibility-jump heuristic, no cut separation below the root. In their logs the root took most of
# the time: separating cuts over the 2,400 continuous x (K=2, seed 4, B1, last round: 1.2 of 1.6 s), then a restart
# that presolves and separates all over again, for a model whose branches are cheap LPs. Measured on the 16 lots of
# K=2 seeds 1-10 with MIP rounds (every round of stage 4 alone, two runs each, cpu): 4.02 / 4.17 against 5.50 /
# 5.53 s in all, faster on 16 and 15 of the 16 lots, slowest lot (seed 4 B1) 1.75 / 1.80 against 2.49 s; restart and
# feasibility jump off without the cuts 4.46 / 4.63 s. bench/landelijk.py, K=2, seeds 1-10, old and new in turn, two
# runs: 21.4 against 24.1 s cpu for the 30 lots, the same cells in every lot (bench/METINGEN.md, meting van 5
# december 2026, ochtend (verdeling)). Only the order of the search changes, never the proven value.
OPTIES_K = (
    ("mip_allow_restart", False),
    ("mip_heuristic_run_feasibility_jump", False),
    ("mip_allow_cut_separation_at_nodes", False),
)


def _verdeel_k(
    p: Verdeelprobleem,
    ks: list[Klasse],
    k_max: int,
    ontspan: Callable[[Opbouw], tuple[list[int], list[int]]],
    maak: Callable[[str, Programma], Motor],
    klaar: Callable[[Opbouw, list[int], list[int], str, float], Verdeling],
) -> Verdeling | None:
    """max_leveranciers_per_gemeente without per_subregio: the K rule written out only where a solution
    breaks it (evaluatie.verdeling.verfijning), in stages 1-3 and in stage 4; None: the full model decides.

    Stages 1-3: merged classes, the gemeenten of `apart` as classes of their own with the K rule: a
    relaxation, so its values bound the real model's. Stage 4: single gemeenten, every
    total fixed at the relaxation's, the K rule in the gemeenten of `regel` only: again a relaxation;
    its optimum (x continuous where the rest is totally unimodular, Opbouw.tu) meets K everywhere
    once no gemeente breaks it, and is then an allocation of the real model that attains every
    bound: proven optimal. Is stage 4 infeasible, the totals cannot be attained: the gemeenten that
    carried the rule are set apart in stages 1-3 as well, and the relaxation is solved again."""
    bouwtijd = 0.0
    basis = samengevoegde_klassen(p)
    apart: set[str] = set()
    for _ in range(RONDEN_K):
        t = time.perf_counter()
        rks = apart_zetten(p, basis, apart)
        met_regel = {ci for ci, k in enumerate(rks) if len(k.gemeenten) == 1 and k.gemeenten[0] in apart}
        rel = bouw(p, rks, budget=True, per_gemeente_in=met_regel)
        bouwtijd += time.perf_counter() - t
        waarden, behaald = ontspan(rel)
        krap = te_krap(p, rks, rel.cellen(waarden), k_max) - apart
        if krap:
            apart |= krap
            continue
        totalen = {si: n for si, n in rel.totalen(waarden).items() if n > 0}
        regel: set[int] = set()
        voorstel: list[dict[tuple[int, int], int] | None] = []  # the start of the MIP rounds, once (verfijning)
        for ronde in range(RONDEN_K + 1):
            alle = ronde == RONDEN_K  # the rule everywhere: the stage-4 model of the real rules
            t = time.perf_counter()
            st4 = bouw(p, ks, per_gemeente=alle, per_gemeente_in=regel, budget=True, totalen=totalen)
            bouwtijd += time.perf_counter() - t
            m4 = maak("stap4" if regel else "transport", st4.lin)
            if isinstance(m4, HighsMotor):
                m4.zonder_heuristieken()  # a transportation LP with a few 0/1 columns: see there
                m4.h.setOptionValue("mip_pscost_minreliable", BETROUWBAAR_K)
                for optie, waarde in OPTIES_K:
                    m4.h.setOptionValue(optie, waarde)
            begin = None
            if voorstel and voorstel[0] is not None and isinstance(m4, HighsMotor):
                begin = verfijning.start(st4, voorstel[0])
            try:
                sw = _los(m4, st4.doelen[3], True, begin, st4.tu)
            except Onhaalbaar:
                break
            te_veel = overschreden(st4.cellen(sw), k_max)
            if not te_veel:
                gekozen = TRANSPORT if not apart and not regel else VERFIJND
                return klaar(st4, sw, [*behaald, doelwaarde(st4.doelen[3], sw)], gekozen, bouwtijd)
            if not regel:
                # the transportation LP breaks K: a start for the MIP rounds from it (on its engine, used up here)
                voorstel.append(verfijning.voorstel(p, st4, m4, st4.cellen(sw), k_max))
            regel |= te_veel
        nieuw = {ks[ci].gemeenten[0] for ci in regel} - apart
        if not nieuw:
            return None
        apart |= nieuw
    return None


def _subregio_splitsen(
    p: Verdeelprobleem, regios: list[Klasse], hoeveel: dict[tuple[int, int], int]
) -> dict[tuple[int, int], int]:
    """Split per-subregio amounts over its gemeenten (MIP start for stage 4 under per_subregio).

    Every chosen supplier gets 1 in every gemeente; the rest goes north-west corner: suppliers by
    rank, gemeenten in tender order. Returns cells keyed by (position among active gemeenten, supplier)."""
    positie = {g: i for i, g in enumerate(g for g, d in p.vraag.items() if d > 0)}
    uit: dict[tuple[int, int], int] = {}
    for ri, k in enumerate(regios):
        gekozen = sorted(
            (si for (c, si), n in hoeveel.items() if c == ri and n > 0), key=lambda i: p.leveranciers[i].rang
        )
        rest = {si: hoeveel[ri, si] - len(k.gemeenten) for si in gekozen}
        for g in k.gemeenten:
            nodig = p.vraag[g] - len(rest)
            for si in rest:
                neem = min(nodig, rest[si])
                rest[si] -= neem
                nodig -= neem
                uit[positie[g], si] = 1 + neem
    return uit


def samengevoegde_klassen(p: Verdeelprobleem, budget_apart: bool = True) -> list[Klasse]:
    """Gemeenten with the same eligible suppliers merged; a gemeente with a budget stays a class
    of its own, so its budget row is exact (with budgets only, the 'relaxation' is the real model).
    budget_apart=False: gemeenten with a budget stay in their class too, for a model that writes their
    budget rows inside it (opbouw.bouw(budget_binnen=True), evaluatie.verdeling.budgetklasse)."""
    el = geschikt(p)
    groepen: dict[tuple[tuple[int, ...], str], list[str]] = {}
    for g, d in p.vraag.items():
        if d > 0:
            groepen.setdefault((el[g], g if budget_apart and g in p.budget else ""), []).append(g)
    return [Klasse(tuple(gs), sum(p.vraag[g] for g in gs), sleutel[0]) for sleutel, gs in groepen.items()]

"""Build the allocation model of one step as a `Programma`, with exactly the rules that step needs.

Variables x[c, s]: inburgeraars of demand class c for supplier s (integer). A class is one
gemeente, a group of gemeenten with the same eligible suppliers (merged), or one subregio
(under per_subregio). Which rules are switched on decides whether the model is the real one or
a relaxation of it; see `evaluatie.verdeling.pad` for the order in which they are used.

The four objectives are the same integer vectors in every step (`doelen`, in this order; the
stages solve them in the order of `Opbouw.stappen`: waarde, rangvoorkeur, kosten, volgorde):
- waarde: gunningswaarde in units of 0.0001 (evaluatie.prijs.precisie.punten) per inburgeraar
  (maximise), so bids the ranking ties have exactly equal value;
- kosten: price in cents per inburgeraar (minimise);
- rangvoorkeur: m - rang per inburgeraar, m suppliers and rang 0-based, which is the published
  rank weight R - rank + 1 (maximise): a weighted sum, no waterfall (a better rank weighs more, but
  the largest total wins, evaluatie.rapport.verdeelregeltekst.RANGSTAP); bids of equal value weigh
  in the order of the published tie-break or the draw that ordered the ranking, never by price;
- volgorde: (m - rang) x (C - ci)^2 per inburgeraar, ci the 0-based position of the class among
  the C classes in tender order (maximise); over single gemeenten that is rank weight x place
  weight (G - plaats + 1)^2 (PLAATSSTAP there): earlier gemeenten go preferably to better-ranked
  suppliers, but a product of weights is no lexicographic order, and between allocations equal in
  it evaluatie.verdeling.stap5 decides.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field

from evaluatie.prijs.precisie import punten
from evaluatie.verdeling.budgetgrens import budgetgrens
from evaluatie.verdeling.budgetklasse import budget_binnen_klasse
from evaluatie.verdeling.klassen import CENTEN, Klasse, bovengrens
from evaluatie.verdeling.matrix import ONEINDIG, Programma
from evaluatie.verdeling.model import Verdeelprobleem

VOLUMES_VAST_NA = 3  # stages after which every supplier's total is fixed


@dataclass
class Opbouw:
    lin: Programma
    ks: list[Klasse]
    x: dict[tuple[int, int], int]  # (class, supplier) -> column
    doelen: tuple[dict[int, int], dict[int, int], dict[int, int], dict[int, int]]
    # elastisch: slack column per softened row, 'tekort:<class>', 'budget:<class>', 'min_leveranciers'
    slack: dict[str, int] = field(default_factory=dict)
    # x columns that may be continuous in a stage without a fixed stage row that binds (stage 1, and stage 4
    # once every total is fixed): every x column outside a class with a budget row. See `tu_kolommen`.
    tu: list[int] = field(default_factory=list)
    # per_subregio over single gemeenten: (class, supplier) -> the 0/1 column 'supplier serves this
    # gemeente's subregio' (one column shared by the subregio's gemeenten), for a MIP start
    subregio_z: dict[tuple[int, int], int] = field(default_factory=dict)
    # max_leveranciers_per_gemeente: (class, supplier) -> the 0/1 column 'supplier serves this gemeente', where the
    # rule is written out, for a MIP start (evaluatie.verdeling.verfijning.start)
    k_z: dict[tuple[int, int], int] = field(default_factory=dict)
    # supplier -> its 0/1 column 'supplier chosen' (min_volume, min/max_leveranciers), for a start of stage 1
    # (evaluatie.verdeling.budgetstart)
    y: dict[int, int] = field(default_factory=dict)

    def totalen(self, waarden: list[int]) -> dict[int, int]:
        """Each supplier's total over all classes (suppliers without volume included, at 0)."""
        uit: dict[int, int] = {}
        for (_, si), j in self.x.items():
            uit[si] = uit.get(si, 0) + waarden[j]
        return uit

    def stappen(self) -> list[tuple[dict[int, int], bool]]:
        """The lexicographic stages in order, each (objective, maximise): value, then the ranking
        (whose order already holds the published tie-break and any recorded draw), then cost, then
        the gemeenten's order. Every supplier's total is fixed after the third (`VOLUMES_VAST_NA`)."""
        waarde, kosten, rang, volgorde = self.doelen
        return [(waarde, True), (rang, True), (kosten, False), (volgorde, True)]

    def verschoven(self, doel: dict[int, int]) -> tuple[dict[int, int], int]:
        """The same objective with every class's smallest coefficient subtracted, and the constant removed.

        Every class's demand row is an equality (sum_s x[c, s] = d_c), so subtracting m_c from each
        x[c, s] coefficient lowers the objective of every feasible allocation by exactly sum_c m_c d_c:
        the optimum is the same allocation, and the fixed stage row is smaller. Measured on the
        national tender (bench/landelijk.py --zaad 2, B1 merged): with the plain value row (right-hand
        side 1.5 x 10^10) the bundled CBC called stage 2 infeasible in 0.01 s, with presolve and
        preprocessing off as well, although the stage-1 solution meets every row exactly and the LP
        relaxation of stage 2 is feasible; with the shifted row (5.2 x 10^9) it proves the optimum.
        Smaller is not provably safe, so an infeasible verdict is still confirmed by a second engine
        (evaluatie.verdeling.bevestiging)."""
        if any(naam.startswith("tekort:") for naam in self.slack):
            return dict(doel), 0  # elastic demand rows are no equalities: no shift (never fixed as rows)
        laagste: dict[int, int] = {}
        for (ci, _), j in self.x.items():
            if j in doel:
                laagste[ci] = min(laagste.get(ci, doel[j]), doel[j])
        verschoven = {j: doel[j] - laagste[ci] for (ci, _), j in self.x.items() if j in doel}
        return verschoven, sum(m * self.ks[ci].vraag for ci, m in laagste.items())

    def cellen(self, waarden: list[int]) -> dict[tuple[int, int], int]:
        return {key: waarden[j] for key, j in self.x.items() if waarden[j]}


def bouw(
    p: Verdeelprobleem,
    ks: list[Klasse],
    *,
    per_gemeente: bool = False,
    per_gemeente_in: Set[int] | None = None,
    budget: bool = False,
    subregio: str = "nee",
    totalen: dict[int, int] | None = None,
    geheel: bool = True,
    elastisch: bool = False,
    budget_binnen: bool = False,
) -> Opbouw:
    """The model over classes `ks`.

    per_gemeente: the max_leveranciers_per_gemeente rows (classes must be single gemeenten);
    per_gemeente_in: those rows in these classes only (each a single gemeente): the rule switched on
    where it is needed, a relaxation elsewhere (evaluatie.verdeling.pad, `_verdeel_k`);
    budget: the budget rows (exact for single gemeenten, summed for larger classes);
    subregio: 'nee', 'gemeente' (today's per_subregio
    rows over single gemeenten) or 'klasse' (classes are whole subregio's: exact, see `_subregio_klasse`);
    totalen: every supplier's total fixed (the supplier-level rules are then already met);
    geheel: integer x (False for the transportation LP, which is totally unimodular);
    elastisch: demand, budget and min_leveranciers rows get a slack column (Opbouw.slack), for the
    diagnosis of an impossible lot (evaluatie.verdeling.diagnose);
    budget_binnen: (with budget) a gemeente with a budget inside a class of several gemeenten keeps its exact budget
    row through columns of its own within the class (evaluatie.verdeling.budgetklasse), instead of a summed row.
    """
    assert not (budget_binnen and elastisch), "the diagnosis uses the summed or direct budget rows"
    r = p.regels
    lin = Programma()
    x: dict[tuple[int, int], int] = {}
    grens = [bovengrens(p, s) for s in p.leveranciers]  # once per supplier: it sums the demand (national: 20k calls)
    for ci, k in enumerate(ks):
        for si in k.leveranciers:
            ub = min(k.vraag, grens[si])
            if totalen is not None:
                ub = min(ub, totalen.get(si, 0))
            if ub > 0:
                x[ci, si] = lin.kolom(0, ub, geheel)
    if budget and not elastisch and totalen is not None:  # stage 4 and the transportation LP only
        _budgetgrenzen(p, lin, ks, x)
    slack: dict[str, int] = {}
    for ci, k in enumerate(ks):
        termen = [(x[ci, si], 1) for si in k.leveranciers if (ci, si) in x]
        if elastisch:
            slack[f"tekort:{ci}"] = lin.kolom(0, k.vraag)
            termen.append((slack[f"tekort:{ci}"], 1))
        lin.rij(termen, k.vraag, k.vraag)
    per_leverancier: dict[int, list[tuple[int, int]]] = {}
    for (ci, si), j in x.items():
        per_leverancier.setdefault(si, []).append((ci, j))
    gebruikt = sorted(per_leverancier)
    y: dict[int, int] = {}
    if totalen is not None:
        for si in gebruikt:
            lin.rij([(j, 1) for _, j in per_leverancier[si]], totalen[si], totalen[si])
    else:
        y = _leveranciersregels(p, lin, per_leverancier, gebruikt, slack if elastisch else None)
    k_z: dict[tuple[int, int], int] = {}
    if (per_gemeente or per_gemeente_in) and r.max_leveranciers_per_gemeente is not None:
        for ci, k in enumerate(ks):
            if per_gemeente_in is not None and not per_gemeente and ci not in per_gemeente_in:
                continue
            assert len(k.gemeenten) == 1, "max_leveranciers_per_gemeente is a rule on single gemeenten"
            open_cellen = [si for si in k.leveranciers if (ci, si) in x]
            if len(open_cellen) <= r.max_leveranciers_per_gemeente:
                continue  # the rule cannot bind here: no binaries needed
            zs = []
            for si in open_cellen:
                j = x[ci, si]
                z = k_z[ci, si] = lin.kolom(0, 1)
                # x <= ub(x) * z: ub(x) is at most the demand, and with the totals fixed at most the total
                lin.rij([(j, 1), (z, -lin.boven[j])], boven=0)
                zs.append((z, 1))
            lin.rij(zs, boven=r.max_leveranciers_per_gemeente)
    subregio_z: dict[tuple[int, int], int] = {}
    if subregio == "gemeente":
        subregio_z = _subregio_gemeente(p, lin, ks, x)
    elif subregio == "klasse":
        _subregio_klasse(p, lin, ks, x)
    if budget and budget_binnen:
        budget_binnen_klasse(p, lin, ks, x)
    if budget:
        # One row per class whose gemeenten all have a budget: for a single gemeente the real
        # rule, for a merged class or subregio the sum of its gemeenten's rows (a relaxation;
        # with budget_binnen implied by the rows of budget_binnen_klasse, so left out).
        for ci, k in enumerate(ks):
            if budget_binnen and len(k.gemeenten) > 1:
                continue
            if all(g in p.budget for g in k.gemeenten):
                termen = [
                    (x[ci, si], round(p.leveranciers[si].prijs * CENTEN)) for si in k.leveranciers if (ci, si) in x
                ]
                if elastisch:
                    slack[f"budget:{ci}"] = lin.kolom(0, ONEINDIG)
                    termen.append((slack[f"budget:{ci}"], -1))
                lin.rij(termen, boven=sum(round(p.budget[g] * CENTEN) for g in k.gemeenten))
    m, n = len(p.leveranciers), len(ks)
    doelen = (
        {j: punten(p.leveranciers[si].waarde) for (ci, si), j in x.items()},
        {j: round(p.leveranciers[si].prijs * CENTEN) for (ci, si), j in x.items()},
        {j: m - p.leveranciers[si].rang for (ci, si), j in x.items()},
        {j: (m - p.leveranciers[si].rang) * (n - ci) ** 2 for (ci, si), j in x.items()},
    )
    tu = tu_kolommen(p, ks, x, budget) if geheel and not elastisch else []
    return Opbouw(lin, ks, x, doelen, slack, tu, subregio_z, k_z, y)


def _budgetgrenzen(p: Verdeelprobleem, lin: Programma, ks: list[Klasse], x: dict[tuple[int, int], int]) -> None:
    """The bounds a class's budget row implies (evaluatie.verdeling.budgetgrens), before any row uses them."""
    for ci, k in enumerate(ks):
        if not all(g in p.budget for g in k.gemeenten):
            continue
        prijzen = {x[ci, si]: round(p.leveranciers[si].prijs * CENTEN) for si in k.leveranciers if (ci, si) in x}
        begroting = sum(round(p.budget[g] * CENTEN) for g in k.gemeenten)
        for j, grens in budgetgrens(prijzen, k.vraag, begroting).items():
            lin.boven[j] = min(lin.boven[j], grens)


def tu_kolommen(p: Verdeelprobleem, ks: list[Klasse], x: dict[tuple[int, int], int], budget: bool) -> list[int]:
    """The x columns that need not be integer, because fixing the others makes the rest totally unimodular.

    Fix every integer column that is not an x (y: supplier chosen; z: supplier in a gemeente or
    subregio) and every x of a class with a budget row. What is left of each row over the other x
    is a demand row of one class or a row over one supplier's total (capacity, min_volume, the
    fixed total; x <= ub * y and x <= d * z become bounds): the incidence matrix of a bipartite
    graph, with some rows repeated, which is totally unimodular; with integral bounds and
    right-hand sides every vertex is integral. So the optimum with these x continuous equals the
    optimum with them integer, and a simplex vertex with the integer columns fixed is an integral
    optimum (`HighsMotor.hoekpunt`). A fixed stage row spoils this unless it is implied by the
    demand and total rows (stage 4: every total fixed); so only stage 1 and stage 4 use it."""
    met_budget = {ci for ci, k in enumerate(ks) if budget and all(g in p.budget for g in k.gemeenten)}
    return [j for (ci, _), j in x.items() if ci not in met_budget]


def _leveranciersregels(
    p: Verdeelprobleem,
    lin: Programma,
    per_leverancier: dict[int, list[tuple[int, int]]],
    gebruikt: list[int],
    slack: dict[str, int] | None = None,
) -> dict[int, int]:
    """Capacity, max_aandeel, min_volume, min/max_leveranciers: rules on a supplier's total only.

    y[s] = 1 when s gets volume. A chosen supplier gets at least max(1, min_volume): a supplier
    with nothing does not count towards min_leveranciers. Returns supplier -> y column (none without those rules)."""
    r = p.regels
    heeft_y = r.min_volume or r.min_leveranciers is not None or r.max_leveranciers is not None
    ys = []
    uit: dict[int, int] = {}
    for si in gebruikt:
        ub = bovengrens(p, p.leveranciers[si])
        volume = [(j, 1) for _, j in per_leverancier[si]]
        if not heeft_y:
            lin.rij(volume, boven=ub)
            continue
        y = uit[si] = lin.kolom(0, 1)
        ys.append((y, 1))
        lin.rij([*volume, (y, -ub)], boven=0)
        # x <= ub(x) * y: redundant for integers, but a much tighter LP relaxation.
        for _, j in per_leverancier[si]:
            lin.rij([(j, 1), (y, -lin.boven[j])], boven=0)
        lin.rij([*volume, (y, -max(1, r.min_volume or 0))], onder=0)
    if r.min_leveranciers is not None:
        if slack is not None:
            slack["min_leveranciers"] = lin.kolom(0, ONEINDIG)
            ys.append((slack["min_leveranciers"], 1))
        lin.rij(ys, onder=r.min_leveranciers)
    if r.max_leveranciers is not None:
        lin.rij(ys, boven=r.max_leveranciers)
    return uit


def _subregio_gemeente(p: Verdeelprobleem, lin: Programma, ks: list[Klasse], x) -> dict[tuple[int, int], int]:
    """per_subregio over single gemeenten: a supplier serves every gemeente of a subregio (>= 1 each) or none.

    Returns the z column of every (class, supplier) that has one."""
    uit: dict[tuple[int, int], int] = {}
    regios: dict[str, list[int]] = {}
    for ci, k in enumerate(ks):
        regios.setdefault(p.subregio[k.gemeenten[0]], []).append(ci)
    for cis in regios.values():
        for si in sorted({si for ci in cis for si in ks[ci].leveranciers}):
            if not all((ci, si) in x for ci in cis):
                for ci in cis:
                    if (ci, si) in x:
                        lin.boven[x[ci, si]] = 0
                continue
            z = lin.kolom(0, 1)
            for ci in cis:
                uit[ci, si] = z
                lin.rij([(x[ci, si], 1), (z, -ks[ci].vraag)], boven=0)
                lin.rij([(x[ci, si], 1), (z, -1)], onder=0)
    return uit


def _subregio_klasse(p: Verdeelprobleem, lin: Programma, ks: list[Klasse], x) -> None:
    """per_subregio over whole subregio's, exact for a supplier's total.

    With n gemeenten with demand in the subregio, the smallest demand d_min and D in all, a
    supplier serves the subregio with 0 or between n and D; at most d_min suppliers (each needs
    one inburgeraar in every gemeente) and at most max_leveranciers_per_gemeente. Any such
    amounts split over the gemeenten: give every chosen supplier 1 per gemeente, the rest is a
    transportation problem with every cell open and equal totals."""
    k_max = p.regels.max_leveranciers_per_gemeente
    for ci, k in enumerate(ks):
        n = len(k.gemeenten)
        d_min = min(p.vraag[g] for g in k.gemeenten)
        grens = d_min if k_max is None else min(d_min, k_max)
        zs = []
        for si in k.leveranciers:
            if (ci, si) not in x:
                continue
            if lin.boven[x[ci, si]] < n:
                lin.boven[x[ci, si]] = 0
                continue
            z = lin.kolom(0, 1)
            lin.rij([(x[ci, si], 1), (z, -k.vraag)], boven=0)
            lin.rij([(x[ci, si], 1), (z, -n)], onder=0)
            zs.append((z, 1))
        if len(zs) > grens:
            lin.rij(zs, boven=grens)

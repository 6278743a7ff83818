"""The allocation as one PuLP model, solved lexicographically: the reference bench/landelijk.py
measures the library's exact path against (the library itself builds every model with
evaluatie.verdeling.opbouw). Same classes, rules and objectives as the library's docstrings say.
"""

from __future__ import annotations

import time

from evaluatie.fouten import EvaluatieFout
from evaluatie.verdeling.diagnose import diagnose, vooraf
from evaluatie.verdeling.klassen import (
    CENTEN,
    WAARDESCHAAL,
    Klasse,
    bovengrens,
    klassen,
    per_gemeente_nodig,
    uitsplitsen,
)
from evaluatie.verdeling.model import Verdeelprobleem, Verdeling
from evaluatie.verdeling.oplosser import STANDAARD, kies, maak_oplosser


class _Model:
    """The PuLP model of one lot; `elastisch` adds penalised slack on demand, budget and min_leveranciers."""

    def __init__(self, p: Verdeelprobleem, ks: list[Klasse], elastisch: bool = False):
        import pulp

        self.p, self.ks = p, ks
        r = p.regels
        self.prob = pulp.LpProblem(f"verdeling_{p.perceel}", pulp.LpMaximize)
        self.x: dict[tuple[int, int], pulp.LpVariable] = {}
        for ci, k in enumerate(ks):
            for si in k.leveranciers:
                ub = min(k.vraag, bovengrens(p, p.leveranciers[si]))
                if ub > 0:
                    self.x[ci, si] = self.prob.add_variable(f"x_{ci}_{si}", 0, ub, cat="Integer")
        gebruikt = sorted({si for _, si in self.x})
        self.slack: dict[str, pulp.LpVariable] = {}
        for ci, k in enumerate(ks):
            termen = [(self.x[ci, si], 1) for si in k.leveranciers if (ci, si) in self.x]
            if elastisch:
                u = self.prob.add_variable(f"tekort_{ci}", 0, k.vraag)
                self.slack[f"tekort:{ci}"] = u
                termen.append((u, 1))
            self.prob += pulp.LpAffineExpression(termen) == k.vraag, f"vraag_{ci}"
        self.y: dict[int, pulp.LpVariable] = {}
        heeft_y = r.min_volume or r.min_leveranciers is not None or r.max_leveranciers is not None
        per_leverancier: dict[int, list[tuple[int, pulp.LpVariable]]] = {}
        for (ci, si), v in self.x.items():
            per_leverancier.setdefault(si, []).append((ci, v))
        for si in gebruikt:
            s = p.leveranciers[si]
            volume = pulp.LpAffineExpression([(v, 1) for _, v in per_leverancier[si]])
            if heeft_y:
                y = self.y[si] = self.prob.add_variable(f"y_{si}", cat="Binary")
                self.prob += volume - bovengrens(p, s) * y <= 0, f"capaciteit_{si}"
                # Variable upper bounds x <= ub * y: redundant for integers but a much tighter
                # LP relaxation, which is what makes the national model solve in seconds.
                for ci, v in per_leverancier[si]:
                    self.prob += v - v.upBound * y <= 0, f"koppel_{ci}_{si}"
                if r.min_volume:
                    self.prob += volume - r.min_volume * y >= 0, f"min_volume_{si}"
            else:
                self.prob += volume <= bovengrens(p, s), f"capaciteit_{si}"
        if r.min_leveranciers is not None:
            termen = [(y, 1) for y in self.y.values()]
            if elastisch:
                k_ = self.slack["min_leveranciers"] = self.prob.add_variable("tekort_leveranciers", 0)
                termen.append((k_, 1))
            self.prob += pulp.LpAffineExpression(termen) >= r.min_leveranciers, "min_leveranciers"
        if r.max_leveranciers is not None:
            self.prob += (
                pulp.LpAffineExpression([(y, 1) for y in self.y.values()]) <= r.max_leveranciers,
                "max_leveranciers",
            )
        if r.max_leveranciers_per_gemeente is not None:
            for ci, k in enumerate(ks):
                zs = []
                for si in k.leveranciers:
                    if (ci, si) in self.x:
                        z = self.prob.add_variable(f"z_{ci}_{si}", cat="Binary")
                        self.prob += self.x[ci, si] - k.vraag * z <= 0, f"keten_{ci}_{si}"
                        zs.append((z, 1))
                self.prob += pulp.LpAffineExpression(zs) <= r.max_leveranciers_per_gemeente, f"max_per_gemeente_{ci}"
        if r.per_subregio:
            self._per_subregio()
        for ci, k in enumerate(ks):
            g = k.gemeenten[0]
            if g in p.budget:
                termen = [
                    (self.x[ci, si], round(p.leveranciers[si].prijs * CENTEN))
                    for si in k.leveranciers
                    if (ci, si) in self.x
                ]
                if elastisch:
                    b = self.slack[f"budget:{ci}"] = self.prob.add_variable(f"overschrijding_{ci}", 0)
                    termen.append((b, -1))
                self.prob += pulp.LpAffineExpression(termen) <= round(p.budget[g] * CENTEN), f"budget_{ci}"
        # Each objective less every class's smallest coefficient, as the library does
        # (evaluatie.verdeling.opbouw.Opbouw.verschoven): same optimum, smaller fixed stage rows.
        self.waarde = self._verschoven(
            {k: round(p.leveranciers[k[1]].waarde * WAARDESCHAAL) for k in self.x}, elastisch
        )
        self.kosten = self._verschoven({k: round(p.leveranciers[k[1]].prijs * CENTEN) for k in self.x}, elastisch)
        self.rangvoorkeur = self._verschoven(
            {k: len(p.leveranciers) - p.leveranciers[k[1]].rang for k in self.x}, elastisch
        )
        n, m = len(ks), len(p.leveranciers)
        self.volgorde = pulp.LpAffineExpression(
            [(v, (m - self.p.leveranciers[si].rang) * (n - ci) ** 2) for (ci, si), v in self.x.items()]
        )

    def _verschoven(self, coef: dict[tuple[int, int], int], elastisch: bool):
        import pulp

        laagste: dict[int, int] = {}
        if not elastisch:  # elastic demand rows are no equalities: no shift
            for (ci, _), c in coef.items():
                laagste[ci] = min(laagste.get(ci, c), c)
        return pulp.LpAffineExpression([(self.x[k], c - laagste.get(k[0], 0)) for k, c in coef.items()])

    def zet_volumes_vast(self) -> None:
        """Fix every supplier's total at its current value: what is left is which gemeenten it serves."""
        import pulp

        volumes: dict[int, list] = {}
        for (_, si), v in self.x.items():
            volumes.setdefault(si, []).append((v, 1))
        for si, termen in volumes.items():
            totaal = round(sum(v.varValue or 0 for v, _ in termen))
            self.prob += pulp.LpAffineExpression(termen) == totaal, f"volume_vast_{si}"

    def _per_subregio(self) -> None:

        regios: dict[str, list[int]] = {}
        for ci, k in enumerate(self.ks):
            regios.setdefault(self.p.subregio[k.gemeenten[0]], []).append(ci)
        for ri, (_, cis) in enumerate(regios.items()):
            for si in sorted({si for ci in cis for si in self.ks[ci].leveranciers}):
                z = self.prob.add_variable(f"r_{ri}_{si}", cat="Binary")
                for ci in cis:
                    if (ci, si) in self.x:
                        self.prob += self.x[ci, si] - self.ks[ci].vraag * z <= 0, f"regio_max_{ci}_{si}"
                        self.prob += self.x[ci, si] - z >= 0, f"regio_min_{ci}_{si}"
                    else:
                        self.prob += z == 0, f"regio_nvt_{ci}_{si}"


def _los(prob, oplosser: str, tijdslimiet: float | None) -> str:
    """Solve; return 'optimaal', 'onhaalbaar' or 'tijdslimiet'. Reads sol_status, not only status."""
    from evaluatie.verdeling.matrix import los_cbc
    from evaluatie.verdeling.status import Oplosserfout, highs_uitkomst

    try:
        if oplosser == "cbc":
            return los_cbc(prob, tijdslimiet)
        prob.solve(maak_oplosser(oplosser, tijdslimiet))
        # PuLP's HiGHS interface keeps the Highs object: read its own model status.
        return highs_uitkomst(prob.solverModel.getModelStatus().name, tijdslimiet)
    except Oplosserfout as e:
        raise EvaluatieFout([e.melding()]) from None


def verdeel_pulp(p: Verdeelprobleem, oplosser: str = STANDAARD, tijdslimiet: float | None = None) -> Verdeling:
    """The full model through PuLP, as it was before the fast path: kept as the reference that
    bench/landelijk.py measures against. Raises EvaluatieFout when impossible."""
    import pulp

    oplosser = kies(oplosser, per_gemeente_nodig(p))
    meldingen = vooraf(p)
    if meldingen:
        raise EvaluatieFout(meldingen)
    t0 = time.perf_counter()
    ks = klassen(p)
    m = _Model(p, ks)
    bouwtijd = time.perf_counter() - t0
    if not m.x:  # no demand at all: nothing to allocate (and nothing for a solver to optimise)
        return Verdeling(toewijzing=(), solver=oplosser, model="leeg", bouwtijd=bouwtijd)
    t1 = time.perf_counter()
    stappen = [
        (m.waarde, pulp.LpMaximize, lambda v: m.waarde >= v),
        (m.rangvoorkeur, pulp.LpMaximize, lambda v: m.rangvoorkeur >= v),
        (m.kosten, pulp.LpMinimize, lambda v: m.kosten <= v),
        (m.volgorde, pulp.LpMaximize, None),
    ]
    for i, (doel, richting, vastzetten) in enumerate(stappen):
        m.prob.sense = richting
        m.prob.setObjective(doel)
        uitkomst = _los(m.prob, oplosser, tijdslimiet)
        if uitkomst == "onhaalbaar":
            raise EvaluatieFout(diagnose(p, ks, oplosser, tijdslimiet))
        if uitkomst == "tijdslimiet":
            raise EvaluatieFout(
                [
                    f"Perceel {p.perceelnaam}: de oplosser vond binnen de tijdslimiet geen bewezen "
                    "optimale verdeling; verhoog --tijdslimiet"
                ]
            )
        if vastzetten is not None:
            m.prob += vastzetten(round(pulp.value(doel))), f"lexicografisch_{i}"
        if doel is m.kosten:  # the third stage, as in evaluatie.verdeling.opbouw.Opbouw.stappen
            m.zet_volumes_vast()
    oplostijd = time.perf_counter() - t1
    hoeveel = {key: round(v.varValue or 0) for key, v in m.x.items()}
    return Verdeling(
        toewijzing=tuple(uitsplitsen(p, ks, hoeveel)),
        solver=oplosser,
        model="per gemeente" if per_gemeente_nodig(p) else "geaggregeerd",
        pad="PuLP volledig model",
        bouwtijd=bouwtijd,
        oplostijd=oplostijd,
    )


def stap4_pulp(p: Verdeelprobleem, totalen: dict[int, int], tijdslimiet: float | None = None) -> Verdeling | str:
    """Stage 4 alone in this independent model: every supplier's total fixed at `totalen` (suppliers
    absent from it at 0), then the gemeenten's order maximised, HiGHS through PuLP. The check of a lot
    whose stages 1-3 the reference models confirm but whose stage 4 the full model did not prove within
    its limit (bench/landelijk.py). Returns the allocation, or 'onhaalbaar' / 'tijdslimiet'."""
    import pulp

    ks = klassen(p)
    m = _Model(p, ks)
    per_leverancier: dict[int, list] = {}
    for (_, si), v in m.x.items():
        per_leverancier.setdefault(si, []).append((v, 1))
    for si, termen in per_leverancier.items():
        m.prob += pulp.LpAffineExpression(termen) == totalen.get(si, 0), f"totaal_{si}"
    m.prob.sense = pulp.LpMaximize
    m.prob.setObjective(m.volgorde)
    uitkomst = _los(m.prob, "highs", tijdslimiet)
    if uitkomst != "optimaal":
        return uitkomst
    hoeveel = {key: round(v.varValue or 0) for key, v in m.x.items()}
    return Verdeling(
        toewijzing=tuple(uitsplitsen(p, ks, hoeveel)), solver="highs", model="per gemeente", pad="PuLP stap 4"
    )

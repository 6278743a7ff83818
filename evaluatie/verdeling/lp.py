"""The allocation as a mixed-integer linear programme (PuLP), solved lexicographically.

Variables: x[c, s] = inburgeraars of demand class c assigned to supplier s (integer).
A demand class is one gemeente, or, when no rule looks at single gemeenten (no
max_leveranciers_per_gemeente, no per_subregio, no budget per gemeente), all gemeenten
with the same set of eligible suppliers merged: the national-scale model shrinks from
gemeenten to subregio's with the same optimum, and the merged amounts are split back over
the gemeenten afterwards (tender order, best-ranked supplier first).

Objectives, in order, each solved to proven optimality and then fixed:
1. maximise sum of gunningswaarde x inburgeraars (values scaled to integers);
2. among those, minimise cost (in cents);
3. among those, maximise sum of (R - rank) x inburgeraars (R suppliers): volume goes to the
   better-ranked supplier (this settles ties between suppliers of equal value and price);
4. with every supplier's total now fixed, maximise sum of (R - rank) x (C - position)^2 x
   inburgeraars (C demand classes in tender order): the better-ranked supplier gets the
   gemeenten earliest in the tender's list. Steps 3 and 4 are a documented rule instead of
   solver whim; splitting step 4 off keeps it a small problem.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from evaluatie.fouten import EvaluatieFout
from evaluatie.verdeling.model import Leverancier, Toewijzing, Verdeelprobleem, Verdeling
from evaluatie.verdeling.oplosser import STANDAARD, kies, maak_oplosser

WAARDESCHAAL = 10_000  # 4 decimals of the total score
CENTEN = 100


@dataclass
class Klasse:
    gemeenten: tuple[str, ...]
    vraag: int
    leveranciers: tuple[int, ...]  # indexes into problem.leveranciers


def geschikt(p: Verdeelprobleem) -> dict[str, tuple[int, ...]]:
    """Eligible suppliers per gemeente. Under per_subregio a supplier must serve the whole subregio."""
    uit = {}
    for g in p.vraag:
        kandidaten = tuple(i for i, s in enumerate(p.leveranciers) if g in s.gemeenten)
        if p.regels.per_subregio:
            leden = [x for x in p.vraag if p.subregio[x] == p.subregio[g] and p.vraag[x] > 0]
            kandidaten = tuple(i for i in kandidaten if all(x in p.leveranciers[i].gemeenten for x in leden))
        uit[g] = kandidaten
    return uit


def per_gemeente_nodig(p: Verdeelprobleem) -> bool:
    r = p.regels
    return r.max_leveranciers_per_gemeente is not None or r.per_subregio or bool(p.budget)


def klassen(p: Verdeelprobleem) -> list[Klasse]:
    el = geschikt(p)
    actief = [g for g, d in p.vraag.items() if d > 0]
    if per_gemeente_nodig(p):
        return [Klasse((g,), p.vraag[g], el[g]) for g in actief]
    groepen: dict[tuple[int, ...], list[str]] = {}
    for g in actief:
        groepen.setdefault(el[g], []).append(g)
    return [Klasse(tuple(gs), sum(p.vraag[g] for g in gs), sleutel) for sleutel, gs in groepen.items()]


def bovengrens(p: Verdeelprobleem, s: Leverancier) -> int:
    plafond = p.aandeelplafond()
    return s.capaciteit if plafond is None else min(s.capaciteit, plafond)


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
        self.waarde = pulp.LpAffineExpression(
            [(v, round(self.p.leveranciers[si].waarde * WAARDESCHAAL)) for (ci, si), v in self.x.items()]
        )
        self.kosten = pulp.LpAffineExpression(
            [(v, round(self.p.leveranciers[si].prijs * CENTEN)) for (ci, si), v in self.x.items()]
        )
        self.rangvoorkeur = pulp.LpAffineExpression(
            [(v, len(p.leveranciers) - self.p.leveranciers[si].rang) for (ci, si), v in self.x.items()]
        )
        n, m = len(ks), len(p.leveranciers)
        self.volgorde = pulp.LpAffineExpression(
            [(v, (m - self.p.leveranciers[si].rang) * (n - ci) ** 2) for (ci, si), v in self.x.items()]
        )

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
    import pulp

    prob.solve(maak_oplosser(oplosser, tijdslimiet))
    if prob.status == pulp.LpStatusOptimal and prob.sol_status == pulp.LpSolutionOptimal:
        return "optimaal"
    if prob.status == pulp.LpStatusInfeasible or prob.sol_status == pulp.LpSolutionInfeasible:
        return "onhaalbaar"
    if prob.sol_status == pulp.LpSolutionIntegerFeasible or prob.status == pulp.LpStatusNotSolved:
        return "tijdslimiet"
    return "onhaalbaar"


def verdeel(p: Verdeelprobleem, oplosser: str = STANDAARD, tijdslimiet: float | None = None) -> Verdeling:
    """Allocate one lot along the exact fast path of `evaluatie.verdeling.pad`.

    The result depends only on the order of p.leveranciers (the ranking), the tender order of
    p.vraag and the numbers, never on names. Raises EvaluatieFout with an explanation in words
    when impossible."""
    from evaluatie.verdeling.diagnose import diagnose, vooraf
    from evaluatie.verdeling.pad import Onhaalbaar, Tegenstrijdig, Tijdslimiet, verdeel_exact

    meldingen = vooraf(p)
    if meldingen:
        raise EvaluatieFout(meldingen)
    if not any(p.vraag.values()):  # no demand at all: nothing to allocate
        return Verdeling(toewijzing=(), solver=kies(oplosser, False), model="leeg", pad="leeg")
    try:
        return verdeel_exact(p, oplosser, tijdslimiet)
    except Onhaalbaar:
        enkel = kies(oplosser, per_gemeente_nodig(p))
        raise EvaluatieFout(diagnose(p, klassen(p), enkel, None)) from None
    except Tijdslimiet:
        raise EvaluatieFout([_TIJDSLIMIET.format(perceel=p.perceelnaam)]) from None
    except Tegenstrijdig:
        raise EvaluatieFout(
            [
                f"Perceel {p.perceelnaam}: de oplosser noemde een latere stap onhaalbaar terwijl de oplossing van de "
                "vorige stap eraan voldoet; dat is een rekenfout van de oplosser, geen eigenschap van de aanbesteding. "
                "Probeer --solver highs of --solver cbc"
            ]
        ) from None


_TIJDSLIMIET = (
    "Perceel {perceel}: de oplosser vond binnen de tijdslimiet geen bewezen optimale verdeling; verhoog --tijdslimiet"
)


def verdeel_pulp(p: Verdeelprobleem, oplosser: str = STANDAARD, tijdslimiet: float | None = None) -> Verdeling:
    """The full model through PuLP, as it was before the fast path: kept as the reference that
    bench/landelijk.py measures against. Raises EvaluatieFout when impossible."""
    import pulp

    from evaluatie.verdeling.diagnose import diagnose, vooraf

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
        (m.kosten, pulp.LpMinimize, lambda v: m.kosten <= v),
        (m.rangvoorkeur, pulp.LpMaximize, lambda v: m.rangvoorkeur >= v),
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
        if doel is m.rangvoorkeur:
            m.zet_volumes_vast()
    oplostijd = time.perf_counter() - t1
    hoeveel = {key: round(v.varValue or 0) for key, v in m.x.items()}
    return Verdeling(
        toewijzing=tuple(_uitsplitsen(p, ks, hoeveel)),
        solver=oplosser,
        model="per gemeente" if per_gemeente_nodig(p) else "geaggregeerd",
        pad="PuLP volledig model",
        bouwtijd=bouwtijd,
        oplostijd=oplostijd,
    )


def _uitsplitsen(p: Verdeelprobleem, ks: list[Klasse], hoeveel: dict[tuple[int, int], int]) -> list[Toewijzing]:
    """Split merged classes back over their gemeenten: gemeenten in tender order, suppliers by rank."""
    per_cel: dict[tuple[str, int], int] = {}
    for ci, k in enumerate(ks):
        rest = {si: hoeveel.get((ci, si), 0) for si in sorted(k.leveranciers, key=lambda i: p.leveranciers[i].rang)}
        for g in k.gemeenten:
            nodig = p.vraag[g]
            for si in rest:
                neem = min(nodig, rest[si])
                if neem:
                    per_cel[g, si] = per_cel.get((g, si), 0) + neem
                    rest[si] -= neem
                    nodig -= neem
    volgorde = list(p.vraag)
    uit = []
    for (g, si), n in sorted(per_cel.items(), key=lambda t: (volgorde.index(t[0][0]), p.leveranciers[t[0][1]].rang)):
        s = p.leveranciers[si]
        uit.append(Toewijzing(gemeente=g, inschrijver=s.naam, aantal=n, kosten=round(n * s.prijs, 2)))
    return uit

"""What every allocation model is built from: demand classes, eligibility, supplier bounds and
the integer scales of the objectives (evaluatie.verdeling.opbouw builds the one model from these).

A demand class is one gemeente, or, when no rule looks at single gemeenten (no
max_leveranciers_per_gemeente, no per_subregio, no budget per gemeente), all gemeenten
with the same set of eligible suppliers merged: the national-scale model shrinks from
gemeenten to subregio's with the same optimum, and the merged amounts are split back over
the gemeenten afterwards: stage 4 and step 5 run over single gemeenten (evaluatie.verdeling.pad), so
`uitsplitsen` gets one gemeente per class there; for a merged class it fills the gemeenten in tender
order, the suppliers in ranking order.
"""

from __future__ import annotations

from dataclasses import dataclass

from evaluatie.prijs.precisie import SCHAAL
from evaluatie.verdeling.model import Leverancier, Toewijzing, Verdeelprobleem

WAARDESCHAAL = SCHAAL  # the one precision of evaluatie.prijs.precisie (4 decimals)
CENTEN = 100


@dataclass
class Klasse:
    gemeenten: tuple[str, ...]
    vraag: int
    leveranciers: tuple[int, ...]  # indexes into problem.leveranciers


def geschikt(p: Verdeelprobleem) -> dict[str, tuple[int, ...]]:
    """Eligible suppliers per gemeente. Under per_subregio a supplier must serve the whole subregio."""
    uit = {}
    bediend = [frozenset(s.gemeenten) for s in p.leveranciers]  # a set per supplier: national 342 x 150 lookups
    for g in p.vraag:
        kandidaten = tuple(i for i, s in enumerate(bediend) if g in s)
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


def uitsplitsen(p: Verdeelprobleem, ks: list[Klasse], hoeveel: dict[tuple[int, int], int]) -> list[Toewijzing]:
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

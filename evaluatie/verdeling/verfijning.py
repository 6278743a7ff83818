"""Where max_leveranciers_per_gemeente (K) must be written out, found from the solutions themselves.

The K rule needs one 0/1 column per gemeente and supplier, which makes the full model large
(national tender, B1: 6,309 binaries) and slow to prove. It binds in few gemeenten, so the exact
path of `evaluatie.verdeling.pad` (`_verdeel_k`) switches it on only where a solution breaks it:

- stages 1-3 on merged classes, with the gemeenten of `apart` as classes of their own that carry
  the K rule (`apart_zetten`): still a relaxation of the real model, so its stage values bound
  the real ones. A merged class whose amounts cannot be split with at most K suppliers per
  gemeente (`te_krap`) has its largest gemeenten set apart, and the relaxation is solved again;
- stage 4 over single gemeenten with every total fixed and the K rule only in the gemeenten
  where an earlier round broke it (`overschreden`): again a relaxation; once its optimum meets
  K everywhere, it is feasible for the real model and therefore optimal.
Every round adds at least one gemeente, so the rounds end; in the worst case every gemeente
carries the rule and the model is the real one.

The MIPs of those stage-4 rounds get a start (`voorstel`, `start`): an allocation with every total that meets
the K rule in every gemeente, found with a few LPs. It is feasible for every round, so HiGHS begins with an
incumbent instead of searching for one; the proof of each round is HiGHS's as before, so the start changes the
time only, never a proven value.
"""

from __future__ import annotations

from collections.abc import Set

from evaluatie.verdeling.klassen import Klasse
from evaluatie.verdeling.matrix import HighsMotor, Motor, Uitkomst
from evaluatie.verdeling.model import Verdeelprobleem
from evaluatie.verdeling.opbouw import Opbouw
from evaluatie.verdeling.status import Oplosserfout

# At most this many LPs for `voorstel` (a limit in work): every LP takes out at least one cell; on the national
# tender (bench/landelijk.py, K=2 and K=3, seeds 1-10) 1-5 LPs after the transportation LP, and once (K=2, seed 10,
# B1) the LP had no solution after taking cells out (no start there).
LPS_VOORSTEL = 30


def apart_zetten(p: Verdeelprobleem, ks: list[Klasse], apart: Set[str]) -> list[Klasse]:
    """The classes with every gemeente of `apart` taken out as a class of its own (same suppliers)."""
    uit: list[Klasse] = []
    for k in ks:
        rest = tuple(g for g in k.gemeenten if g not in apart)
        if len(rest) == len(k.gemeenten) or len(k.gemeenten) == 1:
            uit.append(k)
            continue
        uit += [Klasse((g,), p.vraag[g], k.leveranciers) for g in k.gemeenten if g in apart]
        if rest:
            uit.append(Klasse(rest, sum(p.vraag[g] for g in rest), k.leveranciers))
    return uit


def te_krap(p: Verdeelprobleem, ks: list[Klasse], cellen: dict[tuple[int, int], int], k_max: int) -> set[str]:
    """Gemeenten of classes whose amounts cannot be split with at most `k_max` suppliers per gemeente.

    For the t largest gemeenten of a class together, at most k_max x t suppliers deliver, each at most
    its amount in the class: their demand must not exceed the sum of the k_max x t largest amounts.
    Where that fails for some t, the t largest gemeenten are returned (the first t that fails), to be
    set apart. For a class of one gemeente this says: more than k_max suppliers. A necessary condition
    only: a class that passes may still not split, which stage 4 then finds (`overschreden`)."""
    uit: set[str] = set()
    per_klasse: dict[int, list[int]] = {}
    for (ci, _), n in cellen.items():
        per_klasse.setdefault(ci, []).append(n)
    for ci, k in enumerate(ks):
        bedragen = sorted(per_klasse.get(ci, []), reverse=True)
        grootste = sorted(k.gemeenten, key=lambda g: (-p.vraag[g], k.gemeenten.index(g)))
        vraag = 0
        for t, g in enumerate(grootste, start=1):
            vraag += p.vraag[g]
            if vraag > sum(bedragen[: k_max * t]):
                uit.update(grootste[:t])
                break
    return uit


def overschreden(cellen: dict[tuple[int, int], int], k_max: int) -> set[int]:
    """The classes (single gemeenten) with more than `k_max` suppliers in an allocation."""
    aantal: dict[int, int] = {}
    for ci, _ in cellen:
        aantal[ci] = aantal.get(ci, 0) + 1
    return {ci for ci, n in aantal.items() if n > k_max}


def voorstel(
    p: Verdeelprobleem, o: Opbouw, m: Motor, cellen: dict[tuple[int, int], int], k_max: int
) -> dict[tuple[int, int], int] | None:
    """An allocation with every supplier's total and at most `k_max` suppliers in every gemeente, or None when
    this quick search finds none.

    `o` is the transportation LP of stage 4 (no gemeente with the rule) and `cellen` its solution, `m` the engine
    that solved it. In every gemeente with more than k_max suppliers the cells beyond its k_max largest (by amount,
    then rank) are taken out and the LP is solved again, on the same engine from where it stood, until no gemeente
    has more or the LP has no solution. Taking out cells keeps the matrix totally unimodular, so every vertex is
    integral; with budgets (x integer in those gemeenten) or on CBC: None. No proof of anything: a start for
    the stage-4 MIPs of the rounds (`start`), which prove their own optimum; an LP the engine cannot solve, or
    more than LPS_VOORSTEL of them, only means no start. The engine's model is changed: use it for nothing else."""
    if not isinstance(m, HighsMotor) or len(o.tu) != len(o.x):
        return None
    m.zet_geheel(o.tu, False)
    try:
        for _ in range(LPS_VOORSTEL):
            te_veel = overschreden(cellen, k_max)
            if not te_veel:
                return cellen
            per: dict[int, list[tuple[int, int, int]]] = {}
            for (ci, si), n in cellen.items():
                if ci in te_veel:
                    per.setdefault(ci, []).append((-n, p.leveranciers[si].rang, si))
            m.sluit(sorted(o.x[ci, si] for ci, rij in per.items() for _, _, si in sorted(rij)[k_max:]))
            if m.los(o.doelen[3], True) != Uitkomst.OPTIMAAL:
                return None
            cellen = o.cellen(m.waarden())
    except (ArithmeticError, Oplosserfout):  # a fractional vertex (cannot happen), or a status without an allocation
        return None
    return None


def start(o: Opbouw, cellen: dict[tuple[int, int], int]) -> list[int]:
    """The full start vector of a stage-4 model `o` for the allocation `cellen` (from `voorstel`, with the same
    classes and totals): x the amounts, every 0/1 column of the K rule 1 exactly where its cell has an amount."""
    w = [0] * o.lin.aantal
    for cel, n in cellen.items():
        w[o.x[cel]] = n
    for cel, z in o.k_z.items():
        w[z] = int(cellen.get(cel, 0) > 0)
    return w

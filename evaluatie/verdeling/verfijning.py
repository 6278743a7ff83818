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
"""

from __future__ import annotations

from collections.abc import Set

from evaluatie.verdeling.klassen import Klasse
from evaluatie.verdeling.model import Verdeelprobleem


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

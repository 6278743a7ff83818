"""When a changed allocation problem provably has the award's own allocation, without solving it.

Leaving one reviewer out changes the bids' values (gunningswaarde) and often nothing else: the
same bidders in the same ranking order, with the same ties. Then, under the rules below, the
allocation is the award's own, and re-solving it (four HiGHS stages) is work whose answer is
known. Measured on the example: 6 of the 9 leave-one-out allocations, about 35 ms cpu of 0.7 s.

Why (the stages are those of evaluatie.verdeling.opbouw): with no rule other than a share
ceiling (`max_aandeel`) and the bidders' capacities, the allocations are the integral points of
a transportation polytope: each gemeente's demand met exactly, each bidder's total T_s at most
min(capacity, ceiling). The totals vectors T it can reach form the base polytope of a polymatroid
(Gale's theorem: T is reachable iff T(S) <= f(S) for every set S of bidders, with f submodular,
and T(all) = total demand). Stage 1 maximises sum_s w_s T_s with w_s the bid's value in points.
On a base polytope the optimal face of a linear objective is {T : T(L) = f(L) for every upper
level set L = {s : w_s >= t}} (the greedy algorithm of Edmonds), and the upper level sets depend
only on which bidder's value is higher than, equal to or lower than which other's: the weak order.
So two problems that differ only in the values, with the same weak order, have the same set of
stage-1 optimal allocations. Stages 2-4 (ranking position, price, ranking position x tender
order) do not use the values; with the same bidders, positions, prices, capacities and gemeenten
they optimise the same objectives over the same set. The lexicographic optimum is the same, and
the allocation the award published is one (tests/test_zelfde_verdeling.py checks this against
real solves of generated problems).

Any other rule (a minimum volume, a number of suppliers per lot or per gemeente, per subregio,
budgets) makes the reachable totals no polymatroid, and then the problem is solved again.
"""

from __future__ import annotations

import dataclasses

from evaluatie.definitie.model import Verdeelregels
from evaluatie.prijs.precisie import punten
from evaluatie.verdeling.model import Verdeelprobleem


def _zwakke_orde(waarden: list[int]) -> list[int]:
    """Each value's place among the distinct values (equal values, equal place)."""
    plaats = {w: i for i, w in enumerate(sorted(set(waarden)))}
    return [plaats[w] for w in waarden]


def zelfde_verdeling(basis: Verdeelprobleem, nieuw: Verdeelprobleem) -> bool:
    """True when `nieuw` provably has the same allocation as `basis` (see the module docstring):
    only a share ceiling as rule, no budget, and the same problem except the bids' values, whose
    weak order (in points, as the allocation compares them) is the same."""
    # model_construct: the share comes from the validated rules and every other field keeps its declared default,
    # so this is the model Verdeelregels(max_aandeel=...) would give, without building its validator (0.5 ms)
    if basis.regels != Verdeelregels.model_construct(max_aandeel=basis.regels.max_aandeel) or basis.budget:
        return False
    if len(basis.leveranciers) != len(nieuw.leveranciers):
        return False
    if dataclasses.replace(nieuw, leveranciers=basis.leveranciers) != basis:
        return False
    for a, b in zip(basis.leveranciers, nieuw.leveranciers, strict=True):
        if dataclasses.replace(b, waarde=a.waarde) != a:
            return False
    oud = _zwakke_orde([punten(s.waarde) for s in basis.leveranciers])
    return oud == _zwakke_orde([punten(s.waarde) for s in nieuw.leveranciers])

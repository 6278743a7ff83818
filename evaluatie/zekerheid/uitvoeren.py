"""All robustness analyses for the chosen lots of an award.

The analyses are independent tasks (one per lot and reviewer left out, one per supplier whose
capacity margin is searched, one Monte Carlo and one margin table per lot). On a large tender
they run on every core in forked worker processes; each task is deterministic and the results
are put together in a fixed order, so the outcome is byte-identical to a run on one core.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from evaluatie.verdeling.oplosser import STANDAARD
from evaluatie.zekerheid.marge import capaciteitsmarge, gegunde_leveranciers, marges, rangomkeringen
from evaluatie.zekerheid.model import Zekerheid
from evaluatie.zekerheid.storing import storing
from evaluatie.zekerheid.weglaten import panelen_zonder, weglating

# Below this many (gemeente, admitted bidder) pairs over all lots, starting workers costs more than it saves.
DREMPEL_PARALLEL = 2000
_TAKEN: list[Callable[[], Any]] = []  # set before forking: the workers inherit the closures


def _voer_taak_uit(i: int) -> Any:
    return _TAKEN[i]()


def processen(award) -> int:
    """Worker processes for this award: EVALUATIE_PROCESSEN if set, else every core on a large tender."""
    gezet = os.environ.get("EVALUATIE_PROCESSEN", "").strip()
    if gezet.isdigit() and int(gezet) > 0:
        return int(gezet)
    omvang = sum(len(p.budgetten) * len(p.rangorde) for p in award.uitslag.percelen.values())
    if omvang < DREMPEL_PARALLEL or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(os.cpu_count() or 1, 4)


def voer_uit(taken: list[Callable[[], Any]], aantal: int) -> list[Any]:
    """Results of `taken` in their order, on `aantal` forked processes (in this process when 1)."""
    global _TAKEN
    if aantal <= 1 or len(taken) <= 1:
        return [t() for t in taken]
    _TAKEN = taken
    try:
        with ProcessPoolExecutor(min(aantal, len(taken)), mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_voer_taak_uit, range(len(taken))))
    finally:
        _TAKEN = []


def zekerheid(award, oplosser: str = STANDAARD, trekkingen: int = 10_000) -> dict[str, Zekerheid]:
    panelen = panelen_zonder(award)
    beoordelaars = award.beoordeling.panel.beoordelaars
    codes = list(award.uitslag.percelen)
    taken: dict[tuple[str, str, str], Callable[[], Any]] = {}
    # The expensive tasks (each re-solves an allocation) first, so the workers stay balanced.
    for code in codes:
        for r in beoordelaars:
            taken[("weglaten", code, r)] = lambda c=code, r=r: weglating(award, c, oplosser, r, panelen[r])
        for naam in gegunde_leveranciers(award, code):
            taken[("capaciteit", code, naam)] = lambda c=code, n=naam: capaciteitsmarge(award, c, oplosser, n)
    for code in codes:
        taken[("storing", code, "")] = lambda c=code: storing(award, c, trekkingen)
        taken[("marge", code, "")] = lambda c=code: marges(award, c)
    uitkomst = dict(zip(taken, voer_uit(list(taken.values()), processen(award)), strict=True))
    uit = {}
    for code, p in award.uitslag.percelen.items():
        uit[code] = Zekerheid(
            perceel=code,
            winnaar=p.winnaars()[0] if p.rangorde else None,
            weglatingen=tuple(uitkomst[("weglaten", code, r)] for r in beoordelaars),
            storing=uitkomst[("storing", code, "")],
            marges=tuple(uitkomst[("marge", code, "")]),
            capaciteit=tuple(uitkomst[("capaciteit", code, n)] for n in gegunde_leveranciers(award, code)),
            rangomkering=tuple(rangomkeringen(award, code)),
        )
    return uit

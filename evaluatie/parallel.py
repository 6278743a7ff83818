"""Independent pieces of work on every core, in forked processes, with the results in input order.

Reading 150 bid workbooks is Python work of about 13 ms each; on two cores it takes half the
time. Each piece is a pure function of its input (a file and the tender), so where it runs
does not change what it returns, and the results come back in the order of the input: the
caller merges them exactly as a loop would (tests/test_parallel.py compares both).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

_FUNCTIE: list[Callable[[Any], Any]] = []  # set before forking: the workers inherit it


def aantal_werkers() -> int:
    """EVALUATIE_PROCESSEN if set (1: everything in this process), else every core (at most 4)."""
    gezet = os.environ.get("EVALUATIE_PROCESSEN", "").strip()
    return int(gezet) if gezet.isdigit() and int(gezet) > 0 else min(os.cpu_count() or 1, 4)


def _voer_uit(stuk: Any) -> Any:
    return _FUNCTIE[0](stuk)


def in_volgorde(functie: Callable[[Any], Any], stukken: Sequence[Any], vanaf: int) -> list[Any]:
    """[functie(s) for s in stukken], on forked worker processes when there are at least `vanaf`
    pieces (below that, starting the workers costs more than they save) and fork is available."""
    werkers = min(aantal_werkers(), len(stukken))
    if werkers <= 1 or len(stukken) < vanaf:
        return [functie(s) for s in stukken]
    import multiprocessing  # only here: a small tender never pays for importing it (about 6 ms)
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return [functie(s) for s in stukken]
    _FUNCTIE[:] = [functie]
    try:
        with ProcessPoolExecutor(werkers, mp_context=multiprocessing.get_context("fork")) as pool:
            # a few large chunks: each result crosses a pipe once, in order
            return list(pool.map(_voer_uit, stukken, chunksize=max(1, len(stukken) // (werkers * 4))))
    finally:
        _FUNCTIE[:] = []

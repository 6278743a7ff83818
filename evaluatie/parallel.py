"""Independent pieces of work on every core, in forked processes, with the results in input order.

Reading 150 bid workbooks is Python work of about 13 ms each; on two cores it takes half the
time. Each piece is a pure function of its input (a file and the tender), so where it runs
does not change what it returns, and the results come back in the order of the input: the
caller merges them exactly as a loop would (tests/test_parallel.py compares both).

Forking leaves the parent's objects frozen for the garbage collector in the workers (`voor_fork`, the
remedy the Python documentation gives for fork without exec). A worker inherits every object of the
parent (about 65,000 after the imports of a national `gunning`), and a full collection in the worker
walks all of them and writes into each one's header: the kernel then copies every page of the inherited
heap. Measured in a national `gunning` (bench/schaal.py): each full collection in a worker took 70-220 ms,
with the parent's heap frozen 0.3-5 ms. The parent unfreezes as soon as its workers are forked, so
what it holds is collected as before. Only the cost changes, never a result.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any

_FUNCTIE: list[Callable[[Any], Any]] = []  # set before forking: the workers inherit it


VARIABELE = "EVALUATIE_PROCESSEN"


class OngeldigAantalProcessen(ValueError):
    """EVALUATIE_PROCESSEN holds something that is not a number of processes; the message says so in words."""


def gevraagde_processen() -> int | None:
    """The number of processes EVALUATIE_PROCESSEN asks for, or None when it is not set (or empty).

    Why an error and no default: 'abc', '0', '-1' or '1.5' used to mean 'every core' without a word, so a user who
    asked for one process (a measurement, a machine shared with others) got four. Only whole numbers of 1 or more,
    written in the digits 0-9, count; spaces around them are ignored (' 2 ' is 2). Empty is the same as not set, as
    a shell's `EVALUATIE_PROCESSEN= evaluatie ...` means."""
    gezet = os.environ.get(VARIABELE, "").strip()
    if not gezet:
        return None
    if gezet.isascii() and gezet.isdigit() and int(gezet) > 0:
        return int(gezet)
    raise OngeldigAantalProcessen(
        f"{VARIABELE}={os.environ[VARIABELE]!r} is geen aantal processen: geef een geheel getal van 1 of meer "
        "(1: alles in dit ene proces; 2 of meer: hoogstens zoveel processen tegelijk), of laat de variabele weg "
        "(of leeg) voor alle kernen, hoogstens 4"
    )


def aantal_werkers() -> int:
    """EVALUATIE_PROCESSEN if set (1: everything in this process), else every core (at most 4)."""
    gevraagd = gevraagde_processen()
    return gevraagd if gevraagd is not None else min(os.cpu_count() or 1, 4)


@contextlib.contextmanager
def voor_fork() -> Iterator[None]:
    """Around the start of forked workers: the objects that exist now are frozen for the collector
    (`gc.freeze`), so the workers' collections skip what they inherited; afterwards the parent's
    collector sees them again (`gc.unfreeze`; the workers keep their frozen copy)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def bevroren() -> Iterator[None]:
    """While the reports are written: what exists now (the award, its inputs, the modules: all kept to the end of the
    command) is frozen for the collector, which then only walks the objects made meanwhile, and thawed afterwards.

    Writing the reports makes many short-lived objects (cells, lines of letters), enough for a full collection
    of the whole heap on the way: 65 ms of a national `gunning`, in the process that writes while the analyses
    take the other core (issue #24). Only when the collector runs changes, never what is written."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


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
            # a few large chunks: each result crosses a pipe once, in order; the workers fork on the first one
            with voor_fork():
                uit = pool.map(_voer_uit, stukken, chunksize=max(1, len(stukken) // (werkers * 4)))
            return list(uit)
    finally:
        _FUNCTIE[:] = []

"""One pure computation started on the other core (a forked child) while this process goes on.

A small award writes its reports in about 40 ms and computes its robustness analyses in about
40 ms; the analyses are needed only for the last report. Forked once, the child computes them
while this process writes the rest, so the user waits for the longer of the two, not their sum.
The child inherits everything already computed (no re-import, no re-reading), returns its result
through a pipe and ends with the command: `uitkomst()` and `stop()` both wait for it.

The child is only a second pair of hands: whenever it cannot deliver (no fork on this system, an
exception in the computation, a result that does not pickle, a child that was killed), this
process computes the same function itself. The outcome and any error are then exactly those of
running it here, with the same message and exit code, and nothing is ever taken from a child
that did not finish. The computation must be deterministic and write nothing, so where it runs
does not change what it returns.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Callable
from typing import Generic, TypeVar

from evaluatie.parallel import aantal_werkers

T = TypeVar("T")

_GELUKT = b"1"  # first byte of a child's answer: a pickled result follows; anything else: compute here


class Vooruit(Generic[T]):
    """`functie()` started in a forked child; `uitkomst()` returns it (computed here if the child could not)."""

    def __init__(self, functie: Callable[[], T]):
        self._functie = functie
        self._pid = 0
        self._lezen = -1
        if not hasattr(os, "fork") or aantal_werkers() < 2:
            return
        lezen, schrijven = os.pipe()
        try:
            pid = os.fork()  # this process's buffered stdout is never written twice: the child ends with os._exit
        except OSError:  # no process to spare (EAGAIN, ENOMEM): computed here when asked
            os.close(lezen)
            os.close(schrijven)
            return
        if pid == 0:  # the child: compute, answer, and end without running this process's exit handlers
            os.close(lezen)
            _kind(functie, schrijven)
        os.close(schrijven)
        self._pid, self._lezen = pid, lezen

    def uitkomst(self) -> T:
        """The result; waits for the child (computes here when it delivered nothing usable)."""
        antwoord = self._wacht()
        if antwoord[:1] == _GELUKT:
            try:
                return pickle.loads(antwoord[1:])  # type: ignore[no-any-return]
            except Exception:  # computed here instead, with the same outcome
                pass
        return self._functie()

    def stop(self) -> None:
        """Given up (a report failed, an interrupt): the child is ended and waited for, never left running."""
        if self._pid:
            import signal

            with contextlib.suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
        self._wacht()

    def _wacht(self) -> bytes:
        if not self._pid:
            return b""
        delen = []
        try:
            while deel := os.read(self._lezen, 1 << 20):
                delen.append(deel)
        finally:
            os.close(self._lezen)
            os.waitpid(self._pid, 0)
            self._pid, self._lezen = 0, -1
        return b"".join(delen)


def _kind(functie: Callable[[], object], schrijven: int) -> None:
    """Run in the forked child only: never returns."""
    code = 0
    try:
        try:
            antwoord = _GELUKT + pickle.dumps(functie(), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # the parent computes it itself and meets the same error
            antwoord = b"0"
        with os.fdopen(schrijven, "wb") as uit:
            uit.write(antwoord)
    except BaseException:  # a broken pipe: the parent computes it itself
        code = 1
    finally:
        os._exit(code)

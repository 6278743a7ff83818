"""One computation started in a second thread while this thread goes on with other work.

A small award writes its reports in about 40 ms and computes its robustness analyses in about
40 ms; the analyses are needed only for the last report (pipeline.schrijf_rapporten). Python runs
one thread at a time, but HiGHS, numpy's loops, zlib and the disk let go of Python's lock while
they work, so started ahead the analyses fill those gaps of the report writing, and the other
way round (measured on the example: 12 ms less wall time for 3 ms more cpu, also on a machine
whose other core is busy).

A forked child was measured too and not used: it saved more wall time on an idle machine, but
copying the pages both processes touch after the fork cost 18-25 ms cpu, and on a busy machine
it was slower than computing here.

The computation must write nothing and share no mutable state with the work this thread does
meanwhile; what it returns or raises is then exactly what calling it here would, and `uitkomst()`
returns or raises just that. `stop()` waits for it: no thread outlives the command.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from evaluatie.parallel import aantal_werkers

T = TypeVar("T")


class Vooruit(Generic[T]):
    """`functie()` started in a second thread (here, when asked, on one core); `uitkomst()` returns or raises it."""

    def __init__(self, functie: Callable[[], T]):
        self._functie = functie
        self._uitkomst: list[T] = []
        self._fout: list[BaseException] = []
        self._draad: threading.Thread | None = None
        if aantal_werkers() < 2:  # EVALUATIE_PROCESSEN=1: everything in this thread, one step after the other
            return
        self._draad = threading.Thread(target=self._reken, name="evaluatie-vooruit")
        self._draad.start()

    def _reken(self) -> None:
        try:
            self._uitkomst.append(self._functie())
        except BaseException as e:  # raised again by uitkomst(), in the thread that asks for it
            self._fout.append(e)

    def uitkomst(self) -> T:
        """The result (computed now if no thread was started); the computation's own exception if it failed."""
        if self._draad is None:
            return self._functie()
        self.stop()
        if self._fout:
            raise self._fout[0]
        return self._uitkomst[0]

    def stop(self) -> None:
        """Wait for the thread (also when the caller gave up: a report failed, an interrupt)."""
        if self._draad is not None:
            self._draad.join()

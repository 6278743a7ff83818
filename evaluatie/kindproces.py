"""Independent tasks shared between this process and one forked child: the second core of a small tender.

A small award (the example) computes its robustness analyses (about 70 ms) in this process, after it has
written the other reports (about 50 ms): one core works and the other waits, so the command takes the time
of both one after the other (issue #24, measured in wall time). A pool of workers (`concurrent.futures`,
what a large tender uses) costs this process about 10 ms to import and start; here one child is forked
(`os.fork`, about 3 ms) and the tasks are shared without a pool:
- the task numbers wait in a pipe, 4 bytes each; whoever reads a number (the kernel gives it to exactly one
  reader) does that task. The child starts at once; this process joins when it collects the results,
  after writing its reports, and takes the numbers that are left;
- the child sends each result back, pickled, through a second pipe, and ends with `os._exit` (it never
  runs this process's exit handlers or flushes its buffers);
- a task the child did not send back (it failed, raised a warning, or the child died) runs here again, in
  task order. So an error surfaces here exactly as when every task ran here: the same exception, from the
  first failing task in order; a warning is given by this process, once, as before.

Each task is deterministic and independent of the others (the analyses re-solve copies), so where it runs
does not change its result, and the results come back in task order (tests/test_kindproces.py).
Only the cost changes: the child pays for its pages that the kernel copies (copy on write); the objects that
exist at the fork are frozen for its collector (evaluatie.parallel.voor_fork).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import signal
import struct
import sys
import warnings
from collections.abc import Callable
from typing import Any, NoReturn

from evaluatie.parallel import voor_fork

_NUMMER = struct.Struct("<I")
_LENGTE = struct.Struct("<Q")
_ENDEND: list[int] = []  # children that sent all their results and are ending: reaped by wacht_op_kinderen
MAX_TAKEN = 1024  # 4 KB of task numbers: written before the fork, without ever waiting for a reader


class Kindproces:
    """`taken` started on a forked child; `resultaten()` takes the rest here and returns all in task order."""

    def __init__(self, taken: list[Callable[[], Any]]):
        self._taken = taken
        self._pid: int | None = None
        self._nummers = -1
        self._uit = -1
        if len(taken) < 2 or len(taken) > MAX_TAKEN or not hasattr(os, "fork") or _andere_threads():
            return  # nothing to share, or no safe fork: every task runs here when collected
        nummers_r, nummers_w = os.pipe()
        uit_r, uit_w = os.pipe()
        os.write(nummers_w, b"".join(_NUMMER.pack(i) for i in range(len(taken))))
        os.close(nummers_w)  # all numbers are in: an empty pipe now reads as the end
        with voor_fork():
            pid = os.fork()
            if pid == 0:  # the child, still frozen (it never leaves this block: _kind ends the process)
                os.close(uit_r)
                _kind(taken, nummers_r, uit_w)
        os.close(uit_w)
        self._pid, self._nummers, self._uit = pid, nummers_r, uit_r

    def resultaten(self) -> list[Any]:
        """Every task's result, in task order: the numbers left are done here, then the child's results read."""
        if self._pid is None:
            return [t() for t in self._taken]
        try:
            hier: dict[int, Any] = {}
            fouten: dict[int, Exception] = {}
            while (i := _volgend(self._nummers)) is not None:
                try:
                    hier[i] = self._taken[i]()
                except Exception as e:  # raised below, in task order (a task before it may fail too)
                    fouten[i] = e
            os.close(self._nummers)
            self._nummers = -1  # collected: the child ends by itself once its last task is sent
            kind = _lees_alles(self._uit)
        finally:
            self.stop()
        uit = []
        for i, taak in enumerate(self._taken):
            if i in fouten:
                raise fouten[i]
            uit.append(hier[i] if i in hier else kind[i] if i in kind else taak())
        return uit

    def stop(self) -> None:
        """Done or given up (a report failed): the pipes closed, the child ended. A child that sent all it had is
        ending by itself and is reaped later (`wacht_op_kinderen`, at the latest when the process exits): the
        kernel's teardown of its copy takes a few ms that nobody needs to wait for. One given up is killed and
        reaped now."""
        if self._pid is not None:
            if self._nummers >= 0:  # given up before collecting (a report failed): its work is not needed
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            else:
                _ENDEND.append(self._pid)
                wacht_op_kinderen(blokkerend=False)
            self._pid = None
        for fd in (self._nummers, self._uit):
            if fd >= 0:
                os.close(fd)
        self._nummers = self._uit = -1


def wacht_op_kinderen(blokkerend: bool = True) -> None:
    """Reap the children that have ended (`blokkerend`: wait for each of them to end); run at exit (atexit)."""
    for pid in list(_ENDEND):
        try:
            klaar, _ = os.waitpid(pid, 0 if blokkerend else os.WNOHANG)
        except ChildProcessError:  # reaped already (a caller's os.wait)
            klaar = pid
        if klaar:
            _ENDEND.remove(pid)


atexit.register(wacht_op_kinderen)


LAAD = "/proc/loadavg"  # its fourth field: the tasks running or ready to run now, this one included


def vrije_kern() -> bool:
    """Whether a forked child would have a core of its own now. No when the processes running or ready to run
    (/proc/loadavg, at this moment) already fill every core this process may use: the child would then share a core
    with another program and the parent wait for its last task (measured 5 December 2026 with one other busy
    process on the 2 cores: the example 32 ms slower in wall time). Yes under a real-time policy (`chrt`): the
    child inherits it and goes before every ordinary process. Yes when it cannot be told (no /proc: macOS).
    Only where the analyses run depends on it, never what they return."""
    try:
        if os.sched_getscheduler(0) in (os.SCHED_FIFO, os.SCHED_RR):
            return True
        with open(LAAD, encoding="ascii") as f:
            bezig = int(f.read().split()[3].split("/")[0])
        return bezig < len(os.sched_getaffinity(0))
    except (OSError, ValueError, IndexError, AttributeError):
        return True


def _andere_threads() -> bool:
    """Whether a Python thread besides this one runs (a caller's own threads): a fork copies only this thread, and a
    lock another thread holds at that moment stays held in the child forever. Then nothing is forked."""
    threading = sys.modules.get("threading")
    return threading is not None and threading.active_count() > 1


def _volgend(fd: int) -> int | None:
    """The next task number nobody took yet, or None when all are taken."""
    data = os.read(fd, _NUMMER.size)
    return _NUMMER.unpack(data)[0] if data else None


def _kind(taken: list[Callable[[], Any]], nummers: int, uit: int) -> NoReturn:
    """The child's life: tasks until none is left, each result sent as soon as it is known; then os._exit, whatever
    happened (an error, Ctrl-C): what was not sent is done again where the results are collected."""
    try:
        while (i := _volgend(nummers)) is not None:
            with warnings.catch_warnings(record=True) as gezien:  # under this process's filters: what would show
                resultaat = taken[i]()  # an error ends the child: the task is done again, so it surfaces there
            if gezien:
                break  # likewise: the warning is given by the process the user sees
            data = pickle.dumps((i, resultaat), protocol=pickle.HIGHEST_PROTOCOL)
            _schrijf_alles(uit, _LENGTE.pack(len(data)) + data)
    finally:
        # Every descriptor closed before the end, the results pipe last: its end tells the parent that the child holds
        # nothing of it any more (the werkmap's lock, evaluatie.slot, is released only when every copy of its
        # descriptor is closed), and the kernel's teardown of this copy (a few ms in exit) is waited for by nobody.
        for fd in _open_beschrijvingen():
            if fd != uit:
                with contextlib.suppress(OSError):
                    os.close(fd)
        os.close(uit)
        os._exit(0)


def _open_beschrijvingen() -> list[int]:
    """This process's open descriptors: from /proc/self/fd where there is one (Linux), else every number up to the
    limit. Not `os.closerange` up to the limit: without the close_range call (Linux before 5.9) that is one call per
    number, and a container's limit is often 1,048,576 (0.1-0.5 s while the parent waits for the results' end)."""
    try:
        return sorted(int(n) for n in os.listdir("/proc/self/fd"))
    except (OSError, ValueError):
        return list(range(os.sysconf("SC_OPEN_MAX")))


def _schrijf_alles(fd: int, data: bytes) -> None:
    weergave = memoryview(data)
    while weergave:
        weergave = weergave[os.write(fd, weergave) :]


def _lees_alles(fd: int) -> dict[int, Any]:
    """Every complete result the child sent, until it ended (a cut-off last one is left out: done here)."""
    stukken = []
    while data := os.read(fd, 1 << 16):
        stukken.append(data)
    buffer = b"".join(stukken)
    uit: dict[int, Any] = {}
    plek = 0
    while plek + _LENGTE.size <= len(buffer):
        (lengte,) = _LENGTE.unpack_from(buffer, plek)
        if plek + _LENGTE.size + lengte > len(buffer):
            break
        i, resultaat = pickle.loads(buffer[plek + _LENGTE.size : plek + _LENGTE.size + lengte])
        uit[i] = resultaat
        plek += _LENGTE.size + lengte
    return uit

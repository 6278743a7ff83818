"""A folder of its own for each CBC solve, removed afterwards whatever happened, and no CBC left running.

PuLP's bundled CBC is a separate program: PuLP writes the model (.mps), a MIP start (.mst) and the solution
(.sol) into the system's temp folder (TMPDIR, else /tmp) and removes them only after a solve that succeeded. CBC
stopping with an error (PulpSolverError), Ctrl-C or a stop (SIGTERM) while it ran left them there for good, one set
per solve; and after Ctrl-C or SIGTERM to evaluatie alone, CBC went on in the background (a large model without a
time limit for minutes) and wrote its .sol when done. Here the files go into `evaluatie-cbc-<pid>-*` in the temp
folder (evaluatie.systeemtmp), which is removed when the solve ends; an interrupted solve first stops its CBC (and
one that a SIGKILL left is removed by the next solve). SIGTERM, which ends a process without any clean-up, is
caught for the duration of the solve only where nobody else handles it, and given back to the default handling once
CBC is stopped and the folder is gone, so the process still ends by that signal.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from evaluatie.systeemtmp import nieuwe_map


class _Gestopt(BaseException):
    """SIGTERM arrived during a solve (see `cbc_map`)."""


@contextmanager
def cbc_map() -> Iterator[str]:
    """Yield a new folder for PuLP's CBC files (`tmpDir`); it is removed at the end, and a CBC that still runs when
    the block is left by an exception (an interruption) is stopped first."""
    map_ = nieuwe_map("cbc")  # evaluatie-cbc-<pid>-...: one a SIGKILL left is removed by the next solve
    vorige = _vang_sigterm()
    gestopt = False
    try:
        yield map_
    except _Gestopt:
        gestopt = True
        _stop_cbc(map_)
    except BaseException:
        _stop_cbc(map_)
        raise
    finally:
        if vorige is not None:
            signal.signal(signal.SIGTERM, vorige)
        shutil.rmtree(map_, ignore_errors=True)
    if gestopt:  # everything is cleaned up: end as SIGTERM would have ended the process
        signal.raise_signal(signal.SIGTERM)
        raise SystemExit(128 + signal.SIGTERM)  # only if the default handling did not end it (never on POSIX)


def _vang_sigterm() -> signal.Handlers | None:
    """Catch SIGTERM as `_Gestopt` where nothing else handles it (the default, in the main thread); the handler to
    put back, or None when nothing was changed."""
    if threading.current_thread() is not threading.main_thread():
        return None
    with contextlib.suppress(ValueError, OSError):
        if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
            signal.signal(signal.SIGTERM, _stop)
            return signal.SIG_DFL
    return None


def _stop(signum: int, frame: object) -> None:
    raise _Gestopt


def _stop_cbc(map_: str) -> None:
    """Stop this process's CBC that works in `map_` (its command line names the files there), and wait for it.

    PuLP keeps the process to itself, so it is found by its parent and command line (/proc, Linux); where there is
    no /proc nothing is stopped here (the folder is still removed)."""
    for pid in _kinderen_met(map_):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGTERM)
        _wacht(pid)


def _kinderen_met(tekst: str) -> list[int]:
    uit = []
    with contextlib.suppress(OSError):
        for naam in os.listdir("/proc"):
            if not naam.isdigit():
                continue
            try:
                with open(f"/proc/{naam}/stat", "rb") as f:
                    ouder = int(f.read().rsplit(b")", 1)[1].split()[1])
                if ouder != os.getpid():
                    continue
                with open(f"/proc/{naam}/cmdline", "rb") as f:
                    if tekst.encode() in f.read():
                        uit.append(int(naam))
            except (OSError, ValueError, IndexError):
                continue
    return uit


def _wacht(pid: int, seconden: float = 2.0) -> None:
    """Reap `pid`; after `seconden` it is killed."""
    einde = time.monotonic() + seconden
    while True:
        try:
            klaar, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return  # reaped elsewhere (subprocess)
        if klaar:
            return
        if time.monotonic() >= einde:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
            return
        time.sleep(0.01)

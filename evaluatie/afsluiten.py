"""End the `evaluatie` process without Python's teardown, once nothing is left that the teardown would do for it.

After a command has returned, a normal interpreter exit spends about 0.1 s (the example's `gunning`, issue #24)
tearing down what the process no longer needs: every module's globals are cleared, the whole heap is collected
once more, and numpy, highspy and openpyxl free their objects one by one. Nobody waits for that but the user.
`os._exit` skips it, and with it everything the interpreter still does on the way out; so it is taken only when
each of those things has been done here first, in the order the interpreter would do them:
- non-daemon threads are joined before anything else at a normal exit: while any thread other than this one is
  alive (daemon or not), the normal exit is taken;
- the `atexit` handlers run here (logging's flush, multiprocessing's clean-up of its children, the removal of
  temporary folders of `tempfile`), and their output is flushed;
- stdout and stderr are flushed; if that fails (a closed pipe: `evaluatie gunning | head`), the normal exit
  reports it as it always did;
- a child process of `multiprocessing` still alive after the handlers: the normal exit.
What is left to the teardown are objects that no longer matter: every file evaluatie writes is closed by the
code that writes it (`with`), before the command returns, which `tests/test_afsluiten.py` checks for `gunning`.

Only the console script and `python -m evaluatie` end this way (`evaluatie.cli.opdrachtregel`). Calling
`evaluatie.cli.main` in a process of one's own (a test, click's CliRunner, a script) raises `SystemExit` as
before and never ends that process.
"""

from __future__ import annotations

import atexit
import os
import sys
from collections.abc import Callable
from typing import NoReturn


def als_proces(hoofd: Callable[[], object]) -> NoReturn:
    """Run `hoofd` (click's main, which ends by raising SystemExit) and end the process with its exit code.

    The code is the one Python would give: None is 0, an int is itself (the system keeps its lowest 8 bits, both
    ways). Anything else (a text for stderr), an exception other than SystemExit, or a process that is not ready
    (see the module) goes the normal way: the exception is raised again and Python exits as it always did."""
    try:
        hoofd()
    except SystemExit as e:
        code = e.code
    else:
        code = None
    if code is None:
        code = 0
    if not isinstance(code, int) or not _klaar():
        raise SystemExit(code)
    os._exit(code)


def _klaar() -> bool:
    """Whether everything the interpreter does on the way out has been done here (see the module)."""
    if _andere_threads():
        return False
    if not _geleegd():
        return False
    atexit._run_exitfuncs()
    if _andere_threads() or _kinderen():
        return False
    return _geleegd()


def _andere_threads() -> bool:
    threading = sys.modules.get("threading")
    return threading is not None and threading.active_count() > 1


def _kinderen() -> bool:
    multiprocessing = sys.modules.get("multiprocessing")
    return multiprocessing is not None and bool(multiprocessing.active_children())


def _geleegd() -> bool:
    """Flush stdout and stderr (and the originals, if replaced); False if that fails."""
    gezien: set[int] = set()
    for stroom in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        if stroom is None or id(stroom) in gezien:
            continue
        gezien.add(id(stroom))
        try:
            stroom.flush()
        except (OSError, ValueError):
            return False
    return True

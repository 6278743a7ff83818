"""evaluatie's folders in the system's temp folder (TMPDIR, else /tmp): named after the process, and what a
stopped process left there is removed by the next one.

`controleer` reproduces the award in a copy of the werkmap's inputs (every bid with its prices, every review form),
`template inschrijving` builds its form there, and each CBC solve keeps its files there. A process stopped with
SIGTERM or SIGKILL ends without any clean-up, so such a folder stayed in /tmp for good, a copy of confidential bids
among them. Each folder is now `evaluatie-<soort>-<pid namespace>-<pid>-<random>`; making one first removes the
folders of that kind whose process no longer runs (only this user's own folders of the same pid namespace, never a
link). A process that still runs, also one of another user or in another container sharing the folder, keeps its
folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_NAAM = re.compile(r"^evaluatie-(?P<soort>[a-z]+)-(?P<ruimte>\d+)-(?P<pid>\d+)-")
_opgeruimd: set[tuple[str, str]] = set()
"""(kind, temp folder) whose leftovers this process has removed already."""


def nieuwe_map(soort: str) -> str:
    """A new folder `evaluatie-<soort>-<namespace>-<pid>-...` in the temp folder, after removing those of stopped
    processes (once per process, kind and temp folder: an award may solve with CBC many times); the caller removes it
    (see `tijdelijke_map`)."""
    sleutel = (soort, tempfile.gettempdir())
    if sleutel not in _opgeruimd:
        _opgeruimd.add(sleutel)
        ruim_op(soort)
    return tempfile.mkdtemp(prefix=f"evaluatie-{soort}-{_ruimte()}-{os.getpid()}-")


def _ruimte() -> str:
    """The process-number space this process lives in (its pid namespace, Linux): a temp folder shared by two
    containers holds numbers of processes the other cannot see, which are never taken for ended. '0' elsewhere."""
    try:
        return "".join(t for t in os.readlink("/proc/self/ns/pid") if t.isdigit()) or "0"
    except OSError:
        return "0"


@contextmanager
def tijdelijke_map(soort: str) -> Iterator[Path]:
    """`nieuwe_map`, removed when the block ends (also on an exception)."""
    map_ = nieuwe_map(soort)
    try:
        yield Path(map_)
    finally:
        shutil.rmtree(map_, ignore_errors=True)


def ruim_op(soort: str) -> list[Path]:
    """Remove this user's `evaluatie-<soort>-<pid>-*` folders whose process has ended; returns what was removed."""
    weg: list[Path] = []
    if os.name == "nt":  # os.kill(pid, 0) would end that process there: nothing is removed
        return weg
    ruimte = _ruimte()
    with contextlib.suppress(OSError):
        basis = Path(tempfile.gettempdir())
        for p in basis.iterdir():
            m = _NAAM.match(p.name)
            if m is None or m["soort"] != soort or m["ruimte"] != ruimte or int(m["pid"]) == os.getpid():
                continue
            try:
                if p.is_symlink() or not p.is_dir() or p.stat().st_uid != os.geteuid() or _leeft(int(m["pid"])):
                    continue
            except OSError:
                continue
            shutil.rmtree(p, ignore_errors=True)
            weg.append(p)
    return weg


def _leeft(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # a process of another user, or no way to tell: kept
    return True

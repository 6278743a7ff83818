"""One writer per werkmap at a time: a lock file, `.evaluatie.lock`, held for the whole command.

Two commands writing the same werkmap at once (two awards, an award and a draw) could each swap
in their reports and append to the logboek in an order nobody chose. A command that writes takes
an exclusive lock (flock) on the werkmap's lock file; a second one waits up to WACHTTIJD seconds
and then refuses with a message (exit 1) instead of writing alongside. The operating system drops
the lock when a process ends, also when it is killed, so a stale lock cannot block a werkmap;
what a killed run left half-written is removed once the lock is held (schrijfwacht.ruim_op).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

from evaluatie.fouten import EvaluatieFout
from evaluatie.schrijfwacht import SchrijfFout, reden, ruim_op
from evaluatie.tekst import kort

BESTAND = ".evaluatie.lock"
WACHTTIJD = 10.0
"""Seconds a second writer waits for the first to finish before it refuses."""
_STAP = 0.05
_gehouden: set[str] = set()  # werkmappen whose lock this process holds


def _probeer(fd: int) -> bool:
    """Take the exclusive lock on `fd` without waiting; False when another process holds it.

    flock on POSIX; on Windows msvcrt.locking on the file's first byte (released when the file is
    closed or the process ends, as flock is)."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


_GEEN_SLOT = (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL)
"""What flock says on a file system that cannot lock (NFS without its lock service, some shares)."""


def _geprobeerd(pad: Path, fd: int) -> bool:
    """`_probeer`, with a lock the file system cannot give said in words at the lock file (exit 2): it was
    'bestandsfout: ... (ENOLCK)' without a place. Writing on without the lock is no option (two writers at once)."""
    try:
        return _probeer(fd)
    except OSError as e:
        if e.errno in _GEEN_SLOT:
            raise SchrijfFout(
                pad,
                "het bestandssysteem kan geen bestanden vergrendelen (een netwerkmap?); zet de werkmap op een lokale "
                "schijf",
            ) from None
        raise SchrijfFout(pad, reden(e)) from None


_GEEN_GEWOON_BESTAND = (
    "het slotbestand is {wat}; evaluatie schrijft er zijn procesnummer in en zou zo een ander bestand "
    "overschrijven. Verwijder {naam} (het wordt opnieuw gemaakt)"
)


def _open_slot(root: Path, pad: Path) -> int:
    """The lock file opened for writing, only when it is a plain file of its own.

    The pid is written into it: a lock file that is a link (symlink) to another file, or a second name of one
    (hard link), would have that file truncated. A werkmap copied from someone else could bring such a link
    along (a hidden file nobody looks at); it is refused, and nothing is written."""
    if pad.is_symlink():  # also where O_NOFOLLOW does not exist (Windows)
        raise SchrijfFout(pad, _GEEN_GEWOON_BESTAND.format(wat="een koppeling (symlink)", naam=BESTAND))
    try:
        # 0666 less the umask, as every file evaluatie writes: in a folder a team shares (umask 002) a colleague
        # must be able to take the lock; it was 0644 whatever the umask
        fd = os.open(pad, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o666)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise SchrijfFout(pad, _GEEN_GEWOON_BESTAND.format(wat="een koppeling (symlink)", naam=BESTAND)) from None
        if (ander := _van_een_ander(root, pad, e)) is not None:
            fd = ander
        else:
            soort = AlleenLezen if e.errno in (errno.EROFS, errno.EACCES, errno.EPERM) else SchrijfFout
            raise soort(root, f"{reden(e)}; evaluatie schrijft in deze map (eerst het slot {BESTAND})") from None
    status = os.fstat(fd)
    if not stat.S_ISREG(status.st_mode) or status.st_nlink > 1:
        os.close(fd)
        wat = "geen gewoon bestand" if not stat.S_ISREG(status.st_mode) else "een tweede naam van een ander bestand"
        raise SchrijfFout(
            pad,
            _GEEN_GEWOON_BESTAND.format(wat=f"{wat} (harde koppeling)" if status.st_nlink > 1 else wat, naam=BESTAND),
        )
    return fd


def _van_een_ander(root: Path, pad: Path, fout: OSError) -> int | None:
    """The lock file of another user that this one may not write, in a werkmap this user may write (a colleague made
    it, 0644): opened to read, which is all flock needs (its process number then stays the other's). None where the
    werkmap itself is not writable: that stays read-only (AlleenLezen)."""
    if fout.errno not in (errno.EACCES, errno.EPERM) or not pad.is_file() or not os.access(root, os.W_OK | os.X_OK):
        return None
    try:
        return os.open(pad, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None


class AlleenLezen(SchrijfFout):
    """The lock file cannot be made or opened for writing: the werkmap is read-only for this user (an archived
    copy, a read-only mount). A command that only reads may then go on without the lock (see evaluatie.cli)."""


class WerkmapBezet(EvaluatieFout):
    """Another command is writing in this werkmap (exit 1)."""


def _houder(pad: Path) -> str:
    with contextlib.suppress(OSError, ValueError):
        tekst = pad.read_text(encoding="utf-8").strip()
        if tekst:
            return f" (proces {tekst})"
    return ""


@contextmanager
def werkmap_slot(root: Path, wachttijd: float | None = None) -> Iterator[Path]:
    """Hold the werkmap's lock for the duration; WerkmapBezet after `wachttijd` (default WACHTTIJD).

    Re-entrant within a process: a command that asks twice holds the one lock it already has."""
    pad = root / BESTAND
    sleutel = str(root.resolve())
    if sleutel in _gehouden:
        yield pad
        return
    fd = _open_slot(root, pad)
    try:
        einde = time.monotonic() + (WACHTTIJD if wachttijd is None else wachttijd)
        while True:
            if _geprobeerd(pad, fd):
                break
            if time.monotonic() >= einde:
                raise WerkmapBezet(
                    [
                        f"{root}: een ander evaluatie-commando schrijft in deze werkmap{_houder(pad)}; "
                        f"na {kort(WACHTTIJD if wachttijd is None else wachttijd)} seconden wachten is dit commando "
                        "gestopt zonder iets te schrijven. Probeer het opnieuw als het andere klaar is."
                    ]
                ) from None
            time.sleep(_STAP)
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n".encode())
        ruim_op(
            root,
            root / "rapporten",
            root / "rapporten" / "intern",
            root / "rapporten" / "brieven",  # a failed award's marker is written there (evaluatie.niet_actueel)
            root / "rapporten" / "gemeenten",
            root / "beoordelingen",
            root / "contract",
            root / "contract" / "kwartaal",
            root / "contract" / "aanleveringen",
        )
        _gehouden.add(sleutel)
        try:
            yield pad
        finally:
            _gehouden.discard(sleutel)
    finally:
        os.close(fd)  # releases the lock


F = TypeVar("F", bound=Callable[..., Any])


def met_slot(f: F) -> F:
    """Run a pipeline function that writes in a werkmap (its first argument) under the werkmap's lock.

    The Python API (evaluatie.pipeline) writes the same files as the CLI, so it takes the same lock;
    the lock is re-entrant, so a CLI command that already holds it simply goes on."""

    @functools.wraps(f)
    def omhulsel(werkmap: Any, *args: Any, **kwargs: Any) -> Any:
        with werkmap_slot(werkmap.root):
            return f(werkmap, *args, **kwargs)

    return cast(F, omhulsel)

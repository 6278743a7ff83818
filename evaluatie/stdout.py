"""Keep stdout for what evaluatie itself prints: with --json, exactly one JSON document.

Native libraries write to file descriptor 1 behind Python's back: highspy prints a banner
("Running HiGHS ...") when a solver is constructed, before any output option applies. While
a command runs, fd 1 points at /dev/null and Python's sys.stdout writes to a duplicate of the
real stdout, so click.echo still reaches the user and nothing else does.

stdout may also fail to take what is written (`Uitvoerwacht`): a reader that went away (`evaluatie gunning | head`)
wants no more, so the rest is left unprinted and the command ends with its own exit code (it was 'Fouten in de
invoer: bestandsfout (EPIPE)', exit 2, after an award that was done and logged); any other failure (a full disk
under `> uitvoer.txt`) is a SchrijfFout naming stdout (exit 2), once. Either way the descriptor is pointed at
/dev/null, so what is still buffered never fails again on the way out. A process started with stdout or stderr
closed (`>&-`) gets /dev/null there first (`open_standaardkanalen`): Python had no sys.stdout at all (a traceback),
and the first file opened would have been given descriptor 1, where HiGHS prints its banner. A stderr that fails drops
its messages (`Foutkanaalwacht`): there is nowhere else to say them, and the exit code still tells.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_kapot: list[int] = []
"""The errno of stdout's first failed write in this process (see Uitvoerwacht); empty while it works."""


@contextmanager
def alleen_eigen_uitvoer() -> Iterator[None]:
    """Silence native writes to fd 1 for the duration; Python-level output is unaffected."""
    try:
        sys.stdout.flush()
        echt = os.dup(1)
    except (OSError, ValueError):
        yield
        return
    oud = sys.stdout
    vervangen = False
    with contextlib.suppress(AttributeError, ValueError, io.UnsupportedOperation):
        vervangen = oud.fileno() == 1  # not so under click's CliRunner: sys.stdout is a buffer there
    if vervangen:
        from evaluatie.onzichtbaar import ZichtbareStroom

        sys.stdout = Uitvoerwacht(  # type: ignore[assignment]  # a TextIO in all but name
            ZichtbareStroom(
                io.TextIOWrapper(
                    os.fdopen(os.dup(echt), "wb"),
                    encoding=getattr(oud, "encoding", None) or "utf-8",
                    errors=getattr(oud, "errors", None) or "strict",
                    line_buffering=True,
                )
            )
        )
    leeg = os.open(os.devnull, os.O_WRONLY)
    os.dup2(leeg, 1)
    os.close(leeg)
    try:
        yield
    finally:
        try:
            if vervangen:
                try:
                    sys.stdout.flush()  # a failure here is a SchrijfFout naming stdout (Uitvoerwacht)
                    sys.stdout.close()
                finally:
                    sys.stdout = oud
        finally:
            os.dup2(echt, 1)
            os.close(echt)


class Uitvoerwacht:
    """stdout whose failures are said in words (see the module); everything else is the wrapped stream's."""

    def __init__(self, stroom: Any, buiten_commando: bool = False) -> None:
        """`buiten_commando`: the stream around a whole run (usage errors, the error document after a command),
        where no command's error handling catches a SchrijfFout: the failure is said on stderr instead."""
        self._stroom = stroom
        self._buiten = buiten_commando

    def write(self, tekst: str) -> int:
        if not _kapot:
            try:
                return self._stroom.write(tekst)
            except OSError as e:
                self._mislukt(e)
        return len(tekst)

    def flush(self) -> None:
        if not _kapot:
            try:
                self._stroom.flush()
            except OSError as e:
                self._mislukt(e)

    def close(self) -> None:
        try:
            self._stroom.close()
        except OSError as e:
            if not _kapot:
                self._mislukt(e)

    def __getattr__(self, naam: str) -> Any:
        return getattr(self._stroom, naam)

    def _mislukt(self, fout: OSError) -> None:
        _kapot.append(fout.errno or 0)
        with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
            leeg = os.open(os.devnull, os.O_WRONLY)
            os.dup2(leeg, self._stroom.fileno())  # what is still buffered goes nowhere, also on the way out
            os.close(leeg)
        if fout.errno == errno.EPIPE:
            return  # the reader is gone and wants no more: not a failure of the command
        from evaluatie.schrijfwacht import SchrijfFout, reden

        if self._buiten:
            print(f"stdout: kan niet worden geschreven: {reden(fout)}", file=sys.stderr)
            return
        raise SchrijfFout("stdout", reden(fout)) from None


class Foutkanaalwacht:
    """stderr that cannot take a message (a full disk under `2> log.txt`, a reader gone): nothing can be said
    anywhere else, so the message is dropped and the exit code stays the command's own. It was exit 1, a finished
    award's 'Let op' line on a full disk turned into an error, and a usage error exit 1 instead of 2."""

    def __init__(self, stroom: Any) -> None:
        self._stroom = stroom
        self._kapot = False

    def write(self, tekst: str) -> int:
        if not self._kapot:
            try:
                return self._stroom.write(tekst)
            except OSError:
                self._mislukt()
        return len(tekst)

    def flush(self) -> None:
        if not self._kapot:
            try:
                self._stroom.flush()
            except OSError:
                self._mislukt()

    def __getattr__(self, naam: str) -> Any:
        return getattr(self._stroom, naam)

    def _mislukt(self) -> None:
        self._kapot = True
        with contextlib.suppress(OSError, ValueError, AttributeError, io.UnsupportedOperation):
            leeg = os.open(os.devnull, os.O_WRONLY)
            os.dup2(leeg, self._stroom.fileno())  # what is still buffered goes nowhere, also on the way out
            os.close(leeg)


def nieuwe_run() -> None:
    """Forget a failure of an earlier run in this process (click's CliRunner, a script calling main twice)."""
    _kapot.clear()


def werkt() -> bool:
    """Whether stdout took everything written so far (no error document is written where it failed)."""
    return not _kapot


def open_standaardkanalen() -> None:
    """Give a closed stdin, stdout or stderr /dev/null, before anything else opens a file (see the module)."""
    for fd, naam in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
        except OSError:
            leeg = os.open(os.devnull, os.O_RDWR)
            if leeg != fd:
                os.dup2(leeg, fd)
                os.close(leeg)
            if getattr(sys, naam) is None:
                setattr(sys, naam, open(fd, "r" if fd == 0 else "w", encoding="utf-8", closefd=False))  # noqa: SIM115  # lives as long as the process

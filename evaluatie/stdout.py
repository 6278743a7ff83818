"""Keep stdout for what evaluatie itself prints: with --json, exactly one JSON document.

Native libraries write to file descriptor 1 behind Python's back: highspy prints a banner
("Running HiGHS ...") when a solver is constructed, before any output option applies. While
a command runs, fd 1 points at /dev/null and Python's sys.stdout writes to a duplicate of the
real stdout, so click.echo still reaches the user and nothing else does.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager


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

        sys.stdout = ZichtbareStroom(  # type: ignore[assignment]  # a TextIO in all but name
            io.TextIOWrapper(
                os.fdopen(os.dup(echt), "wb"),
                encoding=getattr(oud, "encoding", None) or "utf-8",
                errors=getattr(oud, "errors", None) or "strict",
                line_buffering=True,
            )
        )
    leeg = os.open(os.devnull, os.O_WRONLY)
    os.dup2(leeg, 1)
    os.close(leeg)
    try:
        yield
    finally:
        if vervangen:
            sys.stdout.flush()
            sys.stdout.close()
            sys.stdout = oud
        os.dup2(echt, 1)
        os.close(echt)

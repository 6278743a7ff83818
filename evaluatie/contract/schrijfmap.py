"""Write a folder of outputs all at once: built next to its place and swapped in only when complete.

Why not evaluatie.rapport.schrijven.atomair: importing that module loads the whole award reporting
stack (a second or so), which the contract commands do not need; the rule is the same.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def nieuwe_map(doel: Path) -> Iterator[Path]:
    """Yield an empty folder; on success it replaces `doel` whole, on any error `doel` is left as it was."""
    doel.parent.mkdir(parents=True, exist_ok=True)
    nieuw = doel.parent / f".{doel.name}-nieuw-{os.getpid()}"
    oud = doel.parent / f".{doel.name}-oud-{os.getpid()}"
    for rest in (nieuw, oud):
        if rest.exists():
            shutil.rmtree(rest)
    nieuw.mkdir()
    try:
        yield nieuw
    except BaseException:
        shutil.rmtree(nieuw, ignore_errors=True)
        raise
    if doel.exists():
        os.rename(doel, oud)
    os.rename(nieuw, doel)
    shutil.rmtree(oud, ignore_errors=True)

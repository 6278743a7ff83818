"""Run the command with room on CPython's value stack, so its frames never cross a chunk boundary back and forth.

CPython 3.11 keeps the frames of Python functions on a per-thread value stack made of chunks. The first chunk is
16 KB; a call that does not fit in it gets a new chunk (`mmap`), and when that call returns the chunk is given back
at once (`munmap`). A run whose stack depth goes up and down around such a boundary pays a system call pair and a
fresh page for every crossing: about 7 microseconds each on the development machine (a page fault there costs about
3 microseconds). The example's `gunning` crossed 670 times (`strace -c`: 670 `munmap` of 16 KB against 54 for the
import floor); its lazy imports run deep in the command's stack, where the floor imports at the top. Where the
boundary falls depends on the depth of the caller, so one more wrapper frame can move it onto a busier spot: a run
started from a script instead of `python -m evaluatie` crossed 1,180 times, and one with a frame of 1,100 slots in
front 6,147 times (issue #24).

`op_ruime_stapel` calls the command from a frame that reserves about 25 KB of operand stack it never uses. Such a
frame does not fit in a 16 KB chunk, and CPython gives it one of at least its size plus 8 KB (`MINIMUM_OVERHEAD`),
rounded up to a power of two: 64 KB. What the frame leaves free (about 40 KB, 5,000 slots) holds every frame of the
example's award and of a national one, so the chunk is allocated once and no boundary is crossed while the command
runs. The reserved slots are never written, so they cost no memory beyond the chunk's address space. Only the
process entry does this (`evaluatie.cli.opdrachtregel`); the frame changes where frames are stored, never what runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# Slots of operand stack the calling frame reserves: with CPython's 1,000 slots of minimum overhead the chunk it
# needs is just over 32 KB, so it gets 64 KB, of which about 40 KB stay free for the command's own frames.
RESERVE = 3100


def op_ruime_stapel(opdracht: Callable[[], T]) -> T:
    """`opdracht()`, called from a frame that makes CPython allocate one large stack chunk for it (see the module)."""
    return opdracht()


op_ruime_stapel.__code__ = op_ruime_stapel.__code__.replace(co_stacksize=RESERVE)

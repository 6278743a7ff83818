"""The process entry runs the command from a frame that reserves room on CPython's value stack (evaluatie.waardestapel):
the command's result and errors pass through unchanged, and the frame is really the one the command is called from."""

from __future__ import annotations

import sys

import pytest

from evaluatie import afsluiten, cli
from evaluatie.waardestapel import RESERVE, op_ruime_stapel


def test_result_and_error_pass_through():
    assert op_ruime_stapel(lambda: 42) == 42

    def mislukt() -> None:
        raise ValueError("x")

    with pytest.raises(ValueError, match="x"):
        op_ruime_stapel(mislukt)


def test_the_calling_frame_reserves_the_room():
    """CPython sizes a frame by its code's stack size: the callable runs from a frame of RESERVE slots and more, which
    needs a chunk of its own above 32 KB (RESERVE + 1000 slots of minimum overhead, 8 bytes each)."""
    gezien = []
    op_ruime_stapel(lambda: gezien.append(sys._getframe(1).f_code))
    assert gezien == [op_ruime_stapel.__code__]
    assert op_ruime_stapel.__code__.co_stacksize == RESERVE
    assert (RESERVE + 1000) * 8 > 32 * 1024


def test_the_process_entry_runs_main_from_that_frame(monkeypatch):
    """`opdrachtregel` (the console script, `python -m evaluatie`) calls main through op_ruime_stapel."""
    gezien = []
    monkeypatch.setattr(cli, "main", lambda: gezien.append(sys._getframe(1).f_code))
    monkeypatch.setattr(afsluiten, "als_proces", lambda hoofd: hoofd())
    monkeypatch.setattr("evaluatie.stdout.open_standaardkanalen", lambda: None)
    cli.opdrachtregel()
    assert gezien == [op_ruime_stapel.__code__]

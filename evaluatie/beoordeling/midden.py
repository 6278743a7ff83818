"""The mean and the median of reviewers' points, as statistics.fmean and statistics.median compute them.

The same arithmetic in the same order (math.fsum divided by the count; the middle value, or the two middle
values added and halved), so every panel score is the number the statistics module gave; without importing
that module, which no other part of an award needs (1.5 ms cpu of every run, issue #24).
tests/test_midden.py compares both with the statistics module.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def gemiddelde(punten: Sequence[float]) -> float:
    """statistics.fmean of a non-empty sequence."""
    if not punten:
        raise ValueError("geen gemiddelde van nul scores")
    return math.fsum(punten) / len(punten)


def mediaan(punten: Sequence[float]) -> float:
    """statistics.median of a non-empty sequence."""
    gesorteerd = sorted(punten)
    n = len(gesorteerd)
    if n == 0:
        raise ValueError("geen mediaan van nul scores")
    if n % 2 == 1:
        return gesorteerd[n // 2]
    return (gesorteerd[n // 2 - 1] + gesorteerd[n // 2]) / 2

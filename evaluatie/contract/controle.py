"""The exact check of what the quarterly reports publish of one lot: does a withheld count have one value?

Why: the rules of `verschil`, `totalen` and `tabel` are exact for one series over time and for one table over
one period. A reader can put everything published of a lot together - every report of every quarter, the
framework line, the rows that are absent (0) - and ask which values a withheld count can still take, in whole
persons. If only one, the count is as good as printed. This module answers that question exactly.

The model: the unknowns are the persons registered with each cell (gemeente x supplier) in each stretch
between two points that some published figure uses. Every figure is the sum of its cells over its period. A
shown figure fixes that sum; a withheld one ('onderdrukt', one label for every withheld count) says nothing
but that it is a number of persons (0 or more); a row shown although no allocation asks for it says that its
gemeente placed someone there (1 or more). A withheld figure is pinned when every non-negative integer
solution gives it the same value. One pinned at 0 names nobody and is allowed; one pinned at 1 or more is not. The
withheld parts of a shown total together (a group) are always pinned, as the total minus the shown parts: there
only a value of 1-4 is not allowed (counted in placements here; the rule of `totalen` counts the persons).

How: HiGHS, with the register's own counts as one solution. A solution in whole persons in which a withheld
figure has another value proves that figure free. First a few solutions that move all open figures at once
(all up, all down, then fixed signed mixes), then the figures still open one by one (their maximum, then their
minimum). The unknowns are bounded near the real counts while searching (a solution within the bounds is a
solution); a figure that seems pinned is asked again without those bounds, so the answer is exact. Where the
linear program's optimum is not whole, it is asked again in whole persons. Deterministic: fixed order, one
thread, fixed seeds.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from evaluatie.contract.onderdrukking import MINIMUM
from evaluatie.fouten import EvaluatieFout

RUIMTE = 50  # while searching, an unknown stays within this many persons above its real count


@dataclass(frozen=True)
class Cijfer:
    """One figure the reports of a lot publish: the sum of its cells over the period a-b (ordinals, a excluded).

    `getoond` is the number shown, None when the figure is withheld; `minstens` a lower bound the reports give
    without a number (a row present without allocation: 1); `toetsen` whether a pin of it counts (a withheld
    figure; not a bound that only says a row is there); `groep` that it is no figure of a report but the sum of the
    withheld parts of a shown total (`evaluatie.contract.totalen`, a small group): a reader derives it as the total
    minus the shown parts, so it is pinned by design, and only a value of 1 to MINIMUM - 1 counts."""

    cellen: tuple[int, ...]
    a: int
    b: int
    getoond: int | None
    minstens: int = 0
    toetsen: bool = True
    groep: bool = False


def aantal(cijfer: Cijfer, datums: Sequence[Sequence[int]]) -> int:
    """The register's count of a figure: the registrations of its cells in a < day <= b."""
    return sum(bisect_right(datums[c], cijfer.b) - bisect_right(datums[c], cijfer.a) for c in cijfer.cellen)


def eerste_vastgepinde(cijfers: Sequence[Cijfer], datums: Sequence[Sequence[int]]) -> Cijfer | None:
    """The first withheld figure of `cijfers` (in their order) that every solution in whole persons gives the
    same value of 1 or more; None when there is none. `datums[c]` are cell c's registration days (sorted), the
    real counts: a solution the published figures always agree with."""
    import highspy
    import numpy as np

    from evaluatie.verdeling.matrix import _highs

    echt = {f: aantal(f, datums) for f in cijfers}
    for f in cijfers:
        if (f.getoond is not None and f.getoond != echt[f]) or echt[f] < f.minstens:
            raise EvaluatieFout([f"de controle kreeg een cijfer dat niet met het register klopt: {f} ({echt[f]})"])
    open_ = list(
        dict.fromkeys(
            f
            for f in cijfers
            if f.toetsen and f.getoond is None and echt[f] >= 1 and (not f.groep or echt[f] < MINIMUM)
        )
    )
    if not open_:
        return None
    punten = sorted({p for f in cijfers for p in (f.a, f.b)})
    pi = {p: i for i, p in enumerate(punten)}
    stukken = len(punten) - 1
    cellen = sorted({c for f in cijfers for c in f.cellen})
    ci = {c: i for i, c in enumerate(cellen)}
    n = len(cellen) * stukken
    x_echt = np.zeros(n)
    for c in cellen:
        for j in range(stukken):
            x_echt[ci[c] * stukken + j] = bisect_right(datums[c], punten[j + 1]) - bisect_right(datums[c], punten[j])

    kolom: dict[Cijfer, np.ndarray] = {}

    def kolommen(f: Cijfer) -> np.ndarray:
        if f not in kolom:
            kolom[f] = np.array(
                [ci[c] * stukken + j for c in f.cellen for j in range(pi[f.a], pi[f.b])], dtype=np.int32
            )
        return kolom[f]

    h = _highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    h.setOptionValue("random_seed", 0)
    alle = np.arange(n, dtype=np.int32)
    h.addVars(n, np.zeros(n), x_echt + RUIMTE)
    for f in cijfers:
        if f.getoond is None and f.minstens == 0:
            continue
        lo, hi = (
            (float(f.getoond), float(f.getoond)) if f.getoond is not None else (float(f.minstens), highspy.kHighsInf)
        )
        idx = kolommen(f)
        h.addRow(lo, hi, len(idx), idx, np.ones(len(idx)))
    geheel = np.full(n, highspy.HighsVarType.kInteger, dtype=np.uint8)
    continu = np.zeros(n, dtype=np.uint8)
    vrij: set[Cijfer] = set()

    def los_op(kosten: np.ndarray) -> np.ndarray | None:
        """An optimum in whole persons of `kosten` (minimised); None when there is none (unbounded)."""
        h.changeColsCost(n, alle, kosten)
        for soort in (continu, geheel):
            h.changeColsIntegrality(n, alle, soort)
            h.run()
            status = h.getModelStatus()
            if status in (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible):
                return None
            if status != highspy.HighsModelStatus.kOptimal:
                raise EvaluatieFout(
                    [
                        "de controle van de gepubliceerde aantallen eindigde niet optimaal: "
                        + h.modelStatusToString(status)
                    ]
                )
            x = np.array(h.getSolution().col_value)
            if np.abs(x - np.round(x)).max(initial=0.0) < 1e-6:
                return np.round(x)
        raise AssertionError("een oplossing in gehele getallen is geheel")  # pragma: no cover

    def bevrijd(x: np.ndarray | None) -> None:
        if x is None:
            return
        for f in open_:
            if f not in vrij and round(float(x[kolommen(f)].sum())) != echt[f]:
                vrij.add(f)

    loting = random.Random(0)
    for teken in ((1.0,), (-1.0,), (1.0, -1.0), (-1.0, 1.0), None, None):
        kosten = np.zeros(n)
        for i, f in enumerate(open_):
            kosten[kolommen(f)] -= teken[i % len(teken)] if teken else loting.choice((1.0, -1.0))
        bevrijd(los_op(kosten))
    for f in open_:
        for richting in (1.0, -1.0):
            if f in vrij:
                break
            kosten = np.zeros(n)
            kosten[kolommen(f)] = -richting
            bevrijd(los_op(kosten))
        if f in vrij:
            continue
        # pinned within the search bounds: asked again without them, exact
        h.changeColsBounds(n, alle, np.zeros(n), np.full(n, highspy.kHighsInf))
        for richting in (1.0, -1.0):
            kosten = np.zeros(n)
            kosten[kolommen(f)] = -richting
            x = los_op(kosten)
            if x is None or round(float(x[kolommen(f)].sum())) != echt[f]:
                vrij.add(f)
                break
        h.changeColsBounds(n, alle, np.zeros(n), x_echt + RUIMTE)
        if f not in vrij:
            return f
    return None

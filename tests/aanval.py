"""The attack of a reader on the quarterly reports, in whole persons, independent of evaluatie.contract.controle.

The unknowns are the registrations per cell (gemeente x supplier of one lot) per month; every figure a reader
has is a sum of them: a shown number fixes it, an absent row says 0, a row shown without allocation says 1 or
more, a withheld figure ('onderdrukt') says nothing. A withheld figure is pinned when every non-negative integer
solution gives it the same value. The register's own counts are one solution.
"""

from __future__ import annotations

from typing import Any


def vastgepinde(
    echt: Any,
    getoond: list[tuple[Any, int]],
    ondergrenzen: list[tuple[Any, int]],
    verborgen: list[tuple[Any, object]],
) -> list[tuple[object, int, bool]]:
    """(where, value, derivable) for every withheld figure of 1 or more that is pinned; derivable: a sum and
    difference of shown figures (linear algebra), which the rules for series and totals already decide on.
    Figures are 0/1 vectors over the unknowns `echt` (the real counts, flat)."""
    import highspy
    import numpy as np

    a = np.array([v for v, _ in getoond], dtype=float)
    b = np.array([w for _, w in getoond], dtype=float)
    assert np.array_equal(a @ echt, b), "the published figures are read wrong"
    n = len(echt)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("threads", 1)
    ruim = echt + 20  # while searching (a solution within is a solution); a pin is asked again without it
    h.addVars(n, np.zeros(n), ruim)
    alle = np.arange(n, dtype=np.int32)
    h.changeColsIntegrality(n, alle, np.full(n, highspy.HighsVarType.kInteger, dtype=np.uint8))
    for v, lo, hi in [(v, w, w) for v, w in getoond] + [(v, w, highspy.kHighsInf) for v, w in ondergrenzen]:
        idx = np.flatnonzero(v).astype(np.int32)
        h.addRow(float(lo), float(hi), len(idx), idx, np.ones(len(idx)))
    open_: dict[bytes, tuple[Any, object, int]] = {}
    for v, waar in verborgen:
        w = round(float(v @ echt))
        if w >= 1:
            open_.setdefault(np.asarray(v, dtype=np.int8).tobytes(), (v, waar, w))
    vrij: set[bytes] = set()

    def oplossing(kosten: Any) -> Any:
        h.changeColsCost(n, alle, kosten)
        h.run()
        status = h.getModelStatus()
        if status in (highspy.HighsModelStatus.kUnbounded, highspy.HighsModelStatus.kUnboundedOrInfeasible):
            return None
        assert status == highspy.HighsModelStatus.kOptimal, h.modelStatusToString(status)
        x = np.round(np.array(h.getSolution().col_value))
        for k, (v, _, w) in open_.items():
            if round(float(v @ x)) != w:
                vrij.add(k)
        return x

    rng = np.random.default_rng(0)
    for teken in (1.0, -1.0, 0.0, 0.0):  # all down, all up, then random mixes
        if open_:
            oplossing(sum((teken or rng.choice((-1.0, 1.0))) * v for v, _, _ in open_.values()))
    uit = []
    for k, (v, waar, w) in open_.items():
        for teken in (1.0, -1.0):
            if k not in vrij:
                oplossing(teken * np.asarray(v, dtype=float))
        if k in vrij:
            continue
        h.changeColsBounds(n, alle, np.zeros(n), np.full(n, highspy.kHighsInf))
        for teken in (1.0, -1.0):
            if k not in vrij and oplossing(teken * np.asarray(v, dtype=float)) is None:
                vrij.add(k)  # unbounded: free
        h.changeColsBounds(n, alle, np.zeros(n), ruim)
        if k not in vrij:
            uit.append((waar, w, v))
    if not uit:
        return []
    _, sv, vt = np.linalg.svd(a, full_matrices=True)
    nul = vt[int((sv > 1e-9).sum()) :]  # the directions the shown figures leave open
    return [(waar, w, bool(np.abs(nul @ v).max(initial=0.0) < 1e-7)) for waar, w, v in uit]

"""The one precision at which scores are compared: 4 decimals, rounded once by one function.

Ranking, tie detection, the tie-break rules, the allocation's value objective, the certainty
analyses and gunning.json all use `punten`: a score x becomes the integer round(x * 10,000).
Two bids are tied exactly when their totals have the same `punten`, in the ranking and in the
allocation alike. The scalar form (Python's round of the float product) and the vector form
(numpy's rint of the same product) both round half to even on the same double, so they agree
to the last unit.
"""

from __future__ import annotations

DECIMALEN = 4
SCHAAL = 10**DECIMALEN


def punten(x: float) -> int:
    """A score in units of 0.0001: the only representation in which scores are compared."""
    return round(x * SCHAAL)


def punten_vector(x):
    """`punten` for a numpy array (same rounding, as floats so -inf and nan survive)."""
    import numpy as np

    return np.rint(np.asarray(x) * SCHAAL)


def afgerond(x: float) -> float:
    """The compared score as a number with 4 decimals (what gunning.json shows)."""
    return punten(x) / SCHAAL


def waardepunten(hoger_is_beter: bool, totaal: float, gunningswaarde: float) -> int:
    """The allocation's value per inburgeraar in the same units as the ranking's total.

    Higher-is-better methods: the total itself. Lower-is-better (fictieve_korting: value =
    ceiling - fictitious price): the same constant for every bid minus the rounded total, so two
    bids have equal value exactly when the ranking ties them."""
    if hoger_is_beter:
        return punten(totaal)
    return punten(gunningswaarde + totaal) - punten(totaal)

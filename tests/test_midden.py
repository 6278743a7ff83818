"""The panel's mean and median are the numbers the statistics module gives, to the last bit and type."""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluatie.beoordeling.midden import gemiddelde, mediaan

_PUNTEN = st.one_of(
    st.lists(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6), min_size=1),
    st.lists(st.integers(min_value=-1000, max_value=1000), min_size=1),
    st.lists(st.sampled_from([0, 0.5, 1, 2.5, 3, 5, 7.5, 10]), min_size=1, max_size=9),
)


def _zelfde(a: float, b: float) -> bool:
    return type(a) is type(b) and repr(a) == repr(b)


@settings(derandomize=True, max_examples=300)
@given(_PUNTEN)
def test_gemiddelde_als_fmean(punten: list[float]) -> None:
    assert _zelfde(gemiddelde(punten), statistics.fmean(punten))


@settings(derandomize=True, max_examples=300)
@given(_PUNTEN)
def test_mediaan_als_median(punten: list[float]) -> None:
    assert _zelfde(mediaan(punten), statistics.median(punten))


def test_met_de_hand() -> None:
    assert gemiddelde([0.1] * 10) == 0.1  # fsum adds exactly: sum([0.1] * 10) / 10 gives 0.09999999999999999
    assert gemiddelde([1, 2, 4]) == 7 / 3
    assert mediaan([5, 1, 3]) == 3 and type(mediaan([5, 1, 3])) is int
    assert mediaan([1, 2, 3, 10]) == 2.5
    assert mediaan([7.5]) == 7.5


@pytest.mark.parametrize("functie", [gemiddelde, mediaan])
def test_geen_scores_is_een_fout(functie) -> None:
    with pytest.raises(ValueError, match="nul scores"):
        functie([])

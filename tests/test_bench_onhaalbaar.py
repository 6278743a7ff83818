"""The independent feasibility model of bench/onhaalbaar.py can say both things: it finds the
allocation of a feasible lot and refuses an infeasible one, so its confirmations mean something.
Also: the seed-2 national lot B1 (merged rules) that CBC once called infeasible is solved under
every engine with equal stage values."""

from __future__ import annotations

import importlib
import sys

import pytest

from evaluatie.definitie.model import Verdeelregels
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem
from evaluatie.verdeling.verdelen import verdeel
from tests.hulp import REPO

sys.path.insert(0, str(REPO / "bench"))
landelijk = importlib.import_module("landelijk")  # bench scripts are not a package
onhaalbaar = importlib.import_module("onhaalbaar")


def _probleem(**regels) -> Verdeelprobleem:
    """G1 (10) and G2 (10); S1 serves both (capacity 15), S2 only G2 (capacity 15)."""
    lev = (
        Leverancier("S1", 80.0, 9000.0, 15, ("G1", "G2"), 0),
        Leverancier("S2", 70.0, 8000.0, 15, ("G2",), 1),
    )
    return Verdeelprobleem("B1", "B1", {"G1": 10, "G2": 10}, {"G1": "R", "G2": "R"}, lev, Verdeelregels(**regels))


def test_onafhankelijk_model_haalbaar_en_onhaalbaar() -> None:
    assert onhaalbaar.haalbaar(_probleem(), 10) == "haalbaar"
    # min_volume 11: S1 must take all of G1 (10) and S2 the rest of G2; S2 then has at most 10 < 11,
    # S1 alone 20 > 15: no allocation.
    assert onhaalbaar.haalbaar(_probleem(min_volume=11), 10) == "onhaalbaar"
    # the tool agrees on both
    v = verdeel(_probleem(), "highs")
    assert onhaalbaar.klopt(_probleem(), v) == []
    with pytest.raises(Exception, match="B1"):
        verdeel(_probleem(min_volume=11), "highs")


@pytest.mark.parametrize("oplosser", ["auto", "highs", "cbc"])
def test_zaad_2_samengevoegd_b1_onder_iedere_oplosser(oplosser: str) -> None:
    regels, budget = landelijk.regelset("samengevoegd")
    p = landelijk.probleem("B1", 2, regels, budget)
    v = verdeel(p, oplosser, 120)
    assert onhaalbaar.klopt(p, v) == []
    referentie = verdeel(p, "highs", 120)
    assert v.doelwaarden == referentie.doelwaarden

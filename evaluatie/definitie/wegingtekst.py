"""A criterion's weight as the tender defined it: "40%" for percentages, "50 van 110 punten (45,45%)" for points.

The quality score divides by the sum of the weights, so with points the effective share is
weight / sum; printing points as percentages would let a reader recompute a different score.
"""

from __future__ import annotations

from evaluatie.definitie.model import Criterium, Perceel
from evaluatie.tekst import getal, kort


def weging_tekst(perceel: Perceel, c: Criterium) -> str:
    if perceel.criteriumweging == "procent":
        return f"{kort(c.weging)}%"
    som = sum(x.weging for x in perceel.gunningscriteria)
    return f"{kort(c.weging)} van {kort(som)} punten ({getal(100 * c.weging / som)}%)"

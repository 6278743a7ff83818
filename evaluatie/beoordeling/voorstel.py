"""The suggested consensus score: the median of the reviewers' points, taken to a scale point.

Rule (deterministic, documented in the consensus workbook): the scale point nearest to the
median of the points; when the median lies exactly halfway between two scale points (an even
number of reviewers who disagree), the lower of the two. The lower point is the cautious
choice: at least half of the reviewers gave that score or a higher one, so the suggestion
never credits a plan with more than half of the panel saw in it.
"""

from __future__ import annotations

from collections.abc import Sequence

from evaluatie.beoordeling.midden import mediaan as midden
from evaluatie.definitie.model import Schaal, Schaalstap

REGEL = (
    "Voorstel = de mediaan van de scores van de beoordelaars, afgerond op het dichtstbijzijnde punt van de "
    "schaal; ligt de mediaan precies tussen twee punten, dan het laagste van de twee (minstens de helft van "
    "de beoordelaars gaf die score of hoger). Het voorstel is een hulpmiddel; het panel beslist."
)


def voorstel(schaal: Schaal, punten: Sequence[float]) -> Schaalstap | None:
    """The suggested step for these reviewer points; None without any score."""
    if not punten:
        return None
    mediaan = midden(punten)
    return min(schaal.stappen, key=lambda s: (round(abs(s.punten - mediaan), 9), s.punten))

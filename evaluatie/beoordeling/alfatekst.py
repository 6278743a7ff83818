"""Krippendorff's alpha of a criterion in words: the figure, or why there is none.

Why one module: 'niet te berekenen' alone read as a fault of the panel next to criteria with a figure; the advies said
why (one reviewer, one assessed bid, no variation at all), the terminal, the consensus agenda and the internal
reliability report did not, so two texts about the same criterion said it differently.
"""

from __future__ import annotations

from evaluatie.beoordeling.model import Criteriumbetrouwbaarheid, Paneluitslag
from evaluatie.tekst import getal, kort


def zonder_alfa(panel: Paneluitslag, code: str, criterium: str) -> str:
    """Why the alpha of `criterium` in lot `code` is undefined, from the scores the texts show."""
    rijen = [r for r in panel.rijen if r.perceel == code and r.criterium == criterium and r.individueel]
    scores = {x for r in rijen for x in r.individueel.values()}
    if len({b for r in rijen for b in r.individueel}) < 2:
        return "niet te berekenen: één beoordelaar"
    if len(rijen) < 2:
        return "niet te berekenen: één beoordeelde inschrijving"
    if len(scores) == 1:
        return f"niet te berekenen: iedere score is {kort(next(iter(scores)))} (geen spreiding om aan te meten)"
    return "niet te berekenen"


def alfa_tekst(panel: Paneluitslag, b: Criteriumbetrouwbaarheid) -> str:
    """The alpha with three decimals, or the reason it has none."""
    return zonder_alfa(panel, b.perceel, b.criterium) if b.alpha is None else getal(b.alpha, 3)

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


def meest_stijgend(b: Criteriumbetrouwbaarheid) -> list[str]:
    """Every reviewer without whom the alpha rises the most, in the order of `alpha_zonder`: the model names one
    (`grootste_afwijker`, the alphabetically first on a tie), but when two reviewers' absence gives the same alpha
    (4/7 both), naming one of them said that one differed most, which the figures do not say."""
    if b.grootste_afwijker is None or (hoogste := b.alpha_zonder.get(b.grootste_afwijker)) is None:
        return []
    return [n for n, a in b.alpha_zonder.items() if a is not None and abs(a - hoogste) <= 1e-9]


def zonder_wie(b: Criteriumbetrouwbaarheid, namen: dict[str, str] | None = None) -> str:
    """'zonder Anouk Verbeek: 0,690', 'zonder Anouk Verbeek of Joost de Ridder: 0,571' (each reviewer named by
    `namen` when given: Beoordelaar A), or '' when no reviewer's absence raises the alpha."""
    wie = [(namen or {}).get(n, n) for n in meest_stijgend(b)]
    if not wie:
        return ""
    hoogste = b.alpha_zonder[meest_stijgend(b)[0]]
    assert hoogste is not None  # meest_stijgend keeps only defined alphas
    return f"zonder {' of '.join(wie)}: {getal(hoogste, 3)}"

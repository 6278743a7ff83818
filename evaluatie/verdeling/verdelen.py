"""Allocate one lot: checks in words first, then the exact path (evaluatie.verdeling.pad).

The objectives, in order, each solved to proven optimality and then fixed:
1. maximise sum of gunningswaarde x inburgeraars (values scaled to integers);
2. among those, minimise cost (in cents);
3. among those, maximise sum of (R - rank) x inburgeraars (R suppliers): volume goes to the
   better-ranked supplier (this settles ties between suppliers of equal value and price);
4. with every supplier's total now fixed, maximise sum of (R - rank) x (C - position)^2 x
   inburgeraars (C demand classes in tender order): the better-ranked supplier gets the
   gemeenten earliest in the tender's list.
Steps 3 and 4 are a documented rule instead of solver whim. The model of every step is built by
evaluatie.verdeling.opbouw; an impossible lot is explained by evaluatie.verdeling.diagnose.
"""

from __future__ import annotations

from evaluatie.fouten import EvaluatieFout
from evaluatie.verdeling.diagnose import diagnose, vooraf
from evaluatie.verdeling.klassen import klassen, per_gemeente_nodig
from evaluatie.verdeling.model import Verdeelprobleem, Verdeling
from evaluatie.verdeling.oplosser import STANDAARD, kies
from evaluatie.verdeling.pad import Onhaalbaar, Tijdslimiet, verdeel_exact


def verdeel(p: Verdeelprobleem, oplosser: str = STANDAARD, tijdslimiet: float | None = None) -> Verdeling:
    """Allocate one lot along the exact fast path of `evaluatie.verdeling.pad`.

    The result depends only on the order of p.leveranciers (the ranking), the tender order of
    p.vraag and the numbers, never on names. Raises EvaluatieFout with an explanation in words
    when impossible."""
    meldingen = vooraf(p)
    if meldingen:
        raise EvaluatieFout(meldingen)
    if not any(p.vraag.values()):  # no demand at all: nothing to allocate
        return Verdeling(toewijzing=(), solver=kies(oplosser, False), model="leeg", pad="leeg")
    try:
        return verdeel_exact(p, oplosser, tijdslimiet)
    except Onhaalbaar:
        enkel = kies(oplosser, per_gemeente_nodig(p))
        raise EvaluatieFout(diagnose(p, klassen(p), enkel, tijdslimiet)) from None
    except Tijdslimiet:
        raise EvaluatieFout([_TIJDSLIMIET.format(perceel=p.perceelnaam)]) from None


_TIJDSLIMIET = (
    "Perceel {perceel}: de oplosser vond binnen de tijdslimiet geen bewezen optimale verdeling; verhoog --tijdslimiet"
)

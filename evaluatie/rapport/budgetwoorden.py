"""The word for a gemeente's spending limit, true to the configuration.

A "budget" exists only where the tender set one (verdeling.budget_per_gemeente). Otherwise the
number is the gemeente's demand times the price ceiling, and calling it a budget would make a
gemeente read it as its own money; then the column and the sentence say "vraag x plafondprijs".
"""

from __future__ import annotations

from collections.abc import Sequence

from evaluatie.gunning.uitslag import Gemeentebudget

VERDEELREGEL = "verdeelregel"


def budget_kop(budgetten: Sequence[Gemeentebudget]) -> str:
    """Column heading: 'Budget', 'Vraag x plafondprijs', or both when some gemeenten set a budget."""
    bronnen = {b.budget_bron for b in budgetten}
    if bronnen == {VERDEELREGEL}:
        return "Budget"
    if VERDEELREGEL in bronnen:
        return "Budget of vraag x plafondprijs"
    return "Vraag x plafondprijs"


def budget_uitleg(budgetten: Sequence[Gemeentebudget]) -> str:
    """One sentence on where the column's numbers come from (empty without gemeenten)."""
    bronnen = {b.budget_bron for b in budgetten}
    if not bronnen:
        return ""
    if bronnen == {VERDEELREGEL}:
        return " Budget per gemeente: het budget uit de verdeelregels."
    if VERDEELREGEL in bronnen:
        return (
            " Budget per gemeente waar de verdeelregels er een geven; voor de andere gemeenten de vraag maal de "
            "plafondprijs (geen budget)."
        )
    return " Er is geen budget per gemeente vastgesteld; de kolom toont de vraag maal de plafondprijs."


def budget_zin(b: Gemeentebudget, zonder_aanbieder: int = 0) -> str:
    """The gemeente page's line under a lot: the budget and what is left, or demand x ceiling without 'budget'.

    `zonder_aanbieder`: inburgeraars of an open-house lot that no admitted supplier serves (in an open house a
    gemeente is served whole or not at all). Their cost is not zero but unknown, so the line never calls the
    difference 'lager': a gemeente would read a saving where its inburgeraars have no supplier."""
    from evaluatie.tekst import euro, getal

    if zonder_aanbieder and b.budget_bron != VERDEELREGEL:
        return (
            f"Er is geen budget vastgesteld. Ter vergelijking: vraag maal plafondprijs is {euro(b.budget)} per jaar; "
            + (
                "de enige inburgeraar heeft geen toegelaten aanbieder"
                if zonder_aanbieder == 1
                else f"geen van de {getal(zonder_aanbieder, 0)} inburgeraars heeft een toegelaten aanbieder"
            )
            + ", dus zijn er nog geen kosten geraamd."
        )
    verschil = b.budget - b.kosten
    if b.budget_bron == VERDEELREGEL:
        return (
            f"Budget: {euro(b.budget)} (verdeelregel); "
            f"{'ruimte' if verschil >= 0 else 'overschrijding'} {euro(abs(verschil))}."
        )
    return (
        f"Er is geen budget vastgesteld. Ter vergelijking: vraag maal plafondprijs is {euro(b.budget)} per jaar; "
        f"de verwachte kosten liggen {euro(abs(verschil))} {'lager' if verschil >= 0 else 'hoger'}."
    )

"""How the panel's scores become one score per criterion, in words: one sentence for the published method and one
for the advies, from `beoordeling.aggregatie`, so that neither says what the other does not do.

With `consensus` every assessed row needs the panel's consensus score (the award waits for it, an open point), so
no text may say what counts 'zonder consensus'; with `mediaan` it is 'de mediaan', not 'het mediaan'.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evaluatie.tekst import kort

if TYPE_CHECKING:
    from evaluatie.definitie.model import Perceel

_ZONDER = {"gemiddelde": "het gemiddelde", "mediaan": "de mediaan"}


def per_criterium(aggregatie: str) -> str:
    """The published method's sentence."""
    if aggregatie == "consensus":
        return (
            "Per criterium telt de consensusscore van het panel, met motivering; het panel stelt die na het "
            "consensusoverleg voor ieder criterium van iedere inschrijving vast."
        )
    return (
        f"Per criterium telt de consensusscore van het panel; zonder consensus {_ZONDER[aggregatie]} van de scores "
        "van de beoordelaars."
    )


def samenvoegen(aggregatie: str) -> str:
    """The advies' sentence on how the reviewers' scores were combined."""
    if aggregatie == "consensus":
        return (
            "Per regel telt de consensusscore van het panel, die voor iedere regel is vastgesteld "
            "(beoordeling.aggregatie: consensus)."
        )
    return (
        f"De scores van de beoordelaars worden samengevoegd met {_ZONDER[aggregatie]}; een consensusscore van het "
        "panel gaat voor."
    )


def kwaliteitsformule(p: Perceel) -> str:
    """How the scores per criterium become the quality score, with the lot's scale maximum and weights: one text for
    the published method and the letters, so a bidder can redo from its scores (5,00) the quality score (50,00) in
    the words the method published."""
    totaal = sum(c.weging for c in p.gunningscriteria)
    return (
        "Kwaliteitsscore (0-100) = som over de criteria van weging x punten / "
        f"maximale punten ({kort(p.schaal.max_punten)}), gedeeld door de som van de wegingen ({kort(totaal)}), x 100."
    )

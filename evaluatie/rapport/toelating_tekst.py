"""The sentences an open-house lot (procedure: toelating) publishes and sends.

An open house selects nobody and is no public contract (Falk Pharma, C-410/14): there is no
framework maximum that can be exhausted, no comparison with other providers, and no article of
the Aanbestedingswet on award or standstill applies. What a provider needs to know instead is the
tariff, the admission requirements, and how to join later. The published method
(rapport/systematiek.py) and the toelatingsbesluit (rapport/brieven.py) take these sentences from
here, so the two never say different things.
"""

from __future__ import annotations

from evaluatie.definitie.model import Aanbesteding, Perceel
from evaluatie.tekst import euro


def tarief_zin(perceel: Perceel, eigen_prijs: float | None = None) -> str:
    """The tariff: the fixed price for everyone, or the provider's own bid price up to the ceiling."""
    if perceel.prijsmethode == "vaste_prijs":
        from evaluatie.prijs.vaste_prijs import vaste_prijs

        return f"Tarief: {euro(vaste_prijs(perceel))} per traject, voor iedere toegelaten aanbieder gelijk."
    plafond = "plafondprijs" in perceel.knockout  # without the knock-out rule no price is refused for its height
    if eigen_prijs is not None:
        return f"Tarief: de prijs per traject uit uw inschrijving, {euro(eigen_prijs)}" + (
            f"; die mag niet hoger zijn dan de plafondprijs van {euro(perceel.plafondprijs)}." if plafond else "."
        )
    return (
        "Tarief: de prijs per traject die de aanbieder inschrijft"
        + (f", niet hoger dan de plafondprijs van {euro(perceel.plafondprijs)}" if plafond else "")
        + ". De prijs telt niet mee in een vergelijking: er wordt niet gerangschikt."
    )


def later_toetreden_zin(a: Aanbesteding, p: Perceel | None = None) -> str:
    """How a provider joins during the term (the open house stays open). Where the lot `p` requires a minimum quality,
    the form alone is not enough: its quality is scored as the award's were, so the sentence names the plan."""
    lt = a.looptijd
    termijn = f"{lt.jaren} jaar" + (
        f" (met {lt.optiejaren} optiejaar)" if lt.optiejaren == 1 else f" (met {lt.optiejaren} optiejaren)"
    )
    if not lt.optiejaren:
        termijn = f"{lt.jaren} jaar"
    return (
        f"Later toetreden: gedurende de hele looptijd van {termijn} kan iedere aanbieder zich bij {a.penvoerder} "
        f"aanmelden met een ingevuld inschrijfformulier{_kwaliteitsplan(p)}. Wie aan dezelfde voorwaarden voldoet, "
        "wordt op dezelfde "
        "voorwaarden toegelaten; eerdere toelatingen blijven staan."
    )


def _kwaliteitsplan(p: Perceel | None) -> str:
    if p is None or "minimum_kwaliteit" not in p.knockout or not p.gunningscriteria:
        return ""
    return (
        " en een kwaliteitsplan, dat beoordelaars op dezelfde wijze beoordelen als bij de aanbesteding (minimale "
        "kwaliteit)"
    )


def geen_aantal_zin() -> str:
    """In the systematiek and in every toelatingsbesluit. It names numbers the reader has (the tender documents give
    the expected inburgeraars per gemeente); 'de verwachte aantallen per gemeente' in a letter that gives none pointed
    at nothing the bidder could see."""
    return (
        "Een toelating geeft geen recht op een aantal trajecten: de inburgeraar of de klantmanager kiest de "
        "aanbieder. De aantallen inburgeraars per gemeente in de aanbestedingsstukken zijn een verwachting, geen "
        "toezegging."
    )

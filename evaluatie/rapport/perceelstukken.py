"""What a bidder must be able to read per lot before bidding: who joins, at what ceiling, on what.

The coverage knock-out depends on the gemeenten and subregio's of a lot, the price knock-out on its
ceiling, the keurmerk on its reference date, and the quality score on what each criterion assesses
and what each scale point means. The published method (rapport/systematiek.py) and the bid form
(inschrijving/formulier.py) both list them from here, so both say the same.
"""

from __future__ import annotations

from evaluatie.definitie.model import Aanbesteding, Perceel
from evaluatie.definitie.perceelgegevens import deelnemers, kernregels
from evaluatie.rapport.document import Document
from evaluatie.rapport.wegingtekst import weging_tekst
from evaluatie.tekst import getal

__all__ = ["deelnemers", "kernregels", "ontbrekende_omschrijvingen", "schrijf_criteria", "schrijf_perceelgegevens"]


def schrijf_perceelgegevens(d: Document, a: Aanbesteding, p: Perceel) -> None:
    d.alinea("Deelnemende gemeenten, hun subregio en het verwachte aantal inburgeraars per jaar:")
    rijen: list[list[object]] = [[g, s, n] for g, s, n in deelnemers(a, p)]
    rijen.append(["Totaal", "", sum(n for _, _, n in deelnemers(a, p))])
    d.tabel(["Gemeente", "Subregio", "Verwacht per jaar"], rijen)
    d.opsomming(kernregels(a, p))


def schrijf_criteria(d: Document, p: Perceel) -> None:
    """Criteria with weight and what each assesses, then the scale with what each point means."""
    d.tabel(
        ["Criterium", "Weging", "Wat wordt beoordeeld"],
        [[c.naam, weging_tekst(p, c), c.omschrijving or "-"] for c in p.gunningscriteria],
    )
    d.alinea("Beoordelingsschaal per criterium:")
    d.tabel(
        ["Score", "Punten", "Betekenis"],
        [[s.label or getal(s.punten, 0), getal(s.punten, 0), s.omschrijving or "-"] for s in p.schaal.stappen],
    )


def ontbrekende_omschrijvingen(a: Aanbesteding) -> list[str]:
    """Every criterion and scale point without a description: a bidder cannot know what is assessed."""
    uit = []
    for code, p in a.percelen.items():
        if p.procedure == "toelating" and "minimum_kwaliteit" not in p.knockout:
            continue  # no quality score is published or used
        for c in p.gunningscriteria:
            if not c.omschrijving.strip():
                uit.append(
                    f"percelen.{code}.gunningscriteria.{c.code}.omschrijving: criterium '{c.naam}' zegt niet wat "
                    "wordt beoordeeld"
                )
        leeg = [s.label or getal(s.punten, 0) for s in p.schaal.stappen if not s.omschrijving.strip()]
        if leeg:
            uit.append(
                f"percelen.{code}.schaal: schaalpunt(en) {', '.join(leeg)} zonder omschrijving van wat de score "
                "betekent"
            )
    return uit

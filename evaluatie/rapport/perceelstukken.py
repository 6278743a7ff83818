"""What a bidder must be able to read per lot before bidding: who joins, at what ceiling, on what.

The coverage knock-out depends on the gemeenten and subregio's of a lot, the price knock-out on its
ceiling, the keurmerk on its reference date, and the quality score on what each criterion assesses
and what each scale point means. The published method (rapport/systematiek.py) and the bid form
(inschrijving/formulier.py) both list them from here, so both say the same.
"""

from __future__ import annotations

from evaluatie.definitie.model import Aanbesteding, Perceel
from evaluatie.definitie.perceelgegevens import deelnemers, kernregels
from evaluatie.definitie.wegingtekst import weging_tekst
from evaluatie.rapport.document import Document
from evaluatie.tekst import getal, kort

__all__ = [
    "deelnemers",
    "kernregels",
    "ontbrekende_omschrijvingen",
    "schrijf_criteria",
    "schrijf_gemeentenbijlage",
    "schrijf_perceelgegevens",
]


VEEL_GEMEENTEN = 40  # above this the gemeenten are listed once for all lots, in an appendix


def gemeenten_apart(a: Aanbesteding) -> bool:
    """A national tender: one table of 342 gemeenten per lot would be three times the same 10 pages."""
    return any(len(p.gemeenten) > VEEL_GEMEENTEN for p in a.percelen.values())


def schrijf_perceelgegevens(d: Document, a: Aanbesteding, p: Perceel) -> None:
    lijst = deelnemers(a, p)
    totaal = sum(n for _, _, n in lijst)
    if gemeenten_apart(a):
        regios = {s for _, s, _ in lijst if s}
        d.alinea(
            f"Deelnemende gemeenten: {getal(len(lijst), 0)}"
            + (f" in {len(regios)} subregio's" if regios else "")
            + f", samen {getal(totaal, 0)} verwachte inburgeraars per jaar; per gemeente staan hun subregio en "
            "het verwachte aantal in de bijlage Deelnemende gemeenten aan het eind van dit document."
        )
    else:
        d.alinea("Deelnemende gemeenten, hun subregio en het verwachte aantal inburgeraars per jaar:")
        rijen: list[list[object]] = [[g, s, getal(n, 0)] for g, s, n in lijst]
        rijen.append(["Totaal", "", getal(totaal, 0)])
        d.tabel(["Gemeente", "Subregio", "Verwacht per jaar"], rijen)
    d.opsomming(kernregels(a, p))


def schrijf_gemeentenbijlage(d: Document, a: Aanbesteding) -> None:
    """With many gemeenten: every gemeente once, its subregio and the expected number per lot ('-' where it
    does not join the lot)."""
    if not gemeenten_apart(a):
        return
    vraag = {code: a.vraag(code) for code in a.percelen}
    d.kop("Bijlage: deelnemende gemeenten")
    d.alinea(
        "Per gemeente de subregio en het verwachte aantal inburgeraars per jaar in ieder perceel (een streepje: "
        "de gemeente doet niet mee aan dat perceel)."
    )
    rijen: list[list[object]] = []
    for g in a.gemeenten:
        if any(g.naam in v for v in vraag.values()):
            rijen.append([g.naam, g.subregio, *(getal(v[g.naam], 0) if g.naam in v else "-" for v in vraag.values())])
    rijen.append(["Totaal", "", *(getal(sum(v.values()), 0) for v in vraag.values())])
    d.tabel(["Gemeente", "Subregio", *(p.naam for p in a.percelen.values())], rijen)


def schrijf_criteria(d: Document, p: Perceel) -> None:
    """Criteria with weight and what each assesses, then the scale with what each point means."""
    d.tabel(
        ["Criterium", "Weging", "Wat wordt beoordeeld"],
        [[c.naam, weging_tekst(p, c), c.omschrijving or "-"] for c in p.gunningscriteria],
    )
    d.alinea("Beoordelingsschaal per criterium:")
    d.tabel(
        ["Score", "Punten", "Betekenis"],
        # a half point is 2,5 (its own points, not rounded to 3: the systematiek published a scale the panel lacks)
        [[s.tekst, kort(s.punten), s.omschrijving or "-"] for s in p.schaal.stappen],
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
        leeg = [s.tekst for s in p.schaal.stappen if not s.omschrijving.strip()]
        if leeg:
            uit.append(
                f"percelen.{code}.schaal: {'schaalpunt' if len(leeg) == 1 else 'schaalpunten'} "
                f"{p.schaal.scheiding.join(leeg)} zonder omschrijving van wat "
                "de score betekent"
            )
    return uit

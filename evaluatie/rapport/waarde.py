"""Estimated contract value, the procurement regime that follows from it, and each framework maximum.

The estimated value (art. 2.17 Aw 2012: excluding VAT, options included) of a lot is its expected
volume per year times the price ceiling (in a vaste_prijs lot: the fixed price) times the full term including
option years: the most
the gemeenten can spend under it. The lots together are compared with the threshold for social
and other specific services (art. 2.38-2.39 Aw 2012, EUR 750.000): inburgering is such a
service (Annex XIV of Directive 2014/24/EU).

The maximum of each framework agreement (CJEU C-23/20, Simonsen & Weel) is the same quantity and
value: once reached, the agreement is exhausted. The maximum comes from
evaluatie.gunning.raamovereenkomst, the same definition the letters use.
"""

from __future__ import annotations

from dataclasses import dataclass

from evaluatie.definitie.model import Aanbesteding
from evaluatie.gunning.raamovereenkomst import raammaximum

DREMPEL_SAS = 750_000.0  # art. 2.38 Aw 2012 with Directive 2014/24/EU art. 4(d)


@dataclass(frozen=True)
class Perceelwaarde:
    code: str
    naam: str
    per_jaar: int  # expected trajectories per year
    jaren: int  # initial term plus option years
    trajecten: int  # framework maximum: quantity over the whole term
    prognose: int  # the expectation over the whole term, which the maximum equals or exceeds
    prijs: float  # price per trajectory the value is computed at (ceiling, or the fixed price)
    waarde: float  # framework maximum: value over the whole term


def perceelwaarde(a: Aanbesteding, code: str) -> Perceelwaarde:
    m = raammaximum(a, code)
    return Perceelwaarde(
        code, a.percelen[code].naam, m.per_jaar, m.jaren, m.trajecten, m.prognose, m.prijs_per_traject, m.waarde
    )


# The columns of the table of value and framework maximum, as the HTML advies and its xlsx both show it.
WAARDE_KOPPEN = (
    "Perceel",
    "Trajecten per jaar",
    "Jaren (incl. opties)",
    "Verwachte trajecten",
    "Maximum trajecten",
    "Prijs per traject",
    "Geraamde en maximale waarde",
)


def waarden(a: Aanbesteding) -> list[Perceelwaarde]:
    """Every lot of the tender (not only those computed in this run: the threshold concerns the whole)."""
    return [perceelwaarde(a, code) for code in a.percelen]


def gunningswaarden(a: Aanbesteding) -> list[Perceelwaarde]:
    """The award lots' values: only they are overheidsopdrachten with a framework maximum (an open-house lot selects
    nobody and is no public contract, Falk Pharma C-410/14)."""
    return [w for w in waarden(a) if a.percelen[w.code].procedure == "gunning"]


def gunningswaarde(a: Aanbesteding) -> float:
    """The estimated value that counts for the threshold (the award lots, `gunningswaarden`)."""
    return sum(w.waarde for w in gunningswaarden(a))


def boven_drempel(a: Aanbesteding) -> bool:
    """Whether the award lots together reach the threshold for social and other specific services."""
    return gunningswaarde(a) >= DREMPEL_SAS


def _lotnamen(a: Aanbesteding, procedure: str) -> str:
    from evaluatie.gemeentenamen import opsomming

    return opsomming([p.naam for p in a.percelen.values() if p.procedure == procedure], "en")


def _perceelwoord(a: Aanbesteding, procedure: str) -> str:
    """'perceel' for one lot of this procedure, 'percelen' for more: 'perceel PVT en MAP' reads as one lot."""
    return "perceel" if sum(p.procedure == procedure for p in a.percelen.values()) == 1 else "percelen"


def regime(a: Aanbesteding) -> str:
    """The regime in one or two sentences, from the award lots' total value and each lot's procedure."""
    from evaluatie.tekst import euro

    zinnen = []
    procedures = a.procedures()
    if "toelating" in procedures:
        welke = f"{_perceelwoord(a, 'toelating')} {_lotnamen(a, 'toelating')}"
        wie = "" if procedures == {"toelating"} else f" voor {welke}"
        zinnen.append(
            f"Open house (toelatingsprocedure){wie}: iedere aanbieder die aan de gepubliceerde voorwaarden voldoet, "
            "wordt toegelaten en er wordt niemand gekozen; dit is geen overheidsopdracht in de zin van de "
            "Aanbestedingswet 2012 (HvJ EU 2 juni 2016, Falk Pharma, C-410/14; HvJ EU 1 maart 2018, Tirkkonen, "
            "C-9/17). Gelijke behandeling en transparantie gelden wel."
        )
    if "gunning" in procedures:
        totaal = gunningswaarde(a)
        welke = (
            "alle percelen samen"
            if procedures == {"gunning"}
            else f"de gunningspercelen ({_lotnamen(a, 'gunning')}) samen"
        )
        if totaal >= DREMPEL_SAS:
            zinnen.append(
                f"De geraamde waarde van {welke}, {euro(totaal)}, ligt op of boven de drempel van "
                f"{euro(DREMPEL_SAS)} voor sociale en andere specifieke diensten. Het verlicht regime van art. 2.38 "
                "en 2.39 Aanbestedingswet 2012 is van toepassing: aankondiging van de opdracht, gunning volgens de "
                "bekendgemaakte gunningscriteria, een aankondiging van de gegunde opdracht en de opschortende termijn."
            )
        else:
            zinnen.append(
                f"De geraamde waarde van {welke}, {euro(totaal)}, ligt onder de drempel van "
                f"{euro(DREMPEL_SAS)} voor sociale en andere specifieke diensten (art. 2.38 Aanbestedingswet 2012). "
                "Het Europese verlicht regime is niet van toepassing; de gemeenten volgen hun inkoopbeleid, de "
                "Gids Proportionaliteit en de beginselen van gelijke behandeling en transparantie. De opschortende "
                "termijn volgt uit de aanbestedingsstukken, niet uit art. 2.127 Aanbestedingswet 2012."
            )
    return " ".join(zinnen)


def procedure_tekst(a: Aanbesteding, code: str | None = None) -> str:
    """'Procedure: ...' as a real procedure, for one lot or (without `code`) for the tender as a whole."""
    if code is None and len(a.procedures()) > 1:
        return "; ".join(f"perceel {p.naam}: {procedure_tekst(a, c)}" for c, p in a.percelen.items())
    procedure = a.percelen[code].procedure if code is not None else next(iter(a.procedures()))
    if procedure == "toelating":
        return "open house (toelatingsprocedure zonder selectie; geen overheidsopdracht)"
    if boven_drempel(a):
        return (
            "openbare procedure voor sociale en andere specifieke diensten (art. 2.38 Aanbestedingswet 2012), "
            "gunning op beste prijs-kwaliteitverhouding (art. 2.114)"
        )
    return (
        "procedure voor sociale en andere specifieke diensten onder de Europese drempel, met openbare "
        "aankondiging; gunning op beste prijs-kwaliteitverhouding"
    )

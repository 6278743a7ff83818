"""Estimated contract value, the procurement regime that follows from it, and each framework maximum.

The estimated value (art. 2.17 Aw 2012: excluding VAT, options included) of a lot is its expected
volume per year times the price ceiling times the full term including option years: the most
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
    prijs: float  # price per trajectory the value is computed at (ceiling, or the fixed price)
    waarde: float  # framework maximum: value over the whole term


def perceelwaarde(a: Aanbesteding, code: str) -> Perceelwaarde:
    m = raammaximum(a, code)
    return Perceelwaarde(code, a.percelen[code].naam, m.per_jaar, m.jaren, m.trajecten, m.prijs_per_traject, m.waarde)


def waarden(a: Aanbesteding) -> list[Perceelwaarde]:
    """Every lot of the tender (not only those computed in this run: the threshold concerns the whole)."""
    return [perceelwaarde(a, code) for code in a.percelen]


def regime(a: Aanbesteding) -> str:
    """The regime in one sentence, from the total estimated value and the procedure."""
    totaal = sum(w.waarde for w in waarden(a))
    from evaluatie.tekst import euro

    if a.procedure == "toelating":
        return (
            "Open house (toelatingsprocedure): iedere aanbieder die aan de gepubliceerde voorwaarden voldoet, "
            "wordt toegelaten en er wordt niemand gekozen; dit is geen overheidsopdracht in de zin van de "
            "Aanbestedingswet 2012 (HvJ EU 2 juni 2016, Falk Pharma, C-410/14; HvJ EU 1 maart 2018, Tirkkonen, "
            f"C-9/17). De geraamde waarde van {euro(totaal)} bepaalt hier geen regime; gelijke behandeling en "
            "transparantie gelden wel."
        )
    if totaal >= DREMPEL_SAS:
        return (
            f"De geraamde waarde van alle percelen samen, {euro(totaal)}, ligt op of boven de drempel van "
            f"{euro(DREMPEL_SAS)} voor sociale en andere specifieke diensten. Het verlicht regime van art. 2.38 en "
            "2.39 Aanbestedingswet 2012 is van toepassing: aankondiging van de opdracht, gunning volgens de "
            "bekendgemaakte gunningscriteria, een aankondiging van de gegunde opdracht en de opschortende termijn."
        )
    return (
        f"De geraamde waarde van alle percelen samen, {euro(totaal)}, ligt onder de drempel van "
        f"{euro(DREMPEL_SAS)} voor sociale en andere specifieke diensten (art. 2.38 Aanbestedingswet 2012). "
        "Het Europese verlicht regime is niet van toepassing; de gemeenten volgen hun inkoopbeleid, de "
        "Gids Proportionaliteit en de beginselen van gelijke behandeling en transparantie."
    )


def procedure_tekst(a: Aanbesteding) -> str:
    """'Procedure: ...' as a real procedure, not a description of the award criterion."""
    if a.procedure == "toelating":
        return "open house (toelatingsprocedure zonder selectie; geen overheidsopdracht)"
    totaal = sum(w.waarde for w in waarden(a))
    if totaal >= DREMPEL_SAS:
        return (
            "openbare procedure voor sociale en andere specifieke diensten (art. 2.38 Aanbestedingswet 2012), "
            "gunning op beste prijs-kwaliteitverhouding (art. 2.114)"
        )
    return (
        "procedure voor sociale en andere specifieke diensten onder de Europese drempel, met openbare "
        "aankondiging; gunning op beste prijs-kwaliteitverhouding"
    )

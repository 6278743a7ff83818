"""Run price scoring, ranking and allocation for the chosen lots."""

from __future__ import annotations

from collections.abc import Sequence

from evaluatie import __version__
from evaluatie.beoordeling.model import Paneluitslag
from evaluatie.definitie.model import Aanbesteding
from evaluatie.fouten import EvaluatieFout
from evaluatie.gunning.uitslag import Gemeentebudget, Gunningsuitslag, Perceeluitslag, Uitsluiting
from evaluatie.inschrijving.model import Inschrijving, Invoerbestand
from evaluatie.prijs.basis import Kandidaat, methode
from evaluatie.prijs.rangorde import rangschik
from evaluatie.toets.uitslag import Toetsuitslag
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem, Verdeling
from evaluatie.verdeling.oplosser import STANDAARD, versie


def verdeelprobleem(aanbesteding: Aanbesteding, code: str, rangorde, inschrijvingen) -> Verdeelprobleem:
    perceel = aanbesteding.percelen[code]
    per_naam = {i.naam: i for i in inschrijvingen}
    return Verdeelprobleem(
        perceel=code,
        perceelnaam=perceel.naam,
        vraag=aanbesteding.vraag(code),
        subregio={g.naam: g.subregio for g in aanbesteding.gemeenten},
        leveranciers=tuple(
            Leverancier(
                naam=r.inschrijver,
                waarde=r.gunningswaarde,
                prijs=r.prijs,
                capaciteit=per_naam[r.inschrijver].aanbod[code].capaciteit,
                gemeenten=per_naam[r.inschrijver].aanbod[code].gemeenten,
                rang=i,
            )
            for i, r in enumerate(rangorde)
        ),
        regels=perceel.verdeling,
        budget=dict(perceel.verdeling.budget_per_gemeente),
    )


def beoordeel_perceel(
    aanbesteding: Aanbesteding,
    code: str,
    inschrijvingen: Sequence[Inschrijving],
    toets: Toetsuitslag,
    panel: Paneluitslag | None,
    oplosser: str,
    tijdslimiet: float | None,
) -> Perceeluitslag:
    from evaluatie.verdeling.lp import verdeel
    from evaluatie.verdeling.toelating import verwachte_verdeling
    from evaluatie.verdeling.verklaring import bindende_regels

    perceel = aanbesteding.percelen[code]
    per_naam = {i.naam: i for i in inschrijvingen}
    kwaliteit = panel.kwaliteit.get(code, {}) if panel else {}
    kandidaten = []
    for naam in toets.toegelaten(code):
        a = per_naam[naam].aanbod[code]
        kandidaten.append(Kandidaat(naam, a.prijs, kwaliteit.get(naam, 0.0), a.capaciteit, a.wachttijd_weken))
    rangorde = rangschik(perceel, kandidaten)
    uitgesloten = tuple(
        Uitsluiting(inschrijver=r.inschrijver, redenen=tuple(r.redenen))
        for r in toets.voor_perceel(code)
        if not r.voldoet
    )
    meldingen = []
    for rang in sorted({r.rang for r in rangorde if r.gelijke_stand}):
        namen = [r.inschrijver for r in rangorde if r.rang == rang]
        meldingen.append(
            f"gelijke stand op rang {rang} tussen {', '.join(namen)}: "
            "de aanbesteding geeft geen beslisregel; loting is nodig"
        )
    probleem = verdeelprobleem(aanbesteding, code, rangorde, inschrijvingen)
    if not rangorde:
        raise EvaluatieFout([f"Perceel {perceel.naam}: geen enkele inschrijving voldoet aan de knock-outeisen"])
    if aanbesteding.procedure == "toelating":
        verdeling: Verdeling = verwachte_verdeling(probleem)
        binding: list[str] = []
    else:
        verdeling = verdeel(probleem, oplosser, tijdslimiet)
        binding = bindende_regels(probleem, verdeling)
    budgetten = []
    for g, d in probleem.vraag.items():
        kosten = round(sum(t.kosten for t in verdeling.toewijzing if t.gemeente == g), 2)
        expliciet = perceel.verdeling.budget_per_gemeente.get(g)
        budgetten.append(
            Gemeentebudget(
                gemeente=g,
                vraag=d,
                kosten=kosten,
                budget=expliciet if expliciet is not None else d * perceel.plafondprijs,
                budget_bron="verdeelregel" if expliciet is not None else "vraag x plafondprijs",
            )
        )
    return Perceeluitslag(
        code=code,
        naam=perceel.naam,
        procedure=aanbesteding.procedure,
        prijsmethode=perceel.prijsmethode,
        formule=methode(perceel.prijsmethode).formule,
        weging_kwaliteit=perceel.weging.kwaliteit,
        weging_prijs=perceel.weging.prijs,
        plafondprijs=perceel.plafondprijs,
        rangorde=tuple(rangorde),
        toewijzing=verdeling.toewijzing,
        uitgesloten=uitgesloten,
        budgetten=tuple(budgetten),
        bindende_regels=tuple(binding),
        meldingen=tuple(meldingen),
        solver=verdeling.solver,
        model=verdeling.model,
        pad=verdeling.pad or verdeling.model,
    )


def gunning(
    aanbesteding: Aanbesteding,
    inschrijvingen: Sequence[Inschrijving],
    toets: Toetsuitslag,
    panel: Paneluitslag | None,
    percelen: Sequence[str],
    invoer: Sequence[Invoerbestand],
    oplosser: str = STANDAARD,
    tijdslimiet: float | None = None,
) -> Gunningsuitslag:
    """All chosen lots; problems of every lot are collected before raising."""
    uit, fouten = {}, []
    for code in percelen:
        try:
            uit[code] = beoordeel_perceel(aanbesteding, code, inschrijvingen, toets, panel, oplosser, tijdslimiet)
        except EvaluatieFout as e:
            fouten += e.meldingen
    if fouten:
        raise EvaluatieFout(fouten)
    return Gunningsuitslag(
        aanbesteding=aanbesteding.naam,
        versie=__version__,
        solver=versie(oplosser),
        percelen=uit,
        invoer=tuple(invoer),
    )

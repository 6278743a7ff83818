"""Write the bid form (inschrijfformulier.xlsx) for bidders, generated from the tender."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from evaluatie.definitie.model import Aanbesteding
from evaluatie.definitie.wegingtekst import weging_tekst
from evaluatie.inschrijving import velden as v
from evaluatie.ooxml import bewaar_werkmap, eerste_blad
from evaluatie.tekst import datum, getal

KOP = Font(bold=True, color="FFFFFF")
KOPVULLING = PatternFill("solid", fgColor="1F4E79")
INVOER = PatternFill("solid", fgColor="FFF2CC")


def instructieregels(aanbesteding: Aanbesteding) -> list[str]:
    percelen = ", ".join(f"{p.code} ({p.naam})" for p in aanbesteding.percelen.values())
    return [
        v.TITEL + aanbesteding.naam,
        f"Penvoerder: {aanbesteding.penvoerder}. Sluiting inschrijving: {datum(aanbesteding.data.sluiting)}.",
        "",
        "1. Vul op tabblad 'Inschrijver' de gele cellen in. Gebruik ja of nee waar daarom gevraagd wordt.",
        "2. Vul op tabblad 'Percelen' een regel in per perceel waarop u inschrijft. Percelen: " + percelen + ".",
        _prijsinstructie(aanbesteding),
        "4. Capaciteit en instroommomenten zijn aantallen per jaar, in hele getallen.",
        "5. Gemeenten: de gemeenten die u voor dat perceel bedient, gescheiden door ; of het woord alle.",
        "6. Wijzig de kopjes en tabbladnamen niet; het formulier wordt automatisch ingelezen.",
        "7. Lever het bestand aan als .xlsx zonder wachtwoord.",
    ]


def _prijsinstructie(aanbesteding: Aanbesteding) -> str:
    """'hoogstens de plafondprijs' only where the knock-out rule plafondprijs makes a higher price invalid (the
    Perceelgegevens say per lot which)."""
    met = [p for p in aanbesteding.percelen.values() if "plafondprijs" in p.knockout]
    if len(met) == len(aanbesteding.percelen):
        return "3. Prijs per traject in euro, exclusief btw, hoogstens de plafondprijs van het perceel."
    if not met:
        return "3. Prijs per traject in euro, exclusief btw."
    return (
        "3. Prijs per traject in euro, exclusief btw; hoogstens de plafondprijs in een perceel waar het tabblad "
        "'Perceelgegevens' zegt dat een hogere prijs ongeldig is."
    )


def schrijf_inschrijfformulier(
    aanbesteding: Aanbesteding,
    pad: Path,
    prijsregels: Mapping[str, str] | None = None,
    onbekend: Collection[tuple[str, str]] = (),
    *,
    knockoutregels: Mapping[str, Sequence[str]],
) -> Path:
    """The bid form. `knockoutregels`: per lot the lines that list its knock-out requirements, as the published
    method words them (evaluatie.toets.eisen.formulierregels; required, for a form that does not say what knocks a
    bid out misleads the bidder). `prijsregels`: per lot what a bidder must know of the price beyond the ceiling (a
    fixed price, evaluatie.prijs.basis.inschrijfregels), on the lot's Perceelgegevens. `onbekend`: the (gemeente,
    lot) volumes still `invullen` in aanbesteding.yaml, stated as 'nog niet bekend' (never as 0, which a bidder
    reads as none)."""
    wb = Workbook()
    instr = eerste_blad(wb)
    instr.title = v.TABBLAD_INSTRUCTIE
    for i, regel in enumerate(instructieregels(aanbesteding), start=1):
        instr.cell(i, 1, regel)
    instr["A1"].font = Font(bold=True, size=14)
    instr.column_dimensions["A"].width = 110

    _inschrijver_blad(wb)
    _percelen_blad(wb, aanbesteding)
    _perceelgegevens_blad(wb, aanbesteding, prijsregels or {}, set(onbekend), knockoutregels)
    wb.active = 0
    tijd = dt.datetime.combine(aanbesteding.data.publicatie, dt.time())
    bewaar_werkmap(wb, pad, tijd)
    return pad


TABBLAD_PERCEELGEGEVENS = v.TABBLAD_PERCEELGEGEVENS


def _perceelgegevens_blad(
    wb: Workbook,
    aanbesteding: Aanbesteding,
    prijsregels: Mapping[str, str],
    onbekend: set[tuple[str, str]],
    knockoutregels: Mapping[str, Sequence[str]],
) -> None:
    """Read-only: per lot what a bidder bids on (the same lists as the published method)."""
    from evaluatie.definitie.perceelgegevens import deelnemers, kernregels, procedure_kort

    ws = wb.create_sheet(TABBLAD_PERCEELGEGEVENS)
    for kolom, breedte in zip("ABC", (42, 28, 110), strict=True):
        ws.column_dimensions[kolom].width = breedte
    r = 1
    ws.cell(r, 1, "Gegevens per perceel (ter informatie; niet invullen)").font = Font(bold=True, size=14)
    for code, p in aanbesteding.percelen.items():
        r += 2
        ws.cell(r, 1, f"Perceel {code} ({p.naam})").font = Font(bold=True, size=12)
        r += 1
        ws.cell(r, 1, procedure_kort(p))
        regels = kernregels(aanbesteding, p)
        if code in prijsregels:
            regels.insert(1, prijsregels[code])  # right under the ceiling
        regels += knockoutregels[code]  # a lot without its list is a caller's error, never a form without it
        for regel in regels:
            r += 1
            ws.cell(r, 1, regel)
        r += 1
        for j, kop in enumerate(("Gemeente", "Subregio", "Verwacht aantal inburgeraars per jaar"), start=1):
            c = ws.cell(r, j, kop)
            c.font, c.fill = KOP, KOPVULLING
        for gemeente, subregio, n in deelnemers(aanbesteding, p):
            r += 1
            ws.cell(r, 1, gemeente)
            ws.cell(r, 2, subregio)
            ws.cell(r, 3, "nog niet bekend" if (gemeente, code) in onbekend else n)
        if p.gunningscriteria and (p.procedure == "gunning" or "minimum_kwaliteit" in p.knockout):
            r += 1
            for j, kop in enumerate(("Criterium", "Weging", "Wat wordt beoordeeld"), start=1):
                c = ws.cell(r, j, kop)
                c.font, c.fill = KOP, KOPVULLING
            for crit in p.gunningscriteria:
                r += 1
                ws.cell(r, 1, crit.naam)
                ws.cell(r, 2, weging_tekst(p, crit))  # as the systematiek: points stay points
                ws.cell(r, 3, crit.omschrijving or "-").alignment = Alignment(wrap_text=True)
            r += 1
            for j, kop in enumerate(("Score", "Punten", "Betekenis"), start=1):
                c = ws.cell(r, j, kop)
                c.font, c.fill = KOP, KOPVULLING
            for stap in p.schaal.stappen:
                r += 1
                ws.cell(r, 1, stap.tekst)  # '2,5', as the reviewer's drop-down and the systematiek write it
                ws.cell(r, 2, stap.punten)
                ws.cell(r, 3, stap.omschrijving or "-").alignment = Alignment(wrap_text=True)
    ws.protection.sheet = True


def _kop(ws, kolommen: tuple[str, ...] | list[str]) -> None:
    for j, titel in enumerate(kolommen, start=1):
        c = ws.cell(1, j, titel)
        c.font, c.fill = KOP, KOPVULLING
        c.alignment = Alignment(wrap_text=True, vertical="center")
    ws.freeze_panes = "A2"


def _invoercel(c) -> None:
    c.fill = INVOER
    c.protection = Protection(locked=False)


def _inschrijver_blad(wb: Workbook) -> None:
    ws = wb.create_sheet(v.TABBLAD_INSCHRIJVER)
    _kop(ws, ["Veld", "Waarde"])
    ws.column_dimensions["A"].width = 45
    ws.column_dimensions["B"].width = 45
    janee = DataValidation(
        type="list",
        formula1='"ja,nee"',
        allow_blank=False,
        error="Kies ja of nee",
        errorTitle="Ongeldige keuze",
        showErrorMessage=True,
    )
    datum = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="DATE(2000,1,1)",
        error="Vul een datum in (dd-mm-jjjj)",
        showErrorMessage=True,
    )
    ws.add_data_validation(janee)
    ws.add_data_validation(datum)
    for i, veld in enumerate(v.INSCHRIJVER_VELDEN, start=2):
        ws.cell(i, 1, veld)
        c = ws.cell(i, 2)
        _invoercel(c)
        if veld in (v.KEURMERK, v.UITSLUITING):
            janee.add(c)
        elif veld == v.KEURMERK_GELDIG:
            datum.add(c)
            c.number_format = "DD-MM-YYYY"
        elif veld == v.KVK:
            c.number_format = "@"
    ws.protection.sheet = True


def _percelen_blad(wb: Workbook, aanbesteding: Aanbesteding) -> None:
    ws = wb.create_sheet(v.TABBLAD_PERCELEN)
    _kop(ws, v.PERCEEL_KOLOMMEN)
    for kolom, breedte in zip("ABCDEF", (14, 18, 18, 22, 22, 60), strict=True):
        ws.column_dimensions[kolom].width = breedte
    rijen = range(2, 2 + max(len(aanbesteding.percelen), 1) + 2)
    codes = ",".join(aanbesteding.percelen)
    plafond = max(p.plafondprijs for p in aanbesteding.percelen.values())
    validaties = [
        DataValidation(type="list", formula1=f'"{codes}"', error="Kies een perceel uit de lijst"),
        DataValidation(
            type="decimal",
            operator="between",
            formula1="0",
            formula2=str(plafond * 10),
            error="Vul een bedrag in euro in",
        ),
        DataValidation(
            type="whole",
            operator="between",
            formula1="0",
            formula2=str(v.MAX_CAPACITEIT),
            error=f"Vul een geheel getal tussen 0 en {getal(v.MAX_CAPACITEIT, 0)} in",
        ),
        DataValidation(
            type="whole",
            operator="between",
            formula1="0",
            formula2="366",
            error="Vul een geheel getal tussen 0 en 366 in",
        ),
        DataValidation(
            type="decimal",
            operator="between",
            formula1="0",
            formula2=str(v.MAX_WACHTTIJD_WEKEN),
            error=f"Vul een aantal weken tussen 0 en {v.MAX_WACHTTIJD_WEKEN} in",
        ),
    ]
    for j, dv in enumerate(validaties, start=1):
        dv.showErrorMessage = True
        ws.add_data_validation(dv)
        for r in rijen:
            dv.add(ws.cell(r, j))
    for r in rijen:
        for j in range(1, len(v.PERCEEL_KOLOMMEN) + 1):
            _invoercel(ws.cell(r, j))
        ws.cell(r, 2).number_format = "#,##0.00"
    ws.protection.sheet = True
    ws.protection.insertRows = False

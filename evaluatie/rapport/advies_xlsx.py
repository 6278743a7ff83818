"""The gunningsadvies as an Excel workbook: one sheet per table, real number formats, filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from copy import copy
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from evaluatie.gunning import niet_gegund
from evaluatie.gunning.uitslag import Perceeluitslag
from evaluatie.ooxml import bewaar_werkmap, eerste_blad
from evaluatie.prijs.basis import methode
from evaluatie.prijs.precisie import afgerond
from evaluatie.rapport.anoniem import beoordelaar_labels, beoordelaars_op_volgorde
from evaluatie.rapport.budgetwoorden import budget_kop
from evaluatie.rapport.gegevens import Rapportgegevens, perceel_regels
from evaluatie.rapport.waarde import WAARDE_KOPPEN, gunningswaarden
from evaluatie.tekst import datums_in_tekst
from evaluatie.verdeling.oplosser import oplosser_instelling

EURO = '"€" #,##0.00'
SCORE = "0.00"
GEHEEL = "0"
KOP = Font(bold=True, color="FFFFFF")
KOPVULLING = PatternFill("solid", fgColor="1F4E79")


def _kolombetekenis(naam: str) -> str:
    """What the columns Prijsscore and Totaal hold under this lot's price method, in the method's own words
    (as the advies's ranking table heads them): one sheet holds lots with different methods."""
    m = methode(naam)
    prijsscore, totaal = m.kolomkoppen
    if (prijsscore, totaal) == ("Prijsscore", "Totaal"):
        return f"{naam}: prijsscore en totaalscore"
    eenheid = " (euro)" if m.kolommen_in_euro else ""
    return f"{naam}: Prijsscore = {prijsscore + eenheid if prijsscore else 'geen (leeg)'}; Totaal = {totaal}{eenheid}"


def _getoond(waarde: object, formaat: str | None) -> str:
    """The text Excel shows for a cell with this number format (its width decides whether the column shows
    '€ 202.400,00' or '########'); other cells as their text."""
    if isinstance(waarde, bool) or not isinstance(waarde, (int, float)) or formaat is None:
        return str(waarde if waarde is not None else "")
    if formaat == EURO:
        return "€ " + f"{waarde:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{waarde:.{ {SCORE: 2, GEHEEL: 0}[formaat] }f}".replace(".", ",")


def _blad(
    wb: Workbook,
    titel: str,
    kop: Sequence[str],
    rijen: Sequence[Sequence[object]],
    formaten: dict[int, str] | None = None,
) -> None:
    ws = wb.create_sheet(titel[:31])
    ws.append(list(kop))
    eerste, *overige = ws[1]
    eerste.font, eerste.fill = KOP, KOPVULLING
    eerste.alignment = Alignment(wrap_text=True, vertical="center")
    for c in overige:  # the same style indexes: setting each style again only re-hashes it (openpyxl)
        c._style = copy(eerste._style)
    for rij in rijen:
        ws.append(list(rij))
    formaten = formaten or {}
    n = ws.max_row  # counted once: openpyxl goes over every cell for it
    for j in range(1, len(kop) + 1):
        formaat = formaten.get(j - 1)
        breedte = max(len(_getoond(ws.cell(r, j).value, formaat if r > 1 else None)) for r in range(1, n + 1))
        ws.column_dimensions[get_column_letter(j)].width = min(max(10, breedte + 2), 70)
        if j - 1 in formaten:
            for r in range(2, n + 1):
                ws.cell(r, j).number_format = formaten[j - 1]
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(kop))}{max(ws.max_row, 1)}"
    # printed: A4 landscape, all columns on the page's width, the header row on every page (the panel sheet
    # is some 290 characters wide: at 100% it printed as strips of columns on pages of their own)
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _toegelaten(wb: Workbook, g: Rapportgegevens) -> None:
    """The admitted suppliers of the open-house lots, as the HTML advies lists them: own price, capacity and the
    expected number by capacity; no rank, price score or total (there is none to publish)."""
    open_house = [(c, p) for c, p in g.uitslag.percelen.items() if p.procedure == "toelating"]
    if not open_house:
        return
    per_naam = {i.naam: i for i in g.inschrijvingen}
    _blad(
        wb,
        "Toegelaten",
        ["Perceel", "Aanbieder", "Eigen prijs per traject", "Capaciteit per jaar", "Verwacht per jaar"],
        [
            [
                p.naam,
                r.inschrijver,
                r.prijs,
                per_naam[r.inschrijver].aanbod[c].capaciteit if r.inschrijver in per_naam else 0,
                p.toegewezen(r.inschrijver),
            ]
            for c, p in open_house
            for r in sorted(p.rangorde, key=lambda r: r.inschrijver)
        ],
        {2: EURO, 3: GEHEEL, 4: GEHEEL},
    )


def _rangorde(wb: Workbook, g: Rapportgegevens) -> None:
    """The ranking of the award lots. A tender of open-house lots alone ranks no one (C-410/14): it has no such
    sheet (before, an empty one with the columns Rang, Prijsscore and Totaal)."""
    if not any(p.procedure == "gunning" for p in g.uitslag.percelen.values()):
        return
    _blad(
        wb,
        "Rangorde",
        [
            "Perceel",
            "Rang",
            "Inschrijver",
            "Kwaliteit",
            "Prijs",
            "Prijsscore",
            "Totaal",
            "Toegewezen",
            "Berekening",
            "Prijsmethode (betekenis van Prijsscore en Totaal)",
        ],
        [
            [
                p.naam,
                r.rang,
                r.inschrijver,
                afgerond(r.kwaliteit),  # the scores that were compared (4 decimals), as in gunning.json
                r.prijs,
                afgerond(r.prijsscore) if methode(p.prijsmethode).heeft_prijsscore else None,
                afgerond(r.totaal),
                p.toegewezen(r.inschrijver),
                r.berekening,
                _kolombetekenis(p.prijsmethode),
            ]
            for p in g.uitslag.percelen.values()
            if p.procedure == "gunning"  # an open house ranks no one (C-410/14): its suppliers are under Toegelaten
            for r in p.rangorde
        ],
        {1: GEHEEL, 3: SCORE, 4: EURO, 5: SCORE, 6: SCORE, 7: GEHEEL},
    )


def _uitkomst(p: Perceeluitslag) -> str:
    """The lot's outcome in words: who is awarded or admitted, or that the lot is not awarded and why."""
    if p.niet_gegund:
        return f"{niet_gegund.perceelzin(p)} {niet_gegund.gemeentenzin(p)}"
    wie = [r.inschrijver for r in p.rangorde if p.toegewezen(r.inschrijver)]
    if p.procedure == "toelating":
        namen = sorted(r.inschrijver for r in p.rangorde)
        return f"toegelaten: {', '.join(namen)}" if namen else "niemand toegelaten (blijft open voor later toetreden)"
    if p.loting_nodig:  # the advies says the same: no award before the draw
        return "nog niet te gunnen: een gelijke stand wacht op loting"
    return f"te gunnen aan {', '.join(wie)}"


def _waarde(wb: Workbook, g: Rapportgegevens) -> None:
    """The HTML's table of estimated value and framework maximum (CJEU C-23/20) of every award lot of the tender, with
    its total: the figures a contract manager keeps, here as numbers. An open house has no maximum (no sheet row)."""
    a = g.aanbesteding
    ws = gunningswaarden(a)
    if not ws:
        return
    rijen: list[list[object]] = [[w.naam, w.per_jaar, w.jaren, w.prognose, w.trajecten, w.prijs, w.waarde] for w in ws]
    rijen.append(
        [
            "Totaal",
            sum(w.per_jaar for w in ws),
            None,
            sum(w.prognose for w in ws),
            sum(w.trajecten for w in ws),
            None,
            round(sum(w.waarde for w in ws), 2),
        ]
    )
    _blad(
        wb,
        "Waarde en raammaximum",
        list(WAARDE_KOPPEN),
        rijen,
        {1: GEHEEL, 2: GEHEEL, 3: GEHEEL, 4: GEHEEL, 5: EURO, 6: EURO},
    )


def schrijf_advies_xlsx(g: Rapportgegevens, pad: Path) -> Path:
    wb = Workbook()
    wb.remove(eerste_blad(wb))
    a = g.aanbesteding
    regels = [[a.percelen[c].naam, datums_in_tekst(r)] for c in g.uitslag.percelen for r in perceel_regels(g, c)]
    _blad(wb, "Regels", ["Perceel", "Regel"], regels)
    _blad(
        wb,
        "Knock-out",
        ["Perceel", "Inschrijver", "Uitslag", "Redenen"],
        [
            [a.percelen[c].naam, r.inschrijver, r.status, datums_in_tekst("; ".join(r.redenen))]
            for c in g.uitslag.percelen
            for r in g.toets.voor_perceel(c)
        ],
    )
    rijen = []
    label, beoordelaars = beoordelaar_labels(g), beoordelaars_op_volgorde(g)  # anonymised, as in the HTML
    for c in g.uitslag.percelen:
        perceel = a.percelen[c]
        for r in g.panel.rijen:
            if r.perceel != c:
                continue
            rijen.append(
                [
                    perceel.naam,
                    r.inschrijver,
                    perceel.criterium_van(r.criterium).naam,
                    perceel.criterium_van(r.criterium).weging,
                    *[r.individueel.get(b) for b in beoordelaars],
                    r.spreiding,
                    r.spreiding_stappen,
                    "ja" if r.signaal else "nee",
                    r.consensus,
                    r.consensus_toelichting or "",
                    afgerond(r.punten),  # 4 decimals, as the sheets Kwaliteit and Rangorde give a score
                ]
            )
    _blad(
        wb,
        "Beoordeling",
        [
            "Perceel",
            "Inschrijver",
            "Criterium",
            "Weging (%)",
            *[label[b] for b in beoordelaars],
            "Spreiding",
            "Spreiding (stappen)",
            "Signaal",
            "Consensus",
            "Motivering consensus",
            "Score",
        ],
        rijen,
        {len(g.panel.beoordelaars) + 9: SCORE},
    )
    _blad(
        wb,
        "Kwaliteit",
        ["Perceel", "Inschrijver", "Kwaliteitsscore"],
        [
            [a.percelen[c].naam, i, afgerond(k)]  # the compared score, as gunning.json shows it
            for c in g.uitslag.percelen
            for i, k in g.panel.kwaliteit.get(c, {}).items()
        ],
        {2: SCORE},
    )
    _rangorde(wb, g)
    _toegelaten(wb, g)
    _blad(
        wb,
        "Verdeling",
        ["Perceel", "Gemeente", "Inschrijver", "Aantal", "Kosten"],
        [
            [p.naam, t.gemeente, t.inschrijver, t.aantal, t.kosten]
            for p in g.uitslag.percelen.values()
            for t in p.toewijzing
        ],
        {3: GEHEEL, 4: EURO},
    )
    alle = [b for p in g.uitslag.percelen.values() for b in p.budgetten]
    _blad(
        wb,
        budget_kop(alle),  # 'Budget' only where the tender set one; else what the number is
        ["Perceel", "Gemeente", "Vraag", "Kosten", budget_kop(alle), "Bron"],
        [
            [p.naam, b.gemeente, b.vraag, b.kosten, b.budget, b.budget_bron]
            for p in g.uitslag.percelen.values()
            for b in p.budgetten
        ],
        {2: GEHEEL, 3: EURO, 4: EURO},
    )
    _blad(
        wb,
        "Afgevallen",  # not 'Uitgesloten': that word is the status of an exclusion ground only (toets.status)
        ["Perceel", "Inschrijver", "Status", "Redenen"],
        [
            [p.naam, x.inschrijver, x.status, "; ".join(x.redenen)]
            for p in g.uitslag.percelen.values()
            for x in p.uitgesloten
        ],
    )
    _blad(
        wb,
        "Uitkomst per perceel",  # a lot that is not awarded: its demand rows above have no costs, said here once
        ["Perceel", "Procedure", "Uitkomst"],
        [[p.naam, p.procedure, _uitkomst(p)] for p in g.uitslag.percelen.values()],
    )
    _waarde(wb, g)
    verantwoording = [[g.invoernaam(b.bestand), b.sha256] for b in g.uitslag.invoer]
    verantwoording += [
        ["aanbestedingsdefinitie (samengevoegd)", g.definitie_hash],
        ["evaluatie versie", g.uitslag.versie],
        ["oplosser", oplosser_instelling(g.uitslag)],
        ["datum advies", a.data.gunning],  # type: ignore[list-item]  # a date cell, formatted below
        ["gegenereerd op", g.tijdstempel],
    ]
    _blad(wb, "Verantwoording", ["Onderdeel", "Waarde (SHA-256 voor bestanden)"], verantwoording)
    ws = wb["Verantwoording"]
    for rij in range(2, ws.max_row + 1):
        if isinstance(ws.cell(rij, 2).value, dt.date):
            ws.cell(rij, 2).number_format = "DD-MM-YYYY"
    bewaar_werkmap(wb, pad, dt.datetime.combine(a.data.gunning, dt.time()))
    return pad

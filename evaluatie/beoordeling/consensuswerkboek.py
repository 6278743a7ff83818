"""beoordelingen/consensus.xlsx for the consensus meeting, pre-filled from the reviewer forms.

Layout of the `Consensus` sheet (row 4 is the table header the reader looks for):

- A-C  Inschrijver, Perceel, Criterium: the row's key.
- D    Score: the consensus score (drop-down of the lot's scale), typed by the panel.
- E    Toelichting: the consensus motivation (required), typed by the panel; it is quoted in the letters.
- F-H  Signaal, Spreiding (schaalstappen), Voorstel: read-only analysis.
- then per reviewer (order of `beoordelaars`): score and motivation, read-only.

D and E keep the reader's column names `Score` and `Toelichting`, so the existing reader (and any
hand-made consensus workbook) works unchanged; the group row above the header names them
Consensusscore and Consensusmotivering for the panel. Everything except D, E and the date is
locked. Flagged rows come first. A re-run keeps every value the panel typed: rows that are still
assessed get their typed values back, typed rows that are no longer assessed move to the sheet
`Vervallen` (which the reader ignores) instead of disappearing.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation

from evaluatie.beoordeling.formulier import (
    KOLOMMEN,
    TABBLAD,
    TABBLAD_CONSENSUS,
    TABBLAD_VERVALLEN,
    VELD_DATUM,
    VELD_DATUM_CONSENSUS,
)
from evaluatie.beoordeling.model import Paneluitslag
from evaluatie.beoordeling.voorstel import REGEL, voorstel
from evaluatie.definitie.model import Aanbesteding
from evaluatie.fouten import Verzamelaar
from evaluatie.keuzelijst import keuzelijst, keuzelijst_achteraan
from evaluatie.naamvorm import sleutel as naamsleutel
from evaluatie.ooxml import bewaar_werkmap, eerste_blad
from evaluatie.tekst import zonder_exponent
from evaluatie.werkboek import als_tekst, lees_werkboek

KOPRIJ = 4  # 1-based row of the table header
ANALYSE = ("Signaal", "Spreiding (stappen)", "Voorstel")
_EERSTE_BEOORDELAAR = len(KOLOMMEN) + len(ANALYSE) + 1  # 1-based column of the first reviewer's score

_LETTER = 14  # beamer: large font everywhere in the table
_KOP = Font(bold=True, color="FFFFFF", size=_LETTER)
_KOPVULLING = PatternFill("solid", fgColor="1F4E79")
_GROEPVULLING = PatternFill("solid", fgColor="D9E1F2")
_INVOER = PatternFill("solid", fgColor="FFF2CC")
_SIGNAAL = PatternFill("solid", fgColor="F8CBAD")
_LEEG_ROOD = PatternFill("solid", fgColor="FF9999")
_RAND = Border(bottom=Side(style="thin", color="B4C6E7"))
_TEKST = Alignment(wrap_text=True, vertical="top")

Sleutel = tuple[str, str, str]


@dataclass
class Ingevuld:
    """What the panel typed in an existing consensus workbook."""

    waarden: dict[Sleutel, tuple[Any, Any]] = field(default_factory=dict)  # key -> (score, motivation) as typed
    datum: Any = None
    los: list[tuple[Any, ...]] = field(default_factory=list)  # typed rows without a usable key
    terug: dict[Sleutel, tuple[Any, ...]] = field(default_factory=dict)  # rows on the Vervallen sheet


@dataclass
class Uitkomst:
    pad: Path
    regels: int
    signalen: int
    behouden: int  # rows whose typed values were put back
    vervallen: int  # typed rows kept on the Vervallen sheet


def _tekst(cel, waarde: Any) -> None:
    """Write a value from input as data: text that starts with '=' must never become a formula."""
    cel.value = waarde
    if isinstance(waarde, str):
        cel.data_type = "s"


def lees_ingevuld(
    aanbesteding: Aanbesteding, pad: Path, inschrijvers: Sequence[str], hernoemd: Mapping[str, str] | None = None
) -> Ingevuld:
    """Typed values of an existing consensus workbook; InvoerFout when it cannot be read (never overwrite
    what cannot be read back). `hernoemd`: a bidder's name before its recorded correction -> the name now; a row the
    panel decided under the old name is that bid's (it went to 'Vervallen' and the consensus was lost)."""
    fouten = Verzamelaar()
    tabbladen = lees_werkboek(pad, pad.name, fouten)
    t = None if tabbladen is None else (tabbladen.get(TABBLAD_CONSENSUS) or tabbladen.get(TABBLAD))
    if tabbladen is not None and t is None:
        fouten.voeg_toe(pad.name, f"tabblad '{TABBLAD_CONSENSUS}' ontbreekt")
    start = None
    if t is not None:
        start = next((r for r in range(len(t.rijen)) if als_tekst(t.waarde(r, 0)) == KOLOMMEN[0]), None)
        if start is None:
            fouten.voeg_toe(f"{pad.name}!{t.naam}", "kopregel ontbreekt: " + " | ".join(KOLOMMEN))
    if tabbladen is not None:
        from evaluatie.beoordeling.herkomst import controleer_herkomst

        controleer_herkomst(aanbesteding, tabbladen, pad.name, fouten)  # scores chosen on another scale
    if t is not None and start is not None:  # an error value reads empty: a re-run would write the row back empty
        from evaluatie.formulecel import foutwaarden_onder

        for plaats, bericht in foutwaarden_onder(pad, pad.name, t.naam, start, len(KOLOMMEN)):
            fouten.voeg_toe(plaats, bericht)
    if fouten:
        fouten.voeg_toe(
            pad.name,
            "het bestaande consensusbestand wordt niet overschreven zolang het niet gelezen kan worden; "
            "herstel het, of begin opnieuw met --overschrijven",
        )
        fouten.controleer()
    assert tabbladen is not None and t is not None and start is not None  # else fouten stopped us above
    uit = Ingevuld()
    namen = {naamsleutel(n): n for n in inschrijvers}
    for oud, nieuw in (hernoemd or {}).items():
        if nieuw in inschrijvers:
            namen.setdefault(naamsleutel(oud), nieuw)
    for r in range(start):
        if als_tekst(t.waarde(r, 0)) in (VELD_DATUM_CONSENSUS, VELD_DATUM):
            uit.datum = t.waarde(r, 1) if als_tekst(t.waarde(r, 1)) else None
    for r in range(start + 1, len(t.rijen)):
        cel = tuple(t.waarde(r, j) for j in range(5))
        if als_tekst(cel[3]) == "" and als_tekst(cel[4]) == "":
            continue
        sleutel = _sleutel(aanbesteding, namen, cel)
        if sleutel is None or sleutel in uit.waarden:
            uit.los.append((*cel, "regel niet herkend of dubbel"))
        else:
            uit.waarden[sleutel] = (cel[3], cel[4])
    vervallen = tabbladen.get(TABBLAD_VERVALLEN)
    if vervallen is not None:
        for r in range(1, len(vervallen.rijen)):
            cel = tuple(vervallen.waarde(r, j) for j in range(6))
            if not any(als_tekst(c) for c in cel):
                continue
            sleutel = _sleutel(aanbesteding, namen, cel)
            if sleutel is None or sleutel in uit.waarden or sleutel in uit.terug:
                uit.los.append(cel)
            else:
                uit.terug[sleutel] = cel  # restored if the row is assessed again and still empty
    return uit


def _sleutel(aanbesteding: Aanbesteding, namen: dict[str, str], cel: Sequence[Any]) -> Sleutel | None:
    ins = namen.get(naamsleutel(als_tekst(cel[0])))
    perceel = aanbesteding.perceel(als_tekst(cel[1]))
    crit = perceel.criterium(als_tekst(cel[2])) if perceel else None
    return (ins, perceel.code, crit.code) if ins and perceel and crit else None


def schrijf_consensuswerkboek(
    aanbesteding: Aanbesteding,
    rijen: Sequence[Sleutel],
    panel: Paneluitslag,
    pad: Path,
    ingevuld: Ingevuld | None = None,
) -> Uitkomst:
    """Write the workbook (atomically: a half-written file never replaces the panel's work)."""
    ingevuld = ingevuld or Ingevuld()
    beoordelaars = [b for b in aanbesteding.beoordelaars if b in panel.beoordelaars]
    beoordelaars += [b for b in panel.beoordelaars if b not in beoordelaars]
    per_rij = {(r.inschrijver, r.perceel, r.criterium): r for r in panel.rijen}
    volgorde = sorted(range(len(rijen)), key=lambda i: (not per_rij[rijen[i]].signaal, i))

    wb = Workbook()
    ws = eerste_blad(wb)
    ws.title = TABBLAD_CONSENSUS
    ws.sheet_properties.tabColor = "1F4E79"
    ws["A1"] = f"Consensus kwaliteitsbeoordeling - {aanbesteding.naam}"
    ws["A1"].font = Font(bold=True, size=18)
    ws["A2"] = VELD_DATUM_CONSENSUS
    ws["A2"].font = Font(bold=True, size=_LETTER)
    datum = ws["B2"]
    _tekst(datum, ingevuld.datum)
    datum.number_format = "DD-MM-YYYY"
    datum.fill, datum.protection = _INVOER, Protection(locked=False)
    datum.font = Font(size=_LETTER)
    datum.alignment = Alignment(horizontal="left")

    kop = [*KOLOMMEN, *ANALYSE]
    groepen = {4: "Consensusscore", 5: "Consensusmotivering (verplicht)", 6: "Analyse"}
    for n, b in enumerate(beoordelaars):
        kolom = _EERSTE_BEOORDELAAR + 2 * n
        kop += ["Score", "Toelichting"]
        groepen[kolom] = b
        ws.merge_cells(start_row=KOPRIJ - 1, start_column=kolom, end_row=KOPRIJ - 1, end_column=kolom + 1)
    ws.merge_cells(start_row=KOPRIJ - 1, start_column=6, end_row=KOPRIJ - 1, end_column=8)
    for kolom, tekst in groepen.items():
        c = ws.cell(KOPRIJ - 1, kolom)
        _tekst(c, tekst)
        c.font, c.fill = Font(bold=True, size=_LETTER), _GROEPVULLING
    for j, tekst in enumerate(kop, start=1):
        c = ws.cell(KOPRIJ, j, tekst)
        c.font, c.fill, c.alignment = _KOP, _KOPVULLING, _TEKST

    validaties: dict[str, DataValidation] = {}
    behouden = 0
    for i, k in enumerate(volgorde, start=KOPRIJ + 1):
        sleutel = rijen[k]
        r = per_rij[sleutel]
        perceel = aanbesteding.percelen[sleutel[1]]
        schaal = perceel.schaal
        tekst_van = {s.punten: s.tekst for s in schaal.stappen}
        stap = voorstel(schaal, list(r.individueel.values()))
        waarden: list[Any] = [
            sleutel[0],
            sleutel[1],
            perceel.criterium_van(sleutel[2]).naam,
            None,
            None,
            "ja" if r.signaal else "",
            r.spreiding_stappen,
            stap.tekst if stap else "",
        ]
        for b in beoordelaars:
            waarden += [tekst_van.get(r.individueel[b], "") if b in r.individueel else "", r.toelichtingen.get(b, "")]
        if sleutel in ingevuld.waarden:
            waarden[3], waarden[4] = ingevuld.waarden.pop(sleutel)
            behouden += 1
        elif sleutel in ingevuld.terug:  # assessed again: the typed values come back from Vervallen
            waarden[3], waarden[4] = ingevuld.terug.pop(sleutel)[3:5]
            behouden += 1
        for j, w in enumerate(waarden, start=1):
            c = ws.cell(i, j)
            _tekst(c, w)
            c.font, c.alignment, c.border = Font(size=_LETTER), _TEKST, _RAND
        for j in (4, 5):
            ws.cell(i, j).fill, ws.cell(i, j).protection = _INVOER, Protection(locked=False)
        if r.signaal:
            for j in (6, 7, 8):
                ws.cell(i, j).fill = _SIGNAAL
            ws.cell(i, 6).font = Font(size=_LETTER, bold=True)
            for b in r.afwijkers:  # the reviewer furthest from the others
                ws.cell(i, _EERSTE_BEOORDELAAR + 2 * beoordelaars.index(b)).fill = _SIGNAAL
        keuzes = "\n".join(s.tekst for s in schaal.stappen)
        if keuzes not in validaties:
            dv = keuzelijst(
                wb,
                [s.tekst for s in schaal.stappen],
                showErrorMessage=True,
                error="Kies een score van de schaal",
                showInputMessage=True,
                promptTitle="Consensusscore",
                prompt="Kies de score waarover het panel het eens is.",
            )
            ws.add_data_validation(dv)
            validaties[keuzes] = dv
        validaties[keuzes].add(ws.cell(i, 4))
        ws.row_dimensions[i].height = _hoogte(waarden, beoordelaars)

    laatste = KOPRIJ + len(rijen)
    if rijen:
        ws.conditional_formatting.add(
            f"E{KOPRIJ + 1}:E{laatste}",
            FormulaRule(formula=[f"AND(LEN($D{KOPRIJ + 1})>0,LEN($E{KOPRIJ + 1})=0)"], fill=_LEEG_ROOD),
        )
    for j, breedte in enumerate(_breedtes(beoordelaars), start=1):
        ws.column_dimensions[_kolomletter(j)].width = breedte
    ws.freeze_panes = ws.cell(KOPRIJ + 1, 4).coordinate
    ws.auto_filter.ref = f"A{KOPRIJ}:{_kolomletter(len(kop))}{max(laatste, KOPRIJ)}"
    ws.sheet_view.zoomScale = 100
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    if ws.sheet_properties.pageSetUpPr is not None:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{KOPRIJ - 1}:{KOPRIJ}"
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # the panel may widen a column or row on the beamer
    ws.protection.formatRows = False
    ws.protection.autoFilter = False

    vervallen = [(*v, "niet meer ter beoordeling") for v in _los_van(ingevuld.waarden, aanbesteding)]
    vervallen += [*ingevuld.terug.values(), *ingevuld.los]
    if vervallen:
        _vervallen(wb, vervallen)
    _instructie(wb, aanbesteding, beoordelaars, list(dict.fromkeys(r[1] for r in rijen)))

    tijd = dt.datetime.combine(aanbesteding.data.sluiting, dt.time())
    keuzelijst_achteraan(wb)
    bewaar_werkmap(wb, pad, tijd)  # atomic, and a failure names the path (evaluatie.schrijfwacht)
    return Uitkomst(pad, len(rijen), sum(per_rij[s].signaal for s in rijen), behouden, len(vervallen))


def _los_van(over: dict[Sleutel, tuple[Any, Any]], aanbesteding: Aanbesteding) -> list[tuple[Any, ...]]:
    """Typed rows whose key is valid but no longer assessed (e.g. the bidder failed the knock-out)."""
    uit = []
    for (ins, code, crit), (score, toelichting) in sorted(over.items()):
        uit.append((ins, code, aanbesteding.percelen[code].criterium_van(crit).naam, score, toelichting))
    return uit


def _vervallen(wb: Workbook, rijen: list[tuple[Any, ...]]) -> None:
    ws = wb.create_sheet(TABBLAD_VERVALLEN)
    for j, kop in enumerate([*KOLOMMEN, "Reden"], start=1):
        c = ws.cell(1, j, kop)
        c.font, c.fill = Font(bold=True, color="FFFFFF"), _KOPVULLING
    for i, rij in enumerate(rijen, start=2):
        for j, w in enumerate(rij[:6], start=1):
            _tekst(ws.cell(i, j), w)
    for kolom, breedte in zip("ABCDEF", (28, 12, 30, 12, 70, 30), strict=True):
        ws.column_dimensions[kolom].width = breedte


def _instructie(wb: Workbook, aanbesteding: Aanbesteding, beoordelaars: Sequence[str], codes: Sequence[str]) -> None:
    from evaluatie.beoordeling.herkomst import schaalregel

    ws = wb.create_sheet("Instructie")
    regels = [
        f"Consensusoverleg - {aanbesteding.naam}",
        "Bespreek per regel de scores en toelichtingen van de beoordelaars (kolommen rechts, alleen-lezen).",
        "Vul per regel de consensusscore in (kolom Score, keuzelijst van de schaal) en de consensusmotivering "
        "(kolom Toelichting, verplicht).",
        "De consensusmotivering wordt letterlijk aangehaald in de gunningsbeslissing aan de inschrijver: "
        "schrijf haar concreet en zonder namen van beoordelaars.",
        f"Vul bovenaan de {VELD_DATUM_CONSENSUS.lower()} in; die komt in het proces-verbaal.",
        "Regels met een signaal (spreiding groter dan "
        f"{_getal(aanbesteding.beoordeling.signaal_spreiding_stappen)} schaalstap(pen)) staan bovenaan; "
        "de afwijkende beoordelaar is gekleurd.",
        REGEL,
        "Opnieuw 'evaluatie template consensus' draaien bewaart wat u invulde; ingevulde regels die niet meer "
        f"beoordeeld worden, staan daarna op het tabblad {TABBLAD_VERVALLEN}.",
        "Beoordelaars: " + ", ".join(beoordelaars) + ".",
        *(schaalregel(aanbesteding.percelen[c]) for c in codes),  # checked on reading (beoordeling.herkomst)
    ]
    for i, regel in enumerate(regels, start=1):
        c = ws.cell(i, 1)
        _tekst(c, regel)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        c.font = Font(size=_LETTER, bold=i == 1)
    ws.column_dimensions["A"].width = 120


def _breedtes(beoordelaars: Sequence[str]) -> list[float]:
    return [26.0, 12, 30, 16, 60, 11, 12, 14] + [13.0, 45] * len(beoordelaars)


def _hoogte(waarden: Sequence[Any], beoordelaars: Sequence[str]) -> float:
    """Row height in points so wrapped motivations are readable without resizing (font 14: ~19 pt a line)."""
    regels = 1
    for tekst, breedte in zip(waarden, _breedtes(beoordelaars), strict=True):
        n = len(als_tekst(tekst))
        regels = max(regels, math.ceil(n * 1.3 / max(breedte - 1, 1)) if n else 1)
    return min(19.0 * regels + 4, 409)


def _kolomletter(j: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(j)


def _getal(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else zonder_exponent(x).replace(".", ",")

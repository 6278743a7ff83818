"""Write one blind scoring workbook per reviewer (two-envelope principle: no price, no capacity)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.worksheet.datavalidation import DataValidation

from evaluatie.beoordeling.verklaring import KEUZES as VERKLARINGEN
from evaluatie.beoordeling.verklaring import VELD_VERKLARING as VELD_VERKLARING  # re-exported, as the other fields
from evaluatie.bestandsnamen import CONSENSUSBESTAND as CONSENSUSBESTAND  # re-exported: the panel's modules use it
from evaluatie.bestandsnamen import veilige_naam
from evaluatie.definitie.model import Aanbesteding
from evaluatie.keuzelijst import keuzelijst, keuzelijst_achteraan
from evaluatie.ooxml import bewaar_werkmap, eerste_blad

TABBLAD = "Beoordeling"
TABBLAD_CONSENSUS = "Consensus"
TABBLAD_VERVALLEN = "Vervallen"  # typed consensus rows of bids no longer assessed (evaluatie template consensus)
KOLOMMEN = ("Inschrijver", "Perceel", "Criterium", "Score", "Toelichting")
KOPRIJ = 5  # 1-based row of the table header
VELD_BEOORDELAAR = "Beoordelaar"
VELD_DATUM = "Datum"
VELD_DATUM_CONSENSUS = "Datum consensusoverleg"
_BREEDTE_A = 30  # column A: the bidders' names, and the labels of the three fields at the top
_BREEDTE_INSTRUCTIE = 110

_KOP = Font(bold=True, color="FFFFFF")
_KOPVULLING = PatternFill("solid", fgColor="1F4E79")
_INVOER = PatternFill("solid", fgColor="FFF2CC")


def bestandsnaam(beoordelaar: str) -> str:
    """'Anouk Verbeek' -> 'anouk-verbeek.xlsx' (ASCII, length-capped; see evaluatie.bestandsnamen)."""
    return veilige_naam(beoordelaar) + ".xlsx"


def te_beoordelen(aanbesteding: Aanbesteding, toegelaten: Sequence[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """Rows (bidder, lot code, criterion code) in lot order, then bidder, then criterion order."""
    volgorde = list(aanbesteding.percelen)
    rijen = []
    for ins, code in sorted(toegelaten, key=lambda t: (volgorde.index(t[1]), t[0].lower())):
        for c in aanbesteding.percelen[code].gunningscriteria:
            rijen.append((ins, code, c.code))
    return rijen


def schrijf_beoordelingsformulier(
    aanbesteding: Aanbesteding,
    beoordelaar: str,
    rijen: Sequence[tuple[str, str, str]],
    pad: Path,
    titel: str = TABBLAD,
) -> Path:
    wb = Workbook()
    ws = eerste_blad(wb)
    ws.title = titel
    verklaring = keuzelijst(wb, VERKLARINGEN, showErrorMessage=True, error="Kies een van de twee zinnen")
    ws.add_data_validation(verklaring)
    for r, (veld, waarde) in enumerate(
        ((VELD_BEOORDELAAR, beoordelaar), (VELD_DATUM, None), (VELD_VERKLARING, None)), start=1
    ):
        label = ws.cell(r, 1, veld)
        label.font, label.alignment = Font(bold=True), Alignment(wrap_text=True, vertical="top")
        if len(veld) > _BREEDTE_A:  # the declaration's label: two lines, not cut off by the answer beside it
            ws.row_dimensions[r].height = 15 * math.ceil(len(veld) * 1.1 / _BREEDTE_A)
        c = ws.cell(r, 2, waarde)
        if waarde is None:
            c.fill = _INVOER
            c.protection = Protection(locked=False)
    ws["B2"].number_format = "DD-MM-YYYY"
    verklaring.add(ws["B3"])
    # the answer's cell spans B:E: Excel opens a drop-down as wide as its cell, and in column B alone (16) the two
    # statements showed cut off after 'Ik heb geen bel'
    ws.merge_cells("B3:E3")
    for j, kop in enumerate(KOLOMMEN, start=1):
        c = ws.cell(KOPRIJ, j, kop)
        c.font, c.fill = _KOP, _KOPVULLING
    ws.freeze_panes = ws.cell(KOPRIJ + 1, 1).coordinate
    for kolom, breedte in zip("ABCDE", (_BREEDTE_A, 16, 42, 14, 80), strict=True):
        ws.column_dimensions[kolom].width = breedte
    schaal_validaties: dict[str, DataValidation] = {}
    for i, (ins, code, crit) in enumerate(rijen, start=KOPRIJ + 1):
        perceel = aanbesteding.percelen[code]
        ws.cell(i, 1, ins)
        ws.cell(i, 2, code)
        ws.cell(i, 3, perceel.criterium_van(crit).naam)
        for j in (4, 5):
            invoercel = ws.cell(i, j)
            invoercel.fill = _INVOER
            invoercel.protection = Protection(locked=False)
        ws.cell(i, 5).alignment = Alignment(wrap_text=True, vertical="top")
        keuzes = "\n".join(s.tekst for s in perceel.schaal.stappen)
        if keuzes not in schaal_validaties:
            dv = keuzelijst(
                wb,
                [s.tekst for s in perceel.schaal.stappen],
                showErrorMessage=True,
                error="Kies een score van de schaal",
            )
            ws.add_data_validation(dv)
            schaal_validaties[keuzes] = dv
        schaal_validaties[keuzes].add(ws.cell(i, 4))
    ws.protection.sheet = True
    _instructie(wb, aanbesteding, rijen)
    keuzelijst_achteraan(wb)
    bewaar_werkmap(wb, pad, dt.datetime.combine(aanbesteding.data.sluiting, dt.time()))
    return pad


def _instructie(wb: Workbook, aanbesteding: Aanbesteding, rijen: Sequence[tuple[str, str, str]]) -> None:
    from evaluatie.beoordeling.herkomst import TABBLAD_INSTRUCTIE, schaalregel, titel

    ws = wb.create_sheet(TABBLAD_INSTRUCTIE)
    regels = [
        titel(aanbesteding),
        "Beoordeel ieder plan zelfstandig, zonder overleg met andere beoordelaars.",
        "Kies per regel een score van de schaal en motiveer die in de kolom Toelichting (verplicht).",
        "Prijzen en andere gegevens van de inschrijvers ontbreken bewust (twee-enveloppenmethode).",
        "Vul uw datum in en kies bij de verklaring over belangenverstrengeling de zin die voor u geldt.",
        "",
    ]
    for code in dict.fromkeys(r[1] for r in rijen):
        p = aanbesteding.percelen[code]
        regels.append(schaalregel(p))
        for c in p.gunningscriteria:
            regels.append(f"  {c.naam}" + (f": {c.omschrijving}" if c.omschrijving else ""))
    for i, regel in enumerate(regels, start=1):
        c = ws.cell(i, 1, regel)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        if len(regel) > _BREEDTE_INSTRUCTIE:  # a scale or criterion description of several lines, all in view
            ws.row_dimensions[i].height = 15 * math.ceil(len(regel) * 1.1 / _BREEDTE_INSTRUCTIE)
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = _BREEDTE_INSTRUCTIE

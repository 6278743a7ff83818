"""Byte-identical Office files (xlsx, docx).

openpyxl and python-docx stamp the save time into docProps/core.xml and every zip entry.
Reports must be byte-identical run to run, so we rewrite both with a timestamp derived
from the tender (its award date), never from the clock.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

from evaluatie.schrijfwacht import schrijf_bytes

_VAST_ZIPTIJD = (1980, 1, 1, 0, 0, 0)
_DCTERMS = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def normaliseer(data: bytes, tijdstip: dt.datetime) -> bytes:
    stempel = tijdstip.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    bron = zipfile.ZipFile(io.BytesIO(data))
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for info in bron.infolist():
            inhoud = bron.read(info.filename)
            if info.filename == "docProps/core.xml":
                inhoud = _DCTERMS.sub(lambda m: m.group(1) + stempel + m.group(3), inhoud)
            nieuw = zipfile.ZipInfo(info.filename, date_time=_VAST_ZIPTIJD)
            nieuw.compress_type = zipfile.ZIP_DEFLATED
            nieuw.external_attr = 0o600 << 16
            doel.writestr(nieuw, inhoud, compresslevel=6)
    return uit.getvalue()


def tekstcel(cel, waarde: object) -> None:
    """Put a value in a cell; text always as a string cell, never as a formula.

    openpyxl turns any str starting with '=' into a formula; a bidder named
    '=HYPERLINK(...)' must stay a name. Excel treats '+', '-', '@', tab and CR at the start
    of a *string* cell as text, so the string type is all it takes.
    """
    cel.value = waarde
    if isinstance(waarde, str):
        cel.data_type = "s"


_XSTRING = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")


def xstring(tekst: str) -> str:
    """Text for a cell of an xlsx as the file must hold it to show `tekst`: Excel, LibreOffice and our own reader
    (calamine) read '_x0020_' in a cell as the character U+0020, so an underscore that starts such a sequence is
    written as '_x005F_' (ECMA-376, ST_Xstring), as Excel itself saves it. Written as it stood, a bidder's name
    'Taal_x0020_Huis' (read correctly from its bid) showed as 'Taal Huis' in the panel's forms, which then named an
    unknown bidder."""
    return _XSTRING.sub("_x005F_", tekst) if "_x" in tekst else tekst


def ontwapen(wb) -> None:
    """Make every formula cell of a workbook a string cell, and every text one that shows as written (xstring).

    No writer of evaluatie puts a formula in a cell on purpose; every text comes from the
    tender or the bids. Called by bewaar_werkmap, so every xlsx written goes through it.
    """
    for ws in wb.worksheets:
        for cel in ws._cells.values():
            if cel.data_type == "f":
                cel.data_type = "s"
            if cel.data_type == "s" and type(cel._value) is str and "_x" in cel._value:
                cel._value = xstring(cel._value)


def bewaar_werkmap(wb, pad: Path, tijdstip: dt.datetime) -> None:
    """Save an openpyxl workbook deterministically, with no formula from input (see ontwapen)."""
    ontwapen(wb)
    schrijf_bytes(pad, normaliseer(_opgeslagen(wb), tijdstip))


def _opgeslagen(wb) -> bytes:
    """What `wb.save` writes, made in memory: openpyxl writes every worksheet to a temporary file
    first and then copies it into the zip (two file operations per sheet: 9 of 20 ms for the
    advies, and far more when the disk is busy); here each sheet goes straight into the zip, with
    the same XML (its rows made by evaluatie.xlsxrijen where that writes them exactly, byte for byte
    openpyxl's). Stored without compression, since `normaliseer` deflates every part anyway: the
    bytes it returns are the same either way (tests/test_ooxml_geheugen.py)."""
    import zipfile

    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.writer.excel import ExcelWriter

    from evaluatie import xlsxrijen

    class Rijschrijver(WorksheetWriter):
        """openpyxl's sheet writer with the rows from evaluatie.xlsxrijen where it writes them exactly."""

        eigen_rijen: str | None = None

        def write_rows(self) -> None:
            self.eigen_rijen = xlsxrijen.rijen(self)
            if self.eigen_rijen is None:
                return super().write_rows()
            xf: Any = self.xf.send(True)  # lxml's incremental writer (openpyxl.xml.functions.xmlfile)
            with xf.element("sheetData"):
                xf.write(xlsxrijen.MARKERING)
            self.xf.send(None)

    class InGeheugen(ExcelWriter):
        def write_worksheet(self, ws) -> None:  # ExcelWriter.write_worksheet, with the sheet's XML in memory
            if self.workbook.write_only:
                return super().write_worksheet(ws)
            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            eigen = Rijschrijver(ws, out=io.BytesIO())
            eigen.write()
            schrijver: WorksheetWriter = eigen
            xml = eigen.read()
            if eigen.eigen_rijen is not None:
                vervangen = xlsxrijen.vervang_markering(xml, eigen.eigen_rijen)
                if vervangen is None:  # the marker was not found exactly once: openpyxl writes the whole sheet
                    schrijver = WorksheetWriter(ws, out=io.BytesIO())
                    schrijver.write()
                    vervangen = schrijver.read()
                xml = vervangen
            ws._rels = schrijver._rels  # type: ignore[attr-defined]
            self._archive.writestr(ws.path[1:], xml)  # type: ignore[attr-defined]
            self.manifest.append(ws)

    if wb.read_only:
        raise TypeError("Workbook is read-only")
    if wb.write_only and not wb.worksheets:
        wb.create_sheet()
    buffer = io.BytesIO()
    archief = zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=True)
    wb.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)  # as openpyxl; normaliseer fixes it
    InGeheugen(wb, archief).save()
    return buffer.getvalue()


def bewaar_document(doc, pad: Path, tijdstip: dt.datetime) -> None:
    """Save a python-docx document deterministically."""
    buffer = io.BytesIO()
    doc.save(buffer)
    schrijf_bytes(pad, normaliseer(buffer.getvalue(), tijdstip))


def eerste_blad(wb: Workbook) -> Worksheet:
    """The sheet a new workbook starts with (openpyxl types `active` as possibly absent or a chart sheet)."""
    from openpyxl.worksheet.worksheet import Worksheet

    ws = wb.active
    if not isinstance(ws, Worksheet):
        raise TypeError("werkmap zonder werkblad")
    return ws

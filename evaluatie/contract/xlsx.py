"""A minimal xlsx writer for the quarterly reports: plain sheets of text and numbers.

Why not openpyxl here: hundreds of small workbooks per quarter must be written in seconds, and the
bytes must be identical for identical inputs. Every string is an inline string (never a formula).

What a gemeente sees when it opens one in Excel: columns wide enough for their values and the header's
longest word (the header row wraps), the header row frozen and repeated on every printed page (A4, fitted
to the page width), amounts as euros (`Euro`), shares as percentages (`Fractie`) and other fractional
numbers with one decimal, as the HTML report shows them.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from html import escape
from pathlib import Path

from evaluatie.ooxml import xstring
from evaluatie.werkboek import celnaam

_VAST = (1980, 1, 1, 0, 0, 0)
_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "{bladen}</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_EURO, _EEN_DECIMAAL, _PROCENT = 164, 165, 166  # custom number formats
_STIJL = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    f'<numFmts count="3"><numFmt numFmtId="{_EURO}" formatCode="&quot;€&quot; #,##0.00"/>'
    f'<numFmt numFmtId="{_EEN_DECIMAAL}" formatCode="0.0"/><numFmt numFmtId="{_PROCENT}" formatCode="0.0%"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/>'
    "</font></fonts>"
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
    '<alignment wrapText="1" vertical="top"/></xf>'
    f'<xf numFmtId="{_EURO}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    f'<xf numFmtId="{_EEN_DECIMAAL}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    f'<xf numFmtId="{_PROCENT}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)

Cel = str | int | float | None
_BREEDSTE = 70  # characters: a longer text runs on into the empty cells beside it


class Euro(float):
    """An amount in euro: 'EUR 1.234,56' in the HTML report, a number with the euro format in the xlsx."""


class Fractie(float):
    """A share (0.123): '12,3%' in the HTML report, a number with the percent format in the xlsx."""


def _stijl(v: Cel, kop: bool) -> int:
    if kop:
        return 1
    if isinstance(v, Euro):
        return 2
    if isinstance(v, Fractie):
        return 4
    return 3 if isinstance(v, float) else 0


def _getoond(v: Cel) -> str:
    """About the text Excel shows for a value (for the column width)."""
    if isinstance(v, Euro):
        return f"€ {v:,.2f}"
    if isinstance(v, Fractie):
        return f"{100 * v:.1f}%"
    if isinstance(v, float):
        return f"{v:.1f}"
    return "" if v is None else str(v)


def _cel(r: int, k: int, v: Cel, kop: bool) -> str:
    ref = celnaam(r, k)
    stijl = _stijl(v, kop)
    s = f' s="{stijl}"' if stijl else ""
    if v is None or v == "":
        return ""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return f'<c r="{ref}" t="inlineStr"{s}><is><t xml:space="preserve">{escape(xstring(str(v)))}</t></is></c>'
    waarde = repr(float(v)) if isinstance(v, float) else repr(v)
    return f'<c r="{ref}"{s}><v>{waarde}</v></c>'


def _afdruktitel(index: int, naam: str) -> str:
    """Row 1 as the print title of sheet `index` (0-based), the sheet name quoted as Excel does."""
    bereik = escape("'" + naam[:31].replace("'", "''") + "'!$1:$1")
    return f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">{bereik}</definedName>'


def _kolommen(rijen: Sequence[Sequence[Cel]]) -> str:
    """Column widths: the widest value below the header, at least the header's longest word (it wraps)."""
    breedtes: dict[int, int] = {}
    for r, rij in enumerate(rijen):
        for k, v in enumerate(rij):
            n = max((len(w) for w in str(v).split()), default=0) if r == 0 else len(_getoond(v))
            breedtes[k] = max(breedtes.get(k, 0), n)
    return "".join(
        f'<col min="{k + 1}" max="{k + 1}" width="{min(max(8, n + 2), _BREEDSTE)}" customWidth="1"/>'
        for k, n in sorted(breedtes.items())
    )


def schrijf_xlsx(pad: Path, bladen: Sequence[tuple[str, Sequence[Sequence[Cel]]]]) -> Path:
    """Write sheets (name, rows); the first row of each sheet is bold (the header)."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as z:

        def schrijf(naam: str, tekst: str) -> None:
            info = zipfile.ZipInfo(naam, _VAST)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, tekst)

        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, len(bladen) + 1)
        )
        schrijf("[Content_Types].xml", _TYPES.format(bladen=overrides))
        schrijf("_rels/.rels", _RELS)
        schrijf("xl/styles.xml", _STIJL)
        namen = "".join(
            f'<sheet name="{escape(n[:31])}" sheetId="{i}" r:id="rId{i}"/>' for i, (n, _) in enumerate(bladen, 1)
        )
        titels = "".join(_afdruktitel(i, n) for i, (n, _) in enumerate(bladen))  # header row on every page
        schrijf(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f"<sheets>{namen}</sheets><definedNames>{titels}</definedNames></workbook>",
        )
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            f'worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(bladen) + 1)
        )
        rels += (
            f'<Relationship Id="rId{len(bladen) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/styles" Target="styles.xml"/>'
        )
        schrijf(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
        )
        for i, (_, rijen) in enumerate(bladen, 1):
            regels = []
            for r, rij in enumerate(rijen):
                cellen = "".join(_cel(r, k, v, r == 0) for k, v in enumerate(rij))
                regels.append(f'<row r="{r + 1}">{cellen}</row>')
            schrijf(
                f"xl/worksheets/sheet{i}.xml",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
                '<sheetViews><sheetView workbookViewId="0">'
                '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
                f"<cols>{_kolommen(rijen)}</cols>"
                f"<sheetData>{''.join(regels)}</sheetData>"
                '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>',
            )
    return pad

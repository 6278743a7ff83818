"""A minimal xlsx writer for the quarterly reports: plain sheets of text and numbers.

Why not openpyxl here: hundreds of small workbooks per quarter must be written in seconds, and the
bytes must be identical for identical inputs. Every string is an inline string (never a formula).
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from html import escape
from pathlib import Path

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
_STIJL = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/>'
    "</font></fonts>"
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    "</styleSheet>"
)

Cel = str | int | float | None


def _cel(r: int, k: int, v: Cel, vet: bool) -> str:
    ref = celnaam(r, k)
    s = ' s="1"' if vet else ""
    if v is None or v == "":
        return ""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return f'<c r="{ref}" t="inlineStr"{s}><is><t xml:space="preserve">{escape(str(v))}</t></is></c>'
    return f'<c r="{ref}"{s}><v>{v!r}</v></c>'


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
        schrijf(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f"<sheets>{namen}</sheets></workbook>",
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
                f"<sheetData>{''.join(regels)}</sheetData></worksheet>",
            )
    return pad

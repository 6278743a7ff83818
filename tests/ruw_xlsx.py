"""Workbooks written part by part (no openpyxl), to craft the shapes a hostile file can take.

A sheet part can live anywhere the workbook's relationships say, under any name or case; the
shared-string table and each sheet are streamed into the zip, so a workbook at the documented
limits is built in a second and in little memory.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from evaluatie.werkboekgrens import kolomletters

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass
class Blad:
    naam: str
    rijen: Iterable[Iterable[tuple[int, str]]]
    """Per row: (column 0-based, cell XML inside <c>, e.g. '<v>3</v>' with t set by `soort`)."""
    deel: str = "xl/worksheets/sheet1.xml"
    soort: str = "s"  # the t attribute of every cell: s (shared string), n (number), inlineStr
    dimensie: str | None = None


@dataclass
class Werkboek:
    bladen: list[Blad]
    gedeeld: list[str] = field(default_factory=list)
    gedeeld_aantal: int | None = None  # a declared count that may lie


def _blad_xml(blad: Blad) -> Iterator[bytes]:
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}>'.encode()
    if blad.dimensie:
        yield f'<dimension ref="{blad.dimensie}"/>'.encode()
    yield b"<sheetData>"
    for r, rij in enumerate(blad.rijen):
        stukken = [f'<row r="{r + 1}">']
        for kolom, inhoud in rij:
            t = f' t="{blad.soort}"' if blad.soort != "n" else ""
            stukken.append(f'<c r="{kolomletters(kolom + 1)}{r + 1}"{t}>{inhoud}</c>')
        stukken.append("</row>")
        yield "".join(stukken).encode()
    yield b"</sheetData></worksheet>"


def schrijf(pad: Path, wb: Werkboek) -> Path:
    """Write `wb` as an .xlsx; the relationships point at each sheet's `deel`, wherever it is."""
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/>'
            + "".join(
                f'<Override PartName="/{b.deel}" ContentType="application/vnd.openxmlformats-officedocument.'
                'spreadsheetml.worksheet+xml"/>'
                for b in wb.bladen
            )
            + "</Types>",
        )
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{_TYPE}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        bladen = "".join(
            f'<sheet name="{escape(b.naam)}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, b in enumerate(wb.bladen)
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook {_NS} xmlns:r="{_R}"><sheets>{bladen}</sheets></workbook>',
        )
        rels = "".join(
            f'<Relationship Id="rId{i + 1}" Type="{_TYPE}/worksheet" Target="/{b.deel}"/>'
            for i, b in enumerate(wb.bladen)
        )
        if wb.gedeeld:
            rels += f'<Relationship Id="rId999" Type="{_TYPE}/sharedStrings" Target="sharedStrings.xml"/>'
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships">{rels}</Relationships>',
        )
        if wb.gedeeld:
            aantal = len(wb.gedeeld) if wb.gedeeld_aantal is None else wb.gedeeld_aantal
            with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as f:
                f.write(
                    f'<?xml version="1.0" encoding="UTF-8"?><sst {_NS} count="{aantal}" uniqueCount="{aantal}">'.encode()
                )
                for s in wb.gedeeld:
                    f.write(f"<si><t>{escape(s)}</t></si>".encode())
                f.write(b"</sst>")
        for b in wb.bladen:
            with z.open(b.deel, "w", force_zip64=True) as f:
                for stuk in _blad_xml(b):
                    f.write(stuk)
    return pad

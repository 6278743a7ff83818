"""The rows of a worksheet (`<sheetData>`) as openpyxl writes them, byte for byte, without a call per cell into lxml.

openpyxl writes every cell through lxml's incremental writer: four or five calls per cell (an element per cell,
its value, a context manager each). In a national gunningsadvies (7,600 cells over 10 sheets) that was most of the
0.26 s the xlsx cost, in the process that writes the reports while the robustness analyses take the other cores
(issue #24). The rows here are the same text, made with string operations: the same cells in the same order (the
writer's own `rows()`), the same attributes (`style_id` asked in the same order, so the workbook's style table is
the same), and lxml's escaping of the text (`&`, `<`, `>` and a carriage return as entities, every character
beyond ASCII as a decimal character reference: openpyxl's stream has no encoding, so lxml writes ASCII).

Only the cells this knows exactly are written here: text, finite numbers (and booleans), dates and datetimes
without a time zone (as Excel's serial number, openpyxl's default), and empty styled cells. Anything else on a
sheet (a timedelta, ISO dates, a formula, rich text, a comment, a hyperlink, a row height, a
character XML does not allow, or openpyxl without lxml) leaves the whole sheet to openpyxl's own writer, which
then does what it always did (tests/test_xlsxrijen.py compares both on generated sheets).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

MARKERING = "evaluatie-xlsxrijen-markering"
"""Written by lxml in place of the rows, then replaced by them (it occurs nowhere else in a sheet, checked)."""

_GEEN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""The characters XML 1.0 does not allow: every code point outside #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
[#x10000-#x10FFFF]. Written as the short list of what is refused rather than as the negation of what is allowed: the
same set of characters (a Python str holds no code point above U+10FFFF; tests/test_xlsxrijen.py compares both over
all of them), but compiling the negated ranges up to U+10FFFF cost 4.5 ms in every run importing this (issue #24)."""
_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def _waarde(cel: Any, waarde: Any, soort: str) -> str | None:
    """The cell's element after its attributes (`...</c>`), or None when this module does not write it exactly.
    Text is checked for characters XML does not allow once, over all rows (`rijen`)."""
    if soort == "s":
        if type(waarde) is not str:
            return None
        if not waarde:
            return "</c>"
        ruimte = ' xml:space="preserve"' if waarde != waarde.strip() else ""
        return f"<is><t{ruimte}>{waarde.translate(_ESCAPE)}</t></is></c>"
    if soort == "d":  # a date as Excel's serial number (openpyxl's default; not with iso_dates)
        boek = cel.parent.parent
        if type(waarde) not in (dt.date, dt.datetime) or getattr(waarde, "tzinfo", None) or boek.iso_dates:
            return None
        from openpyxl.utils.datetime import to_excel

        waarde = to_excel(waarde, boek.epoch)
    elif soort not in ("n", "b"):
        return None
    if waarde is None:
        return "</c>"
    if type(waarde) not in (int, bool, float) or (type(waarde) is float and not math.isfinite(waarde)):
        return None
    return f"<v>{'%.16g' % waarde}</v></c>"  # noqa: UP031  (openpyxl's safe_string, the same expression)


_SOORT = {"s": "inlineStr", "d": "n"}  # the `t` attribute: text inline, a date as a number (see _waarde)


def rijen(schrijver: Any) -> str | None:
    """The content of `<sheetData>` for `schrijver` (an openpyxl WorksheetWriter), or None: openpyxl writes it."""
    from openpyxl import LXML

    ws = schrijver.ws
    if not LXML or len(ws.row_dimensions):
        return None
    delen = []
    for nummer, cellen in schrijver.rows():
        delen.append(f'<row r="{nummer}">')
        for cel in cellen:
            if cel._comment is not None or cel.hyperlink is not None:
                return None
            waarde = cel._value
            gestyled = cel.has_style
            if waarde is None and not gestyled:
                continue
            soort = cel.data_type
            rest = _waarde(cel, waarde, soort)
            if rest is None:
                return None
            stijl = f' s="{cel.style_id}"' if gestyled else ""
            delen.append(f'<c r="{cel.coordinate}"{stijl} t="{_SOORT.get(soort, soort)}">{rest}')
        delen.append("</row>")
    uit = "".join(delen)
    return uit if delen and not _GEEN_XML.search(uit) else None


def vervang_markering(xml: bytes, inhoud: str) -> bytes | None:
    """The sheet's XML with the rows in place of the marker, or None if the marker is not there exactly once."""
    plek = f"<sheetData>{MARKERING}</sheetData>".encode()
    if xml.count(MARKERING.encode()) != 1 or xml.count(plek) != 1:
        return None
    return xml.replace(plek, b"<sheetData>" + inhoud.encode("ascii", "xmlcharrefreplace") + b"</sheetData>")

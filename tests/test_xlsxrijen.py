"""evaluatie.xlsxrijen writes a sheet's rows as openpyxl does: the saved workbook is byte for byte openpyxl's own,
on generated sheets with every kind of cell (and the sheets it leaves to openpyxl are openpyxl's too)."""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font

import evaluatie.xlsxrijen as xlsxrijen
from evaluatie.ooxml import _opgeslagen, normaliseer
from tests.test_ooxml_geheugen import TIJD
from tests.test_ooxml_geheugen import _eigen_save as _openpyxl_zelf

_WAARDEN = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),  # control characters too: openpyxl refuses them
    st.sampled_from(["", " ", " voor", "na ", "a & <b> \"c\" 'd'", "r\r\nn\tt", "é€𝄞", "=SOM(A1:A2)", "#N/A"]),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.sampled_from([dt.time(9, 30), dt.timedelta(days=2), dt.datetime(2026, 1, 1, tzinfo=dt.UTC)]),
)
_CEL = st.tuples(_WAARDEN, st.sampled_from([None, "bold", "euro"]), st.booleans())  # value, style, as text
_BLAD = st.tuples(
    st.lists(st.lists(_CEL, max_size=6), max_size=6),
    st.sampled_from([None, "commentaar", "rijhoogte", "samengevoegd"]),
)


def _werkmap(bladen: list[tuple[list[list[tuple[Any, str | None, bool]]], str | None]]) -> Workbook:
    """The workbook of the drawn sheets; made twice from the same draw, once for each writer."""
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    for i, (rijen, extra) in enumerate(bladen):
        ws = wb.create_sheet(f"Blad {i}")
        for r, rij in enumerate(rijen, start=1):
            for k, (waarde, stijl, als_tekst) in enumerate(rij, start=1):
                cel = ws.cell(r, k)
                cel.value = waarde
                if als_tekst and isinstance(waarde, str):
                    cel.data_type = "s"  # as ooxml.tekstcel and ontwapen do
                if stijl == "bold":
                    cel.font = Font(bold=True)
                elif stijl == "euro":
                    cel.number_format = '"€" #,##0.00'
        if extra == "commentaar":
            ws.cell(1, 1).comment = Comment("let op", "panel")
        elif extra == "rijhoogte":
            ws.row_dimensions[2].height = 30
        elif extra == "samengevoegd":
            ws.merge_cells("A3:B3")
    return wb


def _opslag(maak, opslaan) -> bytes | str:
    """The normalised file, or the kind of error saving raised (openpyxl refuses some text)."""
    try:
        return normaliseer(opslaan(maak()), TIJD)
    except Exception as e:  # the same refusal from both writers is what is compared
        return type(e).__name__


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(_BLAD, min_size=1, max_size=3))
def test_gelijk_aan_openpyxl(bladen) -> None:
    def maak() -> Workbook:
        return _werkmap(bladen)

    assert _opslag(maak, _opgeslagen) == _opslag(maak, _openpyxl_zelf)


def test_gewone_bladen_schrijft_het_zelf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text, numbers, dates and styled empty cells (what the advies holds) go through xlsxrijen, not openpyxl's
    writer per cell; a sheet with a comment is left to openpyxl."""
    uitkomsten: list[bool] = []
    eigen = xlsxrijen.rijen

    def rijen(schrijver):
        uit = eigen(schrijver)
        uitkomsten.append(uit is not None)
        return uit

    monkeypatch.setattr(xlsxrijen, "rijen", rijen)
    gewoon = [[("Café & <Co>", "bold", True), (12.5, "euro", False), (dt.date(2021, 7, 1), None, False)]]
    gewoon += [[(None, "bold", False), (3, None, False), (math.pi, None, False)]]

    def maak() -> Workbook:
        return _werkmap([(gewoon, None), (gewoon, "commentaar")])

    assert _opslag(maak, _opgeslagen) == _opslag(maak, _openpyxl_zelf)
    assert uitkomsten == [True, False]


def test_markering_niet_precies_een_keer() -> None:
    """A sheet whose own XML holds the marker text (a header, say) is written by openpyxl as a whole."""
    assert xlsxrijen.vervang_markering(b"<sheetData>x</sheetData>", "<row/>") is None
    dubbel = f"<sheetData>{xlsxrijen.MARKERING}</sheetData><h>{xlsxrijen.MARKERING}</h>".encode()
    assert xlsxrijen.vervang_markering(dubbel, "<row/>") is None


def test_geen_xml_dezelfde_tekens_als_de_regel_van_xml() -> None:
    """_GEEN_XML lists the refused characters instead of negating the allowed ranges (cheaper to compile): over every
    code point a str can hold, it finds exactly those outside XML 1.0's Char production."""
    toegestaan = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # the production, negated
    alle = "".join(map(chr, range(sys.maxunicode + 1)))
    geweigerd = xlsxrijen._GEEN_XML.findall(alle)
    assert geweigerd == toegestaan.findall(alle)
    assert len(geweigerd) == 9 + 2 + 18 + 2048 + 2  # U+0-8, U+B-C, U+E-1F, the surrogates, U+FFFE-FFFF

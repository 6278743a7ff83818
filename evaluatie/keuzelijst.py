"""A drop-down list (Excel data validation) that works for any items, also items with a comma.

An inline list (`"0,25,50"`) is split by Excel at every comma: a half-point scale without labels ('2,5' in Dutch
notation, the text a reviewer sees) became the choices 0, 2, 5, 5, so the score 2,5 could not be picked and '2'
could, and a label 'goed, met toetsbare afspraken' became two choices that are no step of the scale. A double quote
ends the inline text early, and Excel refuses an inline list longer than 255 characters. Such items are written to a
protected sheet of their own and the list refers to their cells; everything else stays an inline list as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

TABBLAD_KEUZES = "Keuzelijsten"
MAX_INLINE = 255  # Excel's limit for the text of an inline list


def keuzelijst(wb: Workbook, items: Sequence[str], **opties: object) -> DataValidation:
    """A list validation offering exactly `items`; `opties` go to DataValidation (error, prompt, ...)."""
    inline = ",".join(items)
    if not any("," in x or '"' in x for x in items) and len(inline) <= MAX_INLINE:
        return DataValidation(type="list", formula1=f'"{inline}"', **opties)  # type: ignore[arg-type]
    if TABBLAD_KEUZES in wb.sheetnames:
        ws = wb[TABBLAD_KEUZES]
        kolom = ws.max_column + 1
    else:
        ws = wb.create_sheet(TABBLAD_KEUZES)
        ws.protection.sheet = True
        kolom = 1
    for r, x in enumerate(items, start=1):
        ws.cell(r, kolom, x)
    letter = get_column_letter(kolom)
    bereik = f"'{TABBLAD_KEUZES}'!${letter}$1:${letter}${len(items)}"
    return DataValidation(type="list", formula1=bereik, **opties)  # type: ignore[arg-type]


def keuzelijst_achteraan(wb: Workbook) -> None:
    """The lists' sheet after the sheets a reader works in (it is made when the first such list is)."""
    if TABBLAD_KEUZES in wb.sheetnames:
        ws = wb[TABBLAD_KEUZES]
        wb.move_sheet(ws, offset=len(wb.sheetnames) - 1 - wb.sheetnames.index(TABBLAD_KEUZES))

"""ooxml._opgeslagen writes a workbook in memory: the saved file is byte for byte what openpyxl's own
save (worksheets through temporary files) gives, after normaliseer."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from evaluatie.ooxml import _opgeslagen, normaliseer

TIJD = dt.datetime(2026, 1, 1)


def _eigen_save(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _opgemaakt() -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Één"
    ws.append(["naam", "bedrag", "datum", "formule"])
    ws.append(["Café & Co <b>", 1234.5, dt.date(2021, 7, 1), "=SUM(B2:B3)"])
    ws["A1"].font, ws["A1"].fill = Font(bold=True), PatternFill("solid", fgColor="1F4E79")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = "A1:D2"
    ws.column_dimensions["A"].width = 30
    ws.merge_cells("A4:B4")
    tweede = wb.create_sheet("Twee")
    for i in range(200):
        tweede.append([i, f"regel {i}", i / 7])
    wb.create_sheet("Leeg")
    return wb


def _alleen_schrijven() -> Workbook:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Blad")
    for i in range(50):
        ws.append([i, str(i)])
    return wb


@pytest.mark.parametrize("maak", [_opgemaakt, _alleen_schrijven, Workbook], ids=["opgemaakt", "write_only", "leeg"])
def test_in_geheugen_gelijk_aan_openpyxl(maak: Callable[[], Workbook]) -> None:
    assert normaliseer(_opgeslagen(maak()), TIJD) == normaliseer(_eigen_save(maak()), TIJD)


def test_advies_van_het_voorbeeld_gelijk(voorbeeld: Path, tmp_path: Path) -> None:
    """The largest workbook the award writes, with its real styles, formats and widths."""
    import evaluatie.ooxml as ooxml
    from evaluatie.pipeline import gun
    from evaluatie.rapport.advies_xlsx import schrijf_advies_xlsx
    from evaluatie.rapport.gegevens import Rapportgegevens
    from evaluatie.werkmap import Werkmap

    g = Rapportgegevens.uit_award(gun(Werkmap(voorbeeld)), "2026-01-01T00:00:00Z")
    uit = {}
    for naam, opslaan in (("geheugen", ooxml._opgeslagen), ("openpyxl", _eigen_save)):
        oud = ooxml._opgeslagen
        ooxml._opgeslagen = opslaan
        try:
            uit[naam] = schrijf_advies_xlsx(g, tmp_path / f"{naam}.xlsx").read_bytes()
        finally:
            ooxml._opgeslagen = oud
    assert uit["geheugen"] == uit["openpyxl"]
    assert len(uit["geheugen"]) > 5000

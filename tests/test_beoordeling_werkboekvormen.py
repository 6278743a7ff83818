"""Panel forms as reviewers fill them in: what lies outside the form's columns is never passed over."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling


def test_motivering_naast_de_kolom_toelichting_is_een_fout(tmp_path: Path) -> None:
    """A reviewer who went on writing in column F: the letter quotes column E only, so the rest of the
    motivation was lost without a word; now the cell is named."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "Alfa Taal", "12345678", [("B1", 9000, 40, 12, 4, "alle")])
    runner = CliRunner()
    assert runner.invoke(main, ["template", "beoordeling", "--werkmap", str(ws)]).exit_code == 0
    for naam in ("ada", "bram"):
        vul_beoordeling(
            ws / "beoordelingen" / f"{naam}.xlsx",
            {("Alfa Taal", "Plan van aanpak"): 75, ("Alfa Taal", "Samenwerking"): 50},
        )
    pad = ws / "beoordelingen" / "ada.xlsx"
    wb = load_workbook(pad)
    blad = wb["Beoordeling"]
    rij = next(r for r in range(6, blad.max_row + 1) if blad.cell(r, 3).value == "Plan van aanpak")
    blad.cell(rij, 6, "maar de planning ontbreekt, daarom niet uitstekend")
    wb.save(pad)
    res = runner.invoke(main, ["beoordelingen", "--werkmap", str(ws)])
    assert res.exit_code == 2, res.output
    assert (
        f"ada.xlsx!Beoordeling!F{rij}: waarde buiten de kolommen van het formulier ('maar de planning ontbreekt, "
        "daarom niet uitstekend'); alleen Score en Toelichting worden gelezen" in res.output.replace("\n    ", " ")
    )

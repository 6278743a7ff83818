"""The drop-down of the Score column offers exactly the scale's steps, also when a step's text has a comma.

An inline list is split by Excel at every comma: a half-point scale (0; 2,5; 5 in Dutch notation) offered 0, 2, 5, 5,
so 2,5 could not be picked and 2 could, and a label 'goed, met afspraken' became two choices that are no step.
The forms are read here with openpyxl as Excel reads them: the list's own text, or the cells it refers to."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import GEEN_BELANGENVERSTRENGELING, kleine_aanbesteding, maak_werkmap, schrijf_bod


def _keuzes(pad: Path, blad: str, cel: str) -> list[str]:
    """The choices Excel offers in `cel`: an inline list split at its commas, or the values of the cells referred to."""
    wb = load_workbook(pad)
    dv = next(d for d in wb[blad].data_validations.dataValidation if cel in d.sqref)
    formule = dv.formula1
    if formule.startswith('"'):
        return formule.strip('"').split(",")
    tabblad, bereik = formule.rsplit("!", 1)
    cellen = wb[tabblad.strip("'")][bereik.replace("$", "")]
    return [str(rij[0].value) for rij in cellen]


def _werkmap(tmp_path: Path, stappen: list) -> Path:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["schaal"] = {"stappen": stappen}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 30, 12, 4, "alle")])
    res = CliRunner().invoke(main, ["template", "beoordeling", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    return ws


def test_een_halve_punt_is_te_kiezen_en_wordt_gelezen(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path, [0, 2.5, 5])
    formulier = ws / "beoordelingen" / "ada.xlsx"
    assert _keuzes(formulier, "Beoordeling", "D6") == ["0", "2,5", "5"]
    assert load_workbook(formulier).sheetnames[:2] == ["Beoordeling", "Instructie"]  # the lists' sheet comes last
    for naam in ("ada", "bram"):  # each reviewer picks 2,5 from the drop-down: the cell holds that text
        pad = ws / "beoordelingen" / f"{naam}.xlsx"
        wb = load_workbook(pad)
        blad = wb["Beoordeling"]
        blad["B2"], blad["B3"] = dt.date(2026, 3, 10), GEEN_BELANGENVERSTRENGELING
        for r in (6, 7):
            blad.cell(r, 4, "2,5")
            blad.cell(r, 5, "Motivering.")
        wb.save(pad)
    res = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(ws), "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["kwaliteit"] == {"B1": {"A": 50.0}}, res.stdout  # 2,5 of 5 points = 50


def test_een_label_met_een_komma_blijft_een_keuze(tmp_path: Path) -> None:
    stappen = [{"label": "slecht", "punten": 0}, {"label": "goed, met afspraken", "punten": 10}]
    ws = _werkmap(tmp_path, stappen)
    assert _keuzes(ws / "beoordelingen" / "ada.xlsx", "Beoordeling", "D6") == ["slecht", "goed, met afspraken"]


def test_een_gewone_schaal_houdt_haar_lijst_in_de_cel(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path, [0, 25, 50, 75, 100])
    formulier = ws / "beoordelingen" / "ada.xlsx"
    assert _keuzes(formulier, "Beoordeling", "D6") == ["0", "25", "50", "75", "100"]
    assert load_workbook(formulier).sheetnames == ["Beoordeling", "Instructie"]

"""Panel forms as reviewers fill them in: what lies outside the form's columns is never passed over."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import alfa_taal_beoordeeld, kleine_aanbesteding, maak_werkmap


def test_motivering_naast_de_kolom_toelichting_is_een_fout(tmp_path: Path) -> None:
    """A reviewer who went on writing in column F: the letter quotes column E only, so the rest of the
    motivation was lost without a word; now the cell is named."""
    ws = alfa_taal_beoordeeld(maak_werkmap(tmp_path / "ws", kleine_aanbesteding()))
    runner = CliRunner()
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


def _formulier_met_score(tmp_path: Path, schaal: list[int], score: object) -> str:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["schaal"] = {"stappen": schaal}
    ws = alfa_taal_beoordeeld(maak_werkmap(tmp_path / "ws", data), schaal[-1], schaal[-1])
    runner = CliRunner()
    pad = ws / "beoordelingen" / "ada.xlsx"
    wb = load_workbook(pad)
    blad = wb["Beoordeling"]
    rij = next(r for r in range(6, blad.max_row + 1) if blad.cell(r, 3).value == "Plan van aanpak")
    blad.cell(rij, 4).value = score
    blad.cell(rij, 4).data_type = "s"
    wb.save(pad)
    res = runner.invoke(main, ["beoordelingen", "--werkmap", str(ws)])
    return f"{res.exit_code}\n{res.output}".replace("\n    ", " ")


def test_een_score_als_tekst_volgt_de_ene_getalregel(tmp_path: Path) -> None:
    """On a scale of 0-10, '1.000' typed as text is a thousand in Dutch, not 1: it was read as 1 (a rule of its
    own, float with the comma replaced) and counted as a score of 1."""
    uit = _formulier_met_score(tmp_path, [0, 1, 2, 5, 10], "1.000")
    assert uit.startswith("2\n") and "score '1.000' staat niet op de schaal (0, 1, 2, 5, 10)" in uit


def test_een_score_met_een_decimale_punt_zegt_waarom(tmp_path: Path) -> None:
    uit = _formulier_met_score(tmp_path, [0, 25, 50, 75, 100], "75.0")
    assert "score '75.0' staat niet op de schaal (0, 25, 50, 75, 100); een punt staat in het Nederlands voor " in uit


def test_een_score_met_een_komma_blijft_gewoon(tmp_path: Path) -> None:
    uit = _formulier_met_score(tmp_path, [0, 25, 50, 75, 100], "75,0")
    assert uit.startswith("0\n"), uit


def test_een_verschreven_inschrijver_krijgt_een_voorstel(tmp_path: Path) -> None:
    ws = alfa_taal_beoordeeld(maak_werkmap(tmp_path / "ws", kleine_aanbesteding()))
    runner = CliRunner()
    pad = ws / "beoordelingen" / "ada.xlsx"
    wb = load_workbook(pad)
    wb["Beoordeling"]["A6"] = "Alfa Taall"
    wb.save(pad)
    res = runner.invoke(main, ["beoordelingen", "--werkmap", str(ws)])
    assert res.exit_code == 2
    assert "ada.xlsx!Beoordeling!A6: onbekende inschrijver 'Alfa Taall'; bedoelt u 'Alfa Taal'?" in res.output


def test_een_ingevoegde_kolom_noemt_de_cel_van_de_kopregel(voorbeeld: Path) -> None:
    """A reviewer unprotected the sheet and inserted a column 'Opmerking' before Toelichting: the form was refused with
    'kopregel ontbreekt: Inschrijver | ... | Toelichting', though the header row is there; the error now names the
    header cell that differs and what belongs there."""
    ada = voorbeeld / "beoordelingen" / "anouk-verbeek.xlsx"
    wb = load_workbook(ada)
    ws = wb["Beoordeling"]
    assert ws["E5"].value == "Toelichting"
    ws.protection.sheet = False
    ws.insert_cols(5)
    ws["E5"] = "Opmerking"
    wb.save(ada)
    r = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(voorbeeld)])
    assert r.exit_code == 2, r.output
    assert " ".join(r.output.split()) == (
        "Fouten in de invoer (1): anouk-verbeek.xlsx!Beoordeling!E5: de kopregel heeft hier 'Opmerking' waar "
        "'Toelichting' hoort; het formulier wordt gelezen met de kolommen Inschrijver | Perceel | Criterium | Score | "
        "Toelichting in A-E: haal een ingevoegde kolom weg of zet de kolommen terug"
    )


def test_een_score_die_excel_omzette_zegt_wat_er_gebeurde(voorbeeld: Path) -> None:
    """A reviewer typed '7-8' (between 7 and 8) and Excel made the date 7 August of it; another typed '75%', which
    Excel keeps as 0.75; a third 7,5 as a number. The messages quoted '2026-08-07', '0.75' and '7.5' (a decimal point,
    which in Dutch separates thousands). They now give the number as the reviewer sees it, and say when Excel made a
    date or a percentage of what was typed."""
    import datetime as dt

    ada = voorbeeld / "beoordelingen" / "anouk-verbeek.xlsx"
    wb = load_workbook(ada)
    ws = wb["Beoordeling"]
    ws["D6"] = dt.datetime(2026, 8, 7)
    ws["D7"] = 0.75
    ws["D7"].number_format = "0%"
    ws["D8"] = 7.5
    wb.save(ada)
    r = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(voorbeeld)])
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    schaal = "(onvoldoende = 0, matig = 25, voldoende = 50, goed = 75, uitstekend = 100)"
    assert (
        f"anouk-verbeek.xlsx!Beoordeling!D6: score 7 augustus 2026 staat niet op de schaal {schaal}; Excel heeft van "
        "wat er getypt is een datum gemaakt (bijvoorbeeld van '7-8'): kies één stap van de schaal"
    ) in uit
    assert f"anouk-verbeek.xlsx!Beoordeling!D7: score '0,75' staat niet op de schaal {schaal}" in uit
    assert f"anouk-verbeek.xlsx!Beoordeling!D8: score '7,5' staat niet op de schaal {schaal}" in uit


def test_een_score_net_naast_een_stap_wordt_niet_als_die_stap_genoemd(voorbeeld: Path) -> None:
    """A score a hair beside a step (75,0000001: pasted from a calculation) is refused, rightly, but the message
    rounded it to six decimals and said "score '75' staat niet op de schaal (..., goed = 75, ...)", which contradicts
    itself. It now gives the number the cell holds."""
    ada = voorbeeld / "beoordelingen" / "anouk-verbeek.xlsx"
    wb = load_workbook(ada)
    wb["Beoordeling"]["D6"] = 75.0000001
    wb["Beoordeling"]["D7"] = 50.00000001
    wb.save(ada)
    r = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(voorbeeld)])
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    schaal = "(onvoldoende = 0, matig = 25, voldoende = 50, goed = 75, uitstekend = 100)"
    assert f"anouk-verbeek.xlsx!Beoordeling!D6: score '75,0000001' staat niet op de schaal {schaal}" in uit
    assert f"anouk-verbeek.xlsx!Beoordeling!D7: score '50,00000001' staat niet op de schaal {schaal}" in uit

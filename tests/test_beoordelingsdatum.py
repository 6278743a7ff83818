"""A reviewer's form and the consensus meeting are dated between the closing and the award decision.

The advies is dated on the decision (data.gunning) and its proces-verbaal lists the day each form was
signed. A form dated after the decision (a typo, or scoring redone later) was cited as is: an advies of 20
October reporting a scoring signed on 25 October. A form dated before the closing scored bids that could not
yet be known.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def _gescoord(tmp_path: Path) -> Path:
    """kleine_aanbesteding (sluiting 16 februari 2026, gunning 7 april 2026), one bid, both forms scored."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75})
    return ws


def test_datum_van_formulier_tussen_sluiting_en_gunning(tmp_path: Path) -> None:
    ws = _gescoord(tmp_path)
    for naam, datum in (("ada", dt.date(2026, 4, 8)), ("bram", dt.date(2026, 2, 15))):
        pad = ws / "beoordelingen" / f"{naam}.xlsx"
        wb = load_workbook(pad)
        wb["Beoordeling"]["B2"] = datum
        wb.save(pad)
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert (
        "ada.xlsx!Beoordeling!B2: de datum (8 april 2026) ligt na de gunningsbeslissing (7 april 2026, data.gunning)"
        in uit
    ), uit
    assert (
        "bram.xlsx!Beoordeling!B2: de datum (15 februari 2026) ligt voor de sluiting van de inschrijving (16 februari 2026)"
        in uit
    ), uit


def test_datum_als_tekst_zegt_welke_vormen_gelezen_worden(tmp_path: Path) -> None:
    """'1 maart 2026' typed as text in the date cell was 'datum ontbreekt of is geen datum: ...' and nothing more; a
    reviewer then guesses. The message names the forms that are read and the date format of the cell."""
    ws = _gescoord(tmp_path)
    pad = ws / "beoordelingen" / "ada.xlsx"
    wb = load_workbook(pad)
    wb["Beoordeling"]["B2"] = "1 maart 2026"
    wb.save(pad)
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert (
        "ada.xlsx!Beoordeling!B2: datum ontbreekt of is geen datum: '1 maart 2026'; gelezen worden een cel met "
        "datumopmaak en tekst als JJJJ-MM-DD, DD-MM-JJJJ of DD/MM/JJJJ (bijvoorbeeld 01-03-2026)" in uit
    ), uit


def test_datum_van_consensusoverleg_als_tekst_zegt_welke_vormen_gelezen_worden(tmp_path: Path) -> None:
    """The consensus form's date typed as text got 'datum van het consensusoverleg is geen datum: ...' and nothing
    more, while the same text in a reviewer's form names the forms that are read: the panel's secretary guessed."""
    ws = _gescoord(tmp_path)
    r = CliRunner().invoke(main, ["template", "consensus", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    pad = ws / "beoordelingen" / "consensus.xlsx"
    wb = load_workbook(pad)
    assert wb["Consensus"]["A2"].value == "Datum consensusoverleg"
    wb["Consensus"]["B2"] = "20 maart 2026"
    wb.save(pad)
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert (
        "consensus.xlsx!Consensus!B2: datum van het consensusoverleg is geen datum: '20 maart 2026'; gelezen worden "
        "een cel met datumopmaak en tekst als JJJJ-MM-DD, DD-MM-JJJJ of DD/MM/JJJJ (bijvoorbeeld 01-03-2026)" in uit
    ), uit


def test_een_consensus_zonder_datum_bij_gemiddelde(voorbeeld: Path) -> None:
    """With aggregatie 'gemiddelde' the panel decided a row but left the date of the meeting empty: the
    proces-verbaal said the panel decided 'op een datum die niet in het consensusbestand is vastgelegd', a decision
    that overrides the reviewers' scores without a date. It is an input error at the date cell now (with aggregatie
    'consensus' it was an open point already)."""
    pad = voorbeeld / "beoordelingen" / "consensus.xlsx"
    wb = load_workbook(pad)
    assert wb["Consensus"]["A2"].value == "Datum"
    wb["Consensus"]["B2"] = None
    wb.save(pad)
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld)])
    assert r.exit_code == 2, r.output
    assert " ".join(r.output.split()) == (
        "Fouten in de invoer (1): consensus.xlsx!Consensus!B2: datum van het consensusoverleg ontbreekt, terwijl het "
        "panel 1 regel in consensus besliste (Inburgerwijs Academie, perceel B1, Plan van aanpak en maatwerk); het "
        "proces-verbaal van het advies zegt wanneer het panel besliste: vul de datum in"
    )

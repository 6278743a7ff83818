"""Text written into an xlsx shows as it was written. Excel, LibreOffice and our reader (calamine) read '_x0020_' in a
cell as the character it codes (a space), so a bidder's name 'Taal_x0020_Huis' (which Excel saves as
'Taal_x005F_x0020_Huis', and which is read correctly from the bid) went into the panel's forms as it stood, showed
there as 'Taal Huis', and the untouched forms named an unknown bidder."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from evaluatie.cli import main
from tests.hulp import GEEN_BELANGENVERSTRENGELING, _beoordelingsdatum, kleine_aanbesteding, maak_werkmap, schrijf_bod

NAAM = "Taal_x0020_Huis"  # as the bidder typed it and as Excel shows it


def _lees(pad: Path, blad: str) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(pad)).get_sheet_by_name(blad).to_python()


def test_naam_met_x_reeks_door_formulieren_en_advies(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    # the cell as Excel saves the typed name: its underscore that starts '_x0020_' written as _x005F_
    schrijf_bod(ws, "a.xlsx", "Taal_x005F_x0020_Huis", "11111111", [("B1", 9000, 40, 12, 4, "alle")])
    assert CliRunner().invoke(main, ["template", "beoordeling", "--werkmap", str(ws)]).exit_code == 0
    for form in sorted((ws / "beoordelingen").glob("*.xlsx")):
        assert [r[0] for r in _lees(form, "Beoordeling")[5:7]] == [NAAM, NAAM]  # what a reviewer sees
        wb = load_workbook(form)  # the reviewer scores both rows, the names untouched
        blad = wb["Beoordeling"]
        blad["B2"], blad["B3"] = _beoordelingsdatum(form), GEEN_BELANGENVERSTRENGELING
        for r in (6, 7):
            blad.cell(r, 4, 75)
            blad.cell(r, 5, "Onderbouwd in het plan.")
        wb.save(form)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    rangorde = _lees(ws / "rapporten" / "gunningsadvies.xlsx", "Rangorde")
    assert rangorde[1][2] == NAAM


def test_kwartaalwerkboek_schrijft_de_x_reeks_zoals_ze_is(tmp_path: Path) -> None:
    from evaluatie.contract.xlsx import schrijf_xlsx

    pad = schrijf_xlsx(tmp_path / "k.xlsx", [("Aanbieders", [["Aanbieder"], [NAAM], ["_x005F_"]])])
    assert _lees(pad, "Aanbieders") == [["Aanbieder"], [NAAM], ["_x005F_"]]

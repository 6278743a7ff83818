"""gunningsadvies.xlsx, 'dezelfde tabellen' as the HTML advies, had no sheet with the estimated value and the maximum of
every framework agreement (CJEU C-23/20, Simonsen & Weel): a contract manager who keeps the maxima in a spreadsheet
copied them by hand from the HTML. The sheet 'Waarde en raammaximum' has the HTML's table: per award lot the
trajectories per year, the years including options, the forecast, the maximum, the price and the value, and the
total."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import gunningsperceel_naast_b1, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def test_blad_met_waarde_en_raammaximum(tmp_path: Path) -> None:
    """B1: 10 + 6 + 4 = 20 a year for 2 years (no looptijd line: 2 years without options) = 40, no raammaximum, so
    the maximum is the forecast, 40 x EUR 10.000 = EUR 400.000. MAP (ceiling EUR 600): 5 + 3 + 2 = 10 a year, 20
    over the term, maximum fixed at 25 trajecten = EUR 15.000. Together 30 a year, 60 forecast, 65 at most,
    EUR 415.000."""
    data = gunningsperceel_naast_b1(kleine_aanbesteding(), "MAP", "Module arbeidsmarkt en participatie", 600)
    data["percelen"]["MAP"]["raammaximum"] = {"trajecten": 25}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("MAP", 550, 20, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75})
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    blad = load_workbook(ws / "rapporten" / "gunningsadvies.xlsx")["Waarde en raammaximum"]
    assert list(blad.iter_rows(values_only=True)) == [
        (
            "Perceel",
            "Trajecten per jaar",
            "Jaren (incl. opties)",
            "Verwachte trajecten",
            "Maximum trajecten",
            "Prijs per traject",
            "Geraamde en maximale waarde",
        ),
        ("B1-route", 20, 2, 40, 40, 10000, 400000),
        ("Module arbeidsmarkt en participatie", 10, 2, 20, 25, 600, 15000),
        ("Totaal", 30, None, 60, 65, None, 415000),
    ]
    assert blad["G2"].number_format == '"€" #,##0.00'

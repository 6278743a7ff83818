"""gunningsadvies.xlsx gave an open-house lot a ranking: on the sheet Rangorde, 'Participatieverklaringstraject, rang
1, Alfa, prijsscore 100, totaal 85' with '0,60 x 75,00 + 0,40 x 100,00 = 85,00', where the HTML advies, the
toelatingsbesluit and gunning.json say an open house has no ranking and no price score (Falk Pharma, C-410/14). The
sheet now holds the award lots only; the admitted suppliers have a sheet of their own, as the HTML table."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, kleine_toelating, maak_werkmap, module_naast_b1, schrijf_bod, vul_panel


def test_open_house_zonder_rangorde_in_de_xlsx(tmp_path: Path) -> None:
    """PVT by open house (demand 5 + 3 + 2 = 10): Alfa (EUR 300, capacity 20) and Beta (EUR 320, capacity 5) both
    serve all and are admitted; expected by capacity: Noord 5 x 20/25 = 4 and 1, Oost 3 -> 2,4 and 0,6 -> 2 and 1,
    Zuid 2 -> 1,6 and 0,4 -> 2 and 0: Alfa 8, Beta 2."""
    data = module_naast_b1(kleine_aanbesteding(), "PVT", "Participatieverklaringstraject", 350)
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("PVT", 300, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("PVT", 320, 5, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75, "Beta": 50})
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    wb = load_workbook(ws / "rapporten" / "gunningsadvies.xlsx")
    rangorde = list(wb["Rangorde"].iter_rows(values_only=True))
    assert [r[0] for r in rangorde[1:]] == ["B1-route"]  # the open house has no rank
    toegelaten = list(wb["Toegelaten"].iter_rows(values_only=True))
    assert toegelaten == [
        ("Perceel", "Aanbieder", "Eigen prijs per traject", "Capaciteit per jaar", "Verwacht per jaar"),
        ("Participatieverklaringstraject", "Alfa", 300, 20, 8),
        ("Participatieverklaringstraject", "Beta", 320, 5, 2),
    ]


def test_alleen_open_house_heeft_geen_blad_rangorde(tmp_path: Path) -> None:
    """B1 alone by open house (kleine_toelating): the workbook had a sheet 'Rangorde' with the columns Rang, Prijsscore
    and Totaal and no row, in a tender that ranks no one; now it has no such sheet, and Alfa (capacity 20) and Beta
    (capacity 30), both serving all of Noord 10, Oost 6 and Zuid 4, stand under Toegelaten: Noord 4 and 6, Oost 2,4
    and 3,6 -> 2 and 4 (largest remainder to Beta), Zuid 1,6 and 2,4 -> 2 and 2 (largest remainder to Alfa)."""
    ws = maak_werkmap(tmp_path / "ws", kleine_toelating())
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9500, 30, 12, 4, "alle")])
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    wb = load_workbook(ws / "rapporten" / "gunningsadvies.xlsx")
    assert "Rangorde" not in wb.sheetnames, wb.sheetnames
    assert list(wb["Toegelaten"].iter_rows(min_row=2, values_only=True)) == [
        ("B1-route", "Alfa", 9000, 20, 8),
        ("B1-route", "Beta", 9500, 30, 12),
    ]

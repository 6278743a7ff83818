"""A delivery's hidden parts: a klantmanager filters an export on her gemeente or the quarter, or hides a sheet of old
rows, and sends it. The intake read every hidden row, column and sheet without a word into the append-only register
(four placements from a file that shows two). What Excel hides and holds data is now refused at its place, with the
other errors; nothing is read. An empty hidden row and an empty hidden sheet pass."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook

from tests.test_contract_qa import KOP, _run, gestart, ws  # noqa: F401  (fixtures)


def _lijst(pad: Path) -> Workbook:
    wb = Workbook()
    blad = wb.active
    blad.title = "Export"
    blad.append(KOP.split(";"))
    blad.append(["K1", "Noord", "aangemeld", "2024-07-03", "B1", "Alfa", None])  # row 2
    blad.append(["K2", "Oost", "aangemeld", "2024-07-03", "B1", "Alfa", None])  # row 3
    blad.append(["K3", "Noord", "aangemeld", "2024-07-04", "B1", "Alfa", None])  # row 4
    blad.append([None] * 7)  # row 5: empty
    blad.append(["K4", "Oost", "aangemeld", "2024-07-05", "B1", "Beta", None])  # row 6
    return wb


def test_verborgen_rijen_kolommen_en_tabbladen_geweigerd(ws: Path) -> None:  # noqa: F811
    pad = ws / "noord.xlsx"
    wb = _lijst(pad)
    blad = wb["Export"]
    blad.auto_filter.ref = "A1:G6"
    for rij in (3, 5, 6):  # filtered out: K2 and K4 (Oost), and the empty row 5
        blad.row_dimensions[rij].hidden = True
    blad["H1"] = None
    blad.column_dimensions["H"].hidden = True  # hidden and empty: harmless
    oud = wb.create_sheet("Oud")
    oud.sheet_state = "hidden"
    oud.append(KOP.split(";"))
    oud.append(["K9", "Noord", "aangemeld", "2024-06-03", "B1", "Beta", None])
    wb.create_sheet("Leeg").sheet_state = "hidden"
    wb.save(pad)
    voor = (ws / "contract" / "register.sqlite").read_bytes()
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", pad)
    assert r.exit_code == 2, r.output
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert set(fouten) == {"noord.xlsx!Oud", "noord.xlsx!Export!A3"}, fouten
    assert fouten["noord.xlsx!Oud"].startswith("het tabblad is verborgen in Excel en bevat gegevens")
    # rows 3 and 6 hold 6 filled cells each (the uitslag is empty); row 5 is empty
    assert fouten["noord.xlsx!Export!A3"].startswith(
        "12 gevulde cel(len) die Excel verbergt, in rijen 3 en 6 (verborgen, ook door een filter)"
    )
    assert (ws / "contract" / "register.sqlite").read_bytes() == voor
    # shown again (filter off, the old sheet deleted): read, the empty hidden column and sheet pass
    for rij in (3, 6):
        blad.row_dimensions[rij].hidden = False
    del wb["Oud"]
    wb.save(pad)
    r = _run("contract", "inlezen", "--werkmap", ws, pad)
    assert r.exit_code == 0, r.output
    assert "4 nieuw" in r.output


def test_verborgen_kolom_met_waarden(ws: Path) -> None:  # noqa: F811
    pad = ws / "noord.xlsx"
    wb = _lijst(pad)
    wb["Export"].delete_rows(3, 4)
    wb["Export"].column_dimensions["G"].hidden = True
    wb["Export"]["G2"] = "B1"  # a known uitslag repeated at a registration passes when shown; hidden it does not
    wb.save(pad)
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", pad)
    assert r.exit_code == 2, r.output
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert fouten["noord.xlsx!Export!G1"].startswith("2 gevulde cel(len) die Excel verbergt, in kolom G (verborgen)")


def test_samengevoegde_cel_zegt_dat_ze_samengevoegd_is(ws: Path) -> None:  # noqa: F811
    """Gemeente 'Noord' merged over rows 2-4 (B2:B4) and klantnummer K1 over rows 2-3: Excel shows Noord and K1 on
    every row, the file holds them in B2 and A2 only. The errors said "'' is geen gemeente" and "klantnummer
    ontbreekt" at B3, B4 and A3, which the klantmanager cannot see; each now says the cell is merged with the first."""
    pad = ws / "noord.xlsx"
    wb = _lijst(pad)
    blad = wb["Export"]
    blad.delete_rows(5, 2)
    blad["A3"], blad["C3"], blad["D3"] = "K1", "gestart", "2024-07-10"
    blad.merge_cells("B2:B4")
    blad.merge_cells("A2:A3")
    wb.save(pad)
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", pad)
    assert r.exit_code == 2, r.output
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert set(fouten) == {"noord.xlsx!Export!A3", "noord.xlsx!Export!B3", "noord.xlsx!Export!B4"}, fouten
    assert fouten["noord.xlsx!Export!A3"] == (
        "klantnummer ontbreekt (de cel is samengevoegd met A2: Excel toont daar de waarde van A2, maar in het bestand "
        "staat die alleen in A2; maak de samenvoeging ongedaan en vul iedere cel)"
    )
    for cel in ("B3", "B4"):
        assert fouten[f"noord.xlsx!Export!{cel}"].startswith("'' is geen gemeente van dit contract"), fouten
        assert fouten[f"noord.xlsx!Export!{cel}"].endswith(
            "(de cel is samengevoegd met B2: Excel toont daar de waarde van B2, maar in het bestand staat die alleen "
            "in B2; maak de samenvoeging ongedaan en vul iedere cel)"
        )

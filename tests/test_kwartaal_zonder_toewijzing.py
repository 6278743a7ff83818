"""A gemeente whose every lot has no contract (it joined only a lot that was not awarded) has no row in the quarterly
report's table of allocation and placements. Its report showed that table as a header with nothing under it, and the
chart 'Toegewezen naar rato en geplaatst' as a title and legend without a bar: a contract manager of Zuid read an
empty table as figures that are missing. It now says in a sentence that the gemeente has no allocation and no
placements in this contract, beside the line that says why (the lot not awarded), in the HTML and the xlsx."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import (
    gunningsperceel_naast_b1,
    html_tekst,
    kleine_aanbesteding,
    maak_werkmap,
    schrijf_bod,
    vul_beoordeling,
)
from tests.test_contract_toelating import DOOR, _run

ZIN = "Gemeente Zuid heeft in dit contract geen toewijzing en geen plaatsingen."


def _werkmap(root: Path) -> Path:
    """B1 for Noord and Oost only (Zuid does not join it); Z-route for all three, where both bids lie above the
    ceiling of EUR 12.000, so Z-route is not awarded and Zuid has no lot with a contract."""
    data = gunningsperceel_naast_b1(kleine_aanbesteding(), "Z", "Z-route", 12000)
    data["percelen"]["B1"]["gemeenten"] = ["Noord", "Oost"]
    del data["gemeenten"][2]["inburgeraars"]["B1"]
    ws = maak_werkmap(root, data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("Z", 13000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9500, 30, 12, 4, "alle"), ("Z", 12500, 10, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    scores = {(i, c): s for i, s in (("Alfa", 75), ("Beta", 50)) for c in ("Plan van aanpak", "Samenwerking")}
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", scores)
    return ws


def test_gemeente_zonder_gegund_perceel_krijgt_geen_lege_tabel(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path / "ws")
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3")
    assert r.exit_code == 0, r.output
    map_ = ws / "contract" / "kwartaal" / "2026-K3"

    html = (map_ / "gemeente-zuid.html").read_text(encoding="utf-8")
    assert "<tbody></tbody>" not in html  # no table without a row
    assert "Toegewezen naar rato en geplaatst, Zuid" not in html  # no chart without a bar
    tekst = html_tekst(map_ / "gemeente-zuid.html")
    assert ZIN in tekst
    assert "Z-route: niet gegund (geen geldige inschrijving)" in tekst  # why: the line of the lot not awarded
    overzicht = load_workbook(map_ / "gemeente-zuid.xlsx")["Overzicht"]
    assert ["Plaatsingen", ZIN] in [[c.value for c in rij] for rij in overzicht.iter_rows()]

    # a gemeente with an awarded lot keeps its table and chart, and no such sentence
    noord = (map_ / "gemeente-noord.html").read_text(encoding="utf-8")
    assert "Toegewezen naar rato en geplaatst, Noord" in noord
    assert "heeft in dit contract geen toewijzing" not in html_tekst(map_ / "gemeente-noord.html")

"""The small-count rule of the quarterly report counts persons, not placements.

A client registered again after an early stop is a new placement (evaluatie.contract.overstap), and the tables count
placements. Noord's B1 total was shown as 5 while the 5 placements were 3 persons: K1 with Alfa, stopped, with Beta,
stopped, with Alfa again (3 placements), K2 with Alfa and K3 with Beta. The rule said 'a count under 5 persons is
withheld' and weighed the 5 as persons. Now a figure is shown only when it counts 5 or more distinct persons, and a
difference of one series between two reports likewise; the totals stay the sums of the placements of their cells.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from evaluatie.contract.onderdrukking import ONDERDRUKT
from tests.test_contract_grenzen import _rij
from tests.test_contract_publicatie import _kwartaal
from tests.test_contract_routewijziging_aanbieder import KOP
from tests.test_contract_toelating import DOOR, _run, _werkmap

# K1 switches twice: 3 placements (Alfa, Beta, Alfa), each after an early stop of the one before
WISSELT = [
    "K1;Noord;aangemeld;2026-06-02;B1;Alfa;",
    "K1;Noord;voortijdig_gestopt;2026-06-10;B1;Alfa;",
    "K1;Noord;aangemeld;2026-06-15;B1;Beta;",
    "K1;Noord;voortijdig_gestopt;2026-06-20;B1;Beta;",
    "K1;Noord;aangemeld;2026-06-25;B1;Alfa;",
]
TWEE = ["K2;Noord;aangemeld;2026-06-03;B1;Alfa;", "K3;Noord;aangemeld;2026-06-04;B1;Beta;"]


def _contract(tmp_path: Path, *bestanden: tuple[str, list[str], str]) -> Path:
    """Started 1 June 2026 (B1 with Alfa and Beta, three gemeenten); `bestanden`: (name, rows, day read in)."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    for naam, rijen, datum in bestanden:
        (ws / naam).write_text(KOP + "\n".join(rijen) + "\n", encoding="utf-8")
        r = _run("contract", "inlezen", "--werkmap", ws, ws / naam, "--datum", datum)
        assert r.exit_code == 0, r.output
    return ws


def _raam(map_: Path) -> object:
    """The framework use of B1 in the region's report."""
    rijen = load_workbook(map_ / "regio.xlsx")["Raamovereenkomsten"].iter_rows(values_only=True)
    return next(r for r in rijen if r[0] == "B1-route")[2]


def test_vijf_plaatsingen_van_drie_personen_zijn_geen_vijf_personen(tmp_path: Path) -> None:
    ws = _contract(tmp_path, ("k2.csv", WISSELT + TWEE, "2026-07-01"))
    map_ = _kwartaal(ws, "2026-K2")
    # Alfa 3 placements (K1 twice, K2), Beta 2 (K1, K3): both under 5, withheld; their sum, Noord's total, is 5
    # placements of 3 persons. Noord is the only gemeente with placements, so the region's total and the framework
    # use are the same 5
    assert _rij(map_, "gemeente-noord", "B1-route", "Totaal")[4:] == (ONDERDRUKT, ONDERDRUKT)
    assert _rij(map_, "regio", "B1-route", "Totaal")[4:] == (ONDERDRUKT, ONDERDRUKT)
    assert _raam(map_) == ONDERDRUKT
    legenda = dict(load_workbook(map_ / "regio.xlsx")["Overzicht"].iter_rows(values_only=True))["Onderdrukking"]
    assert "tellen plaatsingen (trajecten)" in str(legenda)
    assert "minstens 5 verschillende personen" in str(legenda)


def test_vijf_personen_blijven_getoond(tmp_path: Path) -> None:
    """The same 5 placements by 5 persons: shown, as before (the rule withholds no more than the persons ask)."""
    vijf = [f"{k};Noord;aangemeld;2026-06-0{i + 2};B1;{s};" for i, (k, s) in enumerate(
        [("K1", "Alfa"), ("K4", "Beta"), ("K5", "Alfa")]
    )]  # fmt: skip
    map_ = _kwartaal(_contract(tmp_path, ("k2.csv", vijf + TWEE, "2026-07-01")), "2026-K2")
    assert _rij(map_, "gemeente-noord", "B1-route", "Totaal")[4:] == (5, 5)
    assert _raam(map_) == 5


def test_verschil_tussen_kwartalen_telt_personen(tmp_path: Path) -> None:
    """June: 5 persons with Alfa, Noord's row shows 5. In July K6 is registered with Alfa three times (twice after an
    early stop) and K7 and K8 come: the contract year's 10 placements differ from June's 5 by 5 placements of 3 persons,
    and this quarter's 5 are those 3. Before, the row showed 10 and 5 after June's 5: a group of 3."""
    juni = [f"K{i};Noord;aangemeld;2026-06-0{i + 1};B1;Alfa;" for i in range(1, 6)]
    k6 = [f"K6;Noord;{soort};2026-07-{dag};B1;Alfa;" for soort, dag in (
        ("aangemeld", "02"), ("voortijdig_gestopt", "05"), ("aangemeld", "08"), ("voortijdig_gestopt", "10"),
        ("aangemeld", "12"),
    )]  # fmt: skip
    juli = [*k6, "K7;Noord;aangemeld;2026-07-03;B1;Alfa;", "K8;Noord;aangemeld;2026-07-04;B1;Alfa;"]
    ws = _contract(tmp_path, ("k2.csv", juni, "2026-07-01"), ("k3.csv", juli, "2026-10-01"))
    assert _rij(_kwartaal(ws, "2026-K2"), "gemeente-noord", "B1-route", "Alfa")[4:] == (5, 5)
    assert _rij(_kwartaal(ws, "2026-K3"), "gemeente-noord", "B1-route", "Alfa")[4:] == (ONDERDRUKT, ONDERDRUKT)

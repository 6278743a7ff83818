"""An indexatie changes the prices of what can still be called off, and the used value counts each placement at the
price of its day (evaluatie.contract.indexatie).

The contract of tests.test_contract_toelating (B1: maximum 50 trajecten, EUR 500.000; Alfa EUR 9.000), 20
placements in June, an indexatie dated 1 August 2026, 25 placements in August. The used value counted every placement
at its contract price, so after a price cut of EUR 100.000 the stand read 'EUR 405.000,00 van EUR 400.000,00 (101,3%)'
with 5 trajecten to spare and 'uitgeput bij dit tempo' in the future. Every figure below is derived by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.test_contract_raam_buiten_op_hun_dag import gestart_en_ingelezen
from tests.test_contract_toelating import DOOR, _run

JUNI = [f"K{i:03d};Noord;aangemeld;2026-06-{10 + i // 10:02d};B1;Alfa;" for i in range(20)]
AUGUSTUS = [f"M{i:03d};Noord;aangemeld;2026-08-{2 + i // 5:02d};B1;Alfa;" for i in range(25)]


def _indexatie(ws: Path, waarde: str, datum: str = "2026-08-01") -> Any:
    return _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "indexatie", "--waarde", waarde,
        "--grondslag", "art. 2.163c Aw 2012", "--datum", datum, *DOOR,
    )  # fmt: skip


def _stand(ws: Path, peildatum: str) -> str:
    return " ".join(_run("contract", "stand", "--werkmap", ws, "--peildatum", peildatum).output.split())


def test_na_een_prijsverlaging_telt_iedere_plaatsing_tegen_de_prijs_van_haar_dag(tmp_path: Path) -> None:
    ws = gestart_en_ingelezen(tmp_path, JUNI + AUGUSTUS)
    r = _indexatie(ws, "-100.000")
    uit = " ".join(r.output.split())
    assert r.exit_code == 0, uit
    # on 1 August: 20 x EUR 9.000 = EUR 180.000 used of EUR 500.000, so EUR 320.000 could still be called off;
    # EUR -100.000 on it: the prices from that day are 1 - 100.000 / 320.000 = 0,6875 of the contract prices
    assert (
        "Een indexatie wijzigt de prijs van wat nog kan worden afgeroepen: op 01-08-2026 was dat EUR 320.000,00 (het "
        "maximum EUR 500.000,00 min EUR 180.000,00 gebruikt), dus tellen plaatsingen vanaf die dag in de stand tegen "
        "68,75% van de prijs van daarvoor." in uit
    ), uit
    assert (
        "B1-route: 20 van 50 trajecten, EUR 180.000,00 van EUR 500.000,00; benut 40,0% (het hoogste van de twee)"
        in _stand(ws, "2026-07-31")
    )
    na = _stand(ws, "2026-09-30")
    # 180.000 + 25 x 9.000 x 0,6875 = 180.000 + 154.687,50 = EUR 334.687,50 of 500.000 - 100.000 = EUR 400.000
    # (83,7%); the trajecten decide the share: 45 of 50 = 90,0%
    assert (
        "B1-route: 45 van 50 trajecten, EUR 334.687,50 van EUR 400.000,00; benut 90,0% (het hoogste van de twee); uitgeput bij dit tempo: "
        in na
    )
    assert (
        "Indexatie van 01-08-2026 (EUR -100.000,00): op die dag kon nog EUR 320.000,00 worden afgeroepen (het maximum "
        "EUR 500.000,00 min EUR 180.000,00 gebruikt); plaatsingen vanaf die dag tellen tegen 68,75% van de prijs van "
        "daarvoor." in na
    ), na
    doc = json.loads(_run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-30", "--json").stdout)
    (b1,) = [x for x in doc["raamovereenkomst"] if x["perceel"] == "B1"]
    assert (b1["gebruikte_waarde"], b1["max_waarde"], b1["aandeel"]) == (334687.5, 400000.0, 0.9)
    assert b1["indexaties"] == [
        {
            "datum": "2026-08-01",
            "waarde": -100000.0,
            "maximum": 500000.0,
            "gebruikt": 180000.0,
            "ruimte": 320000.0,
            "prijsfactor": 0.6875,
            "percentage": None,  # an amount, not a percentage (tests.test_contract_indexatie_percentage)
            "prijzen": None,
        }
    ]


def test_een_tweede_indexatie_vermenigvuldigt_op_de_eerste(tmp_path: Path) -> None:
    """A rise of 3% after the first cut: on 1 September the room is 400.000 - 334.687,50 = EUR 65.312,50, and
    EUR 1.959,38 on it is a factor of 1 + 1.959,38 / 65.312,50 = 1,03 (to the cent of the value): 5 placements in
    September at 9.000 x 0,6875 x 1,03 = EUR 6.373,125 each, EUR 31.865,63 together."""
    september = [f"S{i};Oost;aangemeld;2026-09-0{2 + i};B1;Alfa;" for i in range(5)]
    ws = gestart_en_ingelezen(tmp_path, JUNI + AUGUSTUS + september)
    assert _indexatie(ws, "-100.000").exit_code == 0
    assert _indexatie(ws, "1.959,38", "2026-09-01").exit_code == 0
    doc = json.loads(_run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-30", "--json").stdout)
    (b1,) = [x for x in doc["raamovereenkomst"] if x["perceel"] == "B1"]
    tweede = b1["indexaties"][1]
    assert (tweede["maximum"], tweede["gebruikt"], tweede["ruimte"]) == (400000.0, 334687.5, 65312.5)
    assert tweede["prijsfactor"] == round(1 + 1959.38 / 65312.5, 6)
    # 334.687,50 + 5 x 9.000 x 0,6875 x (1 + 1.959,38 / 65.312,50) = 334.687,50 + 31.865,63 (rounded to the cent)
    assert b1["gebruikte_waarde"] == round(334687.5 + 5 * 9000 * 0.6875 * (1 + 1959.38 / 65312.5), 2) == 366553.13
    assert b1["max_waarde"] == 401959.38


def test_een_verlaging_van_de_hele_ruimte_wordt_geweigerd(tmp_path: Path) -> None:
    ws = gestart_en_ingelezen(tmp_path, JUNI)
    r = _indexatie(ws, "-320.000")
    uit = " ".join(r.output.split())
    assert r.exit_code == 2, uit
    assert (
        "--waarde: een indexatie wijzigt de prijs van wat nog kan worden afgeroepen, en op 01-08-2026 kon nog EUR "
        "320.000,00 worden afgeroepen (het maximum EUR 500.000,00 min EUR 180.000,00 gebruikt); een verlaging van EUR "
        "320.000,00 is niet kleiner dan dat en laat geen prijs over" in uit
    ), uit
    assert "Indexatie" not in _stand(ws, "2026-09-30")  # nothing recorded


def test_de_kwartaalrapportage_telt_zoals_de_stand(tmp_path: Path) -> None:
    """The quarterly report takes the stand's use of the framework; where it withholds the count (here: one gemeente,
    one supplier) it withholds the value and says the indexatie without the room, whose figures would give the count
    before its day."""
    from openpyxl import load_workbook

    ws = gestart_en_ingelezen(tmp_path, JUNI + AUGUSTUS)
    assert _indexatie(ws, "-100.000").exit_code == 0
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3").exit_code == 0
    map_ = ws / "contract" / "kwartaal" / "2026-K3"
    wb = load_workbook(map_ / "regio.xlsx")
    overzicht = {r[0]: r[1] for r in wb["Overzicht"].iter_rows(values_only=True) if r and r[0]}
    zin = (
        "B1-route: Indexatie van 01-08-2026 (EUR -100.000,00): de gebruikte waarde telt de plaatsingen vanaf die dag "
        "tegen de prijs van die dag."
    )
    assert overzicht["Indexaties"] == zin
    (b1,) = [r for r in wb["Raamovereenkomsten"].iter_rows(values_only=True) if r[0] == "B1-route"]
    assert b1[2] == b1[4] == "onderdrukt" and b1[3] == 400000
    assert zin in " ".join((map_ / "regio.html").read_text(encoding="utf-8").split())


def test_de_waarde_blijft_alleen_zichtbaar_als_de_aantallen_tot_de_indexatie_bekend_zijn(tmp_path: Path) -> None:
    """With an indexatie the value also tells how many placements came before its day (at one price, the other at
    another). A synthetic contract of five Twente gemeenten whose B1 value the reports show: an indexatie on 1 October
    (the day after a quarter whose counts per supplier the reports publish) keeps it shown, one on 15 August (no
    published figure per supplier up to 14 August) withholds it; onderwijs, without an indexatie, stays shown."""
    import datetime as dt
    import shutil

    from evaluatie.contract.lezen import lees_register
    from evaluatie.contract.openbaar import bepaal
    from evaluatie.contract.register import verbind
    from evaluatie.contract.wijziging import leg_wijziging_vast, toets_wijziging
    from tests.hulp import synthetisch_contract
    from tests.test_contract_kleine_aantallen import _gemeenten

    reg = synthetisch_contract(tmp_path, _gemeenten("Twente")[:5], 1, 200, jaren=1)
    laatste = dt.date(2026, 12, 31)
    assert bepaal(reg, laatste).waarde_zichtbaar == {"B1": True, "onderwijs": True, "Z": False}
    for dag, zichtbaar in ((dt.date(2026, 10, 1), True), (dt.date(2026, 8, 15), False)):
        kopie = tmp_path / f"{dag.isoformat()}.sqlite"
        shutil.copy(tmp_path / "register.sqlite", kopie)
        db = verbind(kopie)
        try:
            t = toets_wijziging(lees_register(db), "B1", "indexatie", -10_000.0, 0, "art. 2.163c Aw 2012", dag)
            leg_wijziging_vast(db, t, dag, "test", "test")
            met = lees_register(db)
        finally:
            db.close()
        assert bepaal(met, laatste).waarde_zichtbaar == {"B1": zichtbaar, "onderwijs": True, "Z": False}, dag

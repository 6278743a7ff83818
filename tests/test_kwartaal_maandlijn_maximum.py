"""The quarterly report's line of framework use put every month against the maximum on the peildatum. After 52
placements in June and July against a maximum of 50 and an extra volume of 5 on 1 August, the 2026-K3 report drew
July at 95% (52 of 55), under the line of 100%, while in July the agreement was past its maximum of 50 (104%). Each
point is now a percentage of the maximum in force at its month's end, and the report says so when a change raised a
maximum."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import html_tekst
from tests.test_contract_raam_buiten_op_hun_dag import gestart_en_ingelezen, vijf_extra_op_1_augustus
from tests.test_contract_toelating import _run

ZIN = (
    "Ieder punt van de lijn is een percentage van het maximum zoals het aan het einde van die maand gold: een "
    "contractwijziging verhoogt het maximum vanaf haar datum (B1-route: van 50 naar 55 trajecten op 01-08-2026)."
)


def test_maandpunt_tegen_het_maximum_van_die_maand(tmp_path: Path) -> None:
    regels: list[str] = []
    regels += [f"K{i:03d};Noord;aangemeld;2026-06-{10 + i // 10:02d};B1;Alfa;" for i in range(30)]
    regels += [f"L{i:03d};Oost;aangemeld;2026-07-{10 + i // 10:02d};B1;Beta;" for i in range(22)]
    regels += [f"M{i:03d};Zuid;aangemeld;2026-08-{10 + i // 10:02d};B1;Beta;" for i in range(8)]
    ws = gestart_en_ingelezen(tmp_path, regels)
    vijf_extra_op_1_augustus(ws)
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3").exit_code == 0
    tekst = html_tekst(ws / "contract" / "kwartaal" / "2026-K3" / "regio.html")
    # by hand: end of July 30 + 22 = 52 of 50 (104%); end of August 60 of 55 (109%)
    assert "B1-route: jul 2026 104%, aug 2026 109%" in tekst, tekst
    assert ZIN in tekst

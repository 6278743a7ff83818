"""A route change places the inburgeraar with a supplier of the new route from that day. 'contract inlezen' checked a
dropped-out or not yet admitted supplier only for a registration: a route change to a supplier that had dropped out
of the new route was read in without a word. B1 awarded and Z open house (Alfa and Beta, 10 places each, demand 10),
from 1 June 2026; Beta drops out of Z per 1 August 2026."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_contract_toelating import DOOR, _run, _werkmap

KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    r = _run(
        "contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", "Beta", "--per", "2026-08-01",
        "--vastleggen", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    return ws


def test_routewijziging_naar_een_uitgevallen_aanbieder_is_een_fout(ws: Path) -> None:
    lijst = ws / "noord.csv"
    lijst.write_text(
        KOP + "K-1;Noord;aangemeld;01-07-2026;B1;Alfa;\nK-1;Noord;route gewijzigd;01-09-2026;Z;Beta;\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, lijst)
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert (
        "noord.csv!F3: Beta is per 01-08-2026 uitgevallen in perceel Z: een routewijziging naar deze aanbieder kan dan "
        "niet" in uit
    ), uit
    # to the supplier that stayed, and before the drop-out to Beta: read in
    lijst.write_text(
        KOP + "K-1;Noord;aangemeld;01-07-2026;B1;Alfa;\nK-1;Noord;route gewijzigd;01-09-2026;Z;Alfa;\n"
        "K-2;Oost;aangemeld;01-06-2026;B1;Alfa;\nK-2;Oost;route gewijzigd;20-07-2026;Z;Beta;\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, lijst)
    assert r.exit_code == 0, r.output

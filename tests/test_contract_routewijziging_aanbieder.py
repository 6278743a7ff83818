"""A route change places the inburgeraar with a supplier of the new route from that day. 'contract inlezen' checked a
dropped-out or not yet admitted supplier only for a registration: a route change to a supplier that had dropped out
of the new route was read in without a word; and a person whose route changed before a start still counted as
waiting at the supplier of the registration. B1 awarded and Z open house (Alfa and Beta, 10 places each, demand 10),
from 1 June 2026; Beta drops out of Z per 1 August 2026."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_contract_toelating import DOOR, _run, _werkmap

KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n"


def beta_uitgevallen(tmp_path: Path) -> Path:
    """The werkmap of the module's docstring, contract started and Beta's drop-out from Z recorded."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    r = _run(
        "contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", "Beta", "--per", "2026-08-01",
        "--vastleggen", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    return ws


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return beta_uitgevallen(tmp_path)


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


def test_na_een_routewijziging_wacht_niemand_meer_bij_de_aanbieder_van_de_aanmelding(ws: Path) -> None:
    """K-1 was registered with Alfa in B1 on 1 July 2026 and changed to the Z-route (Alfa) on 1 September without a
    start in B1. On 1 October the stand said that at Alfa (B1) one person had waited longer than promised (13,1
    weeks) and signalled it; the advies would skip Alfa for it. K-1 waits for B1 no longer."""
    lijst = ws / "noord.csv"
    lijst.write_text(
        KOP + "K-1;Noord;aangemeld;01-07-2026;B1;Alfa;\nK-1;Noord;route gewijzigd;01-09-2026;Z;Alfa;\n",
        encoding="utf-8",
    )
    assert _run("contract", "inlezen", "--werkmap", ws, lijst).exit_code == 0
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-08-31", "--json")
    # the day before the change: 61 days (8,7 weeks) against 4 promised
    b1 = next(p for p in json.loads(r.stdout)["prestaties"] if (p["perceel"], p["aanbieder"]) == ("B1", "Alfa"))
    assert b1["wachtend_langer_dan_beloofd"] == 1, b1
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-10-01", "--json")
    assert r.exit_code == 0, r.output
    b1 = next(p for p in json.loads(r.stdout)["prestaties"] if (p["perceel"], p["aanbieder"]) == ("B1", "Alfa"))
    assert b1["wachtend_langer_dan_beloofd"] == 0 and b1["afgeschaald"] == 1, b1
    wachtend = [s["tekst"] for s in json.loads(r.stdout)["signalen"] if s["soort"] == "wachtend"]
    # K-1 waits for Alfa in the Z-route since the change: 30 days on 1 October, above the 4 weeks promised
    assert [t for t in wachtend if "B1-route" in t] == [] and len(wachtend) == 1, wachtend
    assert "Bij Alfa (Z-route) wachten" in wachtend[0] and "de langste wachttijd in weken: 4,3" in wachtend[0]


def test_routewijziging_na_het_einde_van_het_traject_is_een_fout(ws: Path) -> None:
    """A route change after the trajectory was completed or stopped was read in, and counted as a new call-off in the
    framework of the new route for a person whose trajectory had ended. It is an error at the route change's row,
    naming the row of the end."""
    eerst = ws / "eerst.csv"
    eerst.write_text(
        KOP + "K-1;Noord;aangemeld;01-06-2026;B1;Alfa;\nK-1;Noord;gestart;05-06-2026;;;\n"
        "K-1;Noord;afgerond;01-08-2026;;;\nK-2;Oost;aangemeld;01-06-2026;B1;Alfa;\n"
        "K-2;Oost;voortijdig gestopt;15-06-2026;;;\n",
        encoding="utf-8",
    )
    assert _run("contract", "inlezen", "--werkmap", ws, eerst).exit_code == 0
    later = ws / "later.csv"
    later.write_text(
        KOP + "K-1;Noord;route gewijzigd;01-09-2026;Z;Alfa;\nK-2;Oost;route gewijzigd;16-06-2026;Z;Alfa;\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, later)
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert (
        "later.csv!D2: klant K-1 (Noord): de routewijziging ligt na het afronden; een afgerond traject wijzigt niet "
        "meer van route (eerst.csv!A4)" in uit
    ), uit
    assert (
        "later.csv!D3: klant K-2 (Oost): de routewijziging ligt na het voortijdig stoppen; een gestopt traject wijzigt "
        "niet meer van route (eerst.csv!A6)" in uit
    ), uit

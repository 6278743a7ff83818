"""Withdrawing an event of a client's placement that the next placement rests on (contract.overstap).

K7 registers with Alfa on 10 June, starts on 12 June and stops on 20 June; Noord registers K7 with Beta on 1 July:
placement 2, because placement 1 stopped. `contract intrekken` of that stop was recorded without a word: placement 1
then ran again next to placement 2, and every later delivery of K7 (the start at Beta) was refused with "na deze regel
is plaatsing 2 geen volgende plaatsing meer" at a row that was right. The withdrawal is now refused (exit 2) with the
placement that rests on it and what to withdraw first; with the registration of placement 2 withdrawn first, it is
recorded. So too the registration of a placement at a supplier that dropped out, on which the switch rests.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.test_contract_overstap import KOP, _lever, _met_uitval_van_beta
from tests.test_contract_toelating import DOOR, _run, _werkmap

WIE = ("--door", "S. Jansen, contractmanager", "--reden", "ten onrechte aangeleverd")


def _intrekken(ws: Path, klant: str, plaatsing: int, gebeurtenis: str, datum: str) -> object:
    return _run(
        "contract", "intrekken", "--werkmap", ws, "--gemeente", "Noord", "--klant", klant, "--plaatsing", plaatsing,
        "--gebeurtenis", gebeurtenis, "--datum", datum, *WIE,
    )  # fmt: skip


def _intrekkingen(ws: Path) -> int:
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    try:
        return int(db.execute("SELECT COUNT(*) FROM intrekking").fetchone()[0])
    finally:
        db.close()


def test_stoppen_waarop_de_volgende_plaatsing_rust_wordt_niet_ingetrokken(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    pad = ws / "b1.csv"
    pad.write_text(
        KOP + "K7;Noord;aangemeld;2026-06-10;B1;Alfa;\nK7;Noord;gestart;2026-06-12;;;\n"
        "K7;Noord;voortijdig gestopt;2026-06-20;;;\nK7;Noord;aangemeld;2026-07-01;B1;Beta;\n",
        encoding="utf-8",
    )
    assert _run("contract", "inlezen", "--werkmap", ws, pad, "--datum", "2026-07-02").exit_code == 0
    r = _intrekken(ws, "K7", 1, "voortijdig gestopt", "2026-07-10")
    assert r.exit_code == 2, r.output
    assert (
        "--gebeurtenis: de gebeurtenis 'voortijdig gestopt' van klant K7 (Noord) (b1.csv!A4) kan niet worden "
        "ingetrokken: plaatsing 2 van klant K7 in Noord (aangemeld 01-07-2026 bij Beta) rust erop: plaatsing 1 "
        "(aangemeld 10-06-2026) is op 20-06-2026 voortijdig gestopt. Zonder deze gebeurtenis ligt tussen de twee "
        "plaatsingen geen uitval van de aanbieder en geen voortijdig stoppen, en lopen beide plaatsingen van de klant "
        "tegelijk. Trek eerst de aanmelding van plaatsing 2 in (evaluatie contract intrekken --plaatsing 2 "
        "--gebeurtenis aangemeld, en wat daarop rust eerst), met een datum op of voor 10-07-2026"
        in " ".join(r.output.split())
    ), r.output
    assert _intrekkingen(ws) == 0
    # the start at Beta is read in: nothing was withdrawn
    assert _lever(ws, "b2.csv", "K7;Noord;gestart;2026-07-08;;;", "2026-07-09").exit_code == 0
    # the registration at Beta withdrawn first (its start before it), then the stop: each its own decision
    assert _intrekken(ws, "K7", 2, "gestart", "2026-07-10").exit_code == 0
    assert _intrekken(ws, "K7", 2, "aangemeld", "2026-07-10").exit_code == 0
    r = _intrekken(ws, "K7", 1, "voortijdig gestopt", "2026-07-10")
    assert r.exit_code == 0, r.output
    assert _intrekkingen(ws) == 3


def test_aanmelding_bij_de_uitgevallen_aanbieder_waarop_de_overstap_rust(tmp_path: Path) -> None:
    ws = _met_uitval_van_beta(tmp_path)
    assert _lever(ws, "k2.csv", "K002Z;Noord;aangemeld;2026-07-05;Z;Alfa;", "2026-07-10").exit_code == 0
    r = _intrekken(ws, "K002Z", 1, "aangemeld", "2026-07-15")
    assert r.exit_code == 2, r.output
    assert (
        "plaatsing 2 van klant K002Z in Noord (aangemeld 05-07-2026 bij Alfa) rust erop: plaatsing 1 (aangemeld "
        "15-06-2026 bij Beta) liep bij een aanbieder die per 01-07-2026 in dat perceel is uitgevallen (besluit 2); "
        "die plaatsing blijft staan en telt als traject mee. Zonder deze gebeurtenis heeft plaatsing 2 geen plaatsing "
        "meer waarop zij volgt, en weigert iedere latere aanlevering van de klant bij de regel die haar raakt"
        in " ".join(r.output.split())
    ), r.output
    assert _intrekkingen(ws) == 0
    assert _lever(ws, "k3.csv", "K002Z;Noord;gestart;2026-07-08;;;", "2026-07-16").exit_code == 0

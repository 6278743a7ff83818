"""A BSN that lost its leading zero (a spreadsheet drops it: 012345611 becomes 12345611) and is then written in
groups of three, as people and number formats write long numbers ('12.345.611', '12 345 611'), is still a BSN.
The eleven-test read eight digits with a leading zero only without separators; with them, eight digits were taken
for a date ('03-02-2022'), so such a BSN entered the append-only register as a klantnummer, from a placement list
and from --klant. A date is never written in groups of three. 'BSN 12345611' in a reason names the number a BSN.

12345611 read as 012345611: 0x9 + 1x8 + 2x7 + 3x6 + 4x5 + 5x4 + 6x3 + 1x2 - 1x1 = 99 = 9 x 11."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from evaluatie.contract.privacy import bsn_in_tekst, elfproef
from tests.test_contract_toelating import DOOR, _run, _werkmap

KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"


@pytest.mark.parametrize("waarde", ["12.345.611", "12 345 611", "12\u00a0345\u00a0611", "012.345.611"])
def test_acht_cijfers_in_groepen_van_drie_is_een_bsn(waarde: str) -> None:
    assert elfproef(waarde)
    assert bsn_in_tekst(f"klant {waarde} belde")


@pytest.mark.parametrize("waarde", ["03-02-2022", "03.02.2022", "2022.03.02", "12.345.612"])
def test_een_datum_of_een_getal_dat_de_elfproef_niet_doorstaat_niet(waarde: str) -> None:
    assert not elfproef(waarde)
    assert not bsn_in_tekst(f"op {waarde} gebeld")


def test_bsn_zonder_voorloopnul_komt_niet_in_het_register(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    lijst = tmp_path / "lijst.csv"
    lijst.write_text(
        f"{KOP}\nK-1;Noord;aangemeld;2026-06-10;B1;Alfa;\n12.345.611;Noord;aangemeld;2026-06-11;B1;Alfa;\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", lijst)
    assert r.exit_code == 2, r.output
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert "burgerservicenummers (1 cel(len), de eerste lijst.csv!A3 voldoet aan de elfproef)" in fouten.get(
        "lijst.csv!A1", ""
    ), fouten
    keuze = ["contract", "keuze", "--werkmap", ws, "--gemeente", "Noord", "--route", "B1", "--aanbieder", "Alfa"]
    r = _run(*keuze, "--klant", "12 345 611", "--datum", "2026-06-12", *DOOR)
    assert r.exit_code == 2 and "--klant" in r.output and "elfproef" in r.output, r.output
    r = _run(*keuze, "--klant", "K-7", "--datum", "2026-06-12", "--door", "A. Bakker", "--reden", "BSN 12345611")
    assert r.exit_code == 2 and "--reden" in r.output and "elfproef" in r.output, r.output
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    try:
        assert db.execute("SELECT COUNT(*) FROM gebeurtenis").fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM besluit WHERE soort != 'contractstart'").fetchone()[0] == 0
    finally:
        db.close()

"""What the migration says about indexaties recorded before the current rule (evaluatie.contract.herlezing), beyond
the 'Let op' on screen:

- it is recorded in the register (schema version 12, table schemaherlezing), also for a migration an earlier version
  of evaluatie made (which only said it);
- a register of schema version 7, written by versions with either rule, got no word at all; it now says that which
  rule recorded its indexaties cannot be known from the register, and how the current rule reads them;
- a library caller of open_register got the 'Let op' only if the contract CLI had loaded evaluatie.contract.herlezing;
  the connection open_register returns now carries it (`meldingen`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from evaluatie.contract import register
from evaluatie.contract.register import open_register
from evaluatie.contract.schema import MIGRATIES
from evaluatie.werkmap import Werkmap
from tests.test_contract_oud_register import _werkmap_met_oud_register
from tests.test_contract_toelating import DOOR, _run, _werkmap

# what the migration of tests/oud_register/register-indexatie-schemaversie-1 records (figures: test_contract_oude_
# indexatie, by hand: room 2.940.000 - 9.200 = 2.930.800 on 01-01-2023, factor 1 + 20.000 / 2.930.800 -> 100,68%)
VASTGELEGD_1 = (
    "Het register van voor de bijwerking, contract/register-schemaversie-1.sqlite (schemaversie 1), hield 1 indexatie "
    "die is vastgelegd vóór de huidige regel; de versie van evaluatie die haar vastlegde, liet het maximum en de "
    "prijzen ongewijzigd, deze versie leest haar met de huidige regel (een indexatie wijzigt vanaf haar datum het "
    "maximum met haar waarde en de prijs van wat nog kan worden afgeroepen met 1 + waarde / ruimte): B1-route, "
    "indexatie van 01-01-2023 (EUR 20.000,00, besluit 2): het maximum gaat van EUR 2.940.000,00 naar "
    "EUR 2.960.000,00, en plaatsingen vanaf die dag tellen tegen 100,68% van de prijs van daarvoor (1 + EUR 20.000,00 "
    "/ EUR 2.930.800,00, wat op die dag nog kon worden afgeroepen)"
)


def _herlezingen(ws: Path) -> list[tuple[int, int, str]]:
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    try:
        return [(int(n), int(v), str(t)) for n, v, t in db.execute("SELECT naar, van, tekst FROM schemaherlezing")]
    finally:
        db.close()


def test_de_herlezing_wordt_in_het_register_vastgelegd(tmp_path: Path) -> None:
    ws, _ = _werkmap_met_oud_register(tmp_path, "register-indexatie-schemaversie-1.sqlite.gz")
    assert _run("contract", "stand", "--werkmap", ws, "--peildatum", "2023-03-01").exit_code == 0
    assert _herlezingen(ws) == [(len(MIGRATIES), 1, VASTGELEGD_1)]
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2023-03-01")
    assert r.exit_code == 0 and _herlezingen(ws) == [(len(MIGRATIES), 1, VASTGELEGD_1)]  # once


def test_ook_zonder_indexatie_zegt_het_register_dat(tmp_path: Path) -> None:
    ws, _ = _werkmap_met_oud_register(tmp_path)  # its only change is extra volume
    assert _run("contract", "stand", "--werkmap", ws, "--peildatum", "2022-06-30").exit_code == 0
    assert _herlezingen(ws) == [
        (
            len(MIGRATIES),
            1,
            "Het register van voor de bijwerking, contract/register-schemaversie-1.sqlite (schemaversie 1), hield geen "
            "indexatie die deze versie anders leest dan de versie die haar vastlegde",
        )
    ]


def test_een_eerdere_bijwerking_wordt_alsnog_vastgelegd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The register brought to version 11 by the version before this one (it said the 'Let op', recorded nothing): the
    migration to 12 records the reading for that earlier migration (its schemamigratie row: naar 11)."""
    ws, _ = _werkmap_met_oud_register(tmp_path, "register-indexatie-schemaversie-1.sqlite.gz")
    monkeypatch.setattr(register, "MIGRATIES", MIGRATIES[:11])
    monkeypatch.setattr(register, "_zeg_herlezing", lambda db, pad: register._HERLEZEN.pop(pad, None))
    open_register(Werkmap(ws)).close()
    register.neem_meldingen()
    monkeypatch.undo()
    db = open_register(Werkmap(ws))
    try:
        assert (
            "had schemaversie 11 (geschreven door een eerdere versie van evaluatie) en is bijgewerkt naar versie 12"
            in (db.meldingen[0])
        )
    finally:
        db.close()
    register.neem_meldingen()
    assert _herlezingen(ws) == [(11, 1, VASTGELEGD_1)]


def test_open_register_geeft_de_melding_ook_aan_een_bibliotheek(tmp_path: Path) -> None:
    ws, _ = _werkmap_met_oud_register(tmp_path, "register-indexatie-schemaversie-1.sqlite.gz")
    db = open_register(Werkmap(ws))
    try:
        meldingen = db.meldingen
    finally:
        db.close()
    assert register.neem_meldingen() == list(meldingen)
    pad = ws / "contract" / "register.sqlite"
    assert len(meldingen) == 2 and meldingen[0].startswith(f"{pad} had schemaversie 1 ")
    assert meldingen[1].startswith(
        f"{pad} (schemaversie 1) houdt 1 indexatie die is vastgelegd vóór de huidige regel;"
    )  # fmt: skip
    assert meldingen[1].endswith(VASTGELEGD_1.split("): ", 1)[1])


def test_schemaversie_7_zegt_dat_de_regel_niet_te_weten_is(tmp_path: Path) -> None:
    """B1 of this tender: a maximum of EUR 500.000 and no placement, so on 01-07-2026 the room is EUR 500.000 and an
    indexatie of EUR 10.000 gives the factor 1 + 10.000 / 500.000 = 1,02 (102,00%) and the maximum EUR 510.000."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    r = _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "indexatie", "--waarde", "10000",
        "--grondslag", "art. 2.163b Aw 2012", "--datum", "2026-07-01", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:  # as a version with schema 7 left it
        for tabel in ("schemaherlezing", "hervatting", "indexatiepercentage", "schemamigratie"):
            db.execute(f"DROP TABLE {tabel}")
        db.execute("PRAGMA user_version = 7")
    db.close()
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-07-20")
    assert r.exit_code == 0, r.output
    pad = ws / "contract" / "register.sqlite"
    uit = " ".join(r.output.split())
    assert (
        f"Let op: {pad} (schemaversie 7) houdt 1 indexatie van voor de schemamigratie; schemaversie 7 is geschreven "
        "door versies van evaluatie met de vorige regel (een indexatie liet de prijzen ongewijzigd) en door versies met "
        "de huidige, en het register legt niet vast welke versie een besluit vastlegde: onder welke regel zij is "
        "vastgelegd, is uit het register niet te weten. Deze versie leest haar met de huidige regel (een indexatie "
        "wijzigt vanaf haar datum het maximum met haar waarde en de prijs van wat nog kan worden afgeroepen met 1 + "
        "waarde / ruimte): B1-route, indexatie van 01-07-2026 (EUR 10.000,00, besluit 2): het maximum gaat van "
        "EUR 500.000,00 naar EUR 510.000,00, en plaatsingen vanaf die dag tellen tegen 102,00% van de prijs van "
        "daarvoor (1 + EUR 10.000,00 / EUR 500.000,00, wat op die dag nog kon worden afgeroepen)." in uit
    ), uit
    [(naar, van, tekst)] = _herlezingen(ws)
    assert (naar, van) == (len(MIGRATIES), 7)
    assert tekst.startswith(
        "Het register van voor de bijwerking, contract/register-schemaversie-7.sqlite (schemaversie 7), hield 1 "
        "indexatie van voor de schemamigratie; schemaversie 7 is geschreven door versies van evaluatie met de vorige"
    )

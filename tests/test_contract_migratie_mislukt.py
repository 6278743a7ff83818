"""A migration that failed for another reason than a read-only werkmap (here: a register that says schema version 7
but already holds the table version 8 adds) was reported as 'dat kan hier niet; voer de opdracht uit in een werkmap
waar evaluatie mag schrijven', untrue in a werkmap that can be written; a writing command showed SQLite's traceback.
Now the command names the step that failed, SQLite's error, the copy made before and that the register is unchanged
(exit 2), and the register is left exactly as it was: all steps are one transaction."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from tests.test_contract_oud_register import _inhoud, _werkmap_met_oud_register
from tests.test_contract_toelating import DOOR, _run, _werkmap

LEVERANCIER = "Taalhuis De Brug B.V."  # a B1 supplier of the old award: only the decision is missing


@pytest.mark.parametrize(
    "opdracht", [("stand", "--peildatum", "2026-07-01"), ("optiejaar", "--datum", "2026-07-01", *DOOR)]
)
def test_mislukte_bijwerking_zegt_wat_er_misging(tmp_path: Path, opdracht: tuple[str, ...]) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    register = ws / "contract" / "register.sqlite"
    db = sqlite3.connect(register)
    db.execute("PRAGMA user_version = 7")  # the tables of versions 8 to 11 stay: step 7 -> 8 meets schemamigratie
    db.commit()
    db.close()
    voor = register.read_bytes()
    r = _run("contract", opdracht[0], "--werkmap", ws, *opdracht[1:])
    uit = " ".join(r.output.split())
    assert r.exit_code == 2, uit
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert "mag schrijven" not in uit and "kan hier niet" not in uit, uit
    kopie = ws / "contract" / "register-schemaversie-7.sqlite"
    sha = hashlib.sha256(kopie.read_bytes()).hexdigest()
    assert (
        f"{register}: de bijwerking van schemaversie 7 naar 8 is mislukt: SQLite meldt 'table schemamigratie already "
        "exists' (de tabel schemamigratie bestaat al) bij 'CREATE TABLE schemamigratie'. De bijwerking is "
        "teruggedraaid: het register is ongewijzigd (schemaversie 7)" in uit
    ), uit
    assert f"Er is eerst een kopie gemaakt: {kopie} (SHA-256 {sha})" in uit, uit
    assert register.read_bytes() == voor
    db = sqlite3.connect(register)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 7
    assert db.execute("SELECT COUNT(*) FROM schemamigratie").fetchone()[0] == 0


def test_een_latere_stap_die_mislukt_laat_geen_tussenversie_na(tmp_path: Path) -> None:
    """The old register (schema version 1) with a table `publicatie` of its own: steps 1 to 6 go well, step 7 meets
    the table. Each step was its own transaction, so the register stayed behind on version 6; now it stays on 1."""
    ws, _ = _werkmap_met_oud_register(tmp_path)
    register = ws / "contract" / "register.sqlite"
    db = sqlite3.connect(register)
    db.execute("CREATE TABLE publicatie (id INTEGER PRIMARY KEY)")
    db.commit()
    db.close()
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2022-06-30")
    uit = " ".join(r.output.split())
    assert r.exit_code == 2, uit
    assert "de bijwerking van schemaversie 6 naar 7 is mislukt: SQLite meldt 'table publicatie already exists'" in uit
    assert "het register is ongewijzigd (schemaversie 1)" in uit, uit
    db = sqlite3.connect(register)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    tabellen = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "perceelprocedure" not in tabellen and "looptijd" not in tabellen


def test_een_verwijzing_zonder_doel_noemt_de_regel(tmp_path: Path) -> None:
    """A register with a reference to a decision that does not exist (an uitval of decision 99): the check of the
    references after step 1 refused it with exit 1, without the copy or where the reference lies. Now exit 2 with
    both, and the register unchanged."""
    ws, _ = _werkmap_met_oud_register(tmp_path)
    register = ws / "contract" / "register.sqlite"
    db = sqlite3.connect(register)
    db.execute(
        "INSERT INTO uitval (besluit_id, perceel, leverancier, datum) VALUES (99, 'B1', ?, '2022-05-01')",
        (LEVERANCIER,),
    )
    db.commit()
    db.close()
    voor = _inhoud(register)
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2022-06-30")
    uit = " ".join(r.output.split())
    assert r.exit_code == 2, uit
    kopie = ws / "contract" / "register-schemaversie-1.sqlite"
    assert (
        "de bijwerking van schemaversie 1 naar 2 is mislukt: daarna zou 1 verwijzing naar een regel die niet bestaat "
        "in het register staan (de eerste: tabel uitval, regel 1, naar tabel besluit). De bijwerking is "
        f"teruggedraaid: het register is ongewijzigd (schemaversie 1). Er is eerst een kopie gemaakt: {kopie}" in uit
    ), uit
    assert _inhoud(register) == voor  # the content; only the header says WAL now

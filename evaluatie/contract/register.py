"""The contract register: one SQLite database in the werkmap, opened the same way everywhere.

Why SQLite: it is in the standard library, one file travels with the werkmap, and WAL mode lets a
report read while an import writes. The SQL is plain (no SQLite-only functions in queries), so a
server database could be added later without a rewrite. The schema is versioned with PRAGMA
user_version and a list of migrations applied in order (see evaluatie.contract.schema).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from evaluatie.contract.schema import MIGRATIES
from evaluatie.fouten import EvaluatieFout
from evaluatie.werkmap import Werkmap

MAP = "contract"
BESTAND = "register.sqlite"


def registerpad(werkmap: Werkmap) -> Path:
    return werkmap.root / MAP / BESTAND


def verbind(pad: Path) -> sqlite3.Connection:
    """Open (and migrate) a register; foreign keys on, WAL journal, explicit transactions."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(pad, isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    migreer(db)
    return db


def migreer(db: sqlite3.Connection) -> int:
    """Apply every migration after the database's user_version, each in its own transaction."""
    versie = int(db.execute("PRAGMA user_version").fetchone()[0])
    if versie > len(MIGRATIES):
        raise EvaluatieFout(
            [f"het contractregister heeft schemaversie {versie}, deze versie van evaluatie kent tot {len(MIGRATIES)}"]
        )
    for nummer in range(versie, len(MIGRATIES)):
        db.execute("BEGIN")
        for opdracht in MIGRATIES[nummer]:
            db.execute(opdracht)
        db.execute(f"PRAGMA user_version = {nummer + 1}")
        db.execute("COMMIT")
    return len(MIGRATIES)


def open_register(werkmap: Werkmap, moet_bestaan: bool = True) -> sqlite3.Connection:
    pad = registerpad(werkmap)
    if moet_bestaan and not pad.is_file():
        raise EvaluatieFout(
            [f"{werkmap.relatief(pad)} bestaat nog niet; begin het contract met 'evaluatie contract start'"]
        )
    return verbind(pad)

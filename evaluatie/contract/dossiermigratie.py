"""The copies of the register as it was before a schema migration, for the contract dossier.

Why: the register in the dossier records every migration with the name and SHA-256 of the copy made before it (table
schemamigratie, evaluatie.contract.schema); a dossier without those copies names documents it does not hold, and the
register of before, written by the older version, is part of the contract file. A copy that is gone or changed since
is an input error naming it: the dossier would otherwise hold a different register than the one the register cites.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from evaluatie.contract.register import MAP
from evaluatie.fouten import Fout, InvoerFout
from evaluatie.hashing import sha256_bestand
from evaluatie.werkmap import Werkmap

CATEGORIE = "Contract: register zoals het was vóór een schemamigratie"


def kopieen(db: sqlite3.Connection, werkmap: Werkmap) -> list[tuple[str, Path, str]]:
    """(path relative to the werkmap, file, SHA-256) of every copy the register cites, in the order of the migrations;
    every missing or changed copy together in one InvoerFout."""
    stappen: dict[str, tuple[int, int, str]] = {}  # copy -> (first van, last naar, SHA-256): one per migration
    for van, naar, naam, sha in db.execute("SELECT van, naar, reservekopie, sha256 FROM schemamigratie ORDER BY naar"):
        stappen[naam] = (stappen[naam][0], naar, sha) if naam in stappen else (van, naar, sha)
    uit: list[tuple[str, Path, str]] = []
    fouten: list[Fout] = []
    for naam, (van, naar, sha) in stappen.items():
        rel = f"{MAP}/{naam}"
        pad = werkmap.root / rel
        wat = f"de kopie van het register met schemaversie {van}, van voor de bijwerking naar versie {naar},"
        if not pad.is_file():
            fouten.append(Fout(rel, f"{wat} ontbreekt; het register noemt haar (SHA-256 {sha}): zet haar terug"))
        elif sha256_bestand(pad) != sha:
            fouten.append(Fout(rel, f"{wat} heeft niet de SHA-256 die het register vastlegde ({sha}): zet haar terug"))
        else:
            uit.append((rel, pad, sha))
    if fouten:
        raise InvoerFout(fouten)
    return uit


def herlezing(db: sqlite3.Connection, werkmap: Werkmap) -> str:
    """What the current rule makes of the indexaties the register held before its first migration, when that came
    from schema version 7 or lower (evaluatie.contract.herlezing): the dossier says what the migration said. The
    decisions of before are those in the copy made before it (already checked against its SHA-256 by `kopieen`)."""
    from evaluatie.contract.herlezing import VERSIE_MET_PRIJSREGEL, melding

    eerste = db.execute("SELECT van, reservekopie FROM schemamigratie ORDER BY naar LIMIT 1").fetchone()
    if eerste is None or eerste[0] > VERSIE_MET_PRIJSREGEL:
        return ""
    pad = werkmap.root / MAP / eerste[1]
    kopie = sqlite3.connect(f"{pad.resolve().as_uri()}?immutable=1", uri=True)
    try:
        tot = kopie.execute("SELECT MAX(id) FROM besluit").fetchone()[0]
    finally:
        kopie.close()
    naam = f"het register van voor de bijwerking, {MAP}/{eerste[1]} (schemaversie {eerste[0]}),"
    tekst = melding(db, int(eerste[0]), naam, tot, "hield")
    return f"{tekst[0].upper()}{tekst[1:]}" if tekst else ""

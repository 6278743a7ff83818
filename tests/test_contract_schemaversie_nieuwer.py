"""A register written by a newer evaluatie (a higher schema version) was refused without saying which file, nor
what to do: 'het contractregister heeft schemaversie 4, deze versie van evaluatie kent tot 3'. The message now
names the register's path and the way out, and nothing is changed in the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from evaluatie.contract.schema import MIGRATIES
from tests.test_contract_toelating import DOOR, _run, _werkmap


def test_register_van_een_nieuwere_versie(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    register = ws / "contract" / "register.sqlite"
    db = sqlite3.connect(register)
    db.execute(f"PRAGMA user_version = {len(MIGRATIES) + 1}")
    db.commit()
    db.close()
    voor = register.read_bytes()
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-07-01")
    uit = " ".join(r.output.split())
    assert r.exit_code == 1, uit
    assert (
        f"{register}: het contractregister heeft schemaversie {len(MIGRATIES) + 1}, deze versie van evaluatie kent "
        f"tot {len(MIGRATIES)}: het is bijgewerkt door een nieuwere versie van evaluatie; gebruik die versie" in uit
    ), uit
    assert register.read_bytes() == voor

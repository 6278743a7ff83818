"""A contract runs two or three years and evaluatie is updated meanwhile. A register written by an older version
(tests/oud_register: schema version 1, made by commit ee081ad, see LEESMIJ.md there) was migrated by whatever command
opened it first, `contract stand` too, in place: no copy of the register as it was, and nothing in the register or on
the screen said that it had changed form. Now the first command copies it as it is next to it
(contract/register-schemaversie-1.sqlite), records every migration in the register (table schemamigratie, with the
copy's SHA-256) and says so with 'Let op'; what the old version recorded reads the same."""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from evaluatie.contract.dossier import controleer_dossier
from evaluatie.contract.schema import MIGRATIES
from evaluatie.werkmap import Werkmap
from tests.hulp import kopieer_voorbeeld
from tests.test_contract_toelating import _run

VOORBEELD = Path(__file__).parent.parent / "bids" / "voorbeeld"
OUD = Path(__file__).parent / "oud_register"


def _werkmap_met_oud_register(tmp_path: Path, register: str = "register-schemaversie-1.sqlite.gz") -> tuple[Path, Path]:
    """A copy of the example with the old award and the old register; also the old register alone, to compare."""
    ws = kopieer_voorbeeld(VOORBEELD, tmp_path / "ws")
    (ws / "rapporten").mkdir()
    (ws / "rapporten" / "gunning.json").write_bytes(gzip.decompress((OUD / "gunning.json.gz").read_bytes()))
    (ws / "contract").mkdir()
    oud = gzip.decompress((OUD / register).read_bytes())
    (ws / "contract" / "register.sqlite").write_bytes(oud)
    (tmp_path / "oud.sqlite").write_bytes(oud)
    return ws, tmp_path / "oud.sqlite"


def test_oud_register_wordt_bijgewerkt_na_een_kopie(tmp_path: Path) -> None:
    ws, oud = _werkmap_met_oud_register(tmp_path)
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2022-06-30", "--json")
    assert r.exit_code == 0, r.output
    uit = " ".join(r.output.split())
    kopie = ws / "contract" / "register-schemaversie-1.sqlite"
    sha = hashlib.sha256(kopie.read_bytes()).hexdigest()
    assert _inhoud(kopie) == _inhoud(oud)  # the register as the old one left it
    assert (
        f"Let op: {ws / 'contract' / 'register.sqlite'} had schemaversie 1 (geschreven door een eerdere versie van "
        f"evaluatie) en is bijgewerkt naar versie {len(MIGRATIES)}; er is niets uit verwijderd. Het register zoals het was, staat in "
        f"{kopie} (SHA-256 {sha}), en het register legt de bijwerking vast (tabel schemamigratie)." in uit
    )
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIES)
    rijen = db.execute("SELECT van, naar, reservekopie, sha256 FROM schemamigratie ORDER BY naar").fetchall()
    assert rijen == [(v, v + 1, "register-schemaversie-1.sqlite", sha) for v in range(1, len(MIGRATIES))]
    # what the old version recorded, read the same: 3 placements (one per lot), 10 extra B1 trajecten for EUR 90.000
    assert db.execute("SELECT COUNT(*) FROM gebeurtenis").fetchone()[0] == 4
    # version 11 rebuilt plaatsing: the same 3 placements with their ids, each its client's first, still append-only
    assert db.execute("SELECT id, volgnummer FROM plaatsing ORDER BY id").fetchall() == [(1, 1), (2, 1), (3, 1)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    for opdracht in ("UPDATE plaatsing SET klantnummer = 'X'", "DELETE FROM plaatsing"):
        with pytest.raises(sqlite3.IntegrityError, match="plaatsing: alleen toevoegen"):
            db.execute(opdracht)
    db.close()
    stand = json.loads(r.stdout)
    raam = {x["perceel"]: x for x in stand["raamovereenkomst"]}
    assert {c: x["gebruikt"] for c, x in raam.items()} == {"B1": 1, "Z": 1, "onderwijs": 1}
    assert raam["B1"]["max_trajecten"] == 294 + 10
    assert raam["B1"]["max_waarde"] == 2_940_000 + 90_000
    # a second command finds the current version: no second copy, nothing said
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2022-06-30")
    assert r.exit_code == 0, r.output
    assert "schemaversie" not in r.output
    assert sorted(p.name for p in (ws / "contract").glob("register-schemaversie-*")) == [kopie.name]
    for opdracht in (("kwartaal", "--kwartaal", "2022-K1"), ("dossier",)):
        r = _run("contract", *opdracht, "--werkmap", ws)
        assert r.exit_code == 0, r.output


def test_een_eerdere_kopie_wordt_niet_overschreven(tmp_path: Path) -> None:
    ws, oud = _werkmap_met_oud_register(tmp_path)
    eerder = ws / "contract" / "register-schemaversie-1.sqlite"
    eerder.write_bytes(b"een eerdere kopie")
    assert _run("contract", "stand", "--werkmap", ws, "--peildatum", "2022-06-30").exit_code == 0
    assert eerder.read_bytes() == b"een eerdere kopie"
    assert _inhoud(ws / "contract" / "register-schemaversie-1-2.sqlite") == _inhoud(oud)


def _inhoud(pad: Path) -> list[str]:
    """Every table, row and version of a register as SQL (a copy by SQLite's backup differs in header bytes only)."""
    db = sqlite3.connect(pad)
    try:
        return [*db.iterdump(), f"user_version {db.execute('PRAGMA user_version').fetchone()[0]}"]
    finally:
        db.close()


def test_het_dossier_bewaart_het_register_van_voor_de_bijwerking(tmp_path: Path) -> None:
    """The register in the dossier cites the copy of the register as it was (table schemamigratie: its name and
    SHA-256), but the dossier left the copy out: the contract file named a document it did not hold. It holds it now,
    and a copy that is gone or changed since the migration is an input error naming it, nothing written."""
    ws, oud = _werkmap_met_oud_register(tmp_path)
    assert _run("contract", "stand", "--werkmap", ws, "--peildatum", "2022-06-30").exit_code == 0
    kopie = ws / "contract" / "register-schemaversie-1.sqlite"
    sha = hashlib.sha256(kopie.read_bytes()).hexdigest()

    r = _run("contract", "dossier", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    dossier = ws / "contract" / "dossier"
    index = json.loads((dossier / "index.json").read_text(encoding="utf-8"))
    (stuk,) = [d for d in index["documenten"] if d["pad"] == "contract/register-schemaversie-1.sqlite"]
    assert stuk["sha256"] == sha and stuk["categorie"] == "Contract: register zoals het was vóór een schemamigratie"
    assert _inhoud(dossier / "contract" / "register-schemaversie-1.sqlite") == _inhoud(oud)
    assert controleer_dossier(Werkmap(ws)) == ({"contract/dossier": len(index["documenten"])}, [])

    # the copy changed or gone: refused with the file and the recorded SHA-256, the dossier as it was
    voor = (dossier / "index.json").read_bytes()
    kopie.write_bytes(b"iets anders")
    r = _run("contract", "dossier", "--werkmap", ws)
    uit = " ".join(r.output.split())
    assert r.exit_code == 2, uit
    assert (
        f"contract/register-schemaversie-1.sqlite: de kopie van het register met schemaversie 1, van voor de "
        f"bijwerking naar versie {len(MIGRATIES)}, heeft niet de SHA-256 die het register vastlegde ({sha})" in uit
    ), uit
    kopie.unlink()
    r = _run("contract", "dossier", "--werkmap", ws)
    assert r.exit_code == 2
    assert (
        f"contract/register-schemaversie-1.sqlite: de kopie van het register met schemaversie 1, van voor de "
        f"bijwerking naar versie {len(MIGRATIES)}, ontbreekt; het register noemt haar (SHA-256 {sha})"
        in " ".join(r.output.split())
    )
    assert (dossier / "index.json").read_bytes() == voor

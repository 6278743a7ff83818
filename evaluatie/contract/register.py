"""The contract register: one SQLite database in the werkmap, opened the same way everywhere.

Why SQLite: it is in the standard library, one file travels with the werkmap, and WAL mode lets a
report read while an import writes. The SQL is plain (no SQLite-only functions in queries), so a
server database could be added later without a rewrite. The schema is versioned with PRAGMA
user_version and a list of migrations applied in order (see evaluatie.contract.schema).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from evaluatie.contract.herlezing import VERSIE_MET_PRIJSREGEL, melding, vastgelegd
from evaluatie.contract.registerwacht import BESTAND, MAP, registerpad, terugdraaien
from evaluatie.contract.schema import MIGRATIES
from evaluatie.fouten import EvaluatieFout, Fout, InvoerFout
from evaluatie.schrijfwacht import SchrijfFout, maak_map
from evaluatie.tekst import aantal
from evaluatie.versie import __version__
from evaluatie.werkmap import Werkmap


class Registerverbinding(sqlite3.Connection):
    """A connection to a register, with what opening it said (`meldingen`): that an older register was brought to the
    current schema, and what the current rule makes of the indexaties recorded before (evaluatie.contract.herlezing).
    The contract commands print them as 'Let op' (neem_meldingen); a library caller of open_register finds them here,
    so the information never depends on which modules happen to be loaded."""

    meldingen: tuple[str, ...] = ()


def verbind(pad: Path) -> Registerverbinding:
    """Open (and migrate) a register; foreign keys on, WAL journal, explicit transactions."""
    maak_map(pad.parent)
    db = sqlite3.connect(pad, isolation_level=None, factory=Registerverbinding)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        try:
            migreer(db, pad)
        except MigratieFout as e:  # say which register
            raise InvoerFout([Fout(str(pad), e.melding)]) from None
        except EvaluatieFout as e:  # a newer schema: say which register
            raise EvaluatieFout([f"{pad}: {m}" for m in e.meldingen]) from None
    except BaseException:
        db.close()
        raise
    return db


def verbind_om_te_lezen(pad: Path) -> Registerverbinding:
    """Open a register only to read it, also where nothing may be written (a read-only werkmap or medium).

    WAL needs its -shm file next to the register; where that cannot be made and no -wal file is left
    (a cleanly closed register has none), the file is opened as immutable: SQLite then reads it as it is.
    """
    try:
        return verbind(pad)
    except (sqlite3.OperationalError, SchrijfFout):
        if not pad.is_file() or Path(f"{pad}-wal").exists():
            raise
    db = sqlite3.connect(
        f"{pad.resolve().as_uri()}?immutable=1", uri=True, isolation_level=None, factory=Registerverbinding
    )
    versie = int(db.execute("PRAGMA user_version").fetchone()[0])
    if versie != len(MIGRATIES):
        db.close()
        raise SchrijfFout(
            pad,
            f"het register (schemaversie {versie}, van een eerdere versie van evaluatie) moet worden bijgewerkt "
            f"naar versie {len(MIGRATIES)}, en dat kan hier niet; voer de opdracht uit in een werkmap waar evaluatie "
            "mag schrijven (het maakt eerst een kopie van het register zoals het is, en verwijdert er niets uit)",
        )
    return db


def migreer(db: sqlite3.Connection, pad: Path | None = None) -> int:
    """Apply every migration after the database's user_version, each in its own transaction. A register of a
    higher version was written by a newer evaluatie: refused, untouched.

    A contract runs two or three years and evaluatie is updated meanwhile. A register of an older version (`pad`,
    not a new one) is first copied as it is, next to it (`register-schemaversie-N.sqlite`, never over an existing
    file), and every migration is recorded in the register (table `schemamigratie`, from version 8 on) with that copy
    and its SHA-256: the register then says it changed form and where the one of before lies. What the command says
    about it is taken by `neem_meldingen` (the CLI prints it as 'Let op')."""
    versie = int(db.execute("PRAGMA user_version").fetchone()[0])
    if versie > len(MIGRATIES):
        raise EvaluatieFout(
            [
                f"het contractregister heeft schemaversie {versie}, deze versie van evaluatie kent tot "
                f"{len(MIGRATIES)}: het is bijgewerkt door een nieuwere versie van evaluatie; gebruik die versie "
                "(er is niets gewijzigd)"
            ]
        )
    if versie == len(MIGRATIES):
        return versie
    kopie = _reservekopie(db, pad, versie) if pad is not None and versie > 0 else None
    tijd = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    te_melden: list[tuple[int, int]] = []
    # a migration may rebuild a table others refer to (version 11: plaatsing), which SQLite only allows with foreign
    # keys off; they are checked before each migration commits, and switched back on after
    sleutels = int(db.execute("PRAGMA foreign_keys").fetchone()[0])
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        _migreer_vanaf(db, versie, kopie, tijd, te_melden)
    finally:
        db.execute(f"PRAGMA foreign_keys = {sleutels}")
    if kopie is not None and pad is not None:
        _HERLEZEN[pad] = versie
        _MELDINGEN.append(
            f"{pad} had schemaversie {versie} (geschreven door een eerdere versie van evaluatie) en is bijgewerkt naar "
            f"versie {len(MIGRATIES)}; er is niets uit verwijderd. Het register zoals het was, staat in "
            f"{kopie[0]} (SHA-256 {kopie[1]}), en het register legt de bijwerking vast (tabel schemamigratie)"
        )
    return len(MIGRATIES)


def _migreer_vanaf(
    db: sqlite3.Connection, versie: int, kopie: tuple[Path, str] | None, tijd: str, te_melden: list[tuple[int, int]]
) -> None:
    """Every step in one transaction: a step that fails leaves the register exactly as it was (its version too), never
    a register halfway between two versions."""
    db.execute("BEGIN")
    nummer = versie
    opdracht = ""
    try:
        for nummer in range(versie, len(MIGRATIES)):
            for opdracht in MIGRATIES[nummer]:
                db.execute(opdracht)
            if zonder_doel := db.execute("PRAGMA foreign_key_check").fetchall():
                db.execute("ROLLBACK")
                tabel, regel, doel = zonder_doel[0][:3]
                reden = (
                    f"daarna zou {aantal(str(len(zonder_doel)), 'verwijzing', 'verwijzingen')} naar een regel die niet "
                    f"bestaat in het register staan (de eerste: tabel {tabel}, regel {regel}, naar tabel {doel})"
                )
                raise MigratieFout(versie, nummer, reden, kopie)
            if kopie is not None:
                te_melden.append((nummer, nummer + 1))
                if nummer + 1 >= _VERSIE_MET_MIGRATIETABEL:
                    db.executemany(
                        "INSERT INTO schemamigratie (naar, van, tijd, evaluatie, reservekopie, sha256) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        [(naar, van, tijd, __version__, kopie[0].name, kopie[1]) for van, naar in te_melden],
                    )
                    te_melden.clear()
            db.execute(f"PRAGMA user_version = {nummer + 1}")
        db.execute("COMMIT")
    except sqlite3.Error as e:
        if db.in_transaction:
            db.execute("ROLLBACK")
        if _alleen_lezen(e):
            raise  # the reader's fallback says that the register cannot be brought forward here
        begin = " ".join(opdracht.split()[:3]) if opdracht else "het vastleggen van de bijwerking"
        raise MigratieFout(versie, nummer, f"{_in_woorden(e)} bij '{begin}'", kopie) from None


def _alleen_lezen(fout: sqlite3.Error) -> bool:
    """SQLite could not write (read-only file or medium, no permission): not a fault of the migration itself."""
    code = getattr(fout, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM)


_SQLITE_WOORDEN = (
    (re.compile(r"^table (\S+) already exists$"), "de tabel {0} bestaat al"),
    (re.compile(r"^index (\S+) already exists$"), "de index {0} bestaat al"),
    (re.compile(r"^trigger (\S+) already exists$"), "de trigger {0} bestaat al"),
    (re.compile(r"^no such table: (\S+)$"), "de tabel {0} bestaat niet"),
    (re.compile(r"^duplicate column name: (\S+)$"), "de kolom {0} bestaat al"),
    (re.compile(r"^UNIQUE constraint failed: (\S+)$"), "een regel met dezelfde {0} bestaat al"),
)


def _in_woorden(fout: sqlite3.Error) -> str:
    """SQLite's message as it is, with its meaning in Dutch where it is one we know."""
    tekst = str(fout)
    for patroon, woorden in _SQLITE_WOORDEN:
        gevonden = patroon.match(tekst)
        if gevonden:
            return f"SQLite meldt '{tekst}' ({woorden.format(*gevonden.groups())})"
    naam = getattr(fout, "sqlite_errorname", None)
    return f"SQLite meldt '{tekst}'" + (f" ({naam})" if naam else "")


class MigratieFout(InvoerFout):
    """A migration step failed for another reason than a register that cannot be written (exit 2): the register's
    content does not match its schema version. Everything was rolled back; the copy made before stays."""

    def __init__(self, versie: int, nummer: int, reden: str, kopie: tuple[Path, str] | None) -> None:
        tekst = (
            f"de bijwerking van schemaversie {nummer} naar {nummer + 1} is mislukt: {reden}. De bijwerking is "
            f"teruggedraaid: het register is ongewijzigd (schemaversie {versie})"
        )
        if kopie is not None:
            tekst += f". Er is eerst een kopie gemaakt: {kopie[0]} (SHA-256 {kopie[1]})"
        tekst += (
            f". De inhoud van het register past niet bij schemaversie {versie}; zet een back-up terug of laat het "
            "register onderzoeken voordat u verder werkt"
        )
        self.melding = tekst
        super().__init__([Fout("", tekst)])


_VERSIE_MET_MIGRATIETABEL = 8  # schema.py, _V8: from this version on a migration is recorded in the register
_MELDINGEN: list[str] = []
_HERLEZEN: dict[Path, int] = {}  # a register just migrated, and its version before: its indexaties are read anew


def _zeg_herlezing(db: sqlite3.Connection, pad: Path) -> None:
    """After a migration (and the completion of a version 1 register): say what the current rule makes of the
    indexaties recorded before it (evaluatie.contract.herlezing), once, and record it in the register (table
    schemaherlezing, schema version 12) for every migration from schema version 7 or lower that has no record yet
    (also one made by an earlier version of evaluatie, which only said it). Its own transaction after the migration's:
    reading the register needs the procedure of every lot, which `vul_procedures` completes after the migration."""
    van = _HERLEZEN.pop(pad, None)
    if van is None:
        return
    tekst = melding(db, van, f"{pad} (schemaversie {van})")
    if tekst is not None:
        _MELDINGEN.append(tekst)
    open_ = db.execute(
        "SELECT MIN(m.van), MAX(m.naar), m.reservekopie FROM schemamigratie m GROUP BY m.reservekopie "
        f"HAVING MIN(m.van) <= {VERSIE_MET_PRIJSREGEL} AND MAX(m.naar) NOT IN (SELECT naar FROM schemaherlezing) "
        "ORDER BY MAX(m.naar)"
    ).fetchall()
    if not open_:
        return
    rijen = [(int(naar), int(v), vastgelegd(db, int(v), pad.parent / str(kopie))) for v, naar, kopie in open_]
    db.execute("BEGIN")
    try:
        db.executemany("INSERT INTO schemaherlezing (naar, van, tekst) VALUES (?, ?, ?)", rijen)
        db.execute("COMMIT")
    except BaseException:
        terugdraaien(db)
        raise


def neem_meldingen() -> list[str]:
    """What the migrations of this process did (a register brought to the current version), each said once."""
    uit = list(_MELDINGEN)
    _MELDINGEN.clear()
    return uit


def _reservekopie(db: sqlite3.Connection, pad: Path, versie: int) -> tuple[Path, str]:
    """Copy the register as it is (SQLite's backup, consistent with a -wal file) to a new file next to it, before a
    migration changes it: `register-schemaversie-N.sqlite`, or with -2, -3, ... where that exists (never over an
    earlier copy). Returns the copy and its SHA-256. A copy that cannot be written stops the migration."""
    from evaluatie.hashing import sha256_bestand

    doel = pad.parent / f"register-schemaversie-{versie}.sqlite"
    n = 1
    while doel.exists() or Path(f"{doel}-wal").exists():
        n += 1
        doel = pad.parent / f"register-schemaversie-{versie}-{n}.sqlite"
    kopie = sqlite3.connect(doel, isolation_level=None)
    try:
        db.backup(kopie)
        kopie.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
    finally:
        kopie.close()
    return doel, sha256_bestand(doel)


def open_register(werkmap: Werkmap, moet_bestaan: bool = True, alleen_lezen: bool = False) -> Registerverbinding:
    """The werkmap's register; `alleen_lezen` for commands that only read (they work on a read-only werkmap). What
    opening it said (a migration, old indexaties read anew) is on the connection (`meldingen`) as well as in
    neem_meldingen."""
    pad = registerpad(werkmap)
    if pad.is_dir():
        raise InvoerFout(
            [
                Fout(
                    werkmap.relatief(pad),
                    "is een map, geen registerbestand; het register is één SQLite-bestand. Zet het bestand terug "
                    f"(bijvoorbeeld {MAP}/dossier/{MAP}/{BESTAND}) of verplaats de map, er is niets gewijzigd",
                )
            ]
        )
    if not pad.is_file() or pad.stat().st_size == 0:
        _niet_verloren(werkmap, pad, "ontbreekt" if not pad.exists() else "is leeg")
    if moet_bestaan and not pad.is_file():
        raise EvaluatieFout(
            [f"{werkmap.relatief(pad)} bestaat nog niet; begin het contract met 'evaluatie contract start'"]
        )
    eerder = len(_MELDINGEN)
    db = verbind_om_te_lezen(pad) if alleen_lezen else verbind(pad)
    try:
        vul_procedures(db, werkmap)
        _zeg_herlezing(db, pad)
        db.meldingen = tuple(_MELDINGEN[eerder:])
    except BaseException:
        db.close()
        raise
    return db


def _niet_verloren(werkmap: Werkmap, pad: Path, toestand: str) -> None:
    """Refuse a register that is gone or empty in a werkmap whose contract was started and used: 'not started yet'
    would be false, and a new start would begin an empty register over the deliveries, decisions and published
    reports of the contract. A start whose register was removed before anything was recorded may be made again."""
    from evaluatie.logboek import lees

    regels = lees(werkmap).regels
    starts = [r for r in regels if r["commando"] == "contract start"]
    if not starts:
        return
    na_start = [r["commando"] for r in regels[regels.index(starts[0]) + 1 :] if r["commando"].startswith("contract ")]
    aanleveringen = pad.parent / "aanleveringen"
    bewaard = sorted(p.name for p in aanleveringen.iterdir()) if aanleveringen.is_dir() else []
    gebruikt = [c for c in na_start if c != "contract start"]
    if not (gebruikt or bewaard):
        return
    sporen = []
    if bewaard:
        sporen.append(f"{aantal(str(len(bewaard)), 'bestand', 'bestanden')} in {MAP}/aanleveringen")
    if gebruikt:
        sporen.append(
            f"{aantal(str(len(gebruikt)), 'contractopdracht', 'contractopdrachten')} na de start in "
            f"{werkmap.logboek.name}"
        )
    raise InvoerFout(
        [
            Fout(
                werkmap.relatief(pad),
                f"het register {toestand}, maar het contract is al begonnen en gebruikt ('contract start' van "
                f"{starts[-1]['tijd']} in {werkmap.logboek.name}; {' en '.join(sporen)}). Zet het register terug, "
                f"bijvoorbeeld {MAP}/dossier/{MAP}/{BESTAND} of een back-up; een nieuwe 'evaluatie contract start' "
                "zou een leeg register beginnen naast de aanleveringen, besluiten en rapporten van dit contract",
            )
        ]
    )


def schrijf_toewijzing(db: sqlite3.Connection, rijen: Iterable[tuple[Any, ...]]) -> None:
    """Allocation rows (besluit_id, perceel, gemeente, leverancier, jaar, aantal) under the decision that sets them:
    start, toetreding, herverdeling, wijziging and aansluiting all write the same table the same way."""
    db.executemany(
        "INSERT INTO toewijzing (besluit_id, perceel, gemeente, leverancier, jaar, aantal) VALUES (?, ?, ?, ?, ?, ?)",
        rijen,
    )


def vul_procedures(db: sqlite3.Connection, werkmap: Werkmap) -> None:
    """Complete a register started under schema version 1 with the procedure of every lot (version 2).

    The procedure comes from the award the contract was started from, and only from that one: the
    gunning.json whose SHA-256 the register holds. A register that cannot be written stays as it is;
    reading it then says what is missing (evaluatie.contract.lezen)."""
    import json

    from evaluatie.contract.basis import gunningpad
    from evaluatie.hashing import sha256_bestand

    open_ = [
        r[0] for r in db.execute("SELECT code FROM perceel WHERE code NOT IN (SELECT perceel FROM perceelprocedure)")
    ]
    if not open_:
        return
    contract = db.execute("SELECT gunning_sha256 FROM contract").fetchone()
    pad = gunningpad(werkmap)
    if contract is None or not pad.is_file() or sha256_bestand(pad) != contract[0]:
        raise EvaluatieFout(
            [
                f"het contractregister is begonnen met een eerdere versie van evaluatie en zegt niet of perceel "
                f"{', '.join(open_)} een gunning of een toelating (open house) is; dat staat in de gunning waarmee "
                f"het contract begon, maar {werkmap.relatief(pad)} is die gunning niet meer. Zet die gunning terug "
                "('evaluatie gunning' met de invoer van de start geeft haar byte voor byte terug)"
            ]
        )
    percelen = json.loads(pad.read_text(encoding="utf-8"))["percelen"]
    try:
        db.execute("BEGIN")
        db.executemany(
            "INSERT INTO perceelprocedure (perceel, procedure) VALUES (?, ?)",
            [(code, percelen[code]["procedure"]) for code in open_],
        )
        db.execute("COMMIT")
    except sqlite3.OperationalError:  # read-only: leave it to the reader to say what is missing
        if db.in_transaction:
            db.execute("ROLLBACK")

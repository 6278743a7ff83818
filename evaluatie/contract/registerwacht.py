"""The write guard for the contract register: a SQLite failure becomes a message in Dutch, never a traceback.

Why a module of its own: evaluatie.schrijfwacht guards files written whole; the register is written by
SQLite, which reports a full disk, a read-only folder, a damaged file or a second writer as
sqlite3.Error with an English text. Here each such failure gets the register's path and its reason in
Dutch, with the exit codes of the whole tool: a failed write or an unreadable register is exit 2
(like SchrijfFout), a register in use by another process exit 1 (like a werkmap lock held by another).
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, cast

from evaluatie.fouten import EvaluatieFout, Fout, InvoerFout
from evaluatie.schrijfwacht import SchrijfFout
from evaluatie.werkmap import Werkmap

MAP = "contract"
BESTAND = "register.sqlite"


def registerpad(werkmap: Werkmap) -> Path:
    """Where the werkmap's register lies. Here, not in evaluatie.contract.register: the guard needs it, and the register
    module reads the register (evaluatie.contract.herlezing, lezen, publicatie), which uses this guard."""
    return werkmap.root / MAP / BESTAND


_SCHRIJVEN = {
    sqlite3.SQLITE_FULL: "de schijf is vol",
    sqlite3.SQLITE_READONLY: "het register of zijn map is alleen-lezen",
    sqlite3.SQLITE_CANTOPEN: "het register kan niet worden geopend of aangemaakt (geen schrijfrechten in de map?)",
    sqlite3.SQLITE_IOERR: "invoer-/uitvoerfout van de schijf (vol of beveiligd?)",
    sqlite3.SQLITE_PERM: "geen toestemming om het register te openen",
}
_ONLEESBAAR = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
_BEZET = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def vertaal(pad: Path, fout: sqlite3.Error) -> Exception:
    """The error to raise for `fout` on the register at `pad`."""
    code = (getattr(fout, "sqlite_errorcode", None) or 0) & 0xFF
    if code in _SCHRIJVEN:
        return SchrijfFout(pad, _SCHRIJVEN[code])
    if code in _ONLEESBAAR:
        return InvoerFout(
            [
                Fout(
                    str(pad),
                    "is geen leesbaar contractregister (beschadigd, of geen SQLite-database); "
                    "zet een kopie terug, bijvoorbeeld contract/register.sqlite uit contract/dossier/",
                )
            ]
        )
    if code in _BEZET:
        return EvaluatieFout(
            [f"{pad}: het register is in gebruik door een ander proces; er is niets vastgelegd. Probeer het opnieuw."]
        )
    if code == sqlite3.SQLITE_CONSTRAINT:
        return EvaluatieFout(
            [
                f"{pad}: het register weigert deze wijziging (het is alleen-toevoegen en blijft consistent); "
                "er is niets vastgelegd"
            ]
        )
    naam = getattr(fout, "sqlite_errorname", None) or type(fout).__name__
    return EvaluatieFout([f"{pad}: fout van het register (SQLite {naam}); er is niets vastgelegd"])


@contextmanager
def registerwacht(pad: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as e:
        raise vertaal(pad, e) from None


F = TypeVar("F", bound=Callable[..., Any])


def bewaakt_register(f: F) -> F:
    """Run a contract action (first argument: the werkmap) with every SQLite failure translated."""

    @functools.wraps(f)
    def omhulsel(werkmap: Any, *args: Any, **kwargs: Any) -> Any:
        with registerwacht(registerpad(werkmap)):
            return f(werkmap, *args, **kwargs)

    return cast(F, omhulsel)


def terugdraaien(db: sqlite3.Connection) -> None:
    """Roll back an open transaction after a failure. SQLite itself already rolled back after some
    failures (a full disk, an I/O error); a second ROLLBACK would then raise 'no transaction is active'
    and hide the real reason."""
    if db.in_transaction:
        db.execute("ROLLBACK")

"""Indexaties recorded before the current rule, read by it after a schema migration.

Until 5 December 2026 (commit 2cf0ba9, schema version 7) an indexatie given as an amount changed no price; a register
of schema version 1 (up to 4 December 2026, 19:27) also left the maximum in euro as it was. Since then an indexatie
raises (or lowers) the maximum by its value from its day, and the prices of what can still be called off by
1 + value / room on that day (evaluatie.contract.indexatie). A register of version 6 or lower was last written by a
version with the old rule, so every indexatie in it reads differently now. Schema version 7 was written by versions
with the old rule (from cc5d6a5) and with the current one (from 2cf0ba9, until version 8 came with 96c33fa), and the
register records neither the version nor the time that wrote a decision (2cf0ba9 recorded an indexatie the same way):
which rule an indexatie in a version 7 register was recorded under cannot be known from it, and the message says
exactly that. The migration that brings such a register forward says so once ('Let op'), with the figures the current
rule gives, so that nothing changes in silence, and records it in the register (table schemaherlezing, `vastgelegd`).

Imported by evaluatie.contract.register (the migration says it), so this module never imports that one."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from evaluatie.contract.indexatie import afroepen, indexaties, procent
from evaluatie.contract.lezen import lees_register
from evaluatie.contract.registerwacht import MAP
from evaluatie.tekst import aantal, euro

VERSIE_MET_PRIJSREGEL = 7
"""A register of a lower schema version holds only indexaties recorded under the old rule (no price changed); one of
this version may hold indexaties recorded under either rule; one of a higher version only under the current rule."""


def melding(
    db: sqlite3.Connection, van: int, naam: str, tot_besluit: int | None = None, werkwoord: str = "houdt"
) -> str | None:
    """What the current rule makes of the indexaties register `naam` (its subject, with its version) of schema version
    `van` (<= 7) holds (with
    `tot_besluit`: only those of a decision up to that number, the ones recorded before the migration); None if
    none."""
    if van > VERSIE_MET_PRIJSREGEL:
        return None
    if db.execute("SELECT 1 FROM wijziging WHERE soort = 'indexatie' LIMIT 1").fetchone() is None:
        return None  # nothing to read anew: the register is not read here at all
    reg = lees_register(db)
    einde = dt.date.max
    delen = []
    for code, p in reg.percelen.items():
        if p.raam_waarde is None:  # an open house has no maximum and no price to index
            continue
        a = [(d, prijs) for d, prijs, _ in afroepen(reg, code, einde)]
        for x in indexaties(reg, code, einde, a):
            besluit = db.execute(
                "SELECT MIN(w.besluit_id) FROM wijziging w JOIN besluit b ON b.id = w.besluit_id "
                "WHERE w.soort = 'indexatie' AND w.perceel = ? AND b.datum = ? AND w.waarde = ?",
                (code, x.datum.isoformat(), x.waarde),
            ).fetchone()[0]
            if tot_besluit is not None and besluit > tot_besluit:
                continue
            prijs = (
                f"plaatsingen vanaf die dag tellen tegen {procent(x.factor)} van de prijs van daarvoor (1 + "
                f"{euro(x.waarde)} / {euro(x.ruimte)}, wat op die dag nog kon worden afgeroepen)"
                if x.factor is not None
                else f"er volgt geen prijs uit (op die dag kon nog {euro(x.ruimte)} worden afgeroepen)"
            )
            delen.append(
                f"{p.naam}, indexatie van {x.datum.strftime('%d-%m-%Y')} ({euro(x.waarde)}, besluit {besluit}): het "
                f"maximum gaat van {euro(x.maximum)} naar {euro(x.maximum + x.waarde)}, en {prijs}"
            )
    if not delen:
        return None
    een = len(delen) == 1
    ze = "haar" if een else "ze"
    wat = aantal(str(len(delen)), "indexatie", "indexaties")
    if van == VERSIE_MET_PRIJSREGEL:
        kop = (
            f"{naam} {werkwoord} {wat} van voor de schemamigratie; schemaversie 7 is geschreven door versies van "
            "evaluatie met de vorige regel (een indexatie liet de prijzen ongewijzigd) en door versies met de huidige, "
            "en het register legt niet vast welke versie een besluit vastlegde: onder welke regel "
            f"{'zij is' if een else 'ze zijn'} vastgelegd, is uit het register niet te weten. Deze versie leest {ze} "
            "met de huidige regel"
        )
    else:
        vroeger = "het maximum en de prijzen ongewijzigd" if van == 1 else "de prijzen ongewijzigd"
        kop = (
            f"{naam} {werkwoord} {wat} die {'is' if een else 'zijn'} vastgelegd vóór de huidige regel; de versie van "
            f"evaluatie die {ze} vastlegde, liet {vroeger}, deze versie leest {ze} met de huidige regel"
        )
    return (
        f"{kop} (een indexatie wijzigt vanaf haar datum het maximum met haar waarde en de prijs van wat nog kan worden "
        "afgeroepen met 1 + waarde / ruimte): " + "; ".join(delen)
    )


def vastgelegd(db: sqlite3.Connection, van: int, kopie: Path) -> str:
    """What the register records (table schemaherlezing) for its migration from schema version `van` (<= 7), whose
    copy of before is `kopie`: `melding` over the indexaties of the decisions in that copy (those recorded before the
    migration), named as the dossier names them; said also when there was none, or when the copy cannot be read (then
    which decisions came before the migration is not known, and the text says so instead of guessing)."""
    naam = f"het register van voor de bijwerking, {MAP}/{kopie.name} (schemaversie {van}),"
    try:
        oud = sqlite3.connect(f"{kopie.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            tot = oud.execute("SELECT MAX(id) FROM besluit").fetchone()[0]
        finally:
            oud.close()
    except sqlite3.Error:
        return (
            f"H{naam[1:-1]}, is niet te lezen: welke indexaties vóór de bijwerking zijn vastgelegd, is niet te zeggen; "
            "deze versie leest iedere indexatie met de huidige regel"
        )
    tekst = melding(db, van, naam, tot or 0, "hield")
    if tekst is None:
        return f"H{naam[1:-1]}, hield geen indexatie die deze versie anders leest dan de versie die haar vastlegde"
    return f"{tekst[0].upper()}{tekst[1:]}"

"""Indexaties recorded before the current rule, read by it after a schema migration.

Until 5 December 2026 (commit 2cf0ba9, schema version 7) an indexatie given as an amount changed no price; a register
of schema version 1 (up to 4 December 2026, 19:27) also left the maximum in euro as it was. Since then an indexatie
raises (or lowers) the maximum by its value from its day, and the prices of what can still be called off by
1 + value / room on that day (evaluatie.contract.indexatie). A register of version 6 or lower was last written by a
version with the old rule, so every indexatie in it reads differently now; the migration that brings it forward says
so once ('Let op'), with the figures the current rule gives, so that nothing changes in silence."""

from __future__ import annotations

import datetime as dt
import sqlite3

from evaluatie.contract.indexatie import afroepen, indexaties, procent
from evaluatie.contract.lezen import lees_register
from evaluatie.contract.register import na_bijwerking
from evaluatie.tekst import aantal, euro

VERSIE_MET_PRIJSREGEL = 7
"""A register of a lower schema version holds only indexaties recorded under the old rule (no price changed)."""


def melding(
    db: sqlite3.Connection, van: int, naam: str, tot_besluit: int | None = None, werkwoord: str = "houdt"
) -> str | None:
    """What the current rule makes of the indexaties register `naam` (its subject, with its version) of schema version
    `van` (< 7) holds (with
    `tot_besluit`: only those of a decision up to that number, the ones recorded before the migration); None if
    none."""
    if van >= VERSIE_MET_PRIJSREGEL:
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
    vroeger = "het maximum en de prijzen ongewijzigd" if van == 1 else "de prijzen ongewijzigd"
    een = len(delen) == 1
    return (
        f"{naam} {werkwoord} {aantal(str(len(delen)), 'indexatie', 'indexaties')} die "
        f"{'is' if een else 'zijn'} vastgelegd vóór de huidige regel; de versie van evaluatie die "
        f"{'haar' if een else 'ze'} vastlegde, liet {vroeger}, deze versie leest {'haar' if een else 'ze'} met de "
        "huidige regel (een indexatie wijzigt vanaf haar datum het maximum "
        "met haar waarde en de prijs van wat nog kan worden afgeroepen met 1 + waarde / ruimte): " + "; ".join(delen)
    )


na_bijwerking(melding)  # the migration in evaluatie.contract.register says it (it cannot import this module)

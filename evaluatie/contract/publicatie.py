"""What the published quarterly reports showed, as the register records it (schema version 7).

Why: every person count of a quarterly report is decided against everything published before
(`evaluatie.contract.openbaar`), and that used to be a replay of the earlier quarters from the register as it is now.
When the register changes for a quarter already published - a correction read in later, a withdrawal or a
herverdeling or contractwijziging dated back - the replay gives other figures than the ones the earlier report
showed, and a reader who holds that report could subtract: published 7 then, 11 now, so 4 persons. So `contract
kwartaal` records what it published (per report the quarter, which report - a gemeente, or 'regio' for every figure
of the whole region, also where a gemeente's report shows it - every shown figure with its key, the days it counts
and the number; only figures, never a client number), and the replay treats those figures as known.

A re-made report of a quarter with the same register shows the same figures, and is recorded no second time. One
whose figures differ (the register changed for that quarter) is a new publication: recorded with the next number,
weighed against the earlier one, and it says in words that it replaces the earlier one of that day; the reports of the
earlier one stay next to it (evaluatie.contract.kwartaal).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Sleutel = tuple[str, ...]
MAAND = "maand"  # the last element of the key of a point of the framework line: ('T', lot, 'maand')


@dataclass(frozen=True, order=True)
class Cijfer:
    """One shown person count: the count of series `reeks` over `van` (first day counted; None: every event up to
    `tot`, the outcomes per supplier) up to and including `tot`. A row left out of a table (no allocation, nobody
    placed) says 0, and is recorded as a 0."""

    rapport: (
        str  # the gemeente whose report shows it, or 'regio': the region's report (and every report's regional tables)
    )
    sleutel: Sleutel  # the cell's key (evaluatie.contract.openbaar), a point of the line ('T', lot, 'maand')
    van: dt.date | None
    tot: dt.date
    waarde: int

    @property
    def reeks(self) -> Sleutel:
        """The series the figure counts (one gemeente x lot x supplier, a total, an outcome of a supplier)."""
        return self.sleutel if self.sleutel[0] == "P" else self.sleutel[:-1]

    @property
    def a(self) -> int:
        """The day before the first one counted, as an ordinal (0: from the very first event)."""
        return 0 if self.van is None else self.van.toordinal() - 1

    @property
    def b(self) -> int:
        return self.tot.toordinal()


@dataclass(frozen=True)
class Publicatie:
    kwartaal: str  # '2026-K3'
    volgnummer: int  # 1, or the number of a publication that replaces the one before it
    peildatum: dt.date
    datum: dt.date  # the day the reports were made
    cijfers: frozenset[Cijfer]


def kwartaalnaam(eerste: dt.date) -> str:
    """The quarter as the register records it, however --kwartaal was typed ('2023-k2', '2023-Q2')."""
    return f"{eerste.year}-K{(eerste.month - 1) // 3 + 1}"


def lees(db: sqlite3.Connection) -> list[Publicatie]:
    """Every recorded publication, in the order recorded."""
    per: dict[int, list[Cijfer]] = {}
    for pid, rapport, sleutel, van, tot, waarde in db.execute(
        "SELECT publicatie_id, rapport, sleutel, van, tot, waarde FROM publicatiecijfer"
    ):
        per.setdefault(int(pid), []).append(
            Cijfer(
                rapport,
                tuple(json.loads(sleutel)),
                dt.date.fromisoformat(van) if van else None,
                dt.date.fromisoformat(tot),
                int(waarde),
            )
        )
    return [
        Publicatie(k, int(n), dt.date.fromisoformat(p), dt.date.fromisoformat(d), frozenset(per.get(int(i), [])))
        for i, k, n, p, d in db.execute("SELECT id, kwartaal, volgnummer, peildatum, datum FROM publicatie ORDER BY id")
    ]


def van_kwartaal(publicaties: Sequence[Publicatie], kwartaal: str) -> list[Publicatie]:
    return sorted((p for p in publicaties if p.kwartaal == kwartaal), key=lambda p: p.volgnummer)


def plaats(
    publicaties: Sequence[Publicatie], kwartaal: str, cijfers: Iterable[Cijfer]
) -> tuple[int, Publicatie | None]:
    """The number of a publication of `kwartaal` showing `cijfers`, and the publication it replaces (None for the
    first): the same figures as the last one recorded are that publication again (a report made again with the same
    register); other figures are the next one."""
    eerder = van_kwartaal(publicaties, kwartaal)
    if eerder and eerder[-1].cijfers == frozenset(cijfers):
        return eerder[-1].volgnummer, eerder[-2] if len(eerder) > 1 else None
    return len(eerder) + 1, eerder[-1] if eerder else None


def vervangt_zin(vorige: Publicatie | None) -> str:
    """What a report says when it replaces an earlier publication of its quarter ('' when it does not)."""
    if vorige is None:
        return ""
    from evaluatie.tekst import datum

    return (
        f"Deze rapportage vervangt de kwartaalrapportage van dit kwartaal die op {datum(vorige.datum)} is gemaakt "
        f"(publicatie {vorige.volgnummer}): het contractregister is sindsdien gewijzigd voor dit kwartaal of een "
        "eerder kwartaal (een late aanlevering, of een besluit met een eerdere datum), zodat niet meer dezelfde "
        "aantallen kunnen worden getoond. Ieder aantal hier is ook afgewogen tegen wat de eerdere "
        "rapportages toonden: geen getoond aantal verschilt 1 tot 4 personen van een eerder getoond aantal van "
        "dezelfde reeks, ook niet via een keten van verschillen."
    )


def leg_vast(
    db: sqlite3.Connection, kwartaal: str, peildatum: dt.date, datum: dt.date, cijfers: Iterable[Cijfer]
) -> tuple[int, bool]:
    """Record a publication (in its own transaction) unless the last one of the quarter showed exactly these figures;
    its number, and whether it is recorded now."""
    lijst = sorted(cijfers)
    eerder = lees(db)
    nummer, _ = plaats(eerder, kwartaal, lijst)
    if any(p.volgnummer == nummer for p in van_kwartaal(eerder, kwartaal)):
        return nummer, False
    db.execute("BEGIN")
    try:
        pid = db.execute(
            "INSERT INTO publicatie (kwartaal, peildatum, datum, volgnummer) VALUES (?, ?, ?, ?)",
            (kwartaal, peildatum.isoformat(), datum.isoformat(), nummer),
        ).lastrowid
        db.executemany(
            "INSERT INTO publicatiecijfer (publicatie_id, rapport, sleutel, van, tot, waarde) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (pid, c.rapport, json.dumps(list(c.sleutel), ensure_ascii=False), c.van.isoformat() if c.van else None,
                 c.tot.isoformat(), c.waarde)
                for c in lijst
            ],
        )  # fmt: skip
        db.execute("COMMIT")
    except BaseException:
        from evaluatie.contract.registerwacht import terugdraaien

        terugdraaien(db)
        raise
    return nummer, True

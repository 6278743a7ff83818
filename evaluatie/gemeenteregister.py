"""The bundled register of Dutch gemeenten and arbeidsmarktregio's (criteria/gemeenten/).

Data, not code: `gemeenten-2026.csv` is the CBS gemeentelijke indeling per 1 January 2026 with
each gemeente's province and arbeidsmarktregio; `herindelingen.csv` lists the gemeenten
dissolved since 1 January 2019 and where they went, so an old name gets a clear message.
The README ("Register van gemeenten") names the sources and what was left out.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from evaluatie.werkmap import criteria_map

PEILDATUM = dt.date(2026, 1, 1)
BRON = "CBS, Gebieden in Nederland 2026: gemeentelijke indeling per 1 januari 2026 en de 35 arbeidsmarktregio's"


@dataclass(frozen=True)
class RegisterGemeente:
    cbscode: str
    naam: str
    provincie: str
    arbeidsmarktregio_code: str
    arbeidsmarktregio: str


@dataclass(frozen=True)
class Herindeling:
    """A gemeente that no longer exists: dissolved on `opgeheven_per` into `opgegaan_in`."""

    cbscode: str
    naam: str
    opgeheven_per: dt.date
    opgegaan_in: tuple[str, ...]


def _map() -> Path:
    return criteria_map() / "gemeenten"


def _rijen(bestand: str) -> list[dict[str, str]]:
    with (_map() / bestand).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@cache
def gemeenten() -> tuple[RegisterGemeente, ...]:
    """All gemeenten on the reference date, in alphabetical order of name."""
    rijen = [RegisterGemeente(**r) for r in _rijen(f"gemeenten-{PEILDATUM.year}.csv")]
    return tuple(sorted(rijen, key=lambda g: g.naam.lower()))


@cache
def herindelingen() -> tuple[Herindeling, ...]:
    return tuple(
        Herindeling(
            cbscode=r["cbscode"],
            naam=r["naam"],
            opgeheven_per=dt.date.fromisoformat(r["opgeheven_per"]),
            opgegaan_in=tuple(r["opgegaan_in"].split(";")),
        )
        for r in _rijen("herindelingen.csv")
    )


@cache
def arbeidsmarktregios() -> dict[str, tuple[RegisterGemeente, ...]]:
    """Regio name -> its gemeenten (alphabetical), regio's in alphabetical order."""
    regios: dict[str, list[RegisterGemeente]] = {}
    for g in gemeenten():
        regios.setdefault(g.arbeidsmarktregio, []).append(g)
    return {naam: tuple(regios[naam]) for naam in sorted(regios, key=str.lower)}


def gemeente(naam: str) -> RegisterGemeente | None:
    """Exact register name (after gemeentenamen.zoek has resolved the spelling)."""
    return next((g for g in gemeenten() if g.naam == naam), None)

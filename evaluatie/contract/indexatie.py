"""What an indexatie does to the prices of a framework agreement: the factor on the contract prices from its date.

Why: `contract wijziging --soort indexatie --waarde X` records what the change adds to the agreement's value (or takes
from it, X < 0), and the maximum value moves by X from its date. The used value counted every placement at its contract
price, so after a price cut of EUR 100.000 the stand read '405.000 van 400.000 (101,3%)' with trajecten to spare and
'uitgeput bij dit tempo' in the future: the maximum had dropped for prices the placements no longer paid. A placement
costs the price that applied on its day. An indexatie changes the price of what can still be called off, so its value
is that change over the room left on its day: the maximum value then (the initial value and every change dated before,
or earlier the same day) minus the value used before that day (each placement at the price of its own day). The
prices from that day on are the contract prices times 1 + X / room, and with every trajectory of the room called off
at those prices the used value meets the new maximum. A later indexatie multiplies on the earlier ones.

Without room (none left, or a cut of at least the room) no price follows from the indexatie; `contract wijziging`
refuses such a one, and for one recorded before that check the stand says it left the prices as they were.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from evaluatie.tekst import euro, getal

if TYPE_CHECKING:
    from evaluatie.contract.lezen import Register


@dataclass(frozen=True)
class Indexatie:
    """One indexatie of a lot as the used value counts it."""

    datum: dt.date
    waarde: float
    maximum: float  # the maximum value just before it
    gebruikt: float  # the value used before its day, at the prices of each placement's day
    factor: float | None  # on the prices in force before it, from its day on; None: no room to derive one from

    @property
    def ruimte(self) -> float:
        return round(self.maximum - self.gebruikt, 2)

    def zin(self) -> str:
        """The stand's sentence: which room the indexatie was read against, and the prices that follow."""
        kop = (
            f"Indexatie van {self.datum.strftime('%d-%m-%Y')} ({euro(self.waarde)}): op die dag kon nog "
            f"{euro(self.ruimte)} worden afgeroepen (het maximum {euro(self.maximum)} min {euro(self.gebruikt)} "
            "gebruikt)"
        )
        if self.factor is None:
            return (
                f"{kop}; daaruit volgt geen prijs (geen ruimte, of een verlaging van ten minste die ruimte), dus telt "
                "de gebruikte waarde de plaatsingen vanaf die dag tegen de prijs van daarvoor."
            )
        return f"{kop}; plaatsingen vanaf die dag tellen tegen {procent(self.factor)} van de prijs van daarvoor."

    def kort(self) -> str:
        """Without the figures of the room (a report where they would show a number of placements)."""
        return (
            f"Indexatie van {self.datum.strftime('%d-%m-%Y')} ({euro(self.waarde)}): de gebruikte waarde telt de "
            "plaatsingen vanaf die dag tegen de prijs van die dag."
        )

    def als_json(self) -> dict[str, object]:
        return {
            "datum": self.datum.isoformat(),
            "waarde": self.waarde,
            "maximum": self.maximum,
            "gebruikt": self.gebruikt,
            "ruimte": self.ruimte,
            "prijsfactor": None if self.factor is None else round(self.factor, 6),
        }


def procent(f: float) -> str:
    """0.85 -> '85,00%'; 0.9234567 -> '92,35%'."""
    return f"{getal(100 * f, 2)}%"


def factor(ruimte: float, waarde: float) -> float | None:
    """1 + waarde / ruimte, or None when that is no price: no room left, or a cut of at least the room."""
    if ruimte <= 0 or waarde <= -ruimte:
        return None
    return 1 + waarde / ruimte


def indexaties(
    reg: Register, code: str, peildatum: dt.date, afroepen: Sequence[tuple[dt.date, float]]
) -> list[Indexatie]:
    """Every indexatie of lot `code` dated up to peildatum, in the order recorded, with its factor; `afroepen` are
    the placements that count against the maximum (their day, their contract price)."""
    p = reg.percelen[code]
    assert p.raam_waarde is not None
    wijzigingen = [(i, d, w) for i, (c, d, w, _) in enumerate(reg.wijzigingen) if c == code and d <= peildatum]
    uit: list[Indexatie] = []
    for i, d, w in wijzigingen:
        if reg.wijzigingsoorten[i] != "indexatie":
            continue
        maximum = round(p.raam_waarde + sum(w2 for j, d2, w2 in wijzigingen if d2 < d or (d2 == d and j < i)), 2)
        gebruikt = round(gebruikte_waarde(uit, [(dag, prijs) for dag, prijs in afroepen if dag < d]), 2)
        uit.append(Indexatie(d, w, maximum, gebruikt, factor(round(maximum - gebruikt, 2), w)))
    return uit


def prijsfactor(indexaties: Sequence[Indexatie], dag: dt.date) -> float:
    """The factor on a contract price for a placement on `dag`: every indexatie dated up to that day, multiplied."""
    uit = 1.0
    for x in indexaties:
        if x.datum <= dag and x.factor is not None:
            uit *= x.factor
    return uit


def gebruikte_waarde(indexaties: Sequence[Indexatie], afroepen: Sequence[tuple[dt.date, float]]) -> float:
    """The value used: each placement at its contract price times the factor of its day."""
    return math.fsum(prijs * prijsfactor(indexaties, dag) for dag, prijs in afroepen)


def afroepen(reg: Register, code: str, peildatum: dt.date) -> list[tuple[dt.date, float, bool]]:
    """Every call-off under lot `code` from the start up to peildatum, by day: (day, contract price, whether it came
    in by a route change), counted as evaluatie.contract.telling.geplaatst counts. A route change is a new call-off
    under the lot it goes to, from its day, at the new supplier's price (HvJ EU C-23/20)."""
    uit: list[tuple[dt.date, float, bool]] = []
    for pl in reg.plaatsingen:
        if pl.perceel == code and pl.leverancier and pl.aangemeld and reg.startdatum <= pl.aangemeld <= peildatum:
            uit.append((pl.aangemeld, reg.leveranciers[(code, pl.leverancier)].prijs, False))
        d = pl.route_gewijzigd_datum
        if pl.route_gewijzigd == code and pl.route_gewijzigd_leverancier and d and reg.startdatum <= d <= peildatum:
            uit.append((d, reg.leveranciers[(code, pl.route_gewijzigd_leverancier)].prijs, True))
    return sorted(uit)


def nieuwe_indexatie(reg: Register, code: str, datum: dt.date, waarde: float) -> Indexatie:
    """An indexatie of `waarde` dated `datum` as the stand will read it once recorded after every change there is."""
    p = reg.percelen[code]
    assert p.raam_waarde is not None
    reg = reg.op(datum)
    a = [(d, prijs) for d, prijs, _ in afroepen(reg, code, datum)]
    eerdere = indexaties(reg, code, datum, a)
    maximum = round(p.raam_waarde + sum(w for c, d, w, _ in reg.wijzigingen if c == code and d <= datum), 2)
    gebruikt = round(gebruikte_waarde(eerdere, [(d, prijs) for d, prijs in a if d < datum]), 2)
    return Indexatie(datum, waarde, maximum, gebruikt, factor(round(maximum - gebruikt, 2), waarde))

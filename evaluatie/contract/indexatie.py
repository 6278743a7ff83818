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

A contract manager usually applies a percentage (a CBS index, 3,2%) from a date: `--percentage`. Its prices are the
prices before times 1 + percentage / 100, each to the cent (half a cent up), as every price per traject in the
project goes to the cent; its value, which moves the maximum and counts for the de-minimis test, is the percentage of
the room on its day, to the cent, as it was when the decision was recorded (the register keeps both). The percentage
decides the prices, also when a late delivery changes the room afterwards: that is what was agreed.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
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
    percentage: Decimal | None = None  # given as a percentage (contract wijziging --percentage): its prices in cents
    # for one given as a percentage: every supplier of the lot with its price before and from the indexatie's day
    prijzen: tuple[tuple[str, float, float], ...] = ()

    @property
    def ruimte(self) -> float:
        return round(self.maximum - self.gebruikt, 2)

    def zin(self) -> str:
        """The stand's sentence: which room the indexatie was read against, and the prices that follow."""
        if self.percentage is not None:
            return (
                f"Indexatie van {self.datum.strftime('%d-%m-%Y')} met {percentage_tekst(self.percentage)} (bij het "
                f"besluit {euro(self.waarde)}: {percentage_tekst(self.percentage)} van wat toen nog kon worden "
                f"afgeroepen; het maximum verandert met dat bedrag): plaatsingen vanaf die dag tellen tegen "
                f"{self.prijzen_tekst()}."
            )
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

    def prijzen_tekst(self) -> str:
        """'103,20% van de prijs van daarvoor, op de cent: Alfa EUR 9.288,00 (was EUR 9.000,00)'."""
        assert self.factor is not None
        lijst = "; ".join(f"{naam} {euro(na)} (was {euro(voor)})" for naam, voor, na in self.prijzen)
        return f"{procent(self.factor)} van de prijs van daarvoor, op de cent: {lijst}"

    def kort(self) -> str:
        """Without the figures of the room (a report where they would show a number of placements)."""
        if self.percentage is not None:  # the prices show no number of placements
            return (
                f"Indexatie van {self.datum.strftime('%d-%m-%Y')} met {percentage_tekst(self.percentage)}: de "
                f"gebruikte waarde telt de plaatsingen vanaf die dag tegen {self.prijzen_tekst()}."
            )
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
            "percentage": None if self.percentage is None else float(self.percentage),
            "prijzen": [{"aanbieder": n, "voor": v, "vanaf": na} for n, v, na in self.prijzen]
            if self.percentage is not None
            else None,
        }


def percentage_tekst(p: Decimal) -> str:
    """Decimal('3.2') -> '3,2%', as typed (no trailing zeros added)."""
    return f"{format(p, 'f').replace('.', ',')}%"


_CENT = Decimal("0.01")


def cent(x: float | Decimal) -> float:
    """To the cent, half a cent up (away from zero), on the exact decimal value: a price per traject has cents."""
    d = x if isinstance(x, Decimal) else Decimal(repr(float(x)))
    return float(d.quantize(_CENT, rounding=ROUND_HALF_UP))


def waarde_van_percentage(ruimte: float, p: Decimal) -> float:
    """The value of an indexatie of `p` percent on the room of its day, to the cent."""
    return cent(Decimal(repr(float(ruimte))) * p / 100)


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
        pct = reg.wijzigingspercentages[i] if i < len(reg.wijzigingspercentages) else None
        uit.append(_met_prijzen(reg, code, uit, Indexatie(d, w, maximum, gebruikt, None, pct)))
    return uit


def _met_prijzen(reg: Register, code: str, eerdere: Sequence[Indexatie], x: Indexatie) -> Indexatie:
    """`x` with its factor: from the value over the room, or from its percentage with the prices it gives each
    supplier of the lot (before it: every earlier indexatie applied)."""
    if x.percentage is None:
        return replace(x, factor=factor(x.ruimte, x.waarde))
    f = 1 + float(x.percentage) / 100
    if f <= 0:
        return replace(x, factor=None)
    prijzen = []
    for s in reg.leveranciers_van(code):
        voor = prijs_op(eerdere, s.prijs, x.datum)
        prijzen.append((s.naam, voor, prijs_op([*eerdere, replace(x, factor=f)], s.prijs, x.datum)))
    return replace(x, factor=f, prijzen=tuple(prijzen))


def prijs_op(indexaties: Sequence[Indexatie], prijs: float, dag: dt.date) -> float:
    """The price of a placement on `dag` at contract price `prijs`: every indexatie dated up to that day applied in
    turn, one given as a percentage to the cent."""
    f = 1.0  # the factors of indexaties given as an amount since the last one given as a percentage
    for x in indexaties:
        if x.datum > dag or x.factor is None:
            continue
        if x.percentage is None:
            f *= x.factor
        else:
            prijs, f = cent(Decimal(repr(float(prijs * f))) * (1 + x.percentage / 100)), 1.0
    return prijs * f


def gebruikte_waarde(indexaties: Sequence[Indexatie], afroepen: Sequence[tuple[dt.date, float]]) -> float:
    """The value used: each placement at the price of its day."""
    return math.fsum(prijs_op(indexaties, prijs, dag) for dag, prijs in afroepen)


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


def nieuwe_indexatie(
    reg: Register, code: str, datum: dt.date, waarde: float | None, percentage: Decimal | None = None
) -> Indexatie:
    """An indexatie of `waarde` (or of `percentage`: its value is that percentage of the room, to the cent) dated
    `datum` as the stand will read it once recorded after every change there is."""
    p = reg.percelen[code]
    assert p.raam_waarde is not None
    reg = reg.op(datum)
    a = [(d, prijs) for d, prijs, _ in afroepen(reg, code, datum)]
    eerdere = indexaties(reg, code, datum, a)
    maximum = round(p.raam_waarde + sum(w for c, d, w, _ in reg.wijzigingen if c == code and d <= datum), 2)
    gebruikt = round(gebruikte_waarde(eerdere, [(d, prijs) for d, prijs in a if d < datum]), 2)
    ruimte = round(maximum - gebruikt, 2)
    if percentage is None:
        assert waarde is not None
        return Indexatie(datum, waarde, maximum, gebruikt, factor(ruimte, waarde))
    x = Indexatie(datum, waarde_van_percentage(max(ruimte, 0.0), percentage), maximum, gebruikt, None, percentage)
    return _met_prijzen(reg, code, eerdere, x) if ruimte > 0 else x

"""Dutch number and money formatting for everything a user reads."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


_NL = str.maketrans(",.", ".,")  # swap the thousands and the decimal sign in one pass


_RUIS = Decimal("1e-9")  # float noise of a sum (45.974999999999994 for 45,975) is below this


def getal(x: float, decimalen: int = 2) -> str:
    """12.5 -> '12,50'; whole numbers keep their decimals so columns line up.

    A half is rounded up (away from zero), as a reader rounds by hand and as the number reads in gunning.json:
    45.625 -> '45,63'. `format` alone rounds the binary value: the even 45,62 for 45.625 (exact in binary), and
    45,97 for 0,70 x 25,50 + 0,30 x 93,75, which a float sum gives as 45.974999999999994. Only a number within float
    noise of a half takes the slower exact path."""
    tekst = format(x, f",.{decimalen}f")
    if math.isfinite(x):
        geschaald = abs(float(x)) * 10**decimalen
        if abs(geschaald - math.floor(geschaald) - 0.5) < 1e-6:
            d = Decimal(repr(float(x))).quantize(_RUIS, rounding=ROUND_HALF_EVEN)
            tekst = format(d.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP), f",.{decimalen}f")
    return tekst.translate(_NL)


def euro(x: float) -> str:
    """10450 -> 'EUR 10.450,00'."""
    return f"EUR {getal(x, 2)}"


def kort(x: float) -> str:
    """8.5 -> '8,5', 8.0 -> '8', 1e15 -> '1000000000000000': a count or a number of weeks, without trailing zeros,
    never in scientific notation (which '{:g}' gives from a million up), to six decimals (float noise dropped)."""
    tekst = zonder_exponent(round(float(x), 6))
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    return tekst.replace(".", ",")


def aantal(getoond: str, een: str, meer: str) -> str:
    """('1', 'week', 'weken') -> '1 week', ('1,5', ...) -> '1,5 weken', ('0', ...) -> '0 weken': a number as shown
    (getal, kort) with its noun in the number it asks for; only exactly one is singular. A letter is a legal act and
    read by a lawyer: '1 trajecten' is a defect in it."""
    return f"{getoond} {een if getoond == '1' else meer}"


def schaalstappen(n: int) -> str:
    """1 -> '1 schaalstap', 2 -> '2 schaalstappen': the spread of a signal, said to the panel and the college."""
    return "1 schaalstap" if n == 1 else f"{n} schaalstappen"


def zonder_exponent(x: float) -> str:
    """The shortest decimal of x written out in full, with a point: 1e-05 -> '0.00001', 1e+15 ->
    '1000000000000000' (str() and '{:g}' write those with an exponent, which no reader of a Dutch text expects)."""
    return format(Decimal(repr(float(x))), "f")


def datum(d: dt.date) -> str:
    """2021-06-04 -> '4 juni 2021': every date a person reads (ISO stays for files and JSON)."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def datum_met_dag(d: dt.date) -> str:
    """2026-04-28 -> 'dinsdag 28 april 2026'."""
    return f"{WEEKDAGEN[d.weekday()]} {datum(d)}"


def datums_in_tekst(tekst: str) -> str:
    """ISO dates inside a sentence made for people ('peildatum 2021-06-04') -> '4 juni 2021'."""

    def vervang(m: re.Match[str]) -> str:
        try:
            return datum(dt.date.fromisoformat(m.group(0)))
        except ValueError:
            return m.group(0)

    return re.sub(r"(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])", vervang, tekst)

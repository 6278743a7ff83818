"""Dutch number and money formatting for everything a user reads."""

from __future__ import annotations


def getal(x: float, decimalen: int = 2) -> str:
    """12.5 -> '12,50'; whole numbers keep their decimals so columns line up."""
    tekst = f"{x:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def euro(x: float) -> str:
    """10450 -> 'EUR 10.450,00'."""
    return f"EUR {getal(x, 2)}"


def kort(x: float) -> str:
    """8.5 -> '8,5', 8.0 -> '8': a count or a number of weeks, without trailing zeros."""
    return f"{x:g}".replace(".", ",")


MAANDEN_NL = (
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


def datum_nl(d) -> str:
    """date(2021, 6, 4) -> '4 juni 2021': dates in human text are never ISO."""
    return f"{d.day} {MAANDEN_NL[d.month - 1]} {d.year}"

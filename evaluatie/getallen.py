"""One rule for reading numbers a person typed, shared by the bid reader and the YAML loader.

A money or count value must never be read as a fraction of what was meant: "9.500" in a
Dutch bid is nine thousand five hundred euro, not nine and a half. The rule, in short:

- A workbook cell holding a real number is taken as it is.
- A currency sign (EUR, €), spaces around the number and ',-' for whole euros ("9.950,-") are
  accepted; spaces between the digits are not ("9 500": is it one number?).
- Text in a workbook cell is read in Dutch notation: a dot only separates thousands (groups of
  exactly three digits: "9.500", "1.250.000"), a comma is the decimal sign ("9500,50",
  "9.500,50"). Anything else is refused with a hint, never guessed: "9,500.50" (mixed
  separators), "9500.50" (decimal dot), "9,500" (thousands or decimals?), "NaN", "inf".
- In the YAML a number is written the YAML way (a dot is the decimal sign), but a number that
  looks like Dutch thousands ("10.000", "1.500") is refused as ambiguous.
- An amount in euro below PLAUSIBEL_BEDRAG (a price per traject, a budget, a maximum
  discount) is refused: it is almost surely a misplaced separator.

Every refusal is a GetalFout whose message the caller prefixes with the cell or YAML line.
"""

from __future__ import annotations

import datetime as dt
import math
import re

PLAUSIBEL_BEDRAG = 50.0
"""Lowest believable amount in euro. The cheapest route (PVT) costs a few hundred euro per
inburgeraar; 'EUR 9,50' or 'EUR 10' is a separator mistake, not a price."""

_NL_DUIZENDTALLEN = re.compile(r"^[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$")
_NL_GEWOON = re.compile(r"^[+-]?\d+(?:,\d+)?$")
_KOMMA_DRIE = re.compile(r"^[+-]?[1-9]\d{0,2},\d{3}$")
_PUNT_DECIMAAL = re.compile(r"^[+-]?\d+\.\d+$")
_YAML_DUIZENDTALLEN = re.compile(r"^[+-]?[1-9]\d{0,2}(?:\.\d{3})+$")
_NIET_GETAL = {"nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", ".nan", ".inf", "-.inf", "+.inf"}


class GetalFout(ValueError):
    """A number that cannot be read without guessing; the message says why and what to write.

    `algemeen` marks the plain case (not a number at all), where the caller's own wording suffices.
    """

    def __init__(self, bericht: str, algemeen: bool = False):
        super().__init__(bericht)
        self.algemeen = algemeen


def _zonder_valuta(tekst: str) -> str:
    t = tekst.strip().replace("\u00a0", " ").replace("\u202f", " ")
    for teken in ("€", "EUR", "eur", "Eur"):
        t = t.replace(teken, "")
    return t.strip()


def lees_tekst(tekst: str) -> float:
    """A number typed as text in a Dutch workbook; GetalFout when it could be read two ways."""
    t = _zonder_valuta(tekst)
    if t.endswith((",-", ",--", ",\u2013", ",\u2014")) and t[: t.rindex(",")]:
        t = t[: t.rindex(",")]  # '9.950,-': whole euros, as written on Dutch price lists
    if not t:
        raise GetalFout("geen getal ingevuld", algemeen=True)
    if t.lower() in _NIET_GETAL:
        raise GetalFout(f"'{tekst.strip()}' is geen getal", algemeen=True)
    if " " in t and re.fullmatch(r"[+-]?[\d.,]+(?: +[\d.,]+)+", t):
        raise GetalFout("spaties tussen de cijfers; schrijf het getal zonder spaties, bijvoorbeeld 9500 of 9.500,50")
    if " " in t:  # a word beside the number ('9000 euro', '6 weken', 'excl. btw'): not a number the cell can hold
        raise GetalFout(f"'{tekst.strip()}' is geen getal", algemeen=True)
    if "." in t and "," in t and t.index(",") < t.rindex("."):
        raise GetalFout(
            "gemengde scheidingstekens (komma voor punt); "
            "schrijf bijvoorbeeld 9500,50 (komma voor decimalen, geen duizendtallen)"
        )
    if _NL_DUIZENDTALLEN.match(t):
        return float(t.replace(".", "").replace(",", "."))
    if _KOMMA_DRIE.match(t):
        geheel = t.replace(",", "")
        decimaal = f"{float(t.replace(',', '.')):g}".replace(".", ",")
        raise GetalFout(
            f"dubbelzinnig (duizendtallen of decimalen?); bedoelt u {geheel}, schrijf dan {geheel} "
            f"zonder scheidingsteken; bedoelt u {decimaal}, schrijf dan {decimaal}"
        )
    if _NL_GEWOON.match(t):
        return float(t.replace(",", "."))
    if _PUNT_DECIMAAL.match(t):
        raise GetalFout(
            f"een punt staat in het Nederlands voor duizendtallen; schrijf {t.replace('.', ',')} (komma voor decimalen)"
        )
    raise GetalFout(f"'{tekst.strip()}' is geen getal", algemeen=True)


def lees_waarde(waarde: object) -> float:
    """A number from a workbook cell: a real number as is, text by the Dutch rule above."""
    if isinstance(waarde, bool):
        raise GetalFout(f"'{waarde}' is geen getal", algemeen=True)
    if isinstance(waarde, int):
        return float(waarde)
    if isinstance(waarde, float):
        if not math.isfinite(waarde):
            raise GetalFout(f"'{waarde}' is geen getal")
        return waarde
    if isinstance(waarde, str):
        return lees_tekst(waarde)
    if isinstance(waarde, (dt.date, dt.time)):
        # a number in a cell formatted as a date (9000 shows as 21-08-1924): the bidder sees a date, so the cell
        # is not read as the number behind it; it says what it shows and what to do
        raise GetalFout(
            f"de cel is opgemaakt als {'datum' if isinstance(waarde, dt.date) else 'tijd'}; hier hoort een getal: zet "
            "de opmaak van de cel op Getal of Valuta en controleer wat er dan staat"
        )
    raise GetalFout(f"'{waarde}' is geen getal", algemeen=True)


def lees_geheel(waarde: object) -> int:
    """A whole count (capacity, instroommomenten) from a cell: 12, 12.0, '12' or '1.200'."""
    getal = lees_waarde(waarde)
    if not getal.is_integer():
        raise GetalFout(f"'{_toon(waarde)}' is geen geheel getal", algemeen=True)
    return int(getal)


def controleer_bedrag(bedrag: float, getypt: str | None = None) -> None:
    """Refuse an amount in euro that is only believable as a separator mistake."""
    if not math.isfinite(bedrag):
        raise GetalFout(f"'{getypt or bedrag}' is geen bedrag")
    if 0 < bedrag < 1:  # 0.3 is a fraction (30%), not a misplaced thousands separator: 300 would be a wrong guess
        raise GetalFout(
            f"een bedrag onder EUR {PLAUSIBEL_BEDRAG:.0f} is niet aannemelijk; een getal onder 1 lijkt een fractie of "
            "percentage, maar hier hoort een bedrag in euro: schrijf het bedrag zelf (30% van EUR 10.000 is 3000)"
        )
    if 0 < bedrag < PLAUSIBEL_BEDRAG:
        voorstel = _voorstel(bedrag, getypt)
        raise GetalFout(
            f"een bedrag onder EUR {PLAUSIBEL_BEDRAG:.0f} is niet aannemelijk; "
            + (f"bedoelt u {voorstel}? " if voorstel else "")
            + "schrijf bedragen zonder punt (bijvoorbeeld 9500)"
        )


def _voorstel(bedrag: float, getypt: str | None) -> str | None:
    if getypt and "." in getypt:
        cijfers = getypt.strip().replace(".", "").replace(",", "")
        if cijfers.isdigit():
            return str(int(cijfers))
    kandidaat = bedrag * 1000
    return f"{kandidaat:.0f}" if kandidaat.is_integer() or abs(kandidaat - round(kandidaat)) < 1e-6 else None


def yaml_getal_dubbelzinnig(tekst: str) -> str | None:
    """A message when a YAML number is written like Dutch thousands ('10.000'), else None."""
    t = tekst.strip()
    if _YAML_DUIZENDTALLEN.match(t):
        zonder = t.replace(".", "")
        return (
            f"{t} is dubbelzinnig (duizendtallen of decimalen?); bedoelt u {int(zonder)}? "
            "schrijf getallen zonder punt voor duizendtallen"
        )
    return None


def _toon(waarde: object) -> str:
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde)

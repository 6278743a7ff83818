"""File and folder names that are no UTF-8: shown readable, and refused with the name most likely meant.

On Linux a name is bytes; one from a zip or a network share in a Windows code page ('kompás' as the byte E1) is no
UTF-8, and Python keeps each such byte as a lone surrogate, which the workbook reader, the reports, the logboek, the
register and a JSON reader cannot take: a sound form was 'geen leesbare Excel-werkmap', and a csv crashed the
intake. A light module (no openpyxl): the command line checks its path options with it before anything is read, and
its text options (a decision's reason, who decided): a terminal or script in Latin-1 passes 'é' as the byte E9 there.
"""

from __future__ import annotations


def leesbaar(naam: str) -> str:
    """`naam` as a message shows it: a byte that is no UTF-8 as `\\xNN`."""
    try:
        return naam.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte (not from a file name or argv): as its code
        return naam.encode("utf-8", "backslashreplace").decode("utf-8")


def geen_utf8(naam: str, wat: str = "de bestandsnaam", hernoem: str = "het bestand") -> str | None:
    """Why `naam` cannot be used, with the name it most likely had (read as Windows-1252); None for a valid name."""
    try:
        naam.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return None
    uit = (
        f"{wat} is geen geldige UTF-8 ({_tekens(naam)} uit een andere tekenset, zoals bij een zip-bestand of "
        f"netwerkmap van Windows); hernoem {hernoem}"
    )
    bedoeld = _bedoeld(naam)
    return uit if bedoeld is None else f"{uit}, bijvoorbeeld naar {bedoeld}"


def tekst_geen_utf8(tekst: str) -> str | None:
    """Why a text typed on the command line cannot be used, with the text it most likely was; None for valid text.
    Written as it stood it could not go into the logboek (besluiten.yaml was written, the logboek entry failed)."""
    try:
        tekst.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return None
    uit = (
        f"'{leesbaar(tekst)}' is geen geldige UTF-8 ({_tekens(tekst)} uit een andere tekenset: de terminal of het "
        "script gebruikt er een andere dan UTF-8); typ de tekst opnieuw"
    )
    bedoeld = _bedoeld(tekst)
    return uit if bedoeld is None else f"{uit}, bijvoorbeeld als '{bedoeld}'"


def _tekens(tekst: str) -> str:
    vreemd = list(
        dict.fromkeys(
            f"\\x{ord(c) - 0xDC00:02x}" if 0xDC80 <= ord(c) <= 0xDCFF else f"U+{ord(c):04X}"
            for c in tekst
            if 0xD800 <= ord(c) <= 0xDFFF
        )
    )
    return f"het teken {vreemd[0]} komt" if len(vreemd) == 1 else f"de tekens {', '.join(vreemd)} komen"


def _bedoeld(tekst: str) -> str | None:
    """`tekst` read as Windows-1252, or None when a byte is not defined there either (or is no escaped byte)."""
    try:
        return tekst.encode("utf-8", "surrogateescape").decode("cp1252")
    except UnicodeError:
        return None

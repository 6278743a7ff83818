"""File and folder names that are no UTF-8: shown readable, and refused with the name most likely meant.

On Linux a name is bytes; one from a zip or a network share in a Windows code page ('kompás' as the byte E1) is no
UTF-8, and Python keeps each such byte as a lone surrogate, which the workbook reader, the reports, the logboek, the
register and a JSON reader cannot take: a sound form was 'geen leesbare Excel-werkmap', and a csv crashed the
intake. A light module (no openpyxl): the command line checks its path options with it before anything is read.
"""

from __future__ import annotations


def leesbaar(naam: str) -> str:
    """`naam` as a message shows it: a byte that is no UTF-8 as `\\xNN`."""
    return naam.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def geen_utf8(naam: str, wat: str = "de bestandsnaam", hernoem: str = "het bestand") -> str | None:
    """Why `naam` cannot be used, with the name it most likely had (read as Windows-1252); None for a valid name."""
    try:
        naam.encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return None
    vreemd = list(dict.fromkeys(f"\\x{ord(c) - 0xDC00:02x}" for c in naam if 0xDC80 <= ord(c) <= 0xDCFF))
    tekens = f"het teken {vreemd[0]} komt" if len(vreemd) == 1 else f"de tekens {', '.join(vreemd)} komen"
    uit = (
        f"{wat} is geen geldige UTF-8 ({tekens} uit een andere tekenset, zoals bij een zip-bestand of netwerkmap "
        f"van Windows); hernoem {hernoem}"
    )
    try:
        return f"{uit}, bijvoorbeeld naar {naam.encode('utf-8', 'surrogateescape').decode('cp1252')}"
    except UnicodeDecodeError:  # a byte that Windows-1252 does not define either: no guess
        return uit

"""What Excel hides in a workbook: hidden sheets, rows and columns.

A row is hidden by its `hidden` flag, and just as well by a height of 0 (`ht="0"`, or a sheet whose rows are
`zeroHeight` by default and this row has no height of its own); a column by its flag or a width of 0.

A bid is what its file holds, hidden or not; but a person who opens the file does not see a hidden row,
so a value read from one must never count in silence. The reader notes every filled cell that Excel
hides (evaluatie.inschrijving.lezen), with its place, and reads it as it always did.
Only parts the bounded reader already checked are opened (evaluatie.werkboekgrens.controleer ran first).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from evaluatie import werkboekgrens

_RIJ = re.compile(rb"<(?:\w+:)?row\b[^>]*>")
_KOLOM = re.compile(rb"<(?:\w+:)?col\b[^>]*>")
_OPMAAK = re.compile(rb"<(?:\w+:)?sheetFormatPr\b[^>]*>")
_SAMEN = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*>")
_BEREIK = re.compile(r"^([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})$")
MAX_SAMENGEVOEGD = 10_000
"""Cells of merged ranges remembered per sheet: a form has a handful; a range over a whole sheet is not expanded."""
_WAAR = {"1", "true"}


@dataclass
class Verborgen:
    """Per sheet: 0-based hidden rows and columns."""

    rijen: set[int] = field(default_factory=set)
    kolommen: set[int] = field(default_factory=set)
    samengevoegd: dict[str, str] = field(default_factory=dict)
    """Every cell of a merged range but its first ('A3' -> 'A2'): Excel shows the first cell's value there, the
    file holds nothing."""


def _attr(element: bytes, naam: str) -> str | None:
    m = re.search(rb"\b" + naam.encode() + rb"""\s*=\s*["']([^"']*)["']""", element)
    return m.group(1).decode("ascii", "replace") if m else None


def _voeg_samen(v: Verborgen, ref: str) -> None:
    m = _BEREIK.match(ref.upper().replace("$", ""))
    if m is None:
        return
    k0, r0 = werkboekgrens.kolomnummer(m.group(1)), int(m.group(2))
    k1, r1 = werkboekgrens.kolomnummer(m.group(3)), int(m.group(4))
    if (r1 - r0 + 1) * (k1 - k0 + 1) + len(v.samengevoegd) > MAX_SAMENGEVOEGD:
        return
    eerste = f"{m.group(1)}{r0}"
    for r in range(r0, r1 + 1):
        for k in range(k0, k1 + 1):
            cel = f"{werkboekgrens.kolomletters(k)}{r}"
            if cel != eerste:
                v.samengevoegd[cel] = eerste


def _nul(waarde: str | None) -> bool:
    """A height or width of 0 (or less): the row or column takes no room on the screen."""
    try:
        return waarde is not None and float(waarde) <= 0
    except ValueError:
        return False


def _rij_verborgen(element: bytes, standaard_nul: bool) -> bool:
    if (_attr(element, "hidden") or "").lower() in _WAAR:
        return True
    hoogte = _attr(element, "ht")
    return _nul(hoogte) or (standaard_nul and hoogte is None)


def verborgen_rijen_en_kolommen(pad: Path, bladen: Collection[str]) -> dict[str, Verborgen]:
    """Hidden rows and columns of the named sheets (those found; a sheet without any is left out)."""
    uit: dict[str, Verborgen] = {}
    try:
        with zipfile.ZipFile(pad) as zf:
            namen: dict[str, list[zipfile.ZipInfo]] = {}
            for info in zf.infolist():
                namen.setdefault(info.filename.lower().lstrip("/"), []).append(info)
            delen = werkboekgrens.bladdelen(zf, namen)
            for deel, blad in delen.items():
                if blad not in bladen or not namen.get(deel):
                    continue
                xml = zf.read(namen[deel][0])
                v = Verborgen()
                opmaak = _OPMAAK.search(xml)
                standaard_nul = opmaak is not None and (_attr(opmaak.group(0), "zeroHeight") or "").lower() in _WAAR
                for m in _RIJ.finditer(xml):
                    r = _attr(m.group(0), "r")
                    if _rij_verborgen(m.group(0), standaard_nul) and r and r.isdigit():
                        v.rijen.add(int(r) - 1)
                for m in _KOLOM.finditer(xml):
                    lo, hi = _attr(m.group(0), "min"), _attr(m.group(0), "max")
                    verborgen = (_attr(m.group(0), "hidden") or "").lower() in _WAAR or _nul(_attr(m.group(0), "width"))
                    if verborgen and lo and hi and lo.isdigit() and hi.isdigit():
                        v.kolommen.update(range(int(lo) - 1, min(int(hi), werkboekgrens.MAX_KOLOMMEN)))
                for m in _SAMEN.finditer(xml):
                    _voeg_samen(v, _attr(m.group(0), "ref") or "")
                if v.rijen or v.kolommen or v.samengevoegd:
                    uit[blad] = v
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, RuntimeError, NotImplementedError, EOFError):
        return {}  # the reader itself reports an unreadable file
    return uit

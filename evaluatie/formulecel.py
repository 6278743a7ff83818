"""A cell that reads empty because it holds a formula nobody computed, or an error value, said as such.

Excel and LibreOffice save a formula together with its result; the reader (python-calamine) reads that
result. A workbook written by a script (openpyxl, for one) holds the formula without a result, so the cell
reads empty and the reader's error would say "'' is geen bedrag" about a cell the sender sees filled in.
This module looks, only for the cells an error was found in, whether the sheet's XML holds a formula there
without a saved value, and gives the error that says so: which formula, and what to do (open and save the
file in Excel or LibreOffice, or type the value). Nothing here runs on a workbook that reads without error:
the normal read stays as fast as it was. The file passed evaluatie.werkboekgrens before it was read, so
opening it again here is bounded too. A cell holding an error value (#DIV/0! of a formula Excel could not compute,
or #N/A typed in it) reads empty as well; the error names the value instead of "ontbreekt".
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections import defaultdict
from pathlib import Path
from xml.etree import ElementTree as ET

_HOOFD = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PAKKET_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CEL = re.compile(r"[A-Z]{1,3}[0-9]{1,7}")
_TEKSTSOORTEN = ("str", "s", "inlineStr")  # a formula whose saved result is text: empty text is a result
MAX_FORMULE = 120  # characters of the formula shown in the message
_NEDERLANDS = {
    "#DIV/0!": "#DEEL/0!",
    "#N/A": "#N/B",
    "#VALUE!": "#WAARDE!",
    "#REF!": "#VERW!",
    "#NAME?": "#NAAM?",
    "#NUM!": "#GETAL!",
    "#NULL!": "#LEEG!",
}
"""An error value as the file stores it -> as a Dutch Excel shows it."""


def bericht(formule: str | None, foutwaarde: str | None = None) -> str:
    """The error for one such cell, in the words the sender of the file can act on. `foutwaarde`: the error value
    the cell shows (#DIV/0!, #N/A) when its formula could not be computed, or when it was typed (#N/A)."""
    if formule:
        kort = formule if len(formule) <= MAX_FORMULE else formule[: MAX_FORMULE - 1] + "…"
        wat = f"een formule (={kort})"
    else:
        wat = "een formule"
    if foutwaarde is not None:
        nl = _NEDERLANDS.get(foutwaarde)
        toont = f"de foutwaarde {foutwaarde}" if foutwaarde else "een foutwaarde"
        toont += f" (in een Nederlandse Excel: {nl})" if nl else ""
        if formule is None:
            return f"de cel toont {toont}, dus er staat geen waarde om in te lezen. Vul de waarde zelf in"
        return (
            f"de cel toont {toont} van {wat}: Excel kon de formule niet berekenen, dus er staat geen waarde om in te "
            "lezen. Verbeter de formule, of vul de waarde zelf in"
        )
    return (
        f"de cel bevat {wat} zonder berekende waarde: het werkboek is door een programma geschreven en daarna "
        "niet in Excel of LibreOffice opgeslagen, dus er staat geen uitkomst om in te lezen. Open het bestand "
        "in Excel of LibreOffice en sla het op (dan wordt de formule berekend), of vul de waarde zelf in"
    )


def verklaar(fouten: list[tuple[str, str]], werkboeken: dict[str, Path]) -> list[tuple[str, str]]:
    """The errors (plaats, bericht) with every error about a formula cell without a saved value replaced by
    `bericht(formule)`; a cell with more than one such error keeps one. Places read 'bestand!Tabblad!C4'
    with `bestand` a key of `werkboeken`."""
    gevraagd: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    waar: list[tuple[str, str, str] | None] = []
    for plaats, _ in fouten:
        gevonden = _cel_van(plaats, werkboeken)
        waar.append(gevonden)
        if gevonden is not None:
            naam, blad, cel = gevonden
            gevraagd[naam][blad].add(cel)
    formules: dict[tuple[str, str, str], tuple[str | None, str | None]] = {}
    for naam, cellen in gevraagd.items():
        for (blad, cel), formule in _formules_zonder_waarde(werkboeken[naam], cellen).items():
            formules[(naam, blad, cel)] = formule
    if not formules:
        return fouten
    uit: list[tuple[str, str]] = []
    gezegd: set[str] = set()
    for (plaats, tekst), gevonden in zip(fouten, waar, strict=True):
        if gevonden is None or gevonden not in formules:
            uit.append((plaats, tekst))
        elif plaats not in gezegd:
            gezegd.add(plaats)
            uit.append((plaats, bericht(*formules[gevonden])))
    return uit


def heeft_formule(pad: Path, blad: str, cel: str) -> bool:
    """Does the cell, which reads empty, hold a formula without a saved result or an error value? Then it is no
    empty cell (a reader that allows empty cells must not take it for 'nothing filled in')."""
    return bool(_formules_zonder_waarde(pad, {blad: {cel}}))


def foutwaarden(pad: Path, blad: str) -> dict[str, tuple[str | None, str]]:
    """Cell -> (its formula, its error value) for every cell of sheet `blad` holding an error value: calamine reads
    those as empty, which a reader that allows empty cells would take for 'nothing filled in'. For the one sheet
    where that decides something (the consensus table); nothing for a file this cannot read."""
    try:
        with zipfile.ZipFile(pad) as zf:
            deel = _bladdelen(zf).get(blad)
            if deel is None:
                return {}
            return {cel: (f, fout) for cel, (f, fout) in _zoek(zf, deel, None).items() if fout is not None}
    except (OSError, KeyError, zipfile.BadZipFile, ET.ParseError, ValueError):
        return {}


def foutwaarden_onder(pad: Path, bestand: str, blad: str, kop: int, kolommen: int) -> list[tuple[str, str]]:
    """(plaats, bericht) for every error value in the table of sheet `blad` below its heading (0-based row `kop`), in
    its first `kolommen` columns: a table where an empty row is allowed (the consensus sheet) must not take an error
    value for 'nothing filled in'."""
    uit = []
    for cel, (formule, fout) in foutwaarden(pad, blad).items():
        letters = cel.rstrip("0123456789")
        kolom = sum((ord(c) - 64) * 26**i for i, c in enumerate(reversed(letters)))
        if kolom <= kolommen and int(cel[len(letters) :]) > kop + 1:
            uit.append((int(cel[len(letters) :]), kolom, f"{bestand}!{blad}!{cel}", bericht(formule, fout)))
    return [(plaats, tekst) for _, _, plaats, tekst in sorted(uit)]


def foutwaarden_in_werkboek(pad: Path, bestand: str) -> list[tuple[str, str]]:
    """(plaats, bericht) for every error value in every sheet of the workbook, sheet by sheet and in the order of each
    sheet (row, then column): for a reader that reads every cell it is given (a placement list, contract inlezen),
    where an error value reads as an empty cell and an empty cell may mean 'not used'. A sheet whose XML holds no
    error cell (t="e") is not parsed: the ordinary list costs one scan of its bytes. Nothing for a file this cannot
    read (the reader's own error stands then)."""
    uit: list[tuple[str, str]] = []
    try:
        with zipfile.ZipFile(pad) as zf:
            for blad, deel in _bladdelen(zf).items():
                xml = zf.read(deel)
                if b't="e"' not in xml and b"t='e'" not in xml:
                    continue
                cellen = [(cel, f, fout) for cel, (f, fout) in _zoek(zf, deel, None).items() if fout is not None]
                for cel, formule, fout in sorted(cellen, key=lambda x: _rij_kolom(x[0])):
                    uit.append((f"{bestand}!{blad}!{cel}", bericht(formule, fout)))
    except (OSError, KeyError, zipfile.BadZipFile, ET.ParseError, ValueError):
        return []
    return uit


def _rij_kolom(cel: str) -> tuple[int, int]:
    letters = cel.rstrip("0123456789")
    return int(cel[len(letters) :]), sum((ord(c) - 64) * 26**i for i, c in enumerate(reversed(letters)))


def _cel_van(plaats: str, werkboeken: dict[str, Path]) -> tuple[str, str, str] | None:
    for naam in werkboeken:
        if plaats.startswith(naam + "!"):
            blad, _, cel = plaats[len(naam) + 1 :].rpartition("!")
            if blad and _CEL.fullmatch(cel):
                return naam, blad, cel
    return None


def _formules_zonder_waarde(
    pad: Path, cellen: dict[str, set[str]]
) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    """(tabblad, cel) -> (the formula's text, None for a shared formula's follower, which holds none; the error
    value), for the asked cells that hold a formula without a saved result, or an error value (t="e": calamine
    reads it as an empty cell). A file this cannot read gives nothing: the reader's own error stands then."""
    try:
        with zipfile.ZipFile(pad) as zf:
            delen = _bladdelen(zf)
            uit: dict[tuple[str, str], tuple[str | None, str | None]] = {}
            for blad, gezocht in cellen.items():
                deel = delen.get(blad)
                if deel is None:
                    continue
                for cel, formule in _zoek(zf, deel, gezocht).items():
                    uit[(blad, cel)] = formule
            return uit
    except (OSError, KeyError, zipfile.BadZipFile, ET.ParseError, ValueError):
        return {}


def _bladdelen(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its part in the zip, as xl/workbook.xml and its relationships say."""
    doelen = {}
    for rel in ET.fromstring(zf.read("xl/_rels/workbook.xml.rels")).iter(_PAKKET_REL):
        doel = rel.get("Target", "").replace("\\", "/")
        pad = doel.lstrip("/") if doel.startswith("/") else posixpath.normpath(posixpath.join("xl", doel))
        doelen[rel.get("Id", "")] = pad
    uit = {}
    for blad in ET.fromstring(zf.read("xl/workbook.xml")).iter(f"{_HOOFD}sheet"):
        deel = doelen.get(blad.get(_REL, ""))
        if deel is not None:
            uit[blad.get("name", "")] = deel
    return uit


def _zoek(zf: zipfile.ZipFile, deel: str, gezocht: set[str] | None) -> dict[str, tuple[str | None, str | None]]:
    """The asked cells (`gezocht`; None: every cell) that hold a formula without a result or an error value."""
    uit: dict[str, tuple[str | None, str | None]] = {}
    with zf.open(deel) as f:
        for _, el in ET.iterparse(f):
            if el.tag != f"{_HOOFD}c":
                continue
            cel = el.get("r", "")
            if gezocht is None or cel in gezocht:
                formule, waarde = el.find(f"{_HOOFD}f"), el.find(f"{_HOOFD}v")
                zonder_waarde = waarde is None or not (waarde.text or "")
                tekst = None if formule is None else (formule.text or "").strip() or None
                if el.get("t") == "e":  # '' for a formula without text of its own (a shared formula's follower)
                    fout = "" if waarde is None else (waarde.text or "").strip()
                    uit[cel] = (None if formule is None else tekst or "", fout)
                elif formule is not None and zonder_waarde and el.get("t") not in _TEKSTSOORTEN:
                    uit[cel] = (tekst, None)
            el.clear()
    return uit

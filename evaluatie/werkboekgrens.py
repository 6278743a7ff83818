"""What reading a workbook may cost, checked on the zip before python-calamine inflates anything.

calamine allocates the whole rectangle from A1 to the farthest cell of every sheet, and copies
a shared string into every cell that refers to it. So the bounds are on what will actually be
materialised, not on file names: the sheet parts are found the way a reader finds them (the
package and workbook relationships, any name, any case, any folder), every one of them is
streamed, and counted are

- the declared dimension and the real extent of each sheet (rows, columns),
- the cells of all sheets' rectangles together,
- the entries and characters of the shared-string table, and
- the characters that the cells would materialise (a shared string counts once per cell).

Nothing is held but counters and one length per shared string, so the check itself runs in
a few megabytes whatever the input. The bounds are stated in the README with the peak memory
they guarantee (tests/test_werkboekgrens.py measures it).
"""

from __future__ import annotations

import contextlib
import posixpath
import re
import struct
import zipfile
import zlib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

MAX_BESTAND_BYTES = 20_000_000
"""A filled-in form is tens of kilobytes; a reviewer form for a national tender a few hundred."""
MAX_UITGEPAKT_BYTES = 200_000_000
MAX_RIJEN = 20_000
MAX_KOLOMMEN = 200
MAX_CELLEN = 1_000_000
"""Cells of all sheets' rectangles (A1 to the farthest cell) together: what calamine allocates."""
MAX_TEKENS = 20_000_000
"""Bytes of text (UTF-8) the cells materialise, and (separately) of the shared-string table."""
MAX_GEDEELDE_TEKSTEN = 1_000_000
MAX_ELEMENT_BYTES = 2_000_000
"""One cell or shared string: Excel holds at most 32.767 characters in a cell."""
MAX_PIEK_MB = 400
"""Peak memory (RSS) of reading one workbook at all the bounds above: measured, with margin."""

_STUK = 1 << 20
_BLAD = re.compile(
    rb"<(?:\w+:)?row\b([^>]*)>"
    rb"|<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)"
    rb"|<(?:\w+:)?dimension\b([^>]*)>",
    re.S,
)
_SI = re.compile(
    rb"<(?:\w+:)?si\b[^>]*?(?:/>|>(?:<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)</(?:\w+:)?t>|(.*?))</(?:\w+:)?si>)", re.S
)
"""A shared string: group 1 the text of the plain case (one <t>), group 2 anything else (runs)."""
_T = re.compile(rb"<(?:\w+:)?t\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?t>)", re.S)
_V = re.compile(rb"<(?:\w+:)?v\b[^>]*>(.*?)</(?:\w+:)?v>", re.S)
_ATTR_R = re.compile(rb'\br\s*=\s*["\']\$?([A-Za-z]*)\$?([0-9]*)["\']')
_ATTR_T = re.compile(rb'\bt\s*=\s*["\'](\w+)["\']')
_ATTR_REF = re.compile(rb'\bref\s*=\s*["\']([^"\']*)["\']')
_ATTR_AANTAL = re.compile(rb'\b(?:count|uniqueCount)\s*=\s*["\']([0-9]+)["\']')
_SST = re.compile(rb"<(?:\w+:)?sst\b([^>]*)>")
_OPEN = re.compile(rb"<(?:\w+:)?(?:c|si)\b[^>]*?(?<!/)>")
_CELREF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")
_REL = re.compile(r"<(?:\w+:)?Relationship\b[^>]*>")
_BLADELEMENT = re.compile(r"<(?:\w+:)?sheet\b[^>]*>")


_KOLOMMEN: dict[bytes, int] = {}


class TeGroot(Exception):
    """The workbook exceeds a bound: where (file!sheet!cell) and why, in Dutch."""

    def __init__(self, plaats: str, bericht: str):
        self.plaats, self.bericht = plaats, bericht
        super().__init__(f"{plaats}: {bericht}")


def kolomletters(kolom: int) -> str:
    """1 -> 'A', 27 -> 'AA' (1-based)."""
    letters = ""
    while kolom > 0:
        kolom, rest = divmod(kolom - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def celnaam(rij: int, kolom: int) -> str:
    """1-based row and column to 'C4' (columns past XFD as they would be named)."""
    return f"{kolomletters(min(kolom, 18278))}{rij}"


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def kolomnummer(letters: str) -> int:
    """'AB' -> 28 (1-based): the column of a cell name, for readers of the same parts (evaluatie.verborgen)."""
    return _kolomnummer(letters)


def _kolomnummer(letters: bytes | str) -> int:
    """'AB' -> 28 (1-based)."""
    n = 0
    for t in letters.upper() if isinstance(letters, str) else letters.upper().decode():
        n = n * 26 + (ord(t) - 64)
    return n


@dataclass
class _Delen:
    """The parts a reader will inflate: sheets (part name -> sheet name) and the shared strings."""

    bladen: dict[str, str]
    gedeeld: list[str]


def _attr(element: str, naam: str) -> str | None:
    m = re.search(rf'\b{naam}\s*=\s*["\']([^"\']*)["\']', element)
    return m.group(1) if m else None


def _lees_tekst(zf: zipfile.ZipFile, namen: dict[str, list[zipfile.ZipInfo]], deel: str) -> str:
    infos = namen.get(deel.lower(), [])
    if not infos:
        return ""
    if infos[0].file_size > MAX_ELEMENT_BYTES * 5:
        raise TeGroot(deel, "de lijst van tabbladen of koppelingen is onwaarschijnlijk groot")
    return zf.read(infos[0]).decode("utf-8", "replace")


def _relaties(zf: zipfile.ZipFile, namen: dict[str, list[zipfile.ZipInfo]], deel: str) -> list[tuple[str, str, str]]:
    """(Id, Type, target part name) of every internal relationship of `deel`, targets resolved."""
    map_, bestand = posixpath.split(deel)
    tekst = _lees_tekst(zf, namen, posixpath.join(map_, "_rels", bestand + ".rels"))
    uit = []
    for m in _REL.finditer(tekst):
        el = m.group(0)
        doel, id_, soort = _attr(el, "Target"), _attr(el, "Id") or "", _attr(el, "Type") or ""
        if doel is None or (_attr(el, "TargetMode") or "").lower() == "external":
            continue
        doel = doel.replace("\\", "/")
        pad = doel.lstrip("/") if doel.startswith("/") else posixpath.join(map_, doel)
        uit.append((id_, soort, posixpath.normpath(pad).lstrip("/")))
    return uit


def _delen(zf: zipfile.ZipFile, namen: dict[str, list[zipfile.ZipInfo]]) -> _Delen:
    """Follow the relationships as a reader does; also take every part under a worksheets folder."""
    boek = next(
        (doel for _, soort, doel in _relaties(zf, namen, "") if soort.endswith("/officeDocument")),
        "xl/workbook.xml",
    )
    rels = _relaties(zf, namen, boek)
    if boek.lower() != "xl/workbook.xml":  # a reader that does not follow .rels looks here
        rels += _relaties(zf, namen, "xl/workbook.xml")
    tabnaam: dict[str, str] = {}
    for m in _BLADELEMENT.finditer(_lees_tekst(zf, namen, boek)):
        rid = _attr(m.group(0), "r:id") or _attr(m.group(0), "id")
        if rid is not None:
            tabnaam[rid] = _attr(m.group(0), "name") or rid
    bladen: dict[str, str] = {}
    gedeeld: list[str] = []
    _BLADSOORTEN = ("/worksheet", "/chartsheet", "/dialogsheet", "/xlmacrosheet", "/macrosheet")
    for id_, soort, doel in rels:
        if soort.lower().endswith("/sharedstrings"):
            gedeeld.append(doel)
        elif id_ in tabnaam or soort.lower().endswith(_BLADSOORTEN):  # a <sheet> names it: a reader inflates it
            bladen[doel.lower()] = _onescape(tabnaam.get(id_, posixpath.basename(doel)))
    for naam_laag in namen:  # any part a reader might take for a sheet, whatever the relationships say
        if re.match(r"xl/(worksheets|chartsheets|macrosheets|dialogsheets)/[^/]+$", naam_laag):
            bladen.setdefault(naam_laag, posixpath.basename(naam_laag))
    if "xl/sharedstrings.xml" in namen:
        gedeeld.append("xl/sharedstrings.xml")
    return _Delen(bladen, sorted({g.lower() for g in gedeeld}))


def bladdelen(zf: zipfile.ZipFile, namen: dict[str, list[zipfile.ZipInfo]]) -> dict[str, str]:
    """Part name (lower case) -> sheet name, as a reader finds the sheets (evaluatie.verborgen reads them again)."""
    return _delen(zf, namen).bladen


def _onescape(tekst: str) -> str:
    if "&" not in tekst:  # what html.unescape returns then, without loading its entity table (issue #24)
        return tekst
    import html

    return html.unescape(tekst)


def _stukken(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, patroon: re.Pattern[bytes], plaats: str
) -> Iterator[re.Match[bytes]]:
    """Every complete match of `patroon` in a streamed part; no cell or string may exceed MAX_ELEMENT_BYTES.

    Text between matches is dropped as it streams by; only an unfinished element is kept, and one
    that stays unfinished for more than MAX_ELEMENT_BYTES / 2 is refused rather than skipped.
    """
    rest = b""
    half = MAX_ELEMENT_BYTES // 2
    with zf.open(info) as f:
        while True:
            stuk = f.read(_STUK)
            data = rest + stuk
            einde = 0
            for m in patroon.finditer(data):
                einde = m.end()
                yield m
            rest = data[einde:]
            if not stuk:
                return
            if len(rest) > MAX_ELEMENT_BYTES:
                if _OPEN.search(rest, 0, len(rest) - half):
                    raise TeGroot(
                        plaats, "een cel of tekst van meer dan 1 MB; Excel houdt hoogstens 32.767 tekens per cel"
                    )
                rest = rest[-half:]


def _gedeelde_lengtes(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], plaats: str) -> array[int]:
    lengtes: array[int] = array("q")
    tekens = 0
    for info in infos:
        with zf.open(info) as f:
            kop = _SST.search(f.read(4096))
        if kop:
            for m in _ATTR_AANTAL.finditer(kop.group(1)):
                if int(m.group(1)) > MAX_GEDEELDE_TEKSTEN:
                    raise TeGroot(
                        plaats, f"de tabel met gedeelde teksten noemt meer dan {_getal(MAX_GEDEELDE_TEKSTEN)} teksten"
                    )
        for m in _stukken(zf, info, _SI, plaats):
            eenvoudig, samengesteld = m.groups()
            if eenvoudig is not None:
                lengte = len(eenvoudig)
            else:
                lengte = sum(len(t.group(1) or b"") for t in _T.finditer(samengesteld or b""))
            lengtes.append(lengte)
            tekens += lengte
            if len(lengtes) > MAX_GEDEELDE_TEKSTEN:
                raise TeGroot(
                    plaats, f"meer dan {_getal(MAX_GEDEELDE_TEKSTEN)} gedeelde teksten; dat is geen ingevuld formulier"
                )
            if tekens > MAX_TEKENS:
                raise TeGroot(plaats, f"de gedeelde teksten zijn samen meer dan {MAX_TEKENS // 1_000_000} MB tekst")
    return lengtes


@dataclass
class _Omvang:
    rijen: int = 0
    kolommen: int = 0
    tekens: int = 0


def _blad(zf: zipfile.ZipFile, info: zipfile.ZipInfo, blad: str, gedeeld: array[int], tekens_tot_nu: int) -> _Omvang:
    """Extent and materialised characters of one sheet part; TeGroot at the first bound exceeded."""
    o = _Omvang(tekens=tekens_tot_nu)
    rij = 0
    kolom = 0
    rijelementen = 0
    verklaard: TeGroot | None = None  # a declared dimension too large: reported unless a real cell is

    def buiten(r: int, k: int, cel: str, wat: str) -> None:
        if r > MAX_RIJEN or k > MAX_KOLOMMEN:
            raise TeGroot(
                f"{blad}!{cel}",
                f"{wat} ver buiten het formulier (hoogstens {_getal(MAX_RIJEN)} rijen en {MAX_KOLOMMEN} kolommen "
                "worden gelezen); maak die cel leeg",
            )

    for m in _stukken(zf, info, _BLAD, blad):
        rijattr, celattr, inhoud, dimensie = m.groups()
        if dimensie is not None:
            ref = _ATTR_REF.search(dimensie)
            laatste = ref.group(1).decode("ascii", "replace").split(":")[-1] if ref else ""
            d = _CELREF.match(laatste)
            if d and (int(d.group(2)) > MAX_RIJEN or _kolomnummer(d.group(1)) > MAX_KOLOMMEN):
                verklaard = TeGroot(
                    blad,
                    f"het tabblad verklaart een bereik tot {laatste.upper()}, ver buiten het formulier (hoogstens "
                    f"{_getal(MAX_RIJEN)} rijen en {MAX_KOLOMMEN} kolommen); sla het formulier opnieuw op "
                    "zonder cellen buiten het formulier",
                )
            continue
        if rijattr is not None:
            rijelementen += 1
            r_ = _ATTR_R.search(b" " + rijattr)
            rij = int(r_.group(2)) if r_ and r_.group(2) and not r_.group(1) else rij + 1
            kolom = 0
            if rijelementen > MAX_RIJEN:
                raise TeGroot(blad, f"meer dan {_getal(MAX_RIJEN)} rijen; dat is geen ingevuld formulier")
            continue
        c = _ATTR_R.search(celattr)
        letters = c.group(1) if c else b""
        if letters:
            kolom = _KOLOMMEN.get(letters) or _kolomnummer(letters[:8])
            if c and c.group(2):
                rij = int(c.group(2)[:12])
        else:
            kolom += 1
        if rij < 1:
            rij = 1
        if rij > MAX_RIJEN or kolom > MAX_KOLOMMEN:
            cel = (letters + c.group(2)).decode() if c and letters and c.group(2) else celnaam(rij, kolom)
            buiten(rij, kolom, cel, "waarde of opmaak")
        if rij > o.rijen:
            o.rijen = rij
        if kolom > o.kolommen:
            o.kolommen = kolom
        if inhoud:
            t = _ATTR_T.search(celattr)
            soort = t.group(1) if t else b"n"
            v = _V.search(inhoud)
            if soort == b"s" and v:
                # an index that does not exist materialises nothing; the reader reports it
                with contextlib.suppress(ValueError, IndexError):
                    o.tekens += gedeeld[int(v.group(1).strip())]
            elif soort == b"inlineStr":
                o.tekens += sum(len(x.group(1) or b"") for x in _T.finditer(inhoud))
            elif v:
                o.tekens += len(v.group(1))
            if o.tekens > MAX_TEKENS:
                raise TeGroot(
                    blad,
                    f"de cellen bevatten samen meer dan {MAX_TEKENS // 1_000_000} MB tekst (een gedeelde tekst telt "
                    "in iedere cel die ernaar verwijst); dat is geen ingevuld formulier",
                )
    if verklaard is not None:
        raise verklaard
    return o


_LABEL = re.compile(rb"<(?:(\w+):)?(row|c|dimension)\b([^>]*)>")
"""The start tag of every row, cell and dimension, wherever it stands: (prefix, name, attributes). Without the content
of a cell, which _BLAD matches lazily up to its end tag: that made the proof cost more than the reading (issue #24)."""
_SOORTEN = {b"row", b"c", b"dimension"}
_EERSTE_R = re.compile(rb"\x00[^\x00]*?" + _ATTR_R.pattern)
"""In attribute strings, each after a NUL: per string (that has one) its first r attribute, as _ATTR_R.search finds
it."""
_R_VOORAAN = re.compile(rb'\x00 r="([A-Za-z]+)([0-9]+)"')
"""The same where every string starts with its r attribute (as Excel and openpyxl write a cell): there _ATTR_R.search
finds that one first, with these letters and digits; found for every string, it is the answer, and much quicker."""
_CEL_VOORAAN = re.compile(rb'<c r="([A-Za-z]+)([0-9]+)"')
_RIJ_13 = re.compile(rb"row\b[^>]*?[0-9]{13}")
"""A row tag with a number of 13 digits or more among its attributes (the exact check reads a row's number with
int()); found from the tag name on, so also after a prefix."""


def _cellen_vooraan(data: bytes) -> list[tuple[bytes, bytes]] | None:
    """(letters, digits) of the r attribute of every cell when each cell tag starts with it, written as Excel and
    openpyxl write it (<c r="B12" ...>), else None. Every row tag _BLAD can match starts with '<row' or holds ':row'
    (after a prefix): those counts bound the rows the same way.

    Every tag _BLAD can match as a cell starts with '<c' (not '<col') or holds ':c' (after a prefix), so those
    counts bound the number of cells from above; when the cells found in this form are as many, every cell _BLAD
    matches is one of them, and its first r attribute (the one _blad reads) is the one found here."""
    namen = _CEL_VOORAAN.findall(data)
    return namen if len(namen) == data.count(b"<c") - data.count(b"<col") + data.count(b":c") else None


def _dimensies(data: bytes) -> list[bytes]:
    """The text after every 'dimension' up to the next '>': a superset of the attributes of the dimension tags
    _BLAD matches (a real sheet has one)."""
    uit = []
    i = data.find(b"dimension")
    while i >= 0:
        einde = data.find(b">", i)
        if einde < 0:
            break
        uit.append(data[i + len(b"dimension") : einde])
        i = data.find(b"dimension", i + 1)
    return uit


def _rijen_en_cellen(data: bytes) -> tuple[int, bool, list[bytes], list[tuple[bytes, bytes]] | None] | None:
    """(rows at most, a row number that may be unreadable, dimension attributes, (letters, digits) per cell or None
    when a cell does not name itself) of one part, each an upper bound or superset of what _blad meets there; None
    when the part has a shape this does not bound (see _zeker_binnen)."""
    namen = _cellen_vooraan(data)
    if namen is not None:  # the quick form: counts and searches over the text, no match per tag
        return data.count(b"<row") + data.count(b":row"), _RIJ_13.search(data) is not None, _dimensies(data), namen
    treffers = _LABEL.findall(data)
    if not treffers:
        return 0, False, [], []
    voorvoegsels, soorten, attrs = zip(*treffers, strict=True)
    if not _SOORTEN.isdisjoint(voorvoegsels) or b"<" in b"".join(attrs):
        return None
    celattrs = [a for s, a in zip(soorten, attrs, strict=True) if s == b"c"]
    rijen_el = [a for s, a in zip(soorten, attrs, strict=True) if s == b"row"]
    dimensies = [a for s, a in zip(soorten, attrs, strict=True) if s == b"dimension"]
    onleesbaar = re.search(rb"[0-9]{13}", b" ".join(rijen_el)) is not None
    samen = b"\x00" + b"\x00".join(celattrs)
    cellen = _R_VOORAAN.findall(samen)
    if len(cellen) != len(celattrs):
        cellen = _EERSTE_R.findall(samen)
    return len(rijen_el), onleesbaar, dimensies, cellen if len(cellen) == len(celattrs) else None


def _zeker_binnen(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], gedeeld: array[int]) -> bool:
    """True only when the exact sheet check (_blad over every part, then the totals) provably raises nothing.

    The exact check walks every row and cell in Python; a national bid form has thousands of
    cells, which made the check cost five times the reading itself. This proof reads each part
    whole (a part of at most one chunk is matched by _blad in one pass, exactly as _stukken does
    it), for the usual sheet in which every cell names itself (r="B12", letters and digits): then
    a cell's row and column follow from the cell alone, exactly as _blad computes them.

    What it counts are supersets of what _BLAD matches. In the form Excel and openpyxl write
    (_cellen_vooraan) the cells are found with one search and the rows and dimensions by counting
    and searching the text. Otherwise every start tag of a row, cell or dimension is collected
    (_LABEL), each with the attributes _BLAD gives it (a cell's may end in the '/' of '/>'), as
    long as no attribute text holds a '<' and no tag is named like 'row:c' (a prefix that is itself
    one of the three names, which _BLAD may read as the other one): then every element _BLAD
    matches starts where one of these tags does, of the same kind, since no match of either can
    begin inside a tag here. So rows are counted at least as often, the farthest cell is at least
    as far and every declared dimension is seen; characters are bounded from above (every cell's
    content is its own part of the text, and it materialises at most its own bytes or one shared
    string, at most the longest). When all sheets together stay within every bound, the exact
    check cannot raise. Anything else (a larger part, a cell without its own name, a row whose
    number the exact check could not read, a declared dimension out of bounds, a NUL byte, an
    unreadable part, the two shapes above, a bound that could be exceeded): False, and the exact
    check runs and says where and why.
    """
    cellen = 0
    tekens = 0
    langste = max(gedeeld, default=0)
    for info in infos:
        if info.file_size > _STUK:
            return False
        try:
            data = zf.read(info)
        except Exception:  # the exact check meets the same part and says what is wrong with it
            return False
        if len(data) > _STUK or b"\x00" in data:
            return False
        deel = _rijen_en_cellen(data)
        if deel is None:
            return False
        rijen, onleesbaar, dimensies, namen = deel
        if rijen > MAX_RIJEN or onleesbaar or namen is None:
            return False
        for attr in dimensies:
            ref = _ATTR_REF.search(attr)
            laatste = ref.group(1).decode("ascii", "replace").split(":")[-1] if ref else ""
            d = _CELREF.match(laatste)
            if d and (int(d.group(2)) > MAX_RIJEN or _kolomnummer(d.group(1)) > MAX_KOLOMMEN):
                return False
        tekens += len(data) + len(namen) * langste
        if not namen:
            continue
        letters, cijfers = (set(x) for x in zip(*namen, strict=True))
        if b"" in letters or b"" in cijfers:
            return False
        rij = max(max(int(c[:12]) for c in cijfers), 1)
        kolom = max(_KOLOMMEN.get(x) or _kolomnummer(x[:8]) for x in letters)
        if rij > MAX_RIJEN or kolom > MAX_KOLOMMEN:
            return False
        cellen += rij * kolom
        if cellen > MAX_CELLEN or tekens > MAX_TEKENS:
            return False
    return tekens <= MAX_TEKENS


class _Zip(zipfile.ZipFile):
    """A ZipFile whose `read` of a part returns what _echte_grootte already inflated, when that is
    provably what zipfile would return (see _bewaar); every other read, and every `open`, is zipfile's.

    The check inflated each part twice (once to count, once to match its sheets): a fifth of its time
    in the example (issue #24)."""

    uitgepakt: dict[int, bytes]

    def read(self, name: str | zipfile.ZipInfo, pwd: bytes | None = None) -> bytes:
        if isinstance(name, zipfile.ZipInfo) and pwd is None and name.header_offset in self.uitgepakt:
            return self.uitgepakt[name.header_offset]
        return super().read(name, pwd)


_ZIPFILE_WEIGERT = 0x1 | 0x20 | 0x40
"""Flags for which zipfile's read raises (encrypted, compressed patch data, strong encryption)."""


def _bewaar(
    bewaar: dict[int, bytes], info: zipfile.ZipInfo, kop: bytes, lokale_naam: bytes, stukken: list[bytes]
) -> None:
    """Keep the inflated part only when zipfile's read would return exactly these bytes: the whole
    declared size, its CRC-32, no flag zipfile refuses, and the local header's name (decoded as the
    local header's flags say) equal to the central directory's: zipfile's own checks in ZipFile.open
    and ZipExtFile. Otherwise zipfile reads the part again and says what is wrong."""
    data = b"".join(stukken)
    if len(data) != info.file_size or zlib.crc32(data) != info.CRC or info.flag_bits & _ZIPFILE_WEIGERT:
        return
    (lokale_vlaggen,) = struct.unpack("<H", kop[6:8])
    try:
        naam = lokale_naam.decode("utf-8" if lokale_vlaggen & 0x800 else "cp437")
    except UnicodeDecodeError:
        return
    if naam == info.orig_filename:
        bewaar[info.header_offset] = data


def _echte_grootte(fp: BinaryIO, info: zipfile.ZipInfo, plaats: str, bewaar: dict[int, bytes] | None = None) -> int:
    """Inflate a part's compressed bytes ourselves and count: a header that declares a small size for
    data that inflates far larger (which a reader trusting the data would materialise) is refused.
    A part of at most _STUK bytes is kept in `bewaar` (by its header offset) for _Zip.read."""
    fp.seek(info.header_offset)
    kop = fp.read(30)
    if len(kop) < 30 or kop[:4] != b"PK\x03\x04":
        raise TeGroot(plaats, "geen leesbare Excel-werkmap (beschadigd zip-archief)")
    naamlengte, extralengte = struct.unpack("<HH", kop[26:30])
    lokale_naam = fp.read(naamlengte)
    fp.seek(info.header_offset + 30 + naamlengte + extralengte)
    if info.compress_type == zipfile.ZIP_STORED:
        return info.compress_size
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise TeGroot(plaats, "onbekende compressie in het zip-archief; sla het bestand opnieuw op als .xlsx")
    d = zlib.decompressobj(-15)
    rest, uit = info.compress_size, 0
    stukken: list[bytes] | None = [] if bewaar is not None and info.file_size <= _STUK else None
    while rest > 0 and not d.eof:
        invoer = fp.read(min(_STUK, rest))
        if not invoer:
            break
        rest -= len(invoer)
        while invoer and not d.eof:
            stuk = d.decompress(invoer, _STUK)
            uit += len(stuk)
            if stukken is not None:
                stukken.append(stuk)
            invoer = d.unconsumed_tail
            if uit > info.file_size:
                raise TeGroot(
                    f"{plaats}!{info.filename}",
                    "pakt groter uit dan het zip-archief opgeeft; dat is geen gewoon opgeslagen werkmap",
                )
    if stukken is not None and bewaar is not None and d.eof and rest == 0:
        _bewaar(bewaar, info, kop, lokale_naam, stukken)
    return uit


_ALLEEN_XLSX = (
    "sla het op als Excel-werkmap (.xlsx) en lever dat aan: alleen een .xlsx wordt volledig gecontroleerd gelezen"
)


def _andere_soort(namen: dict[str, list[zipfile.ZipInfo]], delen: _Delen) -> str | None:
    """Why a zip that holds no .xlsx is refused, or None. calamine also reads an OpenDocument spreadsheet (.ods,
    LibreOffice's own format) and a binary .xlsb, but the bounds here only know the XML parts of an .xlsx: such
    a file would be inflated unchecked (an .ods repeats a row a million times in a few bytes), and the hidden-cell
    and formula checks would not see it either."""
    if "xl/workbook.bin" in namen and "xl/workbook.xml" not in namen:
        return f"binaire Excel-werkmap (.xlsb); {_ALLEEN_XLSX}"
    if any(namen.get(deel) for deel in delen.bladen if not deel.endswith(".bin")):
        return None
    if "content.xml" in namen or "mimetype" in namen:
        return f"OpenDocument-rekenblad (.ods, bijvoorbeeld van LibreOffice); {_ALLEEN_XLSX}"
    return "geen Excel-werkmap (.xlsx): het bestand bevat geen tabbladen"


def controleer(pad: Path, naam: str) -> None:
    """Raise TeGroot (with file, sheet and cell where known) if reading `pad` would exceed a bound.

    A zip that Python cannot read is refused as well, and so is one that holds no .xlsx (an .ods, an
    .xlsb): a reader must never inflate what was not checked.
    """
    grootte = pad.stat().st_size
    if grootte > MAX_BESTAND_BYTES:
        raise TeGroot(naam, f"bestand is te groot ({grootte / 1e6:.0f} MB; hoogstens {MAX_BESTAND_BYTES / 1e6:.0f} MB)")
    try:
        with _Zip(pad) as zf:
            zf.uitgepakt = {}
            infos = zf.infolist()
            if sum(i.file_size for i in infos) > MAX_UITGEPAKT_BYTES:
                raise TeGroot(naam, f"bestand is uitgepakt te groot (meer dan {MAX_UITGEPAKT_BYTES / 1e6:.0f} MB)")
            namen: dict[str, list[zipfile.ZipInfo]] = {}
            for info in infos:
                namen.setdefault(info.filename.lower().lstrip("/"), []).append(info)
            with open(pad, "rb") as fp:  # what the parts really inflate to, not what their headers say
                echt = sum(_echte_grootte(fp, info, naam, zf.uitgepakt) for info in infos)
            if echt > MAX_UITGEPAKT_BYTES:
                raise TeGroot(naam, f"bestand is uitgepakt te groot (meer dan {MAX_UITGEPAKT_BYTES / 1e6:.0f} MB)")
            delen = _delen(zf, namen)
            if (soort := _andere_soort(namen, delen)) is not None:
                raise TeGroot(naam, soort)
            gedeeld = _gedeelde_lengtes(zf, [i for g in delen.gedeeld for i in namen.get(g, [])], naam)
            if _zeker_binnen(zf, [i for deel in sorted(delen.bladen) for i in namen.get(deel, [])], gedeeld):
                return
            cellen = 0
            tekens = 0
            for deel in sorted(delen.bladen):
                for info in namen.get(deel, []):
                    o = _blad(zf, info, f"{naam}!{delen.bladen[deel]}", gedeeld, tekens)
                    tekens = o.tekens
                    cellen += o.rijen * o.kolommen
                    if cellen > MAX_CELLEN:
                        raise TeGroot(
                            f"{naam}!{delen.bladen[deel]}",
                            f"de tabbladen beslaan samen meer dan {_getal(MAX_CELLEN)} cellen (van A1 tot de verste "
                            "cel); dat is geen ingevuld formulier",
                        )
    except TeGroot:
        raise
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, ValueError, EOFError, KeyError):
        raise TeGroot(naam, "geen leesbare Excel-werkmap (beschadigd zip-archief)") from None


_KOLOMMEN.update({kolomletters(k).encode(): k for k in range(1, MAX_KOLOMMEN + 1)})

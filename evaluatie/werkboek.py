"""Reading workbooks (python-calamine, ~25x faster than openpyxl) with precise cell names.

Every problem is reported as 'bestand!Tabblad!C4: ...'. Files that are not workbooks,
old .xls files and password-protected files get their own message instead of a traceback.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from evaluatie.fouten import Verzamelaar
from evaluatie.getallen import GetalFout, lees_geheel, lees_waarde

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_VERSLEUTELD = "EncryptedPackage".encode("utf-16-le")


def celnaam(rij: int, kolom: int) -> str:
    """0-based row/column to 'C4'."""
    return f"{get_column_letter(kolom + 1)}{rij + 1}"


@dataclass
class Tabblad:
    bestand: str
    naam: str
    rijen: list[list[Any]]

    def plaats(self, rij: int, kolom: int) -> str:
        return f"{self.bestand}!{self.naam}!{celnaam(rij, kolom)}"

    def waarde(self, rij: int, kolom: int) -> Any:
        if rij < len(self.rijen) and kolom < len(self.rijen[rij]):
            v = self.rijen[rij][kolom]
            return v.strip() if isinstance(v, str) else v
        return ""

    @property
    def leeg(self) -> bool:
        return all(v in ("", None) for r in self.rijen for v in r)


MAX_BESTAND_BYTES = 20_000_000
"""A filled-in form is tens of kilobytes; a reviewer form for a national tender a few hundred."""
MAX_UITGEPAKT_BYTES = 200_000_000
MAX_RIJEN = 20_000
MAX_KOLOMMEN = 200

_CEL = re.compile(rb"<(?:\w+:)?c\b[^>]*?\br=\"([A-Z]{1,3})([0-9]{1,7})\"")
_RIJ = re.compile(rb"<(?:\w+:)?row[\s>/]")


def _kolomnummer(letters: bytes) -> int:
    n = 0
    for b in letters:
        n = n * 26 + (b - 64)
    return n


def _bladnamen(zf: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part name -> sheet name as shown in Excel ('xl/worksheets/sheet1.xml' -> 'Percelen')."""
    try:
        boek = zf.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = zf.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except KeyError:
        return {}
    doelen = {}
    for m in re.finditer(r"<Relationship\b[^>]*>", rels):
        id_ = re.search(r'\bId="([^"]+)"', m.group(0))
        doel = re.search(r'\bTarget="([^"]+)"', m.group(0))
        if id_ and doel:
            t = doel.group(1).lstrip("/")
            doelen[id_.group(1)] = t if t.startswith("xl/") else f"xl/{t}"
    namen = {}
    for m in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", boek):
        naam = re.search(r'\bname="([^"]+)"', m.group(0))
        id_ = re.search(r'\br:id="([^"]+)"|\bid="([^"]+)"', m.group(0))
        if naam and id_:
            namen[doelen.get(id_.group(1) or id_.group(2), "")] = html.unescape(naam.group(1))
    return namen


def controleer_omvang(pad: Path, naam: str) -> tuple[str, str] | None:
    """Where and why a workbook is too big to read safely (plaats, bericht), or None.

    Checked on the zip before python-calamine sees it: calamine allocates the whole rectangle
    from A1 to the farthest cell, so one stray value in XFD1048576 would ask for hundreds of
    gigabytes. We stream each worksheet's XML and look at the cell references only.
    """
    grootte = pad.stat().st_size
    if grootte > MAX_BESTAND_BYTES:
        return naam, f"bestand is te groot ({grootte / 1e6:.0f} MB; hoogstens {MAX_BESTAND_BYTES / 1e6:.0f} MB)"
    try:
        with zipfile.ZipFile(pad) as zf:
            infos = zf.infolist()
            if sum(i.file_size for i in infos) > MAX_UITGEPAKT_BYTES:
                return naam, f"bestand is uitgepakt te groot (meer dan {MAX_UITGEPAKT_BYTES / 1e6:.0f} MB)"
            namen = _bladnamen(zf)
            for info in infos:
                if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
                    continue
                blad = namen.get(info.filename, info.filename)
                probleem = _blad_omvang(zf, info, f"{naam}!{blad}")
                if probleem:
                    return probleem
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, ValueError, EOFError):
        return None  # not a readable zip: calamine's own error message follows
    return None


def _blad_omvang(zf: zipfile.ZipFile, info: zipfile.ZipInfo, blad: str) -> tuple[str, str] | None:
    rest = b""
    rijen = 0  # row elements: a cap on rows even when cells carry no reference
    with zf.open(info) as f:
        while True:
            stuk = f.read(1 << 20)
            if not stuk:
                return None
            data = rest + stuk
            for m in _CEL.finditer(data):
                kolom, rij = _kolomnummer(m.group(1)), int(m.group(2))
                if rij > MAX_RIJEN or kolom > MAX_KOLOMMEN:
                    cel = m.group(1).decode() + m.group(2).decode()
                    return f"{blad}!{cel}", (
                        "waarde of opmaak ver buiten het formulier "
                        f"(hoogstens {MAX_RIJEN} rijen en {MAX_KOLOMMEN} kolommen worden gelezen); maak die cel leeg"
                    )
            rijen += len(_RIJ.findall(data)) - len(_RIJ.findall(rest))  # the overlap was counted before
            if rijen > MAX_RIJEN:
                return blad, f"meer dan {MAX_RIJEN} rijen; dat is geen ingevuld formulier"
            rest = data[-256:]


def lees_werkboek(pad: Path, naam: str, fouten: Verzamelaar) -> dict[str, Tabblad] | None:
    """All sheets of a workbook as rows starting at A1; None (with an error recorded) if unreadable.

    Reading is bounded: file size, unpacked size, rows and columns are capped before any
    sheet is loaded (controleer_omvang), so a hostile or damaged file costs little time or memory.
    """
    import python_calamine

    try:
        if pad.stat().st_size > MAX_BESTAND_BYTES:
            fouten.voeg_toe(naam, f"bestand is te groot (hoogstens {MAX_BESTAND_BYTES / 1e6:.0f} MB)")
            return None
        with open(pad, "rb") as f:
            kop = f.read(8192)
    except OSError as e:
        fouten.voeg_toe(naam, f"bestand kan niet worden gelezen: {e.strerror}")
        return None
    if kop.startswith(_OLE):
        if _VERSLEUTELD in pad.read_bytes():
            fouten.voeg_toe(naam, "bestand is beveiligd met een wachtwoord; lever het zonder wachtwoord aan")
        else:
            fouten.voeg_toe(naam, "oud Excel-formaat (.xls); sla het op als .xlsx")
        return None
    if not kop.startswith(b"PK"):
        fouten.voeg_toe(naam, "geen Excel-werkmap (.xlsx)")
        return None
    probleem = controleer_omvang(pad, naam)
    if probleem:
        fouten.voeg_toe(*probleem)
        return None
    try:
        wb = python_calamine.CalamineWorkbook.from_path(str(pad))
        tabbladen = {}
        for blad in wb.sheet_names:
            rijen = wb.get_sheet_by_name(blad).to_python(skip_empty_area=False)
            tabbladen[blad] = Tabblad(naam, blad, [list(r) for r in rijen])
    except Exception as e:  # calamine raises several error types for broken archives
        fouten.voeg_toe(naam, f"geen leesbare Excel-werkmap ({type(e).__name__})")
        return None
    return tabbladen


def als_tekst(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def als_geheel(v: Any) -> int | None:
    """An integer from a cell: 12, 12.0, '12' or '1.200' (evaluatie.getallen); None otherwise."""
    try:
        return lees_geheel(v)
    except GetalFout:
        return None


def als_getal(v: Any) -> float | None:
    """A number from a cell by the one rule of evaluatie.getallen; None when it cannot be read."""
    try:
        return lees_waarde(v)
    except GetalFout:
        return None


def als_datum(v: Any) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        for vorm in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
            try:
                return dt.datetime.strptime(v.strip(), vorm).date()
            except ValueError:
                continue
    return None


def als_janee(v: Any) -> bool | None:
    t = als_tekst(v).lower()
    return {"ja": True, "nee": False}.get(t)


@dataclass
class Mapinhoud:
    """What a werkmap folder holds, sorted: files to read, notes on what is skipped, and errors."""

    lezen: list[Path]
    overslaan: list[Path]
    notities: list[str]
    fouten: list[tuple[str, str]]


def map_inhoud(map_: Path) -> Mapinhoud:
    """Classify every entry of a werkmap folder; nothing is skipped without a note or an error.

    - hidden files and Excel lock files ('~$...'): skipped, with a note;
    - subfolders: skipped, with a note (files in them are not part of the tender);
    - a link that leads out of the werkmap: an error (a bid must be in the werkmap, so it
      is hashed and archived with it);
    - a broken link: an error (a bid that cannot be read must not disappear in silence).
    """
    inhoud = Mapinhoud([], [], [], [])
    if not map_.is_dir():
        return inhoud
    root = map_.resolve().parent
    label = f"{map_.name}/"
    for p in sorted(map_.iterdir(), key=lambda x: x.name):
        naam = label + p.name
        if p.name.startswith((".", "~$")):
            inhoud.overslaan.append(p)
            inhoud.notities.append(f"{naam}: overgeslagen (verborgen of tijdelijk bestand)")
            continue
        if p.is_symlink():
            if not p.exists():
                inhoud.fouten.append((naam, "koppeling naar een bestand dat niet bestaat; zet het bestand zelf hier"))
                continue
            doel = p.resolve()
            if not doel.is_relative_to(root):
                inhoud.fouten.append(
                    (naam, "koppeling naar een bestand buiten de werkmap; zet het bestand zelf in de werkmap")
                )
                continue
        if p.is_dir():
            inhoud.overslaan.append(p)
            inhoud.notities.append(f"{naam}: submap overgeslagen; alleen bestanden direct in {label} worden gelezen")
            continue
        if not p.is_file():
            inhoud.fouten.append((naam, "geen gewoon bestand"))
            continue
        inhoud.lezen.append(p)
    return inhoud


def zichtbare_bestanden(map_: Path) -> tuple[list[Path], list[Path]]:
    """Files to read, and entries skipped with a note (hidden files, lock files, subfolders)."""
    inhoud = map_inhoud(map_)
    return inhoud.lezen, inhoud.overslaan


def lees_map(map_: Path, fouten: Verzamelaar) -> list[Path]:
    """Files to read; links out of the werkmap and broken links are recorded as errors."""
    inhoud = map_inhoud(map_)
    for plaats, bericht in inhoud.fouten:
        fouten.voeg_toe(plaats, bericht)
    return inhoud.lezen

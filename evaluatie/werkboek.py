"""Reading workbooks (python-calamine, ~25x faster than openpyxl) with precise cell names.

Every problem is reported as 'bestand!Tabblad!C4: ...'. Files that are not workbooks,
old .xls files and password-protected files get their own message instead of a traceback.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from evaluatie import werkboekgrens
from evaluatie.fouten import Verzamelaar
from evaluatie.getallen import GetalFout, lees_geheel, lees_waarde
from evaluatie.onzichtbaar import bestandsnaam_fout
from evaluatie.padtekst import geen_utf8, leesbaar
from evaluatie.schrijfwacht import leesreden as _reden
from evaluatie.tekst import zonder_exponent
from evaluatie.werkboekgrens import MAX_BESTAND_BYTES, MAX_KOLOMMEN, MAX_RIJEN, MAX_UITGEPAKT_BYTES

__all__ = ["MAX_BESTAND_BYTES", "MAX_KOLOMMEN", "MAX_RIJEN", "MAX_UITGEPAKT_BYTES"]

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_VERSLEUTELD = "EncryptedPackage".encode("utf-16-le")
_EXCEL_STROMEN = ("Workbook\0".encode("utf-16-le"), "Book\0".encode("utf-16-le"))
"""The stream an old Excel file (BIFF8, BIFF5) keeps its workbook in; another OLE file (a Word letter, an e-mail
saved from Outlook, Thumbs.db) has none of them."""


def celnaam(rij: int, kolom: int) -> str:
    """0-based row/column to 'C4'."""
    return f"{get_column_letter(kolom + 1)}{rij + 1}"


@dataclass
class Tabblad:
    bestand: str
    naam: str
    rijen: list[list[Any]]
    verborgen: bool = False
    """Excel hides the sheet (hidden or very hidden): read all the same, but never in silence."""

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


def controleer_omvang(pad: Path, naam: str) -> tuple[str, str] | None:
    """Where and why a workbook is too big to read safely (plaats, bericht), or None (evaluatie.werkboekgrens)."""
    try:
        werkboekgrens.controleer(pad, naam)
    except werkboekgrens.TeGroot as e:
        return e.plaats, e.bericht
    return None


def lees_werkboek(pad: Path, naam: str, fouten: Verzamelaar) -> dict[str, Tabblad] | None:
    """All sheets of a workbook as rows starting at A1; None (with an error recorded) if unreadable.

    Reading is bounded: size, extent, cells and characters are capped on the zip before any
    sheet is inflated (evaluatie.werkboekgrens), so a hostile or damaged file costs little time
    or memory.
    """
    import python_calamine

    try:
        grootte = pad.stat().st_size
        if grootte > MAX_BESTAND_BYTES:
            fouten.voeg_toe(naam, f"bestand is te groot (hoogstens {MAX_BESTAND_BYTES / 1e6:.0f} MB)")
            return None
        if grootte == 0:  # 'geen Excel-werkmap' about a file named .xlsx sends the reader the wrong way
            fouten.voeg_toe(
                naam,
                "het bestand is leeg (0 bytes): het is niet goed opgeslagen, gekopieerd of gedownload; vraag het "
                "opnieuw op",
            )
            return None
        with open(pad, "rb") as f:
            kop = f.read(8192)
    except OSError as e:
        fouten.voeg_toe(naam, f"bestand kan niet worden gelezen: {_reden(e)}")
        return None
    if kop.startswith(_OLE):
        inhoud = pad.read_bytes()
        if _VERSLEUTELD in inhoud:
            fouten.voeg_toe(naam, "bestand is beveiligd met een wachtwoord; lever het zonder wachtwoord aan")
        elif any(stroom in inhoud for stroom in _EXCEL_STROMEN):
            fouten.voeg_toe(naam, "oud Excel-formaat (.xls); sla het op als .xlsx")
        else:
            fouten.voeg_toe(
                naam,
                "geen Excel-werkmap maar een ander bestand in Office-opmaak (zoals een Word-document of een "
                "opgeslagen e-mail); alleen het ingevulde formulier (.xlsx) hoort in deze map",
            )
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
        verborgen = {m.name for m in wb.sheets_metadata if m.visible != python_calamine.SheetVisibleEnum.Visible}
        for blad in wb.sheet_names:
            rijen = wb.get_sheet_by_name(blad).to_python(skip_empty_area=False)
            tabbladen[blad] = Tabblad(naam, blad, [list(r) for r in rijen], blad in verborgen)
    except Exception:  # calamine raises several error types for broken archives
        fouten.voeg_toe(naam, "geen leesbare Excel-werkmap (beschadigd, of geen .xlsx)")
        return None
    fouten.werkboeken[naam] = pad  # an error in one of its cells may be an uncomputed formula (formulecel)
    return tabbladen


def cellen_als_tekst(t: Tabblad, r: int, kolommen: list[int], lengte: int = 80) -> str:
    """What stands in some cells of a row, joined as a person reads it ('a | b'), cut at `lengte` characters: for a
    message that quotes a stray value without printing a whole pasted paragraph."""
    tekst = " | ".join(als_tekst(t.waarde(r, k)) for k in kolommen)
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def als_tekst(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, float):
        return zonder_exponent(v)  # 1e-05 as a reader writes it, never with an exponent
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


# The forms `als_datum` reads, named in every message about a date cell it cannot read (reviewer's and consensus form)
DATUMVORMEN = (
    "gelezen worden een cel met datumopmaak en tekst als JJJJ-MM-DD, DD-MM-JJJJ of DD/MM/JJJJ (bijvoorbeeld 01-03-2026)"
)


def geen_datum(v: Any, wat: str = "datum ontbreekt of is geen datum") -> str:
    """The message for a date cell that `als_datum` cannot read: what it holds, the hint for a date serial, and the
    forms that are read, so a reviewer who typed '1 maart 2026' knows what to type instead. `wat` opens the
    message ('datum van het consensusoverleg is geen datum' in the consensus form)."""
    return f"{wat}: '{als_tekst(v)}'{serieel_datum_hint(v)}; {DATUMVORMEN}"


def serieel_datum_hint(v: Any) -> str:
    """'' or, for a plain number that reads as a date serial of this century, a hint: a date typed into a cell
    formatted as a number reads 45747 (Excel counts days from 30 December 1899). Never accepted as the date:
    the cell may hold a number that was never meant as one; the sender or a recorded correction says so."""
    if isinstance(v, bool) or not isinstance(v, int | float) or not float(v).is_integer():
        return ""
    dag = dt.date(1899, 12, 30) + dt.timedelta(days=int(v))
    if not dt.date(2000, 1, 1) <= dag <= dt.date(2099, 12, 31):
        return ""
    return (
        f" (een getal in een cel die geen datumopmaak heeft; als Excel-datum is dat {dag:%d-%m-%Y}: geef de cel "
        "datumopmaak, of leg de datum vast met 'evaluatie herstel')"
    )


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
        naam = label + leesbaar(p.name)
        if p.name.startswith((".", "~$")) and _is_werkmap(p):
            # a lock file of Excel holds a user name, a hidden file of macOS its metadata: a workbook here was saved
            # under such a name (a bid or a form), and skipping it would drop it with nothing but a note
            begin = "~$, zoals een vergrendelbestand van Excel" if p.name.startswith("~$") else "een punt (verborgen)"
            inhoud.fouten.append(
                (
                    naam,
                    f"de naam begint met {begin}, maar het bestand is een werkmap; is het een formulier dat hier "
                    "hoort, geef het dan een naam zonder dat begin, en anders haal het uit de map",
                )
            )
            continue
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
        if (fout := geen_utf8(p.name) or bestandsnaam_fout(p.name)) is not None:
            inhoud.fouten.append((naam, fout))
            continue
        inhoud.lezen.append(p)
    return inhoud


def _is_werkmap(pad: Path) -> bool:
    """Whether a file starts as a zip (a .xlsx): an Excel lock file or a macOS '._' file does not."""
    try:
        with open(pad, "rb") as f:
            return pad.is_file() and f.read(4) == b"PK\x03\x04"
    except OSError:
        return False


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

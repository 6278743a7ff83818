"""Intake of the placement lists gemeenten export (xlsx or csv), with the rigour of the bid reader.

Why so strict: these rows become the figures a supplier is held to. Every problem names file,
sheet and cell; all problems of all files come at once and then nothing is written. Numbers and
dates follow the project's Dutch reading rules (evaluatie.werkboek / evaluatie.getallen); reading
is bounded like bids are. Re-reading a file adds nothing twice; a row whose content changed is
stored as a correction that names the row it replaces (the register is append-only).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sqlite3
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evaluatie.contract import namen, privacy
from evaluatie.contract.gebeurtenissen import SOORTEN, Soort, woorden
from evaluatie.contract.gebeurtenissen import soort as lees_soort
from evaluatie.contract.gebeurtenissen import uitslag as lees_uitslag
from evaluatie.contract.lezen import Register
from evaluatie.contract.notities import cellen_met_notitie
from evaluatie.contract.overstap import Toewijzing, naam, wijs_toe
from evaluatie.contract.registerwacht import terugdraaien
from evaluatie.contract.zichtbaar import weiger_verborgen
from evaluatie.definitie.model import MODULES
from evaluatie.formulecel import foutwaarden_in_werkboek
from evaluatie.fouten import Fout, Verzamelaar
from evaluatie.hashing import sha256_bestand
from evaluatie.onzichtbaar import bestandsnaam_fout
from evaluatie.padtekst import geen_utf8, leesbaar
from evaluatie.werkboek import (
    MAX_BESTAND_BYTES,
    MAX_KOLOMMEN,
    MAX_RIJEN,
    als_datum,
    als_tekst,
    celnaam,
    lees_werkboek,
)

KOLOMMEN: dict[str, tuple[str, ...]] = {
    "klantnummer": ("klantnummer", "klantnr", "klant", "pseudoniem", "cliëntnummer", "clientnummer"),
    "gemeente": ("gemeente",),
    "gebeurtenis": ("gebeurtenis", "status", "soort"),
    "datum": ("datum", "datum gebeurtenis"),
    "route": ("route", "perceel", "leerroute"),
    "aanbieder": ("aanbieder", "leverancier", "taalaanbieder"),
    "uitslag": ("uitslag", "examenuitslag", "resultaat"),
}
VERPLICHT = ("klantnummer", "gemeente", "gebeurtenis", "datum")
# events that belong to a learning route only (B1, onderwijs, Z), never to a module (PVT, MAP), and why
_LEERROUTE_GEBEURTENISSEN = {
    "examen": "een examenuitslag hoort bij een leerroute (B1, onderwijs, Z)",
    "route_gewijzigd": "een routewijziging (afschaling) gaat van de ene leerroute naar een andere (B1, onderwijs, Z)",
}
# the columns only some events use, which events, and how to say it when a sheet lacks the column
_NODIG_BIJ: dict[str, tuple[Callable[[Soort], bool], str]] = {
    "route": (lambda s: s.route_nodig, "een aanmelding of routewijziging"),
    "aanbieder": (lambda s: s.route_nodig, "een aanmelding of routewijziging"),
    "uitslag": (lambda s: s.uitslag_nodig, "een examen"),
}
_PER_KOP = {w: k for k, ws in KOLOMMEN.items() for w in ws}
AANLEVERINGEN = "aanleveringen"
_DATUMACHTIG = re.compile(r"^\s*\d{1,4}[-/]\d{1,2}[-/]\d{1,4}\s*$")


@dataclass(frozen=True)
class Regel:
    """One event row as read and checked."""

    gemeente: str
    klantnummer: str
    soort: str
    datum: dt.date
    perceel: str | None
    leverancier: str | None
    uitslag: str | None
    plaats: str  # 'hilversum-2026-k1.xlsx!Blad1!A7': the row, as the register keeps it
    # the cell of each column of the row ('datum' -> 'hilversum-2026-k1.xlsx!Blad1!D7'): an error names the cell
    # that is wrong, not the row's first cell (which need not even be the klantnummer)
    kolommen: tuple[tuple[str, str], ...] = ()
    # a known value repeated in a column the event does not use (kolom, the value it names, as written: 'route', 'B1',
    # 'B1-route'): checked against the placement (_controleer_herhaald), never stored
    herhaald: tuple[tuple[str, str, str], ...] = ()

    def cel(self, kolom: str) -> str:
        """The place of `kolom` in this row; the row's first cell when the sheet has no such column."""
        return dict(self.kolommen).get(kolom, self.plaats)

    @property
    def sleutel(self) -> tuple[str, str, str]:
        return (self.gemeente, self.klantnummer, self.soort)

    @property
    def inhoud(self) -> tuple[str, str | None, str | None, str | None]:
        return (self.datum.isoformat(), self.perceel, self.leverancier, self.uitslag)


@dataclass
class Blad:
    """Rows of one sheet (or a csv file) and how to name a cell in it."""

    bestand: str
    blad: str | None
    rijen: list[list[Any]]
    samengevoegd: dict[str, str] = field(default_factory=dict)  # 'B3' -> 'B2': a merged cell and its range's first

    def plaats(self, rij: int, kolom: int) -> str:
        cel = celnaam(rij, kolom)
        return f"{self.bestand}!{self.blad}!{cel}" if self.blad else f"{self.bestand}!{cel}"

    def leg_samenvoeging_uit(self, fouten: Verzamelaar, vanaf: int) -> None:
        """An error at a merged cell (not its range's first) says so: Excel shows the first cell's value there, so
        the klantmanager sees 'Noord' where the file holds nothing and the error says '' is no gemeente."""
        for i in range(vanaf, len(fouten.fouten)):
            f = fouten.fouten[i]
            voor, _, cel = f.plaats.rpartition("!")
            eerste = self.samengevoegd.get(cel)
            if eerste is not None and voor == f"{self.bestand}!{self.blad}":
                fouten.fouten[i] = Fout(
                    f.plaats,
                    f"{f.bericht} (de cel is samengevoegd met {eerste}: Excel toont daar de waarde van {eerste}, maar "
                    f"in het bestand staat die alleen in {eerste}; maak de samenvoeging ongedaan en vul iedere cel)",
                )


def _lees_csv(pad: Path, naam: str, fouten: Verzamelaar) -> list[Blad]:
    try:
        if pad.stat().st_size > MAX_BESTAND_BYTES:
            fouten.voeg_toe(naam, f"bestand is te groot (hoogstens {MAX_BESTAND_BYTES / 1e6:.0f} MB)")
            return []
        data = pad.read_bytes()
    except OSError as e:
        from evaluatie.schrijfwacht import leesreden

        fouten.voeg_toe(naam, f"bestand kan niet worden gelezen: {leesreden(e)}")
        return []
    try:
        tekst = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        fouten.voeg_toe(
            naam,
            f"geen UTF-8 (het {e.start + 1}e byte van het bestand); "
            "sla het op als 'CSV UTF-8 (door komma's gescheiden)'",
        )
        return []
    if "\x00" in tekst:
        fouten.voeg_toe(naam, "bevat nul-tekens; dit is geen tekstbestand")
        return []
    eerste = tekst.split("\n", 1)[0]
    scheiding = ";" if eerste.count(";") >= eerste.count(",") else ","
    rijen: list[list[Any]] = []
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    try:
        for i, rij in enumerate(lezer):
            if i >= MAX_RIJEN:
                fouten.voeg_toe(f"{naam}!A{i + 1}", f"meer dan {MAX_RIJEN} regels; lever per kwartaal aan")
                return []
            if len(rij) > MAX_KOLOMMEN:
                fouten.voeg_toe(f"{naam}!{celnaam(i, MAX_KOLOMMEN)}", f"meer dan {MAX_KOLOMMEN} kolommen")
                return []
            rijen.append(rij)
    except csv.Error:  # a field longer than csv's limit (an unclosed quote swallows the rest of the file)
        fouten.voeg_toe(
            f"{naam}!A{len(rijen) + 1}",
            f"een veld is langer dan {csv.field_size_limit():,} tekens (".replace(",", ".")
            + "staat er een aanhalingsteken dat niet wordt gesloten?); er is niets van dit bestand ingelezen",
        )
        return []
    return [Blad(naam, None, rijen)]


def _weiger_notities(pad: Path, naam: str, fouten: Verzamelaar) -> None:
    """A note on a cell would be kept unread in the archived copy (see evaluatie.contract.notities)."""
    import zipfile
    from xml.etree.ElementTree import ParseError

    waarom = (
        "de inlezing leest alleen de waarden van de cellen, maar bewaart het bestand heel (contract/aanleveringen, "
        "het dossier); een opmerking kan persoonsgegevens bevatten. Verwijder de opmerkingen en lever opnieuw aan"
    )
    try:
        notities = cellen_met_notitie(pad)
    except (zipfile.BadZipFile, KeyError, ParseError, OSError):
        fouten.voeg_toe(naam, f"de opmerkingen (notities) in deze werkmap zijn niet te lezen; {waarom}")
        return
    for blad, cel in notities:
        if blad is None or cel is None:
            fouten.voeg_toe(naam, f"bevat een opmerking (notitie) die bij geen tabblad hoort; {waarom}")
        else:
            fouten.voeg_toe(f"{naam}!{blad}!{cel}", f"opmerking (notitie) bij deze cel; {waarom}")


def _weiger_eigenschappen(pad: Path, naam: str, fouten: Verzamelaar) -> None:
    """A BSN in a document property would be kept unread in the archived copy (evaluatie.contract.eigenschappen)."""
    from xml.etree.ElementTree import ParseError

    from evaluatie.contract.eigenschappen import eigenschappen_met_bsn

    try:
        gevonden = eigenschappen_met_bsn(pad)
    except (zipfile.BadZipFile, ParseError, OSError):
        fouten.voeg_toe(
            naam, "de documenteigenschappen van deze werkmap zijn niet te lezen; sla het bestand opnieuw op"
        )
        return
    for eigenschap in gevonden:
        fouten.voeg_toe(
            naam,
            f"documenteigenschap '{eigenschap}' bevat een nummer dat aan de elfproef van het burgerservicenummer "
            "voldoet; de inlezing bewaart het bestand heel (contract/aanleveringen, het dossier). Haal het nummer "
            "weg (Bestand > Info > Eigenschappen) en lever opnieuw aan; er is niets ingelezen",
        )


def lees_bladen(pad: Path, fouten: Verzamelaar) -> list[Blad]:
    naam = pad.name
    if pad.suffix.lower() == ".csv":
        return _lees_csv(pad, naam, fouten)
    if pad.suffix.lower() != ".xlsx":
        fouten.voeg_toe(naam, "alleen .xlsx en .csv worden ingelezen")
        return []
    boek = lees_werkboek(pad, naam, fouten)
    if boek is None:
        return []
    _weiger_notities(pad, naam, fouten)
    _weiger_eigenschappen(pad, naam, fouten)
    verborgen = weiger_verborgen(pad, boek, fouten)
    for plaats, bericht in foutwaarden_in_werkboek(pad, naam):  # they read empty: never 'not filled in' in silence
        fouten.voeg_toe(plaats, bericht)
    for t in boek.values():  # empty sheets too: the archived copy keeps every sheet
        waarom = privacy.tabbladnaam_fout(t.naam)
        if waarom is not None:
            fouten.voeg_toe(f"{naam}!{t.naam}", waarom)
    return [
        Blad(naam, t.naam, t.rijen, verborgen[t.naam].samengevoegd if t.naam in verborgen else {})
        for t in boek.values()
        if not t.leeg
    ]


Naamtabellen = tuple[dict[str, str], dict[str, str], dict[str, str]]


def naamtabellen(reg: Register) -> Naamtabellen:
    """The gemeenten, routes and suppliers of the register by their folded form (evaluatie.contract.namen). Made once
    per intake, not per file: nationally (342 gemeenten, about 1.350 files a year) making the gemeenten's table for
    every file folded 460.000 names, a quarter of the intake's time, and it grew with gemeenten x files."""
    return namen.gemeenten(reg), namen.routes(reg), namen.aanbieders(reg)


def _kop_index(blad: Blad, fouten: Verzamelaar, start: dt.date) -> dict[str, int] | None:
    """Map the header row to known columns; refuse privacy columns and unknown columns with their place."""
    if not blad.rijen:
        return None
    kop = [als_tekst(v) for v in blad.rijen[0]]
    index: dict[str, int] = {}
    geweigerd: set[str] = set()  # columns refused for privacy: not reported missing as well
    goed = True
    breedte = max((len(r) for r in blad.rijen), default=0)
    elders = _kopregel_elders(blad, kop)
    if elders is not None:  # one error, not one per column of the title row; the privacy of the values still
        goed = False
        fouten.voeg_toe(
            blad.plaats(elders, 0),
            f"de kopregel staat in rij {elders + 1}, maar de inlezing leest haar in rij 1: verwijder de "
            f"{'rij' if elders == 1 else f'{elders} rijen'} erboven (zoals een titel) en lever opnieuw aan",
        )
    for j in range(breedte):
        tekst = kop[j] if j < len(kop) else ""
        volgens_kop = privacy.kop_soort(tekst) if tekst else None
        gevonden, gevuld = _privacy_in_waarden(blad, j, start)
        if volgens_kop is not None or gevonden:  # also in a column without a header
            eigen = volgens_kop is None and _PER_KOP.get(" ".join(tekst.lower().split())) is not None
            fouten.voeg_toe(
                blad.plaats(0, j), privacy.melding(tekst or "zonder kop", gevonden, volgens_kop, gevuld, eigen)
            )
            goed = False
            geweigerd.add(_PER_KOP.get(" ".join(tekst.lower().split()), ""))
            continue
        if elders is not None:
            continue
        if not tekst:
            if any(j < len(r) and als_tekst(r[j]) for r in blad.rijen[1:]):
                fouten.voeg_toe(
                    blad.plaats(0, j), "kolom zonder kop heeft waarden; geef de kolom een kop of verwijder hem"
                )
                goed = False
            continue
        sleutel = _PER_KOP.get(" ".join(tekst.lower().split()))
        if sleutel is None:
            fouten.voeg_toe(
                blad.plaats(0, j),
                f"onbekende kolom '{tekst}'; verwacht: {', '.join(KOLOMMEN)} (alleen een pseudoniem klantnummer, "
                "geen andere persoonsgegevens)",
            )
            goed = False
        elif sleutel in index:
            fouten.voeg_toe(blad.plaats(0, j), f"kolom '{tekst}' staat er twee keer (ook {celnaam(0, index[sleutel])})")
            goed = False
        else:
            index[sleutel] = j
    for k in VERPLICHT:
        if k not in index and k not in geweigerd and elders is None:
            fouten.voeg_toe(blad.plaats(0, 0), f"kolom '{k}' ontbreekt in de kopregel")
            goed = False
    return index if goed else None


def _kopregel_elders(blad: Blad, kop: list[str]) -> int | None:
    """The 0-based row of the header when row 1 names no known column and a later row (of the first 20) names every
    required one: an export with a title above its header."""
    if any(" ".join(t.lower().split()) in _PER_KOP for t in kop):
        return None
    for i in range(1, min(len(blad.rijen), 20)):
        kolommen = {_PER_KOP.get(" ".join(als_tekst(v).lower().split())) for v in blad.rijen[i]}
        if all(k in kolommen for k in VERPLICHT):
            return i
    return None


def _privacy_in_waarden(
    blad: Blad, j: int, start: dt.date
) -> tuple[list[tuple[str, str, int, str]], tuple[str | None, int]]:
    """Per kind (BSN, name, date of birth) in column j, in order of first appearance: the kind, its first cell,
    how many cells and the reason for the first (a key of privacy.WAAROM); and the first filled cell with the
    number of filled cells (a header naming a kind refuses them all)."""
    per_soort: dict[str, list] = {}
    eerste_gevuld: str | None = None
    gevuld = 0
    kop = " ".join(als_tekst(blad.rijen[0][j]).lower().split()) if j < len(blad.rijen[0]) else ""
    for i in range(1, len(blad.rijen)):
        rij = blad.rijen[i]
        if j >= len(rij):
            continue
        v = rij[j]
        soort = reden = None
        tekst = als_tekst(v)
        if tekst:
            gevuld += 1
            eerste_gevuld = eerste_gevuld or blad.plaats(i, j)
        if tekst and privacy.elfproef(tekst):
            soort = reden = "bsn"
        elif isinstance(v, str) and privacy.bsn_in_tekst(v):
            soort, reden = "bsn", "bsn_in_tekst"
        elif isinstance(v, str) and privacy.email(v):
            soort = reden = "email"
        elif isinstance(v, str) and _PER_KOP.get(kop) in (None, "klantnummer") and _naamachtig(v, kop):
            soort, reden = "naam", ("naam" if privacy.lijkt_naam(v) else "woord")
        else:
            d = _datum(v) if isinstance(v, dt.date) or (isinstance(v, str) and _DATUMACHTIG.match(v)) else None
            if d is not None and privacy.lijkt_geboortedatum(d, start):
                soort = reden = "geboortedatum"
        if soort is not None and reden is not None:
            if soort in per_soort:
                per_soort[soort][2] += 1
            else:
                per_soort[soort] = [soort, blad.plaats(i, j), 1, reden]
    return [(s, c, n, r) for s, c, n, r in per_soort.values()], (eerste_gevuld, gevuld)


def _naamachtig(v: str, kop: str) -> bool:
    """A person's name; in the klantnummer column also any word without a digit ('Jansen') and a name with a number
    added ('Jan Jansen 1')."""
    return privacy.lijkt_naam(v) or (
        _PER_KOP.get(kop) == "klantnummer" and (privacy.zonder_cijfer(v) or privacy.naam_met_nummer(v))
    )


_WETENSCHAPPELIJK = re.compile(r"^-?\d([.,]\d+)?E\+\d{2,3}$")  # as Excel writes it: 1,23457E+15
_ALS_TEKST = "maak van de kolom klantnummer tekst in het bronsysteem of in Excel en exporteer opnieuw"


def _klantnummer_fout(v: Any) -> str | None:
    """A klantnummer that is not what the gemeente's system holds: Excel keeps a number to 15 significant digits
    (a longer one was rounded, and two clients can share the rounded number), writes a long one into a csv as
    '1,23457E+15' (the same for every client with those first digits), and a cell with a decimal fraction or
    WAAR/ONWAAR is no client number. Reading it would merge or invent placements without a word."""
    if isinstance(v, bool):
        return f"'{'WAAR' if v else 'ONWAAR'}' is een waarheidswaarde, geen klantnummer"
    if isinstance(v, float) and not v.is_integer():
        return f"{als_tekst(v)} is een getal met decimalen, geen klantnummer"
    if isinstance(v, int | float) and abs(v) >= 1e15:
        return (
            f"{als_tekst(v)} is een getal van meer dan 15 cijfers: Excel bewaart een getal tot op 15 cijfers, dus de "
            f"laatste cijfers kunnen zijn afgerond en twee klanten zo hetzelfde nummer hebben; {_ALS_TEKST}"
        )
    if isinstance(v, str) and (onzichtbaar := _onzichtbaar(v)) is not None:
        return (
            f"klantnummer '{v}' bevat een teken dat niet of als gewone spatie te zien is (U+{ord(onzichtbaar):04X}, "
            f"{unicodedata.name(onzichtbaar, 'zonder naam').lower()}): het is zo een ander klantnummer dan het "
            "lijkt, en regels van dezelfde klant zonder dat teken horen er niet bij; typ het klantnummer opnieuw of "
            "exporteer opnieuw"
        )
    if isinstance(v, str) and _WETENSCHAPPELIJK.match(v):
        return (
            f"'{v}' is een afgekort getal (wetenschappelijke notatie, zoals Excel een lang nummer in een csv "
            f"schrijft): de cijfers van het klantnummer zijn weg en klanten krijgen zo hetzelfde nummer; {_ALS_TEKST}"
        )
    return None


def _onzichtbaar(tekst: str) -> str | None:
    """The first character of `tekst` that shows as nothing or as an ordinary space but is another character (a
    zero-width space or direction mark copied from a web page, a non-breaking space): 'K1' and 'K1' + U+200B look
    the same and would be two clients."""
    for c in tekst:
        soort = unicodedata.category(c)
        if soort in ("Cf", "Zl", "Zp") or (soort == "Zs" and c != " "):
            return c
    return None


_DMJ = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


def _datum(v: Any) -> dt.date | None:
    """A date cell: an Excel date, or text read by evaluatie.werkboek.als_datum; the common Dutch
    form dd-mm-jjjj is parsed directly (same result, without strptime's cost on large exports)."""
    if isinstance(v, str):
        m = _DMJ.match(v.strip())
        if m:
            try:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                return None
    return als_datum(v)


@dataclass(frozen=True)
class Grens:
    """The last day an event can have happened: the day of intake (never after today), and how to say it."""

    dag: dt.date
    uitleg: str  # 'in de toekomst (vandaag is 04-12-2026)' or 'na de datum van inlezen (--datum 02-01-2024)'

    @classmethod
    def van(cls, inlezen: dt.date, vandaag: dt.date | None) -> Grens:
        if vandaag is not None and vandaag <= inlezen:
            return cls(vandaag, f"in de toekomst (vandaag is {vandaag.strftime('%d-%m-%Y')})")
        return cls(inlezen, f"na de datum van inlezen (--datum {inlezen.strftime('%d-%m-%Y')})")


def lees_regels(
    blad: Blad,
    reg: Register,
    fouten: Verzamelaar,
    met_fout: set[str] | None = None,
    grens: Grens | None = None,
    tabellen: Naamtabellen | None = None,
) -> list[Regel]:
    """The rows of one sheet; a row with an error is left out and its klantnummer added to `met_fout` (the
    order of that client's events is not checked then: its registration is not missing, it is wrong). An
    event dated after `grens` has not happened yet: an error, as a start before the contract is. `tabellen`: the
    register's names as typed (naamtabellen), made once for all files of an intake."""
    index = _kop_index(blad, fouten, reg.startdatum)
    if index is None:
        return []
    gemeenten, routes, aanbieders = tabellen or naamtabellen(reg)
    einde = reg.laatste_dag() + dt.timedelta(days=1)  # a verlenging past the option years included
    uit: list[Regel] = []
    gezien: dict[tuple[str, str], str | None] = {}  # (kolom, value) -> the known value: exports repeat a few
    ontbrekend: dict[str, list[str]] = {}  # a column the sheet lacks -> the event cells of the rows that need it

    def cel(i: int, k: str) -> Any:
        j = index.get(k)
        if j is None or j >= len(blad.rijen[i]):
            return None
        v = blad.rijen[i][j]
        return v.strip() if isinstance(v, str) else v

    for i in range(1, len(blad.rijen)):
        if all(als_tekst(v) == "" for v in blad.rijen[i]):
            continue
        n = len(fouten.fouten)
        klant = als_tekst(cel(i, "klantnummer"))
        if not klant:
            fouten.voeg_toe(blad.plaats(i, index["klantnummer"]), "klantnummer ontbreekt")
        elif len(klant) > 40 or any(ord(c) < 32 for c in klant):
            fouten.voeg_toe(blad.plaats(i, index["klantnummer"]), "klantnummer langer dan 40 tekens of met stuurtekens")
        elif (waarom := _klantnummer_fout(cel(i, "klantnummer"))) is not None:
            fouten.voeg_toe(blad.plaats(i, index["klantnummer"]), waarom)
        gemeente = namen.zoek(als_tekst(cel(i, "gemeente")), gemeenten)
        if gemeente is None:
            fouten.voeg_toe(
                blad.plaats(i, index["gemeente"]),
                f"'{als_tekst(cel(i, 'gemeente'))}' is geen gemeente van dit contract ({', '.join(reg.gemeenten[:8])}"
                + (", ..." if len(reg.gemeenten) > 8 else "")
                + ")"
                + reg.latere_hint(als_tekst(cel(i, "gemeente"))),
            )
        s = lees_soort(als_tekst(cel(i, "gebeurtenis")))
        if s is None:
            fouten.voeg_toe(
                blad.plaats(i, index["gebeurtenis"]),
                f"onbekende gebeurtenis '{als_tekst(cel(i, 'gebeurtenis'))}'; verwacht een van: {woorden()}",
            )
        ruwe_datum = cel(i, "datum")
        datum = _datum(ruwe_datum)
        if datum is None:
            fouten.voeg_toe(
                blad.plaats(i, index["datum"]),
                f"'{als_tekst(ruwe_datum)}' is geen datum; schrijf 31-03-2026 of 2026-03-31 (of een Excel-datum)",
            )
        elif datum < reg.startdatum:
            fouten.voeg_toe(
                blad.plaats(i, index["datum"]),
                f"{datum.strftime('%d-%m-%Y')} ligt voor de start van het contract "
                f"({reg.startdatum.strftime('%d-%m-%Y')})",
            )
        elif grens is not None and datum > grens.dag:
            fouten.voeg_toe(
                blad.plaats(i, index["datum"]),
                f"{datum.strftime('%d-%m-%Y')} ligt {grens.uitleg}: een gebeurtenis wordt gemeld als ze is gebeurd",
            )
        elif datum >= einde:
            laatste = (einde - dt.timedelta(days=1)).strftime("%d-%m-%Y")
            fouten.voeg_toe(
                blad.plaats(i, index["datum"]),
                f"{datum.strftime('%d-%m-%Y')} ligt na het einde van de looptijd van het contract ({reg.duur()}, "
                f"tot en met {laatste}); het register volgt de plaatsingen tot en met die dag: laat latere "
                f"gebeurtenissen weg{reg.open_opties()}",
            )
        perceel = leverancier = uitslag = None
        zonder = [k for k in _NODIG_BIJ if s is not None and k not in index and _NODIG_BIJ[k][0](s)]
        for k in zonder:  # said once for the sheet, at its header, below
            ontbrekend.setdefault(k, []).append(blad.plaats(i, index["gebeurtenis"]))
        if s is not None and s.route_nodig and not zonder:
            perceel = namen.zoek(als_tekst(cel(i, "route")), routes)
            if perceel is None:
                fouten.voeg_toe(
                    blad.plaats(i, index["route"]),
                    f"route {reg.geen_perceel(als_tekst(cel(i, 'route')))}",
                )
            elif s.code == "route_gewijzigd" and perceel in MODULES:  # the route column is the new route
                fouten.voeg_toe(
                    blad.plaats(i, index["gebeurtenis"]),
                    f"perceel {perceel} ({reg.percelen[perceel].naam}) is een module, geen leerroute: "
                    f"{_LEERROUTE_GEBEURTENISSEN[s.code]}",
                )
            getypt = als_tekst(cel(i, "aanbieder"))
            naam = namen.zoek(getypt, aanbieders)
            if naam is None:
                fouten.voeg_toe(
                    blad.plaats(i, index["aanbieder"]),
                    f"aanbieder '{getypt}' {namen.geen_contract(getypt, reg)}",
                )
            elif perceel is not None:
                lev = reg.leveranciers.get((perceel, naam))
                if lev is None:
                    fouten.voeg_toe(
                        blad.plaats(i, index["aanbieder"]), f"{naam} heeft geen contract voor perceel {perceel}"
                    )
                elif gemeente is not None and not any(gemeente in x.gemeenten for x in reg.leveranciers_van(perceel)):
                    # no supplier of the lot serves the gemeente: it is not in the lot (not the supplier's doing)
                    fouten.voeg_toe(
                        blad.plaats(i, index["route"]),
                        f"geen enkele aanbieder van perceel {perceel} ({reg.percelen[perceel].naam}) heeft een "
                        f"contract voor {gemeente}: {gemeente} neemt niet deel aan dit perceel",
                    )
                elif gemeente is not None and gemeente not in lev.gemeenten:
                    fouten.voeg_toe(
                        blad.plaats(i, index["aanbieder"]), f"{naam} bedient {gemeente} niet in perceel {perceel}"
                    )
                else:
                    weg = reg.uitval_op(perceel, naam, datum) if datum is not None else None
                    intrede = reg.toegetreden.get((perceel, naam))
                    # a route change places the person with the supplier of the new route from that day, as a
                    # registration does: not with one that has dropped out of it or is not yet admitted to it
                    nieuw = s.code in ("aangemeld", "route_gewijzigd")
                    wat = "" if s.code == "aangemeld" else ": een routewijziging naar deze aanbieder kan dan niet"
                    if weg is not None and datum is not None and datum >= weg and nieuw:
                        fouten.voeg_toe(
                            blad.plaats(i, index["aanbieder"]),
                            f"{naam} is per {weg.strftime('%d-%m-%Y')} uitgevallen in perceel {perceel}{wat}",
                        )
                    elif intrede is not None and datum is not None and datum < intrede and nieuw:
                        fouten.voeg_toe(
                            blad.plaats(i, index["aanbieder"]),
                            f"{naam} is pas per {intrede.strftime('%d-%m-%Y')} toegelaten tot perceel {perceel} "
                            f"(later toegetreden){wat}",
                        )
                leverancier = naam
        if gemeente is not None and datum is not None and datum >= reg.startdatum:
            # a gemeente that joined later (contract aansluiting) has no contract before that day, in that lot
            waarom = reg.niet_aangesloten_op(gemeente, perceel, datum)
            if waarom is not None:
                fouten.voeg_toe(blad.plaats(i, index["datum"]), waarom)
        if s is not None and s.uitslag_nodig and not zonder:
            uitslag = lees_uitslag(als_tekst(cel(i, "uitslag")))
            if uitslag is None:
                fouten.voeg_toe(
                    blad.plaats(i, index["uitslag"]),
                    f"uitslag '{als_tekst(cel(i, 'uitslag'))}' onbekend; verwacht B1, hoogst haalbaar of niet behaald",
                )
        herhaald: tuple[tuple[str, str, str], ...] = ()
        if s is not None:
            herhaald = _controleer_overige_cellen(blad, i, index, s, cel, (routes, aanbieders), gezien, fouten)
        if len(fouten.fouten) == n and not zonder and s is not None and gemeente is not None and datum is not None:
            kolommen = tuple((k, blad.plaats(i, j)) for k, j in sorted(index.items()))
            uit.append(
                Regel(
                    gemeente, klant, s.code, datum, perceel, leverancier, uitslag, blad.plaats(i, 0), kolommen, herhaald
                )
            )
        elif met_fout is not None:
            met_fout.add(klant)
    for k, plaatsen in ontbrekend.items():
        fouten.voeg_toe(
            blad.plaats(0, 0),
            f"kolom '{k}' ontbreekt in de kopregel; {_NODIG_BIJ[k][1]} vraagt haar: {len(plaatsen)} regel(s), de "
            f"eerste {plaatsen[0]}",
        )
    return uit


def _controleer_overige_cellen(
    blad: Blad,
    i: int,
    index: dict[str, int],
    s: Soort,
    cel: Callable[[int, str], Any],
    tabellen: tuple[dict[str, str], dict[str, str]],
    gezien: dict[tuple[str, str], str | None],
    fouten: Verzamelaar,
) -> tuple[tuple[str, str, str], ...]:
    """Route, supplier and result cells an event does not use may repeat a known value (exports fill them on every
    row), but anything else there is refused: it would be silently ignored, and a name of a person written in it
    would be kept in the archived copy of the file (contract/aanleveringen, the dossier). `tabellen`: the lookup
    tables of routes and suppliers (evaluatie.contract.namen), built once per sheet. Returns the known values
    repeated, as (kolom, value, as written): they must agree with the placement (_controleer_herhaald)."""
    routes, aanbieders = tabellen
    herhaald: list[tuple[str, str, str]] = []
    geldig: tuple[tuple[str, bool, Callable[[str], str | None], str], ...] = (
        ("route", s.route_nodig, lambda v: namen.zoek(v, routes), "route van dit contract"),
        ("aanbieder", s.route_nodig, lambda v: namen.zoek(v, aanbieders), "aanbieder met een contract"),
        ("uitslag", s.uitslag_nodig, lees_uitslag, "examenuitslag"),
    )
    for kolom, gebruikt, herken, wat in geldig:
        if gebruikt or kolom not in index:
            continue
        v = als_tekst(cel(i, kolom))
        if not v:
            continue
        if (kolom, v) not in gezien:
            gezien[(kolom, v)] = herken(v)
        bekend = gezien[(kolom, v)]
        if bekend is not None:
            herhaald.append((kolom, bekend, v))
        else:
            persoon = " en ziet eruit als de naam van een persoon" if privacy.lijkt_naam(v) else ""
            fouten.voeg_toe(
                blad.plaats(i, index[kolom]),
                f"kolom '{kolom}' bij de gebeurtenis '{s.label}': '{v}' is geen {wat}{persoon}; laat deze cel leeg: "
                "de kolom hoort niet bij deze gebeurtenis (alleen een pseudoniem klantnummer, geen persoonsgegevens)",
            )
    return tuple(herhaald)


# per column an event may repeat: the events whose value it repeats, the index in Regel.inhoud, and what it is
_HERHAALBAAR = {
    "route": (("aangemeld", "route_gewijzigd"), 1, "de route"),
    "aanbieder": (("aangemeld", "route_gewijzigd"), 2, "de aanbieder"),
    "uitslag": (("examen",), 3, "de examenuitslag"),
}


def _controleer_herhaald(
    huidig: dict[tuple[str, str, str], tuple[int, tuple[str, str | None, str | None, str | None], str]],
    regels: list[Regel],
    fouten: Verzamelaar,
    met_fout: set[str],
    naam: dict[str, str],  # row place -> the name of its placement (contract.overstap.naam)
) -> None:
    """A value repeated in a column the event does not use must be the placement's, as it stands after this intake:
    the route and supplier of the registration or of the route change, the result of the exam. A start 'Z, Delta'
    of a client registered for B1 with Alfa, or a completion with 'B1' of a client without that exam, was read as
    Alfa's B1 start or a completion without result, without a word; the file says something else."""
    for r in regels:
        k = naam[r.plaats]
        if r.klantnummer in met_fout or (r.gemeente, k, "aangemeld") not in huidig:
            continue  # a wrong row or a missing registration is said already
        for kolom, waarde, geschreven in r.herhaald:
            soorten, plek, wat = _HERHAALBAAR[kolom]
            bekend = {
                (huidig[(r.gemeente, k, x)][1][plek], huidig[(r.gemeente, k, x)][2])
                for x in soorten
                if (r.gemeente, k, x) in huidig
            }
            if waarde in {w for w, _ in bekend}:
                continue
            volgens = "; ".join(f"{w} volgens {p}" for w, p in sorted(bekend, key=lambda b: b[1])) or "geen examen"
            label = SOORTEN[r.soort].label
            fouten.voeg_toe(
                r.cel(kolom),
                f"klant {r.klantnummer} ({r.gemeente}): {kolom} '{geschreven}' bij de gebeurtenis '{label}' is niet "
                f"{wat} van deze plaatsing ({volgens}); de kolom wordt bij deze gebeurtenis niet gelezen, dus wat er "
                "staat, telt nergens mee: laat de cel leeg of herhaal wat klopt"
                + (", en lever een regel 'examen' aan als er een uitslag is" if kolom == "uitslag" else ""),
            )


@dataclass
class Inleesverslag:
    bestanden: list[tuple[str, str, int, int, int]]  # (bestand, sha256, nieuw, gecorrigeerd, ongewijzigd)
    correcties: list[str]
    waarschuwingen: list[str] = field(default_factory=list)  # e.g. placements past a framework maximum

    @property
    def nieuw(self) -> int:
        return sum(b[2] for b in self.bestanden)

    @property
    def gecorrigeerd(self) -> int:
        return sum(b[3] for b in self.bestanden)

    @property
    def ongewijzigd(self) -> int:
        return sum(b[4] for b in self.bestanden)


_LEEG = (
    "het bestand bevat niets, ook geen kopregel: het is niet goed opgeslagen, gekopieerd of gedownload, of het is het "
    "verkeerde bestand; vraag het opnieuw op (een aanlevering zonder gebeurtenissen heeft wel de kopregel)"
)


def verzamel(paden: Sequence[Path]) -> list[Path]:
    """Files given, and the .xlsx/.csv files directly in folders given, in name order; a file given twice (itself
    and its folder) once. Files given one by one are put in name order too: a shell orders a glob (post/*.csv) by
    the locale, and the same files in another order gave the register other row numbers (and the dossier another
    copy of it)."""
    uit: list[Path] = []
    for p in paden:
        if p.is_dir():
            uit += sorted(
                q
                for q in p.iterdir()
                if q.is_file() and q.suffix.lower() in (".xlsx", ".csv") and not q.name.startswith(("~$", "."))
            )
        else:
            uit.append(p)
    gezien: set[Path] = set()
    eenmaal: list[Path] = []
    for p in sorted(uit, key=lambda q: (q.name, q.as_posix())):
        if p.resolve() not in gezien:
            gezien.add(p.resolve())
            eenmaal.append(p)
    return eenmaal


def _zelfde_naam(paden: list[Path], fouten: Verzamelaar) -> list[Path]:
    """The files to read: two files with the same name in one intake (two gemeenten that both send 'k3.csv', in
    their own folders) are refused. Every error and every row in the register names a file by its name
    ('k3.csv!D3'), so their rows could not be told apart, in the errors nor in the register."""
    eerste: dict[str, Path] = {}
    uit = []
    for pad in paden:
        was = eerste.setdefault(pad.name, pad)
        if was is pad:
            uit.append(pad)
        else:
            fouten.voeg_toe(
                pad.name,
                f"twee bestanden met deze naam in één inlezing ({was} en {pad}): iedere melding en iedere regel in "
                "het register noemt een bestand bij zijn naam, dus hun regels zijn niet uit elkaar te houden; geef "
                "ieder bestand een eigen naam (bijvoorbeeld met de gemeente erin) of lees ze apart in",
            )
    return uit


def lees_in(
    db: sqlite3.Connection,
    reg: Register,
    paden: Sequence[Path],
    datum: dt.date,
    bewaar_in: Path | None,
    vandaag: dt.date | None = None,
) -> Inleesverslag:
    """Read every file, then (only if all are correct) write the new and corrected events in one transaction.
    The day of intake (`datum`) is not after `vandaag` (the run date, as the decision commands take it), and
    no event is after the day of intake."""
    fouten = Verzamelaar()
    if vandaag is not None and datum > vandaag:
        fouten.voeg_toe(
            "--datum",
            f"{datum.strftime('%d-%m-%Y')} ligt in de toekomst (vandaag is {vandaag.strftime('%d-%m-%Y')}); "
            "lees in op de dag van inlezen",
        )
    grens = Grens.van(datum, vandaag)
    per_bestand: list[tuple[Path, str, list[Regel]]] = []
    met_fout: set[str] = set()
    tabellen = naamtabellen(reg)  # once for every file
    for pad in _zelfde_naam(verzamel(paden), fouten):
        if not pad.is_file():
            fouten.voeg_toe(pad.name, "bestand bestaat niet")
            continue
        if (naamfout := geen_utf8(pad.name) or bestandsnaam_fout(pad.name)) is not None:  # the register needs text
            fouten.voeg_toe(leesbaar(pad.name), naamfout)
            continue
        naamfout = privacy.bestandsnaam_fout(pad.name)
        if naamfout is not None:
            fouten.voeg_toe(pad.name, naamfout)
        regels: list[Regel] = []
        voor = len(fouten.fouten)
        bladen = lees_bladen(pad, fouten)
        if len(fouten.fouten) == voor and not any(als_tekst(v) for b in bladen for r in b.rijen for v in r):
            fouten.voeg_toe(pad.name, _LEEG)
        for blad in bladen:
            vanaf = len(fouten.fouten)
            regels += lees_regels(blad, reg, fouten, met_fout, grens, tabellen)
            blad.leg_samenvoeging_uit(fouten, vanaf)
        per_bestand.append((pad, sha256_bestand(pad), regels))
    # every row to a placement of its client: a registration after a drop-out or a stop is a next placement
    # (contract.overstap), not a correction
    toewijzing = wijs_toe(db, (r for _, _, regels in per_bestand for r in regels))
    for cel, tekst in toewijzing.fouten:
        fouten.voeg_toe(cel, tekst)
    for _, _, regels in per_bestand:
        _controleer_dubbel(regels, fouten, met_fout, toewijzing.naam)
    plan = _plan(db, per_bestand, datum, toewijzing)
    # the order of events of every placement the intake touches, with the rows read; together with the row
    # errors (all errors at once), leaving out clients with a wrong row
    hier = {r.plaats: r for _, _, regels in per_bestand for r in regels}
    geraakt = {(r.gemeente, toewijzing.naam[r.plaats]) for r in hier.values() if r.klantnummer not in met_fout}
    _controleer_herhaald(plan.huidig, list(hier.values()), fouten, met_fout, toewijzing.naam)
    _controleer_volgorde(plan.huidig, geraakt, fouten, plan.gecorrigeerd, hier)
    fouten.controleer()
    return _schrijf(db, per_bestand, plan, bewaar_in)


def _controleer_dubbel(regels: list[Regel], fouten: Verzamelaar, met_fout: set[str], naam: dict[str, str]) -> None:
    """Two rows of one file with the same event of the same client but different content: an error naming both.

    Across files and intakes a changed row is a correction of the earlier one; within one file neither row
    is "earlier", and taking the last would silently drop the other (a second registration of a client
    with another supplier would move the first one). The same row twice is harmless and read once."""
    eerste: dict[tuple[str, str, str], Regel] = {}
    for r in regels:  # per placement: a client's registration after a drop-out is another placement's (overstap)
        was = eerste.setdefault((r.gemeente, naam[r.plaats], r.soort), r)
        if was.inhoud != r.inhoud:
            anders = next(k for k, a, b in zip(_INHOUD, was.inhoud, r.inhoud, strict=True) if a != b)
            fouten.voeg_toe(
                r.cel(anders),
                f"klant {r.klantnummer} ({r.gemeente}): {r.soort} staat ook in {was.plaats} met andere gegevens "
                f"({_toon(was.inhoud)}; hier {_toon(r.inhoud)}); het register kent per klant één gebeurtenis van "
                "iedere soort: laat in dit bestand alleen de juiste regel staan",
            )
            met_fout.add(r.klantnummer)


_INHOUD = ("datum", "route", "aanbieder", "uitslag")  # the columns of Regel.inhoud, in its order


@dataclass
class _Plan:
    """What an intake would write, computed before anything is written."""

    huidig: dict[tuple[str, str, str], tuple[int, tuple[str, str | None, str | None, str | None], str]]
    nieuwe_p: list[tuple[int, str, str, int]]  # (id, gemeente, klantnummer, volgnummer)
    nieuwe_g: list[tuple[Any, ...]]
    inlezingen: list[tuple[Any, ...]]
    verslag: Inleesverslag
    gecorrigeerd: set[tuple[str, str, str]]  # (gemeente, klantnummer, soort) of every event this intake corrects


def _plan(
    db: sqlite3.Connection, per_bestand: list[tuple[Path, str, list[Regel]]], datum: dt.date, toewijzing: Toewijzing
) -> _Plan:
    """The events to write. Keys name a placement as (gemeente, name, kind): the name is the klantnummer, from a
    client's second placement on with its number (contract.overstap.naam), so the checks and messages keep them
    apart."""
    huidig: dict[tuple[str, str, str], tuple[int, tuple[str, str | None, str | None, str | None], str]] = {}
    for gid, g, k, n, soort, d, p, lev, u, plaats in db.execute(
        "SELECT h.id, p.gemeente, p.klantnummer, p.volgnummer, h.soort, h.datum, h.perceel, h.leverancier, h.uitslag, "
        "h.plaats FROM huidige_gebeurtenis h JOIN plaatsing p ON p.id = h.plaatsing_id"
    ):
        huidig[(g, naam(k, n), soort)] = (gid, (d, p, lev, u), plaats)
    # events withdrawn by a decision (contract intrekken): the same row again leaves the withdrawal standing (and is
    # said), another row is a correction that counts again; the order of events is checked without them
    ingetrokken = dict(db.execute("SELECT gebeurtenis_id, besluit_id FROM intrekking"))
    volgende_g = int(db.execute("SELECT COALESCE(MAX(id), 0) FROM gebeurtenis").fetchone()[0]) + 1
    volgende_i = int(db.execute("SELECT COALESCE(MAX(id), 0) FROM inlezing").fetchone()[0]) + 1
    nieuwe_p = toewijzing.nieuw
    nieuwe_g: list[tuple[Any, ...]] = []
    inlezingen: list[tuple[Any, ...]] = []
    verslag = Inleesverslag([], [], list(toewijzing.overstappen))
    gecorrigeerd: set[tuple[str, str, str]] = set()
    for pad, sha, regels in per_bestand:
        nieuw = gecorr = zelfde = 0
        for r in regels:
            sleutel = (r.gemeente, toewijzing.naam[r.plaats], r.soort)
            was = huidig.get(sleutel)
            if was is not None and was[1] == r.inhoud:
                zelfde += 1
                if was[0] in ingetrokken:
                    verslag.waarschuwingen.append(
                        f"{r.plaats}: klant {r.klantnummer} ({r.gemeente}), {r.soort}: deze gebeurtenis ({was[2]}) is "
                        f"ingetrokken bij besluit {ingetrokken[was[0]]} en blijft ingetrokken; zij telt niet mee"
                    )
                continue
            vervangt = reden = None
            if was is not None:
                gecorrigeerd.add(sleutel)
                vervangt = was[0]
                reden = f"gewijzigd in {r.plaats} (was {_toon(was[1])} volgens {was[2]}; nu {_toon(r.inhoud)})"
                if was[0] in ingetrokken:  # a new fact delivered after the withdrawal: it counts
                    reden += f"; de vorige was ingetrokken bij besluit {ingetrokken[was[0]]}, deze telt weer mee"
                verslag.correcties.append(f"{r.plaats}: klant {sleutel[1]} ({r.gemeente}), {r.soort}: {reden}")
                gecorr += 1
            else:
                nieuw += 1
            nieuwe_g.append(
                (
                    volgende_g,
                    toewijzing.pid[r.plaats],
                    r.soort,
                    r.datum.isoformat(),
                    r.perceel,
                    r.leverancier,
                    r.uitslag,
                    volgende_i,
                    r.plaats,
                    vervangt,
                    reden,
                )
            )
            huidig[sleutel] = (volgende_g, r.inhoud, r.plaats)
            volgende_g += 1
        inlezingen.append((volgende_i, pad.name, sha, datum.isoformat(), nieuw, gecorr, zelfde))
        verslag.bestanden.append((pad.name, sha, nieuw, gecorr, zelfde))
        volgende_i += 1
    geldig = {k: v for k, v in huidig.items() if v[0] not in ingetrokken}
    return _Plan(geldig, nieuwe_p, nieuwe_g, inlezingen, verslag, gecorrigeerd)


def _schrijf(
    db: sqlite3.Connection, per_bestand: list[tuple[Path, str, list[Regel]]], plan: _Plan, bewaar_in: Path | None
) -> Inleesverslag:
    nieuwe_p, nieuwe_g, inlezingen = plan.nieuwe_p, plan.nieuwe_g, plan.inlezingen
    if bewaar_in is not None:  # the dossier keeps every file as it was read: kept before the register commits
        from evaluatie.schrijfwacht import bewaakt, schrijf_bytes

        for pad, sha, _ in per_bestand:
            doel = bewaar_in / f"{sha[:12]}-{pad.name}"
            if not doel.exists():
                with bewaakt(pad):
                    data = pad.read_bytes()
                schrijf_bytes(doel, data)
    db.execute("BEGIN")
    try:
        db.executemany(
            "INSERT INTO inlezing (id, bestand, sha256, datum, nieuw, gecorrigeerd, ongewijzigd) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            inlezingen,
        )
        db.executemany("INSERT INTO plaatsing (id, gemeente, klantnummer, volgnummer) VALUES (?, ?, ?, ?)", nieuwe_p)
        db.executemany(
            "INSERT INTO gebeurtenis (id, plaatsing_id, soort, datum, perceel, leverancier, uitslag, inlezing_id, "
            "plaats, vervangt, reden) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            nieuwe_g,
        )
        db.execute("COMMIT")
    except BaseException:
        terugdraaien(db)
        raise
    return plan.verslag


_VOLGORDE = (
    ("gestart", "aangemeld", "de start ligt voor de aanmelding"),
    ("voortijdig_gestopt", "gestart", "het voortijdig stoppen ligt voor de start"),
    ("afgerond", "gestart", "het afronden ligt voor de start"),
    ("examen", "aangemeld", "het examen ligt voor de aanmelding"),
    ("route_gewijzigd", "aangemeld", "de routewijziging ligt voor de aanmelding"),
    # a trajectory that ended does not change route: the change would count as a new call-off in the new route
    (
        "afgerond",
        "route_gewijzigd",
        "de routewijziging ligt na het afronden; een afgerond traject wijzigt niet meer van route",
    ),
    (
        "voortijdig_gestopt",
        "route_gewijzigd",
        "de routewijziging ligt na het voortijdig stoppen; een gestopt traject wijzigt niet meer van route",
    ),
)


def _controleer_volgorde(
    huidig: dict[tuple[str, str, str], tuple[int, tuple[str, str | None, str | None, str | None], str]],
    geraakt: set[tuple[str, str]],
    fouten: Verzamelaar,
    gecorrigeerd: set[tuple[str, str, str]],  # events this intake corrects
    hier: dict[str, Regel],  # the rows of this intake by their place
) -> None:
    """Every placement touched by this intake, as it would stand afterwards: a registration exists and
    the dates follow each other. An event without a registration would count nowhere, so it is refused.

    Each error names the cell that is wrong (the date of a start before its registration, the event of an exam
    in a module), in a row of this intake: when the other row of a pair is the one read now (a corrected
    registration after a start read earlier), the error is at that row, naming the earlier one, for only the
    files of this intake can be changed and read again."""

    def cel(plaats: str, kolom: str) -> str:
        r = hier.get(plaats)
        return r.cel(kolom) if r is not None else plaats

    per: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}
    route: dict[tuple[str, str, str], str | None] = {}
    for (g, k, soort), (_, inhoud, plaats) in huidig.items():
        if (g, k) in geraakt:
            per.setdefault((g, k), {})[soort] = (inhoud[0], plaats)
            route[(g, k, soort)] = inhoud[1]
    for (g, k), feiten in sorted(per.items()):
        if "aangemeld" not in feiten:
            eerste = min((p for _, p in feiten.values()), key=lambda p: (p not in hier, _volgorde_plaats(p)))
            fouten.voeg_toe(
                cel(eerste, "klantnummer"), f"klant {k} ({g}) heeft geen aanmelding, in dit bestand of eerder ingelezen"
            )
            continue
        if "afgerond" in feiten and "gestart" not in feiten:  # a route completed that never started
            fouten.voeg_toe(
                cel(feiten["afgerond"][1], "gebeurtenis"),
                f"klant {k} ({g}) is afgerond zonder start, in dit bestand of eerder ingelezen; geef de startdatum op",
            )
        for later, eerder, tekst in _VOLGORDE:
            if later == "voortijdig_gestopt" and eerder == "gestart" and eerder not in feiten:  # stopped, not started
                eerder, tekst = "aangemeld", "het voortijdig stoppen ligt voor de aanmelding"
            if later in feiten and eerder in feiten and feiten[later][0] < feiten[eerder][0]:
                opnieuw = ""
                if eerder == "aangemeld" and (g, k, "aangemeld") in gecorrigeerd:
                    # a second registration of the same client reads as a correction of the first one
                    opnieuw = (
                        "; die aanmelding vervangt de eerdere als correctie: een nieuwe aanmelding van dezelfde klant "
                        "is alleen een nieuwe plaatsing na de uitval van haar aanbieder of een vastgelegd voortijdig "
                        "stoppen, anders is zij een correctie van de eerdere"
                    )
                # a route change after the end is the change's error: said at its row, naming the end's
                plaats, ander = feiten[later][1], feiten[eerder][1]
                if eerder == "route_gewijzigd":
                    plaats, ander = ander, plaats
                if plaats not in hier and ander in hier:  # the row read now is the one to change
                    plaats, ander = ander, plaats
                fouten.voeg_toe(cel(plaats, "datum"), f"klant {k} ({g}): {tekst} ({ander}){opnieuw}")
        if "voortijdig_gestopt" in feiten and "afgerond" in feiten:  # two outcomes: counted in both columns
            gestopt, afgerond = feiten["voortijdig_gestopt"], feiten["afgerond"]
            later = gestopt[1] if gestopt >= afgerond else afgerond[1]
            if later not in hier:
                later = afgerond[1] if later == gestopt[1] else gestopt[1]
            fouten.voeg_toe(
                cel(later, "gebeurtenis"),
                f"klant {k} ({g}) is zowel voortijdig gestopt ({gestopt[1]}) als afgerond ({afgerond[1]}); een "
                "traject heeft één uitkomst: laat de onjuiste regel weg of corrigeer haar",
            )
        naar = route.get((g, k, "route_gewijzigd"))
        van = route.get((g, k, "aangemeld"))
        nu = naar if naar is not None else van
        if "examen" in feiten and nu in MODULES:  # the exam row names no route: the placement's route counts
            fouten.voeg_toe(
                cel(feiten["examen"][1], "gebeurtenis"),
                f"klant {k} ({g}): perceel {nu} is een module, geen leerroute (aanmelding {feiten['aangemeld'][1]}): "
                f"{_LEERROUTE_GEBEURTENISSEN['examen']}; een module eindigt met 'afgerond' of 'voortijdig gestopt'",
            )
        if naar is not None and van in MODULES and naar not in MODULES:
            fouten.voeg_toe(
                cel(feiten["route_gewijzigd"][1], "gebeurtenis"),
                f"klant {k} ({g}): de aanmelding ({feiten['aangemeld'][1]}) is voor de module {van}, geen leerroute: "
                f"{_LEERROUTE_GEBEURTENISSEN['route_gewijzigd']}",
            )
        elif naar is not None and naar == van:
            # counted as a downgrade (afschaling) of the supplier otherwise, and the new supplier dropped
            fouten.voeg_toe(
                cel(feiten["route_gewijzigd"][1], "route"),
                f"klant {k} ({g}): de route wijzigt naar {naar}, de route van de aanmelding "
                f"({feiten['aangemeld'][1]}); "
                "een routewijziging (afschaling) gaat naar een andere route. Een overstap naar een andere aanbieder "
                "in dezelfde route is een nieuwe aanmelding, en alleen na een uitval van de aanbieder of een "
                "voortijdig stoppen een nieuwe plaatsing",
            )


def _volgorde_plaats(plaats: str) -> tuple[str, int, str]:
    """Sort key of a place: the file and sheet, then the row as a number (A10 after A9)."""
    voor, _, cel = plaats.rpartition("!")
    m = re.match(r"([A-Z]+)(\d+)$", cel)
    return (voor, int(m.group(2)), m.group(1)) if m else (plaats, 0, "")


def _toon(inhoud: tuple[str, str | None, str | None, str | None]) -> str:
    d, p, lev, u = inhoud
    delen = [dt.date.fromisoformat(d).strftime("%d-%m-%Y")]
    delen += [x for x in (p, lev, u) if x]
    return ", ".join(delen)

"""Load every bid workbook of a workspace into validated Inschrijving models.

All problems of all files are collected and raised together (InvoerFout, exit 2).
Nothing is dropped: rows that cannot be read are errors, not skipped.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluatie.besluiten.model import Herstel
from evaluatie.besluiten.verouderd import Verouderd
from evaluatie.definitie.model import Aanbesteding
from evaluatie.formulecel import heeft_formule
from evaluatie.fouten import Fout, Verzamelaar
from evaluatie.gemeentenamen import is_provincie, opsomming, toevoeging, zonder_toevoeging
from evaluatie.getallen import GetalFout, controleer_bedrag, lees_geheel, lees_waarde
from evaluatie.hashing import sha256_bestand
from evaluatie.inschrijving import velden as v
from evaluatie.inschrijving.herkomst import controleer_herkomst, gemeenten_op_formulier, toegevoegd_op_formulier
from evaluatie.inschrijving.model import Inschrijving, OngeldigePrijs, PerceelAanbod
from evaluatie.naamvorm import lijkt as naamlijkt
from evaluatie.naamvorm import sleutel as naamsleutel
from evaluatie.naamvorm import vorm as naamvorm
from evaluatie.onzichtbaar import onzichtbaar_teken
from evaluatie.parallel import in_volgorde
from evaluatie.tekst import getal
from evaluatie.veldrijen import rij_per_veld
from evaluatie.verborgen import Verborgen, verborgen_rijen_en_kolommen
from evaluatie.werkboek import (
    Tabblad,
    als_datum,
    als_janee,
    als_tekst,
    cellen_als_tekst,
    celnaam,
    lees_werkboek,
    map_inhoud,
    serieel_datum_hint,
)
from evaluatie.werkboekgrens import kolomnummer

MAX_TEKST = 300
"""Longest name or contact field accepted: long enough for any real legal name."""
_KVK = re.compile(r"^[0-9]{8}$")  # the digits 0-9 only: \d also matches full-width and other digits
_KVK_SCHEIDING = re.compile(r"[ .\u00a0\u202f-]")
"""A KvK number is often written in groups ('7012 3456', '7012.3456'): the message then says exactly that."""
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PARALLEL_VANAF = 40
"""From this many bid files they are read on every core (evaluatie.parallel): a real tender has a
handful and reads them here, a national one has 150 (1.9 s of reading on one core)."""


def lees_inschrijvingen(
    aanbesteding: Aanbesteding,
    map_: Path,
    herstellingen: Sequence[Herstel] = (),
    verouderd: list[Verouderd] | None = None,
    scenario: bool = False,
) -> tuple[list[Inschrijving], list[str]]:
    """Read all bids in `map_`. Returns the bids (sorted by name) and notes on skipped files and on
    the recorded corrections (besluiten/herstel.py) applied while reading. A stale correction is never
    applied; with `verouderd` it is added there (an open point of the award) and the cell is read as the file
    has it; if a bid then cannot be read, the stale corrections are named with that input error (and are in
    `verouderd` all the same). Without `verouderd` a stale correction is itself an input error. In a `scenario`
    (a what-if on changed rules) 'alle' is the lot's gemeenten in the scenario, whatever the form listed: a gemeente
    the what-if adds to a lot is its very question."""
    fouten = Verzamelaar()
    hersteld: list[str] = []
    inhoud = map_inhoud(map_)
    bestanden = inhoud.lezen
    for plaats, bericht in inhoud.fouten:
        fouten.voeg_toe(plaats, bericht)
    wat = "de ingevulde inschrijfformulieren (.xlsx, één per inschrijver)"  # what the newcomer does next
    if map_.is_file():
        fouten.voeg_toe(map_.name, f"{map_} is een bestand, geen map; zet {wat} in een map met die naam")
    elif not map_.is_dir():
        fouten.voeg_toe(map_.name, f"de map {map_} bestaat niet; maak haar aan en zet er {wat} in")
    elif not bestanden and not inhoud.fouten:
        fouten.voeg_toe(map_.name, f"geen inschrijvingen gevonden; zet {wat} in {map_}")
    inschrijvingen: list[Inschrijving] = []

    weg: list[Verouderd] | None = None if verouderd is None else []

    def lees(pad: Path) -> tuple[Inschrijving | None, list[Fout], list[str], list[Verouderd] | None]:
        eigen, notities = Verzamelaar(), list[str]()
        eigen_weg: list[Verouderd] | None = None if weg is None else []
        ins = lees_inschrijving(aanbesteding, pad, eigen, herstellingen, notities, eigen_weg, scenario)
        eigen.verklaar_formules()  # here, where the file is known: the merge below keeps only the errors
        return ins, eigen.fouten, notities, eigen_weg

    # each file on its own (its errors and notes apart), merged in file order: as one loop over the files
    for ins, eigen_fouten, notities, eigen_weg in in_volgorde(lees, bestanden, vanaf=PARALLEL_VANAF):
        fouten.fouten += eigen_fouten
        hersteld += notities
        if weg is not None and eigen_weg:
            weg += eigen_weg
        if ins is not None:
            inschrijvingen.append(ins)
    _controleer_uniek(inschrijvingen, fouten)
    _controleer_herstel_bestanden(herstellingen, bestanden, fouten, weg)
    if verouderd is not None and weg:  # also when the bids cannot be read: the caller knows what is stale
        verouderd += weg
    if fouten and weg:  # the bids cannot be read: the stale corrections are named with the errors
        fouten.fouten = [w.fout() for w in weg] + fouten.fouten
    fouten.controleer()
    notities = list(inhoud.notities) + hersteld
    return sorted(inschrijvingen, key=lambda i: (naamsleutel(i.naam), i.naam)), notities


TWEE_VERSIES = (
    "twee inschrijvingen van één inschrijver (een tweede versie?); welke telt, beslist een persoon aan de hand van de "
    "aanbestedingsstukken en het moment van ontvangst: laat die in inschrijvingen/ staan en bewaar de andere buiten de "
    "werkmap"
)


def _controleer_uniek(inschrijvingen: list[Inschrijving], fouten: Verzamelaar) -> None:
    """Two bids with the same KvK number, or names equal after normalisation (evaluatie.naamvorm:
    Unicode form, case, spaces), are an input error naming both files: on paper they are one bidder. Nothing is
    picked: which of two versions counts is a person's decision, and the message says how to record it. The same file
    twice (byte for byte) is said so; one pair gets one message."""
    gemeld: set[tuple[str, str]] = set()
    for sleutel, label in ((lambda i: i.kvk, "KvK-nummer"), (lambda i: naamsleutel(i.naam), "naam")):
        gezien: dict[str, Inschrijving] = {}
        for ins in inschrijvingen:
            k = sleutel(ins)
            if k not in gezien:
                gezien[k] = ins
                continue
            eerder = gezien[k]
            if (eerder.bestand, ins.bestand) in gemeld:
                continue
            gemeld.add((eerder.bestand, ins.bestand))
            if ins.sha256 == eerder.sha256:
                plaats = ins.bestand
                bericht = f"is hetzelfde bestand als {eerder.bestand} (byte voor byte gelijk); haal er één weg"
            elif label != "naam":
                plaats, bericht = ins.cel_kvk, f"{label} {k} komt ook voor in {eerder.cel_kvk}: {TWEE_VERSIES}"
            else:
                plaats = ins.cel_naam
                bericht = (
                    f"naam '{ins.naam}' komt ook voor in {eerder.cel_naam} ('{eerder.naam}'); namen worden vergeleken "
                    "zonder verschil in hoofdletters, spaties en Unicode-schrijfwijze van accenten, want op papier "
                    "moeten twee inschrijvers te onderscheiden zijn"
                )
            fouten.voeg_toe(plaats, bericht)
    _controleer_gelijkend(inschrijvingen, fouten)


def _controleer_gelijkend(inschrijvingen: list[Inschrijving], fouten: Verzamelaar) -> None:
    """Two names that differ only in letters of another script printing alike (a Cyrillic 'К' for a Latin 'K',
    a full-width 'Ｋ') are one bidder on paper: an input error naming both cells and the letters that differ."""
    gezien: dict[str, Inschrijving] = {}
    for ins in inschrijvingen:
        k = naamlijkt(ins.naam)
        eerder = gezien.setdefault(k, ins)
        if eerder is ins or naamsleutel(eerder.naam) == naamsleutel(ins.naam):
            continue  # the same name is reported above
        anders = sorted({t for t in ins.naam + eerder.naam if not t.isascii() and naamlijkt(t) != t.casefold()})
        tekens = ", ".join(f"'{t}' (U+{ord(t):04X} {unicodedata.name(t, '')})".replace(" )", ")") for t in anders)
        fouten.voeg_toe(
            ins.cel_naam,
            f"naam '{ins.naam}' ziet er op papier hetzelfde uit als '{eerder.naam}' in {eerder.cel_naam}: de namen "
            f"verschillen alleen in letters uit een ander schrift die er hetzelfde uitzien ({tekens}); twee "
            "inschrijvers moeten te onderscheiden zijn",
        )


def _controleer_herstel_bestanden(
    herstellingen: Sequence[Herstel], bestanden: list[Path], fouten: Verzamelaar, weg: list[Verouderd] | None
) -> None:
    """A correction of a file that is no longer there is stale (`weg`, else an input error)."""
    from evaluatie.besluiten.herstel import herstel_verouderd

    namen = {p.name for p in bestanden}
    for h in herstellingen:
        if h.geldig and h.bestand not in namen:
            v = herstel_verouderd(h, f"het herstel betreft inschrijvingen/{h.bestand}, dat er niet meer is")
            if weg is None:
                fouten.fouten.append(v.fout())
            else:
                weg.append(v)


def lees_inschrijving(
    aanbesteding: Aanbesteding,
    pad: Path,
    fouten: Verzamelaar,
    herstellingen: Sequence[Herstel] = (),
    hersteld: list[str] | None = None,
    verouderd: list[Verouderd] | None = None,
    scenario: bool = False,
) -> Inschrijving | None:
    naam = pad.name
    tabbladen = lees_werkboek(pad, naam, fouten)
    if tabbladen is None:
        return None
    if not herstellingen:
        return _lees_tabbladen(aanbesteding, pad, tabbladen, fouten, hersteld, scenario)
    from evaluatie.besluiten.herstel import noem_herstel, pas_herstel_toe

    toegepast: list[Herstel] = []
    notities = pas_herstel_toe(herstellingen, naam, sha256_bestand(pad), tabbladen, fouten, verouderd, toegepast)
    if hersteld is not None:
        hersteld += notities
    vanaf = len(fouten.fouten)
    try:
        return _lees_tabbladen(aanbesteding, pad, tabbladen, fouten, hersteld, scenario)
    finally:  # an error at a corrected cell quotes the corrected value: it says so, and what the file holds
        noem_herstel(fouten, vanaf, toegepast)


def _lees_tabbladen(
    aanbesteding: Aanbesteding,
    pad: Path,
    tabbladen: dict[str, Tabblad],
    fouten: Verzamelaar,
    hersteld: list[str] | None,
    scenario: bool,
) -> Inschrijving | None:
    """The bid from its sheets as read (with any correction applied): every error in `fouten`, None when any."""
    naam = pad.name
    if all(t.leeg for t in tabbladen.values()):
        fouten.voeg_toe(naam, "lege werkmap: niets ingevuld")
        return None
    aantal = len(fouten.fouten)
    controleer_herkomst(aanbesteding, tabbladen, fouten)  # another tender's form: refused, not misread
    for blad in (v.TABBLAD_INSCHRIJVER, v.TABBLAD_PERCELEN):
        if blad not in tabbladen:
            fouten.voeg_toe(naam, f"tabblad '{blad}' ontbreekt; gebruik het inschrijfformulier{_andere(tabbladen)}")
    if len(fouten.fouten) > aantal:
        return None
    verborgen = verborgen_rijen_en_kolommen(pad, (v.TABBLAD_INSCHRIJVER, v.TABBLAD_PERCELEN))
    if hersteld is not None:
        hersteld += _verborgen_notities(tabbladen, verborgen) + _andere_tabbladen(tabbladen)
        hersteld += toegevoegd_op_formulier(aanbesteding, tabbladen)
    gevraagd = _keurmerk_gevraagd(aanbesteding, tabbladen[v.TABBLAD_PERCELEN])
    gegevens = _lees_inschrijver(tabbladen[v.TABBLAD_INSCHRIJVER], fouten, gevraagd)
    # read only when a row says 'alle' (the national example: 150 sheets of 342 gemeenten, 0.3 s cpu, issue #24)
    op_formulier: Mapping[str, frozenset[str]] = (
        {} if scenario else _Lui(lambda: gemeenten_op_formulier(aanbesteding, tabbladen))
    )
    geen: list[str] = []
    aanbod, ongeldige_prijs = _lees_percelen(aanbesteding, tabbladen[v.TABBLAD_PERCELEN], fouten, op_formulier, geen)
    if hersteld is not None:
        hersteld += geen
    if len(fouten.fouten) > aantal:
        _samengevoegd_uitleggen(naam, verborgen, fouten, aantal)
    if len(fouten.fouten) > aantal or gegevens is None:
        return None
    return Inschrijving(
        bestand=naam, sha256=sha256_bestand(pad), aanbod=aanbod, ongeldige_prijs=ongeldige_prijs, **gegevens
    )


class _Lui(Mapping[str, frozenset[str]]):
    """A mapping computed on first use: the lots' gemeenten on the form's Perceelgegevens sheet are needed only where
    a lot row says 'alle'."""

    def __init__(self, maak: Callable[[], dict[str, frozenset[str]]]):
        self._maak = maak
        self._inhoud: dict[str, frozenset[str]] | None = None

    def _alles(self) -> dict[str, frozenset[str]]:
        if self._inhoud is None:
            self._inhoud = self._maak()
        return self._inhoud

    def __getitem__(self, sleutel: str) -> frozenset[str]:
        return self._alles()[sleutel]

    def __iter__(self) -> Iterator[str]:
        return iter(self._alles())

    def __len__(self) -> int:
        return len(self._alles())


def _andere(tabbladen: dict[str, Tabblad]) -> str:
    """'; de werkmap heeft de tabbladen 'Percelen (2)', ...': a renamed sheet is then found at a glance."""
    eigen = {v.TABBLAD_INSCHRIJVER, v.TABBLAD_PERCELEN, v.TABBLAD_INSTRUCTIE, v.TABBLAD_PERCEELGEGEVENS}
    andere = [f"'{b}'" for b in tabbladen if b not in eigen]
    return f"; de werkmap heeft (ook) de tabbladen {', '.join(andere)}" if andere else ""


def _andere_tabbladen(tabbladen: dict[str, Tabblad]) -> list[str]:
    """A note for every filled sheet that is not the form's own: it is not read, and a person should know that
    (a bidder's 'Voorbehouden' sheet is no part of what evaluatie reads)."""
    eigen = {v.TABBLAD_INSCHRIJVER, v.TABBLAD_PERCELEN, v.TABBLAD_INSTRUCTIE, v.TABBLAD_PERCEELGEGEVENS}
    return [
        f"inschrijvingen/{t.bestand}: tabblad '{t.naam}'{' (verborgen)' if t.verborgen else ''} hoort niet bij het "
        "inschrijfformulier en wordt niet gelezen; lees het zelf (een voorbehoud of toelichting moet een persoon "
        "beoordelen)"
        for t in tabbladen.values()
        if t.naam not in eigen and not t.leeg
    ]


def _samengevoegd_uitleggen(bestand: str, verborgen: dict[str, Verborgen], fouten: Verzamelaar, vanaf: int) -> None:
    """An error at a cell Excel shows otherwise says so. A cell of a merged range (not its first): Excel shows the
    first cell's value there, so the bidder sees a filled cell where the file holds nothing ('perceel ontbreekt'
    under a merged 'B1'). A cell in a hidden row or column: whoever opens the file does not see it at all."""
    for i in range(vanaf, len(fouten.fouten)):
        f = fouten.fouten[i]
        delen = f.plaats.split("!")
        if len(delen) != 3 or delen[0] != bestand or delen[1] not in verborgen:
            continue
        vb = verborgen[delen[1]]
        eerste = vb.samengevoegd.get(delen[2])
        letters = delen[2].rstrip("0123456789")
        rij = delen[2][len(letters) :]
        if eerste is not None:
            fouten.fouten[i] = Fout(
                f.plaats,
                f"{f.bericht} (de cel is samengevoegd met {eerste}: Excel toont daar de waarde van {eerste}, maar in "
                f"het bestand staat die alleen in {eerste}; maak de samenvoeging ongedaan en vul iedere cel zelf in)",
            )
        elif letters and rij.isdigit() and (int(rij) - 1 in vb.rijen or kolomnummer(letters) - 1 in vb.kolommen):
            fouten.fouten[i] = Fout(
                f.plaats,
                f"{f.bericht} (de cel staat in een verborgen rij of kolom: maak die zichtbaar om haar te zien)",
            )


def _verborgen_notities(tabbladen: dict[str, Tabblad], verborgen: dict[str, Verborgen]) -> list[str]:
    """A note for every filled place of the two read sheets that Excel hides: a hidden sheet, row or column.
    The bid is what the file holds, so it counts; but whoever opens the file does not see it."""
    bladen = [tabbladen[b] for b in (v.TABBLAD_INSCHRIJVER, v.TABBLAD_PERCELEN)]
    notities = [
        f"inschrijvingen/{t.bestand}: tabblad '{t.naam}' is verborgen in Excel; wat erop staat telt mee als deel van "
        "de inschrijving"
        for t in bladen
        if t.verborgen and not t.leeg
    ]
    for t in bladen:
        vb = verborgen.get(t.naam)
        if vb is None:
            continue
        cellen = [
            celnaam(r, k)
            for r, rij in enumerate(t.rijen)
            for k, w in enumerate(rij)
            if (r in vb.rijen or k in vb.kolommen) and als_tekst(w) != ""
        ]
        if cellen:
            getoond = ", ".join(cellen[:10]) + (f" en {len(cellen) - 10} meer" if len(cellen) > 10 else "")
            notities.append(
                f"inschrijvingen/{t.bestand}!{t.naam}: {getoond} staat in een verborgen rij of kolom en telt mee als "
                "deel van de inschrijving; maak de rij of kolom zichtbaar om te zien wat de inschrijver invulde"
            )
    return notities


def _lees_inschrijver(t: Tabblad, fouten: Verzamelaar, keurmerk_gevraagd: bool = True) -> dict | None:
    rij_van = rij_per_veld(t, v.INSCHRIJVER_VELDEN, range(len(t.rijen)), fouten)  # A1 too: a deleted heading row
    _buiten_de_velden(t, {veld.lower() for veld in v.INSCHRIJVER_VELDEN}, fouten)
    waarden: dict[str, tuple[object, str]] = {}
    for veld in v.INSCHRIJVER_VELDEN:
        rij = rij_van.get(veld)
        if rij is None:
            fouten.voeg_toe(f"{t.bestand}!{t.naam}", f"veld '{veld}' ontbreekt in kolom A")
            continue
        waarden[veld] = (t.waarde(rij, 1), t.plaats(rij, 1))
    if len(waarden) < len(v.INSCHRIJVER_VELDEN):
        return None

    uit: dict = {}

    def tekst(veld: str, sleutel: str, patroon: re.Pattern | None = None, uitleg: str = "") -> None:
        waarde, plaats = waarden[veld]
        s = als_tekst(waarde)
        if not s:
            fouten.voeg_toe(plaats, f"{veld} is verplicht")
        elif any(ord(t) < 32 or ord(t) == 127 for t in s):
            fouten.voeg_toe(plaats, f"{veld} bevat een stuurteken (zoals een tab of regeleinde); haal het weg")
        elif (teken := onzichtbaar_teken(s)) is not None:
            fouten.voeg_toe(
                plaats,
                f"{veld} bevat een onzichtbaar of sturend teken {teken}: het verandert wat een lezer ziet "
                "(een naam die er hetzelfde uitziet als een andere, of tekst die achterstevoren wordt getoond); "
                "haal het weg",
            )
        elif len(s) > MAX_TEKST:
            fouten.voeg_toe(plaats, f"{veld} is te lang ({len(s)} tekens; hoogstens {MAX_TEKST})")
        elif patroon is not None and not patroon.match(s):
            fouten.voeg_toe(plaats, f"{veld} moet {uitleg} zijn, kreeg '{s}'")
        uit[sleutel] = s

    def janee(veld: str, sleutel: str) -> None:
        waarde, plaats = waarden[veld]
        b = als_janee(waarde)
        if b is None and als_tekst(waarde) == "":  # "kreeg ''" read as if something odd stood in the cell
            fouten.voeg_toe(plaats, f"{veld} is verplicht; vul ja of nee in")
        elif b is None:
            fouten.voeg_toe(plaats, f"{veld}: verwacht ja of nee, kreeg '{als_tekst(waarde)}'")
        uit[sleutel] = bool(b)

    uit["cel_naam"], uit["cel_kvk"] = waarden[v.NAAM][1], waarden[v.KVK][1]
    uit["cellen"] = {veld: plaats for veld, (_, plaats) in waarden.items()}
    tekst(v.NAAM, "naam")
    if isinstance(uit.get("naam"), str):
        uit["naam"] = naamvorm(uit["naam"])  # one form: compared, printed and made a file name as such
    _kvk(waarden[v.KVK], uit, fouten)
    tekst(v.CONTACT, "contactpersoon")
    tekst(v.EMAIL, "email", _EMAIL, "een e-mailadres")
    if keurmerk_gevraagd or not niet_van_toepassing(waarden[v.KEURMERK][0]):
        janee(v.KEURMERK, "keurmerk")
    else:  # left empty or 'n.v.t.' where no lot asks for it: no keurmerk declared
        uit["keurmerk"] = False
    janee(v.UITSLUITING, "uitsluitingsgronden")
    nummer, _ = waarden[v.KEURMERK_NUMMER]
    geldig, plaats = waarden[v.KEURMERK_GELDIG]
    if not uit.get("keurmerk"):  # 'n.v.t.' beside 'nee' (or no keurmerk declared) is no number and no date
        nummer = "" if niet_van_toepassing(nummer) else nummer
        geldig = "" if niet_van_toepassing(geldig) else geldig
    uit["keurmerk_nummer"] = als_tekst(nummer) or None
    uit["keurmerk_geldig_tot"] = als_datum(geldig)
    if keurmerk_gevraagd:
        _keurmerk_tegenspraak(waarden, uit, fouten)
    if als_tekst(geldig) and uit["keurmerk_geldig_tot"] is None:
        fouten.voeg_toe(
            plaats,
            f"{v.KEURMERK_GELDIG}: verwacht een datum (dd-mm-jjjj), kreeg '{als_tekst(geldig)}'"
            + serieel_datum_hint(geldig),
        )
    elif not als_tekst(geldig) and uit.get("keurmerk") and keurmerk_gevraagd:
        # only where a lot of the bid requires the keurmerk: elsewhere the date decides nothing, and it is stored as
        # not given (None), never made up
        fouten.voeg_toe(
            plaats,
            f"{v.KEURMERK_GELDIG} ontbreekt terwijl het keurmerk 'ja' is; vraag de datum op en leg die vast met "
            "'evaluatie herstel' (kennelijke fout), of laat de inschrijving het formulier aanvullen",
        )
    return uit


NIET_VAN_TOEPASSING = frozenset({"", "n.v.t.", "n.v.t", "nvt", "niet van toepassing", "-", "n/a"})
"""How a bidder writes that a question does not apply (the form says 'Keurmerk: voor dit perceel niet vereist')."""


def niet_van_toepassing(waarde: object) -> bool:
    """Whether a cell is empty or says the question does not apply ('n.v.t.', '-')."""
    return " ".join(als_tekst(waarde).lower().split()) in NIET_VAN_TOEPASSING


def _keurmerk_tegenspraak(waarden: dict[str, tuple[object, str]], uit: dict, fouten: Verzamelaar) -> None:
    """The keurmerk answers of a bid on a lot that requires the keurmerk, where they cannot be taken as written
    without deciding for the bidder. A certificate number without a digit ('aangevraagd', 'zie bijlage', 'n.v.t.')
    passed the rule as a number; and 'nee' beside a certificate number or a date of validity knocked the bid out on
    the one answer while the others say it holds the keurmerk. A person judges (evaluatie herstel)."""
    (janee, cel_janee), (nummer, cel_nummer), (_, cel_geldig) = (
        waarden[veld] for veld in (v.KEURMERK, v.KEURMERK_NUMMER, v.KEURMERK_GELDIG)
    )
    s = als_tekst(nummer)
    if uit.get("keurmerk") and s and not any(t.isdigit() for t in s):
        fouten.voeg_toe(
            cel_nummer,
            f"{v.KEURMERK_NUMMER} '{s}' bevat geen cijfer en is dus geen certificaatnummer (een aanvraag, een "
            "verwijzing?), terwijl het keurmerk 'ja' is en een perceel van de inschrijving het keurmerk vereist; "
            "vraag het nummer op en leg het vast met 'evaluatie herstel', of maak de cel daarmee leeg (dan valt de "
            "inschrijving af: keurmerk zonder certificaatnummer)",
        )
    datum_ = uit["keurmerk_geldig_tot"]
    if als_janee(janee) is False and (any(t.isdigit() for t in s) or datum_ is not None):
        ingevuld = [f"{v.KEURMERK_NUMMER} ({celnaam_van(cel_nummer)}) '{s}'"] if any(map(str.isdigit, s)) else []
        if datum_ is not None:
            ingevuld.append(f"{v.KEURMERK_GELDIG} ({celnaam_van(cel_geldig)}) '{datum_:%d-%m-%Y}'")
        fouten.voeg_toe(
            cel_janee,
            f"{v.KEURMERK} is 'nee', maar {' en '.join(ingevuld)} {'zijn' if len(ingevuld) > 1 else 'is'} ingevuld: "
            "de inschrijving spreekt zichzelf tegen, en met 'nee' valt zij af in de percelen die het keurmerk "
            "vereisen; een persoon beoordeelt wat zij bedoelt en legt dat vast met 'evaluatie herstel' ('ja', of de "
            "andere keurmerkvelden leeg)",
        )


def celnaam_van(plaats: str) -> str:
    """'B7' of 'acme.xlsx!Inschrijver!B7'."""
    return plaats.rpartition("!")[2]


BUITEN_DE_VELDEN = (
    "het formulier leest alleen de velden in kolom A met hun waarde in kolom B; wat hier staat (een voorbehoud, een "
    "toelichting?) moet een persoon beoordelen, en hoort het niet bij de inschrijving, maak de cel dan leeg met "
    "'evaluatie herstel'"
)


def _buiten_de_velden(t: Tabblad, velden: set[str], fouten: Verzamelaar) -> None:
    """Whatever a bidder typed on the Inschrijver sheet outside the form's fields (a row of its own, a note in
    column C) is an error naming the cell: it was ignored in silence, and a condition attached to a bid there
    ('prijs onder voorbehoud') is for a person to judge."""
    for r, rij in enumerate(t.rijen):
        eigen_rij = r == 0 or als_tekst(t.waarde(r, 0)).lower() in velden  # the heading 'Veld | Waarde', or a field
        buiten = [k for k in range(len(rij)) if als_tekst(t.waarde(r, k)) and (k >= 2 or not eigen_rij)]
        if buiten:  # one error per row, at its first cell outside the fields, with all it holds there
            tekst = " | ".join(als_tekst(t.waarde(r, k)) for k in buiten)
            getoond = tekst if len(tekst) <= 80 else tekst[:79] + "…"
            fouten.voeg_toe(
                t.plaats(r, buiten[0]), f"waarde buiten de velden van het formulier ('{getoond}'); {BUITEN_DE_VELDEN}"
            )


def _kvk(waarde_plaats: tuple[object, str], uit: dict, fouten: Verzamelaar) -> None:
    """The KvK number: exactly 8 digits as typed. A number written in groups ('7012 3456') is refused
    with a message that says so (it has its 8 digits): the bid is taken as written, and changing what a
    bidder wrote is a recorded correction (evaluatie herstel), never a silent one."""
    waarde, plaats = waarde_plaats
    s = als_tekst(waarde)
    cijfers = _KVK_SCHEIDING.sub("", s)
    uit["kvk"] = s
    if not s:
        fouten.voeg_toe(plaats, f"{v.KVK} is verplicht; schrijf de 8 cijfers, bijvoorbeeld 70123456")
    elif _KVK.match(s):
        return
    elif _KVK.match(cijfers):
        fouten.voeg_toe(
            plaats,
            f"{v.KVK} moet 8 cijfers zijn zonder spaties, punten of streepjes: '{s}' heeft de 8 cijfers, maar ook "
            f"scheidingstekens; schrijf {cijfers}",
        )
    elif not cijfers.isascii() or not cijfers.isdigit():
        fouten.voeg_toe(
            plaats, f"{v.KVK} '{s}' bevat andere tekens dan cijfers; schrijf de 8 cijfers, bijvoorbeeld 70123456"
        )
    elif isinstance(waarde, int | float) and not isinstance(waarde, bool) and len(cijfers) < 8:
        # a number cell drops leading zeros: 01234567 typed in a cell formatted as a number reads 1234567
        fouten.voeg_toe(
            plaats,
            f"{v.KVK} '{s}' heeft {len(cijfers)} cijfers en staat in een getalcel, waarin voorloopnullen wegvallen; "
            f"was het {s.zfill(8)}? leg dat vast met 'evaluatie herstel' (een KvK-nummer heeft 8 cijfers)",
        )
    elif not _KVK.match(cijfers):
        fouten.voeg_toe(
            plaats, f"{v.KVK} '{s}' heeft {len(cijfers)} cijfers; een KvK-nummer heeft er 8, bijvoorbeeld 70123456"
        )


def _kopregel(t: Tabblad) -> int:
    """The row of the Percelen heading: the first row that is exactly the form's heading, wherever rows were
    inserted above it; 0 (the form's own place) when there is none, so the error names A1."""
    kop = list(v.PERCEEL_KOLOMMEN)
    return next(
        (r for r in range(len(t.rijen)) if [als_tekst(t.waarde(r, j)) for j in range(len(kop))] == kop),
        0,
    )


def _keurmerk_gevraagd(aanbesteding: Aanbesteding, t: Tabblad) -> bool:
    """Whether the bid must answer the keurmerk question: it names a lot that requires the keurmerk. The fields decide
    nothing for a bid on lots without that rule (onderwijs, PVT, MAP; the form says 'Keurmerk: voor dit perceel niet
    vereist' there), so they may stay empty. A lot cell that names no lot of the tender could mean one that requires
    it: then the answer is asked, so that every error of the bid comes in one run."""
    vereist = {code for code, p in aanbesteding.percelen.items() if "keurmerk" in p.knockout}
    if not vereist:
        return False
    for r in range(_kopregel(t) + 1, len(t.rijen)):
        code = als_tekst(t.waarde(r, 0))
        perceel = aanbesteding.perceel(code) if code else None
        geen = _geen_aanbod(aanbesteding, [t.waarde(r, j) for j in range(len(v.PERCEEL_KOLOMMEN))])
        if code and geen is None and (perceel is None or perceel.code in vereist):
            return True
    return False


def _geen_aanbod(aanbesteding: Aanbesteding, cellen: list) -> str | None:
    """The lot of a row that names a lot and says 'n.v.t.' (or '-') in every other cell, some maybe empty: the bidder
    does not bid on it (the form lists every lot, so a bidder fills a row for each and writes n.v.t. where it does not
    bid). None for any other row."""
    perceel = aanbesteding.perceel(als_tekst(cellen[0])) if als_tekst(cellen[0]) else None
    rest = cellen[1:]
    if perceel is None or not any(als_tekst(c) for c in rest) or not all(niet_van_toepassing(c) for c in rest):
        return None
    return perceel.code


def _lees_percelen(
    aanbesteding: Aanbesteding,
    t: Tabblad,
    fouten: Verzamelaar,
    op_formulier: Mapping[str, frozenset[str]] = {},
    notities: list[str] | None = None,
) -> tuple[dict[str, PerceelAanbod], dict[str, OngeldigePrijs]]:
    """The lots offered, and the lots whose price is missing or 0 (invalid there: evaluatie.toets). `op_formulier`:
    per lot the gemeenten the form lists (herkomst.gemeenten_op_formulier), what 'alle' meant to the bidder. A row that
    says 'n.v.t.' for a lot is no bid on it, with a note in `notities`."""
    start = _kopregel(t)
    kop = [als_tekst(t.waarde(start, j)) for j in range(len(v.PERCEEL_KOLOMMEN))]
    if kop != list(v.PERCEEL_KOLOMMEN):
        fouten.voeg_toe(
            f"{t.bestand}!{t.naam}!A1",
            "kopregel moet precies zijn: " + " | ".join(v.PERCEEL_KOLOMMEN) + "; kreeg: " + " | ".join(kop),
        )
        return {}, {}
    for r in range(start):  # rows inserted above the heading: empty, or a person reads what they say
        gevuld = [k for k in range(len(t.rijen[r])) if als_tekst(t.waarde(r, k))]
        if gevuld:
            getoond = cellen_als_tekst(t, r, gevuld)
            fouten.voeg_toe(
                t.plaats(r, gevuld[0]),
                f"waarde boven de kopregel (rij {start + 1}) van het formulier ('{getoond}'); wat hier staat (een "
                "voorbehoud?) moet een persoon beoordelen; maak de cel leeg met 'evaluatie herstel' als het niet bij "
                "de inschrijving hoort",
            )
    aanbod: dict[str, PerceelAanbod | OngeldigePrijs] = {}
    eerste_rij: dict[str, str] = {}
    for r in range(start + 1, len(t.rijen)):
        cellen = [t.waarde(r, j) for j in range(len(v.PERCEEL_KOLOMMEN))]
        extra = [j for j in range(len(v.PERCEEL_KOLOMMEN), len(t.rijen[r])) if als_tekst(t.waarde(r, j))]
        for j in extra:
            fouten.voeg_toe(t.plaats(r, j), "waarde buiten de kolommen van het formulier")
        if all(als_tekst(c) == "" for c in cellen):
            continue
        geen = _geen_aanbod(aanbesteding, cellen)
        rij = _lees_perceelrij(aanbesteding, t, r, cellen, fouten, op_formulier) if geen is None else None
        code = geen if geen is not None else rij.perceel if rij is not None else None
        if code is None:
            continue
        if code in eerste_rij:
            fouten.voeg_toe(t.plaats(r, 0), f"perceel {code} staat er twee keer in (ook {eerste_rij[code]})")
            continue
        eerste_rij[code] = celnaam_kort(t, r)
        if rij is not None:
            aanbod[code] = rij
        elif notities is not None:
            gevuld = [j for j in range(1, len(v.PERCEEL_KOLOMMEN)) if als_tekst(cellen[j])]
            getoond = cellen_als_tekst(t, r, gevuld)
            notities.append(
                f"inschrijvingen/{t.plaats(r, 0)}: perceel {code} met '{getoond}' in de andere kolommen: gelezen als "
                f"geen inschrijving op perceel {code}"
            )
    if not aanbod and not any(f.plaats.startswith(f"{t.bestand}!{t.naam}") for f in fouten.fouten):
        fouten.voeg_toe(f"{t.bestand}!{t.naam}", "geen enkel perceel ingevuld")
    volgorde = sorted(aanbod.items(), key=lambda kv: list(aanbesteding.percelen).index(kv[0]))
    return (
        {code: a for code, a in volgorde if isinstance(a, PerceelAanbod)},
        {code: a for code, a in volgorde if isinstance(a, OngeldigePrijs)},
    )


def celnaam_kort(t: Tabblad, r: int) -> str:
    return t.plaats(r, 0).split("!")[-1]


def _ongeldige_prijs(t: Tabblad, r: int, waarde: object, fouten: Verzamelaar) -> str | None:
    """What makes the bid invalid in this lot, when its price cell is empty or 0: 'ontbreekt' or "is 0 ('0,00')";
    None for any other value (read by the one number rule, and refused there when it is no amount). The bidder wrote
    no price: that is the bid as submitted, not a misread cell, so it is a knock-out in this lot (with its letter)
    rather than an input error that stops every lot. A cell that reads empty because it holds a formula without a
    saved result or an error value is no missing price but a file to open and save: that stays an input error."""
    if als_tekst(waarde) == "":
        pad = fouten.werkboeken.get(t.bestand)
        if pad is not None and heeft_formule(pad, t.naam, t.plaats(r, 1).rpartition("!")[2]):
            return None
        return "ontbreekt"
    try:
        nul = lees_waarde(waarde) == 0
    except GetalFout:
        return None
    return f"is 0 ('{_getoond(waarde)}')" if nul else None


def _lees_perceelrij(
    aanbesteding: Aanbesteding,
    t: Tabblad,
    r: int,
    c: list,
    fouten: Verzamelaar,
    op_formulier: Mapping[str, frozenset[str]],
) -> PerceelAanbod | OngeldigePrijs | None:
    n = len(fouten.fouten)
    perceel = aanbesteding.perceel(als_tekst(c[0])) if als_tekst(c[0]) else None
    if not als_tekst(c[0]):
        fouten.voeg_toe(t.plaats(r, 0), "perceel ontbreekt")
    elif perceel is None:
        fouten.voeg_toe(
            t.plaats(r, 0),
            f"perceel '{als_tekst(c[0])}' bestaat niet in deze aanbesteding; "
            f"kies uit {', '.join(aanbesteding.percelen)}",
        )
    ongeldig = _ongeldige_prijs(t, r, c[1], fouten)
    na_perceel = len(fouten.fouten)
    prijs = None if ongeldig else _getal(t, r, 1, c[1], PRIJS, fouten, bedrag=True)
    if prijs is not None and prijs < 0:
        fouten.voeg_toe(t.plaats(r, 1), PRIJS.buiten("moet groter dan 0 zijn", c[1]))
    elif prijs is not None and abs(prijs * 100 - round(prijs * 100)) > 1e-6:
        # a fraction of a cent would count in the scores while every document shows the price in cents
        fouten.voeg_toe(
            t.plaats(r, 1),
            f"{PRIJS.naam}: '{_getoond(c[1])}' heeft meer dan 2 decimalen; een bedrag in euro gaat tot op de cent "
            f"(de stukken tonen EUR {getal(prijs)}, de scores zouden met het hele getal rekenen); schrijf het bedrag "
            "in centen, of leg met 'evaluatie herstel' vast wat de inschrijver bedoelde",
        )
    elif prijs is not None:
        prijs = round(prijs, 2)  # float noise of a formula (9000.000000001): the price in cents as Excel shows it
    capaciteit = _getal(t, r, 2, c[2], CAPACITEIT, fouten, geheel=True)
    if capaciteit is not None and capaciteit < 0:
        fouten.voeg_toe(t.plaats(r, 2), CAPACITEIT.buiten("kan niet negatief zijn", c[2]))
    instroom = _getal(t, r, 3, c[3], INSTROOM, fouten, geheel=True)
    if instroom is not None and not 0 <= instroom <= 366:
        fouten.voeg_toe(t.plaats(r, 3), INSTROOM.buiten("moet van 0 tot 366 zijn", c[3]))
    wachttijd = _getal(t, r, 4, c[4], WACHTTIJD, fouten)
    if wachttijd is not None and wachttijd < 0:
        fouten.voeg_toe(t.plaats(r, 4), WACHTTIJD.buiten("kan niet negatief zijn", c[4]))
    gemeenten = _lees_gemeenten(aanbesteding, perceel, als_tekst(c[5]), t.plaats(r, 5), fouten, op_formulier)
    if len(fouten.fouten) > n or perceel is None:
        if ongeldig:  # the row is an input error anyway: its price is named with the rest (all errors together)
            leeg = als_tekst(c[1]) == ""
            tekst = (
                f"{PRIJS.naam} ontbreekt; {PRIJS.voorbeeld}" if leeg else PRIJS.buiten("moet groter dan 0 zijn", c[1])
            )
            fouten.fouten.insert(na_perceel, Fout(t.plaats(r, 1), tekst))
        return None
    if ongeldig:
        return OngeldigePrijs(perceel=perceel.code, cel=t.plaats(r, 1), reden=ongeldig)
    assert prijs is not None and capaciteit is not None and instroom is not None and wachttijd is not None
    return PerceelAanbod(
        perceel=perceel.code,
        prijs=prijs,
        capaciteit=int(capaciteit),
        instroommomenten=int(instroom),
        wachttijd_weken=wachttijd,
        gemeenten=gemeenten,
        cel=t.plaats(r, 0),
    )


@dataclass(frozen=True)
class Getalveld:
    """A number column of the bid form: its name, what it holds, and an example of what is accepted."""

    naam: str
    soort: str
    voorbeeld: str
    grens: tuple[float, str] | None = None  # the upper bound no real bid exceeds, and how it reads ('{} weken')

    def geen(self, waarde: object, reden: str | None = None) -> str:
        """'prijs per traject: 'duur' is geen bedrag; schrijf bijvoorbeeld ...' (the real problem first)."""
        getypt = _getoond(waarde)
        if reden is None:
            return f"{self.naam}: '{getypt}' is geen {self.soort}; {self.voorbeeld}"
        return f"{self.naam}: '{getypt}': {reden}"

    def buiten(self, eis: str, waarde: object) -> str:
        return f"{self.naam} {eis}, kreeg '{_getoond(waarde)}'; {self.voorbeeld}"


def _getoond(waarde: object) -> str:
    """A cell as the bidder sees it in Excel: a real number with a decimal comma, a date as day-month-year."""
    if isinstance(waarde, dt.date):
        return waarde.strftime("%d-%m-%Y")
    tekst = als_tekst(waarde)
    return tekst.replace(".", ",") if isinstance(waarde, float) else tekst


PRIJS = Getalveld(
    "prijs per traject",
    "bedrag",
    "schrijf een bedrag in euro, bijvoorbeeld 9500, 9.500, 9.500,50 of 9.950,-",
    (v.MAX_PRIJS, "EUR {} per traject"),
)
CAPACITEIT = Getalveld(
    "capaciteit", "geheel getal", "schrijf een aantal inburgeraars, bijvoorbeeld 40", (v.MAX_CAPACITEIT, "{} per jaar")
)
INSTROOM = Getalveld("instroommomenten", "geheel getal", "schrijf een aantal per jaar van 0 tot 366, bijvoorbeeld 12")
WACHTTIJD = Getalveld(
    "wachttijd", "aantal weken", "schrijf een aantal weken, bijvoorbeeld 6 of 6,5", (v.MAX_WACHTTIJD_WEKEN, "{} weken")
)


def _getal(
    t: Tabblad,
    r: int,
    j: int,
    waarde: object,
    veld: Getalveld,
    fouten: Verzamelaar,
    bedrag: bool = False,
    geheel: bool = False,
) -> float | int | None:
    """A number by the one rule of evaluatie.getallen; None (with the cell named) when refused."""
    if als_tekst(waarde) == "":  # an empty cell is a missing value, not "'' is geen bedrag"
        fouten.voeg_toe(t.plaats(r, j), f"{veld.naam} ontbreekt; {veld.voorbeeld}")
        return None
    try:
        gelezen: float | int = lees_geheel(waarde) if geheel else lees_waarde(waarde)
        if bedrag:
            controleer_bedrag(float(gelezen), waarde if isinstance(waarde, str) else None)
    except GetalFout as e:
        fouten.voeg_toe(t.plaats(r, j), veld.geen(waarde, None if e.algemeen else str(e)))
        return None
    if veld.grens is not None and gelezen > veld.grens[0]:
        hoogstens = veld.grens[1].format(getal(veld.grens[0], 0))
        fouten.voeg_toe(
            t.plaats(r, j),
            f"{veld.naam} is hoogstens {hoogstens}, kreeg '{_getoond(waarde)}': geen echte inschrijving heeft meer "
            "(een tikfout of een formule?); is het een kennelijke fout, leg dan met 'evaluatie herstel' vast wat de "
            "inschrijver bedoelde",
        )
        return None
    return gelezen


def _als_opsomming(aanbesteding: Aanbesteding, tekst: str) -> list[str] | None:
    """The tender's gemeenten that `tekst` lists with commas, / and/or 'en' ('Noord, Oost en Zuid'), in that order, or
    None when it is no such list. 'en' may belong to a name (Dijk en Waard): every way of cutting at it is tried."""

    def delen(stuk: str) -> list[str] | None:
        if (g := aanbesteding.gemeente(stuk)) is not None:
            return [g.naam]
        woorden = re.split(r"\s+en\s+", stuk)
        for i in range(1, len(woorden)):
            kop, rest = " en ".join(woorden[:i]), " en ".join(woorden[i:])
            if (g := aanbesteding.gemeente(kop)) is not None and (verder := delen(rest)) is not None:
                return [g.naam, *verder]
        return None

    stukken = [d.strip() for d in re.split(r"[,/]", tekst)]
    if not all(stukken):
        return None
    namen: list[str] = []
    for stuk in stukken:
        gevonden = delen(stuk)
        if gevonden is None:
            return None
        namen += gevonden
    return namen if len(namen) > 1 else None


def _voorbehoud(aanbesteding: Aanbesteding, deel: str) -> tuple[str, str] | None:
    """(gemeente, text) when `deel` is a gemeente of the tender with some text between brackets behind it that is no
    province ('Wijdemeren (alleen Loosdrecht)'), else None."""
    extra = toevoeging(deel)
    if extra is None or is_provincie(extra):
        return None
    g = aanbesteding.gemeente(zonder_toevoeging(deel))
    return None if g is None else (g.naam, extra)


_IN_NAMEN = frozenset("-\u2010\u2011\u2012\u2013\u2014'\u2018\u2019.,()")
"""Punctuation that gemeente names have ('s-Hertogenbosch, Bergen (NH.), Nuenen, Gerwen en Nederwetten), with the
dashes and quotes a word processor puts for a hyphen or an apostrophe ('Sittard–Geleen', ’s-Gravenhage)."""


def _tekens_naast_de_naam(deel: str) -> str:
    """ "'*'" or "'*' en '?'" for the marks in a gemeente as a bid names it that no gemeente name has; '' if none."""
    tekens = sorted({t for t in deel if not (t.isalnum() or t.isspace() or t in _IN_NAMEN)})
    return opsomming([f"'{t}'" for t in tekens], "en")


def _gemeenten_kort(aanbesteding: Aanbesteding, namen: Collection[str], hoogstens: int = 10) -> str:
    """'de gemeenten A, B en C' (in tender order), or '342 gemeenten' for a long list: a message stays readable."""
    if len(namen) > hoogstens:
        return f"{len(namen)} gemeenten"
    volgorde = [g.naam for g in aanbesteding.gemeenten if g.naam in namen]
    lijst = volgorde + sorted(set(namen) - set(volgorde))
    return f"{'de gemeenten' if len(lijst) > 1 else 'gemeente'} {opsomming(lijst, 'en')}"


def _lees_gemeenten(
    aanbesteding: Aanbesteding,
    perceel,
    tekst: str,
    plaats: str,
    fouten: Verzamelaar,
    op_formulier: Mapping[str, frozenset[str]],
) -> tuple[str, ...]:
    if not tekst:
        fouten.voeg_toe(plaats, "vul de gemeenten in, gescheiden door ; of het woord alle")
        return ()
    if perceel is None:
        return ()
    if tekst.lower() == "alle":
        gezien = op_formulier.get(perceel.code)
        nieuw = [g for g in perceel.gemeenten if gezien is not None and g not in gezien]
        if nieuw:  # a form of an earlier version of the tender: its 'alle' did not include these gemeenten
            assert gezien is not None
            fouten.voeg_toe(
                plaats,
                f"'alle' op een formulier waarvan het tabblad {v.TABBLAD_PERCEELGEGEVENS} voor perceel {perceel.code} "
                f"{_gemeenten_kort(aanbesteding, gezien)} noemt, maar in deze aanbesteding "
                f"{'doen' if len(nieuw) > 1 else 'doet'} ook {_gemeenten_kort(aanbesteding, nieuw)} mee: het "
                "formulier is van een "
                "eerdere versie van de aanbesteding, en 'alle' zou gemeenten lezen die de inschrijver niet zag; leg "
                "met 'evaluatie herstel' vast welke gemeenten de inschrijving bedient",
            )
            return ()
        return tuple(perceel.gemeenten)
    if "\n" in tekst or "\r" in tekst:  # names on lines of their own in one cell (Alt+Enter): the form asks for ;
        regels = [d.strip() for d in tekst.splitlines() if d.strip()]
        fouten.voeg_toe(
            plaats,
            f"de gemeenten staan op {len(regels)} regels in de cel; scheid ze met ; op één regel, bijvoorbeeld "
            f"'{'; '.join(regels[:3])}{'; ...' if len(regels) > 3 else ''}'",
        )
        return ()
    uit: list[str] = []
    for deel in (d.strip() for d in tekst.split(";")):
        if not deel:
            continue
        g = aanbesteding.gemeente(deel)
        if g is None and (lijst := _als_opsomming(aanbesteding, deel)):
            # a list as one writes it ('Noord, Oost en Zuid'): the nearest-name hint ('bedoelt u Noord?') would lead
            # a herstel to read the bid as serving one gemeente; say what separates them on the form
            fouten.voeg_toe(
                plaats,
                f"'{deel}' zijn {len(lijst)} gemeenten gescheiden door komma's, / of 'en'; scheid ze met ; op één "
                f"regel, bijvoorbeeld '{'; '.join(lijst)}'",
            )
        elif g is None and (voorbehoud := _voorbehoud(aanbesteding, deel)) is not None:
            # 'Wijdemeren (alleen Loosdrecht)': read as Wijdemeren the bid would serve the whole gemeente, and the
            # hint 'bedoelt u Wijdemeren?' would lead a herstel to read it so; a person judges what the bidder offers
            fouten.voeg_toe(
                plaats,
                f"'{deel}': gemeente {voorbehoud[0]} met '({voorbehoud[1]})' erachter; een inschrijving bedient een "
                "gemeente helemaal, en wat tussen haakjes staat (een voorbehoud of beperking?) moet een persoon "
                "beoordelen; leg met 'evaluatie herstel' vast wat de inschrijving bedoelt (de gemeente, of haar weg "
                "laten)",
            )
        elif g is None:
            melding = aanbesteding.gemeentenamen.melding(deel, "hoort niet bij deze aanbesteding")
            fouten.voeg_toe(plaats, f"gemeente {melding}")
        elif tekens := _tekens_naast_de_naam(deel):
            # 'Huizen*', 'Laren?': the name matches (punctuation does not count), but the mark says something about
            # the gemeente (a footnote, a doubt) that reading it as the gemeente would drop
            fouten.voeg_toe(
                plaats,
                f"'{deel}': gemeente {g.naam} met {tekens} erbij (een verwijzing naar een voetnoot of voorbehoud, een "
                "vraag?); een inschrijving bedient een gemeente helemaal, en wat het teken zegt moet een persoon "
                "beoordelen; leg met 'evaluatie herstel' vast wat de inschrijving bedoelt (de gemeente, of haar weg "
                "laten)",
            )
        elif g.naam not in perceel.gemeenten:
            fouten.voeg_toe(plaats, f"gemeente {g.naam} neemt niet deel aan perceel {perceel.code}")
        elif g.naam in uit:
            fouten.voeg_toe(plaats, f"gemeente {g.naam} staat er twee keer in")
        else:
            uit.append(g.naam)
    volgorde = list(perceel.gemeenten)
    return tuple(sorted(uit, key=volgorde.index))

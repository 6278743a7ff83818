"""The contract commands as library functions on a werkmap: open the register, do one thing, close.

Why here and not in cli.py: the CLI only parses and prints; tests and other front ends call these.
Every command that changes the register or writes files leaves a line in logboek.jsonl (inputs and
outputs with their SHA-256), like the award's commands, and holds the werkmap's lock (evaluatie.slot)
while it writes. Every SQLite failure becomes a message in Dutch (evaluatie.contract.registerwacht);
commands that only read open the register read-only, so they also work on a read-only werkmap.
"""

from __future__ import annotations

import datetime as dt
from contextlib import nullcontext
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evaluatie.contract.lezen import Register, lees_register
from evaluatie.contract.namen import herken
from evaluatie.contract.register import MAP, open_register, registerpad
from evaluatie.contract.registerwacht import bewaakt_register
from evaluatie.fouten import EvaluatieFout, InvoerFout
from evaluatie.slot import met_slot, werkmap_slot
from evaluatie.tekst import aantal
from evaluatie.werkmap import Werkmap

if TYPE_CHECKING:
    from evaluatie.contract.aansluiting import Aansluiting
    from evaluatie.contract.advies import Advies
    from evaluatie.contract.hervatting import Hervat
    from evaluatie.contract.herverdeling import Herverdeling
    from evaluatie.contract.inlezen import Inleesverslag
    from evaluatie.contract.intrekking import Intrekking
    from evaluatie.contract.optie import Optiejaar
    from evaluatie.contract.publicatie import Cijfer
    from evaluatie.contract.stand import Stand
    from evaluatie.contract.toetreding import Toetreding
    from evaluatie.contract.wijziging import Toetsing


def _noteer(
    werkmap: Werkmap, commando: str, opties: dict[str, Any], invoer: list[Path], uitvoer: list[Path] | None = None
) -> None:
    from evaluatie.hashing import sha256_bestand
    from evaluatie.inschrijving.model import Invoerbestand
    from evaluatie.logboek import noteer

    gelezen = [Invoerbestand(bestand=werkmap.relatief(p), sha256=sha256_bestand(p)) for p in invoer if p.is_file()]
    noteer(werkmap, f"contract {commando}", opties, gelezen, uitvoer or [])


def gunning_gewijzigd(werkmap: Werkmap, reg: Register) -> str | None:
    """Why rapporten/gunning.json is no longer the award the contract started from, or None.

    The register keeps the award of the start (its SHA-256); an award run again since (changed bids,
    another decision) writes another gunning.json. Reports and the dossier would then cite one award
    and hold another, so they are refused; what only reads the register (stand, advies) warns."""
    from evaluatie.contract.basis import gunningpad
    from evaluatie.hashing import sha256_bestand

    pad = gunningpad(werkmap)
    nu = sha256_bestand(pad) if pad.is_file() else None
    if nu == reg.gunning_sha256:
        return None
    return (
        f"{werkmap.relatief(pad)} is niet meer de gunning waarop het contract begon (SHA-256 bij de start "
        f"{reg.gunning_sha256[:12]}..., nu {nu[:12] + '...' if nu else 'ontbreekt het bestand'}); het register volgt "
        "de gunning van de start. Zet de invoer van die gunning terug en voer 'evaluatie gunning' opnieuw uit "
        "('evaluatie controleer' noemt wat er sinds de gunning is gewijzigd)"
    )


def _gunning_van_de_start(werkmap: Werkmap, reg: Register, wat: str) -> None:
    reden = gunning_gewijzigd(werkmap, reg)
    if reden is not None:
        raise EvaluatieFout([f"{reden}; {wat}"])


@met_slot
@bewaakt_register
def start_vanuit_gunning(
    werkmap: Werkmap, datum: dt.date, door: str, reden: str
) -> tuple[Path, Register, list[str], list[str]]:
    """The register from the final award; also the keurmerk warnings at the start date (contract/keurmerk.py) and the
    names of the lots that were not awarded (no contract, not in the register)."""
    from evaluatie.contract.basis import lees_basis
    from evaluatie.contract.besluit import controleer_wie_waarom
    from evaluatie.contract.keurmerk import keurmerk_bij_start
    from evaluatie.contract.start import controleer_startdatum, start_contract

    controleer_wie_waarom(door, reden)
    basis = lees_basis(werkmap)
    controleer_startdatum(basis, datum)  # before the register file is created
    waarschuwingen = keurmerk_bij_start(werkmap, basis, datum)
    db = open_register(werkmap, moet_bestaan=False)
    try:
        start_contract(db, basis, datum, door, reden)
        reg = lees_register(db)
    finally:
        db.close()
    from evaluatie.contract.basis import gunningpad

    _noteer(werkmap, "start", {"datum": datum.isoformat(), "door": door, "reden": reden}, [gunningpad(werkmap)])
    return registerpad(werkmap), reg, waarschuwingen, [naam for _, naam in basis.niet_gegund]


@met_slot
@bewaakt_register
def lees_bestanden_in(
    werkmap: Werkmap, paden: list[Path], datum: dt.date, vandaag: dt.date | None = None
) -> Inleesverslag:
    from evaluatie.contract.herverdelingspremisse import verschoven
    from evaluatie.contract.inlezen import AANLEVERINGEN, lees_in, verzamel

    db = open_register(werkmap)
    try:
        reg = lees_register(db, met_plaatsingen=False)
        v = lees_in(db, reg, paden, datum, werkmap.root / MAP / AANLEVERINGEN, vandaag)
        if v.nieuw or v.gecorrigeerd:
            na = lees_register(db)
            v.waarschuwingen += buiten_het_raam(na, datum)
            v.waarschuwingen += [
                x.zin(na).removeprefix("Let op: ").removesuffix(".")
                for x in verschoven(na, min(datum, na.laatste_dag()))
            ]
    finally:
        db.close()
    _noteer(werkmap, "inlezen", {"datum": datum.isoformat()}, verzamel(paden))
    return v


def buiten_het_raam(reg: Register, datum: dt.date) -> list[str]:
    """Every framework agreement with placements past its maximum on `datum`, in words: said at the intake that
    brings them in (and at every later one while they are there), not only when the next advice is asked."""
    from evaluatie.contract.stand import raamgebruik

    uit = []
    for code, p in reg.percelen.items():
        r = raamgebruik(reg, code, datum)
        if r is None or r.gebruikt <= r.max_trajecten or r.prognose is None:
            continue
        uit.append(
            f"raamovereenkomst {p.naam}: {r.gebruikt} van de maximaal {r.max_trajecten} trajecten geplaatst; het "
            f"maximum is bereikt op {r.prognose.strftime('%d-%m-%Y')} en "
            f"{aantal(str(r.gebruikt - r.max_trajecten), 'plaatsing', 'plaatsingen')} daarna "
            f"{'valt' if r.gebruikt - r.max_trajecten == 1 else 'vallen'} buiten de raamovereenkomst (HvJ EU C-23/20): "
            "daarvoor is een "
            "contractwijziging met grondslag ('evaluatie contract wijziging') of een nieuwe aanbesteding nodig"
        )
    return uit


@bewaakt_register
def geef_advies(werkmap: Werkmap, gemeente: str, perceel: str, peildatum: dt.date | None) -> Advies:
    """The advice on `peildatum` (today when None); a date outside the term and a misspelt name come together."""
    from evaluatie.contract.advies import bereken_advies, controleer_keuze

    dag = peildatum or dt.date.today()
    db = open_register(werkmap, alleen_lezen=True)
    try:
        reg = lees_register(db)
        g, r, _ = herken(reg, gemeente, perceel)
        fout = reg.fout_buiten_looptijd(dag, "--peildatum", opgegeven=peildatum is not None)
        try:
            controleer_keuze(reg, g or gemeente, r or perceel)
        except InvoerFout as e:
            raise InvoerFout([*([fout] if fout else []), *e.fouten]) from None
        if fout is not None:
            raise InvoerFout([fout])
        return bereken_advies(reg, g or gemeente, r or perceel, dag)
    finally:
        db.close()


@met_slot
@bewaakt_register
def leg_keuze_vast(
    werkmap: Werkmap,
    gemeente: str,
    perceel: str,
    klant: str,
    aanbieder: str,
    datum: dt.date,
    door: str,
    reden: str,
    vandaag: dt.date | None = None,
    datum_opgegeven: bool = True,
) -> tuple[Advies, int, str, list[str]]:
    """Record an own choice; returns the advice of that moment, the decision's number, the chosen
    supplier as the register writes it (a name typed in another case is the same supplier) and what to note of a
    switch after a drop-out (contract.overstap.bij_keuze). `datum_opgegeven`: as in wijzig."""
    from evaluatie.contract.advies import kies
    from evaluatie.contract.overstap import bij_keuze

    db = open_register(werkmap)
    try:
        reg = lees_register(db)
        g, r, a = herken(reg, gemeente, perceel, aanbieder)
        gemeente, perceel, aanbieder = g or gemeente, r or perceel, a or aanbieder
        uit = kies(db, reg, gemeente, perceel, klant, aanbieder, datum, door, reden, vandaag, datum_opgegeven)
        overstap = bij_keuze(reg, gemeente, perceel, klant, aanbieder, datum)
    finally:
        db.close()
    opties = {
        "gemeente": gemeente,
        "route": perceel,
        "klant": klant,
        "aanbieder": aanbieder,
        "datum": datum.isoformat(),
        "besluit": uit[1],
    }
    _noteer(werkmap, "keuze", opties, [])
    return uit[0], uit[1], aanbieder, overstap


@bewaakt_register
def register_van(werkmap: Werkmap) -> Register:
    """The register's contract, lots and suppliers (without the placements), read-only."""
    db = open_register(werkmap, alleen_lezen=True)
    try:
        return lees_register(db, met_plaatsingen=False)
    finally:
        db.close()


@bewaakt_register
def geef_stand(werkmap: Werkmap, peildatum: dt.date | None) -> tuple[Register, Stand]:
    """The state on `peildatum` (today when None, and said so if that lies outside the term)."""
    from evaluatie.contract.stand import bereken_stand

    dag = peildatum or dt.date.today()
    db = open_register(werkmap, alleen_lezen=True)
    try:
        reg = lees_register(db)
    finally:
        db.close()
    reg.binnen_looptijd(dag, "--peildatum", opgegeven=peildatum is not None)
    reg = reg.op(dag)  # a withdrawal dated after the peildatum leaves that day's stand as it was
    reg = reg.aangesloten_op(dag)  # a gemeente that joins later is no gemeente of the contract before it does
    return reg, bereken_stand(reg, dag)


@met_slot
@bewaakt_register
def schrijf_kwartaal(werkmap: Werkmap, kwartaal: str, vandaag: dt.date | None = None) -> tuple[list[Path], list[str]]:
    """The quarterly reports, and what the command line says of their check (no silent skip): the legend's words when
    the exact check of the published counts did not run, and a withdrawal of an event an earlier quarter counted."""
    from evaluatie.contract.kwartaal import kwartaal_grenzen, onderdrukking_uitleg, schrijf_kwartaalrapporten
    from evaluatie.contract.openbaar import wordt_gecontroleerd
    from evaluatie.contract.publicatie import kwartaalnaam

    eerste, laatste = kwartaal_grenzen(kwartaal)
    # the quarter's own name, however it was typed ('2026-q2 '): its folder, and the one an earlier publication is kept
    # next to, must be the same for every spelling (evaluatie.contract.publicatie)
    kwartaal = kwartaalnaam(eerste)
    db = open_register(werkmap, alleen_lezen=True)
    try:
        reg = lees_register(db)
    finally:
        db.close()
    _gunning_van_de_start(
        werkmap, reg, "de kwartaalrapportage zou een gunning noemen die niet meer in de werkmap staat"
    )
    nieuw: list[str] = []  # what the terminal says of a publication that replaces an earlier one
    paden = schrijf_kwartaalrapporten(
        reg.op(laatste),
        kwartaal,
        eerste,
        laatste,
        werkmap.root / MAP / "kwartaal" / kwartaal,
        vandaag,
        lambda cijfers: nieuw.append(_leg_publicatie_vast(werkmap, kwartaalnaam(eerste), laatste, vandaag, cijfers)),
    )
    _noteer(werkmap, "kwartaal", {"kwartaal": kwartaal}, [], paden)
    from evaluatie.contract.intrekking import eerder_meegeteld

    meldingen = [] if wordt_gecontroleerd(reg) else [onderdrukking_uitleg(False, len(reg.gemeenten))]
    return paden, meldingen + [m for m in [eerder_meegeteld(reg, eerste, laatste), *nieuw] if m]


def _leg_publicatie_vast(
    werkmap: Werkmap, kwartaal: str, laatste: dt.date, vandaag: dt.date | None, cijfers: list[Cijfer]
) -> str:
    """Record what a quarterly report publishes (evaluatie.contract.publicatie), before it is written; what the
    terminal says when it replaces an earlier publication of the quarter ('' otherwise)."""
    from evaluatie.contract.publicatie import leg_vast

    db = open_register(werkmap)
    try:
        nummer, nu = leg_vast(db, kwartaal, laatste, vandaag or dt.date.today(), cijfers)
    finally:
        db.close()
    if not (nu and nummer > 1):
        return ""
    return (
        f"de kwartaalrapportage van {kwartaal} toont andere aantallen dan publicatie {nummer - 1} van dit kwartaal "
        f"(het register is sindsdien gewijzigd) en is vastgelegd als publicatie {nummer}; zij zegt bovenaan dat zij de "
        "eerdere vervangt. Geef haar aan wie de eerdere kreeg"
    )


@bewaakt_register
def herverdeel(
    werkmap: Werkmap,
    perceel: str,
    aanbieder: str,
    per: dt.date | None,
    vastleggen: bool,
    door: str | None,
    reden: str | None,
) -> tuple[Herverdeling, int | None]:
    """The re-allocation after a drop-out, recorded when `vastleggen`. `per` None (not given): an input error, said
    together with a wrong supplier and a decision without person or reason (all errors at once)."""
    with werkmap_slot(werkmap.root) if vastleggen else nullcontext():  # a proposal only reads
        return _herverdeel(werkmap, perceel, aanbieder, per, vastleggen, door, reden)


def _herverdeel(
    werkmap: Werkmap,
    perceel: str,
    aanbieder: str,
    per: dt.date | None,
    vastleggen: bool,
    door: str | None,
    reden: str | None,
) -> tuple[Herverdeling, int | None]:
    from evaluatie.contract.besluit import fouten_wie_waarom
    from evaluatie.contract.herverdeling import aanbieder_fouten, leg_herverdeling_vast, voorstel
    from evaluatie.fouten import Fout

    db = open_register(werkmap, alleen_lezen=not vastleggen)
    try:
        reg = lees_register(db)
        _, r, a = herken(reg, None, perceel, aanbieder)
        perceel, aanbieder = r or perceel, a or aanbieder
        vooraf = fouten_wie_waarom(door, reden) if vastleggen else []
        if per is None:
            zonder = Fout("--per", "is verplicht: de datum van uitval")
            raise InvoerFout([zonder, *aanbieder_fouten(reg, perceel, aanbieder), *vooraf])
        try:
            reg.binnen_looptijd(per, "--per")
        except InvoerFout as e:
            vooraf = [*e.fouten, *vooraf]
        try:
            v = voorstel(werkmap, reg, perceel, aanbieder, per)
        except InvoerFout as e:  # all input errors at once
            raise InvoerFout([*e.fouten, *vooraf]) from None
        except EvaluatieFout:
            if vooraf:  # input errors first: a --per outside the term, a decision without person or reason
                raise InvoerFout(vooraf) from None
            raise
        if vooraf:
            raise InvoerFout(vooraf)
        b = leg_herverdeling_vast(db, v, door or "", reden or "") if vastleggen else None
    finally:
        db.close()
    if b is not None:
        opties = {"route": perceel, "aanbieder": aanbieder, "per": per.isoformat(), "besluit": b}
        _noteer(werkmap, "uitval", opties, [])
    return v, b


@bewaakt_register
def wijzig(
    werkmap: Werkmap,
    perceel: str | None,
    soort: str | None,
    waarde: float | None,
    trajecten: int,
    grondslag: str | None,
    datum: dt.date,
    vastleggen: bool,
    door: str | None,
    reden: str | None,
    vandaag: dt.date | None = None,
    datum_opgegeven: bool = True,
    tot: dt.date | None = None,
    percentage: Decimal | None = None,
) -> tuple[Toetsing, int | None]:
    """Test a contract change, and record it when `vastleggen`. `datum_opgegeven`: False when the command line took
    today for a --datum not given (an error then says so)."""
    from evaluatie.contract.besluit import fouten_wie_waarom, niet_in_de_toekomst
    from evaluatie.contract.wijziging import leg_wijziging_vast, toets_wijziging

    with werkmap_slot(werkmap.root) if vastleggen else nullcontext():  # --alleen-toetsen only reads
        db = open_register(werkmap, alleen_lezen=not vastleggen)
        try:
            reg = lees_register(db)
            if perceel is not None:
                perceel = herken(reg, None, perceel)[1] or perceel
            toekomst = niet_in_de_toekomst(datum, vandaag)  # said with the other options' errors
            vooraf = toekomst + (fouten_wie_waarom(door, reden) if vastleggen else [])
            try:
                t = toets_wijziging(
                    reg, perceel, soort, waarde, trajecten, grondslag, datum, datum_opgegeven, tot, percentage
                )
            except InvoerFout as e:  # with a date in the future, a missing --door or --reden: all at once
                eerst = [f for f in e.fouten if not (toekomst and f.plaats == "--datum")]  # one slip said once
                raise InvoerFout([*eerst, *vooraf]) from None
            except EvaluatieFout:
                if vooraf:  # input errors first: the change cannot be recorded anyway
                    raise InvoerFout(vooraf) from None
                raise
            if vooraf:
                raise InvoerFout(vooraf)
            b = leg_wijziging_vast(db, t, datum, door or "", reden or "") if vastleggen else None
        finally:
            db.close()
        if b is not None:
            opties = {"route": t.perceel, "soort": t.soort, "waarde": t.waarde, "grondslag": grondslag, "besluit": b}
            if tot is not None:
                opties["tot"] = tot.isoformat()
            if percentage is not None:
                opties["percentage"] = format(percentage, "f")
            _noteer(werkmap, "wijziging", opties, [])
    return t, b


@met_slot
@bewaakt_register
def trek_gebeurtenis_in(
    werkmap: Werkmap,
    gemeente: str,
    klant: str,
    gebeurtenis: str,
    datum: dt.date,
    door: str | None,
    reden: str | None,
    vandaag: dt.date | None = None,
    datum_opgegeven: bool = True,
    plaatsing: int | None = None,
) -> Intrekking:
    """Withdraw a wrongly delivered event by a recorded decision (evaluatie.contract.intrekking).
    `datum_opgegeven`: as in wijzig; `plaatsing`: the number of the client's placement, when it has more."""
    from evaluatie.contract.intrekking import trek_in

    db = open_register(werkmap)
    try:
        reg = lees_register(db, met_plaatsingen=False)
        gemeente = herken(reg, gemeente)[0] or gemeente
        i = trek_in(
            db, reg, gemeente, klant, gebeurtenis, datum, door or "", reden or "", vandaag, datum_opgegeven, plaatsing
        )
    finally:
        db.close()
    opties = {
        "gemeente": i.gemeente,
        "klant": i.klantnummer,
        "gebeurtenis": i.soort,
        "datum": datum.isoformat(),
        "besluit": i.besluit,
    }
    if plaatsing is not None:
        opties["plaatsing"] = plaatsing
    _noteer(werkmap, "intrekken", opties, [])
    return i


@met_slot
@bewaakt_register
def hervat_aanbieder(
    werkmap: Werkmap,
    perceel: str,
    aanbieder: str,
    vanaf: dt.date | None,
    datum: dt.date,
    door: str | None,
    reden: str | None,
    vandaag: dt.date | None = None,
) -> tuple[Hervat, list[str]]:
    """Record a supplier's re-entry in a lot after its drop-out (evaluatie.contract.hervatting); what to say."""
    from evaluatie.contract.hervatting import hervat, zinnen

    db = open_register(werkmap)
    try:
        reg = lees_register(db, met_plaatsingen=False)
        _, p, a = herken(reg, None, perceel, aanbieder)
        perceel, aanbieder = p or perceel, a or aanbieder
        h = hervat(db, reg, perceel, aanbieder, vanaf, datum, door, reden, vandaag)
        tekst = zinnen(lees_register(db, met_plaatsingen=False), h)
    finally:
        db.close()
    opties = {"route": h.perceel, "aanbieder": h.aanbieder, "per": h.vanaf.isoformat(), "besluit": h.besluit}
    _noteer(werkmap, "hervatting", opties, [])
    return h, tekst


@met_slot
@bewaakt_register
def oefen_optiejaar_uit(
    werkmap: Werkmap, datum: dt.date, door: str | None, reden: str | None, vandaag: dt.date | None = None
) -> tuple[Optiejaar, Register]:
    """Exercise the next option year (evaluatie.contract.optie); the register as it is afterwards."""
    from evaluatie.contract.optie import oefen_optie_uit

    db = open_register(werkmap)
    try:
        reg = lees_register(db, met_plaatsingen=False)
        o = oefen_optie_uit(db, reg, datum, door or "", reden or "", vandaag)
        reg = lees_register(db, met_plaatsingen=False)
    finally:
        db.close()
    _noteer(werkmap, "optiejaar", {"datum": datum.isoformat(), "optiejaar": o.jaar, "besluit": o.besluit}, [])
    return o, reg


@met_slot
@bewaakt_register
def treed_toe(
    werkmap: Werkmap,
    bestand: Path,
    perceel: str,
    ontvangen: dt.date | None,
    datum: dt.date,
    door: str,
    reden: str,
    vandaag: dt.date | None = None,
    datum_opgegeven: bool = True,
    kwaliteit_pad: Path | None = None,
) -> Toetreding:
    """A late application to an open-house lot: admitted (register and letter) or not (letter only).
    `datum_opgegeven`: as in wijzig. `kwaliteit_pad`: the panel's form (contract.toetredingskwaliteit)."""
    from evaluatie.contract.toetreding import beoordeel_toetreding

    db = open_register(werkmap)
    try:
        reg = lees_register(db, met_plaatsingen=False)
        perceel = herken(reg, None, perceel)[1] or perceel
        _gunning_van_de_start(werkmap, reg, "het toelatingsbesluit zou een andere gunning volgen dan het contract")
        t = beoordeel_toetreding(
            werkmap, db, reg, bestand, perceel, ontvangen, datum, door, reden, vandaag, datum_opgegeven, kwaliteit_pad
        )
    finally:
        db.close()
    assert ontvangen is not None  # beoordeel_toetreding refuses a call without it (an error at --ontvangen)
    opties = {
        "route": perceel,
        "ontvangen": ontvangen.isoformat(),
        "datum": datum.isoformat(),
        "toegelaten": t.toegelaten,
        "besluit": t.besluit,
    }
    invoer = [bestand] if kwaliteit_pad is None else [bestand, kwaliteit_pad]
    _noteer(werkmap, "toetreding", opties, invoer, list(t.bestanden))
    return t


@met_slot
@bewaakt_register
def sluit_gemeente_aan(
    werkmap: Werkmap,
    gemeente: str,
    perceel: str,
    per: dt.date | None,
    datum: dt.date,
    door: str,
    reden: str,
    vandaag: dt.date | None = None,
    datum_opgegeven: bool = True,
) -> Aansluiting:
    """A gemeente the tender names as a possible later participant joins a lot (evaluatie.contract.aansluiting).
    `datum_opgegeven`: as in wijzig."""
    from evaluatie.contract.aansluiting import sluit_aan

    db = open_register(werkmap)
    try:
        reg = lees_register(db, met_plaatsingen=False)
        perceel = herken(reg, None, perceel)[1] or perceel
        _gunning_van_de_start(werkmap, reg, "de aansluiting zou een andere gunning volgen dan het contract")
        a = sluit_aan(werkmap, db, reg, gemeente, perceel, per, datum, door, reden, vandaag, datum_opgegeven)
    finally:
        db.close()
    opties = {"gemeente": a.gemeente, "route": a.perceel, "per": a.vanaf.isoformat(), "datum": datum.isoformat()}
    _noteer(werkmap, "aansluiting", {**opties, "besluit": a.besluit}, [], list(a.bestanden))
    return a


@met_slot
@bewaakt_register
def schrijf_contractdossier(werkmap: Werkmap, als_zip: bool) -> tuple[Path, int, Path | None]:
    from evaluatie.contract.dossier import INDEX, schrijf_dossier

    _gunning_van_de_start(
        werkmap, register_van(werkmap), "het contractdossier zou de ene gunning noemen en de andere bevatten"
    )
    map_, n, zip_ = schrijf_dossier(werkmap, als_zip)
    _noteer(werkmap, "dossier", {"zip": als_zip}, [], [map_ / INDEX, map_ / "index.html", *([zip_] if zip_ else [])])
    return map_, n, zip_

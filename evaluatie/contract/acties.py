"""The contract commands as library functions on a werkmap: open the register, do one thing, close.

Why here and not in cli.py: the CLI only parses and prints; tests and other front ends call these.
Every command that changes the register or writes files leaves a line in logboek.jsonl (inputs and
outputs with their SHA-256), like the award's commands.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evaluatie.contract.lezen import Register, lees_register
from evaluatie.contract.register import MAP, open_register, registerpad
from evaluatie.werkmap import Werkmap

if TYPE_CHECKING:
    from evaluatie.contract.advies import Advies
    from evaluatie.contract.herverdeling import Herverdeling
    from evaluatie.contract.inlezen import Inleesverslag
    from evaluatie.contract.stand import Stand
    from evaluatie.contract.wijziging import Toetsing


def _noteer(
    werkmap: Werkmap, commando: str, opties: dict[str, Any], invoer: list[Path], uitvoer: list[Path] | None = None
) -> None:
    from evaluatie.hashing import sha256_bestand
    from evaluatie.inschrijving.model import Invoerbestand
    from evaluatie.logboek import noteer

    gelezen = [Invoerbestand(bestand=werkmap.relatief(p), sha256=sha256_bestand(p)) for p in invoer if p.is_file()]
    noteer(werkmap, f"contract {commando}", opties, gelezen, uitvoer or [])


def start_vanuit_gunning(werkmap: Werkmap, datum: dt.date, door: str, reden: str) -> tuple[Path, Register, list[str]]:
    """The register from the final award; also the keurmerk warnings at the start date (contract/keurmerk.py)."""
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
    return registerpad(werkmap), reg, waarschuwingen


def lees_bestanden_in(werkmap: Werkmap, paden: list[Path], datum: dt.date) -> Inleesverslag:
    from evaluatie.contract.inlezen import AANLEVERINGEN, lees_in, verzamel

    db = open_register(werkmap)
    try:
        v = lees_in(db, lees_register(db, met_plaatsingen=False), paden, datum, werkmap.root / MAP / AANLEVERINGEN)
    finally:
        db.close()
    _noteer(werkmap, "inlezen", {"datum": datum.isoformat()}, verzamel(paden))
    return v


def geef_advies(werkmap: Werkmap, gemeente: str, perceel: str, peildatum: dt.date) -> Advies:
    from evaluatie.contract.advies import bereken_advies

    db = open_register(werkmap)
    try:
        return bereken_advies(lees_register(db), gemeente, perceel, peildatum)
    finally:
        db.close()


def leg_keuze_vast(
    werkmap: Werkmap, gemeente: str, perceel: str, klant: str, aanbieder: str, datum: dt.date, door: str, reden: str
) -> tuple[Advies, int]:
    from evaluatie.contract.advies import kies

    db = open_register(werkmap)
    try:
        uit = kies(db, lees_register(db), gemeente, perceel, klant, aanbieder, datum, door, reden)
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
    return uit


def geef_stand(werkmap: Werkmap, peildatum: dt.date) -> tuple[Register, Stand]:
    from evaluatie.contract.stand import bereken_stand

    db = open_register(werkmap)
    try:
        reg = lees_register(db)
    finally:
        db.close()
    return reg, bereken_stand(reg, peildatum)


def schrijf_kwartaal(werkmap: Werkmap, kwartaal: str) -> list[Path]:
    from evaluatie.contract.kwartaal import kwartaal_grenzen, schrijf_kwartaalrapporten

    eerste, laatste = kwartaal_grenzen(kwartaal)
    db = open_register(werkmap)
    try:
        reg = lees_register(db)
    finally:
        db.close()
    paden = schrijf_kwartaalrapporten(reg, kwartaal, eerste, laatste, werkmap.root / MAP / "kwartaal" / kwartaal)
    _noteer(werkmap, "kwartaal", {"kwartaal": kwartaal}, [], paden)
    return paden


def herverdeel(
    werkmap: Werkmap, perceel: str, aanbieder: str, per: dt.date, vastleggen: bool, door: str | None, reden: str | None
) -> tuple[Herverdeling, int | None]:
    from evaluatie.contract.herverdeling import leg_herverdeling_vast, voorstel

    db = open_register(werkmap)
    try:
        reg = lees_register(db)
        v = voorstel(werkmap, reg, perceel, aanbieder, per)
        b = leg_herverdeling_vast(db, v, door or "", reden or "") if vastleggen else None
    finally:
        db.close()
    if b is not None:
        opties = {"route": perceel, "aanbieder": aanbieder, "per": per.isoformat(), "besluit": b}
        _noteer(werkmap, "uitval", opties, [])
    return v, b


def wijzig(
    werkmap: Werkmap,
    perceel: str,
    soort: str,
    waarde: float,
    trajecten: int,
    grondslag: str,
    datum: dt.date,
    vastleggen: bool,
    door: str | None,
    reden: str | None,
) -> tuple[Toetsing, int | None]:
    from evaluatie.contract.wijziging import leg_wijziging_vast, toets_wijziging

    db = open_register(werkmap)
    try:
        reg = lees_register(db)
        t = toets_wijziging(reg, perceel, soort, waarde, trajecten, grondslag)
        b = leg_wijziging_vast(db, t, datum, door or "", reden or "") if vastleggen else None
    finally:
        db.close()
    if b is not None:
        opties = {"route": perceel, "soort": soort, "waarde": waarde, "grondslag": grondslag, "besluit": b}
        _noteer(werkmap, "wijziging", opties, [])
    return t, b


def schrijf_contractdossier(werkmap: Werkmap, als_zip: bool) -> tuple[Path, int, Path | None]:
    from evaluatie.contract.dossier import INDEX, schrijf_dossier

    map_, n, zip_ = schrijf_dossier(werkmap, als_zip)
    _noteer(werkmap, "dossier", {"zip": als_zip}, [], [map_ / INDEX, map_ / "index.html", *([zip_] if zip_ else [])])
    return map_, n, zip_

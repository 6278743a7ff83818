"""The contract commands as library functions on a werkmap: open the register, do one thing, close.

Why here and not in cli.py: the CLI only parses and prints; tests and other front ends call these.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from evaluatie.contract.lezen import Register, lees_register
from evaluatie.contract.register import MAP, open_register, registerpad
from evaluatie.werkmap import Werkmap

if TYPE_CHECKING:
    from evaluatie.contract.advies import Advies
    from evaluatie.contract.herverdeling import Herverdeling
    from evaluatie.contract.inlezen import Inleesverslag
    from evaluatie.contract.stand import Stand
    from evaluatie.contract.wijziging import Toetsing


def start_vanuit_gunning(werkmap: Werkmap, datum: dt.date, door: str, reden: str) -> tuple[Path, Register]:
    from evaluatie.contract.basis import lees_basis
    from evaluatie.contract.besluit import controleer_wie_waarom
    from evaluatie.contract.start import start_contract

    controleer_wie_waarom(door, reden)
    basis = lees_basis(werkmap)
    db = open_register(werkmap, moet_bestaan=False)
    try:
        start_contract(db, basis, datum, door, reden)
        return registerpad(werkmap), lees_register(db)
    finally:
        db.close()


def lees_bestanden_in(werkmap: Werkmap, paden: list[Path], datum: dt.date) -> Inleesverslag:
    from evaluatie.contract.inlezen import AANLEVERINGEN, lees_in

    db = open_register(werkmap)
    try:
        return lees_in(db, lees_register(db, met_plaatsingen=False), paden, datum, werkmap.root / MAP / AANLEVERINGEN)
    finally:
        db.close()


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
        return kies(db, lees_register(db), gemeente, perceel, klant, aanbieder, datum, door, reden)
    finally:
        db.close()


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
    return schrijf_kwartaalrapporten(reg, kwartaal, eerste, laatste, werkmap.root / MAP / "kwartaal" / kwartaal)


def herverdeel(
    werkmap: Werkmap, perceel: str, aanbieder: str, per: dt.date, vastleggen: bool, door: str | None, reden: str | None
) -> tuple[Herverdeling, int | None]:
    from evaluatie.contract.herverdeling import leg_herverdeling_vast, voorstel

    db = open_register(werkmap)
    try:
        reg = lees_register(db)
        v = voorstel(werkmap, reg, perceel, aanbieder, per)
        b = leg_herverdeling_vast(db, v, door or "", reden or "") if vastleggen else None
        return v, b
    finally:
        db.close()


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
        return t, b
    finally:
        db.close()

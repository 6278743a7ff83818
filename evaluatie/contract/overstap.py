"""A client who moves to another supplier after their supplier dropped out (contract uitval) in the same lot.

The register holds one placement per klantnummer and gemeente (schema: plaatsing UNIQUE (gemeente, klantnummer)),
with one event of each kind; a second registration of the same client is read as a correction of the first. After
a drop-out, a registration with another supplier in the same lot is no correction but a switch: read as a
correction it replaced the earlier registration, so the placement at the supplier that dropped out vanished from
the register (and from the placements the redistribution at the drop-out was based on) and the new supplier got it
from the earlier date. Until the register can hold a second placement of one client, such a row is an input error
that says what it is and how to proceed, and nothing is read: the earlier placement's history stays as it was.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Set
from typing import TYPE_CHECKING

from evaluatie.fouten import Verzamelaar

if TYPE_CHECKING:
    from evaluatie.contract.inlezen import Regel


def _d(datum: dt.date) -> str:
    return datum.strftime("%d-%m-%Y")


def controleer_overstap(
    db: sqlite3.Connection, regels: Iterable[Regel], fouten: Verzamelaar, met_fout: Set[str]
) -> None:
    """Every registration of this intake that would 'correct' a registration made before the supplier's drop-out
    into one with another supplier in the same lot on or after that day: an error at its supplier cell."""
    uitval = {
        (p, lev): (dt.date.fromisoformat(d), b)
        for p, lev, d, b in db.execute("SELECT perceel, leverancier, datum, besluit_id FROM uitval")
    }
    if not uitval:
        return
    ingetrokken = {r[0] for r in db.execute("SELECT gebeurtenis_id FROM intrekking")}
    eerder = {
        (g, k): (gid, dt.date.fromisoformat(d), p, lev, plaats)
        for gid, g, k, d, p, lev, plaats in db.execute(
            "SELECT h.id, p.gemeente, p.klantnummer, h.datum, h.perceel, h.leverancier, h.plaats "
            "FROM huidige_gebeurtenis h JOIN plaatsing p ON p.id = h.plaatsing_id WHERE h.soort = 'aangemeld'"
        )
    }
    namen = dict(db.execute("SELECT code, naam FROM perceel"))
    for r in regels:
        if r.soort != "aangemeld" or r.klantnummer in met_fout or (r.gemeente, r.klantnummer) not in eerder:
            continue
        gid, datum, perceel, leverancier, plaats = eerder[(r.gemeente, r.klantnummer)]
        if gid in ingetrokken or perceel != r.perceel or leverancier == r.leverancier or leverancier is None:
            continue
        if (perceel, leverancier) not in uitval:
            continue
        per, besluit = uitval[(perceel, leverancier)]
        if not datum < per <= r.datum:
            continue
        fouten.voeg_toe(
            r.cel("aanbieder"),
            f"klant {r.klantnummer} ({r.gemeente}): aanmelding bij {r.leverancier} in {namen.get(perceel, perceel)} op "
            f"{_d(r.datum)}, terwijl de klant op {_d(datum)} bij {leverancier} is aangemeld ({plaats}) en "
            f"{leverancier} per {_d(per)} in dat perceel is uitgevallen (besluit {besluit}). Dat is een overstap na "
            f"de uitval, geen correctie: als correctie zou de aanmelding bij {leverancier} uit het register "
            "verdwijnen, en met haar een plaatsing waarvan de herverdeling bij de uitval uitging. Het register kent "
            "één plaatsing per klantnummer en gemeente en kan een tweede plaatsing van dezelfde klant niet "
            "vastleggen: laat deze regel weg en houd de overstap buiten het register bij (de keuze van de klant kan "
            "met 'evaluatie contract keuze' worden vastgelegd). Was de eerdere aanmelding zelf onjuist, geef dan "
            f"haar eigen datum ({_d(datum)}) met de juiste aanbieder",
        )


def bij_keuze(reg, gemeente: str, perceel: str, klant: str, gekozen: str, datum: dt.date) -> list[str]:
    """What `contract keuze` says when the client chooses another supplier after their own dropped out of the lot: the
    choice is recorded (it always goes first), but the registration that follows cannot be read into the register
    (controleer_overstap), and the contract manager learns that now, not from the gemeente's refused delivery."""
    for p in reg.plaatsingen:
        if (p.gemeente, p.klantnummer, p.perceel) != (gemeente, klant, perceel) or p.leverancier in (None, gekozen):
            continue
        per = reg.uitgevallen.get((perceel, p.leverancier))
        if per is None or p.aangemeld is None or not p.aangemeld < per <= datum:
            continue
        return [
            f"{klant} is op {_d(p.aangemeld)} bij {p.leverancier} aangemeld in perceel {perceel}, en "
            f"{p.leverancier} is per {_d(per)} uitgevallen: de keuze voor {gekozen} is een overstap na de uitval. "
            "Het register kent één plaatsing per klantnummer en gemeente en kan een aanmelding van "
            f"{klant} bij {gekozen} niet vastleggen (contract inlezen weigert haar als overstap); houd de overstap "
            "buiten het register bij"
        ]
    return []

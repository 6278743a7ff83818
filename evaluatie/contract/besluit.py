"""Recorded decisions: every act a person takes on the contract, with reason, date and who.

Why one helper: a decision is never applied silently, so every change of the register's meaning
(contract start, re-allocation, contract change, own choice) goes through `leg_vast`, which refuses
an empty reason or person and stores the content as canonical JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from evaluatie.contract import privacy
from evaluatie.fouten import Fout, InvoerFout
from evaluatie.onzichtbaar import storend_in_optie


def fouten_wie_waarom(door: str | None, reden: str | None) -> list[Fout]:
    """The errors of a decision without a person or a reason (to report with a command's other errors)."""
    fouten = []
    if not (door or "").strip():
        fouten.append(Fout("--door", "wie neemt dit besluit? vul een naam en functie in"))
    else:
        fouten += _persoonsgegevens(door or "", "--door", "wie het besluit neemt")
    if not (reden or "").strip():
        fouten.append(Fout("--reden", "een besluit zonder reden wordt niet vastgelegd"))
    else:
        fouten += _persoonsgegevens(reden or "", "--reden", "de reden")
    for optie, tekst in (("--door", door), ("--reden", reden)):
        if tekst and (fout := storend_in_optie(optie, tekst)) is not None:
            fouten.append(Fout(optie, fout.removeprefix(f"{optie}: ")))
    return fouten


def _persoonsgegevens(tekst: str, optie: str, wat_het_is: str) -> list[Fout]:
    """A BSN or an e-mail address in the reason or in who decides: the register is append-only (its triggers refuse
    every deletion) and both go into the contract file, so what is typed there can never be removed. A name cannot
    be told from the names of suppliers and officials in free text and is not checked here."""
    wat = []
    if privacy.elfproef(tekst) or privacy.bsn_in_tekst(tekst):
        wat.append("een nummer dat aan de elfproef van het burgerservicenummer voldoet")
    if privacy.email(tekst):
        wat.append("een e-mailadres")
    if not wat:
        return []
    return [
        Fout(
            optie,
            f"bevat {' en '.join(wat)}: {wat_het_is} komt in het register (alleen-toevoegen, er gaat nooit iets "
            "uit) en in het contractdossier; noem de inburgeraar alleen met het pseudoniem klantnummer en een "
            "medewerker met naam en functie",
        )
    ]


def controleer_wie_waarom(door: str | None, reden: str | None) -> None:
    fouten = fouten_wie_waarom(door, reden)
    if fouten:
        raise InvoerFout(fouten)


def niet_in_de_toekomst(datum: dt.date, vandaag: dt.date | None, optie: str = "--datum") -> list[Fout]:
    """A decision is recorded when it is taken: a date after `vandaag` (the run date, as the decision commands of
    the award take it) is an error; none when `vandaag` is not given (a library call that checks elsewhere)."""
    if vandaag is None or datum <= vandaag:
        return []
    return [
        Fout(
            optie,
            f"{datum.strftime('%d-%m-%Y')} ligt in de toekomst (vandaag is {vandaag.strftime('%d-%m-%Y')}); "
            "een besluit wordt vastgelegd als het is genomen",
        )
    ]


def leg_vast(db: sqlite3.Connection, soort: str, datum: dt.date, door: str, reden: str, inhoud: Any) -> int:
    """Insert one decision (inside the caller's transaction) and return its id."""
    controleer_wie_waarom(door, reden)
    cur = db.execute(
        "INSERT INTO besluit (soort, datum, door, reden, inhoud) VALUES (?, ?, ?, ?, ?)",
        (soort, datum.isoformat(), door.strip(), reden.strip(), json.dumps(inhoud, ensure_ascii=False, sort_keys=True)),
    )
    return int(cur.lastrowid or 0)

"""Exercising an option year: the term grows by one contract year, by a recorded decision.

Why a decision of its own and not a contract change: an option year the tender documents announced (looptijd:
optiejaren) was part of the tender's estimated value and of every framework maximum, so using it changes nothing
the bidders did not compete on; it is no change under art. 2.163a-g Aw 2012. Until it is exercised the contract
ends after the fixed years: the register then refuses later events, and the stand, the reports and the dossier say
which option years remain. Exercised for the whole contract (every lot), one year at a time, in order, before the
term in force ends (an expired contract cannot be extended), and never dated in the future.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from evaluatie.contract.besluit import fouten_wie_waarom, leg_vast, niet_in_de_toekomst
from evaluatie.contract.lezen import Register
from evaluatie.contract.registerwacht import terugdraaien
from evaluatie.contract.verlenging import verlenging_deel
from evaluatie.fouten import Fout, InvoerFout


@dataclass(frozen=True)
class Optiejaar:
    jaar: int  # the contract year that joins the term
    van: dt.date
    tot_en_met: dt.date  # the new last day of the term
    resterend: int  # option years still open after this one
    besluit: int
    waarschuwingen: tuple[str, ...] = ()


def looptijd_zin(reg: Register, d: dt.date | None = None) -> str:
    """The term in words, fixed years apart from option years, as it stood on `d` (default: now): 'Looptijd: 2 jaar
    (01-01-2022 tot en met 31-12-2023); optiejaar 3 (tot en met 31-12-2024): niet uitgeoefend', and a verlenging past
    the option years with its changes (contract.verlenging)."""
    return _zonder_verlenging(reg, d) + verlenging_deel(reg, d)


def _zonder_verlenging(reg: Register, d: dt.date | None) -> str:
    jaren = reg.jaren if d is None else reg.jaren_op(d)
    vast = reg.vaste_jaren
    zin = (
        f"Looptijd: {vast} jaar ({reg.startdatum.strftime('%d-%m-%Y')} tot en met "
        f"{reg.laatste_dag(vast).strftime('%d-%m-%Y')})"
    )
    if reg.optiejaren_in_start:
        return (
            f"{zin}, optiejaren inbegrepen: het register is begonnen voordat evaluatie de optiejaren apart hield, en "
            "de start nam ze op in de looptijd"
        )
    if not reg.optiejaren:
        return zin + ", zonder optiejaren"
    delen = []
    for jaar in range(vast + 1, reg.alle_jaren + 1):
        tot = reg.laatste_dag(jaar).strftime("%d-%m-%Y")
        besluit = next(((d_, b) for j, d_, b in reg.opties if j == jaar and jaar <= jaren), None)
        if besluit is None:
            delen.append(f"optiejaar {jaar} (tot en met {tot}): niet uitgeoefend")
        else:
            delen.append(
                f"optiejaar {jaar} (tot en met {tot}): uitgeoefend bij besluit {besluit[1]} van "
                f"{besluit[0].strftime('%d-%m-%Y')}"
            )
    return f"{zin}; {'; '.join(delen)}"


def oefen_optie_uit(
    db: sqlite3.Connection, reg: Register, datum: dt.date, door: str, reden: str, vandaag: dt.date | None
) -> Optiejaar:
    """Record the next option year; every error of the call together (exit 2), nothing written then."""
    fouten: list[Fout] = []
    jaar = reg.jaren + 1
    if jaar > reg.alle_jaren:
        if reg.optiejaren_in_start:
            wat = (
                "het register is begonnen voordat evaluatie de optiejaren apart hield: de start nam ze op in de "
                "looptijd (zo staat het in het startbesluit), dus er is geen optiejaar meer uit te oefenen"
            )
        elif reg.optiejaren:
            wat = (
                f"alle {reg.optiejaren} optiejaren zijn al uitgeoefend"
                if reg.optiejaren > 1
                else ("het optiejaar is al uitgeoefend")
            )
        else:
            wat = "de aanbesteding kent geen optiejaren (looptijd in aanbesteding.yaml)"
        fouten.append(
            Fout(
                "optiejaar",
                f"{wat}; de looptijd loopt tot en met {reg.laatste_dag().strftime('%d-%m-%Y')}. Een langere looptijd "
                "vraagt een contractwijziging met grondslag of een nieuwe aanbesteding; 'evaluatie contract wijziging "
                "--soort verlenging --tot DATUM' legt zo'n wijziging per perceel vast en verlengt de looptijd in het "
                "register zodra ieder perceel met een raamovereenkomst is verlengd",
            )
        )
    if datum < reg.startdatum:
        fouten.append(Fout("--datum", f"{datum.isoformat()} ligt voor de start van het contract ({reg.startdatum})"))
    elif datum > reg.laatste_dag():  # the contract has expired then: it cannot be extended any more
        fouten.append(
            Fout(
                "--datum",
                f"{datum.isoformat()} ligt na het einde van de looptijd ({reg.laatste_dag().isoformat()}): een "
                "optiejaar wordt uitgeoefend zolang de overeenkomst loopt; een verlopen overeenkomst wordt niet "
                "verlengd",
            )
        )
    elif reg.opties and datum < reg.opties[-1][1]:
        fouten.append(
            Fout(
                "--datum",
                f"{datum.isoformat()} ligt voor het besluit over optiejaar {reg.opties[-1][0]} "
                f"({reg.opties[-1][1].isoformat()}); optiejaren worden op volgorde uitgeoefend",
            )
        )
    fouten += niet_in_de_toekomst(datum, vandaag)
    fouten += fouten_wie_waarom(door, reden)
    if fouten:
        raise InvoerFout(fouten)
    van = reg.jaargrenzen(jaar)[0]
    tot = reg.laatste_dag(jaar)
    db.execute("BEGIN")
    try:
        inhoud = {"optiejaar": jaar, "van": van.isoformat(), "tot_en_met": tot.isoformat()}
        besluit = leg_vast(db, "optiejaar", datum, door, reden, inhoud)
        db.execute("INSERT INTO optie (besluit_id, jaar) VALUES (?, ?)", (besluit, jaar))
        db.execute("COMMIT")
    except BaseException:
        terugdraaien(db)
        raise
    return Optiejaar(jaar, van, tot, reg.alle_jaren - jaar, besluit, tuple(uitgevallen_in(reg, jaar)))


def uitgevallen_in(reg: Register, jaar: int) -> list[str]:
    """A supplier that dropped out before contract year `jaar` and still has inburgeraars allocated in it: a drop-out
    in the last fixed year records no allocation for an option year the others cannot cover (contract.herverdeling).
    Said when the option year is exercised: the advies skips the supplier, so its share has no place to go."""
    van = reg.jaargrenzen(jaar)[0]
    uit = []
    for (perceel, naam), per in sorted((k, reg.uitval_op(*k, van)) for k in reg.uitvallen):
        if per is None:
            continue
        aantal = sum(n for (_, s), n in reg.toewijzing.get((perceel, jaar), {}).items() if s == naam)
        if per <= van and aantal:
            uit.append(
                f"de toewijzing van contractjaar {jaar} in {reg.percelen[perceel].naam} geeft nog {aantal} "
                f"inburgeraar(s) aan {naam}, die per {per.strftime('%d-%m-%Y')} is uitgevallen; een verdeling van dat "
                "jaar zonder die aanbieder is niet vastgelegd. Het advies slaat die aanbieder over: plaats die "
                "inburgeraars met een eigen keuze ('evaluatie contract keuze') of regel een contractwijziging"
            )
    return uit

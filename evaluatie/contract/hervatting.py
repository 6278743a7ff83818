"""A supplier back in a lot after its drop-out: a new period of its contract, recorded as a decision.

Why: the register kept one period per supplier and lot, from the start (or a later toetreding) to its drop-out
(contract uitval), and every view read a drop-out as the end. But an open house stays open to every provider that meets
its conditions, so also to one that dropped out (by a new toelatingsbesluit), and a framework supplier may resume after
a temporary drop-out by the decision of the penvoerder. The supplier keeps its row of the register (tariff, capacity,
gemeenten); the re-entry is a decision with its date, who and why, and the day its new period starts (`vanaf`). From
then on intake, advice and stand treat it as a supplier of the lot again (Register.uitval_op); a later drop-out is a new
uitval, and a later re-entry another hervatting. The allocation is not changed: a new one is a decision of its own.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from evaluatie.contract.besluit import fouten_wie_waarom, leg_vast, niet_in_de_toekomst
from evaluatie.contract.lezen import Register
from evaluatie.contract.registerwacht import terugdraaien
from evaluatie.fouten import Fout, InvoerFout


@dataclass(frozen=True)
class Hervat:
    perceel: str
    aanbieder: str
    vanaf: dt.date
    uitval: dt.date
    besluit: int
    toelating: bool  # an open house: the new toelatingsbesluit is the premise


def fouten_hervatting(
    reg: Register, perceel: str, aanbieder: str, vanaf: dt.date | None, datum: dt.date, vandaag: dt.date | None
) -> list[Fout]:
    """Every reason the re-entry cannot be recorded, together (the options' errors with --door and --reden by the
    caller)."""
    fouten: list[Fout] = list(niet_in_de_toekomst(datum, vandaag))
    if (f := reg.fout_buiten_looptijd(datum, "--datum")) is not None:
        fouten.append(f)
    if vanaf is None:
        fouten.append(Fout("--per", "is verplicht: de eerste dag waarop de aanbieder weer inburgeraars neemt"))
    elif (f := reg.fout_buiten_looptijd(vanaf, "--per")) is not None:
        fouten.append(f)
    if perceel not in reg.percelen:
        return [Fout("--route", reg.geen_perceel(perceel)), *fouten]
    naam = reg.percelen[perceel].naam
    if (perceel, aanbieder) not in reg.leveranciers:
        return [Fout("--aanbieder", f"{aanbieder} heeft geen contract voor perceel {naam}"), *fouten]
    uit = reg.uitgevallen.get((perceel, aanbieder))
    if uit is None:
        eerder = reg.hervattingen.get((perceel, aanbieder))
        waarom = (
            f"is per {eerder[-1].vanaf.strftime('%d-%m-%Y')} al weer opgenomen (besluit {eerder[-1].besluit})"
            if eerder
            else "is niet uitgevallen (contract uitval)"
        )
        fouten.append(Fout("--aanbieder", f"{aanbieder} {waarom} in {naam}: er is geen uitval om te beëindigen"))
    elif vanaf is not None and vanaf <= uit:
        fouten.append(
            Fout(
                "--per",
                f"{vanaf.strftime('%d-%m-%Y')} ligt op of voor de uitval van {aanbieder} in {naam} per "
                f"{uit.strftime('%d-%m-%Y')}; een nieuwe periode begint na de uitval",
            )
        )
    elif vanaf is not None and datum > vanaf:
        fouten.append(
            Fout(
                "--per",
                f"{vanaf.strftime('%d-%m-%Y')} ligt voor de datum van het besluit ({datum.strftime('%d-%m-%Y')}): "
                "een aanbieder neemt weer inburgeraars vanaf het besluit of later, niet eerder",
            )
        )
    if uit is not None and datum < uit:  # the stand and the dossier would date it before what it ends
        fouten.append(
            Fout(
                "--datum",
                f"{datum.strftime('%d-%m-%Y')} ligt voor de uitval van {aanbieder} in {naam} per "
                f"{uit.strftime('%d-%m-%Y')}: een besluit tot hervatting beëindigt een uitval die er al is; neem het "
                f"op of na {uit.strftime('%d-%m-%Y')}",
            )
        )
    return fouten


def hervat(
    db: sqlite3.Connection,
    reg: Register,
    perceel: str,
    aanbieder: str,
    vanaf: dt.date | None,
    datum: dt.date,
    door: str | None,
    reden: str | None,
    vandaag: dt.date | None = None,
) -> Hervat:
    """Record the re-entry of `aanbieder` in `perceel` from `vanaf` (every error together, nothing written)."""
    fouten = fouten_hervatting(reg, perceel, aanbieder, vanaf, datum, vandaag) + fouten_wie_waarom(door, reden)
    if fouten:
        raise InvoerFout(fouten)
    assert vanaf is not None and door is not None and reden is not None
    uit = reg.uitgevallen[(perceel, aanbieder)]
    toelating = reg.percelen[perceel].toelating
    inhoud = {
        "perceel": perceel,
        "aanbieder": aanbieder,
        "vanaf": vanaf.isoformat(),
        "uitval": uit.isoformat(),
        "procedure": "toelating" if toelating else "gunning",
    }
    db.execute("BEGIN")
    try:
        b = leg_vast(db, "hervatting", datum, door, reden, inhoud)
        db.execute(
            "INSERT INTO hervatting (besluit_id, perceel, leverancier, vanaf) VALUES (?, ?, ?, ?)",
            (b, perceel, aanbieder, vanaf.isoformat()),
        )
        db.execute("COMMIT")
    except BaseException:
        terugdraaien(db)
        raise
    return Hervat(perceel, aanbieder, vanaf, uit, b, toelating)


def zinnen(reg: Register, h: Hervat) -> list[str]:
    """What the command says: the new period, and what it does not change."""
    naam = reg.percelen[h.perceel].naam
    grond = (
        "het nieuwe toelatingsbesluit op haar aanmelding (de toets aan de voorwaarden van het open house doet deze "
        "opdracht niet)"
        if h.toelating
        else "het besluit van de penvoerder dat de overeenkomst met haar na de tijdelijke uitval weer loopt"
    )
    return [
        f"{h.aanbieder} is weer opgenomen in {naam} per {h.vanaf.strftime('%d-%m-%Y')} (besluit {h.besluit}), na de "
        f"uitval per {h.uitval.strftime('%d-%m-%Y')}; grondslag: {grond}.",
        f"Vanaf {h.vanaf.strftime('%d-%m-%Y')} worden aanmeldingen en routewijzigingen bij {h.aanbieder} in {naam} "
        "weer ingelezen; tussen de uitval en die dag niet. De stand en de kwartaalrapportage noemen de uitval en deze "
        "nieuwe periode.",
        _toewijzing(reg, h),
    ]


def _toewijzing(reg: Register, h: Hervat) -> str:
    """What the allocation in force gives the supplier from the year of its re-entry: unchanged by it, and said."""
    eerste = reg.contractjaar(h.vanaf)
    per_jaar = [
        (j, sum(n for (_, s), n in reg.toewijzing.get((h.perceel, j), {}).items() if s == h.aanbieder))
        for j in range(eerste, reg.toewijzingsjaren + 1)
    ]
    wat = "de verwachting naar capaciteit" if h.toelating else "de toewijzing"
    lijst = "; ".join(f"contractjaar {j}: {n}" for j, n in per_jaar)
    return (
        f"{wat[0].upper()}{wat[1:]} verandert hiermee niet: het advies volgt {wat} zoals die in het register staat, "
        f"en die geeft {h.aanbieder} in {reg.percelen[h.perceel].naam} ({lijst}); een inburgeraar kan haar ook zelf "
        "kiezen (contract keuze)."
    )

"""Contract start: the register is filled from the final award, once, as a recorded decision.

The allocation per gemeente per year is the award's (the tender's volumes are per year) and is
stored for every year of the term including option years, so a later re-allocation can replace
single years without touching the others. The term itself is the fixed years: an option year is in it
only once exercised by a decision (evaluatie.contract.optie).
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from evaluatie.contract.basis import Contractbasis
from evaluatie.contract.besluit import leg_vast
from evaluatie.contract.register import schrijf_toewijzing
from evaluatie.contract.registerwacht import terugdraaien
from evaluatie.fouten import EvaluatieFout, Fout, InvoerFout
from evaluatie.tekst import datum_met_dag


def controleer_startdatum(basis: Contractbasis, startdatum: dt.date) -> None:
    """No contract before the award decision is sent, nor (for a lot awarded under a gunning) before the standstill
    period the letters announce has ended: art. 2.127 Aw 2012 forbids concluding the agreement during it."""
    if basis.verzonden is not None and startdatum <= basis.verzonden:
        raise InvoerFout(
            [
                Fout(
                    "--datum",
                    f"{startdatum.isoformat()} ligt niet na de verzending van de gunningsbeslissing "
                    f"({basis.verzonden.isoformat()}); de overeenkomsten gaan pas na de standstill in",
                )
            ]
        )
    einde = basis.standstill_einde
    if einde is not None and startdatum <= einde:
        raise InvoerFout(
            [
                Fout(
                    "--datum",
                    f"{startdatum.isoformat()} ligt in de opschortende termijn (art. 2.127 Aw 2012), die volgens de "
                    f"brieven eindigt op {datum_met_dag(einde)}; de overeenkomsten worden pas daarna "
                    f"gesloten: kies een ingangsdatum na {einde.isoformat()}",
                )
            ]
        )


def start_contract(db: sqlite3.Connection, basis: Contractbasis, startdatum: dt.date, door: str, reden: str) -> int:
    """Fill an empty register from `basis`; returns the decision id."""
    controleer_startdatum(basis, startdatum)
    if db.execute("SELECT COUNT(*) FROM contract").fetchone()[0]:
        raise EvaluatieFout(["het contractregister is al gestart; een tweede start kan niet (zie 'contract stand')"])
    db.execute("BEGIN")
    try:
        inhoud = {
            "gunning_sha256": basis.gunning_sha256,
            "startdatum": startdatum.isoformat(),
            "jaren": basis.jaren,
            "vaste_jaren": basis.jaren - basis.optiejaren,
            "optiejaren": basis.optiejaren,
        }
        if basis.niet_gegund:  # kept with the decision, so a command that names such a lot says why it is not here
            inhoud["niet_gegund"] = dict(basis.niet_gegund)
            # who joined each: the stand and the quarterly reports name the lot for those gemeenten
            inhoud["niet_gegund_gemeenten"] = {code: list(g) for code, g in basis.niet_gegund_gemeenten}
        if basis.latere_gemeenten:  # who may join later (contract aansluiting), as the tender documents name them
            inhoud["latere_gemeenten"] = [
                {"naam": n, "subregio": sub, "inburgeraars": dict(aantallen)}
                for n, sub, aantallen in basis.latere_gemeenten
            ]
        besluit = leg_vast(db, "contractstart", startdatum, door, reden, inhoud)
        db.execute(
            "INSERT INTO contract (id, aanbesteding, gunning_sha256, startdatum, jaren, besluit_id) "
            "VALUES (1, ?, ?, ?, ?, ?)",
            (basis.aanbesteding, basis.gunning_sha256, startdatum.isoformat(), basis.jaren, besluit),
        )
        db.execute(
            "INSERT INTO looptijd (id, vaste_jaren, optiejaren) VALUES (1, ?, ?)",
            (basis.jaren - basis.optiejaren, basis.optiejaren),
        )
        db.executemany(
            "INSERT INTO gemeente (naam, volgorde, subregio) VALUES (?, ?, ?)",
            [(n, i, s) for i, (n, s) in enumerate(basis.gemeenten)],
        )
        db.executemany(
            "INSERT INTO perceel (code, naam, raam_trajecten, raam_waarde, plafondprijs) VALUES (?, ?, ?, ?, ?)",
            # the columns are NOT NULL (schema version 1): an open-house lot stores 0, read back as None
            [(p.code, p.naam, p.raam_trajecten or 0, p.raam_waarde or 0.0, p.plafondprijs) for p in basis.percelen],
        )
        db.executemany(
            "INSERT INTO perceelprocedure (perceel, procedure) VALUES (?, ?)",
            [(p.code, "toelating" if p.toelating else "gunning") for p in basis.percelen],
        )
        db.executemany(
            "INSERT INTO leverancier (perceel, naam, prijs, capaciteit, wachttijd_weken, rang, gemeenten) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (s.perceel, s.naam, s.prijs, s.capaciteit, s.wachttijd_weken, s.rang, "\n".join(s.gemeenten))
                for s in basis.leveranciers
            ],
        )
        schrijf_toewijzing(
            db, [(besluit, p, g, s, jaar, n) for (p, g, s, n) in basis.toewijzing for jaar in range(1, basis.jaren + 1)]
        )
        db.execute("COMMIT")
    except BaseException:
        terugdraaien(db)
        raise
    return besluit

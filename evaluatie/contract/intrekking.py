"""Withdrawing an event that was delivered wrongly (a placement, start, exam result, route change, ...).

Why a decision and not a deletion: the register is append-only (its triggers refuse every change), and what a
report counted must stay explainable. A withdrawal is a recorded decision (who, why, the date) that names one current
event of one placement (gemeente, klantnummer, kind of event); the event's row stays. The decision's date works like
a peildatum: every view up to a day on or after it (stand, advice, quarterly reports) leaves the event out, one up to
an earlier day keeps it (evaluatie.contract.lezen, Register.op), so a report made before the withdrawal reads the same
when it is made again.

Dependencies are refused, never cascaded: a registration with a start, exam or other event still counting, and a
start with a completion still counting (a completion needs a start, as contract inlezen checks), cannot be withdrawn
before those are (on or before the same date). A cascade would withdraw facts nobody looked at, under a reason given
for another; each withdrawal is a decision of its own.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from evaluatie.contract.advies import gemeente_fout
from evaluatie.contract.besluit import fouten_wie_waarom, leg_vast, niet_in_de_toekomst
from evaluatie.contract.gebeurtenissen import SOORTEN, woorden
from evaluatie.contract.gebeurtenissen import soort as lees_soort
from evaluatie.contract.lezen import Register
from evaluatie.contract.overstap import volgende_rust_op
from evaluatie.contract.registerwacht import terugdraaien
from evaluatie.fouten import Fout, InvoerFout
from evaluatie.tekst import aantal

# the kinds of event that rest on another: withdrawing the other first would leave them without it
_RUST_OP = {
    "aangemeld": ("gestart", "voortijdig_gestopt", "afgerond", "examen", "route_gewijzigd"),
    "gestart": ("afgerond",),
}


@dataclass(frozen=True)
class Intrekking:
    besluit: int
    datum: dt.date  # from this day on the event does not count
    gemeente: str
    klantnummer: str
    soort: str  # the event's code (evaluatie.contract.gebeurtenissen)
    gebeurtenis: int  # its id in the register
    gebeurtenis_datum: dt.date
    plaats: str  # where it was delivered: file!sheet!cell
    einde: dt.date | None = None  # the term's last day, for a withdrawal dated after it (Register.geldt_vanaf)

    @property
    def zin(self) -> str:
        """The withdrawal in words, as the command says it."""
        na = (
            ""
            if self.einde is None
            else f". Dat is na het einde van de looptijd ({self.einde:%d-%m-%Y}), zoals de gebeurtenis na dat einde is "
            f"ingelezen: zij telt niet mee in een berekening tot en met {self.einde:%d-%m-%Y}, wel in een berekening "
            "tot een eerdere dag (zoals bij iedere intrekking met een latere datum)"
        )
        return (
            f"Ingetrokken bij besluit {self.besluit} per {self.datum:%d-%m-%Y}: {SOORTEN[self.soort].label} van "
            f"{self.gebeurtenis_datum:%d-%m-%Y} van klant {self.klantnummer} ({self.gemeente}, {self.plaats}){na}"
        )


def trek_in(
    db: sqlite3.Connection,
    reg: Register,
    gemeente: str,
    klantnummer: str,
    gebeurtenis: str,
    datum: dt.date,
    door: str,
    reden: str,
    vandaag: dt.date | None = None,
    datum_opgegeven: bool = True,
    plaatsing: int | None = None,
) -> Intrekking:
    """Record the withdrawal of the current event `gebeurtenis` (a word of the deliveries: 'aangemeld', 'examen',
    'route gewijzigd', ...) of the placement of `klantnummer` in `gemeente`. Every error of the call together (exit
    2), nothing written then. A client with more placements there (a switch after a drop-out or a stop,
    contract.overstap) needs `plaatsing`, the placement's number: never a guess which of them is meant."""
    fouten: list[Fout] = []
    klant = klantnummer.strip()
    if (k_fout := _klant_fout(klant)) is not None:  # never looked up, never written: no BSN or name in the register
        fouten.append(k_fout)
        klant = ""
    if (g_fout := gemeente_fout(reg, gemeente)) is not None:
        fouten.append(g_fout)
    s = lees_soort(gebeurtenis)
    if s is None:
        fouten.append(_soort_fout(gebeurtenis))
    toekomst = niet_in_de_toekomst(datum, vandaag)
    fouten += toekomst
    buiten = None if toekomst else reg.fout_buiten_looptijd(datum, "--datum", opgegeven=datum_opgegeven)
    waar = len(fouten)  # said in this place, with the others
    einde = reg.laatste_dag()
    doel = None
    if klant and g_fout is None:
        rij, p_fout = _plaatsing(db, gemeente, klant, plaatsing)
        if p_fout is not None:
            fouten.append(p_fout)
        elif rij is not None and s is not None:
            fouten_ev, doel = _gebeurtenis(db, int(rij[0]), klant, gemeente, s.code, datum)
            fouten += fouten_ev
    # after the end only an event read in after the end: no day of the term lies on or after its intake
    na_einde = buiten is not None and datum > einde and doel is not None and doel[3] > einde
    if buiten is not None and not na_einde:
        fouten.insert(waar, buiten)
    fouten += fouten_wie_waarom(door, reden)
    if fouten:
        raise InvoerFout(fouten)
    assert doel is not None and s is not None
    gid, gdatum, plaats, _ = doel
    db.execute("BEGIN")
    try:
        inhoud = {
            "gemeente": gemeente,
            "klantnummer": klant,
            "gebeurtenis": gid,
            "soort": s.code,
            "datum_gebeurtenis": gdatum.isoformat(),
            "plaats": plaats,
        }
        besluit = leg_vast(db, "intrekking", datum, door, reden, inhoud)
        db.execute("INSERT INTO intrekking (besluit_id, gebeurtenis_id) VALUES (?, ?)", (besluit, gid))
        db.execute("COMMIT")
    except BaseException:
        terugdraaien(db)
        raise
    return Intrekking(besluit, datum, gemeente, klant, s.code, gid, gdatum, plaats, einde if na_einde else None)


def fouten_zonder_register(klant: str, gebeurtenis: str, datum: dt.date, vandaag: dt.date | None) -> list[Fout]:
    """The errors of the options that need no register: said with a missing --gemeente or --klant (the command
    stops before it opens the register then), so every error of the call comes together. An option not given is
    left to that message."""
    fouten = []
    if klant.strip() and (k_fout := _klant_fout(klant.strip())) is not None:
        fouten.append(k_fout)
    if gebeurtenis.strip() and lees_soort(gebeurtenis) is None:
        fouten.append(_soort_fout(gebeurtenis))
    return fouten + niet_in_de_toekomst(datum, vandaag)


def _klant_fout(klant: str) -> Fout | None:
    from evaluatie.contract.privacy import klantnummer_fout

    fout = klantnummer_fout(klant)
    return None if fout is None else Fout("--klant", fout)


def _soort_fout(gebeurtenis: str) -> Fout:
    return Fout("--gebeurtenis", f"onbekende gebeurtenis '{gebeurtenis}'; verwacht een van: {woorden()}")


def _plaatsing(
    db: sqlite3.Connection, gemeente: str, klant: str, volgnummer: int | None
) -> tuple[tuple[int] | None, Fout | None]:
    """The placement of `klant` in `gemeente` meant (its id), or why it is not known which."""
    rijen = db.execute(
        "SELECT p.id, p.volgnummer, h.datum, h.leverancier FROM plaatsing p LEFT JOIN huidige_gebeurtenis h "
        "ON h.plaatsing_id = p.id AND h.soort = 'aangemeld' WHERE p.gemeente = ? AND p.klantnummer = ? "
        "ORDER BY p.volgnummer",
        (gemeente, klant),
    ).fetchall()
    if not rijen:
        return None, Fout("--klant", f"klant {klant} heeft geen plaatsing in {gemeente} in het register")
    if volgnummer is None and len(rijen) == 1:
        return (int(rijen[0][0]),), None
    gekozen = [r for r in rijen if r[1] == volgnummer]
    if gekozen:
        return (int(gekozen[0][0]),), None
    welke = "; ".join(
        f"{n}: aangemeld {dt.date.fromisoformat(d):%d-%m-%Y} bij {lev}" if d else f"{n}: zonder aanmelding"
        for _, n, d, lev in rijen
    )
    if volgnummer is None:
        tekst = f"klant {klant} heeft {len(rijen)} plaatsingen in {gemeente} ({welke}); geef met --plaatsing op welke"
    else:
        tekst = f"klant {klant} heeft geen plaatsing {volgnummer} in {gemeente} (wel: {welke})"
    return None, Fout("--plaatsing", tekst)


def _gebeurtenis(
    db: sqlite3.Connection, plaatsing: int, klant: str, gemeente: str, soort: str, datum: dt.date
) -> tuple[list[Fout], tuple[int, dt.date, str, dt.date] | None]:
    """The current event of `soort` of the placement (id, date, place, the day it was read in), and why it cannot be
    withdrawn on `datum` (no such event, already withdrawn, a date before it was delivered, events that rest on it and
    still count)."""
    huidig = {
        r[1]: (int(r[0]), dt.date.fromisoformat(r[2]), r[3], dt.date.fromisoformat(r[4]))
        for r in db.execute(
            "SELECT h.id, h.soort, h.datum, h.plaats, i.datum FROM huidige_gebeurtenis h "
            "JOIN inlezing i ON i.id = h.inlezing_id WHERE h.plaatsing_id = ?",
            (plaatsing,),
        )
    }
    ingetrokken = {
        int(g): (int(b), dt.date.fromisoformat(d))
        for g, b, d in db.execute(
            "SELECT i.gebeurtenis_id, b.id, b.datum FROM intrekking i JOIN besluit b ON b.id = i.besluit_id"
        )
    }
    wie = f"klant {klant} ({gemeente})"
    label = SOORTEN[soort].label
    if soort not in huidig:
        wel = ", ".join(f"{SOORTEN[k].label} op {v[1]:%d-%m-%Y}" for k, v in huidig.items() if v[0] not in ingetrokken)
        tekst = f"{wie} heeft geen gebeurtenis '{label}' in het register (wel: {wel or 'geen'})"
        return [Fout("--gebeurtenis", tekst)], None
    gid, gdatum, plaats, ingelezen = huidig[soort]
    deze = f"de gebeurtenis '{label}' van {wie} ({plaats})"
    if gid in ingetrokken:
        b, d = ingetrokken[gid]
        return [Fout("--gebeurtenis", f"{deze} is al ingetrokken bij besluit {b} per {d:%d-%m-%Y}")], None
    fouten = []
    vroegst = max(gdatum, ingelezen)
    if datum < vroegst:
        fouten.append(
            Fout(
                "--datum",
                f"{datum:%d-%m-%Y} ligt voor {deze} ({gdatum:%d-%m-%Y}) of voor de dag waarop zij is ingelezen "
                f"({ingelezen:%d-%m-%Y}): een gebeurtenis wordt ingetrokken nadat zij is aangeleverd; kies "
                f"{vroegst:%d-%m-%Y} of later",
            )
        )
    telt = [
        f"{SOORTEN[k].label} van {huidig[k][1]:%d-%m-%Y} ({huidig[k][2]})"
        for k in _RUST_OP.get(soort, ())
        if k in huidig and not (huidig[k][0] in ingetrokken and ingetrokken[huidig[k][0]][1] <= datum)
    ]
    if telt:
        fouten.append(
            Fout(
                "--gebeurtenis",
                f"{deze} kan niet worden ingetrokken zolang wat erop rust nog meetelt: {'; '.join(telt)}. Trek dat "
                f"eerst in (met een datum op of voor {datum:%d-%m-%Y}), ieder met een eigen besluit; een intrekking "
                "trekt niets anders mee in",
            )
        )
    if (volgende := volgende_rust_op(db, plaatsing, soort, datum)) is not None:
        fouten.append(Fout("--gebeurtenis", f"{deze} kan niet worden ingetrokken: {volgende}"))
    return fouten, (gid, gdatum, plaats, ingelezen)


def eerder_meegeteld(reg: Register, eerste: dt.date, laatste: dt.date) -> str | None:
    """What a quarterly report (`eerste`-`laatste`) says on the terminal when a withdrawal it honours came after an
    earlier quarter that still counted the event: the report replays that quarter without it, so its check of the
    differences with what was published then rests on other figures than those published (README, Kleine aantallen:
    like a late correction). None when there is no such withdrawal, or when every such quarter's report is recorded in
    the register (its figures are then known as published: evaluatie.contract.publicatie). Not in the report: a count
    of withdrawals is one of persons."""
    eerder = [
        i
        for i in reg.intrekkingen
        if reg.geldt_vanaf(i) <= laatste
        and i.gebeurtenis_datum < eerste
        and _kwartaaleinde(i.gebeurtenis_datum) < reg.geldt_vanaf(i)
        and not _alles_vastgelegd(reg, i.gebeurtenis_datum, min(reg.geldt_vanaf(i), eerste))
    ]
    if not eerder:
        return None
    van = min(_kwartaaleinde(i.gebeurtenis_datum) for i in eerder)
    besluiten = ", ".join(str(i.besluit) for i in eerder)
    kwartaal = f"{van.year}-K{(van.month - 1) // 3 + 1}"
    return (
        f"{aantal(str(len(eerder)), 'intrekking', 'intrekkingen')} (besluit {besluiten}) "
        f"{'geldt' if len(eerder) == 1 else 'gelden'} voor gebeurtenissen die de kwartaalrapportages "
        f"vanaf {kwartaal} nog meetelden, als ze toen zijn gemaakt: deze rapportage rekent die kwartalen door zonder "
        "ze, dus de toets op verschillen van 1 tot 4 personen met wat toen is gepubliceerd, gaat uit van andere "
        "cijfers dan die van toen. Publiceer haar na eigen controle, zoals na een late correctie"
    )


def _alles_vastgelegd(reg: Register, van: dt.date, voor: dt.date) -> bool:
    """Whether every quarter from the one of `van` up to the last one that ended before `voor` has a recorded
    publication (evaluatie.contract.publicatie): the replay then weighs its figures against what those reports showed,
    not against a replay without the withdrawn event."""
    from evaluatie.contract.publicatie import kwartaalnaam

    vastgelegd = {p.kwartaal for p in reg.publicaties}
    d = van
    while _kwartaaleinde(d) < voor:
        if kwartaalnaam(d) not in vastgelegd:
            return False
        d = _kwartaaleinde(d) + dt.timedelta(days=1)
    return True


def _kwartaaleinde(d: dt.date) -> dt.date:
    volgende = dt.date(d.year + (d.month > 9), (3 * ((d.month - 1) // 3) + 3) % 12 + 1, 1)
    return volgende - dt.timedelta(days=1)

"""A client who starts again with another supplier: a new placement (trajectory), not a correction of the earlier one.

The register held one placement per klantnummer and gemeente, so a second registration of the same client was read as
a correction of the first. After a drop-out that is wrong: read as a correction, the placement at the supplier that
dropped out vanished from the register (and from the placements the redistribution at the drop-out was based on) and
the new supplier got it from the earlier date. Since schema version 11 a client can have more placements in one
gemeente (plaatsing.volgnummer), and a registration is a client's next placement when, and only when, the client's
latest placement

- was registered before its supplier dropped out of the lot (contract uitval), the drop-out is on or before the new
  registration's date and the new registration is in the same lot with another supplier (a switch after the
  drop-out), or
- ended with a recorded early stop (voortijdig gestopt) on or before the new registration's date.

Every other row of the client belongs to one of its placements (`wijs_toe`): the one with exactly that event; for a
registration otherwise the one registered on the same day, else the only one with the same lot and supplier, else the
latest registered on or before its date; for
every other event the latest placement registered on or before its date. Each placement is a trajectory of its own:
the framework maximum counts both (the one at the supplier that dropped out was a call-off too).
"""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from evaluatie.contract.inlezen import Regel

Inhoud = tuple[str, str | None, str | None, str | None]


def _d(datum: dt.date) -> str:
    return datum.strftime("%d-%m-%Y")


def naam(klantnummer: str, volgnummer: int) -> str:
    """How errors and corrections name a placement: the client, and from the second placement on its number."""
    return klantnummer if volgnummer == 1 else f"{klantnummer} (plaatsing {volgnummer})"


@dataclass
class _Plaatsing:
    pid: int
    volgnummer: int
    feiten: dict[str, Inhoud] = field(default_factory=dict)  # current, not withdrawn events by kind
    gezien: set[tuple[str, Inhoud]] = field(default_factory=set)  # every current event, withdrawn ones too

    def datum(self, soort: str) -> dt.date | None:
        f = self.feiten.get(soort)
        return None if f is None else dt.date.fromisoformat(f[0])


@dataclass
class Toewijzing:
    """Which placement every row of an intake belongs to, and the placements the intake adds."""

    pid: dict[str, int]  # row place -> placement id
    naam: dict[str, str]  # row place -> the placement's name (klantnummer, or 'K1 (plaatsing 2)')
    nieuw: list[tuple[int, str, str, int]]  # (id, gemeente, klantnummer, volgnummer) of every new placement
    overstappen: list[str]  # what the intake says about each new placement after the first
    fouten: list[tuple[str, str]] = field(default_factory=list)  # (cell, message): a next placement without its ground


def wijs_toe(db: sqlite3.Connection, regels: Iterable[Regel]) -> Toewijzing:
    """Assign every row to a placement (see the module's docstring), in date order per client, registrations first."""
    ingetrokken = {r[0] for r in db.execute("SELECT gebeurtenis_id FROM intrekking")}
    uitval: dict[tuple[str, str], list[tuple[dt.date, int]]] = {}
    for p, lev, d, b in db.execute("SELECT perceel, leverancier, datum, besluit_id FROM uitval ORDER BY datum"):
        uitval.setdefault((p, lev), []).append((dt.date.fromisoformat(d), int(b)))
    per_klant: dict[tuple[str, str], list[_Plaatsing]] = {}
    bij_id: dict[int, _Plaatsing] = {}
    for pid, g, k, n in db.execute("SELECT id, gemeente, klantnummer, volgnummer FROM plaatsing ORDER BY volgnummer"):
        bij_id[pid] = _Plaatsing(pid, n)
        per_klant.setdefault((g, k), []).append(bij_id[pid])
    for gid, pid, soort, d, p, lev, u in db.execute(
        "SELECT id, plaatsing_id, soort, datum, perceel, leverancier, uitslag FROM huidige_gebeurtenis"
    ):
        bij_id[pid].gezien.add((soort, (d, p, lev, u)))
        if gid not in ingetrokken:
            bij_id[pid].feiten[soort] = (d, p, lev, u)
    volgende = int(db.execute("SELECT COALESCE(MAX(id), 0) FROM plaatsing").fetchone()[0]) + 1
    uit = Toewijzing({}, {}, [], [])
    volg = sorted(regels, key=lambda r: (r.gemeente, r.klantnummer, r.datum, r.soort != "aangemeld"))
    geraakt: dict[tuple[str, str], list[Regel]] = {}
    for r in volg:
        lijst = per_klant.setdefault((r.gemeente, r.klantnummer), [])
        pl = next((x for x in reversed(lijst) if (r.soort, r.inhoud) in x.gezien), None)
        if pl is None and r.soort == "aangemeld" and lijst and (reden := _overstap(lijst[-1], r, uitval)) is not None:
            pl = _Plaatsing(volgende, lijst[-1].volgnummer + 1)
            uit.nieuw.append((volgende, r.gemeente, r.klantnummer, pl.volgnummer))
            uit.overstappen.append(
                f"{r.plaats}: klant {r.klantnummer} ({r.gemeente}): aanmelding bij {r.leverancier} op {_d(r.datum)} is "
                f"plaatsing {pl.volgnummer} van deze klant in {r.gemeente}, geen correctie: {reden}"
            )
            volgende += 1
            lijst.append(pl)
        if pl is None and r.soort == "aangemeld":  # a correction of a registration of the same day: that one's
            pl = next((x for x in reversed(lijst) if x.datum("aangemeld") == r.datum), None)
        if pl is None and r.soort == "aangemeld":
            zelfde = [x for x in lijst if x.feiten.get("aangemeld", ("",))[1:3] == (r.perceel, r.leverancier)]
            pl = zelfde[-1] if len(zelfde) == 1 else None
        if pl is None and lijst:
            eerder = [x for x in lijst if (d := x.datum("aangemeld")) is not None and d <= r.datum]
            pl = eerder[-1] if eerder else lijst[0]
        if pl is None:  # the client's first placement
            pl = _Plaatsing(volgende, 1)
            uit.nieuw.append((volgende, r.gemeente, r.klantnummer, 1))
            volgende += 1
            lijst.append(pl)
        pl.feiten[r.soort] = r.inhoud
        pl.gezien.add((r.soort, r.inhoud))
        uit.pid[r.plaats] = pl.pid
        uit.naam[r.plaats] = naam(r.klantnummer, pl.volgnummer)
        geraakt.setdefault((r.gemeente, r.klantnummer), []).append(r)
    for (g, k), hier in geraakt.items():
        _controleer_grond(g, k, per_klant[(g, k)], hier, uitval, uit)
    return uit


def _controleer_grond(
    gemeente: str,
    klant: str,
    lijst: list[_Plaatsing],
    hier: list[Regel],
    uitval: dict[tuple[str, str], list[tuple[dt.date, int]]],
    uit: Toewijzing,
) -> None:
    """Each next placement of a client this intake touches still rests on its ground after the intake: a correction of
    its registration (or of the earlier placement) that leaves no drop-out or stop between them would make two
    placements of what the rows now say is one; an error at the row of this intake, nothing read."""
    for vorige, volgende in itertools.pairwise(lijst):
        f = volgende.feiten.get("aangemeld")
        if f is None or _grond(vorige, dt.date.fromisoformat(f[0]), f[1], f[2], uitval) is not None:
            continue
        rijen = [r for r in hier if uit.pid[r.plaats] in (vorige.pid, volgende.pid)]
        if not rijen:
            continue
        r = min(rijen, key=lambda x: (x.soort != "aangemeld", uit.pid[x.plaats] != volgende.pid))
        uit.fouten.append(
            (
                r.cel("datum"),
                f"klant {klant} ({gemeente}): na deze regel is plaatsing {volgende.volgnummer} (aangemeld "
                f"{_d(dt.date.fromisoformat(f[0]))} bij {f[2]}) geen volgende plaatsing meer: tussen de aanmelding van "
                f"plaatsing {vorige.volgnummer} en die van plaatsing {volgende.volgnummer} ligt geen uitval van de "
                "aanbieder in dat perceel en geen voortijdig stoppen. Was deze aanmelding onjuist, trek haar dan in "
                "(evaluatie contract intrekken --plaatsing); de plaatsingen worden niet samengevoegd",
            )
        )


def _overstap(laatste: _Plaatsing, r: Regel, uitval: dict[tuple[str, str], list[tuple[dt.date, int]]]) -> str | None:
    """Why registration `r` is the client's next placement after `laatste`, or None when it is not."""
    return _grond(laatste, r.datum, r.perceel, r.leverancier, uitval)


def _grond(
    laatste: _Plaatsing,
    datum: dt.date,
    nieuw_perceel: str | None,
    nieuwe_leverancier: str | None,
    uitval: dict[tuple[str, str], list[tuple[dt.date, int]]],
) -> str | None:
    """Why a registration on `datum` in `nieuw_perceel` with `nieuwe_leverancier` is a next placement after
    `laatste`, or None when it is not."""
    aangemeld = laatste.datum("aangemeld")
    if aangemeld is None or not aangemeld < datum:
        return None
    gestopt = laatste.datum("voortijdig_gestopt")
    if gestopt is not None and gestopt <= datum:
        return f"plaatsing {laatste.volgnummer} (aangemeld {_d(aangemeld)}) is op {_d(gestopt)} voortijdig gestopt"
    _, perceel, leverancier, _ = laatste.feiten["aangemeld"]
    if "route_gewijzigd" in laatste.feiten:  # after a route change the placement is with the supplier of the new route
        _, perceel, leverancier, _ = laatste.feiten["route_gewijzigd"]
    if leverancier is None or perceel is None or perceel != nieuw_perceel or leverancier == nieuwe_leverancier:
        return None
    for per, besluit in uitval.get((perceel, leverancier), []):
        if aangemeld < per <= datum:
            return (
                f"plaatsing {laatste.volgnummer} (aangemeld {_d(aangemeld)} bij {leverancier}) liep bij een aanbieder "
                f"die per {_d(per)} in dat perceel is uitgevallen (besluit {besluit}); die plaatsing blijft staan en "
                "telt als traject mee"
            )
    return None


def bij_keuze(reg, gemeente: str, perceel: str, klant: str, gekozen: str, datum: dt.date) -> list[str]:
    """What `contract keuze` says when the client chooses another supplier after their own dropped out of the lot: the
    registration that follows is read as the client's next placement (wijs_toe), a trajectory of its own. Every
    drop-out between the registration and the choice counts, as in wijs_toe (`_grond`): also one a hervatting has
    since ended, so the advice never says 'volgt het advies' of a registration that intake reads as a switch."""
    for p in reg.plaatsingen:
        if (p.gemeente, p.klantnummer, p.perceel) != (gemeente, klant, perceel) or p.leverancier in (None, gekozen):
            continue
        if p.aangemeld is None:
            continue
        aangemeld = p.aangemeld
        per = min((u for u in reg.uitvallen.get((perceel, p.leverancier), []) if aangemeld < u <= datum), default=None)
        if per is None:
            continue
        return [
            f"{klant} is op {_d(p.aangemeld)} bij {p.leverancier} aangemeld in perceel {perceel}, en "
            f"{p.leverancier} is per {_d(per)} uitgevallen: de keuze voor {gekozen} is een overstap na de uitval. "
            f"Een aanmelding van {klant} bij {gekozen} op of na {_d(per)} leest contract inlezen als een nieuwe "
            f"plaatsing (een tweede traject; de plaatsing bij {p.leverancier} blijft staan en telt mee in het "
            "maximum van de raamovereenkomst)"
        ]
    return []


def volgende_rust_op(db: sqlite3.Connection, plaatsing: int, soort: str, datum: dt.date) -> str | None:
    """Why the current event `soort` of `plaatsing` cannot be withdrawn on `datum`: the client's next placement rests
    on it (its ground, `_grond`, holds with the event and not without it: the stop, or the registration or route
    change that put the placement with the supplier that dropped out) while that next placement's registration still
    counts on `datum`. Withdrawn, the register would have two placements of the client running at once, and every
    later intake of the client would be refused at a row that is not wrong (`_controleer_grond`). None when nothing
    rests on it. Refused, never cascaded: as evaluatie.contract.intrekking does with the events of one placement."""
    rij = db.execute("SELECT gemeente, klantnummer, volgnummer FROM plaatsing WHERE id = ?", (plaatsing,)).fetchone()
    gemeente, klant, n = str(rij[0]), str(rij[1]), int(rij[2])
    volgende = db.execute(
        "SELECT id FROM plaatsing WHERE gemeente = ? AND klantnummer = ? AND volgnummer = ?", (gemeente, klant, n + 1)
    ).fetchone()
    if volgende is None:
        return None
    ingetrokken = {
        int(g): dt.date.fromisoformat(d)
        for g, d in db.execute(
            "SELECT i.gebeurtenis_id, b.datum FROM intrekking i JOIN besluit b ON b.id = i.besluit_id"
        )
    }
    uitval: dict[tuple[str, str], list[tuple[dt.date, int]]] = {}
    for p, lev, d, b in db.execute("SELECT perceel, leverancier, datum, besluit_id FROM uitval ORDER BY datum"):
        uitval.setdefault((p, lev), []).append((dt.date.fromisoformat(d), int(b)))
    vorige = _Plaatsing(plaatsing, n)
    for gid, s, d, p, lev, u in db.execute(
        "SELECT id, soort, datum, perceel, leverancier, uitslag FROM huidige_gebeurtenis WHERE plaatsing_id = ?",
        (plaatsing,),
    ):
        if gid not in ingetrokken:
            vorige.feiten[s] = (d, p, lev, u)
    a = db.execute(
        "SELECT id, datum, perceel, leverancier FROM huidige_gebeurtenis "
        "WHERE plaatsing_id = ? AND soort = 'aangemeld'",
        (int(volgende[0]),),
    ).fetchone()
    if a is None or (int(a[0]) in ingetrokken and ingetrokken[int(a[0])] <= datum):
        return None  # the next placement no longer counts: nothing rests on this event any more
    aangemeld = dt.date.fromisoformat(a[1])
    grond = _grond(vorige, aangemeld, a[2], a[3], uitval)
    zonder = _Plaatsing(plaatsing, n, {k: v for k, v in vorige.feiten.items() if k != soort})
    if grond is None or _grond(zonder, aangemeld, a[2], a[3], uitval) is not None:
        return None
    gevolg = (
        f"heeft plaatsing {n + 1} geen plaatsing meer waarop zij volgt, en weigert iedere latere aanlevering van de "
        "klant bij de regel die haar raakt"
        if soort == "aangemeld"
        else "ligt tussen de twee plaatsingen geen uitval van de aanbieder en geen voortijdig stoppen, en lopen beide "
        "plaatsingen van de klant tegelijk"
    )
    return (
        f"plaatsing {n + 1} van klant {klant} in {gemeente} (aangemeld {_d(aangemeld)} bij {a[3]}) rust erop: "
        f"{grond}. Zonder deze gebeurtenis {gevolg}. Trek eerst de aanmelding van plaatsing {n + 1} in (evaluatie "
        f"contract intrekken --plaatsing {n + 1} --gebeurtenis aangemeld, en wat daarop rust eerst), met een datum op "
        f"of voor {_d(datum)} en een eigen besluit; een intrekking trekt niets anders mee in"
    )

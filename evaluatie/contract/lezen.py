"""The register read back as plain Python: one snapshot every view (advice, stand, reports) shares.

Why a snapshot: the computations (shares, pro rata, waiting times) are simpler and faster in Python
over one pass of the current facts than as many SQL queries, and every view then sees the same state.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta

from evaluatie.contract.basis import Contractleverancier, Contractperceel, niet_gegund_regel
from evaluatie.contract.publicatie import Publicatie
from evaluatie.contract.publicatie import lees as lees_publicaties
from evaluatie.fouten import EvaluatieFout, Fout, InvoerFout
from evaluatie.gemeentenamen import opsomming
from evaluatie.naamvorm import sleutel


@dataclass
class Plaatsing:
    gemeente: str
    klantnummer: str
    perceel: str | None = None
    leverancier: str | None = None
    aangemeld: dt.date | None = None
    gestart: dt.date | None = None
    gestopt: dt.date | None = None
    afgerond: dt.date | None = None
    examen: str | None = None
    examendatum: dt.date | None = None
    route_gewijzigd: str | None = None  # the lot switched to (afschaling)
    route_gewijzigd_datum: dt.date | None = None
    route_gewijzigd_leverancier: str | None = None  # the supplier in that lot
    volgnummer: int = 1  # the client's placements in one gemeente are numbered from 1 (contract.overstap)

    def bij(self, d: dt.date) -> tuple[str | None, str | None]:
        """(lot, supplier) the client was with on `d`: the registration's, and from the day of a route change on
        the new route's. An outcome (stopped, completed, exam) counts for the supplier that had the client then,
        never for the one the client left."""
        w = self.route_gewijzigd_datum
        if w is not None and self.route_gewijzigd and self.route_gewijzigd_leverancier and d >= w:
            return self.route_gewijzigd, self.route_gewijzigd_leverancier
        return self.perceel, self.leverancier

    def sinds(self, d: dt.date) -> dt.date | None:
        """The day the client came to the supplier it is with on `d` (`bij`): the registration, or the route change.
        A waiting time with that supplier runs from then: it never waited for it before."""
        w = self.route_gewijzigd_datum
        if w is not None and self.route_gewijzigd and self.route_gewijzigd_leverancier and d >= w:
            return w
        return self.aangemeld


@dataclass(frozen=True)
class Ingetrokken:
    """An event withdrawn by a recorded decision (evaluatie.contract.intrekking); its row stays in the register."""

    besluit: int
    datum: dt.date  # the decision's date: a view with a peildatum from this day on leaves the event out
    plaatsing: int  # index in Register.volledig
    soort: str
    gebeurtenis: int  # the event's id in the register
    gebeurtenis_datum: dt.date
    plaats: str  # where it was delivered: file!sheet!cell


_VELDEN = {  # the fields of a Plaatsing that an event of each kind fills
    "gestart": ("gestart",),
    "voortijdig_gestopt": ("gestopt",),
    "afgerond": ("afgerond",),
    "examen": ("examen", "examendatum"),
    "route_gewijzigd": ("route_gewijzigd", "route_gewijzigd_datum", "route_gewijzigd_leverancier"),
}


def zonder_ingetrokken(volledig: list[Plaatsing], intrekkingen: list[Ingetrokken]) -> list[Plaatsing]:
    """The placements with the events of `intrekkingen` left out: a withdrawn registration leaves the placement out
    (its other events were withdrawn first: evaluatie.contract.intrekking refuses otherwise)."""
    per: dict[int, set[str]] = {}
    for i in intrekkingen:
        per.setdefault(i.plaatsing, set()).add(i.soort)
    uit = []
    for n, pl in enumerate(volledig):
        soorten = per.get(n)
        if not soorten:
            uit.append(pl)
        elif "aangemeld" not in soorten:
            kopie = dataclasses.replace(pl)
            for veld in (v for s in soorten for v in _VELDEN[s]):
                setattr(kopie, veld, None)
            uit.append(kopie)
    return uit


@dataclass(frozen=True)
class Verlenging:
    """A verlenging past the option years of one lot: a recorded contract change (contract wijziging) with its
    new last day."""

    perceel: str
    tot_en_met: dt.date
    datum: dt.date  # the date of the decision
    besluit: int
    grondslag: str  # '2.163b'


@dataclass(frozen=True)
class Aangesloten:
    """A gemeente named in the tender as a possible later participant that joined a lot (contract aansluiting)."""

    gemeente: str
    perceel: str
    vanaf: dt.date  # the first day of the contract year it joins from
    datum: dt.date  # the date of the decision
    besluit: int


@dataclass(frozen=True)
class Herverdelingsbesluit:
    """A recorded re-allocation after a drop-out (contract uitval --vastleggen), with its premise: the placements of
    its contract year before `per` as the register had them when it was taken (`vast`, per gemeente and supplier)."""

    besluit: int
    perceel: str
    aanbieder: str
    per: dt.date
    jaar: int
    vast: dict[tuple[str, str], int]


@dataclass(frozen=True)
class Hervatting:
    """A supplier back in a lot after its drop-out (contract hervatting): from `vanaf`, by decision `besluit`."""

    perceel: str
    leverancier: str
    vanaf: dt.date
    uitval: dt.date  # the drop-out it ends
    datum: dt.date  # the decision's date
    besluit: int


@dataclass
class Register:
    aanbesteding: str
    gunning_sha256: str
    startdatum: dt.date
    jaren: int  # the term in force: the fixed years plus the option years exercised (contract optiejaar)
    gemeenten: list[str]
    subregio: dict[str, str]
    percelen: dict[str, Contractperceel]
    leveranciers: dict[tuple[str, str], Contractleverancier]
    # (perceel, leverancier) -> its drop-out in force now: the last uitval not followed by a hervatting. A view on a day
    # asks `uitval_op` (a supplier may drop out, come back and drop out again: evaluatie.contract.hervatting)
    uitgevallen: dict[tuple[str, str], dt.date]
    # (perceel, jaar) -> {(gemeente, leverancier): aantal}: the allocation in force for that year
    toewijzing: dict[tuple[str, int], dict[tuple[str, str], int]]
    plaatsingen: list[Plaatsing]
    de_minimis: dict[str, float] = field(default_factory=dict)  # cumulative |value| of 2.163b changes per lot
    # (perceel, datum, waarde, extra trajecten) of every recorded change: the maximum on a date counts those dated
    # up to that date, so a report does not change when a later change is recorded
    wijzigingen: list[tuple[str, dt.date, float, int]] = field(default_factory=list)
    # the kind of each of `wijzigingen`, in their order ('indexatie' changes prices: evaluatie.contract.indexatie)
    wijzigingsoorten: list[str] = field(default_factory=list)
    # the percentage of each of `wijzigingen` given as one (contract wijziging --percentage), None for an amount
    wijzigingspercentages: list[Decimal | None] = field(default_factory=list)
    inlezingen: list[tuple[str, str]] = field(default_factory=list)  # (bestand, sha256), each once
    bronnen_per_gemeente: dict[str, set[str]] = field(default_factory=dict)  # gemeente -> sha256 of its files
    # sha256 -> the earliest date of an event the file brought in: a report up to a date rests on the files
    # with an event up to that date, so reading a later quarter's files leaves an earlier report unchanged
    bron_vanaf: dict[str, dt.date] = field(default_factory=dict)
    # (perceel, leverancier) -> the first day of a supplier admitted later to an open-house lot (contract.toetreding)
    toegetreden: dict[tuple[str, str], dt.date] = field(default_factory=dict)
    eigen_keuzes: int = 0
    correcties: int = 0
    # code -> naam of the award lots that were not awarded (no valid bid): no contract, so not in `percelen`
    niet_gegund: dict[str, str] = field(default_factory=dict)
    # code -> the gemeenten that joined such a lot; absent for a register whose start did not record them
    niet_gegund_gemeenten: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def geen_perceel(self, getypt: str) -> str:
        """Why a lot named by a command is not in this contract: not awarded, or not a lot of it at all."""
        code = next((c for c, n in self.niet_gegund.items() if sleutel(getypt) in (sleutel(c), sleutel(n))), None)
        if code is not None:
            return (
                f"'{getypt}' is geen perceel van dit contract: {self.niet_gegund[code]} is niet gegund (geen geldige "
                f"inschrijving), dus is er geen overeenkomst (wel: {', '.join(self.percelen)})"
            )
        return f"'{getypt}' is geen perceel van dit contract ({', '.join(self.percelen)})"

    def niet_gegund_regels(self, gemeente: str | None = None) -> list[str]:
        """A line per lot not awarded (for `gemeente`: per such lot it joined), for the stand and the quarterly
        reports: the register holds no row of them, so without the line they would be silently absent."""
        uit = []
        for code, naam in self.niet_gegund.items():
            gemeenten = self.niet_gegund_gemeenten.get(code)
            if gemeente is None or gemeenten is None or gemeente in gemeenten:
                uit.append(niet_gegund_regel(naam, gemeenten, gemeente))
        return uit

    # the option years the tender allows beyond the fixed term (0 for a register started before schema version 4,
    # whose start took them into the term), and every one exercised: (contract year, date of the decision, its id)
    optiejaren: int = 0
    opties: list[tuple[int, dt.date, int]] = field(default_factory=list)
    optiejaren_in_start: bool = False  # started before schema version 4: the option years were taken into the term
    # every current event as delivered, none left out, and every withdrawal recorded (evaluatie.contract.intrekking):
    # `plaatsingen` leaves out every withdrawn event; `op` makes the view of a peildatum
    volledig: list[Plaatsing] = field(default_factory=list)
    intrekkingen: list[Ingetrokken] = field(default_factory=list)
    verlengingen: list[Verlenging] = field(default_factory=list)  # in the order recorded
    # what every published quarterly report showed (evaluatie.contract.publicatie): later reports treat it as known
    publicaties: list[Publicatie] = field(default_factory=list)
    # the gemeenten the tender names as possible later participants (CJEU C-216/17), as the contract start recorded
    # them: naam -> (subregio, {perceel: expected number per year}); empty for a register started before it did
    latere_gemeenten: dict[str, tuple[str, dict[str, int]]] = field(default_factory=dict)
    aangesloten: dict[tuple[str, str], Aangesloten] = field(default_factory=dict)  # (gemeente, perceel)
    herverdelingen: list[Herverdelingsbesluit] = field(default_factory=list)  # in the order they were taken
    uitvallen: dict[tuple[str, str], list[dt.date]] = field(default_factory=dict)  # every uitval, by day
    hervattingen: dict[tuple[str, str], list[Hervatting]] = field(default_factory=dict)  # every re-entry, by day

    def uitval_op(self, perceel: str, naam: str, d: dt.date) -> dt.date | None:
        """The drop-out that decides for `naam` in `perceel` on `d`: the latest uitval up to `d` not followed by a
        hervatting up to `d` (the supplier is out on `d`); otherwise its next uitval after `d` (it is in on `d` and
        drops out later); None when neither. So `weg is not None and weg <= d` says: out on `d`."""
        k = (perceel, naam)
        terug = [h.vanaf for h in self.hervattingen.get(k, [])]
        uitvallen = self.uitvallen.get(k, [])
        for u in sorted(uitvallen, reverse=True):
            if u <= d and not any(u < h <= d for h in terug):
                return u
        return min((u for u in uitvallen if u > d and not any(d < h <= u for h in terug)), default=None)

    def niet_aangesloten_op(self, gemeente: str, perceel: str | None, d: dt.date) -> str | None:
        """Why `gemeente` has no contract yet on `d` (in lot `perceel`; None: in any lot), for a gemeente that joined
        later (contract aansluiting); None when it has one then, or joined at the start."""
        eigen = {p: a for (g, p), a in self.aangesloten.items() if g == gemeente}
        a = eigen.get(perceel) if perceel is not None else min(eigen.values(), key=lambda x: x.vanaf, default=None)
        if a is None or d >= a.vanaf:
            return None
        naam = self.percelen[a.perceel].naam
        return (
            f"{d.strftime('%d-%m-%Y')} ligt voor de aansluiting van {gemeente} bij perceel {naam} per "
            f"{a.vanaf.strftime('%d-%m-%Y')} (besluit {a.besluit}, contract aansluiting): daarvoor had {gemeente} geen "
            "contract"
        )

    def aangesloten_op(self, d: dt.date) -> Register:
        """The register without the gemeenten that join later (contract aansluiting) than `d`: a report up to `d`
        (the quarterly reports) names no gemeente that had no contract yet, and reads as it did before it joined."""
        later = {g for (g, _), a in self.aangesloten.items() if a.vanaf > d}
        later -= {g for (g, _), a in self.aangesloten.items() if a.vanaf <= d}
        if not later:
            return self
        return dataclasses.replace(
            self,
            gemeenten=[g for g in self.gemeenten if g not in later],
            subregio={g: s for g, s in self.subregio.items() if g not in later},
        )

    def latere_hint(self, gemeente: str) -> str:
        """'; Baarn is in de aanbesteding genoemd als ...' for a typed gemeente the tender names as a possible later
        participant that has not joined: what to do instead of a bare 'no gemeente of this contract'."""
        from evaluatie.gemeentenamen import Namen

        naam = Namen(self.latere_gemeenten).zoek(gemeente)
        if naam is None or naam in self.subregio:
            return ""
        return (
            f"; {naam} is in de aanbesteding genoemd als mogelijke latere deelnemer en is nog niet aangesloten: "
            "'evaluatie contract aansluiting' legt dat besluit vast"
        )

    def op(self, d: dt.date) -> Register:
        """The register as a view up to `d` reads it: an event withdrawn by a decision dated up to `d` is left out, one
        withdrawn later is not, so a report up to `d` reads the same when a withdrawal is recorded afterwards."""
        geldig = [i for i in self.intrekkingen if self.geldt_vanaf(i) <= d]
        if len(geldig) == len(self.intrekkingen):
            return self
        return dataclasses.replace(self, plaatsingen=zonder_ingetrokken(self.volledig, geldig))

    def geldt_vanaf(self, i: Ingetrokken) -> dt.date:
        """The first day a view leaves the withdrawn event out: the decision's date, or the term's last day for a
        withdrawal dated after it (allowed only for an event read in after the end, evaluatie.contract.intrekking).
        A view never lies after the last day, so a withdrawal dated later would otherwise count nowhere and the wrong
        event would count for good; from the last day on it counts as any withdrawal dated after a view does."""
        return min(i.datum, self.laatste_dag())

    @property
    def kaderpercelen(self) -> list[str]:
        """The lots with a framework agreement (not an open house): each needs a verlenging of its own."""
        return [c for c, p in self.percelen.items() if not p.toelating]

    def verlenging_op(self, d: dt.date | None = None) -> tuple[dt.date, list[Verlenging]] | None:
        """The extension of the term in force on `d` (default: every one recorded): per lot with a framework
        agreement its furthest verlenging decided up to `d`; the register's one term runs to the earliest of them,
        and only once every such lot has one (a lot not extended ends with the tender's term). None otherwise."""
        per: dict[str, Verlenging] = {}
        for v in self.verlengingen:
            if (d is None or v.datum <= d) and (v.perceel not in per or v.tot_en_met > per[v.perceel].tot_en_met):
                per[v.perceel] = v
        codes = self.kaderpercelen
        if not codes or any(c not in per for c in codes):
            return None
        return min(per[c].tot_en_met for c in codes), [per[c] for c in codes]

    def einde_op(self, d: dt.date) -> dt.date:
        """The last day of the term as it stood on `d`: option years and verlengingen decided up to `d`."""
        verlengd = self.verlenging_op(d)
        return verlengd[0] if verlengd else self.laatste_dag(self.jaren_op(d))

    def duur(self) -> str:
        """'2 jaar', or '3 jaar en een verlenging': the term in force in words, for 'ligt na het einde van de looptijd
        (..., tot en met ...)'."""
        return f"{self.jaren} jaar" + (" en een verlenging" if self.verlenging_op() else "")

    @property
    def laatste_jaar(self) -> int:
        """The number of contract years the term in force touches (a verlenging may end inside one)."""
        return self.contractjaar(self.laatste_dag())

    @property
    def toewijzingsjaren(self) -> int:
        """The contract years the register holds an allocation for: every year of the tender, option years
        included, and the years of a verlenging in force. A new allocation (herverdeling, toetreding) covers them."""
        return max(self.alle_jaren, self.laatste_jaar)

    @property
    def vaste_jaren(self) -> int:
        return self.jaren - len(self.opties)

    @property
    def alle_jaren(self) -> int:
        """The longest term the tender allows: the fixed years and every option year, exercised or not. The
        allocation is stored for each of them; the framework maximum covers them all."""
        return self.vaste_jaren + self.optiejaren

    def laatste_dag(self, jaren: int | None = None) -> dt.date:
        """The last day of the term in force, a verlenging included (or of `jaren` contract years)."""
        if jaren is None and (verlengd := self.verlenging_op()) is not None:
            return verlengd[0]
        return self.jaargrenzen(self.jaren if jaren is None else jaren)[1] - dt.timedelta(days=1)

    def jaren_op(self, d: dt.date) -> int:
        """The term as it stood on `d`: the fixed years plus the option years exercised by a decision dated up to
        `d`. A report up to `d` says that end, so it reads the same when an option is exercised afterwards."""
        return self.vaste_jaren + sum(1 for _, datum, _ in self.opties if datum <= d)

    def open_opties(self, iso: bool = False) -> str:
        """'; optiejaar 3 (tot en met 31-12-2024) is nog niet uitgeoefend ...': what an error about the end of the
        term adds while the tender allows a longer one; '' when it does not. `iso`: the date as the rest of the
        message writes it (the errors of a date option write JJJJ-MM-DD)."""
        open_ = list(range(self.jaren + 1, self.alle_jaren + 1))
        if not open_:
            return self._verlenging_open(iso)
        welke = f"optiejaar {open_[0]}" if len(open_) == 1 else f"de optiejaren {open_[0]} tot en met {open_[-1]}"
        is_ = "is" if len(open_) == 1 else "zijn"
        einde = self.laatste_dag(self.alle_jaren)
        return (
            f"; {welke} (tot en met {einde.isoformat() if iso else einde.strftime('%d-%m-%Y')}) {is_} nog niet "
            "uitgeoefend: 'evaluatie contract optiejaar' legt dat besluit vast"
        )

    def _verlenging_open(self, iso: bool) -> str:
        """'; de verlenging van B1-route voorbij ... is vastgelegd, maar ...': a verlenging recorded for some lots
        with a framework agreement past the term's end and not for all (the term runs to the earliest of them), which
        the register therefore does not follow yet."""
        einde = self.laatste_dag()
        verder = {v.perceel for v in self.verlengingen if v.tot_en_met > einde}
        if not verder:
            return ""
        nog = [self.percelen[c].naam for c in self.kaderpercelen if c not in verder]
        wat = opsomming([self.percelen[c].naam for c in self.kaderpercelen if c in verder], "en")
        return (
            f"; de verlenging van {wat} voorbij {einde.isoformat() if iso else einde.strftime('%d-%m-%Y')} is "
            f"vastgelegd, maar het register kent één looptijd voor alle percelen en volgt haar pas als ook "
            f"{opsomming(nog, 'en')} zo ver {'is' if len(nog) == 1 else 'zijn'} verlengd ('evaluatie contract "
            "wijziging --soort verlenging --tot')"
        )

    def jaargrenzen(self, jaar: int) -> tuple[dt.date, dt.date]:
        """First day of contract year `jaar` (1-based) and the first day after it."""
        return self.startdatum + relativedelta(years=jaar - 1), self.startdatum + relativedelta(years=jaar)

    def contractjaar(self, d: dt.date) -> int:
        """The contract year a date falls in; an error in words outside the term."""
        if d < self.startdatum:
            raise EvaluatieFout(
                [f"{d.isoformat()} ligt voor de start van het contract ({self.startdatum.isoformat()})"]
            )
        if d > self.laatste_dag():
            raise EvaluatieFout(
                [f"{d.isoformat()} ligt na het einde van de looptijd ({self.duur()}){self.open_opties(iso=True)}"]
            )
        jaar = 1
        while d >= self.jaargrenzen(jaar)[1]:
            jaar += 1
        return jaar

    def binnen_looptijd(self, d: dt.date, optie: str, opgegeven: bool = True, datum: bool = True) -> None:
        """A date given as an option (--peildatum, --kwartaal) inside the term, or an input error naming it. A date
        not `opgegeven` is today's (the option's default), and is said to be: the user did not type it. A `datum`
        option gets the term to choose from (a quarter is typed otherwise)."""
        self.fout_buiten_looptijd(d, optie, opgegeven, datum, aan=True)

    def fout_buiten_looptijd(
        self, d: dt.date, optie: str, opgegeven: bool = True, datum: bool = True, aan: bool = False
    ) -> Fout | None:
        """binnen_looptijd's error, returned (to be said with the other errors of a call); raised when `aan`."""
        laatste = self.laatste_dag()
        einde = laatste + dt.timedelta(days=1)
        wat = d.isoformat() if opgegeven else f"niet opgegeven, dus vandaag ({d.isoformat()}); dat"
        if d < self.startdatum:
            tekst = f"{wat} ligt voor de start van het contract ({self.startdatum.isoformat()})"
        elif d >= einde:
            tekst = (
                f"{wat} ligt na het einde van de looptijd ({self.duur()}, tot en met {laatste.isoformat()})"
                f"{self.open_opties(iso=True)}"
            )
        else:
            return None
        if datum:
            tekst += f"; kies een {optie} van {self.startdatum.isoformat()} tot en met {laatste.isoformat()}"
        if aan:
            raise InvoerFout([Fout(optie, tekst)])
        return Fout(optie, tekst)

    def leveranciers_van(self, perceel: str) -> list[Contractleverancier]:
        return sorted((s for (p, _), s in self.leveranciers.items() if p == perceel), key=lambda s: s.rang)


def _datum(t: str | None) -> dt.date | None:
    return dt.date.fromisoformat(t) if t else None


def lees_register(db: sqlite3.Connection, met_plaatsingen: bool = True) -> Register:
    """The register in memory; without placements (and their sources) for the intake, which needs only
    the contract itself."""
    c = db.execute("SELECT aanbesteding, gunning_sha256, startdatum, jaren FROM contract").fetchone()
    if c is None:
        raise EvaluatieFout(["het contractregister is nog niet gestart; gebruik 'evaluatie contract start'"])
    gemeenten, subregio = [], {}
    for naam, sub in db.execute("SELECT naam, subregio FROM gemeente ORDER BY volgorde"):
        gemeenten.append(naam)
        subregio[naam] = sub
    procedure = dict(db.execute("SELECT perceel, procedure FROM perceelprocedure"))
    percelen: dict[str, Contractperceel] = {}
    for r in db.execute("SELECT code, naam, raam_trajecten, raam_waarde, plafondprijs FROM perceel ORDER BY code"):
        if r[0] not in procedure:  # a register of schema version 1, not yet completed (register.vul_procedures)
            raise EvaluatieFout(
                [
                    f"het contractregister zegt niet of perceel {r[0]} een gunning of een toelating (open house) is; "
                    "voer een contractopdracht uit die in de werkmap mag schrijven (bijvoorbeeld 'evaluatie contract "
                    "inlezen'), dan neemt het register dat over uit de gunning waarmee het contract begon"
                ]
            )
        if procedure[r[0]] == "toelating":
            percelen[r[0]] = Contractperceel(r[0], r[1], None, None, float(r[4]), toelating=True)
        else:
            percelen[r[0]] = Contractperceel(r[0], r[1], int(r[2]), float(r[3]), float(r[4]))
    leveranciers = {
        (r[0], r[1]): Contractleverancier(r[0], r[1], r[2], r[3], r[4], r[5], tuple(x for x in r[6].split("\n") if x))
        for r in db.execute(
            "SELECT perceel, naam, prijs, capaciteit, wachttijd_weken, rang, gemeenten FROM leverancier "
            "ORDER BY perceel, rang"
        )
    }
    uitvallen: dict[tuple[str, str], list[dt.date]] = {}
    for r in db.execute("SELECT perceel, leverancier, datum FROM uitval ORDER BY datum"):
        uitvallen.setdefault((r[0], r[1]), []).append(dt.date.fromisoformat(r[2]))
    hervattingen: dict[tuple[str, str], list[Hervatting]] = {}
    for hb, hp, hl, vanaf, hd in db.execute(
        "SELECT h.besluit_id, h.perceel, h.leverancier, h.vanaf, b.datum FROM hervatting h "
        "JOIN besluit b ON b.id = h.besluit_id ORDER BY h.vanaf"
    ):
        v = dt.date.fromisoformat(vanaf)
        voor = max(u for u in uitvallen[(hp, hl)] if u < v)
        hervattingen.setdefault((hp, hl), []).append(Hervatting(hp, hl, v, voor, dt.date.fromisoformat(hd), int(hb)))
    # in force now: the last drop-out, unless a re-entry came after it
    uitgevallen = {
        k: us[-1] for k, us in uitvallen.items() if not any(h.vanaf > us[-1] for h in hervattingen.get(k, []))
    }
    toegetreden = {
        (r[0], r[1]): dt.date.fromisoformat(r[2])
        for r in db.execute("SELECT perceel, leverancier, vanaf FROM toetreding")
    }
    toewijzing: dict[tuple[str, int], dict[tuple[str, str], int]] = {}
    laatste: dict[tuple[str, int], int] = {}
    for b, p, jaar in db.execute("SELECT DISTINCT besluit_id, perceel, jaar FROM toewijzing"):
        laatste[(p, jaar)] = max(laatste.get((p, jaar), 0), b)
    for b, p, g, s, jaar, n in db.execute(
        "SELECT besluit_id, perceel, gemeente, leverancier, jaar, aantal FROM toewijzing"
    ):
        if laatste[(p, jaar)] == b:
            toewijzing.setdefault((p, jaar), {})[(g, s)] = n
    per_id: dict[int, Plaatsing] = {}
    for pid, g, k, n in db.execute(
        "SELECT id, gemeente, klantnummer, volgnummer FROM plaatsing ORDER BY id"
        if met_plaatsingen
        else "SELECT 1, 2, 3, 4 WHERE 0"
    ):
        per_id[pid] = Plaatsing(g, k, volgnummer=int(n))
    for pid, soort, datum, perceel, lev, uitslag in (
        db.execute("SELECT plaatsing_id, soort, datum, perceel, leverancier, uitslag FROM huidige_gebeurtenis")
        if met_plaatsingen
        else []
    ):
        pl = per_id[pid]
        d = dt.date.fromisoformat(datum)
        if soort == "aangemeld":
            pl.aangemeld, pl.perceel, pl.leverancier = d, perceel, lev
        elif soort == "gestart":
            pl.gestart = d
        elif soort == "voortijdig_gestopt":
            pl.gestopt = d
        elif soort == "afgerond":
            pl.afgerond = d
        elif soort == "examen":
            pl.examen, pl.examendatum = uitslag, d
        elif soort == "route_gewijzigd":
            pl.route_gewijzigd, pl.route_gewijzigd_datum, pl.route_gewijzigd_leverancier = perceel, d, lev
    volledig = list(per_id.values())
    plaats_van = {pid: n for n, pid in enumerate(per_id)}
    intrekkingen = [
        Ingetrokken(int(b), dt.date.fromisoformat(d), plaats_van[pid], soort, int(g), dt.date.fromisoformat(gd), plaats)
        for b, d, pid, soort, g, gd, plaats in (
            db.execute(
                "SELECT i.besluit_id, b.datum, g.plaatsing_id, g.soort, g.id, g.datum, g.plaats FROM intrekking i "
                "JOIN besluit b ON b.id = i.besluit_id JOIN huidige_gebeurtenis g ON g.id = i.gebeurtenis_id "
                "ORDER BY i.besluit_id"
            )
            if met_plaatsingen
            else []
        )
    ]
    de_minimis: dict[str, float] = {}
    wijzigingen: list[tuple[str, dt.date, float, int]] = []
    wijzigingsoorten: list[str] = []
    wijzigingspercentages: list[Decimal | None] = []
    for p, w, n, grond, datum, soort, pct in db.execute(
        "SELECT w.perceel, w.waarde, w.extra_trajecten, w.grondslag, b.datum, w.soort, i.percentage FROM wijziging w "
        "JOIN besluit b ON b.id = w.besluit_id LEFT JOIN indexatiepercentage i ON i.besluit_id = w.besluit_id "
        "ORDER BY w.besluit_id"
    ):
        wijzigingen.append((p, dt.date.fromisoformat(datum), float(w), int(n)))
        wijzigingsoorten.append(str(soort))
        wijzigingspercentages.append(None if pct is None else Decimal(pct))
        if grond == "2.163b":
            de_minimis[p] = de_minimis.get(p, 0.0) + abs(float(w))
    per_gemeente: dict[str, set[str]] = {}
    for sha, g in (
        db.execute(
            "SELECT DISTINCT i.sha256, p.gemeente FROM gebeurtenis e JOIN inlezing i ON i.id = e.inlezing_id "
            "JOIN plaatsing p ON p.id = e.plaatsing_id"
        )
        if met_plaatsingen
        else []
    ):
        per_gemeente.setdefault(g, set()).add(sha)
    vanaf = {
        sha: dt.date.fromisoformat(d)
        for sha, d in (
            db.execute(
                "SELECT i.sha256, MIN(e.datum) FROM gebeurtenis e JOIN inlezing i ON i.id = e.inlezing_id "
                "GROUP BY i.sha256"
            )
            if met_plaatsingen
            else []
        )
    }
    looptijd = db.execute("SELECT vaste_jaren, optiejaren FROM looptijd").fetchone()
    opties = [
        (int(j), dt.date.fromisoformat(d), int(b))
        for j, d, b in db.execute(
            "SELECT o.jaar, b.datum, o.besluit_id FROM optie o JOIN besluit b ON b.id = o.besluit_id ORDER BY o.jaar"
        )
    ]
    # without a looptijd row (a register started before schema version 4) the start took the option years into
    # the term, as its start decision recorded: that term stands, with no option year left to exercise
    vaste_jaren, optiejaren = (int(looptijd[0]), int(looptijd[1])) if looptijd else (int(c[3]), 0)
    gezien: dict[str, str] = {}
    for bestand, sha in db.execute("SELECT bestand, sha256 FROM inlezing ORDER BY id"):
        gezien.setdefault(sha, bestand)
    start = _startbesluit(db)
    verlengingen = [
        Verlenging(p, dt.date.fromisoformat(tot), dt.date.fromisoformat(d), int(b), grond)
        for b, p, tot, d, grond in db.execute(
            "SELECT v.besluit_id, v.perceel, v.tot_en_met, b.datum, w.grondslag FROM verlenging v "
            "JOIN besluit b ON b.id = v.besluit_id JOIN wijziging w ON w.besluit_id = v.besluit_id "
            "ORDER BY v.besluit_id"
        )
    ]
    aangesloten = _aangesloten(db)
    return Register(
        aanbesteding=c[0],
        gunning_sha256=c[1],
        startdatum=dt.date.fromisoformat(c[2]),
        jaren=vaste_jaren + len(opties),
        gemeenten=gemeenten,
        subregio=subregio,
        percelen=percelen,
        leveranciers=_met_aangesloten(db, leveranciers, aangesloten),
        uitgevallen=uitgevallen,
        uitvallen=uitvallen,
        hervattingen=hervattingen,
        toegetreden=toegetreden,
        toewijzing=toewijzing,
        plaatsingen=zonder_ingetrokken(volledig, intrekkingen),
        volledig=volledig,
        intrekkingen=intrekkingen,
        de_minimis=de_minimis,
        wijzigingen=wijzigingen,
        wijzigingsoorten=wijzigingsoorten,
        wijzigingspercentages=wijzigingspercentages,
        inlezingen=sorted((b, s) for s, b in gezien.items()),
        bronnen_per_gemeente=per_gemeente,
        bron_vanaf=vanaf,
        eigen_keuzes=int(db.execute("SELECT COUNT(*) FROM keuze").fetchone()[0]),
        correcties=int(db.execute("SELECT COUNT(*) FROM gebeurtenis WHERE vervangt IS NOT NULL").fetchone()[0]),
        niet_gegund=dict(start.get("niet_gegund", {})),
        niet_gegund_gemeenten={c: tuple(g) for c, g in start.get("niet_gegund_gemeenten", {}).items()},
        optiejaren=optiejaren,
        opties=opties,
        optiejaren_in_start=looptijd is None,
        verlengingen=verlengingen,
        publicaties=lees_publicaties(db) if met_plaatsingen else [],
        latere_gemeenten={
            g["naam"]: (g["subregio"], dict(g["inburgeraars"])) for g in start.get("latere_gemeenten", [])
        },
        aangesloten=aangesloten,
        herverdelingen=_herverdelingen(db),
    )


def _herverdelingen(db: sqlite3.Connection) -> list[Herverdelingsbesluit]:
    """Every recorded re-allocation with the placements it took as fixed (a decision of that kind, no own table)."""
    uit = []
    for b, inhoud in db.execute("SELECT id, inhoud FROM besluit WHERE soort = 'herverdeling' ORDER BY id"):
        i = json.loads(inhoud)
        vast = {(g, s): int(n) for g, s, n in i["vast"]}
        uit.append(
            Herverdelingsbesluit(
                int(b), i["perceel"], i["aanbieder"], dt.date.fromisoformat(i["per"]), int(i["jaar"]), vast
            )
        )
    return uit


def _aangesloten(db: sqlite3.Connection) -> dict[tuple[str, str], Aangesloten]:
    """Every gemeente that joined a lot later (contract aansluiting): a decision of that kind, no table of its own."""
    uit = {}
    for b, datum, inhoud in db.execute("SELECT id, datum, inhoud FROM besluit WHERE soort = 'aansluiting' ORDER BY id"):
        i = json.loads(inhoud)
        uit[(i["gemeente"], i["perceel"])] = Aangesloten(
            i["gemeente"], i["perceel"], dt.date.fromisoformat(i["vanaf"]), dt.date.fromisoformat(datum), int(b)
        )
    return uit


def _met_aangesloten(
    db: sqlite3.Connection,
    leveranciers: dict[tuple[str, str], Contractleverancier],
    aangesloten: dict[tuple[str, str], Aangesloten],
) -> dict[tuple[str, str], Contractleverancier]:
    """The suppliers with a gemeente that joined later among the gemeenten they serve, where its decision, or a later
    one (a re-allocation after a drop-out), allocated them a number: the published rule binds them to serve it for
    that (evaluatie.gunning.aansluitregel). The bid's own list stays in the register's row; this is the contract as
    it stands."""
    if not aangesloten:
        return leveranciers
    uit = dict(leveranciers)
    for a in aangesloten.values():
        for (s,) in db.execute(
            "SELECT DISTINCT leverancier FROM toewijzing WHERE besluit_id >= ? AND perceel = ? AND gemeente = ? "
            "AND aantal > 0 ORDER BY leverancier",
            (a.besluit, a.perceel, a.gemeente),
        ):
            lev = uit[(a.perceel, s)]
            if a.gemeente not in lev.gemeenten:
                uit[(a.perceel, s)] = dataclasses.replace(lev, gemeenten=(*lev.gemeenten, a.gemeente))
    return uit


def _startbesluit(db: sqlite3.Connection) -> dict[str, Any]:
    """What the contract start recorded, read once: among it the lots the award did not award (`niet_gegund`: their
    names; `niet_gegund_gemeenten`: who joined them), absent in a register started before it recorded them."""
    rij = db.execute("SELECT inhoud FROM besluit WHERE soort = 'contractstart' ORDER BY id LIMIT 1").fetchone()
    return {} if rij is None else dict(json.loads(rij[0]))

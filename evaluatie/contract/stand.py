"""The state of the contract on a date: allocation against placements, the framework maximum,
supplier performance and the signals a contract manager must act on, each with its numbers.

Definitions (one per quantity):
- contract year: from the start date, whole years; 'year to date' runs from its first day to peildatum.
- pro rata: the year's allocation x (days of the year elapsed up to and including peildatum / days in year).
- framework use: placements registered since the start against the maximum (the award's maximum plus
  extra volume from recorded contract changes); its value at each supplier's contract price. A route
  change (afschaling) is a new call-off under the framework of the route it goes to, from the day of the
  change, at the new supplier's price; in the route of its registration the placement keeps counting (that
  call-off was made: the cautious reading, which never counts a framework's use too low). The
  forecast date extrapolates the average pace since the start (C-23/20: at the maximum the framework
  agreement is exhausted).
- waiting time: registration to start, in weeks (days / 7), for placements started by peildatum.
- outcomes (stopped, completed, exam): for the supplier the client was with on their day (Plaatsing.bij), so after
  a route change for the new route's supplier; start, waiting time and 'afgeschaald' for the registration's.
Signals: a supplier whose average waiting time exceeds its promise, or with people registered but not started
who have waited longer than promised; a framework past 80% of its
maximum (volume or value); a gemeente-supplier cell whose placements deviate from pro rata by at least
5 persons and 25%.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from evaluatie.contract.gebeurtenissen import GESLAAGD, SOORTEN
from evaluatie.contract.indexatie import Indexatie, afroepen, gebruikte_waarde, indexaties
from evaluatie.contract.lezen import Hervatting, Plaatsing, Register
from evaluatie.contract.telling import geplaatst
from evaluatie.contract.uitvaleinde import einden_door_uitval
from evaluatie.contract.wachten import niet_gestart, opnieuw_te_plaatsen
from evaluatie.tekst import aantal, euro, getal, kort

RAAM_SIGNAAL = 0.80
# how the outcomes per supplier count a route change: said under them wherever they are shown
UITKOMST_NA_ROUTEWIJZIGING = (
    "Na een routewijziging (afschaling) tellen de start, voortijdig gestopt, afgerond en de examenuitslag bij de "
    "aanbieder van de nieuwe route, vanaf de dag van de wijziging, en loopt de wachttijd bij die aanbieder vanaf die "
    "dag; afgeschaald telt bij de aanbieder van de aanmelding."
)
AFWIJKING_PERSONEN = 5
AFWIJKING_AANDEEL = 0.25


@dataclass(frozen=True)
class Standregel:
    gemeente: str
    perceel: str
    leverancier: str
    toegewezen: int  # this contract year
    geplaatst: int  # year to date
    pro_rata: float


@dataclass(frozen=True)
class Raamgebruik:
    perceel: str
    max_trajecten: int
    gebruikt: int
    max_waarde: float
    gebruikte_waarde: float
    prognose: dt.date | None  # exhaustion at the current pace; None without placements; once reached, the real date
    einde: dt.date | None = None  # the last day of the term on peildatum (exercised option years, verlenging included)
    # the last day if every option year not yet exercised on peildatum were: the framework maximum covers them too
    einde_met_opties: dt.date | None = None
    # of `gebruikt`: trajectories that came into this lot by a route change, and the day of the first one
    na_routewijziging: int = 0
    eerste_routewijziging: dt.date | None = None
    open_optiejaren: int = 0  # how many option years that is
    # the registration days of the placements that fell outside the maximum in force on their own day; of those,
    # the ones within today's maximum (past it, they are 'daarna' of an exhausted agreement), the maximum on the first
    # of them, and the days of the later changes that raised it (by peildatum): a raise does not undo them
    buiten_op_hun_dag: tuple[dt.date, ...] = ()
    eerder_buiten: tuple[dt.date, ...] = ()
    maximum_toen: int = 0
    verhoogd_op: tuple[dt.date, ...] = ()
    indexaties: tuple[Indexatie, ...] = ()  # by peildatum: how each one changed the prices the used value counts

    @property
    def uitgeput(self) -> bool:
        """The maximum is reached: the framework agreement is exhausted (C-23/20), `prognose` is the day it was."""
        return self.gebruikt >= self.max_trajecten

    @property
    def na_looptijd(self) -> bool:
        """The forecast falls after the term: at the current pace the agreement is not exhausted before it ends."""
        if self.uitgeput or self.prognose is None or self.einde is None:
            return False
        return self.prognose > self.einde

    def niet_uitgeput_tekst(self) -> str:
        """'niet voor het einde van de looptijd (31-05-2028)': what a forecast after the term says instead."""
        assert self.einde is not None and self.prognose is not None
        tekst = f"niet voor het einde van de looptijd ({self.einde.strftime('%d-%m-%Y')})"
        opties = self.einde_met_opties
        if opties is None or opties <= self.einde:
            return tekst
        tot = opties.strftime("%d-%m-%Y")
        welke = (
            f"het optiejaar dat niet is uitgeoefend (tot en met {tot})"
            if self.open_optiejaren == 1
            else f"de optiejaren die niet zijn uitgeoefend (tot en met {tot})"
        )
        if self.prognose <= opties:  # the contract manager's question before exercising an option year
            return f"{tekst}; met {welke} op {self.prognose.strftime('%d-%m-%Y')}"
        return f"{tekst}, ook niet met {welke}"

    def buiten_tekst(self) -> str | None:
        """The placements outside the maximum of their day that a later raise of the maximum no longer shows as
        past it: a change counts from its date (it is recorded as taken), so they stay outside the agreement of their
        day, and the stand says so instead of weighing them against today's maximum alone."""
        dagen = self.eerder_buiten
        if not dagen or not self.verhoogd_op:
            return None
        wanneer = (
            f"op {dagen[0].strftime('%d-%m-%Y')}"
            if dagen[0] == dagen[-1]
            else f"van {dagen[0].strftime('%d-%m-%Y')} tot en met {dagen[-1].strftime('%d-%m-%Y')}"
        )
        welke = " en ".join(d.strftime("%d-%m-%Y") for d in self.verhoogd_op)
        meer = "contractwijziging" if len(self.verhoogd_op) == 1 else "contractwijzigingen"
        return (
            f"{aantal(str(len(dagen)), 'plaatsing', 'plaatsingen')}, {wanneer}, "
            f"{'viel' if len(dagen) == 1 else 'vielen'} op hun dag buiten het maximum van de raamovereenkomst "
            f"zoals dat toen gold ({self.maximum_toen} trajecten; HvJ EU C-23/20); de {meer} van {welke} "
            f"{'heeft' if len(self.verhoogd_op) == 1 else 'hebben'} het maximum daarna verhoogd"
        )

    @property
    def aandeel(self) -> float:
        return max(
            self.gebruikt / self.max_trajecten if self.max_trajecten else 0.0,
            self.gebruikte_waarde / self.max_waarde if self.max_waarde else 0.0,
        )


@dataclass(frozen=True)
class Prestatie:
    perceel: str
    leverancier: str
    beloofd_weken: float
    wachttijden: tuple[float, ...]  # weeks, placements started by peildatum
    gestopt: int
    afgerond: int
    b1: int
    hoogst_haalbaar: int
    niet_behaald: int
    afgeschaald: int
    geplaatst: int
    # days each person registered but neither started nor stopped by peildatum has waited longer than promised
    wachtend_te_lang: tuple[int, ...] = ()
    # placements ended by this supplier's drop-out: the client went on with another (evaluatie.contract.uitvaleinde)
    beeindigd_door_uitval: int = 0
    # per client registered with it, not started or started and not ended, without a next placement, when it dropped
    # out since: the day of that drop-out. She must be placed again (evaluatie.contract.wachten)
    opnieuw_te_plaatsen: tuple[dt.date, ...] = ()
    opnieuw_gestart: int = 0  # of those: started there (stopped nor completed), her trajectory cannot go on

    @property
    def gemiddeld(self) -> float | None:
        return sum(self.wachttijden) / len(self.wachttijden) if self.wachttijden else None

    @property
    def boven_belofte(self) -> int:
        return sum(1 for w in self.wachttijden if w > self.beloofd_weken)


@dataclass(frozen=True)
class Signaal:
    soort: str  # 'belofte', 'wachtend', 'opnieuw', 'raam', 'afwijking'
    tekst: str
    gemeente: str | None = None  # the gemeente an 'afwijking' is about


@dataclass
class Stand:
    peildatum: dt.date
    jaar: int
    jaar_begin: dt.date
    jaar_eind: dt.date  # first day after the contract year
    fractie: float
    regels: list[Standregel]
    raam: list[Raamgebruik]
    prestaties: list[Prestatie]
    signalen: list[Signaal] = field(default_factory=list)


def fractie_van_jaar(begin: dt.date, eind: dt.date, peildatum: dt.date) -> float:
    return min(1.0, ((peildatum - begin).days + 1) / (eind - begin).days)


def raamgebruik(reg: Register, code: str, peildatum: dt.date) -> Raamgebruik | None:
    """The use of a lot's framework agreement up to peildatum; None for an open-house lot (no maximum).

    The maximum in trajectories and in euro both include every recorded contract change dated up to peildatum
    (extra volume, indexation, extension: the value a change adds is part of the agreement's value from then on).
    Once the maximum is reached, the date is the registration date of the placement that reached it, not a
    forecast.
    """
    p = reg.percelen[code]
    if p.raam_trajecten is None or p.raam_waarde is None:
        return None
    reg = reg.op(peildatum)  # an event withdrawn by a decision dated up to peildatum does not count
    alle = afroepen(reg, code, peildatum)
    datums = [d for d, _, _ in alle]
    routewijzigingen = [d for d, _, via in alle if via]
    n = len(datums)
    # each at the price of its day: an indexatie changes the prices from its date (evaluatie.contract.indexatie)
    prijzen = [(d, prijs) for d, prijs, _ in alle]
    index = indexaties(reg, code, peildatum, prijzen)
    w = gebruikte_waarde(index, prijzen)
    geldend = [(waarde, extra) for c, d, waarde, extra in reg.wijzigingen if c == code and d <= peildatum]
    max_tr = p.raam_trajecten + sum(extra for _, extra in geldend)
    max_w = p.raam_waarde + sum(waarde for waarde, _ in geldend)
    verhogingen = sorted((d, extra) for c, d, _, extra in reg.wijzigingen if c == code and d <= peildatum and extra)
    buiten = [
        (k, d) for k, d in enumerate(datums, 1) if k > p.raam_trajecten + sum(e for v, e in verhogingen if v <= d)
    ]
    eerder = tuple(d for k, d in buiten if k <= max_tr)
    prognose = None
    if n >= max_tr and max_tr > 0:
        prognose = datums[max_tr - 1]
    elif n > 0:
        dagen = (peildatum - reg.startdatum).days + 1
        prognose = peildatum + dt.timedelta(days=math.ceil((max_tr - n) / (n / dagen)))
    return Raamgebruik(
        code,
        max_tr,
        n,
        max_w,
        w,
        prognose,
        einde=reg.einde_op(peildatum),
        # a verlenging comes after every option year: then nothing lies beyond the term, it is its own end
        einde_met_opties=max(reg.einde_op(peildatum), reg.laatste_dag(reg.alle_jaren)),
        open_optiejaren=reg.alle_jaren - reg.jaren_op(peildatum),
        na_routewijziging=len(routewijzigingen),
        eerste_routewijziging=min(routewijzigingen, default=None),
        buiten_op_hun_dag=tuple(d for _, d in buiten),
        eerder_buiten=eerder,
        maximum_toen=p.raam_trajecten + sum(e for v, e in verhogingen if eerder and v <= eerder[0]),
        verhoogd_op=tuple(v for v, _ in verhogingen if eerder and v > eerder[0]),
        indexaties=tuple(index),
    )


def toegetreden_zinnen(reg: Register, peildatum: dt.date) -> list[str]:
    """Every supplier admitted later to an open-house lot (contract toetreding) by peildatum, in words."""
    return [
        f"Later toegetreden tot {reg.percelen[code].naam}: {naam}, per {vanaf.strftime('%d-%m-%Y')}."
        for (code, naam), vanaf in sorted(reg.toegetreden.items())
        if vanaf <= peildatum
    ]


def aangesloten_zinnen(reg: Register, peildatum: dt.date) -> list[str]:
    """Every gemeente that joined a lot later (contract aansluiting) by a decision dated up to peildatum, and those the
    tender names as possible later participants that have not joined (yet), in words."""
    uit = [
        f"Later aangesloten bij {reg.percelen[a.perceel].naam}: {a.gemeente}, per {a.vanaf.strftime('%d-%m-%Y')} "
        f"(besluit {a.besluit})."
        for a in sorted(reg.aangesloten.values(), key=lambda x: (x.perceel, x.gemeente))
        if a.datum <= peildatum
    ]
    open_ = {
        g: [reg.percelen[c].naam for c in aantallen if c in reg.percelen and not _aangesloten_op(reg, g, c, peildatum)]
        for g, (_, aantallen) in reg.latere_gemeenten.items()
    }
    nog = [f"{g} ({', '.join(namen)})" for g, namen in open_.items() if namen]
    if nog:
        uit.append(f"Mogelijke latere deelnemers, (nog) niet aangesloten: {'; '.join(nog)}.")
    return uit


def _aangesloten_op(reg: Register, gemeente: str, perceel: str, peildatum: dt.date) -> bool:
    a = reg.aangesloten.get((gemeente, perceel))
    return a is not None and a.datum <= peildatum


def ingetrokken_zinnen(reg: Register, peildatum: dt.date) -> list[str]:
    """Every event withdrawn by a decision dated up to peildatum (contract intrekken), in words: the figures leave
    it out, and without this line a contract manager comparing them with the deliveries would miss one."""
    uit = []
    for i in reg.intrekkingen:
        if (vanaf := reg.geldt_vanaf(i)) <= peildatum:
            pl = reg.volledig[i.plaatsing]
            na = "" if vanaf == i.datum else f" (na het einde van de looptijd: telt niet mee vanaf {vanaf:%d-%m-%Y})"
            uit.append(
                f"Ingetrokken: {SOORTEN[i.soort].label} van {i.gebeurtenis_datum:%d-%m-%Y} van klant {pl.klantnummer} "
                f"({pl.gemeente}, {i.plaats}), per {i.datum:%d-%m-%Y}{na} bij besluit {i.besluit}; telt niet mee."
            )
    return uit


def uitgevallen_zinnen(reg: Register, peildatum: dt.date) -> list[str]:
    """Every supplier that dropped out of a lot by peildatum (contract uitval), in words: the tables keep its
    allocation and placements, and without this a reader saw a supplier that had stopped as if it still took people."""
    uit = []
    for (code, naam), dagen in sorted(reg.uitvallen.items()):
        terug = {h.uitval: h for h in reg.hervattingen.get((code, naam), []) if h.vanaf <= peildatum}
        for per in (d for d in dagen if d <= peildatum):
            uit.append(
                f"Uitgevallen in {reg.percelen[code].naam}: {naam}, per {per.strftime('%d-%m-%Y')}; vanaf die dag geen "
                f"nieuwe plaatsingen bij {naam} in dat perceel."
            )
            if (h := terug.get(per)) is not None:  # a period of its own: placements from then on count again
                uit.append(hervatting_zin(reg, h))
    return uit + _zonder_aanbieder(reg, peildatum)


def hervatting_zin(reg: Register, h: Hervatting) -> str:
    """'Weer opgenomen in Z-route: Beta, per 01-11-2026 (besluit 5, contract hervatting), na haar uitval per ...'."""
    return (
        f"Weer opgenomen in {reg.percelen[h.perceel].naam}: {h.leverancier}, per {h.vanaf.strftime('%d-%m-%Y')} "
        f"(besluit {h.besluit} van {h.datum.strftime('%d-%m-%Y')}, contract hervatting), na de uitval per "
        f"{h.uitval.strftime('%d-%m-%Y')}; vanaf die dag weer plaatsingen bij {h.leverancier} in dat perceel."
    )


def _zonder_aanbieder(reg: Register, peildatum: dt.date) -> list[str]:
    """An open house whose every provider has dropped out by peildatum: said once, for the lines above name each
    drop-out and the tables keep their rows, so the lot read as if it still had a provider (until one joins)."""
    uit = []
    for code, p in reg.percelen.items():
        namen = [s.naam for s in reg.leveranciers_van(code)]
        weg = [reg.uitval_op(code, n, peildatum) for n in namen]
        if not p.toelating or not namen or any(d is None or d > peildatum for d in weg):
            continue
        sinds = max(d for d in weg if d is not None)
        uit.append(
            f"{p.naam} heeft sinds {sinds.strftime('%d-%m-%Y')} geen toegelaten aanbieder meer: tot een aanbieder "
            "toetreedt (evaluatie contract toetreding), hebben de inburgeraars van de deelnemende gemeenten op deze "
            "route geen aanbieder."
        )
    return uit


def wachtenden(
    plaatsingen: Iterable[Plaatsing],
    perceel: str,
    naam: str,
    peildatum: dt.date,
    uitvallen: Mapping[tuple[str, str], Sequence[dt.date]] | None = None,
) -> list[int]:
    """Days each person not started with this supplier has been waiting for it at peildatum: registered with it, or
    come to it by a route change (waiting since that day). A person who stopped before starting waits no longer, nor
    does one whose route changed away from it: from that day the person waits for the supplier of the new route; nor
    one registered again in the same gemeente (a next placement after a drop-out or a stop, contract.overstap): from
    that registration the person waits for the new placement's supplier, not for this one; nor one whose supplier
    dropped out since (`uitvallen`, the register's): she must be placed again (evaluatie.contract.wachten)."""
    return wachtenden_per_aanbieder(plaatsingen, peildatum, uitvallen).get((perceel, naam), [])


def wachtenden_per_aanbieder(
    plaatsingen: Iterable[Plaatsing],
    peildatum: dt.date,
    uitvallen: Mapping[tuple[str, str], Sequence[dt.date]] | None = None,
) -> dict[tuple[str, str], list[int]]:
    """`wachtenden` of every (lot, supplier) in one pass over the placements, in their order: the stand of every
    supplier used to go over all placements once per supplier (suppliers x placements; nationally 2,7 of the 5,4 s
    cpu of a quarterly report's figures)."""
    uit: dict[tuple[str, str], list[int]] = {}
    for w in niet_gestart(plaatsingen, peildatum, uitvallen or {}):
        if w.uitval is None:
            uit.setdefault((w.perceel, w.leverancier), []).append((peildatum - w.sinds).days)
    return uit


def bereken_stand(reg: Register, peildatum: dt.date) -> Stand:
    reg = reg.op(peildatum)  # an event withdrawn by a decision dated up to peildatum does not count
    jaar = reg.contractjaar(peildatum)
    begin, eind = reg.jaargrenzen(jaar)
    f = fractie_van_jaar(begin, eind, peildatum)
    ytd = geplaatst(reg, begin, peildatum)
    regels = []
    for code in reg.percelen:
        verdeling = reg.toewijzing.get((code, jaar), {})
        for g in reg.gemeenten:
            for s in reg.leveranciers_van(code):
                a = verdeling.get((g, s.naam), 0)
                n = ytd[(g, code, s.naam)]
                if a or n:
                    regels.append(Standregel(g, code, s.naam, a, n, a * f))
    raam = [r for code in reg.percelen if (r := raamgebruik(reg, code, peildatum)) is not None]
    prestaties = []
    wachtend = wachtenden_per_aanbieder(reg.plaatsingen, peildatum, reg.uitvallen)
    opnieuw = opnieuw_te_plaatsen(reg.plaatsingen, peildatum, reg.uitvallen)
    per: dict[tuple[str, str], list] = {}
    for pl in reg.plaatsingen:
        if pl.perceel and pl.leverancier and pl.aangemeld and pl.aangemeld <= peildatum:
            per.setdefault((pl.perceel, pl.leverancier), []).append(pl)
    # an outcome counts for the supplier the client was with on its day (after a route change: the new route's), a
    # start too, with the waiting time since the client came to that supplier
    uitkomsten: dict[tuple[str, str], dict[str, list[str | None]]] = {}
    wachttijden: dict[tuple[str, str], list[float]] = {}
    for lijst in per.values():
        for pl in lijst:
            if pl.gestart is not None and pl.gestart <= peildatum and (sinds := pl.sinds(pl.gestart)) is not None:
                c, wie = pl.bij(pl.gestart)
                if c and wie:
                    wachttijden.setdefault((c, wie), []).append((pl.gestart - sinds).days / 7)
            for veld, d in (("gestopt", pl.gestopt), ("afgerond", pl.afgerond), ("examen", pl.examendatum)):
                if d is not None and d <= peildatum:
                    c, wie = pl.bij(d)
                    if c and wie:
                        uitkomsten.setdefault((c, wie), {}).setdefault(veld, []).append(pl.examen)
    door_uitval: dict[tuple[str, str], int] = {}  # placements ended by the supplier's drop-out (uitvaleinde)
    for e in einden_door_uitval(reg, peildatum):
        door_uitval[(e.perceel, e.leverancier)] = door_uitval.get((e.perceel, e.leverancier), 0) + 1
    for (code, naam), s in reg.leveranciers.items():
        lijst = per.get((code, naam), [])
        eigen = uitkomsten.get((code, naam), {})

        def op(d: dt.date | None) -> bool:
            return d is not None and d <= peildatum

        wacht = tuple(wachttijden.get((code, naam), ()))
        examens = eigen.get("examen", [])
        prestaties.append(
            Prestatie(
                code,
                naam,
                s.wachttijd_weken,
                wacht,
                gestopt=len(eigen.get("gestopt", [])),
                afgerond=len(eigen.get("afgerond", [])),
                b1=examens.count("B1 behaald"),
                hoogst_haalbaar=examens.count("hoogst haalbare niveau behaald"),
                niet_behaald=sum(1 for e in examens if e not in GESLAAGD),
                afgeschaald=sum(1 for pl in lijst if pl.route_gewijzigd and op(pl.route_gewijzigd_datum)),
                geplaatst=len(lijst),
                beeindigd_door_uitval=door_uitval.get((code, naam), 0),
                opnieuw_te_plaatsen=tuple(sorted(w.uitval for w in opnieuw.get((code, naam), []))),
                opnieuw_gestart=sum(1 for w in opnieuw.get((code, naam), []) if w.gestart),
                wachtend_te_lang=tuple(
                    sorted(
                        (d for d in wachtend.get((code, naam), []) if d > s.wachttijd_weken * 7),
                        reverse=True,
                    )
                ),
            )
        )
    stand = Stand(peildatum, jaar, begin, eind, f, regels, raam, prestaties)
    stand.signalen = signalen(reg, stand)
    return stand


def _vol(sleutel: tuple[str, ...], tekst: str) -> str:
    return tekst


def decimalen(gemiddeld: float, beloofd: float) -> int | None:
    """How many decimals an average waiting time needs: one, or as many as it takes to read as above the promise
    when it is ('4,03', never '4,0' against 4 weeks: a sentence that would contradict itself); None when three
    do not suffice."""
    if gemiddeld <= beloofd:
        return 1
    return next((d for d in (1, 2, 3) if round(gemiddeld, d) > beloofd), None)


def boven_de_belofte(gemiddeld: float, beloofd: float) -> str:
    """An average above the promise as text, with `decimalen`."""
    d = decimalen(gemiddeld, beloofd)
    return getal(gemiddeld, d) if d is not None else f"iets meer dan {kort(beloofd)}"


def wachttijd(gemiddeld: float, beloofd: float) -> str:
    """An average waiting time in weeks: one decimal, or as `boven_de_belofte` where it exceeds the promise."""
    return boven_de_belofte(gemiddeld, beloofd) if gemiddeld > beloofd else getal(gemiddeld, 1)


def signalen(reg: Register, st: Stand, toon: Callable[[tuple[str, ...], str], str] = _vol) -> list[Signaal]:
    """The signals in words. Every figure resting on persons goes through `toon(sleutel, full text)`, with
    the key of that figure in `evaluatie.contract.openbaar` ("P", lot, supplier, field), ("T", lot, "raam" |
    "waarde" | "aandeel" | "prognose") or ("E", gemeente, lot, supplier, "jaar"); the terminal shows the full
    text, a report what it publishes (so a signal never shows a figure its own tables withhold)."""
    uit = []
    for pr in st.prestaties:
        g = pr.gemiddeld
        if g is not None and g > pr.beloofd_weken:
            n = len(pr.wachttijden)
            c, s = pr.perceel, pr.leverancier
            gem_vol = boven_de_belofte(g, pr.beloofd_weken)
            gem = toon(("P", c, s, "gemiddeld"), gem_vol)
            gestart = toon(("P", c, s, "gestart"), str(n))
            boven = toon(("P", c, s, "boven_belofte"), str(pr.boven_belofte))
            naam = reg.percelen[pr.perceel].naam
            beloofd = kort(pr.beloofd_weken)
            if gem == gem_vol:
                kern = f"gemiddeld {gem} weken van aanmelding tot start tegen {beloofd} weken beloofd"
            else:  # the average itself is withheld: say what it exceeds, never "gemiddeld (onderdrukt) weken"
                kern = (
                    f"de tijd van aanmelding tot start is gemiddeld langer dan de beloofde {beloofd} weken "
                    f"(het gemiddelde zelf: {gem})"
                )
            uit.append(
                Signaal(
                    "belofte",
                    f"{pr.leverancier} ({naam}) houdt zich niet aan de beloofde wachttijd: {kern} (gestart: "
                    f"{gestart}; langer gewacht dan beloofd: {boven})",
                )
            )
    for pr in st.prestaties:
        if pr.wachtend_te_lang:  # people not started: not in the average, but the promise is broken all the same
            c, s = pr.perceel, pr.leverancier
            aantal = toon(("W", c, s, "wachtend"), str(len(pr.wachtend_te_lang)))
            langste = toon(("W", c, s, "langste"), getal(pr.wachtend_te_lang[0] / 7, 1))
            uit.append(
                Signaal(
                    "wachtend",
                    f"Bij {s} ({reg.percelen[c].naam}) wachten aangemelde inburgeraars zonder start al langer dan "
                    f"de beloofde {kort(pr.beloofd_weken)} weken (op de peildatum: {aantal}; de langste wachttijd in "
                    f"weken: {langste})",
                )
            )
    for pr in st.prestaties:
        if pr.opnieuw_te_plaatsen:  # waiting for a supplier that dropped out: for no one (evaluatie.contract.wachten)
            c, s = pr.perceel, pr.leverancier
            aantal = toon(("W", c, s, "opnieuw"), str(len(pr.opnieuw_te_plaatsen)))
            per = " en ".join(d.strftime("%d-%m-%Y") for d in sorted(set(pr.opnieuw_te_plaatsen)))
            uit.append(
                Signaal(
                    "opnieuw",
                    f"Na de uitval van {s} ({reg.percelen[c].naam}) per {per} nog opnieuw te plaatsen: aangemelde "
                    f"inburgeraars die nog niet opnieuw zijn aangemeld en bij {s} niet waren gestart, of wel waren "
                    f"gestart zonder voortijdig te stoppen of af te ronden (op de peildatum: {aantal}); bij {s} kan "
                    "hun traject niet beginnen of verdergaan: wie er niet was gestart, telt daar niet als wachtend, en "
                    "wie er was gestart, telt daar nog als gestart, zonder einde in het register",
                )
            )
    for r in st.raam:
        if r.aandeel > RAAM_SIGNAAL:
            c = r.perceel
            waarde = toon(("T", c, "waarde"), euro(r.gebruikte_waarde))
            aandeel = toon(("T", c, "aandeel"), f"{getal(100 * r.aandeel, 1)}%")
            prognose = ""
            if r.prognose:
                datum = r.prognose.strftime("%d-%m-%Y")
                getoond = toon(("T", c, "prognose"), datum)
                if getoond != datum:  # withheld: not even whether the maximum is reached (the count would follow)
                    prognose = f"; de datum waarop zij uitgeput is of bij het huidige tempo raakt: {getoond}"
                elif r.uitgeput:  # a fact, not a forecast: placements after this day fall outside the agreement
                    prognose = f"; het maximum is bereikt op {datum}: de raamovereenkomst is uitgeput"
                elif r.na_looptijd:
                    prognose = f"; bij het huidige tempo niet uitgeput {r.niet_uitgeput_tekst().removeprefix('niet ')}"
                else:
                    prognose = f"; bij het huidige tempo uitgeput op {datum}"
            gebruikt = toon(("T", c, "raam"), str(r.gebruikt))
            maximum = f"{r.max_trajecten} trajecten, {euro(r.max_waarde)}"
            if gebruikt == str(r.gebruikt) and waarde == euro(r.gebruikte_waarde):
                cijfers = f"{gebruikt} van {r.max_trajecten} trajecten, {waarde} van {euro(r.max_waarde)}"
            else:  # withheld figures are named as such, never "(onderdrukt) van 294 trajecten"
                cijfers = f"maximum {maximum}; gebruikte trajecten: {gebruikt}; gebruikte waarde: {waarde}"
            uit.append(
                Signaal(
                    "raam",
                    f"Raamovereenkomst {reg.percelen[r.perceel].naam} is voor {aandeel} gebruikt: {cijfers}{prognose}",
                )
            )
    for x in st.regels:
        verschil = x.geplaatst - x.pro_rata
        if abs(verschil) >= AFWIJKING_PERSONEN and abs(verschil) >= AFWIJKING_AANDEEL * x.pro_rata:
            geplaatst = toon(("E", x.gemeente, x.perceel, x.leverancier, "jaar"), str(x.geplaatst))
            if geplaatst != str(x.geplaatst):  # withheld: the signal's own condition would say in which range it lies
                continue
            uit.append(
                Signaal(
                    "afwijking",
                    f"{x.gemeente} wijkt af van de verdeling bij {x.leverancier} ({reg.percelen[x.perceel].naam}): "
                    f"geplaatst {geplaatst}, naar rato {getal(x.pro_rata, 1)} van {x.toegewezen} toegewezen in "
                    f"contractjaar {st.jaar}",
                    x.gemeente,
                )
            )
    return uit

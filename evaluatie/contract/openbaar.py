"""Which person counts the quarterly reports publish: every report of every quarter, decided together.

Why one decision for all reports and quarters: the reports of one quarter (the region and every
gemeente) and the reports of successive quarters are read side by side. A figure is safe only
against everything else that was, is or will be published. So this module replays the contract
quarter by quarter from its first quarter up to the requested one, and for each quarter decides every
person count of every report with these rules:

1. `onderdrukking`: a count of fewer than 5 distinct persons is withheld (a series counts placements, and a client
   registered again after an early stop or a drop-out has more than one: `verschil`, "Persons, not placements").
   Every withheld count, whatever its size and whichever rule withholds it, says 'onderdrukt' (one label: two
   labels, '<5' for 0-4 and 'onderdrukt' for 5 or more, were bounds that pinned counts as surely as numbers; an
   integer model over two years of the example pinned 29).
2. `verschil`: within one series (one gemeente x lot x supplier, a gemeente's lot total, the region's
   supplier row, the region's lot total = the framework use and its monthly line, each supplier
   outcome), no two published values may differ by 1-4 persons, over all quarters so far.
3. `totalen`: a total is a sum of parts - a gemeente's lot total of its suppliers, the region's
   supplier row of the gemeenten, the region's lot total of the suppliers and of the gemeenten.
   Whenever a reader can derive the total over some period, not exactly one part may be underivable
   over that period (else total minus the other parts gives it), and the parts that are not may not hold 1-4
   distinct persons together (total minus the known parts gives their sum: a small group, withheld by refusing
   the figure that would reveal it, in the order below usually the total); when every part is derivable, so is
   the total, and that must pass rule 2 too. One total has a part that no report shows: started =
   started late + started on time. There the part a reader can derive must pass rule 2 itself: a
   derived count of 1-4 is withheld (withholding 'started late' whenever 'started' is shown would hide
   it always).
4. `tabel`: over every period between two points the tables use, no withheld cell gemeente x supplier
   may follow from the known row, column and grand totals together.
5. `controle`: in whole persons, over everything published of the lot (every report of every quarter, the
   framework line, absent rows as 0, a row shown without allocation as 1 or more), no withheld figure of 1 or
   more may have one possible value, unless a reader derives it from shown figures anyway (then rules 2-4
   decided it, and it is withheld only by the order below). Rules 2-4 are exact for one series or one table;
   this one is exact for the lot as a whole, and finds what their combinations give away (a supplier row equal
   to one gemeente's cell says the others are 0, which with a gemeente's total gives a hidden cell).
   It runs for a contract of up to `CONTROLE_GEMEENTEN` gemeenten (real contracts have 3-20; nationally it
   takes more than ten minutes a quarter), and the reports say whether it ran (`Openbaar.gecontroleerd`).

When rule 4 or 5 finds something, the quarter is decided again for that lot with its grand total withheld
(and the months of the line), then also the suppliers' rows, then the gemeenten's totals, and as a last resort
this quarter's cells of the lot; a figure a reader derives from shown ones is shown all the same (it withholds
nothing). With everything of the quarter withheld, the quarter adds nothing but what rows say (absent: 0,
present without allocation: someone this year), which earlier quarters' checks already hold or which a count
of this quarter satisfies; so rule 5 then finds nothing, and if it did, that is an error, not a report.

Decisions are greedy in a fixed order, each quarter only with the data up to its last day, lot by
lot: first the cells of single gemeente x supplier, then the gemeenten's totals, the region's
supplier rows, the region's lot total, the framework use and the months of its line; a figure that would break a rule
given what is already published is withheld ('onderdrukt') and adds nothing. Because every accepted
figure keeps all rules true for everything accepted before it, the published set as a whole - the
fixpoint of the rules - is safe, and the next quarter starts from exactly what this quarter showed.
A row that is absent (no allocation, nobody placed) says its count is 0; that is a published fact
and is added as such.

What this does not decide: the stand on the terminal shows full figures (it is for the contract
manager, not published). A withheld count keeps two values or more, but its range can be narrow (a total of
13 next to a shown 10 leaves 0-3 for the rest): ranges are not widened. The outcomes per supplier (started,
exams, ...) are series over time with one relation (started = late + on time), decided by rules 2-3 and not
part of rule 5. A reader who replays these rules themselves (they are public) may learn more than the figures
say.

What the reports of a quarter showed is recorded in the register when they are made (evaluatie.contract.publicatie).
A correction, withdrawal or decision dated back changes what the register now gives for a quarter already
published; the replay then treats the recorded figures as known (`_vooraf`), so no later figure differs by 1-4 from
what was shown, and a report made again for that quarter is a new publication weighed against the old one.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations
from typing import cast

import numpy as np
from dateutil.relativedelta import relativedelta

from evaluatie.contract import controle
from evaluatie.contract.gebeurtenissen import GESLAAGD
from evaluatie.contract.lezen import Plaatsing, Register
from evaluatie.contract.onderdrukking import MINIMUM, ONDERDRUKT
from evaluatie.contract.publicatie import MAAND, Cijfer, Publicatie, kwartaalnaam, van_kwartaal
from evaluatie.contract.tabel import cel_volgt
from evaluatie.contract.totalen import Reeks, Relatie, probeer
from evaluatie.contract.uitvaleinde import einden_door_uitval
from evaluatie.contract.verschil import Kennis
from evaluatie.fouten import EvaluatieFout

PRESTATIEVELDEN = (
    "gestart",
    "boven_belofte",
    "gestopt",
    "afgerond",
    "b1",
    "hoogst_haalbaar",
    "niet_behaald",
    "afgeschaald",
)
UITVALVELD = "beeindigd_door_uitval"
"""The placements of a supplier that dropped out ended by that drop-out (evaluatie.contract.uitvaleinde), a series of
its own beside the outcomes: counted from the next placement's registration, the day the stand counts it from; only for
a supplier with a drop-out in the register (`Register.uitvallen`), so a contract without one publishes what it did."""
Sleutel = tuple[str, ...]
CONTROLE_GEMEENTEN = 50  # rule 5 runs for a contract of up to this many gemeenten (README, "Kleine aantallen")
_GESLAAGD_VELD = {"B1 behaald": "b1", "hoogst haalbare niveau behaald": "hoogst_haalbaar"}
assert set(_GESLAAGD_VELD) == GESLAAGD


@dataclass
class Openbaar:
    """The published person counts of the reports of one quarter."""

    cellen: dict[Sleutel, int | str]
    maanden: dict[str, list[tuple[dt.date, int | None]]]  # per lot: month end, count or None (not shown)
    waarde_zichtbaar: dict[str, bool]
    gecontroleerd: bool  # whether rule 5 (the exact check of `controle`) decided too; see CONTROLE_GEMEENTEN
    per_kwartaal: dict[dt.date, dict[Sleutel, int | str]]  # the counts of every quarter's reports so far, by its end
    # what the reports of the quarter publish, as the register records it (evaluatie.contract.publicatie): every
    # shown count of the quarter, its absent rows as 0, and every shown point of the line up to its end
    gepubliceerd: list[Cijfer] = field(default_factory=list)

    def cel(self, sleutel: Sleutel) -> int | str:
        return self.cellen[sleutel]


def _kwartalen(start: dt.date, laatste: dt.date) -> Iterator[tuple[dt.date, dt.date]]:
    eerste = dt.date(start.year, 3 * ((start.month - 1) // 3) + 1, 1)
    while eerste <= laatste:
        einde = eerste + relativedelta(months=3) - dt.timedelta(days=1)
        yield eerste, min(einde, laatste)  # the last quarter of a term ends with the term
        eerste = einde + dt.timedelta(days=1)


def _maandeinden(start: dt.date, laatste: dt.date) -> list[dt.date]:
    uit = []
    m = start.replace(day=1)
    while m <= laatste:
        uit.append(min(m + relativedelta(months=1) - dt.timedelta(days=1), laatste))
        m += relativedelta(months=1)
    return uit


class _Model:
    """The series of the reports and their relations, for one register up to one quarter's end."""

    def __init__(self, reg: Register, laatste: dt.date) -> None:
        self.reg = reg
        start = reg.startdatum
        self.s0 = start.toordinal() - 1
        jaren = range(1, reg.contractjaar(laatste) + 1)
        per_e: dict[tuple[str, str, str], list[tuple[int, Persoon]]] = {}
        for p in reg.plaatsingen:
            if p.aangemeld is not None and p.perceel and p.leverancier and start <= p.aangemeld <= laatste:
                per_e.setdefault((p.gemeente, p.perceel, p.leverancier), []).append(
                    (p.aangemeld.toordinal(), (p.gemeente, p.klantnummer))
                )
        for (c, j), verdeling in reg.toewijzing.items():
            if j in jaren:
                for (g, s), n in verdeling.items():
                    if n:
                        per_e.setdefault((g, c, s), [])
        self.e: dict[tuple[str, str, str], Reeks] = {}
        self.g: dict[tuple[str, str], Reeks] = {}
        self.r: dict[tuple[str, str], Reeks] = {}
        self.t: dict[str, Reeks] = {}
        for c in reg.percelen:
            lev = [s.naam for s in reg.leveranciers_van(c)]
            lev += sorted({s for (_, cc, s) in per_e if cc == c} - set(lev))
            for g in reg.gemeenten:
                for s in lev:
                    if (g, c, s) in per_e:
                        self.e[(g, c, s)] = Reeks(_kennis(per_e[(g, c, s)]))
            for g in reg.gemeenten:
                delen = [self.e[(g, c, s)] for s in lev if (g, c, s) in self.e]
                if delen:
                    self.g[(g, c)] = self._som(delen)
            for s in lev:
                delen = [self.e[(g, c, s)] for g in reg.gemeenten if (g, c, s) in self.e]
                if delen:
                    self.r[(c, s)] = self._som(delen)
            per_r = [self.r[(c, s)] for s in lev if (c, s) in self.r]
            per_g = [self.g[(g, c)] for g in reg.gemeenten if (g, c) in self.g]
            if not per_r:
                self.t[c] = Reeks(Kennis([], []))
                continue
            t = per_r[0] if len(per_r) == 1 else per_g[0] if len(per_g) == 1 else Reeks(_kennis(_samen(per_r)))
            for delen in (per_r, per_g):
                if t not in delen:
                    self._relatie(t, delen)
            self.t[c] = t
        self.lev = {c: [x.naam for x in reg.leveranciers_van(c)] for c in reg.percelen}
        self.p: dict[tuple[str, str, str], Reeks] = {}
        per_p: dict[tuple[str, str, str], list[tuple[int, Persoon]]] = {}
        for pl in reg.plaatsingen:
            if not (pl.perceel and pl.leverancier and pl.aangemeld):
                continue
            for veld, d in self._prestatiedata(pl, reg):
                if d is not None and d <= laatste:
                    # as `stand` counts: a route change for the registration's supplier, a start and an outcome for
                    # the supplier the client was with on its day
                    perceel, wie = (pl.perceel, pl.leverancier) if veld == "afgeschaald" else pl.bij(d)
                    if perceel and wie:
                        per_p.setdefault((perceel, wie, veld), []).append(
                            (d.toordinal(), (pl.gemeente, pl.klantnummer))
                        )
        for e in einden_door_uitval(reg, laatste):  # the day it counts from: the next placement's registration
            assert e.volgende.aangemeld is not None
            per_p.setdefault((e.perceel, e.leverancier, UITVALVELD), []).append(
                (e.volgende.aangemeld.toordinal(), (e.plaatsing.gemeente, e.plaatsing.klantnummer))
            )
        for c, s in reg.uitvallen:
            if (c, s) in reg.leveranciers:
                self.p[(c, s, UITVALVELD)] = Reeks(_kennis(per_p.get((c, s, UITVALVELD), [])))
        for c, s in reg.leveranciers:
            for veld in (*PRESTATIEVELDEN, "op_tijd"):
                self.p[(c, s, veld)] = Reeks(_kennis(per_p.get((c, s, veld), [])))
            # started = started late + started on time: the reports show the first two, so the third is known
            self._relatie(self.p[(c, s, "gestart")], [self.p[(c, s, "boven_belofte")], self.p[(c, s, "op_tijd")]], True)

    @staticmethod
    def _prestatiedata(pl: Plaatsing, reg: Register) -> Iterator[tuple[str, dt.date | None]]:
        """The date each outcome of a placement counts from, by the definitions of `stand`: a start against the
        promise of the supplier that started the client, waiting since the client came to it (`Plaatsing.sinds`)."""
        assert pl.aangemeld is not None
        yield "gestart", pl.gestart
        if pl.gestart is not None:
            perceel, wie = pl.bij(pl.gestart)
            belofte = reg.leveranciers[(str(perceel), str(wie))].wachttijd_weken
            sinds = pl.sinds(pl.gestart) or pl.aangemeld
            yield "boven_belofte" if (pl.gestart - sinds).days / 7 > belofte else "op_tijd", pl.gestart
        yield "gestopt", pl.gestopt
        yield "afgerond", pl.afgerond
        if pl.examen is not None:
            veld = _GESLAAGD_VELD.get(pl.examen)
            yield veld or "niet_behaald", pl.examendatum
        if pl.route_gewijzigd:
            yield "afgeschaald", pl.route_gewijzigd_datum

    def _som(self, delen: list[Reeks]) -> Reeks:
        if len(delen) == 1:
            return delen[0]
        geheel = Reeks(_kennis(_samen(delen)))
        self._relatie(geheel, delen)
        return geheel

    @staticmethod
    def _relatie(geheel: Reeks, delen: list[Reeks], afleidbaar: bool = False) -> None:
        rel = Relatie(geheel, delen, afleidbaar)
        geheel.geheel_van.append(rel)
        for d in delen:
            d.delen_van.append(rel)


Persoon = tuple[str, str]  # a client: gemeente and (pseudonymous) client number; a placement is one of its trajectories


def _kennis(gebeurtenissen: list[tuple[int, Persoon]]) -> Kennis:
    """A series of events (day, person): the rules count the persons (`Kennis.personen`), the figures the events."""
    gebeurtenissen = sorted(gebeurtenissen)
    return Kennis([d for d, _ in gebeurtenissen], [w for _, w in gebeurtenissen])


def _samen(delen: list[Reeks]) -> list[tuple[int, Persoon]]:
    uit: list[tuple[int, Persoon]] = []
    for d in delen:
        assert d.kennis.ieder is not None  # every series of the model knows its persons (`_kennis`)
        uit += zip(d.kennis.datums, cast("list[Persoon]", d.kennis.ieder), strict=True)
    return uit


def _cel(waarde: int, getoond: bool) -> int | str:
    """One label for every withheld count, whatever its size and whichever rule withholds it."""
    return waarde if getoond and waarde >= MINIMUM else ONDERDRUKT


def _bewaar(reeksen: list[Reeks]) -> list[tuple[Kennis, int]]:
    """Where the knowledge of these series stands, for `_herstel` to go back to: the number of edges of each. A count,
    not a copy: a copy of every series' components for every quarter replayed grew with the number of quarters."""
    uniek = {id(r.kennis): r.kennis for r in reeksen}
    return [(k, len(k.log)) for k in uniek.values()]


def _herstel(bewaard: list[tuple[Kennis, int]]) -> None:
    for k, lengte in bewaard:
        k.terug(lengte)


_GEEN = -(10**12)  # below the name of any component (`_volgt_een_cel`)
Tabelgeheugen = dict[tuple[str, bytes], bool]  # per lot: which series are known over a period -> `cel_volgt`


def _volgt_een_cel(m: _Model, c: str, punten: set[int], maanden: list[int], geheugen: Tabelgeheugen) -> bool:
    """The rule of `tabel` for lot c over every period between two points the tables use, and between
    a month end of this quarter (a point of the line) and any of those points.

    `cel_volgt` depends only on which series of the lot a reader knows over the period, so its answer is kept per
    such pattern (`geheugen`, for one replay): most periods of the earlier quarters show a pattern met before, and
    the test of every period of every quarter again made a quarterly report's cost grow with the square of the
    number of quarters (nationally 1,4 of the 2,4 s cpu of deciding the figures of the twelfth quarter). Which
    series know a period is read for all points at once (`np`, one row per point)."""
    cellen = [(g, s, r) for (g, cc, s), r in m.e.items() if cc == c]
    rijen = [(g, r) for (g, cc), r in m.g.items() if cc == c]
    kolommen = [(s, r) for (cc, s), r in m.r.items() if cc == c]
    t = m.t[c]
    paren = set(combinations(sorted(punten), 2))
    paren |= {(min(a, b), max(a, b)) for a in maanden for b in (*punten, *maanden) if a != b}
    if not paren:
        return False
    reeksen = [r for _, _, r in cellen] + [r for _, r in rijen] + [r for _, r in kolommen] + [t]
    alle = sorted({p for paar in paren for p in paar})
    plek = {p: i for i, p in enumerate(alle)}
    # per point and series: the point's component, or a number of the point's own when it is in none (two points are
    # known together, `Kennis.samen`, when both are in the same component; the points of a period are never the same
    # day). A component is named by one of its points: a day, or a small negative number (`Kennis.schaduw`)
    comp = np.array([[r.kennis.comp.get(p, _GEEN - i) for r in reeksen] for i, p in enumerate(alle)], dtype=np.int64)
    n_cel, n_rij = len(cellen), len(rijen)
    for x, y in sorted(paren):
        i, j = plek[x], plek[y]
        bekend = comp[i] == comp[j]
        if not bekend[n_cel:].any():  # no total known over x-y: every cell is free
            continue
        sleutel = (c, np.packbits(bekend).tobytes())
        volgt = geheugen.get(sleutel)
        if volgt is None:
            lijst = bekend.tolist()
            volgt = geheugen[sleutel] = cel_volgt(
                [(g, s, lijst[k]) for k, (g, s, _) in enumerate(cellen)],
                {g: lijst[n_cel + k] for k, (g, _) in enumerate(rijen)},
                {s: lijst[n_cel + n_rij + k] for k, (s, _) in enumerate(kolommen)},
                lijst[-1],
            )
        if volgt:
            return True
    return False


Periode = tuple[Sleutel, int, int]  # a series (a cell's key without its column) over a-b
Eerder = dict[tuple[Sleutel, int], dict[int, int | str]]  # (series, a) -> b -> a count shown in an earlier report
_PERCEEL = {"E": 2, "G": 2, "R": 1, "T": 1}  # where a cell's key names its lot


def _reeks(m: _Model, k: Sleutel) -> Reeks:
    if k[0] == "E":
        return m.e[(k[1], k[2], k[3])]
    if k[0] == "G":
        return m.g[(k[1], k[2])]
    return m.r[(k[1], k[2])] if k[0] == "R" else m.t[k[1]]


def _zichtbaar(c: str, cellen: dict[Sleutel, int | str], perioden: dict[str, int], e: int) -> dict[Periode, int | str]:
    """The person counts of lot c this quarter by series and period."""
    toon: dict[Periode, int | str] = {}
    for sleutel, cel in cellen.items():
        i = _PERCEEL.get(sleutel[0])
        if i is not None and sleutel[i] == c and sleutel[-1] in perioden:
            toon[(sleutel[:-1], perioden[sleutel[-1]], e)] = cel
    return toon


def _cellen_van(m: _Model, c: str) -> dict[tuple[str, str], int]:
    """The cells gemeente x supplier of lot c, numbered in a fixed order (for `controle`)."""
    return {(g, s): i for i, (g, s) in enumerate(sorted((g, s) for (g, cc, s) in m.e if cc == c))}


def _leden(k: Sleutel, nummers: dict[tuple[str, str], int]) -> tuple[int, ...]:
    """The cells whose sum is series k: one cell, a gemeente's row, a supplier's column or the whole lot."""
    if k[0] == "E":
        return (nummers[(k[1], k[3])],)
    if k[0] == "G":
        return tuple(i for (g, _), i in nummers.items() if g == k[1])
    if k[0] == "R":
        return tuple(i for (_, s), i in nummers.items() if s == k[2])
    return tuple(nummers.values())


def _eerste_pin(
    m: _Model,
    c: str,
    toon: dict[Periode, int | str],
    eerder: Eerder,
    lijn: list[tuple[dt.date, int | None]],
    bekend: list[tuple[Sleutel, int, int, int]],
    al_bekend: set[tuple[Sleutel, int]],
) -> controle.Cijfer | None:
    """Rule 5 (`evaluatie.contract.controle`): the first withheld figure of lot c that everything published of
    the lot so far - earlier reports, this quarter's figures `toon`, the framework line, and `bekend`: the absent
    rows (0) and the rows present without allocation (1 or more) - gives one value of 1 or more."""
    nummers = _cellen_van(m, c)
    alles: dict[Periode, int | str | None] = {}
    for (k, a), per_b in eerder.items():
        if k[_PERCEEL[k[0]]] == c:
            for b, cel in per_b.items():
                alles[(k, a, b)] = cel
    alles.update(toon)
    for d, w in lijn:
        alles.setdefault((("T", c), m.s0, d.toordinal()), w)
    cijfers = [  # a withheld figure a reader derives exactly (a sum of shown ones) passed rules 2-4: not tested
        controle.Cijfer(
            _leden(k, nummers), a, b, cel if isinstance(cel, int) else None, 0, not _reeks(m, k).kennis.samen(a, b)
        )
        for (k, a, b), cel in sorted(alles.items(), key=lambda x: (x[0][2], x[0][1], x[0][0]))
    ]
    cijfers += _groepen(m, c, {p: cel for p, cel in toon.items() if p[:2] not in al_bekend}, nummers)
    for k, a, b, minstens in bekend:
        leden = _leden(k, nummers)
        cijfers.append(controle.Cijfer(leden, a, b, 0 if minstens == 0 else None, minstens, False))
    datums = [m.e[(g, c, s)].kennis.datums for (g, s) in nummers]  # numbered in this order
    return controle.eerste_vastgepinde(cijfers, datums)


def _delingen(m: _Model, c: str, k: Sleutel) -> list[list[Sleutel]]:
    """The ways total k of lot c is a sum of series shown in the reports: a gemeente's row of its cells, a supplier's
    region row of the gemeenten's cells, the lot of the suppliers' rows and of the gemeenten's rows."""
    if k[0] == "G":
        return [[("E", g, cc, s) for (g, cc, s) in m.e if cc == c and g == k[1]]]
    if k[0] == "R":
        return [[("E", g, cc, s) for (g, cc, s) in m.e if cc == c and s == k[2]]]
    if k[0] == "T":
        return [[("R", *x) for x in m.r if x[0] == c], [("G", *x) for x in m.g if x[1] == c]]
    return []


def _groepen(
    m: _Model, c: str, toon: dict[Periode, int | str], nummers: dict[tuple[str, str], int]
) -> list[controle.Cijfer]:
    """Rule 5 on the rule for groups of `totalen`: for every total of lot c this quarter shows, the sum of its parts
    that are withheld and not derivable, when two or more (one is a withheld figure of its own). Only this quarter's
    totals that a reader did not know before it (`toon` holds no other): a quarter published before is what it was,
    and a report made before this rule may hold such a group, which no figure of this quarter can take back (with a
    correction its total is a published fact in the replay, shown with everything else withheld)."""
    uit = []
    for (k, a, b), cel in toon.items():
        if not isinstance(cel, int):
            continue
        for delen in _delingen(m, c, k):
            verborgen = [
                d
                for d in delen
                if (d, a, b) in toon and not isinstance(toon[(d, a, b)], int) and not _reeks(m, d).kennis.samen(a, b)
            ]
            if len(verborgen) > 1:
                leden = tuple(sorted({i for d in verborgen for i in _leden(d, nummers)}))
                uit.append(controle.Cijfer(leden, a, b, None, 0, True, True))
    return uit


def wordt_gecontroleerd(reg: Register) -> bool:
    """Whether rule 5 (`controle`) decides for this contract: up to CONTROLE_GEMEENTEN gemeenten (README, "Kleine
    aantallen": about 12 s for a quarterly report of 50 gemeenten after three years; nationally, 342, more than ten
    minutes)."""
    return len(reg.gemeenten) <= CONTROLE_GEMEENTEN


_NIETS = object()  # no count yet (`_Verloop.zet`)


@dataclass
class _Verloop:
    """What the replay carries from one quarter to the next besides the series' knowledge (`Kennis`)."""

    maandlijn: dict[str, list[tuple[dt.date, int | None]]]
    punten: dict[str, set[int]]
    eerder: Eerder  # every person count of the reports so far, by series and period
    bekend: dict[str, list[tuple[Sleutel, int, int, int]]]  # rows: 0, or 1 or more

    # the writes to `eerder` since `bewaar` (the series' counts, b, the count it had or _NIETS); None: none kept
    journaal: list[tuple[dict[int, int | str], int, object, tuple[Sleutel, int]]] | None = None

    def zet(self, k: Sleutel, a: int, b: int, cel: int | str) -> None:
        """A count shown over a-b of series k (`eerder`), taken back by `terug`."""
        per_b = self.eerder.setdefault((k, a), {})
        if self.journaal is not None:
            self.journaal.append((per_b, b, per_b.get(b, _NIETS), (k, a)))
        per_b[b] = cel

    def bewaar(self) -> tuple[dict[str, int], dict[str, set[int]], dict[str, int]]:
        """Where the replay stands before a quarter, for `terug`: the lengths of the lists and the writes from here on,
        not a copy of everything shown so far (a copy for every quarter replayed grew with the number of quarters)."""
        self.journaal = []
        return (
            {c: len(v) for c, v in self.maandlijn.items()},
            {c: set(v) for c, v in self.punten.items()},
            {c: len(v) for c, v in self.bekend.items()},
        )

    def terug(self, bewaard: tuple[dict[str, int], dict[str, set[int]], dict[str, int]]) -> None:
        maandlijn, punten, bekend = bewaard
        for c, n in maandlijn.items():
            del self.maandlijn[c][n:]
        self.punten = {c: set(v) for c, v in punten.items()}
        for c, n in bekend.items():
            del self.bekend[c][n:]
        for per_b, b, oud, sleutel in reversed(self.journaal or []):
            if oud is _NIETS:
                del per_b[b]
                if not per_b:  # made by this write: a series' counts are never empty otherwise
                    del self.eerder[sleutel]
            else:
                per_b[b] = cast("int | str", oud)
        self.journaal = None


def _rapport(sleutel: Sleutel) -> str:
    """Which report shows a figure: a gemeente's rows in its own, everything else in the region's (and the regional
    tables of every report)."""
    return sleutel[1] if sleutel[0] in ("E", "G") else "regio"


def _cijfer(sleutel: Sleutel, a: int, b: int, waarde: int) -> Cijfer:
    van = None if a == 0 else dt.date.fromordinal(a + 1)
    return Cijfer(_rapport(sleutel), sleutel, van, dt.date.fromordinal(b), waarde)


def _reeks_van(m: _Model, c: Cijfer) -> Reeks | None:
    """The series a recorded figure counts, None when the register has no such row any more."""
    k = c.reeks
    if k[0] == "P":
        return m.p.get((k[1], k[2], k[3]))
    if k[0] == "E":
        return m.e.get((k[1], k[2], k[3]))
    if k[0] == "G":
        return m.g.get((k[1], k[2]))
    return m.r.get((k[1], k[2])) if k[0] == "R" else m.t.get(k[1])


def _in(c: Cijfer, eerste: dt.date, einde: dt.date) -> bool:
    return eerste <= c.tot <= einde


class _Vastgelegd:
    """The figures every recorded publication showed (the same figure once), by their last day."""

    def __init__(self, publicaties: list[Publicatie]) -> None:
        self.publicaties = publicaties
        self.cijfers = sorted({c for p in publicaties for c in p.cijfers}, key=lambda c: (c.tot, c))
        self.dagen = [c.tot for c in self.cijfers]

    def tussen(self, eerste: dt.date, einde: dt.date) -> list[Cijfer]:
        return self.cijfers[bisect_left(self.dagen, eerste) : bisect_right(self.dagen, einde)]

    def na(self, dag: dt.date) -> list[Cijfer]:
        return self.cijfers[bisect_right(self.dagen, dag) :]

    def van(self, eerste: dt.date, einde: dt.date) -> list[Cijfer] | None:
        """The quarter's own figures in its last publication; None when it was not published."""
        eigen = van_kwartaal(self.publicaties, kwartaalnaam(eerste))
        return [c for c in eigen[-1].cijfers if eerste <= c.tot <= einde] if eigen else None


def _klopt(m: _Model, vl: _Vastgelegd, eerste: dt.date, einde: dt.date, eigen: list[Cijfer]) -> bool:
    """Whether the replay of a quarter gives what was published: the figures of its last publication exactly, and
    every figure any report recorded for a day in it (a point of the line) with the same number, known."""
    van_hier = vl.van(eerste, einde)
    if van_hier is not None and set(van_hier) != set(eigen):
        return False
    for c in vl.tussen(eerste, einde):
        r = _reeks_van(m, c)
        if r is not None and not (r.kennis.interval(c.a, c.b) == c.waarde and r.kennis.samen(c.a, c.b)):
            return False
    return True


def _vooraf(
    m: _Model, v: _Verloop, vl: _Vastgelegd, eerste: dt.date, einde: dt.date, laatste: dt.date, toegepast: set[Cijfer]
) -> set[tuple[Sleutel, dt.date]] | None:
    """Before a quarter whose replay does not give what was published: every recorded figure of a day in it is known.
    One the register still gives is a published fact (an edge, as an absent row is); one it no longer gives is known
    as the reader read it (`Kennis.schaduw`: its last day as its first plus the number). So is every figure of a later
    quarter already published that starts in or before this one: this quarter's figures are decided anew, and a
    reader holds those too (a report made again after later ones appeared, and the line of a later one). From the
    first day, which is the
    start for every cumulative figure (0 persons then, whatever changed) and otherwise the start of the year or
    quarter, which a change inside it leaves as it was. Returns the figures the quarter may show:
    exactly those of its last publication when the register still gives every one of them (that report again, which
    was weighed against everything before it), or None (decide anew, against all of this)."""
    later = [c for c in vl.na(einde) if c.a <= einde.toordinal() and c not in toegepast]
    for c in [*vl.tussen(eerste, einde), *later]:
        r = _reeks_van(m, c)
        if r is None:
            continue
        toegepast.add(c)
        if c.tot <= laatste and r.kennis.interval(c.a, c.b) == c.waarde:
            probeer(r, c.a, c.b, verplicht=True)
            if c.tot <= einde and c.reeks[0] != "P":  # the exact check weighs what was shown up to this quarter
                v.eerder.setdefault((c.reeks, c.a), {})[c.b] = c.waarde
        else:
            r.kennis.schaduw(c.a, c.waarde)
    van_hier = vl.van(eerste, einde)
    if van_hier is None:
        return None
    for c in van_hier:
        r = _reeks_van(m, c)
        if r is None or r.kennis.interval(c.a, c.b) != c.waarde:
            return None
    return {(c.sleutel, c.tot) for c in van_hier}


def bepaal(reg: Register, laatste: dt.date) -> Openbaar:
    """The published person counts of the reports of the quarter ending `laatste`, with the months of
    the framework line up to it, replaying every quarter since the start (see the module docstring).

    A quarter already published (`Register.publicaties`) whose replay gives what it showed is that quarter; one
    whose replay does not (the register changed for it since) is replayed again with what it showed as known
    (`_vooraf`)."""
    reg = reg.op(laatste)  # as the stand of that day: an event withdrawn by a decision dated up to it does not count
    m = _Model(reg, laatste)
    start = reg.startdatum
    maanden = _maandeinden(start, laatste)
    v = _Verloop({c: [] for c in reg.percelen}, {c: {m.s0} for c in reg.percelen}, {}, {c: [] for c in reg.percelen})
    gecontroleerd = wordt_gecontroleerd(reg)
    per_kwartaal: dict[dt.date, dict[Sleutel, int | str]] = {}
    eigen: list[Cijfer] = []
    maandcijfers: list[Cijfer] = []
    alle = [*m.e.values(), *m.g.values(), *m.r.values(), *m.t.values(), *m.p.values()]
    toegepast: set[Cijfer] = set()
    vl = _Vastgelegd(reg.publicaties)
    geheugen: Tabelgeheugen = {}
    for eerste, einde in _kwartalen(start, laatste):
        bewaard = (_bewaar(alle), v.bewaar()) if reg.publicaties else None
        cellen, eigen = _kwartaal(reg, m, v, eerste, einde, maanden, gecontroleerd, None, geheugen)
        if bewaard is not None and not _klopt(m, vl, eerste, einde, eigen):
            _herstel(bewaard[0])
            v.terug(bewaard[1])
            alleen = _vooraf(m, v, vl, eerste, einde, laatste, toegepast)
            cellen, eigen = _kwartaal(reg, m, v, eerste, einde, maanden, gecontroleerd, alleen, geheugen)
        v.journaal = None  # the quarter stands: its writes are not taken back
        per_kwartaal[einde] = cellen
        maandcijfers += [c for c in eigen if c.sleutel[-1] == MAAND]
    e = laatste.toordinal()
    waarde: dict[str, bool] = {}
    for c in reg.percelen:
        prijzen = {reg.leveranciers[(c, s)].prijs for s in m.lev[c] if (c, s) in m.r}
        delen_bekend = all(m.r[(c, s)].kennis.samen(m.s0, e) for s in m.lev[c] if (c, s) in m.r)
        # an indexatie prices the placements from its day otherwise than those before (evaluatie.contract.indexatie):
        # the value then also says how many came before that day, so each supplier's count up to it must be known
        dagen = [
            d.toordinal() - 1
            for (cc, d, _, _), soort in zip(reg.wijzigingen, reg.wijzigingsoorten, strict=True)
            if cc == c and soort == "indexatie" and start < d <= laatste
        ]
        voor_bekend = all(m.r[(c, s)].kennis.samen(m.s0, d) for d in dagen for s in m.lev[c] if (c, s) in m.r)
        waarde[c] = (
            isinstance(cellen[("T", c, "raam")], int)
            and (len(prijzen) <= 1 or delen_bekend)
            and (not dagen or (delen_bekend and voor_bekend))
        )
    gepubliceerd = sorted({*eigen, *maandcijfers})
    return Openbaar(cellen, v.maandlijn, waarde, gecontroleerd, per_kwartaal, gepubliceerd)


def _kwartaal(
    reg: Register,
    m: _Model,
    v: _Verloop,
    eerste: dt.date,
    einde: dt.date,
    maanden: list[dt.date],
    gecontroleerd: bool,
    alleen: set[tuple[Sleutel, dt.date]] | None,
    geheugen: Tabelgeheugen,
) -> tuple[dict[Sleutel, int | str], list[Cijfer]]:
    """Decide the person counts of the reports of one quarter (the rules of the module docstring), lot by lot; the
    cells, and the quarter's figures as a publication records them (`Cijfer`: shown counts, absent rows as 0, the
    points of the line in it). `alleen`: show no other figures than these (a published quarter shown again)."""
    start = reg.startdatum
    maandlijn, punten, eerder, bekend = v.maandlijn, v.punten, v.eerder, v.bekend
    cellen: dict[Sleutel, int | str] = {}
    eigen: list[Cijfer] = []

    def mag(sleutel: Sleutel, tot: int) -> bool:
        return alleen is None or (sleutel, dt.date.fromordinal(tot)) in alleen

    e = einde.toordinal()
    jaar = reg.contractjaar(einde)
    ys = reg.jaargrenzen(jaar)[0].toordinal() - 1
    qs = max(eerste, start).toordinal() - 1
    verdeling = {c: reg.toewijzing.get((c, jaar), {}) for c in reg.percelen}
    aanwezig = {
        (g, c, s): bool(verdeling[c].get((g, s), 0) or r.kennis.interval(ys, e) or r.kennis.interval(qs, e))
        for (g, c, s), r in m.e.items()
    }
    # an absent row is a published 0 over the year and the quarter (and every month end in them); a row
    # present without allocation says that someone was placed there this year or quarter
    binnen = [d.toordinal() for d in maanden if min(ys, qs) < d.toordinal() < e]
    for (g, c, s), r in m.e.items():
        if not aanwezig[(g, c, s)]:
            for a in (ys, qs, *binnen):
                probeer(r, a, e, verplicht=True)
            bekend[c].append((("E", g, c, s), min(ys, qs), e, 0))
            eigen += [_cijfer(("E", g, c, s, naam), a, e, 0) for naam, a in (("jaar", ys), ("kwartaal", qs))]
        elif not verdeling[c].get((g, s), 0):
            bekend[c].append((("E", g, c, s), min(ys, qs), e, 1))
    for c in reg.percelen:
        punten[c] |= {ys, qs, e}
        eigen_r: list[tuple[Sleutel, Reeks]] = [(("E", *k), r) for k, r in m.e.items() if k[1] == c and aanwezig[k]]
        eigen_r += [(("G", *k), r) for k, r in m.g.items() if k[1] == c]
        eigen_r += [(("R", *k), r) for k, r in m.r.items() if k[0] == c]
        bewaard = _bewaar([r for _, r in eigen_r] + [m.t[c]])
        # the totals a reader knew before this quarter (published facts): no figure of it takes their groups back
        al_bekend = {
            (k[:-1] if k[0] == "T" else k, a)
            for k, r in [*eigen_r, (("T", c, ""), m.t[c])]
            for a in (ys, qs, m.s0)
            if k[0] != "E" and r.kennis.samen(a, e)
        }
        lengte = len(maandlijn[c])
        perioden = {"jaar": ys, "kwartaal": qs, "raam": m.s0}
        for weg in ("", "T", "TR", "TRG", "TRGE"):  # what this quarter withholds, until nothing follows
            for sleutel, r in eigen_r:
                for naam, a in (("jaar", ys), ("kwartaal", qs)):
                    w = r.kennis.interval(a, e)
                    vrij = sleutel[0] not in weg or r.kennis.samen(a, e)  # a derivable figure withholds nothing
                    toon = r.kennis.personen(a, e) >= MINIMUM and vrij and mag((*sleutel, naam), e) and probeer(r, a, e)
                    cellen[(*sleutel, naam)] = _cel(w, toon)
            t = m.t[c]
            for naam, a in (("jaar", ys), ("kwartaal", qs), ("raam", m.s0)):
                w = t.kennis.interval(a, e)
                vrij = "T" not in weg or t.kennis.samen(a, e)
                toon = t.kennis.personen(a, e) >= MINIMUM and vrij and mag(("T", c, naam), e) and probeer(t, a, e)
                cellen[("T", c, naam)] = _cel(w, toon)
            for d in maanden:
                if eerste <= d <= einde:
                    w = t.kennis.interval(m.s0, d.toordinal())
                    vrij = "T" not in weg or t.kennis.samen(m.s0, d.toordinal())
                    zichtbaar = (
                        t.kennis.personen(m.s0, d.toordinal()) >= MINIMUM
                        and vrij
                        and mag(("T", c, MAAND), d.toordinal())
                        and probeer(t, m.s0, d.toordinal())
                    )
                    maandlijn[c].append((d, w if zichtbaar else None))
            lijn = [d.toordinal() for d in maanden if eerste <= d <= einde]
            if alleen is not None:  # figures published before, and still the register's: nothing new to check
                break
            if weg != "TRGE" and _volgt_een_cel(m, c, punten[c], lijn, geheugen):
                pass
            elif not gecontroleerd:
                break
            else:
                getoond = _zichtbaar(c, cellen, perioden, e)
                pin = _eerste_pin(m, c, getoond, eerder, maandlijn[c], bekend[c], al_bekend)
                if pin is None:
                    break
                if weg == "TRGE":  # cannot happen: this quarter then adds nothing but what rows say
                    van = dt.date.fromordinal(pin.a + 1).strftime("%d-%m-%Y")
                    tot = dt.date.fromordinal(pin.b).strftime("%d-%m-%Y")
                    raise EvaluatieFout(
                        [
                            f"kwartaalrapportage tot en met {einde.strftime('%d-%m-%Y')}, perceel {c}: een "
                            f"onderdrukt aantal ({van} tot en met {tot}) ligt vast, ook met alles van dit kwartaal "
                            "onderdrukt; dat kan volgens het ontwerp niet (README, Kleine aantallen): meld het"
                        ]
                    )
            _herstel(bewaard)
            del maandlijn[c][lengte:]
        for (k, a, b), cel in _zichtbaar(c, cellen, perioden, e).items():
            v.zet(k, a, b, cel)
        eigen += [_cijfer(("T", c, MAAND), m.s0, d.toordinal(), w) for d, w in maandlijn[c][lengte:] if w is not None]
    for (c, s, veld), r in m.p.items():
        if veld not in PRESTATIEVELDEN and veld != UITVALVELD:
            continue
        w = r.kennis.interval(0, e)
        cellen[("P", c, s, veld)] = _cel(
            w, r.kennis.personen(0, e) >= MINIMUM and mag(("P", c, s, veld), e) and probeer(r, 0, e)
        )
    a_van = {"jaar": ys, "kwartaal": qs, "raam": m.s0}
    for sleutel, cel in cellen.items():
        if isinstance(cel, int):
            eigen.append(_cijfer(sleutel, 0 if sleutel[0] == "P" else a_van[sleutel[-1]], e, cel))
    return cellen, eigen

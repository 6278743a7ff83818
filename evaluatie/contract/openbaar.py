"""Which person counts the quarterly reports publish: every report of every quarter, decided together.

Why one decision for all reports and quarters: the reports of one quarter (the region and every
gemeente) and the reports of successive quarters are read side by side. A figure is safe only
against everything else that was, is or will be published. So this module replays the contract
quarter by quarter from its first quarter up to the requested one, and for each quarter decides every
person count of every report with three rules:

1. `onderdrukking`: a count under 5 is '<5' (never published as a number).
2. `verschil`: within one series (one gemeente x lot x supplier, a gemeente's lot total, the region's
   supplier row, the region's lot total = the framework use and its monthly line, each supplier
   outcome), no two published values may differ by 1-4 persons, over all quarters so far.
3. `totalen`: a total is a sum of parts - a gemeente's lot total of its suppliers, the region's
   supplier row of the gemeenten, the region's lot total of the suppliers and of the gemeenten.
   Whenever a reader can derive the total over some period, not exactly one part may be underivable
   over that period (else total minus the other parts gives it); when every part is derivable, so is
   the total, and that must pass rule 2 too. One total has a part that no report shows: started =
   started late + started on time. There the part a reader can derive must pass rule 2 itself: a
   derived count of 1-4 is withheld (withholding 'started late' whenever 'started' is shown would hide
   it always).
4. `tabel`: over every period between two points the tables use, no withheld cell gemeente x supplier
   may follow from the known row, column and grand totals together. When one would, the quarter is
   decided again for that lot with its grand total withheld, then also the suppliers' rows, then the
   gemeenten's totals, and as a last resort this quarter's cells of the lot (what then still follows
   rests on earlier quarters, already checked, and on absent rows, which say 0 whatever we withhold).

Decisions are greedy in a fixed order, each quarter only with the data up to its last day, lot by
lot: first the cells of single gemeente x supplier, then the gemeenten's totals, the region's
supplier rows, the region's lot total, the framework use and the months of its line; a figure that would break a rule
given what is already published is withheld ('onderdrukt') and adds nothing. Because every accepted
figure keeps all rules true for everything accepted before it, the published set as a whole - the
fixpoint of the rules - is safe, and the next quarter starts from exactly what this quarter showed.
A row that is absent (no allocation, nobody placed) says its count is 0; that is a published fact
and is added as such.

5. `grenzen`: after a lot's quarter is decided, a shown total or cumulative count that pins a hidden part by
   the bounds of the cells ('<5' is 0-4, 'onderdrukt' 5 or more) - in one sum, or over any chain of periods of
   one series the reports show - is withheld too: the lot's quarter is decided again without it (`_vastgepind`),
   so the knowledge of rules 2-4 never holds a figure that is not published (else total minus the other parts
   would give the withheld one back).

What this does not decide: the stand on the terminal shows full figures (it is for the contract
manager, not published). Rules 2 and 3 are exact per series over time, rule 4 per period over the
table; a combination of periods and tables that only an exact model over everything at once would
find is not searched for here. That is a known leak: tests/test_contract_reeksen.py searches the
tables of two years of the example with linear algebra and finds none, but an integer model over every
published figure (tables, totals, the monthly line, '<5' as 0-4 and 'onderdrukt' as 5 or more) pins
29 '<5' cells of those two years at 1-4 (README, "Kleine aantallen"; an exact audit per lot was built
and measured on 5 December 2026 and not adopted: minutes per quarter nationally, and pins that survive
withholding every cell of a quarter, because the bounds of the two labels are themselves information).
A correction of an earlier quarter read
after its report appeared changes what the register now computes for that quarter (make it again).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import combinations

from dateutil.relativedelta import relativedelta

from evaluatie.contract.gebeurtenissen import GESLAAGD
from evaluatie.contract.grenzen import Grens, grens_van, vastgepind
from evaluatie.contract.lezen import Plaatsing, Register
from evaluatie.contract.onderdrukking import AFGELEID, KLEIN, MINIMUM
from evaluatie.contract.tabel import cel_volgt
from evaluatie.contract.totalen import Reeks, Relatie, probeer
from evaluatie.contract.verschil import Kennis

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
Sleutel = tuple[str, ...]
_GESLAAGD_VELD = {"B1 behaald": "b1", "hoogst haalbare niveau behaald": "hoogst_haalbaar"}
assert set(_GESLAAGD_VELD) == GESLAAGD


@dataclass
class Openbaar:
    """The published person counts of the reports of one quarter."""

    cellen: dict[Sleutel, int | str]
    maanden: dict[str, list[tuple[dt.date, int | None]]]  # per lot: month end, count or None (not shown)
    waarde_zichtbaar: dict[str, bool]

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
        per_e: dict[tuple[str, str, str], list[int]] = {}
        for p in reg.plaatsingen:
            if p.aangemeld is not None and p.perceel and p.leverancier and start <= p.aangemeld <= laatste:
                per_e.setdefault((p.gemeente, p.perceel, p.leverancier), []).append(p.aangemeld.toordinal())
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
                        self.e[(g, c, s)] = Reeks(Kennis(sorted(per_e[(g, c, s)])))
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
                self.t[c] = Reeks(Kennis([]))
                continue
            t = per_r[0] if len(per_r) == 1 else per_g[0] if len(per_g) == 1 else Reeks(Kennis(_samen(per_r)))
            for delen in (per_r, per_g):
                if t not in delen:
                    self._relatie(t, delen)
            self.t[c] = t
        self.lev = {c: [x.naam for x in reg.leveranciers_van(c)] for c in reg.percelen}
        self.p: dict[tuple[str, str, str], Reeks] = {}
        per_p: dict[tuple[str, str, str], list[int]] = {}
        for pl in reg.plaatsingen:
            if not (pl.perceel and pl.leverancier and pl.aangemeld):
                continue
            belofte = reg.leveranciers[(pl.perceel, pl.leverancier)].wachttijd_weken
            for veld, d in self._prestatiedata(pl, belofte):
                if d is not None and d <= laatste:
                    per_p.setdefault((pl.perceel, pl.leverancier, veld), []).append(d.toordinal())
        for c, s in reg.leveranciers:
            for veld in (*PRESTATIEVELDEN, "op_tijd"):
                self.p[(c, s, veld)] = Reeks(Kennis(sorted(per_p.get((c, s, veld), []))))
            # started = started late + started on time: the reports show the first two, so the third is known
            self._relatie(self.p[(c, s, "gestart")], [self.p[(c, s, "boven_belofte")], self.p[(c, s, "op_tijd")]], True)

    @staticmethod
    def _prestatiedata(pl: Plaatsing, belofte: float) -> Iterator[tuple[str, dt.date | None]]:
        """The date each outcome of a placement counts from, by the definitions of `stand`."""
        assert pl.aangemeld is not None
        yield "gestart", pl.gestart
        if pl.gestart is not None:
            yield "boven_belofte" if (pl.gestart - pl.aangemeld).days / 7 > belofte else "op_tijd", pl.gestart
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
        geheel = Reeks(Kennis(_samen(delen)))
        self._relatie(geheel, delen)
        return geheel

    @staticmethod
    def _relatie(geheel: Reeks, delen: list[Reeks], afleidbaar: bool = False) -> None:
        rel = Relatie(geheel, delen, afleidbaar)
        geheel.geheel_van.append(rel)
        for d in delen:
            d.delen_van.append(rel)


def _samen(delen: list[Reeks]) -> list[int]:
    return sorted(x for d in delen for x in d.kennis.datums)


def _cel(waarde: int, getoond: bool) -> int | str:
    return KLEIN if waarde < MINIMUM else waarde if getoond else AFGELEID


def _bewaar(reeksen: list[Reeks]) -> list[tuple[Kennis, dict[int, int], dict[int, list[int]]]]:
    uniek = {id(r.kennis): r.kennis for r in reeksen}
    return [(k, dict(k.comp), {c: list(v) for c, v in k.leden.items()}) for k in uniek.values()]


def _herstel(bewaard: list[tuple[Kennis, dict[int, int], dict[int, list[int]]]]) -> None:
    for k, comp, leden in bewaard:
        k.comp, k.leden = dict(comp), {c: list(v) for c, v in leden.items()}


def _volgt_een_cel(m: _Model, c: str, punten: set[int], maanden: list[int]) -> bool:
    """The rule of `tabel` for lot c over every period between two points the tables use, and between
    a month end of this quarter (a point of the line) and any of those points."""
    cellen = [(g, s, r) for (g, cc, s), r in m.e.items() if cc == c]
    rijen = {g: r for (g, cc), r in m.g.items() if cc == c}
    kolommen = {s: r for (cc, s), r in m.r.items() if cc == c}
    t = m.t[c]
    paren = set(combinations(sorted(punten), 2))
    paren |= {(min(a, b), max(a, b)) for a in maanden for b in (*punten, *maanden) if a != b}
    for x, y in sorted(paren):
        rij = {g: r.kennis.samen(x, y) for g, r in rijen.items()}
        kolom = {s: r.kennis.samen(x, y) for s, r in kolommen.items()}
        totaal = t.kennis.samen(x, y)
        if not (totaal or any(rij.values()) or any(kolom.values())):
            continue
        if cel_volgt([(g, s, r.kennis.samen(x, y)) for g, s, r in cellen], rij, kolom, totaal):
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


def _sommen(m: _Model) -> dict[str, dict[Sleutel, list[list[Sleutel]]]]:
    """Per lot, the totals of the reports with their parts: a gemeente's lot total, the region's supplier rows,
    the region's lot total (of the suppliers and of the gemeenten). Only sums of two parts or more."""
    uit: dict[str, dict[Sleutel, list[list[Sleutel]]]] = {c: {} for c in m.reg.percelen}
    for g, c, s in m.e:
        uit[c].setdefault(("G", g, c), [[]])[0].append(("E", g, c, s))
        uit[c].setdefault(("R", c, s), [[]])[0].append(("E", g, c, s))
    for c, s in m.r:
        uit[c].setdefault(("T", c), [[], []])[0].append(("R", c, s))
    for g, c in m.g:
        uit[c].setdefault(("T", c), [[], []])[1].append(("G", g, c))
    return {c: {t: [d for d in ds if len(d) > 1] for t, ds in per.items()} for c, per in uit.items()}


def _open(delen: list[Sleutel], a: int, b: int, toon: dict[Periode, int | str]) -> bool:
    """Two parts or more without a number shown over a-b: only then can a sum pin one (a shown number is known)."""
    n = 0
    for d in delen:
        if not isinstance(toon.get((d, a, b)), int):
            n += 1
            if n > 1:
                return True
    return False


def _keten_pint(
    k: Sleutel,
    a: int,
    b: int,
    totaal: int,
    grens: Callable[[Sleutel, int, int], Grens],
    volgende: Callable[[int], list[int]],
) -> bool:
    """Whether series k's count `totaal` over a-b pins a hidden period by the bounds of the periods the reports
    show between a and b (this quarter's x-b, earlier reports' x-y), chained in any way: 7 shown for the first
    quarter, '<5' for the second and the third, and 15 for the year to date make both 4.

    For one split into consecutive periods a part is pinned exactly when the total is the sum of the upper
    bounds (every part at its highest; an unknown part below 5 at 4) or of the lower bounds with a part of 5 or
    more ('onderdrukt' at 5) - `evaluatie.contract.grenzen.vastgepind` for a sum. So it suffices to know which
    sums of upper and of lower bounds the splits reach, with whether an unknown part is in them; a sum above
    the total can only grow and is dropped."""
    hoog: dict[int, set[tuple[int, bool]]] = {a: {(0, False)}}
    laag: dict[int, set[tuple[int, bool]]] = {a: {(0, False)}}
    punten = {a}
    rij = [a]
    while rij:
        x = rij.pop()
        for y in volgende(x):
            if y not in punten:
                punten.add(y)
                rij.append(y)
    for x in sorted(punten):
        if x == b:
            break
        for y in volgende(x):
            if (x, y) == (a, b):
                continue
            lo, hi = grens(k, x, y)
            vrij = lo != hi
            if hi is not None:
                hoog.setdefault(y, set()).update(
                    (som + hi, open_ or vrij) for som, open_ in hoog.get(x, ()) if som + hi <= totaal
                )
            laag.setdefault(y, set()).update(
                (som + lo, open_ or (vrij and lo > 0)) for som, open_ in laag.get(x, ()) if som + lo <= totaal
            )
    return (totaal, True) in hoog.get(b, set()) or (totaal, True) in laag.get(b, set())


def _zichtbaar(c: str, cellen: dict[Sleutel, int | str], perioden: dict[str, int], e: int) -> dict[Periode, int | str]:
    """The person counts of lot c this quarter by series and period."""
    toon: dict[Periode, int | str] = {}
    for sleutel, cel in cellen.items():
        i = _PERCEEL.get(sleutel[0])
        if i is not None and sleutel[i] == c and sleutel[-1] in perioden:
            toon[(sleutel[:-1], perioden[sleutel[-1]], e)] = cel
    return toon


def _pint(
    m: _Model,
    sommen: dict[Sleutel, list[list[Sleutel]]],
    per: Periode,
    cel: int,
    toon: dict[Periode, int | str],
    eerder: Eerder,
) -> bool:
    """Whether count `cel` of series k over a-b (`per`) pins a hidden part by the bounds of the cells
    (`evaluatie.contract.grenzen`): in one report (a total and its parts) or along a series over time (any chain
    of periods of earlier reports and this one that make up a-b, `_keten_pint`). What a reader derives exactly is
    the series' knowledge, which holds exactly what was published; `toon` the counts of this quarter."""
    k, a, b = per

    def grens(kk: Sleutel, x: int, y: int) -> Grens:
        r = _reeks(m, kk)
        if r.kennis.samen(x, y):
            v = r.kennis.interval(x, y)
            return (v, v)
        getoond = toon.get((kk, x, y))
        return grens_van(getoond if getoond is not None else eerder.get((kk, x), {}).get(y))

    def volgende(x: int) -> list[int]:
        """The ends of the periods of series k the reports show from point x on, up to b."""
        return [*(y for y in eerder.get((k, x), {}) if y < b), *([b] if (k, x, b) in toon else [])]

    delen = [[grens(d, a, b) for d in ds] for ds in sommen.get(k, []) if _open(ds, a, b, toon)]
    return any(vastgepind(cel, d) for d in delen) or _keten_pint(k, a, b, cel, grens, volgende)


def _vastgepind(
    m: _Model, sommen: dict[Sleutel, list[list[Sleutel]]], toon: dict[Periode, int | str], eerder: Eerder
) -> set[tuple[Sleutel, int]]:
    """The shown counts of a lot this quarter (series, start of the period) that pin a hidden part (`_pint`)."""
    return {
        (k, a)
        for (k, a, b), cel in toon.items()
        if isinstance(cel, int) and _pint(m, sommen, (k, a, b), cel, toon, eerder)
    }


def _vooraf(
    m: _Model,
    sommen: dict[Sleutel, list[list[Sleutel]]],
    k: Sleutel,
    a: int,
    e: int,
    w: int,
    cellen: dict[Sleutel, int | str],
    namen: dict[int, str],
    eerder: Eerder,
) -> bool:
    """`_pint` at the moment count w of series k over a-e is decided: its parts in a sum are decided already (a
    lot's cells before its totals); its own cell of this quarter not yet decided is taken by its value ('<5'
    under 5, else as if shown: the stricter case, which spares deciding the quarter again). What this cannot
    foresee, the check after the quarter finds (`_vastgepind`)."""
    toon: dict[Periode, int | str] = {(k, a, e): w}
    for ds in sommen.get(k, []):
        for d in ds:
            cel = cellen.get((*d, namen[a])) if a in namen else None
            if cel is not None:
                toon[(d, a, e)] = cel
    for x, naam in namen.items():
        if x != a and (*k, naam) not in cellen:
            v = _reeks(m, k).kennis.interval(x, e)
            toon[(k, x, e)] = KLEIN if v < MINIMUM else v  # as if shown: the stricter case
    return _pint(m, sommen, (k, a, e), w, toon, eerder)


def bepaal(reg: Register, laatste: dt.date) -> Openbaar:
    """The published person counts of the reports of the quarter ending `laatste`, with the months of
    the framework line up to it, replaying every quarter since the start (see the module docstring)."""
    m = _Model(reg, laatste)
    start = reg.startdatum
    maanden = _maandeinden(start, laatste)
    maandlijn: dict[str, list[tuple[dt.date, int | None]]] = {c: [] for c in reg.percelen}
    punten: dict[str, set[int]] = {c: {m.s0} for c in reg.percelen}
    cellen: dict[Sleutel, int | str] = {}
    eerder: Eerder = {}  # every person count of the reports so far, by series and period
    sommen = _sommen(m)
    for eerste, einde in _kwartalen(start, laatste):
        cellen = {}
        e = einde.toordinal()
        jaar = reg.contractjaar(einde)
        ys = reg.jaargrenzen(jaar)[0].toordinal() - 1
        qs = max(eerste, start).toordinal() - 1
        verdeling = {c: reg.toewijzing.get((c, jaar), {}) for c in reg.percelen}
        aanwezig = {
            (g, c, s): bool(verdeling[c].get((g, s), 0) or r.kennis.interval(ys, e) or r.kennis.interval(qs, e))
            for (g, c, s), r in m.e.items()
        }
        # an absent row is a published 0 over the year and the quarter (and every month end in them)
        binnen = [d.toordinal() for d in maanden if min(ys, qs) < d.toordinal() < e]
        for ge, r in m.e.items():
            if not aanwezig[ge]:
                for a in (ys, qs, *binnen):
                    probeer(r, a, e, verplicht=True)
        for c in reg.percelen:
            punten[c] |= {ys, qs, e}
            eigen: list[tuple[Sleutel, Reeks]] = [(("E", *k), r) for k, r in m.e.items() if k[1] == c and aanwezig[k]]
            eigen += [(("G", *k), r) for k, r in m.g.items() if k[1] == c]
            eigen += [(("R", *k), r) for k, r in m.r.items() if k[0] == c]
            bewaard = _bewaar([r for _, r in eigen] + [m.t[c]])
            lengte = len(maandlijn[c])
            perioden = {"jaar": ys, "kwartaal": qs, "raam": m.s0}
            namen = {qs: "kwartaal", ys: "jaar"}  # a period's column (the year's when the quarter starts it)
            verboden: set[tuple[Sleutel, int]] = set()  # totals that would pin a hidden part (rule 5)
            while True:
                for weg in ("", "T", "TR", "TRG", "TRGE"):  # what this quarter withholds, until no cell follows
                    for sleutel, r in eigen:
                        for naam, a in (("jaar", ys), ("kwartaal", qs)):
                            w = r.kennis.interval(a, e)
                            toon = (
                                w >= MINIMUM
                                and sleutel[0] not in weg
                                and (sleutel, a) not in verboden
                                and not _vooraf(m, sommen[c], sleutel, a, e, w, cellen, namen, eerder)
                                and probeer(r, a, e)
                            )
                            cellen[(*sleutel, naam)] = _cel(w, toon)
                    t = m.t[c]
                    for naam, a in (("jaar", ys), ("kwartaal", qs), ("raam", m.s0)):
                        w = t.kennis.interval(a, e)
                        vrij = "T" not in weg and (("T", c), a) not in verboden
                        vrij = vrij and not _vooraf(m, sommen[c], ("T", c), a, e, w, cellen, namen, eerder)
                        cellen[("T", c, naam)] = _cel(w, w >= MINIMUM and vrij and probeer(t, a, e))
                    for d in maanden:
                        if eerste <= d <= einde:
                            w = t.kennis.interval(m.s0, d.toordinal())
                            vrij = "T" not in weg and (d.toordinal() != e or (("T", c), m.s0) not in verboden)
                            zichtbaar = w >= MINIMUM and vrij and probeer(t, m.s0, d.toordinal())
                            maandlijn[c].append((d, w if zichtbaar else None))
                    lijn = [d.toordinal() for d in maanden if eerste <= d <= einde]
                    if weg == "TRGE" or not _volgt_een_cel(m, c, punten[c], lijn):
                        break
                    _herstel(bewaard)
                    del maandlijn[c][lengte:]
                extra = _vastgepind(m, sommen[c], _zichtbaar(c, cellen, perioden, e), eerder) - verboden
                if not extra:
                    break
                verboden |= extra  # decide the quarter of this lot again without them: the knowledge stays exact
                _herstel(bewaard)
                del maandlijn[c][lengte:]
            for (k, a, b), cel in _zichtbaar(c, cellen, perioden, e).items():
                eerder.setdefault((k, a), {})[b] = cel
        for (c, s, veld), r in m.p.items():
            if veld not in PRESTATIEVELDEN:
                continue
            w = r.kennis.interval(0, e)
            cellen[("P", c, s, veld)] = _cel(w, w >= MINIMUM and probeer(r, 0, e))
    e = laatste.toordinal()
    waarde: dict[str, bool] = {}
    for c in reg.percelen:
        prijzen = {reg.leveranciers[(c, s)].prijs for s in m.lev[c] if (c, s) in m.r}
        delen_bekend = all(m.r[(c, s)].kennis.samen(m.s0, e) for s in m.lev[c] if (c, s) in m.r)
        waarde[c] = isinstance(cellen[("T", c, "raam")], int) and (len(prijzen) <= 1 or delen_bekend)
    return Openbaar(cellen, maandlijn, waarde)

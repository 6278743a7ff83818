"""Rule: no two published values of one cumulative series may differ by 1-4 persons.

Why: a count since a date (placed in the contract year, use of the framework agreement, a point of
the monthly line, outcomes since the start) can be 5 or more in two successive reports while their
difference, the persons counted in between, is 1-4. That difference is a small cell as much as a
count under 5 in one report is.

The model. A series counts persons by the date of one event (registration, start, exam, ...):
F(d) is the number counted up to and including day d. Every published person count of the series is
F(b) - F(a) for two days a < b: 'placed in the contract year' is F(peildatum) - F(day before the
year), 'placed this quarter' is F(quarter end) - F(day before the quarter), 'framework used' and a
point of the monthly line are F(date) - F(day before the start). Treat the days as points and every
published figure as an edge between two points: the exact numbers a reader can compute from the
figures of one series (sums and differences of any of them, over any number of reports) are exactly
F(y) - F(x) for two points x, y connected by edges, and nothing else (beyond bounds: a count is never
negative, which `evaluatie.contract.controle` takes into account). So the points fall apart into
components, and within a component every difference is known.

The rule (`Kennis.toelaatbaar`): a figure is published only if, after adding its edge, no two points
in one component differ by 1-4. Sorted, the distinct values of a component must lie at least 5 apart.
This covers every pair at once: two quarters' cumulative figures, a cumulative figure and the
quarter's own count (the year to date minus 'this quarter' is the previous year to date), points of
the line among each other and against the tables, and chains over many reports. A figure whose two
points are already connected adds nothing a reader did not know and is always allowed.

Which earlier values count as shown: exactly the figures published for earlier quarters by this same
rule, derived from the register in quarter order, each quarter seeing only the data up to its last
day (`evaluatie.contract.openbaar`). A report for a quarter therefore never depends on later data and
is the same when it is made again later; the figures it withholds stay withheld in every later
report, and no later report can publish a figure that would reveal a 1-4 difference with it.
A count under 5 is never an edge; it and a figure withheld by this rule are shown as 'onderdrukt' (one
label: `evaluatie.contract.onderdrukking`).

Persons, not placements. A series counts placements (trajectories), and a client registered again after an early
stop or a drop-out (evaluatie.contract.overstap) has more than one: 5 placements can be 3 persons. So the rule is on
the persons a figure or a difference rests on (`Kennis.personen`): a figure is shown only when it counts 5 or more
distinct persons, and within a component every two points whose counts differ must have 5 or more distinct persons
between them (checked between neighbouring points: a wider period holds the persons of each narrower one). Without
such a client the persons are the placements and the rule is the one above.

We withhold rather than round: a rounded figure next to the exact counts of other cells and quarters can often be
solved back to the exact value, a withheld one cannot.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Hashable, Iterable, Sequence
from itertools import count, pairwise

from evaluatie.contract.onderdrukking import MINIMUM

Herstel = tuple[int, int, list[int], int, tuple[int, ...]]  # groot, klein, moved points, length before, new points
_SCHADUW = count(-1, -1)  # points of `Kennis.schaduw`: negative, unique over every series (days are positive)


def verschillen_toelaatbaar(waarden: Iterable[int]) -> bool:
    """True when no two of `waarden` differ by 1 to MINIMUM - 1."""
    vorige: int | None = None
    for w in sorted(set(waarden)):
        if vorige is not None and w - vorige < MINIMUM:
            return False
        vorige = w
    return True


class Kennis:
    """What the published figures of one series let a reader derive: components of points (days, as
    ordinals) whose cumulative counts are tied together by published differences."""

    __slots__ = ("_waarde", "comp", "datums", "ieder", "leden", "log", "wie")

    def __init__(self, datums: list[int], wie: Sequence[Hashable] | None = None) -> None:
        self.datums = datums  # sorted ordinals of the counted events
        self.ieder = list(wie) if wie is not None else None  # the person of each event, in the order of `datums`
        # the same when some person has more than one event; None when the persons of a period are its events
        self.wie = self.ieder if self.ieder is not None and len(set(self.ieder)) < len(self.ieder) else None
        self._waarde: dict[int, int] = {}
        self.comp: dict[int, int] = {}
        self.leden: dict[int, list[int]] = {}
        self.log: list[Herstel] = []  # every edge added and not taken back, in order (`terug`)

    def waarde(self, punt: int) -> int:
        """F(punt): events counted up to and including that day."""
        w = self._waarde.get(punt)
        if w is None:
            w = self._waarde[punt] = bisect_right(self.datums, punt)
        return w

    def interval(self, a: int, b: int) -> int:
        return self.waarde(b) - self.waarde(a)

    def personen(self, a: int, b: int) -> int:
        """The distinct persons among the events after day a up to and including day b."""
        if self.wie is None:
            return self.interval(a, b)
        return len(set(self.wie[bisect_right(self.datums, a) : bisect_right(self.datums, b)]))

    def wie_tussen(self, a: int, b: int) -> list[Hashable]:
        """The person of every event after day a up to and including day b (a group's persons, `totalen`)."""
        assert self.ieder is not None, "wie_tussen: een reeks zonder personen"
        return self.ieder[bisect_right(self.datums, a) : bisect_right(self.datums, b)]

    def _personen_toelaatbaar(self, punten: Iterable[int]) -> bool:
        """Between every two neighbouring days of a component whose counts differ: 5 or more distinct persons (a
        point of `schaduw` is no day and holds no persons; its number is checked by `verschillen_toelaatbaar`)."""
        if self.wie is None:
            return True
        dagen = sorted(p for p in set(punten) if p >= 0)
        return all(self.waarde(x) == self.waarde(y) or self.personen(x, y) >= MINIMUM for x, y in pairwise(dagen))

    def samen(self, a: int, b: int) -> bool:
        if a == b:
            return True
        ca = self.comp.get(a)
        return ca is not None and ca == self.comp.get(b)

    def _leden(self, punt: int) -> list[int]:
        c = self.comp.get(punt)
        return [punt] if c is None else self.leden[c]

    def toelaatbaar(self, a: int, b: int) -> bool:
        """The rule of this module for a new edge a-b."""
        if self.samen(a, b):
            return True
        punten = (*self._leden(a), *self._leden(b))
        return verschillen_toelaatbaar(self.waarde(p) for p in punten) and self._personen_toelaatbaar(punten)

    def nieuwe_paren(self, a: int, b: int) -> list[tuple[int, int]]:
        """The pairs of points an edge a-b would newly connect."""
        if self.samen(a, b):
            return []
        return [(x, y) for x in self._leden(a) for y in self._leden(b)]

    def verbind(self, a: int, b: int) -> Herstel | None:
        """Add the edge a-b; what `herstel` needs to take it back (None when it added nothing)."""
        if self.samen(a, b):
            return None
        nieuw = tuple(p for p in dict.fromkeys((a, b)) if p not in self.comp)
        for p in nieuw:
            self.comp[p] = p
            self.leden[p] = [p]
        groot, klein = self.comp[a], self.comp[b]
        if len(self.leden[groot]) < len(self.leden[klein]):
            groot, klein = klein, groot
        verplaatst = self.leden.pop(klein)
        lengte = len(self.leden[groot])
        for p in verplaatst:
            self.comp[p] = groot
        self.leden[groot].extend(verplaatst)
        h = groot, klein, verplaatst, lengte, nieuw
        self.log.append(h)
        return h

    def schaduw(self, anker: int, verschil: int) -> None:
        """A figure an earlier report published, F(y) - F(x) = v, that the register no longer gives (a correction
        or withdrawal since): the reader holds it all the same, reading y as x + v. Recorded as a point of its own
        at F(anker) + `verschil`, tied to `anker` (x, with v): every later figure that
        joins `anker`'s component is then also checked against it (`toelaatbaar`), so no published difference with
        the old number is 1-4. A point of its own, not the day itself: the register's count of that day stays as it
        is, and the totals (evaluatie.contract.totalen) reason only about the register's counts."""
        punt = next(_SCHADUW)
        self._waarde[punt] = self.waarde(anker) + verschil
        self.verbind(anker, punt)

    def herstel(self, h: Herstel) -> None:
        """Take back the last edge added (`verbind`): exactly the state before it."""
        assert self.log and self.log[-1] is h, "herstel: niet de laatste verbinding"
        self.log.pop()
        groot, klein, verplaatst, lengte, nieuw = h
        del self.leden[groot][lengte:]
        self.leden[klein] = verplaatst
        for p in verplaatst:
            self.comp[p] = klein
        for p in nieuw:
            del self.comp[p], self.leden[p]

    def terug(self, lengte: int) -> None:
        """Take back every edge after the first `lengte` of `log` (a replay that decides a quarter again)."""
        while len(self.log) > lengte:
            self.herstel(self.log[-1])

"""Rule: a total may not give away the one part a reader cannot derive otherwise.

Why: the region's row is the sum of the gemeenten's rows, a lot's total the sum of its suppliers'; with
the total and all parts but one known, the last part is known too. In one report that is the classic
rule (a total with exactly one hidden part is hidden). Over successive reports "known" means derivable
over a period: `evaluatie.contract.verschil` keeps per series which differences F(y) - F(x) a reader
can compute, and this rule applies to every such period x-y at once:

- when the total is derivable over x-y, not exactly one part may be underivable over x-y, and two or more
  underivable parts may not hold 1-4 distinct persons together (the total minus the known parts is their sum: a
  small group is as revealing as a small cell; 0 names nobody);
- when every part is derivable over x-y, so is the total: that edge is added to the total's series
  (and must pass the difference rule there), and the rule is applied again one level up.

`probeer` adds one published figure only if, with everything that follows from it, both rules and the
difference rule keep holding; otherwise it takes everything back and the figure is withheld. A relation
can be `afleidbaar`: its one underivable part is no cell of any report, so instead of withholding the
total the part is derived and checked by the difference rule like a published figure.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from evaluatie.contract.onderdrukking import MINIMUM
from evaluatie.contract.verschil import Herstel, Kennis


@dataclass(eq=False)
class Reeks:
    """One series: what is known of it, and the totals it is a part of or the total of."""

    kennis: Kennis
    delen_van: list[Relatie] = field(default_factory=list)
    geheel_van: list[Relatie] = field(default_factory=list)


@dataclass(eq=False)
class Relatie:
    """geheel = sum of delen. `afleidbaar`: the one part left unknown may be derived (and is then checked
    by the difference rule like a published figure) instead of withholding the figure that reveals it;
    used where that part is no cell of any report (started on time = started - started late)."""

    geheel: Reeks
    delen: list[Reeks]
    afleidbaar: bool = False


def _onbekend(rel: Relatie, x: int, y: int) -> list[Reeks]:
    """The parts not derivable over x-y; at most two (enough to know it is not exactly one)."""
    uit = []
    for d in rel.delen:
        if not d.kennis.samen(x, y):
            uit.append(d)
            if len(uit) > 1:
                break
    return uit


def _alle_bekend(rel: Relatie, x: int, y: int) -> bool:
    return all(d.kennis.samen(x, y) for d in rel.delen)


def _kleine_groep(rel: Relatie, x: int, y: int) -> bool:
    """The total is known over x-y and two or more parts are not: whether those parts together, which a reader
    derives as the total minus the known parts, hold 1 to MINIMUM - 1 distinct persons (a small group, as a
    small cell). A point of `Kennis.schaduw` is no day and holds no persons: nothing to count there."""
    if x < 0 or y < 0:
        return False
    a, b = min(x, y), max(x, y)
    groep: set[Hashable] = set()
    for d in rel.delen:
        if d.kennis.samen(x, y):
            continue
        if d.kennis.ieder is None:  # a series without persons: each event one person
            groep |= {(id(d), i) for i in range(d.kennis.interval(a, b))}
        else:
            groep.update(d.kennis.wie_tussen(a, b))
        if len(groep) >= MINIMUM:
            return False
    return len(groep) > 0


def _laatste_deel(rel: Relatie, x: int, y: int, log: list[tuple[Kennis, Herstel]]) -> bool:
    """The total is known over x-y: False when exactly one part is not and may not be derived, or when the parts
    that are not hold 1-4 persons together (`_kleine_groep`)."""
    onbekend = _onbekend(rel, x, y)
    if len(onbekend) > 1:
        return not _kleine_groep(rel, x, y)
    if not onbekend:
        return True
    deel = onbekend[0]
    return rel.afleidbaar and deel.kennis.toelaatbaar(x, y) and _voeg_toe(deel, x, y, log, False)


def _voeg_toe(r: Reeks, a: int, b: int, log: list[tuple[Kennis, Herstel]], verplicht: bool) -> bool:
    """Add edge a-b to series r and what follows from it for the totals; False when a rule breaks
    (then the caller takes back everything in `log`). `verplicht`: a published fact, added regardless."""
    paren = r.kennis.nieuwe_paren(a, b)
    if not paren:
        return True
    h = r.kennis.verbind(a, b)
    if h is not None:
        log.append((r.kennis, h))
    if not verplicht:
        for rel in r.geheel_van:
            if not all(_laatste_deel(rel, x, y, log) for x, y in paren):
                return False
    for rel in r.delen_van:
        g = rel.geheel
        volgt: list[tuple[int, int]] = []
        for x, y in paren:
            if g.kennis.samen(x, y):
                if not verplicht and not _laatste_deel(rel, x, y, log):
                    return False
            elif _alle_bekend(rel, x, y):
                volgt.append((x, y))
        for x, y in volgt:
            if g.kennis.samen(x, y):
                continue
            if not verplicht and not g.kennis.toelaatbaar(x, y):
                return False
            if not _voeg_toe(g, x, y, log, verplicht):
                return False
    return True


def probeer(r: Reeks, a: int, b: int, verplicht: bool = False) -> bool:
    """Publish F(b) - F(a) of series r if the rules allow it."""
    if r.kennis.samen(a, b):
        return True
    if not verplicht and not r.kennis.toelaatbaar(a, b):
        return False
    log: list[tuple[Kennis, Herstel]] = []
    if _voeg_toe(r, a, b, log, verplicht) or verplicht:
        return True
    for k, h in reversed(log):
        k.herstel(h)
    return False

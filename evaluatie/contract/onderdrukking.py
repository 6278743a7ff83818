"""Small-cell suppression: no published figure may rest on fewer than 5 persons.

Why: with a handful of inburgeraars per gemeente and supplier, a count of 1-4 (or an average or
percentage over so few) can identify a person. Every count of persons in a report goes through
`personen`; a figure computed over a group goes through `over_groep`. When exactly one part of a
total is suppressed, the total is suppressed too (`totaal`), or it would give the part away.
"""

from __future__ import annotations

from collections.abc import Sequence

MINIMUM = 5
KLEIN = "<5"
AFGELEID = "onderdrukt"


def personen(n: int) -> str | int:
    return n if n >= MINIMUM else KLEIN


def over_groep(groep: int, tekst: str) -> str:
    """A figure (average, share) over `groep` persons: shown only for a group of at least 5."""
    return tekst if groep >= MINIMUM else AFGELEID


def totaal(delen: Sequence[int]) -> str | int:
    som = sum(delen)
    if som < MINIMUM:
        return KLEIN
    if sum(1 for d in delen if d < MINIMUM) == 1:
        return AFGELEID
    return som


def zichtbaar(waarde: str | int) -> bool:
    return isinstance(waarde, int)

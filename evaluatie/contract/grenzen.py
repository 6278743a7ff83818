"""Rule: a published total may not pin a hidden part to one value through the bounds the reports give.

Why: the rules of `totalen` and `verschil` count exact derivations (sums and differences of published figures);
a reader also knows bounds. '<5' is 0 to 4 persons, 'onderdrukt' is 5 or more (a count under 5 would say '<5').
Two cells '<5' under a total of 8 are both 4; a year to date of 8 after '<5' last quarter and '<5' this quarter
is 4 and 4. Such a total tells the small counts as surely as printing them, so it is withheld. A part pinned
to 0 says that nobody was counted there, which names no person, and is allowed.

`vastgepind` is exact for one sum with interval bounds: a part's value is fixed exactly when the other parts'
bounds leave it one value. `evaluatie.contract.openbaar` applies it to every total of a report (a gemeente's
lot total, the region's supplier row, the region's lot total) and to one series over time, over every chain of
periods the reports show (7 for the first quarter, '<5' for the next two, 15 for the year to date), until no total
changes. Not searched: bounds together with the margins of a whole table (`evaluatie.contract.tabel`).
"""

from __future__ import annotations

from collections.abc import Sequence

from evaluatie.contract.onderdrukking import AFGELEID, KLEIN, MINIMUM

Grens = tuple[int, int | None]  # lowest and highest value a reader can give a part (None: no upper bound)
ONBEGRENSD: Grens = (0, None)


def grens_van(cel: int | str | None) -> Grens:
    """What a report's cell tells of its count: the value, 0-4 ('<5'), 5 or more ('onderdrukt'), or nothing."""
    if isinstance(cel, int):
        return (cel, cel)
    if cel == KLEIN:
        return (0, MINIMUM - 1)
    if cel == AFGELEID:
        return (MINIMUM, None)
    return ONBEGRENSD


def vastgepind(totaal: int, delen: Sequence[Grens]) -> bool:
    """True when `totaal` = the sum of `delen` fixes an unknown part (two or more of them) to one value of 1 or
    more. With one unknown part the rule of `totalen` decides (it may be derivable on purpose there)."""
    vrij = [(lo, hi) for lo, hi in delen if lo != hi]
    if len(vrij) < 2:
        return False
    rest = totaal - sum(lo for lo, hi in delen if lo == hi)
    som_lo = sum(lo for lo, _ in vrij)
    open_ = sum(1 for _, hi in vrij if hi is None)
    som_hi = sum(hi for _, hi in vrij if hi is not None)
    for lo, hi in vrij:
        anderen_lo = som_lo - lo
        anderen_open = open_ - (hi is None)
        laag = lo if anderen_open else max(lo, rest - (som_hi - (hi or 0)))
        hoog = rest - anderen_lo if hi is None else min(hi, rest - anderen_lo)
        if laag == hoog and laag > 0:
            return True
    return False

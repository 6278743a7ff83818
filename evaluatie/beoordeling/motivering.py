"""Whether a reviewer's or the panel's toelichting motivates a score at all.

The letters cite the toelichting as the motivation of the score (art. 2.130 Aw 2012: the relevant reasons of the
decision). A cell that only fills the column ('-', '.', 'x', 'nvt', 'idem') passed as motivated: a losing bidder
read 'Beoordelaar A (score 75,00): .' as the reason the winner scored higher. Such a cell is read as no motivation.
So is a cell that only names a step of the scale ('goed'): it repeats the score and gives no reason for it, and a
consensus that only agrees ('akkoord', 'conform voorstel'): the advies quoted that as the panel's motivation.
"""

from __future__ import annotations

import re
from collections.abc import Collection

# what people type to fill a required cell, compared without case, spaces and punctuation
_OPVULLING = frozenset(
    {"x", "xx", "xxx", "nvt", "na", "idem", "ditto", "zieboven", "ziehierboven", "ok", "oke", "tbd", "volgt"}
    | {"idemdito", "akkoord", "conform", "conformvoorstel", "eens", "meeeens", "zievoorstel"}
)


def _letters(tekst: str) -> str:
    return re.sub(r"[\W\d_]", "", tekst).casefold()


def zonder_motivering(tekst: str, labels: Collection[str] = ()) -> bool:
    """True for a toelichting that gives no reason: fewer than two letters, a filler ('nvt', 'idem', 'akkoord'), or
    only one of `labels` (the steps of the lot's scale: 'Goed.', 'goed (75)')."""
    letters = _letters(tekst)
    return len(letters) < 2 or letters in _OPVULLING or _alleen_schaal(tekst, labels)


def _alleen_schaal(tekst: str, labels: Collection[str]) -> bool:
    letters = _letters(tekst)
    return any(letters == _letters(label) for label in labels if _letters(label))


def melding(tekst: str, labels: Collection[str] = ()) -> str:
    waarom = ": zij noemt alleen een stap van de schaal" if _alleen_schaal(tekst, labels) else ""
    return (
        f"toelichting '{tekst}' motiveert de score niet{waarom}; de brief citeert haar als de motivering van de score: "
        "schrijf waarom het plan deze score krijgt"
    )

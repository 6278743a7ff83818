"""Whether a reviewer's or the panel's toelichting motivates a score at all.

The letters cite the toelichting as the motivation of the score (art. 2.130 Aw 2012: the relevant reasons of the
decision). A cell that only fills the column ('-', '.', 'x', 'nvt', 'idem') passed as motivated: a losing bidder
read 'Beoordelaar A (score 75,00): .' as the reason the winner scored higher. Such a cell is read as no motivation.
"""

from __future__ import annotations

import re

# what people type to fill a required cell, compared without case, spaces and punctuation
_OPVULLING = frozenset(
    {"x", "xx", "xxx", "nvt", "na", "idem", "ditto", "zieboven", "ziehierboven", "ok", "oke", "tbd", "volgt"}
)


def zonder_motivering(tekst: str) -> bool:
    """True for a toelichting that gives no reason: fewer than two letters, or a filler ('nvt', 'idem', 'x')."""
    letters = re.sub(r"[\W\d_]", "", tekst)
    return len(letters) < 2 or letters.casefold() in _OPVULLING


def melding(tekst: str) -> str:
    return (
        f"toelichting '{tekst}' motiveert de score niet; de brief citeert haar als de motivering van de score: schrijf "
        "waarom het plan deze score krijgt"
    )

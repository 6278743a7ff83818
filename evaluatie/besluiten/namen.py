"""Bidder names typed in a decision command: matched case-insensitively, a typo gets suggestions."""

from __future__ import annotations

import difflib
from collections.abc import Sequence


def zoek_inschrijver(naam: str, namen: Sequence[str], veld: str = "inschrijver") -> str:
    """The bidder's name as in its bid; ValueError (a usage error) naming the closest names otherwise."""
    gevonden = [n for n in namen if n.casefold() == " ".join(naam.split()).casefold()]
    if len(gevonden) == 1:
        return gevonden[0]
    sleutels = {n.casefold(): n for n in namen}
    dichtbij = [sleutels[k] for k in difflib.get_close_matches(naam.casefold(), list(sleutels), n=3, cutoff=0.6)]
    hint = f"; bedoelt u {' of '.join(repr(d) for d in dichtbij)}?" if dichtbij else f"; bekend: {', '.join(namen)}"
    raise ValueError(f"{veld}: '{naam}' is geen inschrijver in deze aanbesteding{hint}")

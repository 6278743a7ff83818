"""Counting placements: one definition of 'placed with a supplier in a contract year' for every view.

A placement counts for the lot and supplier it was registered with (event 'aangemeld'), in the contract
year of its registration date, from that date on. A later route switch (afschaling) is reported per
supplier but does not move the placement: the allocation is about who received the inburgeraar. (The outcomes
after such a switch do move: evaluatie.contract.stand counts them for the supplier of the new route.)
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from evaluatie.contract.lezen import Register


def geplaatst(reg: Register, begin: dt.date, tot_en_met: dt.date) -> Counter[tuple[str, str, str]]:
    """(gemeente, perceel, leverancier) -> placements registered in [begin, tot_en_met]."""
    uit: Counter[tuple[str, str, str]] = Counter()
    for p in reg.plaatsingen:
        if p.aangemeld is not None and begin <= p.aangemeld <= tot_en_met and p.perceel and p.leverancier:
            uit[(p.gemeente, p.perceel, p.leverancier)] += 1
    return uit

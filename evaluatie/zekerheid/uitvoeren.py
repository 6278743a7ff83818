"""All robustness analyses for the chosen lots of an award."""

from __future__ import annotations

from evaluatie.verdeling.oplosser import STANDAARD
from evaluatie.zekerheid.marge import capaciteitsmarges, marges
from evaluatie.zekerheid.model import Zekerheid
from evaluatie.zekerheid.storing import storing
from evaluatie.zekerheid.weglaten import panelen_zonder, weglatingen


def zekerheid(award, oplosser: str = STANDAARD, trekkingen: int = 10_000) -> dict[str, Zekerheid]:
    uit = {}
    panelen = panelen_zonder(award)
    for code, p in award.uitslag.percelen.items():
        uit[code] = Zekerheid(
            perceel=code,
            winnaar=p.winnaars()[0] if p.rangorde else None,
            weglatingen=tuple(weglatingen(award, code, oplosser, panelen)),
            storing=storing(award, code, trekkingen),
            marges=tuple(marges(award, code)),
            capaciteit=tuple(capaciteitsmarges(award, code, oplosser)),
        )
    return uit

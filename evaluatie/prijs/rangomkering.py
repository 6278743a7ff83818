"""Rank reversal: does the order of the other bids change when one bid drops out or comes in?

Under `relatief` and `lineair` every price score depends on the lowest valid price. So when
the lowest bid drops out (withdrawn, or excluded after all), or an excluded bid with a lower
price were admitted, the price scores of all others move, and two of them may swap places
although nothing about their own bids changed. This module answers that question exactly, by
ranking again without (or with) that bid and comparing the order of the others.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from evaluatie.definitie.model import Perceel
from evaluatie.prijs.basis import Kandidaat
from evaluatie.prijs.rangorde import rangschik

GEVOELIGE_METHODEN = ("relatief", "lineair")


class Rangomkering(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    scenario: str  # 'zonder' (the lowest valid bid drops out) or 'met' (an excluded bid admitted)
    inschrijver: str  # the bid that drops out or comes in
    prijs: float
    volgorde_voor: tuple[str, ...]  # the others, in their current order
    volgorde_na: tuple[str, ...]  # the others, in the new order
    gewisseld: tuple[tuple[str, str], ...]  # pairs (a, b): a was above b and now is below

    @property
    def verandert(self) -> bool:
        return bool(self.gewisseld)


def _volgorde(perceel: Perceel, kandidaten: Sequence[Kandidaat]) -> list[str]:
    return [r.inschrijver for r in rangschik(perceel, kandidaten)]


def _wissels(voor: list[str], na: list[str]) -> tuple[tuple[str, str], ...]:
    positie = {n: i for i, n in enumerate(na)}
    return tuple((a, b) for i, a in enumerate(voor) for b in voor[i + 1 :] if positie[a] > positie[b])


def rangomkeringen(
    perceel: Perceel, kandidaten: Sequence[Kandidaat], uitgesloten: Sequence[Kandidaat] = ()
) -> list[Rangomkering]:
    """The lowest valid bid leaving, and each excluded bid below the lowest price coming in."""
    if perceel.prijsmethode not in GEVOELIGE_METHODEN or len(kandidaten) < 2:
        return []
    uit = []
    volgorde = _volgorde(perceel, kandidaten)
    laagste = min(kandidaten, key=lambda k: (k.prijs, volgorde.index(k.inschrijver)))
    if len(kandidaten) >= 3:  # with two bids, one leaving leaves nothing to order
        anderen = [k for k in kandidaten if k is not laagste]
        voor = [n for n in volgorde if n != laagste.inschrijver]
        na = _volgorde(perceel, anderen)
        uit.append(
            Rangomkering(
                scenario="zonder",
                inschrijver=laagste.inschrijver,
                prijs=laagste.prijs,
                volgorde_voor=tuple(voor),
                volgorde_na=tuple(na),
                gewisseld=_wissels(voor, na),
            )
        )
    for x in sorted(uitgesloten, key=lambda k: (k.prijs, k.inschrijver)):
        if x.prijs >= laagste.prijs or x.prijs <= 0:
            continue  # a higher price moves no other score; a zero price is no bid
        na = [n for n in _volgorde(perceel, [*kandidaten, x]) if n != x.inschrijver]
        uit.append(
            Rangomkering(
                scenario="met",
                inschrijver=x.inschrijver,
                prijs=x.prijs,
                volgorde_voor=tuple(volgorde),
                volgorde_na=tuple(na),
                gewisseld=_wissels(volgorde, na),
            )
        )
    return uit


def zin(r: Rangomkering) -> str:
    """One sentence in Dutch for the (internal) certainty report and the terminal."""
    from evaluatie.tekst import euro

    if r.scenario == "zonder":
        kop = f"Valt de inschrijving met de laagste geldige prijs weg ({r.inschrijver}, {euro(r.prijs)})"
    else:
        kop = f"Was de uitgesloten inschrijving van {r.inschrijver} ({euro(r.prijs)}) toch toegelaten"
    if not r.verandert:
        return f"{kop}, dan blijft de volgorde van de andere inschrijvers gelijk."
    paren = "; ".join(f"{b} komt dan vóór {a}" for a, b in r.gewisseld)
    return (
        f"{kop}, dan verandert de volgorde van de andere inschrijvers zonder dat hun eigen inschrijving "
        f"verandert (rangomkering): {paren}. Nieuwe volgorde: {', '.join(r.volgorde_na)}."
    )

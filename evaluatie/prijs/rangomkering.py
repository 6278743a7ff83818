"""Rank reversal: does the order of the other bids change when one bid drops out or comes in?

Under `relatief` and `lineair` every price score depends on the lowest valid price. So when
the lowest bid drops out (withdrawn, or excluded after all), or an excluded bid with a lower
price were admitted, the price scores of all others move, and two of them may swap places
although nothing about their own bids changed. This module answers that question exactly, by
ranking again without (or with) that bid and comparing the order of the others.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from evaluatie.definitie.model import Perceel
from evaluatie.prijs.basis import Kandidaat
from evaluatie.prijs.rangorde import rangschik

GEVOELIGE_METHODEN = ("relatief", "lineair")


class Rangomkering(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    scenario: str  # 'zonder' (the lowest valid bid drops out) or 'met' (a bid that did not count comes in)
    inschrijver: str  # the bid that drops out or comes in
    prijs: float
    volgorde_voor: tuple[str, ...]  # the others, in their current order
    volgorde_na: tuple[str, ...]  # the others, in the new order
    gewisseld: tuple[tuple[str, str], ...]  # pairs (a, b): a was above b and now is below
    # pairs (a, b): a was above b and now they share a rank, a tie that the tie-break rules or a draw decide (the
    # order they are listed in within a shared rank is alphabetical and decides nothing: it is no reversal)
    gelijk: tuple[tuple[str, str], ...] = ()
    rangen_na: tuple[int, ...] = ()  # the rank of each of volgorde_na (equal ranks: a tie); () for all different
    # 'zonder': the other valid bids with the same lowest price. One of them leaving leaves the lowest price and so
    # every score as it is; the scenario is then all of them leaving (`inschrijver` and these), the lowest price moving.
    ook: tuple[str, ...] = ()
    # 'met': why the bid did not count, in the award's own words (toets.status): 'uitgesloten' (an exclusion ground,
    # art. 2.86/2.87 Aw 2012), 'ongeldig' (a requirement not met), 'abnormaal laag' (art. 2.116) or 'aangehouden' (a
    # declared ground not yet weighed), and the reasons
    status: str | None = None
    redenen: tuple[str, ...] = ()

    @property
    def verandert(self) -> bool:
        return bool(self.gewisseld or self.gelijk)


@dataclass(frozen=True)
class Afgevallen:
    """A bid that did not count in the ranking, with the award's status (toets.status: 'ongeldig', 'uitgesloten',
    'abnormaal laag', 'aangehouden') and reasons."""

    kandidaat: Kandidaat
    status: str
    redenen: tuple[str, ...] = ()


def _rangen(perceel: Perceel, kandidaten: Sequence[Kandidaat], lotingen: Sequence = ()) -> dict[str, int]:
    """Each bid's rank, in ranking order (bids of a shared rank alphabetically, which decides nothing), with the
    lot's recorded draws (gunning.loting.Loting): a draw applies only while exactly its bids tie."""
    return {r.inschrijver: r.rang for r in rangschik(perceel, kandidaten, lotingen)}


def _wissels(
    voor: Mapping[str, int], na: Mapping[str, int]
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """Pairs of the bids in `voor` (name -> rank, in order) that swap, and pairs that come to share a rank: a tie is
    no reversal, whatever order the names of a shared rank are listed in."""
    namen = list(voor)
    paren = [(a, b) for i, a in enumerate(namen) for b in namen[i + 1 :] if voor[a] < voor[b]]
    return (
        tuple((a, b) for a, b in paren if na[a] > na[b]),
        tuple((a, b) for a, b in paren if na[a] == na[b]),
    )


def _na(
    perceel: Perceel, kandidaten: Sequence[Kandidaat], lotingen: Sequence, zonder: Sequence[str] = ()
) -> dict[str, int]:
    return {n: r for n, r in _rangen(perceel, kandidaten, lotingen).items() if n not in zonder}


def rangomkeringen(
    perceel: Perceel, kandidaten: Sequence[Kandidaat], afgevallen: Sequence[Afgevallen] = (), lotingen: Sequence = ()
) -> list[Rangomkering]:
    """The lowest valid bid leaving (all of them when several share the lowest price: one of them leaving moves
    nothing), and each bid that did not count, below the lowest price, coming in. `lotingen`: the lot's recorded
    draws, so the order before is the award's (without them a drawn tie was a shared rank, and its reversal went
    unreported)."""
    if perceel.prijsmethode not in GEVOELIGE_METHODEN or len(kandidaten) < 2:
        return []
    uit = []
    rangen = _rangen(perceel, kandidaten, lotingen)
    volgorde = list(rangen)
    laagste = min(kandidaten, key=lambda k: (k.prijs, volgorde.index(k.inschrijver)))
    # the same lowest price as the prices are compared: whole cents (a bid price is whole cents)
    weg = [
        n
        for n in volgorde
        if any(k.inschrijver == n and round(k.prijs * 100) == round(laagste.prijs * 100) for k in kandidaten)
    ]
    if len(kandidaten) >= 3:  # with two bids, one leaving leaves nothing to order
        anderen = [k for k in kandidaten if k.inschrijver not in weg]
        voor = {n: r for n, r in rangen.items() if n not in weg}
        na = _na(perceel, anderen, lotingen) if len(anderen) >= 2 else dict(voor)
        gewisseld, gelijk = _wissels(voor, na)
        uit.append(
            Rangomkering(
                scenario="zonder",
                inschrijver=weg[0],
                prijs=laagste.prijs,
                volgorde_voor=tuple(voor),
                volgorde_na=tuple(na),
                gewisseld=gewisseld,
                gelijk=gelijk,
                rangen_na=tuple(na.values()),
                ook=tuple(weg[1:]),
            )
        )
    for a in sorted(afgevallen, key=lambda a: (a.kandidaat.prijs, a.kandidaat.inschrijver)):
        x = a.kandidaat
        if x.prijs >= laagste.prijs or x.prijs <= 0:
            continue  # a higher price moves no other score; a zero price is no bid
        na = _na(perceel, [*kandidaten, x], lotingen, zonder=[x.inschrijver])
        gewisseld, gelijk = _wissels(rangen, na)
        uit.append(
            Rangomkering(
                scenario="met",
                inschrijver=x.inschrijver,
                prijs=x.prijs,
                volgorde_voor=tuple(volgorde),
                volgorde_na=tuple(na),
                gewisseld=gewisseld,
                gelijk=gelijk,
                rangen_na=tuple(na.values()),
                status=a.status,
                redenen=a.redenen,
            )
        )
    return uit


def _prijs_en_reden(r: Rangomkering) -> str:
    from evaluatie.tekst import euro

    return euro(r.prijs) + (f"; reden: {'; '.join(r.redenen)}" if r.redenen else "")


def _namen(namen: Sequence[str]) -> str:
    return namen[0] if len(namen) == 1 else f"{', '.join(namen[:-1])} en {namen[-1]}"


def zin(r: Rangomkering) -> str:
    """One sentence in Dutch for the (internal) certainty report and the terminal."""
    from evaluatie.tekst import euro

    gelijk = ""
    if r.scenario == "zonder" and r.ook:
        namen = _namen([r.inschrijver, *r.ook])
        gelijk = (
            f"De laagste geldige prijs ({euro(r.prijs)}) is geboden door {namen}: valt één van hen weg, dan blijft de "
            "laagste prijs gelijk en daarmee de volgorde van de andere inschrijvers. "
        )
        if len(r.volgorde_voor) < 2:  # nothing left to order when they all leave
            return gelijk.rstrip()
        kop = f"Vallen zij {'allebei' if len(r.ook) == 1 else 'allemaal'} weg"
    elif r.scenario == "zonder":
        kop = f"Valt de inschrijving met de laagste geldige prijs weg ({r.inschrijver}, {euro(r.prijs)})"
    elif r.status == "uitgesloten":
        kop = f"Was de uitgesloten inschrijving van {r.inschrijver} ({_prijs_en_reden(r)}) toch toegelaten"
    elif r.status == "ongeldig":
        kop = f"Was de ongeldige inschrijving van {r.inschrijver} ({_prijs_en_reden(r)}) toch geldig geweest"
    elif r.status == "abnormaal laag":
        kop = (
            f"Was de als abnormaal laag afgewezen inschrijving van {r.inschrijver} ({_prijs_en_reden(r)}) toch aanvaard"
        )
    elif r.status == "aangehouden":
        kop = (
            f"Doet de aangehouden inschrijving van {r.inschrijver} ({_prijs_en_reden(r)}; de verklaarde "
            "uitsluitingsgrond is nog niet gewogen) na de weging toch mee"
        )
    else:  # never said in the wrong legal word: a status this text does not know is an error
        raise ValueError(f"rangomkering: onbekende status {r.status!r} van de inschrijving van {r.inschrijver}")
    if not r.verandert:
        return f"{gelijk}{kop}, dan blijft de volgorde van de andere inschrijvers gelijk."
    paren = [f"{b} komt dan vóór {a}" for a, b in r.gewisseld]
    if r.gelijk:
        paren.append(
            "; ".join(f"{a} en {b} staan dan gelijk" for a, b in r.gelijk)
            + " (de beslisregels bij gelijke stand of een loting beslissen)"
        )
    return (
        f"{gelijk}{kop}, dan verandert de volgorde van de andere inschrijvers zonder dat hun eigen inschrijving "
        f"verandert (rangomkering): {'; '.join(paren)}. Nieuwe volgorde: {_nieuwe_volgorde(r)}."
    )


def _nieuwe_volgorde(r: Rangomkering) -> str:
    """'B, C' or, for bids sharing a rank, 'Alfa en Zeta gelijk, C': a shared rank is no order."""
    if not r.rangen_na:
        return ", ".join(r.volgorde_na)
    groepen: dict[int, list[str]] = {}
    for naam, rang in zip(r.volgorde_na, r.rangen_na, strict=True):
        groepen.setdefault(rang, []).append(naam)
    return ", ".join(g[0] if len(g) == 1 else f"{_namen(g)} gelijk" for g in groepen.values())

"""Deterministic ranking of the admitted bids of one lot.

Order: by total (direction per price method). Totals are compared after rounding to
6 decimals, so float noise never splits or joins a tie. An exact tie is resolved only by
the tender's `bij_gelijke_stand` rules, in order; bids still tied share the rank and are
marked `gelijke_stand` (a draw, loting, is needed). Within a shared rank the display order
is alphabetical, which decides nothing. A recorded draw (loting.yaml) for exactly the tied
bidders orders them as drawn: they get consecutive ranks, `beslist_door` 'loting'.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from evaluatie.definitie.model import Perceel
from evaluatie.prijs.basis import Kandidaat, methode

_BESLISREGELS = {
    "hoogste_kwaliteit": lambda k: -round(k.kwaliteit, 6),
    "laagste_prijs": lambda k: round(k.prijs, 6),
    "hoogste_capaciteit": lambda k: -k.capaciteit,
    "kortste_wachttijd": lambda k: k.wachttijd_weken,
}


class Rangregel(BaseModel):
    model_config = ConfigDict(frozen=True)

    inschrijver: str
    kwaliteit: float
    prijs: float
    prijsscore: float
    totaal: float
    rang: int
    gelijke_stand: bool
    beslist_door: str | None  # the tie-break rule that separated this bid from an equal total
    gunningswaarde: float
    berekening: str
    loting: str | None = None  # 'op 20 juni 2021 door loting bepaald, in aanwezigheid van ...'


def rangschik(perceel: Perceel, kandidaten: Sequence[Kandidaat], lotingen: Sequence = ()) -> list[Rangregel]:
    """Rank the bids; `lotingen` are recorded draws (gunning.loting.Loting) for this lot."""
    regels = _rangschik(perceel, kandidaten)
    for loting in lotingen:
        regels = _pas_loting_toe(regels, loting)
    return regels


def _pas_loting_toe(regels: list[Rangregel], loting) -> list[Rangregel]:
    """Order the tied group whose names are exactly the draw's as drawn; other draws change nothing."""
    groep = [r for r in regels if r.gelijke_stand and r.inschrijver in loting.volgorde]
    if not groep or {r.inschrijver for r in groep} != set(loting.volgorde) or len({r.rang for r in groep}) != 1:
        return regels
    eerste = groep[0].rang
    per_naam = {r.inschrijver: r for r in groep}
    getrokken = [
        per_naam[n].model_copy(
            update={
                "rang": eerste + i,
                "gelijke_stand": False,
                "beslist_door": "loting",
                "loting": loting.beschrijving(),
            }
        )
        for i, n in enumerate(loting.volgorde)
    ]
    start = regels.index(groep[0])
    return regels[:start] + getrokken + regels[start + len(groep) :]


def onbesliste_groepen(regels: Sequence[Rangregel]) -> list[list[str]]:
    """Names per shared rank still needing a draw, in ranking order."""
    uit: dict[int, list[str]] = {}
    for r in regels:
        if r.gelijke_stand:
            uit.setdefault(r.rang, []).append(r.inschrijver)
    return list(uit.values())


def _rangschik(perceel: Perceel, kandidaten: Sequence[Kandidaat]) -> list[Rangregel]:
    if not kandidaten:
        return []
    m = methode(perceel.prijsmethode)
    uitkomst = m.bereken(perceel, list(kandidaten))
    richting = -1 if m.hoger_is_beter else 1

    def sleutel_totaal(k: Kandidaat) -> float:
        return richting * round(uitkomst[k.inschrijver].totaal, 6)

    def sleutel_beslis(k: Kandidaat) -> tuple:
        return tuple(_BESLISREGELS[r](k) for r in perceel.bij_gelijke_stand)

    volgorde = sorted(kandidaten, key=lambda k: (sleutel_totaal(k), sleutel_beslis(k), k.inschrijver.lower()))
    regels: list[Rangregel] = []
    rang = 0
    for i, k in enumerate(volgorde):
        vorige = volgorde[i - 1] if i else None
        gelijk_totaal = vorige is not None and sleutel_totaal(vorige) == sleutel_totaal(k)
        volledig_gelijk = vorige is not None and gelijk_totaal and sleutel_beslis(vorige) == sleutel_beslis(k)
        if not volledig_gelijk:
            rang = i + 1
        beslist = None
        if gelijk_totaal and not volledig_gelijk:
            beslist = next(r for r in perceel.bij_gelijke_stand if _BESLISREGELS[r](vorige) != _BESLISREGELS[r](k))
        u = uitkomst[k.inschrijver]
        regels.append(
            Rangregel(
                inschrijver=k.inschrijver,
                kwaliteit=k.kwaliteit,
                prijs=k.prijs,
                prijsscore=u.prijsscore,
                totaal=u.totaal,
                rang=rang,
                gelijke_stand=False,
                beslist_door=beslist,
                gunningswaarde=u.gunningswaarde,
                berekening=u.berekening,
            )
        )
    gedeeld = {r.rang for r in regels if sum(1 for x in regels if x.rang == r.rang) > 1}
    return [r.model_copy(update={"gelijke_stand": r.rang in gedeeld}) for r in regels]

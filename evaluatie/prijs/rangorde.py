"""Deterministic ranking of the admitted bids of one lot.

Order: by total (direction per price method). Totals are compared in the one precision of
`evaluatie.prijs.precisie` (4 decimals, rounded once), the same the allocation uses, so float
noise never splits or joins a tie and the allocation sees a tie exactly when the ranking does.
An exact tie is resolved only by the tender's `bij_gelijke_stand` rules, in order; bids still
tied share the rank and are marked `gelijke_stand` (a draw, loting, is needed). Within a shared
rank the display order is alphabetical, which decides nothing. A recorded draw (loting.yaml) for exactly the tied
bidders orders them as drawn: they get consecutive ranks, `beslist_door` 'loting'.
"""

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from evaluatie.definitie.model import Perceel
from evaluatie.prijs.basis import Kandidaat, methode
from evaluatie.prijs.precisie import afgerond, punten

_BESLISREGELS = {
    "hoogste_kwaliteit": lambda k: -punten(k.kwaliteit),
    "laagste_prijs": lambda k: punten(k.prijs),
    "hoogste_capaciteit": lambda k: -k.capaciteit,
    "kortste_wachttijd": lambda k: k.wachttijd_weken,
}


# Each tie-break rule in a few words, for sentences that say why one of two equal totals goes first.
BESLISREGEL_KORT = {
    "hoogste_kwaliteit": "de hoogste kwaliteitsscore",
    "laagste_prijs": "de laagste prijs",
    "hoogste_capaciteit": "de hoogste capaciteit",
    "kortste_wachttijd": "de kortste wachttijd",
}


def scheidende_regel(perceel: Perceel, a: Kandidaat, b: Kandidaat) -> str | None:
    """The first of the lot's tie-break rules on which two bids of equal total differ (the rule that ordered them,
    as `_rangschik` applies them), or None: then only a draw orders them."""
    return next((r for r in perceel.bij_gelijke_stand if _BESLISREGELS[r](a) != _BESLISREGELS[r](b)), None)


def beslissleutel(perceel: Perceel, k: Kandidaat) -> tuple[tuple[str, float], ...]:
    """The bid's value under each of the lot's tie-break rules, in order: what the allocation's explanation compares
    to name the rule that placed one bid of an equal total before another (as `scheidende_regel` does)."""
    return tuple((r, float(_BESLISREGELS[r](k))) for r in perceel.bij_gelijke_stand)


def zonder_werking_zin(perceel: Perceel) -> str | None:
    """The sentence for the lot's tie-break rules that cannot decide under its price method ('De beslisregel bij
    gelijke stand (de hoogste kwaliteitsscore) beslist bij een vaste prijs nooit: ...', the rules in brackets as the
    letter on a draw names them), or None: a text that lists the rules leaves them out (`werkzame_beslisregels`) and
    says why, so a rule of the tender never reads as deciding when it cannot."""
    m = methode(perceel.prijsmethode)
    zonder = [BESLISREGEL_KORT.get(r, r) for r in perceel.bij_gelijke_stand if r in m.zonder_werking_in(perceel)]
    if not zonder:
        return None
    if len(zonder) == 1:
        return f"De beslisregel bij gelijke stand ({zonder[0]}) beslist {m.zonder_werking_reden_in(perceel)}."
    return (
        f"De beslisregels bij gelijke stand ({', '.join(zonder[:-1])} en {zonder[-1]}) beslissen "
        f"{m.zonder_werking_reden_in(perceel)}."
    )


def voorrang_tekst(beslist_door: str | None) -> str:
    """'door de beslisregel bij gelijke stand (de hoogste kwaliteitsscore)', 'door loting', or ''."""
    if beslist_door is None:
        return ""
    if beslist_door == "loting":
        return "door loting"
    return f"door de beslisregel bij gelijke stand ({BESLISREGEL_KORT.get(beslist_door, beslist_door)})"


class Rangregel(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

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
    loting_id: str | None = None  # which draw ordered this bid (L1): a draw applied is known exactly, never guessed


def rangschik(perceel: Perceel, kandidaten: Sequence[Kandidaat], lotingen: Sequence = ()) -> list[Rangregel]:
    """Rank the bids; `lotingen` are recorded draws (gunning.loting.Loting) for this lot."""
    regels = _rangschik(perceel, kandidaten)
    for loting in lotingen:
        regels = _pas_loting_toe(regels, loting)
    return regels


def _pas_loting_toe(regels: list[Rangregel], loting) -> list[Rangregel]:
    """Order the tied group whose names are exactly the draw's as drawn; other draws change nothing."""
    eerste_rij = next((r for r in regels if r.gelijke_stand and r.inschrijver in loting.volgorde), None)
    if eerste_rij is None:
        return regels
    # the whole tied group at that rank: a draw between two never orders a tie that now has three
    groep = [r for r in regels if r.gelijke_stand and r.rang == eerste_rij.rang]
    if {r.inschrijver for r in groep} != set(loting.volgorde):
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
                "loting_id": loting.id,
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
        return richting * punten(uitkomst[k.inschrijver].totaal)

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
        volgende = volgorde[i + 1] if i + 1 < len(volgorde) else None
        # The rule that separated this bid from an equal total: from the bid before it, or, for the
        # winner of the tie, from the bid after it (both letters say which rule decided).
        beslist = None
        for buur in (vorige, volgende):
            if buur is None or sleutel_totaal(buur) != sleutel_totaal(k) or sleutel_beslis(buur) == sleutel_beslis(k):
                continue
            beslist = next(r for r in perceel.bij_gelijke_stand if _BESLISREGELS[r](buur) != _BESLISREGELS[r](k))
            break
        u = uitkomst[k.inschrijver]
        regels.append(
            Rangregel(
                inschrijver=k.inschrijver,
                kwaliteit=k.kwaliteit,
                prijs=k.prijs,
                # the compared values (4 decimals), from which every text shows its 2: two totals the ranking ties
                # never read 82,89 and 82,88 (82,885006 and 82,884967 are both 82,8850)
                prijsscore=afgerond(u.prijsscore),
                totaal=afgerond(u.totaal),
                rang=rang,
                gelijke_stand=False,
                beslist_door=beslist,
                gunningswaarde=afgerond(u.gunningswaarde),
                berekening=u.berekening,
            )
        )
    gedeeld = {r.rang for r in regels if sum(1 for x in regels if x.rang == r.rang) > 1}
    return [r.model_copy(update={"gelijke_stand": r.rang in gedeeld}) for r in regels]

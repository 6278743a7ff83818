"""Margin to win (closed form per price method) and the capacity that would change a share."""

from __future__ import annotations

import dataclasses
import math

from evaluatie.definitie.model import Perceel
from evaluatie.fouten import EvaluatieFout
from evaluatie.prijs.basis import Kandidaat, Prijsmethode, methode
from evaluatie.prijs.precisie import punten
from evaluatie.zekerheid.model import Capaciteitsmarge, Marge


def marges(award, code: str) -> list[Marge]:
    p = award.uitslag.percelen[code]
    perceel = award.invoer.aanbesteding.percelen[code]
    per_naam = {i.naam: i for i in award.invoer.inschrijvingen}
    kandidaten = [
        Kandidaat(
            r.inschrijver,
            r.prijs,
            r.kwaliteit,
            per_naam[r.inschrijver].aanbod[code].capaciteit,
            per_naam[r.inschrijver].aanbod[code].wachttijd_weken,
        )
        for r in p.rangorde
    ]
    m = methode(perceel.prijsmethode)
    _onthoud_bereken(m)
    eerste = punten(p.rangorde[0].totaal) if p.rangorde else None
    return [
        Marge(
            inschrijver=r.inschrijver,
            rang=r.rang,
            kwaliteit=in_stappen(m, perceel, kandidaten, r.inschrijver, "kwaliteit"),
            prijs=in_stappen(m, perceel, kandidaten, r.inschrijver, "prijs"),
            # level with the first: a draw or a tie-break rule, not a margin, put it behind
            gelijk_door=r.beslist_door if punten(r.totaal) == eerste else None,
            **(_voorbij(m, perceel, kandidaten, r.inschrijver) if punten(r.totaal) == eerste else {}),
        )
        for r in p.rangorde
        if r.rang > 1
    ]


def _voorbij(m: Prijsmethode, perceel: Perceel, kandidaten: list[Kandidaat], naam: str) -> dict[str, float | None]:
    """A bid level with the first: the steps that put it first alone, by quality and by price (None where that route
    does not count, as for its margin, or does not get there)."""
    uit: dict[str, float | None] = {}
    for wat, marge in (("kwaliteit", m.marge_kwaliteit), ("prijs", m.marge_prijs)):
        uit[f"voorbij_{wat}"] = (
            None if marge(perceel, kandidaten, naam) is None else voorbij_in_stappen(m, perceel, kandidaten, naam, wat)
        )
    return uit


# the unit a margin is said in (one decimal of a quality point, one cent) and how a step changes the bid
_STAP = {"kwaliteit": 10, "prijs": 100}  # steps per point / per euro


def _gewijzigd(k: Kandidaat, wat: str, stappen: int) -> Kandidaat:
    if wat == "kwaliteit":
        return dataclasses.replace(k, kwaliteit=min(100.0, k.kwaliteit + stappen / _STAP[wat]))
    # a bid price is whole cents (the intake refuses fractions): the lower price is the cents amount itself, as a bid
    # of that price would be read, not the float difference (5000 - 3196.71 is not the double nearest 1803.29)
    return dataclasses.replace(k, prijs=(round(k.prijs * _STAP[wat]) - stappen) / _STAP[wat])


def _haalt(m: Prijsmethode, perceel: Perceel, kandidaten: list[Kandidaat], naam: str, strikt: bool = False) -> bool:
    """Level with or ahead of every other bid (`strikt`: ahead of every other), in `punten`: the one representation
    the ranking compares."""
    uit = m.totalen(perceel, kandidaten)
    teken = 1 if m.hoger_is_beter else -1
    eigen = teken * punten(uit[naam])
    if strikt:
        return all(eigen > teken * punten(t) for n, t in uit.items() if n != naam)
    return all(eigen >= teken * punten(t) for n, t in uit.items() if n != naam)


def voorbij_in_stappen(
    m: Prijsmethode, perceel: Perceel, kandidaten: list[Kandidaat], naam: str, wat: str
) -> float | None:
    """For a bid level with the first (a tie-break rule or a draw put it behind): the smallest number of whole steps
    (0,1 quality point; one cent) with which it ranks first alone, by the comparison of the ranking; None when no
    quality up to 100, or no price above zero, does that.

    'Any higher quality or lower price would have put it first' is not true at 4 decimals: under relatief a cent
    moves a total by about 10^-5, so one cent less can leave the totals level (8.509,99 instead of 8.510,00 in the
    example's B1 still ties). Searched as in_stappen: 1, 2, 4, ... steps up to the end of the scale or a price of one
    cent, then halving the gap (a bid only gains by more quality or a lower price)."""
    i = next(j for j, k in enumerate(kandidaten) if k.inschrijver == naam)
    eigen = kandidaten[i]
    if wat == "kwaliteit":
        meeste = math.ceil(round((100 - eigen.kwaliteit) * _STAP[wat], 6))  # up to the end of the scale
    else:
        meeste = round(eigen.prijs * _STAP[wat]) - 1  # down to a price of one cent

    def voorbij(stappen: int) -> bool:
        gewijzigd = [*kandidaten[:i], _gewijzigd(eigen, wat, stappen), *kandidaten[i + 1 :]]
        return _haalt(m, perceel, gewijzigd, naam, strikt=True)

    if meeste < 1:
        return None
    laag, hoog = 0, 1
    while not voorbij(hoog):
        if hoog >= meeste:
            return None
        laag, hoog = hoog, min(2 * hoog, meeste)
    while hoog - laag > 1:
        midden = (laag + hoog) // 2
        laag, hoog = (laag, midden) if voorbij(midden) else (midden, hoog)
    return hoog / _STAP[wat]


def in_stappen(m: Prijsmethode, perceel: Perceel, kandidaten: list[Kandidaat], naam: str, wat: str) -> float | None:
    """The margin as the sentence says it: the smallest number of whole steps (0,1 quality point; one cent)
    with which the bid draws level with the first or passes it, checked by ranking the changed bids again.

    The closed forms of the price methods give the exact real margin; said with one decimal or in cents and
    rounded to the nearest, it could be a little less than needed (17,73 points said as 17,7: with 17,7 more
    the bid is still behind), and their float noise (1410.000046) is not a figure for gunning.json. The ranking
    compares totals at 4 decimals (prijs.precisie), so a few cents less than the closed form can already draw
    level (under relatief a cent moves a total by about 10^-5): the step count is searched below the closed form
    until one step less does not reach the first, by the same comparison as the ranking (a bid only gains by
    more quality or a lower price, so reaching is monotone in the steps)."""
    exact = (
        m.marge_kwaliteit(perceel, kandidaten, naam) if wat == "kwaliteit" else m.marge_prijs(perceel, kandidaten, naam)
    )
    if exact is None or exact == 0:
        return exact
    i = next(j for j, k in enumerate(kandidaten) if k.inschrijver == naam)
    eigen = kandidaten[i]

    def haalt(stappen: int) -> bool:
        return _haalt(m, perceel, [*kandidaten[:i], _gewijzigd(eigen, wat, stappen), *kandidaten[i + 1 :]], naam)

    hoog = math.ceil(exact * _STAP[wat])
    for _ in range(3):  # the closed form is exact up to float noise: it reaches at once, or a step later at most
        if haalt(hoog):
            break
        hoog += 1
    else:
        raise EvaluatieFout(
            [
                f"marge tot winnen van {naam} ({wat}): de formule van {m.naam} geeft {exact}, maar de inschrijving "
                "met die wijziging haalt de eerste niet bij opnieuw rangschikken; meld dit als fout in evaluatie"
            ]
        )
    laag, sprong = hoog, 1  # find a step count that does not reach: 1, 2, 4, ... below, then halve the gap
    while laag > 0:
        laag = max(0, hoog - sprong)
        if not haalt(laag):
            break
        hoog, sprong = laag, 2 * sprong
    else:
        return 0.0  # level at 4 decimals already (the ranking then names the tie-break rule)
    while hoog - laag > 1:
        midden = (laag + hoog) // 2
        laag, hoog = (laag, midden) if haalt(midden) else (midden, hoog)
    waarde = hoog / _STAP[wat]
    if wat == "kwaliteit" and eigen.kwaliteit + waarde > 100:
        # the scale ends at 100: the most there is, in whole tenths rounded up as the sentence says (100 - 66,67 is
        # 33,4, not 33.33333333333333, which the sentence said as '33,3' and 66,67 + 33,3 does not reach the first)
        return min(waarde, math.ceil(round((100 - eigen.kwaliteit) * _STAP[wat], 6)) / _STAP[wat])
    return waarde


def _onthoud_bereken(m: Prijsmethode) -> None:
    """Let this instance compute the price stage once per input. Both margins of every bid call
    `bereken` on the same lot's bids (a national lot: 100 bids, 200 times over the same 100, each
    with its texts); it is a pure function of (lot, bids), so the first answer is every answer.
    A copy of the dict goes out, so no caller can change another's."""
    eerder: dict[tuple[int, tuple[Kandidaat, ...]], tuple[object, dict]] = {}
    bereken = m.bereken

    def onthouden(perceel, kandidaten):  # type: ignore[no-untyped-def]
        sleutel = (id(perceel), tuple(kandidaten))  # the lot is held below, so its id stays its own
        if sleutel not in eerder:
            eerder[sleutel] = (perceel, bereken(perceel, kandidaten))
        return dict(eerder[sleutel][1])

    m.bereken = onthouden  # type: ignore[method-assign]


def rangomkeringen(award, code: str) -> list:
    """Rank reversal under relatief/lineair: the lowest valid bid leaving, or a cheaper bid that did not count (invalid
    or excluded, with the award's status and reasons) coming in."""
    from evaluatie.prijs.rangomkering import Afgevallen
    from evaluatie.prijs.rangomkering import rangomkeringen as bereken

    p = award.uitslag.percelen[code]
    perceel = award.invoer.aanbesteding.percelen[code]
    per_naam = {i.naam: i for i in award.invoer.inschrijvingen}
    kwaliteit = award.beoordeling.panel.kwaliteit.get(code, {}) if award.beoordeling.panel else {}

    def kandidaat(naam: str, prijs: float, q: float) -> Kandidaat:
        a = per_naam[naam].aanbod[code]
        return Kandidaat(naam, prijs, q, a.capaciteit, a.wachttijd_weken)

    kandidaten = [kandidaat(r.inschrijver, r.prijs, r.kwaliteit) for r in p.rangorde]
    # its own quality does not matter: under relatief and lineair the others' scores move only with the lowest price
    afgevallen = [
        Afgevallen(
            kandidaat(x.inschrijver, per_naam[x.inschrijver].aanbod[code].prijs, kwaliteit.get(x.inschrijver, 0.0)),
            x.status,
            x.redenen,
        )
        for x in p.uitgesloten
        if x.inschrijver in per_naam and code in per_naam[x.inschrijver].aanbod
    ]
    lotingen = [x for x in award.invoer.lotingen if x.perceel == code and x.geldig]  # the award's order
    return bereken(perceel, kandidaten, afgevallen, lotingen)


def capaciteitsmarges(award, code: str, oplosser: str) -> list[Capaciteitsmarge]:
    """Lowering capacity below the allocation must change the share (closed form: capacity - allocation + 1).
    For a binding capacity a useful rise is searched, by re-solving with +1, +2, +4, ... up to the lot's volume. A
    capacity that does not bind changes nothing when raised where the only rules are the capacities and max_aandeel
    (see `kiest`), or where it already covers the most the supplier could get; under a rule that chooses
    (per_subregio, a maximum per gemeente, min_volume, ...) one re-solve with that most says whether it can."""
    return [capaciteitsmarge(award, code, oplosser, naam) for naam in gegunde_leveranciers(award, code)]


def gegunde_leveranciers(award, code: str) -> list[str]:
    """Suppliers with a share, in ranking order: the ones a capacity margin is computed for."""
    if award.invoer.aanbesteding.percelen[code].procedure != "gunning":
        return []
    p = award.uitslag.percelen[code]
    per: dict[str, int] = {}
    for t in p.toewijzing:
        per[t.inschrijver] = per.get(t.inschrijver, 0) + t.aantal
    return [r.inschrijver for r in p.rangorde if per.get(r.inschrijver, 0) > 0]


def capaciteitsmarge(award, code: str, oplosser: str, naam: str) -> Capaciteitsmarge:
    """One supplier's capacity margin (see capaciteitsmarges); independent of the others."""
    from evaluatie.gunning.uitvoeren import verdeelprobleem
    from evaluatie.verdeling.verdelen import verdeel

    p = award.uitslag.percelen[code]
    probleem = verdeelprobleem(award.invoer.aanbesteding, code, p.rangorde, award.invoer.inschrijvingen)
    i = next(i for i, s in enumerate(probleem.leveranciers) if s.naam == naam)
    s = probleem.leveranciers[i]
    n = p.toegewezen(naam)
    verhoging = None
    na_verhoging = None
    niet_berekend = None
    geprobeerd: list[int] = []  # a rise re-solved without a change
    hoogstens = _hoogstens(probleem, s)
    if n < s.capaciteit < hoogstens and kiest(probleem):
        # one re-solve with the capacity at the most it could ever use: whether more capacity can change the choice
        ander = list(probleem.leveranciers)
        ander[i] = dataclasses.replace(s, capaciteit=hoogstens)
        try:
            v = verdeel(dataclasses.replace(probleem, leveranciers=tuple(ander)), oplosser)
        except EvaluatieFout as e:  # never read as "no rise helps": say that it was not computed, and why
            niet_berekend = f"met capaciteit {hoogstens}: " + "; ".join(e.meldingen)
        else:
            if (m := v.per_leverancier().get(s.naam, 0)) != n:
                verhoging, na_verhoging = hoogstens - s.capaciteit, m
            else:
                geprobeerd.append(hoogstens - s.capaciteit)
    if n >= s.capaciteit:
        stap = 1
        if een_meer_verandert(probleem, p.toewijzing, i):
            verhoging = 1  # proven without a solve: see een_meer_verandert
            stap = probleem.totaal + 1
        while stap <= probleem.totaal:
            ander = list(probleem.leveranciers)
            ander[i] = dataclasses.replace(s, capaciteit=s.capaciteit + stap)
            try:
                v = verdeel(dataclasses.replace(probleem, leveranciers=tuple(ander)), oplosser)
            except EvaluatieFout as e:  # never read as "no rise helps": say that it was not computed, and why
                niet_berekend = f"met {stap} {'plaats' if stap == 1 else 'plaatsen'} meer: " + "; ".join(e.meldingen)
                break
            if v.per_leverancier().get(s.naam, 0) != n:
                verhoging = stap
                break
            stap *= 2
    minimum = minimale_capaciteit(award, code, naam)
    laagste, onmogelijk_vanaf, onmogelijk_tot, onmogelijk = _lager(probleem, i, n - 1, minimum or 0, oplosser)
    return Capaciteitsmarge(
        inschrijver=s.naam,
        toegewezen=n,
        capaciteit=s.capaciteit,
        verlaging=s.capaciteit - n + 1,
        verhoging=verhoging,
        na_verhoging=na_verhoging,
        geprobeerd=tuple(geprobeerd),
        niet_berekend=niet_berekend,
        minimum=minimum,
        laagste=laagste,
        onmogelijk_vanaf=onmogelijk_vanaf,
        onmogelijk_tot=onmogelijk_tot,
        onmogelijk=onmogelijk,
    )


def _lager(
    probleem, i: int, hoog: int, laag: int, oplosser: str
) -> tuple[int | None, int | None, int | None, str | None]:
    """Supplier i's capacities from `laag` (the lowest a valid bid may offer) up to `hoog` (one below its share): the
    share drops only where the others can take the rest; below the lowest capacity with an allocation there is none
    at all, which is said instead, with why. Feasibility only grows with capacity (capacity is only an upper bound in
    every rule set), so the capacities without an allocation are one range from `laag` up: an allocation at `laag`
    answers everything with one question; none at `hoog` makes the whole range impossible (two questions); otherwise
    a bisection finds the lowest capacity with an allocation, so the sentence covers every capacity in between
    (before, only `laag` and `hoog` were asked, and "at 2 no allocation" left 3 to 5 unsaid where 5 had none either).
    None of this when `hoog` is below `laag` (the capacity knock-out comes first).
    Returns (laagste, onmogelijk_vanaf, onmogelijk_tot, onmogelijk): the lowest capacity with an allocation, the range
    without one, and why at its top (`onmogelijk_tot`)."""
    from evaluatie.verdeling.verdelen import verdeel

    if hoog < laag:
        return None, None, None, None

    def fout(capaciteit: int) -> str | None:
        from evaluatie.verdeling.haalbaarheid import aantoonbaar_haalbaar

        ander = list(probleem.leveranciers)
        ander[i] = dataclasses.replace(ander[i], capaciteit=capaciteit)
        lager = dataclasses.replace(probleem, leveranciers=tuple(ander))
        if aantoonbaar_haalbaar(lager):  # one solve with a found allocation as proof (verdeling.haalbaarheid)
            return None
        try:
            verdeel(lager, oplosser)  # not shown feasible: the award's own solve confirms, and says why
        except EvaluatieFout as e:
            return "; ".join(e.meldingen)
        return None

    # `laag` first: an allocation there answers both questions at once (the usual case; in the example it saves two
    # B1 allocations, about 10 ms, issue #24); only where there is none does `hoog` need its own
    if (reden := fout(laag)) is None:
        return laag, None, None, None
    if laag == hoog:
        return None, laag, laag, reden
    if (reden_hoog := fout(hoog)) is not None:
        return None, laag, hoog, reden_hoog
    onder, boven = laag, hoog  # none at `onder` (why: `reden`), one at `boven`
    while boven - onder > 1:
        midden = (onder + boven) // 2
        if (r := fout(midden)) is None:
            boven = midden
        else:
            onder, reden = midden, r
    return boven, laag, onder, reden


def minimale_capaciteit(award, code: str, naam: str) -> int | None:
    """The lot's capacity knock-out for this bid (the rule's own threshold, so a share of the volume is rounded as
    the knock-out rounds it); None when the lot has none. A lower capacity makes the bid invalid, not smaller."""
    from evaluatie.toets.regels.capaciteit import Capaciteit
    from evaluatie.toets.register import Context, maak_regel

    a = award.invoer.aanbesteding
    perceel = a.percelen[code]
    if "capaciteit" not in perceel.knockout:
        return None
    inschrijving = next(i for i in award.invoer.inschrijvingen if i.naam == naam)
    regel = maak_regel("capaciteit", perceel.knockout["capaciteit"])
    if not isinstance(regel, Capaciteit):  # the registry maps the name to this class; anything else is a bug
        raise TypeError(f"knock-outregel capaciteit is {type(regel).__name__}, geen Capaciteit")
    return regel.drempel(Context(a, perceel, inschrijving, inschrijving.aanbod[code]))


def kiest(probleem) -> bool:
    """Whether the lot has a rule besides the capacities and max_aandeel. Without one, the supplier totals of the
    allocations form a polymatroid and every step optimises a linear function over it (README, Verdeling over de
    gemeenten): a capacity the optimum does not reach can be raised without changing it. A rule that chooses (a whole
    subregio, at most K suppliers per gemeente, a minimum volume or number of suppliers, a budget) breaks that: a
    larger capacity can make another choice possible (a subregio the supplier could not take before), and the share
    jumps although the capacity did not bind."""
    return bool(_gezette_regels(probleem.regels) - {"max_aandeel"})


def _hoogstens(probleem, s) -> int:
    """The most supplier `s` can get whatever its capacity: the demand of the gemeenten it serves, and max_aandeel.
    At that share no capacity changes anything: the allocations allowed with more capacity are the same ones."""
    bediend = sum(probleem.vraag.get(g, 0) for g in set(s.gemeenten))
    plafond = probleem.aandeelplafond()
    return bediend if plafond is None else min(bediend, plafond)


def _gezette_regels(r) -> set[str]:
    """The allocation rules set in the tender (a value other than the model's default)."""
    velden = type(r).model_fields
    return {naam for naam, veld in velden.items() if getattr(r, naam) != veld.get_default(call_default_factory=True)}


# The rules een_meer_verandert knows how a one-unit move affects; any other rule set: no shortcut.
_BEKENDE_REGELS = frozenset(
    {
        "max_aandeel",
        "min_volume",
        "min_leveranciers",
        "max_leveranciers",
        "max_leveranciers_per_gemeente",
        "per_subregio",
        "budget_per_gemeente",
    }
)


def een_meer_verandert(probleem, toewijzing, i: int) -> bool:
    """True only when one more place of capacity for supplier `i` provably changes its share.

    `toewijzing` is the award's allocation of `probleem`, in which supplier i (S) uses all its
    capacity c. Take a gemeente g that S serves and a supplier T with volume in g whose value
    (stage 1 of the allocation: value per inburgeraar, in the units the model uses) is strictly
    lower, and move one inburgeraar of g from T to S. With capacity c + 1 that allocation meets
    every rule, checked here one by one: the demand of g is unchanged; S gets c + 1 (its new
    capacity; max_aandeel checked); T keeps at least max(1, min_volume) in total, so the
    suppliers with volume are the same ones (min/max_leveranciers); per gemeente the suppliers
    with volume in g are counted after the move (max_leveranciers_per_gemeente); under
    per_subregio S must already serve g and T keep volume in g, so no subregio's set changes;
    a budget of g must not see the cost rise. Its stage-1 value is strictly higher than the
    award's, which is the proven optimum with capacity c. Every allocation with c + 1 in which
    S gets at most c also meets the problem with capacity c, so its stage-1 value is at most
    that optimum: not optimal. Hence the optimum with c + 1 gives S more than c and the share
    changes: exactly what re-solving with one more place (the first step of the search) finds.
    A rule not in _BEKENDE_REGELS, or no such move: False, and the search solves as before.
    """
    from evaluatie.prijs.precisie import punten
    from evaluatie.verdeling.klassen import CENTEN

    r = probleem.regels
    if _gezette_regels(r) - _BEKENDE_REGELS:
        return False
    s = probleem.leveranciers[i]
    totaal: dict[str, int] = {}
    cel: dict[tuple[str, str], int] = {}
    aantal_in: dict[str, int] = {}  # suppliers with volume per gemeente
    for t in toewijzing:
        if t.aantal <= 0:
            continue
        totaal[t.inschrijver] = totaal.get(t.inschrijver, 0) + t.aantal
        if (t.gemeente, t.inschrijver) not in cel:
            aantal_in[t.gemeente] = aantal_in.get(t.gemeente, 0) + 1
        cel[t.gemeente, t.inschrijver] = cel.get((t.gemeente, t.inschrijver), 0) + t.aantal
    n = totaal.get(s.naam, 0)
    plafond = probleem.aandeelplafond()
    if n != s.capaciteit or (plafond is not None and n + 1 > plafond):
        return False
    waarde_s = punten(s.waarde)
    prijs_s = round(s.prijs * CENTEN)
    k = r.max_leveranciers_per_gemeente
    for t in probleem.leveranciers:
        if t.naam == s.naam or punten(t.waarde) >= waarde_s:
            continue
        if totaal.get(t.naam, 0) - 1 < max(1, r.min_volume or 0):
            continue
        for g in probleem.vraag:
            bij_t, bij_s = cel.get((g, t.naam), 0), cel.get((g, s.naam), 0)
            if bij_t < 1 or g not in s.gemeenten:
                continue
            if r.per_subregio and (bij_s < 1 or bij_t < 2):
                continue
            if k is not None and aantal_in.get(g, 0) + (bij_s == 0) - (bij_t == 1) > k:
                continue
            if g in probleem.budget and prijs_s > round(t.prijs * CENTEN):
                continue
            return True
    return False

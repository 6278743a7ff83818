"""Why a supplier got less than its capacity, found by computation, in words.

For every supplier below its capacity the rule(s) that actually bind are found:
- `max_aandeel`, like every other rule, by re-solving without it (sitting exactly at the cap is not
  enough: its gemeenten may have no more demand);
- every active allocation rule (min_volume, min/max_leveranciers,
  max_leveranciers_per_gemeente, per_subregio, budget) by re-solving the lot once with that
  rule switched off: if the supplier then gets more, the rule binds for it;
- when no rule binds, from the outcome: the demand in its gemeenten went to suppliers of
  higher value, or of equal value and a better rank (the published tie-break or the draw; among equal
  value the allocation weighs the better-ranked more, before it looks at cost); or its
  gemeenten simply have no more demand than it got.
Re-solves happen only when some supplier is below capacity, once per active rule (not per
supplier), so the cost is a handful of solves of the same small model; with an undecided tie that does
not change the allocation, once per rule and order of that tie (see `_volgorden`), so that no reason
depends on the names that give the provisional order.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, replace

from evaluatie.fouten import EvaluatieFout
from evaluatie.prijs.precisie import punten
from evaluatie.prijs.rangorde import voorrang_tekst
from evaluatie.tekst import getal, kort
from evaluatie.verdeling.klassen import geschikt
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem, Verdeling

Oplosser = Callable[[Verdeelprobleem], Verdeling]

# Stage 2's rank weight (evaluatie.verdeling.opbouw: m - rang with rang 0-based, so R - rank + 1) as every text cites
# it next to bids of equal value: the explanation below and the letters (evaluatie.rapport.gelijkestand); the
# published method states it in full (evaluatie.rapport.verdeelregeltekst.RANGSTAP).
RANGWICHT = (
    "rangwicht R − rang + 1, met R het aantal gerangschikte inschrijvingen op het perceel; stap 2 van de verdeling "
    "in de gunningssystematiek"
)


@dataclass(frozen=True)
class Verklaring:
    inschrijver: str
    toegewezen: int
    capaciteit: int
    # codes, in a fixed order: a rule of REGELNAAM, or from the outcome geen_vraag, beter_gerangschikt,
    # gelijke_waarde_betere_rang, combinatie (lower-ranked got its demand through the rules together),
    # subregio_gesloten, niet_berekend
    oorzaken: tuple[str, ...]
    zin: str  # the explanation in Dutch, naming supplier, numbers and the rule


def _versoepeld(p: Verdeelprobleem) -> list[tuple[str, Verdeelprobleem]]:
    """The lot with one active rule switched off, per rule."""
    r = p.regels
    uit = []

    def zonder(**wijziging: object) -> Verdeelprobleem:
        return Verdeelprobleem(
            p.perceel, p.perceelnaam, p.vraag, p.subregio, p.leveranciers, r.model_copy(update=wijziging), p.budget
        )

    if r.max_aandeel is not None:
        uit.append(("max_aandeel", zonder(max_aandeel=None)))
    if r.min_volume:
        uit.append(("min_volume", zonder(min_volume=None)))
    if r.min_leveranciers is not None:
        uit.append(("min_leveranciers", zonder(min_leveranciers=None)))
    if r.max_leveranciers is not None:
        uit.append(("max_leveranciers", zonder(max_leveranciers=None)))
    if r.max_leveranciers_per_gemeente is not None:
        uit.append(("max_leveranciers_per_gemeente", zonder(max_leveranciers_per_gemeente=None)))
    if r.per_subregio:
        uit.append(("per_subregio", zonder(per_subregio=False)))
    if p.budget:
        uit.append(
            (
                "budget",
                Verdeelprobleem(
                    p.perceel,
                    p.perceelnaam,
                    p.vraag,
                    p.subregio,
                    p.leveranciers,
                    r.model_copy(update={"budget_per_gemeente": {}}),
                    {},
                ),
            )
        )
    return uit


REGELNAAM = {
    "max_aandeel": "maximaal aandeel",
    "min_volume": "minimaal volume",
    "min_leveranciers": "minimum aantal leveranciers",
    "max_leveranciers": "maximum aantal leveranciers",
    "max_leveranciers_per_gemeente": "maximum aantal leveranciers per gemeente",
    "per_subregio": "dezelfde leverancier(s) per subregio",
    "budget": "budget per gemeente",
}


def _w(s: Leverancier) -> int:
    return punten(s.waarde)  # the allocation compares values at this precision


def verklaar(p: Verdeelprobleem, v: Verdeling, los: Oplosser) -> list[Verklaring]:
    """One explanation per supplier below its capacity, in ranking order."""
    from evaluatie.tekst import euro

    kregen = v.per_leverancier()
    onder = [s for s in p.leveranciers if kregen.get(s.naam, 0) < s.capaciteit]
    if not onder:
        return []
    plafond = p.aandeelplafond()
    # rule -> the re-solve without it, once per order of the undecided ties (the award's own order first)
    opnieuw: dict[str, list[dict[str, int]]] = {}
    # the same re-solves with their eligibility (computed once, not per supplier), to say what limits them
    opgelost: dict[str, list[tuple[Verdeelprobleem, Verdeling, dict[str, tuple[int, ...]]]]] = {}
    mislukt: dict[str, str] = {}  # rule -> why the re-solve without it failed (said in every explanation)
    volgorden = _volgorden(p, v, los)
    for code, p2 in _versoepeld(p):
        try:
            opgelost[code] = [(q, los(q), geschikt(q)) for q in (_herschikt(p2, orde) for orde in volgorden)]
            opnieuw[code] = [v2.per_leverancier() for _, v2, _ in opgelost[code]]
        except EvaluatieFout as e:  # switching a rule off only widens the model, yet a solve can fail (time)
            mislukt[code] = "; ".join(e.meldingen)
    per_gemeente = v.per_gemeente()
    el = geschikt(p)
    kosten = {g: sum(t.kosten for t in v.toewijzing if t.gemeente == g) for g in p.vraag}
    r = p.regels
    uit = []
    for s in onder:
        n = kregen.get(s.naam, 0)
        idx = p.leveranciers.index(s)
        eigen = [g for g in p.vraag if p.vraag[g] > 0 and idx in el[g]]
        delen: list[tuple[str, str]] = []
        # At the cap while demand in its own gemeenten went to lower-ranked suppliers (or stayed
        # unserved): the cap holds it back even when a re-solve without the cap would move that
        # demand to another supplier rather than to this one.
        op_plafond = plafond is not None and n == plafond < s.capaciteit and _vrij(p, v, s, eigen) > n
        uitkomsten = dict(opnieuw)
        if op_plafond and "max_aandeel" in mislukt:  # the cap's binding is known without the re-solve
            uitkomsten["max_aandeel"] = [{}]
        for code, anderen in uitkomsten.items():
            per_orde = [ander.get(s.naam, 0) for ander in anderen]
            meer = max(per_orde)
            if meer <= n and not (code == "max_aandeel" and op_plafond):
                continue
            hoeveel, volgordezin = _hoeveel(volgorden, per_orde, s.naam, set(kregen))
            if code == "max_aandeel" and plafond is not None:
                # Exactly at the cap is not enough: its gemeenten may have no more demand for it.
                if r.max_aandeel is None:  # a cap comes only from max_aandeel: anything else is a bug
                    raise ValueError(f"{p.perceel}: plafond {plafond} zonder max_aandeel")
                grens = (
                    f"{kort(100 * r.max_aandeel)}% van het volume "
                    f"(hoogstens {getal(plafond, 0)} van {getal(p.totaal, 0)})"
                )
                if n == plafond:
                    tekst = f"het maximale aandeel van {grens} begrenst het"
                else:
                    tekst = (
                        f"het maximale aandeel van {grens} per leverancier verschuift de verdeling; zonder die regel "
                        f"zou het {hoeveel} krijgen"
                    )
            elif code == "min_volume":
                # Its own minimum holds it back only when what it would get without the rule is below the minimum;
                # getting 3 without the rule where the minimum is 3, it is held back by what the rule gives others.
                if n == 0 and min(per_orde) < (r.min_volume or 0):
                    tekst = (
                        f"wie volume krijgt, krijgt minstens {r.min_volume} (minimaal volume); zonder die regel "
                        f"zou het {hoeveel} krijgen"
                    )
                else:
                    gedwongen = [
                        x.naam
                        for x in p.leveranciers
                        if x.naam != s.naam and all(kregen.get(x.naam, 0) > a.get(x.naam, 0) for a in anderen)
                    ]
                    tekst = (
                        f"het minimale volume van {r.min_volume} per leverancier"
                        + (f" geeft {', '.join(gedwongen)} meer dan zonder die regel" if gedwongen else "")
                        + f"; zonder die regel zou het {hoeveel} krijgen"
                    )
            elif code == "max_leveranciers_per_gemeente" and r.max_leveranciers_per_gemeente is not None:
                vol = [
                    g
                    for g in eigen
                    if s.naam not in per_gemeente.get(g, {})
                    and len(per_gemeente.get(g, {})) >= (r.max_leveranciers_per_gemeente or 0)
                ]
                k = r.max_leveranciers_per_gemeente
                if vol:
                    actief = "is al 1 leverancier actief" if k == 1 else f"zijn al {k} leveranciers actief"
                    tekst = f"in {', '.join(vol)} {actief}, het maximum per gemeente"
                else:
                    # No gemeente of its own is full: the rule binds elsewhere and moves others into its gemeenten
                    # (a supplier kept out of a full gemeente takes the demand it would have had); saying that its
                    # own gemeenten are full would be false.
                    bereikt = [g for g in p.vraag if len(per_gemeente.get(g, {})) >= k]
                    tekst = (
                        f"het maximum van {_aantal(k, 'leverancier', 'leveranciers')} per gemeente"
                        + (f", bereikt in {', '.join(bereikt)}," if bereikt else "")
                        + " verschuift de verdeling"
                    )
                tekst += f"; zonder die regel zou het {hoeveel} krijgen"
            elif code == "max_leveranciers":
                # itself last, as 'A zelf' (a letter reads 'uzelf', evaluatie.rapport.aanspreken), not by name in a list
                actieve = [x.naam for x in p.leveranciers if kregen.get(x.naam, 0) > 0 and x.naam != s.naam]
                if n > 0:
                    actieve.append(f"{s.naam} zelf")
                met = actieve[0] if len(actieve) == 1 else f"{', '.join(actieve[:-1])} en {actieve[-1]}"
                tekst = (
                    f"het maximum van {_aantal(r.max_leveranciers or 0, 'leverancier', 'leveranciers')} voor het "
                    f"perceel is bereikt met {met}; zonder die regel zou het {hoeveel} krijgen"
                )
            elif code == "min_leveranciers":
                extra = [
                    x.naam
                    for x in p.leveranciers
                    if kregen.get(x.naam, 0) > 0 and all(a.get(x.naam, 0) == 0 for a in anderen)
                ]
                krijgen = "volume krijgt" if r.min_leveranciers == 1 else "volume krijgen"
                tekst = (
                    f"de regel dat minstens {_aantal(r.min_leveranciers or 0, 'leverancier', 'leveranciers')} "
                    f"{krijgen}, geeft volume aan "
                    f"{', '.join(extra) or 'andere leveranciers'}; zonder die regel zou het {hoeveel} krijgen"
                )
            elif code == "per_subregio":
                zonder = [v2.per_gemeente() for _, v2, _ in opgelost.get(code, [])]
                tekst = (
                    _per_subregio(p, s, eigen, per_gemeente, zonder) + f"; zonder die regel zou het {hoeveel} krijgen"
                )
            else:  # budget
                krap = [g for g in eigen if g in p.budget and p.budget[g] - kosten[g] < s.prijs - 1e-9]
                if krap:
                    waar = ", ".join(f"{g} (budget {euro(p.budget[g])}, kosten {euro(kosten[g])})" for g in krap)
                    tekst = (
                        f"het budget per gemeente laat in {waar} geen traject tegen zijn prijs van {euro(s.prijs)} "
                        f"meer toe; zonder budgetgrens zou het {hoeveel} krijgen"
                    )
                else:  # no gemeente of its own is short of budget: the budget binds through who serves where
                    met = ", ".join(g for g in p.vraag if g in p.budget)
                    tekst = (
                        f"het budget per gemeente ({met}) bepaalt welke inschrijvers daar leveren en verschuift zo "
                        f"de verdeling; zonder budgetgrens zou het {hoeveel} krijgen"
                    )
            if not (code == "max_aandeel" and n == plafond):  # every other text ends on 'zou het ... krijgen'
                # what holds it back without the rule too, said when every order of an undecided tie says the same
                beperkt = {_niet_meer(q, v2, el2, s, set(kregen)) for q, v2, el2 in opgelost.get(code, [])}
                tekst += volgordezin + (beperkt.pop() if len(beperkt) == 1 else "")
            delen.append((code, tekst))
        if not delen and not mislukt:
            # Described over its service area: under per_subregio a gemeente it serves may be closed to
            # it (it does not serve the whole subregio), which is said, not hidden as 'no demand'.
            gebied = [g for g in p.vraag if p.vraag[g] > 0 and g in s.gemeenten]
            delen = _uit_uitkomst(p, v, s, gebied, n, [c for c, _ in _versoepeld(p)])
            dicht = [g for g in gebied if g not in eigen]
            if dicht:
                delen.append(
                    (
                        "subregio_gesloten",
                        f"in {', '.join(dicht)} mag het niet leveren: {_per_subregio(p, s, eigen, per_gemeente)}; "
                        "ook zonder die regel zou het niet meer krijgen",
                    )
                )
        for code, reden in mislukt.items():
            if code in uitkomsten:
                continue
            delen.append(
                (
                    "niet_berekend",
                    f"of de regel {REGELNAAM[code]} meespeelt, kon niet worden berekend ({reden})",
                )
            )
        zin = f"{s.naam} krijgt {getal(n, 0)} van zijn capaciteit {getal(s.capaciteit, 0)}: " + "; en ".join(
            t for _, t in delen
        )
        uit.append(Verklaring(s.naam, n, s.capaciteit, tuple(c for c, _ in delen), zin))
    return uit


# Orders tried of one undecided tie: every order up to this group size, beyond it every rotation and its reverse
# (as evaluatie.gunning.uitvoeren tries them to see whether a tie matters; a group that large is not seen in practice).
MAX_VOLLEDIG = 4


@dataclass(frozen=True)
class _Volgorde:
    namen: tuple[str, ...]  # every supplier, in the order the re-solve ranks them
    groep: tuple[str, ...] = ()  # the undecided tie put in another order ((): the award's own order)
    rangnummer: int | None = None


def _volgorden(p: Verdeelprobleem, v: Verdeling, los: Oplosser) -> list[_Volgorde]:
    """The award's order, then each undecided tie (a shared rank, no draw) in every other order, one tie at a time.

    When the allocation does not depend on such an order (no draw needed), a re-solve without a rule still can: it
    breaks the tie by the provisional order, which is the names'. A reason found in one order only would make the
    published sentence depend on a bidder's name, so the re-solves run in every order and the sentence says what
    holds for all of them. A tie whose order does change the allocation (a draw is needed, the award is a concept
    that says its order is the names') keeps the award's order, the one the allocation shown was made in."""
    namen = tuple(x.naam for x in p.leveranciers)
    eigen = sorted((t.gemeente, t.inschrijver, t.aantal) for t in v.toewijzing)
    uit = [_Volgorde(namen)]
    groepen: dict[int, list[int]] = {}
    for i, x in enumerate(p.leveranciers):
        if x.rangnummer is not None and x.loting_id is None:
            groepen.setdefault(x.rangnummer, []).append(i)
    for rangnummer, plekken in groepen.items():
        if len(plekken) < 2:
            continue
        groep = [namen[i] for i in plekken]
        if len(groep) <= MAX_VOLLEDIG:
            orden = list(itertools.permutations(groep))
        else:
            rotaties = [tuple(groep[i:] + groep[:i]) for i in range(len(groep))]
            orden = rotaties + [tuple(reversed(r)) for r in rotaties]
        anders = []
        for orde in dict.fromkeys(orden):
            if list(orde) == groep:
                continue
            nieuw = list(namen)
            for i, naam in zip(plekken, orde, strict=True):
                nieuw[i] = naam
            anders.append(_Volgorde(tuple(nieuw), tuple(sorted(groep)), rangnummer))
        if not any(_andere_verdeling(p, o, eigen, los) for o in anders):
            uit += anders
    return uit


def _andere_verdeling(p: Verdeelprobleem, orde: _Volgorde, eigen: list[tuple[str, str, int]], los: Oplosser) -> bool:
    """Whether the lot in `orde` is allocated otherwise than in the award's order; a failed solve proves nothing
    (the tie's orders are then all used, which says no more than holds in each)."""
    try:
        v = los(_herschikt(p, orde))
    except EvaluatieFout:
        return False
    return sorted((t.gemeente, t.inschrijver, t.aantal) for t in v.toewijzing) != eigen


def _herschikt(p: Verdeelprobleem, orde: _Volgorde) -> Verdeelprobleem:
    """The problem with its suppliers in `orde`, each rank weight following its new place."""
    if not orde.groep:
        return p
    per_naam = {x.naam: x for x in p.leveranciers}
    lev = tuple(replace(per_naam[naam], rang=i) for i, naam in enumerate(orde.namen))
    return replace(p, leveranciers=lev)


def _hoeveel(volgorden: list[_Volgorde], per_orde: list[int], naam: str, gegund: set[str]) -> tuple[str, str]:
    """What it would get without the rule, true in every order of the undecided ties: one number, or the range with
    the ties whose order decides it ('10 tot 15', ', naar gelang de volgorde binnen de gelijke stand op rang 2 (A, B),
    die geen beslisregel of loting bepaalt').
    The tie names the supplier itself and those `gegund` in the award; another that gets nothing is counted ('A, een
    andere inschrijver'): the sentence goes into the letters, which name no bidder that gets nothing."""
    laag, hoog = min(per_orde), max(per_orde)
    if laag == hoog:
        return getal(hoog, 0), ""
    standen = dict.fromkeys(
        (o.rangnummer, o.groep) for o, k in zip(volgorden, per_orde, strict=True) if o.groep and k != per_orde[0]
    )
    stand = "de gelijke stand op" if len(standen) == 1 else "de gelijke standen op"
    waar = " en ".join(f"rang {r} ({_genoemd(g, naam, gegund)})" for r, g in standen)
    return (
        f"{getal(laag, 0)} tot {getal(hoog, 0)}",
        f", naar gelang de volgorde binnen {stand} {waar}, die geen beslisregel of loting bepaalt",
    )


def _genoemd(groep: tuple[str, ...], naam: str, gegund: set[str]) -> str:
    """The members of a tie as a letter may name them: the supplier itself and the gegunde by name, the rest counted."""
    namen = [x for x in groep if x == naam or x in gegund]
    rest = len(groep) - len(namen)
    if rest:
        namen.append("een andere inschrijver" if rest == 1 else f"{rest} andere inschrijvers")
    return ", ".join(namen)


def _niet_meer(
    p: Verdeelprobleem, v: Verdeling, el: dict[str, tuple[int, ...]], s: Leverancier, gegund: set[str]
) -> str:
    """Why the supplier gets no more than it does in `v`, the re-solve of `p` (the lot without one rule, `el` its
    eligibility), below its capacity: the cap, all the demand of the gemeenten it may serve there, or where the rest
    of that demand goes (higher value, equal value, lower-ranked or nobody: the last two only through the rules still
    in force, which are named).
    Without it the sentence gave a number below the capacity and no reason for it (why 24 and not 60).
    Only bidders `gegund` in the award itself are named: the sentence goes into the letters, which name no bidder that
    gets nothing (its name and rank are its own); one that gets demand only in the re-solve is counted, not named."""
    meer = v.per_leverancier().get(s.naam, 0)
    if meer >= s.capaciteit:
        return ""
    plafond = p.aandeelplafond()
    if plafond is not None and meer >= plafond and p.regels.max_aandeel is not None:
        return (
            f", en niet meer: dat is het maximale aandeel van {kort(100 * p.regels.max_aandeel)}% van het volume "
            f"(hoogstens {getal(plafond, 0)} van {getal(p.totaal, 0)})"
        )
    idx = [x.naam for x in p.leveranciers].index(s.naam)
    eigen = [g for g in p.vraag if p.vraag[g] > 0 and idx in el[g]]
    vraag = sum(p.vraag[g] for g in eigen)
    if meer >= vraag:
        hebben = "heeft" if len(eigen) == 1 else "hebben samen"
        return (
            f", en niet meer: {_die_het_bedient(eigen)} ({', '.join(eigen)}) {hebben} "
            f"{_aantal(vraag, 'inburgeraar', 'inburgeraars')}"
        )
    anderen: dict[str, int] = {}
    for t in v.toewijzing:
        if t.gemeente in eigen and t.inschrijver != s.naam:
            anderen[t.inschrijver] = anderen.get(t.inschrijver, 0) + t.aantal
    per_naam = {x.naam: x for x in p.leveranciers}
    soorten: dict[str, list[str]] = {"hoger": [], "gelijk": [], "lager": []}
    for x in anderen:
        w = _w(per_naam[x])
        soorten["hoger" if w > _w(s) else "gelijk" if w == _w(s) else "lager"].append(x)
    delen = []
    for soort, namen in soorten.items():
        if not namen:
            continue
        een = len(namen) == 1
        wie = {
            "hoger": f"{'een inschrijver' if een else 'inschrijvers'} met {p.voorrang}",
            "gelijk": f"{'een inschrijver' if een else 'inschrijvers'} met dezelfde {p.maatstaf}",
            "lager": "een lager gerangschikte inschrijver" if een else "lager gerangschikte inschrijvers",
        }[soort]
        lijst = ", ".join(f"{x}: {getal(anderen[x], 0)}" for x in namen if x in gegund)
        if naamloos := [x for x in namen if x not in gegund]:
            wie_niet = (
                "een inschrijver die in deze verdeling niets krijgt"
                if len(naamloos) == 1
                else f"{len(naamloos)} inschrijvers die in deze verdeling niets krijgen"
            )
            lijst += f"{', ' if lijst else ''}{wie_niet}: {getal(sum(anderen[x] for x in naamloos), 0)}"
        delen.append(f"{getal(sum(anderen[x] for x in namen), 0)} naar {wie} ({lijst})")
    geen = vraag - meer - sum(anderen.values())
    gaan = "gaat" if sum(anderen.values()) == 1 else "gaan"
    zin = f", en niet meer: van de vraag in {_die_het_bedient(eigen)} ({_aantal(vraag, 'inburgeraar', 'inburgeraars')})"
    if delen:
        zin += f" {gaan} er dan " + " en ".join(delen)
    if geen > 0:
        zin += f"{',' if delen else ''} krijgen er dan {getal(geen, 0)} geen leverancier"
    if soorten["lager"] or geen > 0:  # it has capacity left and is not worth less: only a rule still in force stops it
        regels = [REGELNAAM[c] for c, _ in _versoepeld(p)]
        zin += (
            f", door de verdeelregels die dan nog gelden ({', '.join(regels)})"
            if regels
            else "; geen afzonderlijke verdeelregel verklaart dat"
        )
    return zin


def _deels_bediend(p: Verdeelprobleem, s: Leverancier) -> list[tuple[str, list[str], list[str]]]:
    """Per subregio (in tender order) that the supplier serves only in part: (subregio, the gemeenten with demand it
    serves, those it does not serve)."""
    uit = []
    for regio in dict.fromkeys(p.subregio[g] for g in p.vraag if p.vraag[g] > 0):
        gemeenten = [g for g in p.vraag if p.vraag[g] > 0 and p.subregio[g] == regio]
        wel = [g for g in gemeenten if g in s.gemeenten]
        niet = [g for g in gemeenten if g not in s.gemeenten]
        if wel and niet:
            uit.append((regio, wel, niet))
    return uit


def _subregio_verschuiving(
    p: Verdeelprobleem,
    s: Leverancier,
    eigen: list[str],
    met: dict[str, dict[str, int]],
    zonder: list[dict[str, dict[str, int]]],
) -> str:
    """What `per_subregio` did to this supplier, by comparing the award with the re-solves without the rule (one per
    order of an undecided tie): per subregio, the gemeenten of its own where it gets less, how much less together,
    and who gets more there together ('; daardoor krijgt het in subregio R (G2) 2 in plaats van 3, en B er 1 in
    plaats van 0'). Without it a supplier serving its whole subregio read only the rule itself, not what the rule did
    to it. Said only when every order gives the same picture, so the sentence depends on no name; those who get more
    have volume in the award, so naming them names no bidder that gets nothing (the letters name none)."""

    def som(uitslag: dict[str, dict[str, int]], naam: str, gemeenten: tuple[str, ...]) -> int:
        return sum(uitslag.get(g, {}).get(naam, 0) for g in gemeenten)

    Beeld = tuple[tuple[str, tuple[str, ...], int, int, tuple[tuple[str, int, int], ...]], ...]
    beelden: set[Beeld] = set()
    for ander in zonder:
        minder = [g for g in eigen if som(met, s.naam, (g,)) < som(ander, s.naam, (g,))]
        beeld = []
        for regio in dict.fromkeys(p.subregio[g] for g in minder):
            waar = tuple(g for g in minder if p.subregio[g] == regio)
            meer = tuple(
                (x.naam, som(met, x.naam, waar), som(ander, x.naam, waar))
                for x in p.leveranciers
                if x.naam != s.naam and som(met, x.naam, waar) > som(ander, x.naam, waar)
            )
            beeld.append((regio, waar, som(met, s.naam, waar), som(ander, s.naam, waar), meer))
        beelden.add(tuple(beeld))
    if len(beelden) != 1 or not (enig := beelden.pop()):
        return ""
    delen = []
    for regio, waar, nu, anders, meer in enig:
        deel = f"in subregio {regio} ({', '.join(waar)}) {getal(nu, 0)} in plaats van {getal(anders, 0)}"
        if meer:
            deel += ", en " + ", ".join(f"{x} er {getal(a, 0)} in plaats van {getal(b, 0)}" for x, a, b in meer)
        delen.append(deel)
    return "; daardoor krijgt het " + "; en ".join(delen)


def _per_subregio(
    p: Verdeelprobleem,
    s: Leverancier,
    eigen: list[str],
    per_gemeente: dict[str, dict[str, int]],
    zonder: list[dict[str, dict[str, int]]] | None = None,
) -> str:
    """Why `per_subregio` holds this supplier back, naming the subregio and the gemeenten: a supplier that does not
    serve every gemeente of a subregio may deliver in none of them; otherwise the subregio's where it is not chosen;
    and when it delivers in every gemeente of its own, what the rule did to it there (`_subregio_verschuiving`, from
    the re-solves without the rule, `zonder`)."""
    regel = "alle gemeenten van een subregio krijgen dezelfde leverancier(s)"
    deels = _deels_bediend(p, s)
    if deels:
        waar = "; ".join(
            f"in subregio {regio} bedient het {', '.join(wel)}, maar niet {', '.join(niet)}"
            for regio, wel, niet in deels
        )
        return f"{regel}, en {waar}"
    regios = list(dict.fromkeys(p.subregio[g] for g in eigen if s.naam not in per_gemeente.get(g, {})))
    if regios:
        return f"{regel} (subregio {', '.join(regios)})"
    return regel + _subregio_verschuiving(p, s, eigen, per_gemeente, zonder or [])


def _vrij(p: Verdeelprobleem, v: Verdeling, s: Leverancier, eigen: list[str]) -> int:
    """Demand in its gemeenten not taken by suppliers ranked above it (higher value, or equal value and
    a better rank): what it could have had if nothing but the ranking stood in its way."""
    per_naam = {x.naam: x for x in p.leveranciers}
    boven = sum(
        t.aantal
        for t in v.toewijzing
        if t.gemeente in eigen
        and t.inschrijver != s.naam
        and (
            _w(per_naam[t.inschrijver]) > _w(s)
            or (_w(per_naam[t.inschrijver]) == _w(s) and per_naam[t.inschrijver].rang < s.rang)
        )
    )
    return sum(p.vraag[g] for g in eigen) - boven


def _voorrang(p: Verdeelprobleem, x: Leverancier, s: Leverancier) -> str:
    """Why x (equal value) ranks above s, as far as the ranking records it; '' for a tie not decided.

    The ranking records per bid only the tie-break that separated it from its neighbour, and a draw
    overwrites that: bids in no draw together were placed by the first rule on which their values differ
    (`beslissleutel`); only without those values does the sentence say 'the rule or the draw'."""
    if x.rangnummer is not None and x.rangnummer == s.rangnummer:
        return ""
    if x.loting_id is not None and x.loting_id == s.loting_id:
        return voorrang_tekst("loting")
    # Not ordered by one draw: a tie-break rule placed x before s (a draw orders only bids every rule leaves equal);
    # named as the letter's tie paragraph names it, not hedged as 'the rule or the draw'.
    regel = next((r for (r, a), (_, b) in zip(x.beslissleutel, s.beslissleutel, strict=False) if a != b), None)
    if regel is not None:
        return voorrang_tekst(regel)
    direct = p.leveranciers.index(s) - p.leveranciers.index(x) == 1
    if direct and s.loting_id is None:
        return voorrang_tekst(s.beslist_door)
    tussen = p.leveranciers[p.leveranciers.index(x) : p.leveranciers.index(s) + 1]
    if all(t.loting_id is None for t in tussen) and all(t.rangnummer is not None for t in tussen):
        return "door de beslisregel bij gelijke stand (zie de rangorde)"  # no draw among them: a rule separated them
    return "in de rangorde (door de beslisregel bij gelijke stand of door loting; zie de rangorde)"


def _uit_uitkomst(
    p: Verdeelprobleem, v: Verdeling, s: Leverancier, eigen: list[str], n: int, regels: list[str]
) -> list[tuple[str, str]]:
    """No single rule binds: the demand of its gemeenten is used up, or went to better-ranked suppliers.

    When part of that demand went to lower-ranked suppliers while this one had capacity left, the
    ranking does not explain it: the rules together do (each re-solve without one rule gave it no
    more), and the sentence says so rather than let the ranking stand as the whole reason."""
    vraag = sum(p.vraag[g] for g in eigen)
    if not eigen:
        return [("geen_vraag", "het bedient geen gemeente met vraag in dit perceel")]
    if n >= vraag:
        hebben = "heeft" if len(eigen) == 1 else "hebben samen"
        allemaal = "" if vraag == 1 else " allemaal"
        return [
            (
                "geen_vraag",
                f"{_die_het_bedient(eigen)} ({', '.join(eigen)}) {hebben} "
                f"{_aantal(vraag, 'inburgeraar', 'inburgeraars')}, en die krijgt het{allemaal}",
            )
        ]
    anderen: dict[str, int] = {}
    for t in v.toewijzing:
        if t.gemeente in eigen and t.inschrijver != s.naam:
            anderen[t.inschrijver] = anderen.get(t.inschrijver, 0) + t.aantal
    per_naam = {x.naam: x for x in p.leveranciers}
    # Higher gunningswaarde: stage 1 maximises sum(waarde x inburgeraars), so their inburgeraars weigh more; not 'first'
    # (under per_subregio a better bid can get less than it could have: stage 1 is no waterfall either).
    hoger = [x for x in anderen if _w(per_naam[x]) > _w(s)]
    # Equal total: the better-ranked (by the published tie-break or the draw) weighs more in stage 2 (rank weight
    # R - rank + 1); the sentence says that weight, not 'first', which a weighted sum does not guarantee.
    rang = [x for x in anderen if _w(per_naam[x]) == _w(s) and per_naam[x].rang < s.rang]
    delen = []
    if hoger:
        wie, bij = ("een inschrijver", "die inschrijver") if len(hoger) == 1 else ("inschrijvers", "hen")
        delen.append(
            (
                "beter_gerangschikt",
                f"de vraag in {_die_het_bedient(eigen)} ging ook naar {wie} met {p.voorrang} ("
                + ", ".join(f"{x}: {getal(anderen[x], 0)}" for x in hoger)
                + "), en stap 1 van de verdeling maximaliseert de som van gunningswaarde x inburgeraars, waarin "
                f"een inburgeraar bij {bij} zwaarder weegt",
            )
        )
    if rang:
        # One reason per pair: the bids ahead of it may have got there by different tie-breaks (a rule
        # for one, the draw for another), and a sentence naming one reason for all would be false.
        groepen: dict[str, list[str]] = {}
        for x in rang:
            groepen.setdefault(_voorrang(p, per_naam[x], s), []).append(x)
        zinnen = []
        for waarom, namen in groepen.items():
            wie = ", ".join(namen)
            heeft, gaat = ("heeft", "gaat") if len(namen) == 1 else ("hebben", "gaan")
            if waarom:
                zinnen.append(f"{wie} {heeft} dezelfde {p.maatstaf} en {gaat} voor {waarom}")
            else:  # no rule and no draw decided the tie yet: the provisional order is the name's, and says so
                zinnen.append(
                    f"{wie} {heeft} dezelfde {p.maatstaf} en de volgorde tussen hen is niet door een beslisregel of "
                    f"loting bepaald; in deze verdeling {gaat} {wie} voor, alleen op alfabetische volgorde"
                )
        zin = "; ".join(zinnen)
        if any(groepen):
            zin += (
                f"; bij gelijke {p.maatstaf} weegt de hoger gerangschikte inschrijving in de verdeling zwaarder "
                f"({RANGWICHT})"
            )
        delen.append(("gelijke_waarde_betere_rang", zin))
    lager = [x for x in anderen if x not in hoger and x not in rang]
    if lager:
        namen = [REGELNAAM[c] for c in regels]
        wie = (
            "ook een lager gerangschikte inschrijver krijgt"
            if len(lager) == 1
            else "ook lager gerangschikte inschrijvers krijgen"
        )
        waarom = (
            f"dat komt door de verdeelregels van dit perceel (van kracht: {', '.join(namen)}); opnieuw verdeeld "
            "zonder één van die regels zou het niet meer krijgen"
            if namen
            else "geen afzonderlijke verdeelregel verklaart dat"
        )
        aantallen = ", ".join(f"{x}: {getal(anderen[x], 0)}" for x in lager)
        delen.append(("combinatie", f"{wie} vraag in {_die_het_bedient(eigen)} ({aantallen}); {waarom}"))
    return delen or [("combinatie", "de verdeelregels samen; geen afzonderlijke regel verklaart het")]


def _aantal(n: int, een: str, meer: str) -> str:
    """'1 inburgeraar', '4 inburgeraars': a count with its noun in the number the count asks for."""
    return f"{getal(n, 0)} {een if n == 1 else meer}"


def _gemeente_n(gemeenten: list[str]) -> str:
    return "gemeente" if len(gemeenten) == 1 else "gemeenten"


def _die_het_bedient(gemeenten: list[str]) -> str:
    """'de gemeente die het bedient' for a supplier in one gemeente, else 'de gemeenten die het bedient'
    (evaluatie.rapport.aanspreken turns both into 'u')."""
    return f"de {_gemeente_n(gemeenten)} die het bedient"


def bindende_regels(p: Verdeelprobleem, v: Verdeling, los: Oplosser | None = None) -> list[str]:
    """The explanations as sentences (the form gunning.json and the advies carry)."""
    if los is None:
        from evaluatie.verdeling.verdelen import verdeel

        los = verdeel
    return [x.zin for x in verklaar(p, v, los)]

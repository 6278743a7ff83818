"""Why an allocation is impossible, in words that name the rule and who is involved.

First cheap checks that need no solver; then an elastic copy of the model whose penalised
slack variables show which demand, budget or supplier-count rule cannot be met. The model is
the one the allocation itself solves (evaluatie.verdeling.opbouw.bouw, with `elastisch`), so the
diagnosis can never describe a different set of rules.

Only a lot awarded by ranking gets here (an open house has its expectation, evaluatie.verdeling.toelating), so
the suppliers are called the geldige inschrijvers, never toegelaten; the contract phase says the same findings of
its gecontracteerde aanbieders: every noun for the suppliers comes from `Verdeelprobleem.woorden`
(evaluatie.contract.herverdeling.herverdeelprobleem sets them).
"""

from __future__ import annotations

from evaluatie.tekst import euro, kort
from evaluatie.verdeling.klassen import Klasse, bovengrens, geschikt
from evaluatie.verdeling.matrix import Uitkomst, motor
from evaluatie.verdeling.model import Verdeelprobleem
from evaluatie.verdeling.opbouw import bouw


def _inburgeraars(n: int) -> str:
    return f"{n} inburgeraar" if n == 1 else f"{n} inburgeraars"


def vooraf(p: Verdeelprobleem) -> list[str]:
    meldingen = []
    el = geschikt(p)
    for g, d in p.vraag.items():
        if d > 0 and not el[g]:
            if p.regels.per_subregio:
                meldingen.append(
                    f"Perceel {p.perceelnaam}: {g} heeft {_inburgeraars(d)}, maar geen {p.woorden.geldig} "
                    f"{p.woorden.een} bedient de hele subregio {p.subregio[g]} (regel per_subregio)"
                )
            else:
                meldingen.append(
                    f"Perceel {p.perceelnaam}: {g} heeft {_inburgeraars(d)}, maar geen {p.woorden.geldig} "
                    f"{p.woorden.een} bedient {g}"
                )
    if meldingen:
        return meldingen
    ruimte = sum(bovengrens(p, s) for s in p.leveranciers)
    if ruimte < p.totaal:
        plafond = p.aandeelplafond()
        extra = (
            f" (per {p.woorden.een} hoogstens {plafond} door max_aandeel {kort(p.regels.max_aandeel)})"
            if plafond is not None and p.regels.max_aandeel is not None
            else ""
        )
        meldingen.append(
            f"Perceel {p.perceelnaam}: de {p.woorden.geldig} {p.woorden.meer} hebben samen {ruimte} plaatsen{extra}, "
            f"de vraag is {p.totaal}"
        )
    elif p.regels.max_leveranciers is not None:
        meldingen += _te_weinig_bij_max_leveranciers(p)
    if p.regels.per_subregio:
        meldingen += _subregio_te_klein(p, el)
    r = p.regels
    if r.min_leveranciers is not None:
        minimum = max(1, r.min_volume or 0)
        mogelijk = [s.naam for s in p.leveranciers if bovengrens(p, s) >= minimum]
        if len(mogelijk) < r.min_leveranciers:
            # with min_volume the others are out because they have fewer places than that minimum: said, with the
            # number, so that the message names the rule that decides and not only min_leveranciers
            wie = p.woorden.een if len(mogelijk) == 1 else p.woorden.meer
            kunnen = "kan" if len(mogelijk) == 1 else "kunnen"
            waarom = f" van minstens {minimum} (min_volume; de andere hebben minder plaatsen)" if minimum > 1 else ""
            meldingen.append(
                f"Perceel {p.perceelnaam}: min_leveranciers is {r.min_leveranciers}, maar slechts "
                f"{len(mogelijk)} {p.woorden.geldig} {wie} {kunnen} volume krijgen{waarom} "
                f"({', '.join(mogelijk) or 'geen'})"
            )
    return meldingen


def _te_weinig_bij_max_leveranciers(p: Verdeelprobleem) -> list[str]:
    """At most max_leveranciers suppliers get volume, so when the ones with the most places together have fewer than
    the demand, no allocation exists, wherever the inburgeraars live. The elastic model would put that shortage in
    gemeenten of its own choosing and read as if those gemeenten were the problem."""
    m = p.regels.max_leveranciers
    if m is None:
        return []
    grootste = sorted(p.leveranciers, key=lambda s: (-bovengrens(p, s), s.rang))[:m]
    som = sum(bovengrens(p, s) for s in grootste)
    if som >= p.totaal:
        return []
    wie = ", ".join(f"{s.naam} {bovengrens(p, s)}" for s in grootste)
    if m == 1:
        hoeveel = f"1 {p.woorden.geldig} {p.woorden.een} volume, en die met de meeste plaatsen heeft er {som} ({wie})"
    else:
        hoeveel = (
            f"{m} {p.woorden.geldig} {p.woorden.meer} volume, en de {m} met de meeste plaatsen hebben er samen {som} "
            f"({wie})"
        )
    return [
        f"Perceel {p.perceelnaam}: max_leveranciers is {m}, dus krijgen hoogstens {hoeveel}, de vraag is {p.totaal}"
    ]


def _subregio_te_klein(p: Verdeelprobleem, el: dict[str, tuple[int, ...]]) -> list[str]:
    """Under per_subregio every chosen supplier gets at least 1 in every gemeente of the subregio, so a subregio
    whose smallest gemeente has d inburgeraars can choose at most d suppliers (and at most
    max_leveranciers_per_gemeente). When even the largest bounds of that many candidates do not cover the
    subregio's demand, no allocation exists; the slack of the elastic model would name a gemeente at random."""
    meldingen = []
    leden: dict[str, list[str]] = {}
    for g, d in p.vraag.items():
        if d > 0:
            leden.setdefault(p.subregio[g], []).append(g)
    k_max = p.regels.max_leveranciers_per_gemeente
    for regio, gs in leden.items():
        vraag = sum(p.vraag[g] for g in gs)
        kleinste = min(gs, key=lambda g: p.vraag[g])  # the first of the smallest, in tender order
        grens = p.vraag[kleinste] if k_max is None else min(p.vraag[kleinste], k_max)
        kandidaten = sorted(
            ((min(bovengrens(p, p.leveranciers[si]), vraag), p.leveranciers[si].naam) for si in el[gs[0]]),
            key=lambda t: (-t[0], t[1]),
        )
        kandidaten = [(n, naam) for n, naam in kandidaten if n >= len(gs)]  # 1 in every gemeente at least
        if not kandidaten or sum(n for n, _ in kandidaten[:grens]) >= vraag:
            continue  # none at all is said above (no supplier serves the whole subregio)
        if k_max is not None and k_max < p.vraag[kleinste]:
            waarom = f"max_leveranciers_per_gemeente is {k_max}"
        else:
            waarom = (
                f"{kleinste} heeft er {p.vraag[kleinste]} en iedere gekozen aanbieder krijgt minstens 1 inburgeraar "
                "in iedere gemeente van de subregio"
            )
        gekozen = kandidaten[:grens]
        som = sum(n for n, _ in gekozen)
        wie = ", ".join(f"{naam} {n}" for n, naam in gekozen)
        if len(kandidaten) == 1:
            hoeveel = f"de enige {p.woorden.een} die de hele subregio bedient, kan er hoogstens {som} krijgen ({wie})"
        elif grens == 1:
            hoeveel = (
                f"geen van de {len(kandidaten)} {p.woorden.meer} die de hele subregio bedienen, kan er meer dan {som} "
                f"krijgen ({wie})"
            )
        elif len(gekozen) == len(kandidaten):
            hoeveel = (
                f"de {len(kandidaten)} {p.woorden.meer} die de hele subregio bedienen, kunnen er samen hoogstens {som} "
                f"krijgen ({wie})"
            )
        else:
            hoeveel = (
                f"de {grens} {p.woorden.meer} met de meeste plaatsen van de {len(kandidaten)} die de hele subregio "
                f"bedienen, kunnen er samen hoogstens {som} krijgen ({wie})"
            )
        gekozen_tekst = "kan daar maar 1 aanbieder" if grens == 1 else f"kunnen daar hoogstens {grens} aanbieders"
        meldingen.append(
            f"Perceel {p.perceelnaam}: subregio {regio} heeft {_inburgeraars(vraag)}; {waarom}, dus "
            f"{gekozen_tekst} worden gekozen (regel per_subregio), en {hoeveel}"
        )
    return meldingen


def diagnose(p: Verdeelprobleem, ks: list[Klasse], oplosser: str, tijdslimiet: float | None) -> list[str]:
    """`ks` are the classes of the real model (single gemeenten when a rule looks at them)."""
    o = bouw(
        p,
        ks,
        per_gemeente=p.regels.max_leveranciers_per_gemeente is not None,
        budget=bool(p.budget),
        subregio="gemeente" if p.regels.per_subregio else "nee",
        elastisch=True,
    )
    m = motor(oplosser, o.lin, tijdslimiet)
    # Unmet demand is the last resort: first see whether a budget or the supplier count gives way.
    straf = {"tekort": 100_000_000, "min_leveranciers": 1_000_000, "budget": 1}
    if (
        m.los({j: straf[naam.partition(":")[0]] for naam, j in o.slack.items()}, maximaliseer=False)
        != Uitkomst.OPTIMAAL
    ):
        return [_regels_samen(p)]
    waarden = m.waarden()
    meldingen = []
    for naam, j in o.slack.items():
        waarde = waarden[j]
        if waarde <= 0:
            continue
        soort, _, idx = naam.partition(":")
        if soort == "tekort":
            k = ks[int(idx)]
            bedienen = [p.leveranciers[si].naam for si in k.leveranciers]
            meldingen.append(
                f"Perceel {p.perceelnaam}: voor {', '.join(k.gemeenten)} {'kan' if round(waarde) == 1 else 'kunnen'} "
                f"{_inburgeraars(round(waarde))} "
                f"niet worden toegewezen binnen de regels ({_regels_kort(p)}); bedienen deze gemeente(n): "
                f"{', '.join(bedienen)}"
            )
        elif soort == "budget":
            g = ks[int(idx)].gemeenten[0]
            meldingen.append(
                f"Perceel {p.perceelnaam}: het budget van {g} ({euro(p.budget[g])}) is "
                f"{euro(waarde / 100)} te laag voor de vraag van {g}"
            )
        elif soort == "min_leveranciers":
            meldingen.append(
                f"Perceel {p.perceelnaam}: min_leveranciers {p.regels.min_leveranciers} is niet haalbaar "
                f"met de andere regels ({_regels_kort(p)})"
            )
    return meldingen or [_regels_samen(p)]


def _regels_kort(p: Verdeelprobleem) -> str:
    r = p.regels
    delen = ["capaciteit"]
    for veld in ("max_aandeel", "min_volume", "min_leveranciers", "max_leveranciers", "max_leveranciers_per_gemeente"):
        if getattr(r, veld) is not None:
            delen.append(f"{veld} {kort(getattr(r, veld))}")
    if r.per_subregio:
        delen.append("per_subregio")
    return ", ".join(delen)


def _regels_samen(p: Verdeelprobleem) -> str:
    return (
        f"Perceel {p.perceelnaam}: de verdeelregels ({_regels_kort(p)}) zijn samen niet te verenigen "
        f"met de vraag en de capaciteit van de {p.woorden.geldig} {p.woorden.meer}"
    )

"""When a supplier drops out: a proposal to re-allocate over the remaining suppliers.

Why this construction: the re-allocation must follow the award's own allocation rules and exact path
(evaluatie.verdeling.verdelen.verdeel), with the placements already made this contract year fixed. It is a
fresh award on the remaining suppliers (award values and ranking as awarded) in which every placement
x_gs already made is a lower bound. Because the allocation objective and the rules are linear in the
supplier totals, fixing placements n_gs is exactly the residual problem y = x - n with
  demand           d_g - sum_s n_gs,
  capacity         min(capacity_s, share ceiling) - n_s   (the share rule folds into capacity),
  budget           budget_g - cost of the placements in g,
and every stage value shifts by a constant. Rules that count suppliers (min_volume, minimum/maximum
number of suppliers, max per gemeente, one set per subregio) cannot be carried over exactly once some
placements exist: then the proposal refuses in words and names the start of the next contract year,
from which the fresh award applies with every rule. Later contract years get the fresh award on the
remaining suppliers. Nothing changes until the proposal is taken as a recorded decision.

A gemeente that joined the lot later (contract aansluiting) is not in the award's problem. Its allocation from the
drop-out on follows the rule its admission used (evaluatie.gunning.aansluitregel), applied after the award's
gemeenten are re-allocated: its placements this year stay, and the rest of its yearly number goes to the remaining
suppliers in ranking order, each up to the capacity it has left that year. Re-allocating it by the award's rules
instead would let it take places from the participants, which the published rule excludes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from evaluatie.contract.besluit import leg_vast
from evaluatie.contract.lezen import Register
from evaluatie.contract.namen import geen_contract
from evaluatie.contract.register import schrijf_toewijzing
from evaluatie.contract.registerwacht import terugdraaien
from evaluatie.contract.telling import geplaatst
from evaluatie.fouten import EvaluatieFout, Fout, InvoerFout
from evaluatie.tekst import aantal, datum
from evaluatie.verdeling.model import AANBIEDERS, Verdeelprobleem, Verdeling
from evaluatie.werkmap import Werkmap

# the rules that count suppliers, named as the contract manager reads them: the contracted suppliers (aanbieders),
# not the award's inschrijvers, with the field of aanbesteding.yaml that sets the rule
NIET_OVERDRAAGBAAR = {
    "min_volume": "minimaal volume per aanbieder (min_volume)",
    "min_leveranciers": "minimaal aantal aanbieders (min_leveranciers)",
    "max_leveranciers": "maximaal aantal aanbieders (max_leveranciers)",
    "max_leveranciers_per_gemeente": "maximaal aantal aanbieders per gemeente (max_leveranciers_per_gemeente)",
    "per_subregio": "één set aanbieders per subregio (per_subregio)",
}


@dataclass
class Herverdeling:
    perceel: str
    aanbieder: str
    per: dt.date
    jaar: int
    vast: dict[tuple[str, str], int]  # placements made this contract year before `per`, per (gemeente, supplier)
    dit_jaar: dict[tuple[str, str], int]  # the proposed allocation for the rest of this year, placements included
    volgende_jaren: dict[tuple[str, str], int]  # fresh award on the remaining suppliers
    pad: str
    uitleg: list[str] = field(default_factory=list)
    volledig: bool = True  # False when later years cannot be allocated: then it cannot be taken as a decision
    # per remaining supplier, trajectories that came to it by a route change this year before `per` (aankomsten)
    aangekomen: dict[str, int] = field(default_factory=dict)
    # per later contract year, the allocation of the gemeenten that joined later (contract aansluiting): their rows
    # differ per year when one joins from a later year, so they are not in `volgende_jaren`
    aangesloten_jaren: dict[int, dict[tuple[str, str], int]] = field(default_factory=dict)
    # open house: per gemeente the demand of this year no remaining provider serves (until one joins); and whether
    # any provider remains at all
    zonder_aanbieder: dict[str, int] = field(default_factory=dict)
    niemand_over: bool = False


def award_probleem(werkmap: Werkmap, perceel: str, naam: str | None = None) -> Verdeelprobleem:
    """The award's allocation problem for one lot, rebuilt from the werkmap by the award's own code. When the award
    cannot be computed from the current files, the contract manager reads that, and which input changed since the
    award, in the contract's words: the award's own reason speaks of inschrijvers and of what its inkoper must do
    ('evaluatie controleer' gives it). An input error (a file that cannot be read) stays as it is: it names the file."""
    from evaluatie.gunning.uitvoeren import verdeelprobleem
    from evaluatie.pipeline import gun

    try:
        award = gun(werkmap, perceel)
    except EvaluatieFout:
        raise EvaluatieFout([_niet_opnieuw_te_berekenen(werkmap, naam or perceel)]) from None
    u = award.uitslag.percelen[perceel]
    return verdeelprobleem(award.invoer.aanbesteding, perceel, list(u.rangorde), award.invoer.inschrijvingen)


def _niet_opnieuw_te_berekenen(werkmap: Werkmap, naam: str) -> str:
    return (
        f"perceel {naam}: de gunning is uit de huidige bestanden niet opnieuw te berekenen, dus is niet na te gaan of "
        "een herverdeling de regels van de gunning volgt waarop het contract begon; eerst uitzoeken waarom "
        f"('evaluatie controleer' zegt het).{_sinds_de_gunning(werkmap)}"
    )


def _sinds_de_gunning(werkmap: Werkmap) -> str:
    """' Sinds de gunning: inschrijvingen/b.xlsx: gewijzigd sinds de gunning (...).': the inputs that differ from
    those the logged award read, or '' (none, or no logged award)."""
    from evaluatie.invoerverschil import gewijzigde_invoer
    from evaluatie.logboek import laatste_gunning

    log = laatste_gunning(werkmap)
    gewijzigd = gewijzigde_invoer(werkmap, log) if log is not None else []
    return f" De invoer van de gunning is veranderd: {'; '.join(gewijzigd)}." if gewijzigd else ""


def _is_toelating(werkmap: Werkmap, perceel: str) -> bool:
    """Open house (toelating): the award's distribution is the expected one by capacity, not an optimum."""
    from evaluatie.definitie.laden import laad_aanbesteding

    return laad_aanbesteding(werkmap.aanbesteding)[0].percelen[perceel].procedure == "toelating"


def _verdeler(toelating: bool) -> Callable[[Verdeelprobleem], Verdeling]:
    """The award's own allocation for the lot: the exact path, or the expected distribution of open house."""
    from evaluatie.verdeling.toelating import verwachte_verdeling
    from evaluatie.verdeling.verdelen import verdeel

    return verwachte_verdeling if toelating else verdeel


def _zelfde_gunning(werkmap: Werkmap, reg: Register) -> dict[str, Any]:
    """gunning.json as the contract began on it, checked before the award is computed again: a changed one is the
    reason to say, not what the award computed from the files after it says."""
    from evaluatie.contract.basis import gunningpad
    from evaluatie.hashing import sha256_bestand

    pad = gunningpad(werkmap)
    if not pad.is_file() or sha256_bestand(pad) != reg.gunning_sha256:
        raise EvaluatieFout(
            [
                "rapporten/gunning.json is niet meer de gunning waarop het contract begon; een herverdeling volgens "
                "de regels van de gunning kan dan niet worden voorgesteld"
            ]
        )
    data: dict[str, Any] = json.loads(pad.read_text(encoding="utf-8"))
    return data


def _premisse(
    werkmap: Werkmap, data: dict[str, Any], perceel: str, naam: str, p: Verdeelprobleem, toelating: bool = False
) -> None:
    """The award computed again from the files gives the allocation the contract began with (`data`: gunning.json)."""
    toewijzing = data["percelen"][perceel]["toewijzing"]
    gegund = {(t["gemeente"], t["inschrijver"]): int(t["aantal"]) for t in toewijzing}
    opnieuw = {(t.gemeente, t.inschrijver): t.aantal for t in _verdeler(toelating)(p).toewijzing}
    if opnieuw != gegund:
        raise EvaluatieFout(
            [
                f"perceel {naam}: de gunning geeft uit de huidige bestanden een andere verdeling dan "
                f"bij de start van het contract; eerst uitzoeken waarom.{_sinds_de_gunning(werkmap)}"
            ]
        )


def met_later_toegetreden(reg: Register, perceel: str, p: Verdeelprobleem) -> Verdeelprobleem:
    """The award's problem of an open-house lot with the providers admitted later (contract toetreding) among the
    suppliers, as the expectation of the toetreding counts them (contract.toetreding.verwachting): the award does
    not know them, so a drop-out left their share to the award's providers alone, and with a placement of theirs to
    keep it stopped on a KeyError."""
    from evaluatie.verdeling.model import Leverancier

    bekend = {s.naam for s in p.leveranciers}
    later = [s for s in reg.leveranciers_van(perceel) if s.naam not in bekend]
    erbij = tuple(
        Leverancier(
            naam=s.naam, waarde=0.0, prijs=s.prijs, capaciteit=s.capaciteit, gemeenten=s.gemeenten, rang=len(bekend) + i
        )
        for i, s in enumerate(later)
    )
    return dataclasses.replace(p, leveranciers=(*p.leveranciers, *erbij)) if erbij else p


def aankomsten(reg: Register, perceel: str, blijft: list[str], begin: dt.date, tot_en_met: dt.date) -> dict[str, int]:
    """Per remaining supplier, the trajectories that came to it in `perceel` by a route change in [begin, tot_en_met]:
    they take places of its capacity this contract year (as the advice counts 'vol'), though no gemeente's demand
    for this lot (the allocation follows the registration)."""
    uit: dict[str, int] = {}
    for pl in reg.plaatsingen:
        d, wie = pl.route_gewijzigd_datum, pl.route_gewijzigd_leverancier
        if pl.route_gewijzigd == perceel and wie in blijft and d is not None and begin <= d <= tot_en_met:
            uit[wie] = uit.get(wie, 0) + 1
    return uit


def herverdeelprobleem(
    p: Verdeelprobleem,
    blijft: list[str],
    vast_weg: dict[tuple[str, str], int],
    aangekomen: dict[str, int] | None = None,
) -> Verdeelprobleem:
    """The fresh award's problem: the remaining contracted suppliers (award values and ranking order kept),
    each gemeente's yearly demand less the placements the departing suppliers made this year, and its
    budget (if any) less what those placements cost. `aangekomen`: per supplier the places of this year's capacity
    taken by route changes into the lot (`aankomsten`); none for a later year."""
    bezet = aangekomen or {}
    lev = [
        dataclasses.replace(s, capaciteit=max(0, s.capaciteit - bezet.get(s.naam, 0)))
        for s in p.leveranciers
        if s.naam in blijft
    ]
    prijs = {s.naam: s.prijs for s in p.leveranciers}
    vraag = dict(p.vraag)
    budget = dict(p.budget)
    for (g, naam), n in vast_weg.items():
        vraag[g] = max(0, vraag[g] - n)  # more placed than expected: nothing left to allocate there
        if g in budget:
            budget[g] -= n * prijs[naam]
    regels = p.regels.model_copy(update={"budget_per_gemeente": budget}) if budget else p.regels
    return dataclasses.replace(
        p,
        vraag=vraag,
        budget=budget,
        regels=regels,
        leveranciers=tuple(dataclasses.replace(s, rang=i) for i, s in enumerate(lev)),
        woorden=AANBIEDERS,  # the diagnosis of an impossible allocation speaks of the contracted suppliers
    )


def restprobleem(r: Verdeelprobleem, vast: dict[tuple[str, str], int]) -> Verdeelprobleem:
    """The residual of `r` once `vast` placements are fixed (see the module doc); only for rules that
    do not count suppliers."""
    open_regels = [t for k, t in NIET_OVERDRAAGBAAR.items() if getattr(r.regels, k)]
    if open_regels:
        raise EvaluatieFout(
            [
                f"perceel {r.perceelnaam}: de plaatsingen die al vastliggen passen niet in een nieuwe verdeling "
                "over de overige aanbieders, en met die plaatsingen vast kan deze verdeelregel niet exact op het "
                "restant worden "
                f"toegepast: {', '.join(open_regels)}. Neem de herverdeling per de start van het volgende contractjaar "
                "(--per); dan geldt een nieuwe verdeling met alle regels"
            ]
        )
    plafond = r.aandeelplafond()
    per_lev: dict[str, int] = {}
    kosten: dict[str, float] = {}
    prijs = {s.naam: s.prijs for s in r.leveranciers}
    for (g, naam), n in vast.items():
        per_lev[naam] = per_lev.get(naam, 0) + n
        kosten[g] = kosten.get(g, 0.0) + n * prijs[naam]
    leveranciers = []
    for s in r.leveranciers:
        grens = s.capaciteit if plafond is None else min(s.capaciteit, plafond)
        leveranciers.append(dataclasses.replace(s, capaciteit=max(0, grens - per_lev.get(s.naam, 0))))
    vraag = {g: max(0, d - sum(n for (h, _), n in vast.items() if h == g)) for g, d in r.vraag.items()}
    budget = {g: b - kosten.get(g, 0.0) for g, b in r.budget.items()}
    regels = r.regels.model_copy(update={"max_aandeel": None, "budget_per_gemeente": budget})
    return dataclasses.replace(r, vraag=vraag, leveranciers=tuple(leveranciers), regels=regels, budget=budget)


def _geen_aanmeldingen_na(reg: Register, perceel: str, aanbieder: str, per: dt.date) -> None:
    """Registrations at the supplier on or after the day it drops out contradict that day: the proposal would count
    only the placements before it and the stand would show the later ones at a supplier that had stopped."""
    later = sorted(
        (pl.aangemeld, pl.gemeente, pl.klantnummer)
        for pl in reg.plaatsingen
        if pl.perceel == perceel and pl.leverancier == aanbieder and pl.aangemeld is not None and pl.aangemeld >= per
    )
    # a route change to it is a trajectory that goes on with it from that day, like a registration (contract inlezen
    # refuses both once the drop-out is recorded)
    gewijzigd = sorted(
        (d, pl.gemeente, pl.klantnummer)
        for pl in reg.plaatsingen
        if pl.route_gewijzigd == perceel
        and pl.route_gewijzigd_leverancier == aanbieder
        and (d := pl.route_gewijzigd_datum) is not None
        and d >= per
    )
    fouten: list[Fout] = []
    keuze = "Kies de dag na de laatste {} bij deze aanbieder, of corrigeer eerst die {} met een nieuwe aanlevering "
    if later:
        d, gemeente, klant = later[0]
        fouten.append(
            Fout(
                "--per",
                f"op of na {per:%d-%m-%Y} zijn nog {len(later)} inburgeraar(s) bij {aanbieder} in perceel {perceel} "
                f"aangemeld (de eerste: klant {klant} in {gemeente} op {d:%d-%m-%Y}); een aanbieder die per "
                f"{per:%d-%m-%Y} uitvalt, krijgt vanaf die dag geen aanmeldingen. "
                + keuze.format("aanmelding", "aanmeldingen")
                + "('evaluatie contract inlezen')",
            )
        )
    if gewijzigd:
        d, gemeente, klant = gewijzigd[0]
        fouten.append(
            Fout(
                "--per",
                f"op of na {per:%d-%m-%Y} {'is' if len(gewijzigd) == 1 else 'zijn'} nog "
                f"{aantal(str(len(gewijzigd)), 'traject', 'trajecten')} na een routewijziging naar perceel "
                f"{perceel} bij {aanbieder} verdergegaan (de eerste: klant {klant} in {gemeente} op {d:%d-%m-%Y}); een "
                f"aanbieder die per {per:%d-%m-%Y} uitvalt, krijgt vanaf die dag geen trajecten. "
                + keuze.format("routewijziging", "routewijzigingen")
                + "('evaluatie contract inlezen')",
            )
        )
    if fouten:
        raise InvoerFout(fouten)


def _aangesloten_in(reg: Register, perceel: str, jaar: int) -> list[str]:
    """The gemeenten that joined `perceel` later (contract aansluiting) and have an allocation in contract year `jaar`,
    in the order of their decisions (the order in which each took capacity left)."""
    eigen = sorted((a for a in reg.aangesloten.values() if a.perceel == perceel), key=lambda a: a.besluit)
    return [a.gemeente for a in eigen if reg.contractjaar(a.vanaf) <= jaar]


def verdeel_aangesloten(
    reg: Register,
    perceel: str,
    jaar: int,
    blijft: list[str],
    toewijzing: dict[tuple[str, str], int],
    vast: dict[tuple[str, str], int],
    aangekomen: dict[str, int],
) -> tuple[dict[tuple[str, str], int], list[str]]:
    """The allocation in `jaar` of the gemeenten that joined later, by the published rule of the aansluiting
    (module doc): `toewijzing` is the re-allocation of the award's gemeenten that year, `vast` the placements made
    that year before the drop-out, `aangekomen` the places route changes took. Returns the rows (placements included)
    and, per gemeente whose number does not fit, a sentence saying so ([] when all fit)."""
    from evaluatie.gunning.aansluitregel import verdeel_aansluiting

    bezet = dict(aangekomen)
    for (_, s), n in toewijzing.items():
        bezet[s] = bezet.get(s, 0) + n
    uit: dict[tuple[str, str], int] = {}
    tekort: list[str] = []
    for g in _aangesloten_in(reg, perceel, jaar):
        eigen = {s: n for (h, s), n in vast.items() if h == g and n}
        for s, n in eigen.items():
            uit[(g, s)] = n
            bezet[s] = bezet.get(s, 0) + n
        aantal = max(0, reg.latere_gemeenten[g][1][perceel] - sum(eigen.values()))
        vrij = [
            (s.naam, s.capaciteit - bezet.get(s.naam, 0)) for s in reg.leveranciers_van(perceel) if s.naam in blijft
        ]
        toegewezen, rest = verdeel_aansluiting(aantal, vrij)
        for s, n in toegewezen.items():
            uit[(g, s)] = uit.get((g, s), 0) + n
            bezet[s] = bezet.get(s, 0) + n
        if rest:
            tekort.append(
                f"{g} (later aangesloten, contract aansluiting) in contractjaar {jaar}: nodig {aantal}"
                + (f" (na {sum(eigen.values())} plaatsingen)" if eigen else "")
                + f", vrij {sum(max(v, 0) for _, v in vrij)} ("
                + (", ".join(f"{n} {max(v, 0)}" for n, v in vrij) or "geen aanbieder")
                + ")"
            )
    return uit, tekort


def _aansluitzin(reg: Register, perceel: str, tekort: list[str]) -> str:
    return (
        "de gemeenten van de gunning gaan voor; een later aangesloten gemeente krijgt daarna, volgens de "
        "gepubliceerde regel van de aansluiting, alleen de capaciteit die de overige aanbieders in perceel "
        f"{reg.percelen[perceel].naam} nog vrij hebben, en die is te klein: {'; '.join(tekort)}"
    )


def aanbieder_fouten(reg: Register, perceel: str, aanbieder: str) -> list[Fout]:
    """Why `aanbieder` cannot drop out of `perceel` (no contract there, already dropped out); empty when it can.
    Apart from the proposal so a call without --per still names a wrong supplier with it."""
    if not any(n == aanbieder for (_, n) in reg.leveranciers):  # no supplier of this name at all
        return [Fout("--aanbieder", f"{aanbieder} {geen_contract(aanbieder, reg)}")]
    if (perceel, aanbieder) not in reg.leveranciers:
        return [Fout("--aanbieder", f"{aanbieder} heeft geen contract voor perceel {perceel}")]
    if (perceel, aanbieder) in reg.uitgevallen:
        return [Fout("--aanbieder", f"{aanbieder} is al uitgevallen in perceel {perceel}")]
    return []


def voorstel(
    werkmap: Werkmap,
    reg: Register,
    perceel: str,
    aanbieder: str,
    per: dt.date,
    probleem: Verdeelprobleem | None = None,
) -> Herverdeling:
    """The re-allocation proposal. Exact in three steps: (a) the fresh award on the remaining suppliers;
    if it gives every supplier at least what it already received this year in every gemeente, it is also
    the optimum with those placements fixed (the fixed problem's solutions are a subset). (b) Otherwise
    the residual problem (exact for rules that do not count suppliers). (c) Otherwise a refusal in words."""
    if fouten := aanbieder_fouten(reg, perceel, aanbieder):
        raise InvoerFout(fouten)
    if (vanaf := reg.toegetreden.get((perceel, aanbieder))) is not None and per < vanaf:
        # a supplier admitted later has no contract before its first day: it cannot drop out before it, and the
        # stand would name both the later entry and a drop-out before it
        raise InvoerFout(
            [
                Fout(
                    "--per",
                    f"{aanbieder} is per {vanaf.strftime('%d-%m-%Y')} toegelaten tot {reg.percelen[perceel].naam} "
                    "(later toegetreden); een uitval ligt op of na die dag",
                )
            ]
        )
    terug = reg.hervattingen.get((perceel, aanbieder))
    if terug and per <= terug[-1].vanaf:  # a new drop-out ends the period that began with the re-entry
        raise InvoerFout(
            [
                Fout(
                    "--per",
                    f"{aanbieder} is per {terug[-1].vanaf.strftime('%d-%m-%Y')} weer opgenomen in "
                    f"{reg.percelen[perceel].naam} (besluit {terug[-1].besluit}, contract hervatting); een nieuwe "
                    "uitval ligt na die dag",
                )
            ]
        )
    _geen_aanmeldingen_na(reg, perceel, aanbieder, per)
    jaar = reg.contractjaar(per)
    begin, _ = reg.jaargrenzen(jaar)
    gunning = _zelfde_gunning(werkmap, reg) if probleem is None else {}
    p = probleem or award_probleem(werkmap, perceel, reg.percelen[perceel].naam)
    toelating = probleem is None and _is_toelating(werkmap, perceel)
    verdeel = _verdeler(toelating)
    if probleem is None:
        _premisse(werkmap, gunning, perceel, reg.percelen[perceel].naam, p, toelating)
    if toelating:
        p = met_later_toegetreden(reg, perceel, p)
    weg = {s for (c, s) in reg.uitvallen if c == perceel and reg.uitval_op(c, s, per) is not None} | {aanbieder}
    blijft = [s.naam for s in reg.leveranciers_van(perceel) if s.naam not in weg]
    telling = geplaatst(reg, begin, per - dt.timedelta(days=1))
    vast = {(g, s): n for (g, c, s), n in telling.items() if c == perceel and n}
    later = {g for (g, c) in reg.aangesloten if c == perceel}  # not in the award's problem: allocated after it
    vast_weg = {k: n for k, n in vast.items() if k[1] in weg and k[0] not in later}
    vast_blijft = {k: n for k, n in vast.items() if k[1] not in weg and k[0] not in later}
    aangekomen = aankomsten(reg, perceel, blijft, begin, per - dt.timedelta(days=1))
    r = herverdeelprobleem(p, blijft, vast_weg, aangekomen)
    try:
        v = verdeel(r)  # EvaluatieFout in words when the remaining suppliers cannot take the demand at all
    except EvaluatieFout as e:  # the award's diagnosis, said of this drop-out, year and lot
        raise EvaluatieFout(
            [
                f"Na de uitval van {aanbieder} per {datum(per)} kunnen de overige gecontracteerde aanbieders "
                f"({', '.join(blijft) or 'geen'}) de vraag van contractjaar {jaar} in perceel "
                f"{reg.percelen[perceel].naam} niet opvangen:",
                *e.meldingen,
                *(
                    [
                        f"(De vraag hierboven is die van contractjaar {jaar} zonder de {sum(vast_weg.values())} "
                        f"plaatsingen die {aanbieder} dit contractjaar al had: die blijven staan.)"
                    ]
                    if vast_weg
                    else []
                ),
                *_aankomst_zinnen(reg, perceel, jaar, aangekomen),
            ]
        ) from None
    nieuw = {(t.gemeente, t.inschrijver): t.aantal for t in v.toewijzing}
    rest = r
    naam_pad = "verwachte verdeling naar capaciteit, zoals bij de toelating" if toelating else v.pad
    if all(nieuw.get(k, 0) >= n for k, n in vast_blijft.items()):
        dit_jaar = nieuw
        pad = f"{naam_pad}; de plaatsingen van dit jaar passen binnen deze verdeling"
    else:
        rest = restprobleem(r, vast_blijft)
        v = verdeel(rest)
        dit_jaar = dict(vast_blijft)
        for t in v.toewijzing:
            dit_jaar[(t.gemeente, t.inschrijver)] = dit_jaar.get((t.gemeente, t.inschrijver), 0) + t.aantal
        pad = f"{naam_pad}, op het restant na de vaste plaatsingen"
    for (g, s), n in vast.items():
        if s in weg and g not in later:
            dit_jaar[(g, s)] = dit_jaar.get((g, s), 0) + n
    erbij, tekort = verdeel_aangesloten(reg, perceel, jaar, blijft, dit_jaar, vast, aangekomen)
    if tekort:  # as when the award's gemeenten do not fit: no proposal, exit 1
        raise EvaluatieFout(
            [
                f"Na de uitval van {aanbieder} per {datum(per)} kunnen de overige gecontracteerde aanbieders "
                f"({', '.join(blijft) or 'geen'}) de vraag van contractjaar {jaar} in perceel "
                f"{reg.percelen[perceel].naam} niet opvangen:",
                "D" + _aansluitzin(reg, perceel, tekort)[1:],
                *_aankomst_zinnen(reg, perceel, jaar, aangekomen),
            ]
        )
    zonder = {g: n - sum(dit_jaar.get((g, s), 0) for s in blijft) for g, n in r.vraag.items()} if toelating else {}
    dit_jaar = {k: n for k, n in {**dit_jaar, **erbij}.items() if n}
    volgende: dict[tuple[str, str], int] = {}
    aangesloten_jaren: dict[int, dict[tuple[str, str], int]] = {}
    uitleg_volgende: list[str] = []
    na_optie: list[str] = []
    if jaar < reg.toewijzingsjaren:  # option years not yet exercised too: the allocation is stored for them
        try:
            vers = verdeel(herverdeelprobleem(p, blijft, {}))
            volgende = {(t.gemeente, t.inschrijver): t.aantal for t in vers.toewijzing}
            for j in range(jaar + 1, reg.toewijzingsjaren + 1):
                rijen, tekort = verdeel_aangesloten(reg, perceel, j, blijft, volgende, {}, {})
                if tekort:
                    uitleg_volgende.append(f"Vanaf contractjaar {j}: {_aansluitzin(reg, perceel, tekort)}")
                    break
                if rijen:
                    aangesloten_jaren[j] = rijen
        except EvaluatieFout as e:
            kan_niet = f"kunnen de overige aanbieders de vraag niet opvangen: {' '.join(e.meldingen)}"
            if jaar >= reg.laatste_jaar:  # every later year is an option year not exercised: not in the term yet
                optie = _optiejaren_tekst(reg, jaar)
                na_optie = [
                    f"Vanaf contractjaar {jaar + 1} ({optie}) {kan_niet}. Het voorstel geldt voor de looptijd tot en "
                    f"met {reg.laatste_dag().strftime('%d-%m-%Y')} en legt daarna geen nieuwe verdeling vast: daar "
                    f"blijft de toewijzing van de gunning staan, met {aanbieder}, die het advies als uitgevallen "
                    "overslaat. Weeg dat mee in het besluit over het optiejaar ('evaluatie contract optiejaar' noemt "
                    "het)."
                ]
            else:
                uitleg_volgende = [f"Vanaf contractjaar {jaar + 1} {kan_niet}"]
    h = Herverdeling(
        perceel,
        aanbieder,
        per,
        jaar,
        vast,
        dit_jaar,
        volgende,
        pad,
        aangekomen=aangekomen,
        aangesloten_jaren=aangesloten_jaren,
        zonder_aanbieder={g: n for g, n in zonder.items() if n > 0},
        niemand_over=toelating and not blijft,
    )
    h.uitleg = _uitleg(reg, h, rest, v, toelating) + uitleg_volgende + na_optie
    h.volledig = not uitleg_volgende
    return h


def _aankomst_zinnen(reg: Register, perceel: str, jaar: int, aangekomen: dict[str, int]) -> list[str]:
    """What the capacity of this year is less by route changes into the lot, in words ([] without one)."""
    if not aangekomen:
        return []
    wie = "; ".join(
        f"{naam} {n} van zijn capaciteit van {reg.leveranciers[(perceel, naam)].capaciteit}"
        for naam, n in sorted(aangekomen.items())
    )
    return [
        f"Capaciteit in contractjaar {jaar}: trajecten die na een routewijziging naar {reg.percelen[perceel].naam} "
        f"bij een overige aanbieder verdergaan, nemen daar een plaats in (zoals 'vol' in het advies): {wie}; het "
        "voorstel rekent met wat overblijft."
    ]


def _optiejaren_tekst(reg: Register, jaar: int) -> str:
    """'een optiejaar dat nog niet is uitgeoefend' for the years after `jaar`, all of them options not exercised."""
    if reg.alle_jaren - jaar == 1:
        return "een optiejaar dat nog niet is uitgeoefend"
    return "optiejaren die nog niet zijn uitgeoefend"


def _uitleg(reg: Register, h: Herverdeling, rest: Verdeelprobleem, v: object, toelating: bool = False) -> list[str]:
    from evaluatie.verdeling.verklaring import bindende_regels

    naam = reg.percelen[h.perceel].naam
    # an open house whose last provider leaves has no one to take the rest: said, not 'naar de overige aanbieders'
    naar = (
        "er is geen overige toegelaten aanbieder, dus heeft het restant van de vraag in dit perceel geen aanbieder tot "
        "een aanbieder toetreedt (evaluatie contract toetreding)."
        if h.niemand_over
        else "het restant van de vraag gaat volgens dezelfde verdeelregels en hetzelfde exacte rekenpad als de gunning "
        f"({h.pad}) naar de overige aanbieders."
    )
    uit = [
        f"Voorstel herverdeling {naam}: {h.aanbieder} valt uit per {h.per.strftime('%d-%m-%Y')} "
        f"(contractjaar {h.jaar}). De plaatsingen die al zijn gedaan blijven staan; {naar}",
    ]
    for g in reg.gemeenten:
        vast = {s: n for (x, s), n in h.vast.items() if x == g}
        nieuw = {s: n - vast.get(s, 0) for (x, s), n in h.dit_jaar.items() if x == g and n - vast.get(s, 0) > 0}
        if not vast and not nieuw and g not in h.zonder_aanbieder:
            continue
        delen = [g]
        if vast:
            delen.append("al geplaatst " + ", ".join(f"{n} bij {s}" for s, n in sorted(vast.items())))
        if nieuw:
            delen.append(
                "het restant van "
                + str(sum(nieuw.values()))
                + " gaat naar "
                + ", ".join(f"{s} ({n})" for s, n in nieuw.items())
            )
        if g in h.zonder_aanbieder:  # open house: no remaining provider serves this gemeente
            delen.append(f"het restant van {h.zonder_aanbieder[g]} heeft geen aanbieder")
        uit.append(delen[0] + ": " + "; ".join(delen[1:]) + ".")
    uit += _aankomst_zinnen(reg, h.perceel, h.jaar, h.aangekomen)
    for g in _aangesloten_in(reg, h.perceel, h.jaar):
        a = reg.aangesloten[(g, h.perceel)]
        uit.append(
            f"{g} is later aangesloten (besluit {a.besluit}, contract aansluiting, per "
            f"{a.vanaf.strftime('%d-%m-%Y')}) en zit niet in de verdeling van de gunning: haar "
            f"{reg.latere_gemeenten[g][1][h.perceel]} inburgeraars per jaar gaan, na de herverdeling van de "
            "gemeenten van de gunning, volgens de gepubliceerde regel van de aansluiting naar de overige aanbieders in "
            "de volgorde van de rangorde van de gunning, ieder tot de capaciteit die hij dat contractjaar nog vrij "
            "heeft (zijn capaciteit per jaar min wat hem dat jaar in dit perceel is toegewezen); haar plaatsingen van "
            "dit contractjaar blijven staan."
        )
    if any(rest.vraag.values()) and toelating:
        uit.append(
            "Waarom zo: bij toelating (open house) gaat de vraag van iedere gemeente naar rato van de capaciteit "
            "naar de toegelaten aanbieders die haar bedienen, zoals bij de gunning"
            + (
                " (capaciteit: wat na de plaatsingen van dit contractjaar resteert)."
                if h.pad.endswith("plaatsingen")
                else "."
            )
        )
    elif any(rest.vraag.values()):
        voor = "Waarom zo: "
        if h.pad.endswith("vaste plaatsingen"):
            voor = "Waarom zo (op het restant; 'capaciteit' is wat na de plaatsingen van dit contractjaar resteert): "
        uit += [voor + z for z in bindende_regels(rest, v)]  # type: ignore[arg-type]
    if h.volgende_jaren:
        # a later year that is an option year not yet exercised gets the allocation too, but is no term yet
        open_ = [j for j in range(h.jaar + 1, reg.alle_jaren + 1) if j > reg.jaren]
        optie = (
            ""
            if not open_
            else f" (contractjaar {open_[0]} is een optiejaar dat nog niet is uitgeoefend; de verdeling geldt als het "
            "wordt uitgeoefend)"
            if len(open_) == 1
            else f" (contractjaren {open_[0]} tot en met {open_[-1]} zijn optiejaren die nog niet zijn uitgeoefend; de "
            "verdeling geldt als ze worden uitgeoefend)"
        )
        uit.append(
            f"Vanaf contractjaar {h.jaar + 1}{optie}: een nieuwe verdeling over de overige aanbieders met alle regels: "
            + "; ".join(f"{g} - {s}: {n}" for (g, s), n in h.volgende_jaren.items())
        )
    for j, rijen in sorted(h.aangesloten_jaren.items()):
        uit.append(
            f"Contractjaar {j}, later aangesloten gemeenten, na de gemeenten van de gunning en volgens de regel van de "
            "aansluiting: " + "; ".join(f"{g} - {s}: {n}" for (g, s), n in rijen.items())
        )
    return uit


def leg_herverdeling_vast(db: sqlite3.Connection, h: Herverdeling, door: str, reden: str) -> int:
    """Take the proposal as a recorded decision: the supplier's drop-out and the new allocation rows."""
    if not h.volledig:
        raise EvaluatieFout([*h.uitleg[-1:], "het voorstel is niet volledig en kan niet als besluit worden genomen"])
    db.execute("BEGIN")
    try:
        inhoud = {
            "perceel": h.perceel,
            "aanbieder": h.aanbieder,
            "per": h.per.isoformat(),
            "jaar": h.jaar,
            "vast": [[g, s, n] for (g, s), n in sorted(h.vast.items())],
            "dit_jaar": [[g, s, n] for (g, s), n in sorted(h.dit_jaar.items())],
            "volgende_jaren": [[g, s, n] for (g, s), n in sorted(h.volgende_jaren.items())],
            "aangesloten_jaren": [
                [j, g, s, n] for j, rijen in sorted(h.aangesloten_jaren.items()) for (g, s), n in sorted(rijen.items())
            ],
            "uitleg": h.uitleg,
        }
        b = leg_vast(db, "herverdeling", h.per, door, reden, inhoud)
        db.execute(
            "INSERT INTO uitval (besluit_id, perceel, leverancier, datum) VALUES (?, ?, ?, ?)",
            (b, h.perceel, h.aanbieder, h.per.isoformat()),
        )
        rijen = [(b, h.perceel, g, s, h.jaar, n) for (g, s), n in h.dit_jaar.items()]
        # every year the register holds an allocation for: the tender's, and those of a verlenging in force
        jaren = max(
            int(db.execute("SELECT jaren FROM contract").fetchone()[0]),
            int(db.execute("SELECT MAX(jaar) FROM toewijzing WHERE perceel = ?", (h.perceel,)).fetchone()[0] or 0),
        )
        rijen += [
            (b, h.perceel, g, s, j, n)
            for j in range(h.jaar + 1, jaren + 1)
            for (g, s), n in {**h.volgende_jaren, **h.aangesloten_jaren.get(j, {})}.items()
        ]
        schrijf_toewijzing(db, rijen)
        db.execute("COMMIT")
    except BaseException:
        terugdraaien(db)
        raise
    return b

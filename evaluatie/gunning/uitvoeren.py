"""Run price scoring, ranking and allocation for the chosen lots."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from evaluatie.beoordeling.model import Paneluitslag
from evaluatie.definitie.model import Aanbesteding, Perceel
from evaluatie.fouten import EvaluatieFout, Fout, InvoerFout
from evaluatie.gunning.loting import BESTAND as LOTINGBESTAND
from evaluatie.gunning.loting import Gelijkestand, Loting
from evaluatie.gunning.uitslag import NIET_GEGUND, Gemeentebudget, Gunningsuitslag, Perceeluitslag, Uitsluiting
from evaluatie.inschrijving.model import Inschrijving, Invoerbestand
from evaluatie.parallel import in_volgorde
from evaluatie.prijs.basis import Kandidaat, methode
from evaluatie.prijs.precisie import SCHAAL, punten, waardepunten
from evaluatie.prijs.rangorde import BESLISREGEL_KORT, Rangregel, beslissleutel, onbesliste_groepen, rangschik
from evaluatie.tekst import datum
from evaluatie.toets.uitslag import Toetsuitslag
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem, Verdeling
from evaluatie.versie import __version__

if TYPE_CHECKING:
    from collections.abc import Callable
from evaluatie.verdeling.oplosser import STANDAARD, versie


def verdeelprobleem(aanbesteding: Aanbesteding, code: str, rangorde, inschrijvingen) -> Verdeelprobleem:
    perceel = aanbesteding.percelen[code]
    per_naam = {i.naam: i for i in inschrijvingen}
    aanbod = {n: (i.aanbod[code].capaciteit, i.aanbod[code].gemeenten) for n, i in per_naam.items() if code in i.aanbod}
    m = methode(perceel.prijsmethode)
    return Verdeelprobleem(
        perceel=code,
        perceelnaam=perceel.naam,
        vraag=aanbesteding.vraag(code),
        subregio={g.naam: g.subregio for g in aanbesteding.gemeenten},
        leveranciers=leveranciers(perceel.prijsmethode, rangorde, aanbod, _sleutels(perceel, code, rangorde, per_naam)),
        regels=perceel.verdeling,
        budget=dict(perceel.verdeling.budget_per_gemeente),
        maatstaf=m.maatstaf,
        voorrang=m.voorrang(),
    )


def _sleutels(
    perceel: Perceel, code: str, rangorde: Sequence[Rangregel], per_naam: Mapping[str, Inschrijving]
) -> dict[str, tuple[tuple[str, float], ...]]:
    """Each ranked bid's values under the tie-break rules, so the volume sentence can name the rule that placed an
    equal total before it instead of hedging between rule and draw."""
    uit = {}
    for r in rangorde:
        a = per_naam[r.inschrijver].aanbod[code]
        uit[r.inschrijver] = beslissleutel(
            perceel, Kandidaat(r.inschrijver, r.prijs, r.kwaliteit, a.capaciteit, a.wachttijd_weken)
        )
    return uit


def leveranciers(
    prijsmethode: str,
    rangorde: Sequence[Rangregel],
    aanbod: Mapping[str, tuple[int, tuple[str, ...]]],
    sleutels: Mapping[str, tuple[tuple[str, float], ...]] | None = None,
) -> tuple[Leverancier, ...]:
    """The ranking as the allocation sees it: in ranking order, each value the ranking's rounded
    total (so the allocation ties exactly the bids the ranking ties), capacity and gemeenten from `aanbod`."""
    hoger = methode(prijsmethode).hoger_is_beter
    return tuple(
        Leverancier(
            naam=r.inschrijver,
            waarde=waardepunten(hoger, r.totaal, r.gunningswaarde) / SCHAAL,
            prijs=r.prijs,
            capaciteit=aanbod[r.inschrijver][0],
            gemeenten=aanbod[r.inschrijver][1],
            rang=i,
            beslist_door=r.beslist_door,
            rangnummer=r.rang,
            loting_id=r.loting_id,
            beslissleutel=(sleutels or {}).get(r.inschrijver, ()),
        )
        for i, r in enumerate(rangorde)
    )


def rangorde_perceel(
    aanbesteding: Aanbesteding,
    code: str,
    inschrijvingen: Sequence[Inschrijving],
    toets: Toetsuitslag,
    panel: Paneluitslag | None,
    lotingen: Sequence[Loting] = (),
) -> list[Rangregel]:
    """Price scores and ranking of the bids admitted to one lot (no allocation); a recorded draw for this lot
    orders the tie of exactly its bidders. A draw whose tie is gone changes nothing here; the award names it
    as stale (pipeline._verouderde_lotingen, `lotingpremisse_weg`)."""
    perceel = aanbesteding.percelen[code]
    per_naam = {i.naam: i for i in inschrijvingen}
    kwaliteit = panel.kwaliteit.get(code, {}) if panel else {}
    m = methode(perceel.prijsmethode)
    kandidaten = []
    ontbrekend = ontbrekende_scores(perceel.naam, code, toets.toegelaten(code), panel)
    if ontbrekend:
        raise InvoerFout(ontbrekend)
    for naam in toets.toegelaten(code):
        a = per_naam[naam].aanbod[code]
        prijs = m.prijs_per_traject(perceel, a.prijs)  # vaste_prijs: one price for all, in costs and text
        kandidaten.append(Kandidaat(naam, prijs, kwaliteit.get(naam, 0.0), a.capaciteit, a.wachttijd_weken))
    return rangschik(perceel, kandidaten, [x for x in lotingen if x.perceel == code])


def ontbrekende_scores(
    perceelnaam: str, code: str, toegelaten: Sequence[str], panel: Paneluitslag | None
) -> list[Fout]:
    """A criterion row of an admitted bid with no score at all (no reviewer, no consensus) is an
    input error with its place: it never counts as 0."""
    if panel is None:
        return []
    return [
        Fout(
            "beoordelingen",
            f"perceel {perceelnaam}, inschrijver {r.inschrijver}, criterium {r.criterium}: geen enkele score (geen "
            "beoordelaar en geen consensus); een ontbrekende score telt niet als 0",
        )
        for r in panel.rijen
        if r.perceel == code and r.inschrijver in toegelaten and not r.individueel and r.consensus is None
    ]


# From this many (gemeente, bid) pairs over the chosen lots, the lots are computed on every core: each
# costs seconds at national size, while forking the workers costs about 0.05 s.
PARALLEL_VANAF = 5000

# Orders tried to see whether a tie matters: every order up to this group size, beyond it
# every rotation and its reverse (a group that large has never been seen in practice).
MAX_VOLLEDIG = 4


def _volgorden(groep: list[str]) -> list[tuple[str, ...]]:
    if len(groep) <= MAX_VOLLEDIG:
        return list(itertools.permutations(groep))
    rotaties = [tuple(groep[i:] + groep[:i]) for i in range(len(groep))]
    return rotaties + [tuple(reversed(r)) for r in rotaties]


def _herschik(rangorde: list[Rangregel], volgorde: tuple[str, ...]) -> list[Rangregel]:
    """The ranking with one tied group put in `volgorde` (positions decide the allocation's tie-break)."""
    plekken = [i for i, r in enumerate(rangorde) if r.inschrijver in volgorde]
    per_naam = {r.inschrijver: r for r in rangorde}
    uit = list(rangorde)
    for i, naam in zip(plekken, volgorde, strict=True):
        uit[i] = per_naam[naam]
    return uit


def gelijke_standen(
    code: str,
    rangorde: list[Rangregel],
    verdeel_met: Callable[[list[Rangregel]], Verdeling],
    eigen: Verdeling | None = None,
) -> tuple[Gelijkestand, ...]:
    """Every undecided tie, and whether its order matters: the allocation is computed with the
    tied bidders in each order and compared per bidder and gemeente.

    `eigen` is the allocation already computed for `rangorde` itself. The order that leaves the
    ranking as it is (the first one tried) builds exactly the same allocation problem, and the
    allocation is a deterministic function of its problem (the lexicographic optimum with the
    documented tie-break, the same solver settings), so `eigen` is that order's answer without
    solving it a second time. Without `eigen` every order is solved, as before."""
    uit = []
    for groep in onbesliste_groepen(rangorde):
        uitkomsten = set()
        for volgorde in _volgorden(groep):
            herschikt = _herschik(rangorde, volgorde)
            v = eigen if eigen is not None and herschikt == rangorde else verdeel_met(herschikt)
            uitkomsten.add(tuple(sorted((t.inschrijver, t.gemeente, t.aantal) for t in v.toewijzing)))
            if len(uitkomsten) > 1:
                break
        rang = next(r.rang for r in rangorde if r.inschrijver == groep[0])
        uit.append(Gelijkestand(perceel=code, rang=rang, inschrijvers=tuple(groep), beslissend=len(uitkomsten) > 1))
    return tuple(uit)


def _niet_gegund(aanbesteding: Aanbesteding, code: str, uitgesloten: tuple[Uitsluiting, ...]) -> Perceeluitslag:
    """An award lot without a valid bid (every bid failed, or nobody bid): not awarded, and nothing to allocate.
    Each gemeente keeps its demand with no costs, so the reports can say how many inburgeraars have no supplier
    for this route from this tender; the other lots are awarded as usual."""
    perceel = aanbesteding.percelen[code]
    return Perceeluitslag(
        code=code,
        naam=perceel.naam,
        procedure=perceel.procedure,
        prijsmethode=perceel.prijsmethode,
        formule=methode(perceel.prijsmethode).formule,
        weging_kwaliteit=perceel.weging.kwaliteit,
        weging_prijs=perceel.weging.prijs,
        plafondprijs=perceel.plafondprijs,
        rangorde=(),
        toewijzing=(),
        uitgesloten=uitgesloten,
        budgetten=tuple(_budget(perceel, g, d, 0.0) for g, d in aanbesteding.vraag(code).items()),
        bindende_regels=(),
        meldingen=(),
        solver=NIET_GEGUND,
        model=NIET_GEGUND,
        pad=NIET_GEGUND,
    )


def _budget(perceel: Perceel, gemeente: str, vraag: int, kosten: float) -> Gemeentebudget:
    expliciet = perceel.verdeling.budget_per_gemeente.get(gemeente)
    return Gemeentebudget(
        gemeente=gemeente,
        vraag=vraag,
        kosten=kosten,
        budget=expliciet if expliciet is not None else vraag * perceel.plafondprijs,
        budget_bron="verdeelregel" if expliciet is not None else "vraag x plafondprijs",
    )


def beoordeel_perceel(
    aanbesteding: Aanbesteding,
    code: str,
    inschrijvingen: Sequence[Inschrijving],
    toets: Toetsuitslag,
    panel: Paneluitslag | None,
    oplosser: str,
    tijdslimiet: float | None,
    lotingen: Sequence[Loting] = (),
) -> Perceeluitslag:
    from evaluatie.verdeling.pad import relaxaties_onthouden
    from evaluatie.verdeling.toelating import verwachte_verdeling
    from evaluatie.verdeling.toelatingsmeldingen import toelatingsmeldingen
    from evaluatie.verdeling.verdelen import verdeel
    from evaluatie.verdeling.verklaring import verklaar

    perceel = aanbesteding.percelen[code]
    rangorde = rangorde_perceel(aanbesteding, code, inschrijvingen, toets, panel, lotingen)
    uitgesloten = tuple(
        Uitsluiting(
            inschrijver=r.inschrijver,
            redenen=tuple(r.redenen),
            status=r.status,
        )
        for r in toets.voor_perceel(code)
        if not r.voldoet
    )
    if not rangorde and perceel.procedure == "gunning":  # niet gegund; an open house may admit no one (stays open)
        return _niet_gegund(aanbesteding, code, uitgesloten)
    probleem = verdeelprobleem(aanbesteding, code, rangorde, inschrijvingen)

    def los(p: Verdeelprobleem) -> Verdeling:
        return verdeel(p, oplosser, tijdslimiet)

    standen: tuple[Gelijkestand, ...] = ()
    meldingen = []
    if perceel.procedure == "toelating":
        verdeling: Verdeling = verwachte_verdeling(probleem)
        verklaringen = []
        meldingen += toelatingsmeldingen(probleem, verdeling)
    else:
        # the lot again with another order of a tie, or with one rule off: the relaxations they share are solved once
        with relaxaties_onthouden():
            verdeling = los(probleem)
            standen = gelijke_standen(
                code, rangorde, lambda r: los(verdeelprobleem(aanbesteding, code, r, inschrijvingen)), verdeling
            )
            verklaringen = verklaar(probleem, verdeling, los)
    for st in standen:
        if st.beslissend:
            meldingen.append(
                # what gelijke_standen compares: bidder, gemeente and number, so also which gemeenten each serves
                f"gelijke stand op rang {st.rang} tussen {', '.join(st.inschrijvers)}: de volgorde bepaalt wie "
                "gegund wordt of wie in welke gemeente hoeveel inburgeraars krijgt; loting is nodig"
            )
        else:
            meldingen.append(
                f"gelijke stand op rang {st.rang} tussen {', '.join(st.inschrijvers)}: de volgorde verandert de "
                "gunning en de verdeling niet; geen loting nodig"
            )
    kosten_per_gemeente: dict[str, list[float]] = {}
    for t in verdeling.toewijzing:
        kosten_per_gemeente.setdefault(t.gemeente, []).append(t.kosten)
    budgetten = [
        _budget(perceel, g, d, round(sum(kosten_per_gemeente.get(g, [])), 2)) for g, d in probleem.vraag.items()
    ]
    return Perceeluitslag(
        code=code,
        naam=perceel.naam,
        procedure=perceel.procedure,
        kwaliteit_beoordeeld=bool(perceel.gunningscriteria),
        prijsmethode=perceel.prijsmethode,
        formule=methode(perceel.prijsmethode).formule,
        weging_kwaliteit=perceel.weging.kwaliteit,
        weging_prijs=perceel.weging.prijs,
        plafondprijs=perceel.plafondprijs,
        rangorde=tuple(rangorde),
        toewijzing=verdeling.toewijzing,
        uitgesloten=uitgesloten,
        budgetten=tuple(budgetten),
        bindende_regels=tuple(x.zin for x in verklaringen),
        verklaring={x.inschrijver: x.zin for x in verklaringen},
        gelijke_standen=standen,
        meldingen=tuple(meldingen),
        solver=verdeling.solver,
        model=verdeling.model,
        pad=verdeling.pad or verdeling.model,
        stap5_beslist=verdeling.stap5_beslist,
    )


def lotingpremisse_weg(perceelnaam: str, x: Loting, rangorde: Sequence[Rangregel]) -> str | None:
    """What changed since the draw (who shares the rank of the drawn bidders now), or None: it settled the tie."""
    if any(r.loting_id == x.id for r in rangorde):  # this draw ordered its tie (another draw may order others)
        return None
    rang = {r.inschrijver: r for r in rangorde}
    nu = sorted(
        {r.inschrijver for r in rangorde if r.gelijke_stand for n in x.volgorde if n in rang and rang[n].rang == r.rang}
    )
    ander = next((rang[n].loting_id for n in x.volgorde if n in rang and rang[n].loting_id), None)
    if nu:
        wat = f"nu staan {', '.join(nu)} gelijk"
    elif ander is not None:  # the tie of its bidders now has others too, and a later draw ordered that one
        groep = sorted(r.inschrijver for r in rangorde if r.loting_id == ander)
        wat = f"nu staan {', '.join(groep)} gelijk, en die gelijke stand is beslist door loting {ander}"
    elif (regels := _beslisregels_tussen([rang[n] for n in x.volgorde if n in rang])) is not None:
        # the totals still tie, a tie-break rule added since the draw orders them: saying the tie is gone would be
        # contradicted by the two equal totals in the ranking beside this sentence
        wat = f"hun totaalscores zijn nog gelijk en nu bepaalt de beslisregel bij gelijke stand ({regels}) hun volgorde"
    elif len(weg := [n for n in x.volgorde if n not in rang]) == len(x.volgorde):
        wat = "geen van hen staat nog in de rangorde"
    elif weg:  # withdrawn, invalid or excluded since the draw: the tie did not come apart, a bidder left
        wat = f"{', '.join(weg)} {'staat' if len(weg) == 1 else 'staan'} niet meer in de rangorde van dit perceel"
    else:
        wat = "er is geen gelijke stand meer tussen hen"
    return f"perceel {perceelnaam}: de loting van {datum(x.datum)} ordende {', '.join(x.volgorde)}, maar {wat}"


def _beslisregels_tussen(getrokken: Sequence[Rangregel]) -> str | None:
    """The tie-break rules that order drawn bidders whose totals still tie ('de hoogste capaciteit'), or None."""
    if len(getrokken) < 2 or len({punten(r.totaal) for r in getrokken}) > 1:
        return None
    regels = sorted({r.beslist_door for r in getrokken if r.beslist_door and r.beslist_door != "loting"})
    if not regels:
        return None
    return ", ".join(BESLISREGEL_KORT.get(r, r) for r in regels)


def gunning(
    aanbesteding: Aanbesteding,
    inschrijvingen: Sequence[Inschrijving],
    toets: Toetsuitslag,
    panel: Paneluitslag | None,
    percelen: Sequence[str],
    invoer: Sequence[Invoerbestand],
    oplosser: str = STANDAARD,
    tijdslimiet: float | None = None,
    lotingen: Sequence[Loting] = (),
) -> Gunningsuitslag:
    """All chosen lots; problems of every lot are collected before raising. A draw whose tie is gone is not
    applied (the award names it as stale)."""
    uit, fouten = {}, []
    onbekend = [x for x in lotingen if x.perceel not in aanbesteding.percelen]
    if onbekend:
        raise InvoerFout(
            [Fout(LOTINGBESTAND, f"perceel {x.perceel} bestaat niet in de aanbesteding") for x in onbekend]
        )

    def perceel(code: str) -> tuple[str, Perceeluitslag | list[str] | None]:
        try:
            return "uitslag", beoordeel_perceel(
                aanbesteding, code, inschrijvingen, toets, panel, oplosser, tijdslimiet, lotingen
            )
        except EvaluatieFout as e:
            return "meldingen", e.meldingen
        except Exception:  # raised again below, in this process, by the same deterministic computation
            return "anders", None

    omvang = sum(len(aanbesteding.vraag(c)) * sum(c in i.aanbod for i in inschrijvingen) for c in percelen)
    # A national tender: the lots on every core (evaluatie.parallel), results in lot order as the loop gives them.
    vanaf = 2 if omvang >= PARALLEL_VANAF else len(percelen) + 1
    for code, (soort, inhoud) in zip(percelen, in_volgorde(perceel, list(percelen), vanaf=vanaf), strict=True):
        if soort == "anders":  # the same exception, with its own traceback, raised here
            beoordeel_perceel(aanbesteding, code, inschrijvingen, toets, panel, oplosser, tijdslimiet, lotingen)
        if isinstance(inhoud, Perceeluitslag):
            uit[code] = inhoud
        elif isinstance(inhoud, list):
            fouten += inhoud
    if fouten:
        raise EvaluatieFout(fouten)
    return Gunningsuitslag(
        aanbesteding=aanbesteding.naam,
        versie=__version__,
        solver=versie(oplosser),
        percelen=uit,
        invoer=tuple(invoer),
    )

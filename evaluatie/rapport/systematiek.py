"""The published "beoordelings- en gunningssystematiek" for the aanbestedingsleidraad.

Lianakis (CJEU C-532/06) requires that bidders know beforehand every criterion, weight and
rule the award will apply. This document is generated from the same aanbesteding.yaml (after
merging the criteria set) and the same code that computes the award: the knock-out texts come
from the rules themselves, the worked price example is computed by the real price method and
ranking, and the allocation rules and tie-breaks are those the allocation model applies. So what
is announced is exactly what is computed; change a weight and the document changes with it.
"""

from __future__ import annotations

from evaluatie.definitie.model import BEWIJS_WERKDAGEN, Aanbesteding, Perceel
from evaluatie.definitie.perceelgegevens import peildatum_keurmerk
from evaluatie.gemeentenamen import opsomming
from evaluatie.gunning.aansluitregel import aansluitregel
from evaluatie.gunning.raamovereenkomst import raammaximum_zin
from evaluatie.prijs.basis import Kandidaat, methode
from evaluatie.prijs.precisie import DECIMALEN
from evaluatie.prijs.rangorde import rangschik, zonder_werking_zin
from evaluatie.rapport import documentnaam
from evaluatie.rapport.abnormaal import maatstaf_woorden
from evaluatie.rapport.aggregatietekst import kwaliteitsformule, per_criterium
from evaluatie.rapport.document import Document
from evaluatie.rapport.penvoerder import uitvoerder
from evaluatie.rapport.perceelstukken import schrijf_criteria, schrijf_gemeentenbijlage, schrijf_perceelgegevens
from evaluatie.rapport.toelating_tekst import geen_aantal_zin, later_toetreden_zin, tarief_zin
from evaluatie.rapport.verdeelregeltekst import precisie, verdeelregel_zinnen, verdeelstappen
from evaluatie.rapport.waarde import boven_drempel, procedure_tekst
from evaluatie.tekst import datum, euro, getal, kort
from evaluatie.toets.eisen import GEEN, INLEIDING, NA_KWALITEIT, knockout_eisen

BESLISREGELS = {
    "hoogste_kwaliteit": "de inschrijving met de hoogste kwaliteitsscore gaat voor",
    "laagste_prijs": "de inschrijving met de laagste prijs per traject gaat voor",
    "hoogste_capaciteit": "de inschrijving met de hoogste capaciteit per jaar gaat voor",
    "kortste_wachttijd": "de inschrijving met de kortste wachttijd gaat voor",
}

# The worked example: three fictitious bids at 80%, 90% and 100% of the ceiling with quality
# 70, 80 and 90 (the same example as the README), scored by the lot's own method and weights.
VOORBEELD = (("Inschrijver A", 0.8, 70.0), ("Inschrijver B", 0.9, 80.0), ("Inschrijver C", 1.0, 90.0))


def _wat_beschreven(a: Aanbesteding) -> str:
    """What the document describes, by the lots' procedures: an open-house lot is neither ranked nor distributed
    (the inburgeraar chooses among the admitted suppliers), so the sentence may not promise that for it."""
    from evaluatie.gemeentenamen import opsomming

    gunning = [p.naam for p in a.percelen.values() if p.procedure == "gunning"]
    toelating = [p.naam for p in a.percelen.values() if p.procedure == "toelating"]
    if not toelating:
        return "hoe de inschrijvingen worden getoetst, beoordeeld en gerangschikt en hoe de inburgeraars over de " + (
            "aanbieders worden verdeeld."
        )
    beoordeeld = any(p.gunningscriteria for p in a.percelen.values())
    getoetst = "getoetst en beoordeeld" if beoordeeld else "getoetst"
    if not gunning:
        return (
            f"hoe de inschrijvingen worden {getoetst}, wie wordt toegelaten en hoe het verwachte aantal "
            "inburgeraars per aanbieder wordt berekend; er wordt niet gerangschikt."
        )

    def percelen(namen: list[str]) -> str:
        return f"{'perceel' if len(namen) == 1 else 'percelen'} {opsomming(namen, 'en')}"

    return (
        f"hoe de inschrijvingen worden {getoetst}, hoe zij in {percelen(gunning)} worden gerangschikt en de "
        f"inburgeraars over de aanbieders worden verdeeld, en wie in {percelen(toelating)} (open house) wordt "
        "toegelaten, zonder rangorde."
    )


def systematiek(a: Aanbesteding) -> Document:
    titel = documentnaam.systematiek(a.procedures())  # only open houses: toelatingssystematiek (nothing is awarded)
    d = Document(f"{titel} {a.naam}")
    d.onderwerp = titel
    d.alinea(
        f"Dit document hoort bij de aanbestedingsleidraad van {a.naam}. {uitvoerder(a)} voert de "
        f"aanbesteding uit. Het beschrijft volledig {_wat_beschreven(a)} Er "
        "worden geen andere criteria, wegingen of regels toegepast dan hier staan."
    )
    peildatum = peildatum_keurmerk(a, list(a.percelen))
    d.regels(
        [
            f"Procedure: {procedure_tekst(a)}.",
            f"Publicatie: {datum(a.data.publicatie)}; sluiting van de inschrijving: {datum(a.data.sluiting)}.",
            *([f"Peildatum voor het keurmerk: {peildatum}."] if peildatum else []),
            f"Looptijd: {_looptijd(a)}.",
        ]
    )
    for code, p in a.percelen.items():
        d.kop(f"Perceel {p.naam}")
        d.alinea(f"Procedure: {procedure_tekst(a, code)}.")
        schrijf_perceelgegevens(d, a, p)
        _knockout(d, a, p)
        if p.procedure == "toelating":
            _toelating(d, a, p)
            if "minimum_kwaliteit" in p.knockout and p.gunningscriteria:
                _criteria(d, a, p, toelating=True)
        else:
            _criteria(d, a, p)
            _prijs(d, p)
            _gelijke_stand(d, p)
            _verdeling(d, p)
        if p.procedure == "toelating":
            continue  # no framework maximum and no comparison of prices in an open house
        d.alinea(raammaximum_zin(a, code))
        if regel := aansluitregel(a, code):  # a gemeente named as a possible later participant (C-216/17)
            d.alinea(regel)
        if p.prijsmethode == "vaste_prijs":  # one price for all: nothing is compared, nothing can be abnormally low
            from evaluatie.prijs.vaste_prijs import vaste_prijs

            d.alinea(
                "Abnormaal lage prijs (art. 2.116 Aanbestedingswet 2012): niet van toepassing; de prijs per traject "
                f"ligt voor iedere inschrijver vast op {euro(vaste_prijs(p))}."
            )
            continue
        mediaan = (
            " (de middelste prijs; bij een even aantal andere inschrijvingen het gemiddelde van de twee middelste)"
            if p.abnormaal_maatstaf == "mediaan"
            else ""
        )
        d.alinea(
            f"Abnormaal lage prijs (art. 2.116 Aanbestedingswet 2012): ligt een prijs meer dan "
            f"{kort(100 * p.abnormaal_laag)}% onder {maatstaf_woorden(p.abnormaal_maatstaf)} van de andere geldige "
            f"inschrijvingen in dit perceel{mediaan}, dan vraagt de aanbestedende dienst om een schriftelijke "
            "toelichting. Zo'n signaal is een verzoek om toelichting, geen afwijzing: pas na beoordeling van die "
            "toelichting kan de inschrijving worden afgewezen; zij wordt nooit automatisch uitgesloten."
        )
    _openbaarmaking(d, a)
    _bewijsstukken(d, a)
    _keurmerkvoorwaarde(d, a)
    schrijf_gemeentenbijlage(d, a)
    return d


def _bewijsstukken(d: Document, a: Aanbesteding) -> None:
    """The condition every winner's letter states (rapport/brieven.py, _voorbehoud): announced here, for a
    condition on an award that the tender documents do not name cannot be applied against the winner."""
    if not a.bewijsstukken:
        return
    wie = {
        frozenset({"gunning"}): "Een inschrijver aan wie wordt gegund",
        frozenset({"toelating"}): "Een inschrijver die wordt toegelaten",
    }.get(frozenset(a.procedures()), "Een inschrijver aan wie wordt gegund of die wordt toegelaten")
    d.alinea(
        f"Bewijsstukken. {wie}, overlegt binnen {BEWIJS_WERKDAGEN} werkdagen na de brief met die beslissing de "
        "volgende bewijsstukken; de beslissing is onder voorbehoud daarvan, en blijkt uit de bewijsstukken dat de "
        "inschrijver niet aan de eisen voldoet, dan vervalt zij:"
    )
    d.opsomming(list(a.bewijsstukken))


def _keurmerkvoorwaarde(d: Document, a: Aanbesteding) -> None:
    """What `evaluatie keurmerk` may decide for a winner whose keurmerk expires before the award (the letter then
    states the proof of renewal or the condition, besluiten.toepassen.keurmerk_zin): announced here, in the lots
    that require the keurmerk, for the same reason as the bewijsstukken."""
    from evaluatie.gemeentenamen import opsomming

    namen = [p.naam for p in a.percelen.values() if "keurmerk" in p.knockout]
    if not namen:
        return
    procedures = {p.procedure for p in a.percelen.values() if "keurmerk" in p.knockout}
    # an open house awards nothing: where only open-house lots require the keurmerk, the condition is on the
    # admission, as the toelatingsbesluit states it (keurmerk_zin with toelating); before, it read 'kan zij gunnen'
    bij, wie, wanneer, doen = {
        frozenset({"gunning"}): (
            "de gunning",
            "aan wie wordt gegund",
            "de datum van de gunning of van de verzending van de beslissing",
            "gunnen",
        ),
        frozenset({"toelating"}): (
            "de toelating",
            "die wordt toegelaten",
            "de datum van het toelatingsbesluit of van de verzending ervan",
            "toelaten",
        ),
    }.get(
        frozenset(procedures),
        (
            "de gunning en de toelating",
            "aan wie wordt gegund of die wordt toegelaten",
            "de datum van de gunning of van het toelatingsbesluit of van de verzending van de beslissing",
            "gunnen of toelaten",
        ),
    )
    d.alinea(
        f"Keurmerk bij {bij} ({'perceel' if len(namen) == 1 else 'percelen'} {opsomming(namen, 'en')}). "
        f"Verloopt het keurmerk van een inschrijver {wie} vóór {wanneer}, dan vraagt de aanbestedende dienst bewijs "
        f"van de verlenging; zonder dat bewijs kan zij {doen} onder de voorwaarde dat vóór het sluiten van de "
        "overeenkomst een geldig Blik op Werk keurmerk wordt getoond."
    )


def _looptijd(a: Aanbesteding) -> str:
    lt = a.looptijd
    if not lt.optiejaren:
        return f"{lt.jaren} jaar"
    return f"{lt.jaren} jaar met {lt.optiejaren} {'optiejaar' if lt.optiejaren == 1 else 'optiejaren'}"


def _knockout(d: Document, a: Aanbesteding, p: Perceel) -> None:
    """The lot's knock-out requirements, in the words the bid form repeats (toets.eisen)."""
    eisen = knockout_eisen(a, p)
    if not (eisen.voor or eisen.na):
        d.alinea(GEEN)
        return
    d.alinea(INLEIDING)
    d.opsomming(list(eisen.voor))
    if eisen.na:
        d.alinea(NA_KWALITEIT)
        d.opsomming(list(eisen.na))


def _criteria(d: Document, a: Aanbesteding, p: Perceel, toelating: bool = False) -> None:
    if toelating:  # the minimum quality of an open house is made of these criteria, weights and scale
        d.alinea(
            "Kwaliteitsscore voor de minimumeis. De kwaliteitsscore waaraan de minimumeis hierboven wordt getoetst, "
            "komt zo tot stand: onafhankelijke beoordelaars scoren ieder kwaliteitsplan per criterium en motiveren "
            "iedere score. Er wordt niet gerangschikt of vergeleken."
        )
    else:
        d.alinea(
            "Gunningscriteria. Onafhankelijke beoordelaars scoren ieder kwaliteitsplan per criterium, zonder kennis "
            "van prijzen (twee-enveloppenmethode), en motiveren iedere score."
        )
    schrijf_criteria(d, p)
    d.alinea(
        f"Schaal per criterium: {p.schaal.beschrijving()}. {per_criterium(a.beoordeling.aggregatie)} "
        f"{kwaliteitsformule(p)}"
    )


def _prijs(d: Document, p: Perceel) -> None:
    m = methode(p.prijsmethode)
    d.alinea(f"Prijs en rangorde ({m.titel}). {m.beschrijving(p)}")  # the same words as the letters
    kandidaten = [  # at the price that counts: under vaste_prijs nobody bids 0,8 x the ceiling
        Kandidaat(naam, m.prijs_per_traject(p, round(p.plafondprijs * deel, 2)), kwaliteit, 10, 4)
        for naam, deel, kwaliteit in VOORBEELD
    ]
    uitkomst = m.bereken(p, kandidaten)
    rangorde = rangschik(p, kandidaten)
    rang = {r.inschrijver: r.rang for r in rangorde}
    d.alinea(
        f"Rekenvoorbeeld (fictieve inschrijvingen, plafondprijs {euro(p.plafondprijs)}), berekend met dezelfde "
        "programmatuur als de gunning:"
    )
    d.tabel(
        ["Inschrijver", "Prijs", "Kwaliteit", "Berekening", "Rang"],
        [
            [
                k.inschrijver,
                euro(k.prijs),
                getal(k.kwaliteit),
                uitkomst[k.inschrijver].berekening,
                str(rang[k.inschrijver]),
            ]
            for k in kandidaten
        ],
    )
    eerst = f"de {'hoogste' if m.hoger_is_beter else 'laagste'} {m.maatstaf} staat eerst."
    d.alinea(
        f"Totalen worden vergeleken na afronding op {DECIMALEN} decimalen; het hoogste totaal staat eerst."
        if m.maatstaf == "totaalscore"
        else f"De {m.maatstaf} wordt vergeleken na afronding op {DECIMALEN} decimalen; {eerst}"
    )


def _gelijke_stand(d: Document, p: Perceel) -> None:
    m = methode(p.prijsmethode)
    regels = [BESLISREGELS.get(x, x.replace("_", " ")) for x in m.werkzame_beslisregels(p)]
    maatstaf = m.maatstaf
    tekst = (
        precisie(maatstaf)
        + " Gelijke stand. Bij "
        + ("gelijke totalen " if maatstaf == "totaalscore" else f"gelijke {maatstaf} ")
    )
    if regels:
        tekst += "beslissen, in deze volgorde: " + "; ".join(regels) + ". Beslist geen van deze regels, dan "
    tekst += (
        "beslist loting. De loting wordt gehouden in aanwezigheid van een onafhankelijke getuige, vastgelegd "
        "(datum, aanwezigen, uitkomst) en in de gunningsbeslissing vermeld. Een gelijke stand die de gunning niet "
        "verandert, hoeft niet te worden beslist."
    )
    zonder = zonder_werking_zin(p)
    d.alinea(tekst + (f" {zonder}" if zonder else ""))


def _verdeling(d: Document, p: Perceel) -> None:
    v = p.verdeling
    regels = verdeelregel_zinnen(v)
    d.alinea(
        "Verdeling. Per gemeente wordt het verwachte aantal inburgeraars verdeeld over de aanbieders die door de "
        "toets zijn gekomen en die gemeente bedienen, binnen deze regels:"
    )
    d.opsomming(regels)
    m = methode(p.prijsmethode)
    d.alinea(verdeelstappen(m.maatstaf, m.gunningswaarde_tekst, v))


def _toelating(d: Document, a: Aanbesteding, p: Perceel) -> None:
    d.alinea(
        "Toelating. Iedere aanbieder die aan de knock-outeisen voldoet, wordt toegelaten; er is geen rangorde, "
        "geen prijs- of kwaliteitsvergelijking en geen maximum aantal aanbieders. Dit is geen overheidsopdracht: "
        "de bepalingen van de Aanbestedingswet 2012 over gunning en opschortende termijn zijn niet van toepassing."
    )
    d.opsomming([tarief_zin(p), geen_aantal_zin(), later_toetreden_zin(a, p)])
    d.alinea(
        "Verwachte aantallen. Per gemeente wordt een verwachting gegeven naar verhouding van de capaciteit van de "
        "toegelaten aanbieders die haar bedienen (hele inburgeraars; restanten naar de grootste rest, dan de "
        "grootste capaciteit, dan roulerend). Het is geen toezegging: de inburgeraar of klantmanager kiest."
    )


def _openbaarmaking(d: Document, a: Aanbesteding) -> None:
    # the decision each bidder gets: an open house alone awards nothing, so it is no 'Gunningsbeslissing'
    d.kop(
        {
            frozenset({"gunning"}): "Gunningsbeslissing en openbaarmaking",
            frozenset({"toelating"}): "Toelatingsbesluit en openbaarmaking",
        }.get(frozenset(a.procedures()), "Gunningsbeslissing, toelatingsbesluit en openbaarmaking")
    )
    if "toelating" in a.procedures():
        wie = "" if a.procedures() == {"toelating"} else " in een open-houseperceel"
        d.alinea(
            f"Iedere aanbieder{wie} ontvangt een toelatingsbesluit: toegelaten of niet toegelaten, met de redenen. "
            "Het besluit noemt geen gegevens van andere aanbieders. Een toelatingsprocedure kent geen wettelijke "
            f"opschortende termijn; deze aanbesteding hanteert een termijn van {a.standstill_dagen} kalenderdagen "
            "na verzending, verlengd volgens de Algemene termijnenwet, voordat de overeenkomsten worden gesloten. "
            "Het is geen vervaltermijn: een kort geding binnen de termijn houdt het sluiten van de overeenkomsten "
            "op tot de uitspraak."
        )
        # the toelatingsbesluit of an excluded provider cites art. 2.86/2.87/2.87a (besluiten.toepassen): a law that
        # governs no toelating unless the documents apply it, as below the threshold for the award lots
        d.alinea(
            "Uitsluitingsgronden. Een toelating is geen overheidsopdracht: de artikelen 2.86 (verplichte "
            "uitsluitingsgronden), 2.87 (facultatieve uitsluitingsgronden) en 2.87a (zelfreiniging) "
            f"Aanbestedingswet 2012 gelden{wie} niet rechtstreeks; deze aanbesteding past ze van overeenkomstige "
            "toepassing toe. Een aanbieder die verklaart dat een uitsluitingsgrond van toepassing is, wordt pas "
            "toegelaten of uitgesloten nadat die grond is gewogen."
        )
    if "gunning" not in a.procedures():
        return
    wie = (
        "Iedere inschrijver ontvangt per perceel"
        if a.procedures() == {"gunning"}
        else ("In een gunningsperceel ontvangt iedere inschrijver")
    )
    d.alinea(
        f"{wie} een gunningsbeslissing (art. 2.130 Aanbestedingswet 2012) met de "
        "eigen scores en de motivering van het panel, de namen van de inschrijvers aan wie wordt gegund en de "
        f"kenmerken en relatieve voordelen van hun inschrijvingen: {openbaar_tekst(a)} De opschortende termijn is "
        f"{a.standstill_dagen} kalenderdagen na verzending, verlengd volgens de Algemene termijnenwet. De namen van "
        "de beoordelaars worden niet bekendgemaakt."
    )
    d.alinea(niet_gegund_zin(a))
    # beside open-house lots (whose period 'is geen vervaltermijn', said above) the sentences name the award lots
    gunning = [p.naam for p in a.percelen.values() if p.procedure == "gunning"]
    welke = "het gunningsperceel" if len(gunning) == 1 else "de gunningspercelen"
    gemengd = "toelating" in a.procedures()
    if boven_drempel(a):
        # Art. 2.127 sets a standstill, not a vervaltermijn: that one binds only as agreed in the tender documents
        # (a 'contractuele vervaltermijn' the bidder accepts by bidding), so the documents say it, and the letters
        # refer to them. Before, the letters called the statutory period a vervaltermijn that nothing had announced.
        van = f" van {welke} ({opsomming(gunning, 'en')})" if gemengd else ""
        d.alinea(
            f"De opschortende termijn{van} is tevens een vervaltermijn: wie niet binnen de termijn een kort geding "
            "aanhangig maakt, kan daarna niet meer tegen de gunningsbeslissing opkomen. Wie inschrijft, aanvaardt "
            "deze termijn."
        )
    else:  # art. 2.127 does not apply: the period and its effect rest on these documents
        waarde, termijn, die = (
            (f" van {welke} ({opsomming(gunning, 'en')})", f" van {welke}", "Die termijn")
            if gemengd
            else ("", "", "De termijn")
        )
        d.alinea(
            f"De geraamde waarde{waarde} ligt onder de Europese drempel; de opschortende termijn{termijn} volgt daarom "
            f"niet uit art. 2.127 Aanbestedingswet 2012 maar uit deze aanbestedingsstukken. {die} is een "
            "vervaltermijn: wie niet binnen de termijn een kort geding aanhangig maakt, kan daarna niet meer tegen de "
            "gunningsbeslissing opkomen. Ook de andere artikelen van de Aanbestedingswet 2012 die deze systematiek, "
            "de gunningsbeslissingen en het beheer van de overeenkomsten noemen (2.86, 2.87 en 2.87a over "
            "uitsluitingsgronden, 2.116 over een abnormaal lage prijs, 2.130 over de gunningsbeslissing, 2.163a tot en "
            "met 2.163g over wijzigingen van de overeenkomst) gelden onder de drempel niet rechtstreeks; deze "
            "aanbesteding past ze van overeenkomstige toepassing toe."
        )


def niet_gegund_zin(a: Aanbesteding) -> str:
    """What happens to an award lot without a valid bid, as evaluatie.gunning.niet_gegund and the letters do it: the
    lot is not awarded (the others go on), and its bidders get a besluit tot niet-gunning instead of the
    gunningsbeslissing the paragraph before announces, with their own status and reasons and no standstill period.
    Announced here, so that not awarding a lot is a rule the tender documents named, not a decision taken after."""
    wat = " of toegelaten" if "toelating" in a.procedures() else ""
    anders = f"; de andere percelen worden gegund{wat} zoals hierboven beschreven" if len(a.percelen) > 1 else ""
    return (
        "Perceel zonder geldige inschrijving. Is in een gunningsperceel geen inschrijving geldig (iedere "
        "inschrijving is ongeldig, uitgesloten of afgewezen wegens een abnormaal lage prijs) of is er niet op "
        f"ingeschreven, dan wordt dat perceel niet gegund en wordt er geen raamovereenkomst voor gesloten{anders}"
        + ", en ontvangt iedere inschrijver op dat perceel in plaats van een gunningsbeslissing een besluit tot "
        "niet-gunning met de reden, de eigen status en de eigen redenen, zonder rangorde en zonder opschortende "
        "termijn, omdat er geen overeenkomst wordt gesloten."
    )


def openbaar_tekst(a: Aanbesteding) -> str:
    """What the letters disclose of the awarded bids, from the one policy (openbaarmaking.prijs_winnaar) and each
    lot's price method: the same list the letters' comparison table is built from (Prijsmethode.openbaar)."""
    prijs_openbaar = a.openbaarmaking.prijs_winnaar == "prijs"
    per_tekst: dict[str, list[str]] = {}
    for p in a.percelen.values():
        if p.procedure != "gunning":
            continue  # an open-house lot discloses nothing of others (its letters compare with no one)
        per_tekst.setdefault(methode(p.prijsmethode).openbaar(p, prijs_openbaar), []).append(p.naam)
    if len(per_tekst) == 1:
        return next(iter(per_tekst)) + "."
    from evaluatie.gemeentenamen import opsomming

    return " ".join(
        f"{'Percelen' if len(namen) > 1 else 'Perceel'} {opsomming(namen, 'en')}: {tekst}."
        for tekst, namen in per_tekst.items()
    )

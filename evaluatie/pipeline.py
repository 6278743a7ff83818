"""The pipeline over a tender workspace, callable from Python (the CLI only prints).

Each function reads its inputs at the edge, then hands validated models to the pure
stage functions in the subpackages:
definitie -> inschrijving -> toets -> beoordeling -> prijs -> verdeling -> rapport.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evaluatie.definitie.laden import laad_aanbesteding, laad_voor_formulier
from evaluatie.definitie.model import Aanbesteding, Perceel
from evaluatie.fouten import EvaluatieFout, Fout, InvoerFout, Verzamelaar
from evaluatie.hashing import sha256_bestand
from evaluatie.inschrijving.model import Inschrijving, Invoerbestand
from evaluatie.slot import met_slot
from evaluatie.toets.uitslag import Toetsuitslag
from evaluatie.verdeling.oplosser import STANDAARD
from evaluatie.werkmap import Werkmap

if TYPE_CHECKING:
    from evaluatie.beoordeling.consensuswerkboek import Uitkomst
    from evaluatie.beoordeling.model import Beoordelingsformulier, Consensus, Paneluitslag, Score
    from evaluatie.besluiten.model import Toelichting
    from evaluatie.besluiten.openpunten import Openpunt
    from evaluatie.besluiten.optiefouten import Optiefouten
    from evaluatie.besluiten.register import Register as Besluitregister
    from evaluatie.besluiten.verouderd import Verouderd
    from evaluatie.gemeenteregister import RegisterGemeente
    from evaluatie.gunning.loting import Loting
    from evaluatie.gunning.uitslag import Gunningsuitslag
    from evaluatie.scenario.verschil import Perceelverschil
    from evaluatie.zekerheid.model import Zekerheid
    from evaluatie.zekerheid.toelating import Toelatingszekerheid


Panelformulieren = tuple[list["Beoordelingsformulier"], "Consensus | None"]  # as beoordeling.lezen returns them


@dataclass
class Invoer:
    """Everything read from a workspace, with the hash of every file it came from."""

    werkmap: Werkmap
    aanbesteding: Aanbesteding
    definitie: dict[str, Any]
    inschrijvingen: list[Inschrijving]
    bestanden: list[Invoerbestand] = field(default_factory=list)
    notities: list[str] = field(default_factory=list)
    panelformulieren: Panelformulieren | None = (
        None  # reviewer workbooks once read: leave-one-out re-aggregates, never re-reads
    )
    toets_voor: Toetsuitslag | None = None  # knock-out before scoring once run: it never depends on the panel
    lotingen: tuple[Loting, ...] = ()  # recorded draws (loting.yaml), an input like the bids
    beoordeelde_rijen: list[tuple[str, str, str]] | None = None  # scenario: the rows the panel actually scored
    beoordeelde_percelen: frozenset[str] = frozenset()  # scenario: the lots whose quality the baseline scored
    afgewezen: tuple[Toelichting, ...] = ()  # explanations rejected and checked against this award
    besluiten: Besluitregister | None = None  # recorded decisions (besluiten.yaml), an input too
    alle_lotingen: tuple[Loting, ...] = ()  # every draw in loting.yaml, withdrawn ones included
    scenario: bool = False  # a what-if: a decision whose premise only the changed rules remove is noted, not applied
    verouderd: list[Verouderd] = field(default_factory=list)  # stale decisions left out: open points (laat_weg)
    basis_verouderd: frozenset[str] = frozenset()  # a what-if: the ids already stale in the award itself


def laad_definitie(werkmap: Werkmap) -> tuple[Aanbesteding, dict[str, Any]]:
    return laad_aanbesteding(werkmap.aanbesteding)


def laad_invoer(
    werkmap: Werkmap,
    definitie: dict[str, Any] | None = None,
    scenario: bool = False,
    herstel_weg: list[Verouderd] | None = None,
) -> Invoer:
    """Tender definition and bids. `definitie` replaces the YAML (scenario re-runs); with `scenario` a decision
    or draw the changed dates put after the letters is noted and not applied (the real award still has it).
    `herstel_weg` gets the stale corrections, also when a bid cannot be read without one (an input error):
    `evaluatie besluiten` marks them then too."""
    from evaluatie.besluiten.register import BESTAND as BESLUITBESTAND
    from evaluatie.besluiten.register import lees_besluiten
    from evaluatie.definitie.laden import laad_aanbesteding_uit_data, zoek_criteriaset
    from evaluatie.fouten import InvoerFout
    from evaluatie.gunning.loting import BESTAND as LOTINGBESTAND
    from evaluatie.gunning.loting import lees_lotingen
    from evaluatie.inschrijving.lezen import lees_inschrijvingen
    from evaluatie.werkboek import map_inhoud

    if definitie is None:
        aanbesteding, samen = laad_definitie(werkmap)
    else:
        aanbesteding, samen = laad_aanbesteding_uit_data(definitie, None, "aanbesteding.yaml (met --zet)", werkmap.root)
    besluiten = lees_besluiten(werkmap.root / BESLUITBESTAND)
    if herstel_weg is None:
        herstel_weg = []  # stale corrections: not applied at intake, open points of the award
    from evaluatie.besluiten.sluiting import ontvangen_voor_de_sluiting

    # a clarification, explanation, withdrawal or proof the current data.sluiting puts before the closing: stale,
    # whatever else holds (left out with the stale corrections, laat_weg below)
    voor_de_sluiting = ontvangen_voor_de_sluiting(besluiten.besluiten, aanbesteding.data.sluiting)
    herstel_weg += voor_de_sluiting
    voor_sluiting = {v.id for v in voor_de_sluiting}
    try:
        inschrijvingen, notities = lees_inschrijvingen(
            aanbesteding,
            werkmap.inschrijvingen,
            [h for h in besluiten.geldig("herstel") if h.id not in voor_sluiting],
            herstel_weg,
            scenario,
        )
    except InvoerFout as e:
        from evaluatie.beoordeling.koppen import koppen_fouten

        # every problem of every file at once: the reviewers' headers do not depend on the bids; a correction left
        # out for the closing date is named with them (the cell is read as the file has it, as for any stale one)
        genoemd = [v.fout() for v in voor_de_sluiting if v.fout() not in e.fouten]
        raise InvoerFout(e.fouten + genoemd + koppen_fouten(aanbesteding, werkmap.beoordelingen)) from None
    notities += map_inhoud(werkmap.beoordelingen).notities
    bestanden = [Invoerbestand(bestand="aanbesteding.yaml", sha256=sha256_bestand(werkmap.aanbesteding))]
    for setnaam in aanbesteding.criteriasets:
        setpad = zoek_criteriaset(setnaam, werkmap.root)
        if setpad is not None:
            bestanden.append(Invoerbestand(bestand=f"criteria/{setpad.name}", sha256=sha256_bestand(setpad)))
    bestanden += [
        Invoerbestand(bestand=f"inschrijvingen/{i.bestand}", sha256=i.sha256)
        for i in sorted(inschrijvingen, key=lambda i: i.bestand)
    ]
    # an unknown lot or bidder is one of the file's problems, said with the others; a bidder that withdrew has left
    # inschrijvingen/ (README, terugtrekking) and is known: its draw is stale, not misspelt
    from evaluatie.beoordeling.lezen import namen_in_formulieren
    from evaluatie.gunning.loting import Bekend

    bekend = Bekend(
        aanbesteding.percelen,
        [i.naam for i in inschrijvingen] + [t.inschrijver for t in besluiten.geldig("terugtrekking")],
        lambda: namen_in_formulieren(werkmap.beoordelingen),
    )
    alle_lotingen = lees_lotingen(werkmap.root / LOTINGBESTAND, bekend)
    lotingen = tuple(x for x in alle_lotingen if x.geldig)
    if (werkmap.root / LOTINGBESTAND).is_file():
        bestanden.append(Invoerbestand(bestand=LOTINGBESTAND, sha256=sha256_bestand(werkmap.root / LOTINGBESTAND)))
    if (werkmap.root / BESLUITBESTAND).is_file():
        bestanden.append(Invoerbestand(bestand=BESLUITBESTAND, sha256=sha256_bestand(werkmap.root / BESLUITBESTAND)))
    te_laat = _na_de_brieven(aanbesteding, lotingen, besluiten, alle_lotingen)
    if te_laat and scenario:
        from evaluatie.besluiten.toepassen import scenario_notitie

        ids = {id_ for _, id_, _, _ in te_laat}
        notities += [scenario_notitie(id_, tekst) for _, id_, tekst, _ in te_laat]
        lotingen = tuple(x for x in lotingen if x.id not in ids)
        besluiten = besluiten.zonder(ids)
    elif te_laat:
        from evaluatie.fouten import Fout

        raise InvoerFout([Fout(f"{bestand}: {id_}", tekst + hint) for bestand, id_, tekst, hint in te_laat])
    invoer = Invoer(werkmap, aanbesteding, samen, inschrijvingen, bestanden, notities, lotingen=lotingen)
    invoer.besluiten = besluiten
    invoer.scenario = scenario
    invoer.alle_lotingen = alle_lotingen  # withdrawn draws too: the advies lists every decision
    # a correction's premise (the file, the cell) is no rule a what-if changes: stale in the award itself too
    laat_weg(invoer, herstel_weg, ook_in_gunning=True)
    return invoer


def laat_weg(invoer: Invoer, weg: list[Verouderd], ook_in_gunning: bool = False) -> None:
    """Leave stale decisions and draws out of the computation, keeping them on record: the register marks them
    (Register.toegepast skips them) and a stale draw is taken out of the draws to apply. In the award each is an open
    point (invoer.verouderd, besluiten.openpunten); in a what-if whose changed rules alone remove the premise it
    is a note instead: the decision itself still holds for the real award. `ook_in_gunning`: the premise does not
    depend on the tender's rules, so it is stale in the award itself as well."""
    from evaluatie.besluiten.toepassen import scenario_notitie

    al = {v.id for v in invoer.verouderd}
    for v in weg:
        if v.id in al or (invoer.besluiten is not None and v.id in invoer.besluiten.weggelaten and not v.is_loting):
            continue
        al.add(v.id)
        open_punt = not invoer.scenario or ook_in_gunning or v.id in invoer.basis_verouderd
        if open_punt:
            invoer.verouderd.append(v)
        else:
            invoer.notities.append(scenario_notitie(v.id, v.wat))
        if v.is_loting:
            invoer.lotingen = tuple(x for x in invoer.lotingen if x.id != v.id)
        elif invoer.besluiten is not None:
            invoer.besluiten = invoer.besluiten.zonder({v.id}, open_punt)


def verouderd_notities(invoer: Invoer) -> list[str]:
    """The stale decisions as notes, for a command that shows no open points (toets, zekerheid, ...)."""
    return [v.regel() for v in invoer.verouderd]


def _na_de_brieven(
    aanbesteding: Aanbesteding, lotingen: tuple[Loting, ...], besluiten: Any, alle_lotingen: tuple[Loting, ...] = ()
) -> list[tuple[str, str, str, str]]:
    """A draw or decision dated after the letters' date cannot be cited by them: checked on every run, because
    data.verzending (or data.gunning) may have moved since the decision was recorded. Never applied then (exit 2).
    Each as (file, id, what is wrong, the hint that follows it in the error)."""
    from evaluatie.besluiten.register import BESTAND as BESLUITBESTAND
    from evaluatie.besluiten.register import na_de_brieven, voor_de_sluiting
    from evaluatie.gunning.loting import BESTAND as LOTINGBESTAND

    brieven = aanbesteding.data.verzenddatum
    uit = []
    for bestand, wat, het, items in (
        (LOTINGBESTAND, "de loting", "haar", lotingen),
        (BESLUITBESTAND, "het besluit", "het", [b for b in besluiten.besluiten if b.geldig]),
    ):
        for b in items:
            tekst = na_de_brieven(b.datum, brieven, wat) or voor_de_sluiting(
                b.datum, aanbesteding.data.sluiting, wat, na_de_dag=bestand == LOTINGBESTAND
            )
            if tekst:  # the whole command: without --reden and --door it would only be refused
                intrekken = f'evaluatie intrekken {b.id} --reden "..." --door "naam, functie"'
                uit.append((bestand, b.id, tekst, f"; of trek {het} in met '{intrekken}'"))
    for bestand, items in ((LOTINGBESTAND, alle_lotingen), (BESLUITBESTAND, besluiten.besluiten)):
        for b in items:  # a withdrawal the letters reflect cannot postdate them either
            if b.ingetrokken is not None and (tekst := na_de_brieven(b.ingetrokken.datum, brieven, "de intrekking")):
                uit.append((bestand, b.id, tekst, ""))
    return uit


def toets_werkmap(invoer: Invoer, kwaliteit: dict[tuple[str, str], float] | None = None) -> Toetsuitslag:
    """The knock-out check; with `kwaliteit` only the after-scoring rules are evaluated again."""
    from evaluatie.toets.uitvoeren import toets

    if invoer.toets_voor is None:
        invoer.toets_voor = _met_besluiten(invoer, toets(invoer.aanbesteding, invoer.inschrijvingen))
    if kwaliteit is None:
        return invoer.toets_voor
    return toets(invoer.aanbesteding, invoer.inschrijvingen, kwaliteit, voor=invoer.toets_voor)


def _met_besluiten(invoer: Invoer, uitslag: Toetsuitslag) -> Toetsuitslag:
    """Recorded exclusion-ground decisions applied to the knock-out table, after checking every
    bid-level decision's premise: a stale one is left out (laat_weg), never applied."""
    from evaluatie.besluiten.openpunten import keurmerk_grens
    from evaluatie.besluiten.toepassen import pas_uitsluitingen_toe, verouderd

    if invoer.besluiten is not None:
        laat_weg(invoer, verouderd(invoer.besluiten, invoer.inschrijvingen, keurmerk_grens(invoer.aanbesteding)))
    return pas_uitsluitingen_toe(uitslag, invoer.besluiten)


@met_slot
def schrijf_systematiek(werkmap: Werkmap) -> list[Path]:
    """gunningssystematiek.html and .docx in the werkmap, from aanbesteding.yaml alone."""
    import datetime as dt

    from evaluatie.rapport.systematiek import systematiek
    from evaluatie.schrijfwacht import schrijf_tekst

    aanbesteding, _ = laad_definitie(werkmap)
    d = systematiek(aanbesteding)
    html = werkmap.root / "gunningssystematiek.html"
    schrijf_tekst(html, d.html())
    docx = d.schrijf_docx(
        werkmap.root / "gunningssystematiek.docx",
        aanbesteding.penvoerder,
        dt.datetime.combine(aanbesteding.data.publicatie, dt.time(9)),
    )
    return [html, docx]


KEURMERK_WETTELIJK = ("B1", "Z")  # the routes the law ties to the Blik op Werk keurmerk (not onderwijs, PVT, MAP)
ZONDER_KEURMERK = ("onderwijs", "PVT", "MAP")  # the routes and modules the law does not tie to it


def systematiek_waarschuwingen(werkmap: Werkmap) -> list[str]:
    """What the published method leaves a bidder to guess: criteria or scale points without a description,
    and an award lot whose framework maximum equals the forecast; above the threshold a standstill shorter than
    art. 2.127 allows; a B1 or Z lot without the keurmerk the law asks for, and an onderwijs, PVT or MAP lot with it
    (the law does not ask it there, and the form would knock a bidder out on it); a weighted lot where quality
    weighs 0%; a gemeente whose name is almost that of a register gemeente."""
    from evaluatie.besluiten.openpunten import te_korte_termijn
    from evaluatie.gemeentenamen import register_namen
    from evaluatie.prijs.basis import methode
    from evaluatie.rapport.perceelstukken import ontbrekende_omschrijvingen

    aanbesteding, _ = laad_definitie(werkmap)
    uit = ontbrekende_omschrijvingen(aanbesteding)
    for code, p in aanbesteding.percelen.items():
        if p.procedure == "gunning" and p.raammaximum.opslag is None and p.raammaximum.trajecten is None:
            uit.append(
                f"percelen.{code}.raammaximum: het maximum van de raamovereenkomst is gelijk aan de verwachting; "
                "bij een hogere instroom is zij halverwege uitgeput (zet bijvoorbeeld raammaximum: {opslag: 0.25})"
            )
    for code in KEURMERK_WETTELIJK:
        if code in aanbesteding.percelen and "keurmerk" not in aanbesteding.percelen[code].knockout:
            # the method would publish 'Keurmerk: voor dit perceel niet vereist' for a route the law ties to it
            uit.append(
                f"percelen.{code}.knockout.keurmerk: de {aanbesteding.percelen[code].naam} vraagt geen Blik op Werk "
                "keurmerk, maar de wet vraagt het voor de B1-route en de Z-route (Wet inburgering 2021 art. 16 lid 3 "
                "en het Besluit inburgering 2021); de systematiek zegt nu 'Keurmerk: voor dit perceel niet vereist'. "
                "Zet de eis aan (knockout: {keurmerk: {}}) of haal 'keurmerk: false' weg"
            )
    for code in ZONDER_KEURMERK:
        if code in aanbesteding.percelen and "keurmerk" in aanbesteding.percelen[code].knockout:
            # the form and the method would knock a bidder out on a keurmerk the law does not ask for this route
            uit.append(
                f"percelen.{code}.knockout.keurmerk: de {aanbesteding.percelen[code].naam} vraagt het Blik op Werk "
                "keurmerk, maar de wet vraagt het alleen voor de B1-route en de Z-route (Wet inburgering 2021 art. 16 "
                "lid 3); de systematiek en het inschrijfformulier noemen het nu als knock-outeis voor dit perceel. "
                "Is dat niet de bedoeling, zet dan 'keurmerk: false' (knockout: {keurmerk: false})"
            )
    register = register_namen()
    genoemd = [("gemeenten", i, g.naam) for i, g in enumerate(aanbesteding.gemeenten, start=1)]
    genoemd += [("latere_gemeenten", i, g.naam) for i, g in enumerate(aanbesteding.latere_gemeenten, start=1)]
    for lijst, i, naam in genoemd:
        if (bedoeld := register.bijna(naam)) is not None:
            # a tender may name gemeenten outside the register, but 'Land van Cuyk' would be published in every letter
            uit.append(
                f"{lijst}[{i}].naam: '{naam}' is geen gemeente per 1 januari 2026 (CBS); bedoelt u {bedoeld}? De "
                "naam staat zo in de systematiek, de brieven en de overzichten per gemeente"
            )
    for code, p in aanbesteding.percelen.items():
        if p.procedure == "gunning" and methode(p.prijsmethode).gewogen and p.weging.kwaliteit == 0:
            # the method says 'gunning op beste prijs-kwaliteitverhouding (art. 2.114)' over a lowest-price award
            uit.append(
                f"percelen.{code}.weging: kwaliteit weegt 0%, dus beslist alleen de prijs (laagste prijs), terwijl de "
                "systematiek 'gunning op beste prijs-kwaliteitverhouding' publiceert; art. 2.114 lid 2 "
                "Aanbestedingswet 2012 vraagt voor gunning op laagste prijs een motivering in de aanbestedingsstukken"
            )
        if p.procedure == "gunning" and methode(p.prijsmethode).gewogen and p.weging.prijs == 0:
            # only quality decides, yet each winner is paid its own bid price: nothing holds the prices down but the
            # ceiling, while the method publishes a price score and the letters compare prices
            uit.append(
                f"percelen.{code}.weging: prijs weegt 0%, dus beslist alleen de kwaliteit, maar iedere gegunde "
                f"inschrijver krijgt zijn eigen geboden prijs ({p.prijsmethode}): niets houdt de prijzen onder de "
                "plafondprijs; wilt u alleen op kwaliteit laten concurreren, kies dan prijsmethode vaste_prijs (één "
                "prijs voor iedereen)"
            )
    if (korte := te_korte_termijn(aanbesteding)) is not None:  # the method would publish an unlawful period
        uit.append(f"standstill_dagen: {korte.tekst}")
    return uit


@met_slot
def schrijf_inschrijfformulier(werkmap: Werkmap, overschrijven: bool = False) -> Path:
    """inschrijfformulier.xlsx from aanbesteding.yaml. A form that is there and differs from the one the tender now
    gives is kept unless `overschrijven`: it may be the published form the bidders filled in (the bids refer to it),
    and a changed ceiling or lot would silently replace it. The same form again is simply written again."""
    from evaluatie.fouten import Fout, InvoerFout
    from evaluatie.inschrijving.formulier import schrijf_inschrijfformulier as schrijf
    from evaluatie.prijs.basis import inschrijfregels
    from evaluatie.schrijfwacht import schrijf_bytes
    from evaluatie.systeemtmp import tijdelijke_map
    from evaluatie.toets.eisen import formulierregels

    # The form may be written while volumes are still open: it states those as 'nog niet bekend'.
    aanbesteding, onbekend = laad_voor_formulier(werkmap.aanbesteding)
    doel = werkmap.root / "inschrijfformulier.xlsx"
    with tijdelijke_map("formulier") as tmp:
        nieuw = schrijf(
            aanbesteding,
            tmp / doel.name,
            inschrijfregels(aanbesteding),
            onbekend,
            knockoutregels=formulierregels(aanbesteding, onbekend),
        ).read_bytes()
    if not overschrijven and doel.is_file() and doel.read_bytes() != nieuw:
        raise InvoerFout(
            [
                Fout(
                    str(doel),
                    "bestaat al en wijkt af van het formulier dat aanbesteding.yaml nu geeft (is het het gepubliceerde "
                    "formulier, dan verwijzen de inschrijvingen ernaar); niet overschreven. Gebruik --overschrijven "
                    "om het te vervangen, of bewaar het eerst onder een andere naam" + _nog_niet_bekend(doel),
                )
            ]
        )
    return schrijf_bytes(doel, nieuw)


def _nog_niet_bekend(formulier: Path) -> str:
    """What the refusal adds when the form there was written before the volumes were filled in (by `nieuw`): its
    sheet Perceelgegevens says 'nog niet bekend' where the systematiek gives the numbers, and sent as it is, the two
    published texts would contradict each other."""
    from evaluatie.inschrijving.formulier import TABBLAD_PERCEELGEGEVENS
    from evaluatie.werkboek import lees_werkboek

    tabbladen = lees_werkboek(formulier, formulier.name, Verzamelaar())
    blad = (tabbladen or {}).get(TABBLAD_PERCEELGEGEVENS)
    if blad is None or not any(w == "nog niet bekend" for rij in blad.rijen for w in rij):
        return ""
    return (
        ". Het bestaande formulier is geschreven voordat de aantallen inburgeraars waren ingevuld: het toont ze als "
        "'nog niet bekend'. Is het nog niet verstuurd, schrijf het dan opnieuw met --overschrijven"
    )


@dataclass
class Beoordeling:
    """Knock-out before scoring, the panel's aggregated scores, and the final knock-out."""

    toets_voor: Toetsuitslag
    te_beoordelen: list[tuple[str, str, str]]
    formulieren: list[Beoordelingsformulier]
    consensus: Consensus | None
    panel: Paneluitslag
    toets: Toetsuitslag
    bestanden: list[Invoerbestand]
    opzij: list[str] = field(default_factory=list)  # form rows of bids not assessed (knock-out, withdrawn)


def te_beoordelen_rijen(invoer: Invoer, toets_voor: Toetsuitslag) -> list[tuple[str, str, str]]:
    from evaluatie.beoordeling.formulier import te_beoordelen
    from evaluatie.toets.uitvoeren import voor_beoordeling

    return te_beoordelen(invoer.aanbesteding, voor_beoordeling(toets_voor))


def beoordeel(
    invoer: Invoer, zonder: tuple[str, ...] = (), betrouwbaarheid: bool = True, percelen: list[str] | None = None
) -> Beoordeling:
    """Read and aggregate the panel's workbooks, then apply the after-scoring knock-out rules.
    `betrouwbaarheid=False`: without the alpha per criterion (beoordeling.aggregatie.aggregeer). `percelen`: the lots
    being awarded; when none of them is scored (open houses without minimum_kwaliteit) the forms are not read, so
    admitting to an open house does not wait for the panel's forms of the other lots."""
    from evaluatie.beoordeling.aggregatie import aggregeer
    from evaluatie.beoordeling.lezen import lees_beoordelingen

    toets_voor = toets_werkmap(invoer)
    rijen = te_beoordelen_rijen(invoer, toets_voor)
    opzij: list[str] = []
    gekozen = [invoer.aanbesteding.percelen[c] for c in (percelen or invoer.aanbesteding.percelen)]
    niets_te_beoordelen = not rijen and invoer.beoordeelde_rijen is None
    if not any(p.gunningscriteria for p in gekozen) or niets_te_beoordelen:  # no forms to wait for
        rijen = []
        if invoer.panelformulieren is None:
            invoer.panelformulieren = ([], None)
            if not any(p.gunningscriteria for p in gekozen):
                if heeft_beoordelingen(invoer.werkmap):
                    invoer.notities.append(_formulieren_niet_gelezen(invoer.aanbesteding, gekozen))
            else:
                gelezen = heeft_beoordelingen(invoer.werkmap)
                invoer.notities.append(niets_voor_het_panel(gekozen, NIET_GELEZEN if gelezen else None))
    if invoer.panelformulieren is None:
        invoer.panelformulieren = lees_beoordelingen(
            invoer.aanbesteding,
            invoer.werkmap.beoordelingen,
            rijen if invoer.beoordeelde_rijen is None else invoer.beoordeelde_rijen,
            [i.naam for i in invoer.inschrijvingen] + _teruggetrokken(invoer),
            _prijzen(invoer),
            afgevallen=_afgevallen(invoer, toets_voor),
            opzij=opzij,
            hernoemd=_hernoemd(invoer),
        )
        for regel in opzij:
            invoer.notities.append(f"beoordelingen/{regel}")
    formulieren, consensus = invoer.panelformulieren
    if invoer.beoordeelde_rijen is not None:
        formulieren, consensus = _alleen_te_beoordelen(invoer, rijen, formulieren, consensus)
    panel = aggregeer(invoer.aanbesteding, formulieren, consensus, rijen, zonder, betrouwbaarheid)
    toets_na = toets_werkmap(invoer, panel.kwaliteit_plat())
    if invoer.afgewezen:  # rejected art. 2.116 explanations (set by gun): every re-run of this stage excludes them
        from evaluatie.besluiten.toepassen import pas_afwijzingen_toe

        toets_na = pas_afwijzingen_toe(toets_na, invoer.afgewezen)
    from evaluatie.beoordeling.aanduiding import aanduidingen

    labels = aanduidingen(invoer.aanbesteding.beoordelaars, [f.beoordelaar for f in formulieren])
    bestanden = [
        Invoerbestand(bestand=f"beoordelingen/{f.bestand}", sha256=f.sha256, aanduiding=labels[f.beoordelaar])
        for f in formulieren
    ]
    if consensus is not None:
        bestanden.append(Invoerbestand(bestand=f"beoordelingen/{consensus.bestand}", sha256=consensus.sha256))
    if not any(p.gunningscriteria for p in gekozen) or niets_te_beoordelen:
        bestanden = _ongelezen(invoer.werkmap)
    return Beoordeling(
        toets_voor,
        rijen,
        formulieren,
        consensus,
        panel,
        toets_na,
        sorted(bestanden, key=lambda b: b.bestand),
        [n for n in invoer.notities if n.startswith("beoordelingen/") and "opzijgezet" in n],
    )


NIETS_VOOR_HET_PANEL = "het panel heeft niets te beoordelen"


NIET_GELEZEN = "de bestanden in beoordelingen/ worden niet gelezen"


def niets_voor_het_panel(gekozen: list[Perceel], gevolg: str | None) -> str:
    """No bid waits for a quality score: every bid on a scored lot fell at the knock-out (or was withdrawn). The
    forms were demanded all the same ('geen beoordeling ontvangen van Ada'), and `template beoordeling` wrote forms
    without a row, for a date and a declaration about nothing; now nothing waits for the panel, and this says why."""
    namen = ", ".join(p.naam for p in gekozen if p.gunningscriteria)
    return (
        f"{NIETS_VOOR_HET_PANEL}: geen inschrijving op een perceel met gunningscriteria ({namen}) is na de "
        "knock-outtoets geldig ('evaluatie toets' zegt per inschrijving waarom); er zijn geen "
        "beoordelingsformulieren nodig" + (f" en {gevolg}" if gevolg else "")
    )


def _ongelezen(werkmap: Werkmap) -> list[Invoerbestand]:
    """The files in beoordelingen/ an award without a scored lot does not read: still inputs with their SHA-256 (what
    `controleer` compares, evaluatie.invoerverschil), named without the reviewer's name their file name carries."""
    from evaluatie.werkboek import zichtbare_bestanden

    return [
        Invoerbestand(
            bestand=werkmap.relatief(p),
            sha256=sha256_bestand(p),
            aanduiding=f"beoordelingen: bestand {i} (niet gelezen: geen kwaliteitsbeoordeling)",
        )
        for i, p in enumerate(zichtbare_bestanden(werkmap.beoordelingen)[0], start=1)
    ]


def _formulieren_niet_gelezen(aanbesteding: Aanbesteding, gekozen: list[Perceel]) -> str:
    """The note that the panel's forms are not read: no lot of the tender is scored, or none of the chosen ones."""
    from evaluatie.beoordeling.lezen import GEEN_PANEL_NODIG

    if not aanbesteding.panel_nodig:
        return GEEN_PANEL_NODIG + "; de bestanden in beoordelingen/ worden niet gelezen"
    return (
        f"de gekozen percelen ({', '.join(p.naam for p in gekozen)}) laten het panel de kwaliteit niet beoordelen "
        "(open house zonder minimale kwaliteit); de bestanden in beoordelingen/ worden voor deze berekening niet "
        "gelezen"
    )


def _hernoemd(invoer: Invoer) -> dict[str, str]:
    """A bidder's name before an applied correction of it (herstel of the cell that gives the bid its name) -> the
    name now: the panel may have scored the bid before the correction, under the name it had then."""
    if invoer.besluiten is None:
        return {}
    naam_van = {i.bestand: i.naam for i in invoer.inschrijvingen}
    return {
        h.oud.strip(): h.nieuw.strip()
        for h in invoer.besluiten.toegepast("herstel")
        if h.oud.strip() and naam_van.get(h.bestand) == h.nieuw.strip() and h.oud.strip() not in naam_van.values()
    }


def _afgevallen(invoer: Invoer, toets_voor: Toetsuitslag) -> dict[tuple[str, str], str]:
    """(bidder, lot) -> why its reviewer rows are set aside, in the words the note and the advies use: out in the
    knock-out test (also a recorded exclusion), or withdrawn after scoring (a recorded withdrawal)."""
    from evaluatie.toets.status import AANGEHOUDEN, UITGESLOTEN

    # a recorded exclusion takes the bid out of every lot, also where the knock-out rules hold no exclusion grounds:
    # the reason is the decision, as the advies's list of decisions names it, not 'de knock-outtoets'
    besluit = {
        u.inschrijver: f"de inschrijving is uitgesloten (besluit {u.id}, art. {u.artikel})"
        for u in (invoer.besluiten.toegepast("uitsluiting") if invoer.besluiten else [])
        if u.uitkomst == "uitgesloten"
    }
    uit = {
        (r.inschrijver, r.perceel): "de inschrijving is aangehouden tot de verklaarde uitsluitingsgrond is gewogen"
        if r.status == AANGEHOUDEN
        else besluit[r.inschrijver]
        if r.status == UITGESLOTEN and r.inschrijver in besluit
        else "de inschrijving valt voor dit perceel af in de knock-outtoets"
        for r in toets_voor.resultaten
        if not r.voldoet
    }
    for n in _teruggetrokken(invoer):
        uit |= dict.fromkeys(((n, code) for code in invoer.aanbesteding.percelen), "de inschrijving is teruggetrokken")
    return uit


def _afgevallen_voor_consensus(invoer: Invoer, toets_voor: Toetsuitslag) -> dict[tuple[str, str], str]:
    """(bidder, lot) out after the scoring for good, with the reason (_afgevallen): a recorded withdrawal, a knock-out
    found later, a recorded exclusion. The consensus workbook sets their reviewer rows aside, as the award does (nobody
    edits a signed form). A bid out only until a point still open is settled (a declared ground not yet weighed, or
    whose decision went stale) is not among them: it may come back, and the workbook says why it refuses its rows."""
    gewogen = {u.inschrijver for u in (invoer.besluiten.toegepast("uitsluiting") if invoer.besluiten else [])}
    open_ = {i.naam for i in invoer.inschrijvingen if i.uitsluitingsgronden and i.naam not in gewogen}
    teruggetrokken = set(_teruggetrokken(invoer))
    return {k: v for k, v in _afgevallen(invoer, toets_voor).items() if k[0] in teruggetrokken or k[0] not in open_}


def _teruggetrokken(invoer: Invoer) -> list[str]:
    """Bidders that withdrew after scoring (besluiten.yaml): their reviewer rows are set aside."""
    return [t.inschrijver for t in invoer.besluiten.toegepast("terugtrekking")] if invoer.besluiten else []


def _alleen_te_beoordelen(
    invoer: Invoer,
    rijen: list[tuple[str, str, str]],
    formulieren: list[Beoordelingsformulier],
    consensus: Consensus | None,
) -> Panelformulieren:
    """A scenario that changes knock-out rules changes who is scored.

    Scores of a bid the scenario knocks out are set aside, with a note. A bid the scenario newly
    admits was never scored by the panel: one clear message (exit 1), never a quality of zero.
    """
    from evaluatie.fouten import EvaluatieFout

    gescoord = set(invoer.beoordeelde_rijen or [])
    nu = set(rijen)
    # rows the scenario asks for and the panel never scored, said at the level of the change: a lot the baseline did
    # not score (an open house without minimum_kwaliteit), or a bid that fell out in the baseline (a criterion cannot
    # be added in a scenario: scenario/zet.py refuses it)
    ontbrekend: list[str] = []
    for ins, code, _ in sorted(nu - gescoord):
        if code not in invoer.beoordeelde_percelen:
            reden = (
                f"in dit scenario beoordeelt perceel {code} de kwaliteit, maar in de uitgangssituatie is de "
                "kwaliteit in dat perceel niet beoordeeld (open house zonder minimale kwaliteit)"
            )
        else:
            # not 'het panel heeft haar niet beoordeeld': the forms may hold her scores, set aside in the baseline
            # (scored before a knock-out or decision took her out)
            reden = (
                f"in dit scenario voldoet {ins} in perceel {code} aan de knock-outeisen, maar zij viel in de "
                "uitgangssituatie af, dus telt er geen score van het panel voor haar mee (het panel beoordeelt wie "
                "door de knock-outtoets komt; een score die toch in een formulier staat, is opzijgezet)"
            )
        ontbrekend.append(reden + "; zonder kwaliteitsscores kan dit scenario niet worden doorgerekend")
    if ontbrekend:
        raise EvaluatieFout(list(dict.fromkeys(ontbrekend)))
    # why scored rows do not count here, at the level of the change: a bid knocked out, a lot no longer scored (an open
    # house without minimum_kwaliteit), a criterion removed (`gunningscriteria.K4=false`); a removed criterion is not
    # every bid of the lot knocked out
    bieders_nu = {(ins, code) for ins, code, _ in nu}
    criteria_nu = {(code, crit) for _, code, crit in nu}
    notities = []
    for ins, code in sorted({(ins, code) for ins, code, _ in gescoord} - bieders_nu):
        if not invoer.aanbesteding.percelen[code].gunningscriteria:
            notities.append(
                f"scenario: perceel {code} is in dit scenario een open house zonder minimale kwaliteit; de scores "
                "van het panel in dat perceel tellen niet mee"
            )
        else:
            notities.append(
                f"scenario: de scores van het panel voor {ins} in perceel {code} tellen niet mee; "
                "de inschrijving valt in dit scenario af bij de knock-outtoets"
            )
    for code, crit in sorted({(code, crit) for ins, code, crit in gescoord if (ins, code) in bieders_nu} - criteria_nu):
        notities.append(
            f"scenario: criterium {crit} van perceel {code} is in dit scenario geen gunningscriterium; de scores "
            "van het panel op dat criterium tellen niet mee"
        )
    for notitie in notities:
        if notitie not in invoer.notities:
            invoer.notities.append(notitie)

    def houd(scores: tuple[Score, ...]) -> tuple[Score, ...]:
        return tuple(s for s in scores if (s.inschrijver, s.perceel, s.criterium) in nu)

    formulieren = [f.model_copy(update={"scores": houd(f.scores)}) for f in formulieren]
    if consensus is not None:
        consensus = consensus.model_copy(update={"scores": houd(consensus.scores)})
    return formulieren, consensus


def _prijzen(invoer: Invoer) -> list[float]:
    """Every bid price: reviewer forms are checked against them (two-envelope principle)."""
    return sorted({a.prijs for i in invoer.inschrijvingen for a in i.aanbod.values()})


def eis_consensus(invoer: Invoer, b: Beoordeling, percelen: list[str] | None = None) -> None:
    """With `aggregatie: consensus`: EvaluatieFout (exit 1) listing every row of the lots being awarded
    (`percelen`, default all) that the panel has not decided."""
    from evaluatie.beoordeling.consensuseis import open_consensus
    from evaluatie.fouten import EvaluatieFout

    if invoer.aanbesteding.beoordeling.aggregatie != "consensus":
        return
    meldingen = open_consensus(invoer.aanbesteding, b.consensus, b.te_beoordelen, percelen)
    from evaluatie.tekst import aantal

    if meldingen:
        raise EvaluatieFout(
            [
                f"de aanbesteding vraagt consensus van het panel (beoordeling.aggregatie: consensus), maar "
                f"{aantal(str(len(meldingen)), 'punt staat', 'punten staan')} nog open:",
                *meldingen,
            ]
        )


@dataclass
class Consensusvoorbereiding:
    werkboek: Uitkomst
    agenda: Path


@met_slot
def schrijf_consensus(
    werkmap: Werkmap, overschrijven: bool = False, notities: list[str] | None = None
) -> Consensusvoorbereiding:
    """beoordelingen/consensus.xlsx pre-filled from the reviewer forms, keeping what the panel typed
    unless `overschrijven`, and the meeting agenda rapporten/intern/consensus-agenda.html. `notities` gets what
    the reading noted (a skipped file, a stale decision left out of the rows): the caller says it, never silent."""
    from evaluatie.beoordeling.aggregatie import aggregeer
    from evaluatie.beoordeling.consensuswerkboek import lees_ingevuld, schrijf_consensuswerkboek
    from evaluatie.beoordeling.formulier import CONSENSUSBESTAND
    from evaluatie.beoordeling.lezen import lees_beoordelingen
    from evaluatie.rapport.agenda import schrijf_agenda

    with met_handwerk(werkmap):
        invoer = laad_invoer(werkmap)
    geen_handwerk(werkmap)  # which rows are scored follows the decisions: never a hand edit in their name
    if not invoer.aanbesteding.panel_nodig:  # nothing is scored, so there is nothing to agree on
        from evaluatie.beoordeling.lezen import GEEN_PANEL_NODIG

        raise InvoerFout([Fout("aanbesteding.yaml: percelen", GEEN_PANEL_NODIG + "; er is geen consensusoverleg")])
    toets_voor = toets_werkmap(invoer)
    rijen = te_beoordelen_rijen(invoer, toets_voor)
    if notities is not None:
        notities += invoer.notities + verouderd_notities(invoer)
    namen = [i.naam for i in invoer.inschrijvingen] + _teruggetrokken(invoer)
    hernoemd = _hernoemd(invoer)
    opzij: list[str] = []
    formulieren, _ = lees_beoordelingen(
        invoer.aanbesteding,
        werkmap.beoordelingen,
        rijen,
        namen,
        _prijzen(invoer),
        met_consensus=False,
        afgevallen=_afgevallen_voor_consensus(invoer, toets_voor),
        opzij=opzij,
        hernoemd=hernoemd,
    )
    if notities is not None:
        notities += [f"beoordelingen/{regel}" for regel in opzij]
    panel = aggregeer(invoer.aanbesteding, formulieren, None, rijen)
    pad = werkmap.beoordelingen / CONSENSUSBESTAND
    ingevuld = None if overschrijven or not pad.exists() else lees_ingevuld(invoer.aanbesteding, pad, namen, hernoemd)
    uitkomst = schrijf_consensuswerkboek(invoer.aanbesteding, rijen, panel, pad, ingevuld)
    agenda = schrijf_agenda(invoer.aanbesteding, panel, werkmap.rapporten / "intern" / "consensus-agenda.html")
    return Consensusvoorbereiding(uitkomst, agenda)


def heeft_beoordelingen(werkmap: Werkmap) -> bool:
    """Whether beoordelingen/ holds anything to read; a bad link counts, so it is reported, not skipped."""
    from evaluatie.werkboek import map_inhoud

    inhoud = map_inhoud(werkmap.beoordelingen)
    return bool(inhoud.lezen or inhoud.fouten)


def toets_met_beoordeling(invoer: Invoer) -> Toetsuitslag:
    """The knock-out table; includes the quality threshold once the panel's workbooks are in."""
    if heeft_beoordelingen(invoer.werkmap):
        return beoordeel(invoer).toets
    return toets_werkmap(invoer)


@met_slot
def schrijf_beoordelingsformulieren(
    werkmap: Werkmap, overschrijven: bool = False, notities: list[str] | None = None
) -> tuple[list[Path], list[Path]]:
    """One blind form per reviewer in beoordelingen/. Existing (possibly filled) files are kept
    unless `overschrijven`: returns (written, kept). `notities`: as in schrijf_consensus."""
    from evaluatie.beoordeling.formulier import bestandsnaam, schrijf_beoordelingsformulier
    from evaluatie.beoordeling.lezen import GEEN_PANEL_PLAATS, geen_panel

    with met_handwerk(werkmap):
        invoer = laad_invoer(werkmap)
    geen_handwerk(werkmap)  # who is on the forms follows the decisions: never a hand edit in their name
    if not invoer.aanbesteding.panel_nodig:
        from evaluatie.beoordeling.lezen import GEEN_PANEL_NODIG

        if notities is not None:
            notities.append(
                GEEN_PANEL_NODIG + "; er zijn geen beoordelingsformulieren nodig en er is er geen geschreven"
            )
        return [], []
    rijen = te_beoordelen_rijen(invoer, toets_werkmap(invoer))
    if (leeg := geen_panel(invoer.aanbesteding, rijen)) is not None:
        raise InvoerFout([Fout(GEEN_PANEL_PLAATS, leeg)])
    if not rijen:  # every bid on a scored lot fell at the knock-out: a form without a row asks for nothing
        if notities is not None:
            notities += invoer.notities + verouderd_notities(invoer)
            notities.append(
                niets_voor_het_panel(list(invoer.aanbesteding.percelen.values()), "er is er geen geschreven")
            )
        return [], []
    if notities is not None:
        notities += invoer.notities + verouderd_notities(invoer)
    geschreven, behouden = [], []
    for naam in invoer.aanbesteding.beoordelaars:
        pad = werkmap.beoordelingen / bestandsnaam(naam)
        if pad.exists() and not overschrijven:
            behouden.append(pad)
            continue
        geschreven.append(schrijf_beoordelingsformulier(invoer.aanbesteding, naam, rijen, pad))
    return geschreven, behouden


class PercelenFout(ValueError):
    """--lots names no lot of the tender (kies_percelen): a usage error of that option."""


def kies_percelen(aanbesteding: Aanbesteding, tekst: str | None) -> list[str]:
    """'b1,Onderwijs' -> ['B1', 'onderwijs'] in tender order; unknown codes raise PercelenFout (a ValueError), and so
    does a text that names no lot (' ', ','): it was an award of no lots, exit 0, that replaced gunning.json."""
    if not tekst:
        return list(aanbesteding.percelen)
    gevraagd: list[str] = []
    onbekend: list[str] = []
    for deel in (d.strip() for d in tekst.split(",") if d.strip()):
        code = next((c for c in aanbesteding.percelen if c.lower() == deel.lower()), None)
        (gevraagd if code else onbekend).append(code or deel)
    if onbekend:
        bedoeld = [c for deel in onbekend if (c := _bedoeld_perceel(aanbesteding, deel)) is not None]
        hint = (
            f"; bedoelt u {' en '.join(f'{c} ({aanbesteding.percelen[c].naam})' for c in bedoeld)}?" if bedoeld else ""
        )
        raise PercelenFout(
            f"onbekend perceel {', '.join(onbekend)}; geldige codes: {', '.join(aanbesteding.percelen)}{hint}"
        )
    if not gevraagd:
        raise PercelenFout(f"geen perceel in {tekst!r}; geef een of meer codes: {', '.join(aanbesteding.percelen)}")
    return [c for c in aanbesteding.percelen if c in gevraagd]


def _bedoeld_perceel(aanbesteding: Aanbesteding, deel: str) -> str | None:
    """The lot a user most likely meant: its name typed instead of its code ('Onderwijsroute'), or a slip of one of
    either ('onderwjis'); None when nothing is close."""
    import difflib  # only on this error path

    vorm = {c.casefold(): c for c in aanbesteding.percelen}
    vorm.update({p.naam.casefold(): c for c, p in aanbesteding.percelen.items()})
    dichtst = difflib.get_close_matches(deel.casefold(), list(vorm), n=1, cutoff=0.75)
    return vorm[dichtst[0]] if dichtst else None


def een_perceel(aanbesteding: Aanbesteding, tekst: str) -> str:
    """The one lot a decision is about (--lots); ValueError naming the valid codes otherwise."""
    try:
        codes = kies_percelen(aanbesteding, tekst)
    except ValueError as e:
        raise ValueError(f"--lots: {e}") from None
    if len(codes) != 1:
        raise ValueError("--lots: geef precies één perceel op")
    return codes[0]


@dataclass
class Award:
    invoer: Invoer
    beoordeling: Beoordeling
    uitslag: Gunningsuitslag
    open_punten: list[Openpunt] = field(default_factory=list)  # the send gate

    def beoordeling_zonder(self, beoordelaar: str) -> Beoordeling:
        """The panel stage without one reviewer's scores (leave-one-out in zekerheid), which never reports
        that panel's reliability: it is not computed."""
        return beoordeel(self.invoer, zonder=(beoordelaar,), betrouwbaarheid=False)


def gun(
    werkmap: Werkmap,
    percelen: str | None = None,
    oplosser: str = STANDAARD,
    tijdslimiet: float | None = None,
    definitie: dict[str, Any] | None = None,
    zonder: tuple[str, ...] = (),
    invoer: Invoer | None = None,
    besluiten_toepassen: bool = True,
    vandaag: dt.date | None = None,
) -> Award:
    """The whole award: bids, knock-out, panel, price, ranking, allocation. Writes nothing.

    Recorded art. 2.116 decisions are checked against the signals of this award and a rejected
    bid is excluded (the award is then computed again without it). A decision or draw whose premise no
    longer holds is left out (laat_weg) and is an open point; the open points (send gate)
    are listed on the result. `besluiten_toepassen=False` gives the award as it stands before
    those decisions (what `evaluatie toelichting` checks a new decision against). `vandaag` is the day the
    award is computed on (an award before the closing date is an open point); the commands pass it in, a library
    call without it takes the system's date, as the decision commands do."""
    from evaluatie.gunning.uitvoeren import gunning

    if invoer is None:
        try:
            invoer = laad_invoer(werkmap, definitie)
        except InvoerFout as e:
            raise InvoerFout(e.fouten + _formulierfouten(werkmap, definitie, percelen, e.fouten)) from None
    invoer.afgewezen = ()  # the first pass is the award before the 2.116 decisions: their premise is checked on it
    codes = kies_percelen(invoer.aanbesteding, percelen)
    b = beoordeel(invoer, zonder, percelen=codes)
    eis_consensus(invoer, b, codes)

    def reken() -> Any:
        return gunning(
            invoer.aanbesteding,
            invoer.inschrijvingen,
            b.toets,
            b.panel,
            codes,
            invoer.bestanden + b.bestanden,
            oplosser,
            tijdslimiet,
            invoer.lotingen,
        )

    try:
        award = Award(invoer, b, reken())
    except EvaluatieFout as e:
        # a bid with an unweighed exclusion ground takes no part: when that leaves a lot short, say so
        raise EvaluatieFout(e.meldingen + _ongewogen_als_oorzaak(invoer)) from None
    if not besluiten_toepassen or invoer.besluiten is None:
        return award
    from evaluatie.besluiten.openpunten import keurmerkbesluiten_zonder_gunning, open_punten
    from evaluatie.besluiten.toepassen import afgewezen_toelichtingen, pas_afwijzingen_toe

    # A rejection removes a bid from the valid bids another is compared with, so a price may be flagged only in the
    # award after it (the published rule: 'de andere geldige inschrijvingen'). Every pass with the rejections found so
    # far applied is one more award in which a decision's premise may hold; until no new rejection is found.
    passen = [award]
    toets = b.toets
    afgewezen, weg = afgewezen_toelichtingen(passen, codes)
    toegepast: set[str] = set()  # the ids of the rejections the last pass applied
    while afgewezen and {x.id for x in afgewezen} != toegepast:
        toegepast = {x.id for x in afgewezen}
        invoer.afgewezen = tuple(afgewezen)  # leave-one-out (zekerheid) re-runs beoordeel: the same exclusion
        b.toets = pas_afwijzingen_toe(toets, afgewezen)
        award = Award(invoer, b, reken())
        passen.append(award)
        afgewezen, weg = afgewezen_toelichtingen(passen, codes)
    laat_weg(invoer, weg)
    for t in afgewezen:
        if any(s.inschrijver == t.inschrijver and s.perceel == t.perceel for s in b.panel.rijen):
            b.opzij.append(
                f"de scores van het panel voor {t.inschrijver} in perceel {t.perceel} zijn opzijgezet: "
                + afgewezen_na_beoordeling(t.id)
            )
    laat_weg(invoer, _verouderde_lotingen(award, codes))  # on the final ranking: a rejected bid may end a tie
    laat_weg(invoer, keurmerkbesluiten_zonder_gunning(award))
    award.open_punten = open_punten(award, vandaag or dt.date.today())
    return award


def afgewezen_na_beoordeling(besluit: str) -> str:
    """Why the scores of a bid rejected after scoring (art. 2.116) are set aside: the note and scores() say it."""
    return f"de inschrijving is na de beoordeling afgewezen (besluit {besluit}, art. 2.116)"


def _formulierfouten(
    werkmap: Werkmap, definitie: dict[str, Any] | None, percelen: str | None, al: list[Fout]
) -> list[Fout]:
    """A reviewer's missing form or second form, said with a bid's error (one of `al`): it does not depend on the
    bids, and the award needs every form whenever a chosen lot is scored. Nothing when the definition itself is in
    error (the bids and the forms are then read against nothing), the lots cannot be chosen, or no chosen lot is
    scored."""
    from evaluatie.beoordeling.koppen import formulierfouten_zonder_inschrijvingen
    from evaluatie.definitie.laden import laad_aanbesteding_uit_data

    try:
        if definitie is None:
            aanbesteding, _ = laad_definitie(werkmap)
        else:
            aanbesteding, _ = laad_aanbesteding_uit_data(definitie, None, "aanbesteding.yaml (met --zet)", werkmap.root)
        codes = kies_percelen(aanbesteding, percelen)
    except (InvoerFout, ValueError):
        return []
    if not any(aanbesteding.percelen[c].gunningscriteria for c in codes):
        return []
    return [f for f in formulierfouten_zonder_inschrijvingen(aanbesteding, werkmap.beoordelingen) if f not in al]


def _verouderde_lotingen(award: Award, codes: list[str]) -> list[Verouderd]:
    """Draws whose tie is gone from the ranking of the lots computed here: they were not applied (a draw only
    orders a tie of exactly its bidders, prijs.rangorde) and are stale."""
    from evaluatie.besluiten.verouderd import Verouderd
    from evaluatie.gunning.loting import BESTAND as LOTINGBESTAND
    from evaluatie.gunning.uitvoeren import lotingpremisse_weg

    uit = []
    for x in award.invoer.lotingen:
        p = award.uitslag.percelen.get(x.perceel)
        if x.perceel in codes and p is not None and (wat := lotingpremisse_weg(p.naam, x, p.rangorde)):
            uit.append(Verouderd(x.id, wat, LOTINGBESTAND))
    return uit


def _ongewogen_als_oorzaak(invoer: Invoer) -> list[str]:
    from evaluatie.besluiten.openpunten import ongewogen_uitsluitingen, verouderd_punt

    # a stale decision left out may be why (an exclusion ground no longer weighed): named with it
    punten = [verouderd_punt(v) for v in invoer.verouderd]
    punten += ongewogen_uitsluitingen(invoer.aanbesteding, invoer.inschrijvingen, invoer.besluiten)
    if not punten:
        return []
    uit = ["Open besluit dat de uitkomst kan veranderen (leg het eerst vast en reken dan opnieuw):"]
    for p in punten:
        uit += [f"- {p.tekst}", f"    {p.commando}"]
    return uit


def gunning_gegevens(award: Award) -> dict[str, Any]:
    """What gunning.json and `gunning --json` hold: the outcome, every recorded decision and draw as the advies lists
    it (applied or why not, the lots it bears on: rapport.besluitenlijst) and the open points."""
    from evaluatie.gunning.uitvoer import als_dict
    from evaluatie.rapport.besluitenlijst import als_json

    return als_dict(award.uitslag) | {
        "besluiten": als_json(award),
        "open_punten": [p.als_dict() for p in award.open_punten],
    }


def schrijf_gunning_json(award: Award, map_: Path | None = None) -> Path:
    """gunning.json with the send gate's open points: while one is open the file says so, as the CONCEPT advies
    does, so no reader takes a provisional award for a final one."""
    import json

    from evaluatie.schrijfwacht import schrijf_tekst

    tekst = json.dumps(gunning_gegevens(award), ensure_ascii=False, indent=2) + "\n"
    return schrijf_tekst((map_ or award.invoer.werkmap.rapporten) / "gunning.json", tekst)


def schrijf_rapporten(
    award: Award, oplosser: str = STANDAARD, tijdstempel: str | None = None, map_: Path | None = None
) -> list[Path]:
    """Gunningsadvies (HTML + xlsx, with the robustness analyses), a letter per bidder per lot
    (docx + HTML) and a page per gemeente. `tijdstempel` replays a logged run byte for byte.
    `map_` is where to write (default rapporten/; schrijf_uitvoer passes a fresh folder)."""
    from evaluatie.parallel import bevroren
    from evaluatie.rapport.gegevens import Rapportgegevens
    from evaluatie.rapport.schrijven import schrijf_alle
    from evaluatie.rapport.zekerheid_html import zekerheid_html
    from evaluatie.zekerheid.uitvoeren import LopendeZekerheid

    gegevens = Rapportgegevens.uit_award(award, tijdstempel)
    if gegevens.concept:  # only the CONCEPT advies is written, which has no analyses: none are computed
        return schrijf_alle(gegevens, map_ or award.invoer.werkmap.rapporten)
    # On a large tender the analyses run on the other cores while this process writes every other report;
    # on a small one here, when the internal certainty report asks for them (schrijf_alle, `zekerheid`).
    lopend = LopendeZekerheid(award, oplosser)

    def secties() -> dict[str, str]:
        uitkomst = lopend.uitkomst()
        if all(getattr(z, "minimum", 0) is None for z in uitkomst.values()):
            return {}  # only open houses admitting on the requirements alone: nothing was analysed, no page
        return {c: zekerheid_html(z, award.uitslag.percelen[c].naam) for c, z in uitkomst.items()}

    try:
        with bevroren():  # the workers are forked by now (LopendeZekerheid): they keep their own heap
            return schrijf_alle(gegevens, map_ or award.invoer.werkmap.rapporten, secties)
    finally:
        lopend.stop()


def schrijf_uitvoer(
    award: Award,
    oplosser: str = STANDAARD,
    tijdstempel: str | None = None,
    rapporten: bool = True,
    verplaatst: list[str] | None = None,
) -> list[Path]:
    """gunning.json and (unless `rapporten` is False) all reports, swapped into rapporten/ as a
    whole only when everything was written. Returns the files this run produced (for the logboek).

    Everything the award writes is produced into a fresh folder, so a later output (a new
    appendix, rapporten/intern/) is atomic too as long as it is written by schrijf_rapporten.
    What the previous award produced (per the logboek) and did not produce now (the letter of a withdrawn bid,
    the lots a --lots run leaves out), and any file of a kind an award writes that this award did not write (a
    letter copied by hand), is moved to rapporten/niet-van-deze-gunning/<run>/ (`verplaatst` gets the new paths,
    relative to rapporten/): never deleted, as someone may have sent it, and never left looking current. Files
    that other commands wrote there (the consensus agenda) are carried over untouched.
    """
    from evaluatie.logboek import lees
    from evaluatie.niet_actueel import is_markering
    from evaluatie.rapport.gegevens import tijdstempel as maak_tijdstempel
    from evaluatie.rapport.schrijven import alle_bestanden, atomair, is_gunningsuitvoer, neem_over, verplaats

    werkmap = award.invoer.werkmap
    doel = werkmap.rapporten
    logboek = lees(werkmap)
    for melding in logboek.beschadigd:  # said, never a traceback: the good lines still name what to replace
        if melding not in award.invoer.notities:
            award.invoer.notities.append(melding)
    vorige = logboek.laatste_gunning()
    van_vorige_gunning = {b["bestand"] for b in vorige["uitvoer"]} if vorige else set()
    onbekende_run = _niet_gelogde_rapporten(werkmap, vorige)
    if onbekende_run is not None and onbekende_run not in award.invoer.notities:
        award.invoer.notities.append(onbekende_run)

    def van_een_gunning(rel: str) -> bool:
        """Whether a path relative to rapporten/ is of an award: the previous one wrote it, or its kind."""
        return f"{doel.name}/{rel}" in van_vorige_gunning or is_gunningsuitvoer(rel)

    def behouden(p: Path) -> bool:
        rel = p.relative_to(doel).as_posix()
        # a failed award's marker goes with the reports it marked; an award's file not written now was moved
        return not (is_markering(rel) or van_een_gunning(rel))

    with atomair(doel) as nieuw:
        schrijf_gunning_json(award, nieuw)
        if rapporten:
            schrijf_rapporten(award, oplosser, tijdstempel, nieuw)
        geschreven = [doel / p.relative_to(nieuw) for p in alle_bestanden(nieuw)]
        weg = verplaats(
            doel, nieuw, lambda rel: not is_markering(rel) and van_een_gunning(rel), tijdstempel or maak_tijdstempel()
        )
        neem_over(doel, nieuw, behouden)
    if weg:
        award.invoer.notities.append(_verplaatst_notitie(doel.name, weg))
        if verplaatst is not None:
            verplaatst += weg
    return geschreven


def _verplaatst_notitie(rapporten: str, weg: list[str]) -> str:
    """The note on screen for the files an award moved out of its outputs (schrijf_uitvoer)."""
    from evaluatie.tekst import aantal

    map_ = "/".join(weg[0].split("/")[:2])
    oorspronkelijk = ", ".join(w.split("/", 2)[2] for w in weg)
    is_, het, kan, stuk, wordt = (
        ("is", "het", "kan", "een stuk", "wordt") if len(weg) == 1 else ("zijn", "ze", "kunnen", "stukken", "worden")
    )
    return (  # a note: the terminal puts 'Let op: ' before it (cli.meld_notities)
        f"{aantal(str(len(weg)), 'bestand', 'bestanden')} in {rapporten}/ {is_} niet door deze gunning geschreven "
        f"(door een eerdere gunning, of er met de hand neergezet) en {is_} verplaatst naar {rapporten}/{map_}/, zodat "
        f"{het} niet voor {stuk} van deze gunning {kan} worden aangezien en niet {wordt} verstuurd: {oorspronkelijk}"
    )


def _niet_gelogde_rapporten(werkmap: Werkmap, vorige: dict[str, Any] | None) -> str | None:
    """A note when rapporten/gunning.json is not the one the logboek's last award wrote (or there is one and the
    logboek has no award): the reports are then of a run that never reached the logboek (killed between putting
    its reports in place and writing its line), and which of its files an award made cannot be read from the
    logboek. None when gunning.json is the logged one, or there is none."""
    pad = werkmap.rapporten / "gunning.json"
    if not pad.is_file() or pad.is_symlink():
        return None
    gelogd = {b["bestand"]: b.get("sha256") for b in vorige["uitvoer"]} if vorige else {}
    if gelogd.get(werkmap.relatief(pad)) == sha256_bestand(pad):
        return None
    return (  # a note: the terminal puts 'Let op: ' before it (cli.meld_notities)
        "rapporten/gunning.json is niet het bestand dat de laatste gunning in het logboek schreef (een "
        "gunning die werd afgebroken voordat ze in het logboek kwam, of een bestand dat met de hand is gewijzigd); "
        "alle rapporten van het soort dat een gunning maakt (advies, brieven, gemeentepagina's) zijn vervangen, "
        "andere bestanden in rapporten/ zijn overgenomen"
    )


def leg_loting_vast(
    werkmap: Werkmap,
    perceel: str,
    volgorde: list[str],
    datum: dt.date | None,
    getuige: str,
    wie: tuple[str, str],
    vandaag: dt.date | None = None,
    fouten: Optiefouten | None = None,
) -> tuple[Path, Any]:
    """Record a draw in loting.yaml after checking it settles an undecided tie of the current award.

    The date lies after the closing date, not after the letters' date, not in the future and not before a
    reviewer form that scores the tied bids was signed (the tie exists only then); the
    witness has a name and a capacity; `wie` (door, reden) says who decided and why, checked as for every decision;
    names match case-insensitively (a typo gets suggestions);
    a second draw for the same tie is refused with the command that withdraws the first.
    Raises ValueError (a usage error) when anything does not match; writes nothing then."""
    from evaluatie.besluiten.namen import zoek_inschrijver
    from evaluatie.besluiten.optiefouten import Optiefouten
    from evaluatie.gunning.loting import (
        BESTAND,
        Loting,
        controleer_getuige,
        controleer_lotingdatum,
        lees_lotingen,
        schrijf_lotingen,
    )

    vandaag = vandaag or dt.date.today()
    fouten = fouten if fouten is not None else Optiefouten()  # every wrong option at once, as for every decision
    if len(set(n.casefold() for n in volgorde)) != len(volgorde) or len(volgorde) < 2:
        fouten.noteer("--volgorde", "--volgorde: geef minstens twee verschillende inschrijvers, gescheiden door ';'")
    getuige_ = fouten.probeer("--getuige", controleer_getuige, getuige)
    from evaluatie.besluiten.wie import controleer_door_en_reden

    door, reden = wie
    controleer_door_en_reden(door, reden, fouten)  # as for every decision; the draw's own date is checked below
    invoer = laad_invoer(werkmap)
    a = invoer.aanbesteding
    if datum is not None:
        fouten.probeer("--datum", controleer_lotingdatum, datum, a.data.sluiting, a.data.verzenddatum, vandaag)
    namen = [i.naam for i in invoer.inschrijvingen]
    gevonden = [fouten.probeer("--volgorde", zoek_inschrijver, n, namen, "--volgorde") for n in volgorde]
    code_ = fouten.probeer("--lots", een_perceel, a, perceel)
    if code_ is not None and a.percelen[code_].procedure == "toelating":  # said before the award is computed
        fouten.noteer(
            "--lots",
            f"--lots: perceel {a.percelen[code_].naam} is een open house (procedure: toelating): daar wordt niet "
            "gerangschikt, dus is er geen gelijke stand en geen loting",
        )
    fouten.stop()
    assert getuige_ is not None and code_ is not None and datum is not None  # stop() raised otherwise
    getuige, code, volgorde = getuige_, code_, [n for n in gevonden if n is not None]
    alle = lees_lotingen(werkmap.root / BESTAND)
    eerder = next((x for x in alle if x.geldig and x.perceel == code and set(x.volgorde) == set(volgorde)), None)
    if eerder is not None:
        raise ValueError(
            f"voor deze gelijke stand is al een loting vastgelegd ({eerder.id}, {eerder.datum.isoformat()}: "
            f"{' voor '.join(eerder.volgorde)}). Een tweede loting is niet toegestaan; is de eerste onjuist "
            f'vastgelegd, trek haar dan in met \'evaluatie intrekken {eerder.id} --reden "..." --door '
            '"naam, functie"\' en leg de loting daarna opnieuw vast'
        )
    award = gun(werkmap, code, invoer=invoer)
    p = award.uitslag.percelen[code]
    open_ = list(p.gelijke_standen)
    from evaluatie.naamvorm import sleutel

    namen_van = {sleutel(n): n for st in open_ for n in st.inschrijvers}
    volgorde = [namen_van.get(sleutel(n), n) for n in volgorde]  # 'cafe x' and 'Café X' in NFD name one bidder
    groep = next((st for st in open_ if set(st.inschrijvers) == set(volgorde)), None)
    if groep is None:
        bekend = "; ".join(f"rang {st.rang}: {';'.join(st.inschrijvers)}" for st in open_) or "geen"
        fouten.noteer(
            "--volgorde",
            f"perceel {p.naam}: '{';'.join(volgorde)}' is geen onbesliste gelijke stand; onbesliste gelijke "
            f"standen: {bekend}",
        )
    _na_de_beoordeling(datum, code, p.naam, volgorde, award, fouten)
    fouten.stop()
    nummers = [int(x.id[1:]) for x in alle if x.id[1:].isdigit()]
    nieuw = Loting(
        perceel=code,
        volgorde=tuple(volgorde),
        datum=datum,
        getuige=getuige,
        door=door.strip(),
        reden=reden.strip(),
        id=f"L{max(nummers, default=0) + 1}",
    )
    return schrijf_lotingen(werkmap.root / BESTAND, (*alle, nieuw)), nieuw


def _na_de_beoordeling(
    dag: dt.date, code: str, naam: str, volgorde: list[str], award: Award, fouten: Optiefouten
) -> None:
    """A draw orders a tie of total scores, which exists only once the reviewers have signed the forms that score the
    tied bids: a draw dated before one of them would date the ranking before its scores (the advies lists the forms
    with their dates beside the draw)."""
    from evaluatie.gemeentenamen import opsomming
    from evaluatie.gunning.loting import later_ondertekend

    formulieren = award.invoer.panelformulieren[0] if award.invoer.panelformulieren is not None else []
    later = later_ondertekend(dag, code, volgorde, formulieren)
    if later:
        wie = opsomming([f"{f.beoordelaar} ({f.datum.isoformat()})" for f in later], "en")
        fouten.noteer(
            "--datum",
            f"--datum: de loting ({dag.isoformat()}) ligt vóór de ondertekening van "
            f"{'het beoordelingsformulier' if len(later) == 1 else 'de beoordelingsformulieren'} van {wie}, die "
            f"{opsomming(sorted(volgorde), 'en')} in perceel {naam} {'scoort' if len(later) == 1 else 'scoren'}; "
            "een gelijke stand van totaalscores bestaat pas na de beoordeling",
        )


@met_slot
def scenario(
    werkmap: Werkmap,
    zetten: list[str],
    percelen: str | None = None,
    oplosser: str = STANDAARD,
    tijdslimiet: float | None = None,
) -> tuple[Award, Award, list[Perceelverschil]]:
    """Baseline award and the award with `zetten` applied to the tender definition (files untouched).

    Logged like every evaluating command; a bad `zetten` raises scenario.zet.ZetFout."""
    from evaluatie.definitie.laden import lees_yaml
    from evaluatie.logboek import noteer
    from evaluatie.scenario.verschil import verschil
    from evaluatie.scenario.zet import buiten_de_percelen, niet_van_toepassing, pas_toe

    ruw, _ = lees_yaml(werkmap.aanbesteding, werkmap.aanbesteding.name)
    gewijzigd = pas_toe(ruw, zetten, werkmap.root)
    with met_handwerk(werkmap):  # the bids' errors and a hand edit, together
        voor = gun(werkmap, percelen, oplosser, tijdslimiet)
    geen_handwerk(werkmap)
    buiten_de_percelen(zetten, kies_percelen(voor.invoer.aanbesteding, percelen))
    invoer_na = laad_invoer(werkmap, gewijzigd, scenario=True)
    # a decision already stale in the award itself stays an open point in the what-if, never "still holds"
    invoer_na.basis_verouderd = frozenset(v.id for v in voor.invoer.verouderd)
    # the panel scored the bids that passed the baseline knock-out; the scenario reuses those forms
    invoer_na.panelformulieren = voor.invoer.panelformulieren
    if voor.invoer.panelformulieren is not None:  # a changed scale: each chosen step counts its new points
        from evaluatie.scenario.schaal import op_nieuwe_schaal

        invoer_na.panelformulieren = op_nieuwe_schaal(
            *voor.invoer.panelformulieren, voor.invoer.aanbesteding, invoer_na.aanbesteding
        )
    invoer_na.beoordeelde_rijen = list(voor.beoordeling.te_beoordelen)
    invoer_na.beoordeelde_percelen = frozenset(
        c for c, p in voor.invoer.aanbesteding.percelen.items() if p.gunningscriteria
    )
    na = gun(werkmap, percelen, oplosser, tijdslimiet, invoer=invoer_na)
    opties = {"lots": percelen, "solver": oplosser, "tijdslimiet": tijdslimiet, "zet": list(zetten)}
    noteer(voor.invoer.werkmap, "scenario", opties, voor.uitslag.invoer)
    verschillen = verschil(voor.uitslag, na.uitslag, voor.invoer.aanbesteding, na.invoer.aanbesteding)
    zinnen = niet_van_toepassing(ruw, gewijzigd, werkmap.root)
    for v in verschillen:
        v.niet_van_toepassing = zinnen.get(v.code, "")
    return voor, na, verschillen


# --- Commands: each command's whole flow, logging included. The CLI calls one of these and prints.


@met_slot
def beoordelingen(werkmap: Werkmap) -> tuple[Invoer, Beoordeling]:
    """`evaluatie beoordelingen`: the panel's aggregated scores, logged. A decision file edited by hand is refused,
    as the award refuses it (geen_handwerk): the overview would apply the edit in the decision's name."""
    from evaluatie.logboek import noteer

    with met_handwerk(werkmap):  # first: a decision file that cannot be read is said as such
        invoer = laad_invoer(werkmap)
    geen_handwerk(werkmap)
    b = beoordeel(invoer)
    invoer.notities += verouderd_notities(invoer)
    noteer(invoer.werkmap, "beoordelingen", {}, invoer.bestanden + b.bestanden)
    return invoer, b


@met_slot
def toets(werkmap: Werkmap) -> tuple[Invoer, Toetsuitslag]:
    """`evaluatie toets`: the knock-out table (with the quality threshold once scored), logged; a decision file
    edited by hand is refused, as by the award (geen_handwerk)."""
    from evaluatie.logboek import noteer

    with met_handwerk(werkmap):  # first: a decision file that cannot be read is said as such
        invoer = laad_invoer(werkmap)
    geen_handwerk(werkmap)
    uitslag = toets_met_beoordeling(invoer)
    if invoer.besluiten is not None and any(t.uitkomst == "verworpen" for t in invoer.besluiten.toegepast("abnormaal")):
        uitslag = _met_afwijzingen(invoer, uitslag)
    invoer.notities += verouderd_notities(invoer)
    noteer(invoer.werkmap, "toets", {}, invoer.bestanden)
    return invoer, uitslag


def _met_afwijzingen(invoer: Invoer, uitslag: Toetsuitslag) -> Toetsuitslag:
    """The knock-out with the recorded rejections of abnormally low bids (art. 2.116) applied, as the award applies
    them: their premise (flagged in that lot at that price) is only known from the award's prices, so the award is
    computed (nothing written). A table that called a rejected bid compliant contradicted the advies and the letter.
    When the award cannot be computed, the table is the one without them, and a note says so."""
    try:
        return gun(invoer.werkmap, invoer=invoer).beoordeling.toets
    except (InvoerFout, EvaluatieFout) as e:
        ids = ", ".join(t.id for t in invoer.besluiten.toegepast("abnormaal")) if invoer.besluiten else ""
        invoer.notities.append(
            f"de verworpen toelichting(en) op een abnormaal lage prijs ({ids}) zijn niet in deze tabel verwerkt: of "
            f"hun premisse nog klopt, blijkt pas uit de gunning, en die kan niet worden uitgerekend: {e}"
        )
        return uitslag


def atw_waarschuwing(award: Award) -> str | None:
    """The standstill end date falls in a year the Atw file does not cover: said, never assumed."""
    from evaluatie.rapport.standstill import standstill

    a = award.invoer.aanbesteding
    s = standstill(a.data.verzenddatum, a.standstill_dagen, a.gelijkgestelde_dagen)
    return s.waarschuwing or None


def vrije_dag_waarschuwing(award: Award) -> str | None:
    """The letters dated on a Saturday, Sunday or Atw holiday (the tender's own gelijkgestelde dagen too): `nieuw`
    says it of its planning, but a date moved in aanbesteding.yaml afterwards was sent without a word."""
    from evaluatie.rapport.standstill import BRIEVEN_OP_DE_GUNNINGSDAG, vrije_dag, vrije_dag_melding

    a = award.invoer.aanbesteding
    d = a.data.verzenddatum
    if (reden := vrije_dag(d, a.gelijkgestelde_dagen)) is None:
        return None
    if a.data.verzending is not None:
        return vrije_dag_melding("de verzending van de brieven", d, reden, "verzending")
    return vrije_dag_melding(BRIEVEN_OP_DE_GUNNINGSDAG, d, reden, "gunning")


def verzenddatum_waarschuwing(award: Award, vandaag: dt.date | None = None) -> str | None:
    """Letters not dated today: the standstill runs from the day they are actually sent."""
    from evaluatie.tekst import datum

    verzending = award.invoer.aanbesteding.data.verzenddatum
    vandaag = vandaag or dt.date.today()
    if verzending == vandaag:
        return None
    return (
        f"de brieven zijn gedateerd {datum(verzending)}, niet vandaag ({datum(vandaag)}). De opschortende termijn "
        "loopt vanaf de dag waarop de brieven werkelijk worden verzonden; pas data.verzending aan als zij op een "
        "andere dag uitgaan."
    )


@dataclass
class Gunningsrun:
    """An award written to rapporten/ and logged: what `gunning` and `rapport` print from."""

    award: Award
    geschreven: list[Path]  # every file this run produced, gunning.json included
    notities: list[str]  # for the user, on stderr: skipped files, a damaged logboek line, Atw

    @property
    def gunning_json(self) -> Path:
        return self.award.invoer.werkmap.rapporten / "gunning.json"

    @property
    def open_punten(self) -> list[str]:
        """Empty when nothing blocks sending; otherwise every open point (an undecided tie, a decision
        not yet taken, a missing sender or court) with the command that settles it (the send gate)."""
        from evaluatie.besluiten.openpunten import melding

        return melding(self.award.open_punten) if self.award.open_punten else []

    @property
    def loting_open(self) -> list[str]:
        """Only the undecided ties among the open points (each with its `evaluatie loting` command)."""
        from evaluatie.besluiten.openpunten import melding

        lotingen = [p for p in self.award.open_punten if p.soort == "loting"]
        return melding(lotingen) if lotingen else []


@met_slot
def gun_en_schrijf(
    werkmap: Werkmap,
    percelen: str | None = None,
    oplosser: str = STANDAARD,
    tijdslimiet: float | None = None,
    rapporten: bool = True,
    commando: str = "gunning",
    vandaag: dt.date | None = None,
) -> Gunningsrun:
    """award -> write -> log: the one sequence behind `gunning` and `rapport`.

    An open point (an undecided tie, a decision not yet taken, a missing sender or court) is not an
    error here: the run is written (reports as CONCEPT) and logged; `Gunningsrun.open_punten` says
    what must be settled, and the CLI ends with exit 1 on it. `vandaag` (default: the system's date) is the one
    day the award, its warnings and its logboek entry take as today; `evaluatie controleer` replays with it."""
    from evaluatie.besluiten.handwerk import buiten_de_commandos
    from evaluatie.fouten import InvoerFout
    from evaluatie.logboek import noteer, start_code_commit, wacht_op_code_commit
    from evaluatie.rapport.gegevens import tijdstempel as maak_tijdstempel

    vandaag = vandaag or dt.date.today()
    stempel = maak_tijdstempel()  # first: a SOURCE_DATE_EPOCH that is no time stops the run before anything is read
    start_code_commit()  # the logboek's git call runs meanwhile
    try:
        try:
            with met_handwerk(werkmap):  # a bid's error does not hide a hand edit
                award = gun(werkmap, percelen, oplosser, tijdslimiet, vandaag=vandaag)
            handwerk = buiten_de_commandos(werkmap)  # a decision file edited by hand is never applied
            if handwerk:
                raise InvoerFout(handwerk)
            verplaatst: list[str] = []
            geschreven = schrijf_uitvoer(award, oplosser, stempel, rapporten=rapporten, verplaatst=verplaatst)
        except (InvoerFout, EvaluatieFout) as e:
            from evaluatie.niet_actueel import markeer

            # the previous reports stay (never destroyed) but never look current: someone might send them
            if (gemarkeerd := markeer(werkmap, commando, e)) is not None:
                e.let_op.append(gemarkeerd)
            raise
        opties = {"lots": percelen, "solver": oplosser, "tijdslimiet": tijdslimiet, "geen_rapport": not rapporten}
        open_ = [p.als_dict() for p in award.open_punten]  # the log says what gunning.json and the advies say
        noteer(
            award.invoer.werkmap,
            commando,
            opties,
            award.uitslag.invoer,
            geschreven,
            stempel,
            open_,
            vandaag,
            verplaatst,
        )
    finally:
        wacht_op_code_commit()  # also when the award failed: no git process is left unwaited for
    notities = list(award.invoer.notities)
    if (atw := atw_waarschuwing(award)) is not None:
        notities.append(atw)
    if (vrij := vrije_dag_waarschuwing(award)) is not None:
        notities.append(vrij)
    if (verzending := verzenddatum_waarschuwing(award, vandaag)) is not None:
        notities.append(verzending)
    return Gunningsrun(award, geschreven, notities)


@met_slot
def loting(
    werkmap: Werkmap,
    perceel: str,
    volgorde: list[str],
    datum: dt.date | None,
    getuige: str,
    wie: tuple[str, str],
    fouten: Optiefouten | None = None,
    meldingen: list[str] | None = None,
) -> Any:
    """`evaluatie loting`: record a draw (checked against the current award) and log it; returns the
    recorded gunning.loting.Loting (its id, the names as in the bids). `datum` None: the option was no date
    (noted in `fouten`, said with every other wrong option). The last award's reports are marked as not current
    (niet_actueel), said in `meldingen`."""
    from evaluatie.besluiten.handwerk import buiten_de_commandos
    from evaluatie.fouten import InvoerFout
    from evaluatie.logboek import noteer

    handwerk = buiten_de_commandos(werkmap)  # a draw recorded on top of a hand edit would adopt that edit
    if handwerk:
        raise InvoerFout(handwerk)
    pad, vastgelegd = leg_loting_vast(werkmap, perceel, volgorde, datum, getuige, wie, fouten=fouten)
    opties = {
        "lots": vastgelegd.perceel,  # as recorded in loting.yaml, like the names and the date
        "volgorde": list(vastgelegd.volgorde),
        "datum": vastgelegd.datum.isoformat(),
        "getuige": vastgelegd.getuige,
        "door": vastgelegd.door,
        "reden": vastgelegd.reden,
    }
    noteer(werkmap, "loting", opties, [Invoerbestand(bestand=pad.name, sha256=sha256_bestand(pad))])
    from evaluatie.niet_actueel import markeer_na_besluit

    if (gemarkeerd := markeer_na_besluit(werkmap, "loting", pad.name)) is not None and meldingen is not None:
        meldingen.append(gemarkeerd)
    return vastgelegd


@contextmanager
def met_handwerk(werkmap: Werkmap) -> Iterator[None]:
    """Run the block; an input error raised in it (a bid that cannot be read) also names a decision file edited by
    hand (geen_handwerk), which does not depend on it: without this the one hid the other until it was fixed. An
    award that could not complete (EvaluatieFout, exit 1) was computed with the edited file applied ('too little
    capacity' after a withdrawal added by hand): then the edit is the error (exit 2), not what it led to."""
    from evaluatie.besluiten.handwerk import buiten_de_commandos

    try:
        yield
    except InvoerFout as e:
        extra = [f for f in buiten_de_commandos(werkmap) if f not in e.fouten]
        if not extra:
            raise
        samen = InvoerFout(e.fouten + extra)
        samen.let_op = e.let_op
        raise samen from None
    except EvaluatieFout as e:
        handwerk = buiten_de_commandos(werkmap)
        if not handwerk:
            raise
        fout = InvoerFout(handwerk)
        fout.let_op = e.let_op
        raise fout from None


def geen_handwerk(werkmap: Werkmap) -> None:
    """A decision file edited by hand is applied by no command that computes an award or shows what the decisions
    make of the bids: the what-if, the robustness analysis, the overviews (inschrijvingen, toets, beoordelingen),
    the panel's forms and the consensus workbook, and the analysis refuse it as the award does (InvoerFout, exit
    2)."""
    from evaluatie.besluiten.handwerk import buiten_de_commandos
    from evaluatie.fouten import InvoerFout

    handwerk = buiten_de_commandos(werkmap)
    if handwerk:
        raise InvoerFout(handwerk)


@met_slot
def zekerheid(
    werkmap: Werkmap,
    percelen: str | None = None,
    oplosser: str = STANDAARD,
    tijdslimiet: float | None = None,
    trekkingen: int = 10_000,
) -> tuple[Award, dict[str, Zekerheid | Toelatingszekerheid]]:
    """`evaluatie zekerheid`: leave-one-reviewer-out, Monte Carlo and margins per lot, logged."""
    from evaluatie.logboek import noteer
    from evaluatie.zekerheid.uitvoeren import zekerheid as bereken

    with met_handwerk(werkmap):  # the bids' errors and a hand edit, together
        award = gun(werkmap, percelen, oplosser, tijdslimiet)
    geen_handwerk(werkmap)
    award.invoer.notities += verouderd_notities(award.invoer)  # the analysis is of the award without them
    uitkomst = bereken(award, oplosser, trekkingen)
    opties = {"lots": percelen, "solver": oplosser, "tijdslimiet": tijdslimiet, "trekkingen": trekkingen}
    noteer(award.invoer.werkmap, "zekerheid", opties, award.uitslag.invoer)
    return award, uitkomst


def regios() -> dict[str, tuple[RegisterGemeente, ...]]:
    """`evaluatie regio`: every arbeidsmarktregio with its gemeenten (CBS register)."""
    from evaluatie.gemeenteregister import arbeidsmarktregios

    return arbeidsmarktregios()


def regio(naam: str) -> tuple[str, tuple[RegisterGemeente, ...]]:
    """`evaluatie regio NAAM`: the regio's official name and gemeenten; an unknown name is an input error
    with the nearest names."""
    from evaluatie.fouten import Fout, InvoerFout
    from evaluatie.gemeentenamen import regio_namen

    gevonden = regio_namen().zoek(naam)
    if gevonden is None:
        raise InvoerFout([Fout("regio", regio_namen().melding(naam, "is geen arbeidsmarktregio"))])
    return gevonden, regios()[gevonden]

"""Create a tender workspace: aanbesteding.yaml with Dutch comments, the folders and the bid form.

The gemeenten come from the bundled CBS register (by name, or all gemeenten of an
arbeidsmarktregio), so every name in the new tender exists and has a subregio: its
arbeidsmarktregio. Volumes are written as the placeholder `invullen`, which every command
that evaluates rejects until a number is filled in. The criteria set's settings are shown
per lot as comments, taken from the set itself, so the file says what applies without
overriding anything.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from evaluatie.definitie.laden import buiten_de_jaren, samenvoegen, zoek_criteriaset
from evaluatie.definitie.model import PERCEELCODES, STANDAARD_BEWIJSSTUKKEN, Openbaarmaking, Perceel
from evaluatie.definitie.plaatshouders import PLAATSHOUDER
from evaluatie.fouten import Fout, InvoerFout
from evaluatie.gemeentenamen import Namen, regio_namen, register_namen, sleutel, splits_gemeenten, zonder_toevoeging
from evaluatie.gemeenteregister import BRON, PEILDATUM, RegisterGemeente, arbeidsmarktregios, gemeenten
from evaluatie.nieuw.uitleg import aannames, panel_beoordeelt, regio_verslag
from evaluatie.prijs.basis import methoden
from evaluatie.tekst import datum

STANDAARD_CRITERIASET = "inburgering-2022"
SUBMAPPEN = ("inschrijvingen", "beoordelingen", "rapporten")

# Days after publication for the default schedule; every date is written to the YAML with a
# comment saying it is a default to check, and can be given on the command line.
# Headroom of the framework maximum above the forecast (CJEU C-23/20): intake swings per year.
STANDAARD_OPSLAG = 0.25
DAGEN_TOT_SLUITING = 42
DAGEN_SLUITING_TOT_GUNNING = 42

UITLEG_PERCEEL = {
    "naam": "naam in rapporten en brieven",
    "plafondprijs": "maximumprijs per traject in euro, exclusief btw",
    "prijsmethode": " | ".join(methoden()) + " (zie README, Prijs en rangorde)",
    "weging": "weging kwaliteit en prijs, samen 100",
    "bij_gelijke_stand": "beslisregels bij gelijke totaalscore, in volgorde; daarna loting",
    "schaal": "beoordelingsschaal van het panel",
    "verdeling": "verdeelregels (max_aandeel, min_volume, max_leveranciers_per_gemeente, ...)",
}
# Lot settings with a default in the model rather than in the criteria set.
UITLEG_MODEL_PERCEEL = {
    "max_fictieve_korting": "alleen bij fictieve_korting: korting in euro bij kwaliteit 100; "
    "zonder waarde 30% van de plafondprijs",
    "abnormaal_laag": "art. 2.116 Aw 2012: signaal bij een prijs die dit deel onder het gemiddelde van de andere ligt",
    "abnormaal_maatstaf": "gemiddelde (standaard) of mediaan: waarmee een prijs voor abnormaal_laag wordt vergeleken",
    "vaste_prijs": "alleen bij prijsmethode vaste_prijs: de ene prijs per traject; zonder waarde de plafondprijs",
    "criteriumweging": "procent (de wegingen van de gunningscriteria tellen op tot 100) of punten (getoond als "
    "'x van N punten' met het aandeel)",
}
UITLEG_KNOCKOUT = {
    "keurmerk": "Blik op Werk keurmerk geldig op de peildatum",
    "uitsluitingsgronden": "verklaring dat geen uitsluitingsgrond van toepassing is",
    "capaciteit": "capaciteit per jaar minstens dit aantal of dit aandeel van het volume",
    "instroom": "minimaal aantal instroommomenten per jaar",
    "wachttijd": "maximale wachttijd tot de start, in weken",
    "plafondprijs": "prijs hoogstens de plafondprijs",
    "dekking": "alle gemeenten, of alle gemeenten van minstens één hele subregio",
    "minimum_kwaliteit": "kwaliteitsscore na beoordeling minstens de drempel",
}


@dataclass(frozen=True)
class Verzoek:
    """What the user asked for on the command line, as typed."""

    map: Path
    naam: str
    penvoerder: str
    gemeenten: tuple[str, ...] = ()
    regios: tuple[str, ...] = ()
    percelen: tuple[str, ...] = ("B1",)
    subregios: tuple[str, ...] = ()  # "BEL=Blaricum,Eemnes,Laren": overrides the arbeidsmarktregio
    beoordelaars: tuple[str, ...] = ()
    beoordelaars_getypt: str | None = None  # --beoordelaars as typed, for the message that quotes it
    procedure: str = "gunning"
    toelating: tuple[str, ...] = ()  # lots under open house, whatever the tender-wide procedure
    criteriaset: str = STANDAARD_CRITERIASET
    publicatie: dt.date | None = None
    sluiting: dt.date | None = None
    gunning: dt.date | None = None


def gangbare_naam(g: RegisterGemeente) -> str:
    """The name as a tender writes it: CBS's suffix '(NH.)' only where two gemeenten share the name."""
    kaal = zonder_toevoeging(g.naam)
    gelijk = [x for x in gemeenten() if sleutel(zonder_toevoeging(x.naam)) == sleutel(kaal)]
    return kaal if len(gelijk) == 1 else g.naam


def bestaand_werk(map_: Path) -> list[str]:
    """What in `map_` would be overwritten: an existing tender is never touched."""
    uit = [n for n in ("aanbesteding.yaml", "inschrijfformulier.xlsx") if (map_ / n).exists()]
    uit += [f"{n}/" for n in SUBMAPPEN if (map_ / n).is_dir() and any((map_ / n).iterdir())]
    return uit


def _kies_gemeenten(verzoek: Verzoek, fouten: list[Fout]) -> list[RegisterGemeente]:
    register = register_namen()
    regios = regio_namen()
    per_naam = {g.naam: g for g in gemeenten()}
    gekozen: list[RegisterGemeente] = []
    for naam in verzoek.gemeenten:
        gevonden = register.zoek(naam)
        if gevonden is None:
            fouten.append(Fout("--gemeenten", register.melding(naam, f"is geen gemeente per {datum(PEILDATUM)} (CBS)")))
        else:
            gekozen.append(per_naam[gevonden])
    for naam in verzoek.regios:
        gevonden = regios.zoek(naam)
        if gevonden is None:
            fouten.append(Fout("--regio", regios.melding(naam, "is geen arbeidsmarktregio")))
        else:
            gekozen += arbeidsmarktregios()[gevonden]
    if not verzoek.gemeenten and not verzoek.regios:
        fouten.append(Fout("--gemeenten/--regio", "geef de gemeenten of een arbeidsmarktregio op"))
    return list({g.cbscode: g for g in gekozen}.values())


def _kies_subregios(verzoek: Verzoek, gekozen: list[RegisterGemeente], fouten: list[Fout]) -> dict[str, str]:
    """cbscode -> subregio for the gemeenten named in --subregio; the others keep their arbeidsmarktregio."""
    tender = Namen(gangbare_naam(g) for g in gekozen)
    per_naam = {gangbare_naam(g): g for g in gekozen}
    uit: dict[str, str] = {}
    for opgave in verzoek.subregios:
        naam, teken, leden = opgave.partition("=")
        if not teken or not naam.strip() or not leden.strip():
            fouten.append(
                Fout("--subregio", f"'{opgave}': verwacht NAAM=gemeente,gemeente (bijvoorbeeld BEL=Blaricum,Eemnes)")
            )
            continue
        for lid in splits_gemeenten(leden):
            gevonden = tender.zoek(lid)
            if gevonden is None:
                fouten.append(
                    Fout("--subregio", "gemeente " + tender.melding(lid, "doet niet mee aan deze aanbesteding"))
                )
            elif per_naam[gevonden].cbscode in uit:
                fouten.append(Fout("--subregio", f"gemeente {gevonden} staat meer dan eens in --subregio"))
            else:
                uit[per_naam[gevonden].cbscode] = naam.strip()
    return uit


def _criteriaset(naam: str, map_: Path, fouten: list[Fout]) -> dict[str, Any]:
    pad = zoek_criteriaset(naam, map_)
    if pad is None:
        fouten.append(Fout("--criteriaset", f"criteriaset '{naam}' niet gevonden in criteria/"))
        return {}
    return yaml.safe_load(pad.read_text(encoding="utf-8")) or {}


def _kies_percelen(verzoek: Verzoek, setdata: dict[str, Any], fouten: list[Fout]) -> list[str]:
    namen = {code: setdata.get("percelen", {}).get(code, {}).get("naam", code) for code in PERCEELCODES}
    codes = Namen(PERCEELCODES)
    op_naam = Namen(namen.values())
    uit: list[str] = []
    for deel in verzoek.percelen:
        code = codes.zoek(deel) or next((c for c, n in namen.items() if n == op_naam.zoek(deel)), None)
        if code is None:
            fouten.append(Fout("--percelen", codes.melding(deel, "is geen perceel")))
        elif code not in uit:
            uit.append(code)
    if not verzoek.percelen:
        fouten.append(Fout("--percelen", f"geef minstens een perceel op ({', '.join(PERCEELCODES)})"))
    return uit


def _w(waarde: Any) -> str:
    """One YAML value on one line (flow style), quoted where YAML needs it."""
    if isinstance(waarde, str):
        # a comma or bracket ends a plain value in a flow list ('[Jansen, A.]' is two names): quote it
        stijl = "'" if any(t in waarde for t in ",[]{}") else None
        tekst = yaml.safe_dump(waarde, allow_unicode=True, width=10_000, default_style=stijl).strip()
        return tekst.removesuffix("...").strip()
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, dict):
        return "{" + ", ".join(f"{_w(k)}: {_w(v)}" for k, v in waarde.items()) + "}"
    if isinstance(waarde, list | tuple):
        return "[" + ", ".join(_w(v) for v in waarde) + "]"
    return json.dumps(waarde)


def procedures(verzoek: Verzoek, percelen: list[str]) -> dict[str, str]:
    """Each lot's procedure: open house where --toelating names it, else the tender-wide --procedure."""
    open_house = {Namen(PERCEELCODES).zoek(c) for c in verzoek.toelating}
    return {code: "toelating" if code in open_house else verzoek.procedure for code in percelen}


# settings of a lot that only a ranking uses: an open-house lot (toelating) ranks and compares no one, and its expected
# distribution follows the capacities alone (a rule under verdeling is an input error there, definitie.laden)
_ALLEEN_GUNNING = (
    "weging",
    "bij_gelijke_stand",
    "abnormaal_laag",
    "abnormaal_maatstaf",
    "max_fictieve_korting",
    "verdeling",
)
# an open house scores no price: the tariff is each provider's own price, or the one fixed price (the only method that
# means something there; another in the lot's own lines is an input error, definitie.laden.open_house_prijsmethode)
_PRIJSMETHODE_TOELATING = (
    "    # prijsmethode: ...   # bij toelating alleen vaste_prijs: één tarief voor iedereen (zie vaste_prijs); zonder "
    "regel is het tarief de eigen prijs van iedere aanbieder"
)


# what only the panel's scoring reads: nothing in an open house without a minimum quality
_PANEL_ALLEEN = ("schaal", "criteriumweging", "gunningscriteria")


def _perceel_blok(code: str, setdata: dict[str, Any], setnaam: str, procedure: str = "", tender: str = "") -> list[str]:
    perceel = samenvoegen(setdata.get("perceel_standaard", {}), setdata.get("percelen", {}).get(code, {}))
    regels = [
        f"  {code}:",
        "    # Deelnemende gemeenten: 'alle' (alle gemeenten hierboven) of een lijst namen.",
        "    gemeenten: alle",
        "    # Procedure van dit perceel: gunning of toelating (open house); zonder regel de procedure hierboven.",
        f"    procedure: {procedure}"
        if procedure and procedure != tender
        else f"    # procedure: {tender or 'gunning'}",
        "    # Eigen criteriaset voor dit perceel (naam in criteria/); zonder regel de criteriaset hierboven.",
        f"    # criteriaset: {setnaam}",
    ]
    if procedure != "toelating":
        regels += [
            "    # Maximum van de raamovereenkomst (HvJ EU C-23/20): de verwachting plus een opslag (0,25 = 25%),",
            "    # of een vast aantal trajecten over de hele looptijd: raammaximum: {trajecten: ...}.",
            f"    raammaximum: {{opslag: {STANDAARD_OPSLAG}}}",
        ]
    else:
        regels.append("    # raammaximum: niet van toepassing bij toelating (geen raamovereenkomst met een maximum)")
    if not perceel:
        return regels
    regels.append(f"    # Uit criteriaset {setnaam} (geldt zonder dat u iets invult). Om af te wijken: haal het #")
    regels.append("    # voor de regel weg en pas de waarde aan; de rest blijft uit de criteriaset komen.")
    alleen_gunning = _ALLEEN_GUNNING if procedure == "toelating" else ()
    if alleen_gunning:
        regels.append(
            f"    # {', '.join(alleen_gunning)}: niet van toepassing bij toelating (geen rangorde en geen "
            "vergelijking van inschrijvingen; de verwachte verdeling volgt de capaciteit)"
        )
    # an open house without the knock-out rule minimum_kwaliteit: the panel scores nothing there
    # (definitie.laden.beoordeelt_kwaliteit), so a scale, a criteria weighting or criteria would be hints to nothing
    # (its own gunningscriteria are even an input error)
    niet_beoordeeld = _PANEL_ALLEEN if not panel_beoordeelt(perceel, procedure) else ()
    if niet_beoordeeld:
        regels.append(
            f"    # {', '.join(niet_beoordeeld)}: niet van toepassing, want het panel beoordeelt dit perceel niet "
            "(toelating zonder de knock-outeis minimum_kwaliteit: toegelaten wordt op de eisen alleen)"
        )
    alleen_gunning = (*alleen_gunning, *niet_beoordeeld)
    for sleutel_, waarde in perceel.items():
        if sleutel_ in ("knockout", "gunningscriteria") or sleutel_ in alleen_gunning:
            continue
        if sleutel_ == "prijsmethode" and procedure == "toelating" and waarde != "vaste_prijs":
            regels.append(_PRIJSMETHODE_TOELATING)  # not the set's method: it scores prices an open house never scores
            continue
        uitleg = UITLEG_PERCEEL.get(sleutel_) or UITLEG_MODEL_PERCEEL.get(sleutel_, "")
        if sleutel_ == "schaal" and isinstance(waarde, dict):  # the meanings are long: they stay in the set
            waarde = {"stappen": [_zonder_omschrijving(x) for x in waarde.get("stappen", [])]}
            uitleg += f"; de betekenis van iedere score staat in criteria/{setnaam}.yaml"
        regels.append(f"    # {sleutel_}: {_w(waarde)}" + (f"   # {uitleg}" if uitleg else ""))
    for sleutel_, uitleg in UITLEG_MODEL_PERCEEL.items():
        veld = Perceel.model_fields.get(sleutel_)
        if veld is not None and sleutel_ not in perceel and sleutel_ not in alleen_gunning:
            standaard = "geen" if veld.default is None else _w(veld.default)
            regels.append(f"    # {sleutel_}: ...   # {uitleg} (standaard: {standaard})")
    if perceel.get("knockout"):
        regels.append("    # knockout:   # knock-outeisen; 'regel: false' zet een eis uit")
        for regel, params in perceel["knockout"].items():
            uitleg = (
                "staat in de criteriaset uit voor dit perceel" if params is False else UITLEG_KNOCKOUT.get(regel, "")
            )
            regels.append(f"    #   {regel}: {_w(params)}" + (f"   # {uitleg}" if uitleg else ""))
    if perceel.get("gunningscriteria") and not niet_beoordeeld:
        regels.append("    # gunningscriteria:   # per code: naam en weging; 'K4: false' haalt een criterium weg")
        if (
            procedure == "toelating"
        ):  # without the minimum the lot has no criteria (definitie/laden.beoordeelt_kwaliteit)
            regels.append(
                "    #   (bij toelating alleen beoordeeld met de knock-outeis minimum_kwaliteit; zonder die eis wordt "
                "toegelaten op de eisen alleen)"
            )
        for crit, inhoud in perceel["gunningscriteria"].items():
            regels.append(f"    #   {crit}: {_w(_zonder_omschrijving(inhoud))}")
        regels.append(f"    #   (wat ieder criterium beoordeelt: omschrijving in criteria/{setnaam}.yaml)")
    return regels


def _zonder_omschrijving(waarde: Any) -> Any:
    """A criterion or scale step for a one-line comment: its description is published, but too long here."""
    return {k: v for k, v in waarde.items() if k != "omschrijving"} if isinstance(waarde, dict) else waarde


def planning(verzoek: Verzoek) -> tuple[dt.date, dt.date, dt.date]:
    """Publication, closing and award date: as given, else the documented defaults."""
    publicatie = verzoek.publicatie or dt.date.today()
    sluiting = verzoek.sluiting or publicatie + dt.timedelta(days=DAGEN_TOT_SLUITING)
    gunning = verzoek.gunning or sluiting + dt.timedelta(days=DAGEN_SLUITING_TOT_GUNNING)
    return publicatie, sluiting, gunning


def vrije_dagen(verzoek: Verzoek) -> list[str]:
    """A date of the planning on a Saturday, Sunday or Atw holiday, said: the defaults fall on the weekday of the
    publication (42 days is 6 weeks), so a publication on a Sunday closes on a Sunday and dates the letters, and
    starts the standstill period, on a Sunday."""
    from evaluatie.rapport.standstill import BRIEVEN_OP_DE_GUNNINGSDAG, vrije_dag, vrije_dag_melding

    uit = []
    wat = {"publicatie": "de publicatie", "sluiting": "de sluiting", "gunning": BRIEVEN_OP_DE_GUNNINGSDAG}
    for (veld, tekst), d in zip(wat.items(), planning(verzoek), strict=True):
        if (reden := vrije_dag(d)) is not None:
            bron = "opgegeven" if getattr(verzoek, veld) is not None else "standaard"
            uit.append("Let op: " + vrije_dag_melding(tekst, d, reden, veld, bron))
    return uit


def _controleer_planning(verzoek: Verzoek, fouten: list[Fout]) -> None:
    opgegeven = (
        ("--publicatie", verzoek.publicatie),
        ("--sluiting", verzoek.sluiting),
        ("--gunningsdatum", verzoek.gunning),
    )
    buiten = [(optie, reden) for optie, d in opgegeven if d is not None and (reden := buiten_de_jaren(d)) is not None]
    fouten += [Fout(optie, reden) for optie, reden in buiten]
    if buiten:
        return  # the default dates count on from a date nobody meant (9999-12-20 + 42 days overflowed)
    publicatie, sluiting, gunning = planning(verzoek)

    def herkomst(d: dt.date, opgegeven: dt.date | None, dagen: int, na: str) -> str:
        return datum(d) if opgegeven is not None else f"{datum(d)}, de standaard: {dagen} dagen na de {na}"

    if sluiting <= publicatie:
        fouten.append(Fout("--sluiting", f"{datum(sluiting)} ligt niet na de publicatie ({datum(publicatie)})"))
    if gunning < sluiting:  # the rule of aanbesteding.yaml: the decision not before the closing (the same day may)
        waar = herkomst(sluiting, verzoek.sluiting, DAGEN_TOT_SLUITING, "publicatie")
        fouten.append(Fout("--gunningsdatum", f"{datum(gunning)} ligt voor de sluiting ({waar})"))


def _rechtsbescherming(penvoerder: str) -> list[str]:
    """The derived court as a comment, or a placeholder (an open point) when it cannot be derived."""
    from evaluatie.besluiten.rechtbank import rechtbank_van, waarom_geen_rechtbank

    rechtbank = rechtbank_van(penvoerder)
    if rechtbank is None:
        return [
            f"# De rechtbank is niet af te leiden: {waarom_geen_rechtbank(penvoerder)}",
            "# Vul haar in (anders een open punt).",
            f"rechtsbescherming: {{rechtbank: {PLAATSHOUDER}}}",
        ]
    return [f"# rechtsbescherming: {{rechtbank: {rechtbank}, klachtenmeldpunt: ...}}   # standaard: {rechtbank}"]


def yaml_tekst(
    verzoek: Verzoek,
    gekozen: list[RegisterGemeente],
    percelen: list[str],
    setdata: dict[str, Any],
    subregios: dict[str, str] | None = None,
) -> str:
    subregios = subregios or {}
    publicatie, sluiting, gunning = planning(verzoek)
    beoordeling = setdata.get("beoordeling", {})
    r = [
        f"# Aanbesteding {verzoek.naam}",
        "# Gemaakt met 'evaluatie nieuw'. Alle regels met # zijn toelichting; pas de waarden aan waar nodig.",
        f"# Zoek op '{PLAATSHOUDER}': daar ontbreekt nog een gegeven. Zolang er een open aantal inburgeraars is,",
        "# weigeren 'evaluatie inschrijvingen', 'toets', 'gunning' enzovoort met een melding per gemeente en perceel;",
        "# met een open afzender is de gunning een CONCEPT zonder brieven.",
        "",
        "# Naam van de aanbesteding, in rapporten en brieven.",
        f"naam: {_w(verzoek.naam)}",
        "# De gemeente die namens de deelnemende gemeenten aanbesteedt.",
        f"penvoerder: {_w(verzoek.penvoerder)}",
        "# gunning: rangorde op beste prijs-kwaliteitverhouding en verdeling over de winnaars;",
        "# toelating: open house, iedere inschrijver die voldoet wordt toegelaten.",
        f"procedure: {verzoek.procedure}",
        "# Criteriaset in criteria/ met de standaard gunningscriteria, knock-outeisen en schaal;",
        "# een perceel hieronder overschrijft alleen wat anders moet.",
        f"criteriaset: {_w(verzoek.criteriaset)}",
        "# Planning (jjjj-mm-dd). Niet op de opdrachtregel opgegeven data zijn standaardwaarden:",
        f"# sluiting {DAGEN_TOT_SLUITING} dagen na publicatie, peildatum keurmerk = sluiting, gunning",
        f"# {DAGEN_SLUITING_TOT_GUNNING} dagen na sluiting. Controleer ze tegen uw eigen planning.",
        "data:",
        f"  publicatie: {publicatie.isoformat()}   # publicatie van de aanbesteding",
        f"  sluiting: {sluiting.isoformat()}   # uiterste datum van inschrijving",
        f"  keurmerk_peildatum: {sluiting.isoformat()}   # op deze dag moet het keurmerk geldig zijn",
        f"  gunning: {gunning.isoformat()}   # (voorgenomen) gunningsbeslissing",
        "  # verzending: jjjj-mm-dd   # dag van verzending van de brieven; standaard de gunningsdatum",
        "# Opschortende termijn in kalenderdagen na verzending (Algemene termijnenwet wordt toegepast).",
        "standstill_dagen: 20",
        "# Looptijd van de overeenkomst in jaren, en het aantal mogelijke verlengingsjaren.",
        "looptijd: {jaren: 2, optiejaren: 0}",
        "# Onafhankelijke beoordelaars: ieder krijgt een eigen beoordelingsformulier.",
        f"beoordelaars: {_w(list(verzoek.beoordelaars))}",
    ]
    if beoordeling:
        r += [
            "# Beoordeling door het panel: aggregatie (gemiddelde of mediaan van de beoordelaars, of consensus:",
            "# dan is voor iedere regel een consensusscore met motivering verplicht) en",
            "# signaal_spreiding_stappen (vanaf hoeveel schaalstappen verschil een signaal volgt).",
            f"# beoordeling: {_w(beoordeling)}   # uit criteriaset {verzoek.criteriaset}",
        ]
    r += [
        "# Extra dagen die voor de opschortende termijn als feestdag tellen, naast de Algemene termijnenwet",
        "# en criteria/atw-gelijkgestelde-dagen.yaml. Standaard: geen.",
        "# gelijkgestelde_dagen: [jjjj-mm-dd]",
        "",
        f"# Afzender van de brieven aan de inschrijvers. Zolang hier '{PLAATSHOUDER}' staat, is dit een open punt:",
        "# 'evaluatie gunning' schrijft dan alleen een CONCEPT-advies en geen brieven (exit 1). De contactpersoon",
        "# heeft ook een telefoonnummer of e-mailadres nodig, anders is ook dat een open punt.",
        "afzender:",
        f"  adres: [{PLAATSHOUDER}, {PLAATSHOUDER}]   # postadres, bijvoorbeeld [Postbus 1, 1234 AB Plaats]",
        f"  contactpersoon: {{naam: {PLAATSHOUDER}, functie: {PLAATSHOUDER}, telefoon: '', email: ''}}",
        f"  ondertekenaar: {{naam: {PLAATSHOUDER}, functie: {PLAATSHOUDER}}}",
        "# Bewijsstukken waaronder de gunning definitief wordt; standaard:",
        *[f"#   - {b}" for b in STANDAARD_BEWIJSSTUKKEN],
        "# bewijsstukken: [..., ...]",
        "# Rechtsbescherming in iedere brief: rechtbank (standaard: de rechtbank van het arrondissement waarin",
        "# de penvoerder is gevestigd, uit criteria/gemeenten/arrondissementen-2026.csv) en eventueel een",
        "# klachtenmeldpunt (standaard: geen).",
        *_rechtsbescherming(verzoek.penvoerder),
        "# Wat een afgewezen inschrijver van de winnaar ziet: score (alleen de scores) of prijs (ook de prijs).",
        f"# openbaarmaking: {{prijs_winnaar: {Openbaarmaking().prijs_winnaar}}}   # standaard",
    ]
    r += [
        "",
        f"# Deelnemende gemeenten ({len(gekozen)}), uit het register in criteria/gemeenten/ ({BRON}).",
        "# subregio: standaard de arbeidsmarktregio (of zoals opgegeven met --subregio); wijzig hem als",
        "# de regio in kleinere delen inkoopt (de dekkingseis 'subregio' en per_subregio gebruiken hem).",
        f"# inburgeraars: verwacht aantal per jaar per perceel, een geheel getal; '{PLAATSHOUDER}' = nog onbekend.",
        "gemeenten:",
    ]
    for g in gekozen:
        aantallen = "{" + ", ".join(f"{code}: {PLAATSHOUDER}" for code in percelen) + "}"
        r += [
            f"  - naam: {_w(gangbare_naam(g))}   # {g.cbscode}, {g.provincie}",
            f"    subregio: {_w(subregios.get(g.cbscode, g.arbeidsmarktregio))}",
            f"    inburgeraars: {aantallen}",
        ]
    r += [
        "",
        "# Gemeenten die nu niet meedoen maar later mogen aansluiten (HvJ C-216/17): hun aantallen tellen",
        "# mee in het maximum van de raamovereenkomst, niet in de verdeling; 'evaluatie contract aansluiting'",
        "# legt hun aansluiting vast. Alleen bij percelen met gunning. Een lijst zoals gemeenten: per gemeente",
        "# naam, subregio en inburgeraars (alleen de percelen waarbij zij mag aansluiten, ieder aantal minstens 1).",
        "# latere_gemeenten: []",
    ]
    r += ["", "# Percelen: B1 (B1-route), onderwijs, Z (Z-route), PVT, MAP.", "percelen:"]
    per_perceel = procedures(verzoek, percelen)
    for code in percelen:
        r += _perceel_blok(code, setdata, verzoek.criteriaset, per_perceel[code], verzoek.procedure)
    return "\n".join(r) + "\n"


@dataclass(frozen=True)
class Resultaat:
    aanbesteding: Path
    inschrijfformulier: Path
    mappen: tuple[Path, ...]
    gemeenten: tuple[str, ...]
    open_aantallen: int
    meldingen: tuple[str, ...] = ()  # what nieuw read from the region and what it assumed per lot


def maak_aan(verzoek: Verzoek) -> Resultaat:
    """Write the workspace; raises InvoerFout with every problem (nothing is written then)."""
    from evaluatie.inschrijving.formulier import schrijf_inschrijfformulier
    from evaluatie.nieuw.vooraf import controleer_opties, controleer_tekst, maak_map, schrijf_geheel, schrijf_tekst
    from evaluatie.prijs.basis import inschrijfregels
    from evaluatie.toets.eisen import formulierregels

    fouten: list[Fout] = controleer_opties(
        {
            "--naam": verzoek.naam,
            "--penvoerder": verzoek.penvoerder,
            "--gemeenten": verzoek.gemeenten,
            "--regio": verzoek.regios,
            "--percelen": verzoek.percelen,
            "--subregio": verzoek.subregios,
            "--beoordelaars": verzoek.beoordelaars,
            "--criteriaset": verzoek.criteriaset,
            "--toelating": verzoek.toelating,
        }
    )
    if fouten:
        raise InvoerFout(fouten)  # nothing sensible can be generated from them
    from evaluatie.nieuw.beoordelaars import voorletters

    fouten += voorletters(verzoek.beoordelaars, verzoek.beoordelaars_getypt or ", ".join(verzoek.beoordelaars))
    bestaand = bestaand_werk(verzoek.map)
    if bestaand:
        fouten.append(
            Fout(
                str(verzoek.map),
                f"hier staat al een aanbesteding ({', '.join(bestaand)}); 'evaluatie nieuw' overschrijft niets. "
                "Kies een nieuwe of lege map.",
            )
        )
    if verzoek.map.exists() and not verzoek.map.is_dir():
        fouten.append(Fout(str(verzoek.map), "bestaat al en is geen map"))
    if not verzoek.naam.strip():
        fouten.append(Fout("--naam", "geef de naam van de aanbesteding"))
    if not verzoek.penvoerder.strip():
        fouten.append(Fout("--penvoerder", "geef de penvoerder (de aanbestedende gemeente)"))
    setdata = _criteriaset(verzoek.criteriaset, verzoek.map, fouten)
    gekozen = _kies_gemeenten(verzoek, fouten)
    percelen = _kies_percelen(verzoek, setdata, fouten)
    subregios = _kies_subregios(verzoek, gekozen, fouten)
    for code in verzoek.toelating:
        if Namen(PERCEELCODES).zoek(code) not in percelen:
            fouten.append(Fout("--toelating", f"perceel '{code}' staat niet in --percelen"))
    _controleer_planning(verzoek, fouten)
    if fouten:
        raise InvoerFout(fouten)

    tekst = yaml_tekst(verzoek, gekozen, percelen, setdata, subregios)
    aanbesteding, fouten = controleer_tekst(tekst, verzoek.map)  # validate first: nothing is written on error
    if fouten:
        raise InvoerFout(fouten)

    def vul(bouw: Path) -> None:
        schrijf_tekst(bouw / "aanbesteding.yaml", tekst)
        for naam in SUBMAPPEN:
            maak_map(bouw / naam)
        open_ = [(g.naam, code) for g in aanbesteding.gemeenten for code in g.inburgeraars]  # nieuw writes 'invullen'
        schrijf_inschrijfformulier(
            aanbesteding,
            bouw / "inschrijfformulier.xlsx",
            inschrijfregels(aanbesteding),
            open_,
            knockoutregels=formulierregels(aanbesteding, open_),
        )

    schrijf_geheel(verzoek.map, vul)  # as a whole: a failed write leaves no half tender
    pad = verzoek.map / "aanbesteding.yaml"
    mappen = [verzoek.map / naam for naam in SUBMAPPEN]
    formulier = verzoek.map / "inschrijfformulier.xlsx"
    naam_van = {g.cbscode: gangbare_naam(g) for g in gemeenten()}
    regios = [r for r in (regio_namen().zoek(x) for x in verzoek.regios) if r is not None]
    meldingen = regio_verslag(regios, gekozen, subregios, naam_van)
    meldingen += aannames(verzoek.criteriaset, setdata, percelen, procedures(verzoek, percelen), STANDAARD_OPSLAG)
    meldingen += vrije_dagen(verzoek)
    return Resultaat(
        pad,
        formulier,
        tuple(mappen),
        tuple(gangbare_naam(g) for g in gekozen),
        len(gekozen) * len(percelen),
        tuple(meldingen),
    )

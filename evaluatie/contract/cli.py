"""`evaluatie contract ...`: the command group of the contract phase. It only parses and prints;
the work is done in the evaluatie.contract modules. Registered in evaluatie.cli with one line.

Kept free of imports from evaluatie.cli (which imports this module) so there is no import cycle;
error handling is evaluatie.cliafhandeling, the same as every other command: exit 2 for bad input,
1 when the work cannot complete, one JSON document with --json also on error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from evaluatie.cliafhandeling import afhandeling_met as _afhandeling_met
from evaluatie.cliafhandeling import toon as _toon
from evaluatie.clicktaal import bedrag_type, datum_type, percentage_type
from evaluatie.clijson import echo_json
from evaluatie.clipad import NietLeegPad
from evaluatie.fouten import EvaluatieFout
from evaluatie.werkmap import Werkmap

_werkmap = click.option(
    "--werkmap",
    type=NietLeegPad(file_okay=False, path_type=Path),
    default=Path("."),
    show_default="huidige map",
    help="Map van de aanbesteding (met rapporten/gunning.json en contract/).",
)
_json = click.option("--json", "als_json", is_flag=True, help="Uitvoer als JSON.")
_door = click.option(
    "--door", help='Wie dit besluit neemt: "naam, functie"; verplicht zodra het commando iets vastlegt.'
)
_reden = click.option(
    "--reden",
    help="Waarom, in een volledige zin (komt in het register en de stukken); verplicht zodra het commando "
    "iets vastlegt.",
)


def _datum_optie(naam: str, hulp: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A date option of the contract phase: read as JJJJ-MM-DD or DD-MM-JJJJ, and its help says so."""
    hulp += " Schrijfwijze: JJJJ-MM-DD of DD-MM-JJJJ."
    return click.option(naam, type=datum_type(ook_dag_eerst=True), metavar="DATUM", help=hulp)


def _dag(waarde: dt.date | None) -> dt.date:
    return waarde if waarde is not None else dt.date.today()


def _wm(pad: Path) -> Werkmap:
    if not (pad / "aanbesteding.yaml").is_file():
        from evaluatie.clijson import Gebruiksfouten
        from evaluatie.werkmap import geen_aanbesteding, padnaam, werkmap_erboven

        boven = werkmap_erboven(pad)
        wat = f"die staat in {boven}: geef --werkmap {boven}" if boven is not None else "geef de juiste --werkmap op"
        raise Gebruiksfouten([("--werkmap", f"{padnaam(pad)}: {geen_aanbesteding(pad)}; {wat}")])
    return Werkmap(pad)


def _waarschuw(wm: Werkmap, reg: Any = None) -> None:
    """A changed award is never passed over in silence: one line on stderr (stdout stays one document)."""
    from evaluatie.contract.acties import gunning_gewijzigd, register_van

    reden = gunning_gewijzigd(wm, reg if reg is not None else register_van(wm))
    if reden is not None:
        _toon(f"Let op: {reden}.", err=True)


@click.group("contract")
def contract() -> None:
    """Na de gunning: register, plaatsingen, stand, kwartaalrapportage, wijzigingen en dossier."""


@contract.command("start")
@_werkmap
@_datum_optie("--datum", "Ingangsdatum van de overeenkomsten; verplicht.")
@_door
@_reden
@_afhandeling_met("Het contractregister kan niet worden gestart")
def start(werkmap: Path, datum: dt.date | None, door: str | None, reden: str | None) -> None:
    """Begin het contractregister vanuit de definitieve gunning (rapporten/gunning.json)."""
    from evaluatie.contract.acties import start_vanuit_gunning
    from evaluatie.contract.basis import GEEN_RAAM, NIET_GEGUND_CONTRACT

    if datum is None:  # said with a missing --door or --reden: all errors together
        from evaluatie.clijson import Gebruiksfouten
        from evaluatie.contract.besluit import fouten_wie_waarom

        regels = [("--datum", "--datum: is verplicht: de ingangsdatum van de overeenkomsten")]
        regels += [(f.plaats, f"{f.plaats}: {f.bericht}") for f in fouten_wie_waarom(door, reden)]
        raise Gebruiksfouten(regels)
    pad, reg, waarschuwingen, niet_gegund = start_vanuit_gunning(_wm(werkmap), datum, door or "", reden or "")
    for w in waarschuwingen:
        _toon(f"Let op: {w}", err=True)
    from evaluatie.contract.optie import looptijd_zin

    click.echo(f"Contractregister begonnen per {reg.startdatum.strftime('%d-%m-%Y')} ({reg.jaren} jaar): {pad}")
    click.echo(f"  {looptijd_zin(reg)}")
    for code, p in reg.percelen.items():
        namen = ", ".join(s.naam for s in reg.leveranciers_van(code)) or "nog geen toegelaten aanbieder"
        if p.toelating:
            click.echo(f"  {p.naam}: {namen}; {GEEN_RAAM}")
        else:
            click.echo(f"  {p.naam}: {namen}; raammaximum {p.raam_trajecten} trajecten")
    for naam in niet_gegund:  # said, never silently absent: the gunning did not award it
        click.echo(f"  {naam}: {NIET_GEGUND_CONTRACT}")


@contract.command("inlezen")
@_werkmap
@click.argument("bestanden", nargs=-1, required=True, type=NietLeegPad(path_type=Path))
@_datum_optie("--datum", "Datum van inlezen (standaard vandaag).")
@_json
@_afhandeling_met("De aanlevering kan niet worden ingelezen")
def inlezen(werkmap: Path, bestanden: tuple[Path, ...], datum: dt.date | None, als_json: bool) -> None:
    """Lees plaatsingslijsten van gemeenten in (xlsx of csv; bestanden of mappen)."""
    from evaluatie.contract.acties import lees_bestanden_in

    v = lees_bestanden_in(_wm(werkmap), list(bestanden), _dag(datum), dt.date.today())
    for w in v.waarschuwingen:  # on stderr, like every 'Let op' (stdout stays one document with --json)
        _toon(f"Let op: {w}.", err=True)
    if als_json:
        echo_json(
            {
                "bestanden": [
                    dict(zip(("bestand", "sha256", "nieuw", "gecorrigeerd", "ongewijzigd"), b, strict=True))
                    for b in v.bestanden
                ],
                "correcties": v.correcties,
                "waarschuwingen": v.waarschuwingen,
            }
        )
        return
    for b in v.bestanden:
        click.echo(f"{b[0]}: {b[2]} nieuw, {b[3]} gecorrigeerd, {b[4]} al bekend")
    for c in v.correcties:
        _toon(f"  correctie: {c}")
    click.echo(f"Totaal: {v.nieuw} nieuw, {v.gecorrigeerd} gecorrigeerd, {v.ongewijzigd} al bekend.")


@contract.command("advies")
@_werkmap
@click.option("--gemeente", required=True, help="De gemeente van de inburgeraar, bijvoorbeeld Hilversum.")
@click.option("--route", required=True, help="Perceelcode, bijvoorbeeld B1.")
@_datum_optie("--peildatum", "Datum van het advies (standaard vandaag).")
@_json
@_afhandeling_met("Geen advies mogelijk")
def advies(werkmap: Path, gemeente: str, route: str, peildatum: dt.date | None, als_json: bool) -> None:
    """Welke aanbieder krijgt de volgende inburgeraar, en waarom."""
    from evaluatie.contract.acties import geef_advies

    wm = _wm(werkmap)
    a = geef_advies(wm, gemeente, route, peildatum)
    _waarschuw(wm)
    if als_json:
        # an open house's tie: the advice names them all ('een van Alfa en Beta'), `advies` is only the first by name
        echo_json({"advies": a.advies, "gelijkwaardig": list(a.gelijkwaardig), "uitleg": a.uitleg})
    elif a.advies is None:  # the reason is said once, in the error below; here only what stands beside it
        _toon(f"Geen advies voor {a.gemeente} in perceel {a.perceel}; de reden staat in de foutmelding.")
        for regel in a.uitleg[1:]:
            _toon(regel)
    else:
        for regel in a.uitleg:
            _toon(regel)
    if a.advies is None:  # exit 1 with --json too; the reason is the first line of the explanation
        reden = a.uitleg[0].removeprefix("Geen advies: ")
        raise EvaluatieFout([f"geen advies voor {a.gemeente} in perceel {a.perceel}: {reden}"])


@contract.command("keuze")
@_werkmap
@click.option("--gemeente", required=True, help="De gemeente van de inburgeraar, bijvoorbeeld Hilversum.")
@click.option("--route", required=True, help="Perceelcode, bijvoorbeeld B1.")
@click.option("--klant", required=True, help="Pseudoniem klantnummer.")
@click.option("--aanbieder", required=True, help="De gekozen aanbieder.")
@_datum_optie("--datum", "Datum van de keuze (standaard vandaag).")
@_door
@_reden
@_json
@_afhandeling_met("De keuze kan niet worden vastgelegd")
def keuze(
    werkmap: Path,
    gemeente: str,
    route: str,
    klant: str,
    aanbieder: str,
    datum: dt.date | None,
    door: str | None,
    reden: str | None,
    als_json: bool,
) -> None:
    """Leg de eigen keuze van inburgeraar of klantmanager vast (gaat altijd voor het advies)."""
    from evaluatie.contract.acties import leg_keuze_vast

    a, b, gekozen, overstap = leg_keuze_vast(
        _wm(werkmap),
        gemeente,
        route,
        klant,
        aanbieder,
        _dag(datum),
        door or "",
        reden or "",
        dt.date.today(),
        datum_opgegeven=datum is not None,
    )
    from evaluatie.contract.advies import opmerkingen_bij_keuze

    opmerkingen = opmerkingen_bij_keuze(a, gekozen) + overstap
    if als_json:
        uit = {
            "besluit": b,
            "gemeente": a.gemeente,
            "perceel": a.perceel,
            "klant": klant,
            "gekozen": gekozen,
            "advies": a.advies,
            "gelijkwaardig": list(a.gelijkwaardig),
            "volgt_advies": a.volgt(gekozen),
            "opmerkingen": opmerkingen,
        }
        echo_json(uit)
    else:
        wijkt = "volgt het advies" if a.volgt(gekozen) else f"wijkt af van het advies ({a.advies or 'geen'})"
        click.echo(f"Vastgelegd als besluit {b}: {klant} naar {gekozen}; de keuze {wijkt}.")
    for o in opmerkingen:
        _toon(f"Let op: {o}", err=True)


@contract.command("stand")
@_werkmap
@_datum_optie("--peildatum", "Datum van de stand (standaard vandaag).")
@_json
@click.option("--volledig", is_flag=True, help="Iedere gemeente en volle regels, ook bij meer dan 25 gemeenten.")
@_afhandeling_met("Geen stand mogelijk")
def stand(werkmap: Path, peildatum: dt.date | None, als_json: bool, volledig: bool) -> None:
    """De stand per gemeente, aanbieder en route; raammaximum; prestaties; signalen."""
    from evaluatie.contract.acties import geef_stand
    from evaluatie.contract.standtekst import stand_als_dict, stand_als_tekst

    wm = _wm(werkmap)
    reg, st = geef_stand(wm, peildatum)
    _waarschuw(wm, reg)
    if als_json:
        echo_json(stand_als_dict(reg, st))
    else:
        click.echo(stand_als_tekst(reg, st, volledig))


@contract.command("kwartaal")
@_werkmap
@click.option("--kwartaal", "kwartaal_", required=True, help="Bijvoorbeeld 2023-K2 (kalenderkwartaal).")
@_afhandeling_met("Geen kwartaalrapport mogelijk")
def kwartaal(werkmap: Path, kwartaal_: str) -> None:
    """Kwartaalrapportage per gemeente en voor de regio (HTML en xlsx)."""
    from evaluatie.contract.acties import schrijf_kwartaal
    from evaluatie.contract.kwartaal import kwartaal_grenzen
    from evaluatie.contract.publicatie import kwartaalnaam

    paden, meldingen = schrijf_kwartaal(_wm(werkmap), kwartaal_, dt.date.today())
    naam = kwartaalnaam(kwartaal_grenzen(kwartaal_)[0])  # as typed ('2026-q2 ') it would differ from the folder's
    click.echo(f"Kwartaalrapportage {naam}: {len(paden)} bestanden in {paden[0].parent if paden else '-'}")
    for melding in meldingen:
        click.echo(f"Let op: {melding}", err=True)


@contract.command("uitval")
@_werkmap
@click.option("--route", required=True, help="Perceelcode, bijvoorbeeld B1.")
@click.option("--aanbieder", required=True, help="De aanbieder die uitvalt, zoals in het register.")
@_datum_optie("--per", "Datum van uitval; verplicht.")
@click.option("--vastleggen", is_flag=True, help="Neem het voorstel als besluit (met --door en --reden).")
@_door
@_reden
@_json
@_afhandeling_met("De uitval kan niet worden verwerkt")
def uitval(
    werkmap: Path,
    route: str,
    aanbieder: str,
    per: dt.date | None,
    vastleggen: bool,
    door: str | None,
    reden: str | None,
    als_json: bool,
) -> None:
    """Een aanbieder valt uit: voorstel voor herverdeling; met --vastleggen als besluit."""
    from evaluatie.contract.acties import herverdeel

    v, b = herverdeel(_wm(werkmap), route, aanbieder, per, vastleggen, door, reden)
    onvolledig = "het voorstel dekt niet de hele looptijd en kan niet als besluit worden genomen"
    if als_json:
        if not v.volledig:
            raise EvaluatieFout([*v.uitleg, onvolledig])

        def cellen(d: dict[tuple[str, str], int]) -> list[dict[str, Any]]:
            return [{"gemeente": g, "aanbieder": s, "aantal": n} for (g, s), n in sorted(d.items())]

        uit = {
            "perceel": v.perceel,
            "aanbieder": v.aanbieder,
            "per": v.per.isoformat(),
            "contractjaar": v.jaar,
            "vast": cellen(v.vast),
            "dit_jaar": cellen(v.dit_jaar),
            "volgende_jaren": cellen(v.volgende_jaren),
            "aangesloten_jaren": {str(j): cellen(r) for j, r in sorted(v.aangesloten_jaren.items())},
            "rekenpad": v.pad,
            "uitleg": v.uitleg,
            "besluit": b,
        }
        echo_json(uit)
        return
    for regel in v.uitleg:
        _toon(regel)
    if not v.volledig:
        raise EvaluatieFout([f"{onvolledig} (zie boven)"])
    if b is None:
        click.echo("Dit is een voorstel; er is niets gewijzigd. Neem het als besluit met --vastleggen --door --reden.")
    else:
        click.echo(f"Vastgelegd als besluit {b}.")


@contract.command("wijziging")
@_werkmap
@click.option("--route", help="Perceelcode, bijvoorbeeld B1; verplicht.")
@click.option(
    "--soort",
    type=click.Choice(["indexatie", "extra_volume", "verlenging", "overig"]),
    help="Soort wijziging; verplicht; bij extra_volume ook --trajecten.",
)
@click.option(
    "--waarde",
    type=bedrag_type(),
    help="Waarde van de wijziging in euro, zoals u een bedrag schrijft: 60.000 of 60.000,50; verplicht.",
)
@click.option(
    "--percentage",
    type=percentage_type(),
    help="Bij een indexatie in plaats van --waarde: het percentage, zoals 3,2 of 3,2%; het bedrag volgt uit de "
    "ruimte op de dag van de wijziging.",
)
@click.option("--trajecten", default=0, type=int, help="Extra trajecten (bij extra_volume).")
@click.option("--grondslag", help="Juridische grondslag, bijvoorbeeld 'art. 2.163b Aw 2012'; verplicht.")
@_datum_optie("--datum", "Datum van de wijziging (standaard vandaag).")
@_datum_optie("--tot", "Bij een verlenging: de nieuwe laatste dag van de looptijd van het perceel.")
@click.option("--alleen-toetsen", is_flag=True, help="Alleen toetsen, niets vastleggen.")
@_door
@_reden
@_json
@_afhandeling_met("De wijziging kan niet worden getoetst of vastgelegd")
def wijziging(
    werkmap: Path,
    route: str | None,
    soort: str | None,
    waarde: float | None,
    percentage: Decimal | None,
    trajecten: int,
    grondslag: str | None,
    datum: dt.date | None,
    tot: dt.date | None,
    alleen_toetsen: bool,
    door: str | None,
    reden: str | None,
    als_json: bool,
) -> None:
    """Een contractwijziging met grondslag, getoetst aan de de-minimisgrenzen (art. 2.163b Aw 2012); een verlenging
    voorbij de optiejaren (--tot) verlengt de looptijd in het register."""
    from evaluatie.contract.acties import wijzig

    t, b = wijzig(
        _wm(werkmap),
        route,
        soort,
        waarde,
        trajecten,
        grondslag,
        _dag(datum),
        not alleen_toetsen,
        door,
        reden,
        dt.date.today(),
        datum_opgegeven=datum is not None,
        tot=tot,
        percentage=percentage,
    )
    if als_json:
        uit = {
            "perceel": t.perceel,
            "soort": t.soort,
            "waarde": t.waarde,
            "percentage": None if t.percentage is None else float(t.percentage),
            "trajecten": t.trajecten,
            "grondslag": t.grondslag,
            "de_minimis_grens": t.grens,
            "eerder": t.eerder,
            "cumulatief": t.cumulatief,
            "tot_en_met": t.tot.isoformat() if t.tot else None,
            # the register's term after the change: a verlenging moves it once every framework lot is extended
            "looptijd_tot_en_met": t.verlenging.einde_na.isoformat() if t.verlenging else None,
            "uitleg": t.uitleg,
            "besluit": b,
        }
        echo_json(uit)
        return
    for regel in t.uitleg:
        _toon(regel)
    if b is not None:
        click.echo(f"Vastgelegd als besluit {b}.")


@contract.command("intrekken")
@_werkmap
@click.option("--gemeente", help="De gemeente die de gebeurtenis aanleverde, bijvoorbeeld Hilversum; verplicht.")
@click.option("--klant", help="Het pseudoniem klantnummer van de plaatsing; verplicht.")
@click.option(
    "--gebeurtenis",
    help="De soort gebeurtenis zoals in de aanlevering: aangemeld, gestart, voortijdig gestopt, afgerond, examen of "
    "route gewijzigd; verplicht.",
)
@click.option(
    "--plaatsing",
    type=click.IntRange(min=1),
    help="Het nummer van de plaatsing, als de klant er in de gemeente meer heeft (na een overstap); anders niet nodig.",
)
@_datum_optie("--datum", "Datum van het besluit (standaard vandaag); vanaf die dag telt de gebeurtenis niet meer.")
@_door
@_reden
@_json
@_afhandeling_met("De gebeurtenis kan niet worden ingetrokken")
def intrekken(
    werkmap: Path,
    gemeente: str | None,
    klant: str | None,
    gebeurtenis: str | None,
    plaatsing: int | None,
    datum: dt.date | None,
    door: str | None,
    reden: str | None,
    als_json: bool,
) -> None:
    """Trek een ten onrechte aangeleverde gebeurtenis in (een besluit; het register blijft alleen-toevoegen)."""
    from evaluatie.contract.acties import trek_gebeurtenis_in

    gegeven = {"--gemeente": gemeente, "--klant": klant, "--gebeurtenis": gebeurtenis}
    ontbreekt = [(o, f"{o}: is verplicht") for o, v in gegeven.items() if not (v or "").strip()]
    if ontbreekt:  # said with the errors of the other options and a missing --door or --reden: all together
        from evaluatie.clijson import Gebruiksfouten
        from evaluatie.contract.besluit import fouten_wie_waarom
        from evaluatie.contract.intrekking import fouten_zonder_register

        vooraf = fouten_zonder_register(klant or "", gebeurtenis or "", _dag(datum), dt.date.today())
        ontbreekt += [(f.plaats, f"{f.plaats}: {f.bericht}") for f in vooraf + fouten_wie_waarom(door, reden)]
        raise Gebruiksfouten(ontbreekt)
    i = trek_gebeurtenis_in(
        _wm(werkmap),
        gemeente or "",
        klant or "",
        gebeurtenis or "",
        _dag(datum),
        door,
        reden,
        dt.date.today(),
        datum_opgegeven=datum is not None,
        plaatsing=plaatsing,
    )
    if als_json:
        echo_json(
            {
                "besluit": i.besluit,
                "datum": i.datum.isoformat(),
                "gemeente": i.gemeente,
                "klantnummer": i.klantnummer,
                "gebeurtenis": i.soort,
                "gebeurtenis_id": i.gebeurtenis,
                "datum_gebeurtenis": i.gebeurtenis_datum.isoformat(),
                "plaats": i.plaats,
            }
        )
        return
    _toon(f"{i.zin}.")
    click.echo(
        f"Vanaf {i.datum.strftime('%d-%m-%Y')} telt deze gebeurtenis niet meer mee in de stand, het advies en de "
        "kwartaalrapportage; een rapport tot een eerdere dag blijft zoals het was."
    )


@contract.command("hervatting")
@_werkmap
@click.option("--route", required=True, help="Perceelcode, bijvoorbeeld Z.")
@click.option("--aanbieder", required=True, help="De aanbieder die na haar uitval weer inburgeraars neemt.")
@_datum_optie("--per", "Eerste dag van de nieuwe periode (na de uitval); verplicht.")
@_datum_optie("--datum", "Datum van het besluit (standaard vandaag); niet in de toekomst.")
@_door
@_reden
@_json
@_afhandeling_met("De hervatting kan niet worden vastgelegd")
def hervatting(
    werkmap: Path,
    route: str,
    aanbieder: str,
    per: dt.date | None,
    datum: dt.date | None,
    door: str | None,
    reden: str | None,
    als_json: bool,
) -> None:
    """Een uitgevallen aanbieder weer opnemen in een perceel, vanaf --per (een nieuwe periode, met besluit)."""
    from evaluatie.contract.acties import hervat_aanbieder

    h, tekst = hervat_aanbieder(_wm(werkmap), route, aanbieder, per, _dag(datum), door, reden, dt.date.today())
    if als_json:
        echo_json(
            {
                "perceel": h.perceel,
                "aanbieder": h.aanbieder,
                "vanaf": h.vanaf.isoformat(),
                "uitval": h.uitval.isoformat(),
                "besluit": h.besluit,
                "uitleg": tekst,
            }
        )
        return
    for regel in tekst:
        _toon(regel)


@contract.command("optiejaar")
@_werkmap
@_datum_optie("--datum", "Datum van het besluit (standaard vandaag); binnen de lopende looptijd.")
@_door
@_reden
@_json
@_afhandeling_met("Het optiejaar kan niet worden vastgelegd")
def optiejaar(werkmap: Path, datum: dt.date | None, door: str | None, reden: str | None, als_json: bool) -> None:
    """Oefen het volgende optiejaar uit (voor alle percelen): de looptijd wordt een jaar langer."""
    from evaluatie.contract.acties import oefen_optiejaar_uit
    from evaluatie.contract.optie import looptijd_zin

    o, reg = oefen_optiejaar_uit(_wm(werkmap), _dag(datum), door, reden, dt.date.today())
    if als_json:
        uit = {
            "optiejaar": o.jaar,
            "van": o.van.isoformat(),
            "tot_en_met": o.tot_en_met.isoformat(),
            "resterende_optiejaren": o.resterend,
            "besluit": o.besluit,
            "looptijd": looptijd_zin(reg),
            "waarschuwingen": list(o.waarschuwingen),
        }
        echo_json(uit)
        return
    click.echo(
        f"Optiejaar {o.jaar} uitgeoefend (besluit {o.besluit}): de looptijd loopt nu tot en met "
        f"{o.tot_en_met.strftime('%d-%m-%Y')}; "
        + (
            "er resteert geen optiejaar."
            if not o.resterend
            else "er resteert 1 optiejaar."
            if o.resterend == 1
            else f"er resteren {o.resterend} optiejaren."
        )
    )
    click.echo(looptijd_zin(reg))
    for w in o.waarschuwingen:
        _toon(f"Let op: {w}.")


@contract.command("toetreding")
@_werkmap
@click.option("--bestand", required=True, type=click.Path(path_type=Path), help="Het ingevulde inschrijfformulier.")
@click.option("--route", required=True, help="Perceelcode van het open-house-perceel, bijvoorbeeld MAP.")
@_datum_optie(
    "--ontvangen", "Datum waarop de aanmelding is ontvangen (peildatum van een gevraagd keurmerk); verplicht."
)
@_datum_optie("--datum", "Datum van het toelatingsbesluit (standaard vandaag).")
@click.option(
    "--kwaliteit",
    type=click.Path(path_type=Path),
    default=None,
    help="Het door het panel ingevulde kwaliteitsformulier (bij een perceel met een minimale kwaliteit; zonder deze "
    "optie schrijft de opdracht het formulier).",
)
@_door
@_reden
@_json
@_afhandeling_met("De toetreding kan niet worden verwerkt")
def toetreding(
    werkmap: Path,
    bestand: Path,
    route: str,
    ontvangen: dt.date | None,
    datum: dt.date | None,
    kwaliteit: Path | None,
    door: str | None,
    reden: str | None,
    als_json: bool,
) -> None:
    """Later toetreden tot een open-house-perceel: toetsen, toelatingsbesluit, register."""
    from evaluatie.contract.acties import treed_toe

    t = treed_toe(
        _wm(werkmap),
        bestand,
        route,
        ontvangen,
        _dag(datum),
        door or "",
        reden or "",
        dt.date.today(),
        datum_opgegeven=datum is not None,
        kwaliteit_pad=kwaliteit,
    )
    brief = next(p for p in t.bestanden if p.suffix == ".docx")
    if als_json:
        uit = {
            "perceel": t.perceel,
            "aanbieder": t.aanbieder,
            "toegelaten": t.toegelaten,
            "vanaf": t.vanaf.isoformat() if t.vanaf else None,
            "redenen": list(t.redenen),
            "besluit": t.besluit,
            "bestanden": [str(p) for p in t.bestanden],
            "opmerkingen": list(t.opmerkingen),
            "kwaliteit": t.kwaliteit,  # the panel's quality score where the lot has a minimum, else null
            "minimum": t.minimum,
        }
        echo_json(uit)
        return
    for opmerking in t.opmerkingen:  # on stderr, like every 'Let op'
        _toon(f"Let op: {opmerking}.", err=True)
    if t.kwaliteit is not None and t.minimum is not None:
        from evaluatie.tekst import getal

        click.echo(f"Kwaliteitsscore van het panel: {getal(t.kwaliteit)} (vereist minstens {getal(t.minimum)}).")
    if t.toegelaten:
        assert t.vanaf is not None
        click.echo(
            f"{t.aanbieder} toegelaten tot {t.perceelnaam} per {t.vanaf.strftime('%d-%m-%Y')} "
            f"(besluit {t.besluit}); toelatingsbesluit: {brief}"
        )
    else:
        click.echo(f"{t.aanbieder} niet toegelaten tot {t.perceelnaam}; niets vastgelegd in het register.")
        for r in t.redenen:
            _toon(f"  - {r}")
        click.echo(f"Toelatingsbesluit met de redenen: {brief}")


@contract.command("aansluiting")
@_werkmap
@click.option("--gemeente", default="", help="De gemeente die aansluit, zoals de aanbesteding haar noemt; verplicht.")
@click.option("--route", default="", help="Perceelcode waarbij zij aansluit, bijvoorbeeld B1; verplicht.")
@_datum_optie("--per", "Eerste dag van het contractjaar waarin zij aansluit; verplicht.")
@_datum_optie("--datum", "Datum van het besluit (standaard vandaag).")
@_door
@_reden
@_json
@_afhandeling_met("De aansluiting kan niet worden verwerkt")
def aansluiting(
    werkmap: Path,
    gemeente: str,
    route: str,
    per: dt.date | None,
    datum: dt.date | None,
    door: str | None,
    reden: str | None,
    als_json: bool,
) -> None:
    """Een gemeente die de aanbesteding als mogelijke latere deelnemer noemt, sluit aan bij een perceel."""
    from evaluatie.contract.acties import sluit_gemeente_aan

    a = sluit_gemeente_aan(
        _wm(werkmap),
        gemeente,
        route,
        per,
        _dag(datum),
        door or "",
        reden or "",
        dt.date.today(),
        datum_opgegeven=datum is not None,
    )
    toewijzing = {str(j.jaar): {r[0]: r[4] for r in j.rijen if r[4]} for j in a.jaren}
    if als_json:
        uit = {
            "gemeente": a.gemeente,
            "perceel": a.perceel,
            "vanaf": a.vanaf.isoformat(),
            "per_jaar": a.per_jaar,
            "toewijzing": toewijzing,
            "besluit": a.besluit,
            "bestanden": [str(p) for p in a.bestanden],
        }
        echo_json(uit)
        return
    click.echo(
        f"{a.gemeente} aangesloten bij {a.perceelnaam} per {a.vanaf.strftime('%d-%m-%Y')} (besluit {a.besluit}); "
        f"besluit: {a.bestanden[0]}"
    )
    for jaar, verdeeld in toewijzing.items():
        click.echo(f"  contractjaar {jaar}: " + ", ".join(f"{s} {n}" for s, n in verdeeld.items()))


@contract.command("dossier")
@_werkmap
@click.option("--zip", "als_zip", is_flag=True, help="Schrijf ook contract/dossier.zip.")
@_afhandeling_met("Geen dossier mogelijk")
def dossier(werkmap: Path, als_zip: bool) -> None:
    """Het contractdossier: alle stukken van aanbesteding tot laatste kwartaalrapport, met SHA-256."""
    from evaluatie.contract.acties import schrijf_contractdossier

    map_, n, zip_ = schrijf_contractdossier(_wm(werkmap), als_zip)
    click.echo(f"Contractdossier: {n} stukken in {map_} (index.html)" + (f"; zip: {zip_}" if zip_ else ""))

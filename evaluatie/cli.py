"""Command line: parses options and prints. All work is done in evaluatie.pipeline and the stages.

Heavy libraries (pandas, pulp) are imported inside the commands so that
`evaluatie --help` starts fast.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from evaluatie import clicktaal
from evaluatie.besluiten.commando import Besluitcommando
from evaluatie.cliafhandeling import afhandeling, toon
from evaluatie.clijson import Hoofdgroep, echo_json
from evaluatie.clipad import NietLeegPad
from evaluatie.fouten import EvaluatieFout
from evaluatie.gemeentenamen import in_lijst, splits_gemeenten
from evaluatie.verdeling.oplosser import OPLOSSERS, STANDAARD
from evaluatie.versie import __version__
from evaluatie.werkmap import Werkmap, geen_aanbesteding, padnaam, werkmap_erboven

if TYPE_CHECKING:
    from evaluatie.pipeline import Gunningsrun
    from evaluatie.toets.uitslag import Toetsuitslag

clicktaal.activeer()  # click's own texts in Dutch, before any option is defined

werkmap_optie = click.option(
    "--werkmap",
    type=NietLeegPad(file_okay=False, path_type=Path),
    default=Path("."),
    show_default="huidige map",
    help="Map van de aanbesteding (aanbesteding.yaml, inschrijvingen/, beoordelingen/, rapporten/).",
)
json_optie = click.option("--json", "als_json", is_flag=True, help="Uitvoer als JSON.")
volledig_optie = click.option(
    "--volledig",
    is_flag=True,
    help="Alle regels en lijsten voluit, ook breder dan 200 tekens (standaard samengevat).",
)


def _werkmap(pad: Path, schrijft: bool = True, leest_alleen: bool = False) -> Werkmap:
    """The werkmap; a command that writes holds its lock until it ends (evaluatie.slot).

    `leest_alleen`: the command writes nothing in the werkmap (it takes the lock only so that no award swaps the
    files while it reads). On a werkmap this user cannot write (an archived copy for an auditor, a read-only mount)
    nobody of this user writes either, so it goes on without the lock, and says so on stderr."""
    if not (pad / "aanbesteding.yaml").is_file():
        from evaluatie.clijson import Gebruiksfouten

        raise Gebruiksfouten(  # the same line; in --json under its option, as every usage error
            [
                (
                    "--werkmap",
                    f"{padnaam(pad)}: {geen_aanbesteding(pad)}; "
                    + (
                        f"die staat in {boven}: geef --werkmap {boven}"
                        if (boven := werkmap_erboven(pad)) is not None
                        else "geef de juiste --werkmap op, of begin een nieuwe aanbesteding met "
                        "'evaluatie nieuw MAP --gemeenten ... --percelen ...'"
                    ),
                )
            ]
        )
    ctx = click.get_current_context(silent=True)
    if schrijft and ctx is not None:
        from evaluatie.slot import AlleenLezen, werkmap_slot

        try:
            ctx.with_resource(werkmap_slot(pad))
        except AlleenLezen as e:
            if not leest_alleen:
                raise
            click.echo(
                f"Let op: {pad} is voor deze gebruiker alleen-lezen ({e.reden.split(';')[0]}); er wordt alleen "
                "gelezen, zonder het slot van de werkmap: een ander die tegelijk in deze map schrijft, ziet dit "
                "commando niet.",
                err=True,
            )
    return Werkmap(pad)


@click.group(cls=Hoofdgroep, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="evaluatie", message="%(prog)s %(version)s")
def main() -> None:
    """Beoordeling en gunning van gezamenlijke inkoop van inburgeringsroutes."""


def opdrachtregel() -> NoReturn:
    """The process entry (the console script and `python -m evaluatie`): main, then the process ends without
    Python's teardown once nothing is left for it (evaluatie.afsluiten). Library use and tests call main."""
    from evaluatie.afsluiten import als_proces
    from evaluatie.stdout import open_standaardkanalen
    from evaluatie.waardestapel import op_ruime_stapel

    open_standaardkanalen()  # a closed stdout (>&-) is /dev/null before any file is opened
    als_proces(lambda: op_ruime_stapel(main))  # the command's frames in one chunk of the value stack


def _lijst(tekst: str | None) -> tuple[str, ...]:
    """'Almere, Dronten;Lelystad' -> ('Almere', 'Dronten', 'Lelystad')."""
    return tuple(d.strip() for d in (tekst or "").replace(";", ",").split(",") if d.strip())


@main.command("nieuw")
@click.argument("map_", metavar="MAP", type=NietLeegPad(path_type=Path))
@click.option("--naam", required=True, help="Naam van de aanbesteding.")
@click.option("--penvoerder", required=True, help="De aanbestedende gemeente, bijvoorbeeld 'Gemeente Almere'.")
@click.option("--gemeenten", help="Deelnemende gemeenten, gescheiden door komma's.")
@click.option("--regio", multiple=True, help="Alle gemeenten van deze arbeidsmarktregio (mag vaker).")
@click.option("--percelen", default="B1", show_default=True, help="Percelen, gescheiden door komma's.")
@click.option(
    "--subregio",
    multiple=True,
    metavar="NAAM=GEMEENTE,...",
    help="Subregio voor deze gemeenten (mag vaker); standaard is de subregio de arbeidsmarktregio.",
)
@click.option(
    "--beoordelaars",
    help="Namen van de beoordelaars, gescheiden door komma's; of door ';' als een naam een komma heeft "
    "('Jansen, A.; De Vries, B.').",
)
@click.option(
    "--procedure",
    type=click.Choice(["gunning", "toelating"]),
    default="gunning",
    show_default=True,
    help="gunning: beste prijs-kwaliteitverhouding; toelating: open house.",
)
@click.option(
    "--toelating",
    metavar="PERCELEN",
    help="Percelen met open house (toelating), gescheiden door komma's, bijvoorbeeld PVT,MAP; de andere percelen "
    "volgen --procedure.",
)
@click.option("--criteriaset", default="inburgering-2022", show_default=True, help="Criteriaset in criteria/.")
@click.option(
    "--publicatie",
    type=clicktaal.datum_type(),
    metavar="JJJJ-MM-DD",
    help="Publicatiedatum (jjjj-mm-dd); standaard vandaag.",
)
@click.option(
    "--sluiting",
    type=clicktaal.datum_type(),
    metavar="JJJJ-MM-DD",
    help="Sluiting inschrijving; standaard 42 dagen na publicatie.",
)
@click.option(
    "--gunningsdatum",
    type=clicktaal.datum_type(),
    metavar="JJJJ-MM-DD",
    help="Gunning; standaard 42 dagen na sluiting.",
)
@json_optie
@afhandeling
def nieuw(map_: Path, als_json: bool, **opties: Any) -> None:
    """Maak een nieuwe aanbesteding in MAP: aanbesteding.yaml, mappen en inschrijfformulier."""
    from evaluatie.nieuw.aanmaken import Verzoek, maak_aan
    from evaluatie.nieuw.beoordelaars import splits_beoordelaars

    datum = {k: opties[k] for k in ("publicatie", "sluiting", "gunningsdatum")}
    resultaat = maak_aan(
        Verzoek(
            map=map_,
            naam=opties["naam"],
            penvoerder=opties["penvoerder"],
            gemeenten=tuple(splits_gemeenten(opties["gemeenten"])),
            regios=tuple(opties["regio"]),
            percelen=_lijst(opties["percelen"]),
            subregios=tuple(opties["subregio"]),
            beoordelaars=splits_beoordelaars(opties["beoordelaars"]),
            beoordelaars_getypt=opties["beoordelaars"],
            procedure=opties["procedure"],
            toelating=_lijst(opties["toelating"]),
            criteriaset=opties["criteriaset"],
            publicatie=datum["publicatie"],
            sluiting=datum["sluiting"],
            gunning=datum["gunningsdatum"],
        )
    )
    if als_json:
        echo_json(
            {
                "geschreven": [str(resultaat.aanbesteding), str(resultaat.inschrijfformulier)],
                "mappen": [str(m) for m in resultaat.mappen],
                "gemeenten": list(resultaat.gemeenten),
                "open_aantallen": resultaat.open_aantallen,
                "meldingen": list(resultaat.meldingen),  # what the text says: the region, assumptions, free days
            }
        )
        return
    click.echo(f"Geschreven: {resultaat.aanbesteding}")
    click.echo(f"Geschreven: {resultaat.inschrijfformulier}")
    for m in resultaat.mappen:
        click.echo(f"Map: {m}/")
    for regel in resultaat.meldingen:  # a 'Let op' (a date on a free day) on stderr, as every 'Let op'
        toon(regel, err=regel.startswith("Let op"))
    # a name with a comma between quotation marks, as in every list of gemeenten in a text (gemeentenamen.in_lijst)
    toon(f"Gemeenten ({len(resultaat.gemeenten)}): {', '.join(in_lijst(g) for g in resultaat.gemeenten)}")
    # everything `nieuw` left as a placeholder: each is an input error or an open point until filled in
    rechtbank = "rechtbank: invullen" in Path(resultaat.aanbesteding).read_text(encoding="utf-8")
    toon(
        "Nog in te vullen in aanbesteding.yaml (zoek op 'invullen'): "
        f"{resultaat.open_aantallen} {'aantal' if resultaat.open_aantallen == 1 else 'aantallen'} inburgeraars; "
        "de afzender (adres, contactpersoon met telefoon of e-mail, ondertekenaar)"
        + ("; de rechtbank (rechtsbescherming.rechtbank)" if rechtbank else "")
        + (  # an empty panel cannot score: said here, before template beoordeling refuses it
            ". Controleer ook de data en de beoordelaars."
            if splits_beoordelaars(opties["beoordelaars"])
            else "; de beoordelaars (beoordelaars: [], want --beoordelaars is niet opgegeven). Controleer ook de data."
        )
    )
    if resultaat.open_aantallen:  # the form shows them as 'nog niet bekend' until it is written again
        toon(
            "Het inschrijfformulier toont de aantallen per gemeente als 'nog niet bekend'; schrijf het opnieuw zodra "
            "ze zijn ingevuld, voordat u het verstuurt: evaluatie template inschrijving --overschrijven"
        )


@main.command("init", hidden=True, context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
def init() -> None:
    """Users coming from other tools type 'init': point them to 'nieuw'."""
    raise click.UsageError(
        "de opdracht heet 'evaluatie nieuw': evaluatie nieuw MAP --naam ... --penvoerder ... "
        "--gemeenten ... of --regio ... --percelen ... (zie evaluatie nieuw --help)"
    )


@main.command("regio")
@click.argument("naam", required=False)
@json_optie
@afhandeling
def regio(naam: str | None, als_json: bool) -> None:
    """Toon de arbeidsmarktregio's, of de gemeenten van regio NAAM (register van CBS)."""
    from evaluatie.gemeenteregister import BRON
    from evaluatie.pipeline import regio as zoek_regio
    from evaluatie.pipeline import regios

    if naam is None and als_json:
        echo_json(
            {
                "regios": [
                    {"code": leden[0].arbeidsmarktregio_code, "naam": r, "gemeenten": len(leden)}
                    for r, leden in regios().items()
                ],
                "bron": BRON,
            }
        )
        return
    if naam is None:
        for r, leden in regios().items():
            click.echo(f"{leden[0].arbeidsmarktregio_code}  {r} ({len(leden)} gemeenten)")
        click.echo(f"Bron: {BRON}.")
        return
    gevonden, leden = zoek_regio(naam)
    if als_json:
        echo_json(
            {
                "regio": gevonden,
                "code": leden[0].arbeidsmarktregio_code,
                "gemeenten": [{"cbscode": g.cbscode, "naam": g.naam, "provincie": g.provincie} for g in leden],
                "bron": BRON,
            }
        )
        return
    click.echo(f"{gevonden} ({leden[0].arbeidsmarktregio_code}), {len(leden)} gemeenten:")
    for g in leden:
        click.echo(f"  {g.cbscode}  {g.naam} ({g.provincie})")


@main.group()
def template() -> None:
    """Schrijf lege formulieren voor inschrijvers of beoordelaars."""


@template.command("systematiek")
@werkmap_optie
@json_optie
@afhandeling
def template_systematiek(werkmap: Path, als_json: bool) -> None:
    """Schrijf de beoordelings- en gunningssystematiek (html en docx) voor de aanbestedingsleidraad."""
    from evaluatie.pipeline import schrijf_systematiek, systematiek_waarschuwingen

    paden = schrijf_systematiek(_werkmap(werkmap))
    waarschuwingen = systematiek_waarschuwingen(_werkmap(werkmap))
    for w in waarschuwingen:  # on stderr with --json too: a 'Let op' is never left out
        toon(f"Let op: {w}", err=True)
    if als_json:
        echo_json({"geschreven": [str(p) for p in paden], "waarschuwingen": waarschuwingen})
        return
    for pad in paden:
        click.echo(f"Geschreven: {pad}")


@template.command("inschrijving")
@werkmap_optie
@click.option("--overschrijven", is_flag=True, help="Een bestaand formulier dat afwijkt toch vervangen.")
@json_optie
@afhandeling
def template_inschrijving(werkmap: Path, overschrijven: bool, als_json: bool) -> None:
    """Schrijf inschrijfformulier.xlsx voor de inschrijvers."""
    from evaluatie.pipeline import schrijf_inschrijfformulier

    pad = schrijf_inschrijfformulier(_werkmap(werkmap), overschrijven)
    if als_json:
        echo_json({"geschreven": [str(pad)]})
        return
    click.echo(f"Geschreven: {pad}")


@template.command("beoordeling")
@werkmap_optie
@click.option("--overschrijven", is_flag=True, help="Ook bestaande (ingevulde) formulieren vervangen.")
@json_optie
@afhandeling
def template_beoordeling(werkmap: Path, overschrijven: bool, als_json: bool) -> None:
    """Schrijf per beoordelaar een blind beoordelingsformulier in beoordelingen/."""
    from evaluatie.pipeline import schrijf_beoordelingsformulieren

    notities: list[str] = []
    geschreven, behouden = schrijf_beoordelingsformulieren(_werkmap(werkmap), overschrijven, notities)
    meld_notities(notities)
    if als_json:
        echo_json({"geschreven": [str(p) for p in geschreven], "behouden": [str(p) for p in behouden]})
        return
    for p in geschreven:
        click.echo(f"Geschreven: {p}")
    for p in behouden:
        click.echo(f"Bestaat al, niet overschreven: {p} (gebruik --overschrijven)")


@template.command("consensus")
@werkmap_optie
@click.option("--overschrijven", is_flag=True, help="Opnieuw beginnen: wat het panel al invulde, vervalt.")
@json_optie
@afhandeling
def template_consensus(werkmap: Path, overschrijven: bool, als_json: bool) -> None:
    """Schrijf beoordelingen/consensus.xlsx en de agenda voor het consensusoverleg."""
    from evaluatie.pipeline import schrijf_consensus

    notities: list[str] = []
    try:
        c = schrijf_consensus(_werkmap(werkmap), overschrijven, notities)
    finally:  # also before an input error: a stale decision may be why a scored bid is no longer in the lot
        meld_notities(notities)
    w = c.werkboek
    if als_json:
        echo_json(
            {
                "geschreven": [str(w.pad), str(c.agenda)],
                "regels": w.regels,
                "signalen": w.signalen,
                "behouden": w.behouden,
                "vervallen": w.vervallen,
            }
        )
        return
    regels = f"{w.regels} {'regel' if w.regels == 1 else 'regels'}"
    click.echo(f"Geschreven: {w.pad} ({regels}, {w.signalen} met een signaal van onenigheid)")
    if w.behouden:
        click.echo(f"Behouden: wat het panel al invulde op {w.behouden} {'regel' if w.behouden == 1 else 'regels'}")
    if w.vervallen:
        click.echo(
            f"Vervallen: {w.vervallen} ingevulde regels die niet meer beoordeeld worden, bewaard op tabblad Vervallen"
        )
    click.echo(f"Agenda: {c.agenda}")


@main.command("beoordelingen")
@werkmap_optie
@json_optie
@volledig_optie
@afhandeling
def beoordelingen(werkmap: Path, als_json: bool, volledig: bool) -> None:
    """Lees de beoordelingen van het panel en bereken de kwaliteitsscores."""
    from evaluatie.pipeline import NIETS_VOOR_HET_PANEL
    from evaluatie.pipeline import beoordelingen as voer_uit
    from evaluatie.weergave import panel_tekst

    invoer, b = voer_uit(_werkmap(werkmap))
    niets = [n for n in invoer.notities if n.startswith(NIETS_VOOR_HET_PANEL)]
    meld_notities([n for n in invoer.notities if als_json or n not in niets])
    if als_json:
        echo_json(b.panel.model_dump(mode="json"))
        return
    if niets:  # said once, as what this command has to say, not as a note beside an empty table
        click.echo(f"Geen beoordeling: {niets[0]}.")
        return
    toon(panel_tekst(invoer.aanbesteding, b.panel, volledig), volledig)
    if invoer.aanbesteding.beoordeling.aggregatie == "consensus":
        from evaluatie.beoordeling.consensuseis import open_consensus

        open_ = open_consensus(invoer.aanbesteding, b.consensus, b.te_beoordelen)
        from evaluatie.tekst import aantal

        click.echo(
            f"Consensus: {aantal(str(len(open_)), 'punt', 'punten')} nog open; 'evaluatie gunning' "
            "noemt ze en wacht tot ze zijn ingevuld."
            if open_
            else "Consensus: alle beoordeelde regels zijn door het panel vastgesteld."
        )


@main.command("inschrijvingen")
@werkmap_optie
@json_optie
@volledig_optie
@afhandeling
def inschrijvingen(werkmap: Path, als_json: bool, volledig: bool) -> None:
    """Lees en controleer alle inschrijvingen in inschrijvingen/."""
    from evaluatie.pipeline import geen_handwerk, laad_invoer, met_handwerk, verouderd_notities
    from evaluatie.weergave import inschrijvingen_tabel

    wm = _werkmap(werkmap, schrijft=False)
    with met_handwerk(wm):  # a bid's error does not hide a hand edit
        invoer = laad_invoer(wm)
    geen_handwerk(wm)  # a correction edited by hand is never shown as the decision's
    meld_notities(invoer.notities + verouderd_notities(invoer))
    if als_json:
        echo_json(
            {
                "inschrijvingen": [i.model_dump(mode="json") for i in invoer.inschrijvingen],
                "invoer": [b.model_dump() for b in invoer.bestanden],
            }
        )
        return
    toon(inschrijvingen_tabel(invoer.aanbesteding, invoer.inschrijvingen, volledig), volledig)


@main.command("toets")
@werkmap_optie
@json_optie
@volledig_optie
@afhandeling
def toets(werkmap: Path, als_json: bool, volledig: bool) -> None:
    """Knock-outtoets: welke inschrijvingen voldoen per perceel."""
    from evaluatie.pipeline import toets as voer_uit
    from evaluatie.weergave import toets_tabel

    invoer, uitslag = voer_uit(_werkmap(werkmap))
    meld_notities(invoer.notities)
    if als_json:
        echo_json(toets_json(uitslag))
        return
    toon(toets_tabel(invoer.aanbesteding, uitslag, volledig), volledig)


def _niet_leeg(ctx: click.Context, param: click.Parameter, waarde: str | None) -> str | None:
    """`--lots ""` (an unset variable in a script) is no choice of lots: it was read as no option at all, every lot
    awarded and gunning.json replaced. Only leaving the option out means all lots."""
    if waarde is not None and not waarde:
        raise click.BadParameter(
            "is leeg; geef een of meer codes, of laat --lots weg voor alle percelen "
            "(een lege variabele in een script?)",
            ctx=ctx,
            param_hint="'--lots'",  # as every other --lots error says it, not "'--lots' / '--percelen'"
        )
    return waarde


def _percelen_optie(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--lots",
        "--percelen",
        "percelen",
        default=None,
        callback=_niet_leeg,
        help="Percelen, gescheiden door komma's (B1,onderwijs,Z,PVT,MAP); standaard alle.",
    )(f)


def _oplosser_opties(f: Callable[..., Any]) -> Callable[..., Any]:
    """--solver. There is no time limit (issue #24): a lot's outcome never depends on the load of the
    machine; a long proof shows its progress on stderr and goes on. The commands keep their
    `tijdslimiet` parameter (always None) for the library calls."""
    opdracht = f

    @functools.wraps(opdracht)
    def zonder_tijdslimiet(*args: Any, **kwargs: Any) -> Any:
        return opdracht(*args, tijdslimiet=None, **kwargs)

    f = click.option(
        "--solver",
        "oplosser",
        type=click.Choice(OPLOSSERS),
        default=STANDAARD,
        show_default=True,
        help="Oplosser voor iedere stap van de verdeling: auto (CBC voor grote samengevoegde modellen, "
        "anders HiGHS), highs of cbc.",
    )(zonder_tijdslimiet)
    return f


def _gun_en_schrijf(
    werkmap: Path, percelen: str | None, oplosser: str, tijdslimiet: float | None, rapporten: bool, commando: str
) -> Gunningsrun:
    """The one award -> write -> log sequence (pipeline.gun_en_schrijf); notes go to stderr."""
    from evaluatie.pipeline import gun_en_schrijf
    from evaluatie.verdeling.voortgang import zet_melder

    wm = _werkmap(werkmap)
    zet_melder(lambda regel: toon(regel, err=True))
    try:
        run = gun_en_schrijf(wm, percelen, oplosser, tijdslimiet, rapporten, commando)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="'--lots'") from None
    meld_notities(run.notities)
    return run


def meld_notities(notities: list[str]) -> None:
    """Skipped files and other notes, on stderr: never silent, never in the way of --json."""
    for n in notities:
        toon(f"Let op: {n}", err=True)


@main.command("gunning")
@werkmap_optie
@_percelen_optie
@json_optie
@_oplosser_opties
@click.option("--geen-rapport", is_flag=True, help="Alleen gunning.json, geen rapporten.")
@volledig_optie
@afhandeling
def gunning(
    werkmap: Path,
    percelen: str | None,
    als_json: bool,
    oplosser: str,
    tijdslimiet: float | None,
    geen_rapport: bool,
    volledig: bool,
) -> None:
    """Rangorde en verdeling per perceel (beste prijs-kwaliteitverhouding, lineaire programmering)."""
    from evaluatie.pipeline import gunning_gegevens
    from evaluatie.weergave import gunning_tekst

    run = _gun_en_schrijf(werkmap, percelen, oplosser, tijdslimiet, not geen_rapport, "gunning")
    pad = run.gunning_json
    geschreven = [p for p in run.geschreven if p != pad]
    if als_json:
        echo_json(gunning_gegevens(run.award))
    else:
        toon(gunning_tekst(run.award.uitslag, volledig), volledig)
        click.echo(f"\nGeschreven: {pad}")
        if geschreven:
            n = len(geschreven)  # one while a point is open: the CONCEPT advies only
            click.echo(f"Rapporten: {n} {'bestand' if n == 1 else 'bestanden'} in {pad.parent}")
    if run.open_punten:  # the send gate: exit 1, CONCEPT documents, each point with its command
        raise EvaluatieFout(run.open_punten)


@main.command("rapport")
@werkmap_optie
@_percelen_optie
@_oplosser_opties
@volledig_optie
@json_optie
@afhandeling
def rapport(
    werkmap: Path, percelen: str | None, oplosser: str, tijdslimiet: float | None, volledig: bool, als_json: bool
) -> None:
    """Schrijf gunningsadvies, gunningsbeslissingen per inschrijver en overzichten per gemeente."""
    from evaluatie.weergave import bestanden_tekst

    run = _gun_en_schrijf(werkmap, percelen, oplosser, tijdslimiet, True, "rapport")
    if als_json:
        echo_json(
            {
                "geschreven": [run.award.invoer.werkmap.relatief(p) for p in sorted(run.geschreven)],
                # as gunning --json and gunning.json: {soort, tekst, commando} per point, not the terminal's lines
                "open_punten": [p.als_dict() for p in run.award.open_punten],
            }
        )
    else:
        toon(bestanden_tekst(run.geschreven, run.award.invoer.werkmap.rapporten, volledig), volledig)
    if run.open_punten:  # the send gate: exit 1, CONCEPT documents, each point with its command
        raise EvaluatieFout(run.open_punten)


@main.command("loting", cls=Besluitcommando)
@werkmap_optie
@click.option(
    "--lots", "--percelen", "perceel", required=True, help="Het perceel van de gelijke stand, bijvoorbeeld B1."
)
@click.option(
    "--volgorde",
    required=True,
    help='De getrokken volgorde, de eerste eerst, gescheiden door ";" ("Naam A;Naam B").',
)
@click.option("--datum", required=True, help="Datum van de loting (JJJJ-MM-DD of DD-MM-JJJJ).")
@click.option("--getuige", required=True, help='Wie de loting bijwoonde: "naam, functie" (bijvoorbeeld een notaris).')
@click.option("--door", required=True, help='Wie tot de loting besloot en haar vastlegt: "naam, functie".')
@click.option("--reden", required=True, help="De motivering, in een volledige zin.")
@json_optie
@afhandeling
def loting(
    werkmap: Path, perceel: str, volgorde: str, datum: str, getuige: str, door: str, reden: str, als_json: bool
) -> None:
    """Leg een loting bij gelijke stand vast in loting.yaml (daarna: evaluatie gunning)."""
    from evaluatie.besluiten.commando import optiefouten
    from evaluatie.besluiten.optiefouten import als_gebruiksfout
    from evaluatie.pipeline import loting as leg_vast

    fouten = optiefouten()  # a date that is no date is said with every other wrong option, in the order of --help
    dag = fouten.dag("--datum", datum)
    namen = [n.strip() for n in volgorde.split(";") if n.strip()]
    meldingen: list[str] = []  # the last award's reports marked as not current
    try:
        wm = _werkmap(werkmap)
        vastgelegd = leg_vast(wm, perceel, namen, dag, getuige, (door, reden), fouten, meldingen)
    except ValueError as e:
        raise als_gebruiksfout(e) from None
    meld_notities(meldingen)
    if als_json:
        echo_json(
            {
                "geschreven": [str(wm.root / "loting.yaml")],
                "id": vastgelegd.id,
                "perceel": vastgelegd.perceel,  # the code as recorded: 'b1' typed is B1
                "volgorde": list(vastgelegd.volgorde),
                "datum": vastgelegd.datum.isoformat(),  # as recorded: 25-06-2021 typed is 2021-06-25
                "getuige": vastgelegd.getuige,
                "door": vastgelegd.door,
                "reden": vastgelegd.reden,
            }
        )
        return
    volgorde = " voor ".join(vastgelegd.volgorde)
    punt = "" if volgorde.endswith(".") else "."  # 'Taalhuis De Brug B.V.' already ends the sentence
    click.echo(
        f"Loting {vastgelegd.id} vastgelegd in {wm.root / 'loting.yaml'}: {volgorde}{punt} "
        "Voer nu 'evaluatie gunning' opnieuw uit."
    )


@main.command("zekerheid")
@werkmap_optie
@_percelen_optie
@json_optie
@_oplosser_opties
@click.option(
    "--trekkingen",
    type=click.IntRange(min=100, max=1_000_000),  # above: a typo (seeds per block of 1000 took GBs at 1e14)
    default=10_000,
    show_default=True,
    help="Aantal Monte Carlo-trekkingen (hoogstens 1.000.000).",
)
@volledig_optie
@afhandeling
def zekerheid(
    werkmap: Path,
    percelen: str | None,
    als_json: bool,
    oplosser: str,
    tijdslimiet: float | None,
    trekkingen: int,
    volledig: bool,
) -> None:
    """Hoe zeker is de gunning: beoordelaar weglaten, scores verstoren, marge tot winnen."""
    from evaluatie.pipeline import PercelenFout
    from evaluatie.pipeline import zekerheid as bereken
    from evaluatie.weergave import zekerheid_tekst

    try:
        award, uitkomst = bereken(_werkmap(werkmap), percelen, oplosser, tijdslimiet, trekkingen)
    except PercelenFout as e:  # named as the option it is about, also in --json (plaats), as in 'gunning'
        raise click.BadParameter(str(e), param_hint="'--lots'") from None
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    from evaluatie.zekerheid.uitvoeren import als_json as per_perceel
    from evaluatie.zekerheid.uitvoeren import wacht_op_loting

    meld_notities(award.invoer.notities)
    loting = wacht_op_loting(award)
    if als_json:  # a lot waiting for a draw: the error document of exit 1, with every lot (als_json)
        percelen_json = per_perceel(award, uitkomst)
        echo_json({"evaluatie_niet_afgerond": loting, "percelen": percelen_json} if loting else percelen_json)
    else:
        # an open house with a minimum quality is analysed (zekerheid.toelating); one without is named as such
        open_house = [
            p.naam for c, p in award.uitslag.percelen.items() if getattr(uitkomst.get(c), "minimum", 0) is None
        ]
        niet = [p.naam for p in award.uitslag.percelen.values() if p.niet_gegund]
        if uitkomst or open_house or niet:
            toon(zekerheid_tekst(award.invoer.aanbesteding, uitkomst, volledig, open_house, niet), volledig)
    if loting:  # a decision is open: exit 1, after what could be analysed
        raise EvaluatieFout(loting)


@main.command("scenario")
@werkmap_optie
@_percelen_optie
@_oplosser_opties
@click.option(
    "--zet",
    "zetten",
    multiple=True,
    required=True,
    metavar="PAD=WAARDE",
    help="Wijzig een regel, bijvoorbeeld percelen.B1.verdeling.max_aandeel=0.5 (meerdere toegestaan).",
)
@volledig_optie
@json_optie
@afhandeling
def scenario(
    werkmap: Path,
    percelen: str | None,
    oplosser: str,
    tijdslimiet: float | None,
    zetten: tuple[str, ...],
    volledig: bool,
    als_json: bool,
) -> None:
    """Wat als: de gunning opnieuw met gewijzigde regels, naast de uitgangssituatie."""
    from evaluatie.pipeline import PercelenFout
    from evaluatie.pipeline import scenario as bereken
    from evaluatie.scenario.schaal import SchaalFout
    from evaluatie.scenario.verschil import als_tekst
    from evaluatie.scenario.zet import ZetFout
    from evaluatie.verdeling.voortgang import zet_melder

    zet_melder(lambda regel: toon(regel, err=True))
    try:
        _voor, na, verschillen = bereken(_werkmap(werkmap), list(zetten), percelen, oplosser, tijdslimiet)
    except PercelenFout as e:  # each named as the option it is about, also in --json (plaats)
        raise click.BadParameter(str(e), param_hint="'--lots'") from None
    except (ZetFout, SchaalFout) as e:
        raise click.BadParameter(str(e), param_hint="'--zet'") from None
    except ValueError as e:
        raise click.UsageError(str(e)) from None
    meld_notities(na.invoer.notities)
    if als_json:
        from dataclasses import asdict

        from evaluatie.gunning.uitvoer import als_dict

        echo_json(
            {
                "zet": list(zetten),
                "verschillen": [asdict(v) for v in verschillen],
                "voor": als_dict(_voor.uitslag),
                "na": als_dict(na.uitslag),
                "open_punten": [p.als_dict() for p in _scenario_open(na)],
            }
        )
        return
    toon("Scenario: " + "; ".join(zetten), volledig)
    toon(als_tekst(verschillen), volledig)
    open_ = _scenario_open(na)
    if open_:
        toon(
            "Open in dit scenario: de uitkomst hierboven is voorlopig, want in de gunning zou eerst besloten "
            "moeten worden over:",
            volledig,
        )
        for p in open_:
            toon(f"- {p.tekst}", volledig)


def _scenario_open(award: Any) -> list[Any]:
    """The decisions the what-if's outcome still waits for (a stale decision, a tie, a low bid, a keurmerk, an
    exclusion ground); the letters' details (sender, court) are no part of a what-if."""
    soorten = ("verouderd", "loting", "abnormaal", "uitsluiting", "keurmerk")
    return [p for p in award.open_punten if p.soort in soorten]


@main.command("controleer")
@werkmap_optie
@volledig_optie
@json_optie
@afhandeling
def controleer(werkmap: Path, volledig: bool, als_json: bool) -> None:
    """Voer de laatste gunning opnieuw uit en controleer of alles byte voor byte gelijk is."""
    from evaluatie.controle import controleer as voer_uit

    c = voer_uit(_werkmap(werkmap, leest_alleen=True))
    meld_notities(c.notities)
    if als_json:
        echo_json(
            {
                "commando": c.commando,
                "tijd": c.tijd,
                "in_orde": c.in_orde,
                "gereproduceerd": c.gereproduceerd,
                "invoer_gewijzigd": c.invoer_gewijzigd,
                "uitvoer_gewijzigd": c.uitvoer_gewijzigd,
                "niet_gereproduceerd": c.niet_gereproduceerd,
                "code_gewijzigd": c.code_gewijzigd,
                "niet_actueel": c.niet_actueel,
                "niet_van_deze_gunning": c.niet_van_deze_gunning,
                "dossier_gewijzigd": c.dossier_gewijzigd,
                "dossier_niet_actueel": c.dossier_verouderd,
                "open_punten": c.open_punten,
            }
        )
        if c.in_orde:
            return
        raise EvaluatieFout([_niet_in_orde(c).removesuffix(" (zie hierboven)")])
    click.echo(f"Controle van '{c.commando}' van {c.tijd}")
    if c.code_gewijzigd:
        toon(f"Code gewijzigd: {c.code_gewijzigd}", volledig)
    for kop, regels in (
        ("Invoer gewijzigd", c.invoer_gewijzigd),
        ("Uitvoer gewijzigd", c.uitvoer_gewijzigd),
        ("Niet van deze gunning", c.niet_van_deze_gunning),
        ("Niet gereproduceerd", c.niet_gereproduceerd),
        ("Contractdossier gewijzigd", c.dossier_gewijzigd),
        ("Contractdossier niet actueel", c.dossier_verouderd),
        ("Rapporten niet actueel", c.niet_actueel),
    ):
        if regels:
            from evaluatie.weergave import MAX_RIJEN

            click.echo(f"{kop}:")
            for r in regels if volledig else regels[:MAX_RIJEN]:
                toon(f"  {r}", volledig)
            if not volledig and len(regels) > MAX_RIJEN:
                click.echo(f"  ... en nog {len(regels) - MAX_RIJEN} (--volledig toont alles)")
    if c.in_orde:
        click.echo(f"In orde: alle {c.gereproduceerd} uitvoerbestanden zijn byte voor byte gereproduceerd.")
        from evaluatie.tekst import aantal

        if c.open_punten:  # a reproduced concept never reads as an award ready to send
            toon(
                "De gereproduceerde gunning is een CONCEPT (geen brieven): "
                f"{aantal(str(len(c.open_punten)), 'open punt', 'open punten')}, zie "
                "hieronder; 'evaluatie gunning' schrijft de brieven zodra niets meer open staat.",
                volledig,
            )
            for p in c.open_punten:
                toon(f"- {p.get('tekst', '')}", volledig)
                toon(f"    {p.get('commando', '')}", volledig)
        if c.dossier_gecontroleerd:
            delen = [f"{n} in {waar}" for waar, n in c.dossier_gecontroleerd.items()]
            delen[0] = delen[0].replace(" in ", " stukken in ", 1)  # '127 stukken in contract/dossier en 127 in ...'
            click.echo(f"Contractdossier in orde: {' en '.join(delen)}, alle met de juiste SHA-256.")
        return
    raise EvaluatieFout([_niet_in_orde(c)])


def _niet_in_orde(c: Any) -> str:
    """Why the check failed: with unchanged inputs and other code, the code is the likely cause, not the files; with
    the award reproduced, the marker of a failed later award or the contract dossier."""
    if not (c.invoer_gewijzigd or c.uitvoer_gewijzigd or c.niet_gereproduceerd):
        if c.niet_actueel:
            return "de rapporten zijn gemarkeerd als niet actueel: een latere gunning is niet afgerond (zie hierboven)"
        if c.niet_van_deze_gunning:
            return "in de rapporten staan bestanden die de gunning niet schreef; verstuur ze niet (zie hierboven)"
        if c.dossier_gewijzigd:
            return "het contractdossier klopt niet meer met zijn index (zie hierboven)"
        if c.dossier_verouderd:
            return (
                "het contractdossier is niet actueel: wat hierboven staat, is na het opmaken vastgelegd; maak het "
                "opnieuw met 'evaluatie contract dossier' (zie hierboven)"
            )
    if c.code_gewijzigd and c.niet_gereproduceerd and not (c.invoer_gewijzigd or c.uitvoer_gewijzigd):
        return (
            "de gunning is niet gereproduceerd; de invoer is ongewijzigd, maar de code verschilt van die van de "
            "gunning (zie hierboven): controleer met de versie van de gunning"
        )
    return "de gunning is niet reproduceerbaar uit de huidige bestanden (zie hierboven)"


def toets_json(uitslag: Toetsuitslag) -> dict[str, Any]:
    return {
        "resultaten": [
            {
                "inschrijver": r.inschrijver,
                "perceel": r.perceel,
                "status": r.status,
                "redenen": r.redenen,
                "bevindingen": [b.model_dump(mode="json") for b in r.bevindingen],
            }
            for r in uitslag.resultaten
        ]
    }


def _voeg_besluitcommandos_toe() -> None:
    from evaluatie.besluiten.commando import voeg_commandos_toe

    voeg_commandos_toe(main, afhandeling, werkmap_optie, _werkmap, echo_json)


_voeg_besluitcommandos_toe()


def _contract() -> click.Command:
    """The contract phase: its own group, imported only when `evaluatie contract` runs or is listed."""
    from evaluatie.contract.cli import contract

    return contract


main.voeg_uitgesteld_toe("contract", _contract)

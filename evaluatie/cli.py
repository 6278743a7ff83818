"""Command line: parses options and prints. All work is done in evaluatie.pipeline and the stages.

Heavy libraries (pandas, pulp, matplotlib) are imported inside the commands so that
`evaluatie --help` starts fast.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from evaluatie import __version__
from evaluatie.fouten import EXIT_EVALUATIE, EXIT_INVOER, EvaluatieFout, InvoerFout
from evaluatie.verdeling.oplosser import OPLOSSERS, STANDAARD
from evaluatie.werkmap import Werkmap

werkmap_optie = click.option(
    "--werkmap",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default="huidige map",
    help="Map van de aanbesteding (aanbesteding.yaml, inschrijvingen/, beoordelingen/, rapporten/).",
)
json_optie = click.option("--json", "als_json", is_flag=True, help="Uitvoer als JSON.")


def afhandeling(f: Callable[..., Any]) -> Callable[..., Any]:
    """Turn our error types into Dutch messages and exit codes (2 invoer, 1 evaluatie)."""

    @functools.wraps(f)
    def omhulsel(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except InvoerFout as e:
            click.echo(f"Fouten in de invoer ({len(e.fouten)}):", err=True)
            for fout in e.fouten:
                click.echo(f"  {fout}", err=True)
            sys.exit(EXIT_INVOER)
        except EvaluatieFout as e:
            click.echo("De evaluatie kan niet worden afgerond:", err=True)
            for m in e.meldingen:
                click.echo(f"  {m}", err=True)
            sys.exit(EXIT_EVALUATIE)

    return omhulsel


def _werkmap(pad: Path) -> Werkmap:
    if not (pad / "aanbesteding.yaml").is_file():
        raise click.UsageError(f"{pad}: geen aanbesteding.yaml gevonden; geef de juiste --werkmap op")
    return Werkmap(pad)


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="evaluatie", message="%(prog)s %(version)s")
def main() -> None:
    """Beoordeling en gunning van gezamenlijke inkoop van inburgeringsroutes."""


@main.group()
def template() -> None:
    """Schrijf lege formulieren voor inschrijvers of beoordelaars."""


@template.command("inschrijving")
@werkmap_optie
@afhandeling
def template_inschrijving(werkmap: Path) -> None:
    """Schrijf inschrijfformulier.xlsx voor de inschrijvers."""
    from evaluatie.pipeline import schrijf_inschrijfformulier

    pad = schrijf_inschrijfformulier(_werkmap(werkmap))
    click.echo(f"Geschreven: {pad}")


@template.command("beoordeling")
@werkmap_optie
@click.option("--overschrijven", is_flag=True, help="Ook bestaande (ingevulde) formulieren vervangen.")
@afhandeling
def template_beoordeling(werkmap: Path, overschrijven: bool) -> None:
    """Schrijf per beoordelaar een blind beoordelingsformulier in beoordelingen/."""
    from evaluatie.pipeline import schrijf_beoordelingsformulieren

    geschreven, behouden = schrijf_beoordelingsformulieren(_werkmap(werkmap), overschrijven)
    for p in geschreven:
        click.echo(f"Geschreven: {p}")
    for p in behouden:
        click.echo(f"Bestaat al, niet overschreven: {p} (gebruik --overschrijven)")


@main.command("beoordelingen")
@werkmap_optie
@json_optie
@afhandeling
def beoordelingen(werkmap: Path, als_json: bool) -> None:
    """Lees de beoordelingen van het panel en bereken de kwaliteitsscores."""
    from evaluatie.logboek import registreer
    from evaluatie.pipeline import beoordeel, laad_invoer
    from evaluatie.weergave import panel_tekst

    invoer = laad_invoer(_werkmap(werkmap))
    b = beoordeel(invoer)
    registreer(invoer.werkmap, "beoordelingen", {}, invoer.bestanden + b.bestanden)
    if als_json:
        echo_json(b.panel.model_dump(mode="json"))
        return
    click.echo(panel_tekst(invoer.aanbesteding, b.panel))


@main.command("inschrijvingen")
@werkmap_optie
@json_optie
@afhandeling
def inschrijvingen(werkmap: Path, als_json: bool) -> None:
    """Lees en controleer alle inschrijvingen in inschrijvingen/."""
    from evaluatie.pipeline import laad_invoer
    from evaluatie.weergave import inschrijvingen_tabel

    invoer = laad_invoer(_werkmap(werkmap))
    if als_json:
        echo_json(
            {
                "inschrijvingen": [i.model_dump(mode="json") for i in invoer.inschrijvingen],
                "invoer": [b.model_dump() for b in invoer.bestanden],
            }
        )
        return
    for n in invoer.notities:
        click.echo(f"Let op: {n}", err=True)
    click.echo(inschrijvingen_tabel(invoer.aanbesteding, invoer.inschrijvingen))


@main.command("toets")
@werkmap_optie
@json_optie
@afhandeling
def toets(werkmap: Path, als_json: bool) -> None:
    """Knock-outtoets: welke inschrijvingen voldoen per perceel."""
    from evaluatie.logboek import registreer
    from evaluatie.pipeline import laad_invoer, toets_met_beoordeling
    from evaluatie.weergave import toets_tabel

    invoer = laad_invoer(_werkmap(werkmap))
    uitslag = toets_met_beoordeling(invoer)
    registreer(invoer.werkmap, "toets", {}, invoer.bestanden)
    if als_json:
        echo_json(toets_json(uitslag))
        return
    click.echo(toets_tabel(invoer.aanbesteding, uitslag))


def _percelen_optie(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--lots",
        "--percelen",
        "percelen",
        default=None,
        help="Percelen, gescheiden door komma's (B1,onderwijs,Z,PVT,MAP); standaard alle.",
    )(f)


def _oplosser_opties(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option(
        "--solver",
        "oplosser",
        type=click.Choice(OPLOSSERS),
        default=STANDAARD,
        show_default=True,
        help="Oplosser voor iedere stap van de verdeling: auto (CBC voor de samengevoegde modellen, "
        "HiGHS voor de rest), highs of cbc.",
    )(f)
    return click.option(
        "--tijdslimiet",
        type=click.FloatRange(min=0.1),
        default=None,
        help="Maximale rekentijd per oplosstap in seconden.",
    )(f)


def _gun(werkmap: Path, percelen: str | None, oplosser: str, tijdslimiet: float | None, **kw: Any) -> Any:
    from evaluatie.pipeline import gun

    try:
        return gun(_werkmap(werkmap), percelen, oplosser, tijdslimiet, **kw)
    except ValueError as e:
        raise click.UsageError(str(e)) from None


@main.command("gunning")
@werkmap_optie
@_percelen_optie
@json_optie
@_oplosser_opties
@click.option("--geen-rapport", is_flag=True, help="Alleen gunning.json, geen rapporten.")
@afhandeling
def gunning(
    werkmap: Path, percelen: str | None, als_json: bool, oplosser: str, tijdslimiet: float | None, geen_rapport: bool
) -> None:
    """Rangorde en verdeling per perceel (beste prijs-kwaliteitverhouding, lineaire programmering)."""
    from evaluatie.gunning.uitvoer import als_dict
    from evaluatie.logboek import registreer
    from evaluatie.pipeline import schrijf_gunning_json, schrijf_rapporten
    from evaluatie.rapport.gegevens import tijdstempel as maak_tijdstempel
    from evaluatie.weergave import gunning_tekst

    award = _gun(werkmap, percelen, oplosser, tijdslimiet)
    stempel = maak_tijdstempel()
    pad = schrijf_gunning_json(award)
    geschreven = [] if geen_rapport else schrijf_rapporten(award, oplosser, stempel)
    opties = {"lots": percelen, "solver": oplosser, "tijdslimiet": tijdslimiet, "geen_rapport": geen_rapport}
    registreer(award.invoer.werkmap, "gunning", opties, award.uitslag.invoer, [pad, *geschreven], stempel)
    if als_json:
        echo_json(als_dict(award.uitslag))
        return
    click.echo(gunning_tekst(award.uitslag))
    click.echo(f"\nGeschreven: {pad}")
    if geschreven:
        click.echo(f"Rapporten: {len(geschreven)} bestanden in {pad.parent}")


@main.command("rapport")
@werkmap_optie
@_percelen_optie
@_oplosser_opties
@afhandeling
def rapport(werkmap: Path, percelen: str | None, oplosser: str, tijdslimiet: float | None) -> None:
    """Schrijf gunningsadvies, gunningsbeslissingen per inschrijver en overzichten per gemeente."""
    from evaluatie.logboek import registreer
    from evaluatie.pipeline import schrijf_gunning_json, schrijf_rapporten
    from evaluatie.rapport.gegevens import tijdstempel as maak_tijdstempel

    award = _gun(werkmap, percelen, oplosser, tijdslimiet)
    stempel = maak_tijdstempel()
    geschreven = [schrijf_gunning_json(award), *schrijf_rapporten(award, oplosser, stempel)]
    for pad in geschreven:
        click.echo(f"Geschreven: {pad}")
    opties = {"lots": percelen, "solver": oplosser, "tijdslimiet": tijdslimiet, "geen_rapport": False}
    registreer(award.invoer.werkmap, "rapport", opties, award.uitslag.invoer, geschreven, stempel)


@main.command("zekerheid")
@werkmap_optie
@_percelen_optie
@json_optie
@_oplosser_opties
@click.option(
    "--trekkingen",
    type=click.IntRange(min=100),
    default=10_000,
    show_default=True,
    help="Aantal Monte Carlo-trekkingen.",
)
@afhandeling
def zekerheid(
    werkmap: Path, percelen: str | None, als_json: bool, oplosser: str, tijdslimiet: float | None, trekkingen: int
) -> None:
    """Hoe zeker is de gunning: beoordelaar weglaten, scores verstoren, marge tot winnen."""
    from evaluatie.logboek import registreer
    from evaluatie.weergave import zekerheid_tekst
    from evaluatie.zekerheid.uitvoeren import zekerheid as bereken

    award = _gun(werkmap, percelen, oplosser, tijdslimiet)
    uitkomst = bereken(award, oplosser, trekkingen)
    opties = {"lots": percelen, "solver": oplosser, "tijdslimiet": tijdslimiet, "trekkingen": trekkingen}
    registreer(award.invoer.werkmap, "zekerheid", opties, award.uitslag.invoer)
    if als_json:
        echo_json({code: z.model_dump(mode="json") for code, z in uitkomst.items()})
        return
    click.echo(zekerheid_tekst(award.invoer.aanbesteding, uitkomst))


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
@afhandeling
def scenario(
    werkmap: Path, percelen: str | None, oplosser: str, tijdslimiet: float | None, zetten: tuple[str, ...]
) -> None:
    """Wat als: de gunning opnieuw met gewijzigde regels, naast de uitgangssituatie."""
    from evaluatie.logboek import registreer
    from evaluatie.pipeline import scenario as bereken
    from evaluatie.scenario.verschil import als_tekst
    from evaluatie.scenario.zet import ZetFout

    try:
        voor, _, verschillen = bereken(_werkmap(werkmap), list(zetten), percelen, oplosser, tijdslimiet)
    except (ZetFout, ValueError) as e:
        raise click.UsageError(str(e)) from None
    opties = {"lots": percelen, "solver": oplosser, "tijdslimiet": tijdslimiet, "zet": list(zetten)}
    registreer(voor.invoer.werkmap, "scenario", opties, voor.uitslag.invoer)
    click.echo("Scenario: " + "; ".join(zetten))
    click.echo(als_tekst(verschillen))


@main.command("controleer")
@werkmap_optie
@afhandeling
def controleer(werkmap: Path) -> None:
    """Voer de laatste gunning opnieuw uit en controleer of alles byte voor byte gelijk is."""
    from evaluatie.controle import controleer as voer_uit

    c = voer_uit(_werkmap(werkmap))
    click.echo(f"Controle van '{c.commando}' van {c.tijd}")
    for kop, regels in (
        ("Invoer gewijzigd", c.invoer_gewijzigd),
        ("Uitvoer gewijzigd", c.uitvoer_gewijzigd),
        ("Niet gereproduceerd", c.niet_gereproduceerd),
    ):
        if regels:
            click.echo(f"{kop}:")
            for r in regels:
                click.echo(f"  {r}")
    if c.in_orde:
        click.echo(f"In orde: alle {c.gereproduceerd} uitvoerbestanden zijn byte voor byte gereproduceerd.")
        return
    raise EvaluatieFout(["de gunning is niet reproduceerbaar uit de huidige bestanden (zie hierboven)"])


def toets_json(uitslag: Any) -> dict[str, Any]:
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

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
    from evaluatie.pipeline import beoordeel, laad_invoer
    from evaluatie.weergave import panel_tekst

    invoer = laad_invoer(_werkmap(werkmap))
    b = beoordeel(invoer)
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
        echo_json({
            "inschrijvingen": [i.model_dump(mode="json") for i in invoer.inschrijvingen],
            "invoer": [b.model_dump() for b in invoer.bestanden],
        })
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
    from evaluatie.pipeline import laad_invoer, toets_met_beoordeling
    from evaluatie.weergave import toets_tabel

    invoer = laad_invoer(_werkmap(werkmap))
    uitslag = toets_met_beoordeling(invoer)
    if als_json:
        echo_json(toets_json(uitslag))
        return
    click.echo(toets_tabel(invoer.aanbesteding, uitslag))


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

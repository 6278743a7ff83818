"""`--json`: every command accepts it, and stdout holds exactly one JSON document, also on early errors."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import LOTING_WIE


def _commando_s(groep: click.Group, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    ctx = click.Context(groep)  # through list_commands/get_command: a command loaded only on use is included
    for naam in groep.list_commands(ctx):
        cmd = groep.get_command(ctx, naam)
        assert cmd is not None, naam
        if isinstance(cmd, click.Group):
            yield from _commando_s(cmd, (*prefix, naam))
        else:
            yield (*prefix, naam), cmd


def test_ieder_commando_kent_json() -> None:
    zonder = [" ".join(n) for n, cmd in _commando_s(main) if not any(p.name == "als_json" for p in cmd.params)]
    assert zonder == []


def test_later_toegevoegd_commando_kent_json() -> None:
    """A command another module adds (a plain click.Command) still answers --json with one document."""

    @click.command("proef-json")
    def proef() -> None:
        click.echo("regel een")
        click.echo("regel twee")

    main.add_command(proef)
    try:
        res = CliRunner().invoke(main, ["proef-json", "--json"])
        assert res.exit_code == 0
        assert json.loads(res.stdout) == {"uitvoer": ["regel een", "regel twee"]}
    finally:
        main.commands.pop("proef-json")


def test_later_toegevoegde_groep_kent_json() -> None:
    """A command group of another module (plain click.Group with plain commands) gets --json too."""

    @click.group("proef-groep")
    def groep() -> None:
        """Proef."""

    @groep.command("lijst")
    def lijst() -> None:
        click.echo("een")

    main.add_command(groep)

    @groep.command("later")
    def later() -> None:
        click.echo("twee")

    try:
        for naam, regel in (("lijst", "een"), ("later", "twee")):
            res = CliRunner().invoke(main, ["proef-groep", naam, "--json"])
            assert res.exit_code == 0, res.output
            assert json.loads(res.stdout) == {"uitvoer": [regel]}
        res = CliRunner().invoke(main, ["proef-groep", "lijst", "--onbekend", "--json"])
        assert res.exit_code == 2 and list(json.loads(res.stdout)) == ["fouten"]
    finally:
        main.commands.pop("proef-groep")


def _een_document(stdout: str) -> object:
    return json.loads(stdout)  # raises on nothing, on text, or on two documents


@pytest.fixture(scope="module")
def gegund(voorbeeld_bron: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("json") / "vb"
    shutil.copytree(voorbeeld_bron, root)
    assert CliRunner().invoke(main, ["gunning", "--werkmap", str(root)]).exit_code == 0
    return root


@pytest.mark.parametrize(
    "args",
    [
        ["regio"],
        ["regio", "Flevoland"],
        ["controleer"],
        ["rapport", "--lots", "Z"],
        ["scenario", "--lots", "Z", "--zet", "percelen.Z.plafondprijs=12000"],
        ["template", "inschrijving"],
        ["template", "systematiek"],
        ["template", "beoordeling"],
        ["template", "consensus"],
        ["toets"],
    ],
    ids=lambda a: " ".join(a),
)
def test_een_document_bij_succes(args: list[str], gegund: Path) -> None:
    werkmap = [] if args[0] == "regio" else ["--werkmap", str(gegund)]
    res = CliRunner().invoke(main, [*args, *werkmap, "--json"])
    assert res.exit_code == 0, res.output
    data = _een_document(res.stdout)
    assert isinstance(data, dict) and data


def test_json_voor_het_commando(gegund: Path) -> None:
    res = CliRunner().invoke(main, ["--json", "regio", "Flevoland"])
    assert res.exit_code == 0 and _een_document(res.stdout)["regio"] == "Flevoland"  # type: ignore[index]


@pytest.mark.parametrize(
    ("args", "plaats"),
    [
        (["gunning", "--lots", "X9"], "--lots"),
        (["gunning", "--solver", "foo"], "--solver"),
        (["zekerheid", "--trekkingen", "5"], "--trekkingen"),
        # a lot the tender lacks, or a --zet that is no change, named the option '' in zekerheid and scenario
        (["zekerheid", "--lots", "X9"], "--lots"),
        (["scenario", "--lots", "X9", "--zet", "percelen.B1.weging.prijs=40"], "--lots"),
        (["scenario", "--zet", "percelen.B1.weging.prijs"], "--zet"),
        (["scenario", "--zet", "percelen.B1.gunningscriteria.K9.weging=30"], "--zet"),
        (["scenario", "--lots", "B1", "--zet", "percelen.Z.plafondprijs=9000"], "--zet"),
        # an empty --lots (an unset variable in a script) awarded every lot, as if the option were left out
        (["gunning", "--lots", ""], "--lots"),
        (["zekerheid", "--lots", ""], "--lots"),
        (
            ["loting", "--lots", "B1", "--volgorde", "A;B", "--datum", "2021-02-30", "--getuige", "x", *LOTING_WIE],
            "--datum",
        ),
        (["gunning", "--onbekend"], "--onbekend"),
        (["regio", "Atlantis"], "regio"),
    ],
    ids=lambda a: " ".join(a) if isinstance(a, list) else a,
)
def test_een_document_bij_vroege_fout(args: list[str], plaats: str, gegund: Path) -> None:
    werkmap = [] if args[0] == "regio" else ["--werkmap", str(gegund)]
    res = CliRunner().invoke(main, [*args, *werkmap, "--json"])
    assert res.exit_code == 2, res.output
    data = _een_document(res.stdout)
    assert isinstance(data, dict) and list(data) == ["fouten"]
    assert plaats in [f["plaats"] for f in data["fouten"]]  # a decision command names every wrong option
    assert res.stderr.strip(), "de melding voor mensen staat op stderr"


def test_werkmap_zonder_aanbesteding(tmp_path: Path) -> None:
    """The README: a folder without aanbesteding.yaml gives one document with the option as "plaats" (it was "",
    in the award and in the contract commands alike)."""
    for opdracht in (["gunning"], ["contract", "stand"]):
        res = CliRunner().invoke(main, [*opdracht, "--werkmap", str(tmp_path), "--json"])
        assert res.exit_code == 2
        fouten = _een_document(res.stdout)["fouten"]  # type: ignore[index]
        assert [f["plaats"] for f in fouten] == ["--werkmap"], fouten
        assert fouten[0]["bericht"].startswith(
            f"{tmp_path}: geen aanbesteding.yaml gevonden; geef de juiste --werkmap op"
        )


def test_pydantic_meldingen_in_het_nederlands() -> None:
    from pydantic import BaseModel, Field, ValidationError, field_validator

    from evaluatie.pydantictaal import bericht

    class Model(BaseModel):
        aantal: int = Field(gt=0)
        naam: str
        datum: str = "x"

        @field_validator("datum")
        @classmethod
        def _datum(cls, v: str) -> str:
            raise ValueError("verwacht JJJJ-MM-DD")

    with pytest.raises(ValidationError) as fout:
        Model.model_validate({"aantal": -1, "datum": "morgen"})
    assert [bericht(dict(e)) for e in fout.value.errors()] == [
        "moet groter dan 0 zijn, kreeg -1",
        "ontbreekt",
        "verwacht JJJJ-MM-DD",
    ]


@pytest.mark.parametrize("args", [["--help", "--json"], ["gunning", "--help", "--json"], ["--version", "--json"]])
def test_hulp_en_versie_met_json(args: list[str]) -> None:
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    regels = json.loads(res.stdout)["uitvoer"]
    assert any("Gebruik:" in r or r.startswith("evaluatie ") for r in regels)


def test_contract_pas_geladen_bij_gebruik_en_toch_overal() -> None:
    """`evaluatie contract` is loaded only when used (evaluatie.clijson.Hoofdgroep), and is then a full command."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from evaluatie.cli import main\n"
        "print('evaluatie.contract.cli' in sys.modules)\n"
        "import click\n"
        "print('contract' in main.list_commands(click.Context(main)))\n"
        "print('evaluatie.contract.cli' in sys.modules)\n"
        "main.get_command(click.Context(main), 'contract')\n"
        "print('evaluatie.contract.cli' in sys.modules)\n"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert uit == ["False", "True", "False", "True"]
    res = CliRunner().invoke(main, ["contrac"])
    assert res.exit_code == 2 and "Bedoelt u 'contract'?" in res.output


def test_iedere_foute_optie_tegelijk_genoemd(gegund: Path) -> None:
    """Click stops at the first wrong option: 'gunning --solver foo --onbekend' named --solver only, the user fixed
    it, ran again and only then heard of --onbekend. Every option error click finds is named at once now (the
    standard for all input): unknown options first, then the values in the order typed; in the text and as one
    entry each with --json. One error reads as before."""
    args = ["zekerheid", "--werkmap", str(gegund), "--trekkingen", "5", "--solver", "foo", "--onbekend", "--zaad=3"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 2 and "Traceback" not in res.output
    fout = res.output.split("Fout: ", 1)[1]
    assert [r for r in fout.splitlines() if r.strip()] == [
        "Onbekende optie '--onbekend'.",
        "Onbekende optie '--zaad'.",
        "Ongeldige waarde voor '--trekkingen': 5 ligt niet in het bereik 100<=x<=1000000.",
        "Ongeldige waarde voor '--solver': 'foo' is geen van 'auto', 'highs', 'cbc'.",
    ]
    res = CliRunner().invoke(main, [*args, "--json"])
    assert res.exit_code == 2
    fouten = _een_document(res.stdout)["fouten"]  # type: ignore[index]
    assert [f["plaats"] for f in fouten] == ["--onbekend", "--zaad", "--trekkingen", "--solver"]
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(gegund), "--solver", "foo"])
    assert res.exit_code == 2 and res.output.split("Fout: ", 1)[1].strip() == (
        "Ongeldige waarde voor '--solver': 'foo' is geen van 'auto', 'highs', 'cbc'."
    )

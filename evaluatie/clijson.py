"""`--json` for every command, honoured from the first line of argument parsing.

The README promises exactly one JSON document on stdout with `--json`, also on error. Errors
that happen before a command runs (an unknown option, `--solver foo`, `--trekkingen 5`, a werkmap
without aanbesteding.yaml) are click's own and used to print only a text on stderr. Here:

- `Hoofdgroep.main` looks for `--json` in the raw arguments before click parses anything, and
  turns every click error into `{"fouten": [{"plaats": <option>, "bericht": ...}]}` on stdout
  (the text still goes to stderr), with click's exit code (2 for usage errors);
- `Commando` (the class of every command of the group and its subgroups, also ones added later)
  gives each command a `--json` flag. A command that declares `als_json` itself prints its own
  document; for any other command the lines it prints are collected and printed as
  `{"uitvoer": [...]}`, so no command can break the promise;
- `--json` may also stand before the command (`evaluatie --json gunning`).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

_toestand = {"json": False, "geschreven": False}
_uit: list[Any] = []  # the real stdout while a command's plain lines are being collected (see Commando)
_erbij: dict[str, Any] = {}  # keys a command without a JSON form of its own adds beside "uitvoer" (erbij_in_json)


def erbij_in_json(sleutel: str, waarde: Any) -> None:
    """A value for the one document of a command whose JSON is its lines ({"uitvoer": [...]}): a decision command
    adds the decision as recorded, so a script reads its id instead of parsing the sentence. Written when the command
    ends (its output is collected while fd 1 points at /dev/null); without --json it is not used."""
    _erbij[sleutel] = waarde


def json_gevraagd() -> bool:
    """Whether this run asked for --json (anywhere on the command line)."""
    return _toestand["json"]


def echo_json(data: Any) -> None:
    """The one JSON document of this run on stdout."""
    _toestand["geschreven"] = True
    from evaluatie.onzichtbaar import json_veilig
    from evaluatie.stdout import werkt

    if not werkt():  # stdout failed (its reader is gone, the disk is full): the error is said on stderr
        return

    tekst = json_veilig(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False))
    click.echo(tekst, file=_uit[-1] if _uit else None)


def json_geschreven() -> bool:
    return _toestand["geschreven"]


def _vraagt_json(args: Sequence[str]) -> bool:
    for a in args:
        if a == "--":
            return False
        if a == "--json":
            return True
    return False


class Gebruiksfouten(click.UsageError):
    """Several wrong options at once (a decision command's Optiefouten): the message holds one line each; with
    --json each is its own entry with its option as the place, as every other input error."""

    def __init__(self, regels: Sequence[tuple[str, str]], ctx: click.Context | None = None) -> None:
        super().__init__("\n".join(regel for _, regel in regels), ctx)
        self.regels = list(regels)

    def als_json(self) -> list[dict[str, str]]:
        uit = []
        for plaats, regel in self.regels:
            bericht = regel[len(plaats) + 2 :] if plaats and regel.startswith(f"{plaats}: ") else regel
            uit.append({"plaats": plaats, "bericht": bericht})
        return uit


def _plaats(e: click.ClickException) -> str:
    """The option or argument a click error is about ('--solver'), or ''."""
    param = getattr(e, "param", None)
    if isinstance(param, click.Argument):  # as the help names it ('MAP'), not the Python name ('map_')
        return param.human_readable_name
    if param is not None:
        opts = getattr(param, "opts", None) or [param.human_readable_name]
        return str(opts[0])
    hint = getattr(e, "param_hint", None)
    if isinstance(hint, str):
        return hint.strip("'\"")
    if isinstance(hint, Sequence) and hint:
        return str(hint[0]).strip("'\"")
    return getattr(e, "option_name", None) or ""


def _json_optie() -> click.Option:
    return click.Option(["--json", "als_json"], is_flag=True, help="Uitvoer als JSON (één document op stdout).")


def _optiefouten(cmd: click.Command, ctx: click.Context, args: list[str]) -> list[click.UsageError]:
    """Every error click finds in a command's arguments, where click itself raises the first only: unknown
    options (each is left out and the parse repeated), then each option's value in the order typed. A trial on a
    context of its own: eager options (--help) are not run, nothing is kept."""
    from click.core import iter_params_for_processing

    proef = cmd.context_class(cmd, info_name=ctx.info_name, parent=ctx.parent)
    fouten: list[click.UsageError] = []
    rest = list(args)
    while True:
        try:
            opts, over, volgorde = cmd.make_parser(proef).parse_args(args=list(rest))
            break
        except click.NoSuchOption as e:
            fouten.append(e)
            naam = e.option_name
            plek = next((i for i, a in enumerate(rest) if a == naam or a.startswith(f"{naam}=")), None)
            if plek is None:
                return fouten
            del rest[plek]
        except click.UsageError as e:  # an option without its value: the rest cannot be told apart
            return [*fouten, e]
    params = cmd.get_params(proef)
    if any(p.is_eager and p.name in opts for p in params):  # --help asked: click shows it, whatever else is wrong
        return fouten
    for param in iter_params_for_processing(volgorde, params):
        if param.is_eager:
            continue
        try:
            _, over = param.handle_parse_result(proef, opts, over)
        except click.UsageError as e:
            fouten.append(e)
    return fouten


class Commando(click.Command):
    """A command that always accepts --json (see module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from evaluatie.clipad import TEKST

        for p in self.params:  # every text option refuses text that is no UTF-8 (a reason typed in a Latin-1 terminal)
            if type(p.type) is click.types.StringParamType:
                p.type = TEKST
        self.eigen_json = any(p.name == "als_json" for p in self.params)
        if not self.eigen_json:
            self.params.append(_json_optie())

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """As click's, but with several wrong options every one is named (Gebruiksfouten), not the first only;
        one reads as click says it. The left-over value of an unknown option is not reported as an extra argument:
        whether '--zaad 3' meant '3' as its value is not known."""
        if not ctx.resilient_parsing and args:
            fouten = _optiefouten(self, ctx, args)
            if len(fouten) > 1:
                raise Gebruiksfouten([(_plaats(e), e.format_message()) for e in fouten], ctx)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        gevraagd = bool(ctx.params.get("als_json")) or json_gevraagd()
        if gevraagd:
            _toestand["json"] = True
        _controleer_omgeving()  # after --json is known: the error is then its one document
        if self.eigen_json:
            ctx.params["als_json"] = gevraagd
            return super().invoke(ctx)
        ctx.params.pop("als_json", None)
        if not gevraagd:
            return super().invoke(ctx)
        opgevangen = io.StringIO()
        _uit.append(sys.stdout)  # an error's JSON document (cliafhandeling) goes to the real stdout
        clickfout = False
        try:
            with contextlib.redirect_stdout(opgevangen):
                return super().invoke(ctx)
        except click.ClickException:
            clickfout = True  # Hoofdgroep.main writes the error as the one document
            raise
        finally:
            _uit.pop()
            erbij = dict(_erbij)
            _erbij.clear()
            if not clickfout and not json_geschreven():
                echo_json({"uitvoer": [r for r in opgevangen.getvalue().splitlines() if r.strip()], **erbij})


class Omgevingsfout(click.ClickException):
    """An environment variable of evaluatie with a value it cannot read: bad input (exit 2), before any work."""

    exit_code = 2

    def __init__(self, variabele: str, bericht: str) -> None:
        super().__init__(bericht)
        self.option_name = variabele  # the place in --json (_plaats)


def _controleer_omgeving() -> None:
    """EVALUATIE_PROCESSEN is read where work is shared over processes, deep in a command; a value it cannot read is
    said before the command starts, whatever the command (evaluatie.parallel.gevraagde_processen)."""
    from evaluatie.parallel import VARIABELE, OngeldigAantalProcessen, gevraagde_processen

    try:
        gevraagde_processen()
    except OngeldigAantalProcessen as e:
        raise Omgevingsfout(VARIABELE, str(e)) from None


class Groep(click.Group):
    """A group whose commands and subgroups get --json (Commando) too."""

    command_class = Commando
    group_class = type  # subgroups are of this same class

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        _met_json(cmd)
        super().add_command(cmd, name)


def _groepsoptie() -> click.Option:
    """--json before a command ('evaluatie --json gunning', 'evaluatie contract --json stand'): noted here,
    honoured by the command."""
    return click.Option(
        ["--json", "als_json"],
        is_flag=True,
        expose_value=False,
        is_eager=True,
        help="Uitvoer van ieder commando als JSON (ook als optie van het commando).",
        callback=lambda ctx, param, waarde: _toestand.update(json=True) if waarde else None,
    )


def _met_json(cmd: click.Command) -> None:
    """Give a command made elsewhere (a plain click.Command or click.Group, e.g. a command group of
    another module) --json: its class becomes a Commando or Groep subclass, its subcommands too."""
    if isinstance(cmd, click.Group):
        if not isinstance(cmd, Groep):
            cmd.__class__ = type("Groep" + type(cmd).__name__, (Groep, type(cmd)), {})
        if not any(p.name == "als_json" for p in cmd.params):
            cmd.params.append(_groepsoptie())
        for sub in list(cmd.commands.values()):
            _met_json(sub)
        return
    if isinstance(cmd, Commando):
        return
    eigen = any(p.name == "als_json" for p in cmd.params)
    if not eigen:
        cmd.params.append(_json_optie())
    cmd.__class__ = type("Commando" + type(cmd).__name__, (Commando, type(cmd)), {})
    cmd.eigen_json = eigen  # type: ignore[attr-defined]


class Hoofdgroep(Groep):
    """The `evaluatie` group: click errors become one JSON document when --json was asked.

    A command of its own module (the contract phase) can be registered `uitgesteld`: its module is
    imported only when that command runs or a listing (`evaluatie --help`) asks for it, the lazy
    loading click documents (list_commands and get_command), so an award does not import the
    contract phase's command line (1 ms, issue #24). Enumerate commands through those two methods,
    not through `commands`, which holds only what was loaded."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.append(_groepsoptie())
        self.uitgesteld: dict[str, Callable[[], click.Command]] = {}

    def voeg_uitgesteld_toe(self, naam: str, laad: Callable[[], click.Command]) -> None:
        self.uitgesteld[naam] = laad

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.uitgesteld})

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """As click's, with the commands not loaded yet among the suggestions for a mistyped name."""
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as e:
            if not self.uitgesteld:
                raise
            alle = [*self.commands, *self.uitgesteld]
            raise click.exceptions.NoSuchCommand(e.command_name, possibilities=alle, ctx=ctx) from None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.uitgesteld:
            cmd = self.uitgesteld.pop(cmd_name)()
            if cmd.name != cmd_name:  # the registered name is the command's own: a mismatch is a bug here
                raise RuntimeError(f"uitgesteld commando {cmd_name} heet {cmd.name}")
            self.add_command(cmd, cmd_name)
        return super().get_command(ctx, cmd_name)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        # pydantic looks for plugins in the entry points of every installed distribution when the
        # first model is built (importlib.metadata over all of site-packages: 0.02 s per command);
        # evaluatie uses none, so the command line does not pay for the search. Set by the user: kept.
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        argumenten = list(sys.argv[1:] if args is None else args)
        _toestand.update(json=_vraagt_json(argumenten), geschreven=False)
        if not standalone_mode:
            return super().main(argumenten, prog_name, complete_var, standalone_mode, **extra)
        from evaluatie.onzichtbaar import ZichtbareStroom
        from evaluatie.stdout import Foutkanaalwacht, Uitvoerwacht, nieuwe_run

        nieuwe_run()
        oud = sys.stdout, sys.stderr
        # text from cells and file names reaches the terminal: an escape in it is shown, never executed; a stdout
        # that fails (a reader gone, a full disk) is said in words, never a traceback (evaluatie.stdout)
        sys.stdout = Uitvoerwacht(ZichtbareStroom(sys.stdout), buiten_commando=True)  # type: ignore[assignment]
        sys.stderr = Foutkanaalwacht(ZichtbareStroom(sys.stderr))  # type: ignore[assignment]
        try:
            return self._hoofd(argumenten, prog_name, complete_var, **extra)
        finally:
            sys.stdout, sys.stderr = oud

    def _hoofd(self, argumenten: list[str], prog_name: str | None, complete_var: str | None, **extra: Any) -> Any:
        hulp = json_gevraagd() and any(a in ("--help", "-h", "--version") for a in argumenten)
        opgevangen = io.StringIO()
        try:
            with contextlib.redirect_stdout(opgevangen) if hulp else contextlib.nullcontext():
                uitkomst = super().main(argumenten, prog_name, complete_var, False, **extra)
        except click.exceptions.Exit as e:
            sys.exit(e.exit_code)
        except click.ClickException as e:
            e.show()
            if json_gevraagd() and not json_geschreven():
                fouten = e.als_json() if isinstance(e, Gebruiksfouten) else []
                echo_json({"fouten": fouten or [{"plaats": _plaats(e), "bericht": e.format_message()}]})
            sys.exit(e.exit_code)
        except click.Abort:
            from evaluatie.clicktaal import vertaal

            click.echo(vertaal("Aborted!"), err=True)
            if json_gevraagd() and not json_geschreven():
                echo_json({"fouten": [{"plaats": "", "bericht": "afgebroken"}]})
            sys.exit(1)
        finally:
            if hulp and not json_geschreven():  # --help or --version with --json: the text as one document
                echo_json({"uitvoer": opgevangen.getvalue().splitlines()})
        if isinstance(uitkomst, int) and not isinstance(uitkomst, bool):
            sys.exit(uitkomst)
        sys.exit(0)

"""Error handling and printing shared by every command group (evaluatie.cli, evaluatie.contract.cli).

Why a module of its own: the contract group cannot import evaluatie.cli (which registers it), and two
copies of the error handling drift apart: one honoured `--json` on every error, the other only for
commands with their own `--json` option. Our error types become Dutch messages and exit codes
(2 invoer, 1 evaluatie); an OSError outside the write guard still names its path in Dutch.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from evaluatie.clijson import echo_json, json_geschreven, json_gevraagd
from evaluatie.fouten import EXIT_EVALUATIE, EXIT_INVOER, EvaluatieFout, Fout, InvoerFout
from evaluatie.stdout import alleen_eigen_uitvoer


def toon(tekst: str, volledig: bool = False, err: bool = False) -> None:
    """Print with every line at most 200 characters (wrapped, never cut) unless --volledig."""
    from evaluatie.weergave import begrens

    click.echo(begrens(tekst, volledig), err=err)


EVALUATIE_KOP = "De evaluatie kan niet worden afgerond"


def afhandeling(f: Callable[..., Any]) -> Callable[..., Any]:
    """Turn our error types into Dutch messages and exit codes (2 invoer, 1 evaluatie)."""
    return afhandeling_met(EVALUATIE_KOP)(f)


def afhandeling_met(kop: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """As `afhandeling`, with `kop` as the line above the reasons of exit 1: what cannot be done. The award's words
    ("De evaluatie kan niet worden afgerond") over a contract-phase refusal would name a procedure that ended long
    ago; each contract command says what it could not do (evaluatie.contract.cli)."""

    def decorator(f: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(f)
        def omhulsel(*args: Any, **kwargs: Any) -> Any:
            als_json = bool(kwargs.get("als_json")) or json_gevraagd()
            try:
                return _afgehandeld(f, kop, als_json, args, kwargs)
            finally:
                _bijgewerkt(kwargs.get("volledig", False))

        return omhulsel

    return decorator


def _bijgewerkt(volledig: bool) -> None:
    """A contract register of an older version that this command brought to the current schema is never passed
    over in silence: one 'Let op' on stderr (stdout stays one document), also when the command failed after it.
    Only where the command opened a register (the module is loaded); the generic layer imports no contract code."""
    register = sys.modules.get("evaluatie.contract.register")
    for melding in register.neem_meldingen() if register is not None else []:
        toon(f"Let op: {melding}.", volledig, err=True)


def _afgehandeld(f: Callable[..., Any], kop: str, als_json: bool, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    """The command with our error types turned into messages and exit codes."""
    try:
        with alleen_eigen_uitvoer():  # no solver banner on stdout, in any mode
            try:
                return f(*args, **kwargs)
            except OSError as e:  # a file operation outside the write guard: still path and reason in Dutch
                from evaluatie.schrijfwacht import toegangsreden

                raise InvoerFout([Fout(str(e.filename or ""), f"bestandsfout: {toegangsreden(e)}")]) from None
    except InvoerFout as e:
        click.echo(f"Fouten in de invoer ({len(e.fouten)}):", err=True)
        for fout in e.fouten:  # one line per error: a line break quoted from a cell is shown, not made
            toon(
                f"  {fout}".replace("\r\n", "\n").replace("\r", "\n").replace("\n", " ⏎ "),
                kwargs.get("volledig", False),
                err=True,
            )
        _let_op(e.let_op, kwargs.get("volledig", False))
        if als_json and not json_geschreven():  # stdout carries exactly one JSON document
            echo_json({"fouten": [{"plaats": x.plaats, "bericht": x.bericht} for x in e.fouten]} | _json(e.let_op))
        sys.exit(EXIT_INVOER)
    except EvaluatieFout as e:
        click.echo(f"{kop}:", err=True)
        for m in e.meldingen:
            toon(f"  {m}", kwargs.get("volledig", False), err=True)
        _let_op(e.let_op, kwargs.get("volledig", False))
        if als_json and not json_geschreven():
            echo_json({"evaluatie_niet_afgerond": list(e.meldingen)} | _json(e.let_op))
        sys.exit(EXIT_EVALUATIE)


def _let_op(regels: list[str], volledig: bool) -> None:
    """What the failure left behind (old reports marked as not current): after the errors, on stderr."""
    for r in regels:
        toon(f"Let op: {r}", volledig, err=True)


def _json(let_op: list[str]) -> dict[str, list[str]]:
    """The same notes in the error document, only when there are any (the document is unchanged otherwise)."""
    return {"let_op": list(let_op)} if let_op else {}

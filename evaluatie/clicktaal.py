"""Click's own texts in Dutch ("Usage:", "Show this message and exit.", "No such command" ...).

Click translates every text it prints through `gettext.gettext`/`ngettext`, bound at import in
each of its modules as `_` and `ngettext`. A gettext catalog would only be used when the
user's locale asks for Dutch; an inkoper's terminal may be in English, and the tool speaks
Dutch regardless. So `activeer()` rebinds those names in click's modules to a lookup in the
catalog below, a dictionary lookup with no file access: `--help` stays as fast as before.
Texts not in the catalog (click internals a user never sees) pass through unchanged.
"""

from __future__ import annotations

import datetime as dt
import importlib
from decimal import Decimal
from typing import Any

VERTALINGEN: dict[str, str] = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Commando's",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
    "%(prog)s, version %(version)s": "%(prog)s, versie %(version)s",
    "Error: {message}": "Fout: {message}",
    "Try '{command} {option}' for help.": "Typ '{command} {option}' voor hulp.",
    "No such command {name!r}.": "Onbekend commando {name!r}.",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "Missing command.": "Geef een commando.",
    "Missing argument": "Argument ontbreekt",
    "Missing option": "Optie ontbreekt",
    "Missing parameter": "Parameter ontbreekt",
    "Missing parameter: {param_name}": "Parameter ontbreekt: {param_name}",
    "Missing {param_type}": "{param_type} ontbreekt",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Option {name!r} does not take a value.": "Optie {name!r} neemt geen waarde.",
    "Argument {name!r} takes {nargs} values.": "Argument {name!r} neemt {nargs} waarden.",
    "Aborted!": "Afgebroken.",
    "unknown error": "onbekende fout",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "env var: {var}": "omgevingsvariabele: {var}",
    "deprecated": "verouderd",
    "(dynamic)": "(dynamisch)",
    "Value must be an iterable.": "De waarde moet een reeks zijn.",
    "Could not open file {filename!r}: {message}": "Kan bestand {filename!r} niet openen: {message}",
    "directory": "map",
    "file": "bestand",
    "path": "pad",
    "{name} {filename!r} does not exist.": "{name} {filename!r} bestaat niet.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} is een map.",
    "{name} {filename!r} is a file.": "{name} {filename!r} is een bestand.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} is niet schrijfbaar.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} is niet uitvoerbaar.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig getal.",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} is geen geldige ja/nee-waarde. Geldig: {states}"
    ),
    "{value!r} is not a valid UUID.": "{value!r} is geen geldige UUID.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "Confirm the action without prompting.": "Bevestig zonder te vragen.",
    "Do you want to continue?": "Wilt u doorgaan?",
    "Error: invalid input": "Fout: ongeldige invoer",
    "Error: The two entered values do not match.": "Fout: de twee ingevoerde waarden zijn niet gelijk.",
    "Repeat for confirmation": "Herhaal ter bevestiging",
    "Press any key to continue...": "Druk op een toets om door te gaan...",
    # usage line pieces (not gettext texts in click; translated in collect_usage_pieces below)
    "[OPTIONS]": "[OPTIES]",
    "COMMAND [ARGS]...": "COMMANDO [ARGUMENTEN]...",
}

# the metavar click shows for an option of a type (the type's name in capitals)
TYPENAMEN = {"StringParamType": "tekst", "FloatParamType": "getal", "FloatRange": "getal", "IntParamType": "aantal"}
TYPENAMEN |= {"IntRange": "aantal", "BoolParamType": "ja/nee", "DateTime": "datum"}

# ngettext: (singular, plural) -> (Dutch singular, Dutch plural)
MEERVOUDEN: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Bedoelt u {possibility}?",
        "(Bedoelt u een van: {possibilities}?)",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Optie {name!r} heeft een waarde nodig.",
        "Optie {name!r} heeft {nargs} waarden nodig.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} is niet {choice}.",
        "{value!r} is geen van {choices}.",
    ),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."): (
        "{value!r} is geen bestaande datum in de vorm {format} (bijvoorbeeld 2026-03-01).",
        "{value!r} is geen bestaande datum in een van de vormen {formats}.",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Neemt {nargs} waarden, maar er is er 1 gegeven.",
        "Neemt {nargs} waarden, maar er zijn er {len} gegeven.",
    ),
}


DATUMVORMEN = "JJJJ-MM-DD of DD-MM-JJJJ"  # the forms a typed date of the contract phase and the decisions takes


def lees_datum(tekst: str, ook_dag_eerst: bool = True) -> dt.date:
    """The one reading of a date typed on the command line: JJJJ-MM-DD, and with `ook_dag_eerst` DD-MM-JJJJ too.

    The contract commands and the decision commands (herstel, loting, toelichting, ...) read their dates here, so an
    inkoper who types 25-05-2021 in one gets the same date in the other. ValueError with the Dutch words: an
    impossible day (2026-02-30) is named as such, anything else with the forms that are accepted. Python's
    `date.fromisoformat` is not used: it also reads '20210525' and week dates, forms no help text announces."""
    vormen = DATUMVORMEN if ook_dag_eerst else "JJJJ-MM-DD"
    tekst = str(tekst).strip()
    delen = tekst.split("-")
    iso = len(tekst) == 10 and tekst[4] == tekst[7] == "-" and tekst.replace("-", "").isdigit()
    dmj = ook_dag_eerst and len(tekst) == 10 and tekst[2] == tekst[5] == "-" and tekst.replace("-", "").isdigit()
    if iso or dmj:
        j, m, d = (delen[0], delen[1], delen[2]) if iso else (delen[2], delen[1], delen[0])
        try:
            return dt.date(int(j), int(m), int(d))
        except ValueError:
            raise ValueError(
                f"'{tekst}' is geen bestaande datum ({'jaar-maand-dag' if iso else 'dag-maand-jaar'}); "
                "kies een dag die bestaat"
            ) from None
    raise ValueError(f"verwacht een datum als {vormen}, bijvoorbeeld 2026-03-01; kreeg '{tekst}'")


def datum_type(ook_dag_eerst: bool = False) -> Any:
    """A click parameter type for a date JJJJ-MM-DD (returns datetime.date) with a Dutch message.

    click.DateTime answers with Python's format string ('%Y-%m-%d'); a user types dates, not
    format strings, and an impossible day (2026-02-30) deserves its own message. With
    `ook_dag_eerst` DD-MM-JJJJ is accepted too (the contract phase, where dates come from
    klantmanagers' lists). The reading itself is `lees_datum`.
    """
    import click

    class Datum(click.ParamType):
        name = "datum"

        def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
            if isinstance(value, dt.date):
                return value
            try:
                return lees_datum(str(value), ook_dag_eerst)
            except ValueError as e:
                self.fail(str(e), param, ctx)

    return Datum()


def bedrag_type() -> Any:
    """A click parameter type for an amount in euro typed on the command line, read by the project's one rule for
    typed numbers (evaluatie.getallen.lees_tekst): '60.000' is sixty thousand, as a Dutch user writes it, never
    sixty as a Python float reads it; what could be read two ways ('9,500') is refused with a hint. An amount in
    euro has at most two decimals, so a dot followed by one or two digits ('249999.99', as the option was typed
    before) can only be the decimal sign and is read so."""
    import re

    import click

    from evaluatie.getallen import GetalFout, lees_tekst

    centen = re.compile(r"^[+-]?\d+\.\d{1,2}$")

    class Bedrag(click.ParamType):
        name = "bedrag"

        def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
            if isinstance(value, (int, float)):
                return float(value)
            if centen.match(str(value).strip()):
                return float(str(value).strip())
            try:
                return lees_tekst(str(value))
            except GetalFout as e:
                self.fail(f"'{value}': {e} (een bedrag in euro, bijvoorbeeld 60.000 of 60.000,50)", param, ctx)

    return Bedrag()


def lees_percentage(tekst: str) -> Decimal:
    """A percentage typed on the command line ('3,2', '3.2', '3,2%', '-1,5 %'), exactly as a decimal; ValueError in
    words for what is no percentage or could be read two ways. One decimal sign, comma or dot, with at most two
    decimals: '1.000,5' or '1,000' could hold a thousands separator (a thousand percent is no indexatie), and '3,2%%'
    is a slip whose meaning we do not guess."""
    import re

    t = tekst.strip()
    if t.count("%") > 1:
        raise ValueError("meer dan één procentteken; schrijf het percentage als 3,2 of 3,2%")
    t = t.removesuffix("%").strip()
    if not t:
        raise ValueError("geen percentage ingevuld; schrijf het als 3,2 of 3,2%")
    if "%" in t or not re.fullmatch(r"[+-]?[\d.,]+", t) or not re.search(r"\d", t):
        raise ValueError("geen percentage; schrijf het als getal, bijvoorbeeld 3,2 of 3,2%")
    if len(re.findall(r"[.,]", t)) > 1 or re.search(r"[.,]\d{3,}$", t):
        raise ValueError(
            "dubbelzinnig: een percentage heeft één decimaalteken (komma of punt) en hoogstens twee decimalen, geen "
            "duizendtallen; schrijf bijvoorbeeld 3,2 of 3,25"
        )
    if not re.fullmatch(r"[+-]?\d+([.,]\d{1,2})?", t):
        raise ValueError("geen percentage; schrijf het als getal, bijvoorbeeld 3,2 of 3,2%")
    return Decimal(t.replace(",", "."))


def percentage_type() -> Any:
    """A click parameter type for a percentage (lees_percentage), a Decimal: '3,2' is exactly 3.2."""
    import click

    class Percentage(click.ParamType):
        name = "percentage"

        def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Decimal:
            if isinstance(value, Decimal):
                return value
            try:
                return lees_percentage(str(value))
            except ValueError as e:
                self.fail(f"'{value}': {e}", param, ctx)

    return Percentage()


_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils")


def vertaal(tekst: str) -> str:
    return VERTALINGEN.get(tekst, tekst)


def vertaal_meervoud(enkel: str, meer: str, n: int) -> str:
    nl = MEERVOUDEN.get((enkel, meer))
    if nl is None:
        return enkel if n == 1 else meer
    return nl[0] if n == 1 else nl[1]


_actief = False


def activeer() -> None:
    """Rebind click's translation functions; idempotent, to be called before commands are defined."""
    global _actief
    if _actief:
        return
    _actief = True
    import click

    for klasse in (click.Command, click.Group):
        origineel = klasse.collect_usage_pieces

        def stukken(self, ctx, _origineel=origineel):
            return [vertaal(s) for s in _origineel(self, ctx)]

        klasse.collect_usage_pieces = stukken  # type: ignore[method-assign]  # click has no hook for this
    for typenaam, nl in TYPENAMEN.items():
        getattr(click.types, typenaam).name = nl
    for naam in _MODULES:
        module = importlib.import_module(f"click.{naam}")
        if hasattr(module, "_"):
            module._ = vertaal  # type: ignore[attr-defined]  # gettext alias inside click
        if hasattr(module, "ngettext"):
            module.ngettext = vertaal_meervoud  # type: ignore[attr-defined]

"""pydantic's validation messages in Dutch, by error type; never its English text to a user.

The JSON Schema catches nearly everything before a model is built, so these are the last line:
a value that passed the schema but not the model, or a knock-out rule's parameters. A message
our own validators raise (ValueError with a Dutch text) comes through without pydantic's
"Value error, " prefix.
"""

from __future__ import annotations

from typing import Any

from evaluatie.tekst import zonder_exponent

_SOORTEN: dict[str, str] = {
    "missing": "ontbreekt",
    "extra_forbidden": "onbekend veld",
    "int_type": "verwacht een geheel getal",
    "int_parsing": "verwacht een geheel getal",
    "int_from_float": "verwacht een geheel getal",
    "float_type": "verwacht een getal",
    "float_parsing": "verwacht een getal",
    "finite_number": "verwacht een eindig getal",
    "string_type": "verwacht tekst",
    "bool_type": "verwacht true of false",
    "bool_parsing": "verwacht true of false",
    "date_type": "verwacht een datum JJJJ-MM-DD",
    "date_parsing": "verwacht een datum JJJJ-MM-DD",
    "date_from_datetime_parsing": "verwacht een datum JJJJ-MM-DD",
    "list_type": "verwacht een lijst",
    "dict_type": "verwacht een lijst van velden",
    "literal_error": "verwacht een van {expected}",
    "enum": "verwacht een van {expected}",
    "greater_than": "moet groter dan {gt} zijn",
    "greater_than_equal": "moet minstens {ge} zijn",
    "less_than": "moet kleiner dan {lt} zijn",
    "less_than_equal": "moet hoogstens {le} zijn",
    "string_too_short": "is te kort (minstens {min_length} tekens)",
    "string_too_long": "is te lang (hoogstens {max_length} tekens)",
    "too_short": "heeft te weinig elementen (minstens {min_length})",
    "too_long": "heeft te veel elementen (hoogstens {max_length})",
}


def _getal(waarde: float) -> str:
    """A number as the YAML has it, never with an exponent (1e+15 -> 1000000000000000)."""
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))  # a bound of a float field: 'minstens 0', not 'minstens 0.0'
    return str(waarde) if isinstance(waarde, int) else zonder_exponent(waarde)


def _getoond(waarde: Any) -> str:
    if isinstance(waarde, str):
        return f"'{waarde}'"
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, int | float):
        return _getal(waarde)
    if waarde is None:
        return "niets"
    if isinstance(waarde, dict):
        return "een lijst van velden"
    if isinstance(waarde, list | tuple):
        return "een lijst"
    return f"'{waarde}'"


def bericht(fout: dict[str, Any]) -> str:
    """One pydantic error (an item of ValidationError.errors()) in Dutch."""
    soort = str(fout.get("type", ""))
    ctx = fout.get("ctx") or {}
    if soort in ("value_error", "assertion_error"):
        eigen = ctx.get("error")
        tekst = str(eigen) if eigen is not None else str(fout.get("msg", ""))
        return tekst.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if soort in ("literal_error", "enum") and isinstance(ctx.get("expected"), str):
        ctx = {**ctx, "expected": ctx["expected"].replace(" or ", " of ")}  # pydantic's "'alle' or 'subregio'"
    sjabloon = _SOORTEN.get(soort)
    if sjabloon is None:
        tekst = f"ongeldige waarde ({soort})" if soort else "ongeldige waarde"
    else:
        try:
            tekst = sjabloon.format(**{k: _getal(v) if isinstance(v, float) else str(v) for k, v in ctx.items()})
        except (KeyError, IndexError):
            tekst = sjabloon.split(" {")[0]
    if soort != "missing" and "input" in fout:
        tekst += f", kreeg {_getoond(fout['input'])}"
    return tekst

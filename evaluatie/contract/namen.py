"""Gemeenten, routes and suppliers as people type them, found in the register by one rule.

Why one rule: a klantmanager's export says 'Gemeente Hilversum' or 'HILVERSUM', a command line says
'hilversum' or 'B1-route'; the same name in another case, spacing or Unicode form (NFC/NFD) is the
same name (evaluatie.naamvorm). Intake and the commands use this module, so a name accepted in a file
is accepted on the command line too.
"""

from __future__ import annotations

from collections.abc import Iterable

from evaluatie.contract.lezen import Register
from evaluatie.naamvorm import sleutel

_VOORVOEGSEL = sleutel("gemeente") + " "


def opzoektabel(paren: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(typed form, register name) pairs as a table keyed by the folded form."""
    return {sleutel(getypt): naam for getypt, naam in paren}


def zoek(waarde: str, tabel: dict[str, str]) -> str | None:
    """The register's name for `waarde`, also with the prefix 'Gemeente'; None when there is none."""
    k = sleutel(waarde)
    if k.startswith(_VOORVOEGSEL) and k not in tabel:
        k = k[len(_VOORVOEGSEL) :]
    return tabel.get(k)


def gemeenten(reg: Register) -> dict[str, str]:
    return opzoektabel((g, g) for g in reg.gemeenten)


def routes(reg: Register) -> dict[str, str]:
    """A lot by its code ('B1') or its name ('B1-route')."""
    return opzoektabel([(c, c) for c in reg.percelen] + [(p.naam, c) for c, p in reg.percelen.items()])


def aanbieders(reg: Register) -> dict[str, str]:
    return opzoektabel((n, n) for (_, n) in reg.leveranciers)


def herken(
    reg: Register, gemeente: str | None = None, perceel: str | None = None, aanbieder: str | None = None
) -> tuple[str | None, str | None, str | None]:
    """Each given name as the register writes it; a name it does not know stays as typed (the check
    that follows names it)."""
    return (
        None if gemeente is None else zoek(gemeente, gemeenten(reg)) or gemeente,
        None if perceel is None else zoek(perceel, routes(reg)) or perceel,
        None if aanbieder is None else zoek(aanbieder, aanbieders(reg)) or aanbieder,
    )


def geen_contract(getypt: str, reg: Register) -> str:
    """'<name> heeft geen contract' for a supplier the register does not know, with the supplier meant (a short form
    'Kompas', a typo) or else the suppliers it does know: a contract manager types names from memory."""
    from evaluatie.gemeentenamen import Namen, opsomming

    namen = list(dict.fromkeys(n for (_, n) in reg.leveranciers))
    bedoeld = Namen(namen).suggesties(getypt)
    if bedoeld:
        return f"heeft geen contract; bedoelt u {opsomming(bedoeld, 'of')}?"
    return f"heeft geen contract (wel: {', '.join(namen[:8])}{', ...' if len(namen) > 8 else ''})"

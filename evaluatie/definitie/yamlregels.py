"""YAML loading that remembers the line of every key, so errors can say 'regel 23'."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

Pad = tuple[str | int, ...]


def laad_met_regels(tekst: str) -> tuple[Any, dict[Pad, int]]:
    """Parse YAML text; return the data and a map path -> 1-based line number.

    Dates are returned as ISO strings: the JSON Schema checks their format and
    pydantic parses them, so both see the same value the user typed.
    """
    loader = yaml.SafeLoader(tekst)
    try:
        knoop = loader.get_single_node()
    finally:
        loader.dispose()
    regels: dict[Pad, int] = {}
    if knoop is None:
        return None, regels
    constructor = yaml.SafeLoader("")

    def omzetten(n: yaml.Node, pad: Pad) -> Any:
        regels.setdefault(pad, n.start_mark.line + 1)
        if isinstance(n, yaml.MappingNode):
            uit: dict[Any, Any] = {}
            for sleutel_knoop, waarde_knoop in n.value:
                sleutel = constructor.construct_object(sleutel_knoop, deep=True)
                sleutel = str(sleutel) if not isinstance(sleutel, str) else sleutel
                regels[(*pad, sleutel)] = sleutel_knoop.start_mark.line + 1
                uit[sleutel] = omzetten(waarde_knoop, (*pad, sleutel))
            return uit
        if isinstance(n, yaml.SequenceNode):
            return [omzetten(item, (*pad, i)) for i, item in enumerate(n.value)]
        waarde = constructor.construct_object(n, deep=True)
        if isinstance(waarde, dt.date | dt.datetime):
            return waarde.isoformat()
        return waarde

    return omzetten(knoop, ()), regels


def pad_tekst(pad: Pad) -> str:
    """Render a path the way an inkoper reads it: percelen.B1.plafondprijs, gemeenten[1].naam.

    List positions are 1-based (gemeenten[1] is the first gemeente).
    """
    delen: list[str] = []
    for stap in pad:
        if isinstance(stap, int):
            delen.append(f"[{stap + 1}]")
        else:
            delen.append(("." if delen else "") + stap)
    return "".join(delen) or "(hele bestand)"


def regel_van(regels: dict[Pad, int], pad: Pad) -> int | None:
    """Line of the deepest existing prefix of pad (a missing key points at its parent)."""
    for n in range(len(pad), -1, -1):
        if pad[:n] in regels:
            return regels[pad[:n]]
    return None

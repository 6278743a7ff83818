"""Volumes not yet known: `inburgeraars: {B1: invullen}` as written by `evaluatie nieuw`.

A placeholder is explicit, so a forgotten number can never be read as zero. Loading a tender
reports every open number (gemeente and lot); only writing the bid form may go ahead with
open numbers: it states them as 'nog niet bekend' (definitie.laden.laad_voor_formulier).
"""

from __future__ import annotations

import copy
from typing import Any

PLAATSHOUDER = "invullen"


def is_plaatshouder(waarde: Any) -> bool:
    return isinstance(waarde, str) and waarde.strip().lower() == PLAATSHOUDER


def vervang(data: Any) -> tuple[Any, list[tuple[tuple[Any, ...], str, str]]]:
    """A copy with every placeholder set to 0, and where they were: (YAML path, gemeente, lot)."""
    if not isinstance(data, dict) or not isinstance(data.get("gemeenten"), list):
        return data, []
    open_: list[tuple[tuple[Any, ...], str, str]] = []
    for i, g in enumerate(data["gemeenten"]):
        aantallen = g.get("inburgeraars") if isinstance(g, dict) else None
        if not isinstance(aantallen, dict):
            continue
        for code, waarde in aantallen.items():
            if is_plaatshouder(waarde):
                open_.append((("gemeenten", i, "inburgeraars", code), str(g.get("naam", f"nr. {i + 1}")), str(code)))
    if not open_:
        return data, []
    uit = copy.deepcopy(data)
    for pad, _, _ in open_:
        uit["gemeenten"][pad[1]]["inburgeraars"][pad[3]] = 0
    return uit, open_

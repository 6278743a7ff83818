"""Reviewers in the formal reports: Beoordelaar A, B, C instead of names.

A reviewer's name next to a deviating score invites pressure on that person and adds nothing to
the motivation. The letter follows the order of `beoordelaars` in aanbesteding.yaml, so it is
stable from run to run and the penvoerder can trace it; a reviewer found only in the workbooks
comes after them, in the panel's order. Internal reports may keep the names.
"""

from __future__ import annotations

from evaluatie.rapport.gegevens import Rapportgegevens


def _letter(i: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    letters = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def beoordelaar_labels(g: Rapportgegevens) -> dict[str, str]:
    namen = list(dict.fromkeys([*g.aanbesteding.beoordelaars, *g.panel.beoordelaars]))
    return {n: f"Beoordelaar {_letter(i)}" for i, n in enumerate(namen)}


def beoordelaars_op_volgorde(g: Rapportgegevens) -> list[str]:
    """The panel's reviewers in label order (A, B, C)."""
    volgorde = list(beoordelaar_labels(g))
    return sorted(g.panel.beoordelaars, key=volgorde.index)

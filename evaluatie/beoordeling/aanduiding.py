"""How a reviewer is named in formal documents: 'Beoordelaar A', 'B', ... by order in `beoordelaars`.

The advies and the letters never carry a reviewer's name; the letter follows the order in which
the tender lists the reviewers, so the penvoerder can always trace it back.
"""

from __future__ import annotations

from collections.abc import Sequence


def aanduidingen(beoordelaars_aanbesteding: Sequence[str], namen: Sequence[str] = ()) -> dict[str, str]:
    """Name -> 'Beoordelaar A'. Names not in the tender's list (should not happen: the reader rejects
    them) follow in alphabetical order."""
    volgorde = list(beoordelaars_aanbesteding) + sorted(n for n in namen if n not in beoordelaars_aanbesteding)
    return {naam: f"Beoordelaar {_letter(i)}" for i, naam in enumerate(volgorde)}


def _letter(i: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA' (spreadsheet style)."""
    tekst = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        tekst = chr(65 + rest) + tekst
    return tekst

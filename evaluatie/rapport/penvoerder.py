"""For whom the penvoerder acts, said the one way in every letter and in the published method.

A joint tender is run by a penvoerder on behalf of the participating gemeenten; a gemeente that buys for
itself alone is no penvoerder and acts on behalf of nobody: "namens de deelnemende gemeenten" would be untrue
there, and "gemeenten" is plural where there is one.
"""

from __future__ import annotations

from evaluatie.definitie.model import Aanbesteding


def namens(a: Aanbesteding) -> str | None:
    """'namens de deelnemende gemeenten', 'namens de gemeente Huizen', or None when the penvoerder is the only
    gemeente of the tender (it buys for itself)."""
    deelnemers = [g.naam for g in a.gemeenten]
    eigen = a.gemeente(a.penvoerder)
    if eigen is not None and deelnemers == [eigen.naam]:
        return None
    if len(deelnemers) == 1:
        return f"namens de gemeente {deelnemers[0]}"
    return "namens de deelnemende gemeenten"


def uitvoerder(a: Aanbesteding) -> str:
    """'Gemeente Hilversum als penvoerder namens de deelnemende gemeenten' or, buying for itself, 'Gemeente Huizen'."""
    wie = namens(a)
    return a.penvoerder if wie is None else f"{a.penvoerder} als penvoerder {wie}"


def ondertekening(a: Aanbesteding) -> str:
    """The last line under the signature: 'Gemeente Hilversum, namens de deelnemende gemeenten'."""
    wie = namens(a)
    return a.penvoerder if wie is None else f"{a.penvoerder}, {wie}"

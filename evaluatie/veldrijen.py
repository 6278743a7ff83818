"""The row of each labelled field in column A of a form sheet (a bid's Inschrijver sheet, a reviewer form's header).

A label written twice gives two values for one field: which one was meant is not ours to pick, so it is an error at
the second label naming the first, never the last value winning silently.
"""

from __future__ import annotations

from collections.abc import Iterable

from evaluatie.fouten import Verzamelaar
from evaluatie.werkboek import Tabblad, als_tekst, celnaam


def rij_per_veld(
    t: Tabblad, velden: Iterable[str], rijen: range, fouten: Verzamelaar, welke: str = "welke waarde de inschrijving is"
) -> dict[str, int]:
    """Field (as in `velden`) -> its row among `rijen`, labels compared case-insensitively. A field whose label
    appears twice is an error naming both cells (`welke`: what cannot be told then, in the message); the first row is
    returned for it, so the caller still reports everything else about the sheet."""
    per_label = {veld.lower(): veld for veld in velden}
    rij_van: dict[str, int] = {}
    for r in rijen:
        veld = per_label.get(als_tekst(t.waarde(r, 0)).lower())
        if veld is None:
            continue
        if veld in rij_van:
            eerder = rij_van[veld]
            fouten.voeg_toe(
                t.plaats(r, 0),
                f"veld '{veld}' staat ook op rij {eerder + 1} ({celnaam(eerder, 0)}); laat het veld één keer staan, "
                f"anders is niet te zeggen {welke}",
            )
        else:
            rij_van[veld] = r
    return rij_van

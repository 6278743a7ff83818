"""What Excel hides in a gemeente's delivery (a hidden sheet, a hidden or filtered-out row, a hidden column) is refused.

A klantmanager who filters an export on one gemeente or one quarter, or hides a sheet of old rows, sends a file
whose hidden rows she did not mean to deliver; the intake read them all the same, without a word, into a register
that is append-only. A bid is what its file holds and its hidden cells are noted (evaluatie.inschrijving.lezen);
an intake is the placements the gemeente means, so a hidden filled cell is an error at its place, with every other
error, and nothing is read. An empty hidden row or column is harmless and passes.
"""

from __future__ import annotations

from pathlib import Path

from evaluatie.fouten import Verzamelaar
from evaluatie.verborgen import Verborgen, verborgen_rijen_en_kolommen
from evaluatie.werkboek import Tabblad, als_tekst, celnaam
from evaluatie.werkboekgrens import kolomletters

_WAAROM = (
    "wie het bestand opent, ziet die niet, maar de inlezing zou ze lezen. Maak alles zichtbaar (ook een filter "
    "uitzetten), verwijder wat niet bij de aanlevering hoort en lever opnieuw aan; er is niets ingelezen"
)


def weiger_verborgen(pad: Path, boek: dict[str, Tabblad], fouten: Verzamelaar) -> dict[str, Verborgen]:
    """An error for every hidden sheet with data and, per sheet, for the filled cells in hidden rows and columns
    (at the first, naming the rows and columns). Returns the hidden parts per sheet, to explain other errors."""
    naam = pad.name
    for t in boek.values():
        if t.verborgen and not t.leeg:
            fouten.voeg_toe(f"{naam}!{t.naam}", f"het tabblad is verborgen in Excel en bevat gegevens; {_WAAROM}")
    verborgen = verborgen_rijen_en_kolommen(pad, [t.naam for t in boek.values() if not t.verborgen])
    for blad, vb in verborgen.items():
        cellen = [
            (r, k)
            for r, rij in enumerate(boek[blad].rijen)
            for k, w in enumerate(rij)
            if (r in vb.rijen or k in vb.kolommen) and als_tekst(w) != ""
        ]
        if not cellen:
            continue
        rijen = sorted({r for r, k in cellen if r in vb.rijen})
        kolommen = sorted({k for r, k in cellen if k in vb.kolommen and r not in vb.rijen})
        delen = []
        if rijen:
            delen.append(f"{_reeks([str(r + 1) for r in rijen], 'rij', 'rijen')} (verborgen, ook door een filter)")
        if kolommen:
            delen.append(f"{_reeks([kolomletters(k + 1) for k in kolommen], 'kolom', 'kolommen')} (verborgen)")
        r, k = cellen[0]
        fouten.voeg_toe(
            f"{naam}!{blad}!{celnaam(r, k)}",
            f"{len(cellen)} gevulde cel(len) die Excel verbergt, in {' en '.join(delen)}; {_WAAROM}",
        )
    return verborgen


def _reeks(namen: list[str], enkel: str, meer: str) -> str:
    """'rij 5', 'rijen 3, 5 en 7'; at most ten named."""
    if len(namen) == 1:
        return f"{enkel} {namen[0]}"
    if len(namen) > 10:
        return f"{meer} {', '.join(namen[:10])} en {len(namen) - 10} meer"
    return f"{meer} {', '.join(namen[:-1])} en {namen[-1]}"

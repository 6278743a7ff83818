"""Which inputs differ from those a logged award read: changed, removed or added since.

One comparison for `evaluatie controleer` (is the award still reproducible?) and for the marker a failed award
leaves in rapporten/ (evaluatie.niet_actueel: which inputs the previous reports do not reflect).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evaluatie.hashing import sha256_bestand
from evaluatie.werkboek import zichtbare_bestanden
from evaluatie.werkmap import Werkmap


def invoerbestanden(werkmap: Werkmap) -> set[str]:
    """Every file an award reads now, relative to the werkmap."""
    namen = {"aanbesteding.yaml"}
    for naam in ("loting.yaml", "besluiten.yaml"):
        if (werkmap.root / naam).is_file():
            namen.add(naam)  # a recorded draw or decision is an input like the bids
    for map_ in (werkmap.inschrijvingen, werkmap.beoordelingen):
        namen |= {werkmap.relatief(p) for p in zichtbare_bestanden(map_)[0]}
    return namen


def gewijzigde_invoer(werkmap: Werkmap, log: dict[str, Any]) -> list[str]:
    """One line per input that differs from the logged award `log` (its 'invoer' with their SHA-256)."""
    uit = []
    gelogd = {b["bestand"]: b["sha256"] for b in log["invoer"]}
    for naam, was in gelogd.items():
        pad = werkmap.root / naam
        if naam.startswith("criteria/") and not pad.is_file():
            from evaluatie.definitie.laden import zoek_criteriaset

            pad = zoek_criteriaset(Path(naam).stem, werkmap.root) or pad
        if not pad.is_file():
            uit.append(f"{naam}: verwijderd sinds de gunning")
        elif (nu := sha256_bestand(pad)) != was:
            uit.append(f"{naam}: gewijzigd sinds de gunning (sha256 was {was[:12]}..., is {nu[:12]}...)")
    for naam in sorted(invoerbestanden(werkmap) - set(gelogd)):
        uit.append(f"{naam}: toegevoegd sinds de gunning")
    return uit

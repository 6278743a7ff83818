"""The court by name: the rechtbank of the arrondissement in which the penvoerder's gemeente lies.

`criteria/gemeenten/arrondissementen-2026.csv` maps every gemeente of the CBS register to one of
the eleven arrondissementen of the Wet op de rechterlijke indeling; a gemeente whose arrondissement
was not established when the table was made has an empty cell, and then the court must be named in
aanbesteding.yaml (rechtsbescherming.rechtbank). The README names the sources.
"""

from __future__ import annotations

import csv
from functools import cache

from evaluatie.werkmap import criteria_map

BESTAND = "arrondissementen-2026.csv"
RECHTBANKEN = (
    "Amsterdam",
    "Den Haag",
    "Gelderland",
    "Limburg",
    "Midden-Nederland",
    "Noord-Holland",
    "Noord-Nederland",
    "Oost-Brabant",
    "Overijssel",
    "Rotterdam",
    "Zeeland-West-Brabant",
)


@cache
def arrondissementen() -> dict[str, str]:
    """Register name of the gemeente -> arrondissement ('' when not established)."""
    with (criteria_map() / "gemeenten" / BESTAND).open(encoding="utf-8", newline="") as f:
        uit = {r["naam"]: r["arrondissement"] for r in csv.DictReader(f)}
    onbekend = {a for a in uit.values() if a and a not in RECHTBANKEN}
    if onbekend:
        raise ValueError(f"{BESTAND}: onbekend arrondissement {', '.join(sorted(onbekend))}")
    return uit


def rechtbank_van(penvoerder: str) -> str | None:
    """'Gemeente Groningen' -> 'Rechtbank Noord-Nederland'; None when the gemeente or its arrondissement is unknown."""
    from evaluatie.gemeentenamen import register_namen

    naam = penvoerder.strip()
    if naam.lower().startswith("gemeente "):
        naam = naam[len("gemeente ") :]
    gevonden = register_namen().zoek(naam)
    if gevonden is None:
        return None
    arrondissement = arrondissementen().get(gevonden, "")
    return f"Rechtbank {arrondissement}" if arrondissement else None

"""The court by name: the rechtbank of the arrondissement in which the penvoerder's gemeente lies.

`criteria/gemeenten/arrondissementen-2026.csv` maps every gemeente of the CBS register to one of
the eleven arrondissementen of the Wet op de rechterlijke indeling; a gemeente whose arrondissement
was not established when the table was made has an empty cell, and then the court must be named in
aanbesteding.yaml (rechtsbescherming.rechtbank). The README names the sources.
"""

from __future__ import annotations

import csv
import datetime as dt
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


def _gemeentenaam(penvoerder: str) -> str:
    naam = penvoerder.strip()
    return naam[len("gemeente ") :] if naam.lower().startswith("gemeente ") else naam


def waarom_geen_rechtbank(penvoerder: str, peildatum: dt.date | None = None) -> str:
    """Why rechtbank_van has no court, as a sentence: a name that is no gemeente of the register (with where a
    dissolved one went, or the candidates of 'Bergen'), or a gemeente whose arrondissement the table leaves open. It
    said '<penvoerder> staat niet in de tabel' for every reason alike, also for Bergen,
    whose two gemeenten are in it."""
    from evaluatie.gemeentenamen import register_namen

    naam = _gemeentenaam(penvoerder)
    gevonden = register_namen().zoek(naam)
    if gevonden is None:
        reden = register_namen().melding(naam, "is geen gemeente van het register", peildatum)
        return reden if reden.endswith("?") else f"{reden}."  # a sentence: 'bedoelt u Amsterdam?' ends itself
    return (
        f"het arrondissement van {gevonden} staat niet vast in de tabel van arrondissementen "
        f"(criteria/gemeenten/{BESTAND}: geen bron gevonden, zie de README)."
    )


def herkomst(penvoerder: str) -> str | None:
    """Where rechtbank_van found the court, for the advies: 'Meppel ligt in het arrondissement Noord-Nederland
    (criteria/gemeenten/arrondissementen-2026.csv, ...)'; None when it found none."""
    from evaluatie.gemeentenamen import register_namen

    gevonden = register_namen().zoek(_gemeentenaam(penvoerder))
    arrondissement = arrondissementen().get(gevonden, "") if gevonden is not None else ""
    if not arrondissement:
        return None
    return (
        f"{gevonden} ligt in het arrondissement {arrondissement} (criteria/gemeenten/{BESTAND}, naar de Wet op de "
        "rechterlijke indeling)"
    )


def rechtbank_van(penvoerder: str) -> str | None:
    """'Gemeente Groningen' -> 'Rechtbank Noord-Nederland'; None when the gemeente or its arrondissement is unknown."""
    from evaluatie.gemeentenamen import register_namen

    gevonden = register_namen().zoek(_gemeentenaam(penvoerder))
    if gevonden is None:
        return None
    arrondissement = arrondissementen().get(gevonden, "")
    return f"Rechtbank {arrondissement}" if arrondissement else None

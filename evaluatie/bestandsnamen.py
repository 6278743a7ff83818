"""File names made from names people typed (bidders, gemeenten, reviewers): safe and never shared.

A name becomes an ASCII slug of at most MAX_SLUG characters. A name that had to be shortened
or lost letters in transliteration gets a short hash of the full name, and names whose slugs
meet get a distinguishing key (a bidder's KvK number), so one file can never hold another
party's document and no name is too long for the file system.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from evaluatie.naamvorm import vorm

MAX_SLUG = 40
_GERESERVEERD = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10)}
"""Names Windows refuses as a file name, whatever the extension."""


def slug(naam: str) -> str:
    """'Taalhuis De Brug B.V.' -> 'taalhuis-de-brug-b-v'."""
    ascii_ = unicodedata.normalize("NFKD", naam).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def kort_hash(tekst: str) -> str:
    return hashlib.sha256(tekst.encode("utf-8")).hexdigest()[:8]


def veilige_naam(naam: str) -> str:
    """A file name part that is ASCII, at most MAX_SLUG + 9 characters, and never empty.

    A name that had to be shortened, or that lost letters in transliteration to ASCII, gets a
    short hash of the full name so two such names cannot meet.
    """
    naam = vorm(naam)  # NFC and whitespace folded: names that look the same get the same file name
    volledig = slug(naam)
    s = volledig[:MAX_SLUG].strip("-")
    verloren = any(
        t.isalnum() and not t.isascii() and not unicodedata.normalize("NFKD", t).encode("ascii", "ignore") for t in naam
    )
    if not s or s != volledig or verloren or s in _GERESERVEERD:
        return f"{s}-{kort_hash(naam)}" if s else kort_hash(naam)
    return s


def unieke_namen(namen: dict[str, str], sleutels: dict[str, str] | None = None) -> dict[str, str]:
    """Entity -> file stem, guaranteed distinct (case-insensitively, as on macOS and Windows).

    Stems shared by several entities ('Kompas Inburgering' and 'Kompas-Inburgering' both give
    'kompas-inburgering') get the entity's key (the bidder's KvK number) or a short hash, for all
    of them: no bidder keeps the plain name, so no letter can be mistaken for another's.
    """
    sleutels = sleutels or {}
    aantal: dict[str, int] = {}
    for stam in namen.values():
        aantal[stam.lower()] = aantal.get(stam.lower(), 0) + 1
    uit: dict[str, str] = {}
    for entiteit, stam in namen.items():
        if aantal[stam.lower()] > 1:
            stam = f"{stam}-{slug(sleutels.get(entiteit, '')) or kort_hash(entiteit)}"
        uit[entiteit] = stam
    gezien: dict[str, str] = {}
    for entiteit in sorted(uit):
        if uit[entiteit].lower() in gezien:  # same KvK cannot happen (the reader refuses it); stay safe
            uit[entiteit] = f"{uit[entiteit]}-{kort_hash(entiteit)}"
        gezien[uit[entiteit].lower()] = entiteit
    return uit


CONSENSUSBESTAND = (
    "consensus.xlsx"  # the panel's consensus workbook in beoordelingen/; no reviewer form may be named so
)

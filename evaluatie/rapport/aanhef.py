"""The salutation of a letter, read from the contact field as a bidder typed it.

A bid form's contact field holds whatever the bidder wrote: "De heer T. Smit, directeur",
"Mevr. A. Yilmaz-de Wit", "De Vries (Kompas Noord)", "dr. ir. J.W. van den Berg MBA". A wrong
salutation ("Geachte heer Directeur,", "Geachte mevrouw Wit,") is the first thing a reader sees
of a legal act, so the parser only writes a personal salutation when the field says both who
(a surname) and how to address (heer or mevrouw, or a full name that can stand on its own).
Anything else gives the neutral "Geachte heer, mevrouw," with a warning the penvoerder sees
before sending: it never guesses a gender or a surname.

Conventions (Dutch business letters): academic and professional titles (mr., dr., ir., MBA) are
left out of the salutation; initials and first names are dropped after heer or mevrouw; a
tussenvoegsel opening the surname is capitalised ("mevrouw De Boer", "heer Van der Berg"),
inside a double name it stays small ("mevrouw Yilmaz-de Wit").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from evaluatie.inschrijving.model import Inschrijving

NEUTRAAL = "Geachte heer, mevrouw,"

TUSSENVOEGSELS = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "'t",
        "te",
        "ter",
        "ten",
        "in",
        "op",
        "uit",
        "aan",
        "bij",
        "onder",
        "over",
        "voor",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "des",
        "von",
        "zu",
        "el",
        "al",
        "dos",
        "das",
        "do",
    ]
)

# Words that say what a person does, not who they are: after a comma, or the whole field.
FUNCTIES = frozenset(
    [
        "directeur",
        "directrice",
        "eigenaar",
        "eigenares",
        "manager",
        "accountmanager",
        "tendermanager",
        "bedrijfsleider",
        "contactpersoon",
        "coördinator",
        "coordinator",
        "hoofd",
        "voorzitter",
        "secretaris",
        "adviseur",
        "inkoper",
        "projectleider",
        "teamleider",
        "ceo",
        "cfo",
        "coo",
        "dga",
        "bestuurder",
        "vennoot",
        "medewerker",
        "office",
        "officemanager",
        "afdeling",
        "tenderteam",
        "directie",
        "management",
        "verkoop",
        "sales",
        "bureau",
    ]
)

# Academic and professional titles: dropped from the salutation (wherever they stand).
TITELS = frozenset(
    [
        "mr",
        "mr.",
        "dr",
        "dr.",
        "drs",
        "drs.",
        "ir",
        "ir.",
        "ing",
        "ing.",
        "prof",
        "prof.",
        "ds",
        "ds.",
        "bc",
        "bc.",
        "msc",
        "ma",
        "ba",
        "bsc",
        "llm",
        "mba",
        "phd",
        "ra",
        "re",
        "mpa",
        "lic.",
        "lic",
    ]
)

_HEER = re.compile(r"^(de\s+heer|heer|dhr\.?|dhr)(\s+|$)", re.IGNORECASE)
_MEVROUW = re.compile(r"^(mevrouw|mevr\.?|mw\.?|mej\.?|mrs\.?|ms\.?)(\s+|$)", re.IGNORECASE)
_TAV = re.compile(r"^(t\.?\s*a\.?\s*v\.?|ter attentie van|attn\.?)\s*:?\s*", re.IGNORECASE)
_INITIALEN = re.compile(r"^(?:[A-Z][a-z]?\.)+(?:-?(?:[A-Z][a-z]?\.)+)*$")
_HAAKJES = re.compile(r"\s*\([^)]*\)\s*")
_DIRECTIE = re.compile(r"^(de\s+)?directie$", re.IGNORECASE)
# a surname that opens with a particle glued on by an apostrophe: d'Ancona, d'Hondt, l'Ecluse (in a salutation
# capitalised as any opening particle: "mevrouw D'Ancona")
_MET_APOSTROF = re.compile(r"^[a-z]{1,3}['’][A-Z]")


@dataclass(frozen=True)
class Aanhef:
    """The salutation and, when the parser was not sure, why (for the penvoerder to check)."""

    tekst: str
    waarschuwing: str | None = None

    @property
    def zeker(self) -> bool:
        return self.waarschuwing is None


def aanhef_notities(inschrijvingen: Sequence[Inschrijving]) -> list[str]:
    """One note per bid whose contact field gives no certain salutation: checked before the letters go out."""
    uit = []
    for i in inschrijvingen:
        a = lees_aanhef(i.contactpersoon or "")
        if a.waarschuwing:
            uit.append(
                f"inschrijvingen/{i.bestand}: de brief aan {i.naam} begint met '{a.tekst}', want {a.waarschuwing}; "
                "vul de contactpersoon aan als 'de heer T. Smit' of 'mevrouw A. de Vries' voor een persoonlijke aanhef"
            )
    return uit


def aanhef(contactpersoon: str) -> str:
    """The salutation only (see lees_aanhef for the warning)."""
    return lees_aanhef(contactpersoon).tekst


def lees_aanhef(contactpersoon: str) -> Aanhef:
    """Parse a contact field into a salutation; unsure means neutral plus a warning."""
    veld = " ".join(contactpersoon.split())
    if not veld:
        return Aanhef(NEUTRAAL, "geen contactpersoon opgegeven")
    if "@" in veld:
        return Aanhef(NEUTRAAL, f"contactpersoon '{veld}' is een e-mailadres, geen naam")
    veld = _TAV.sub("", veld)
    if _DIRECTIE.match(veld):
        return Aanhef("Geachte directie,")
    delen = re.split(r"\s+(?:en|&)\s+", veld)
    if len(delen) > 1:
        personen = [_persoon(d) for d in delen]
        if all(p is not None and p[0] for p in personen):
            return Aanhef("Geachte " + " en ".join(f"{p[0]} {p[1]}" for p in personen if p) + ",")
        return Aanhef(NEUTRAAL, f"contactpersoon '{veld}' noemt meer personen, niet alle met heer of mevrouw")
    return _een(veld)


def _een(veld: str) -> Aanhef:
    zonder_haakjes = _HAAKJES.sub(" ", veld).strip()
    if not zonder_haakjes:
        return Aanhef(NEUTRAAL, f"contactpersoon '{veld}' bevat geen naam")
    naamdeel, _functie = _splits_functie(zonder_haakjes)
    if naamdeel is None:
        return Aanhef(NEUTRAAL, f"contactpersoon '{veld}' is een functie of afdeling, geen naam")
    persoon = _persoon(naamdeel)
    if persoon is None:
        return Aanhef(NEUTRAAL, f"in contactpersoon '{veld}' is geen achternaam te herkennen")
    titel, achternaam, volledig, onzeker = persoon
    if onzeker:
        return Aanhef(NEUTRAAL, f"in contactpersoon '{veld}' is niet zeker welk deel de achternaam is")
    if titel:
        return Aanhef(f"Geachte {titel} {achternaam},")
    if volledig:
        # no heer or mevrouw, but a first name or initials: the full name is a neutral, correct salutation
        return Aanhef(f"Geachte {volledig},")
    return Aanhef(NEUTRAAL, f"contactpersoon '{veld}' noemt geen heer of mevrouw en geen voornaam of voorletters")


def _splits_functie(tekst: str) -> tuple[str | None, str]:
    """'T. Smit, directeur' -> ('T. Smit', 'directeur'); 'Smit, T.' -> ('T. Smit', ''); a function alone -> None."""
    if ":" in tekst:
        voor, na = (x.strip() for x in tekst.split(":", 1))
        if _is_functie(voor):  # 'Directeur: de heer B. Kok'
            return _splits_functie(na) if na else (None, voor)
    if "," in tekst:
        voor, na = (x.strip() for x in tekst.split(",", 1))
        if na and all(_INITIALEN.match(w) for w in na.split()):
            return f"{na} {voor}", ""  # 'Smit, T.': surname first, initials after the comma
        if _is_functie(voor):
            return (na or None), voor
        return (voor or None), na
    if _is_functie(tekst):
        return None, tekst
    return tekst, ""


def _is_functie(tekst: str) -> bool:
    woorden = [w.lower().strip(".") for w in tekst.split()]
    return bool(woorden) and not _HEER.match(tekst) and not _MEVROUW.match(tekst) and woorden[0] in FUNCTIES


def _persoon(tekst: str) -> tuple[str, str, str, bool] | None:
    """(heer/mevrouw or '', surname as in a salutation, full name without titles, unsure) or None."""
    tekst = tekst.strip()
    titel = ""
    for patroon, woord in ((_HEER, "heer"), (_MEVROUW, "mevrouw")):
        m = patroon.match(tekst)
        if m:
            titel, tekst = woord, tekst[m.end() :]
            break
    woorden = [w for w in tekst.replace(",", " ").split() if w.lower() not in TITELS]
    if not woorden or any(w.lower().strip(".:") in FUNCTIES for w in woorden):
        return None  # a function word inside the name part: not sure what is name and what is not
    voorletters = [w for w in woorden if _INITIALEN.match(w)]
    rest = [w for w in woorden if not _INITIALEN.match(w)]
    if not rest:
        return None
    if voorletters:
        # 'T. Smit', 'A. van der Berg', 'K. El Amrani': everything after the initials is the surname
        laatste = max(i for i, w in enumerate(woorden) if _INITIALEN.match(w))
        achternaam = woorden[laatste + 1 :]
        if not achternaam or any(_INITIALEN.match(w) for w in achternaam):
            return None
        onzeker = False
    else:
        start = _begin_achternaam(rest)
        achternaam = rest[start:]
        # 'Mohamed Ben Ali': three words, no tussenvoegsel and no initials: which part is the surname?
        onzeker = start == len(rest) - 1 and len(rest) >= 3
    eerste = achternaam[0]
    if (
        not eerste[:1].isupper()
        and eerste.lower() not in TUSSENVOEGSELS
        and not eerste.startswith("'")
        and not _MET_APOSTROF.match(eerste)
    ):
        return None  # 'jansen' as typed is more likely a fragment than a name; do not guess
    achternaam = [_hoofdletter(eerste), *achternaam[1:]]
    volledig_mogelijk = bool(voorletters) or len(rest) > len(achternaam)
    volledig = " ".join(woorden) if volledig_mogelijk else ""
    return titel, " ".join(achternaam), volledig, onzeker


def _begin_achternaam(woorden: list[str]) -> int:
    """Index of the surname's first word among first names and surname (no initials).

    The surname starts at the first tussenvoegsel that is not the last word ('Jan de Vries'), or at
    a double name whose second part opens with one ('Ayse Yilmaz-de Wit'); else it is the last word.
    """
    for i, w in enumerate(woorden[:-1]):
        if w.lower() in TUSSENVOEGSELS:
            return i
        if "-" in w and w.rsplit("-", 1)[1].lower() in TUSSENVOEGSELS:
            return i
    return len(woorden) - 1


def _hoofdletter(woord: str) -> str:
    """'de' -> 'De' at the start of a salutation surname; "'t" stays small (Dutch rule for 't Hart)."""
    if woord.startswith("'"):
        return woord
    return woord[:1].upper() + woord[1:]

"""Forgiving matching of gemeente (and regio) names, with a suggestion when nothing matches.

One rule everywhere (bids, aanbesteding.yaml, --zet, `evaluatie nieuw`): case, accents,
spaces, hyphens and other punctuation do not count, nor does a leading "Gemeente" (or
"Regio" for an arbeidsmarktregio). So
"gemeente  gooise-meren" is Gooise Meren. CBS writes some names with a province suffix
("Laren (NH.)", "Hengelo (O.)"); without the suffix the name still matches when only one
candidate has it. Only a province suffix is dropped so: any other text between brackets ("Wijdemeren (alleen
Loosdrecht)") is part of what was typed, and the name matches nothing. A name that matches nothing gets the closest
valid names, and an old name from the register of herindelingen ("Weesp") says where that gemeente went.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from evaluatie.tekst import datum

# Everyday names that differ from the official name (both are in wide use). CBS's 'Nuenen, Gerwen en Nederwetten'
# calls itself 'gemeente Nuenen c.a.'.
ALIASSEN = {
    "den haag": "'s-Gravenhage",
    "den bosch": "'s-Hertogenbosch",
    "nuenen": "Nuenen, Gerwen en Nederwetten",
    "nuenen c.a.": "Nuenen, Gerwen en Nederwetten",
}

_TOEVOEGING = re.compile(r"\s*\([^)]*\)\s*$")
_PROVINCIES = frozenset(
    {"gr", "groningen", "fr", "friesland", "fryslan", "dr", "drenthe", "o", "ov", "overijssel", "fl", "flevoland", "g"}
    | {"gld", "gelderland", "u", "ut", "utrecht", "nh", "noordholland", "zh", "zuidholland", "z", "zl", "zeeland"}
    | {"nb", "nbr", "noordbrabant", "l", "lb", "limburg"}
)
"""The comparison keys of a province as CBS and people write it after a gemeente: (NH.), (N.H.), (Noord-Holland)."""


@lru_cache(maxsize=8192)
def sleutel(naam: str) -> str:
    """The comparison key: 'Gemeente Súdwest-Fryslân ' -> 'sudwestfryslan'."""
    tekst = unicodedata.normalize("NFKD", str(naam)).casefold()
    tekst = "".join(c for c in tekst if not unicodedata.combining(c)).strip()
    tekst = re.sub(r"^(gemeente|regio)\b", "", tekst)
    return "".join(c for c in tekst if c.isalnum())


def zonder_toevoeging(naam: str) -> str:
    """'Laren (NH.)' -> 'Laren'."""
    return _TOEVOEGING.sub("", naam)


def toevoeging(naam: str) -> str | None:
    """The text between brackets at the end of a name ('NH.' of 'Laren (NH.)'), or None."""
    gevonden = _TOEVOEGING.search(naam)
    return None if gevonden is None else gevonden.group().strip()[1:-1]


def is_provincie(tekst: str) -> bool:
    """Whether a bracketed suffix names a province ('NH.', 'N.H.', 'Limburg'): the only suffix that may be left out
    or added. Anything else between brackets ('alleen Loosdrecht', 'vanaf 2023') says something about the gemeente
    that a reader must not lose: it is never dropped to make a name match."""
    return sleutel(tekst) in _PROVINCIES


@cache
def _namen_met_komma() -> frozenset[str]:
    from evaluatie.gemeenteregister import gemeenten

    return frozenset(sleutel(g.naam) for g in gemeenten() if "," in g.naam)


def splits_gemeenten(tekst: str | None) -> list[str]:
    """Names separated by , or ; ('Almere, Dronten;Lelystad'), where pieces that together are a gemeente of the
    register stay one name: 'Eindhoven, Nuenen, Gerwen en Nederwetten' is two gemeenten, not three unknown ones."""
    delen = [d.strip() for d in re.split(r"[,;]", tekst or "") if d.strip()]
    uit: list[str] = []
    i = 0
    while i < len(delen):
        j = next(
            (j for j in range(len(delen), i + 1, -1) if sleutel(", ".join(delen[i:j])) in _namen_met_komma()), i + 1
        )
        uit.append(", ".join(delen[i:j]))
        i = j
    return uit


def in_lijst(naam: str) -> str:
    """A name as an item of a list separated by commas: between quotation marks when it has a comma itself (CBS:
    'Nuenen, Gerwen en Nederwetten'), which would otherwise read as several names."""
    return f'"{naam}"' if "," in naam else naam


def opsomming(namen: list[str], voegwoord: str = "of") -> str:
    """'A', 'A of B', 'A, B of C'; a name with a comma in a list of two or more is quoted ('A, "B, C en D" en E')."""
    if len(namen) <= 1:
        return "".join(namen)
    namen = [in_lijst(n) for n in namen]
    return f"{', '.join(namen[:-1])} {voegwoord} {namen[-1]}"


class Namen:
    """A fixed list of valid names and how to find one of them from what a user typed."""

    def __init__(self, geldig: Iterable[str], aliassen: dict[str, str] | None = None):
        """`aliassen` (standard: ALIASSEN) only count for a name among `geldig`: a tender with 's-Hertogenbosch
        knows 'Den Bosch' in --subregio, its own lists and the bids, as the register does; other lists are not
        affected."""
        aliassen = ALIASSEN if aliassen is None else aliassen
        self.geldig = list(dict.fromkeys(geldig))
        self._op_sleutel: dict[str, str] = {}
        for n in self.geldig:
            self._op_sleutel.setdefault(sleutel(n), n)
        self._kaal: dict[str, list[str]] = {}
        for n in self.geldig:
            self._kaal.setdefault(sleutel(zonder_toevoeging(n)), []).append(n)
        self._aliassen = {sleutel(k): v for k, v in (aliassen or {}).items() if v in self.geldig}

    def zoek(self, naam: str) -> str | None:
        """The valid name meant by `naam`, or None. Never guesses between two candidates."""
        s = sleutel(naam)
        if not s:
            return None
        if s in self._op_sleutel:
            return self._op_sleutel[s]
        extra = toevoeging(naam)
        kaal = sleutel(zonder_toevoeging(naam))
        if extra is not None and is_provincie(extra) and kaal in self._op_sleutel:
            return self._op_sleutel[kaal]
        kandidaten = self._kaal.get(s, [])
        if len(kandidaten) == 1:
            return kandidaten[0]
        return self._aliassen.get(s)

    def suggesties(self, naam: str, aantal: int = 3) -> list[str]:
        """Closest valid names: same name with another suffix, a prefix match, or similar spelling."""
        s = sleutel(naam)
        if not s:
            return []
        uit = list(self._kaal.get(sleutel(zonder_toevoeging(naam)), []))
        if len(s) >= 3:
            uit += [n for k, n in self._op_sleutel.items() if k.startswith(s) or (len(k) >= 3 and s.startswith(k))]
        import difflib  # only for a name that matches nothing (1 ms of every import otherwise)

        uit += [self._op_sleutel[k] for k in difflib.get_close_matches(s, list(self._op_sleutel), n=aantal, cutoff=0.6)]
        return list(dict.fromkeys(uit))[:aantal]

    def bijna(self, naam: str, drempel: float = 0.85) -> str | None:
        """The one valid name `naam` is almost spelled as ('Land van Cuyk' -> 'Land van Cuijk'), or None: stricter
        than `suggesties`, so a fictitious name ('Noord') is not taken for a misspelled 'Noordwijk'."""
        import difflib

        if self.zoek(naam) is not None:
            return None
        dichtst = difflib.get_close_matches(sleutel(naam), list(self._op_sleutel), n=1, cutoff=drempel)
        return self._op_sleutel[dichtst[0]] if dichtst else None

    def toelichting(self, naam: str, peildatum: dt.date | None = None) -> str:
        """What to add after 'X is unknown': where an old gemeente went, or 'bedoelt u ...?'."""
        delen: list[str] = []
        stukken = [d.strip() for d in re.split(r"[,/]", naam) if d.strip()]
        if len(stukken) > 1 and all(self.zoek(d) for d in stukken):
            gevonden = [self.zoek(d) or d for d in stukken]
            return f"dit zijn {len(gevonden)} gemeenten ({opsomming(gevonden, 'en')}); geef ze afzonderlijk op"
        oud = opgeheven(naam, peildatum)
        if oud is not None:
            delen.append(
                f"de gemeente {oud.naam} bestaat sinds {datum(oud.opgeheven_per)} niet meer "
                f"en is opgegaan in {opsomming(list(oud.opgegaan_in), 'en')}"
            )
            opvolgers = [opvolger for n in oud.opgegaan_in if (opvolger := self.zoek(n)) is not None]
            if opvolgers:
                delen.append(f"bedoelt u {opsomming(opvolgers)}?")
                return "; ".join(delen)
        suggesties = self.suggesties(naam)
        if suggesties:
            delen.append(f"bedoelt u {opsomming(suggesties)}?")
        elif len(self.geldig) <= 12:
            delen.append(f"geldig: {', '.join(in_lijst(n) for n in self.geldig)}")
        return "; ".join(delen)

    def melding(self, naam: str, onbekend: str, peildatum: dt.date | None = None) -> str:
        """The full message, e.g. 'Hilversun' hoort niet bij deze aanbesteding; bedoelt u Hilversum?"""
        extra = self.toelichting(naam, peildatum)
        return f"'{naam}' {onbekend}" + (f"; {extra}" if extra else "")


@cache
def _herindelingen_op_sleutel() -> dict[str, Any]:
    from evaluatie.gemeenteregister import herindelingen

    return {sleutel(h.naam): h for h in herindelingen()}


def opgeheven(naam: str, peildatum: dt.date | None = None) -> Any:
    """The herindeling that dissolved gemeente `naam` on or before `peildatum` (any date if None)."""
    h = _herindelingen_op_sleutel().get(sleutel(naam))
    return h if h is not None and (peildatum is None or h.opgeheven_per <= peildatum) else None


def register_namen() -> Namen:
    """All gemeenten of the bundled CBS register, with the everyday aliases."""
    from evaluatie.gemeenteregister import gemeenten

    return Namen([g.naam for g in gemeenten()])


def regio_namen() -> Namen:
    from evaluatie.gemeenteregister import arbeidsmarktregios

    return Namen(arbeidsmarktregios())

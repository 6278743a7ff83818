"""The kinds of event a placement can have, with the words gemeenten use for them in their exports.

One registry: the intake reads the words, the schema's CHECK lists the codes, and reports use the labels.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Soort:
    code: str
    label: str
    woorden: tuple[str, ...]
    route_nodig: bool = False
    uitslag_nodig: bool = False


SOORTEN: dict[str, Soort] = {
    s.code: s
    for s in (
        Soort("aangemeld", "aangemeld", ("aangemeld", "aanmelding", "geplaatst", "plaatsing"), route_nodig=True),
        Soort("gestart", "gestart", ("gestart", "start")),
        Soort("voortijdig_gestopt", "voortijdig gestopt", ("voortijdig gestopt", "gestopt", "uitval", "uitgevallen")),
        Soort("afgerond", "afgerond", ("afgerond", "afgesloten", "voltooid")),
        Soort("examen", "examenuitslag", ("examen", "examenuitslag", "uitslag examen"), uitslag_nodig=True),
        Soort(
            "route_gewijzigd",
            "route gewijzigd (afschaling)",
            ("route gewijzigd", "afschaling", "routewijziging", "afgeschaald"),
            route_nodig=True,
        ),
    )
}

_PER_WOORD = {w: s for s in SOORTEN.values() for w in (s.code, *s.woorden)}

UITSLAGEN = {
    "b1": "B1 behaald",
    "b1 behaald": "B1 behaald",
    "hoogst haalbaar": "hoogst haalbare niveau behaald",
    "hoogst haalbare niveau": "hoogst haalbare niveau behaald",
    "niet behaald": "niet behaald",
    "gezakt": "niet behaald",
}
GESLAAGD = frozenset({"B1 behaald", "hoogst haalbare niveau behaald"})


def soort(tekst: str) -> Soort | None:
    return _PER_WOORD.get(" ".join(tekst.strip().lower().replace("_", " ").split()))


def uitslag(tekst: str) -> str | None:
    return UITSLAGEN.get(" ".join(tekst.strip().lower().split()))


def woorden() -> str:
    return ", ".join(s.woorden[0] for s in SOORTEN.values())

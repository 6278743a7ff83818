"""Which tender a bid form was made for: the title on its Instructie sheet, checked when the bid is read.

A bid names its lots by code and its gemeenten as 'alle' or by name. On the form of another tender (the same
bidder's form for last year's tender, or a neighbouring region's) the same codes and 'alle' mean other gemeenten
and other rules; read as a bid for this tender it would be misread. Refused with the cell instead. A form without
the title (an Instructie sheet removed or retyped) is read as before.
"""

from __future__ import annotations

import re

from evaluatie.definitie.model import Aanbesteding
from evaluatie.fouten import Verzamelaar
from evaluatie.inschrijving import velden as v
from evaluatie.werkboek import Tabblad, als_tekst, cellen_als_tekst, celnaam


def titel(aanbesteding: Aanbesteding) -> str:
    return v.TITEL + aanbesteding.naam


def controleer_herkomst(aanbesteding: Aanbesteding, tabbladen: dict[str, Tabblad], fouten: Verzamelaar) -> None:
    t = tabbladen.get(v.TABBLAD_INSTRUCTIE)
    if t is None or not t.rijen:
        return
    regel = als_tekst(t.waarde(0, 0)).strip()
    if regel.startswith(v.TITEL) and regel != titel(aanbesteding):
        fouten.voeg_toe(
            t.plaats(0, 0),
            f"dit inschrijfformulier is gemaakt voor de aanbesteding '{regel[len(v.TITEL) :]}', niet voor "
            f"'{aanbesteding.naam}': percelen en 'alle' gemeenten betekenen daar iets anders, dus het wordt niet als "
            "inschrijving op deze aanbesteding gelezen. Is de naam van deze aanbesteding na de publicatie gewijzigd, "
            "zet hem dan terug",
        )


_PERCEELKOP = re.compile(r"^Perceel (.+?) \((.*)\)$")


def gemeenten_op_formulier(aanbesteding: Aanbesteding, tabbladen: dict[str, Tabblad]) -> dict[str, frozenset[str]]:
    """Per lot of this tender, the gemeenten that the form's Perceelgegevens sheet lists for it: what 'alle' meant to
    the bidder. A form of an earlier version of this tender (before a gemeente joined the lot) has the same title, so
    its 'alle' would be read as gemeenten the bidder never saw. Lots the sheet does not list (or a form without the
    sheet) are left out: there 'alle' is read as before. Names are those of this tender where they are one of its
    gemeenten."""
    t = tabbladen.get(v.TABBLAD_PERCEELGEGEVENS)
    if t is None:
        return {}
    # every bid of a tender carries the same generated sheet: read once per content (issue #24: 81 of the national
    # bench's 150 bids say 'alle', 0.37 s cpu to read the same 1.000 rows 81 times)
    sleutel = (id(aanbesteding), tuple(tuple(rij) for rij in t.rijen))
    if (bekend := _GELEZEN.get(sleutel)) is not None:
        return bekend
    _GELEZEN.clear()  # at most the last sheet: nothing piles up in a long-running process
    _GELEZEN[sleutel] = uit_ = _gemeenten_op_blad(aanbesteding, t)
    return uit_


_GELEZEN: dict[tuple[object, ...], dict[str, frozenset[str]]] = {}


def _gemeenten_op_blad(aanbesteding: Aanbesteding, t: Tabblad) -> dict[str, frozenset[str]]:
    uit: dict[str, set[str]] = {}
    code: str | None = None
    lijst: set[str] | None = None
    for r in range(len(t.rijen)):
        a, b = als_tekst(t.waarde(r, 0)), als_tekst(t.waarde(r, 1))
        kop = _PERCEELKOP.match(a) if not b else None
        if kop is not None:
            perceel = aanbesteding.perceel(kop.group(1))
            code, lijst = (perceel.code if perceel is not None else None), None
        elif code is not None and (a, b) == ("Gemeente", "Subregio"):
            lijst = uit.setdefault(code, set())
        elif lijst is not None and a and a != "Criterium":
            g = None if a in aanbesteding.gemeente_index else aanbesteding.gemeente(a)  # the form's own names: fast
            lijst.add(g.naam if g is not None else a)
        else:
            lijst = None
    return {c: frozenset(namen) for c, namen in uit.items()}


def toegevoegd_op_formulier(aanbesteding: Aanbesteding, tabbladen: dict[str, Tabblad]) -> list[str]:
    """A note for text a bidder added to the form's own information sheets: beside the instructions, below them, or
    in a column of Perceelgegevens the form leaves empty ('Eemnes alleen onder voorbehoud'). It is not read, like a
    sheet of the bidder's own (lezen._andere_tabbladen), and was passed over without a word; a condition there is for
    a person to judge. Only cells where the form of this tender has nothing are named."""
    from evaluatie.inschrijving.formulier import instructieregels

    regels = instructieregels(aanbesteding)
    gevuld = {  # the cells the form itself fills: Instructie its lines in column A, Perceelgegevens columns A-C
        v.TABBLAD_INSTRUCTIE: (0, lambda r, k: k == 0 and r < len(regels) and regels[r] != ""),
        v.TABBLAD_PERCEELGEGEVENS: (3, lambda r, k: False),
    }
    notities = []
    for blad, (vanaf, van_het_formulier) in gevuld.items():
        t = tabbladen.get(blad)
        if t is None:
            continue
        cellen = [  # the form's own cells are never read (a national form lists 342 gemeenten per lot, issue #24)
            (r, k)
            for r, rij in enumerate(t.rijen)
            for k in range(vanaf, len(rij))
            if not van_het_formulier(r, k) and als_tekst(t.waarde(r, k))
        ]
        if cellen:
            namen = ", ".join(celnaam(r, k) for r, k in cellen[:10]) + (
                f" en {len(cellen) - 10} meer" if len(cellen) > 10 else ""
            )
            eerste = cellen_als_tekst(t, cellen[0][0], [cellen[0][1]])
            notities.append(
                f"inschrijvingen/{t.bestand}!{t.naam}: {namen} ('{eerste}'{', ...' if len(cellen) > 1 else ''}) staat "
                "niet op het inschrijfformulier van deze aanbesteding en wordt niet gelezen; lees het zelf (een "
                "voorbehoud of toelichting moet een persoon beoordelen)"
            )
    return notities

"""The document of a decision that a gemeente joins the framework agreement later (contract aansluiting).

Why a document: the suppliers that get the new gemeente's inburgeraars, and whoever reviews the contract file, must
be able to read who decided, on what ground, from when, and how each number follows from the published rule and the
capacity left; the register alone is not read by them. Every figure comes from the computation it reports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from evaluatie.contract.lezen import Register
from evaluatie.gemeentenamen import opsomming
from evaluatie.gunning.aansluitregel import C216
from evaluatie.rapport.document import Document
from evaluatie.tekst import getal


@dataclass(frozen=True)
class Jaarverdeling:
    """One contract year of the new gemeente's allocation, with what it was computed from."""

    jaar: int
    # (supplier, rank, capacity, already allocated that year in the lot, allocated to the gemeente), ranking order
    rijen: tuple[tuple[str, int, int, int, int], ...]


@dataclass(frozen=True)
class Aansluiting:
    """One admission (contract aansluiting): who, which lot, from when, and the allocation per contract year."""

    gemeente: str
    perceel: str
    perceelnaam: str
    vanaf: dt.date
    per_jaar: int
    jaren: tuple[Jaarverdeling, ...]
    besluit: int
    bestanden: tuple[Path, ...]  # the decision's document: html and docx


def besluitdocument(reg: Register, a: Aansluiting, datum: dt.date, door: str, reden: str) -> Document:
    raam = reg.percelen[a.perceel].raam_trajecten
    d = Document(f"Besluit {a.besluit}: {a.gemeente} sluit aan bij perceel {a.perceelnaam}")
    d.onderwerp = "Besluit aansluiting gemeente"
    d.regels(
        [
            f"Aanbesteding: {reg.aanbesteding}",
            f"Datum van het besluit: {datum.strftime('%d-%m-%Y')}",
            f"Genomen door: {door}",
            f"Aansluiting per: {a.vanaf.strftime('%d-%m-%Y')} (contractjaar {a.jaren[0].jaar})",
        ]
    )
    d.alinea(
        f"De gemeente {a.gemeente} sluit per {a.vanaf.strftime('%d-%m-%Y')} aan bij de raamovereenkomst voor perceel "
        f"{a.perceelnaam}. Reden: {reden}"
    )
    d.alinea(
        f"Grondslag: de aanbestedingsstukken noemen {a.gemeente} als mogelijke latere deelnemer aan deze "
        f"raamovereenkomst, met een verwacht aantal van {getal(a.per_jaar, 0)} inburgeraars per jaar; dat aantal is "
        f"meegeteld in het maximum van de raamovereenkomst ({getal(raam or 0, 0)} trajecten over de hele looptijd). "
        f"Dat volgt de regel van het Hof: {C216}."
    )
    d.alinea(
        "Verdeling volgens de regel die de gunningssystematiek vooraf bekendmaakte: het verwachte aantal per jaar gaat "
        "naar de gecontracteerde aanbieders van het perceel in de volgorde van de rangorde van de gunning (een "
        "uitgevallen aanbieder niet), ieder tot de capaciteit die hij dat contractjaar nog vrij heeft (zijn capaciteit "
        "per jaar min wat hem dat jaar in dit perceel al is toegewezen). De toewijzing aan de andere gemeenten "
        "verandert niet."
    )
    rijen = [
        [str(j.jaar), naam, str(rang), getal(cap, 0), getal(bezet, 0), getal(max(cap - bezet, 0), 0), getal(n, 0)]
        for j in a.jaren
        for naam, rang, cap, bezet, n in j.rijen
    ]
    d.tabel(
        [
            "Contractjaar",
            "Aanbieder",
            "Rang",
            "Capaciteit per jaar",
            "Al toegewezen",
            "Vrij",
            f"Toegewezen aan {a.gemeente}",
        ],
        rijen,
    )
    optie = [j.jaar for j in a.jaren if j.jaar > reg.jaren]
    if optie:  # allocated as at the start, for every year the tender allows; not yet in the term
        d.alinea(
            f"{'Contractjaar' if len(optie) == 1 else 'De contractjaren'} {opsomming([str(j) for j in optie], 'en')} "
            f"{'is een optiejaar dat' if len(optie) == 1 else 'zijn optiejaren die'} nog niet "
            f"{'is' if len(optie) == 1 else 'zijn'} uitgeoefend; de toewijzing daarin geldt als "
            f"{'het wordt' if len(optie) == 1 else 'zij worden'} uitgeoefend."
        )
    d.alinea(
        f"Vanaf {a.vanaf.strftime('%d-%m-%Y')} neemt het contractregister plaatsingen van {a.gemeente} in perceel "
        f"{a.perceelnaam} aan bij de aanbieders met een toewijzing hierboven; een gebeurtenis van {a.gemeente} van "
        "een eerdere dag is een fout in de aanlevering."
    )
    return d

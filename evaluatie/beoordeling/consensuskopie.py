"""The reviewers' scores a consensus workbook shows beside each row, against the signed forms as they are now.

`evaluatie template consensus` copies every reviewer's score next to the row the panel decides (read-only
columns, evaluatie.beoordeling.consensuswerkboek). The panel's consensus is a decision taken on those scores. When a
reviewer changes the signed form afterwards, the consensus stands on scores the forms no longer hold: applying it
would let the advies and the letters cite a meeting that saw something else. So a decided row whose copied score
differs from the form is an input error at the copied cell, until the panel has looked again (a re-run of the
template brings the columns up to date and keeps what the panel typed). A hand-made consensus workbook without the
reviewers' columns has nothing to compare.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evaluatie.beoordeling.formulier import KOLOMMEN
from evaluatie.beoordeling.model import Beoordelingsformulier, Score
from evaluatie.definitie.model import Aanbesteding
from evaluatie.fouten import Verzamelaar
from evaluatie.naamvorm import sleutel as naamsleutel
from evaluatie.tekst import kort
from evaluatie.werkboek import Tabblad, als_tekst


@dataclass(frozen=True)
class Kopie:
    """A reviewer's score as the consensus workbook shows it beside a decided row."""

    sleutel: tuple[str, str, str]  # inschrijver, perceel, criterium (code)
    criterium: str  # its name, as the message says it
    beoordelaar: str
    waarde: object
    cel: str


def kopieen(t: Tabblad, start: int, beoordelaars: Sequence[str], besloten: Sequence[Score]) -> list[Kopie]:
    """The copied reviewer scores beside every decided row (`besloten`: the consensus scores read). A reviewer's
    column is found by the name above its 'Score' header (the group row the template writes)."""
    if start < 1:
        return []
    bekend = {naamsleutel(b): b for b in beoordelaars}
    kolommen = {
        bekend[naamsleutel(als_tekst(t.waarde(start - 1, k)))]: k
        for k in range(len(t.rijen[start - 1]))
        if naamsleutel(als_tekst(t.waarde(start - 1, k))) in bekend and als_tekst(t.waarde(start, k)) == "Score"
    }
    uit = []
    for s in besloten:
        r = int("".join(c for c in s.cel.rsplit("!", 1)[-1] if c.isdigit())) - 1
        for naam, k in kolommen.items():
            sleutel = (s.inschrijver, s.perceel, s.criterium)
            uit.append(Kopie(sleutel, als_tekst(t.waarde(r, 2)), naam, t.waarde(r, k), t.plaats(r, k)))
    return uit


def controleer_panel(
    t: Tabblad, start: int, beoordelaars: Sequence[str], besloten: Sequence[Score], fouten: Verzamelaar
) -> None:
    """An error when the decided rows show the scores of a reviewer no longer in `beoordelaars` (replaced after a
    declared conflict of interest) or lack a column of one who is: the panel decided without the scores the forms
    now give, and the check of each copied score compares only the reviewers who are there on both sides. Only a
    workbook with reviewers' columns (the template's); a hand-made one has nothing to compare."""
    if start < 1 or not besloten:
        return
    bekend = {naamsleutel(b): b for b in beoordelaars}
    groepen = {  # a group name above a 'Score' header, right of the panel's own columns
        k: als_tekst(t.waarde(start - 1, k))
        for k in range(len(KOLOMMEN), len(t.rijen[start - 1]))
        if als_tekst(t.waarde(start - 1, k)) and als_tekst(t.waarde(start, k)) == "Score"
    }
    aanwezig = {bekend[naamsleutel(n)] for n in groepen.values() if naamsleutel(n) in bekend}
    if not aanwezig:
        return
    vreemd = {k: n for k, n in groepen.items() if naamsleutel(n) not in bekend}
    ontbreekt = [b for b in beoordelaars if b not in aanwezig]
    if not vreemd and not ontbreekt:
        return
    wat = []
    if vreemd:
        wat.append(
            f"met de scores van {' en '.join(vreemd.values())} ernaast, "
            f"{'die' if len(vreemd) == 1 else 'die geen van allen'} niet onder beoordelaars in aanbesteding.yaml "
            f"{'staat' if len(vreemd) == 1 else 'staan'}"
        )
    if ontbreekt:
        wat.append(f"zonder de scores van {' en '.join(ontbreekt)}")
    regels = len(besloten)
    fouten.voeg_toe(
        t.plaats(start - 1, min(vreemd)) if vreemd else f"{t.bestand}!{t.naam}",
        f"het consensusoverleg besliste {regels} {'regel' if regels == 1 else 'regels'} {' en '.join(wat)}: de "
        "consensus is genomen op andere scores dan de formulieren van het panel nu bevatten (een vervangen "
        "beoordelaar?). Laat het panel die regels opnieuw bekijken; 'evaluatie template consensus' zet de huidige "
        "beoordelaars en scores in het consensusbestand en bewaart de consensusscore en -motivering",
    )


def controleer_kopieen(
    aanbesteding: Aanbesteding,
    kopie: Sequence[Kopie],
    formulieren: Sequence[Beoordelingsformulier],
    fouten: Verzamelaar,
) -> None:
    """An error at every copied score that differs from the reviewer's form (a form not read, or without the row,
    is reported where it is read)."""
    nu = {(f.beoordelaar, (s.inschrijver, s.perceel, s.criterium)): s for f in formulieren for s in f.scores}
    for k in kopie:
        s = nu.get((k.beoordelaar, k.sleutel))
        if s is None:
            continue
        schaal = aanbesteding.percelen[k.sleutel[1]].schaal
        stap = schaal.zoek(k.waarde) if als_tekst(k.waarde) else None
        if stap is not None and schaal.stappen.index(stap) == s.stap:
            continue
        toen = f"'{als_tekst(k.waarde)}'" if als_tekst(k.waarde) else "geen score"
        label = schaal.stappen[s.stap].label
        fouten.voeg_toe(
            k.cel,
            f"het consensusoverleg besliste deze regel ({k.sleutel[0]}, perceel {k.sleutel[1]}, {k.criterium}) met "
            f"de score {toen} van {k.beoordelaar} ernaast; het formulier van {k.beoordelaar} geeft nu "
            f"'{label or kort(s.punten)}' ({s.cel}): de consensus is genomen op andere scores dan de formulieren "
            "nu bevatten. Laat het panel de regel opnieuw bekijken; 'evaluatie template consensus' zet de huidige "
            "scores in het consensusbestand en bewaart de consensusscore en -motivering",
        )

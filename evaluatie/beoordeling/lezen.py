"""Read the reviewers' workbooks and the optional consensus workbook, validating everything.

Every problem of every file is reported together with file!sheet!cell (exit 2).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from evaluatie.beoordeling.formulier import (
    CONSENSUSBESTAND,
    KOLOMMEN,
    TABBLAD,
    TABBLAD_CONSENSUS,
    VELD_BEOORDELAAR,
    VELD_DATUM,
    VELD_VERKLARING,
)
from evaluatie.beoordeling.model import Beoordelingsformulier, Consensus, Score
from evaluatie.definitie.model import Aanbesteding
from evaluatie.fouten import Verzamelaar
from evaluatie.hashing import sha256_bestand
from evaluatie.werkboek import Tabblad, als_datum, als_janee, als_tekst, lees_map, lees_werkboek

Sleutel = tuple[str, str, str]  # inschrijver, perceel, criterium


def lees_beoordelingen(
    aanbesteding: Aanbesteding,
    map_: Path,
    te_beoordelen: Sequence[Sleutel],
    inschrijvers: Sequence[str],
) -> tuple[list[Beoordelingsformulier], Consensus | None]:
    """All reviewer forms (sorted by reviewer name) and the consensus, or InvoerFout."""
    fouten = Verzamelaar()
    bestanden = lees_map(map_, fouten)  # links out of the werkmap or broken: errors, not skipped
    formulieren: list[Beoordelingsformulier] = []
    consensus: Consensus | None = None
    genoemd: set[str] = set()  # reviewers named in a form, valid or not
    for pad in bestanden:
        if pad.name == CONSENSUSBESTAND:
            consensus = _lees_consensus(aanbesteding, pad, te_beoordelen, inschrijvers, fouten)
        else:
            f = _lees_formulier(aanbesteding, pad, te_beoordelen, inschrijvers, fouten, genoemd)
            if f is not None:
                formulieren.append(f)
    gezien: dict[str, str] = {}
    for f in formulieren:
        if f.beoordelaar in gezien:
            fouten.voeg_toe(
                f"{f.bestand}!{TABBLAD}!B1", f"beoordelaar {f.beoordelaar} heeft ook {gezien[f.beoordelaar]} ingeleverd"
            )
        gezien.setdefault(f.beoordelaar, f.bestand)
    for naam in aanbesteding.beoordelaars:
        if naam not in genoemd:
            fouten.voeg_toe(map_.name, f"geen beoordeling ontvangen van {naam}")
    fouten.controleer()
    return sorted(formulieren, key=lambda f: f.beoordelaar.lower()), consensus


def _tabel_start(t: Tabblad) -> int | None:
    for r in range(len(t.rijen)):
        if als_tekst(t.waarde(r, 0)) == KOLOMMEN[0]:
            return r
    return None


def _lees_tabel(
    aanbesteding: Aanbesteding,
    t: Tabblad,
    te_beoordelen: Sequence[Sleutel],
    inschrijvers: Sequence[str],
    fouten: Verzamelaar,
    volledig: bool,
) -> list[Score]:
    start = _tabel_start(t)
    if start is None or [als_tekst(t.waarde(start, j)) for j in range(5)] != list(KOLOMMEN):
        fouten.voeg_toe(f"{t.bestand}!{t.naam}", "kopregel ontbreekt: " + " | ".join(KOLOMMEN))
        return []
    verwacht = set(te_beoordelen)
    namen = {n.lower(): n for n in inschrijvers}
    scores: list[Score] = []
    eerste: dict[Sleutel, str] = {}
    for r in range(start + 1, len(t.rijen)):
        cel = [t.waarde(r, j) for j in range(5)]
        if all(als_tekst(c) == "" for c in cel):
            continue
        n = len(fouten.fouten)
        ins = namen.get(als_tekst(cel[0]).lower())
        if ins is None:
            fouten.voeg_toe(t.plaats(r, 0), f"onbekende inschrijver '{als_tekst(cel[0])}'")
        perceel = aanbesteding.perceel(als_tekst(cel[1]))
        if perceel is None:
            fouten.voeg_toe(
                t.plaats(r, 1), f"onbekend perceel '{als_tekst(cel[1])}'; kies uit {', '.join(aanbesteding.percelen)}"
            )
        crit = perceel.criterium(als_tekst(cel[2])) if perceel else None
        if perceel is not None and crit is None:
            fouten.voeg_toe(
                t.plaats(r, 2),
                f"onbekend criterium '{als_tekst(cel[2])}' voor perceel {perceel.code}; "
                f"kies uit {', '.join(c.naam for c in perceel.gunningscriteria)}",
            )
        stap = None
        if perceel is not None:
            if als_tekst(cel[3]) == "":
                fouten.voeg_toe(t.plaats(r, 3), "score ontbreekt")
            else:
                stap = perceel.schaal.zoek(cel[3])
                if stap is None:
                    fouten.voeg_toe(
                        t.plaats(r, 3),
                        f"score '{als_tekst(cel[3])}' staat niet op de schaal ({perceel.schaal.beschrijving()})",
                    )
        if als_tekst(cel[4]) == "":
            fouten.voeg_toe(t.plaats(r, 4), "toelichting ontbreekt; iedere score moet gemotiveerd zijn")
        if ins is None or perceel is None or crit is None:
            continue
        sleutel = (ins, perceel.code, crit.code)
        if sleutel not in verwacht:
            fouten.voeg_toe(
                t.plaats(r, 0),
                f"{ins} staat niet ter beoordeling voor perceel {perceel.code} "
                "(niet ingeschreven of niet door de knock-outtoets)",
            )
            continue
        if sleutel in eerste:
            fouten.voeg_toe(
                t.plaats(r, 0), f"dubbele regel: {ins}, {perceel.code}, {crit.naam} staat ook op {eerste[sleutel]}"
            )
            continue
        eerste[sleutel] = f"rij {r + 1}"
        if len(fouten.fouten) > n or stap is None:
            continue
        scores.append(
            Score(
                inschrijver=ins,
                perceel=perceel.code,
                criterium=crit.code,
                stap=perceel.schaal.stappen.index(stap),
                punten=stap.punten,
                toelichting=als_tekst(cel[4]),
                cel=t.plaats(r, 3),
            )
        )
    if volledig:
        for ins, code, crit in te_beoordelen:
            if (ins, code, crit) not in eerste:
                naam = aanbesteding.percelen[code].criterium(crit).naam
                fouten.voeg_toe(f"{t.bestand}!{t.naam}", f"regel ontbreekt: {ins}, perceel {code}, {naam}")
    return scores


def _lees_formulier(
    aanbesteding: Aanbesteding,
    pad: Path,
    te_beoordelen: Sequence[Sleutel],
    inschrijvers: Sequence[str],
    fouten: Verzamelaar,
    genoemd: set[str],
) -> Beoordelingsformulier | None:
    tabbladen = lees_werkboek(pad, pad.name, fouten)
    if tabbladen is None:
        return None
    if TABBLAD not in tabbladen:
        fouten.voeg_toe(pad.name, f"tabblad '{TABBLAD}' ontbreekt; gebruik het beoordelingsformulier")
        return None
    t = tabbladen[TABBLAD]
    n = len(fouten.fouten)
    kop = {als_tekst(t.waarde(r, 0)): r for r in range(min(4, len(t.rijen)))}
    for veld in (VELD_BEOORDELAAR, VELD_DATUM, VELD_VERKLARING):
        if veld not in kop:
            fouten.voeg_toe(f"{t.bestand}!{t.naam}", f"veld '{veld}' ontbreekt boven de tabel")
    if len(fouten.fouten) > n:
        return None
    naam = als_tekst(t.waarde(kop[VELD_BEOORDELAAR], 1))
    bekend = {b.lower(): b for b in aanbesteding.beoordelaars}
    beoordelaar = bekend.get(naam.lower())
    if beoordelaar is not None:
        genoemd.add(beoordelaar)
    if beoordelaar is None:
        fouten.voeg_toe(
            t.plaats(kop[VELD_BEOORDELAAR], 1),
            f"beoordelaar '{naam}' staat niet in de aanbesteding; bekend: {', '.join(aanbesteding.beoordelaars)}",
        )
    datum = als_datum(t.waarde(kop[VELD_DATUM], 1))
    if datum is None:
        fouten.voeg_toe(
            t.plaats(kop[VELD_DATUM], 1),
            f"datum ontbreekt of is geen datum: '{als_tekst(t.waarde(kop[VELD_DATUM], 1))}'",
        )
    verklaring = als_janee(t.waarde(kop[VELD_VERKLARING], 1))
    if verklaring is not True:
        fouten.voeg_toe(
            t.plaats(kop[VELD_VERKLARING], 1),
            "beoordelaar heeft niet verklaard onafhankelijk te zijn (geen belangenverstrengeling: ja)",
        )
    scores = _lees_tabel(aanbesteding, t, te_beoordelen, inschrijvers, fouten, volledig=True)
    if len(fouten.fouten) > n:
        return None
    return Beoordelingsformulier(
        bestand=pad.name, sha256=sha256_bestand(pad), beoordelaar=beoordelaar, datum=datum, scores=tuple(scores)
    )


def _lees_consensus(
    aanbesteding: Aanbesteding,
    pad: Path,
    te_beoordelen: Sequence[Sleutel],
    inschrijvers: Sequence[str],
    fouten: Verzamelaar,
) -> Consensus | None:
    tabbladen = lees_werkboek(pad, pad.name, fouten)
    if tabbladen is None:
        return None
    t = tabbladen.get(TABBLAD_CONSENSUS) or tabbladen.get(TABBLAD)
    if t is None:
        fouten.voeg_toe(pad.name, f"tabblad '{TABBLAD_CONSENSUS}' ontbreekt")
        return None
    n = len(fouten.fouten)
    scores = _lees_tabel(aanbesteding, t, te_beoordelen, inschrijvers, fouten, volledig=False)
    if len(fouten.fouten) > n:
        return None
    return Consensus(bestand=pad.name, sha256=sha256_bestand(pad), scores=tuple(scores))

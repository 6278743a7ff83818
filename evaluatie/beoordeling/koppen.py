"""The header of a reviewer's form (name, date, independence declaration): read and checked in one place.

The header does not depend on the bids. `lees_beoordelingen` reads it before the score table; when a bid workbook
has errors the rows to score are unknown, and `koppen_fouten` reports the headers alone, so a user sees every
problem of every file at once. Both use `lees_kop`: a second copy of the checks said 'nee' at the declaration was
an empty cell, let a date before the closing pass, and gave a misspelt name no suggestion, only when a bid had an
error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluatie.beoordeling.formulier import (
    CONSENSUSBESTAND,
    TABBLAD,
    TABBLAD_CONSENSUS,
    VELD_BEOORDELAAR,
    VELD_DATUM,
    VELD_VERKLARING,
    bestandsnaam,
)
from evaluatie.beoordeling.herkomst import controleer_herkomst
from evaluatie.beoordeling.verklaring import VELD_VERKLARING_OUD, lees_verklaring
from evaluatie.definitie.model import Aanbesteding
from evaluatie.fouten import Fout, Verzamelaar
from evaluatie.naamvorm import sleutel as naamsleutel
from evaluatie.veldrijen import rij_per_veld
from evaluatie.werkboek import Tabblad, als_datum, als_tekst, geen_datum, lees_map, lees_werkboek


@dataclass(frozen=True)
class Kop:
    """A form's workbook and its header as read; `beoordelaar`, `datum` and `verklaring` are None where wrong (the
    error is in the collector)."""

    tabbladen: dict[str, Tabblad]
    blad: Tabblad
    rijen: dict[str, int]  # field -> its row
    naam: str  # the Beoordelaar field as typed
    beoordelaar: str | None
    datum: dt.date | None
    verklaring: bool | None
    oude_vraag: bool  # the declaration's cell answers the old ja/nee question (a form made before the two statements)


def lees_kop(
    aanbesteding: Aanbesteding,
    pad: Path,
    fouten: Verzamelaar,
    naam_in: dict[str, tuple[str, str]] | None = None,
) -> Kop | None:
    """The header of one reviewer form with its errors, or None when the form has no readable header. `naam_in`
    collects per file the reviewer it names as typed ('' for none) and that cell."""
    tabbladen = lees_werkboek(pad, pad.name, fouten)
    if tabbladen is None:
        return None
    if TABBLAD not in tabbladen and TABBLAD_CONSENSUS in tabbladen:  # 'Consensus.xlsx', 'consensus (2).xlsx'
        fouten.voeg_toe(
            pad.name,
            f"dit is een consensusbestand (tabblad '{TABBLAD_CONSENSUS}'), maar alleen {CONSENSUSBESTAND} wordt als "
            f"consensus gelezen; noem het {CONSENSUSBESTAND} (met kleine letters) of haal het uit de map",
        )
        return None
    if TABBLAD not in tabbladen:
        fouten.voeg_toe(pad.name, f"tabblad '{TABBLAD}' ontbreekt; gebruik het beoordelingsformulier")
        return None
    t = tabbladen[TABBLAD]
    velden = (VELD_BEOORDELAAR, VELD_DATUM, VELD_VERKLARING)
    kop = rij_per_veld(
        t, (*velden, VELD_VERKLARING_OUD), range(min(4, len(t.rijen))), fouten, "welke waarde de beoordelaar bedoelde"
    )
    oude_vraag = VELD_VERKLARING_OUD in kop
    if oude_vraag and VELD_VERKLARING in kop:  # both questions: which answer is the declaration is not ours to pick
        fouten.voeg_toe(
            t.plaats(kop[VELD_VERKLARING_OUD], 0),
            f"het formulier heeft twee verklaringen over belangenverstrengeling (rij {kop[VELD_VERKLARING] + 1} en "
            f"rij {kop[VELD_VERKLARING_OUD] + 1}); laat alleen '{VELD_VERKLARING}' staan",
        )
    elif oude_vraag:
        kop[VELD_VERKLARING] = kop[VELD_VERKLARING_OUD]
    kop.pop(VELD_VERKLARING_OUD, None)
    ontbreekt = [veld for veld in velden if veld not in kop]
    for veld in ontbreekt:
        fouten.voeg_toe(f"{t.bestand}!{t.naam}", f"veld '{veld}' ontbreekt boven de tabel")
    naam = "" if VELD_BEOORDELAAR in ontbreekt else als_tekst(t.waarde(kop[VELD_BEOORDELAAR], 1))
    if naam_in is not None:
        naam_in[pad.name] = (naam.strip(), "" if VELD_BEOORDELAAR in ontbreekt else t.plaats(kop[VELD_BEOORDELAAR], 1))
    if ontbreekt:  # a field written twice is said, and the rest of the form is still read
        return None
    bekend = {naamsleutel(b): b for b in aanbesteding.beoordelaars}
    beoordelaar = bekend.get(naamsleutel(naam))
    controleer_herkomst(aanbesteding, tabbladen, pad.name, fouten)  # another tender or scale: refused, not read
    if beoordelaar is None:
        fouten.voeg_toe(
            t.plaats(kop[VELD_BEOORDELAAR], 1),
            f"beoordelaar '{naam}' staat niet in de aanbesteding; bekend: {', '.join(aanbesteding.beoordelaars)}"
            + _bedoelt_u_beoordelaar(naam, aanbesteding.beoordelaars),
        )
    datum = als_datum(t.waarde(kop[VELD_DATUM], 1))
    if datum is None:
        fouten.voeg_toe(t.plaats(kop[VELD_DATUM], 1), geen_datum(t.waarde(kop[VELD_DATUM], 1)))
    elif (buiten := buiten_de_beoordeling(aanbesteding, datum)) is not None:
        fouten.voeg_toe(t.plaats(kop[VELD_DATUM], 1), buiten)
    gegeven = als_tekst(t.waarde(kop[VELD_VERKLARING], 1))
    verklaring, fout = lees_verklaring(gegeven, oude_vraag, beoordelaar or "de beoordelaar")
    if fout is not None:
        fouten.voeg_toe(t.plaats(kop[VELD_VERKLARING], 1), fout)
    return Kop(tabbladen, t, kop, naam, beoordelaar, datum, verklaring, oude_vraag)


def koppen_fouten(aanbesteding: Aanbesteding, map_: Path) -> list[Fout]:
    """Errors in the header of every reviewer form (not the score rows), with file!sheet!cell."""
    fouten = Verzamelaar()
    for pad in lees_map(map_, fouten):
        if pad.name != CONSENSUSBESTAND:
            lees_kop(aanbesteding, pad, fouten)
    return fouten.fouten


def formulierfouten_zonder_inschrijvingen(aanbesteding: Aanbesteding, map_: Path) -> list[Fout]:
    """The errors about the set of forms, read from the headers alone: a reviewer whose form is missing (or names
    someone else), and a reviewer with two forms. Said with a bid's error by the commands that need the panel's
    scores (pipeline.gun), as lees_beoordelingen says them when the bids are read; an unreadable header's own error is
    koppen_fouten's."""
    fouten = Verzamelaar()
    bestanden = lees_map(map_, Verzamelaar())
    genoemd: set[str] = set()
    naam_in: dict[str, tuple[str, str]] = {}
    ingeleverd: list[tuple[str, str]] = []
    for pad in bestanden:
        if pad.name != CONSENSUSBESTAND:
            kop = lees_kop(aanbesteding, pad, Verzamelaar(), naam_in)
            if kop is not None and kop.beoordelaar is not None:
                genoemd.add(kop.beoordelaar)
                ingeleverd.append((kop.beoordelaar, pad.name))
    dubbele_formulieren(ingeleverd, naam_in, fouten)
    ontbrekende_formulieren(aanbesteding, map_, bestanden, genoemd, naam_in, fouten)
    return fouten.fouten


def dubbele_formulieren(
    ingeleverd: Sequence[tuple[str, str]], naam_in: dict[str, tuple[str, str]], fouten: Verzamelaar
) -> None:
    """An error at every second form of one reviewer (`ingeleverd`: reviewer and file per form). The form under the
    reviewer's own file name first: the error stands at the copy, not at the form that is right."""
    gezien: dict[str, str] = {}
    for beoordelaar, bestand in sorted(ingeleverd, key=lambda f: (f[1] != bestandsnaam(f[0]), f[1])):
        if beoordelaar in gezien:
            fouten.voeg_toe(
                naam_in[bestand][1], f"beoordelaar {beoordelaar} heeft ook {gezien[beoordelaar]} ingeleverd"
            )
        gezien.setdefault(beoordelaar, bestand)


def ontbrekende_formulieren(
    aanbesteding: Aanbesteding,
    map_: Path,
    bestanden: Sequence[Path],
    genoemd: Collection[str],
    naam_in: dict[str, tuple[str, str]],
    fouten: Verzamelaar,
) -> None:
    """An error for every reviewer whose form names no one else and is not there: what is missing, which file, and
    where no form was written yet the command that writes them. Only the headers decide it (`genoemd`: the reviewers
    a header names; `naam_in`: per file the name as typed and its cell), not the bids, so a bid's error is said
    with it (koppen_fouten)."""
    for naam in aanbesteding.beoordelaars:
        if naam not in genoemd:
            eigen = bestandsnaam(naam)
            getypt, cel = naam_in.get(eigen, (None, ""))
            if getypt == "":  # the form is there but names nobody: not 'not received'
                fouten.voeg_toe(
                    eigen,
                    f"het formulier met de bestandsnaam van {naam} noemt geen beoordelaar (zie de fout in dit "
                    f"formulier), dus telt er nog geen beoordeling van {naam}",
                )
            elif getypt is not None:  # there, but another reviewer's (a copy, a swap): not 'not received' either
                fouten.voeg_toe(
                    eigen,
                    f"het formulier met de bestandsnaam van {naam} noemt beoordelaar '{getypt}' ({cel}), dus telt er "
                    f"nog geen beoordeling van {naam}",
                )
            elif any(p.name == eigen for p in bestanden):  # there, but not read (broken, no Beoordeling sheet)
                fouten.voeg_toe(
                    eigen,
                    f"het formulier met de bestandsnaam van {naam} kon niet worden gelezen (zie de fout bij dit "
                    f"bestand), dus telt er nog geen beoordeling van {naam}",
                )
            else:  # which file is missing, and where no form was written yet, the command that writes them
                nog_geen = "" if any(p.name != CONSENSUSBESTAND for p in bestanden) else NOG_GEEN_FORMULIER
                fouten.voeg_toe(
                    map_.name,
                    f"geen beoordeling ontvangen van {naam} (het formulier voor {naam} is {map_.name}/{eigen})"
                    + nog_geen,
                )


NOG_GEEN_FORMULIER = (
    "; er staat nog geen beoordelingsformulier in de map: 'evaluatie template beoordeling' schrijft er een per "
    "beoordelaar"
)


def buiten_de_beoordeling(aanbesteding: Aanbesteding, datum: dt.date) -> str | None:
    """Why a scoring date cannot be right, or None: the scoring lies between the closing (the bids are known)
    and the award decision (the advies of that day reports it in its proces-verbaal)."""
    from evaluatie.tekst import datum as voluit

    d = aanbesteding.data
    if datum < d.sluiting:
        return f"de datum ({voluit(datum)}) ligt voor de sluiting van de inschrijving ({voluit(d.sluiting)})"
    if datum > d.gunning:
        return (
            f"de datum ({voluit(datum)}) ligt na de gunningsbeslissing ({voluit(d.gunning)}, data.gunning): het advies "
            "van die dag kan deze beoordeling niet bevatten"
        )
    return None


def _bedoelt_u_beoordelaar(naam: str, beoordelaars: Sequence[str]) -> str:
    """'; bedoelt u 'Mehmet Yilmaz'? De namen verschillen in 'ı' (U+0131 ...)...' for a reviewer's name written
    otherwise in the form than in aanbesteding.yaml, or ''. A letter from another alphabet looks the same on
    screen: it is named, or the reader would look for a difference they cannot see."""
    import difflib  # only on this error path
    import unicodedata

    dichtst = difflib.get_close_matches(naam, list(beoordelaars), n=1, cutoff=0.6)
    if not dichtst:
        return ""
    anders = sorted({t for t in naam if not t.isascii() and t not in dichtst[0]})
    tekens = ", ".join(f"'{t}' (U+{ord(t):04X} {unicodedata.name(t, '')})".replace(" )", ")") for t in anders)
    verschil = f" De namen verschillen in {tekens}." if anders else ""
    return (
        f"; bedoelt u '{dichtst[0]}'?{verschil} Pas dan de naam in het formulier aan (of in aanbesteding.yaml, als "
        "die daar verkeerd staat)"
    )

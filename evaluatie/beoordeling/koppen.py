"""The parts of the reviewers' forms that can be checked without the bids.

When a bid workbook has errors, the rows to score are unknown, but a reviewer's name, date
and independence declaration can still be checked. Reporting them in the same run means a
user sees every problem of every file at once (the rows follow once the bids are in order).
"""

from __future__ import annotations

from pathlib import Path

from evaluatie.beoordeling.formulier import CONSENSUSBESTAND, TABBLAD, VELD_BEOORDELAAR, VELD_DATUM, VELD_VERKLARING
from evaluatie.definitie.model import Aanbesteding
from evaluatie.fouten import Fout, Verzamelaar
from evaluatie.naamvorm import sleutel as naamsleutel
from evaluatie.werkboek import als_datum, als_janee, als_tekst, geen_datum, lees_map, lees_werkboek


def koppen_fouten(aanbesteding: Aanbesteding, map_: Path) -> list[Fout]:
    """Errors in the header of every reviewer form (not the score rows), with file!sheet!cell."""
    fouten = Verzamelaar()
    for pad in lees_map(map_, fouten):
        if pad.name == CONSENSUSBESTAND:
            continue
        tabbladen = lees_werkboek(pad, pad.name, fouten)
        if tabbladen is None:
            continue
        t = tabbladen.get(TABBLAD)
        if t is None:
            fouten.voeg_toe(pad.name, f"tabblad '{TABBLAD}' ontbreekt; gebruik het beoordelingsformulier")
            continue
        kop = {als_tekst(t.waarde(r, 0)): r for r in range(min(4, len(t.rijen)))}
        ontbreekt = [v for v in (VELD_BEOORDELAAR, VELD_DATUM, VELD_VERKLARING) if v not in kop]
        for veld in ontbreekt:
            fouten.voeg_toe(f"{t.bestand}!{t.naam}", f"veld '{veld}' ontbreekt boven de tabel")
        if ontbreekt:
            continue
        naam = als_tekst(t.waarde(kop[VELD_BEOORDELAAR], 1))
        if naamsleutel(naam) not in {naamsleutel(b) for b in aanbesteding.beoordelaars}:
            fouten.voeg_toe(
                t.plaats(kop[VELD_BEOORDELAAR], 1),
                f"beoordelaar '{naam}' staat niet in de aanbesteding; bekend: {', '.join(aanbesteding.beoordelaars)}",
            )
        if als_datum(t.waarde(kop[VELD_DATUM], 1)) is None:
            fouten.voeg_toe(
                t.plaats(kop[VELD_DATUM], 1),
                geen_datum(t.waarde(kop[VELD_DATUM], 1)),
            )
        if als_janee(t.waarde(kop[VELD_VERKLARING], 1)) is not True:
            fouten.voeg_toe(
                t.plaats(kop[VELD_VERKLARING], 1),
                "beoordelaar heeft niet verklaard onafhankelijk te zijn (geen belangenverstrengeling: ja)",
            )
    return fouten.fouten

"""Consensus rows on the sheet Vervallen of a bid that is assessed again.

`evaluatie template consensus` moves a row the panel typed to the sheet Vervallen when its bid is no longer assessed
(a withdrawal, an exclusion), and puts it back when the bid is assessed again and the template runs again. Between
the two the reader saw only the sheet Consensus: the row was missing there, so with `aggregatie: gemiddelde` or
`mediaan` the reviewers' mean or median counted, and the panel's decision lay unused without a word. (With
`aggregatie: consensus` a missing row is an open point already.) Such a row is an input error at its cell.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from evaluatie.beoordeling.formulier import KOLOMMEN, TABBLAD_CONSENSUS, TABBLAD_VERVALLEN
from evaluatie.definitie.model import Aanbesteding
from evaluatie.fouten import Verzamelaar
from evaluatie.naamvorm import sleutel as naamsleutel
from evaluatie.werkboek import Tabblad, als_tekst

Sleutel = tuple[str, str, str]
_TELT = {"gemiddelde": "het gemiddelde", "mediaan": "de mediaan"}


def controleer_vervallen(
    aanbesteding: Aanbesteding,
    tabbladen: dict[str, Tabblad],
    inschrijvers: Sequence[str],
    te_beoordelen: Collection[Sleutel],
    op_consensus: Collection[Sleutel],
    fouten: Verzamelaar,
) -> None:
    """An error at every typed row of the sheet Vervallen whose bid is assessed (`te_beoordelen`) and that has no row
    on the sheet Consensus (`op_consensus`)."""
    t = tabbladen.get(TABBLAD_VERVALLEN)
    telt = _TELT.get(aanbesteding.beoordeling.aggregatie)
    if t is None or telt is None:
        return
    namen = {naamsleutel(n): n for n in inschrijvers}
    for r in range(1, len(t.rijen)):
        cel = [t.waarde(r, j) for j in range(len(KOLOMMEN))]
        if not (als_tekst(cel[3]) or als_tekst(cel[4])):
            continue
        ins = namen.get(naamsleutel(als_tekst(cel[0])))
        perceel = aanbesteding.perceel(als_tekst(cel[1]))
        crit = perceel.criterium(als_tekst(cel[2])) if perceel else None
        if ins is None or perceel is None or crit is None:
            continue
        sleutel = (ins, perceel.code, crit.code)
        if sleutel not in te_beoordelen or sleutel in op_consensus:
            continue
        wat = f"score '{als_tekst(cel[3])}'" if als_tekst(cel[3]) else "een motivering zonder score"
        fouten.voeg_toe(
            t.plaats(r, 0),
            f"het panel legde voor {ins}, perceel {perceel.code}, {crit.naam} een consensus vast ({wat}), die op het "
            f"tabblad {TABBLAD_VERVALLEN} staat omdat de inschrijving toen niet werd beoordeeld; zij wordt nu weer "
            f"beoordeeld en zonder die regel op het tabblad {TABBLAD_CONSENSUS} telt {telt} van de beoordelaars: "
            "'evaluatie template consensus' zet de regel terug (wat is ingevuld blijft staan)",
        )

"""`beoordeling.aggregatie: consensus`: the award waits until the panel decided every assessed row.

A letter must quote the panel's consensus motivation; with this setting no row may fall back on
averaged scores. Every open row is named with file, sheet and row, all at once.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from evaluatie.beoordeling.formulier import CONSENSUSBESTAND, TABBLAD_CONSENSUS
from evaluatie.beoordeling.model import Consensus
from evaluatie.definitie.model import Aanbesteding

Sleutel = tuple[str, str, str]


def open_consensus(
    aanbesteding: Aanbesteding,
    consensus: Consensus | None,
    te_beoordelen: Sequence[Sleutel],
    percelen: Collection[str] | None = None,
) -> list[str]:
    """Messages for every assessed row of `percelen` (default: all lots) without a complete consensus,
    and a missing meeting date; empty when the award may go ahead. Only meaningful with
    aggregatie: consensus."""
    if percelen is not None:
        te_beoordelen = [s for s in te_beoordelen if s[1] in percelen]
    if not te_beoordelen:
        return []
    if consensus is None:
        return [
            f"beoordelingen/{CONSENSUSBESTAND} ontbreekt: de aanbesteding vraagt een consensusscore met motivering "
            f"voor alle {len(te_beoordelen)} beoordeelde regels; maak het bestand met 'evaluatie template "
            "consensus' en laat het panel het invullen"
        ]

    def naam(s: Sleutel) -> str:
        return f"{s[0]}, perceel {s[1]}, {aanbesteding.percelen[s[1]].criterium_van(s[2]).naam}"

    meldingen = [
        f"{o.plaats}: {naam((o.inschrijver, o.perceel, o.criterium))}: {o.reden}"
        for o in consensus.open
        if percelen is None or o.perceel in percelen
    ]
    beslist = {(s.inschrijver, s.perceel, s.criterium) for s in consensus.scores}
    geopend = {(o.inschrijver, o.perceel, o.criterium) for o in consensus.open}
    for s in te_beoordelen:
        if s not in beslist and s not in geopend:
            meldingen.append(
                f"{consensus.bestand}!{TABBLAD_CONSENSUS}: regel ontbreekt: {naam(s)} "
                "(voeg haar toe met 'evaluatie template consensus'; wat al is ingevuld blijft staan)"
            )
    if consensus.datum is None:
        plaats = consensus.datumcel or f"{consensus.bestand}!{TABBLAD_CONSENSUS}"
        meldingen.append(f"{plaats}: datum van het consensusoverleg ontbreekt (nodig voor het proces-verbaal)")
    return meldingen

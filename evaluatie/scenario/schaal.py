"""A scenario that changes a lot's scale: the step each reviewer chose keeps its place, its points follow the new scale.

The panel's forms are read once, for the baseline; the scenario reuses them. A score is the step the reviewer
picked (a label such as 'voldoende', or a number on an unlabelled scale), so with a changed scale that step now
counts the new scale's points. A scale with another number of steps has no such correspondence: refused, since
the panel never chose from it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from evaluatie.beoordeling.model import Beoordelingsformulier, Consensus, Score
from evaluatie.definitie.model import Aanbesteding


class SchaalFout(ValueError):
    """The scenario's scale cannot carry the panel's scores (another number of steps)."""


def _herwaardeer(scores: Sequence[Score], voor: Aanbesteding, na: Aanbesteding) -> tuple[Score, ...]:
    uit = []
    for s in scores:
        oud, nieuw = voor.percelen[s.perceel].schaal.stappen, na.percelen[s.perceel].schaal.stappen
        if len(oud) != len(nieuw):
            raise SchaalFout(
                f"percelen.{s.perceel}.schaal: het scenario heeft {len(nieuw)} schaalstappen, het panel koos uit "
                f"{len(oud)}; een scenario kan de punten van een stap wijzigen, niet het aantal stappen"
            )
        uit.append(s if nieuw[s.stap].punten == s.punten else s.model_copy(update={"punten": nieuw[s.stap].punten}))
    return tuple(uit)


def op_nieuwe_schaal(
    formulieren: list[Beoordelingsformulier], consensus: Consensus | None, voor: Aanbesteding, na: Aanbesteding
) -> tuple[list[Beoordelingsformulier], Consensus | None]:
    """The baseline's forms with every score's points taken from the scenario's scale (same step)."""
    codes = [c for c in na.percelen if c in voor.percelen and na.percelen[c].schaal != voor.percelen[c].schaal]
    if not codes:
        return formulieren, consensus
    nieuw: list[Beoordelingsformulier] = [
        f.model_copy(update={"scores": _herwaardeer(f.scores, voor, na)}) for f in formulieren
    ]
    samen: Any = consensus
    if consensus is not None:
        samen = consensus.model_copy(update={"scores": _herwaardeer(consensus.scores, voor, na)})
    return nieuw, samen

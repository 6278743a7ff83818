"""Reviewers in the formal reports: Beoordelaar A, B, C instead of names.

A reviewer's name next to a deviating score invites pressure on that person and adds nothing to
the motivation. The letter follows the order of `beoordelaars` in aanbesteding.yaml (one rule for
the whole tool, in evaluatie.beoordeling.aanduiding), so it is stable and the penvoerder can trace
it. Internal reports may keep the names.
"""

from __future__ import annotations

from evaluatie.beoordeling.aanduiding import aanduidingen
from evaluatie.rapport.gegevens import Rapportgegevens


def beoordelaar_labels(g: Rapportgegevens) -> dict[str, str]:
    return aanduidingen(g.aanbesteding.beoordelaars, g.panel.beoordelaars)


def beoordelaars_op_volgorde(g: Rapportgegevens) -> list[str]:
    """The panel's reviewers in label order (A, B, C)."""
    volgorde = list(beoordelaar_labels(g))
    return sorted(g.panel.beoordelaars, key=volgorde.index)

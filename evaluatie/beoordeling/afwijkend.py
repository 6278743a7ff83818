"""How a flagged row names the reviewer furthest from the others: one wording for terminal, agenda and advies.

With two reviewers, or when every reviewer is equally far from the rest, nobody stands apart: naming them all
'afwijkend' would point at a person for nothing (beoordeling.aggregatie leaves the list empty then).
"""

from __future__ import annotations

from collections.abc import Sequence


def afwijkend(namen: Sequence[str]) -> str:
    """'afwijkend: Beoordelaar C', or 'geen beoordelaar wijkt meer af dan de andere' when the list is empty."""
    return f"afwijkend: {', '.join(namen)}" if namen else "geen beoordelaar wijkt meer af dan de andere"

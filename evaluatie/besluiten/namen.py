"""Bidder names typed in a decision command: matched case-insensitively, a typo gets suggestions."""

from __future__ import annotations

from collections.abc import Sequence


def zoek_inschrijver(naam: str, namen: Sequence[str], veld: str = "inschrijver") -> str:
    """The bidder's name as in its bid; ValueError (a usage error) naming the closest names otherwise.

    The suggestions come from the same helper as the contract commands' (`contract keuze`, `uitval`), so a short form
    ('Kompas' for 'Kompas Inburgering') is recognised here as there, not answered with the list of all bidders."""
    from evaluatie.gemeentenamen import Namen

    gevonden = [n for n in namen if n.casefold() == " ".join(naam.split()).casefold()]
    if len(gevonden) == 1:
        return gevonden[0]
    dichtbij = Namen(namen).suggesties(naam)
    hint = f"; bedoelt u {' of '.join(repr(d) for d in dichtbij)}?" if dichtbij else f"; bekend: {', '.join(namen)}"
    raise ValueError(f"{veld}: '{naam}' is geen inschrijver in deze aanbesteding{hint}")

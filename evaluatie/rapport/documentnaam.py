"""The names of the award documents, in the words of the procedure.

An open house (procedure: toelating) awards nothing: it admits everyone who qualifies (HvJ EU C-410/14 Falk Pharma).
Documents about only such lots are no gunningsadvies and no gunningssystematiek; calling them so says that something
was awarded, which the documents themselves deny. Where at least one lot is awarded by ranking, the award words stay
for the whole document (its open-house parts speak of admission). The file names stay the same
(gunningsadvies.html, gunningssystematiek.html), as the README documents them and scripts read them.

`procedures` is the set of procedures of the lots the document covers: the tender's (Aanbesteding.procedures) for
the systematiek, the lots of the award (a run with --lots) for the advies.
"""

from __future__ import annotations

from collections.abc import Set


def alleen_toelating(procedures: Set[str]) -> bool:
    """Every lot covered is an open house: nothing is awarded."""
    return set(procedures) == {"toelating"}


def advies(procedures: Set[str]) -> str:
    """The advies's title word: 'Advies toelating' or 'Gunningsadvies'."""
    return "Advies toelating" if alleen_toelating(procedures) else "Gunningsadvies"


def het_advies(procedures: Set[str]) -> str:
    """The advies in a sentence: 'het advies over de toelating' or 'het gunningsadvies'."""
    return "het advies over de toelating" if alleen_toelating(procedures) else "het gunningsadvies"


def systematiek_woord(procedures: Set[str]) -> str:
    return "toelatingssystematiek" if alleen_toelating(procedures) else "gunningssystematiek"


def systematiek(procedures: Set[str]) -> str:
    """The published systematiek's title: 'Beoordelings- en toelatingssystematiek' or '... gunningssystematiek'."""
    return f"Beoordelings- en {systematiek_woord(procedures)}"

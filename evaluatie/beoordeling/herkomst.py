"""What a scoring form was made for, written on its Instructie sheet and checked when it is read.

A reviewer picks a label or a number from the scale the form shows. If the tender's scale changed after the
forms were made ('goed' was 75, is now 50), reading the same label against the new scale would give the
reviewer's judgement another value without anyone seeing it; a form made for another tender (same bidders,
same criteria names) would be read as if made for this one. Both are refused, naming the cell. A form without
these lines (made by hand, or by an older version) is read as before. A form made before the steps of a scale with
commas in them (half points) were separated by '; ' carries the old text ('0, 2,5, 5, 7,5, 10'): it is read when
that is the old text of the tender's scale (the check it passed when it was made), refused otherwise. So is a form whose
criterion lines describe a criterion otherwise than the tender now does (what the reviewer was asked to judge).
"""

from __future__ import annotations

import re

from evaluatie.definitie.model import Aanbesteding, Perceel
from evaluatie.fouten import Verzamelaar
from evaluatie.werkboek import Tabblad, als_tekst

TABBLAD_INSTRUCTIE = "Instructie"
_TITEL = "Beoordeling kwaliteitsplannen - "
_SCHAAL = re.compile(r"^Perceel .* \((?P<code>[^()]+)\) - schaal: (?P<schaal>.*)$")


def titel(aanbesteding: Aanbesteding) -> str:
    return _TITEL + aanbesteding.naam


def schaalregel(perceel: Perceel) -> str:
    return f"Perceel {perceel.naam} ({perceel.code}) - schaal: {perceel.schaal.beschrijving()}"


def controleer_herkomst(
    aanbesteding: Aanbesteding, tabbladen: dict[str, Tabblad], bestand: str, fouten: Verzamelaar
) -> None:
    """An error per line of the form's Instructie sheet that says it was made for another tender or scale."""
    t = tabbladen.get(TABBLAD_INSTRUCTIE)
    if t is None:
        return
    sectie: Perceel | None = None  # the lot whose criteria the lines below its scale line describe
    for r in range(len(t.rijen)):
        regel = als_tekst(t.waarde(r, 0)).strip()
        if sectie is not None and not _SCHAAL.match(regel):  # a criterion line ('  Plan van aanpak: Hoe ...')
            if (anders := _omschrijving_anders(sectie, regel)) is not None:
                fouten.voeg_toe(t.plaats(r, 0), anders)
            continue
        if r == 0 and regel.startswith(_TITEL) and regel != titel(aanbesteding):
            fouten.voeg_toe(
                t.plaats(r, 0),
                f"dit formulier is gemaakt voor de aanbesteding '{regel[len(_TITEL) :]}', niet voor "
                f"'{aanbesteding.naam}'; gebruik het formulier van deze aanbesteding (evaluatie template beoordeling)",
            )
        m = _SCHAAL.match(regel)
        perceel = aanbesteding.percelen.get(m.group("code")) if m else None
        sectie = perceel
        if m is None or perceel is None:
            continue
        if m.group("schaal") not in (perceel.schaal.beschrijving(), perceel.schaal.beschrijving(scheiding=", ")):
            fouten.voeg_toe(
                t.plaats(r, 0),
                f"dit formulier is gemaakt met de schaal '{m.group('schaal')}' voor perceel {perceel.code}; de "
                f"aanbesteding heeft nu '{perceel.schaal.beschrijving()}'. Een gekozen score zou zo een andere "
                "waarde krijgen dan de beoordelaar koos; zet de schaal terug of laat opnieuw beoordelen op nieuwe "
                "formulieren (evaluatie template beoordeling)",
            )


def _omschrijving_anders(perceel: Perceel, regel: str) -> str | None:
    """Why a criterion line of the form ('Plan van aanpak: Hoe ...', as `template beoordeling` writes it) describes
    the criterion otherwise than the tender does now, or None. A line of a criterion the lot no longer has is left to
    the score rows (an unknown criterion there is an error already)."""
    from evaluatie.naamvorm import vorm

    passend = [c for c in perceel.gunningscriteria if regel == c.naam or regel.startswith(f"{c.naam}: ")]
    if not passend:
        return None
    c = max(passend, key=lambda c: len(c.naam))  # 'Plan' and 'Plan van aanpak': the longer name
    toen = vorm(regel[len(c.naam) + 2 :]) if regel != c.naam else ""
    nu = vorm(c.omschrijving)
    if toen == nu:
        return None
    was = f"met de omschrijving '{toen}'" if toen else "zonder omschrijving"
    wordt = f"omschrijft het nu als '{nu}'" if nu else "omschrijft het nu niet meer"
    return (
        f"dit formulier is gemaakt met criterium '{c.naam}' van perceel {perceel.code} {was}; de aanbesteding "
        f"{wordt}. De beoordelaar scoorde op wat het formulier vroeg; zet de omschrijving terug, of laat opnieuw "
        "beoordelen op nieuwe formulieren (evaluatie template beoordeling)"
    )

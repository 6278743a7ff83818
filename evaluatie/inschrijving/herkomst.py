"""Which tender a bid form was made for: the title on its Instructie sheet, checked when the bid is read.

A bid names its lots by code and its gemeenten as 'alle' or by name. On the form of another tender (the same
bidder's form for last year's tender, or a neighbouring region's) the same codes and 'alle' mean other gemeenten
and other rules; read as a bid for this tender it would be misread. Refused with the cell instead. A form without
the title (an Instructie sheet removed or retyped) is read as before.
"""

from __future__ import annotations

from evaluatie.definitie.model import Aanbesteding
from evaluatie.fouten import Verzamelaar
from evaluatie.inschrijving import velden as v
from evaluatie.werkboek import Tabblad, als_tekst


def titel(aanbesteding: Aanbesteding) -> str:
    return v.TITEL + aanbesteding.naam


def controleer_herkomst(aanbesteding: Aanbesteding, tabbladen: dict[str, Tabblad], fouten: Verzamelaar) -> None:
    t = tabbladen.get(v.TABBLAD_INSTRUCTIE)
    if t is None or not t.rijen:
        return
    regel = als_tekst(t.waarde(0, 0)).strip()
    if regel.startswith(v.TITEL) and regel != titel(aanbesteding):
        fouten.voeg_toe(
            t.plaats(0, 0),
            f"dit inschrijfformulier is gemaakt voor de aanbesteding '{regel[len(v.TITEL) :]}', niet voor "
            f"'{aanbesteding.naam}': percelen en 'alle' gemeenten betekenen daar iets anders, dus het wordt niet als "
            "inschrijving op deze aanbesteding gelezen. Is de naam van deze aanbesteding na de publicatie gewijzigd, "
            "zet hem dan terug",
        )

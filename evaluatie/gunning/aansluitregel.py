"""How a gemeente named as a possible later participant is allocated when it joins: the rule and its text.

Why one module for both: the published method announces the rule before the bids come in, and the contract phase
(`contract aansluiting`) applies it years later; a rule and a text kept apart drift, and a penvoerder can only
defend an allocation the bidders could read beforehand.

The rule, per contract year from the day the gemeente joins: its expected number per year goes to the contracted
suppliers of the lot in the order of the award's ranking (a supplier that has dropped out not), each up to the
capacity it has left that year (its capacity from the bid minus what it is allocated that year in the lot). The
allocation of every other gemeente stays as it is: a gemeente that joins takes nothing away from the participants.
The award's distribution rules (maximum share, minimum volume, ...) shaped the award among the participants; they
are not applied again for one gemeente alone, which the text says.
"""

from __future__ import annotations

from collections.abc import Sequence

from evaluatie.definitie.model import Aanbesteding

C216 = (
    "een raamovereenkomst mag alleen worden gebruikt door de aanbestedende diensten die de aanbestedingsstukken "
    "duidelijk als partij noemen (HvJ EU 19 december 2018, Antitrust en Coopservice, C-216/17)"
)


def verdeel_aansluiting(aantal: int, vrij: Sequence[tuple[str, int]]) -> tuple[dict[str, int], int]:
    """`aantal` over the suppliers `vrij` (name, capacity left), given in the order of the ranking: each takes what
    is still open up to its capacity left. Returns (supplier -> number, the number that does not fit)."""
    uit: dict[str, int] = {}
    rest = aantal
    for naam, ruimte in vrij:
        if rest <= 0:
            break
        n = min(rest, max(ruimte, 0))
        if n > 0:
            uit[naam] = n
            rest -= n
    return uit, rest


def aansluitregel(a: Aanbesteding, code: str) -> str:
    """The published rule for lot `code` (the systematiek, under the maximum); '' when nobody may join it later."""
    from evaluatie.gemeentenamen import opsomming

    later = a.latere_vraag(code)
    if not later:
        return ""
    wie = (
        f"de gemeente {next(iter(later))}"
        if len(later) == 1
        else f"een van de gemeenten {opsomming(list(later), 'of')}"
    )
    return (
        f"Later aansluiten. Sluit {wie} tijdens de looptijd aan bij deze raamovereenkomst, dan legt de penvoerder dat "
        "vast als besluit, met ingang van de eerste dag van een contractjaar; een gemeente die de "
        "aanbestedingsstukken niet noemen, of een perceel waarvoor zij niet is genoemd, kan niet aansluiten (HvJ EU "
        "19 december 2018, Antitrust en Coopservice, C-216/17). Vanaf dat contractjaar gaat het verwachte aantal "
        "inburgeraars per jaar van die gemeente naar de gecontracteerde aanbieders van dit perceel in de volgorde van "
        "de rangorde van deze gunning (een uitgevallen aanbieder niet), ieder tot de capaciteit die hij dat jaar nog "
        "vrij heeft: zijn capaciteit per jaar uit de inschrijving min wat hem dat jaar in dit perceel al is "
        "toegewezen. De toewijzing aan de andere gemeenten verandert daardoor niet, en de verdeelregels van dit "
        "perceel (zoals een maximaal aandeel of een minimaal volume) gelden voor de verdeling bij de gunning, niet "
        "opnieuw voor de aansluitende gemeente alleen. Een inschrijver op dit perceel verbindt zich ertoe de "
        "aansluitende gemeente te bedienen voor het aantal dat hem zo wordt toegewezen. Past het aantal niet in de "
        "vrije capaciteit van de aanbieders, dan kan de gemeente op die datum niet aansluiten."
    )

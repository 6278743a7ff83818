"""The allocation rules in plain Dutch: one text for the published method and for the advies.

What the gunningssystematiek announces must be what the advies says was applied (Lianakis,
C-532/06), so both take their sentences from here.
"""

from __future__ import annotations

from evaluatie.definitie.model import Verdeelregels
from evaluatie.tekst import euro, getal


def verdeelregel_zinnen(v: Verdeelregels) -> list[str]:
    """Every active allocation rule as a clause, capacity first, in a fixed order."""
    regels = ["niemand krijgt meer inburgeraars dan de capaciteit uit zijn inschrijving"]
    if v.max_aandeel is not None:
        regels.append(
            f"een aanbieder krijgt hoogstens {getal(100 * v.max_aandeel, 0)}% van het volume (naar beneden afgerond)"
        )
    if v.min_volume:
        regels.append(f"wie inburgeraars krijgt, krijgt er minstens {v.min_volume}")
    if v.min_leveranciers is not None:
        regels.append(f"minstens {v.min_leveranciers} aanbieders krijgen inburgeraars")
    if v.max_leveranciers is not None:
        regels.append(f"hoogstens {v.max_leveranciers} aanbieders krijgen inburgeraars")
    if v.max_leveranciers_per_gemeente is not None:
        regels.append(f"per gemeente hoogstens {v.max_leveranciers_per_gemeente} aanbieders")
    if v.per_subregio:
        regels.append("alle gemeenten van een subregio krijgen dezelfde aanbieder(s)")
    for gem, bedrag in v.budget_per_gemeente.items():
        regels.append(f"de kosten voor {gem} blijven binnen {euro(bedrag)} per jaar")
    return regels

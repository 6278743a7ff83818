"""fictieve_korting: quality becomes a fictitious discount; the lowest fictitious price wins.

discount = max_fictieve_korting x quality / 100 (default max: 30% of the ceiling);
fictitious price = price - discount. For the allocation the value of a bid is
ceiling - fictitious price (higher is better).
"""

from evaluatie.prijs.basis import Kandidaat, Prijsmethode, Prijsuitkomst, registreer
from evaluatie.tekst import euro, getal

STANDAARD_AANDEEL = 0.3


@registreer
class FictieveKorting(Prijsmethode):
    naam = "fictieve_korting"
    formule = (
        "fictieve korting = maximale korting x kwaliteit / 100; fictieve prijs = prijs - fictieve korting; "
        "de laagste fictieve prijs staat eerst"
    )
    hoger_is_beter = False

    def bereken(self, perceel, kandidaten: list[Kandidaat]) -> dict[str, Prijsuitkomst]:
        maximum = perceel.max_fictieve_korting
        if maximum is None:
            maximum = STANDAARD_AANDEEL * perceel.plafondprijs
        uit = {}
        for k in kandidaten:
            korting = maximum * k.kwaliteit / 100
            fictief = k.prijs - korting
            uit[k.inschrijver] = Prijsuitkomst(
                korting,
                fictief,
                perceel.plafondprijs - fictief,
                f"korting {euro(maximum)} x {getal(k.kwaliteit)} / 100 = {euro(korting)}; "
                f"fictieve prijs {euro(k.prijs)} - {euro(korting)} = {euro(fictief)}",
            )
        return uit

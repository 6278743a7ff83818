"""fictieve_korting ("Gunnen op Waarde", fictive price Pi - Qi): quality becomes a discount.

The lowest fictitious price wins; there is no weighting and no price score. In gunning.json
`prijsscore` carries the discount (euro) and `totaal` the fictitious price (euro).

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

    @staticmethod
    def maximum(perceel) -> float:
        if perceel.max_fictieve_korting is not None:
            return perceel.max_fictieve_korting
        return STANDAARD_AANDEEL * perceel.plafondprijs

    def bereken(self, perceel, kandidaten: list[Kandidaat]) -> dict[str, Prijsuitkomst]:
        maximum = self.maximum(perceel)
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

    def vectorieel(self, perceel, prijs, kwaliteit, geldig):
        return prijs[None, :] - self.maximum(perceel) * kwaliteit / 100

    def kwaliteitsgevoeligheid(self, perceel) -> float:
        return self.maximum(perceel) / 100

    def marge_prijs(self, perceel, kandidaten, naam):
        """The fictitious price falls one euro per euro of price cut; other bids are unaffected."""
        tekort = self.achterstand(perceel, kandidaten, naam)
        eigen = next(k for k in kandidaten if k.inschrijver == naam)
        return tekort if tekort < eigen.prijs else None

"""vaste_prijs (gunnen op waarde): the price is fixed by the buyer; only quality counts."""

from evaluatie.prijs.basis import Kandidaat, Prijsmethode, Prijsuitkomst, registreer
from evaluatie.tekst import getal


@registreer
class VastePrijs(Prijsmethode):
    naam = "vaste_prijs"
    formule = "vaste prijs (de plafondprijs): prijsscore vervalt; totaal = kwaliteit"

    def bereken(self, perceel, kandidaten: list[Kandidaat]) -> dict[str, Prijsuitkomst]:
        return {
            k.inschrijver: Prijsuitkomst(0.0, k.kwaliteit, k.kwaliteit, f"totaal = kwaliteit = {getal(k.kwaliteit)}")
            for k in kandidaten
        }

    def vectorieel(self, perceel, prijs, kwaliteit, geldig):
        return kwaliteit

    def kwaliteitsgevoeligheid(self, perceel) -> float:
        return 1.0

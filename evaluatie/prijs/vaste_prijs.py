"""vaste_prijs: the buyer fixes one price per trajectory for every bidder; only quality counts.

The price is `vaste_prijs` of the lot, else its ceiling. It is the price in every cost the
allocation computes and in every text; there is no price score. (Not to be confused with
"Gunnen op Waarde", which in Dutch practice is the fictitious-price method: fictieve_korting.)
"""

from evaluatie.definitie.model import Perceel
from evaluatie.prijs.basis import Kandidaat, Prijsmethode, Prijsuitkomst, registreer
from evaluatie.tekst import getal


def vaste_prijs(perceel: Perceel) -> float:
    """The one price per trajectory under this method: the explicit amount, else the ceiling."""
    return perceel.vaste_prijs if perceel.vaste_prijs is not None else perceel.plafondprijs


@registreer
class VastePrijs(Prijsmethode):
    naam = "vaste_prijs"
    formule = "vaste prijs per traject voor alle inschrijvers; geen prijsscore; totaal = kwaliteit"

    def bereken(self, perceel, kandidaten: list[Kandidaat]) -> dict[str, Prijsuitkomst]:
        return {
            k.inschrijver: Prijsuitkomst(0.0, k.kwaliteit, k.kwaliteit, f"totaal = kwaliteit = {getal(k.kwaliteit)}")
            for k in kandidaten
        }

    def vectorieel(self, perceel, prijs, kwaliteit, geldig):
        return kwaliteit

    def kwaliteitsgevoeligheid(self, perceel) -> float:
        return 1.0

"""vaste_prijs: the buyer fixes one price per trajectory for every bidder; only quality counts.

The price is `vaste_prijs` of the lot, else its ceiling. It is the price in every cost the
allocation computes and in every text; there is no price score. (Not to be confused with
"Gunnen op Waarde", which in Dutch practice is the fictitious-price method: fictieve_korting.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from evaluatie.definitie.model import Perceel
from evaluatie.prijs.basis import Cijfers, Grootheid, Kandidaat, Prijsmethode, Prijsuitkomst, registreer
from evaluatie.tekst import euro, getal

if TYPE_CHECKING:
    from evaluatie.prijs.basis import Matrix


def vaste_prijs(perceel: Perceel) -> float:
    """The one price per trajectory under this method: the explicit amount, else the ceiling."""
    return perceel.vaste_prijs if perceel.vaste_prijs is not None else perceel.plafondprijs


@registreer
class VastePrijs(Prijsmethode):
    naam = "vaste_prijs"
    formule = "vaste prijs per traject voor alle inschrijvers; geen prijsscore; totaal = kwaliteit"
    gewogen = False
    maatstaf = "kwaliteitsscore"
    gunningswaarde_tekst = "haar kwaliteitsscore"
    kolomuitleg = "geen prijsscore; totaal = kwaliteit"
    kolomkoppen = (None, "Totaal (= kwaliteit)")
    zonder_werking = ("hoogste_kwaliteit", "laagste_prijs")
    zonder_werking_reden = (
        "bij een vaste prijs nooit: twee inschrijvingen met een gelijke kwaliteitsscore hebben ook dezelfde prijs"
    )
    parameters: ClassVar[dict[str, dict[str, Any]]] = {
        "vaste_prijs": {
            "type": "number",
            "exclusiveMinimum": 0,
            "description": "vaste_prijs: the one price per trajectory for every bidder (default: the ceiling)",
        }
    }

    def bereken(self, perceel: Perceel, kandidaten: Sequence[Kandidaat]) -> dict[str, Prijsuitkomst]:
        return {
            k.inschrijver: Prijsuitkomst(0.0, k.kwaliteit, k.kwaliteit, f"totaal = kwaliteit = {getal(k.kwaliteit)}")
            for k in kandidaten
        }

    def totalen(self, perceel: Perceel, kandidaten: Sequence[Kandidaat]) -> dict[str, float]:
        return {k.inschrijver: k.kwaliteit for k in kandidaten}

    def vectorieel(self, perceel: Perceel, prijs: Matrix, kwaliteit: Matrix, geldig: Matrix) -> Matrix:
        return kwaliteit

    def kwaliteitsgevoeligheid(self, perceel: Perceel) -> float:
        return 1.0

    def prijs_per_traject(self, perceel: Perceel, geboden: float) -> float:
        return vaste_prijs(perceel)

    def raamprijs(self, perceel: Perceel) -> float:
        return vaste_prijs(perceel)

    # --- published method and letters

    def beschrijving(self, perceel: Perceel) -> str:
        return (
            f"De prijs per traject ligt voor alle inschrijvers vast op {euro(vaste_prijs(perceel))}; er is geen "
            "prijsscore en alleen de kwaliteit telt (totaalscore = kwaliteitsscore). De hoogste kwaliteitsscore "
            "staat eerst."
        )

    def inschrijfregel(self, perceel: Perceel) -> str | None:
        return (
            f"Prijs: de prijs per traject ligt voor iedere inschrijver vast op {euro(vaste_prijs(perceel))} "
            "(exclusief btw); alleen de kwaliteit telt. Wie inschrijft, biedt tegen die prijs: vul haar in als prijs "
            "per traject."
        )

    def grootheden(self, perceel: Perceel) -> list[Grootheid]:
        return [Grootheid("Kwaliteitsscore", lambda r: getal(r.kwaliteit))]

    def eigen_cijfers(self, perceel: Perceel, r: Cijfers) -> str:
        return f"Uw kwaliteitsscore, tevens uw totaalscore: {getal(r.kwaliteit)}."

    def vergelijkingszinnen(self, perceel: Perceel, eigen: Cijfers, ander: Cijfers, prijs_openbaar: bool) -> list[str]:
        return []  # one price for all: price decides nothing, the quality sentences say it all

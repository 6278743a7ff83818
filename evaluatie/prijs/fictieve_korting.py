"""fictieve_korting ("Gunnen op Waarde", fictive price Pi - Qi): quality becomes a discount.

The lowest fictitious price wins; there is no weighting, no price score and no total score.
In gunning.json `prijsscore` carries the discount (euro) and `totaal` the fictitious price (euro).

discount = max_fictieve_korting x quality / 100 (default max: 30% of the ceiling);
fictitious price = price - discount. For the allocation the value of a bid is
ceiling - fictitious price (higher is better).

Disclosure: a fictitious price together with the discount gives the price, so a letter shows
another bid's fictitious price only where the tender discloses prices; otherwise it says which
fictitious price is lower, and why (the discount, from quality), without the amounts.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, ClassVar

from evaluatie.definitie.model import Perceel
from evaluatie.prijs.basis import (
    Cijfers,
    Grootheid,
    Kandidaat,
    Prijsmethode,
    Prijsuitkomst,
    decimaal,
    euro_naast_elkaar,
    euro_verschil,
    registreer,
)
from evaluatie.prijs.precisie import DECIMALEN, afgerond, punten
from evaluatie.tekst import euro, getal

if TYPE_CHECKING:
    from evaluatie.prijs.basis import Matrix

STANDAARD_AANDEEL = 0.3
CENT = 0.005


def berekening(maximum: float, kwaliteit: float, prijs: float) -> str:
    """The discount and fictitious price with this bid's numbers, true as written: a reader who multiplies the
    shown maximum by the shown quality gets the shown discount (rounded to cents), and the shown price minus the
    shown discount is the shown fictitious price.

    The quality is shown with as many decimals as that needs (2 if they suffice, else from the ranking's 4 up): a
    quality in thirds at 2 decimals gives 5.000 x 58,33 / 100 = 2.916,50, not the EUR 2.916,67 used, and at 4 decimals
    2.916,665, half a cent that rounds either way. Where a step rounds, the line says so."""
    korting = maximum * kwaliteit / 100
    fictief = prijs - korting
    # the discount and fictitious price as the ranking compares them (4 decimals), in cents as the letter shows them
    max_tekst, korting_tekst = euro(maximum), euro(afgerond(korting))
    cent = Decimal("0.01")
    for d in (2, *range(DECIMALEN, 11)):
        kwaliteit_tekst = getal(kwaliteit, d)
        product = decimaal(max_tekst) * decimaal(kwaliteit_tekst) / 100
        if product.quantize(cent, ROUND_HALF_UP) == product.quantize(cent, ROUND_HALF_EVEN) == decimaal(korting_tekst):
            break
    afronding = []
    if abs(decimaal(kwaliteit_tekst) - Decimal(repr(kwaliteit))) > Decimal("1e-9"):
        afronding.append(f"kwaliteitsscore afgerond op {d} decimalen")
    if product != decimaal(korting_tekst):
        afronding.append("korting afgerond op centen")
    toelichting = f" ({', '.join(afronding)})" if afronding else ""
    aftrek = (euro(prijs), korting_tekst, euro(afgerond(fictief)))
    if decimaal(aftrek[0]) - decimaal(aftrek[1]) != decimaal(aftrek[2]):
        # cents that do not subtract: show the step at the ranking's 4 decimals, at which it compares
        aftrek = tuple(f"EUR {getal(afgerond(x), DECIMALEN)}" for x in (prijs, korting, fictief))  # type: ignore[assignment]
    return (
        f"korting {max_tekst} x {kwaliteit_tekst} / 100 = {korting_tekst}{toelichting}; "
        f"fictieve prijs {aftrek[0]} - {aftrek[1]} = {aftrek[2]}"
    )


@registreer
class FictieveKorting(Prijsmethode):
    naam = "fictieve_korting"
    formule = (
        "fictieve korting = maximale korting x kwaliteit / 100; fictieve prijs = prijs - fictieve korting; "
        "de laagste fictieve prijs staat eerst"
    )
    hoger_is_beter = False
    gewogen = False
    maatstaf = "fictieve prijs"
    totaal_onthult_prijs = True
    gunningswaarde_tekst = "de plafondprijs min haar fictieve prijs (hoe lager de fictieve prijs, hoe hoger)"
    kolomuitleg = "geen weging; prijsscore = fictieve korting, totaal = fictieve prijs (euro)"
    kolomkoppen = ("Fictieve korting", "Fictieve prijs")
    kolommen_in_euro = True
    parameters: ClassVar[dict[str, dict[str, Any]]] = {
        "max_fictieve_korting": {
            "type": "number",
            "minimum": 0,
            "description": "fictieve_korting: euro discount at quality 100 (default 30% of the ceiling)",
        }
    }

    @staticmethod
    def maximum(perceel: Perceel) -> float:
        if perceel.max_fictieve_korting is not None:
            return perceel.max_fictieve_korting
        return STANDAARD_AANDEEL * perceel.plafondprijs

    def bereken(self, perceel: Perceel, kandidaten: Sequence[Kandidaat]) -> dict[str, Prijsuitkomst]:
        maximum = self.maximum(perceel)
        uit = {}
        for k in kandidaten:
            korting = maximum * k.kwaliteit / 100
            fictief = k.prijs - korting
            uit[k.inschrijver] = Prijsuitkomst(
                korting, fictief, perceel.plafondprijs - fictief, berekening(maximum, k.kwaliteit, k.prijs)
            )
        return uit

    def totalen(self, perceel: Perceel, kandidaten: Sequence[Kandidaat]) -> dict[str, float]:
        maximum = self.maximum(perceel)
        return {k.inschrijver: k.prijs - maximum * k.kwaliteit / 100 for k in kandidaten}

    def vectorieel(self, perceel: Perceel, prijs: Matrix, kwaliteit: Matrix, geldig: Matrix) -> Matrix:
        return prijs[None, :] - self.maximum(perceel) * kwaliteit / 100

    def kwaliteitsgevoeligheid(self, perceel: Perceel) -> float:
        return self.maximum(perceel) / 100

    def marge_prijs(self, perceel: Perceel, kandidaten: Sequence[Kandidaat], naam: str) -> float | None:
        """The fictitious price falls one euro per euro of price cut; other bids are unaffected."""
        tekort = self.achterstand(perceel, kandidaten, naam)
        eigen = next(k for k in kandidaten if k.inschrijver == naam)
        return tekort if tekort < eigen.prijs else None

    # --- published method and letters

    def beschrijving(self, perceel: Perceel) -> str:
        return (
            "Gunnen op Waarde (fictieve prijs): de kwaliteitsscore levert een fictieve korting op van hoogstens "
            f"{euro(self.maximum(perceel))} (bij kwaliteitsscore 100); fictieve prijs = prijs - fictieve korting; "
            "de laagste fictieve prijs staat eerst. Er is geen weging, geen prijsscore en geen totaalscore."
        )

    def grootheden(self, perceel: Perceel) -> list[Grootheid]:
        return [
            Grootheid("Kwaliteitsscore", lambda r: getal(r.kwaliteit)),
            Grootheid("Fictieve korting", lambda r: euro(r.prijsscore)),  # follows from quality alone
            Grootheid("Prijs per traject", lambda r: euro(r.prijs), onthult_prijs=True),
            Grootheid("Fictieve prijs", lambda r: euro(r.totaal), onthult_prijs=True),  # + korting = price
        ]

    def eigen_cijfers(self, perceel: Perceel, r: Cijfers) -> str:
        return (
            f"Uw kwaliteitsscore: {getal(r.kwaliteit)}; uw fictieve korting: {euro(r.prijsscore)}; uw prijs per "
            f"traject: {euro(r.prijs)}; uw fictieve prijs: {euro(r.totaal)}."
        )

    def vergelijkingszinnen(self, perceel: Perceel, eigen: Cijfers, ander: Cijfers, prijs_openbaar: bool) -> list[str]:
        """The fictitious price decides (lower first); it is the price minus the discount, so say which of
        the two made the difference, in its true direction."""
        zinnen = []
        # equal as the ranking compares them (4 decimals of a euro), not as cents show them: a fictitious price
        # lower by less than half a cent decides the ranking, and the letter must say it is lower
        korting = ander.prijsscore - eigen.prijsscore
        if punten(ander.prijsscore) == punten(eigen.prijsscore):
            zinnen.append(f"Fictieve korting: gelijk aan de uwe ({euro(eigen.prijsscore)}).")
        else:
            zijn, mijn = euro_naast_elkaar(ander.prijsscore, eigen.prijsscore)
            zinnen.append(
                f"Fictieve korting: {ander.inschrijver} {zijn} tegen {mijn} voor u, door een "
                f"{'hogere' if korting > 0 else 'lagere'} kwaliteitsscore; de korting van {ander.inschrijver} is "
                f"{euro_verschil(abs(korting))} {'groter' if korting > 0 else 'kleiner'}."
            )
        prijs = ander.prijs - eigen.prijs
        fictief = ander.totaal - eigen.totaal
        if prijs_openbaar:
            if abs(prijs) < CENT:
                zinnen.append(f"Prijs per traject: gelijk aan de uwe ({euro(eigen.prijs)}).")
            else:
                zinnen.append(
                    f"Prijs per traject: {ander.inschrijver} bood {euro(ander.prijs)}, {euro(abs(prijs))} "
                    f"{'hoger' if prijs > 0 else 'lager'} dan uw {euro(eigen.prijs)}."
                )
        gelijk = punten(ander.totaal) == punten(eigen.totaal)
        if gelijk:
            uitkomst = f"de fictieve prijs van {ander.inschrijver} is gelijk aan de uwe"
        elif fictief < 0:
            uitkomst = f"de fictieve prijs van {ander.inschrijver} is lager dan de uwe"
        else:
            uitkomst = f"uw fictieve prijs is lager dan die van {ander.inschrijver}"
        if prijs_openbaar and not gelijk:
            zijn, mijn = euro_naast_elkaar(ander.totaal, eigen.totaal)
            uitkomst += f", met {euro_verschil(abs(fictief))} ({zijn} tegen {mijn} voor u)"
        elif not gelijk:
            uitkomst += " (de bedragen worden niet bekendgemaakt: met de korting zou de prijs volgen)"
        zinnen.append(f"Fictieve prijs, die beslist (de laagste staat eerst): {uitkomst}.")
        return zinnen

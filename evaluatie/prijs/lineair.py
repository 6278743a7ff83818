"""lineair: 100 points at the lowest valid price, 0 at the ceiling, linear in between."""

from evaluatie.prijs.basis import Kandidaat, Prijsmethode, Prijsuitkomst, registreer
from evaluatie.tekst import euro, getal


@registreer
class Lineair(Prijsmethode):
    naam = "lineair"
    formule = (
        "prijsscore = (plafondprijs - prijs) / (plafondprijs - laagste geldige prijs) x 100; "
        "totaal = wk x kwaliteit + wp x prijsscore"
    )

    def bereken(self, perceel, kandidaten: list[Kandidaat]) -> dict[str, Prijsuitkomst]:
        laagste = min(k.prijs for k in kandidaten)
        plafond = perceel.plafondprijs
        uit = {}
        for k in kandidaten:
            if plafond - laagste <= 1e-9:
                ps = 100.0  # every bid at the ceiling: all equally cheap
                stap = f"alle prijzen gelijk aan de plafondprijs: {getal(ps)}"
            else:
                ps = (plafond - k.prijs) / (plafond - laagste) * 100
                stap = f"({euro(plafond)} - {euro(k.prijs)}) / ({euro(plafond)} - {euro(laagste)}) x 100 = {getal(ps)}"
            totaal = self.gewogen(perceel, k.kwaliteit, ps)
            uit[k.inschrijver] = Prijsuitkomst(
                ps,
                totaal,
                totaal,
                f"{stap}; {getal(perceel.weging.kwaliteit / 100)} x {getal(k.kwaliteit)} + "
                f"{getal(perceel.weging.prijs / 100)} x {getal(ps)} = {getal(totaal)}",
            )
        return uit

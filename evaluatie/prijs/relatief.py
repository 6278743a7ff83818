"""relatief: price score = lowest valid price / price x 100."""

from evaluatie.prijs.basis import Kandidaat, Prijsmethode, Prijsuitkomst, registreer
from evaluatie.tekst import euro, getal


@registreer
class Relatief(Prijsmethode):
    naam = "relatief"
    formule = "prijsscore = laagste geldige prijs / prijs x 100; totaal = wk x kwaliteit + wp x prijsscore"

    def bereken(self, perceel, kandidaten: list[Kandidaat]) -> dict[str, Prijsuitkomst]:
        laagste = min(k.prijs for k in kandidaten)
        uit = {}
        for k in kandidaten:
            ps = laagste / k.prijs * 100
            totaal = self.gewogen(perceel, k.kwaliteit, ps)
            uit[k.inschrijver] = Prijsuitkomst(
                ps,
                totaal,
                totaal,
                f"{euro(laagste)} / {euro(k.prijs)} x 100 = {getal(ps)}; "
                f"{getal(perceel.weging.kwaliteit / 100)} x {getal(k.kwaliteit)} + "
                f"{getal(perceel.weging.prijs / 100)} x {getal(ps)} = {getal(totaal)}",
            )
        return uit

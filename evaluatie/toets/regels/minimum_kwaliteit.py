"""Minimum quality: a weighted panel score under the threshold knocks the bid out of the lot."""

from evaluatie.tekst import getal
from evaluatie.toets.register import Context, Knockoutregel, Parameters, registreer


class MinimumKwaliteitParams(Parameters):
    drempel: float = 50


@registreer
class MinimumKwaliteit(Knockoutregel):
    naam = "minimum_kwaliteit"
    fase = "na"
    Params = MinimumKwaliteitParams

    def eis(self, ctx: Context) -> str:
        return f"kwaliteitsscore minstens {getal(self.params.drempel)} van 100"

    def toets(self, ctx: Context) -> list[str]:
        if ctx.kwaliteit is None:
            return []
        if ctx.kwaliteit < self.params.drempel - 1e-9:
            return [f"kwaliteitsscore {getal(ctx.kwaliteit)}, vereist minstens {getal(self.params.drempel)}"]
        return []

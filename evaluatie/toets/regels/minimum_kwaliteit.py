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
    params: MinimumKwaliteitParams

    def eis(self, ctx: Context) -> str:
        return f"kwaliteitsscore minstens {getal(self.params.drempel)} van 100"

    def toets(self, ctx: Context) -> list[str]:
        if ctx.kwaliteit is None:
            return []
        if ctx.kwaliteit < self.params.drempel - 1e-9:
            return [f"kwaliteitsscore {getal(ctx.kwaliteit)}, vereist minstens {getal(self.params.drempel)}"]
        return []

    def brief(self, ctx: Context, reden: str) -> str:
        return (
            f"Uw kwaliteitsscore is {getal(ctx.kwaliteit or 0)}; de eis is: {self.eis(ctx)}. Hieronder staan uw "
            "scores per criterium met de motivering van het beoordelingspanel."
        )

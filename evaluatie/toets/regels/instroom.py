"""Year-round intake: intake moments per year at least a minimum (12 = monthly)."""

from pydantic import Field

from evaluatie.tekst import aantal
from evaluatie.toets.register import Context, Knockoutregel, Parameters, registreer


class InstroomParams(Parameters):
    # a year has at most 366 intake days (the bid form allows 0-366): a higher minimum knocks out every bid in silence
    minimum: int = Field(12, ge=0, le=366)


@registreer
class Instroom(Knockoutregel):
    naam = "instroom"
    Params = InstroomParams
    params: InstroomParams

    def eis(self, ctx: Context) -> str:
        return f"minstens {_momenten(self.params.minimum)} per jaar"

    def toets(self, ctx: Context) -> list[str]:
        if ctx.aanbod.instroommomenten < self.params.minimum:
            return [f"{_momenten(ctx.aanbod.instroommomenten)} per jaar, vereist minstens {self.params.minimum}"]
        return []

    def brief(self, ctx: Context, reden: str) -> str:
        if ctx.aanbod is None:
            return super().brief(ctx, reden)
        return f"U biedt {_momenten(ctx.aanbod.instroommomenten)} per jaar; de eis is: {self.eis(ctx)}."


def _momenten(n: int) -> str:
    return aantal(str(n), "instroommoment", "instroommomenten")

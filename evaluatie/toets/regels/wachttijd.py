"""Maximum waiting time before the start of the route, in weeks."""

from pydantic import Field

from evaluatie.tekst import aantal, kort
from evaluatie.toets.register import Context, Knockoutregel, Parameters, registreer


class WachttijdParams(Parameters):
    maximum_weken: float = Field(10, ge=0)  # below 0 no bid could pass, and every one would fall out in silence


@registreer
class Wachttijd(Knockoutregel):
    naam = "wachttijd"
    Params = WachttijdParams
    params: WachttijdParams

    def eis(self, ctx: Context) -> str:
        return f"wachttijd hoogstens {_weken(self.params.maximum_weken)}"

    def toets(self, ctx: Context) -> list[str]:
        if ctx.aanbod.wachttijd_weken > self.params.maximum_weken:
            return [
                f"wachttijd {_weken(ctx.aanbod.wachttijd_weken)}, "
                f"toegestaan hoogstens {kort(self.params.maximum_weken)}"
            ]
        return []

    def brief(self, ctx: Context, reden: str) -> str:
        if ctx.aanbod is None:
            return super().brief(ctx, reden)
        return f"Uw maximale wachttijd is {_weken(ctx.aanbod.wachttijd_weken)}; de eis is: {self.eis(ctx)}."


def _weken(x: float) -> str:
    return aantal(kort(x), "week", "weken")

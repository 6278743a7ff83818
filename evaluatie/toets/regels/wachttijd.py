"""Maximum waiting time before the start of the route, in weeks."""

from evaluatie.toets.register import Context, Knockoutregel, Parameters, registreer


class WachttijdParams(Parameters):
    maximum_weken: float = 10


@registreer
class Wachttijd(Knockoutregel):
    naam = "wachttijd"
    Params = WachttijdParams

    def eis(self, ctx: Context) -> str:
        return f"wachttijd hoogstens {self.params.maximum_weken:g} weken"

    def toets(self, ctx: Context) -> list[str]:
        if ctx.aanbod.wachttijd_weken > self.params.maximum_weken:
            return [
                f"wachttijd {ctx.aanbod.wachttijd_weken:g} weken, toegestaan hoogstens {self.params.maximum_weken:g}"
            ]
        return []

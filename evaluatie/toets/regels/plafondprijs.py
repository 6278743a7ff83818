"""Price per trajectory at most the lot's ceiling (plafondprijs)."""

from evaluatie.tekst import euro
from evaluatie.toets.register import Context, Knockoutregel, registreer


@registreer
class Plafondprijs(Knockoutregel):
    naam = "plafondprijs"

    def eis(self, ctx: Context) -> str:
        return f"prijs per traject hoogstens {euro(ctx.perceel.plafondprijs)}"

    def toets(self, ctx: Context) -> list[str]:
        if ctx.aanbod.prijs > ctx.perceel.plafondprijs + 1e-9:
            return [
                f"prijs per traject {euro(ctx.aanbod.prijs)} ligt boven de plafondprijs "
                f"{euro(ctx.perceel.plafondprijs)}"
            ]
        return []

    def brief(self, ctx: Context, reden: str) -> str:
        if ctx.aanbod is None:
            return super().brief(ctx, reden)
        return (
            f"Uw prijs per traject van {euro(ctx.aanbod.prijs)} ligt boven de plafondprijs van "
            f"{euro(ctx.perceel.plafondprijs)}."
        )

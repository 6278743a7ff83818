"""Coverage: the bidder serves every gemeente of the lot, or every gemeente of a whole subregio."""

from typing import Literal

from evaluatie.toets.register import Context, Knockoutregel, Parameters, registreer


class DekkingParams(Parameters):
    eis: Literal["alle", "subregio"] = "alle"


@registreer
class Dekking(Knockoutregel):
    naam = "dekking"
    Params = DekkingParams

    def eis(self, ctx: Context) -> str:
        if self.params.eis == "alle":
            return "bedient alle deelnemende gemeenten"
        return "bedient alle gemeenten van minstens een hele subregio"

    def toets(self, ctx: Context) -> list[str]:
        deelnemers = list(ctx.aanbesteding.vraag(ctx.perceel.code))
        bediend = set(ctx.aanbod.gemeenten)
        ontbreekt = [g for g in deelnemers if g not in bediend]
        if self.params.eis == "alle":
            if ontbreekt:
                return [f"bedient niet alle gemeenten; ontbreekt: {', '.join(ontbreekt)}"]
            return []
        subregios: dict[str, list[str]] = {}
        for g in deelnemers:
            subregios.setdefault(ctx.aanbesteding.subregio_van(g), []).append(g)
        if any(all(g in bediend for g in leden) for leden in subregios.values()):
            return []
        return [
            "bedient geen enkele subregio volledig ("
            + "; ".join(
                f"{r}: ontbreekt {', '.join(g for g in leden if g not in bediend)}"
                for r, leden in sorted(subregios.items())
            )
            + ")"
        ]

"""Coverage: the bidder serves every gemeente of the lot, or every gemeente of a whole subregio."""

from typing import Any, Literal

from evaluatie.toets.register import Context, Knockoutregel, Parameters, registreer


class DekkingParams(Parameters):
    eis: Literal["alle", "subregio"] = "alle"


@registreer
class Dekking(Knockoutregel):
    naam = "dekking"
    Params = DekkingParams
    params: DekkingParams

    def eis(self, ctx: Context) -> str:
        if self.params.eis == "alle":
            return "bedient alle deelnemende gemeenten"
        return "bedient alle gemeenten van minstens een hele subregio"

    def __init__(self, ruw: dict[str, Any]):
        super().__init__(ruw)
        self._per_perceel: dict[str, tuple[list[str], dict[str, list[str]]]] = {}

    def _subregios(self, ctx: Context) -> tuple[list[str], dict[str, list[str]]]:
        """The lot's gemeenten, and grouped by subregio: computed once per lot, not once per bid."""
        code = ctx.perceel.code
        if code not in self._per_perceel:
            deelnemers = list(ctx.aanbesteding.vraag(code))
            subregios: dict[str, list[str]] = {}
            for g in deelnemers:
                subregios.setdefault(ctx.aanbesteding.subregio_van(g), []).append(g)
            self._per_perceel[code] = (deelnemers, dict(sorted(subregios.items())))
        return self._per_perceel[code]

    def toets(self, ctx: Context) -> list[str]:
        deelnemers, subregios = self._subregios(ctx)
        bediend = set(ctx.aanbod.gemeenten)
        if self.params.eis == "alle":
            ontbreekt = [g for g in deelnemers if g not in bediend]
            if ontbreekt:
                return [f"bedient niet alle gemeenten; ontbreekt: {', '.join(ontbreekt)}"]
            return []
        if any(all(g in bediend for g in leden) for leden in subregios.values()):
            return []
        return [
            "bedient geen enkele subregio volledig ("
            + "; ".join(
                f"{r}: ontbreekt {', '.join(g for g in leden if g not in bediend)}" for r, leden in subregios.items()
            )
            + ")"
        ]

    def brief(self, ctx: Context, reden: str) -> str:
        if ctx.aanbod is None:
            return super().brief(ctx, reden)
        return f"Uw inschrijving dekt niet het vereiste werkgebied ({self.eis(ctx)}): {reden}."

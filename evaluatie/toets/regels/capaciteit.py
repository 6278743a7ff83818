"""Capacity per year at least a minimum: absolute, or a share of the lot's yearly volume."""

import math

from pydantic import Field, model_validator

from evaluatie.tekst import aantal, getal, kort
from evaluatie.toets.register import Context, Knockoutregel, Parameters, registreer


class CapaciteitParams(Parameters):
    minimum: int | None = Field(None, ge=0)
    minimum_aandeel: float | None = None

    @model_validator(mode="after")
    def _een_van_beide(self):
        if (self.minimum is None) == (self.minimum_aandeel is None):
            raise ValueError("geef precies een van minimum (aantal) of minimum_aandeel (0-1)")
        if self.minimum_aandeel is not None and not 0 < self.minimum_aandeel <= 1:
            raise ValueError("minimum_aandeel moet tussen 0 en 1 liggen")
        return self


@registreer
class Capaciteit(Knockoutregel):
    naam = "capaciteit"
    Params = CapaciteitParams
    params: CapaciteitParams

    def drempel(self, ctx: Context) -> int:
        """Minimum capacity in inburgeraars; a share is rounded up (0.1 x 98 = 9.8 -> 10)."""
        if self.params.minimum is not None:
            return self.params.minimum
        volume = sum(ctx.aanbesteding.vraag(ctx.perceel.code).values())
        aandeel = self.params.minimum_aandeel
        assert aandeel is not None  # CapaciteitParams: exactly one of minimum and minimum_aandeel
        return math.ceil(aandeel * volume - 1e-9)

    def eis(self, ctx: Context) -> str:
        return f"capaciteit minstens {getal(self.drempel(ctx), 0)} per jaar"

    def eis_zonder_aantallen(self, ctx: Context) -> str:
        """'capaciteit minstens 0 per jaar' was the share of volumes not yet filled in: the rule in words instead."""
        if self.params.minimum_aandeel is None:
            return self.eis(ctx)
        return (
            f"capaciteit minstens {kort(100 * self.params.minimum_aandeel)}% van het verwachte aantal inburgeraars per "
            "jaar in dit perceel, naar boven afgerond (dat aantal is nog niet bekend)"
        )

    def toets(self, ctx: Context) -> list[str]:
        minimum = self.drempel(ctx)
        if ctx.aanbod.capaciteit < minimum:
            return [f"capaciteit {getal(ctx.aanbod.capaciteit, 0)} per jaar, vereist minstens {getal(minimum, 0)}"]
        return []

    def brief(self, ctx: Context, reden: str) -> str:
        if ctx.aanbod is None:
            return super().brief(ctx, reden)
        trajecten = aantal(getal(ctx.aanbod.capaciteit, 0), "traject", "trajecten")
        return f"U biedt een capaciteit van {trajecten} per jaar; de eis is: {self.eis(ctx)}."

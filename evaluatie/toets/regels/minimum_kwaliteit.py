"""Minimum quality: a weighted panel score under the threshold knocks the bid out of the lot."""

from pydantic import model_validator

from evaluatie.tekst import getal, kort
from evaluatie.toets.register import Context, Knockoutregel, Parameters, registreer


class MinimumKwaliteitParams(Parameters):
    drempel: float = 50

    @model_validator(mode="after")
    def _op_de_schaal(self):
        """The quality score runs from 0 to 100: 500 would knock out every bid, and 0.5 (meant as 50%) almost none,
        both in silence."""
        if not 0 <= self.drempel <= 100:
            raise ValueError(f"drempel {kort(self.drempel)} ligt buiten de kwaliteitsscore, die van 0 tot 100 loopt")
        if 0 < self.drempel < 1:
            raise ValueError(
                f"drempel {kort(self.drempel)} lijkt een fractie, maar de kwaliteitsscore loopt van 0 tot 100: "
                f"bedoelt u {kort(self.drempel * 100)}?"
            )
        return self


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


def drempel(perceel) -> float | None:
    """The lot's minimum quality score as published (its knock-out rule with that rule's defaults), None without
    the rule: for the analyses and the later entry that name it (zekerheid.toelating, contract.toetreding)."""
    if "minimum_kwaliteit" not in perceel.knockout:
        return None
    return float(MinimumKwaliteitParams.model_validate(perceel.knockout["minimum_kwaliteit"] or {}).drempel)

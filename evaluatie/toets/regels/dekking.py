"""Coverage: the bidder serves every gemeente of the lot, or every gemeente of a whole subregio."""

from typing import Any, Literal

from evaluatie.gemeentenamen import in_lijst
from evaluatie.toets.register import Context, Knockoutregel, Parameters, registreer

KORT = 20  # up to this many missing gemeenten the reason simply lists them


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
        return "bedient alle gemeenten van minstens één hele subregio"

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
            if any(g not in bediend for g in deelnemers):
                return [f"bedient niet alle gemeenten; {_verschil(deelnemers, bediend, ':', KORT)}"]
            return []
        if any(all(g in bediend for g in leden) for leden in subregios.values()):
            return []
        if sum(g not in bediend for g in deelnemers) <= KORT:  # a short list stays a plain list
            return [
                "bedient geen enkele subregio volledig ("
                + "; ".join(
                    f"{r}: {_ontbreekt([g for g in leden if g not in bediend])}" for r, leden in subregios.items()
                )
                + ")"
            ]
        deels = [
            f"{r or 'zonder subregio'}: {_verschil(leden, bediend)}"
            for r, leden in subregios.items()
            if any(g in bediend for g in leden)
        ]
        leeg = [r or "zonder subregio" for r, leden in subregios.items() if not any(g in bediend for g in leden)]
        if leeg:
            deels.append(f"geen gemeente bediend in {_opsomming(leeg)}")
        return ["bedient geen enkele subregio volledig (" + "; ".join(deels) + ")"]

    def brief(self, ctx: Context, reden: str) -> str:
        if ctx.aanbod is None:
            return super().brief(ctx, reden)
        return f"Uw inschrijving dekt niet het vereiste werkgebied ({self.eis(ctx)}): {reden}."


def _opsomming(namen: list[str]) -> str:
    if len(namen) == 1:
        return namen[0]
    return ", ".join(in_lijst(n) for n in namen[:-1]) + " en " + in_lijst(namen[-1])


def _ontbreekt(mist: list[str], scheiding: str = "") -> str:
    """'ontbreekt Oost', 'ontbreken Oost, Zuid': the verb in the number of the names (a letter is a legal act)."""
    return f"{'ontbreekt' if len(mist) == 1 else 'ontbreken'}{scheiding} {', '.join(in_lijst(g) for g in mist)}"


def _verschil(leden: list[str], bediend: set[str], scheiding: str = "", grens: int = 5) -> str:
    """What is missing from a group of gemeenten, in the shorter of two true forms: the missing names, or,
    when the bid serves only a few of many, the names it does serve. A national lot has 342 gemeenten:
    a reason that lists 330 names is unreadable in the advies and in the bidder's letter alike."""
    mist = [g for g in leden if g not in bediend]
    wel = [g for g in leden if g in bediend]
    if len(mist) <= max(grens, len(wel)):  # list the missing ones, unless naming the served ones is shorter
        return _ontbreekt(mist, scheiding)
    if not wel:
        return f"geen van de {len(leden)} gemeenten bediend"
    return f"alleen {_opsomming(wel)} bediend ({len(wel)} van de {len(leden)} gemeenten)"

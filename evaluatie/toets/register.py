"""The knock-out rule base and registry.

A rule is a subclass of Knockoutregel in a module under evaluatie/toets/regels/, decorated
with @registreer. Adding a rule is adding a file there: the registry imports every module
of that package, so the engine never has to change.
"""

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from evaluatie.definitie.model import Aanbesteding, Perceel
from evaluatie.inschrijving.model import Inschrijving, PerceelAanbod


class Parameters(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


@dataclass(frozen=True)
class Context:
    """Everything a rule may look at for one bidder in one lot."""

    aanbesteding: Aanbesteding
    perceel: Perceel
    inschrijving: Inschrijving
    aanbod: PerceelAanbod
    kwaliteit: float | None = None  # weighted quality 0-100, only after panel scoring


class Knockoutregel:
    """Base of every knock-out rule.

    fase 'voor' rules are checked on the bid alone; fase 'na' rules need the panel's
    quality score and are checked after scoring.
    """

    naam: ClassVar[str]
    fase: ClassVar[Literal["voor", "na"]] = "voor"
    Params: ClassVar[type[Parameters]] = Parameters

    @classmethod
    def controleer_parameters(cls, ruw: dict[str, Any]) -> list[str]:
        try:
            cls.Params.model_validate(ruw)
        except ValidationError as e:
            from evaluatie.pydantictaal import bericht

            return [
                f"{'.'.join(str(x) for x in err['loc']) or 'parameter'}: {bericht(dict(err))}" for err in e.errors()
            ]
        return []

    def __init__(self, ruw: dict[str, Any]):
        self.params = self.Params.model_validate(ruw)

    def eis(self, ctx: Context) -> str:
        """The requirement in words, for reports ('capaciteit minstens 10 per jaar')."""
        raise NotImplementedError

    def eis_zonder_aantallen(self, ctx: Context) -> str:
        """The requirement in words while the lot's expected numbers of inburgeraars are still open (the bid form of
        `evaluatie nieuw`, where they are 0 until filled in): a rule whose requirement is computed from them says
        how instead of a number computed from 0."""
        return self.eis(ctx)

    def toets(self, ctx: Context) -> list[str]:
        """Reasons the bid fails this rule, in plain Dutch citing value and requirement; [] if it passes."""
        raise NotImplementedError

    def brief(self, ctx: Context, reden: str) -> str:
        """A failed requirement as a sentence addressed to the bidder, for its letter.

        The rule knows best what it checked, so the sentence lives with the rule (a new rule file
        brings its own). The default is the reason itself as a sentence; `ctx.aanbod` may be None
        when the bid did not offer the lot."""
        return f"{reden[:1].upper()}{reden[1:]}" + ("" if reden.endswith(".") else ".")


_REGISTER: dict[str, type[Knockoutregel]] = {}


def registreer(cls: type[Knockoutregel]) -> type[Knockoutregel]:
    if cls.naam in _REGISTER and _REGISTER[cls.naam] is not cls:
        raise RuntimeError(f"knock-outregel {cls.naam} twee keer geregistreerd")
    _REGISTER[cls.naam] = cls
    return cls


@cache
def regels_register() -> dict[str, type[Knockoutregel]]:
    from evaluatie.toets import regels

    for info in sorted(pkgutil.iter_modules(regels.__path__), key=lambda m: m.name):
        importlib.import_module(f"{regels.__name__}.{info.name}")
    return dict(_REGISTER)


def maak_regel(naam: str, ruw: dict[str, Any]) -> Knockoutregel:
    return regels_register()[naam](ruw)

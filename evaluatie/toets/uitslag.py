"""Outcome of the knock-out check: a table bidder x lot with every failed rule's reasons."""

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict


class Bevinding(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    regel: str
    eis: str
    voldoet: bool | None  # None: not yet checkable (minimum_kwaliteit before scoring)
    redenen: tuple[str, ...] = ()


class Toetsresultaat(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    inschrijver: str
    perceel: str
    bevindingen: tuple[Bevinding, ...]
    toelating: bool = False  # the lot is an open house: a requirement not met is 'niet toegelaten'
    ongewogen: bool = False  # a declared exclusion ground fails the knock-out, and no decision weighed it yet
    uitgesloten_bij_besluit: bool = False  # a recorded weighing (evaluatie uitsluitingsgrond) excluded the bid

    @property
    def voldoet(self) -> bool:
        return all(b.voldoet is not False for b in self.bevindingen)

    @property
    def redenen(self) -> list[str]:
        return [r for b in self.bevindingen if b.voldoet is False for r in b.redenen]

    @property
    def status(self) -> str:
        """The status word of evaluatie.toets.status: the same word gunning.json, the advies and the letter use."""
        from evaluatie.toets.status import VOLDOET, afwijzing

        return afwijzing(self, self.toelating) or VOLDOET


class Toetsuitslag(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    resultaten: tuple[Toetsresultaat, ...]

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> "Toetsuitslag":
        """A copy never carries lookups (cached properties) built from the original's fields."""
        kopie = super().model_copy(update=update, deep=deep)
        for naam in [k for k in kopie.__dict__ if k not in type(self).model_fields]:
            del kopie.__dict__[naam]
        return kopie

    @cached_property
    def index(self) -> dict[tuple[str, str], Toetsresultaat]:
        """(bidder, lot) -> result, built once: lookups per bid stay O(1) with 150 bidders."""
        return {(r.inschrijver, r.perceel): r for r in reversed(self.resultaten)}

    @cached_property
    def per_perceel(self) -> dict[str, tuple[Toetsresultaat, ...]]:
        uit: dict[str, list[Toetsresultaat]] = {}
        for r in self.resultaten:
            uit.setdefault(r.perceel, []).append(r)
        return {code: tuple(rs) for code, rs in uit.items()}

    def voor_perceel(self, perceel: str) -> list[Toetsresultaat]:
        return list(self.per_perceel.get(perceel, ()))

    def toegelaten(self, perceel: str) -> list[str]:
        return [r.inschrijver for r in self.voor_perceel(perceel) if r.voldoet]

    def resultaat(self, inschrijver: str, perceel: str) -> Toetsresultaat | None:
        return self.index.get((inschrijver, perceel))

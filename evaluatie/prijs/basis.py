"""The price-method base and registry.

A method turns each admitted bid's price (and, for fictieve_korting, its quality) into a
price score and a total. Adding a method is adding a module in this package with a
@registreer'd subclass; `methode()` imports the package's modules on first use.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from evaluatie.definitie.model import Perceel


@dataclass(frozen=True)
class Kandidaat:
    """An admitted bid as the price stage sees it."""

    inschrijver: str
    prijs: float
    kwaliteit: float  # 0-100
    capaciteit: int
    wachttijd_weken: float


@dataclass(frozen=True)
class Prijsuitkomst:
    prijsscore: float
    totaal: float
    gunningswaarde: float  # what the allocation maximises per inburgeraar: higher is better
    berekening: str  # the formula with this bid's numbers filled in, in Dutch


class Prijsmethode:
    naam: ClassVar[str]
    formule: ClassVar[str]  # the formula in words, for the report
    hoger_is_beter: ClassVar[bool] = True  # ranking direction of `totaal`

    def bereken(self, perceel: Perceel, kandidaten: Sequence[Kandidaat]) -> dict[str, Prijsuitkomst]:
        raise NotImplementedError

    @staticmethod
    def gewogen(perceel: Perceel, kwaliteit: float, prijsscore: float) -> float:
        return perceel.weging.kwaliteit / 100 * kwaliteit + perceel.weging.prijs / 100 * prijsscore


_REGISTER: dict[str, type[Prijsmethode]] = {}


def registreer(cls: type[Prijsmethode]) -> type[Prijsmethode]:
    _REGISTER[cls.naam] = cls
    return cls


def methoden() -> dict[str, type[Prijsmethode]]:
    from evaluatie import prijs

    for info in sorted(pkgutil.iter_modules(prijs.__path__), key=lambda m: m.name):
        if info.name not in ("basis", "rangorde"):
            importlib.import_module(f"{prijs.__name__}.{info.name}")
    return dict(_REGISTER)


def methode(naam: str) -> Prijsmethode:
    return methoden()[naam]()

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

    def gewogen_uitkomst(self, perceel: Perceel, k: Kandidaat, prijsscore: float, stap: str) -> Prijsuitkomst:
        """Outcome of a weighted method (relatief, lineair): total from the weights, formula filled in."""
        from evaluatie.tekst import getal

        wq, wp = perceel.weging.kwaliteit / 100, perceel.weging.prijs / 100
        totaal = self.gewogen(perceel, k.kwaliteit, prijsscore)
        berekening = f"{stap}; {getal(wq)} x {getal(k.kwaliteit)} + {getal(wp)} x {getal(prijsscore)} = {getal(totaal)}"
        return Prijsuitkomst(prijsscore, totaal, totaal, berekening)

    def vectorieel(self, perceel: Perceel, prijs, kwaliteit, geldig):
        """Totals for many draws at once: prijs[b], kwaliteit[d, b], geldig[d, b] -> totaal[d, b]."""
        raise NotImplementedError

    def kwaliteitsgevoeligheid(self, perceel: Perceel) -> float:
        """How much the total moves per quality point (in the method's better direction)."""
        return perceel.weging.kwaliteit / 100

    def achterstand(self, perceel: Perceel, kandidaten: Sequence[Kandidaat], naam: str) -> float:
        """Total this bid lacks to the best other bid (0 if it is first or equal)."""
        uit = self.bereken(perceel, list(kandidaten))
        teken = 1 if self.hoger_is_beter else -1
        beste = max(teken * u.totaal for n, u in uit.items() if n != naam)
        return max(0.0, beste - teken * uit[naam].totaal)

    def marge_kwaliteit(self, perceel: Perceel, kandidaten: Sequence[Kandidaat], naam: str) -> float | None:
        """Smallest quality rise (points) that brings this bid level with the best; None if above 100."""
        tekort = self.achterstand(perceel, kandidaten, naam)
        gevoelig = self.kwaliteitsgevoeligheid(perceel)
        if tekort == 0:
            return 0.0
        if gevoelig <= 0:
            return None
        nodig = tekort / gevoelig
        eigen = next(k for k in kandidaten if k.inschrijver == naam)
        return nodig if eigen.kwaliteit + nodig <= 100 + 1e-9 else None

    def marge_prijs(self, perceel: Perceel, kandidaten: Sequence[Kandidaat], naam: str) -> float | None:
        """Smallest price cut (euro per trajectory) that brings this bid level with the best; None if none."""
        return None


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

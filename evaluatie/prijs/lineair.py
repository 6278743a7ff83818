"""lineair: 100 points at the lowest valid price, 0 at the ceiling, linear in between."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from evaluatie.definitie.model import Perceel
from evaluatie.prijs.basis import Kandidaat, Prijsmethode, Prijsuitkomst, registreer
from evaluatie.tekst import euro, kort

if TYPE_CHECKING:
    from evaluatie.prijs.basis import Matrix

# (c - p) / (c - l) x 100: with the ceiling c and the own price and score, c - l and so every price follows
HERLEIDBAAR = (
    "die volgt wel uit hun prijsscore, de plafondprijs en uw eigen prijs en prijsscore, tenzij uw prijsscore 0 is"
)


@registreer
class Lineair(Prijsmethode):
    naam = "lineair"
    formule = (
        "prijsscore = (plafondprijs - prijs) / (plafondprijs - laagste geldige prijs) x 100; "
        "totaal = wk x kwaliteit + wp x prijsscore"
    )

    def beschrijving(self, perceel: Perceel) -> str:
        return (
            "Prijsmethode: prijsscore = (plafondprijs - prijs) / (plafondprijs - laagste geldige prijs) x 100, "
            f"met plafondprijs {euro(perceel.plafondprijs)}; totaalscore = {kort(perceel.weging.kwaliteit)}% x "
            f"kwaliteitsscore + {kort(perceel.weging.prijs)}% x prijsscore. De hoogste totaalscore staat eerst. "
            # the formula is 0 / 0 there; the rule bereken applies is published with it
            "Ligt de laagste geldige prijs op de plafondprijs, dan is de prijsscore van iedere inschrijving 100."
        )

    def bereken(self, perceel: Perceel, kandidaten: Sequence[Kandidaat]) -> dict[str, Prijsuitkomst]:
        laagste = min(k.prijs for k in kandidaten)
        plafond = perceel.plafondprijs
        uit = {}
        for k in kandidaten:
            if plafond - laagste <= 1e-9:
                ps = 100.0  # every bid at the ceiling: all equally cheap
                stap = "alle prijzen gelijk aan de plafondprijs: {}".format
            else:
                ps = (plafond - k.prijs) / (plafond - laagste) * 100
                stap = f"({euro(plafond)} - {euro(k.prijs)}) / ({euro(plafond)} - {euro(laagste)}) x 100 = {{}}".format
            uit[k.inschrijver] = self.gewogen_uitkomst(perceel, k, ps, stap)
        return uit

    def totalen(self, perceel: Perceel, kandidaten: Sequence[Kandidaat]) -> dict[str, float]:
        laagste = min(k.prijs for k in kandidaten)
        plafond = perceel.plafondprijs
        gelijk = plafond - laagste <= 1e-9  # every bid at the ceiling: all equally cheap (as in bereken)
        return {
            k.inschrijver: self.weeg(
                perceel, k.kwaliteit, 100.0 if gelijk else (plafond - k.prijs) / (plafond - laagste) * 100
            )
            for k in kandidaten
        }

    def vectorieel(self, perceel: Perceel, prijs: Matrix, kwaliteit: Matrix, geldig: Matrix) -> Matrix:
        import numpy as np

        plafond = perceel.plafondprijs
        laagste = np.where(geldig, prijs[None, :], np.inf).min(axis=1, keepdims=True)
        noemer = plafond - laagste
        with np.errstate(divide="ignore", invalid="ignore"):
            ps = np.where(noemer > 1e-9, (plafond - prijs[None, :]) / noemer * 100, 100.0)
        return self.weeg(perceel, kwaliteit, ps)

    def herleidbaar(self) -> str | None:
        return HERLEIDBAAR

    def marge_prijs(self, perceel: Perceel, kandidaten: Sequence[Kandidaat], naam: str) -> float | None:
        """Closed form. Above the lowest price m: p <= c - (T - wq Q)(c - m) / (wp 100).
        Below m, for each j: (c - p_j) / (c - p) <= r_j with r_j = (wq (Q - Q_j) + wp 100) / (wp 100),
        so p <= c - (c - p_j) / r_j."""
        wq, wp = perceel.weging.kwaliteit / 100, perceel.weging.prijs / 100
        if self.achterstand(perceel, kandidaten, naam) == 0:
            return 0.0
        if wp == 0:
            return None
        c = perceel.plafondprijs
        eigen = next(k for k in kandidaten if k.inschrijver == naam)
        anderen = [k for k in kandidaten if k.inschrijver != naam]
        m = min(k.prijs for k in kandidaten)
        uit = self.bereken(perceel, list(kandidaten))
        beste = max(uit[k.inschrijver].totaal for k in anderen)
        if c - m > 1e-9:
            p = c - (beste - wq * eigen.kwaliteit) * (c - m) / (wp * 100)
            if p >= m - 1e-9:
                return max(0.0, eigen.prijs - p)
        grenzen = []
        for k in anderen:
            r = (wq * (eigen.kwaliteit - k.kwaliteit) + wp * 100) / (wp * 100)
            if r <= 0:
                return None
            grenzen.append(c - (c - k.prijs) / r)
        grens = min(min(grenzen), m)
        return None if grens <= 0 else eigen.prijs - grens

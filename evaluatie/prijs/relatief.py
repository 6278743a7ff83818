"""relatief: price score = lowest valid price / price x 100."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from evaluatie.definitie.model import Perceel
from evaluatie.prijs.basis import Kandidaat, Prijsmethode, Prijsuitkomst, registreer
from evaluatie.tekst import euro, kort

if TYPE_CHECKING:
    from evaluatie.prijs.basis import Matrix

HERLEIDBAAR = "die volgt wel uit hun prijsscore en uw eigen prijs en prijsscore"


@registreer
class Relatief(Prijsmethode):
    naam = "relatief"
    formule = "prijsscore = laagste geldige prijs / prijs x 100; totaal = wk x kwaliteit + wp x prijsscore"

    def beschrijving(self, perceel: Perceel) -> str:
        return (
            "Prijsmethode: prijsscore = laagste geldige prijs / prijs x 100; totaalscore = "
            f"{kort(perceel.weging.kwaliteit)}% x kwaliteitsscore + {kort(perceel.weging.prijs)}% x prijsscore. "
            "De hoogste totaalscore staat eerst."
        )

    def bereken(self, perceel: Perceel, kandidaten: Sequence[Kandidaat]) -> dict[str, Prijsuitkomst]:
        laagste = min(k.prijs for k in kandidaten)
        uit = {}
        for k in kandidaten:
            ps = laagste / k.prijs * 100
            stap = f"{euro(laagste)} / {euro(k.prijs)} x 100 = {{}}".format
            uit[k.inschrijver] = self.gewogen_uitkomst(perceel, k, ps, stap)
        return uit

    def totalen(self, perceel: Perceel, kandidaten: Sequence[Kandidaat]) -> dict[str, float]:
        laagste = min(k.prijs for k in kandidaten)
        return {k.inschrijver: self.weeg(perceel, k.kwaliteit, laagste / k.prijs * 100) for k in kandidaten}

    def vectorieel(self, perceel: Perceel, prijs: Matrix, kwaliteit: Matrix, geldig: Matrix) -> Matrix:
        import numpy as np

        laagste = np.where(geldig, prijs[None, :], np.inf).min(axis=1, keepdims=True)
        return self.weeg(perceel, kwaliteit, laagste / prijs[None, :] * 100)

    def herleidbaar(self) -> str | None:
        return HERLEIDBAAR

    def marge_prijs(self, perceel: Perceel, kandidaten: Sequence[Kandidaat], naam: str) -> float | None:
        """Closed form. Above the lowest price m: wq Q + wp 100 m / p >= T  <=>  p <= wp 100 m / (T - wq Q).
        Below m the bid sets the new lowest price and every other price score drops:
        for each j: wq Q_j + wp 100 p / p_j <= wq Q + wp 100  <=>  p <= (wq (Q - Q_j) + wp 100) p_j / (wp 100)."""
        wq, wp = perceel.weging.kwaliteit / 100, perceel.weging.prijs / 100
        if self.achterstand(perceel, kandidaten, naam) == 0:
            return 0.0
        if wp == 0:
            return None
        eigen = next(k for k in kandidaten if k.inschrijver == naam)
        anderen = [k for k in kandidaten if k.inschrijver != naam]
        m = min(k.prijs for k in kandidaten)
        uit = self.bereken(perceel, list(kandidaten))
        beste = max(uit[k.inschrijver].totaal for k in anderen)
        if beste - wq * eigen.kwaliteit > 0:
            p = wp * 100 * m / (beste - wq * eigen.kwaliteit)
            if p >= m - 1e-9:
                return max(0.0, eigen.prijs - p)
        grens = min((wq * (eigen.kwaliteit - k.kwaliteit) + wp * 100) * k.prijs / (wp * 100) for k in anderen)
        grens = min(grens, m)
        if grens <= 0 or math.isnan(grens):
            return None
        return eigen.prijs - grens

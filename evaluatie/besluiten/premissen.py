"""Which recorded decisions are stale now, for `evaluatie besluiten`: by the award's own check, never a second one.

A decision's premise is checked where the award needs it (a correction while the bids are read, an exclusion
ground or keurmerk at the knock-out, an art. 2.116 explanation on the prices, a draw on the final ranking), so the
only complete check is the award itself (pipeline.gun, which writes nothing). A list that showed the decisions as
recorded read as if a stale one were in force. When the award cannot be computed (an input error, a lot short of
capacity), what was checked before it stopped is marked and the reason is given in words: the rest is unchecked,
never reported as holding.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from evaluatie.besluiten.openpunten import Openpunt, verouderd_punt
from evaluatie.besluiten.verouderd import Verouderd
from evaluatie.fouten import EvaluatieFout, InvoerFout
from evaluatie.werkmap import Werkmap


@dataclass
class Premissen:
    verouderd: list[Verouderd] = field(default_factory=list)  # as the award found them, in its order
    onvolledig: list[str] = field(default_factory=list)  # why not every premise was checked; [] when all were

    @property
    def wat(self) -> dict[str, str]:
        """id -> what changed: the words the advies puts after 'VEROUDERD, NIET TOEGEPAST'."""
        return {v.id: v.wat for v in self.verouderd}

    @property
    def open_punten(self) -> list[Openpunt]:
        """The stale decisions as the award's open points (same text, same command)."""
        return [verouderd_punt(v) for v in self.verouderd]


def controleer_premissen(werkmap: Werkmap, vandaag: dt.date | None = None) -> Premissen:
    """Compute the award (nothing written) and return the decisions and draws it left out as stale; nothing to
    check (and no award computed) without a decision or draw."""
    from evaluatie.besluiten.register import BESTAND, lees_besluiten
    from evaluatie.gunning.loting import BESTAND as LOTINGBESTAND
    from evaluatie.gunning.loting import lees_lotingen
    from evaluatie.pipeline import gun, laad_invoer

    if not lees_besluiten(werkmap.root / BESTAND).besluiten and not lees_lotingen(werkmap.root / LOTINGBESTAND):
        return Premissen()

    herstel_weg: list[Verouderd] = []
    try:
        invoer = laad_invoer(werkmap, herstel_weg=herstel_weg)
    except InvoerFout as e:
        return Premissen(herstel_weg, _reden_invoer(e, herstel_weg))
    try:
        gun(werkmap, invoer=invoer, vandaag=vandaag or dt.date.today())
    except InvoerFout as e:
        return Premissen(list(invoer.verouderd), _reden_invoer(e))
    except EvaluatieFout as e:
        return Premissen(list(invoer.verouderd), ["de gunning kan niet worden afgerond:", *e.meldingen])
    return Premissen(list(invoer.verouderd))


def _reden_invoer(e: InvoerFout, verouderd: list[Verouderd] | None = None) -> list[str]:
    """The input errors that stopped the check; a stale correction named with them is marked at its decision."""
    al = {v.fout() for v in verouderd or []}
    fouten = [f for f in e.fouten if f not in al]
    return [f"de invoer heeft {len(fouten)} fout(en):", *(str(f) for f in fouten)]

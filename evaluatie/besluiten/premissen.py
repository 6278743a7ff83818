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

from evaluatie.besluiten.keurmerkwoorden import keurmerksoort_van
from evaluatie.besluiten.openpunten import Openpunt, verouderd_punt
from evaluatie.besluiten.verouderd import Verouderd
from evaluatie.fouten import EvaluatieFout, InvoerFout
from evaluatie.tekst import aantal
from evaluatie.werkmap import Werkmap

# The kinds of decision whose premise is fully checked once a stage of the award has run: a correction while the
# bids are read, a withdrawal and an exclusion ground at the knock-out before scoring (pipeline._met_besluiten);
# everything else (an art. 2.116 explanation, a keurmerk, a draw) only on the award's prices and ranking.
NA_INLEZEN = frozenset({"herstel"})
NA_TOETS = NA_INLEZEN | {"terugtrekking", "uitsluiting"}


@dataclass
class Premissen:
    verouderd: list[Verouderd] = field(default_factory=list)  # as the award found them, in its order
    onbevestigd: list[str] = field(default_factory=list)  # ids in force whose check the stop left undone
    onvolledig: list[str] = field(default_factory=list)  # why: the errors that stopped it; [] when all were checked
    # id -> the kind of a keurmerk decision from the lots of its bid (keurmerkwoorden.keurmerksoort_van), once the bids
    # are read: the list then says 'De toelating geschiedt' where the advies does
    soorten: dict[str, str] = field(default_factory=dict)

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
    check (and no award computed) without a decision or draw. When the award stops, the decisions whose check had
    not run yet are named (onbevestigd) with the reason: never reported as holding."""
    from evaluatie.besluiten.register import BESTAND, lees_besluiten
    from evaluatie.gunning.loting import BESTAND as LOTINGBESTAND
    from evaluatie.gunning.loting import lees_lotingen
    from evaluatie.pipeline import gun, laad_invoer

    besluiten = [b for b in lees_besluiten(werkmap.root / BESTAND).besluiten if b.geldig]
    lotingen = [x for x in lees_lotingen(werkmap.root / LOTINGBESTAND) if x.geldig]
    if not besluiten and not lotingen:
        return Premissen()

    def onbevestigd(verouderd: list[Verouderd], gecontroleerd: frozenset[str]) -> list[str]:
        weg = {v.id for v in verouderd}
        ids = [b.id for b in besluiten if b.soort not in gecontroleerd] + [x.id for x in lotingen]
        return [i for i in ids if i not in weg]

    herstel_weg: list[Verouderd] = []
    try:
        invoer = laad_invoer(werkmap, herstel_weg=herstel_weg)
    except InvoerFout as e:
        return Premissen(herstel_weg, onbevestigd(herstel_weg, frozenset()), _reden_invoer(e, herstel_weg))
    soorten = {
        b.id: soort
        for b in besluiten
        if (soort := keurmerksoort_van(invoer.aanbesteding, invoer.inschrijvingen, b)) is not None
    }
    try:
        gun(werkmap, invoer=invoer, vandaag=vandaag or dt.date.today())
    except (InvoerFout, EvaluatieFout) as e:
        weg = list(invoer.verouderd)
        reden = (
            _reden_invoer(e) if isinstance(e, InvoerFout) else ["de gunning kan niet worden afgerond:", *e.meldingen]
        )
        return Premissen(weg, onbevestigd(weg, NA_INLEZEN if invoer.toets_voor is None else NA_TOETS), reden, soorten)
    return Premissen(list(invoer.verouderd), soorten=soorten)


def _reden_invoer(e: InvoerFout, verouderd: list[Verouderd] | None = None) -> list[str]:
    """The input errors that stopped the check; a stale correction named with them is marked at its decision."""
    al = {v.fout() for v in verouderd or []}
    fouten = [f for f in e.fouten if f not in al]
    return [f"de invoer heeft {aantal(str(len(fouten)), 'fout', 'fouten')}:", *(str(f) for f in fouten)]

"""Decisions that rest on something received after the closing of the bids: a clarification (herstel), a written
explanation (toelichting), a withdrawal (terugtrekking), the proof of a renewed keurmerk (keurmerk). When recorded,
that date was checked against `data.sluiting`; the definition may change since (the closing date moved later, a
typo corrected). Checked again on every run against the current definition: a decision whose received date now
lies before the closing is stale (verouderd: an open point, exit 1, never applied), said with the decision, the
date, the closing date as it is now and the commands that withdraw it and record it again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from evaluatie.besluiten.verouderd import Verouderd

# soort -> (the field with the received date, what was received, the option, the command that records it again)
ONTVANGEN = {
    "herstel": ("verduidelijking", "de verduidelijking", "--verduidelijking", "herstel"),
    "abnormaal": ("ontvangen", "de schriftelijke toelichting", "--ontvangen", "toelichting"),
    "terugtrekking": ("ontvangen", "het bericht van terugtrekking", "--ontvangen", "terugtrekking"),
    "keurmerk": ("bewijs", "het bewijs van verlenging", "--bewijs", "keurmerk"),
}


def ontvangen_voor_de_sluiting(besluiten: tuple[Any, ...], sluiting: dt.date) -> list[Verouderd]:
    """Every decision in force (not withdrawn) whose received date lies before `sluiting` (the current
    data.sluiting), as stale: in the order of the file."""
    from evaluatie.besluiten.herstel import herstel_verouderd

    uit = []
    for b in besluiten:
        if not b.geldig or b.soort not in ONTVANGEN:
            continue
        veld, wat, optie, commando = ONTVANGEN[b.soort]
        dag = getattr(b, veld)
        if dag is None or dag >= sluiting:
            continue
        tekst = (
            f"{wat} waarop {b.id} rust (ontvangen op {dag.isoformat()}) ligt vóór de sluiting van de inschrijving, "
            f"die aanbesteding.yaml nu op {sluiting.isoformat()} zet (data.sluiting); klopt die datum niet, zet haar "
            f"dan terug, en anders legt u het besluit na de intrekking opnieuw vast met 'evaluatie {commando}' en "
            f"een {optie} op of na {sluiting.isoformat()}"
        )
        uit.append(herstel_verouderd(b, tekst) if b.soort == "herstel" else Verouderd(b.id, tekst))
    return uit

"""The keurmerk at the contract's start: the award checks it up to the letters' date, the contract begins
later. A supplier in a lot that requires the Blik op Werk keurmerk whose keurmerk (as bid, or as extended
by a recorded decision) ends before the start date, or whose award was made on condition of a valid
keurmerk, is named at `evaluatie contract start` so nobody signs without checking it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from evaluatie.tekst import datum
from evaluatie.werkmap import Werkmap


def keurmerk_bij_start(werkmap: Werkmap, basis: Any, startdatum: dt.date) -> list[str]:
    """Warnings, one per supplier and lot, in the contract basis's order; [] when every keurmerk holds."""
    from evaluatie.besluiten.register import BESTAND, lees_besluiten
    from evaluatie.definitie.laden import laad_aanbesteding
    from evaluatie.inschrijving.lezen import lees_inschrijvingen

    aanbesteding, _ = laad_aanbesteding(werkmap.aanbesteding)
    register = lees_besluiten(werkmap.root / BESTAND)
    inschrijvingen, _ = lees_inschrijvingen(aanbesteding, werkmap.inschrijvingen, register.geldig("herstel"))
    per_naam = {i.naam: i for i in inschrijvingen}
    besluit = {k.inschrijver: k for k in register.geldig("keurmerk")}
    uit = []
    for lev in basis.leveranciers:
        perceel = aanbesteding.percelen.get(lev.perceel)
        ins = per_naam.get(lev.naam)
        if perceel is None or ins is None or "keurmerk" not in perceel.knockout:
            continue
        k = besluit.get(lev.naam)
        if k is not None and k.uitkomst == "onder_voorwaarde":
            uit.append(
                f"perceel {perceel.naam}: {lev.naam} is gegund onder de voorwaarde dat vóór het sluiten van de "
                f"overeenkomst een geldig Blik op Werk keurmerk wordt getoond (besluit {k.id}); controleer dat "
                "bewijs vóór de ingangsdatum"
            )
            continue
        tot, bron = (
            (k.verlengd_tot, f"besluit {k.id}") if k is not None else (ins.keurmerk_geldig_tot, "de inschrijving")
        )
        if tot is None or tot < startdatum:
            wanneer = f"is volgens {bron} geldig tot {datum(tot)}" if tot else f"heeft volgens {bron} geen einddatum"
            uit.append(
                f"perceel {perceel.naam}: het keurmerk van {lev.naam} {wanneer}, vóór de ingangsdatum "
                f"{datum(startdatum)}; het perceel eist het keurmerk, vraag om bewijs van verlenging"
            )
    return uit

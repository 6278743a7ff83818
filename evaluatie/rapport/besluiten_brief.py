"""Recorded decisions that concern the addressee, stated in its letter (a condition on the award,
an accepted explanation). Exclusions carry their reasoning in the knock-out findings instead."""

from __future__ import annotations

from typing import Any

from evaluatie.besluiten.toepassen import keurmerk_zin, toelichting_zin
from evaluatie.rapport.gegevens import Rapportgegevens


def besluiten_in_brief(d: Any, g: Rapportgegevens, inschrijver: str, code: str, uitkomst: str) -> None:
    if uitkomst in ("ongeldig", "uitgesloten", "niet toegelaten"):
        return
    for b in g.besluiten:
        if not b.geldig or getattr(b, "inschrijver", None) != inschrijver:
            continue
        if b.soort == "keurmerk":
            d.kop("Voorwaarde: keurmerk" if b.uitkomst == "onder_voorwaarde" else "Keurmerk")
            d.alinea(keurmerk_zin(b))
        elif b.soort == "abnormaal" and b.perceel == code and b.uitkomst == "aanvaard":
            d.kop("Toelichting op uw prijs")
            d.alinea(toelichting_zin(b))

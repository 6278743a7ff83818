"""The decisions in words: one line each for the terminal, a list for the advies."""

from __future__ import annotations

from typing import Any

from evaluatie.besluiten.herstel import herstel_zin
from evaluatie.besluiten.toepassen import keurmerk_zin, terugtrekking_zin, toelichting_zin, uitsluiting_zin
from evaluatie.tekst import datum


def zin(b: Any, verouderd: str | None = None) -> str:
    """What was decided, on what basis, when and by whom; a withdrawal is stated with its own reason; a stale
    decision (`verouderd`: what changed) is stated as not applied, so the record never reads as in force."""
    if b.soort == "herstel":
        tekst = herstel_zin(b)
    elif b.soort == "abnormaal":
        tekst = f"{b.id}: {b.inschrijver}, perceel {b.perceel}: " + _hoofdletter(toelichting_zin(b)) + f" ({b.door})"
    elif b.soort == "uitsluiting":
        tekst = f"{b.id}: {b.inschrijver}: {uitsluiting_zin(b)} ({b.door})"
    elif b.soort == "terugtrekking":
        tekst = f"{b.id}: {terugtrekking_zin(b)} ({b.door})"
    else:
        tekst = f"{b.id}: {b.inschrijver}: {keurmerk_zin(b)} ({b.door})"
    if b.ingetrokken is not None:
        i = b.ingetrokken
        tekst += f" INGETROKKEN op {datum(i.datum)} door {i.door}: {i.reden}"
    return tekst + _niet_toegepast(verouderd)


def _niet_toegepast(verouderd: str | None) -> str:
    if verouderd is None:
        return ""
    return f" VEROUDERD, NIET TOEGEPAST: {verouderd}; zie de open punten."


def loting_zin(x: Any, verouderd: str | None = None) -> str:
    tekst = f"{x.id}: perceel {x.perceel}: volgorde {' voor '.join(x.volgorde)}, {x.beschrijving()}."
    if x.ingetrokken is not None:
        i = x.ingetrokken
        tekst += f" INGETROKKEN op {datum(i.datum)} door {i.door}: {i.reden}"
    return tekst + _niet_toegepast(verouderd)


def _hoofdletter(t: str) -> str:
    return t[:1].upper() + t[1:]


def regels(werkmap: Any) -> list[str]:
    from evaluatie.besluiten.register import BESTAND, lees_besluiten
    from evaluatie.gunning.loting import BESTAND as LOTINGBESTAND
    from evaluatie.gunning.loting import lees_lotingen

    register = lees_besluiten(werkmap.root / BESTAND)
    lotingen = lees_lotingen(werkmap.root / LOTINGBESTAND)
    uit = [zin(b) for b in register.besluiten] + [loting_zin(x) for x in lotingen]
    return uit or ["Geen besluiten of lotingen vastgelegd."]


def als_dict(werkmap: Any) -> dict[str, Any]:
    """Every decision and draw as recorded (withdrawn ones with their withdrawal), for --json."""
    from evaluatie.besluiten.register import BESTAND, lees_besluiten
    from evaluatie.gunning.loting import BESTAND as LOTINGBESTAND
    from evaluatie.gunning.loting import lees_lotingen

    register = lees_besluiten(werkmap.root / BESTAND)
    lotingen = lees_lotingen(werkmap.root / LOTINGBESTAND)
    return {
        "besluiten": [b.model_dump(mode="json") | {"tekst": zin(b)} for b in register.besluiten],
        "lotingen": [x.model_dump(mode="json") | {"tekst": loting_zin(x)} for x in lotingen],
    }

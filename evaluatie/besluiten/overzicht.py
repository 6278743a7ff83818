"""The decisions in words: one line each for the terminal, a list for the advies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from evaluatie.besluiten.herstel import herstel_zin
from evaluatie.besluiten.toepassen import keurmerk_zin, terugtrekking_zin, toelichting_zin, uitsluiting_zin
from evaluatie.tekst import datum

if TYPE_CHECKING:
    from evaluatie.besluiten.premissen import Premissen


def zin(b: Any, verouderd: str | None = None, toelating: bool = False, soort: str | None = None) -> str:
    """What was decided, on what basis, when and by whom; a withdrawal is stated with its own reason; a stale
    decision (`verouderd`: what changed) is stated as not applied, so the record never reads as in force.
    `toelating`: every lot is an open house, so a keurmerk condition is one on the admission (keurmerk_zin);
    `soort`: that kind taken from the lots the keurmerk decision bears on (keurmerk_soort), which goes first."""
    if b.soort == "herstel":
        tekst = herstel_zin(b)
    elif b.soort == "abnormaal":
        tekst = f"{b.id}: {b.inschrijver}, perceel {b.perceel}: " + _hoofdletter(toelichting_zin(b)) + f" ({b.door})"
    elif b.soort == "uitsluiting":
        tekst = f"{b.id}: {b.inschrijver}: {uitsluiting_zin(b)} ({b.door})"
    elif b.soort == "terugtrekking":
        tekst = f"{b.id}: {terugtrekking_zin(b)} ({b.door})"
    else:
        tekst = f"{b.id}: {b.inschrijver}: {keurmerk_zin(b, toelating=toelating, soort=soort)} ({b.door})"
    if b.ingetrokken is not None:
        i = b.ingetrokken
        tekst += f" INGETROKKEN op {datum(i.datum)} door {i.door}: {i.reden}"
    return tekst + _niet_toegepast(verouderd)


def _niet_toegepast(verouderd: str | None) -> str:
    if verouderd is None:
        return ""
    return f" VEROUDERD, NIET TOEGEPAST: {verouderd}; zie de open punten."


def loting_zin(x: Any, verouderd: str | None = None) -> str:
    tekst = f"{x.id}: perceel {x.perceel}: volgorde {' voor '.join(x.volgorde)}, {x.beschrijving()}. {x.motivering()}"
    if x.ingetrokken is not None:
        i = x.ingetrokken
        tekst += f" INGETROKKEN op {datum(i.datum)} door {i.door}: {i.reden}"
    return tekst + _niet_toegepast(verouderd)


def _hoofdletter(t: str) -> str:
    return t[:1].upper() + t[1:]


def _vastgelegd(werkmap: Any) -> tuple[Any, Any]:
    from evaluatie.besluiten.register import BESTAND, lees_besluiten
    from evaluatie.gunning.loting import BESTAND as LOTINGBESTAND
    from evaluatie.gunning.loting import lees_lotingen

    return lees_besluiten(werkmap.root / BESTAND), lees_lotingen(werkmap.root / LOTINGBESTAND)


def regels(werkmap: Any, p: Premissen) -> list[str]:
    """Every decision and draw as recorded, a stale one marked as the advies marks it, then the stale ones as the
    award's open points (each with the command that withdraws it)."""
    from evaluatie.besluiten.openpunten import melding

    register, lotingen = _vastgelegd(werkmap)
    wat = p.wat
    uit = [zin(b, wat.get(b.id), soort=p.soorten.get(b.id)) for b in register.besluiten]
    uit += [loting_zin(x, wat.get(x.id)) for x in lotingen]
    if not uit:
        return ["Geen besluiten of lotingen vastgelegd."]
    if p.open_punten:
        uit += ["", "Open punten:", *melding(p.open_punten)[1:]]
    return uit


def als_dict(werkmap: Any, p: Premissen) -> dict[str, Any]:
    """Every decision and draw as recorded (withdrawn ones with their withdrawal), for --json; `verouderd` says what
    changed for a stale one (null otherwise), `gecontroleerd` whether its premise was checked (false when the award
    stopped before its check), `open_punten` are the award's points for the stale ones, `controle_onvolledig` why
    a premise could not be checked ([] when every one was)."""
    register, lotingen = _vastgelegd(werkmap)
    wat = p.wat

    def met(x: Any, tekst: str) -> dict[str, Any]:
        return x.model_dump(mode="json") | {
            "tekst": tekst,
            "verouderd": wat.get(x.id),
            "gecontroleerd": x.id not in p.onbevestigd,
        }

    return {
        "besluiten": [met(b, zin(b, wat.get(b.id), soort=p.soorten.get(b.id))) for b in register.besluiten],
        "lotingen": [met(x, loting_zin(x, wat.get(x.id))) for x in lotingen],
        "open_punten": [o.als_dict() for o in p.open_punten],
        "controle_onvolledig": list(p.onvolledig) if p.onbevestigd else [],
    }

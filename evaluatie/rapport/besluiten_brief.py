"""Recorded decisions that concern the addressee, stated in its letter (a condition on the award,
an accepted explanation). Exclusions carry their reasoning in the knock-out findings instead."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from evaluatie.besluiten.herstel import cel_positie
from evaluatie.besluiten.toepassen import keurmerk_zin, toelichting_zin, uitsluiting_zin
from evaluatie.inschrijving.model import Inschrijving
from evaluatie.inschrijving.velden import TABBLAD_PERCELEN
from evaluatie.tekst import datum
from evaluatie.toets.status import ABNORMAAL_LAAG, AFWIJZINGEN, UITGESLOTEN

if TYPE_CHECKING:  # annotations only: gegevens imports besluitenlijst, which imports this module
    from evaluatie.rapport.gegevens import Rapportgegevens


def perceel_van_cel(ins: Inschrijving, blad: str, cel: str) -> str | None:
    """The lot whose row of the Percelen sheet holds `cel`; None for a cell of every lot (the Inschrijver sheet, or
    a row the bid does not tie to one lot). A correction of the B1 row is no part of the letter on Z."""
    positie = cel_positie(cel) if blad == TABBLAD_PERCELEN else None
    if positie is None:
        return None
    for code, plaats in [
        *((c, a.cel) for c, a in ins.aanbod.items()),
        *((c, o.cel) for c, o in ins.ongeldige_prijs.items()),
    ]:
        rij = cel_positie(plaats.rpartition("!")[2])
        if rij is not None and rij[0] == positie[0]:
            return code
    return None


def door_zin(b: Any) -> str:
    """Who took a decision about the addressee: a draw names who ordered it, and so does every other decision its
    letter states (an exclusion, a rejected or accepted explanation); before, only the advies and the list of
    decisions named who, and the bidder could not see whether the right person had decided."""
    return f"Besluit {b.id} is genomen door {b.door}."


def afwijzingsbesluit(g: Rapportgegevens, inschrijver: str, code: str, uitkomst: str) -> str | None:
    """The sentence naming who took the decision that excluded (U) or rejected (A) this bid in this lot, or None
    where the rejection follows from a knock-out rule alone."""
    for b in g.besluiten:
        if not g.toegepast(b) or getattr(b, "inschrijver", None) != inschrijver:
            continue
        if uitkomst == UITGESLOTEN and b.soort == "uitsluiting" and b.uitkomst == "uitgesloten":
            return door_zin(b)
        if uitkomst == ABNORMAAL_LAAG and b.soort == "abnormaal" and b.perceel == code and b.uitkomst == "verworpen":
            return door_zin(b)
    return None


def besluiten_in_brief(d: Any, g: Rapportgegevens, inschrijver: str, code: str, uitkomst: str) -> None:
    ins = next((i for i in g.inschrijvingen if i.naam == inschrijver), None)
    herstel = [
        b
        for b in g.besluiten
        if b.soort == "herstel"
        and g.toegepast(b)
        and ins is not None
        and b.bestand == ins.bestand
        and perceel_van_cel(ins, b.blad, b.cel) in (None, code)
    ]
    if herstel:
        d.kop("Herstel van een kennelijke fout")
        d.opsomming(
            [
                f"Tabblad {h.blad}, cel {h.cel}: '{h.oud}' is na uw verduidelijking van {datum(h.verduidelijking)} "
                f"gelezen als '{h.nieuw}' (besluit {h.id}, genomen op {datum(h.datum)} door {h.door}). "
                f"{h.reden.strip().rstrip('.')}."
                for h in herstel
            ]
        )
    if uitkomst in AFWIJZINGEN:
        return
    for b in g.besluiten:
        if not g.toegepast(b) or getattr(b, "inschrijver", None) != inschrijver:
            continue
        if b.soort == "keurmerk":
            # a condition on (or proof for) an award: only where this lot requires the keurmerk and awards or
            # admits this bidder; a rejection letter that says "De gunning geschiedt onder de voorwaarde" is false
            if uitkomst not in ("gegund", "toegelaten") or "keurmerk" not in g.aanbesteding.percelen[code].knockout:
                continue
            d.kop("Voorwaarde: keurmerk" if b.uitkomst == "onder_voorwaarde" else "Keurmerk")
            a = g.aanbesteding
            d.alinea(keurmerk_zin(b, a.data.gunning, a.data.verzenddatum, toelating=uitkomst == "toegelaten"))
        elif b.soort == "uitsluiting" and b.uitkomst == "niet_uitgesloten":
            d.kop("Uw verklaring over een uitsluitingsgrond")
            d.alinea(f"{uitsluiting_zin(b)} {door_zin(b)}")
        elif b.soort == "abnormaal" and b.perceel == code and b.uitkomst == "aanvaard":
            d.kop("Toelichting op uw prijs")
            d.alinea(f"{toelichting_zin(b)} {door_zin(b)}")


def voorwaarden_zin(g: Rapportgegevens, code: str, gegund: list[str]) -> str:
    """', en voor A onder de voorwaarde ... (besluit K1)' for awarded bidders whose keurmerk decision is a condition,
    in a lot that requires the keurmerk (elsewhere the keurmerk plays no part in the award)."""
    if "keurmerk" not in g.aanbesteding.percelen[code].knockout:
        return ""
    namen = [
        f"{b.inschrijver} (besluit {b.id})"
        for b in g.besluiten
        if b.soort == "keurmerk" and g.toegepast(b) and b.uitkomst == "onder_voorwaarde" and b.inschrijver in gegund
    ]
    if not namen:
        return ""
    return (
        f", en voor {', '.join(namen)} onder de voorwaarde dat vóór het sluiten van de overeenkomst een geldig "
        "Blik op Werk keurmerk wordt getoond"
    )

"""Recorded decisions applied to the knock-out table, after their premises were checked.

An exclusion-ground decision replaces the bare finding of the 'uitsluitingsgronden' rule with
the ground, the facts and the weighing (or clears it); a rejected art. 2.116 explanation adds a
failed finding for that lot. Letters and the advies read the table, so both state the reasoning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from evaluatie.besluiten.keurmerkwoorden import KEURMERK_WOORDEN
from evaluatie.besluiten.model import REGEL_ABNORMAAL, Keurmerkbesluit, Terugtrekking, Toelichting, Uitsluitingsgrond
from evaluatie.besluiten.register import Register
from evaluatie.besluiten.verouderd import Verouderd
from evaluatie.inschrijving.model import Inschrijving
from evaluatie.tekst import datum, euro
from evaluatie.toets.status import REGEL_UITSLUITING
from evaluatie.toets.uitslag import Bevinding, Toetsresultaat, Toetsuitslag

AARD = {
    "2.86": "verplichte uitsluitingsgrond (art. 2.86 Aanbestedingswet 2012)",
    "2.87": "facultatieve uitsluitingsgrond (art. 2.87 Aanbestedingswet 2012)",
}


def uitsluiting_zin(u: Uitsluitingsgrond) -> str:
    """The whole weighing in one passage: ground, kind, facts, self-cleaning, proportionality, outcome."""
    delen = [
        f"Verklaarde uitsluitingsgrond: {u.grond}, een {AARD[u.artikel]}.",
        f"Feiten: {_zin(u.feiten)}",
        f"Maatregelen tot zelfreiniging (art. 2.87a Aanbestedingswet 2012): {_zin(u.zelfreiniging)}",
    ]
    if u.evenredigheid:
        delen.append(f"Afweging van de evenredigheid: {_zin(u.evenredigheid)}")
    uitkomst = (
        "de inschrijving is uitgesloten" if u.uitkomst == "uitgesloten" else "de inschrijving is niet uitgesloten"
    )
    delen.append(f"Besluit {u.id} van {datum(u.datum)}: {uitkomst}. Motivering: {_zin(u.reden)}")
    return " ".join(delen)


def toelichting_zin(t: Toelichting) -> str:
    if t.uitkomst == "verworpen":
        return (
            f"de inschrijving is afgewezen als abnormaal laag (art. 2.116 Aanbestedingswet 2012): de prijs van "
            f"{euro(t.prijs)} per traject is na de schriftelijke toelichting, ontvangen op {datum(t.ontvangen)}, "
            f"niet aanvaardbaar bevonden (besluit {t.id} van {datum(t.datum)}). Motivering: {_zin(t.reden)}"
        )
    return (
        f"De schriftelijke toelichting op de prijs van {euro(t.prijs)} per traject, ontvangen op "
        f"{datum(t.ontvangen)}, is aanvaard (besluit {t.id} van {datum(t.datum)}). Motivering: {_zin(t.reden)}"
    )


def terugtrekking_zin(t: Terugtrekking) -> str:
    return (
        f"{t.inschrijver} heeft de inschrijving teruggetrokken (bericht ontvangen op {datum(t.ontvangen)}; besluit "
        f"{t.id} van {datum(t.datum)}); de scores van het panel voor {t.inschrijver} zijn opzijgezet. "
        f"Motivering: {_zin(t.reden)}"
    )


def keurmerk_zin(
    k: Keurmerkbesluit,
    gunning: dt.date | None = None,
    verzending: dt.date | None = None,
    toelating: bool = False,
    soort: str | None = None,
) -> str:
    """The decision in words. With the tender's dates (a letter has them) the lapse names the day it precedes: the
    award ('vóór de datum van de gunning (7 april 2026)') or, where the keurmerk still holds on that day, the sending
    of the letter; without them (the list of decisions) the premise as recorded: before either. `toelating`: the
    letter is a toelatingsbesluit of an open house, which awards nothing: the day is that of the toelatingsbesluit
    and the condition is on the admission (before, it read 'De gunning geschiedt onder de voorwaarde'). `soort` (a
    key of KEURMERK_WOORDEN, keurmerk_soort) goes before `toelating`: the list of decisions of a tender with an award
    lot and an open house takes it from the lots of the bid that require the keurmerk, never from the tender as a
    whole (the Z-route by open house beside an onderwijsroute without the keurmerk read 'De gunning geschiedt')."""
    besluit, beslissing, _, voorwaarde = KEURMERK_WOORDEN[soort or ("toelating" if toelating else "gunning")]
    was = f"geldig tot {datum(k.geldig_tot)}" if k.geldig_tot else "zonder einddatum opgegeven"
    wanneer = f"vóór de datum van {besluit} of van de verzending van {beslissing}"
    if k.geldig_tot and gunning is not None and verzending is not None:
        wanneer = (
            f"vóór de datum van {besluit} ({datum(gunning)})"
            if k.geldig_tot < gunning
            else f"vóór de verzending van {beslissing} ({datum(verzending)})"
        )
    if k.uitkomst == "verlengd" and k.verlengd_tot and k.bewijs:
        return (
            f"Het keurmerk (in de inschrijving {was}) is verlengd tot {datum(k.verlengd_tot)}; het bewijs is "
            f"ontvangen op {datum(k.bewijs)} (besluit {k.id} van {datum(k.datum)})."
        )
    return (
        (
            f"Het keurmerk (in de inschrijving {was}) verloopt {wanneer}."
            if k.geldig_tot
            else "Het keurmerk heeft in de inschrijving geen einddatum; dat het geldig is op de datum van "
            f"{besluit}, is niet aangetoond."
        )
        + f" {voorwaarde} onder de "
        f"voorwaarde dat vóór het sluiten van de overeenkomst een geldig Blik op Werk keurmerk wordt getoond "
        f"(besluit {k.id} van {datum(k.datum)}). Motivering: {_zin(k.reden)}"
    )


def _zin(tekst: str) -> str:
    t = tekst.strip()
    return t if t.endswith((".", "!", "?")) else t + "."


def verouderd(
    register: Register, inschrijvingen: Sequence[Inschrijving], keurmerkgrens: dt.date | None = None
) -> list[Verouderd]:
    """Every valid decision about a bid whose basis no longer holds, with what changed: left out of the
    computation (besluiten.verouderd). `keurmerkgrens` (besluiten.openpunten.keurmerk_grens) is the day the
    keurmerk must still be valid: a keurmerk decision rests on the keurmerk lapsing before it, and a renewal on
    covering it; both move with data.gunning and data.verzending."""
    per_naam = {i.naam: i for i in inschrijvingen}
    fouten = []

    def weg(naam: str) -> str:
        return _hernoemd(register, naam, per_naam) or f"{naam} heeft geen inschrijving meer"

    for u in register.geldig("uitsluiting"):
        ins = per_naam.get(u.inschrijver)
        if ins is None:
            fouten.append(Verouderd(u.id, weg(u.inschrijver)))
        elif ins.sha256 != u.sha256:
            fouten.append(
                Verouderd(
                    u.id,
                    f"de inschrijving van {u.inschrijver} is gewijzigd sinds het besluit "
                    f"(sha256 was {u.sha256[:12]}..., is {ins.sha256[:12]}...)"
                    + (
                        "" if ins.uitsluitingsgronden else f"; {u.inschrijver} verklaart nu geen uitsluitingsgrond meer"
                    ),
                )
            )
        elif not ins.uitsluitingsgronden:
            fouten.append(Verouderd(u.id, f"{u.inschrijver} verklaart geen uitsluitingsgrond meer"))
    for k in register.geldig("keurmerk"):
        ins = per_naam.get(k.inschrijver)
        if ins is None:
            fouten.append(Verouderd(k.id, weg(k.inschrijver)))
        elif ins.keurmerk_geldig_tot != k.geldig_tot:
            was = datum(k.geldig_tot) if k.geldig_tot else "geen"
            nu = datum(ins.keurmerk_geldig_tot) if ins.keurmerk_geldig_tot else "geen"
            fouten.append(Verouderd(k.id, f"het keurmerk van {k.inschrijver} was geldig tot {was}, nu tot {nu}"))
        elif keurmerkgrens is not None and (wat := _keurmerk_grens_verschoven(k, keurmerkgrens)):
            fouten.append(Verouderd(k.id, wat))
    for w in register.geldig("terugtrekking"):
        if any(n.casefold() == w.inschrijver.casefold() for n in per_naam):
            fouten.append(Verouderd(w.id, f"{w.inschrijver} heeft weer een inschrijving in inschrijvingen/"))
    for t in register.geldig("abnormaal"):
        if t.inschrijver not in per_naam:
            fouten.append(Verouderd(t.id, weg(t.inschrijver)))
    return fouten


def _hernoemd(register: Register, naam: str, per_naam: Mapping[str, Inschrijving]) -> str | None:
    """Why a decision's bidder is gone when a recorded correction changed its name: the file and its bid are still
    there under the corrected name. The decision names the bidder as it was, so it is not applied to the new name in
    silence; the words say what happened and what to do."""
    for h in register.geldig("herstel"):
        if h.oud.strip() == naam and h.nieuw.strip() in per_naam:
            return (
                f"{naam} heet sinds herstel {h.id} '{h.nieuw.strip()}' (de naam in {h.bestand} is gecorrigeerd); "
                f"leg het besluit opnieuw vast onder die naam"
            )
    return None


def _keurmerk_grens_verschoven(k: Keurmerkbesluit, grens: dt.date) -> str | None:
    """The keurmerk no longer lapses before the award, or the renewal no longer reaches it."""
    if k.geldig_tot is not None and k.geldig_tot >= grens:
        return (
            f"het keurmerk van {k.inschrijver} is geldig tot {datum(k.geldig_tot)} en verloopt niet meer vóór "
            f"de gunning of de verzending ({datum(grens)}); er valt niets meer te besluiten"
        )
    if k.uitkomst == "verlengd" and k.verlengd_tot is not None and k.verlengd_tot < grens:
        return (
            f"de verlenging van het keurmerk van {k.inschrijver} tot {datum(k.verlengd_tot)} reikt niet meer "
            f"tot de gunning of de verzending ({datum(grens)})"
        )
    return None


def pas_uitsluitingen_toe(toets: Toetsuitslag, register: Register | None) -> Toetsuitslag:
    """Recorded weighings applied; a bid whose declared ground fails the knock-out without one is marked
    `ongewogen` (status 'aangehouden': it waits for the decision, nobody excluded it yet)."""
    besluiten = {u.inschrijver: u for u in (register.toegepast("uitsluiting") if register is not None else [])}

    def nieuw(r: Toetsresultaat) -> Toetsresultaat:
        u = besluiten.get(r.inschrijver)
        if u is None:
            if any(b.regel == REGEL_UITSLUITING and b.voldoet is False for b in r.bevindingen):
                return r.model_copy(update={"ongewogen": True})
            return r
        if u.uitkomst == "uitgesloten" and not any(b.regel == REGEL_UITSLUITING for b in r.bevindingen):
            # a lot without the knock-out rule: the recorded exclusion still excludes (the advies and the letter
            # say "uitgesloten"; an award to the same bid would contradict them)
            eis = "geen uitsluitingsgronden van toepassing (art. 2.86 en 2.87 Aanbestedingswet 2012)"
            return _met_afwijzing(r, REGEL_UITSLUITING, eis, uitsluiting_zin(u)).model_copy(
                update={"uitgesloten_bij_besluit": True}
            )
        bevindingen = tuple(
            b.model_copy(
                update={"voldoet": u.uitkomst == "niet_uitgesloten", "redenen": (uitsluiting_zin(u),)}
                if u.uitkomst == "uitgesloten"
                else {"voldoet": True, "redenen": ()}
            )
            if b.regel == REGEL_UITSLUITING
            else b
            for b in r.bevindingen
        )
        return r.model_copy(update={"bevindingen": bevindingen, "uitgesloten_bij_besluit": u.uitkomst == "uitgesloten"})

    return Toetsuitslag(resultaten=tuple(nieuw(r) for r in toets.resultaten))


def _met_afwijzing(r: Toetsresultaat, regel: str, eis: str, reden: str) -> Toetsresultaat:
    """The result with one more finding that fails: a recorded decision excludes the bid under `regel`."""
    b = Bevinding(regel=regel, eis=eis, voldoet=False, redenen=(reden,))
    return r.model_copy(update={"bevindingen": (*r.bevindingen, b)})


def pas_afwijzingen_toe(toets: Toetsuitslag, afgewezen: Sequence[Toelichting]) -> Toetsuitslag:
    """A rejected explanation excludes the bid from that lot, with the reason as the finding."""
    per_sleutel = {(t.inschrijver, t.perceel): t for t in afgewezen}
    if not per_sleutel:
        return toets

    def nieuw(r: Toetsresultaat) -> Toetsresultaat:
        t = per_sleutel.get((r.inschrijver, r.perceel))
        if t is None:
            return r
        eis = "geen abnormaal lage prijs zonder aanvaardbare toelichting (art. 2.116 Aanbestedingswet 2012)"
        return _met_afwijzing(r, REGEL_ABNORMAAL, eis, toelichting_zin(t))

    return Toetsuitslag(resultaten=tuple(nieuw(r) for r in toets.resultaten))


def opzij_gezet(toets_voor: Toetsuitslag, toets_na: Toetsuitslag) -> list[tuple[str, str]]:
    """(bidder, lot) that the panel scored but that dropped out afterwards."""
    return [
        (r.inschrijver, r.perceel)
        for r in toets_na.resultaten
        if not r.voldoet and (v := toets_voor.resultaat(r.inschrijver, r.perceel)) is not None and v.voldoet
    ]


def alle(register: Any) -> tuple[Any, ...]:
    return tuple(register.besluiten) if register is not None else ()


def afgewezen_toelichtingen(passen: Sequence[Any], codes: Sequence[str]) -> tuple[list[Toelichting], list[Verouderd]]:
    """The rejected art. 2.116 explanations to apply, after checking each decision's premise: the bid is flagged in
    that lot at that price in one of `passen`, the award as it stands before the decisions and then each award with
    the rejections found so far applied (pipeline.gun): a bid may be flagged only once another is rejected, as it is
    then compared with the valid bids that remain. A decision for a lot not being awarded now is neither checked
    nor applied. A decision whose premise is gone is returned apart (stale: left out of the computation, see
    pipeline.laat_weg)."""
    from evaluatie.besluiten.openpunten import signalen

    register = passen[0].invoer.besluiten
    weg: list[Verouderd] = []
    uit = []
    for t in register.toegepast("abnormaal"):
        if t.perceel not in codes:
            continue
        s = next((x for award in passen for x in signalen(award, t.perceel) if x.inschrijver == t.inschrijver), None)
        if s is None:
            niet_meer = f"niet meer gesignaleerd als abnormaal laag: {_waarom_geen_signaal(passen[-1], t)}"
            weg.append(Verouderd(t.id, f"{t.inschrijver} is in perceel {t.perceel} {niet_meer}"))
        elif abs(s.prijs - t.prijs) > 0.005:
            prijzen = f"was {euro(t.prijs)}, is nu {euro(s.prijs)}"
            weg.append(Verouderd(t.id, f"de prijs van {t.inschrijver} in perceel {t.perceel} {prijzen}"))
        elif t.uitkomst == "verworpen":
            uit.append(t)
    return uit, weg


def _waarom_geen_signaal(award: Any, t: Toelichting) -> str:
    """Why the bid is not flagged in the award as the advies shows it (its last pass): not valid there, nothing to
    compare with, or its price no further under the mean of the other valid bids than the lot's limit. 'Niet meer
    gesignaleerd' alone left the college to find out what changed."""
    from evaluatie.tekst import getal, kort

    p = award.uitslag.percelen[t.perceel]
    eigen = next((r for r in p.rangorde if r.inschrijver == t.inschrijver), None)
    if eigen is None:
        weg = next((u for u in p.uitgesloten if u.inschrijver == t.inschrijver), None)
        if weg is None:
            return f"{t.inschrijver} schrijft niet meer in op dat perceel"
        return f"{t.inschrijver} heeft in dat perceel nu de status {weg.status}"
    andere = [r.prijs for r in p.rangorde if r.inschrijver != t.inschrijver]
    if not andere:
        return "er is in dat perceel geen andere geldige inschrijving om de prijs mee te vergelijken"
    from evaluatie.rapport.abnormaal import maatstaf_woorden, vergelijkingsprijs

    definitie = award.invoer.aanbesteding.percelen[t.perceel]
    gemiddelde = vergelijkingsprijs(andere, definitie.abnormaal_maatstaf)
    afwijking = 1 - eigen.prijs / gemiddelde
    grens = definitie.abnormaal_laag
    prijs = f"de prijs van {t.inschrijver}, {euro(eigen.prijs)} per traject,"
    woorden = maatstaf_woorden(definitie.abnormaal_maatstaf)
    vergeleken = f"{woorden} van de andere geldige inschrijvingen ({euro(gemiddelde)})"
    if afwijking <= 0:
        return f"{prijs} ligt niet onder {vergeleken}"
    return (
        f"{prijs} ligt {getal(100 * afwijking, 1)}% onder {vergeleken}, niet meer dan de grens van {kort(100 * grens)}%"
    )


def scenario_notitie(id_: str, wat: str) -> str:
    """A decision a what-if does not apply: its premise (`wat`, what changed) is gone under the changed rules only."""
    return (
        f"scenario: {id_} wordt in dit scenario niet toegepast: {wat}. In de gunning zelf blijft {id_} gelden; "
        "een scenario wijzigt geen besluit"
    )

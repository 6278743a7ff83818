"""The recorded decisions and draws as one list: the sentence the advies shows under "Besluiten en open punten" and
the entry gunning.json gives for each, made from the same objects (the award's decisions, draws and stale ones) by
the same functions, so the two never say different things. gunning.json listed the decisions only through the
SHA-256 of besluiten.yaml and loting.yaml; a reader of that file (a bidder's lawyer, a script) now sees which were
applied, on what, by whom, when, why and in which lots.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from evaluatie.besluiten.keurmerkwoorden import keurmerkpercelen, keurmerksoort_van
from evaluatie.besluiten.overzicht import loting_zin, zin


def besluitregels(
    besluiten: Sequence[Any],
    lotingen: Sequence[Any],
    verouderd: Mapping[str, str],
    aanbesteding: Any,
    inschrijvingen: Sequence[Any],
    buiten: Mapping[str, str] | None = None,
) -> list[tuple[Any, str]]:
    """Every recorded decision, then every draw (withdrawn ones too), each with its sentence; `verouderd`: id -> what
    changed for a stale one. A keurmerk decision speaks of the gunning or the toelating as the lots of the bid that
    require the keurmerk are awarded or open houses (keurmerk_soort): the tender as a whole decided it before, so
    the advies said 'De gunning geschiedt onder de voorwaarde' of a Z-route by open house beside an onderwijsroute
    by gunning, while the toelatingsbesluit said 'De toelating geschiedt'. `buiten`: id -> the words that follow the
    sentence of a decision that bears only on lots this award does not compute (buiten_deze_gunning)."""
    toelating = aanbesteding.procedures() == {"toelating"}  # an open house alone: nothing is awarded
    buiten = buiten or {}
    return [
        (
            b,
            zin(b, verouderd.get(b.id), toelating, keurmerksoort_van(aanbesteding, inschrijvingen, b))
            + buiten.get(b.id, ""),
        )
        for b in besluiten
    ] + [(x, loting_zin(x, verouderd.get(x.id)) + buiten.get(x.id, "")) for x in lotingen]


def buiten_deze_gunning(award: Any) -> dict[str, str]:
    """Per decision or draw that bears only on lots this award does not compute (`gunning --lots Z` beside a
    correction in a B1 row), the words that say so, to follow its sentence: the advies lists every recorded decision
    (besluiten.yaml is input, its hash in the verantwoording), and without them a reader of a Z-route advies took a
    B1 decision for one of Z. Nothing for a decision of one of this award's lots or of no lot at all."""
    from evaluatie.besluiten.toepassen import alle
    from evaluatie.gemeentenamen import opsomming

    invoer = award.invoer
    a = invoer.aanbesteding
    codes = set(award.uitslag.percelen)
    uit: dict[str, str] = {}
    for b in [*alle(getattr(invoer, "besluiten", None)), *getattr(invoer, "alle_lotingen", ())]:
        eigen = _percelen(award, b, getattr(b, "soort", "loting"))
        if not eigen or eigen & codes:
            continue
        namen = [a.percelen[c].naam for c in a.percelen if c in eigen]
        uit[b.id] = (
            f" Dit besluit betreft {'perceel' if len(namen) == 1 else 'percelen'} {opsomming(namen, 'en')}, "
            f"{'dat' if len(namen) == 1 else 'die'} niet in deze gunning {'wordt' if len(namen) == 1 else 'worden'} "
            "berekend."
        )
    return uit


def als_json(award: Any) -> list[dict[str, Any]]:
    """The entries of gunning.json's "besluiten", in the advies' order: each decision or draw with its kind, subject,
    the lots of this award it bears on, date, who, why, whether it was applied (else why not: stale, or withdrawn
    with the withdrawal) and the advies' sentence."""
    from evaluatie.besluiten.toepassen import alle

    invoer = award.invoer
    verouderd = {v.id: v.wat for v in invoer.verouderd}
    regels = besluitregels(
        alle(invoer.besluiten),
        invoer.alle_lotingen,
        verouderd,
        invoer.aanbesteding,
        invoer.inschrijvingen,
        buiten_deze_gunning(award),
    )
    codes = list(award.uitslag.percelen)
    uit = []
    for b, tekst in regels:
        soort = getattr(b, "soort", "loting")
        status = "ingetrokken" if not b.geldig else "verouderd" if b.id in verouderd else "toegepast"
        uit.append(
            {
                "id": b.id,
                "soort": soort,
                "onderwerp": _onderwerp(b, soort),
                "percelen": [c for c in codes if c in _percelen(award, b, soort)],
                "datum": b.datum.isoformat(),
                "door": b.door,
                "reden": b.reden,
                "status": status,
                "verouderd": verouderd.get(b.id),
                "ingetrokken": b.ingetrokken.model_dump(mode="json") if b.ingetrokken is not None else None,
                "tekst": tekst,
            }
        )
    return uit


def _onderwerp(b: Any, soort: str) -> str:
    """What the decision is about: the corrected cell, the drawn order, or the bidder."""
    if soort == "herstel":
        return f"{b.bestand}!{b.blad}!{b.cel}"
    if soort == "loting":
        return " voor ".join(b.volgorde)
    return str(b.inschrijver)


def _percelen(award: Any, b: Any, soort: str) -> set[str]:
    """The lots the decision bears on: the draw's and the explanation's own lot; a corrected cell of one lot's row its
    lot, any other cell every lot of that bid; an exclusion ground every lot of the bidder; a keurmerk decision those
    of its lots that require the keurmerk; a withdrawal the lots the panel scored the bidder in (its bid is gone)."""
    from evaluatie.rapport.besluiten_brief import perceel_van_cel

    if soort in ("loting", "abnormaal"):
        return {b.perceel}
    if soort == "terugtrekking":
        formulieren = award.beoordeling.formulieren or []
        return {s.perceel for f in formulieren for s in f.scores if s.inschrijver == b.inschrijver}
    bestand = b.bestand if soort == "herstel" else None
    ins = next(
        (i for i in award.invoer.inschrijvingen if (i.bestand == bestand if bestand else i.naam == b.inschrijver)),
        None,
    )
    if ins is None:
        return set()
    eigen = set(ins.aanbod) | set(ins.ongeldige_prijs)
    if soort == "herstel":
        code = perceel_van_cel(ins, b.blad, b.cel)
        return eigen if code is None else {code}
    if soort == "keurmerk":
        return keurmerkpercelen(award.invoer.aanbesteding, ins)
    return eigen

"""What the contract is built from: the final award and the bids it was based on.

Why a separate step: the register must hold exactly the award the letters were based on. So
gunning.json is only accepted when the logboek records it as the output of the last award run
(not hand-edited), every input the logboek records for that run still has the same SHA-256, and no
decision is open (an undecided tie makes the award a CONCEPT; any other point of the send gate in
evaluatie.besluiten.openpunten blocks it too). Capacity and promised waiting time come from the bids
themselves, which the award's hashes pin down.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluatie.fouten import EvaluatieFout
from evaluatie.gunning.uitslag import NIET_GEGUND
from evaluatie.hashing import sha256_bestand
from evaluatie.rapport.standstill import standstill
from evaluatie.werkmap import Werkmap


@dataclass(frozen=True)
class Contractleverancier:
    perceel: str
    naam: str
    prijs: float
    capaciteit: int
    wachttijd_weken: float
    rang: int  # 1 = best in the award's ranking; open house: the place in the list of admitted bids, by name
    gemeenten: tuple[str, ...]


@dataclass(frozen=True)
class Contractperceel:
    """A lot under contract. An open-house lot (`toelating`) is no public contract and has no framework
    agreement with a maximum (the advies and the admission letters say so): its raam fields are None."""

    code: str
    naam: str
    raam_trajecten: int | None  # maximum of the framework agreement over the whole term; None for toelating
    raam_waarde: float | None  # that maximum in euro; None for toelating
    plafondprijs: float
    toelating: bool = False

    def __post_init__(self) -> None:
        if self.toelating != (self.raam_trajecten is None) or self.toelating != (self.raam_waarde is None):
            raise ValueError(f"perceel {self.code}: een raammaximum hoort bij gunning, niet bij toelating")


GEEN_RAAM = "open house (toelating), geen raamovereenkomst met een maximum"
NIET_GEGUND_CONTRACT = "niet gegund (geen geldige inschrijving); geen overeenkomst, dus niet in het contractregister"


def niet_gegund_regel(naam: str, gemeenten: tuple[str, ...] | None, gemeente: str | None = None) -> str:
    """What the stand and the quarterly reports say of an award lot that was not awarded, which the register does not
    hold: without it a gemeente that joined the lot reads no word of that route. `gemeenten`: those that joined it, as
    the contract start recorded them (None: a register started before it recorded them); `gemeente`: the one a
    report is for. No figure: there is no allocation and no placement to count."""
    from evaluatie.gemeentenamen import opsomming
    from evaluatie.gunning.niet_gegund import MAX_GEMEENTEN_GENOEMD

    kop = f"{naam}: niet gegund (geen geldige inschrijving); geen overeenkomst, dus"
    if gemeente is not None and gemeenten is not None:
        wat = "geen aanbieder, toewijzing of plaatsingen op deze route uit deze aanbesteding"
        return f"{kop} voor gemeente {gemeente} {wat}."
    if gemeenten is None:
        return (
            f"{kop} geen aanbieder, toewijzing of plaatsingen (welke gemeenten aan het perceel deelnamen, heeft de "
            "start van dit register niet vastgelegd)."
        )
    if len(gemeenten) == 1:
        wie = f"de deelnemende gemeente {gemeenten[0]}"
    elif len(gemeenten) <= MAX_GEMEENTEN_GENOEMD:
        wie = f"de deelnemende gemeenten ({opsomming(list(gemeenten), 'en')})"
    else:
        wie = f"de {len(gemeenten)} deelnemende gemeenten"
    return f"{kop} geen aanbieder, toewijzing of plaatsingen voor {wie}."


def geen_raamovereenkomst(naam: str) -> str:
    """What the contract phase says of an open-house lot where a gunning lot has its framework agreement."""
    return f"{naam}: {GEEN_RAAM}"


def toegewezen_bij_toelating(namen: list[str]) -> str:
    """Under a table with a column 'toegewezen': for the open-house lots among them it holds the expectation by
    capacity the toelatingsbesluit names (no promise), not an allocation; '' when there is none."""
    if not namen:
        return ""
    from evaluatie.gemeentenamen import opsomming

    return (
        f"Bij open house (toelating) in {'perceel' if len(namen) == 1 else 'percelen'} {opsomming(namen, 'en')} is "
        "'toegewezen' de verwachting naar capaciteit uit het toelatingsbesluit, geen toewijzing: de inburgeraar of "
        "de klantmanager kiest de aanbieder."
    )


@dataclass(frozen=True)
class Contractbasis:
    aanbesteding: str
    gunning_sha256: str
    jaren: int  # initial term plus option years
    gemeenten: tuple[tuple[str, str], ...]  # (naam, subregio) in tender order
    percelen: tuple[Contractperceel, ...]
    leveranciers: tuple[Contractleverancier, ...]
    toewijzing: tuple[tuple[str, str, str, int], ...]  # (perceel, gemeente, leverancier, per year)
    verzonden: dt.date | None = None  # the day the award decision was sent (no contract before it)
    # the last day of the standstill period (art. 2.127 Aw 2012), as the letters announce it; None without a lot
    # awarded under a gunning (an admission, open house, is no public contract)
    standstill_einde: dt.date | None = None
    # award lots that were not awarded (no valid bid), (code, naam): no framework agreement, so no contract; the
    # register does not hold them and 'contract start' names them
    niet_gegund: tuple[tuple[str, str], ...] = ()
    # per such lot (code, its gemeenten in tender order): who joined it and so has no supplier for it from this tender
    niet_gegund_gemeenten: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # of `jaren`, the option years: not in the term until exercised by a decision (contract optiejaar)
    optiejaren: int = 0
    # the gemeenten the tender names as possible later participants (C-216/17): (naam, subregio, ((perceel, per
    # year), ...)); not in the allocation, only in the maximum, until 'contract aansluiting' admits one
    latere_gemeenten: tuple[tuple[str, str, tuple[tuple[str, int], ...]], ...] = ()


def gunningpad(werkmap: Werkmap) -> Path:
    return werkmap.rapporten / "gunning.json"


def _controleer_herkomst(werkmap: Werkmap, pad: Path, data: dict[str, Any]) -> list[str]:
    from evaluatie.logboek import laatste_gunning

    fouten = []
    log = laatste_gunning(werkmap)
    eigen = werkmap.relatief(pad)
    if log is None or not any(
        b["bestand"] == eigen and b["sha256"] == sha256_bestand(pad) for b in log.get("uitvoer", [])
    ):
        fouten.append(
            f"{eigen} is niet de uitvoer van de laatste gunning in logboek.jsonl (met de hand gewijzigd of "
            "niet via 'evaluatie gunning' gemaakt); voer de gunning opnieuw uit"
        )
    # the logboek names every input by its path (gunning.json labels reviewers 'Beoordelaar A', ...)
    for b in (log or {}).get("invoer", []):
        bron = werkmap.root / b["bestand"]
        if b["bestand"].startswith("criteria/") and not bron.is_file():
            from evaluatie.definitie.laden import zoek_criteriaset

            bron = zoek_criteriaset(Path(b["bestand"]).stem, werkmap.root) or bron
        if not bron.is_file():
            fouten.append(f"{b['bestand']}: ontbreekt, maar de gunning is erop gebaseerd")
        elif sha256_bestand(bron) != b["sha256"]:
            fouten.append(f"{b['bestand']}: gewijzigd sinds de gunning; het contract volgt de gunning zoals gegund")
    for code, p in data.get("percelen", {}).items():
        for st in p.get("gelijke_standen", []):
            if st.get("loting_nodig"):
                fouten.append(
                    f"perceel {code}: de gunning is een CONCEPT; eerst moet geloot worden tussen "
                    + ", ".join(st["inschrijvers"])
                )
    return fouten


def _open_punten(werkmap: Werkmap, percelen: list[str]) -> list[str]:
    """The award again from the same inputs with every recorded decision: a point still open (the send
    gate of evaluatie.besluiten.openpunten) means no letters went out, so no contract can start."""
    from evaluatie.besluiten.openpunten import melding
    from evaluatie.pipeline import gun

    award = gun(werkmap, ",".join(percelen))
    if not award.open_punten:
        return []
    return ["de gunning heeft nog open punten; eerst beslissen, dan pas een contract:", *melding(award.open_punten)]


def lees_basis(werkmap: Werkmap) -> Contractbasis:
    """The contract basis from the final award in the werkmap; EvaluatieFout (exit 1) in words if
    there is no final award to start from."""
    from evaluatie.besluiten.register import BESTAND as BESLUITBESTAND
    from evaluatie.besluiten.register import lees_besluiten
    from evaluatie.definitie.laden import laad_aanbesteding
    from evaluatie.gunning.raamovereenkomst import raammaximum
    from evaluatie.inschrijving.lezen import lees_inschrijvingen

    pad = gunningpad(werkmap)
    if not pad.is_file():
        raise EvaluatieFout([f"{werkmap.relatief(pad)} ontbreekt; het contract begint na 'evaluatie gunning'"])
    data = json.loads(pad.read_text(encoding="utf-8"))
    fouten = _controleer_herkomst(werkmap, pad, data)
    if fouten:
        raise EvaluatieFout(fouten)
    fouten = _open_punten(werkmap, list(data["percelen"]))
    if fouten:
        raise EvaluatieFout(fouten)
    aanbesteding, _ = laad_aanbesteding(werkmap.aanbesteding)
    # the bids as the award read them: with the recorded corrections of manifest errors (besluiten.yaml)
    herstel = lees_besluiten(werkmap.root / BESLUITBESTAND).geldig("herstel")
    inschrijvingen, _ = lees_inschrijvingen(aanbesteding, werkmap.inschrijvingen, herstel)
    per_naam = {i.naam: i for i in inschrijvingen}
    percelen, leveranciers, toewijzing, niet_gegund = [], [], [], []
    niet_gegund_gemeenten: list[tuple[str, tuple[str, ...]]] = []
    for code, p in data["percelen"].items():
        if p.get("status") == NIET_GEGUND:  # no framework agreement is concluded: nothing to register
            niet_gegund.append((code, p["naam"]))
            niet_gegund_gemeenten.append((code, tuple(b["gemeente"] for b in p["budgetten"])))
            continue
        if p["procedure"] == "toelating":
            percelen.append(Contractperceel(code, p["naam"], None, None, float(p["plafondprijs"]), toelating=True))
        elif p["procedure"] == "gunning":
            m = raammaximum(aanbesteding, code)
            percelen.append(Contractperceel(code, p["naam"], m.trajecten, m.waarde, float(p["plafondprijs"])))
        else:
            raise EvaluatieFout([f"{werkmap.relatief(pad)}: perceel {code}: onbekende procedure {p['procedure']!r}"])
        gegund = {t["inschrijver"] for t in p["toewijzing"]}
        # an open house has no ranking (gunning.json lists the admitted bids by name): the register's rang is then
        # only their place in that list, a fixed order, never a preference the procedure does not have
        bieders = p["toegelaten"] if p["procedure"] == "toelating" else p["rangorde"]
        for plaats, r in enumerate(bieders, start=1):
            if r["inschrijver"] not in gegund:
                continue
            a = per_naam[r["inschrijver"]].aanbod[code]
            leveranciers.append(
                Contractleverancier(
                    code,
                    r["inschrijver"],
                    float(r["prijs"]),
                    a.capaciteit,
                    a.wachttijd_weken,
                    plaats if p["procedure"] == "toelating" else int(r["rang"]),
                    tuple(a.gemeenten),
                )
            )
        toewijzing += [(code, t["gemeente"], t["inschrijver"], int(t["aantal"])) for t in p["toewijzing"]]
    if not percelen:  # every lot of the award was not awarded: there is no contract to start
        raise EvaluatieFout(
            [
                f"geen enkel perceel van de gunning is gegund ({', '.join(n for _, n in niet_gegund)}: niet gegund, "
                "geen geldige inschrijving); er is geen overeenkomst, dus geen contract om te starten"
            ]
        )
    lt = aanbesteding.looptijd
    verzonden = aanbesteding.data.verzenddatum
    return Contractbasis(
        aanbesteding=data["aanbesteding"],
        gunning_sha256=sha256_bestand(pad),
        jaren=lt.jaren + lt.optiejaren,
        optiejaren=lt.optiejaren,
        gemeenten=tuple((g.naam, g.subregio) for g in aanbesteding.gemeenten),
        percelen=tuple(percelen),
        leveranciers=tuple(leveranciers),
        toewijzing=tuple(toewijzing),
        verzonden=verzonden,
        standstill_einde=(
            standstill(
                aanbesteding.data.verzenddatum, aanbesteding.standstill_dagen, aanbesteding.gelijkgestelde_dagen
            ).einde
            if any(not p.toelating for p in percelen)
            else None
        ),
        niet_gegund=tuple(niet_gegund),
        niet_gegund_gemeenten=tuple(niet_gegund_gemeenten),
        latere_gemeenten=tuple(
            (g.naam, g.subregio, tuple(g.inburgeraars.items())) for g in aanbesteding.latere_gemeenten
        ),
    )

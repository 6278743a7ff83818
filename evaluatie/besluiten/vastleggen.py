"""The decision commands: check the decision against the current inputs, then record it.

Each function raises ValueError (a usage error, exit 2) when the decision does not fit what the
inputs say now, naming every wrong option at once (besluiten.optiefouten), and writes nothing then.
Dates lie in the past or today; a decision that would repeat a valid one
is refused with the command that withdraws the first.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel

from evaluatie.besluiten.model import (
    Basis,
    Herstel,
    Intrekking,
    Keurmerkbesluit,
    Terugtrekking,
    Toelichting,
    Uitsluitingsgrond,
)
from evaluatie.besluiten.namen import zoek_inschrijver
from evaluatie.besluiten.optiefouten import Optiefouten
from evaluatie.besluiten.register import (
    BESTAND,
    Register,
    controleer_datum,
    lees_besluiten,
    na_de_brieven,
    schrijf_besluiten,
    voor_de_sluiting,
)
from evaluatie.besluiten.wie import controleer_door_en_reden
from evaluatie.werkmap import Werkmap

B = TypeVar("B", bound=Basis)


@dataclass(frozen=True)
class Wie:
    """Who records the decision, and when it was taken (None: --datum was no date, already noted)."""

    door: str
    reden: str
    datum: dt.date | None
    standaard: bool = False  # --datum not given: today's date, which the error must not present as typed

    def controleer(self, vandaag: dt.date, fouten: Optiefouten) -> None:
        """Who, why and when, all three checked: every error noted, none stops the others."""
        controleer_door_en_reden(self.door, self.reden, fouten)
        if self.datum is not None:
            fouten.probeer("--datum", controleer_datum, "--datum", self.datum, None, vandaag)

    def na(self, grondslag: dt.date | None, wat: str, fouten: Optiefouten) -> None:
        """A decision cannot predate what it decides on (the clarification, the explanation, the proof);
        not checked against a date that is itself wrong (its error is said)."""
        if fouten.over("--datum"):
            return  # a date already found wrong is not weighed again
        if self.datum is not None and grondslag is not None and self.datum < grondslag:
            fouten.noteer(
                "--datum",
                f"--datum: het besluit ({self.datum.isoformat()}) ligt vóór {wat} ({grondslag.isoformat()})",
            )

    def voor_de_brieven(self, brieven: dt.date, sluiting: dt.date, fouten: Optiefouten) -> None:
        """The letters cite the decision with its date: it cannot lie after the letters' own date, nor before the
        closing (no bid was opened before it)."""
        if self.datum is None or fouten.over("--datum"):
            return  # a date already found wrong (not a date, in the future) is not weighed again
        fout = na_de_brieven(self.datum, brieven, "het besluit", self.standaard) or voor_de_sluiting(
            self.datum, sluiting, "het besluit"
        )
        if fout:
            fouten.noteer("--datum", f"--datum: {fout}")

    @property
    def dag(self) -> dt.date:
        """The decision's date, once every option is found right (Optiefouten.stop() before)."""
        if self.datum is None:
            raise ValueError("--datum: geen datum")  # stop() has said so already; never reached after it
        return self.datum

    def velden(self) -> dict[str, Any]:
        return {"door": self.door.strip(), "reden": self.reden.strip(), "datum": self.dag}


def keuzes(model: type[BaseModel], veld: str) -> tuple[str, ...]:
    """The values a decision's field allows, from the model itself (the one place they are listed)."""
    return tuple(get_args(model.model_fields[veld].annotation))


def en_noteer(
    werkmap: Werkmap,
    commando: str,
    opties: dict[str, Any],
    werk: Callable[[], Any],
    meldingen: list[str] | None = None,
) -> Any:
    """Run a decision command (one of the functions below) and log it with the hash of the file it
    wrote: the logboek holds every decision and withdrawal as it was recorded. The reports of the last award no
    longer reflect the decisions: they are marked NIET-ACTUEEL, said in `meldingen` (the terminal's 'Let op')."""
    from evaluatie.besluiten.handwerk import buiten_de_commandos
    from evaluatie.hashing import sha256_bestand
    from evaluatie.inschrijving.model import Invoerbestand
    from evaluatie.logboek import noteer
    from evaluatie.niet_actueel import markeer_na_besluit

    handwerk = buiten_de_commandos(werkmap)  # recording on top of a hand edit would adopt that edit unseen
    if handwerk:
        raise ValueError("; ".join(str(f) for f in handwerk))
    uitkomst = werk()
    pad = uitkomst[1] if isinstance(uitkomst, tuple) else werkmap.root / BESTAND
    noteer(
        werkmap,
        commando,
        zoals_vastgelegd(opties, uitkomst),
        [Invoerbestand(bestand=pad.name, sha256=sha256_bestand(pad))],
    )
    if (gemarkeerd := markeer_na_besluit(werkmap, commando, pad.name)) is not None and meldingen is not None:
        meldingen.append(gemarkeerd)
    return uitkomst


# a command's option that the decision records under another name (--lots is the lot, recorded as `perceel`)
_VELD_VAN_OPTIE = {"lots": "perceel"}


def zoals_vastgelegd(opties: dict[str, Any], uitkomst: Any) -> dict[str, Any]:
    """The options for the logboek as the decision file records them, not as typed: 'b1' is B1, a bidder's name in
    other capitals or spacing is the name in its bid, 'f2' is F2, 25-06-2021 is 2021-06-25, and --datum left out is
    the day recorded. The logboek and besluiten.yaml then say the same; an option the record has no field for
    (intrekken's id: the id as recorded) stays as given. `uitkomst`: what the command's work returned, the decision
    (a Basis) or, for intrekken, (id, file)."""
    if isinstance(uitkomst, tuple):  # intrekken: the id as recorded; who, why and when are the withdrawal's
        uit = dict(opties) | ({"besluit": uitkomst[0]} if "besluit" in opties else {})
        intrekking = _intrekking(uitkomst)
        return uit if intrekking is None else uit | _als_tekst(intrekking.model_dump())
    if not isinstance(uitkomst, BaseModel):
        return dict(opties)
    velden = uitkomst.model_dump()
    return {
        k: _als_tekst({k: velden[_VELD_VAN_OPTIE.get(k, k)]})[k] if _VELD_VAN_OPTIE.get(k, k) in velden else v
        for k, v in opties.items()
    }


def _als_tekst(velden: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in velden.items()}


def _intrekking(uitkomst: tuple[str, Path]) -> Intrekking | None:
    """The withdrawal just written for decision or draw `uitkomst[0]` in file `uitkomst[1]`."""
    from evaluatie.gunning.loting import BESTAND as LOTINGBESTAND
    from evaluatie.gunning.loting import lees_lotingen

    id_, pad = uitkomst
    alle = lees_lotingen(pad) if pad.name == LOTINGBESTAND else lees_besluiten(pad).besluiten
    return next((x.ingetrokken for x in alle if x.id == id_), None)


def _gelezen(register: Register | None) -> Register:
    """The decisions read with the inputs (pipeline.laad_invoer always reads besluiten.yaml)."""
    if register is None:
        raise ValueError("besluiten.yaml is niet gelezen; er is niets vastgelegd")
    return register


def _register(werkmap: Werkmap) -> Register:
    return lees_besluiten(werkmap.root / BESTAND)


def _vastgelegd(werkmap: Werkmap) -> str:
    """What can be withdrawn, decisions and draws alike (both go through `intrekken`)."""
    from evaluatie.gunning.loting import BESTAND as LOTINGBESTAND
    from evaluatie.gunning.loting import lees_lotingen

    ids = [x.id for x in _register(werkmap).besluiten] + [x.id for x in lees_lotingen(werkmap.root / LOTINGBESTAND)]
    return f"vastgelegd: {', '.join(ids) or 'geen'}"


def _schrijf(werkmap: Werkmap, register: Register) -> Path:
    return schrijf_besluiten(werkmap.root / BESTAND, register)


def _bewaar(werkmap: Werkmap, register: Register, model: type[B], wie: Wie, **velden: Any) -> B:
    """The new decision under the next id of its kind (the model's `soort`), written after every earlier one;
    who, why and when from `wie`."""
    besluit = model(id=register.volgende_id(model.model_fields["soort"].default), **velden, **wie.velden())
    _schrijf(werkmap, register.met(besluit))
    return besluit


def _al_besloten(bestaand: list[Any], wat: str) -> None:
    if bestaand:
        b = bestaand[0]
        raise ValueError(
            f"{wat} is al besloten in {b.id} ({b.datum.isoformat()}, {b.door}); trek dat besluit eerst in met "
            f'\'evaluatie intrekken {b.id} --reden "..." --door "naam, functie"\' en leg het daarna opnieuw vast'
        )


def _begin(wie: Wie, vandaag: dt.date, fouten: Optiefouten | None) -> Optiefouten:
    """The collector of wrong options (the command's own, or a new one), with who, why and when checked first."""
    f = fouten if fouten is not None else Optiefouten()
    wie.controleer(vandaag, f)
    return f


def _invoer(werkmap: Werkmap, wie: Wie, f: Optiefouten) -> Any:
    """The inputs as the award reads them; the decision's date checked against the letters and the closing."""
    from evaluatie.pipeline import laad_invoer

    invoer = laad_invoer(werkmap)
    wie.voor_de_brieven(invoer.aanbesteding.data.verzenddatum, invoer.aanbesteding.data.sluiting, f)
    return invoer


def _inschrijver(f: Optiefouten, invoer: Any, inschrijver: str) -> str | None:
    """The bidder as its bid names it (--inschrijver), or None with the nearest names noted."""
    return f.probeer(
        "--inschrijver", zoek_inschrijver, inschrijver, [i.naam for i in invoer.inschrijvingen], "--inschrijver"
    )


def _ontvangen(
    f: Optiefouten,
    optie: str,
    dag: dt.date | None,
    sluiting: dt.date,
    vandaag: dt.date,
    uitleg: str,
    wie: Wie,
    wat: str,
) -> None:
    """A date something was received on (`optie`): after the closing, not in the future, and not after the decision
    that rests on it (`wat`); the last not weighed when the date itself is wrong."""
    if dag is not None:
        f.probeer(optie, controleer_datum, optie, dag, sluiting, vandaag, uitleg)
    if not f.over(optie):
        wie.na(dag, wat, f)


def _een_per_inschrijver(f: Optiefouten, invoer: Any, soort: str, naam: str, wat: str) -> None:
    """One valid decision of this kind per bidder: a second waits until the first is withdrawn (--inschrijver)."""
    f.probeer(
        "--inschrijver",
        _al_besloten,
        [b for b in _gelezen(invoer.besluiten).geldig(soort) if b.inschrijver == naam],
        wat,
    )


def leg_herstel_vast(
    werkmap: Werkmap,
    bestand: str,
    blad: str,
    cel: str,
    oud: str,
    nieuw: str,
    verduidelijking: dt.date | None,
    wie: Wie,
    vandaag: dt.date,
    fouten: Optiefouten | None = None,
) -> Herstel:
    """A correction of a manifest error: the cell must hold `oud` now; the file stays untouched.
    `verduidelijking` is None when the option was no date (noted in `fouten` already)."""
    from evaluatie.besluiten.herstel import cel_positie, huidige_waarde
    from evaluatie.definitie import laad_aanbesteding
    from evaluatie.fouten import Verzamelaar
    from evaluatie.hashing import sha256_bestand
    from evaluatie.werkboek import lees_werkboek

    f = _begin(wie, vandaag, fouten)
    aanbesteding, _ = laad_aanbesteding(werkmap.aanbesteding)
    sluiting = aanbesteding.data.sluiting
    wie.voor_de_brieven(aanbesteding.data.verzenddatum, sluiting, f)
    uitleg = "de sluiting van de inschrijving"
    _ontvangen(f, "--verduidelijking", verduidelijking, sluiting, vandaag, uitleg, wie, "de verduidelijking")
    pad = werkmap.inschrijvingen / Path(bestand).name
    if not pad.is_file():
        bekend = ", ".join(sorted(p.name for p in werkmap.inschrijvingen.glob("*.xlsx"))) or "geen"
        f.noteer("--bestand", f"--bestand: inschrijvingen/{Path(bestand).name} bestaat niet; bekend: {bekend}")
    if cel_positie(cel) is None:
        f.noteer("--cel", f"--cel: verwacht een celnaam zoals B3, kreeg '{cel}'")
    tabbladen = (lees_werkboek(pad, pad.name, Verzamelaar()) or {}) if pad.is_file() else None
    if tabbladen is not None and blad not in tabbladen:
        f.noteer("--blad", f"--blad: tabblad '{blad}' bestaat niet in {pad.name}; tabbladen: {', '.join(tabbladen)}")
    if tabbladen is not None and blad in tabbladen and cel_positie(cel) is not None:
        nu = huidige_waarde(tabbladen, blad, cel.upper())
        if nu != oud.strip():
            f.noteer("--oud", f"--oud: cel {pad.name}!{blad}!{cel.upper()} bevat '{nu}', niet '{oud}'")
        if nieuw.strip() == nu:
            f.noteer("--nieuw", "--nieuw: gelijk aan de huidige waarde; er valt niets te herstellen")
        register = _register(werkmap)
        f.probeer(
            "--cel",
            _al_besloten,
            [h for h in register.geldig("herstel") if (h.bestand, h.blad, h.cel) == (pad.name, blad, cel.upper())],
            f"het herstel van {pad.name}!{blad}!{cel.upper()}",
        )
    f.stop()
    assert verduidelijking is not None  # a missing or wrong date is noted, and stop() raised
    return _bewaar(
        werkmap,
        _register(werkmap),
        Herstel,
        wie,
        bestand=pad.name,
        sha256=sha256_bestand(pad),
        blad=blad,
        cel=cel.upper(),
        oud=oud.strip(),
        nieuw=nieuw.strip(),
        verduidelijking=verduidelijking,
    )


def herstel_raakt_vergelijking(werkmap: Werkmap, bestand: str, blad: str, cel: str) -> str | None:
    """A warning when a correction changes what the bids are compared on (price, capacity, intake moments,
    waiting time): after closing, a clarification may not change a bid in substance."""
    from evaluatie.besluiten.herstel import cel_positie
    from evaluatie.fouten import Verzamelaar
    from evaluatie.inschrijving.velden import PERCEEL_KOLOMMEN, TABBLAD_PERCELEN
    from evaluatie.werkboek import als_tekst, lees_werkboek

    pos = cel_positie(cel)
    if blad != TABBLAD_PERCELEN or pos is None:
        return None
    pad = werkmap.inschrijvingen / Path(bestand).name
    tabbladen = lees_werkboek(pad, pad.name, Verzamelaar()) or {}
    t = tabbladen.get(blad)
    kop = als_tekst(t.waarde(0, pos[1])) if t is not None else ""
    if kop not in PERCEEL_KOLOMMEN[1:5]:
        return None
    return (
        f"{pad.name}!{blad}!{cel.upper()} ({kop}) bepaalt de vergelijking van de inschrijvingen. Herstel als "
        "kennelijke fout mag alleen als de bedoelde waarde ondubbelzinnig uit de inschrijving zelf blijkt; een "
        "verduidelijking mag de inschrijving niet wezenlijk wijzigen (HvJ EU 29 maart 2012, SAG ELV Slovensko, "
        "C-599/10; HvJ EU 10 oktober 2013, Manova, C-336/12). Leg in --reden vast waaruit de bedoelde waarde blijkt."
    )


def leg_toelichting_vast(
    werkmap: Werkmap,
    inschrijver: str,
    perceel: str,
    ontvangen: dt.date | None,
    uitkomst: str,
    wie: Wie,
    vandaag: dt.date,
    fouten: Optiefouten | None = None,
) -> Toelichting:
    """The answer to an art. 2.116 signal: the bid must be flagged in this lot now."""
    from evaluatie.besluiten.openpunten import signalen
    from evaluatie.pipeline import een_perceel, gun

    f = _begin(wie, vandaag, fouten)
    invoer = _invoer(werkmap, wie, f)
    a = invoer.aanbesteding
    naam = _inschrijver(f, invoer, inschrijver)
    code = f.probeer("--lots", een_perceel, a, perceel)
    wat = "de ontvangst van de toelichting"
    _ontvangen(f, "--ontvangen", ontvangen, a.data.sluiting, vandaag, "de sluiting", wie, wat)
    f.keuze("--uitkomst", uitkomst, keuzes(Toelichting, "uitkomst"))
    signaal = None
    if code is not None and a.percelen[code].procedure == "toelating":  # said without computing the award
        f.noteer(
            "--lots",
            f"--lots: perceel {a.percelen[code].naam} is een open house (procedure: toelating): art. 2.116 "
            "Aanbestedingswet 2012 is niet van toepassing, want de prijzen worden niet met elkaar vergeleken; er is "
            "geen toelichting te beoordelen",
        )
    elif naam is not None and code is not None:
        award = gun(werkmap, code, invoer=invoer, besluiten_toepassen=False)
        signaal = next((s for s in signalen(award, code) if s.inschrijver == naam), None)
        if signaal is None and invoer.besluiten is not None and invoer.besluiten.toegepast("abnormaal"):
            # flagged only once another explanation is rejected (fewer valid bids to compare with): the award with
            # the decisions applied asks for it, so it is accepted here. A fresh read: gun marks stale decisions in
            # the input it is given, and this command writes the register from `invoer`.
            na = gun(werkmap, code)
            signaal = next((s for s in signalen(na, code) if s.inschrijver == naam), None)
        if signaal is None:
            f.noteer(
                "--inschrijver",
                f"--inschrijver: {naam} is in perceel {code} niet gesignaleerd als abnormaal laag; er is geen "
                "toelichting te beoordelen",
            )
        f.probeer(
            "--inschrijver",
            _al_besloten,
            [t for t in _gelezen(invoer.besluiten).geldig("abnormaal") if (t.inschrijver, t.perceel) == (naam, code)],
            f"de toelichting van {naam} voor perceel {code}",
        )
    f.stop()
    assert naam is not None and code is not None and signaal is not None and ontvangen is not None  # stop() else
    return _bewaar(
        werkmap,
        _gelezen(invoer.besluiten),
        Toelichting,
        wie,
        inschrijver=naam,
        perceel=code,
        prijs=signaal.prijs,
        ontvangen=ontvangen,
        uitkomst=uitkomst,
    )


def leg_uitsluiting_vast(
    werkmap: Werkmap,
    inschrijver: str,
    grond: str,
    artikel: str,
    feiten: str,
    zelfreiniging: str,
    evenredigheid: str,
    uitkomst: str,
    wie: Wie,
    vandaag: dt.date,
    fouten: Optiefouten | None = None,
) -> Uitsluitingsgrond:
    """The weighing of a declared exclusion ground; an optional ground (2.87) needs the proportionality."""
    f = _begin(wie, vandaag, fouten)
    invoer = _invoer(werkmap, wie, f)
    naam = _inschrijver(f, invoer, inschrijver)
    ins = next((i for i in invoer.inschrijvingen if i.naam == naam), None)
    if ins is not None and not ins.uitsluitingsgronden:
        f.noteer(
            "--inschrijver", f"--inschrijver: {naam} heeft niet verklaard dat een uitsluitingsgrond van toepassing is"
        )
    for veld, tekst in (("--grond", grond), ("--feiten", feiten), ("--zelfreiniging", zelfreiniging)):
        if len(tekst.strip()) < 5:
            f.noteer(veld, f"{veld}: verplicht; beschrijf het in een zin (bij geen maatregelen: zeg dat)")
    f.keuze("--artikel", artikel, keuzes(Uitsluitingsgrond, "artikel"))
    f.keuze("--uitkomst", uitkomst, keuzes(Uitsluitingsgrond, "uitkomst"))
    if artikel == "2.87" and len(evenredigheid.strip()) < 10:
        f.noteer(
            "--evenredigheid",
            "--evenredigheid: bij een facultatieve uitsluitingsgrond (art. 2.87) is de afweging van de "
            "evenredigheid verplicht",
        )
    if (
        artikel == "2.86"
        and uitkomst == "niet_uitgesloten"
        and len(zelfreiniging.strip()) < 10
        and not f.over("--zelfreiniging")
    ):
        f.noteer(
            "--zelfreiniging",
            "--zelfreiniging: een verplichte grond (art. 2.86) valt alleen weg na zelfreiniging (2.87a)",
        )
    if naam is not None:
        _een_per_inschrijver(f, invoer, "uitsluiting", naam, f"de uitsluitingsgrond van {naam}")
    f.stop()
    assert ins is not None and naam is not None  # stop() raised otherwise
    return _bewaar(
        werkmap,
        _gelezen(invoer.besluiten),
        Uitsluitingsgrond,
        wie,
        inschrijver=naam,
        sha256=ins.sha256,
        grond=grond.strip(),
        artikel=artikel,
        feiten=feiten.strip(),
        zelfreiniging=zelfreiniging.strip(),
        evenredigheid=evenredigheid.strip(),
        uitkomst=uitkomst,
    )


def leg_keurmerk_vast(
    werkmap: Werkmap,
    inschrijver: str,
    uitkomst: str,
    verlengd_tot: dt.date | None,
    bewijs: dt.date | None,
    wie: Wie,
    vandaag: dt.date,
    fouten: Optiefouten | None = None,
) -> Keurmerkbesluit:
    """A keurmerk that lapses before the award: renewal proven (new date and proof date), or award on condition."""
    from evaluatie.besluiten.openpunten import keurmerk_grens, zonder_keurmerkeis

    f = _begin(wie, vandaag, fouten)
    invoer = _invoer(werkmap, wie, f)
    a = invoer.aanbesteding
    naam = _inschrijver(f, invoer, inschrijver)
    ins = next((i for i in invoer.inschrijvingen if i.naam == naam), None)
    grens = keurmerk_grens(a)
    if ins is not None and (zonder := zonder_keurmerkeis(a, ins)) is not None:
        f.noteer(
            "--inschrijver",
            f"--inschrijver: geen perceel waarin {naam} inschrijft, eist het keurmerk ({zonder}); er valt over het "
            "keurmerk niets te besluiten",
        )
    elif ins is not None and ins.keurmerk_geldig_tot is not None and ins.keurmerk_geldig_tot >= grens:
        f.noteer(
            "--inschrijver",
            f"--inschrijver: het keurmerk van {naam} is geldig tot {ins.keurmerk_geldig_tot.isoformat()}, niet vóór "
            f"de gunning ({grens.isoformat()}); er valt niets te besluiten",
        )
    f.keuze("--uitkomst", uitkomst, keuzes(Keurmerkbesluit, "uitkomst"))
    if uitkomst == "verlengd":
        if verlengd_tot is None and not f.over("--verlengd-tot"):
            f.noteer(
                "--verlengd-tot", "--verlengd-tot: verplicht bij 'verlengd' (de nieuwe einddatum van het keurmerk)"
            )
        if bewijs is None and not f.over("--bewijs"):
            f.noteer(
                "--bewijs", "--bewijs: verplicht bij 'verlengd' (de datum waarop het bewijs van verlenging binnenkwam)"
            )
        if verlengd_tot is not None and verlengd_tot < grens:
            f.noteer(
                "--verlengd-tot",
                f"--verlengd-tot: {verlengd_tot.isoformat()} ligt nog vóór de gunning ({grens.isoformat()})",
            )
        wat = "de ontvangst van het bewijs"
        _ontvangen(f, "--bewijs", bewijs, a.data.sluiting, vandaag, "de sluiting", wie, wat)
    else:
        for optie, waarde in (("--verlengd-tot", verlengd_tot), ("--bewijs", bewijs)):
            if waarde is not None:
                f.noteer(optie, f"{optie}: hoort alleen bij --uitkomst verlengd")
    if naam is not None:
        _een_per_inschrijver(f, invoer, "keurmerk", naam, f"het keurmerk van {naam}")
    if f.leeg:
        _gegund_met_keurmerkeis(werkmap, a, naam, f)
    f.stop()
    assert ins is not None and naam is not None  # stop() raised otherwise
    return _bewaar(
        werkmap,
        _gelezen(invoer.besluiten),
        Keurmerkbesluit,
        wie,
        inschrijver=naam,
        geldig_tot=ins.keurmerk_geldig_tot,
        uitkomst=uitkomst,
        verlengd_tot=verlengd_tot,
        bewijs=bewijs,
    )


def _gegund_met_keurmerkeis(werkmap: Werkmap, a: Any, naam: str | None, f: Optiefouten) -> None:
    """A keurmerk decision is a condition on, or the proof for, an award in a lot that requires the keurmerk: for a
    bidder the award gives nothing there it would be stale on the next run (besluiten.openpunten). Checked on the
    award with the recorded decisions applied, as the open point that asks for it; an award that cannot be computed
    now (an input error, a lot short of capacity) leaves it to that run."""
    from evaluatie.besluiten.openpunten import gegund_met_keurmerkeis
    from evaluatie.fouten import EvaluatieFout, InvoerFout
    from evaluatie.pipeline import gun

    try:
        award = gun(werkmap)  # a fresh read: gun marks stale decisions in the input it is given
    except (InvoerFout, EvaluatieFout):
        return
    if naam is not None and naam not in gegund_met_keurmerkeis(award):
        lots = [p.naam for c, p in a.percelen.items() if "keurmerk" in p.knockout and c in award.uitslag.percelen]
        f.noteer(
            "--inschrijver",
            f"--inschrijver: {naam} wordt in geen perceel met de keurmerkeis gegund ({', '.join(lots)}); er valt "
            "over het keurmerk niets te besluiten",
        )


def leg_terugtrekking_vast(
    werkmap: Werkmap,
    inschrijver: str,
    ontvangen: dt.date | None,
    wie: Wie,
    vandaag: dt.date,
    fouten: Optiefouten | None = None,
) -> Terugtrekking:
    """A bid withdrawn after scoring: its file must be gone from inschrijvingen/ already."""
    from evaluatie.beoordeling.lezen import namen_in_formulieren
    from evaluatie.naamvorm import sleutel

    f = _begin(wie, vandaag, fouten)
    invoer = _invoer(werkmap, wie, f)
    naam = " ".join(inschrijver.split())
    nog = [i.naam for i in invoer.inschrijvingen if i.naam.casefold() == naam.casefold()]
    if nog:
        f.noteer(
            "--inschrijver",
            f"--inschrijver: {nog[0]} heeft nog een inschrijving in inschrijvingen/; haal het bestand weg (bewaar "
            "het in het dossier) en leg daarna de terugtrekking vast",
        )
    elif not naam:
        f.noteer("--inschrijver", "--inschrijver: geef de naam zoals in de inschrijving en de beoordelingsformulieren")
    else:
        beoordeeld = namen_in_formulieren(werkmap.beoordelingen)
        naam = next((n for n in beoordeeld if sleutel(n) == sleutel(naam)), naam)  # as the forms write it
        if sleutel(naam) not in {sleutel(n) for n in beoordeeld}:
            # a withdrawal after scoring concerns a bid the panel scored: a slip would record one nobody made
            zonder = [n for n in beoordeeld if sleutel(n) not in {sleutel(i.naam) for i in invoer.inschrijvingen}]
            f.noteer(
                "--inschrijver",
                f"--inschrijver: '{naam}' staat in geen beoordelingsformulier; een terugtrekking na de beoordeling "
                "geldt een inschrijving die het panel heeft beoordeeld. In de formulieren zonder inschrijving: "
                f"{', '.join(zonder) or 'geen'}",
            )
        else:
            f.probeer(
                "--inschrijver",
                _al_besloten,
                [
                    t
                    for t in _gelezen(invoer.besluiten).geldig("terugtrekking")
                    if t.inschrijver.casefold() == naam.casefold()
                ],
                f"de terugtrekking van {naam}",
            )
    sluiting = invoer.aanbesteding.data.sluiting
    wat = "de ontvangst van de terugtrekking"
    _ontvangen(f, "--ontvangen", ontvangen, sluiting, vandaag, "de sluiting", wie, wat)
    f.stop()
    assert ontvangen is not None  # stop() raised otherwise
    return _bewaar(werkmap, _gelezen(invoer.besluiten), Terugtrekking, wie, inschrijver=naam, ontvangen=ontvangen)


def _niet_voor(intrekking: dt.date | None, besluit: dt.date, id_: str, fouten: Optiefouten) -> None:
    if intrekking is not None and intrekking < besluit and not fouten.over("--datum"):
        fouten.noteer(
            "--datum", f"--datum: de intrekking ({intrekking.isoformat()}) ligt vóór {id_} zelf ({besluit.isoformat()})"
        )


def trek_in(
    werkmap: Werkmap, id_: str, wie: Wie, vandaag: dt.date, fouten: Optiefouten | None = None
) -> tuple[str, Path]:
    """Withdraw a decision (besluiten.yaml) or a draw (loting.yaml, ids L1, L2, ...): it stays on
    record with the withdrawal. Returns the id and the file written."""
    from evaluatie.definitie import laad_aanbesteding
    from evaluatie.gunning.loting import BESTAND as LOTINGBESTAND
    from evaluatie.gunning.loting import lees_lotingen, schrijf_lotingen

    f = _begin(wie, vandaag, fouten)

    def voor_de_brieven() -> None:
        """The letters written after it must not predate the withdrawal they reflect."""
        aanbesteding, _ = laad_aanbesteding(werkmap.aanbesteding)
        if wie.datum is None or f.over("--datum"):
            return  # a date already found wrong is not weighed again
        fout = na_de_brieven(wie.datum, aanbesteding.data.verzenddatum, "de intrekking", wie.standaard)
        if fout:
            f.noteer("--datum", f"--datum: {fout}")

    if not id_.strip():
        f.noteer("besluit", "geen besluit opgegeven (een lege tekst); " + _vastgelegd(werkmap))
        f.stop()
    if id_.upper().startswith("L"):
        lotingen = lees_lotingen(werkmap.root / LOTINGBESTAND)
        loting = next((x for x in lotingen if x.id.lower() == id_.lower()), None)
        if loting is None:
            f.noteer("besluit", f"loting {id_} bestaat niet; " + _vastgelegd(werkmap))
        elif loting.ingetrokken is not None:
            f.noteer("besluit", f"loting {loting.id} is al ingetrokken op {loting.ingetrokken.datum.isoformat()}")
        else:
            _niet_voor(wie.datum, loting.datum, loting.id, f)
        voor_de_brieven()
        f.stop()
        assert loting is not None  # stop() raised otherwise
        intrekking = Intrekking(datum=wie.dag, door=wie.door.strip(), reden=wie.reden.strip())
        nieuw = tuple(x.model_copy(update={"ingetrokken": intrekking}) if x is loting else x for x in lotingen)
        return loting.id, schrijf_lotingen(werkmap.root / LOTINGBESTAND, nieuw)
    register = _register(werkmap)
    b = register.zoek(id_)
    if b is None:
        f.noteer("besluit", f"besluit {id_} bestaat niet; " + _vastgelegd(werkmap))
    elif not b.geldig:
        f.noteer("besluit", f"besluit {b.id} is al ingetrokken op {b.ingetrokken.datum.isoformat()}")
    else:
        _niet_voor(wie.datum, b.datum, b.id, f)
    voor_de_brieven()
    f.stop()
    assert b is not None  # stop() raised otherwise
    intrekking = Intrekking(datum=wie.dag, door=wie.door.strip(), reden=wie.reden.strip())
    return b.id, _schrijf(werkmap, register.ingetrokken(b.id, intrekking))

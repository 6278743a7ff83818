"""The decision commands: check the decision against the current inputs, then record it.

Each function raises ValueError (a usage error, exit 2) when the decision does not fit what the
inputs say now, and writes nothing then. Dates lie in the past or today; a decision that would
repeat a valid one is refused with the command that withdraws the first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluatie.besluiten.model import (
    Herstel,
    Intrekking,
    Keurmerkbesluit,
    Terugtrekking,
    Toelichting,
    Uitsluitingsgrond,
)
from evaluatie.besluiten.namen import zoek_inschrijver
from evaluatie.besluiten.register import (
    BESTAND,
    Register,
    controleer_datum,
    lees_besluiten,
    na_de_brieven,
    schrijf_besluiten,
    voor_de_sluiting,
)
from evaluatie.werkmap import Werkmap


@dataclass(frozen=True)
class Wie:
    """Who records the decision, and when it was taken."""

    door: str
    reden: str
    datum: dt.date

    def controleer(self, vandaag: dt.date) -> None:
        """Who, why and when, all three checked: every error at once (ValueError, one line each)."""
        fouten = []
        naam, komma, functie = self.door.partition(",")
        if not komma or len(naam.strip()) < 2 or not any(c.isalpha() for c in naam) or len(functie.strip()) < 3:
            # both parts: the record says who decided and in what capacity ("Jan," or ", inkoper" says neither)
            voorbeeld = '"J. Jansen, inkoopadviseur"'
            fouten.append(f"--door: geef naam en functie, bijvoorbeeld {voorbeeld}; kreeg '{self.door}'")
        if len(self.reden.strip()) < 10:
            fouten.append(f"--reden: geef de motivering in een volledige zin; kreeg '{self.reden}'")
        try:
            controleer_datum("--datum", self.datum, None, vandaag)
        except ValueError as e:
            fouten.append(str(e))
        if fouten:
            raise ValueError("\n".join(fouten))

    def na(self, grondslag: dt.date, wat: str) -> None:
        """A decision cannot predate what it decides on (the clarification, the explanation, the proof)."""
        if self.datum < grondslag:
            raise ValueError(
                f"--datum: het besluit ({self.datum.isoformat()}) ligt vóór {wat} ({grondslag.isoformat()})"
            )

    def voor_de_brieven(self, brieven: dt.date, sluiting: dt.date) -> None:
        """The letters cite the decision with its date: it cannot lie after the letters' own date, nor before the
        closing (no bid was opened before it)."""
        fout = na_de_brieven(self.datum, brieven, "het besluit") or voor_de_sluiting(
            self.datum, sluiting, "het besluit"
        )
        if fout:
            raise ValueError(f"--datum: {fout}")

    def velden(self) -> dict[str, Any]:
        return {"door": self.door.strip(), "reden": self.reden.strip(), "datum": self.datum}


def en_noteer(werkmap: Werkmap, commando: str, opties: dict[str, Any], werk: Callable[[], Any]) -> Any:
    """Run a decision command (one of the functions below) and log it with the hash of the file it
    wrote: the logboek holds every decision and withdrawal as it was recorded."""
    from evaluatie.besluiten.handwerk import buiten_de_commandos
    from evaluatie.hashing import sha256_bestand
    from evaluatie.inschrijving.model import Invoerbestand
    from evaluatie.logboek import noteer

    handwerk = buiten_de_commandos(werkmap)  # recording on top of a hand edit would adopt that edit unseen
    if handwerk:
        raise ValueError("; ".join(str(f) for f in handwerk))
    uitkomst = werk()
    pad = uitkomst[1] if isinstance(uitkomst, tuple) else werkmap.root / BESTAND
    noteer(werkmap, commando, opties, [Invoerbestand(bestand=pad.name, sha256=sha256_bestand(pad))])
    return uitkomst


def _gelezen(register: Register | None) -> Register:
    """The decisions read with the inputs (pipeline.laad_invoer always reads besluiten.yaml)."""
    if register is None:
        raise ValueError("besluiten.yaml is niet gelezen; er is niets vastgelegd")
    return register


def _register(werkmap: Werkmap) -> Register:
    return lees_besluiten(werkmap.root / BESTAND)


def _schrijf(werkmap: Werkmap, register: Register) -> Path:
    return schrijf_besluiten(werkmap.root / BESTAND, register)


def _al_besloten(bestaand: list[Any], wat: str) -> None:
    if bestaand:
        b = bestaand[0]
        raise ValueError(
            f"{wat} is al besloten in {b.id} ({b.datum.isoformat()}, {b.door}); trek dat besluit eerst in met "
            f'\'evaluatie intrekken {b.id} --reden "..." --door "naam, functie"\' en leg het daarna opnieuw vast'
        )


def leg_herstel_vast(
    werkmap: Werkmap,
    bestand: str,
    blad: str,
    cel: str,
    oud: str,
    nieuw: str,
    verduidelijking: dt.date,
    wie: Wie,
    vandaag: dt.date,
) -> Herstel:
    """A correction of a manifest error: the cell must hold `oud` now; the file stays untouched."""
    from evaluatie.besluiten.herstel import cel_positie, huidige_waarde
    from evaluatie.definitie import laad_aanbesteding
    from evaluatie.fouten import Verzamelaar
    from evaluatie.hashing import sha256_bestand
    from evaluatie.werkboek import lees_werkboek

    wie.controleer(vandaag)
    aanbesteding, _ = laad_aanbesteding(werkmap.aanbesteding)
    wie.voor_de_brieven(aanbesteding.data.verzenddatum, aanbesteding.data.sluiting)
    controleer_datum(
        "--verduidelijking", verduidelijking, aanbesteding.data.sluiting, vandaag, "de sluiting van de inschrijving"
    )
    wie.na(verduidelijking, "de verduidelijking")
    pad = werkmap.inschrijvingen / Path(bestand).name
    if not pad.is_file():
        bekend = ", ".join(sorted(p.name for p in werkmap.inschrijvingen.glob("*.xlsx"))) or "geen"
        raise ValueError(f"--bestand: inschrijvingen/{Path(bestand).name} bestaat niet; bekend: {bekend}")
    if cel_positie(cel) is None:
        raise ValueError(f"--cel: verwacht een celnaam zoals B3, kreeg '{cel}'")
    fouten = Verzamelaar()
    tabbladen = lees_werkboek(pad, pad.name, fouten) or {}
    if blad not in tabbladen:
        raise ValueError(f"--blad: tabblad '{blad}' bestaat niet in {pad.name}; tabbladen: {', '.join(tabbladen)}")
    nu = huidige_waarde(tabbladen, blad, cel.upper())
    if nu != oud.strip():
        raise ValueError(f"--oud: cel {pad.name}!{blad}!{cel.upper()} bevat '{nu}', niet '{oud}'")
    if nieuw.strip() == nu:
        raise ValueError("--nieuw: gelijk aan de huidige waarde; er valt niets te herstellen")
    register = _register(werkmap)
    _al_besloten(
        [h for h in register.geldig("herstel") if (h.bestand, h.blad, h.cel) == (pad.name, blad, cel.upper())],
        f"het herstel van {pad.name}!{blad}!{cel.upper()}",
    )
    besluit = Herstel(
        id=register.volgende_id("herstel"),
        bestand=pad.name,
        sha256=sha256_bestand(pad),
        blad=blad,
        cel=cel.upper(),
        oud=oud.strip(),
        nieuw=nieuw.strip(),
        verduidelijking=verduidelijking,
        **wie.velden(),
    )
    _schrijf(werkmap, register.met(besluit))
    return besluit


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
    ontvangen: dt.date,
    uitkomst: str,
    wie: Wie,
    vandaag: dt.date,
) -> Toelichting:
    """The answer to an art. 2.116 signal: the bid must be flagged in this lot now."""
    from evaluatie.besluiten.openpunten import signalen
    from evaluatie.pipeline import gun, kies_percelen, laad_invoer

    wie.controleer(vandaag)
    invoer = laad_invoer(werkmap)
    wie.voor_de_brieven(invoer.aanbesteding.data.verzenddatum, invoer.aanbesteding.data.sluiting)
    naam = zoek_inschrijver(inschrijver, [i.naam for i in invoer.inschrijvingen])
    codes = kies_percelen(invoer.aanbesteding, perceel)
    if len(codes) != 1:
        raise ValueError("geef precies één perceel op met --lots")
    code = codes[0]
    controleer_datum("--ontvangen", ontvangen, invoer.aanbesteding.data.sluiting, vandaag, "de sluiting")
    wie.na(ontvangen, "de ontvangst van de toelichting")
    award = gun(werkmap, code, invoer=invoer, besluiten_toepassen=False)
    signaal = next((s for s in signalen(award, code) if s.inschrijver == naam), None)
    if signaal is None:
        raise ValueError(
            f"{naam} is in perceel {code} niet gesignaleerd als abnormaal laag; er is geen toelichting te beoordelen"
        )
    register = _gelezen(invoer.besluiten)
    _al_besloten(
        [t for t in register.geldig("abnormaal") if (t.inschrijver, t.perceel) == (naam, code)],
        f"de toelichting van {naam} voor perceel {code}",
    )
    besluit = Toelichting(
        id=register.volgende_id("abnormaal"),
        inschrijver=naam,
        perceel=code,
        prijs=signaal.prijs,
        ontvangen=ontvangen,
        uitkomst=uitkomst,  # type: ignore[arg-type]
        **wie.velden(),
    )
    _schrijf(werkmap, register.met(besluit))
    return besluit


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
) -> Uitsluitingsgrond:
    """The weighing of a declared exclusion ground; an optional ground (2.87) needs the proportionality."""
    from evaluatie.pipeline import laad_invoer

    wie.controleer(vandaag)
    invoer = laad_invoer(werkmap)
    wie.voor_de_brieven(invoer.aanbesteding.data.verzenddatum, invoer.aanbesteding.data.sluiting)
    naam = zoek_inschrijver(inschrijver, [i.naam for i in invoer.inschrijvingen])
    ins = next(i for i in invoer.inschrijvingen if i.naam == naam)
    if not ins.uitsluitingsgronden:
        raise ValueError(f"{naam} heeft niet verklaard dat een uitsluitingsgrond van toepassing is")
    for veld, tekst in (("--grond", grond), ("--feiten", feiten), ("--zelfreiniging", zelfreiniging)):
        if len(tekst.strip()) < 5:
            raise ValueError(f"{veld}: verplicht; beschrijf het in een zin (bij geen maatregelen: zeg dat)")
    if artikel == "2.87" and len(evenredigheid.strip()) < 10:
        raise ValueError(
            "--evenredigheid: bij een facultatieve uitsluitingsgrond (art. 2.87) is de afweging van de "
            "evenredigheid verplicht"
        )
    if artikel == "2.86" and uitkomst == "niet_uitgesloten" and len(zelfreiniging.strip()) < 10:
        raise ValueError("--zelfreiniging: een verplichte grond (art. 2.86) valt alleen weg na zelfreiniging (2.87a)")
    register = _gelezen(invoer.besluiten)
    _al_besloten(
        [u for u in register.geldig("uitsluiting") if u.inschrijver == naam], f"de uitsluitingsgrond van {naam}"
    )
    besluit = Uitsluitingsgrond(
        id=register.volgende_id("uitsluiting"),
        inschrijver=naam,
        sha256=ins.sha256,
        grond=grond.strip(),
        artikel=artikel,  # type: ignore[arg-type]
        feiten=feiten.strip(),
        zelfreiniging=zelfreiniging.strip(),
        evenredigheid=evenredigheid.strip(),
        uitkomst=uitkomst,  # type: ignore[arg-type]
        **wie.velden(),
    )
    _schrijf(werkmap, register.met(besluit))
    return besluit


def leg_keurmerk_vast(
    werkmap: Werkmap,
    inschrijver: str,
    uitkomst: str,
    verlengd_tot: dt.date | None,
    bewijs: dt.date | None,
    wie: Wie,
    vandaag: dt.date,
) -> Keurmerkbesluit:
    """A keurmerk that lapses before the award: renewal proven (new date and proof date), or award on condition."""
    from evaluatie.besluiten.openpunten import keurmerk_grens
    from evaluatie.pipeline import laad_invoer

    wie.controleer(vandaag)
    invoer = laad_invoer(werkmap)
    wie.voor_de_brieven(invoer.aanbesteding.data.verzenddatum, invoer.aanbesteding.data.sluiting)
    naam = zoek_inschrijver(inschrijver, [i.naam for i in invoer.inschrijvingen])
    ins = next(i for i in invoer.inschrijvingen if i.naam == naam)
    grens = keurmerk_grens(invoer.aanbesteding)
    if ins.keurmerk_geldig_tot is not None and ins.keurmerk_geldig_tot >= grens:
        raise ValueError(
            f"het keurmerk van {naam} is geldig tot {ins.keurmerk_geldig_tot.isoformat()}, niet vóór de gunning "
            f"({grens.isoformat()}); er valt niets te besluiten"
        )
    if uitkomst == "verlengd":
        if verlengd_tot is None or bewijs is None:
            raise ValueError(
                "--verlengd-tot en --bewijs: verplicht bij 'verlengd' (nieuwe einddatum en datum van het bewijs)"
            )
        if verlengd_tot < grens:
            raise ValueError(
                f"--verlengd-tot: {verlengd_tot.isoformat()} ligt nog vóór de gunning ({grens.isoformat()})"
            )
        controleer_datum("--bewijs", bewijs, invoer.aanbesteding.data.sluiting, vandaag, "de sluiting")
        wie.na(bewijs, "de ontvangst van het bewijs")
    elif verlengd_tot is not None or bewijs is not None:
        raise ValueError("--verlengd-tot en --bewijs horen alleen bij 'verlengd'")
    register = _gelezen(invoer.besluiten)
    _al_besloten([k for k in register.geldig("keurmerk") if k.inschrijver == naam], f"het keurmerk van {naam}")
    besluit = Keurmerkbesluit(
        id=register.volgende_id("keurmerk"),
        inschrijver=naam,
        geldig_tot=ins.keurmerk_geldig_tot,
        uitkomst=uitkomst,  # type: ignore[arg-type]
        verlengd_tot=verlengd_tot,
        bewijs=bewijs,
        **wie.velden(),
    )
    _schrijf(werkmap, register.met(besluit))
    return besluit


def leg_terugtrekking_vast(
    werkmap: Werkmap, inschrijver: str, ontvangen: dt.date, wie: Wie, vandaag: dt.date
) -> Terugtrekking:
    """A bid withdrawn after scoring: its file must be gone from inschrijvingen/ already."""
    from evaluatie.pipeline import laad_invoer

    wie.controleer(vandaag)
    invoer = laad_invoer(werkmap)
    wie.voor_de_brieven(invoer.aanbesteding.data.verzenddatum, invoer.aanbesteding.data.sluiting)
    naam = " ".join(inschrijver.split())
    nog = [i.naam for i in invoer.inschrijvingen if i.naam.casefold() == naam.casefold()]
    if nog:
        raise ValueError(
            f"{nog[0]} heeft nog een inschrijving in inschrijvingen/; haal het bestand weg (bewaar het in het "
            "dossier) en leg daarna de terugtrekking vast"
        )
    if not naam:
        raise ValueError("--inschrijver: geef de naam zoals in de inschrijving en de beoordelingsformulieren")
    from evaluatie.beoordeling.lezen import namen_in_formulieren
    from evaluatie.naamvorm import sleutel

    beoordeeld = namen_in_formulieren(werkmap.beoordelingen)
    naam = next((n for n in beoordeeld if sleutel(n) == sleutel(naam)), naam)  # as the forms write it
    if sleutel(naam) not in {sleutel(n) for n in beoordeeld}:
        # a withdrawal after scoring concerns a bid the panel scored: a slip would record one nobody made
        zonder = [n for n in beoordeeld if sleutel(n) not in {sleutel(i.naam) for i in invoer.inschrijvingen}]
        raise ValueError(
            f"--inschrijver: '{naam}' staat in geen beoordelingsformulier; een terugtrekking na de beoordeling geldt "
            "een inschrijving die het panel heeft beoordeeld. In de formulieren zonder inschrijving: "
            f"{', '.join(zonder) or 'geen'}"
        )
    controleer_datum("--ontvangen", ontvangen, invoer.aanbesteding.data.sluiting, vandaag, "de sluiting")
    wie.na(ontvangen, "de ontvangst van de terugtrekking")
    register = _gelezen(invoer.besluiten)
    _al_besloten(
        [t for t in register.geldig("terugtrekking") if t.inschrijver.casefold() == naam.casefold()],
        f"de terugtrekking van {naam}",
    )
    besluit = Terugtrekking(
        id=register.volgende_id("terugtrekking"), inschrijver=naam, ontvangen=ontvangen, **wie.velden()
    )
    _schrijf(werkmap, register.met(besluit))
    return besluit


def _niet_voor(intrekking: dt.date, besluit: dt.date, id_: str) -> None:
    if intrekking < besluit:
        raise ValueError(
            f"--datum: de intrekking ({intrekking.isoformat()}) ligt vóór {id_} zelf ({besluit.isoformat()})"
        )


def trek_in(werkmap: Werkmap, id_: str, wie: Wie, vandaag: dt.date) -> tuple[str, Path]:
    """Withdraw a decision (besluiten.yaml) or a draw (loting.yaml, ids L1, L2, ...): it stays on
    record with the withdrawal. Returns the id and the file written."""
    from evaluatie.definitie import laad_aanbesteding
    from evaluatie.gunning.loting import BESTAND as LOTINGBESTAND
    from evaluatie.gunning.loting import lees_lotingen, schrijf_lotingen

    wie.controleer(vandaag)

    def voor_de_brieven() -> None:
        """The letters written after it must not predate the withdrawal they reflect (checked once the decision
        is found, so an unknown id is said first)."""
        aanbesteding, _ = laad_aanbesteding(werkmap.aanbesteding)
        fout = na_de_brieven(wie.datum, aanbesteding.data.verzenddatum, "de intrekking")
        if fout:
            raise ValueError(f"--datum: {fout}")

    intrekking = Intrekking(datum=wie.datum, door=wie.door.strip(), reden=wie.reden.strip())
    if id_.upper().startswith("L"):
        lotingen = lees_lotingen(werkmap.root / LOTINGBESTAND)
        doel = next((x for x in lotingen if x.id.lower() == id_.lower()), None)
        if doel is None:
            raise ValueError(f"loting {id_} bestaat niet; vastgelegd: {', '.join(x.id for x in lotingen) or 'geen'}")
        if doel.ingetrokken is not None:
            raise ValueError(f"loting {doel.id} is al ingetrokken op {doel.ingetrokken.datum.isoformat()}")
        _niet_voor(wie.datum, doel.datum, doel.id)
        voor_de_brieven()
        nieuw = tuple(x.model_copy(update={"ingetrokken": intrekking}) if x is doel else x for x in lotingen)
        return doel.id, schrijf_lotingen(werkmap.root / LOTINGBESTAND, nieuw)
    register = _register(werkmap)
    b = register.zoek(id_)
    if b is None:
        bekend = ", ".join(x.id for x in register.besluiten) or "geen"
        raise ValueError(f"besluit {id_} bestaat niet; vastgelegd: {bekend}")
    if not b.geldig:
        raise ValueError(f"besluit {b.id} is al ingetrokken op {b.ingetrokken.datum.isoformat()}")
    _niet_voor(wie.datum, b.datum, b.id)
    voor_de_brieven()
    return b.id, _schrijf(werkmap, register.ingetrokken(b.id, intrekking))

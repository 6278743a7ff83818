"""Contract changes with their legal basis, and the de-minimis check of art. 2.163b Aw 2012.

Why: a change to a public contract needs a new tender (art. 2.163a Aw 2012, the main rule) unless it has a
basis in one of the exceptions of art. 2.163b-g; 2.163a itself is no basis. The
de-minimis basis (2.163b) allows changes whose value is below the European threshold AND below 10% of
the initial value for services, counted cumulatively over successive changes. Inburgering is a social
service (Annex XIV), so the threshold is EUR 750.000. The initial value is the lot's framework
maximum value as awarded. A change that would cross the limit is refused before it is recorded (it
needs another basis or a new tender); one that brings the total past 80% of the limit is recorded
with a warning.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sqlite3
from dataclasses import dataclass, field
from decimal import Decimal

from evaluatie.contract.besluit import leg_vast
from evaluatie.contract.indexatie import Indexatie, nieuwe_indexatie, percentage_tekst, procent
from evaluatie.contract.lezen import Register
from evaluatie.contract.register import schrijf_toewijzing
from evaluatie.contract.registerwacht import terugdraaien
from evaluatie.contract.verlenging import Gevolg, fouten_verlenging, gevolg
from evaluatie.fouten import EvaluatieFout, Fout, InvoerFout
from evaluatie.tekst import euro, getal

DREMPEL_SOCIALE_DIENSTEN = 750_000.0
AANDEEL_DIENSTEN = 0.10
WAARSCHUWING = 0.80
GRONDSLAGEN = {
    "2.163b": "de-minimiswijziging (art. 2.163b Aw 2012)",
    "2.163c": "herzieningsclausule in de aanbestedingsstukken (art. 2.163c Aw 2012)",
    "2.163d": "aanvullende diensten (art. 2.163d Aw 2012)",
    "2.163e": "onvoorziene omstandigheden (art. 2.163e Aw 2012)",
    "2.163f": "nieuwe opdrachtnemer (art. 2.163f Aw 2012)",
    "2.163g": "niet-wezenlijke wijziging (art. 2.163g Aw 2012)",
}
_GRONDSLAG = re.compile(r"2\.163\s?([a-z])(?![a-z])")
AANVULLEND_MAXIMUM = 0.50  # 2.163d and 2.163e: the price increase of each change at most 50% of the original value


@dataclass
class Toetsing:
    perceel: str
    soort: str
    waarde: float
    trajecten: int
    grondslag: str  # '2.163b'
    initiele_waarde: float
    grens: float
    eerder: float  # cumulative value of earlier de-minimis changes
    uitleg: list[str] = field(default_factory=list)
    tot: dt.date | None = None  # a verlenging's new last day of the lot
    verlenging: Gevolg | None = None  # what that verlenging does to the register's term and allocation
    percentage: Decimal | None = None  # an indexatie given as a percentage (`waarde`: its value on the room, in cents)

    @property
    def cumulatief(self) -> float:
        return round(self.eerder + (abs(self.waarde) if self.grondslag == "2.163b" else 0.0), 2)  # in cents


def de_minimis_grens(initiele_waarde: float) -> float:
    return min(DREMPEL_SOCIALE_DIENSTEN, AANDEEL_DIENSTEN * initiele_waarde)


_VERPLICHT = {  # an option the command cannot do without: said with every other error, not alone by click
    "--route": "is verplicht: de perceelcode, bijvoorbeeld B1",
    "--soort": "is verplicht: indexatie, extra_volume, verlenging of overig",
    "--waarde": "is verplicht: de waarde van de wijziging in euro, bijvoorbeeld 60.000",
    "--grondslag": "is verplicht: de grondslag uit art. 2.163b-g Aw 2012, bijvoorbeeld 'art. 2.163b Aw 2012'",
}


def toets_wijziging(
    reg: Register,
    perceel: str | None,
    soort: str | None,
    waarde: float | None,
    trajecten: int,
    grondslag: str | None,
    datum: dt.date,
    datum_opgegeven: bool = True,
    tot: dt.date | None = None,
    percentage: Decimal | None = None,
) -> Toetsing:
    """Every error at once, also next to a missing --route, --soort, --waarde or --grondslag (None). An indexatie
    takes --waarde (an amount) or --percentage (evaluatie.contract.indexatie: its value is that percentage of the room
    on its day, to the cent)."""
    gegeven = {"--route": perceel, "--soort": soort, "--waarde": waarde, "--grondslag": grondslag}
    if percentage is not None and soort in (None, "indexatie"):
        gegeven.pop("--waarde")
    fouten = [Fout(o, _VERPLICHT[o]) for o, v in gegeven.items() if v is None]
    if waarde is None and soort == "indexatie" and percentage is None:
        of = ", of bij een indexatie --percentage, bijvoorbeeld 3,2"
        fouten = [Fout(f.plaats, f.bericht + of) if f.plaats == "--waarde" else f for f in fouten]
    fouten += _fouten_percentage(soort, waarde, percentage)
    try:  # a change of a contract that did not yet or no longer exist
        reg.binnen_looptijd(datum, "--datum", opgegeven=datum_opgegeven)
    except InvoerFout as e:
        fouten += e.fouten
    if perceel is None:
        pass
    elif perceel not in reg.percelen:
        fouten.append(Fout("--route", reg.geen_perceel(perceel)))
    elif reg.percelen[perceel].toelating:
        fouten.append(
            Fout(
                "--route",
                f"perceel {reg.percelen[perceel].naam} is een toelating (open house): geen overheidsopdracht en geen "
                "raamovereenkomst met een maximum, dus ook geen wijziging onder art. 2.163a-g Aw 2012; een aanbieder "
                "die aan de voorwaarden voldoet, treedt toe zoals in de toelatingsbrief staat",
            )
        )
    gevonden = sorted(set(_GRONDSLAG.findall((grondslag or "").lower())))
    if grondslag is None:
        pass
    elif gevonden == ["a"]:
        fouten.append(
            Fout(
                "--grondslag",
                "art. 2.163a Aw 2012 is de hoofdregel: een overheidsopdracht wordt alleen na een nieuwe "
                "aanbestedingsprocedure gewijzigd; een wijziging zonder nieuwe procedure heeft een grondslag in een "
                "van de uitzonderingen, art. 2.163b-g Aw 2012",
            )
        )
    elif len(gevonden) > 1:
        fouten.append(
            Fout(
                "--grondslag",
                f"'{grondslag}' noemt meer dan één artikel ({', '.join(f'2.163{x}' for x in gevonden)}); een wijziging "
                "wordt vastgelegd met één grondslag",
            )
        )
    elif not gevonden or f"2.163{gevonden[0]}" not in GRONDSLAGEN:
        fouten.append(
            Fout(
                "--grondslag",
                f"'{grondslag}' noemt geen grondslag uit art. 2.163b-g Aw 2012 (bijvoorbeeld 'art. 2.163b Aw 2012')",
            )
        )
    if waarde is not None and (waarde != waarde or abs(waarde) == float("inf")):
        fouten.append(Fout("--waarde", "geen getal"))
    elif waarde is not None and trajecten > 0 and perceel in reg.percelen and not reg.percelen[perceel].toelating:
        fouten += _waarde_van_trajecten(reg, perceel, trajecten, waarde)
    if trajecten < 0:
        fouten.append(Fout("--trajecten", "kan niet negatief zijn"))
    elif soort == "indexatie" and trajecten:
        fouten.append(
            Fout("--trajecten", "een indexatie wijzigt de prijs, niet het aantal trajecten; laat --trajecten weg")
        )
    elif soort == "extra_volume" and not trajecten:
        fouten.append(
            Fout("--trajecten", "extra volume zonder aantal: geef met --trajecten hoeveel trajecten erbij komen")
        )
    if perceel is not None and soort is not None:  # what --tot means depends on both
        perceel_fout = perceel not in reg.percelen or reg.percelen[perceel].toelating
        fouten += fouten_verlenging(reg, perceel, soort, tot, datum, perceel_fout)
    index = None
    if soort == "indexatie" and perceel in reg.percelen and not reg.percelen[perceel].toelating:
        fouten += _fouten_volgorde(reg, perceel, datum)
        if percentage is not None and not fouten:  # the value follows from the room: only for a valid change
            index = nieuwe_indexatie(reg, perceel, datum, None, percentage)
            waarde = index.waarde
        elif percentage is None and waarde is not None and math.isfinite(waarde):
            index = nieuwe_indexatie(reg, perceel, datum, waarde)
        if index is not None and index.factor is None:
            fouten.append(Fout("--waarde" if percentage is None else "--percentage", _geen_prijs(index)))
    if fouten:
        raise InvoerFout(fouten)
    assert perceel is not None and soort is not None and waarde is not None and grondslag is not None
    code = f"2.163{gevonden[0]}"
    p = reg.percelen[perceel]
    assert p.raam_waarde is not None  # a toelating was refused above
    eerder = reg.de_minimis.get(perceel, 0.0)
    t = Toetsing(perceel, soort, waarde, trajecten, code, p.raam_waarde, de_minimis_grens(p.raam_waarde), eerder)
    t.percentage = percentage
    tot_tekst = "" if tot is None else f" tot en met {tot.strftime('%d-%m-%Y')}"
    bedrag = euro(waarde)
    if percentage is not None and index is not None:
        bedrag = (
            f"{percentage_tekst(percentage)} ({euro(waarde)}: {percentage_tekst(percentage)} van {euro(index.ruimte)}, "
            f"wat op {datum.strftime('%d-%m-%Y')} nog kon worden afgeroepen (het maximum {euro(index.maximum)} min "
            f"{euro(index.gebruikt)} gebruikt), op de cent)"
        )
    t.uitleg.append(f"Wijziging {soort} van {p.naam}{tot_tekst}: {bedrag}, grondslag {GRONDSLAGEN[code]}.")
    if tot is not None:  # a verlenging (fouten_verlenging): said after the tests it has to pass
        t.tot, t.verlenging = tot, gevolg(reg, perceel, tot, datum, code)
    if index is not None and index.factor is not None and percentage is not None:
        t.uitleg.append(
            f"Een indexatie wijzigt de prijs van wat nog kan worden afgeroepen: plaatsingen vanaf "
            f"{datum.strftime('%d-%m-%Y')} tellen in de stand tegen {index.prijzen_tekst()}."
        )
    elif index is not None and index.factor is not None:  # what the stand will count (evaluatie.contract.indexatie)
        t.uitleg.append(
            f"Een indexatie wijzigt de prijs van wat nog kan worden afgeroepen: op {datum.strftime('%d-%m-%Y')} was "
            f"dat {euro(index.ruimte)} (het maximum {euro(index.maximum)} min {euro(index.gebruikt)} gebruikt), dus "
            f"tellen plaatsingen vanaf die dag in de stand tegen {procent(index.factor)} van de prijs van daarvoor."
        )
    if code in ("2.163d", "2.163e") and waarde > AANVULLEND_MAXIMUM * p.raam_waarde:
        raise EvaluatieFout(
            [
                *t.uitleg,
                f"Bij {GRONDSLAGEN[code]} mag de prijsverhoging van een wijziging niet meer zijn dan 50% van de waarde "
                f"van de oorspronkelijke opdracht ({euro(p.raam_waarde)}): hoogstens "
                f"{euro(AANVULLEND_MAXIMUM * p.raam_waarde)}, deze wijziging is {euro(waarde)}; ze is niet vastgelegd.",
            ]
        )
    if code != "2.163b":
        t.uitleg.append(
            "Deze wijziging telt niet mee voor de de-minimisgrens; de grondslag moet in het besluit worden onderbouwd."
        )
        return _met_verlenging(t)
    tiende = AANDEEL_DIENSTEN * p.raam_waarde
    beslist = (
        "beide grenzen zijn gelijk"
        if tiende == DREMPEL_SOCIALE_DIENSTEN
        else "hier beslist 10% van de initiële waarde"
        if tiende < DREMPEL_SOCIALE_DIENSTEN
        else "hier beslist de drempel voor sociale diensten"
    )
    t.uitleg.append(
        f"De-minimisgrens: de laagste van de drempel voor sociale diensten ({euro(DREMPEL_SOCIALE_DIENSTEN)}) en "
        f"10% van de initiële waarde {euro(p.raam_waarde)} ({euro(tiende)}) is {euro(t.grens)} ({beslist}). Eerdere "
        f"de-minimiswijzigingen: {euro(eerder)}; met deze wijziging {euro(t.cumulatief)} "
        f"({getal(100 * t.cumulatief / t.grens, 1)}% van de grens)."
    )
    if t.cumulatief >= t.grens:
        hoe = "bereiken" if t.cumulatief == t.grens else "overschrijden"
        alleen = (
            f" Deze wijziging alleen ({euro(abs(waarde))}) blijft onder de grens; samen met de eerdere "
            f"de-minimiswijzigingen ({euro(eerder)}) niet: art. 2.163b telt opeenvolgende wijzigingen samen."
            if abs(waarde) < t.grens
            else ""
        )
        raise EvaluatieFout(
            [
                *t.uitleg,
                f"Deze wijziging zou de de-minimisgrens van art. 2.163b Aw 2012 {hoe} ({euro(t.cumulatief)} tegen "
                f"{euro(t.grens)}; de waarde moet eronder blijven); ze is niet vastgelegd.{alleen} Kies een andere "
                "grondslag (art. 2.163c-f) met onderbouwing, of aanbesteed opnieuw.",
            ]
        )
    if t.cumulatief >= WAARSCHUWING * t.grens:
        t.uitleg.append(
            f"Let op: na deze wijziging resteert nog {euro(t.grens - t.cumulatief)} tot de de-minimisgrens."
        )
    return _met_verlenging(t)


def _fouten_percentage(soort: str | None, waarde: float | None, percentage: Decimal | None) -> list[Fout]:
    """--percentage belongs to an indexatie, instead of --waarde, and leaves a price."""
    if percentage is None:
        return []
    if soort is not None and soort != "indexatie":
        return [
            Fout(
                "--percentage",
                f"hoort bij --soort indexatie (een prijswijziging); een wijziging van soort {soort} noemt haar waarde "
                "in euro met --waarde",
            )
        ]
    if waarde is not None:
        return [
            Fout(
                "--percentage",
                "een indexatie noemt een bedrag (--waarde) of een percentage (--percentage), niet beide: het bedrag "
                "van een percentage volgt uit de ruimte op haar datum",
            )
        ]
    if percentage == 0:
        return [Fout("--percentage", "0% wijzigt geen prijs")]
    if percentage <= -100:
        return [Fout("--percentage", f"een verlaging van {percentage_tekst(-percentage)} laat geen prijs over")]
    return []


def _fouten_volgorde(reg: Register, perceel: str, datum: dt.date) -> list[Fout]:
    """An indexatie dated before one already recorded for the lot is refused. Why: the later one reckons on the
    prices of its own day and named them (and its value) at its decision; an earlier one recorded after it would
    change both afterwards, and the stand would name prices no placement counts (evaluatie.contract.indexatie applies
    them in the order recorded)."""
    later = [
        d
        for (c, d, _, _), s in zip(reg.wijzigingen, reg.wijzigingsoorten, strict=True)
        if c == perceel and s == "indexatie" and d > datum
    ]
    if not later:
        return []
    dag = max(later).strftime("%d-%m-%Y")
    return [
        Fout(
            "--datum",
            f"op {dag} is al een indexatie van {reg.percelen[perceel].naam} vastgelegd, die rekent op de prijzen van "
            f"haar dag en die bij haar besluit noemde; een indexatie van {datum.strftime('%d-%m-%Y')} zou die prijzen "
            f"en haar waarde achteraf veranderen. Een indexatie gaat op of na {dag} in",
        )
    ]


def _geen_prijs(index: Indexatie) -> str:
    """Why an indexatie that leaves no price is refused: it changes the prices of what can still be called off."""
    dag = index.datum.strftime("%d-%m-%Y")
    if index.ruimte <= 0:
        waarom = (
            f"op {dag} kon in waarde niets meer worden afgeroepen (het maximum {euro(index.maximum)}, gebruikt "
            f"{euro(index.gebruikt)}): er is geen prijs meer om te indexeren"
        )
    else:
        waarom = (
            f"op {dag} kon nog {euro(index.ruimte)} worden afgeroepen (het maximum {euro(index.maximum)} min "
            f"{euro(index.gebruikt)} gebruikt); een verlaging van {euro(-index.waarde)} is niet kleiner dan dat en "
            "laat geen prijs over"
        )
    return f"een indexatie wijzigt de prijs van wat nog kan worden afgeroepen, en {waarom}"


def _waarde_van_trajecten(reg: Register, perceel: str, trajecten: int, waarde: float) -> list[Fout]:
    """Trajecten added to the maximum are placed at a contract price of the lot, so the change is worth at least
    their number times the lowest of those prices. Why: the de-minimis and 50% tests weigh --waarde; a lower one
    (EUR 1 for 100 trajecten, or a negative amount) passed a change worth far more than the limit."""
    goedkoopste = min(reg.leveranciers_van(perceel), key=lambda s: (s.prijs, s.rang), default=None)
    if goedkoopste is None or waarde >= (minimum := round(trajecten * goedkoopste.prijs, 2)):
        return []
    return [
        Fout(
            "--waarde",
            f"{trajecten} extra {'traject' if trajecten == 1 else 'trajecten'} tegen de laagste contractprijs in "
            f"{reg.percelen[perceel].naam} ({goedkoopste.naam}, {euro(goedkoopste.prijs)}) "
            f"{'is' if trajecten == 1 else 'zijn'} minstens {euro(minimum)} waard; deze wijziging "
            f"noemt {euro(waarde)}. De waarde van een wijziging is wat zij aan de raamovereenkomst toevoegt, en de "
            "toets van art. 2.163b-e Aw 2012 weegt die waarde; een wijziging die ook de prijs verlaagt, wordt als "
            "eigen wijziging vastgelegd",
        )
    ]


def _met_verlenging(t: Toetsing) -> Toetsing:
    """The test passed: a verlenging says what it does to the term (not before: a refused change does nothing)."""
    if t.verlenging is not None:
        t.uitleg += t.verlenging.uitleg
    return t


def leg_wijziging_vast(db: sqlite3.Connection, t: Toetsing, datum: dt.date, door: str, reden: str) -> int:
    db.execute("BEGIN")
    try:
        inhoud = {
            "perceel": t.perceel,
            "soort": t.soort,
            "waarde": t.waarde,
            "trajecten": t.trajecten,
            "grondslag": t.grondslag,
            "cumulatief_de_minimis": round(t.cumulatief, 2),
            "grens": t.grens,
        }
        if t.percentage is not None:  # as typed, exactly: it decides the prices (evaluatie.contract.indexatie)
            inhoud["percentage"] = format(t.percentage, "f")
        v = t.verlenging
        if t.tot is not None and v is not None:
            inhoud["tot_en_met"] = t.tot.isoformat()
            inhoud["looptijd_tot_en_met"] = v.einde_na.isoformat()
            if v.jaren:
                inhoud["toewijzing"] = {"contractjaren": v.jaren, "als_contractjaar": v.bron_jaar}
        b = leg_vast(db, "wijziging", datum, door, reden, inhoud)
        db.execute(
            "INSERT INTO wijziging (besluit_id, perceel, soort, grondslag, waarde, extra_trajecten) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (b, t.perceel, t.soort, t.grondslag, t.waarde, t.trajecten),
        )
        if t.percentage is not None:
            db.execute(
                "INSERT INTO indexatiepercentage (besluit_id, percentage) VALUES (?, ?)", (b, format(t.percentage, "f"))
            )
        if t.tot is not None and v is not None:
            db.execute(
                "INSERT INTO verlenging (besluit_id, perceel, tot_en_met) VALUES (?, ?, ?)",
                (b, t.perceel, t.tot.isoformat()),
            )
            schrijf_toewijzing(db, [(b, *rij) for rij in v.rijen])
        db.execute("COMMIT")
    except BaseException:
        terugdraaien(db)
        raise
    return b

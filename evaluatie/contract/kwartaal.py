"""The quarterly report per gemeente and for the region: printable A4 HTML and xlsx, in Dutch.

Why this shape: a gemeente wants to see at a glance whether its inburgeraars go where the award
said (allocation against actual, with a chart), how full the framework agreement is (use over time
against its maximum) and whether suppliers keep their promised waiting time. Every count of persons
is the one evaluatie.contract.openbaar publishes (no cell under 5 persons, and no figure that reveals
one against the other reports of the quarter or earlier quarters' reports); the report is dated at
the quarter's last day and lists the SHA-256 of the award and of every file with events up to that
day, so the same register gives byte-identical reports, also after later quarters are read in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from dateutil.relativedelta import relativedelta

from evaluatie.bestandsnamen import slug
from evaluatie.contract import svg
from evaluatie.contract.basis import geen_raamovereenkomst, toegewezen_bij_toelating
from evaluatie.contract.lezen import Register
from evaluatie.contract.onderdrukking import MINIMUM, ONDERDRUKT
from evaluatie.contract.openbaar import CONTROLE_GEMEENTEN, PRESTATIEVELDEN, UITVALVELD, Openbaar, Sleutel, bepaal
from evaluatie.contract.optie import looptijd_zin
from evaluatie.contract.publicatie import Cijfer, kwartaalnaam, plaats, vervangt_zin
from evaluatie.contract.stand import (
    RAAM_SIGNAAL,
    UITKOMST_NA_ROUTEWIJZIGING,
    Raamgebruik,
    Signaal,
    Stand,
    Standregel,
    aangesloten_zinnen,
    bereken_stand,
    decimalen,
    signalen,
    toegetreden_zinnen,
    uitgevallen_zinnen,
    wachttijd,
)
from evaluatie.contract.telling import geplaatst
from evaluatie.contract.verlenging import einde_in_jaar
from evaluatie.contract.xlsx import Cel, Euro, Fractie, schrijf_xlsx
from evaluatie.definitie.model import MODULES
from evaluatie.fouten import EvaluatieFout, Fout, InvoerFout
from evaluatie.rapport.html import isoleer_rtl, paginavoet
from evaluatie.tekst import datum, euro, getal

_KWARTAAL = re.compile(r"^(\d{4})-[KkQq]([1-4])$")


def kwartaal_grenzen(tekst: str) -> tuple[dt.date, dt.date]:
    m = _KWARTAAL.match(tekst.strip())
    if m is None:
        raise InvoerFout([Fout("--kwartaal", f"'{tekst}' is geen kwartaal; schrijf bijvoorbeeld 2023-K2")])
    jaar, k = int(m.group(1)), int(m.group(2))
    eerste = dt.date(jaar, 3 * k - 2, 1)
    return eerste, eerste + relativedelta(months=3) - dt.timedelta(days=1)


MAAND_KORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")  # chart axis


Bedrag = Euro  # a euro amount in a report table: 'EUR 1.234,56' in the HTML, the euro format in the xlsx


@dataclass
class Gemeenschappelijk:
    """What every report of the quarter shares (computed once for all gemeenten)."""

    kwartaal: str
    eerste: dt.date
    laatste: dt.date
    stand: Stand
    in_kwartaal: Counter[tuple[str, str, str]]
    raam_svg: str
    wacht_svg: str
    raam_rijen: list[list[Cel]]
    prestatie_rijen: list[list[Cel]]
    bronnen: list[list[Cel]]  # region: every source
    signalen: list[Signaal]
    regels_per_gemeente: dict[str, list[Standregel]]
    kwartaal_per_gemeente: dict[str, list[tuple[str, str, int]]]
    openbaar: Openbaar
    vervangt: str = ""  # the words of a report that replaces an earlier publication of its quarter
    # per supplier that dropped out of a lot by the quarter's end: (its name, the lot, the placements ended by that
    # drop-out as published) - evaluatie.contract.uitvaleinde, the count of the stand
    door_uitval: list[tuple[str, str, Cel]] = field(default_factory=list)


PRESTATIEKOP: list[Cel] = [
    "Route",
    "Aanbieder",
    "Beloofde wachttijd (weken)",
    "Gestart",
    "Gemiddelde wachttijd (weken)",
    "Langer dan beloofd",
    "Voortijdig gestopt",
    "Afgerond",
    "B1 behaald",
    "Hoogst haalbare niveau",
    "Niet behaald",
    "Route gewijzigd",
]
PERSONEN_PRESTATIE = (3, 5, 6, 7, 8, 9, 10, 11)
NVT = "n.v.t."
_LEERROUTEVELDEN = ("b1", "hoogst_haalbaar", "niet_behaald", "afgeschaald")
"""The outcomes of a learning route only: a module (PVT, MAP) has no exam and no change of route (contract
inlezen refuses both), so its cells say 'n.v.t.' - a count that can only be 0 would show as 'onderdrukt', read
as 'some passed'."""


def onderdrukking_uitleg(gecontroleerd: bool, gemeenten: int) -> str:
    """What the label of a withheld count means, and whether the exact check ran (`openbaar`, rule 5): the legend
    of every report (HTML and xlsx), the same words in both."""
    tekst = (
        f'Een aantal personen dat niet wordt getoond, staat er als "{ONDERDRUKT}": ieder aantal onder {MINIMUM} '
        "personen (ook 0), en ieder cijfer dat samen met de andere rapporten van dit en eerdere kwartalen zo'n "
        f'aantal zou verraden. "{ONDERDRUKT}" zegt dus niets over de grootte: het kan 0, 1 tot {MINIMUM - 1} of '
        f"{MINIMUM} of meer personen zijn. De aantallen geplaatst, het gebruik van de raamovereenkomst en de "
        "uitkomsten tellen plaatsingen (trajecten): een inburgeraar die na voortijdig stoppen of na de uitval van een "
        "aanbieder opnieuw is aangemeld, telt voor iedere plaatsing, zodat een totaal meer plaatsingen dan personen "
        f"kan tellen. Een aantal staat er alleen als het minstens {MINIMUM} verschillende personen telt, en het "
        "verschil tussen twee getoonde cijfers van dezelfde reeks (een eerder kwartaal, het contractjaar tegen dit "
        f"kwartaal, de maandlijn) is 0 of telt ook minstens {MINIMUM} verschillende personen."
    )
    if gecontroleerd:
        return (
            f"{tekst} Een exacte rekensom over alle gepubliceerde aantallen plaatsingen van ieder perceel samen (alle "
            "rapporten en kwartalen, de maandlijn) legt geen onderdrukt aantal op één waarde van 1 tot "
            f"{MINIMUM - 1} vast, en een groter onderdrukt aantal alleen als het de som of het verschil van getoonde "
            "cijfers is."
        )
    return (
        f"{tekst} De exacte rekensom over alle gepubliceerde aantallen plaatsingen samen, die nagaat dat geen "
        f"onderdrukt aantal op één waarde vastligt, is niet uitgevoerd: dit contract telt {gemeenten} gemeenten, de "
        f"controle loopt tot en met {CONTROLE_GEMEENTEN} gemeenten. Publiceer deze rapporten alleen binnen de "
        "samenwerking of na eigen controle."
    )


TOEGEWEZEN_UITLEG = (
    "Toegewezen aantallen zijn de verwachte aantallen per jaar uit de gunning, geen personen; naar rato staat per "
    "gemeente en aanbieder op één decimaal, en ieder totaal (ook dat van de regio) is de som van die cijfers."
)
"""The legend of the column 'toegewezen', in the HTML under the legend of the label and in the xlsx on Overzicht."""


def geen_examen(namen: Sequence[str]) -> str:
    """The note under the table of outcomes for the modules among its rows ('' without one)."""
    if not namen:
        return ""
    wie = " en ".join(namen)
    return (
        f"{wie} {'is een module' if len(namen) == 1 else 'zijn modules'}, geen leerroute: zonder examen en zonder "
        f"routewijziging; de kolommen van de examenuitslagen en 'Route gewijzigd' staan daar als '{NVT}'."
    )


def _na_routewijziging(reg: Register) -> str:
    """How the outcomes count after a route change, under the table of every report with a learning route: always,
    not only after a change, so the sentence does not say that a route changed (a count of persons)."""
    return UITKOMST_NA_ROUTEWIJZIGING if any(code not in MODULES for code in reg.percelen) else ""


RAAMKOP: list[Cel] = [
    "Route",
    "Maximum (trajecten)",
    "Gebruikt (trajecten)",
    "Maximumwaarde",
    "Gebruikte waarde",
    "Gebruik",
    "Uitgeput (bereikt op, of bij huidig tempo)",
]
PLAATSINGSKOP: list[Cel] = [
    "Route",
    "Aanbieder",
    "Toegewezen (contractjaar)",
    "Naar rato tot peildatum",
    "Geplaatst (contractjaar)",
    "Geplaatst dit kwartaal",
]
PERSONEN_PLAATSING = (4, 5)


def _toon(o: Openbaar, routewijziging: set[str]) -> Callable[[Sleutel, str], str]:
    """How a signal shows a figure: as the report's tables publish it (see `stand.signalen`). The framework use of a
    lot in `routewijziging` is withheld in the tables (see `_gemeenschappelijk`), so in the signal too."""

    def toon(sleutel: Sleutel, tekst: str) -> str:
        if sleutel[0] == "T" and sleutel[1] in routewijziging:
            return f"meer dan {getal(100 * RAAM_SIGNAAL, 0)}%" if sleutel[2] == "aandeel" else ONDERDRUKT
        if sleutel[0] == "W":  # people waiting now: not a cumulative series the guard against differences covers
            return ONDERDRUKT
        if sleutel[0] == "P" and sleutel[3] == "gemiddeld":
            return tekst if isinstance(o.cel((*sleutel[:3], "gestart")), int) else ONDERDRUKT
        if sleutel[0] == "T" and sleutel[2] in ("waarde", "aandeel"):
            if o.waarde_zichtbaar[sleutel[1]]:
                return tekst
            return f"meer dan {getal(100 * RAAM_SIGNAAL, 0)}%" if sleutel[2] == "aandeel" else ONDERDRUKT
        if sleutel[0] == "T" and sleutel[2] == "prognose":
            return tekst if isinstance(o.cel((*sleutel[:2], "raam")), int) else ONDERDRUKT
        return str(o.cel(sleutel))

    return toon


def _maximum_op(reg: Register, code: str, d: dt.date) -> int:
    """The lot's maximum in trajecten in force on `d`: a change raises it from its date on. Why: a month's point
    against a maximum raised later showed a month past its maximum under the line of 100%."""
    extra = sum(n for c, datum_, _, n in reg.wijzigingen if c == code and datum_ <= d)
    return (reg.percelen[code].raam_trajecten or 0) + extra


def _verhogingen(reg: Register, laatste: dt.date) -> str:
    """The sentence under the line when a change raised a maximum by `laatste`: each point is against the maximum of
    its month, so the line can drop where the maximum rose ('' without such a change)."""
    delen = []
    for code in reg.kaderpercelen:
        stappen = sorted({d for c, d, _, n in reg.wijzigingen if c == code and n and d <= laatste})
        for d in stappen:
            voor, na = _maximum_op(reg, code, d - dt.timedelta(days=1)), _maximum_op(reg, code, d)
            delen.append(f"{reg.percelen[code].naam}: van {voor} naar {na} trajecten op {d.strftime('%d-%m-%Y')}")
    if not delen:
        return ""
    return (
        "Ieder punt van de lijn is een percentage van het maximum zoals het aan het einde van die maand gold: een "
        f"contractwijziging verhoogt het maximum vanaf haar datum ({'; '.join(delen)})."
    )


def _uitgeput(r: Raamgebruik) -> str:
    """The exhaustion date as a cell: the day the maximum was reached, or the forecast at the current pace."""
    assert r.prognose is not None
    datum = r.prognose.strftime("%d-%m-%Y")
    if r.na_looptijd:
        return f"bij dit tempo {r.niet_uitgeput_tekst()}"
    return f"bereikt op {datum}" if r.uitgeput else f"bij dit tempo {datum}"


def _indexaties(reg: Register, c: Gemeenschappelijk) -> list[str]:
    """A sentence per indexatie by the quarter's end, as the stand says it (the room, the factor on the prices); where
    the value is withheld, without the figures of the room, which would show the placements before its day."""
    uit = []
    for r in c.stand.raam:
        # as the table shows the value (_gemeenschappelijk): its count shown, no route change, the value not withheld
        getoond = (
            c.openbaar.waarde_zichtbaar[r.perceel]
            and isinstance(c.openbaar.cel(("T", r.perceel, "raam")), int)
            and not r.na_routewijziging
        )
        uit += [f"{reg.percelen[r.perceel].naam}: {x.zin() if getoond else x.kort()}" for x in r.indexaties]
    return uit


def _routewijziging(reg: Register, c: Gemeenschappelijk) -> str:
    """Why the use of a framework with trajectories that came in by a route change is withheld; '' without one."""
    namen = [reg.percelen[r.perceel].naam for r in c.stand.raam if r.na_routewijziging]
    if not namen:
        return ""
    from evaluatie.gemeentenamen import opsomming

    return (
        f"In de raamovereenkomst {opsomming(namen, 'en')} telt ook ieder traject dat na een routewijziging in die "
        "route verdergaat, als nieuwe afroep vanaf de dag van de wijziging. Het gebruik min de plaatsingen in de tabel "
        "zou het aantal routewijzigingen geven, een aantal personen: daarom staan het gebruik, de waarde, het "
        f'percentage en de lijn vanaf de eerste routewijziging er als "{ONDERDRUKT}"; evaluatie contract stand toont '
        "ze volledig."
    )


def _einde_looptijd(c: Gemeenschappelijk) -> str:
    """What a report of the last quarter of the term says of its end: the term ends before the calendar quarter."""
    kwartaaleinde = kwartaal_grenzen(c.kwartaal)[1]
    if c.laatste == kwartaaleinde:
        return ""
    return (
        f", het einde van de looptijd van het contract (het kalenderkwartaal loopt tot en met {datum(kwartaaleinde)})"
    )


def _contractjaar(reg: Register, c: Gemeenschappelijk) -> str:
    """'contractjaar 2, van 1 januari 2023, 49,6% verstreken'; a contract year a verlenging ends inside says so (the
    allocation in the table is per year, as its legend says, counted pro rata of the year)."""
    st = c.stand
    verstreken = f"{getal(100 * st.fractie, 1)}% verstreken"
    einde = einde_in_jaar(reg, c.laatste, st.jaar_eind)
    if einde is None:
        return f"contractjaar {st.jaar}, van {datum(st.jaar_begin)}, {verstreken}"
    return (
        f"contractjaar {st.jaar}, van {datum(st.jaar_begin)} tot en met {datum(einde)}, het einde van de looptijd: een "
        f"deel van een jaar; {verstreken} van het jaar"
    )


def _gemeenschappelijk(reg: Register, kwartaal: str, eerste: dt.date, laatste: dt.date) -> Gemeenschappelijk:
    st = bereken_stand(reg, laatste)
    o = bepaal(reg, laatste)
    in_kw = geplaatst(reg, max(eerste, reg.startdatum), laatste)
    raam_rijen: list[list[Cel]] = []
    # a lot with trajectories that came in by a route change: its use is not the guarded series of registrations
    # (evaluatie.contract.openbaar), and use minus the table's total would give the number of route changes, a count
    # of persons: withheld, as is every point of its line from the first route change
    routewijziging = {r.perceel for r in st.raam if r.na_routewijziging}
    for r in st.raam:
        gebruikt = ONDERDRUKT if r.perceel in routewijziging else o.cel(("T", r.perceel, "raam"))
        if isinstance(gebruikt, int) and gebruikt != r.gebruikt:
            raise EvaluatieFout([f"twee tellingen van het gebruik van {r.perceel}: {gebruikt} en {r.gebruikt}"])
        zichtbaar = isinstance(gebruikt, int)
        waarde = o.waarde_zichtbaar[r.perceel] and zichtbaar
        raam_rijen.append(
            [
                reg.percelen[r.perceel].naam,
                r.max_trajecten,
                gebruikt,
                Bedrag(r.max_waarde),
                Bedrag(round(r.gebruikte_waarde, 2)) if waarde else ONDERDRUKT,
                Fractie(r.aandeel) if waarde else ONDERDRUKT,
                _uitgeput(r) if r.prognose and zichtbaar else ("-" if zichtbaar else ONDERDRUKT),
            ]
        )
    prestatie_rijen: list[list[Cel]] = []
    wacht: list[tuple[str, Sequence[float | str]]] = []
    for pr in st.prestaties:
        n = len(pr.wachttijden)
        gem = pr.gemiddeld
        cel = {v: o.cel(("P", pr.perceel, pr.leverancier, v)) for v in PRESTATIEVELDEN}
        gestart = cel["gestart"]
        volgens_stand = (n, pr.boven_belofte, pr.gestopt, pr.afgerond, pr.b1, pr.hoogst_haalbaar, pr.niet_behaald)
        for veld, v in zip(PRESTATIEVELDEN, (*volgens_stand, pr.afgeschaald), strict=True):
            if isinstance(cel[veld], int) and cel[veld] != v:  # one definition of every outcome, or an error
                raise EvaluatieFout([f"twee tellingen van {veld} bij {pr.leverancier}: {cel[veld]} en {v}"])
        zichtbaar_gem = gem is not None and isinstance(gestart, int)  # an average over the persons counted
        # a withheld average is 'onderdrukt', like every withheld figure. A number (one decimal),
        # except an average just above the promise, which needs more decimals to read as above it ('4,03' against 4:
        # stand.decimalen), and is then the text the stand and the signal show
        gemiddeld: Cel = (
            ONDERDRUKT
            if not zichtbaar_gem or gem is None
            else round(gem, 1)
            if (decimalen(gem, pr.beloofd_weken) or 3) == 1
            else wachttijd(gem, pr.beloofd_weken)
        )
        prestatie_rijen.append(
            [
                reg.percelen[pr.perceel].naam,
                pr.leverancier,
                pr.beloofd_weken,
                gestart,
                gemiddeld,
                *(NVT if pr.perceel in MODULES and v in _LEERROUTEVELDEN else cel[v] for v in PRESTATIEVELDEN[1:]),
            ]
        )
        gemeten: float | str = (
            round(gem, decimalen(gem, pr.beloofd_weken) or 3) if zichtbaar_gem and gem is not None else ONDERDRUKT
        )
        wacht.append((f"{pr.leverancier} ({pr.perceel})", [float(pr.beloofd_weken), gemeten]))
    door_uitval: list[tuple[str, str, Cel]] = []
    for pr in st.prestaties:
        if any(u <= laatste for u in reg.uitvallen.get((pr.perceel, pr.leverancier), [])):
            cel_uitval = o.cel(("P", pr.perceel, pr.leverancier, UITVALVELD))
            if isinstance(cel_uitval, int) and cel_uitval != pr.beeindigd_door_uitval:  # one definition, or an error
                raise EvaluatieFout(
                    [
                        f"twee tellingen van {UITVALVELD} bij {pr.leverancier}: {cel_uitval} en "
                        f"{pr.beeindigd_door_uitval}"
                    ]
                )
            door_uitval.append((pr.leverancier, reg.percelen[pr.perceel].naam, cel_uitval))
    maandlabels = [f"{MAAND_KORT[d.month - 1]} {d.year}" for d, _ in next(iter(o.maanden.values()), [])]
    reeksen = [
        (
            reg.percelen[r.perceel].naam,
            [
                100 * v / maximum
                if v is not None
                and (maximum := _maximum_op(reg, r.perceel, d))
                and (r.eerste_routewijziging is None or d < r.eerste_routewijziging)
                else None
                for d, v in o.maanden[r.perceel]
            ],
        )
        for r in st.raam
    ]
    raam_svg = svg.lijnen(
        "Gebruik van de raamovereenkomsten (% van het maximum, cumulatief)",
        maandlabels,
        reeksen,
        grens=svg.Grens(
            100 * RAAM_SIGNAAL,
            f"signaal boven {getal(100 * RAAM_SIGNAAL, 0)}%",
            f"signaal boven {getal(100 * RAAM_SIGNAAL, 0)}% van het maximum",
        ),
    )
    wacht_svg = svg.staven(
        "Wachttijd aanmelding tot start (weken): belofte en gemeten",
        wacht,
        ("beloofd in de inschrijving", "gemeten gemiddelde"),
    )
    bronnen: list[list[Cel]] = [["Bron", "SHA-256"], ["rapporten/gunning.json (de gunning)", reg.gunning_sha256]]
    bronnen += [
        [f"aanlevering {b}", s] for b, s in reg.inlezingen if s in reg.bron_vanaf and reg.bron_vanaf[s] <= laatste
    ]
    per_gemeente: dict[str, list[Standregel]] = {}
    for x in st.regels:
        per_gemeente.setdefault(x.gemeente, []).append(x)
    kw: dict[str, list[tuple[str, str, int]]] = {}
    for (g, cp, lev), aantal in in_kw.items():
        kw.setdefault(g, []).append((cp, lev, aantal))
    return Gemeenschappelijk(
        kwartaal,
        eerste,
        laatste,
        st,
        in_kw,
        raam_svg,
        wacht_svg,
        raam_rijen,
        prestatie_rijen,
        bronnen,
        signalen(reg, st, _toon(o, routewijziging)),
        per_gemeente,
        kw,
        o,
        door_uitval=door_uitval,
    )


def _per_leverancier(c: Gemeenschappelijk, gemeente: str | None, code: str) -> dict[str, list[float]]:
    """Per supplier of lot `code`: [allocated, pro rata, placed this contract year, placed this quarter],
    for one gemeente or (None) the region: exactly the rows that gemeente's (or the region's) report shows."""
    per_lev: dict[str, list[float]] = {}
    for x in c.stand.regels if gemeente is None else c.regels_per_gemeente.get(gemeente, []):
        if x.perceel == code:
            t = per_lev.setdefault(x.leverancier, [0.0, 0.0, 0.0, 0.0])
            t[0] += x.toegewezen
            t[1] += round(x.pro_rata, 1)  # as a gemeente's report shows it: every total is the sum of what is shown
            t[2] += x.geplaatst
    kwartaal = (
        [(cp, lev, n) for (_, cp, lev), n in c.in_kwartaal.items()]
        if gemeente is None
        else c.kwartaal_per_gemeente.get(gemeente, [])
    )
    for cp, lev, aantal in kwartaal:
        if cp == code:
            per_lev.setdefault(lev, [0.0, 0.0, 0.0, 0.0])[3] += aantal
    return per_lev


def _plaatsingsrijen(
    reg: Register, c: Gemeenschappelijk, o: Openbaar, gemeente: str | None
) -> tuple[list[list[Cel]], str]:
    """Rows allocation vs actual for one gemeente (or the region) and the chart.

    Every count of persons is the one `openbaar` publishes for this quarter: 'onderdrukt' under 5, and
    also when it would give a small cell away, in this table, against the other reports of the quarter
    (the region's rows are sums of the gemeenten's) or against earlier quarters' reports."""
    rijen: list[list[Cel]] = []
    grafiek: list[tuple[str, Sequence[float | str]]] = []
    for code, p in reg.percelen.items():
        per_lev = _per_leverancier(c, gemeente, code)
        if not per_lev:
            continue
        for s, (a, pr, n, k) in per_lev.items():
            sleutel: Sleutel = ("R", code, s) if gemeente is None else ("E", gemeente, code, s)
            jaar, kw = o.cel((*sleutel, "jaar")), o.cel((*sleutel, "kwartaal"))
            if (isinstance(jaar, int) and jaar != n) or (isinstance(kw, int) and kw != k):
                raise EvaluatieFout([f"twee tellingen van de plaatsingen bij {s} ({code}): {jaar}/{n}, {kw}/{k}"])
            rijen.append([p.naam, s, int(a), round(pr, 1), jaar, kw])
            grafiek.append((f"{s} ({code})", [round(pr, 1), jaar if isinstance(jaar, int) else str(jaar)]))
        totaal: Sleutel = ("T", code) if gemeente is None else ("G", gemeente, code)
        for k, naam in ((2, "jaar"), (3, "kwartaal")):
            som, cel = int(sum(v[k] for v in per_lev.values())), o.cel((*totaal, naam))
            if isinstance(cel, int) and cel != som:
                raise EvaluatieFout([f"twee tellingen van het totaal van {code}: {cel} en {som}"])
        rijen.append(
            [
                p.naam,
                "Totaal",
                int(sum(v[0] for v in per_lev.values())),
                round(sum(v[1] for v in per_lev.values()), 1),  # the sum of the rows above (float noise removed)
                o.cel((*totaal, "jaar")),
                o.cel((*totaal, "kwartaal")),
            ]
        )
    kop = "de regio" if gemeente is None else gemeente
    return rijen, svg.staven(f"Toegewezen naar rato en geplaatst, {kop}", grafiek, ("naar rato", "geplaatst"))


# a word wider than a column can be ('Participatieverklaringstraject' in the eight columns of outcomes) may break in its
# text cell (class 'lang') instead of pushing the table past the margin, where print cuts it off; a shorter word
# ('Onderwijsroute') and a figure never break
LANG_WOORD = 16
_CSS = """
@page { size: A4; margin: 15mm; }
body { font-family: Arial, sans-serif; font-size: 10pt; color: #111; max-width: 180mm; margin: auto; }
h1 { font-size: 16pt; margin-bottom: 2pt; } h2 { font-size: 12pt; margin-top: 14pt; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; break-inside: avoid; }
th, td { border: 1px solid #bbb; padding: 2pt 3pt; text-align: left; vertical-align: top; font-size: 9pt; }
td.n, th.n { text-align: right; } th { background: #1f4e79; color: #fff; }
td.lang { overflow-wrap: anywhere; }
.figuur { break-inside: avoid; margin: 6pt 0; } .klein { color: #555; font-size: 8.5pt; }
td.sha { font-family: monospace; font-size: 7.5pt; word-break: break-all; }
.signaal { border-left: 3px solid #b00; padding-left: 6pt; margin: 3pt 0; }
"""


def _tabel(kop: Sequence[Cel], rijen: Sequence[Sequence[Cel]], personen_kolommen: Sequence[int] = ()) -> str:
    """A report table. A column with a number in some row is right-aligned whole, header included: its
    'onderdrukt' stands where the figure would (a column that zigzags between left and right reads
    as two kinds of value)."""
    getallen = set(personen_kolommen) | {
        j for rij in rijen for j, v in enumerate(rij) if isinstance(v, (int, float)) and not isinstance(v, bool)
    }
    h = "".join(
        f'<th class="n">{escape(str(k))}</th>' if j in getallen else f"<th>{escape(str(k))}</th>"
        for j, k in enumerate(kop)
    )
    regels = []
    for rij in rijen:
        cellen = []
        for j, v in enumerate(rij):
            klasse = "n" if j in getallen else ""
            if j in personen_kolommen:
                klasse += " personen"
            if isinstance(v, Bedrag):
                tekst = euro(v)
            elif isinstance(v, Fractie):
                tekst = f"{getal(100 * v, 1)}%"
            elif isinstance(v, float):
                tekst = getal(v, 1)
            elif isinstance(v, int) and not isinstance(v, bool):
                tekst = getal(v, 0)
            else:
                tekst = str(v)
            if j not in getallen and any(len(w) > LANG_WOORD for w in tekst.split()):
                klasse += " lang"
            cellen.append(f'<td class="{klasse.strip()}">{escape(tekst)}</td>')
        regels.append("<tr>" + "".join(cellen) + "</tr>")
    return f"<table><thead><tr>{h}</tr></thead><tbody>{''.join(regels)}</tbody></table>"


def _open_house_zinnen(reg: Register, peildatum: dt.date) -> list[str]:
    """Per open-house lot, region-wide: it has no framework agreement, and while no supplier is admitted (none at the
    award and none joined by peildatum) it has no row in any table, so the line says the route has no supplier."""
    uit = []
    for code, p in reg.percelen.items():
        if not p.toelating:
            continue
        zin = geen_raamovereenkomst(p.naam)
        if not any(reg.toegetreden.get((code, s.naam), peildatum) <= peildatum for s in reg.leveranciers_van(code)):
            zin += (
                "; nog geen toegelaten aanbieder, dus in de hele regio geen toewijzing of plaatsingen op deze route "
                "(een aanbieder die aan de voorwaarden voldoet, kan toetreden)"
            )
        uit.append(zin + ".")
    return uit


def _toelating_in(reg: Register, rijen: Sequence[Sequence[Cel]]) -> list[str]:
    """The open-house lots among the rows of a report's table of placements, in the register's order: the legend
    of 'toegewezen' explains those rows, and a gemeente that does not join an open house has none of it."""
    routes = {r[0] for r in rijen}
    return [p.naam for p in reg.percelen.values() if p.toelating and p.naam in routes]


def _modules(reg: Register, c: Gemeenschappelijk) -> list[str]:
    """The names of the modules among the rows of the table of outcomes, in their order there."""
    namen = {reg.percelen[code].naam for code in MODULES if code in reg.percelen}
    return list(dict.fromkeys(str(r[0]) for r in c.prestatie_rijen if r[0] in namen))


AFWIJKING_UITLEG = (
    "Een signaal dat een gemeente afwijkt van de verdeling staat hier alleen bij een getoond aantal geplaatst: bij "
    "een onderdrukt aantal zou het signaal zelf zeggen in welk bereik het ligt."
)
"""Said in every report, whether or not a signal was left out: said only then, it would tell that one was."""


def _signalen(c: Gemeenschappelijk, gemeente: str | None) -> list[tuple[str, str]]:
    """(text, whom it concerns) for every signal of the report: a signal about one gemeente's allocation names it;
    one about a supplier or a framework agreement concerns the whole region, also in a gemeente's report."""
    return [
        (s.tekst, s.gemeente or "hele regio") for s in c.signalen if gemeente is None or s.gemeente in (None, gemeente)
    ]


def _signalen_html(c: Gemeenschappelijk, gemeente: str | None) -> list[str]:
    """The section Signalen. In a gemeente's report the regional ones stand apart under '(hele regio)', as the
    tables of the region do: unmarked, a gemeente read a supplier's figures for the region as its own."""
    sig = _signalen(c, gemeente)
    if not sig:
        return ["<p>Geen signalen.</p>"]
    if gemeente is None:
        return [f'<p class="signaal">{escape(t)}</p>' for t, _ in sig]
    eigen = [f'<p class="signaal">{escape(t)}</p>' for t, wie in sig if wie == gemeente]
    regio = [f'<p class="signaal">{escape(t)}</p>' for t, wie in sig if wie != gemeente]
    uit = eigen or [f"<p>Geen signalen over {escape(gemeente)}.</p>"]
    if regio:
        uit += ["<h3>Aanbieders en raamovereenkomsten (hele regio)</h3>", *regio]
    return uit


def _bronnen(reg: Register, c: Gemeenschappelijk, gemeente: str | None) -> list[list[Cel]]:
    """The award and the files read into the register; a gemeente's report lists the files holding its rows."""
    if gemeente is None:
        return c.bronnen
    eigen = reg.bronnen_per_gemeente.get(gemeente, set())
    return c.bronnen[:2] + [r for r in c.bronnen[2:] if r[1] in eigen]


def _uitkomsten_periode(reg: Register) -> str:
    """Over which period and in which sense the suppliers' table counts. Why: next to the placements' columns
    'contractjaar' and 'dit kwartaal', a 'Gestart' without a period reads as the quarter's, while it counts every
    client since the start (evaluatie.contract.stand.bereken_stand)."""
    return (
        "Wachttijd en uitkomsten tellen alle inburgeraars sinds de start van het contract "
        f"({datum(reg.startdatum)}) tot en met de peildatum, niet alleen die van dit kwartaal of dit contractjaar. "
        "Gestart: wie tot en met de peildatum bij de aanbieder is gestart; de wachttijd is de tijd van aanmelding (of "
        "routewijziging naar de aanbieder) tot start, in weken (dagen gedeeld door 7); langer dan beloofd: de "
        "gestarten bij wie die tijd langer was dan de beloofde wachttijd uit de inschrijving; voortijdig gestopt, "
        "afgerond en de examenuitslagen: tot en met de peildatum."
    )


def _door_uitval(c: Gemeenschappelijk) -> str:
    """'Beëindigd door uitval ...: Beta (Z-route) onderdrukt. ...' for the suppliers that dropped out by the peildatum,
    or ''. Why: the stand counts a placement ended by its supplier's drop-out (the client went on with another supplier
    in the lot); without it here the table kept that client started and not ended at the supplier that dropped out,
    next to a stand that says the placement ended. Not a column: a contract without a drop-out reports as before."""
    if not c.door_uitval:
        return ""
    return (
        "Beëindigd door uitval (tot en met de peildatum): "
        + "; ".join(f"{naam} ({perceel}) {cel}" for naam, perceel, cel in c.door_uitval)
        + ". Een plaatsing bij een aanbieder die is uitgevallen, van een inburgeraar die daarna in dat perceel bij een "
        "andere aanbieder is aangemeld, eindigt op de dag van de uitval; zij telt niet bij voortijdig gestopt of "
        "afgerond, en de inburgeraar loopt niet meer bij de uitgevallen aanbieder."
    )


def geen_toewijzing(gemeente: str | None) -> str:
    """The quarterly report of a gemeente (or the region) without any row of allocation or placements: every lot it
    joined has no contract (not awarded, or an open house that admitted nobody; the lines beside it say which)."""
    wie = "De regio" if gemeente is None else f"Gemeente {gemeente}"
    return f"{wie} heeft in dit contract geen toewijzing en geen plaatsingen."


def _html(reg: Register, c: Gemeenschappelijk, gemeente: str | None, rijen: list[list[Cel]], grafiek: str) -> str:
    wie = "Regio" if gemeente is None else f"Gemeente {gemeente}"
    bronnen = _bronnen(reg, c, gemeente)
    delen = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>Kwartaalrapportage {escape(c.kwartaal)} - {escape(wie)}</title>"
        f"<style>{_CSS}{paginavoet(f'Kwartaalrapportage {c.kwartaal} - {wie}')}</style></head><body>",
        f"<h1>Kwartaalrapportage contract inburgering {escape(c.kwartaal)}</h1>",
        f"<p><strong>{escape(wie)}</strong> - {escape(reg.aanbesteding)}<br>Kwartaal {datum(c.eerste)} tot en met "
        f"{datum(c.laatste)}{_einde_looptijd(c)}; peildatum {datum(c.laatste)} ({_contractjaar(reg, c)}). Alle "
        "cijfers gelden per de peildatum, "
        "uit het contractregister, met de aanleveringen die gebeurtenissen tot en met de peildatum bevatten (zie "
        "Bronnen); gebeurtenissen na de peildatum tellen niet mee.</p>",
        f"<p>{escape(looptijd_zin(reg, c.laatste))}.</p>",
        *([f"<p><strong>{escape(c.vervangt)}</strong></p>"] if c.vervangt else []),
        f'<p class="klein">{escape(onderdrukking_uitleg(c.openbaar.gecontroleerd, len(reg.gemeenten)))} '
        f"{escape(TOEGEWEZEN_UITLEG)}</p>",
        "<h2>Toewijzing en plaatsingen</h2>",
        # no row (the gemeente joined only lots without a contract): a sentence, not a header over nothing
        _tabel(PLAATSINGSKOP, rijen, PERSONEN_PLAATSING) if rijen else f"<p>{escape(geen_toewijzing(gemeente))}</p>",
        *(f"<p>{escape(z)}</p>" for z in [toegewezen_bij_toelating(_toelating_in(reg, rijen))] if z),
        *(f"<p>{escape(z)}</p>" for z in toegetreden_zinnen(reg, c.laatste) + uitgevallen_zinnen(reg, c.laatste)),
        *(f"<p>{escape(z)}</p>" for z in aangesloten_zinnen(reg, c.laatste)),
        *(f"<p>{escape(z)}</p>" for z in reg.niet_gegund_regels(gemeente)),
        *([f'<div class="figuur">{grafiek}</div>'] if rijen else []),
        "<h2>Raamovereenkomsten (hele regio)</h2>",
        *([_tabel(RAAMKOP, c.raam_rijen, (2,))] if c.raam_rijen else []),
        *(f"<p>{escape(z)}</p>" for z in _open_house_zinnen(reg, c.laatste)),
        *([f'<div class="figuur">{c.raam_svg}</div>'] if c.raam_rijen else []),
        *(f'<p class="klein">{escape(z)}</p>' for z in _indexaties(reg, c)),
        *(f'<p class="klein">{escape(z)}</p>' for z in [_routewijziging(reg, c), _verhogingen(reg, c.laatste)] if z),
        *(
            [f'<p class="klein">Een gat in een lijn is een maand waarvan het cijfer "{ONDERDRUKT}" is.</p>']
            if any(v is None for r in c.stand.raam for _, v in c.openbaar.maanden[r.perceel])
            or any(r.na_routewijziging for r in c.stand.raam)
            else []
        ),
        "<h2>Aanbieders: wachttijd en uitkomsten (hele regio)</h2>",
        f'<p class="klein">{escape(_uitkomsten_periode(reg))}</p>',
        _tabel(PRESTATIEKOP[:6], [r[:6] for r in c.prestatie_rijen], PERSONEN_PRESTATIE[:2]),
        _tabel(PRESTATIEKOP[:2] + PRESTATIEKOP[6:], [r[:2] + r[6:] for r in c.prestatie_rijen], (2, 3, 4, 5, 6, 7)),
        *(f'<p class="klein">{escape(z)}</p>' for z in [geen_examen(_modules(reg, c))] if z),
        *(f'<p class="klein">{escape(z)}</p>' for z in [_door_uitval(c)] if z),
        *(f'<p class="klein">{escape(z)}</p>' for z in [_na_routewijziging(reg)] if z),
        f'<div class="figuur">{c.wacht_svg}</div>',
        "<h2>Signalen</h2>",
        f'<p class="klein">{escape(AFWIJKING_UITLEG)}</p>',
    ]
    delen += _signalen_html(c, gemeente)
    bron = "".join(f'<tr><td>{escape(str(b))}</td><td class="sha">{escape(str(h))}</td></tr>' for b, h in bronnen[1:])
    delen += [
        "<h2>Bronnen</h2>",
        f"<table><thead><tr><th>Bron</th><th>SHA-256</th></tr></thead><tbody>{bron}</tbody></table>",
        "</body></html>",
    ]
    return isoleer_rtl("\n".join(delen) + "\n")  # a supplier's name in Arabic or Hebrew keeps the sentence's order


def _xlsx(pad: Path, reg: Register, c: Gemeenschappelijk, gemeente: str | None, rijen: list[list[Cel]]) -> None:
    kop: list[list[Cel]] = [
        ["Kwartaalrapportage", c.kwartaal],
        ["Gemeente", gemeente or "regio"],
        ["Aanbesteding", reg.aanbesteding],
        ["Peildatum", datum(c.laatste)],
        ["Contractjaar", c.stand.jaar],
    ]
    if einde_in_jaar(reg, c.laatste, c.stand.jaar_eind) is not None:
        # a verlenging ends inside the year: the HTML's heading says so, and 'Toegewezen (contractjaar)' is per year
        kop.append(["Deel van een jaar", _contractjaar(reg, c)])
    kop += [
        ["Looptijd", looptijd_zin(reg, c.laatste).removeprefix("Looptijd: ")],
        ["Onderdrukking", onderdrukking_uitleg(c.openbaar.gecontroleerd, len(reg.gemeenten))],
    ]
    if c.vervangt:
        kop.append(["Vervangt", c.vervangt])
    if gemeente is not None:  # the HTML heads these '(hele regio)'; a tab name alone read as the gemeente's own
        kop.append(
            [
                "Hele regio",
                "De tabbladen Raamovereenkomsten en Aanbieders gelden voor de hele regio, niet alleen voor "
                f"{gemeente}; Plaatsingen en Bronnen gelden voor {gemeente}; op het tabblad Signalen zegt de kolom "
                f"Geldt voor of een signaal {gemeente} of de hele regio betreft.",
            ]
        )
    toelating = [p.naam for p in reg.percelen.values() if p.toelating]
    legenda = toegewezen_bij_toelating(_toelating_in(reg, rijen))
    kop.append(["Toegewezen", " ".join(z for z in (TOEGEWEZEN_UITLEG, legenda) if z)])
    if not rijen:  # the tab Plaatsingen has its header only
        kop.append(["Plaatsingen", geen_toewijzing(gemeente)])
    kop.append(["Aanbieders", _uitkomsten_periode(reg)])
    if toelating:  # the HTML says it under the table; the tab Raamovereenkomsten has no row for such a lot
        kop.append(["Open house", " ".join(_open_house_zinnen(reg, c.laatste))])
    kop += [["Niet gegund", z] for z in reg.niet_gegund_regels(gemeente)]
    modules = geen_examen(_modules(reg, c))
    if modules:
        kop.append(["Modules", modules])
    if door_uitval := _door_uitval(c):
        kop.append(["Beëindigd door uitval", door_uitval])
    if _na_routewijziging(reg):
        kop.append(["Uitkomsten", _na_routewijziging(reg)])
    toegetreden = toegetreden_zinnen(reg, c.laatste)
    if toegetreden:
        kop.append(["Later toegetreden", " ".join(toegetreden)])
    if aangesloten := aangesloten_zinnen(reg, c.laatste):  # contract aansluiting: gemeenten that joined later
        kop.append(["Later aangesloten", " ".join(aangesloten)])
    uitgevallen = uitgevallen_zinnen(reg, c.laatste)
    if uitgevallen:
        kop.append(["Uitgevallen", " ".join(uitgevallen)])
    if indexaties := _indexaties(reg, c):
        kop.append(["Indexaties", " ".join(indexaties)])
    routewijziging = _routewijziging(reg, c)
    if routewijziging:
        kop.append(["Routewijzigingen", routewijziging])
    kop.append(["Signalen", AFWIJKING_UITLEG])
    schrijf_xlsx(
        pad,
        [
            ("Overzicht", kop),
            ("Plaatsingen", [PLAATSINGSKOP, *rijen]),
            ("Raamovereenkomsten", [RAAMKOP, *c.raam_rijen]),
            ("Aanbieders", [PRESTATIEKOP, *c.prestatie_rijen]),
            ("Signalen", [["Signaal", "Geldt voor"], *[[t, wie] for t, wie in _signalen(c, gemeente)]]),
            ("Bronnen", _bronnen(reg, c, gemeente)),
        ],
    )


def _bewaar_vorige(map_: Path, volgnummer: int) -> None:
    """A new publication replaces the reports of the quarter in `map_`: what was published before stays, as
    `map_`-publicatie-N next to it (in the dossier too). One kept before is never overwritten."""
    import shutil

    from evaluatie.schrijfwacht import bewaakt, tijdelijke_naam

    doel = map_.parent / f"{map_.name}-publicatie-{volgnummer}"
    if map_.is_dir() and not doel.exists():
        tijdelijk = tijdelijke_naam(doel, "nieuw")  # whole or not at all: a full disk leaves no half copy
        with bewaakt(doel):
            try:
                shutil.copytree(map_, tijdelijk)
                tijdelijk.rename(doel)
            finally:
                shutil.rmtree(tijdelijk, ignore_errors=True)


def schrijf_kwartaalrapporten(
    reg: Register,
    kwartaal: str,
    eerste: dt.date,
    laatste: dt.date,
    map_: Path,
    vandaag: dt.date | None = None,
    leg_vast: Callable[[list[Cijfer]], None] | None = None,
) -> list[Path]:
    """Reports for the region and every gemeente; written into a fresh folder that replaces `map_` whole.
    `vandaag` (the run date): a quarter not over by then is refused - its report would be dated in the future and
    change with the rest of the quarter's data, which a published report never does. `leg_vast` records what the
    reports publish (evaluatie.contract.publicatie) before they are written: a report that was written is recorded."""
    from evaluatie.schrijfwacht import atomaire_map as atomair

    if laatste < reg.startdatum:
        raise InvoerFout([Fout("--kwartaal", f"{kwartaal} ligt voor de start van het contract")])
    einde = reg.laatste_dag()
    if eerste <= einde < laatste:
        # the last quarter of a term that ends inside it: its report is dated on the last day of the term, after
        # which no event can be read in (a report as final as that of a quarter that is over)
        laatste = einde
    reg.binnen_looptijd(laatste, "--kwartaal", datum=False)  # a quarter wholly after the term
    if vandaag is not None and laatste > vandaag:
        raise InvoerFout(
            [
                Fout(
                    "--kwartaal",
                    f"{kwartaal} is nog niet voorbij (tot en met {laatste.strftime('%d-%m-%Y')}, vandaag is "
                    f"{vandaag.strftime('%d-%m-%Y')}): een kwartaalrapportage is gedateerd op de laatste dag van het "
                    "kwartaal en verandert niet meer; 'evaluatie contract stand' geeft de cijfers van vandaag",
                )
            ]
        )
    reg = reg.aangesloten_op(laatste)  # a gemeente that joined later has no report for a quarter before it joined
    c = _gemeenschappelijk(reg, kwartaal, eerste, laatste)
    nummer, vorige = plaats(reg.publicaties, kwartaalnaam(eerste), c.openbaar.gepubliceerd)
    c.vervangt = vervangt_zin(vorige)
    if leg_vast is not None:
        leg_vast(c.openbaar.gepubliceerd)
    if vorige is not None and nummer > vorige.volgnummer:
        _bewaar_vorige(map_, vorige.volgnummer)
    paden: list[Path] = []
    with atomair(map_) as tmp:
        for gemeente in [None, *reg.gemeenten]:
            naam = "regio" if gemeente is None else f"gemeente-{slug(gemeente)}"
            rijen, grafiek = _plaatsingsrijen(reg, c, c.openbaar, gemeente)
            (tmp / f"{naam}.html").write_text(_html(reg, c, gemeente, rijen, grafiek), encoding="utf-8")
            _xlsx(tmp / f"{naam}.xlsx", reg, c, gemeente, rijen)
            paden += [map_ / f"{naam}.html", map_ / f"{naam}.xlsx"]
    return paden

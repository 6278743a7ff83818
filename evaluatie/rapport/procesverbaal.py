"""Proces-verbaal of the assessment, as a section of the formal advies.

Every sentence is derived from what was read: the signing date and the declaration of each
reviewer form, the two-envelope check of every cell against the bid prices, the consensus
workbook and its meeting date, and the rows that were decided without a consensus motivation.
Reviewers are named 'Beoordelaar A, B, C' (order of `beoordelaars`); names stay internal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from evaluatie.beoordeling.aanduiding import aanduidingen
from evaluatie.beoordeling.model import Beoordelingsformulier, Consensus, Paneluitslag, Rijscore
from evaluatie.definitie.model import Aanbesteding
from evaluatie.rapport.html import e, tabel
from evaluatie.tekst import datum as datum_tekst
from evaluatie.tekst import getal

MAX_OPSOMMING = 20  # bidders listed one by one under rows decided without a consensus motivation
_SAMENVOEGEN = {"gemiddelde": "het gemiddelde", "mediaan": "de mediaan", "consensus": "de mediaan"}


def procesverbaal_html(
    aanbesteding: Aanbesteding,
    formulieren: Sequence[Beoordelingsformulier],
    consensus: Consensus | None,
    panel: Paneluitslag,
    percelen: Sequence[str],
    lotingen: Sequence[Any] = (),
) -> str:
    """The HTML section; empty when no lot of this award was assessed by the panel. `lotingen`: every recorded draw,
    withdrawn ones too (gunning.loting.Loting): a draw dates a ranking, and so the prices, as known."""
    rijen = [r for r in panel.rijen if r.perceel in percelen]
    if not rijen or not formulieren:
        return ""
    namen = aanduidingen(aanbesteding.beoordelaars, [f.beoordelaar for f in formulieren])
    gesorteerd = sorted(formulieren, key=lambda f: list(namen).index(f.beoordelaar))
    n = len(gesorteerd)
    tabelrijen = [
        [
            namen[f.beoordelaar],
            datum_tekst(f.datum),
            "ja" if f.geen_belangenverstrengeling else "nee",
            "geen"
            if not f.prijscellen
            else "bedrag gelijk aan een prijs in " + ", ".join(_cel(c) for c in f.prijscellen),
        ]
        for f in gesorteerd
    ]
    # a lot of this advies without a row (no valid bid, or an open house without minimum quality) was not assessed:
    # 'de kwaliteitsplannen' alone read as every lot's
    beoordeeld = [c for c in percelen if any(r.perceel == c for r in rijen)]
    niet = [aanbesteding.percelen[c].naam for c in percelen if c not in beoordeeld]
    welke = ""
    if niet:
        welke = f" in {'perceel' if len(beoordeeld) == 1 else 'percelen'} " + _opsomming(
            [aanbesteding.percelen[c].naam for c in beoordeeld]
        )
    delen = [
        '<section class="perceel" id="procesverbaal">',
        "<h2>Proces-verbaal van de beoordeling</h2>",
        f"<p>De kwaliteitsplannen{welke} zijn beoordeeld door {n} beoordelaar{'s' if n != 1 else ''}, in dit "
        f"advies aangeduid als {_opsomming([namen[f.beoordelaar] for f in gesorteerd])} (in de volgorde van de "
        "aanbestedingsstukken; de namen zijn bij de penvoerder vastgelegd). "
        + (
            "Iedere beoordelaar heeft eerst zelfstandig gescoord en elke score schriftelijk gemotiveerd op een eigen "
            "formulier."
            if n != 1
            # one reviewer: no 'iedere', no panel that compared independent scores (o107 found it)
            else "De beoordelaar heeft iedere score schriftelijk gemotiveerd op het formulier; met één beoordelaar "
            "is er geen tweede, onafhankelijk oordeel en is de overeenstemming tussen beoordelaars niet te bepalen."
        )
        + (
            f" In {'perceel' if len(niet) == 1 else 'percelen'} {_opsomming(niet)} heeft het panel niets beoordeeld "
            f"(zie {'de bijlage van dat perceel' if len(niet) == 1 else 'de bijlagen van die percelen'}).</p>"
            if niet
            else "</p>"
        ),
        tabel(
            [
                "Beoordelaar",
                "Formulier ondertekend op",
                "Verklaring geen belangenverstrengeling",
                "Prijzen in formulier",
            ],
            tabelrijen,
        ),
    ]
    if all(f.geen_belangenverstrengeling for f in gesorteerd):
        delen.append(
            f"<p>{_alle(n, 'beoordelaars hebben') if n > 1 else 'De beoordelaar heeft'} op het "
            "formulier verklaard geen belangenverstrengeling te hebben met een inschrijver.</p>"
        )
    vervuild = [f for f in gesorteerd if f.prijscellen]
    if not vervuild:
        delen.append(
            "<p>De beoordelingsformulieren bevatten geen prijzen: ze zijn opgesteld zonder prijs- en "
            "capaciteitsgegevens (twee-enveloppenmethode), en iedere cel van ieder ingeleverd formulier is "
            "vergeleken met alle aangeboden prijzen, zonder overeenkomst.</p>"
        )
    else:
        delen.append(
            '<p class="voldoet-niet">Let op: in '
            + "; ".join(
                f"het formulier van {namen[f.beoordelaar]} "
                f"({len(f.prijscellen)} {'cel' if len(f.prijscellen) == 1 else 'cellen'})"
                for f in vervuild
            )
            + " staat een bedrag dat gelijk is aan een aangeboden prijs. Ga na of de beoordelaar prijsinformatie "
            "had voordat de kwaliteit was beoordeeld.</p>"
        )
    delen.append(_consensus(aanbesteding, consensus, panel, rijen))
    delen.append(_consensus_buiten(aanbesteding, rijen, namen))
    if consensus is not None and consensus.datum is not None and any(r.consensus is not None for r in rijen):
        eerder = [namen[f.beoordelaar] for f in gesorteerd if f.datum > consensus.datum]
        if eerder:
            delen.append(
                '<p class="voldoet-niet">Let op: het consensusoverleg is gedateerd vóór de ondertekening van het '
                f"formulier van {_opsomming(eerder)}; ga na of de beoordelingen zelfstandig en vooraf zijn gedaan.</p>"
            )
    delen.append(
        _formulieren_na_loting(aanbesteding, gesorteerd, namen, [x for x in lotingen if x.perceel in percelen])
    )
    delen.append(_consensus_na_loting(aanbesteding, consensus, rijen, lotingen))
    delen.append("</section>")
    return "\n".join(delen)


def _formulieren_na_loting(
    aanbesteding: Aanbesteding,
    formulieren: Sequence[Beoordelingsformulier],
    namen: dict[str, str],
    lotingen: Sequence[Any],
) -> str:
    """A reviewer form signed after a draw that ordered totals made of its scores: then either the draw is dated
    before the scores it ordered existed, or the ranking (and so the prices) was known when the form was signed. The
    table above shows the signing dates and the advies the draw's; said with a 'Let op', as for a consensus meeting
    after a draw, never left for the reader to spot."""
    from evaluatie.gunning.loting import later_ondertekend

    zinnen = []
    for x in lotingen:
        later = later_ondertekend(x.datum, x.perceel, x.volgorde, formulieren)
        if not later:
            continue
        loting = _loting_genoemd(aanbesteding, x)
        if len(later) == 1:
            wie = f"het formulier van {namen[later[0].beoordelaar]} is ondertekend op {datum_tekst(later[0].datum)},"
            hun = "dat formulier"
        else:
            wie = (
                "de formulieren van "
                + _opsomming([f"{namen[f.beoordelaar]} ({datum_tekst(f.datum)})" for f in later])
                + " zijn ondertekend"
            )
            hun = "die formulieren"
        zinnen.append(f"{wie} na {loting}, die totaalscores met de scores van {hun} ordende")
    if not zinnen:
        return ""
    return (
        f'<p class="voldoet-niet">Let op: {e("; ".join(zinnen))}; toen was de rangorde, en daarmee waren de prijzen, '
        "bekend. De twee-enveloppenmethode vraagt dat de kwaliteit is vastgesteld voordat de prijzen bekend zijn: ga "
        "na of de datum van de loting juist is (een onjuist vastgelegde loting trekt u in en legt u opnieuw vast), "
        "en anders waarom daarna nog is ondertekend en of dat de uitkomst heeft veranderd.</p>"
    )


def _loting_genoemd(aanbesteding: Aanbesteding, x: Any) -> str:
    """'loting L1 van 25 juni 2021 (perceel B1-route; op besluit van S. Jansen, inkoopadviseur)': a draw named with
    who decided it, as every decision is named with who (the advies gives its reason in the list of decisions)."""
    ingetrokken = ", later ingetrokken" if x.ingetrokken is not None else ""
    return (
        f"loting {x.id} van {datum_tekst(x.datum)} (perceel {aanbesteding.percelen[x.perceel].naam}; op besluit van "
        f"{x.door}{ingetrokken})"
    )


def _consensus_na_loting(
    aanbesteding: Aanbesteding, consensus: Consensus | None, rijen: Sequence[Rijscore], lotingen: Sequence[Any]
) -> str:
    """A consensus meeting dated after a draw in a lot where it set a score: the draw ordered a ranking, so the prices
    were known when the panel set those scores, which the two-envelope method this section states excludes. Said with
    a 'Let op' (it may have a reason, which the file does not hold), never silently reported as 'eerst zelfstandig'."""
    if consensus is None or consensus.datum is None:
        return ""
    met_consensus = {r.perceel for r in rijen if r.consensus is not None}
    eerder = [x for x in lotingen if x.perceel in met_consensus and x.datum < consensus.datum]
    if not eerder:
        return ""
    welke = _opsomming([_loting_genoemd(aanbesteding, x) for x in eerder])
    return (
        f'<p class="voldoet-niet">Let op: het consensusoverleg van {datum_tekst(consensus.datum)} ligt na {e(welke)}; '
        "toen was de rangorde, en daarmee waren de prijzen, bekend. De twee-enveloppenmethode vraagt dat de kwaliteit "
        "is vastgesteld voordat de prijzen bekend zijn: leg vast waarom het panel daarna nog scores vaststelde, en ga "
        "na of dat de uitkomst heeft veranderd.</p>"
    )


def _consensus(aanbesteding: Aanbesteding, consensus: Consensus | None, panel: Paneluitslag, rijen) -> str:
    totaal = len(rijen)
    met = [r for r in rijen if r.consensus is not None]
    zonder = [r for r in rijen if r.consensus is None]
    samenvoegen = _SAMENVOEGEN.get(panel.aggregatie, panel.aggregatie)
    enkel = len({b for r in rijen for b in r.individueel}) == 1  # one reviewer: her score counts, not a mean of one
    telt = "de score van de beoordelaar" if enkel else f"{samenvoegen} van de scores van de beoordelaars"
    delen = []
    if consensus is None:
        delen.append(
            f"<p>Er is geen consensus van het panel vastgelegd (geen beoordelingen/consensus.xlsx); voor iedere regel "
            f"telt {telt}.</p>"
        )
    elif not met:  # a consensus workbook, maybe a meeting, but no decided row of a bid still assessed
        overleg = f" (consensusoverleg van {datum_tekst(consensus.datum)})" if consensus.datum else ""
        delen.append(
            f"<p>In beoordelingen/{e(consensus.bestand)}{overleg} is voor geen van de beoordeelde regels een "
            f"consensusscore vastgelegd; voor iedere regel telt {telt}.</p>"
        )
    else:
        wanneer = (
            f"op {datum_tekst(consensus.datum)}"
            if consensus.datum
            else "op een datum die niet in het consensusbestand is vastgelegd"
        )
        delen.append(
            f"<p>Het panel heeft {wanneer} in consensusoverleg {len(met)} van de {totaal} beoordeelde regels "
            "(inschrijver, perceel, criterium) vastgesteld, ieder met een gezamenlijke motivering "
            f"(beoordelingen/{e(consensus.bestand)}). "
            + (
                "Alle regels zijn in consensus vastgesteld.</p>"
                if not zonder
                else (
                    f"Voor de overige {len(zonder)} regels telt {telt}.</p>"
                    if len(zonder) > 1
                    else f"Voor de overige regel telt {telt}.</p>"
                )
            )
        )
    brief = _brief(aanbesteding, zonder)
    if zonder and len(zonder) == totaal:
        wat = "De regel is dus" if totaal == 1 else f"{_alle(totaal, 'regels zijn')} dus"
        delen.append(
            f"<p>{wat} beslist zonder consensusmotivering; {brief} citeert de eigen toelichtingen van de "
            "beoordelaars.</p>"
        )
    elif zonder:
        delen.append(
            f"<p><strong>Regels beslist zonder consensusmotivering ({len(zonder)})</strong>: de score is "
            f"{samenvoegen} van de beoordelaars en {brief} citeert hun eigen toelichtingen.</p><ul>"
        )
        per: dict[tuple[str, str], list[str]] = {}
        for r in zonder:
            per.setdefault((r.perceel, r.inschrijver), []).append(
                aanbesteding.percelen[r.perceel].criterium_van(r.criterium).naam
            )
        if len(per) > MAX_OPSOMMING:  # at national size: per lot a count; every row is in the xlsx
            for code in dict.fromkeys(c for c, _ in per):
                regels = sum(len(v) for (c, _), v in per.items() if c == code)
                inschrijvers = sum(1 for c, _ in per if c == code)
                delen.append(
                    f'<li data-perceel="{e(code)}">{e(aanbesteding.percelen[code].naam)}: {getal(regels, 0)} '
                    f"{'regel' if regels == 1 else 'regels'} van {getal(inschrijvers, 0)} "
                    f"{'inschrijver' if inschrijvers == 1 else 'inschrijvers'}</li>"
                )
            delen.append(
                "</ul><p>Welke regels dat zijn, staat in gunningsadvies.xlsx (tabblad Beoordeling: de kolom "
                "Consensus is daar leeg).</p>"
            )
            return "\n".join(delen)
        for (code, ins), criteria in per.items():
            delen.append(
                f'<li data-perceel="{e(code)}" data-inschrijver="{e(ins)}">{e(aanbesteding.percelen[code].naam)}, '
                f"{e(ins)}: {e('; '.join(criteria))}</li>"
            )
        delen.append("</ul>")
    return "\n".join(delen)


def _alle(n: int, rest: str) -> str:
    """'Beide beoordelaars hebben' for two, 'Alle 3 beoordelaars hebben' for more ('Alle 2' is not Dutch usage)."""
    return f"Beide {rest}" if n == 2 else f"Alle {getal(n, 0)} {rest}"


def _brief(aanbesteding: Aanbesteding, rijen: Sequence[Rijscore]) -> str:
    """The letter that cites the reviewers' own motivation for `rijen`: a lot awarded by gunning gets a
    gunningsbeslissing, an open-house lot a toelatingsbesluit; a panel that scored both names both."""
    procedures = {aanbesteding.percelen[r.perceel].procedure for r in rijen}
    if procedures == {"toelating"}:
        return "het toelatingsbesluit"
    if "toelating" in procedures:
        return "de brief (gunningsbeslissing of toelatingsbesluit)"
    return "de gunningsbeslissing"


def _consensus_buiten(aanbesteding: Aanbesteding, rijen: Sequence[Rijscore], namen: dict[str, str]) -> str:
    """Rows whose consensus score lies outside every score the reviewers gave on their own: allowed (the meeting
    may convince all of them), but then the consensus motivation carries the score alone, and the college should
    see that before it signs; empty when there is none."""
    buiten = [r for r in rijen if r.consensus_buiten]
    if not buiten:
        return ""
    regels = []
    for r in buiten:
        assert r.consensus is not None
        perceel = aanbesteding.percelen[r.perceel]
        scores = ", ".join(
            f"{namen.get(b, b)} {getal(p)}"
            for b, p in sorted(r.individueel.items(), key=lambda bp: namen.get(bp[0], bp[0]))
        )
        regels.append(
            f'<li data-perceel="{e(r.perceel)}" data-inschrijver="{e(r.inschrijver)}">{e(perceel.naam)}, '
            f"{e(r.inschrijver)}, {e(perceel.criterium_van(r.criterium).naam)}: consensus {getal(r.consensus)}, "
            f"beoordelaars {e(scores)}</li>"
        )
    n = len(buiten)
    return (
        f'<p class="voldoet-niet">Let op: bij {n} regel{"s" if n != 1 else ""} ligt de consensusscore buiten de '
        "scores die de beoordelaars zelfstandig gaven (hoger dan de hoogste of lager dan de laagste). Dat kan, maar "
        "dan moet de consensusmotivering, die de gunningsbeslissing citeert, de afwijking dragen; ga dat na vóór "
        "verzending.</p><ul>" + "".join(regels) + "</ul>"
    )


def _cel(plaats: str) -> str:
    """'anouk-verbeek.xlsx!Beoordeling!E7' -> 'Beoordeling!E7' (the file name carries the reviewer's name)."""
    return plaats.split("!", 1)[1] if "!" in plaats else plaats


def _opsomming(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]

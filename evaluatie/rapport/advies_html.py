"""The gunningsadvies as one self-contained, printable HTML file.

A college reads it, so the overview comes first: the advice per lot in one sentence naming the
suppliers and their shares, a summary table, the procedure with the estimated value and the
regime, each framework maximum, abnormally low bids, and the standstill period. Everything that
supports it follows in appendices, one per lot, each table paginated for print (the header row
repeats, no row is split). Reviewers appear as Beoordelaar A/B/C, in the order of
`beoordelaars` in aanbesteding.yaml. The certainty analyses are not in this discoverable
document; they are in the internal report rapporten/intern/zekerheid.html.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from evaluatie.beoordeling.afwijkend import afwijkend
from evaluatie.beoordeling.alfatekst import alfa_tekst
from evaluatie.definitie.perceelgegevens import peildatum_keurmerk
from evaluatie.definitie.wegingtekst import weging_tekst
from evaluatie.gunning import niet_gegund
from evaluatie.gunning.raamovereenkomst import latere_zin
from evaluatie.prijs.basis import Prijsmethode, methode
from evaluatie.prijs.rangorde import voorrang_tekst
from evaluatie.rapport import grafieken, kleine_aantallen
from evaluatie.rapport.abnormaal import abnormaal_lage_prijzen, maatstaf_woorden, procent_onder, vergelijkingsprijs
from evaluatie.rapport.aggregatietekst import samenvoegen
from evaluatie.rapport.anoniem import beoordelaar_labels, beoordelaars_op_volgorde
from evaluatie.rapport.besluiten_brief import voorwaarden_zin
from evaluatie.rapport.besluiten_html import besluiten_sectie
from evaluatie.rapport.budgetwoorden import budget_kop, budget_uitleg
from evaluatie.rapport.documentnaam import advies as advies_titel
from evaluatie.rapport.documentnaam import alleen_toelating
from evaluatie.rapport.gegevens import Rapportgegevens, perceel_regels
from evaluatie.rapport.gelijkestand import decimalen_nodig, loting_motivering
from evaluatie.rapport.html import Cel, css_tekst, e, pagina, tabel
from evaluatie.rapport.standstill import standstill
from evaluatie.rapport.verdeelregeltekst import STAP5_BESLIST
from evaluatie.rapport.verzendcontrole import te_controleren_html
from evaluatie.rapport.waarde import WAARDE_KOPPEN, boven_drempel, gunningswaarden, procedure_tekst, regime
from evaluatie.tekst import datum, datums_in_tekst, euro, getal, kort, schaalstappen
from evaluatie.toets.status import AANGEHOUDEN, ABNORMAAL_LAAG, AFWIJZINGEN, NIET_TOEGELATEN, ONGELDIG, UITGESLOTEN
from evaluatie.verdeling.oplosser import oplosser_instelling, oplosser_naam
from evaluatie.verdeling.pad import beschrijving

if TYPE_CHECKING:
    from evaluatie.besluiten.model import Toelichting
    from evaluatie.definitie.model import Aanbesteding
    from evaluatie.gunning.uitslag import Perceeluitslag
    from evaluatie.rapport.waarde import Perceelwaarde

MAX_GEMEENTE_RIJEN = 40  # beyond this the allocation appendix shows subregio's; the xlsx has every gemeente
MAX_SIGNALEN = 20  # signals of disagreement named per lot; the xlsx marks every one
MAX_KNOCKOUT_RIJEN = 20  # beyond this many bids per lot the knock-out table shows only the bids that fail
MAX_NAMEN_AFGEWEZEN = 10  # rejected or excluded bidders named in the advice sentence; beyond, a count
INTERN_ZEKERHEID = "rapporten/intern/zekerheid.html"
INTERN_BETROUWBAARHEID = "rapporten/intern/betrouwbaarheid.html"


_RAND = 'font-family: "DejaVu Sans", Arial, sans-serif; font-size: 7.5pt;'


def druk_stijl(titel: str) -> str:
    """Print furniture: 'Vertrouwelijk' and the title at the top, 'Pagina n van m' at the bottom
    (CSS paged-media margin boxes, honoured by Chromium's print-to-PDF)."""
    return (
        "@page { "
        f"@top-left {{ content: {css_tekst(titel)}; {_RAND} color: #555; }} "
        f'@top-right {{ content: "Vertrouwelijk"; {_RAND} font-weight: 700; color: #9c1c1c; }} '
        f'@bottom-right {{ content: "Pagina " counter(page) " van " counter(pages); {_RAND} color: #555; }} '
        "}"
    )


def advies_html(g: Rapportgegevens) -> str:
    a = g.aanbesteding
    titel = f"{advies_titel(_procedures(g))} {a.naam}"
    codes = list(g.uitslag.percelen)
    secties = [
        ("advies", "1. Advies", _advies(g) + te_controleren_html(g) + besluiten_sectie(g)),
        ("samenvatting", "2. Samenvatting per perceel", _samenvatting(g)),
        ("waarde", "3. Procedure, waarde en regime", _waarde_en_regime(g)),
        ("abnormaal", "4. Abnormaal lage inschrijvingen", _abnormaal(g)),
        ("termijn", f"5. {_termijnkop(g)}", _standstill(g)),
    ]
    if zekerheid := _zekerheid(g):
        secties.append(("zekerheid", "6. Zekerheid van de uitkomst", zekerheid))
    bijlagen = [(f"perceel-{code}", f"Perceel {g.uitslag.percelen[code].naam}") for code in codes]
    if g.procesverbaal:
        bijlagen.append(("procesverbaal", "Proces-verbaal van de beoordeling"))
    bijlagen.append(("verantwoording", "Verantwoording van de invoer"))
    delen = [
        '<p class="vertrouwelijk">Vertrouwelijk</p>',
        f"<h1>{e(titel)}</h1>",
        _kenmerken(g),
        _inhoud(secties, bijlagen),
        *(f'<h2 id="{anker}">{e(kop)}</h2>\n{inhoud}' for anker, kop, inhoud in secties),
        '<h2 id="bijlagen">Bijlagen</h2>',
        '<ol class="inhoud">'
        + "".join(f'<li><a href="#{anker}">{e(titel)}</a></li>' for anker, titel in bijlagen)
        + "</ol>",
    ]
    for n, code in enumerate(codes, start=1):
        delen.append(_bijlage(g, code, n))
    n = len(codes) + 1
    if g.procesverbaal:
        delen.append(g.procesverbaal.replace("<h2>Proces-verbaal", f"<h2>Bijlage {n}. Proces-verbaal", 1))
        n += 1
    delen.append(_verantwoording(g, n))
    inhoud = _KOP_EN_ALINEA.sub(r'<div class="bijeen">\1</div>', "\n".join(delen))
    return pagina(titel, inhoud, extra_stijl=druk_stijl(titel))


# A heading and the paragraph after it print on one page: Chromium honours break-inside on a block, not
# break-after on a heading, so the two are wrapped in one block (as the letters do for a short table).
_KOP_EN_ALINEA = re.compile(r"(<h3>[^<]*</h3>\s*(?:<p>|<p [^>]*>|<div class=\"kader\">).*?(?:</p>|</div>))", re.S)


def _inhoud(secties: list[tuple[str, str, str]], bijlagen: list[tuple[str, str]]) -> str:
    """A table of contents with links (they stay links in a PDF printed by Chromium): at national size the
    advies runs to well over a hundred pages, and a reader looks up one lot or the proces-verbaal."""
    items = [f'<li><a href="#{anker}">{e(kop)}</a></li>' for anker, kop, _ in secties]
    items.append(
        '<li><a href="#bijlagen">Bijlagen</a><ul>'
        + "".join(
            f'<li><a href="#{anker}">Bijlage {n}. {e(titel)}</a></li>' for n, (anker, titel) in enumerate(bijlagen, 1)
        )
        + "</ul></li>"
    )
    return f'<nav class="inhoud" aria-label="Inhoud"><p><strong>Inhoud</strong></p><ul>{"".join(items)}</ul></nav>'


def _zekerheid(g: Rapportgegevens) -> str:
    """Section 6 only where someone is chosen: an open house admits everyone who qualifies, and a lot that is not
    awarded chooses no one, so there is no outcome whose certainty could be in doubt."""
    if all(p.procedure == "toelating" or p.niet_gegund for p in g.uitslag.percelen.values()):
        return ""
    return (
        "<p>Hoe gevoelig de uitkomst is voor een enkele beoordelaar, voor kleine verschillen in de scores en "
        "voor de capaciteit, is onderzocht in een afzonderlijk, intern stuk "
        f"(<code>{e(INTERN_ZEKERHEID)}</code>). Dat stuk is bedoeld voor de penvoerder en is geen onderdeel "
        "van dit advies of van de motivering aan de inschrijvers.</p>"
    )


def _punt(zin: str) -> str:
    """End a sentence with one full stop: 'Taalhuis De Brug B.V.' stays as it is, never 'B.V..'."""
    return zin if zin.endswith(".") else zin + "."


def _kenmerken(g: Rapportgegevens) -> str:
    a = g.aanbesteding
    lt = a.looptijd
    looptijd = f"{lt.jaren} jaar" + (
        f" met {lt.optiejaren} optiejaar" if lt.optiejaren == 1 else f" met {lt.optiejaren} optiejaren"
    )
    if not lt.optiejaren:
        looptijd = f"{lt.jaren} jaar"
    peildatum = peildatum_keurmerk(a, list(g.uitslag.percelen))
    rijen = [
        ["Penvoerder", a.penvoerder],
        ["Procedure", procedure_tekst(a)],
        ["Publicatie", datum(a.data.publicatie)],
        ["Sluiting inschrijving", datum(a.data.sluiting)],
        *([["Peildatum keurmerk", peildatum]] if peildatum else []),
        [
            {"gunning": "Voorgenomen gunning", "toelating": "Voorgenomen toelating"}.get(
                "".join(a.procedures()), "Voorgenomen gunning en toelating"
            ),
            datum(a.data.gunning),
        ],
        ["Looptijd", looptijd],
        ["Percelen in dit advies", ", ".join(p.naam for p in g.uitslag.percelen.values())],
    ]
    return (
        '<table class="kenmerken"><tbody>'
        + "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rijen)
        + "</tbody></table>"
    )


_AANTALLEN: dict[int, tuple[object, dict[str, int]]] = {}


def _toegewezen(p, naam: str) -> int:
    """p.toegewezen(naam) in constant time: per lot the totals are summed once (the plain method
    scans every allocation cell, which is quadratic for a national tender)."""
    bewaard = _AANTALLEN.get(id(p))
    if bewaard is None or bewaard[0] is not p:
        totalen: dict[str, int] = {}
        for t in p.toewijzing:
            totalen[t.inschrijver] = totalen.get(t.inschrijver, 0) + t.aantal
        _AANTALLEN.clear()  # keep one lot at a time: no memory kept between reports
        bewaard = _AANTALLEN[id(p)] = (p, totalen)
    return bewaard[1].get(naam, 0)


def _opsomming(namen: list[str]) -> str:
    if len(namen) <= 1:
        return "".join(namen)
    return ", ".join(namen[:-1]) + " en " + namen[-1]


def advies_zin(g: Rapportgegevens, code: str) -> str:
    """The advice for one lot in one or two sentences, derived from the award (never a template guess)."""
    p = g.uitslag.percelen[code]
    if p.procedure == "toelating":
        toegelaten = sorted(r.inschrijver for r in p.rangorde)
        if not toegelaten:  # an open house may admit no one: the lot stays open for later entry
            zin = _punt(
                f"Geen inschrijving voldoet aan de voorwaarden voor perceel {p.naam}; wij adviseren niemand toe te "
                "laten. Het perceel blijft open: een aanbieder die aan de voorwaarden voldoet, kan gedurende de "
                "looptijd toetreden"
            )
        else:
            # the conditions the toelatingsbesluit states (brieven._voorbehoud, besluiten_brief), as the advice to award
            voorbehoud = ", onder voorbehoud van de bewijsstukken" if g.aanbesteding.bewijsstukken else ""
            zin = _punt(
                f"Wij adviseren tot perceel {p.naam} toe te laten: {_opsomming(toegelaten)}{voorbehoud}"
                + voorwaarden_zin(g, code, toegelaten)
            )
        # per status word (evaluatie.toets.status), each with its own legal ground: an excluded bid does not 'fail
        # the conditions', and a declared ground not yet weighed is no exclusion
        per_status = {st: [x.inschrijver for x in p.uitgesloten if x.status == st] for st in AFWIJZINGEN}
        niet = per_status[NIET_TOEGELATEN] + per_status[ONGELDIG]
        if niet:
            voldoen = (
                "de inschrijving niet aan de voorwaarden voldoet"
                if len(niet) == 1
                else ("de inschrijvingen niet aan de voorwaarden voldoen")
            )
            zin += _punt(f" Niet toe te laten, omdat {voldoen}: {_namen_of_aantal(niet)}")
        if per_status[UITGESLOTEN]:
            namen = per_status[UITGESLOTEN]
            zin += _punt(
                f" Uit te sluiten op grond van een uitsluitingsgrond: {_namen_of_aantal(namen)}{_gronden(g, namen)}"
            )
        if per_status[ABNORMAAL_LAAG]:
            zin += _punt(
                " Af te wijzen als abnormaal laag na beoordeling van de toelichting (art. 2.116 Aanbestedingswet "
                f"2012): {_namen_of_aantal(per_status[ABNORMAAL_LAAG])}"
            )
        if per_status[AANGEHOUDEN]:
            zin += _punt(
                " Aan te houden tot de verklaarde uitsluitingsgrond is gewogen (open punt; tot dan doet zij niet "
                f"mee): {_namen_of_aantal(per_status[AANGEHOUDEN])}"
            )
        return zin
    if p.niet_gegund:
        return _niet_gegund_zin(g, p)
    if p.loting_nodig:
        standen = "; ".join(
            f"{_opsomming(list(st.inschrijvers))} staan gelijk op rang {st.rang} en de volgorde bepaalt de gunning"
            for st in p.loting_nodig
        )
        commando = "; ".join(st.commando() for st in p.loting_nodig)
        return (
            f"Voor perceel {p.naam} kan nog niet worden gegund: {standen}. Wij adviseren eerst de loting te houden "
            f"en vast te leggen ({commando}) en daarna opnieuw te rekenen."
        )
    gegund = [r.inschrijver for r in p.rangorde if _toegewezen(p, r.inschrijver)]
    delen = [
        f"{n} ({getal(_toegewezen(p, n), 0)} van de {getal(p.volume, 0)} inburgeraars per jaar, "
        f"{getal(100 * _toegewezen(p, n) / p.volume, 1) if p.volume else '0,0'}%)"
        for n in gegund
    ]
    onderdelen = [
        f"perceel {p.naam} te gunnen aan {_opsomming(delen)}, onder voorbehoud van de bewijsstukken"
        + voorwaarden_zin(g, code, gegund)
    ]
    afgewezen = [r.inschrijver for r in p.rangorde if not _toegewezen(p, r.inschrijver)]
    if afgewezen:
        onderdelen.append(f"{_inschrijvingen_van(afgewezen)} af te wijzen")
    laag = [x.inschrijver for x in p.uitgesloten if x.status == ABNORMAAL_LAAG]
    if laag:
        onderdelen.append(
            f"{_inschrijvingen_van(laag)} af te wijzen als abnormaal laag na beoordeling van de "
            "toelichting (art. 2.116 Aanbestedingswet 2012)"
        )
    ongeldig = [x.inschrijver for x in p.uitgesloten if x.status in (ONGELDIG, NIET_TOEGELATEN)]
    uitsluiten = [x.inschrijver for x in p.uitgesloten if x.status == UITGESLOTEN]
    if ongeldig:
        onderdelen.append(
            f"{_inschrijvingen_van(ongeldig)} ongeldig te verklaren, omdat niet aan de knock-outeisen is voldaan"
        )
    if uitsluiten:
        onderdelen.append(
            f"{_namen_of_aantal(uitsluiten)} uit te sluiten op grond van een uitsluitingsgrond{_gronden(g, uitsluiten)}"
        )
    aangehouden = [x.inschrijver for x in p.uitgesloten if x.status == AANGEHOUDEN]
    if aangehouden:  # a CONCEPT (an open point): nobody advises an exclusion that has not been weighed
        onderdelen.append(
            f"{_inschrijvingen_van(aangehouden)} aan te houden tot de verklaarde uitsluitingsgrond is gewogen "
            "(open punt; tot dan doet zij niet mee)"
        )
    if len(onderdelen) > 1:
        return _punt("Wij adviseren " + "; ".join(onderdelen[:-1]) + "; en " + onderdelen[-1])
    return _punt("Wij adviseren " + onderdelen[0])


def _niet_gegund_zin(g: Rapportgegevens, p: Perceeluitslag) -> str:
    """The advice for a lot without a valid bid: not to award it, why (counted), each bid's own decision as for any
    lot, and what that means for its gemeenten; no winner, no share, no condition of proof documents."""
    onderdelen = [f"perceel {p.naam} niet te gunnen, omdat {niet_gegund.reden(p, bijzin=True)}"]
    laag = [x.inschrijver for x in p.uitgesloten if x.status == ABNORMAAL_LAAG]
    if laag:
        onderdelen.append(
            f"{_inschrijvingen_van(laag)} af te wijzen als abnormaal laag na beoordeling van de "
            "toelichting (art. 2.116 Aanbestedingswet 2012)"
        )
    ongeldig = [x.inschrijver for x in p.uitgesloten if x.status == ONGELDIG]
    if ongeldig:
        onderdelen.append(
            f"{_inschrijvingen_van(ongeldig)} ongeldig te verklaren, omdat niet aan de knock-outeisen is voldaan"
        )
    uitsluiten = [x.inschrijver for x in p.uitgesloten if x.status == UITGESLOTEN]
    if uitsluiten:
        onderdelen.append(
            f"{_namen_of_aantal(uitsluiten)} uit te sluiten op grond van een uitsluitingsgrond{_gronden(g, uitsluiten)}"
        )
    wachten = niet_gegund.aangehouden(p)
    if wachten:
        onderdelen.append(
            f"{_inschrijvingen_van(wachten)} aan te houden tot de verklaarde uitsluitingsgrond is gewogen "
            "(open punt; tot dan doet zij niet mee, en is het niet gunnen voorlopig)"
        )
    zin = "Wij adviseren " + (
        "; ".join(onderdelen[:-1]) + "; en " + onderdelen[-1] if len(onderdelen) > 1 else onderdelen[0]
    )
    return _punt(zin) + " " + niet_gegund.gemeentenzin(p)


def _gronden(g: Rapportgegevens, namen: list[str]) -> str:
    """' (Delta: art. 2.87 Aanbestedingswet 2012, facultatief, besluit U1)': the college decides on an exclusion, so
    the sentence names the article and the recorded weighing it rests on (the full weighing is under Besluiten)."""
    if len(namen) > MAX_NAMEN_AFGEWEZEN:
        return ""
    per_naam = {b.inschrijver: b for b in g.besluiten if b.soort == "uitsluiting" and g.toegepast(b)}
    delen = [
        f"{n}: art. {b.artikel} Aanbestedingswet 2012, {'verplicht' if b.artikel == '2.86' else 'facultatief'}, "
        f"besluit {b.id}"
        for n in namen
        if (b := per_naam.get(n)) is not None
    ]
    return f" ({'; '.join(delen)})" if delen else ""


def _inschrijvingen_van(namen: list[str]) -> str:
    """'de inschrijving van A', 'de inschrijvingen van A en B': 'de inschrijving van A en B' reads as one joint bid
    of A and B (a combinatie), which the college would reject or award as one."""
    return f"de inschrijving{'' if len(namen) == 1 else 'en'} van {_namen_of_aantal(namen)}"


def _namen_of_aantal(namen: list[str]) -> str:
    if len(namen) <= MAX_NAMEN_AFGEWEZEN:
        return _opsomming(namen)
    return f"{len(namen)} inschrijvers (genoemd in de bijlage)"


def _advies(g: Rapportgegevens) -> str:
    items = "".join(f'<li data-advies="{e(code)}">{e(advies_zin(g, code))}</li>' for code in g.uitslag.percelen)
    return f'<ul class="advies">{items}</ul>'


def _samenvatting(g: Rapportgegevens) -> str:
    rijen = []
    procedures = {p.procedure for p in g.uitslag.percelen.values()}
    toelating = procedures == {"toelating"}
    for p in g.uitslag.percelen.values():
        kosten = sum(b.kosten for b in p.budgetten)
        budget = sum(b.budget for b in p.budgetten)
        if p.procedure == "toelating":
            wie = ", ".join(sorted(r.inschrijver for r in p.rangorde)) or (
                "niemand (het perceel blijft open voor later toetreden)"  # an empty cell reads as a missing value
            )
        elif p.niet_gegund:  # an empty cell would read as a missing value
            wie = f"niet gegund: {niet_gegund.reden(p)}"
        else:
            wie = "; ".join(
                f"{r.inschrijver} ({_toegewezen(p, r.inschrijver)})"
                for r in p.rangorde
                if _toegewezen(p, r.inschrijver)
            )
        volume, kosten_cel = Cel(getal(p.volume, 0), p.volume, "volume"), Cel(euro(kosten), kosten, "kosten")
        if p.niet_gegund or (p.procedure == "toelating" and not p.rangorde):
            # its demand at EUR 0,00 read as trajectories bought for nothing: it has no supplier
            volume = Cel(f"geen ({getal(p.volume, 0)} verwacht, zonder aanbieder)")
            kosten_cel = Cel("geen (niet gegund)" if p.niet_gegund else "geen (niemand toegelaten)")
        rijen.append(
            [
                p.naam,
                wie,
                Cel(getal(len(p.rangorde) + len(p.uitgesloten), 0), len(p.rangorde) + len(p.uitgesloten)),
                volume,
                kosten_cel,
                Cel(euro(budget), budget, "budget"),
            ]
        )
    kop = [
        "Perceel",
        "Toegelaten"
        if toelating
        else "Gegund (inburgeraars per jaar)"
        if len(procedures) == 1
        else "Gegund of toegelaten",
        "Inschrijvingen",
        "Volume per jaar",
        # an open house beside an award lot: its costs are an expectation, as its gemeente pages say (the column
        # 'Kosten per jaar' read them as bought)
        "Verwachte kosten per jaar"
        if toelating
        else "Kosten per jaar (open house: verwacht)"
        if "toelating" in procedures
        else "Kosten per jaar",
        budget_kop([b for p in g.uitslag.percelen.values() for b in p.budgetten]) + " per jaar",
    ]
    return tabel(kop, rijen, getal_kolommen=(2, 3, 4, 5))


def _brieven_en_maximum(g: Rapportgegevens) -> str:
    """Which letters name the maximum: a lot not awarded concludes no framework agreement, and its letters (the
    besluit tot niet-gunning) name none; its row in the table below this sentence stays the value as published."""
    niet = [p.naam for p in g.uitslag.percelen.values() if p.niet_gegund]
    if not niet:
        return "De brieven noemen dit maximum."
    een = len(niet) == 1
    return (
        f"De brieven over een gegund perceel noemen dit maximum; {'perceel' if een else 'percelen'} "
        f"{_opsomming(niet)} {'wordt' if een else 'worden'} niet gegund: daar wordt geen raamovereenkomst gesloten "
        f"en de brieven noemen geen maximum ({'zijn waarde' if een else 'hun waarden'} in de tabel hieronder "
        f"{'is die' if een else 'zijn die'} van de aanbesteding zoals gepubliceerd)."
    )


def _vaste_prijzen(a: Aanbesteding, ws: Sequence[Perceelwaarde]) -> str:
    """' (bij perceel Z-route maal de vaste prijs van EUR 9.500,00)' for the lots valued at their fixed price, as the
    table and the letters value them; '' when every lot is valued at its ceiling."""
    vast = [w for w in ws if w.prijs != a.percelen[w.code].plafondprijs]
    if not vast:
        return ""
    if len({w.prijs for w in vast}) == 1:
        woord = "perceel" if len(vast) == 1 else "percelen"
        return f" (bij {woord} {_opsomming([w.naam for w in vast])} maal de vaste prijs van {euro(vast[0].prijs)})"
    return " (bij " + _opsomming([f"perceel {w.naam} maal de vaste prijs van {euro(w.prijs)}" for w in vast]) + ")"


def _waarde_en_regime(g: Rapportgegevens) -> str:
    """Estimated value and framework maximum of the award lots; an open-house lot has neither a framework
    maximum nor a regime (it is no public contract) and is named apart."""
    a = g.aanbesteding
    ws = gunningswaarden(a)
    open_house = [p.naam for p in a.percelen.values() if p.procedure == "toelating"]
    delen = [f"<p>Procedure: {e(procedure_tekst(a))}.</p>"]
    if ws:
        rijen = [
            [
                w.naam,
                Cel(getal(w.per_jaar, 0), w.per_jaar),
                Cel(str(w.jaren), w.jaren),
                Cel(getal(w.prognose, 0), w.prognose, "prognose"),
                Cel(getal(w.trajecten, 0), w.trajecten, "max_trajecten"),
                Cel(euro(w.prijs), w.prijs),
                Cel(euro(w.waarde), w.waarde, "waarde"),
            ]
            for w in ws
        ]
        totaal = sum(w.waarde for w in ws)
        rijen.append(
            [
                "Totaal",
                Cel(getal(sum(w.per_jaar for w in ws), 0), sum(w.per_jaar for w in ws)),
                "",
                Cel(getal(sum(w.prognose for w in ws), 0)),
                Cel(getal(sum(w.trajecten for w in ws), 0), sum(w.trajecten for w in ws)),
                "",
                Cel(euro(totaal), totaal, "totaal"),
            ]
        )
        delen += [
            "<p>De verwachting per perceel is het verwachte aantal trajecten per jaar maal de volledige looptijd "
            "inclusief optiejaren. Het maximum van iedere raamovereenkomst (HvJ EU 17 juni 2021, Simonsen &amp; "
            "Weel, C-23/20) staat daarnaast: de verwachting, of de verwachting plus een opslag, of een vast aantal "
            "(zoals per perceel in de aanbestedingsstukken vastgelegd); is het maximum bereikt, dan is de "
            "raamovereenkomst uitgeput. "
            f"De geraamde waarde is het maximum maal de plafondprijs{e(_vaste_prijzen(a, ws))}, exclusief btw. "
            f"{e(_brieven_en_maximum(g))}</p>",
            tabel(
                list(WAARDE_KOPPEN),
                rijen,
                getal_kolommen=(1, 2, 3, 4, 5, 6),
                rij_attrs=[f'data-perceel-waarde="{e(w.code)}"' for w in ws] + ['class="totaal"'],
            ),
        ]
        # possible later participants (C-216/17): in the maximum above, not in the allocation of this advies
        delen += [f"<p>Perceel {e(w.naam)}:{e(latere_zin(a, w.code))}</p>" for w in ws if latere_zin(a, w.code)]
    if open_house:
        woord = "Perceel" if len(open_house) == 1 else "Percelen"
        delen.append(
            f"<p>{woord} {e(_opsomming(open_house))}: open house. Er wordt geen raamovereenkomst met een maximum "
            "gesloten en niemand gekozen; iedere aanbieder die voldoet, wordt toegelaten.</p>"
        )
    delen.append(f"<p>{e(regime(a))}</p>")
    return "\n".join(delen)


def _abnormaal(g: Rapportgegevens) -> str:
    regels = []
    gunning = {c: p for c, p in g.uitslag.percelen.items() if p.procedure == "gunning"}
    if not gunning:  # an open house compares no prices: art. 2.116 has nothing to compare with
        return "<p>Niet van toepassing: in een toelatingsprocedure worden prijzen niet met elkaar vergeleken.</p>"
    # a vaste prijs pays every bid the same: no price is compared there (the published method says so)
    vast = [p.naam for c, p in gunning.items() if g.aanbesteding.percelen[c].prijsmethode == "vaste_prijs"]
    vast_zin = (
        f"<p>{'Perceel' if len(vast) == 1 else 'Percelen'} {e(_opsomming(vast))} (vaste prijs): niet van toepassing; "
        "de prijs per traject ligt voor iedere inschrijver vast, dus worden prijzen niet met elkaar vergeleken.</p>"
        if vast
        else ""
    )
    # a lot that is not awarded has no valid bid: no price to compare with (said, never counted as 'none was low')
    leeg = [p.naam for p in gunning.values() if p.niet_gegund and p.naam not in vast]
    vast_zin += (
        f"<p>{'Perceel' if len(leeg) == 1 else 'Percelen'} {e(_opsomming(leeg))} (niet gegund): niet van toepassing; "
        "er is geen geldige inschrijving, dus zijn er geen prijzen om te vergelijken.</p>"
        if leeg
        else ""
    )
    # a lot with one valid bid has no other price to compare it with: said, never counted as 'none was low'
    alleen = [p.naam for p in gunning.values() if p.naam not in vast and not p.niet_gegund and len(p.rangorde) == 1]
    vast_zin += (
        f"<p>{'Perceel' if len(alleen) == 1 else 'Percelen'} {e(_opsomming(alleen))} (één geldige inschrijving): niet "
        "te toetsen; er is geen andere geldige inschrijving om haar prijs mee te vergelijken.</p>"
        if alleen
        else ""
    )
    met_prijzen = {c: p for c, p in gunning.items() if p.naam not in vast and not p.niet_gegund}
    afgewezen = _afgewezen_als_abnormaal(g, met_prijzen)  # also in a lot its rejection left with one valid bid
    gunning = {c: p for c, p in met_prijzen.items() if p.naam not in alleen}
    if not gunning:
        return afgewezen + vast_zin + _niet_bij_toelating(g)
    aanvaard = []  # per signal: whether a recorded decision accepted its explanation
    for code, p in gunning.items():
        definitie = g.aanbesteding.percelen[code]
        drempel = definitie.abnormaal_laag
        for s in abnormaal_lage_prijzen(p, drempel, definitie.abnormaal_maatstaf):
            aanvaard.append(_toelichting_besluit(g, s.inschrijver, code) is not None)
            regels.append(
                f"Perceel {p.naam}: de prijs van {s.inschrijver}, {euro(s.prijs)} per traject, ligt "
                f"{procent_onder(s.afwijking, drempel)}% onder {maatstaf_woorden(definitie.abnormaal_maatstaf)} van "
                f"de andere geldige inschrijvingen ({euro(s.gemiddelde_overige)}); de grens is {kort(100 * drempel)}%. "
                + _toelichting(g, s.inschrijver, code)
            )
    toelating = [p.naam for p in g.uitslag.percelen.values() if p.procedure == "toelating"]
    # in a tender with open-house or fixed-price lots too, every sentence says which lots it covers
    namen = [p.naam for p in gunning.values()]
    waar = (
        f" in {'perceel' if len(namen) == 1 else 'de percelen'} {_opsomming(namen)}"
        if leeg or alleen  # another award lot is left out: 'het gunningsperceel' would say there is only one
        else f" in {'het gunningsperceel' if len(namen) == 1 else 'de gunningspercelen'} ({_opsomming(namen)})"
        if toelating or vast
        else ""
    )
    niet = vast_zin + _niet_bij_toelating(g)
    if not regels:
        drempels = sorted({kort(100 * g.aanbesteding.percelen[c].abnormaal_laag) for c in gunning})
        maatstaven = sorted({maatstaf_woorden(g.aanbesteding.percelen[c].abnormaal_maatstaf) for c in gunning})
        return (
            afgewezen
            + (
                f"<p>Van de overige inschrijvingen heeft geen enkele geldige inschrijving{e(waar)} een prijs die meer "
                "dan "
                if afgewezen
                else f"<p>Geen enkele geldige inschrijving{e(waar)} heeft een prijs die meer dan "
            )
            + f"{' / '.join(drempels)}% onder {' / '.join(maatstaven)} van de andere geldige inschrijvingen in het "
            "perceel ligt "
            "(art. 2.116 Aanbestedingswet 2012).</p>" + niet
        )
    if all(aanvaard):  # every explanation assessed and accepted: nothing is left to wait for
        inleiding = (
            "<p>De volgende inschrijvingen leken abnormaal laag; na beoordeling van hun schriftelijke toelichting "
            "doen zij mee.</p>"
            if len(regels) > 1
            else "<p>De volgende inschrijving leek abnormaal laag; na beoordeling van de schriftelijke toelichting "
            "doet zij mee.</p>"
        )
    else:
        inleiding = (
            (
                "<p>De volgende inschrijvingen lijken abnormaal laag."
                if len(regels) > 1
                else "<p>De volgende inschrijving lijkt abnormaal laag."
            )
            + " Dit is een signaal, geen uitsluiting: de inschrijving blijft meedoen tot de toelichting is "
            "beoordeeld.</p>"
        )
    return afgewezen + inleiding + "<ul>" + "".join(f'<li class="signaal">{e(r)}</li>' for r in regels) + "</ul>" + niet


def _niet_bij_toelating(g: Rapportgegevens) -> str:
    toelating = [p.naam for p in g.uitslag.percelen.values() if p.procedure == "toelating"]
    if not toelating:
        return ""
    return (
        f"<p>{'Perceel' if len(toelating) == 1 else 'Percelen'} {e(_opsomming(toelating))} (toelating): niet van "
        "toepassing; in een toelatingsprocedure worden prijzen niet met elkaar vergeleken.</p>"
    )


def _afgewezen_als_abnormaal(g: Rapportgegevens, gunning: dict[str, Any]) -> str:
    """Bids rejected after their explanation (a recorded 2.116 decision, verworpen): out of the ranking, so the
    signal no longer finds them, yet this section must name them (it said no bid was abnormally low)."""
    regels = [
        f"Perceel {gunning[b.perceel].naam}: {_afgewezen_signaal(g, gunning[b.perceel], b)}"
        for b in g.besluiten
        if b.soort == "abnormaal" and g.toegepast(b) and b.uitkomst == "verworpen" and b.perceel in gunning
    ]
    if not regels:
        return ""
    return (
        "<p>Afgewezen als abnormaal laag na beoordeling van de schriftelijke toelichting (art. 2.116 "
        "Aanbestedingswet 2012):</p><ul>" + "".join(f"<li>{e(r)}</li>" for r in regels) + "</ul>"
    )


def _afgewezen_signaal(g: Rapportgegevens, p: Any, b: Toelichting) -> str:
    """A rejected price with its distance to the other valid bids, in the words of an accepted signal ('de prijs van
    Gamma, EUR 6.000,00 per traject, ligt 33,7% onder het gemiddelde ...'), then the decision: the college adopts the
    rejection and sees the figure it rests on. The others are the ranking the rejection left; where another rejection
    changed them so that the figure no longer clears the limit, the decision stands alone (it was flagged in the award
    that asked for it, and a figure under the limit would read as the reverse)."""
    from evaluatie.besluiten.toepassen import toelichting_zin

    besluit = toelichting_zin(b)
    definitie = g.aanbesteding.percelen[b.perceel]
    drempel = definitie.abnormaal_laag
    anderen = [r.prijs for r in p.rangorde]
    vergeleken = vergelijkingsprijs(anderen, definitie.abnormaal_maatstaf) if anderen else 0.0
    afwijking = 1 - b.prijs / vergeleken if vergeleken > 0 else 0.0
    if afwijking <= drempel + 1e-12:
        return f"{b.inschrijver}: {besluit}"
    return (
        f"de prijs van {b.inschrijver}, {euro(b.prijs)} per traject, ligt {procent_onder(afwijking, drempel)}% "
        f"onder {maatstaf_woorden(definitie.abnormaal_maatstaf)} van de andere geldige inschrijvingen "
        f"({euro(vergeleken)}); de grens is {kort(100 * drempel)}%. {besluit[0].upper()}{besluit[1:]}"
    )


def _toelichting_besluit(g: Rapportgegevens, inschrijver: str, code: str) -> Toelichting | None:
    """The applied decision on this bid's price explanation in this lot, or None. A flagged bid still in the
    ranking can only have an accepted one (a rejected explanation takes it out of the ranking)."""
    return next(
        (
            b
            for b in g.besluiten
            if b.soort == "abnormaal" and g.toegepast(b) and (b.inschrijver, b.perceel) == (inschrijver, code)
        ),
        None,
    )


def _toelichting(g: Rapportgegevens, inschrijver: str, code: str) -> str:
    """What was decided on the explanation, or that it must be asked for (an open point until then)."""
    from evaluatie.besluiten.toepassen import toelichting_zin

    t = _toelichting_besluit(g, inschrijver, code)
    if t is None and g.aanbesteding.procedure == "toelating":  # no overheidsopdracht (C-410/14): no decision
        return (
            "Een toelatingsprocedure vergelijkt de inschrijvingen niet en is geen overheidsopdracht; art. 2.116 "
            "Aanbestedingswet 2012 is niet van toepassing en dit signaal is ter informatie."
        )
    if t is None:
        return (
            "Vraag om schriftelijke toelichting (art. 2.116 Aanbestedingswet 2012) voordat de gunningsbeslissing "
            "wordt verzonden."
        )
    return toelichting_zin(t)


def _procedures(g: Rapportgegevens) -> set[str]:
    """The procedures of the lots in this advies (all of the tender's, or those of --lots)."""
    return {p.procedure for p in g.uitslag.percelen.values()}


def _termijnkop(g: Rapportgegevens) -> str:
    """Only open houses: no opschortende termijn (art. 2.127 Aw 2012 is about awards), the tender's own period
    before the agreements are concluded, as the section itself says."""
    if alleen_toelating(_procedures(g)):
        return "Termijn voordat de overeenkomsten worden gesloten"
    return "Opschortende termijn"


def _standstill(g: Rapportgegevens) -> str:
    a = g.aanbesteding
    s = standstill(a.data.verzenddatum, a.standstill_dagen, a.gelijkgestelde_dagen)
    # a lot that is not awarded concludes no contract: no period is waited for there (its own sentence below)
    niet = [p.naam for p in g.uitslag.percelen.values() if p.niet_gegund]
    procedures = {p.procedure for p in g.uitslag.percelen.values() if not p.niet_gegund}
    gemengd = len(procedures) > 1 or bool(niet and procedures)  # then each sentence names the lots it is about

    def voor(procedure: str, zin: str) -> str:
        """'<p>Perceel PVT en MAP: een ...' in a tender with both procedures, else '<p>Een ...'."""
        if not gemengd:
            return f"<p>{zin[0].upper()}{zin[1:]}"
        namen = [p.naam for p in g.uitslag.percelen.values() if p.procedure == procedure and not p.niet_gegund]
        return f"<p>{'Perceel' if len(namen) == 1 else 'Percelen'} {e(_opsomming(namen))}: {zin}"

    tekst = ""
    if "toelating" in procedures:  # no overheidsopdracht: the period is the tender's own choice, not art. 2.127
        tekst += (
            f"{voor('toelating', 'een')} toelatingsprocedure kent geen wettelijke opschortende termijn. De "
            f"aanbesteding hanteert een termijn van {s.dagen} kalenderdagen voordat de overeenkomsten worden "
            f"gesloten: {e(s.uitleg)}.</p>"
        )
    if "gunning" in procedures and boven_drempel(a):
        tekst += (
            f"{voor('gunning', 'de')} opschortende termijn is {s.dagen} kalenderdagen (art. 2.127 "
            "Aanbestedingswet 2012): "
            f"{e(s.uitleg)}. Binnen die termijn kan een inschrijver een kort geding aanspannen; de "
            "overeenkomsten worden pas daarna gesloten.</p>"
        )
    elif "gunning" in procedures:  # below the threshold: the tender documents set the period, not the law
        tekst += (
            f"{voor('gunning', 'de')} opschortende termijn is {s.dagen} kalenderdagen, zoals de "
            "aanbestedingsstukken bepalen (onder "
            f"de drempel geldt art. 2.127 Aanbestedingswet 2012 niet): {e(s.uitleg)}. Binnen die termijn kan een "
            "inschrijver een kort geding aanspannen; de overeenkomsten worden pas daarna gesloten.</p>"
        )
    if niet:
        # letters only where someone bid: a lot nobody bid on has no one to write to
        met_brieven = [p.naam for p in g.uitslag.percelen.values() if p.niet_gegund and p.uitgesloten]
        brieven = (
            f" De brieven aan de inschrijvers op {'perceel' if len(met_brieven) == 1 else 'percelen'} "
            f"{e(_opsomming(met_brieven))} noemen daarom geen termijn, wel de weg naar de voorzieningenrechter."
            if met_brieven
            else ""
        )
        tekst += (
            f"<p>{'Perceel' if len(niet) == 1 else 'Percelen'} {e(_opsomming(niet))}: niet gegund. Daar wordt geen "
            f"overeenkomst gesloten, dus is er geen opschortende termijn om af te wachten.{brieven}</p>"
        )
    rechtbank = a.rechtsbescherming.rechtbank
    brieven_niet_gegund = any(p.niet_gegund and p.uitgesloten for p in g.uitslag.percelen.values())
    if rechtbank and g.rechtbank_herkomst and (procedures or brieven_niet_gegund):  # the court of every letter
        tekst += (
            f"<p>De brieven noemen voor een kort geding de voorzieningenrechter van de {e(rechtbank)}"
            f"{e(g.rechtbank_herkomst)}</p>"
        )
    if s.waarschuwing and procedures:
        tekst += f'<p class="voldoet-niet">Let op: {e(s.waarschuwing)}</p>'
    return tekst


def _bijlage(g: Rapportgegevens, code: str, n: int) -> str:
    p = g.uitslag.percelen[code]
    delen = [
        f'<section class="perceel bijlage" id="perceel-{e(code)}" data-perceel="{e(code)}">',
        f"<h2>Bijlage {n}. Perceel {e(p.naam)}</h2>",
        f"<h3>Advies</h3><p>{e(advies_zin(g, code))}</p>",
        _regels(g, code),
        _knockout(g, code),
        _panel(g, code),
    ]
    if p.niet_gegund:  # no ranking and no allocation: no empty tables that read as missing figures
        delen.append(
            f"<h3>Prijs, rangorde en verdeling</h3><p>{e(niet_gegund.perceelzin(p))} Er is daarom geen rangorde, "
            f"geen prijsscore en geen verdeling over de gemeenten. {e(niet_gegund.gemeentenzin(p))}</p>"
        )
    elif p.procedure == "toelating" and not p.rangorde:  # an empty table and EUR 0,00 per gemeente read as served
        delen.append(
            "<h3>Toegelaten aanbieders</h3><p>Geen aanbieder is toegelaten: geen inschrijving voldoet aan de "
            "voorwaarden. Er is dus geen verwachte verdeling over aanbieders en er zijn geen kosten geraamd voor de "
            f"{e(getal(p.volume, 0))} verwachte inburgeraars per jaar (de vraag staat hierboven bij de regels); een "
            "aanbieder die aan de voorwaarden voldoet, kan gedurende de looptijd toetreden.</p>"
        )
    elif p.procedure == "toelating":
        delen.append(_toegelaten(g, code))
        delen.append(_verdeling(g, code))
    else:
        delen.append(_prijs_en_rangorde(g, code))
        delen.append(_verdeling(g, code))
    delen.append("</section>")
    return "\n".join(d for d in delen if d)


def _regels(g: Rapportgegevens, code: str) -> str:
    regels = perceel_regels(g, code, per_subregio_boven=MAX_GEMEENTE_RIJEN)
    if len(g.aanbesteding.vraag(code)) > MAX_GEMEENTE_RIJEN:
        regels[0] += " De verwachting per gemeente staat in gunningsadvies.xlsx (tabblad Regels)."
    items = "".join(f"<li>{e(datums_in_tekst(r))}</li>" for r in regels)
    return f"<h3>Regels zoals toegepast</h3><ul>{items}</ul>"


def _knockout(g: Rapportgegevens, code: str) -> str:
    """The count first; with many bids the passing ones are named in one sentence and the table holds the
    bids that fail, with their reasons (a table of 150 rows that mostly say 'voldoet -' hides those)."""
    resultaten = g.toets.voor_perceel(code)
    voldoen = [r.inschrijver for r in resultaten if r.voldoet]
    n = len(resultaten)
    delen = [
        "<h3>Knock-outtoets</h3>",
        f"<p>Van de {getal(n, 0)} {'inschrijving' if n == 1 else 'inschrijvingen'} "
        f"{'voldoet' if len(voldoen) == 1 else 'voldoen'} {getal(len(voldoen), 0)} aan alle knock-outeisen en "
        f"{getal(n - len(voldoen), 0)} niet.</p>",
    ]
    kort = n > MAX_KNOCKOUT_RIJEN and voldoen
    if kort:
        delen.append(f"<p>{e(_punt('Voldoen aan alle knock-outeisen: ' + _opsomming(voldoen)))}</p>")
    rijen = []
    for r in resultaten:
        if kort and r.voldoet:
            continue
        klasse = "voldoet" if r.voldoet else "voldoet-niet"
        rijen.append([r.inschrijver, Cel(r.status, klasse=klasse), datums_in_tekst("; ".join(r.redenen)) or "-"])
    if rijen:
        delen.append(tabel(["Inschrijver", "Uitslag", "Redenen"], rijen))
    return "".join(delen)


def _panel(g: Rapportgegevens, code: str) -> str:
    perceel = g.aanbesteding.percelen[code]
    panel = g.panel
    if code not in panel.kwaliteit:
        return ""
    label = beoordelaar_labels(g)
    beoordelaars = beoordelaars_op_volgorde(g)  # columns A, B, C as in the tender
    kop = ["Inschrijver", "Criterium", "Weging", *[label[b] for b in beoordelaars], "Spreiding", "Score", "Herkomst"]
    rijen, attrs = [], []
    per_rij = {(r.inschrijver, r.criterium): r for r in panel.rijen if r.perceel == code}  # linear, not rows^2
    for ins in panel.kwaliteit[code]:
        for c in perceel.gunningscriteria:
            r = per_rij.get((ins, c.code))
            if r is None:
                continue
            ind = [Cel(kort(r.individueel[b]), r.individueel[b]) if b in r.individueel else "-" for b in beoordelaars]
            rijen.append(
                [
                    ins,
                    c.naam,
                    Cel(weging_tekst(perceel, c), c.weging),
                    *ind,
                    Cel(f"{kort(r.spreiding)} ({r.spreiding_stappen} st.)", r.spreiding),  # 2,5 on a half-point scale
                    Cel(getal(r.punten), r.punten, "score"),
                    r.herkomst + (" - signaal" if r.signaal else ""),
                ]
            )
            attrs.append('class="signaal"' if r.signaal else "")
    kw = [
        [ins, Cel(getal(k), k, "kwaliteit")]
        for ins, k in sorted(panel.kwaliteit[code].items(), key=lambda t: (-t[1], t[0]))
    ]
    delen = [
        "<h3>Beoordeling door het panel</h3>",
        f"<p>Schaal: {e(perceel.schaal.beschrijving())}. {e(samenvoegen(panel.aggregatie))} Spreiding is de "
        "hoogste min de laagste score (in schaalstappen). De beoordelaars zijn geanonimiseerd in de volgorde van de "
        "aanbestedingsstukken.</p>",
        # the outcome first, then the scores it comes from (at national size the detail runs to pages)
        tabel(["Inschrijver", "Kwaliteitsscore (0-100)"], kw, getal_kolommen=(1,)),
        f"<p>De scores per criterium en beoordelaar ({getal(len(rijen), 0)} regels):</p>",
        '<div class="breed">'
        + tabel(kop, rijen, getal_kolommen=tuple(range(2, len(kop) - 1)), rij_attrs=attrs)
        + "</div>",
    ]
    motivaties = [r for r in panel.rijen if r.perceel == code and r.consensus is not None]
    if motivaties:
        delen.append(
            "<p><strong>Consensus van het panel</strong></p><ul>"
            + "".join(
                f"<li>{e(r.inschrijver)}, {e(perceel.criterium_van(r.criterium).naam)}: "
                f"{e(kort(r.consensus or 0))} - "
                f"{e(r.consensus_toelichting)}</li>"
                for r in motivaties
            )
            + "</ul>"
        )
    zonder = [r for r in panel.rijen if r.perceel == code and not r.consensus_toelichting]
    if zonder:  # the letters then show each reviewer's motivation apart, never merged
        toon = zonder[:20]
        delen.append(
            f"<p><strong>Zonder consensusmotivering ({len(zonder)} regels)</strong>: de brieven geven hier de "
            "motivering van iedere beoordelaar afzonderlijk (geanonimiseerd).</p><ul>"
            + "".join(f"<li>{e(r.inschrijver)}, {e(perceel.criterium_van(r.criterium).naam)}</li>" for r in toon)
            + (
                f"<li>en nog {len(zonder) - len(toon)} regels (zie gunningsadvies.xlsx)</li>"
                if len(zonder) > 20
                else ""
            )
            + "</ul>"
        )
    signalen = [r for r in panel.rijen if r.perceel == code and r.signaal]
    if signalen:
        # unresolved signals first: they are what the college may ask about; at most 20 named, the rest counted
        signalen.sort(key=lambda r: r.consensus is not None)
        opgelost = sum(r.consensus is not None for r in signalen)
        toon = signalen[:MAX_SIGNALEN]
        delen.append(
            f"<p><strong>Signalen van onenigheid ({getal(len(signalen), 0)}, waarvan {getal(opgelost, 0)} "
            "opgelost in consensus)</strong></p><ul>"
            + "".join(
                f"<li>{e(r.inschrijver)}, {e(perceel.criterium_van(r.criterium).naam)}: "
                f"spreiding {schaalstappen(r.spreiding_stappen)}; "
                f"{e(afwijkend([label.get(x, x) for x in r.afwijkers]))}; "
                f"{'opgelost in consensus' if r.consensus is not None else 'geen consensus vastgelegd'}</li>"
                for r in toon
            )
            + (
                f"<li>en nog {getal(len(signalen) - len(toon), 0)} signalen (zie gunningsadvies.xlsx, tabblad "
                "Beoordeling, kolom Signaal)</li>"
                if len(signalen) > len(toon)
                else ""
            )
            + "</ul>"
        )
    alfa = [
        [
            perceel.criterium_van(b.criterium).naam,
            Cel(alfa_tekst(panel, b), b.alpha),
        ]
        for b in panel.betrouwbaarheid
        if b.perceel == code
    ]
    delen.append(
        "<p>Overeenstemming tussen de beoordelaars per criterium (Krippendorffs alfa, interval; 1 = volledig "
        "eens). Wat de alfa per beoordelaar zou zijn, staat in het interne stuk "
        f"<code>{e(INTERN_BETROUWBAARHEID)}</code>: een oordeel over een persoon hoort niet in het formele advies.</p>"
    )
    delen.append(tabel(["Criterium", "Alfa"], alfa, getal_kolommen=(1,)))
    return "\n".join(delen)


def _laag_teken(g: Rapportgegevens, inschrijver: str, code: str) -> str:
    """The mark after a flagged bid's name in the ranking: a question while its explanation is open, the decision
    once one accepted it."""
    t = _toelichting_besluit(g, inschrijver, code)
    return " (abnormaal laag?)" if t is None else f" (abnormaal laag; toelichting aanvaard, besluit {t.id})"


def _prijs_en_rangorde(g: Rapportgegevens, code: str) -> str:
    p = g.uitslag.percelen[code]
    definitie = g.aanbesteding.percelen[code]
    laag = {s.inschrijver for s in abnormaal_lage_prijzen(p, definitie.abnormaal_laag, definitie.abnormaal_maatstaf)}
    dec = decimalen_nodig(p.rangorde)  # enough decimals to see which total is higher
    m = methode(p.prijsmethode)  # the column headings are the method's own words ("geen prijsscore")
    rijen = [
        [
            Cel(str(r.rang), r.rang, "rang"),
            r.inschrijver + (_laag_teken(g, r.inschrijver, code) if r.inschrijver in laag else ""),
            Cel(getal(r.kwaliteit), r.kwaliteit, "kwaliteit"),
            Cel(euro(r.prijs), r.prijs, "prijs"),
            Cel(_kolomtekst(m, r.prijsscore, 2 if m.heeft_prijsscore else None), r.prijsscore, "prijsscore"),
            Cel(_kolomtekst(m, r.totaal, dec), r.totaal, "totaal"),
            Cel(getal(_toegewezen(p, r.inschrijver), 0), _toegewezen(p, r.inschrijver), "toegewezen"),
        ]
        for r in p.rangorde
    ]
    attrs = [f'data-inschrijver="{e(r.inschrijver)}"' for r in p.rangorde]
    delen = [
        "<h3>Prijs en rangorde</h3>",
        f'<div class="kader">Methode <strong>{e(m.titel)}</strong>: {e(p.formule)}.'
        + (
            f" Weging kwaliteit {kort(p.weging_kwaliteit)}%, prijs {kort(p.weging_prijs)}%."
            if methode(p.prijsmethode).gewogen
            else ""
        )
        + "</div>",
        tabel(["Inschrijver", "Berekening"], [[r.inschrijver, r.berekening] for r in p.rangorde]),
        tabel(
            [
                "Rang",
                "Inschrijver",
                "Kwaliteit",
                "Prijs",
                m.kolomkoppen[0] or "Prijsscore",
                m.kolomkoppen[1],
                "Toegewezen",
            ],
            rijen,
            getal_kolommen=(0, 2, 3, 4, 5, 6),
            rij_attrs=attrs,
        ),
    ]
    if dec != 2 and not m.kolommen_in_euro and m.kolomkoppen[1]:
        # the berekening above rounds every step to 2 decimals; the column does not: say why they differ
        delen.append(
            f"<p>De kolom {e(m.kolomkoppen[1])} staat in {dec} decimalen: op 2 decimalen afgerond zouden twee "
            f"verschillende totalen gelijk lijken, en de rangorde vergelijkt op {dec} decimalen. De berekening "
            "hierboven toont iedere stap en het totaal op 2 decimalen afgerond; de kolom toont hetzelfde totaal "
            f"in {dec} decimalen (wie met de afgeronde tussenstappen narekent, kan in de tweede decimaal een "
            "ander getal vinden).</p>"
        )
    delen += [f'<p class="voldoet-niet">{e(m)}</p>' for m in p.meldingen]
    delen += [
        f"<p>Gelijke {e(methode(p.prijsmethode).maatstaf)}; {e(r.inschrijver)} is geplaatst "
        + (
            f"door loting: de volgorde is {e(r.loting)}. {e(loting_motivering(g.lotingen, code, r.loting_id))}</p>"
            if r.loting
            else f"{e(voorrang_tekst(r.beslist_door))}.</p>"  # the rule in words, not its YAML key
        )
        for r in p.rangorde
        if r.beslist_door
    ]
    if p.rangorde:
        delen.append(f'<div class="grafiek">{grafieken.kwaliteit_prijs(p, f"kp-{code}")}</div>')
    return "\n".join(delen)


def _kolomtekst(m: Prijsmethode, x: float, decimalen: int | None) -> str:
    """A price-score or total cell: '-' where the method has none, euro where the method counts in euro."""
    if decimalen is None:
        return "-"
    return euro(x) if m.kolommen_in_euro else getal(x, decimalen)


def _toegelaten(g: Rapportgegevens, code: str) -> str:
    """Open house: who is admitted, with capacity; no ranking, no price score, no comparison."""
    p = g.uitslag.percelen[code]
    per_naam = {i.naam: i for i in g.inschrijvingen}
    rijen, attrs = [], []
    for r in sorted(p.rangorde, key=lambda r: r.inschrijver):
        cap = per_naam[r.inschrijver].aanbod[code].capaciteit if r.inschrijver in per_naam else 0
        rijen.append(
            [
                r.inschrijver,
                Cel(euro(r.prijs), r.prijs, "prijs"),
                Cel(getal(cap, 0), cap, "capaciteit"),
                Cel(getal(_toegewezen(p, r.inschrijver), 0), _toegewezen(p, r.inschrijver), "toegewezen"),
            ]
        )
        attrs.append(f'data-inschrijver="{e(r.inschrijver)}"')
    return "\n".join(
        [
            "<h3>Toegelaten aanbieders</h3>",
            "<p>Iedere aanbieder die aan de voorwaarden voldoet, is toegelaten; er is geen rangorde en geen "
            "prijs- of kwaliteitsvergelijking. De verwachte aantallen volgen alleen uit de capaciteit: per "
            "gemeente naar verhouding van de capaciteit van de aanbieders die haar bedienen. Het is een "
            "verwachting: de inburgeraar of klantmanager kiest.</p>",
            tabel(
                ["Aanbieder", "Eigen prijs per traject", "Capaciteit per jaar", "Verwacht per jaar"],
                rijen,
                getal_kolommen=(1, 2, 3),
                rij_attrs=attrs,
            ),
            *(f'<p class="signaal">Let op: {e(m)}.</p>' for m in p.meldingen),
        ]
    )


def _verdeling(g: Rapportgegevens, code: str) -> str:
    p = g.uitslag.percelen[code]
    leveranciers = [r.inschrijver for r in p.rangorde if _toegewezen(p, r.inschrijver)]
    if p.procedure == "toelating":
        leveranciers.sort()
    kop_tekst = "Verwachte verdeling" if p.procedure == "toelating" else "Verdeling"
    kop_tekst += " per gemeente" if len(p.budgetten) <= MAX_GEMEENTE_RIJEN else " per subregio"
    if len(p.budgetten) > MAX_GEMEENTE_RIJEN or len(leveranciers) > 8:
        tabel_html = _verdeling_lang(g, code, leveranciers)
    else:
        tabel_html = _verdeling_breed(p, leveranciers)
    delen = [
        f"<h3>{kop_tekst}</h3>",
        (
            f"<p>Verdeelmodel: {e(p.model)}, een rekenregel zonder optimalisatie (er draait geen oplosser). "
            if p.procedure == "toelating"  # model and rekenpad are the same words there, and no engine ran
            else f"<p>Verdeelmodel: {e(p.model)}; rekenpad: {e(beschrijving(p.pad))}; "
            f"oplosser: {e(oplosser_naam(p.solver))}. "
        )
        + budget_uitleg(p.budgetten)
        + (f" {STAP5_BESLIST}" if p.stap5_beslist else "")
        + "</p>",
        tabel_html,
    ]
    if p.toewijzing:
        subregio = {gem.naam: gem.subregio for gem in g.aanbesteding.gemeenten}
        delen.append(f'<div class="grafiek">{grafieken.verdeling_per_gemeente(p, f"vg-{code}", subregio)}</div>')
    if (klein := kleine_aantallen.signaal(p, sleutels=False)) is not None:
        delen.append(f'<p class="signaal">{e(klein)}</p>')
    if p.bindende_regels:
        delen.append(
            "<p><strong>Waarom een inschrijver minder kreeg dan zijn capaciteit</strong></p><ul>"
            + "".join(f"<li>{e(z)}</li>" for z in _samen_waar_gelijk(p.bindende_regels))
            + "</ul>"
        )
    return "\n".join(delen)


_KRIJGT = re.compile(r"(?P<naam>.+?) krijgt (?P<n>[\d.]+) van zijn capaciteit (?P<cap>[\d.]+): (?P<reden>.+)", re.S)


def _samen_waar_gelijk(zinnen: Sequence[str]) -> list[str]:
    """Bidders that get the same number for the same reason share one sentence ('A (capaciteit 734) en B
    (capaciteit 1.009): ieder krijgt 0, om dezelfde reden: ...'): at national size 60 near-identical
    sentences per lot otherwise.
    A sentence of another form, or a reason no other bidder shares, stays as it is."""
    groepen: dict[tuple[str, str], list[tuple[str, str]]] = {}
    volgorde: list[tuple[str, str] | str] = []
    for zin in zinnen:
        m = _KRIJGT.fullmatch(zin)
        if m is None:
            volgorde.append(zin)
            continue
        sleutel = (m["n"], m["reden"])
        if sleutel not in groepen:
            groepen[sleutel] = []
            volgorde.append(sleutel)
        groepen[sleutel].append((m["naam"], m["cap"]))
    uit = []
    for x in volgorde:
        if isinstance(x, str):
            uit.append(x)
            continue
        leden = groepen[x]
        if len(leden) == 1:
            uit.append(f"{leden[0][0]} krijgt {x[0]} van zijn capaciteit {leden[0][1]}: {x[1]}")
        else:
            wie = _opsomming([f"{naam} (capaciteit {cap})" for naam, cap in leden])
            uit.append(f"{wie}: ieder krijgt {x[0]}, om dezelfde reden: {x[1]}")
    return uit


def _verdeling_breed(p, leveranciers: list[str]) -> str:
    """One row per gemeente, one column per supplier: for a tender of regional size."""
    per: dict[str, dict[str, int]] = {}
    for t in p.toewijzing:
        per.setdefault(t.gemeente, {})[t.inschrijver] = t.aantal
    rijen, attrs = [], []
    for b in p.budgetten:
        cellen = [
            Cel(getal(per.get(b.gemeente, {}).get(n, 0), 0), per.get(b.gemeente, {}).get(n, 0), f"aantal:{n}")
            for n in leveranciers
        ]
        rijen.append(
            [
                b.gemeente,
                Cel(getal(b.vraag, 0), b.vraag, "vraag"),
                *cellen,
                Cel(euro(b.kosten), b.kosten, "kosten"),
                Cel(euro(b.budget), b.budget, "budget"),
            ]
        )
        attrs.append(f'data-gemeente="{e(b.gemeente)}"')
    kosten, budget = sum(b.kosten for b in p.budgetten), sum(b.budget for b in p.budgetten)
    rijen.append(
        [
            "Totaal",
            Cel(getal(p.volume, 0), p.volume),
            *[Cel(getal(_toegewezen(p, n), 0), _toegewezen(p, n)) for n in leveranciers],
            Cel(euro(kosten), kosten),
            Cel(euro(budget), budget),
        ]
    )
    attrs.append('class="totaal"')
    kop = ["Gemeente", "Vraag", *leveranciers, "Kosten per jaar", budget_kop(p.budgetten) + " per jaar"]
    return tabel(kop, rijen, getal_kolommen=tuple(range(1, len(kop))), rij_attrs=attrs)


def _verdeling_lang(g: Rapportgegevens, code: str, leveranciers: list[str]) -> str:
    """Many gemeenten or suppliers: one row per subregio (or gemeente) with the suppliers as text;
    every gemeente is in gunningsadvies.xlsx (tabblad Verdeling), gemeenten/*.html and gunning.json."""
    p = g.uitslag.percelen[code]
    per_gemeente = len(p.budgetten) <= MAX_GEMEENTE_RIJEN
    subregio = {gem.naam: gem.subregio for gem in g.aanbesteding.gemeenten}
    groep = {b.gemeente: b.gemeente if per_gemeente else subregio.get(b.gemeente, "") for b in p.budgetten}
    volgorde = list(dict.fromkeys(groep[b.gemeente] for b in p.budgetten))
    vraag = {x: 0 for x in volgorde}
    kosten = {x: 0.0 for x in volgorde}
    budget = {x: 0.0 for x in volgorde}
    aantal: dict[str, dict[str, int]] = {x: {} for x in volgorde}
    for b in p.budgetten:
        vraag[groep[b.gemeente]] += b.vraag
        kosten[groep[b.gemeente]] += b.kosten
        budget[groep[b.gemeente]] += b.budget
    for t in p.toewijzing:
        d = aantal[groep[t.gemeente]]
        d[t.inschrijver] = d.get(t.inschrijver, 0) + t.aantal
    rang = {n: i for i, n in enumerate(leveranciers)}
    rijen = [
        [
            x,
            Cel(getal(vraag[x], 0), vraag[x]),
            "; ".join(f"{n} {getal(k, 0)}" for n, k in sorted(aantal[x].items(), key=lambda t: rang.get(t[0], 0)))
            or "-",
            Cel(euro(kosten[x]), round(kosten[x], 2)),
            Cel(euro(budget[x]), round(budget[x], 2)),
        ]
        for x in volgorde
    ]
    uitleg = (
        ""
        if per_gemeente
        else f"<p>Per subregio samengevat ({len(p.budgetten)} gemeenten). De verdeling per gemeente staat in "
        "gunningsadvies.xlsx (tabblad Verdeling), op de pagina per gemeente (gemeenten/) en in gunning.json.</p>"
    )
    return uitleg + tabel(
        [
            "Gemeente" if per_gemeente else "Subregio",
            "Vraag",
            "Aanbieders (inburgeraars per jaar)",
            "Kosten per jaar",
            budget_kop(p.budgetten) + " per jaar",
        ],
        rijen,
        getal_kolommen=(1, 3, 4),
    )


def _verantwoording(g: Rapportgegevens, n: int) -> str:
    rijen = [[g.invoernaam(b.bestand), Cel(b.sha256, klasse="hash")] for b in g.uitslag.invoer]
    return "\n".join(
        [
            '<section class="perceel bijlage" id="verantwoording">',
            f"<h2>Bijlage {n}. Verantwoording van de invoer</h2>",
            "<p>Alle getallen in dit advies zijn berekend uit de onderstaande bestanden; de SHA-256 maakt iedere "
            "latere wijziging zichtbaar.</p>",
            tabel(["Invoerbestand", "SHA-256"], rijen),
            "<ul>",
            f'<li>Aanbestedingsdefinitie (na samenvoegen met de criteriaset), SHA-256: <span class="hash">'
            f"{e(g.definitie_hash)}</span></li>",
            f"<li>evaluatie versie {e(g.uitslag.versie)}</li>",
            f"<li>Oplosser: {e(oplosser_instelling(g.uitslag))}</li>",
            f"<li>Datum van het advies: {datum(g.aanbesteding.data.gunning)}</li>",
            f'<li>Gegenereerd op: <span id="tijdstempel">{e(g.tijdstempel)}</span> (het enige veld dat per run '
            "verschilt)</li>",
            "</ul>",
            "</section>",
        ]
    )

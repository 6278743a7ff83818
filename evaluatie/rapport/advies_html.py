"""The gunningsadvies as one self-contained, printable HTML file."""

from __future__ import annotations

from evaluatie.rapport import grafieken
from evaluatie.rapport.gegevens import Rapportgegevens, perceel_regels
from evaluatie.rapport.html import Cel, e, pagina, tabel
from evaluatie.tekst import euro, getal
from evaluatie.verdeling.oplosser import oplosser_naam
from evaluatie.verdeling.pad import beschrijving


def advies_html(g: Rapportgegevens) -> str:
    a = g.aanbesteding
    delen = [
        f"<h1>Gunningsadvies {e(a.naam)}</h1>",
        f"<p>Penvoerder: {e(a.penvoerder)}. Procedure: "
        f"{'gunning op beste prijs-kwaliteitverhouding' if a.procedure == 'gunning' else 'toelating (open house)'}. "
        f"Publicatie {a.data.publicatie:%d-%m-%Y}, sluiting {a.data.sluiting:%d-%m-%Y}, "
        f"peildatum keurmerk {a.data.keurmerk_peildatum:%d-%m-%Y}, voorgenomen gunning {a.data.gunning:%d-%m-%Y}. "
        f"Looptijd {a.looptijd.jaren} jaar"
        + (f" met {a.looptijd.optiejaren} optiejaar" if a.looptijd.optiejaren else "")
        + ".</p>",
        "<h2>Samenvatting</h2>",
        _samenvatting(g),
    ]
    for code, p in g.uitslag.percelen.items():
        delen.append(f'<section class="perceel" id="perceel-{e(code)}" data-perceel="{e(code)}">')
        delen.append(f"<h2>Perceel {e(p.naam)}</h2>")
        delen.append(_regels(g, code))
        delen.append(_knockout(g, code))
        delen.append(_panel(g, code))
        delen.append(_prijs_en_rangorde(g, code))
        delen.append(_verdeling(g, code))
        if code in g.zekerheid:
            delen.append(g.zekerheid[code])
        delen.append("</section>")
    delen.append(_verantwoording(g))
    return pagina(f"Gunningsadvies {a.naam}", "\n".join(delen))


def _samenvatting(g: Rapportgegevens) -> str:
    rijen = []
    for p in g.uitslag.percelen.values():
        gegund = [f"{r.inschrijver} ({p.toegewezen(r.inschrijver)})" for r in p.rangorde if p.toegewezen(r.inschrijver)]
        kosten = sum(b.kosten for b in p.budgetten)
        budget = sum(b.budget for b in p.budgetten)
        rijen.append(
            [
                p.naam,
                ", ".join(p.winnaars()),
                "; ".join(gegund),
                Cel(str(p.volume), p.volume, "volume"),
                Cel(euro(kosten), kosten, "kosten"),
                Cel(euro(budget), budget, "budget"),
            ]
        )
    return tabel(
        [
            "Perceel",
            "Hoogst gerangschikt",
            "Gegund (inburgeraars per jaar)",
            "Volume",
            "Kosten per jaar",
            "Budget per jaar",
        ],
        rijen,
        getal_kolommen=(3, 4, 5),
    )


def _regels(g: Rapportgegevens, code: str) -> str:
    items = "".join(f"<li>{e(r)}</li>" for r in perceel_regels(g, code))
    return f"<h3>Regels zoals toegepast</h3><ul>{items}</ul>"


def _knockout(g: Rapportgegevens, code: str) -> str:
    rijen, attrs = [], []
    for r in g.toets.voor_perceel(code):
        klasse = "voldoet" if r.voldoet else "voldoet-niet"
        rijen.append([r.inschrijver, Cel(r.status, klasse=klasse), "; ".join(r.redenen) or "-"])
        attrs.append("")
    return "<h3>Knock-outtoets</h3>" + tabel(["Inschrijver", "Uitslag", "Redenen"], rijen, rij_attrs=attrs)


def _panel(g: Rapportgegevens, code: str) -> str:
    perceel = g.aanbesteding.percelen[code]
    panel = g.panel
    if code not in panel.kwaliteit:
        return ""
    kop = ["Inschrijver", "Criterium", "Weging", *panel.beoordelaars, "Spreiding", "Score", "Herkomst"]
    rijen, attrs = [], []
    for ins in panel.kwaliteit[code]:
        for c in perceel.gunningscriteria:
            r = panel.rij(ins, code, c.code)
            ind = [
                Cel(getal(r.individueel[b], 0), r.individueel[b]) if b in r.individueel else "-"
                for b in panel.beoordelaars
            ]
            rijen.append(
                [
                    ins,
                    c.naam,
                    Cel(f"{getal(c.weging, 0)}%", c.weging),
                    *ind,
                    Cel(f"{getal(r.spreiding, 0)} ({r.spreiding_stappen} st.)", r.spreiding),
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
        f"<p>Schaal: {e(perceel.schaal.beschrijving())}. Samenvoegen: {e(panel.aggregatie)}; een consensusscore "
        "van het panel gaat voor. Spreiding = hoogste min laagste score (in schaalstappen).</p>",
        tabel(kop, rijen, getal_kolommen=tuple(range(2, len(kop) - 1)), rij_attrs=attrs),
        tabel(["Inschrijver", "Kwaliteitsscore (0-100)"], kw, getal_kolommen=(1,)),
    ]
    motivaties = [r for r in panel.rijen if r.perceel == code and r.consensus is not None]
    if motivaties:
        delen.append(
            "<p><strong>Consensus van het panel</strong></p><ul>"
            + "".join(
                f"<li>{e(r.inschrijver)}, {e(perceel.criterium(r.criterium).naam)}: {e(getal(r.consensus, 0))} - "
                f"{e(r.consensus_toelichting)}</li>"
                for r in motivaties
            )
            + "</ul>"
        )
    signalen = [r for r in panel.rijen if r.perceel == code and r.signaal]
    if signalen:
        delen.append(
            "<p><strong>Signalen van onenigheid</strong></p><ul>"
            + "".join(
                f"<li>{e(r.inschrijver)}, {e(perceel.criterium(r.criterium).naam)}: spreiding {r.spreiding_stappen} "
                f"schaalstappen; afwijkend: {e(', '.join(r.afwijkers))}; "
                f"{'opgelost in consensus' if r.consensus is not None else 'geen consensus vastgelegd'}</li>"
                for r in signalen
            )
            + "</ul>"
        )
    alfa = []
    for b in panel.betrouwbaarheid:
        if b.perceel != code:
            continue
        zonder = b.alpha_zonder.get(b.grootste_afwijker) if b.grootste_afwijker else None
        alfa.append(
            [
                perceel.criterium(b.criterium).naam,
                Cel("niet te berekenen" if b.alpha is None else getal(b.alpha, 3), b.alpha),
                b.grootste_afwijker or "-",
                Cel("-" if zonder is None else getal(zonder, 3), zonder),
            ]
        )
    delen.append(
        "<p>Overeenstemming tussen de beoordelaars per criterium (Krippendorffs alfa, interval; 1 = volledig "
        "eens). De laatste kolommen noemen de beoordelaar zonder wie de alfa het meest stijgt.</p>"
    )
    delen.append(tabel(["Criterium", "Alfa", "Grootste afwijker", "Alfa zonder"], alfa, getal_kolommen=(1, 3)))
    return "\n".join(delen)


def _prijs_en_rangorde(g: Rapportgegevens, code: str) -> str:
    p = g.uitslag.percelen[code]
    rijen = [
        [
            Cel(str(r.rang), r.rang, "rang"),
            r.inschrijver,
            Cel(getal(r.kwaliteit), r.kwaliteit, "kwaliteit"),
            Cel(euro(r.prijs), r.prijs, "prijs"),
            Cel(getal(r.prijsscore), r.prijsscore, "prijsscore"),
            Cel(getal(r.totaal), r.totaal, "totaal"),
            Cel(str(p.toegewezen(r.inschrijver)), p.toegewezen(r.inschrijver), "toegewezen"),
        ]
        for r in p.rangorde
    ]
    attrs = [f'data-inschrijver="{e(r.inschrijver)}"' for r in p.rangorde]
    delen = [
        "<h3>Prijs en rangorde</h3>",
        f'<div class="kader">Methode <strong>{e(p.prijsmethode)}</strong>: {e(p.formule)}. '
        f"Weging kwaliteit {getal(p.weging_kwaliteit, 0)}%, prijs {getal(p.weging_prijs, 0)}%.</div>",
        tabel(["Inschrijver", "Berekening"], [[r.inschrijver, r.berekening] for r in p.rangorde]),
        tabel(
            ["Rang", "Inschrijver", "Kwaliteit", "Prijs", "Prijsscore", "Totaal", "Toegewezen"],
            rijen,
            getal_kolommen=(0, 2, 3, 4, 5, 6),
            rij_attrs=attrs,
        ),
    ]
    delen += [f'<p class="voldoet-niet">{e(m)}</p>' for m in p.meldingen]
    beslist = [r for r in p.rangorde if r.beslist_door]
    delen += [
        f"<p>Gelijke totaalscore; {e(r.inschrijver)} is geplaatst op grond van de regel {e(r.beslist_door)}.</p>"
        for r in beslist
    ]
    if p.rangorde:
        delen.append(f'<div class="grafiek">{grafieken.kwaliteit_prijs(p, f"kp-{code}")}</div>')
    return "\n".join(delen)


def _verdeling(g: Rapportgegevens, code: str) -> str:
    p = g.uitslag.percelen[code]
    leveranciers = [r.inschrijver for r in p.rangorde if p.toegewezen(r.inschrijver)]
    per = {}
    for t in p.toewijzing:
        per.setdefault(t.gemeente, {})[t.inschrijver] = t.aantal
    rijen, attrs = [], []
    for b in p.budgetten:
        cellen = [
            Cel(str(per.get(b.gemeente, {}).get(n, 0)), per.get(b.gemeente, {}).get(n, 0), f"aantal:{n}")
            for n in leveranciers
        ]
        rijen.append(
            [
                b.gemeente,
                Cel(str(b.vraag), b.vraag, "vraag"),
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
            Cel(str(p.volume), p.volume),
            *[Cel(str(p.toegewezen(n)), p.toegewezen(n)) for n in leveranciers],
            Cel(euro(kosten), kosten),
            Cel(euro(budget), budget),
        ]
    )
    attrs.append('class="totaal"')
    kop = ["Gemeente", "Vraag", *leveranciers, "Kosten per jaar", "Budget per jaar"]
    delen = [
        "<h3>Verdeling per gemeente</h3>",
        f"<p>Verdeelmodel: {e(p.model)}; rekenpad: {e(beschrijving(p.pad))}; oplosser: {e(oplosser_naam(p.solver))}. "
        "Budget per gemeente: het "
        "budget uit de "
        "verdeelregels, anders vraag x plafondprijs.</p>",
        tabel(kop, rijen, getal_kolommen=tuple(range(1, len(kop))), rij_attrs=attrs),
    ]
    if p.toewijzing:
        delen.append(f'<div class="grafiek">{grafieken.verdeling_per_gemeente(p, f"vg-{code}")}</div>')
    if p.bindende_regels:
        delen.append(
            "<p><strong>Waarom een inschrijver minder kreeg dan zijn capaciteit</strong></p><ul>"
            + "".join(f"<li>{e(z)}</li>" for z in p.bindende_regels)
            + "</ul>"
        )
    return "\n".join(delen)


def _verantwoording(g: Rapportgegevens) -> str:
    rijen = [[b.bestand, Cel(b.sha256, klasse="hash")] for b in g.uitslag.invoer]
    return "\n".join(
        [
            '<section class="perceel" id="verantwoording">',
            "<h2>Verantwoording</h2>",
            "<p>Alle getallen in dit advies zijn berekend uit de onderstaande bestanden; de SHA-256 maakt iedere "
            "latere wijziging zichtbaar.</p>",
            tabel(["Invoerbestand", "SHA-256"], rijen),
            "<ul>",
            f'<li>Aanbestedingsdefinitie (na samenvoegen met de criteriaset), SHA-256: <span class="hash">'
            f"{e(g.definitie_hash)}</span></li>",
            f"<li>evaluatie versie {e(g.uitslag.versie)}</li>",
            f"<li>Oplosser: {e(g.uitslag.solver)}</li>",
            f"<li>Datum van het advies: {g.aanbesteding.data.gunning:%d-%m-%Y}</li>",
            f'<li>Gegenereerd op: <span id="tijdstempel">{e(g.tijdstempel)}</span> (het enige veld dat per run '
            "verschilt)</li>",
            "</ul>",
            "</section>",
        ]
    )

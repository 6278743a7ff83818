"""Gunningsbeslissing per bidder per lot (art. 2.130 Aanbestedingswet 2012).

A letter holds the decision, the bidder's own scores with the panel's motivation, the
winning bid's scores and its relative advantages, the reason for exclusion where excluded,
the winner's name and the standstill period with its end date. It never shows another
bidder's price, and of other bidders only the winner's scores (which the law requires).
"""

from __future__ import annotations

from evaluatie.beoordeling.model import Rijscore
from evaluatie.rapport.document import Document
from evaluatie.rapport.gegevens import Rapportgegevens
from evaluatie.rapport.standstill import datum_tekst, standstill
from evaluatie.tekst import euro, getal


def besluit(g: Rapportgegevens, inschrijver: str, code: str) -> str:
    """'gegund', 'afgewezen' or 'uitgesloten'."""
    p = g.uitslag.percelen[code]
    if any(x.inschrijver == inschrijver for x in p.uitgesloten):
        return "uitgesloten"
    return "gegund" if p.toegewezen(inschrijver) > 0 else "afgewezen"


def _motivering(r: Rijscore | None) -> str:
    if r is None:
        return "-"
    if r.consensus_toelichting:
        return r.consensus_toelichting
    return " ".join(dict.fromkeys(r.toelichtingen.values()))


def brief(g: Rapportgegevens, inschrijver: str, code: str) -> Document:
    a = g.aanbesteding
    p = g.uitslag.percelen[code]
    perceel = a.percelen[code]
    ins = next(i for i in g.inschrijvingen if i.naam == inschrijver)
    winnaar = p.winnaars()[0] if p.rangorde else None
    uitkomst = besluit(g, inschrijver, code)
    s = standstill(a.data.verzenddatum, a.standstill_dagen, a.gelijkgestelde_dagen)

    d = Document(f"Gunningsbeslissing {perceel.naam}")
    d.alinea(f"{ins.naam}, t.a.v. {ins.contactpersoon}, {ins.email}")
    d.alinea(f"Datum: {datum_tekst(a.data.verzenddatum)}")
    d.alinea(f"Onderwerp: gunningsbeslissing {a.naam}, perceel {perceel.naam}")
    d.alinea(f"Geachte {ins.contactpersoon},")
    d.alinea(
        f"U heeft ingeschreven op perceel {perceel.naam} van de aanbesteding {a.naam}, die "
        f"{a.penvoerder} als penvoerder uitvoert namens de deelnemende gemeenten. Met deze brief "
        "informeren wij u over de gunningsbeslissing voor dit perceel."
    )
    d.kop("Beslissing")
    rang = next((r for r in p.rangorde if r.inschrijver == inschrijver), None)
    if uitkomst == "uitgesloten":
        redenen = next(x.redenen for x in p.uitgesloten if x.inschrijver == inschrijver)
        d.alinea(
            "Uw inschrijving voldoet niet aan de volgende eisen van de aanbesteding en is daarom "
            "uitgesloten van verdere beoordeling voor dit perceel:"
        )
        d.opsomming(redenen)
    elif uitkomst == "gegund":
        n, totaal = p.toegewezen(inschrijver), p.volume
        d.alinea(
            f"Wij zijn voornemens perceel {perceel.naam} aan u te gunnen. Uw inschrijving is als "
            f"{rang.rang}e gerangschikt. In de verdeling over de gemeenten verzorgt u naar verwachting {n} "
            f"van de {totaal} trajecten per jaar ({getal(100 * n / totaal, 1)}%):"
        )
        d.tabel(
            ["Gemeente", "Inburgeraars per jaar", "Kosten per jaar"],
            [[t.gemeente, t.aantal, euro(t.kosten)] for t in p.toewijzing if t.inschrijver == inschrijver],
        )
    else:
        d.alinea(
            f"Wij zijn voornemens perceel {perceel.naam} niet aan u te gunnen. Uw inschrijving is als "
            f"{rang.rang}e gerangschikt; de hoogst gerangschikte inschrijving is die van {winnaar}, en de "
            "verwachte vraag van de gemeenten is volledig verdeeld over hoger gerangschikte inschrijvers."
        )
    if winnaar and winnaar != inschrijver:
        d.alinea(f"De hoogst gerangschikte inschrijver voor dit perceel is {winnaar}.")

    if rang is not None:
        d.kop("Uw scores")
        rijen = []
        for c in perceel.gunningscriteria:
            r = g.panel.rij(inschrijver, code, c.code)
            rijen.append([c.naam, f"{getal(c.weging, 0)}%", getal(r.punten) if r else "-", _motivering(r)])
        d.tabel(["Criterium", "Weging", "Uw score", "Motivering van het beoordelingspanel"], rijen)
        d.alinea(
            f"Uw kwaliteitsscore: {getal(rang.kwaliteit)}. Uw prijs per traject: {euro(rang.prijs)}; "
            f"uw prijsscore: {getal(rang.prijsscore)} (methode {p.prijsmethode}; de formule staat in de "
            f"aanbestedingsstukken); uw totaalscore: {getal(rang.totaal)}."
        )

    if winnaar and winnaar != inschrijver:
        w = next(r for r in p.rangorde if r.inschrijver == winnaar)
        d.kop(f"Scores van de hoogst gerangschikte inschrijving ({winnaar})")
        rijen, voordelen = [], []
        for c in perceel.gunningscriteria:
            rw = g.panel.rij(winnaar, code, c.code)
            eigen = g.panel.rij(inschrijver, code, c.code)
            rijen.append([c.naam, getal(rw.punten), getal(eigen.punten) if eigen else "-"])
            if eigen is not None and rw.punten > eigen.punten + 1e-9:
                voordelen.append(
                    f"{c.naam}: de inschrijving van {winnaar} scoorde {getal(rw.punten)} punten tegen "
                    f"{getal(eigen.punten)} voor uw inschrijving. Motivering van het panel: "
                    f"{_motivering(rw)}"
                )
        d.tabel(["Criterium", f"Score {winnaar}", "Uw score"], rijen)
        d.alinea(f"Kwaliteitsscore van {winnaar}: {getal(w.kwaliteit)}; totaalscore: {getal(w.totaal)}.")
        if voordelen:
            d.kop("Kenmerken en relatieve voordelen van de winnende inschrijving")
            d.opsomming(voordelen)
        elif rang is not None:
            d.alinea(
                f"Op geen enkel kwaliteitscriterium scoorde {winnaar} hoger dan u; het verschil in "
                "totaalscore komt uit de prijs."
            )

    d.kop("Opschortende termijn")
    d.alinea(
        f"Deze beslissing is een voornemen. Wij gaan pas over tot het sluiten van de overeenkomst na afloop "
        f"van de opschortende termijn van {s.dagen} kalenderdagen (artikel 2.127 Aanbestedingswet 2012). "
        f"Deze termijn eindigt op {datum_tekst(s.einde)}. Bent u het niet eens met deze beslissing, dan kunt u "
        "binnen deze termijn een kort geding aanhangig maken; wij verzoeken u ons daarvan direct op de hoogte "
        "te stellen."
    )
    d.alinea(f"Berekening van de termijn: {s.uitleg}.", klein=True)
    d.alinea("Met vriendelijke groet,")
    d.alinea(f"{a.penvoerder}, namens de deelnemende gemeenten")
    return d

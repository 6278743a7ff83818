"""What the penvoerder checks by hand before the letters go out, listed in the advies.

Two things in a letter cannot be decided by the computation alone:
- a losing bidder's letter quotes the panel's motivation of a winner's scores (art. 2.130 Aw 2012
  and case law ask for the winner's characteristics and relative advantages), and a motivation
  may describe a competitor's plan in a way that reveals its trade secrets (art. 2.57 Aw 2012);
- a salutation the contact field did not make certain (rapport/aanhef.py) is written neutrally.
Also a reviewer whose name stands in a bid as its contact person: the panel must be independent, and only a person
can establish whether it is the same person and whether that is a conflict of interest.
All are listed per letter so that someone reads exactly those passages; nothing is left out of
a letter in silence.
"""

from __future__ import annotations

from evaluatie.gemeentenamen import opsomming
from evaluatie.rapport.aanhef import lees_aanhef
from evaluatie.rapport.gegevens import Rapportgegevens
from evaluatie.tekst import getal


def te_controleren(g: Rapportgegevens) -> list[str]:
    uit: list[str] = []
    for code, p in g.uitslag.percelen.items():
        if p.procedure != "gunning":
            continue
        rij = {(r.inschrijver, r.criterium): r for r in g.panel.rijen if r.perceel == code}
        aantal: dict[str, int] = {}
        for t in p.toewijzing:
            aantal[t.inschrijver] = aantal.get(t.inschrijver, 0) + t.aantal
        winnaars = [r.inschrijver for r in p.rangorde if aantal.get(r.inschrijver)]
        afgewezen = [r.inschrijver for r in p.rangorde if not aantal.get(r.inschrijver)]
        criteria = [c.code for c in g.aanbesteding.percelen[code].gunningscriteria]
        groepen: dict[tuple[str, ...], list[str]] = {}  # letters quoting the same winners: one item
        for verliezer in afgewezen:
            # exactly the letters that quote a winner's motivation: where the winner scored higher (rapport/brieven.py)
            geciteerd = tuple(
                w
                for w in winnaars
                if any(
                    (rw := rij.get((w, c))) is not None
                    and (rv := rij.get((verliezer, c))) is not None
                    and rw.punten > rv.punten + 1e-9
                    and (rw.consensus_toelichting or rw.toelichtingen)
                    for c in criteria
                )
            )
            if geciteerd:
                groepen.setdefault(geciteerd, []).append(verliezer)
        for geciteerd, brieven in groepen.items():
            wie = (
                f"de brief aan {brieven[0]} citeert"
                if len(brieven) == 1
                else f"de {len(brieven)} brieven aan {opsomming(brieven, 'en')} citeren"
            )
            uit.append(
                f"Perceel {p.naam}: {wie} de motivering van het panel bij de scores van "
                f"{opsomming(list(geciteerd), 'en')}; "
                "lees die passages voor verzending op bedrijfsgeheimen (art. 2.57 Aanbestedingswet 2012) en vat zo "
                "nodig samen."
            )
        for r in g.panel.rijen:
            if r.perceel == code and r.consensus_buiten and r.consensus is not None:
                criterium = g.aanbesteding.percelen[code].criterium_van(r.criterium).naam
                scores = ", ".join(getal(x) for x in r.individueel.values())
                uit.append(
                    f"Perceel {p.naam}: de consensusscore van {r.inschrijver} op {criterium} ({getal(r.consensus)}) "
                    f"ligt buiten de scores die de beoordelaars zelfstandig gaven ({scores}); de brieven citeren de "
                    "consensusmotivering: ga na dat die de afwijking draagt (zie het proces-verbaal)."
                )
    uit += _andere_prijs_dan_gerekend(g)
    uit += _beoordelaar_bij_inschrijver(g)
    for i in g.inschrijvingen:
        if not any(code in i.aanbod for code in g.uitslag.percelen):
            continue  # no letter from this run (`gunning --lots`): the advies names only letters it comes with
        a = lees_aanhef(i.contactpersoon or "")
        if a.waarschuwing:
            uit.append(
                f"Aanhef van de brieven aan {i.naam}: '{a.tekst}'. Reden: {a.waarschuwing}. Vul de contactpersoon "
                "aan (bijvoorbeeld 'de heer T. Smit') als een persoonlijke aanhef gewenst is."
            )
    return uit


def te_controleren_html(g: Rapportgegevens) -> str:
    from evaluatie.rapport.html import e

    punten = te_controleren(g)
    if not punten:
        return ""
    return (
        "<p><strong>Voor verzending met de hand te controleren</strong></p><ul>"
        + "".join(f'<li class="signaal">{e(x)}</li>' for x in punten)
        + "</ul>"
    )


def _andere_prijs_dan_gerekend(g: Rapportgegevens) -> list[str]:
    """A bid whose price is not the price the lot's method counts (vaste_prijs: the fixed price, whatever was bid).
    The award, the letters and the framework use the method's price; whether the bidder accepts it, or made a
    reservation that voids the bid, only a person can judge: said here, never taken for granted in silence."""
    from evaluatie.prijs.basis import methode
    from evaluatie.tekst import euro

    uit: list[str] = []
    for code, p in g.uitslag.percelen.items():
        perceel = g.aanbesteding.percelen[code]
        m = methode(perceel.prijsmethode)
        in_rangorde = {r.inschrijver for r in p.rangorde}
        for i in g.inschrijvingen:
            aanbod = i.aanbod.get(code)
            if aanbod is None or i.naam not in in_rangorde:
                continue
            gerekend = m.prijs_per_traject(perceel, aanbod.prijs)
            if round(gerekend * 100) != round(aanbod.prijs * 100):
                open_house = perceel.procedure == "toelating"  # no framework agreement: the tariff of the admission
                geldt = (
                    f"geldt {'het tarief (de vaste prijs)' if open_house else 'de vaste prijs'} van {euro(gerekend)}"
                    if m.naam == "vaste_prijs"
                    else f"rekent de prijsmethode {m.naam} met {euro(gerekend)}"
                )
                waar = "kosten en toelatingsbesluit" if open_house else "kosten, brieven, raamovereenkomst"
                uit.append(
                    f"Perceel {p.naam}: {i.naam} bood {euro(aanbod.prijs)} per traject; in dit perceel {geldt}, en "
                    f"alleen die prijs is gerekend ({waar}). Ga na dat "
                    f"{i.naam} die prijs aanvaardt en geen voorbehoud maakt."
                )
    return uit


def _naamvorm(tekst: str) -> str:
    """A name as compared: the project's name key (case and spacing folded, evaluatie.naamvorm.sleutel), and accents
    too ('Joost de Rídder' is 'Joost de Ridder')."""
    import unicodedata

    from evaluatie.naamvorm import sleutel

    return sleutel("".join(c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c)))


def _beoordelaar_bij_inschrijver(g: Rapportgegevens) -> list[str]:
    """A reviewer's full name in a bid's contact person field. Reviewers stay anonymous in the advies ('Beoordelaar
    A'), as everywhere; the penvoerder can trace the letter back in aanbesteding.yaml."""
    from evaluatie.beoordeling.aanduiding import aanduidingen

    labels = aanduidingen(g.aanbesteding.beoordelaars)
    uit: list[str] = []
    for naam in g.aanbesteding.beoordelaars:
        vorm = _naamvorm(naam)
        if not vorm:
            continue
        for i in g.inschrijvingen:
            if f" {vorm} " in f" {_naamvorm(i.contactpersoon or '')} ":
                uit.append(
                    f"{labels[naam]} draagt dezelfde naam als de contactpersoon van {i.naam} ({i.bestand}); ga na "
                    "of het dezelfde persoon is en, zo ja, of de beoordeling onafhankelijk was (geen belangenconflict) "
                    "voordat de brieven uitgaan."
                )
    return uit

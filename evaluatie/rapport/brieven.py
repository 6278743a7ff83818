"""Gunningsbeslissing (or, for an open house, toelatingsbesluit) per bidder per lot.

Art. 2.130 Aanbestedingswet 2012 asks for the relevant reasons, the characteristics and
relative advantages of the chosen bid(s) and the name of the winner(s); case law adds that
the winner's scores must be explained, not only listed. So a letter states, all derived from
the computation:
- the decision in the status words of evaluatie.toets.status: gegund (with its share), afgewezen
  (assessed, not awarded), ongeldig (a requirement not met), uitgesloten (a weighed exclusion
  ground), abnormaal laag (headed "afgewezen (abnormaal lage prijs)"); for an open house
  toegelaten / niet toegelaten, without ranking, comparison or price score;
- every awarded bidder of the lot with its share (all parties to the framework agreement)
  and the framework's maximum quantity and value;
- for a bidder not awarded: a comparison per criterion with the lowest-ranked awarded bidder
  (the one it had to beat), also naming the highest-ranked, then quality, price and total,
  and the relative advantages on quality and on price, with the panel's motivation;
- the panel's motivation, attributed: the consensus text, or each reviewer's separately as
  "Beoordelaar A/B/..." (never merged into one text);
- why the bidder got less than its capacity, as computed by verdeling.verklaring;
- a recorded draw, when the order was decided by lot;
- for the winner: the award is conditional on the proof documents;
- the standstill period with its end date and the objection route (kort geding, court,
  optional complaints desk); penvoerder's address, contact person, kenmerk and signatory.

A lot without a valid bid (Perceeluitslag.niet_gegund) gets a "besluit tot niet-gunning": the lot is not awarded and
why (counted, no other bidder named), then the bid's own status and reasons as in any rejection; no winner, share,
framework maximum or standstill period (no contract is concluded), only the route to the court.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable
from dataclasses import dataclass

from evaluatie.beoordeling.model import Rijscore
from evaluatie.definitie.model import BEWIJS_WERKDAGEN
from evaluatie.definitie.wegingtekst import weging_tekst
from evaluatie.gunning import niet_gegund
from evaluatie.gunning.raamovereenkomst import raammaximum_zin
from evaluatie.gunning.uitslag import Perceeluitslag
from evaluatie.prijs.basis import Kandidaat, methode
from evaluatie.prijs.precisie import afgerond, punten
from evaluatie.prijs.rangorde import BESLISREGEL_KORT, Rangregel, scheidende_regel
from evaluatie.rapport.aanhef import aanhef
from evaluatie.rapport.aanspreken import tot_u
from evaluatie.rapport.aggregatietekst import kwaliteitsformule
from evaluatie.rapport.besluiten_brief import afwijzingsbesluit, besluiten_in_brief
from evaluatie.rapport.document import Document
from evaluatie.rapport.documentnaam import systematiek_woord
from evaluatie.rapport.gegevens import Rapportgegevens
from evaluatie.rapport.gelijkestand import (
    beslisregels_voor_loting,
    beslist_zin,
    decimalen_nodig,
    decimalen_zin,
    ingetrokken_lotingen_zin,
    loting_motivering,
    loting_vermelding,
    met_vastgelegde_loting,
    regel_naast_loting_zin,
    verdeling_volgt,
)
from evaluatie.rapport.penvoerder import ondertekening, uitvoerder
from evaluatie.rapport.standstill import standstill
from evaluatie.rapport.toelating_tekst import geen_aantal_zin, later_toetreden_zin, tarief_zin
from evaluatie.rapport.waarde import boven_drempel
from evaluatie.tekst import datum, euro, getal
from evaluatie.toets.register import Context, maak_regel, regels_register
from evaluatie.toets.status import (
    AANGEHOUDEN,
    ABNORMAAL_LAAG,
    AFGEWEZEN,
    AFWIJZINGEN,
    GEGUND,
    ONGELDIG,
    TOEGELATEN,
    UITGESLOTEN,
    afwijzing,
)
from evaluatie.toets.uitslag import Toetsresultaat

MAX_GEMEENTEN_IN_BRIEF = 15  # more gemeenten in a winner's allocation: the table goes to an appendix
KOP_VERDELING = ["Gemeente", "Inburgeraars per jaar", "Kosten per jaar"]
STATUSSEN = (GEGUND, AFGEWEZEN, TOEGELATEN, *AFWIJZINGEN)


def kenmerk(g: Rapportgegevens, inschrijver: str, code: str) -> str:
    """One per letter and deterministic: the same tender, lot, bidder and date of sending always give the same
    kenmerk. The date is part of it because one bidder can get two decisions on one lot: refused in the award and
    admitted later to the open house (evaluatie.contract.toetreding), in the same year. The prefix says which decision
    the letter is, as its title does: TB toelatingsbesluit, NG besluit tot niet-gunning (a lot without a valid bid),
    GB gunningsbeslissing."""
    ins = _index(g).inschrijving[inschrijver]
    if g.aanbesteding.percelen[code].procedure == "toelating":
        soort = "TB"
    else:
        soort = "NG" if g.uitslag.percelen[code].niet_gegund else "GB"
    verzending = g.aanbesteding.data.verzenddatum.isoformat()
    sleutel = f"{g.aanbesteding.naam}|{code}|{ins.kvk}|{ins.naam}|{verzending}".encode()
    perceeldeel = {"onderwijs": "OND"}.get(code, code.upper())  # short and in capitals, as read aloud on the phone
    jaar = g.aanbesteding.data.verzenddatum.year
    return f"{soort}-{jaar}-{perceeldeel}-{hashlib.sha256(sleutel).hexdigest()[:6].upper()}"


def besluit(g: Rapportgegevens, inschrijver: str, code: str) -> str:
    """The status word of the decision (see STATUSSEN)."""
    toelating = g.aanbesteding.percelen[code].procedure == "toelating"
    afgewezen = afwijzing(_toets(g, inschrijver, code), toelating)
    if afgewezen is not None:
        return afgewezen
    if toelating:
        return TOEGELATEN
    return GEGUND if _aantal(g, code, inschrijver) > 0 else AFGEWEZEN


def beoordelaarletters(g: Rapportgegevens) -> dict[str, str]:
    """Reviewers anonymised in tender order: the first is Beoordelaar A."""
    namen = list(g.aanbesteding.beoordelaars) or list(g.panel.beoordelaars)
    return {n: f"Beoordelaar {chr(ord('A') + i)}" for i, n in enumerate(namen)}


def motivering(g: Rapportgegevens, r: Rijscore | None) -> list[str]:
    """The panel's motivation of one score, attributed: the consensus, else each reviewer apart."""
    if r is None:
        return []
    if r.consensus_toelichting:
        return [f"Consensus van het panel: {r.consensus_toelichting}"]
    letters = beoordelaarletters(g)
    uit = []
    for naam in sorted(r.toelichtingen, key=lambda n: letters.get(n, n)):
        punten = r.individueel.get(naam)
        score = f" (score {getal(punten)})" if punten is not None else ""
        uit.append(f"{letters.get(naam, 'Beoordelaar')}{score}: {r.toelichtingen[naam]}")
    return uit


@dataclass(frozen=True)
class _Index:
    """Lookups a letter makes many times, built once per award (hundreds of letters at national scale)."""

    rij: dict[tuple[str, str, str], Rijscore]
    aantal: dict[tuple[str, str], int]
    toets: dict[tuple[str, str], Toetsresultaat]
    inschrijving: dict


_INDEXEN: dict[int, tuple[Rapportgegevens, _Index]] = {}


def _index(g: Rapportgegevens) -> _Index:
    bewaard = _INDEXEN.get(id(g))
    if bewaard is not None and bewaard[0] is g:
        return bewaard[1]
    aantal: dict[tuple[str, str], int] = {}
    for code, p in g.uitslag.percelen.items():
        for t in p.toewijzing:
            aantal[code, t.inschrijver] = aantal.get((code, t.inschrijver), 0) + t.aantal
    index = _Index(
        rij={(r.inschrijver, r.perceel, r.criterium): r for r in g.panel.rijen},
        aantal=aantal,
        toets={(r.inschrijver, r.perceel): r for r in g.toets.resultaten},
        inschrijving={i.naam: i for i in g.inschrijvingen},
    )
    _INDEXEN.clear()  # one award at a time: never keep an old award alive
    _INDEXEN[id(g)] = (g, index)
    return index


def _rij(g: Rapportgegevens, inschrijver: str, code: str, criterium: str) -> Rijscore | None:
    return _index(g).rij.get((inschrijver, code, criterium))


def _aantal(g: Rapportgegevens, code: str, inschrijver: str) -> int:
    return _index(g).aantal.get((code, inschrijver), 0)


def _toets(g: Rapportgegevens, inschrijver: str, code: str) -> Toetsresultaat | None:
    return _index(g).toets.get((inschrijver, code))


def _reden_zin(g: Rapportgegevens, t: Toetsresultaat, regel: str, reden: str, code: str) -> str:
    """A failed requirement as a sentence addressed to the bidder: the rule itself words it
    (Knockoutregel.brief), with the same inputs the knock-out check had."""
    ins = _index(g).inschrijving[t.inschrijver]
    perceel = g.aanbesteding.percelen[code]
    params = perceel.knockout.get(regel)
    if regel not in regels_register() or params is None:
        return f"{reden[:1].upper()}{reden[1:]}" + ("" if reden.endswith(".") else ".")
    kwaliteit = g.panel.kwaliteit.get(code, {}).get(t.inschrijver)
    ctx = Context(g.aanbesteding, perceel, ins, ins.aanbod.get(code), kwaliteit)  # type: ignore[arg-type]
    return maak_regel(regel, params).brief(ctx, reden)


def _prijs_openbaar(g: Rapportgegevens) -> bool:
    """The tender's one disclosure policy: are the awarded bids' prices shown? (published method says so)"""
    return g.aanbesteding.openbaarmaking.prijs_winnaar == "prijs"


def _methodezin(g: Rapportgegevens, code: str) -> str:
    perceel = g.aanbesteding.percelen[code]
    return methode(perceel.prijsmethode).beschrijving(perceel)


def _eigen_cijfers(g: Rapportgegevens, code: str, r: Rangregel) -> str:
    perceel = g.aanbesteding.percelen[code]
    return methode(perceel.prijsmethode).eigen_cijfers(perceel, r)


def _vergelijkingsrijen(g: Rapportgegevens, code: str, eigen: Rangregel, anderen: list[Rangregel]) -> list[list[str]]:
    """Rows under the per-criterion scores: the price method's figures, as far as the policy discloses them."""
    perceel = g.aanbesteding.percelen[code]
    return methode(perceel.prijsmethode).vergelijkingsrijen(perceel, eigen, anderen, _prijs_openbaar(g))


def _prijsvoordeel(g: Rapportgegevens, code: str, eigen: Rangregel, ander: Rangregel) -> list[str]:
    """The relative advantage (or disadvantage) on price, in the method's own terms and direction."""
    perceel = g.aanbesteding.percelen[code]
    return methode(perceel.prijsmethode).vergelijkingszinnen(perceel, eigen, ander, _prijs_openbaar(g))


def _kop_en_adres(d: Document, g: Rapportgegevens, inschrijver: str, code: str, onderwerp: str) -> None:
    a = g.aanbesteding
    ins = _index(g).inschrijving[inschrijver]
    d.regels([a.penvoerder, *a.afzender.adres])
    d.witregel()
    d.regels([ins.naam, f"t.a.v. {ins.contactpersoon}" if ins.contactpersoon else "", ins.email])
    d.witregel()
    c = a.afzender.contactpersoon
    contact = ""
    if c is not None:
        contact = "Contactpersoon: " + ", ".join(x for x in (c.naam, c.functie, c.telefoon, c.email) if x)
    d.regels(
        [
            f"Datum: {datum(a.data.verzenddatum)}",
            f"Kenmerk: {kenmerk(g, inschrijver, code)}",
            f"Onderwerp: {onderwerp}",
            contact,
        ]
    )
    d.witregel()
    d.alinea(aanhef(ins.contactpersoon))
    d.witregel()


def _winnaars_tabel(d: Document, g: Rapportgegevens, code: str, inschrijver: str) -> None:
    p = g.uitslag.percelen[code]
    rang = {r.inschrijver: r.rang for r in p.rangorde}
    gegund = [r.inschrijver for r in p.rangorde if _aantal(g, code, r.inschrijver) > 0]
    volume = p.volume  # once: a sum over every gemeente of the lot (national: 342, for each row of 295 letters)
    d.alinea(
        f"De raamovereenkomst voor dit perceel wordt gesloten met {len(gegund)} "
        f"{'partij' if len(gegund) == 1 else 'partijen'}; de verwachte verdeling van de "
        f"{getal(volume, 0)} trajecten per jaar over die {'partij' if len(gegund) == 1 else 'partijen'} is:"
    )
    d.tabel(
        ["Inschrijver", "Rang", "Inburgeraars per jaar", "Aandeel"],
        [
            [
                n + (" (u)" if n == inschrijver else ""),
                rang[n],
                getal(_aantal(g, code, n), 0),
                f"{getal(100 * _aantal(g, code, n) / volume, 1)}%" if volume else "-",
            ]
            for n in gegund
        ],
    )


def _toegelaten_score(p: Perceeluitslag, t: Toetsresultaat | None, rang: Rangregel | None) -> str | None:
    """The admitted bid's quality score against the lot's minimum, as the refusal states it ('Uw kwaliteitsscore is
    28,33; de eis is: ...'): the letter said 'Uit deze scores volgt uw kwaliteitsscore' without the score, which only
    the advies gave. None where no minimum quality was tested (no score decided the admission)."""
    eis = next((b.eis for b in (t.bevindingen if t else ()) if b.regel == "minimum_kwaliteit"), None)
    if eis is None or rang is None or not p.kwaliteit_beoordeeld:
        return None
    return f"Uw kwaliteitsscore is {getal(rang.kwaliteit)}; de eis is: {eis}."


def _scores_en_motivering(
    d: Document, g: Rapportgegevens, inschrijver: str, code: str, kop: str, scorezin: str | None = None
) -> None:
    """The bid's scores per criterium with the panel's reasons; `scorezin`: a sentence with the quality score that
    decided, before the table (an admitted bid in an open house with a minimum quality)."""
    perceel = g.aanbesteding.percelen[code]
    if not any(_rij(g, inschrijver, code, c.code) for c in perceel.gunningscriteria):
        return  # not scored (a later entry to an open house): no table of dashes that says nothing
    rijen, toelichting = [], []
    for c in perceel.gunningscriteria:
        r = _rij(g, inschrijver, code, c.code)
        rijen.append([c.naam, weging_tekst(perceel, c), getal(r.punten) if r else "-"])
        mot = motivering(g, r)
        if mot:
            toelichting.append((c.naam, r.punten if r else None, mot))
    if not rijen:
        return
    d.kop(kop)
    if g.toetreding_panel is not None:  # a later applicant: who scored, when, and the score against the minimum
        aantal, dag, score, grens = g.toetreding_panel
        d.alinea(
            f"Het beoordelingspanel ({aantal} {'beoordelaar' if aantal == 1 else 'beoordelaars'}) heeft uw "
            f"kwaliteitsplan op {datum(dag)} beoordeeld op dezelfde wijze als de inschrijvingen bij de aanbesteding; "
            "de scores hieronder zijn de consensus van het panel. Uw kwaliteitsscore is "
            f"{getal(score)}" + (f"; vereist is minstens {getal(grens)}." if grens is not None else ".")
        )
    elif scorezin is not None:
        d.alinea(scorezin)
    d.tabel(["Criterium", "Weging", "Uw score"], rijen)
    d.alinea(
        f"Uit deze scores volgt uw kwaliteitsscore, zoals de {systematiek_woord(g.aanbesteding.procedures())} die "
        "berekent: " + kwaliteitsformule(perceel)
    )
    if toelichting:
        d.kop("Motivering van het beoordelingspanel")
        for naam, punten, mot in toelichting:
            d.alinea(f"{naam} (uw score {getal(punten or 0)}):")
            d.opsomming(mot)


def _gelijk_op(g: Rapportgegevens, code: str) -> str:
    """What the lot ranks on (the method's own quantity), for the tie sentences."""
    return methode(g.aanbesteding.percelen[code].prijsmethode).maatstaf


def _vergelijking(d: Document, g: Rapportgegevens, code: str, eigen: Rangregel, p: Perceeluitslag) -> None:
    """Compare with every awarded bidder: in a multi-supplier framework each winner's advantages are
    relevant to a bidder that got nothing (art. 2.130: the characteristics and relative advantages)."""
    perceel = g.aanbesteding.percelen[code]
    gegund = [r for r in p.rangorde if _aantal(g, code, r.inschrijver) > 0]
    if not gegund:
        return
    laagste = gegund[-1]
    d.kop("Vergelijking met de gegunde inschrijvingen")
    if len(gegund) == 1:
        d.alinea(f"Gegund is alleen {laagste.inschrijver} (rang {laagste.rang}); hieronder de vergelijking.")
    else:
        d.alinea(
            f"Gegund is aan {len(gegund)} inschrijvers; hieronder de vergelijking met ieder van hen. "
            + _laagst_gegund(g, code, eigen, laagste)
        )
    kop = ["Criterium", "Weging", "Uw score", *(f"{a.inschrijver}" for a in gegund)]
    rijen = []
    for c in perceel.gunningscriteria:
        eigen_r = _rij(g, eigen.inschrijver, code, c.code)
        rijen.append(
            [
                c.naam,
                weging_tekst(perceel, c),
                getal(eigen_r.punten) if eigen_r else "-",
                *(getal(x.punten) if (x := _rij(g, a.inschrijver, code, c.code)) else "-" for a in gegund),
            ]
        )
    d.tabel(kop, rijen + _vergelijkingsrijen(g, code, eigen, gegund))
    # the 4 decimals of another bid's total only where its total may be shown (a fictitious price gives the price)
    toonbaar = _prijs_openbaar(g) or not methode(perceel.prijsmethode).totaal_onthult_prijs
    decimalen = decimalen_zin(eigen, gegund, _gelijk_op(g, code)) if toonbaar else None
    if decimalen:
        d.alinea(decimalen)
    for zin in _gelijke_winnaars(g, code, eigen, gegund):
        d.alinea(zin)
    for winnaar in gegund:
        d.kop(f"Kenmerken en relatieve voordelen van de inschrijving van {winnaar.inschrijver}")
        d.opsomming(_voordelen(g, code, eigen, winnaar))
    # a shared rank at this point was never drawn (a draw separates the ranks, prijs.rangorde): the order between
    # the two decided nothing, so the allocation over the gemeenten is what left this bid without volume
    if eigen.rang < laagste.rang:
        d.alinea(
            f"U staat hoger in de rangorde dan {laagste.inschrijver}; dat u toch geen volume krijgt, volgt uit de "
            "verdeling over de gemeenten (zie de toelichting op de verdeling hieronder)."
        )
    elif eigen.rang == laagste.rang:
        d.alinea(
            f"U deelt rang {eigen.rang} met {laagste.inschrijver}; dat u toch geen volume krijgt, volgt uit de "
            "verdeling over de gemeenten (zie de toelichting op de verdeling hieronder), niet uit de volgorde "
            "tussen u."
        )


def _laagst_gegund(g: Rapportgegevens, code: str, eigen: Rangregel, laagste: Rangregel) -> str:
    """The lowest-ranked winner. For a bid ranked below every winner also its ranking figure and what a better one
    would have done: the letter called that winner 'de inschrijving die u had moeten overtreffen', as if outranking
    it would have brought volume, but in a lot with several suppliers the allocation over the gemeenten decides who
    gets what, so the letter claims the rank and leaves the volume to the allocation. A bid ranked above or level
    with a winner is told further on why it still got nothing."""
    if eigen.rang <= laagste.rang:
        return f"De laagst gerangschikte inschrijver aan wie is gegund, is {laagste.inschrijver} (rang {laagste.rang})."
    m = methode(g.aanbesteding.percelen[code].prijsmethode)
    figuur = ""
    # another bid's ranking figure only where it may be shown (a fictitious price gives the price)
    if _prijs_openbaar(g) or not m.totaal_onthult_prijs:
        # as the comparison table shows it, with the compared 4 decimals where 2 would look equal to the reader's
        n = decimalen_nodig([eigen, laagste])
        if m.kolommen_in_euro:
            waarde = euro(laagste.totaal)
        else:
            waarde = getal(afgerond(laagste.totaal), n) if n > 2 else getal(laagste.totaal)
        figuur = f", {m.maatstaf} {waarde}"
    beter = "hogere" if m.hoger_is_beter else "lagere"
    return (
        f"De laagst gerangschikte inschrijver aan wie is gegund, is {laagste.inschrijver} (rang {laagste.rang}"
        f"{figuur}). Met een {beter} {m.maatstaf} dan die van {laagste.inschrijver} had u boven "
        f"{laagste.inschrijver} in de rangorde gestaan; of u dan volume had gekregen, volgt uit de verdeling over "
        "de gemeenten, niet uit de rangorde alleen."
    )


def _voordelen(g: Rapportgegevens, code: str, eigen: Rangregel, winnaar: Rangregel) -> list[str]:
    """One winner's advantages over this bidder per criterion and on price, with the panel's reasons
    for the winner's higher scores (case law: explain the winner's scores)."""
    perceel = g.aanbesteding.percelen[code]
    voordelen = []
    for c in perceel.gunningscriteria:
        rw = _rij(g, winnaar.inschrijver, code, c.code)
        re_ = _rij(g, eigen.inschrijver, code, c.code)
        if rw is None or re_ is None:
            continue
        if rw.punten > re_.punten + 1e-9:
            voordelen.append(
                f"{c.naam}: {winnaar.inschrijver} scoorde {getal(rw.punten)} tegen {getal(re_.punten)} voor u."
            )
            voordelen += [f"{c.naam}, motivering bij {winnaar.inschrijver} - {m}" for m in motivering(g, rw)]
        elif re_.punten > rw.punten + 1e-9:
            voordelen.append(
                f"{c.naam}: u scoorde hoger ({getal(re_.punten)} tegen {getal(rw.punten)} voor {winnaar.inschrijver})."
            )
    voordelen += _prijsvoordeel(g, code, eigen, winnaar)
    if not any(v for v in voordelen if " scoorde " in v and "u scoorde hoger" not in v):
        voordelen.insert(
            0,
            f"Kwaliteit: op geen enkel criterium scoorde {winnaar.inschrijver} hoger dan u "
            f"(kwaliteitsscore {getal(winnaar.kwaliteit)} tegen {getal(eigen.kwaliteit)} voor u).",
        )
    return voordelen


def _afsluiting(d: Document, g: Rapportgegevens, toelating: bool) -> None:
    a = g.aanbesteding
    s = standstill(a.data.verzenddatum, a.standstill_dagen, a.gelijkgestelde_dagen)
    # an admission has no opschortende termijn (art. 2.127 Aw 2012), as the paragraph under the heading says
    d.kop("Termijn en rechtsbescherming" if toelating else "Opschortende termijn en rechtsbescherming")
    if toelating:
        # An admission system is no award of an overheidsopdracht among competitors: art. 2.127 does not
        # apply, and the period is the tender's own (the advies says the same, rapport/advies_html.py).
        d.alinea(
            f"Dit toelatingsbesluit is een voornemen. Een toelatingsprocedure kent geen wettelijke opschortende "
            f"termijn; deze aanbesteding hanteert een termijn van {s.dagen} kalenderdagen voordat de "
            f"overeenkomsten worden gesloten. Deze termijn eindigt op {datum(s.einde)}."
        )
    elif boven_drempel(a):
        d.alinea(
            f"Deze gunningsbeslissing is een voornemen. Wij sluiten de overeenkomst niet voor het einde van de "
            f"opschortende termijn van {s.dagen} kalenderdagen (artikel 2.127 Aanbestedingswet 2012). Deze termijn "
            f"eindigt op {datum(s.einde)}."
        )
    else:
        # Below the threshold art. 2.127 does not apply: the period rests on the tender documents (systematiek).
        d.alinea(
            f"Deze gunningsbeslissing is een voornemen. Zoals de aanbestedingsstukken bepalen, sluiten wij de "
            f"overeenkomst niet voor het einde van de opschortende termijn van {s.dagen} kalenderdagen. Deze termijn "
            f"eindigt op {datum(s.einde)}."
        )
    rechtbank = a.rechtsbescherming.rechtbank
    bij = (
        f"de voorzieningenrechter van de {rechtbank}"
        if rechtbank
        else f"de voorzieningenrechter van de rechtbank van het arrondissement waarin {a.penvoerder} is gevestigd"
    )
    # A vervaltermijn binds only as the tender documents set it (a 'contractuele vervaltermijn'; art. 2.127 sets the
    # standstill alone): the published systematiek announces it above and below the threshold (rapport/systematiek.py),
    # and the letter refers to it; an open house has none.
    verval = (
        ""
        if toelating
        else (
            " Volgens de aanbestedingsstukken is dit een vervaltermijn: na afloop kunt u niet meer tegen deze "
            "beslissing opkomen."
        )
    )
    if toelating:
        # No vervaltermijn: a deadline for the kort geding ('uiterlijk op') would be untrue; the period only
        # decides whether the contracts wait for the judgment.
        d.alinea(
            f"Bent u het niet eens met dit besluit, dan kunt u een kort geding aanhangig maken bij {bij}. Wilt u "
            f"dat de overeenkomsten niet worden gesloten voordat de rechter heeft beslist, laat dan vóór het einde "
            f"van de termijn ({datum(s.einde)}) een dagvaarding betekenen en informeer ons direct; dan wachten wij "
            "de uitspraak af."
        )
    else:
        d.alinea(
            f"Bent u het niet eens met deze beslissing, dan kunt u uiterlijk op {datum(s.einde)} een kort geding "
            f"aanhangig maken bij {bij}, door vóór het einde van de termijn een dagvaarding te laten betekenen."
            f"{verval} Wilt u ons direct informeren als u een kort geding aanhangig maakt? Dan wachten wij de "
            "uitspraak af."
        )
    if a.rechtsbescherming.klachtenmeldpunt:
        gevolg = (
            "Een klacht schort de termijn niet op."
            if toelating
            else "Een klacht schort de opschortende termijn niet op: wilt u de beslissing aanvechten, dan moet u "
            "binnen de termijn een kort geding aanhangig maken."
        )
        d.alinea(f"U kunt ook een klacht indienen bij {a.rechtsbescherming.klachtenmeldpunt}. {gevolg}")
    d.alinea(f"Berekening van de termijn: {s.uitleg}.", klein=True)
    _groet(d, g)


def _groet(d: Document, g: Rapportgegevens) -> None:
    a = g.aanbesteding
    d.alinea("Met vriendelijke groet,")
    d.witregel()  # room for the signature
    d.witregel()
    o = a.afzender.ondertekenaar
    d.regels(
        [
            o.naam if o else "",
            o.functie if o else "",
            ondertekening(a),
        ]
    )


def brief(g: Rapportgegevens, inschrijver: str, code: str) -> Document:
    a = g.aanbesteding
    p = g.uitslag.percelen[code]
    perceel = a.percelen[code]
    uitkomst = besluit(g, inschrijver, code)
    toelating = perceel.procedure == "toelating"
    soort = "Toelatingsbesluit" if toelating else "Besluit tot niet-gunning" if p.niet_gegund else "Gunningsbeslissing"
    onderwerp = f"{soort.lower()} {a.naam}, perceel {perceel.naam}"
    ref = kenmerk(g, inschrijver, code)
    d = Document(f"{soort} {perceel.naam}", onderwerp=onderwerp, trefwoorden=ref, kenmerk=ref)
    _kop_en_adres(d, g, inschrijver, code, onderwerp)
    wat = (
        "het toelatingsbesluit"
        if toelating
        else "het besluit om dit perceel niet te gunnen"
        if p.niet_gegund
        else "de gunningsbeslissing"
    )
    # a later application is no bid in the tender: the letter says what it answers (evaluatie.contract.toetreding)
    aanmelding = (
        f"U heeft zich op {datum(g.toetreding[0])} aangemeld om later toe te treden tot perceel {perceel.naam}"
        if g.toetreding
        else f"U heeft ingeschreven op perceel {perceel.naam}"
    )
    d.alinea(
        f"{aanmelding} van de aanbesteding {a.naam}, die {uitvoerder(a)} "
        f"uitvoert. Met deze brief informeren wij u over {wat}{'' if p.niet_gegund else ' voor dit perceel'}."
    )
    rang = next((r for r in p.rangorde if r.inschrijver == inschrijver), None)
    t = _toets(g, inschrijver, code)
    # the heading says what the body says: a bid rejected only for an abnormally low price is "afgewezen"
    # (art. 2.116), never "ongeldig" above a paragraph that says "afgewezen"
    kop = "afgewezen (abnormaal lage prijs)" if uitkomst == ABNORMAAL_LAAG else uitkomst
    if p.niet_gegund:  # the lot's decision first, then the bid's own: the two are not the same decision
        _niet_gegund(d, p)
        d.kop(f"Uw inschrijving: {kop}")
    else:
        d.kop(f"Beslissing: {kop}")
    redenen = [
        _reden_zin(g, t, b.regel, reden, code)
        for t in ([t] if t else [])
        for b in t.bevindingen
        if b.voldoet is False
        for reden in (b.redenen or ("",))
    ]
    if uitkomst in AFWIJZINGEN:
        if uitkomst == UITGESLOTEN:
            inleiding = (
                "Uw inschrijving is uitgesloten van deelname aan dit perceel, omdat voor u een uitsluitingsgrond geldt:"
            )
        elif uitkomst == ABNORMAAL_LAAG:
            inleiding = (
                "Uw inschrijving is afgewezen en daarom niet gerangschikt en niet voor gunning in aanmerking "
                "gekomen, omdat uw prijs abnormaal laag is en uw toelichting die niet aanvaardbaar maakt:"
            )
        elif uitkomst == ONGELDIG:
            inleiding = (
                "Uw inschrijving is ongeldig voor dit perceel: zij voldoet niet aan de volgende eisen van de "
                "aanbesteding en is daarom niet gerangschikt en niet voor gunning in aanmerking gekomen:"
            )
        elif uitkomst == AANGEHOUDEN:  # the send gate holds letters back while a ground is unweighed
            raise ValueError(f"geen brief aan {inschrijver}: de verklaarde uitsluitingsgrond is nog niet gewogen")
        elif g.toetreding:  # no period follows a refused later application (below): a decision, not an intention
            inleiding = (
                "Wij laten u niet toe tot de overeenkomst voor dit perceel, omdat uw aanmelding niet voldoet aan de "
                "volgende eisen:"
            )
        else:  # NIET_TOEGELATEN, the last word of AFWIJZINGEN
            inleiding = (
                "Wij zijn voornemens u niet toe te laten tot de overeenkomst voor dit perceel, omdat uw inschrijving "
                "niet voldoet aan de volgende eisen:"
            )
        d.alinea(inleiding)
        d.opsomming(list(dict.fromkeys(redenen)))
        if door := afwijzingsbesluit(g, inschrijver, code, uitkomst):
            d.alinea(door)
        if any(b.regel == "minimum_kwaliteit" and b.voldoet is False for b in (t.bevindingen if t else ())):
            _scores_en_motivering(d, g, inschrijver, code, "Uw scores")
        if toelating:  # the open house stays open: a provider that meets the requirements later is admitted then
            d.alinea(later_toetreden_zin(a, perceel))
        elif not p.niet_gegund:  # art. 2.130: every bidder learns to whom the lot goes (none where nobody is)
            d.kop("Aan wie wordt gegund")
            _winnaars_tabel(d, g, code, inschrijver)
            d.alinea(raammaximum_zin(a, code))
    elif toelating:
        d.alinea(
            f"Wij zijn voornemens u toe te laten tot de overeenkomst voor perceel {perceel.naam}. Uw inschrijving "
            "voldoet aan alle eisen. Iedere inschrijver die aan de eisen voldoet, wordt toegelaten: inschrijvingen "
            "worden niet gerangschikt of met elkaar vergeleken, en er wordt geen prijsscore berekend."
        )
        if g.toetreding:  # the day the register admits the provider from: the contract already runs
            d.alinea(
                f"De toelating gaat in op {datum(g.toetreding[1])}, de dag na het einde van de termijn hieronder: "
                "vanaf die dag kan een inburgeraar of de klantmanager u kiezen."
            )
        aanbod = _index(g).inschrijving[inschrijver].aanbod.get(code)
        d.kop("Voorwaarden van de toelating")
        d.opsomming(
            [
                tarief_zin(perceel, aanbod.prijs if aanbod else None),
                "Voorwaarden voor toelating, waaraan u gedurende de looptijd blijft voldoen: "
                + "; ".join(b.eis for b in (t.bevindingen if t else ()))
                + ".",
                geen_aantal_zin(),
                later_toetreden_zin(a, perceel),
            ]
        )
        _voorbehoud(d, g)
        _scores_en_motivering(d, g, inschrijver, code, "Uw kwaliteitsscores", _toegelaten_score(p, t, rang))
    bijlage: list[list[str]] = []
    if not toelating and uitkomst not in AFWIJZINGEN:
        bijlage = _beslissing_gunning(d, g, inschrijver, code, uitkomst, rang)
    besluiten_in_brief(d, g, inschrijver, code, uitkomst)  # a condition or an accepted explanation (besluiten.yaml)
    if p.niet_gegund:
        _rechtsbescherming_zonder_termijn(
            d,
            g,
            "Omdat voor dit perceel geen overeenkomst wordt gesloten, geldt voor dit perceel geen opschortende "
            "termijn.",
        )
    elif g.toetreding and uitkomst in AFWIJZINGEN:
        # a later application refused while the contract runs: nothing is concluded, so no period is waited for (the
        # award's 'Wilt u dat de overeenkomsten niet worden gesloten ...' named contracts no one concludes)
        _rechtsbescherming_zonder_termijn(
            d,
            g,
            "Met dit besluit wordt geen overeenkomst gesloten: er is geen termijn om af te wachten.",
            "dit besluit",
        )
    else:
        _afsluiting(d, g, toelating)
    if bijlage:
        d.kop(f"Bijlage: uw verwachte verdeling per gemeente, perceel {perceel.naam}")
        d.tabel(KOP_VERDELING, bijlage)
    return d


def _niet_gegund(d: Document, p: Perceeluitslag) -> None:
    """The decision on a lot without a valid bid: it is not awarded, why (counted over the lot's bids, no other
    bidder named), and that no framework agreement is concluded; nothing about a winner, a ranking or a share."""
    d.kop("Beslissing: perceel niet gegund")
    d.alinea(
        f"Wij gunnen perceel {p.naam} niet, omdat {niet_gegund.reden(p, bijzin=True)}. Er is daarom geen "
        "rangorde en er wordt aan niemand gegund: voor dit perceel wordt geen raamovereenkomst gesloten."
    )


def _rechtsbescherming_zonder_termijn(
    d: Document, g: Rapportgegevens, waarom: str, besluit: str = "deze beslissing"
) -> None:
    """No contract is concluded by this decision (a lot not awarded, a later application refused), so there is no
    standstill period to wait for and no end date to state (`waarom` says it); the bidder can still contest its own
    rejection before the court (no vervaltermijn is claimed: none follows from such a decision)."""
    a = g.aanbesteding
    rechtbank = a.rechtsbescherming.rechtbank
    bij = (
        f"de voorzieningenrechter van de {rechtbank}"
        if rechtbank
        else f"de voorzieningenrechter van de rechtbank van het arrondissement waarin {a.penvoerder} is gevestigd"
    )
    d.kop("Rechtsbescherming")
    d.alinea(
        f"{waarom} Bent u het niet eens met {besluit}, dan kunt u een kort geding aanhangig maken bij {bij}. Wilt u "
        "ons direct informeren als u dat doet?"
    )
    if a.rechtsbescherming.klachtenmeldpunt:
        d.alinea(f"U kunt ook een klacht indienen bij {a.rechtsbescherming.klachtenmeldpunt}.")
    _groet(d, g)


def _door_regel_geplaatst(
    g: Rapportgegevens, code: str, eigen: Rangregel, naam: Callable[[Rangregel], str]
) -> list[tuple[Rangregel, str]]:
    """The bids with the recipient's compared total that its draw did not order, each (as the letter may name it)
    with the tie-break rule that placed it before or after the recipient."""
    perceel = g.aanbesteding.percelen[code]

    def kandidaat(r: Rangregel) -> Kandidaat:
        aanbod = _index(g).inschrijving[r.inschrijver].aanbod[code]
        return Kandidaat(r.inschrijver, r.prijs, r.kwaliteit, aanbod.capaciteit, aanbod.wachttijd_weken)

    uit = []
    for r in g.uitslag.percelen[code].rangorde:
        if r.inschrijver == eigen.inschrijver or punten(r.totaal) != punten(eigen.totaal):
            continue
        if r.loting_id is not None and r.loting_id == eigen.loting_id:
            continue
        regel = scheidende_regel(perceel, kandidaat(r), kandidaat(eigen))
        if regel is not None:
            uit.append((r.model_copy(update={"inschrijver": naam(r)}), regel))
    return uit


def _gelijke_winnaars(g: Rapportgegevens, code: str, eigen: Rangregel, gegund: list[Rangregel]) -> list[str]:
    """Why two awarded bids of the same compared total, both shown in the comparison table, stand at different ranks:
    the tie-break rule that placed them, or their draw. Without it a bidder read 'Q 1, P 2' beside 'Totaalscore 85,00
    85,00'. A tie with the recipient itself is explained in its decision (beslist_zin, the draw)."""
    perceel = g.aanbesteding.percelen[code]
    maatstaf = _gelijk_op(g, code)
    lotingen = _lotingen(g, code)

    def kandidaat(r: Rangregel) -> Kandidaat:
        aanbod = _index(g).inschrijving[r.inschrijver].aanbod[code]
        return Kandidaat(r.inschrijver, r.prijs, r.kwaliteit, aanbod.capaciteit, aanbod.wachttijd_weken)

    anderen = [r for r in gegund if r.inschrijver != eigen.inschrijver]
    uit = []
    for a, b in itertools.pairwise(anderen):
        if punten(a.totaal) != punten(b.totaal) or a.rang == b.rang:
            continue
        regel = scheidende_regel(perceel, kandidaat(a), kandidaat(b))
        if regel is not None:
            waarom = (
                f"de beslisregel bij gelijke stand van de aanbesteding ({BESLISREGEL_KORT.get(regel, regel)}) "
                f"plaatst {a.inschrijver} voor {b.inschrijver}"
            )
        elif b.loting_id is not None and b.loting_id in lotingen:
            waarom = f"hun volgorde is bepaald door {lotingen[b.loting_id]}"
        else:  # a shared rank has equal ranks; different ranks of an equal total come from a rule or a draw
            raise ValueError(f"{a.inschrijver}, {b.inschrijver}: gelijke {maatstaf} zonder beslisregel of loting")
        uit.append(f"{a.inschrijver} en {b.inschrijver} hebben dezelfde {maatstaf}; {waarom}.")
    return uit


def _andere_namen(namen: list[str]) -> str:
    """'Y', 'Y en 2 andere inschrijvers': the names that may be told, the others counted (never 'een andere
    inschrijver, een andere inschrijver')."""
    genoemd = list(dict.fromkeys(n for n in namen if n != "een andere inschrijver"))
    anoniem = sum(1 for n in namen if n == "een andere inschrijver")
    if anoniem:
        genoemd.append("een andere inschrijver" if anoniem == 1 else f"{anoniem} andere inschrijvers")
    return genoemd[0] if len(genoemd) == 1 else ", ".join(genoemd[:-1]) + " en " + genoemd[-1]


def _voorbehoud(d: Document, g: Rapportgegevens) -> None:
    if not g.aanbesteding.bewijsstukken:
        return
    d.kop("Voorbehoud: bewijsstukken")
    d.alinea(
        "Dit voornemen is onder voorbehoud van het overleggen van de volgende bewijsstukken, die wij binnen "
        f"{BEWIJS_WERKDAGEN} werkdagen na deze brief van u ontvangen en in orde moeten bevinden (zoals de "
        "aanbestedingsstukken aankondigen):"
    )
    d.opsomming(g.aanbesteding.bewijsstukken)
    d.alinea("Blijkt uit de bewijsstukken dat u niet aan de eisen voldoet, dan vervalt dit voornemen.")


def _beslissing_gunning(
    d: Document, g: Rapportgegevens, inschrijver: str, code: str, uitkomst: str, rang: Rangregel | None
) -> list[list[str]]:
    """The decision for a ranked bid. Returns the winner's allocation rows when they are too many to stand
    in the middle of the letter (a national lot: 130 gemeenten, four pages before the reasons): the caller
    puts them in an appendix after the signature."""
    a = g.aanbesteding
    p = g.uitslag.percelen[code]
    perceel = a.percelen[code]
    bijlage: list[list[str]] = []
    if rang is None:  # cannot happen for a valid bid; keep the letter honest rather than crash
        d.alinea("Uw inschrijving is niet gerangschikt.")
        return bijlage
    if uitkomst == GEGUND:
        n = _aantal(g, code, inschrijver)
        rijen = [[t.gemeente, getal(t.aantal, 0), euro(t.kosten)] for t in p.toewijzing if t.inschrijver == inschrijver]
        waar = (
            f". Per gemeente staat dat in de bijlage aan het eind van deze brief ({getal(len(rijen), 0)} gemeenten)."
            if len(rijen) > MAX_GEMEENTEN_IN_BRIEF
            else ":"
        )
        d.alinea(
            f"Wij zijn voornemens perceel {perceel.naam} aan u te gunnen. Uw inschrijving is als {rang.rang}e "
            f"gerangschikt. In de verdeling over de gemeenten verzorgt u naar verwachting {getal(n, 0)} van de "
            f"{getal(p.volume, 0)} trajecten per jaar ({getal(100 * n / p.volume, 1)}%){waar}"
        )
        if len(rijen) > MAX_GEMEENTEN_IN_BRIEF:
            bijlage = rijen
        else:
            d.tabel(KOP_VERDELING, rijen)
    else:
        d.alinea(
            f"Wij zijn voornemens perceel {perceel.naam} niet aan u te gunnen. Uw inschrijving is beoordeeld en als "
            f"{rang.rang}e gerangschikt, maar krijgt in de verdeling over de gemeenten geen trajecten."
        )
    _winnaars_tabel(d, g, code, inschrijver)
    d.alinea(raammaximum_zin(a, code))
    maatstaf = _gelijk_op(g, code)  # what the ranking compares: no 'totaalscore' where none exists

    # No letter tells more of a competitor than art. 2.130 requires and the published method announces: the
    # awarded bidders are named anyway, but a tie partner that got nothing stays 'een andere inschrijver' (its name
    # next to 'dezelfde totaalscore' would reveal its score); only a bidder that did not win learns who a draw
    # placed before or after it (README, openbaarmaking).
    def naam(r: Rangregel, door_loting: bool = False) -> str:
        if _aantal(g, code, r.inschrijver) > 0 or (door_loting and uitkomst != GEGUND):
            return r.inschrijver
        return "een andere inschrijver"

    if rang.loting:
        # only the recipient's own draw: a lot may hold two (a tie at rank 1 and another at rank 3)
        anderen = [
            naam(r, door_loting=True)
            for r in p.rangorde
            if r.loting_id == rang.loting_id and r.inschrijver != inschrijver
        ]
        d.alinea(
            f"Uw inschrijving en die van {', '.join(dict.fromkeys(anderen))} hadden precies dezelfde {maatstaf}, en "
            f"{beslisregels_voor_loting(g.aanbesteding.percelen[code])}. De volgorde is {rang.loting}; die loting is "
            f"vastgelegd als {rang.loting_id}. {loting_motivering(g.lotingen, code, rang.loting_id)} "
            + verdeling_volgt(maatstaf)
        )
        # bids of the same total outside the draw: a tie-break rule placed them, and the letter says which
        if zin := regel_naast_loting_zin(rang, _door_regel_geplaatst(g, code, rang, naam), maatstaf):
            d.alinea(zin)
    elif rang.gelijke_stand:
        anderen = [naam(r) for r in p.rangorde if r.rang == rang.rang and r.inschrijver != inschrijver]
        d.alinea(
            f"U deelt rang {rang.rang} met {_andere_namen(anderen)}. De volgorde tussen u verandert de "
            "gunning en de verdeling niet; daarom is geen loting gehouden."
        )
        if zin := regel_naast_loting_zin(rang, _door_regel_geplaatst(g, code, rang, naam), maatstaf):
            d.alinea(zin)
    elif rang.beslist_door:
        zichtbaar = [
            r if r.inschrijver == inschrijver else r.model_copy(update={"inschrijver": naam(r)}) for r in p.rangorde
        ]
        eigen = next(r for r in zichtbaar if r.inschrijver == inschrijver)
        d.alinea(beslist_zin(zichtbaar, eigen, _lotingen(g, code), maatstaf))
    # a withdrawn draw the addressee took part in: the advies and gunning.json list it, and so does the letter
    gerangschikt = {r.inschrijver: r for r in p.rangorde}
    if zin := ingetrokken_lotingen_zin(
        g.lotingen,
        code,
        inschrijver,
        lambda n: naam(gerangschikt[n], door_loting=True) if n in gerangschikt else "een andere inschrijver",
        rang.loting_id if rang.loting else None,
    ):
        d.alinea(zin)
    if uitkomst == GEGUND:
        _voorbehoud(d, g)
    d.kop("Uw beoordeling")
    d.alinea(_methodezin(g, code))
    d.alinea(_eigen_cijfers(g, code, rang))
    _scores_en_motivering(d, g, inschrijver, code, "Uw scores per criterium")
    if uitkomst == AFGEWEZEN:
        _vergelijking(d, g, code, rang, p)
    if inschrijver in p.verklaring:
        d.kop("Toelichting op de verdeling")
        d.alinea(met_vastgelegde_loting(tot_u(p.verklaring[inschrijver], inschrijver), rang, _lotingen(g, code)) + ".")
    return bijlage


def _lotingen(g: Rapportgegevens, code: str) -> dict[str, str]:
    """The lot's draws in force, id -> their record in words (gelijkestand.loting_vermelding)."""
    return {x.id: loting_vermelding(x) for x in g.lotingen if x.perceel == code and x.geldig}

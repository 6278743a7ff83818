"""The send gate: one list of every point a person must still settle before letters go out.

The terminal, the advies and --json show this same list. While it is not empty the award ends
with exit 1, the advies is a CONCEPT and no letters are written; each point names the command
(or the YAML field) that settles it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from evaluatie.besluiten.keurmerkwoorden import KEURMERK_WOORDEN, keurmerk_soort
from evaluatie.besluiten.verouderd import Verouderd
from evaluatie.definitie.model import Aanbesteding
from evaluatie.definitie.plaatshouders import PLAATSHOUDER  # what `evaluatie nieuw` writes for a detail not given
from evaluatie.gemeentenamen import opsomming
from evaluatie.tekst import aantal, datum, euro

MINIMUM_STANDSTILL = 20  # art. 2.127 lid 1 Aw 2012: at least 20 calendar days


@dataclass(frozen=True)
class Openpunt:
    soort: (
        str  # sluiting, verouderd, loting, abnormaal, uitsluiting, keurmerk, afzender, contactpersoon, ondertekenaar,
        # rechtbank
    )
    tekst: str
    commando: str

    def als_dict(self) -> dict[str, str]:
        return asdict(self)


def verouderd_punt(v: Verouderd) -> Openpunt:
    """A stale decision or draw as an open point: its place, what changed, that it is not applied, and the
    command that withdraws it (the words of besluiten.verouderd, as in an input error or a note)."""
    vervolg = v.vervolg()
    return Openpunt("verouderd", f"{v.plaats}: {v.zin()}. {vervolg[:1].upper()}{vervolg[1:]}.", v.commando)


def voor_de_sluiting(a: Aanbesteding, vandaag: dt.date) -> Openpunt | None:
    """An award computed before the tender closed: the bids may not be opened yet (a closing date is a day, its
    hour unknown, so on the closing day itself the award may run). What it gives is a trial calculation; the
    point names the closing date and the day the award took as today, which the command passes in."""
    sluiting = a.data.sluiting
    if vandaag >= sluiting:
        return None
    return Openpunt(
        "sluiting",
        f"De inschrijving sluit op {datum(sluiting)} (vandaag is {datum(vandaag)}): vóór de sluiting mag geen "
        "inschrijving worden geopend; dit advies is een proefberekening.",
        f"wacht tot de sluiting en voer op of na {datum(sluiting)} de gunning opnieuw uit; is die datum onjuist, "
        "corrigeer dan aanbesteding.yaml: data.sluiting",
    )


def keurmerk_grens(a: Aanbesteding) -> dt.date:
    """The keurmerk must still be valid on the award date and on the day the decision is sent."""
    return max(a.data.gunning, a.data.verzenddatum)


def signalen(award: Any, code: str) -> list[Any]:
    """Art. 2.116 signals of one lot of this award."""
    from evaluatie.rapport.abnormaal import abnormaal_lage_prijzen

    p = award.uitslag.percelen.get(code)
    if p is None:
        return []
    perceel = award.invoer.aanbesteding.percelen[code]
    return abnormaal_lage_prijzen(p, perceel.abnormaal_laag, perceel.abnormaal_maatstaf)


def signaal_zin(s: Any, perceel: Any) -> str:
    """'EUR 7.000,00 per traject ligt 26,3% onder de mediaan van de andere geldige inschrijvingen (EUR 9.500,00); de
    grens is 20%': what the signal compared, as the advies says it (rapport.abnormaal)."""
    from evaluatie.rapport.abnormaal import maatstaf_woorden, procent_onder
    from evaluatie.tekst import euro, kort

    return (
        f"{euro(s.prijs)} per traject ligt {procent_onder(s.afwijking, perceel.abnormaal_laag)}% onder "
        f"{maatstaf_woorden(perceel.abnormaal_maatstaf)} van de andere geldige inschrijvingen "
        f"({euro(s.gemiddelde_overige)}); de grens is {kort(100 * perceel.abnormaal_laag)}%"
    )


def gegund_met_keurmerkeis(award: Any) -> set[str]:
    """Bidders awarded (or admitted to) a lot whose knock-out requires the keurmerk."""
    return set(keurmerkprocedures(award))


def keurmerkprocedures(award: Any) -> dict[str, set[str]]:
    """Per bidder awarded (or admitted to) a lot whose knock-out requires the keurmerk, the procedures of those lots:
    what the keurmerk is a condition on (the gunning, the toelating, or both)."""
    uit: dict[str, set[str]] = {}
    for code, p in award.uitslag.percelen.items():
        if "keurmerk" not in award.invoer.aanbesteding.percelen[code].knockout:
            continue
        namen = {t.inschrijver for t in p.toewijzing if t.aantal > 0}
        if p.procedure == "toelating":
            namen |= {r.inschrijver for r in p.rangorde}
        for naam in namen:
            uit.setdefault(naam, set()).add(p.procedure)
    return uit


def _deelname_tot_weging(a: Aanbesteding, ins: Any) -> str:
    """Where an unweighed declared ground keeps the bid out (lots testing it) and where it still takes part."""
    codes = [code for code in ins.aanbod if code in a.percelen]
    zonder = [a.percelen[c].naam for c in codes if "uitsluitingsgronden" not in a.percelen[c].knockout]
    if not zonder:
        return "Tot dat besluit is vastgelegd, doet de inschrijving niet mee."
    met = [a.percelen[c].naam for c in codes if "uitsluitingsgronden" in a.percelen[c].knockout]
    uit = f"Tot dat besluit is vastgelegd, doet de inschrijving niet mee in {opsomming(met, 'en')}. " if met else ""
    return uit + (
        f"In {opsomming(zonder, 'en')} staat de knock-outregel uitsluitingsgronden niet aan, dus daar doet de "
        "inschrijving in deze berekening mee; een verplichte grond (art. 2.86 Aanbestedingswet 2012) sluit haar "
        "toch uit. Weeg de grond voordat de gunning wordt verzonden."
    )


def leeg(tekst: str | None) -> bool:
    """Not given: missing, blank, or the placeholder `evaluatie nieuw` wrote."""
    return not tekst or not tekst.strip() or PLAATSHOUDER in tekst.lower()


def ongewogen_uitsluitingen(a: Aanbesteding, inschrijvingen: Any, register: Any) -> list[Openpunt]:
    """Declared exclusion grounds not yet weighed. Such a bid takes no part until the decision is recorded,
    so these points are also named when the award stops for another reason (a lot left without capacity).

    A bid declaring a ground in a tender whose lots do not test it (knock-out rule `uitsluitingsgronden` off) is
    an open point too: the award would otherwise go to a bidder that says a ground applies without anyone having
    weighed it (a mandatory ground, art. 2.86, excludes whatever the tender documents test). There the bid does
    take part meanwhile, and the point says so."""
    gewogen = {u.inschrijver for u in (register.toegepast("uitsluiting") if register else [])}
    return [
        Openpunt(
            "uitsluiting",
            f"{ins.naam} verklaart dat een uitsluitingsgrond van toepassing is; welke grond, de feiten, de "
            "zelfreiniging (art. 2.87a) en bij een facultatieve grond de evenredigheid zijn nog niet gewogen. "
            + _deelname_tot_weging(a, ins)
            + eerst_intrekken(register, "uitsluiting", ins.naam),
            f'evaluatie uitsluitingsgrond --inschrijver "{ins.naam}" --grond "..." --artikel 2.86|2.87 '
            '--feiten "..." --zelfreiniging "..." [--evenredigheid "..."] '
            '--uitkomst uitgesloten|niet_uitgesloten --reden "..." --door "naam, functie"',
        )
        for ins in inschrijvingen
        if ins.uitsluitingsgronden and ins.naam not in gewogen
    ]


def eerst_intrekken(register: Any, soort: str, inschrijver: str, perceel: str | None = None) -> str:
    """A decision to take again while the stale one on the same matter is still on record: the decision command
    refuses a second one until the first is withdrawn, so the point says so (the stale one is listed above)."""
    oud = [
        b.id
        for b in (register.verouderd(soort) if register else [])
        if b.inschrijver == inschrijver and (perceel is None or b.perceel == perceel)
    ]
    if not oud:
        return ""
    ids = ", ".join(oud)
    return f" Trek eerst het verouderde besluit {ids} in (zie hierboven); pas daarna kan dit worden vastgelegd."


def open_punten(award: Any, vandaag: dt.date) -> list[Openpunt]:
    """Every open point of this award, in a fixed order (a tender not yet closed, stale decisions, ties, 2.116,
    exclusion grounds, keurmerk, letters). A stale decision comes before the decisions: a point it leaves open (a
    tie, a ground no longer weighed) follows it and says to withdraw it first where a new decision on the same
    matter waits for that. `vandaag` is the day the award is computed on (the command passes it in)."""
    from evaluatie.besluiten.rechtbank import rechtbank_van, waarom_geen_rechtbank

    a: Aanbesteding = award.invoer.aanbesteding
    register = award.invoer.besluiten
    punten: list[Openpunt] = [p for p in (voor_de_sluiting(a, vandaag),) if p is not None]
    punten += [verouderd_punt(v) for v in getattr(award.invoer, "verouderd", [])]
    for st in award.uitslag.loting_nodig:
        naam = award.uitslag.percelen[st.perceel].naam
        punten.append(
            Openpunt(
                "loting",
                f"Perceel {naam}: {', '.join(st.inschrijvers)} staan gelijk op rang {st.rang}; de volgorde bepaalt "
                "de gunning. Er is een loting nodig.",
                st.commando(),
            )
        )
    besloten_2116 = {(t.inschrijver, t.perceel) for t in (register.toegepast("abnormaal") if register else [])}
    for code, p in award.uitslag.percelen.items():
        if p.procedure == "toelating":
            continue  # open house compares no bids: the signal in the advies is information, not a decision
        for s in signalen(award, code):
            if (s.inschrijver, code) not in besloten_2116:
                punten.append(
                    Openpunt(
                        "abnormaal",
                        f"Perceel {p.naam}: de prijs van {s.inschrijver} lijkt abnormaal laag (art. 2.116 "
                        f"Aanbestedingswet 2012): {signaal_zin(s, a.percelen[code])}. Dat is een signaal, geen "
                        "afwijzing; vraag om schriftelijke toelichting en leg de beoordeling vast."
                        + eerst_intrekken(register, "abnormaal", s.inschrijver, code),
                        f'evaluatie toelichting --inschrijver "{s.inschrijver}" --lots {code} --ontvangen JJJJ-MM-DD '
                        '--uitkomst aanvaard|verworpen --reden "..." --door "naam, functie"',
                    )
                )
    punten += ongewogen_uitsluitingen(a, award.invoer.inschrijvingen, register)
    grens = keurmerk_grens(a)
    besloten_keurmerk = {k.inschrijver for k in (register.toegepast("keurmerk") if register else [])}
    gegund = keurmerkprocedures(award)
    for ins in award.invoer.inschrijvingen:
        if ins.naam not in gegund or ins.naam in besloten_keurmerk or not ins.keurmerk:
            continue
        # an open house awards nothing: where the bid needs the keurmerk only in one, the decision is the
        # toelatingsbesluit and the condition is on admission (the tender as a whole decided it before, so a Z-route
        # by open house beside an onderwijsroute by gunning read 'vóór de gunning ...; ... of gun onder voorwaarde')
        besluit, _, doen, _ = KEURMERK_WOORDEN[keurmerk_soort(gegund[ins.naam])]
        moment = besluit if grens == a.data.gunning else "de verzending van de brieven"
        if ins.keurmerk_geldig_tot is None or ins.keurmerk_geldig_tot < grens:
            wanneer = (
                f"verloopt op {datum(ins.keurmerk_geldig_tot)}" if ins.keurmerk_geldig_tot else "heeft geen einddatum"
            )
            punten.append(
                Openpunt(
                    "keurmerk",
                    f"Het keurmerk van {ins.naam} {wanneer}, vóór {moment} ({datum(grens)}); vraag om bewijs van "
                    f"verlenging, of {doen} onder voorwaarde." + eerst_intrekken(register, "keurmerk", ins.naam),
                    f'evaluatie keurmerk --inschrijver "{ins.naam}" --uitkomst verlengd --verlengd-tot JJJJ-MM-DD '
                    '--bewijs JJJJ-MM-DD --reden "..." --door "naam, functie"  (of --uitkomst onder_voorwaarde)',
                )
            )
    af = a.afzender
    if not af.adres or any(leeg(r) for r in af.adres):
        punten.append(
            Openpunt(
                "afzender",
                "De brieven hebben geen (volledig) adres van de afzender.",
                "aanbesteding.yaml: afzender.adres",
            )
        )
    for veld, persoon in (("contactpersoon", af.contactpersoon), ("ondertekenaar", af.ondertekenaar)):
        if persoon is None or leeg(persoon.naam) or leeg(persoon.functie):
            punten.append(
                Openpunt(
                    veld,
                    f"De brieven noemen geen {veld} (naam en functie).",
                    f"aanbesteding.yaml: afzender.{veld}: {{naam: ..., functie: ...}}",
                )
            )
        elif veld == "contactpersoon" and leeg(persoon.telefoon) and leeg(persoon.email):
            # a contact the bidder cannot reach within the standstill period is no contact
            punten.append(
                Openpunt(
                    veld,
                    f"De brieven noemen voor contactpersoon {persoon.naam} geen telefoonnummer en geen e-mailadres.",
                    "aanbesteding.yaml: afzender.contactpersoon: {telefoon: ..., email: ...}",
                )
            )
    if (korte := te_korte_termijn(a)) is not None:
        punten.append(korte)
    if leeg(a.rechtsbescherming.rechtbank) and rechtbank_van(a.penvoerder) is None:
        punten.append(
            Openpunt(
                "rechtbank",
                "De rechtbank voor een kort geding is niet af te leiden: "
                f"{waarom_geen_rechtbank(a.penvoerder, a.data.publicatie)}",
                "aanbesteding.yaml: rechtsbescherming.rechtbank: Rechtbank ...",
            )
        )
    return punten


def te_korte_termijn(a: Aanbesteding) -> Openpunt | None:
    """Above the threshold art. 2.127 Aw 2012 asks at least 20 calendar days: a shorter `standstill_dagen` would
    make every letter state a period the law does not allow, under that article's name. Below the threshold (and
    in an open house) the period is the tender's own, and any length stands."""
    from evaluatie.rapport.waarde import DREMPEL_SAS, boven_drempel, gunningswaarde

    if a.standstill_dagen >= MINIMUM_STANDSTILL or not boven_drempel(a):
        return None
    return Openpunt(
        "standstill",
        f"De opschortende termijn is {a.standstill_dagen} kalenderdagen (standstill_dagen), maar art. 2.127 "
        f"Aanbestedingswet 2012 vraagt ten minste {MINIMUM_STANDSTILL} kalenderdagen: de geraamde waarde van de "
        f"gunningspercelen, {euro(gunningswaarde(a))}, ligt op of boven de drempel van {euro(DREMPEL_SAS)}.",
        f"aanbesteding.yaml: standstill_dagen: {MINIMUM_STANDSTILL}",
    )


def keurmerkbesluiten_zonder_gunning(award: Any) -> list[Verouderd]:
    """A keurmerk decision rests on an award to that bidder (a condition on it, or the proof for it): when every
    lot of the bidder that requires the keurmerk is computed here and awards it nothing, the decision is stale
    (the advies would state a condition on an award that is not made). Leaving it out changes no ranking."""
    a: Aanbesteding = award.invoer.aanbesteding
    register = award.invoer.besluiten
    per_naam = {i.naam: i for i in award.invoer.inschrijvingen}
    gegund = gegund_met_keurmerkeis(award)
    uit = []
    for k in register.toegepast("keurmerk") if register else []:
        ins = per_naam.get(k.inschrijver)
        if ins is None:  # no bid any more: stale already at the knock-out (toepassen.verouderd)
            continue
        n = k.inschrijver
        if (zonder := zonder_keurmerkeis(a, ins)) is not None:
            # the requirement is gone (or never was): a condition on the award, or its proof, rests on nothing the
            # tender asks; applied, the advies stated a condition that no letter and no tender document sets
            uit.append(
                Verouderd(
                    k.id,
                    f"geen perceel waarin {n} inschrijft, eist nog het keurmerk ({zonder}); "
                    "het besluit gaat uit van die eis",
                )
            )
            continue
        eigen = [c for c in ins.aanbod if c in a.percelen and "keurmerk" in a.percelen[c].knockout]
        if n in gegund or any(c not in award.uitslag.percelen for c in eigen):
            continue
        wat = f"het besluit over het keurmerk van {n} gaat uit van een gunning aan {n}, maar {n} wordt nu niet gegund"
        uit.append(Verouderd(k.id, wat))
    return uit


def zonder_keurmerkeis(a: Aanbesteding, ins: Any) -> str | None:
    """'B1-route: geen knock-outregel keurmerk' when no lot the bid is for requires the keurmerk (a keurmerk decision
    has nothing to rest on), else None."""
    codes = [c for c in ins.aanbod if c in a.percelen]
    if any("keurmerk" in a.percelen[c].knockout for c in codes):
        return None
    return f"{opsomming([a.percelen[c].naam for c in codes], 'en')}: geen knock-outregel keurmerk"


def melding(punten: list[Openpunt]) -> list[str]:
    """The terminal's lines: why the award stops at a concept, and the command for each point."""
    uit = [
        f"{aantal(str(len(punten)), 'open punt', 'open punten')}: er zijn geen brieven geschreven en het "
        "gunningsadvies is een CONCEPT. "
        "Wat nog besloten of ingevuld moet worden:"
    ]
    for p in punten:
        uit.append(f"- {p.tekst}")
        uit.append(f"    {p.commando}")
    return uit

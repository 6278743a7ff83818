"""Margin to win (closed form per price method) and the capacity that would change a share."""

from __future__ import annotations

import dataclasses

from evaluatie.fouten import EvaluatieFout
from evaluatie.prijs.basis import Kandidaat, methode
from evaluatie.zekerheid.model import Capaciteitsmarge, Marge


def marges(award, code: str) -> list[Marge]:
    p = award.uitslag.percelen[code]
    perceel = award.invoer.aanbesteding.percelen[code]
    per_naam = {i.naam: i for i in award.invoer.inschrijvingen}
    kandidaten = [
        Kandidaat(
            r.inschrijver,
            r.prijs,
            r.kwaliteit,
            per_naam[r.inschrijver].aanbod[code].capaciteit,
            per_naam[r.inschrijver].aanbod[code].wachttijd_weken,
        )
        for r in p.rangorde
    ]
    m = methode(perceel.prijsmethode)
    return [
        Marge(
            inschrijver=r.inschrijver,
            rang=r.rang,
            kwaliteit=m.marge_kwaliteit(perceel, kandidaten, r.inschrijver),
            prijs=m.marge_prijs(perceel, kandidaten, r.inschrijver),
        )
        for r in p.rangorde
        if r.rang > 1
    ]


def rangomkeringen(award, code: str) -> list:
    """Rank reversal under relatief/lineair: the lowest valid bid leaving, or an excluded cheaper bid admitted."""
    from evaluatie.prijs.rangomkering import rangomkeringen as bereken

    p = award.uitslag.percelen[code]
    perceel = award.invoer.aanbesteding.percelen[code]
    per_naam = {i.naam: i for i in award.invoer.inschrijvingen}
    kwaliteit = award.beoordeling.panel.kwaliteit.get(code, {}) if award.beoordeling.panel else {}

    def kandidaat(naam: str, prijs: float, q: float) -> Kandidaat:
        a = per_naam[naam].aanbod[code]
        return Kandidaat(naam, prijs, q, a.capaciteit, a.wachttijd_weken)

    kandidaten = [kandidaat(r.inschrijver, r.prijs, r.kwaliteit) for r in p.rangorde]
    uitgesloten = [
        kandidaat(x.inschrijver, per_naam[x.inschrijver].aanbod[code].prijs, kwaliteit.get(x.inschrijver, 0.0))
        for x in p.uitgesloten
        if x.inschrijver in per_naam and code in per_naam[x.inschrijver].aanbod
    ]
    return bereken(perceel, kandidaten, uitgesloten)


def capaciteitsmarges(award, code: str, oplosser: str) -> list[Capaciteitsmarge]:
    """Lowering capacity below the allocation must change the share (closed form: capacity - allocation + 1);
    a capacity that is not binding changes nothing when raised. Only for a binding capacity is the
    smallest useful rise searched, by re-solving with +1, +2, +4, ... up to the lot's volume."""
    return [capaciteitsmarge(award, code, oplosser, naam) for naam in gegunde_leveranciers(award, code)]


def gegunde_leveranciers(award, code: str) -> list[str]:
    """Suppliers with a share, in ranking order: the ones a capacity margin is computed for."""
    if award.invoer.aanbesteding.percelen[code].procedure != "gunning":
        return []
    p = award.uitslag.percelen[code]
    per: dict[str, int] = {}
    for t in p.toewijzing:
        per[t.inschrijver] = per.get(t.inschrijver, 0) + t.aantal
    return [r.inschrijver for r in p.rangorde if per.get(r.inschrijver, 0) > 0]


def capaciteitsmarge(award, code: str, oplosser: str, naam: str) -> Capaciteitsmarge:
    """One supplier's capacity margin (see capaciteitsmarges); independent of the others."""
    from evaluatie.gunning.uitvoeren import verdeelprobleem
    from evaluatie.verdeling.verdelen import verdeel

    p = award.uitslag.percelen[code]
    probleem = verdeelprobleem(award.invoer.aanbesteding, code, p.rangorde, award.invoer.inschrijvingen)
    i = next(i for i, s in enumerate(probleem.leveranciers) if s.naam == naam)
    s = probleem.leveranciers[i]
    n = p.toegewezen(naam)
    verhoging = None
    niet_berekend = None
    if n >= s.capaciteit:
        stap = 1
        while stap <= probleem.totaal:
            ander = list(probleem.leveranciers)
            ander[i] = dataclasses.replace(s, capaciteit=s.capaciteit + stap)
            try:
                v = verdeel(dataclasses.replace(probleem, leveranciers=tuple(ander)), oplosser)
            except EvaluatieFout as e:  # never read as "no rise helps": say that it was not computed, and why
                niet_berekend = f"met {stap} plaats(en) meer: " + "; ".join(e.meldingen)
                break
            if v.per_leverancier().get(s.naam, 0) != n:
                verhoging = stap
                break
            stap *= 2
    return Capaciteitsmarge(
        inschrijver=s.naam,
        toegewezen=n,
        capaciteit=s.capaciteit,
        verlaging=s.capaciteit - n + 1,
        verhoging=verhoging,
        niet_berekend=niet_berekend,
    )

"""The difference between two award outcomes, in words: ranking, allocation, cost and score.

An open-house lot (procedure toelating) has no ranking and no score: its difference is who is admitted,
the expected distribution and the cost, never a rank or a "gewogen score" it does not have."""

from __future__ import annotations

from dataclasses import dataclass, field

from evaluatie.definitie.model import Aanbesteding
from evaluatie.gunning.uitslag import Gunningsuitslag, Perceeluitslag, Uitsluiting
from evaluatie.prijs.precisie import punten
from evaluatie.prijs.rangorde import Rangregel
from evaluatie.tekst import euro, getal


@dataclass
class Perceelverschil:
    perceel: str  # the lot's name, as the text says it ('Perceel B1-route')
    code: str = ""  # its code, the key of the lot in gunning.json ('voor' and 'na' of scenario --json)
    procedure: str = "gunning"  # "toelating": admission only, no rank and no score
    procedure_voor: str = ""  # the baseline's procedure when the scenario changes it (--zet percelen.Z.procedure=...)
    rangorde: list[str] = field(default_factory=list)
    verdeling: list[str] = field(default_factory=list)
    kosten_voor: float = 0.0
    kosten_na: float = 0.0
    waarde_voor: float = 0.0
    waarde_na: float = 0.0
    raammaximum: str = ""  # the framework maximum before -> after, when the scenario changes it; else empty
    # Under fictieve_korting the total is a fictitious price in euros (lower is better) and the allocation's value per
    # inburgeraar the ceiling minus it: a score and such a value are no numbers to subtract. False when the scenario
    # changes the lot from the one kind of price method to the other; the text then says so instead of a difference.
    vergelijkbaar: bool = True
    maatstaf_voor: str = "totaalscore"
    maatstaf_na: str = "totaalscore"
    # 'gegund -> niet gegund', 'niet gegund -> gegund' or 'niet gegund (ongewijzigd)' where either outcome has no valid
    # bid; empty otherwise. Costs of EUR 0,00 next to it are then no saving: nobody is awarded.
    uitkomst: str = ""
    # the lines of aanbesteding.yaml's own that do not apply because the scenario makes the lot an open house
    # (scenario.zet.niet_van_toepassing), in one sentence; empty otherwise
    niet_van_toepassing: str = ""


def _waarde(p: Perceeluitslag) -> float:
    """Score-weighted volume: sum of gunningswaarde x inburgeraars, what the allocation maximises; in hundredths,
    as the text says it, so --json gives the same number as the sentence (not 1786.842105263158 next to 1.786,84)
    and a difference is never a float remnant said as '-0,00'."""
    waarde = {r.inschrijver: r.gunningswaarde for r in p.rangorde}
    return round(sum(waarde[t.inschrijver] * t.aantal for t in p.toewijzing), 2)


def _kosten(p: Perceeluitslag) -> float:
    """The cost per year in whole cents, as the text says it (a sum of floats can carry a remnant)."""
    return round(sum(t.kosten for t in p.toewijzing), 2)


def _fictief(p: Perceeluitslag) -> bool:
    return p.prijsmethode == "fictieve_korting"


def _maatstaf(p: Perceeluitslag) -> str:
    from evaluatie.prijs.basis import methode

    return methode(p.prijsmethode).maatstaf


def _totaal(p: Perceeluitslag, totaal: float) -> str:
    """A total as its method means it: a fictitious price in euros, or a score."""
    return euro(totaal) if _fictief(p) else getal(totaal)


def _totalen(a: Perceeluitslag, b: Perceeluitslag, voor: float, na: float) -> str:
    """'totaal 85,00 -> 80,00', or, when the scenario changes what the total is, each named: 'totaalscore 85,00 ->
    fictieve prijs EUR 5.750,00' (not 'totaal 85,00 -> 5.750,00', a score read as if it were a price)."""
    if _fictief(a) == _fictief(b):
        return f"{'fictieve prijs' if _fictief(a) else 'totaal'} {_totaal(a, voor)} -> {_totaal(b, na)}"
    return f"{_maatstaf(a)} {_totaal(a, voor)} -> {_maatstaf(b)} {_totaal(b, na)}"


def _uitkomst(a: Perceeluitslag, b: Perceeluitslag) -> str:
    if not (a.niet_gegund or b.niet_gegund):
        return ""
    if a.niet_gegund and b.niet_gegund:
        return "niet gegund (ongewijzigd)"
    return "niet gegund -> gegund" if a.niet_gegund else "gegund -> niet gegund"


def _erbij(p: Perceeluitslag, rang: int, u: Uitsluiting | None) -> str:
    """A bid out of the lot before and in it in the scenario: in a ranked lot its status in the award and its rank
    ('abnormaal laag -> rang 1', as a bid that drops out reads 'rang 4 -> ongeldig (...)'); 'nu toegelaten' is the word
    of an open house."""
    if p.procedure == "toelating":
        return "nu toegelaten"
    return f"{u.status if u is not None else 'niet gerangschikt'} -> rang {rang}"


def _afgevallen(a: Perceeluitslag, x: Rangregel | None, u: Uitsluiting | None) -> str:
    """A bid that drops out in the scenario, in the words of the award and with the rule that decided ('rang 4 ->
    ongeldig (wachttijd 8 weken, toegestaan hoogstens 7)'); it read 'niet meer toegelaten' in a ranked lot too, the
    word of an open house, without why."""
    waarom = f" ({'; '.join(u.redenen)})" if u is not None and u.redenen else ""
    if a.procedure == "toelating":
        return f"niet meer toegelaten{waarom}"
    was = f"rang {x.rang} -> " if x is not None else ""
    return f"{was}{u.status if u is not None else 'niet gerangschikt'}{waarom}"


def _stand(p: Perceeluitslag, r: Rangregel | None) -> str:
    """A bid's standing in a lot, in the words of its procedure: 'toegelaten', 'rang 2, 39 toegewezen', or out."""
    if r is None:
        return "niet toegelaten" if p.procedure == "toelating" else "niet gerangschikt"
    if p.procedure == "toelating":
        return "toegelaten"
    return f"rang {r.rang}, {p.toegewezen(r.inschrijver)} toegewezen"


def _raammaximum(code: str, a_voor: Aanbesteding | None, a_na: Aanbesteding | None) -> str:
    """'210 -> 252 trajecten, EUR 2.100.000,00 -> EUR 2.520.000,00' when looptijd, raammaximum, volumes or the
    price it is valued at change it: the maximum the letters and the published method state."""
    from evaluatie.gunning.raamovereenkomst import raammaximum

    if a_voor is None or a_na is None or code not in a_voor.percelen or code not in a_na.percelen:
        return ""
    if "toelating" in (a_voor.percelen[code].procedure, a_na.percelen[code].procedure):
        return ""
    x, y = raammaximum(a_voor, code), raammaximum(a_na, code)
    if (x.trajecten, x.waarde) == (y.trajecten, y.waarde):
        return ""
    return f"{getal(x.trajecten, 0)} -> {getal(y.trajecten, 0)} trajecten, {euro(x.waarde)} -> {euro(y.waarde)}"


def verschil(
    voor: Gunningsuitslag,
    na: Gunningsuitslag,
    a_voor: Aanbesteding | None = None,
    a_na: Aanbesteding | None = None,
) -> list[Perceelverschil]:
    """Per lot what changed; with both tender definitions also the framework maximum."""
    uit = []
    for code, a in voor.percelen.items():
        b = na.percelen.get(code)
        if b is None:
            continue
        v = Perceelverschil(
            perceel=a.naam,
            code=code,
            procedure=b.procedure,
            kosten_voor=_kosten(a),
            kosten_na=_kosten(b),
            waarde_voor=_waarde(a),
            waarde_na=_waarde(b),
            vergelijkbaar=_fictief(a) == _fictief(b),
            maatstaf_voor=_maatstaf(a),
            maatstaf_na=_maatstaf(b),
            raammaximum=_raammaximum(code, a_voor, a_na),
            uitkomst=_uitkomst(a, b),
        )
        ra = {r.inschrijver: r for r in a.rangorde}
        rb = {r.inschrijver: r for r in b.rangorde}
        if a.procedure != b.procedure:
            # a ranked lot made an open house (or back): every bid's standing changes kind, so each is said with
            # both (a bid ranked without volume is now admitted; 'Toegelaten: ongewijzigd' hid the change)
            v.procedure_voor = a.procedure
            for naam in sorted(set(ra) | set(rb)):
                v.rangorde.append(f"{naam}: {_stand(a, ra.get(naam))} -> {_stand(b, rb.get(naam))}")
        af = {u.inschrijver: u for u in b.uitgesloten}
        eerder = {u.inschrijver: u for u in a.uitgesloten}
        for naam in sorted(set(ra) | set(rb)) if a.procedure == b.procedure else ():
            x, y = ra.get(naam), rb.get(naam)
            if x is None or y is None:  # one of them: naam comes from either ranking
                stand = _afgevallen(a, x, af.get(naam)) if y is None else _erbij(b, y.rang, eerder.get(naam))
                v.rangorde.append(f"{naam}: {stand}")
            elif b.procedure == "toelating":
                continue  # admitted before and after: an open house has no rank to change
            elif x.rang != y.rang or punten(x.totaal) != punten(y.totaal) or a.prijsmethode != b.prijsmethode:
                v.rangorde.append(f"{naam}: rang {x.rang} -> {y.rang}, {_totalen(a, b, x.totaal, y.totaal)}")
        ta = {(t.gemeente, t.inschrijver): t.aantal for t in a.toewijzing}
        tb = {(t.gemeente, t.inschrijver): t.aantal for t in b.toewijzing}
        volgorde = [x.gemeente for x in a.budgetten]
        for g, naam in sorted(set(ta) | set(tb), key=lambda s: (volgorde.index(s[0]) if s[0] in volgorde else 0, s[1])):
            if ta.get((g, naam), 0) != tb.get((g, naam), 0):
                v.verdeling.append(f"{g}: {naam} {ta.get((g, naam), 0)} -> {tb.get((g, naam), 0)}")
        uit.append(v)
    return uit


def als_tekst(verschillen: list[Perceelverschil]) -> str:
    delen = []
    for v in verschillen:
        delen.append(f"Perceel {v.perceel}")
        if v.uitkomst:
            delen.append(f"  Uitkomst: {v.uitkomst}")
        if v.procedure_voor:
            naam = {"gunning": "gunning (rangorde)", "toelating": "toelating (open house)"}
            delen.append(f"  Procedure: {naam[v.procedure_voor]} -> {naam[v.procedure]}")
        if v.niet_van_toepassing:
            delen.append(f"  Niet van toepassing: {v.niet_van_toepassing}.")
        if v.procedure_voor:
            kop = "Rangorde en toelating"
        else:
            kop = "Toegelaten" if v.procedure == "toelating" else "Rangorde"
        delen.append(f"  {kop}: " + ("ongewijzigd" if not v.rangorde else ""))
        delen += [f"    {r}" for r in v.rangorde]
        delen.append("  Verdeling: " + ("ongewijzigd" if not v.verdeling else ""))
        delen += [f"    {r}" for r in v.verdeling]
        teken = "+" if v.kosten_na >= v.kosten_voor else "-"
        delen.append(
            f"  Kosten per jaar: {euro(v.kosten_voor)} -> {euro(v.kosten_na)} "
            f"({teken}{euro(abs(v.kosten_na - v.kosten_voor))})"
        )
        if v.raammaximum:
            delen.append(f"  Maximum raamovereenkomst: {v.raammaximum}")
        if v.procedure == "toelating":
            continue  # open house: no score, so no score-weighted volume
        if not v.vergelijkbaar:
            delen.append(
                f"  Gewogen score x inburgeraars: niet te vergelijken; de rangorde gaat in dit scenario op "
                f"{v.maatstaf_na} in plaats van {v.maatstaf_voor}"
            )
            continue
        teken = "+" if v.waarde_na >= v.waarde_voor else "-"
        if v.maatstaf_na == "fictieve prijs":  # the value is the ceiling minus the fictitious price, in euros
            delen.append(
                f"  (Plafondprijs - fictieve prijs) x inburgeraars: {euro(v.waarde_voor)} -> {euro(v.waarde_na)} "
                f"({teken}{euro(abs(v.waarde_na - v.waarde_voor))})"
            )
            continue
        delen.append(
            f"  Gewogen score x inburgeraars: {getal(v.waarde_voor)} -> {getal(v.waarde_na)} "
            f"({teken}{getal(abs(v.waarde_na - v.waarde_voor))})"
        )
    return "\n".join(line.rstrip() for line in delen)

"""The difference between two award outcomes, in words: ranking, allocation, cost and score."""

from __future__ import annotations

from dataclasses import dataclass, field

from evaluatie.gunning.uitslag import Gunningsuitslag, Perceeluitslag
from evaluatie.prijs.precisie import punten
from evaluatie.tekst import euro, getal


@dataclass
class Perceelverschil:
    perceel: str
    rangorde: list[str] = field(default_factory=list)
    verdeling: list[str] = field(default_factory=list)
    kosten_voor: float = 0.0
    kosten_na: float = 0.0
    waarde_voor: float = 0.0
    waarde_na: float = 0.0


def _waarde(p: Perceeluitslag) -> float:
    """Score-weighted volume: sum of gunningswaarde x inburgeraars, what the allocation maximises."""
    waarde = {r.inschrijver: r.gunningswaarde for r in p.rangorde}
    return sum(waarde[t.inschrijver] * t.aantal for t in p.toewijzing)


def verschil(voor: Gunningsuitslag, na: Gunningsuitslag) -> list[Perceelverschil]:
    uit = []
    for code, a in voor.percelen.items():
        b = na.percelen.get(code)
        if b is None:
            continue
        v = Perceelverschil(
            perceel=a.naam,
            kosten_voor=sum(t.kosten for t in a.toewijzing),
            kosten_na=sum(t.kosten for t in b.toewijzing),
            waarde_voor=_waarde(a),
            waarde_na=_waarde(b),
        )
        ra = {r.inschrijver: r for r in a.rangorde}
        rb = {r.inschrijver: r for r in b.rangorde}
        for naam in sorted(set(ra) | set(rb)):
            x, y = ra.get(naam), rb.get(naam)
            if x is None or y is None:
                v.rangorde.append(
                    f"{naam}: {'niet meer toegelaten' if y is None else 'nu toegelaten, rang ' + str(y.rang)}"
                )
            elif x.rang != y.rang or punten(x.totaal) != punten(y.totaal):
                v.rangorde.append(f"{naam}: rang {x.rang} -> {y.rang}, totaal {getal(x.totaal)} -> {getal(y.totaal)}")
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
        delen.append("  Rangorde: " + ("ongewijzigd" if not v.rangorde else ""))
        delen += [f"    {r}" for r in v.rangorde]
        delen.append("  Verdeling: " + ("ongewijzigd" if not v.verdeling else ""))
        delen += [f"    {r}" for r in v.verdeling]
        teken = "+" if v.kosten_na >= v.kosten_voor else "-"
        delen.append(
            f"  Kosten per jaar: {euro(v.kosten_voor)} -> {euro(v.kosten_na)} "
            f"({teken}{euro(abs(v.kosten_na - v.kosten_voor))})"
        )
        teken = "+" if v.waarde_na >= v.waarde_voor else "-"
        delen.append(
            f"  Gewogen score x inburgeraars: {getal(v.waarde_voor)} -> {getal(v.waarde_na)} "
            f"({teken}{getal(abs(v.waarde_na - v.waarde_voor))})"
        )
    return "\n".join(line.rstrip() for line in delen)

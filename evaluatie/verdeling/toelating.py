"""Open house (procedure: toelating): every bid that passes is admitted; no LP.

The allocation shown is the expected distribution: each gemeente's inburgeraars spread
over the admitted suppliers that serve it in proportion to capacity x quality score,
rounded by largest remainder (ties: better-ranked supplier first). It is an expectation,
not a commitment: in an open house the inburgeraar or klantmanager chooses.
"""

from __future__ import annotations

from evaluatie.verdeling.model import Toewijzing, Verdeelprobleem, Verdeling


def verwachte_verdeling(p: Verdeelprobleem) -> Verdeling:
    uit = []
    for g, d in p.vraag.items():
        bedienen = [s for s in p.leveranciers if g in s.gemeenten]
        gewicht = {s.naam: s.capaciteit * max(s.waarde, 0) for s in bedienen}
        som = sum(gewicht.values())
        if d == 0 or som == 0:
            continue
        exact = {s.naam: d * gewicht[s.naam] / som for s in bedienen}
        aantal = {n: int(x) for n, x in exact.items()}
        rest = d - sum(aantal.values())
        for s in sorted(bedienen, key=lambda s: (-(exact[s.naam] - aantal[s.naam]), s.rang))[:rest]:
            aantal[s.naam] += 1
        for s in bedienen:
            if aantal[s.naam]:
                uit.append(
                    Toewijzing(
                        gemeente=g, inschrijver=s.naam, aantal=aantal[s.naam], kosten=round(aantal[s.naam] * s.prijs, 2)
                    )
                )
    return Verdeling(toewijzing=tuple(uit), solver="geen (toelating)", model="verwachte verdeling")

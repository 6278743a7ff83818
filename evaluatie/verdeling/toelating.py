"""Open house (procedure: toelating): every bid that passes is admitted; no LP, no selection.

Under Falk Pharma (C-410/14) and Tirkkonen (C-9/17) an admission system chooses no one among
those who qualify. So the distribution shown is only an expectation, and it uses nothing but
capacity: each gemeente's inburgeraars are spread over the admitted suppliers that serve it in
proportion to their capacity. Quality and price play no part, and neither does the order in
which bids were ranked. Whole inburgeraars by largest remainder; equal remainders go first to
the larger capacity, then by rotation: the suppliers of a gemeente listed by name, the k-th
gemeente of the tender starting at the k-th of them (modulo their number), so no supplier gains
from its name. It is an expectation, not a commitment: the inburgeraar or klantmanager chooses.

Admission itself is decided per bid by the knock-out rules, which never compare bids: a
bidder who applies later is admitted on a re-run without changing anyone's earlier admission.
"""

from __future__ import annotations

from evaluatie.verdeling.model import Toewijzing, Verdeelprobleem, Verdeling

MODEL = "verwachte verdeling naar capaciteit"


def verwachte_verdeling(p: Verdeelprobleem) -> Verdeling:
    uit = []
    for k, (g, d) in enumerate(p.vraag.items()):
        bedienen = sorted((s for s in p.leveranciers if g in s.gemeenten and s.capaciteit > 0), key=lambda s: s.naam)
        som = sum(s.capaciteit for s in bedienen)
        if d == 0 or som == 0:
            continue
        exact = {s.naam: d * s.capaciteit / som for s in bedienen}
        aantal = {n: int(x) for n, x in exact.items()}
        rest = d - sum(aantal.values())
        rotatie = {s.naam: (i - k) % len(bedienen) for i, s in enumerate(bedienen)}
        volgorde = sorted(
            bedienen,
            key=lambda s: (-round(exact[s.naam] - aantal[s.naam], 9), -s.capaciteit, rotatie[s.naam]),
        )
        for s in volgorde[:rest]:
            aantal[s.naam] += 1
        for s in bedienen:
            if aantal[s.naam]:
                uit.append(
                    Toewijzing(
                        gemeente=g, inschrijver=s.naam, aantal=aantal[s.naam], kosten=round(aantal[s.naam] * s.prijs, 2)
                    )
                )
    return Verdeling(toewijzing=tuple(uit), solver="geen (toelating)", model=MODEL)

"""Krippendorff's alpha per reviewer: an internal page (rapporten/intern/betrouwbaarheid.html).

"Alpha without reviewer C" is a judgement on one person's work. It helps the penvoerder decide
whether to talk to the panel, but it does not belong in the formal advies that the college and,
in court, the bidders read; the advies keeps the alpha per criterion only.
"""

from __future__ import annotations

from evaluatie.beoordeling.alfatekst import alfa_tekst, meest_stijgend
from evaluatie.rapport.anoniem import beoordelaar_labels, beoordelaars_op_volgorde
from evaluatie.rapport.documentnaam import het_advies
from evaluatie.rapport.gegevens import Rapportgegevens
from evaluatie.rapport.html import Cel, e, pagina, paginavoet, tabel
from evaluatie.tekst import getal


def betrouwbaarheid_pagina(g: Rapportgegevens) -> str:
    label = beoordelaar_labels(g)
    volgorde = beoordelaars_op_volgorde(g)
    delen = [
        '<p class="vertrouwelijk">Vertrouwelijk - intern stuk, geen onderdeel van '
        f"{het_advies({p.procedure for p in g.uitslag.percelen.values()})}</p>",
        f"<h1>Overeenstemming per beoordelaar - {e(g.aanbesteding.naam)}</h1>",
        "<p>Per criterium de Krippendorffs alfa van het hele panel en de alfa als telkens een beoordelaar wordt "
        "weggelaten. Stijgt de alfa sterk zonder een beoordelaar, dan week die het meest af; dat is een "
        "aanleiding voor een gesprek, geen oordeel over de juistheid van de scores.</p>",
    ]
    for code, p in g.aanbesteding.percelen.items():
        rijen = []
        for b in g.panel.betrouwbaarheid:
            if b.perceel != code:
                continue
            c = p.criterium(b.criterium)
            rijen.append(
                [
                    c.naam if c else b.criterium,
                    Cel(alfa_tekst(g.panel, b), b.alpha),
                    *(Cel("-" if (z := b.alpha_zonder.get(n)) is None else getal(z, 3), z) for n in volgorde),
                    ", ".join(sorted(label.get(n, n) for n in meest_stijgend(b))) or "-",
                ]
            )
        if not rijen:
            continue
        kop = ["Criterium", "Alfa", *(f"Alfa zonder {label[n]}" for n in volgorde), "Grootste afwijker"]
        delen += [f"<h2>Perceel {e(p.naam)}</h2>", tabel(kop, rijen, getal_kolommen=tuple(range(1, len(kop) - 1)))]
    titel = f"Overeenstemming per beoordelaar {g.aanbesteding.naam}"
    return pagina(titel, "\n".join(delen), extra_stijl=paginavoet(titel))

"""Budget gemeenten inside their merged class: the exact budget relaxation with fewer columns that say the same.

Why. Stages 1-3 depend only on each supplier's total. With budgets only (no max_leveranciers_per_gemeente, no
per_subregio), the model of those stages is exact on merged classes (gemeenten with the same eligible suppliers)
once every gemeente with a budget keeps its own budget row. Until now such a gemeente was taken out of its class as
a class of its own: its cells then appear twice over, in its own class and, interchangeably, in the rest of the class
(the same total can be split between them in many ways), and the MIP engines spend their time on that. On the
national tender (bench/landelijk.py, budget in every 10th gemeente) the same model without any budget row took CBC
1.75 s on 70 classes against 0.30 s on the 35 merged ones (seed 4, Z).

Here the class keeps all its gemeenten and its columns x[c, s] (the class's amount per supplier, demand row over
the whole class), and every gemeente g with a budget gets, inside it, integer columns b[g, s] with

    sum_s b[g, s] = d_g,    sum_s p_s b[g, s] <= B_g,    sum_{g in c} b[g, s] <= x[c, s]   (every supplier s).

The rest of the class gets x[c, s] - sum_g b[g, s] >= 0 of supplier s: every allocation of the split model is one of
this model and back (a substitution of columns), so every stage value is the same; only the formulation differs.
With the b columns fixed, what is left over x is a transportation system (the b give lower bounds on x), so x may
be continuous where `opbouw.tu_kolommen` allows it. A class of one gemeente keeps its direct budget row
(opbouw.bouw); that is the same thing without the b columns.
"""

from __future__ import annotations

from evaluatie.verdeling.klassen import CENTEN, Klasse
from evaluatie.verdeling.matrix import Programma
from evaluatie.verdeling.model import Verdeelprobleem


def budget_binnen_klasse(
    p: Verdeelprobleem, lin: Programma, ks: list[Klasse], x: dict[tuple[int, int], int]
) -> dict[tuple[str, int], int]:
    """Add the b columns and rows above for every gemeente with a budget in a class of more than one gemeente.

    Returns (gemeente, supplier) -> b column."""
    uit: dict[tuple[str, int], int] = {}
    for ci, k in enumerate(ks):
        if len(k.gemeenten) == 1:
            continue
        deel: dict[int, list[tuple[int, int]]] = {}  # supplier -> its b columns in this class
        for g in k.gemeenten:
            if g not in p.budget:
                continue
            vraag, kosten = [], []
            for si in k.leveranciers:
                if (ci, si) not in x:
                    continue
                b = lin.kolom(0, min(p.vraag[g], lin.boven[x[ci, si]]))
                uit[g, si] = b
                vraag.append((b, 1))
                kosten.append((b, round(p.leveranciers[si].prijs * CENTEN)))
                deel.setdefault(si, []).append((b, 1))
            lin.rij(vraag, p.vraag[g], p.vraag[g])
            lin.rij(kosten, boven=round(p.budget[g] * CENTEN))
        for si, termen in sorted(deel.items()):
            lin.rij([*termen, (x[ci, si], -1)], boven=0)
    return uit

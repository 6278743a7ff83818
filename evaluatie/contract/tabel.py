"""Rule: in the table gemeenten x suppliers of one lot, no withheld cell may follow from the margins.

Why: the rule of `totalen` looks at one total at a time (never exactly one underivable part). A lot's
placements form a table: cells gemeente x supplier, row totals (each gemeente's lot total), column
totals (the region's supplier rows) and the grand total (the region's lot total, the framework use).
Several totals together can isolate a cell that each of them alone protects: in the example, the
grand total minus the one known column gives the two unknown columns together; those are the cells
of one gemeente whose row is known plus one cell of another gemeente - which is thereby revealed.

The criterion, exact for such a table over one period x-y (every figure a sum of cells): remove the
cells a reader can derive; the others are unknowns. Every known row or column total is an equation
over the unknowns of that row or column. Without the grand total, the rows and columns whose total
is not known impose nothing and act as one free point; with it, the unknown rows together and the
unknown columns together each have one equation. Draw each unknown cell as an edge between its row
and its column: a cell is determined exactly when its edge lies on no cycle (a bridge). On a cycle
it can move up and down by the same amount with its neighbours on the cycle, every equation
unchanged; off any cycle, the equations on one side of it add up to its value.

`evaluatie.contract.openbaar` applies it after each quarter's decisions for a lot, to every period
between two of the points the tables use; when a withheld cell would be determined, it withholds that
quarter's totals (grand total first, then the suppliers' rows, then the gemeenten's) and decides again.
Exact for linear equations; what the equations give together with 'a count is not negative' (a total equal to
one of its parts says the others are 0) is the work of `evaluatie.contract.controle`.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

VRIJ = "vrij"  # the free point: rows and columns with an unknown total, without a known grand total
RIJEN = "rijen"  # with a known grand total: the rows with an unknown total together
KOLOMMEN = "kolommen"  # idem, the columns


def heeft_brug(randen: Sequence[tuple[Hashable, Hashable]]) -> bool:
    """True when some edge of this multigraph lies on no cycle (self-loops and parallel edges are
    cycles)."""
    buren: dict[Hashable, list[tuple[Hashable, int]]] = {}
    for i, (a, b) in enumerate(randen):
        if a == b:
            continue
        buren.setdefault(a, []).append((b, i))
        buren.setdefault(b, []).append((a, i))
    ontdekt: dict[Hashable, int] = {}
    laag: dict[Hashable, int] = {}
    teller = 0
    for wortel in buren:
        if wortel in ontdekt:
            continue
        ontdekt[wortel] = laag[wortel] = teller
        teller += 1
        stapel: list[tuple[Hashable, int, int]] = [(wortel, -1, 0)]  # node, edge it was reached by, next neighbour
        while stapel:
            knoop, via, volgende = stapel[-1]
            if volgende < len(buren[knoop]):
                stapel[-1] = (knoop, via, volgende + 1)
                buur, rand = buren[knoop][volgende]
                if rand == via:
                    continue
                if buur in ontdekt:
                    laag[knoop] = min(laag[knoop], ontdekt[buur])
                else:
                    ontdekt[buur] = laag[buur] = teller
                    teller += 1
                    stapel.append((buur, rand, 0))
            else:
                stapel.pop()
                if stapel:
                    ouder = stapel[-1][0]
                    laag[ouder] = min(laag[ouder], laag[knoop])
                    if laag[knoop] > ontdekt[ouder]:
                        return True
    return False


def cel_volgt(
    cellen: Sequence[tuple[str, str, bool]],
    rij_bekend: dict[str, bool],
    kolom_bekend: dict[str, bool],
    totaal_bekend: bool,
) -> bool:
    """Whether some cell a reader cannot derive by itself follows from the known totals.
    `cellen`: (row, column, derivable) for every cell of the table that can be non-zero."""
    randen: list[tuple[Hashable, Hashable]] = []
    for rij, kolom, bekend in cellen:
        if bekend:
            continue
        a = ("r", rij) if rij_bekend.get(rij) else RIJEN if totaal_bekend else VRIJ
        b = ("k", kolom) if kolom_bekend.get(kolom) else KOLOMMEN if totaal_bekend else VRIJ
        randen.append((a, b))
    return heeft_brug(randen)

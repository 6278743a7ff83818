"""Stage 4 under per_subregio (no budgets): one 0/1 choice per subregio and supplier, the rest above 1.

With every supplier's total fixed (stages 1-3 depend on the totals only), stage 4 under per_subregio is:
every subregio picks a set of suppliers, a chosen supplier gets at least 1 inburgeraar in every gemeente
of the subregio, an unchosen one none. The stage-4 MIP of `evaluatie.verdeling.opbouw` writes that with
x[g, s] and big-M links x <= d_g * z and x >= z per gemeente. Here the amount above the one every chosen
supplier must get is its own column:

    x[g, s] = z[r, s] + y[g, s],   0 <= y[g, s] <= u[g, s] * z[r, s],   u = min(ub(x) - 1, T_s - n_r)

so the rows x >= z become bounds y >= 0, the demand row of gemeente g reads sum_s z + sum_s y = d_g, the
total of supplier s reads sum_r n_r z + sum_g y = T_s, and one extra row per (subregio, supplier),
sum_{g in r} y[g, s] <= (T_s - n_r) z[r, s], says that a supplier cannot put more above the ones in one
subregio than its total leaves (redundant for integer z, much tighter for fractional z). Under
max_leveranciers_per_gemeente K, every gemeente of a subregio has the same set, so the rule is one row
sum_s z[r, s] <= K per subregio. The objective is the same vector as stage 4 elsewhere (`Opbouw.doelen`):
c[g, s] on y and sum_{g in r} c[g, s] on z.

Exact: for integer z this is the same set of allocations with the same objective. With z fixed, the
remaining rows over y are demand rows (one per gemeente) and total rows (one per supplier); the extra rows
are then implied by the total row (z = 1) or by the bounds (z = 0). That is a bipartite incidence matrix:
totally unimodular, so every vertex is integral and HiGHS may treat y as continuous and branch on z only
(`tu`, as `Opbouw.tu`); the integral vertex is taken afterwards (`HighsMotor.hoekpunt`).

Why (bench/landelijk.py --regels per_subregio --zonder-controle, B1, cpu of the stage-4 solve alone):
HiGHS's root bound after cuts on this model is 83.848 x 10^9 for seed 7 against 83.873 x 10^9 on the
x-model (optimum 83.835 x 10^9), and the proofs took 8.1 / 17.7 / 6.4 s for seeds 7 / 1 / 2 against
18.6 / 54.6 / 18.2 s, with the same optimum in all 9 lots (bench/METINGEN.md, per_subregio measurement). Tried and
not used, all exact but slower: a column per feasible set of subregio's per supplier (58 s), the concave
NW-corner value of each subregio with no x at all (LP bound 84.09 x 10^9, 67 s), the x-model with those
concave rows added (43 s).

Also tried for issue #24 (bench/subregio_stap4.py, cpu of this model's solve, B1 seeds 7 / 1 / 2 unless
said; bench/METINGEN.md, "per_subregio, wat stap 4 van B1 niet onder 2 s bracht"), none reaching the 2 s goal: a
presolve by decomposition finds nothing (the graph subregio <-> supplier is connected and no supplier has
one subregio, in B1 of seeds 1-10); HiGHS options: presolve, strong branching, restarts, scaling within the
noise or slower; cut separation at nodes off won on seeds 7, 1, 2 and 4 and lost on 3 and 5 (133.6 against
132.9 s over the six); the best on seeds 7, 1, 2, heuristic effort 0.2 with node cuts off, was slower over
seeds 1-10 (259.4 against 243.8 s); the z columns ordered by demand or by candidates (HiGHS has no
branching priorities): 7.7 / 18.9 / 8.2 and 6.6 / 23.7 / 5.8 s against 8.1 / 13.4 / 8.0 s; CBC 31 s
(seed 7); y integer: seed 2 32.8 s, seeds 7 and 1 not done after 120 s wall; only the row per (subregio,
supplier) without the row per cell: 6.8 / 22.1 / 5.1 s; Lagrangian
cuts per supplier at the LP's demand prices: none violated (seed 7). Stage 4 of B1 takes 7.6-62.7 s over
seeds 1-10: the proof, after the root's cuts leave a margin (seed 7: 13 x 10^6, 1.5 x 10^-4 of the value)
that only branching closes.

Also tried for issue #24, the bound that takes both views at once (bench/subregio_lagrange.py; bench/METINGEN.md,
"per_subregio, de grens van beide omhullingen samen"), B1 seed 7, LP 83.925, HiGHS's root after cuts 83.847,
optimum 83.835 x 10^9: the per-subregio hull (column generation, exact pricing by a MIP per subregio with its
own cell bounds and rows per (subregio, supplier)) 83.906 (the earlier 83.935 was weaker than the LP, so it had
dropped those rows); the per-supplier hull (written out: a disjunction over every feasible set of subregio's)
83.875; both at once (their intersection: the per-supplier hull written out, the subregio's by column
generation) at least 83.853 (15 rounds, 213 s cpu) and at most 83.875 (the Lagrangian at the per-supplier
hull's demand prices, which 150 subgradient steps did not lower). So it closes 56-80% of the gap from the LP to
the optimum where HiGHS's root closes 87%, and takes minutes of cpu, not the < 1 s asked: not built (no-go).
Seeds 1 and 2 the same: both at once 88.579-88.615 and 98.397-98.409 against HiGHS's root 88.577 and 98.389.

Also measured for issue #24, the exact reductions before the MIP, each in its best case (the proven optimum as the
cutoff; bench/subregio_vastzetten.py; bench/METINGEN.md, "Meting van 5 december 2026, avond (per_subregio)"), B1 seeds
7 / 1 / 2, cpu: (1) solving stage 4 as a sequence of smaller problems, best supplier first, is not exact: c[g, s] is a
product (R - rank) x (C - position)^2, not lexicographic (for every pair of rank neighbours with volume the better
one's least valuable open cell is worth less than the worse one's most valuable), and already without per_subregio the
optimum can give the best-ranked supplier the second gemeente where an allocation with the same totals gives it the
first (three gemeenten, bench/METINGEN.md has the example); (2) reduced-cost fixing of z from the LP relaxation: 0 / 1
/ 1 of 224 / 274 / 188 z (the largest reduced cost of a z is below the room LP - optimum in seed 7); (3) probing every
z (the LP with z = 0 and z = 1): 44 / 68 / 50 fixed in 2.4 / 3.0 / 1.4 s, the MIP then 9.3 / 18.2 / 7.9 s against 10.6
/ 18.2 / 11.6 s, so probing and MIP together 11.7 / 21.2 / 9.3 s, slower on seeds 7 and 1; (4) HiGHS's root as it runs
by default (at most 1 node) alone costs 6.9 / 9.9 / 5.8 s, the same with mip_heuristic_effort 0: a proof by HiGHS on
this model pays more than the 2 s asked for the three lots together before it branches. None built.
"""

from __future__ import annotations

from dataclasses import dataclass

from evaluatie.verdeling.matrix import Programma
from evaluatie.verdeling.model import Verdeelprobleem
from evaluatie.verdeling.opbouw import Opbouw


@dataclass
class Subregiokeuze:
    lin: Programma
    doel: dict[int, int]  # stage 4 over z and y, the same numbers as Opbouw.doelen[3] over x
    z: dict[tuple[int, int], int]  # (subregio, supplier) -> 0/1 column 'supplier serves the subregio'
    y: dict[tuple[int, int], int]  # (class, supplier) -> inburgeraars above the one a chosen supplier gets
    regios: list[list[int]]  # the classes (single gemeenten) of every subregio, in tender order
    tu: list[int]  # the y columns: continuous for HiGHS (see the module docstring)

    def cellen(self, waarden: list[int]) -> dict[tuple[int, int], int]:
        """x[class, supplier] = z + y of an integral solution, cells with volume only."""
        uit: dict[tuple[int, int], int] = {}
        for (ri, si), zj in self.z.items():
            if waarden[zj]:
                for ci in self.regios[ri]:
                    uit[ci, si] = waarden[zj] + (waarden[self.y[ci, si]] if (ci, si) in self.y else 0)
        for (ci, si), yj in self.y.items():
            if waarden[yj] and (ci, si) not in uit:
                raise ArithmeticError(f"volume boven de 1 zonder keuze van de subregio (klasse {ci}, inschrijver {si})")
        return uit


def bouw_keuze(p: Verdeelprobleem, transport: Opbouw, totalen: dict[int, int]) -> Subregiokeuze:
    """The model over z and y, from the transportation model of the same classes and totals (its open
    cells, their bounds and its stage-4 objective, so one representation of each number)."""
    ks = transport.ks
    volgorde = transport.doelen[3]
    regios: dict[str, list[int]] = {}
    for ci, k in enumerate(ks):
        regios.setdefault(p.subregio[k.gemeenten[0]], []).append(ci)
    lijst = list(regios.values())
    lin = Programma()
    doel: dict[int, int] = {}
    z: dict[tuple[int, int], int] = {}
    y: dict[tuple[int, int], int] = {}
    vraag: dict[int, list[tuple[int, float]]] = {ci: [] for ci in range(len(ks))}
    totaal: dict[int, list[tuple[int, float]]] = {si: [] for si in sorted(totalen)}
    k_max = p.regels.max_leveranciers_per_gemeente
    for ri, cis in enumerate(lijst):
        n = len(cis)
        kandidaten = sorted({si for ci in cis for si in ks[ci].leveranciers})
        keuzes = []
        for si in kandidaten:
            # as opbouw._subregio_gemeente: a supplier without an open cell in every gemeente cannot serve it
            if not all((ci, si) in transport.x for ci in cis) or totalen.get(si, 0) < n:
                continue
            zj = lin.kolom(0, 1)
            z[ri, si] = zj
            keuzes.append((zj, 1.0))
            doel[zj] = sum(volgorde[transport.x[ci, si]] for ci in cis)
            totaal[si].append((zj, n))
            rest = totalen[si] - n
            boven_enen = []
            for ci in cis:
                vraag[ci].append((zj, 1))
                u = min(int(transport.lin.boven[transport.x[ci, si]]) - 1, rest)
                if u <= 0:
                    continue
                yj = lin.kolom(0, u)
                y[ci, si] = yj
                doel[yj] = volgorde[transport.x[ci, si]]
                vraag[ci].append((yj, 1))
                totaal[si].append((yj, 1))
                lin.rij([(yj, 1), (zj, -u)], boven=0)
                boven_enen.append((yj, 1.0))
            if rest < sum(lin.boven[j] for j, _ in boven_enen):
                lin.rij([*boven_enen, (zj, -rest)], boven=0)
        if k_max is not None and len(keuzes) > k_max:
            lin.rij(keuzes, boven=k_max)
    for ci, termen in vraag.items():
        lin.rij(termen, ks[ci].vraag, ks[ci].vraag)
    for si, termen in totaal.items():
        lin.rij(termen, totalen[si], totalen[si])
    return Subregiokeuze(lin, doel, z, y, lijst, list(y.values()))

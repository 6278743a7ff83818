"""Stage 4 with its objective shifted by whole multiples of its equality rows (issue #24): the same optimum."""

from __future__ import annotations

import itertools
import random

from evaluatie.verdeling.dualverschuiving import doel_voor_motor, verschoven_doel
from evaluatie.verdeling.matrix import HighsMotor, Programma, doelwaarde


def _transport(vraag: list[int], totaal: list[int], boven: int) -> tuple[Programma, dict[tuple[int, int], int]]:
    """x[g, s] with demand rows (=) per gemeente, total rows (=) per supplier and one capacity row (<=)."""
    lin = Programma()
    x = {(g, s): lin.kolom(0, boven) for g in range(len(vraag)) for s in range(len(totaal))}
    for g, d in enumerate(vraag):
        lin.rij([(x[g, s], 1) for s in range(len(totaal))], d, d)
    for s, t in enumerate(totaal):
        lin.rij([(x[g, s], 1) for g in range(len(vraag))], t, t)
    lin.rij([(x[0, 0], 2), (x[1, 0], 3)], boven=7)  # an inequality row: never shifted
    return lin, x


def test_verschoven_doel_met_de_hand() -> None:
    """Two gemeenten (demand 2 and 1), two suppliers (totals 2 and 1). Prices 5 and 3 on the demand rows,
    -1 and 4 on the total rows, 9 on the inequality row (ignored): c'[g, s] = c[g, s] - pi_g - pi_s."""
    lin, x = _transport([2, 1], [2, 1], 2)
    doel = {x[0, 0]: 20, x[0, 1]: 10, x[1, 0]: 6, x[1, 1]: 3}
    verschoven, constante = verschoven_doel(lin, doel, [5, 3, -1, 4, 9])
    assert verschoven == {x[0, 0]: 20 - 5 + 1, x[0, 1]: 10 - 5 - 4, x[1, 0]: 6 - 3 + 1, x[1, 1]: 3 - 3 - 4}
    assert constante == 5 * 2 + 3 * 1 - 1 * 2 + 4 * 1
    # on every feasible point the original objective is the shifted one plus the constant
    punten = 0
    for waarden in itertools.product(range(3), repeat=4):
        w = [0] * lin.aantal
        for (g, s), v in zip(sorted(x), waarden, strict=True):
            w[x[g, s]] = v
        if all(lo <= sum(c * w[j] for j, c in zip(ix, cs, strict=True)) <= hi for ix, cs, lo, hi in lin.rijen):
            punten += 1
            assert doelwaarde(doel, w) == doelwaarde(verschoven, w) + constante
    assert punten >= 2


def test_rijen_die_niet_mogen_blijven_buiten_beschouwing() -> None:
    """A price that is not finite, a row with a fractional coefficient or right-hand side, a price that rounds
    to 0: no multiple of that row."""
    lin = Programma()
    a, b = lin.kolom(0, 5), lin.kolom(0, 5)
    lin.rij([(a, 1), (b, 0.5)], 2, 2)
    lin.rij([(a, 1), (b, 1)], 2.5, 2.5)
    lin.rij([(a, 1), (b, 1)], 3, 3)
    lin.rij([(a, 1), (b, 1)], 3, 3)
    doel = {a: 7, b: 4}
    assert verschoven_doel(lin, doel, [2, 2, float("nan"), 0.4]) == (doel, 0)
    assert verschoven_doel(lin, doel, [2, 2, float("inf"), 1.6]) == ({a: 5, b: 2}, 6)


def test_zelfde_optimum_op_highs() -> None:
    """Random transportation problems with integer x: HiGHS on the shifted objective (prices of its own LP
    relaxation) reaches an allocation with the same original value as on the original objective, and the
    shift is real (a constant other than 0)."""
    rnd = random.Random(24)
    verschoven_ooit = False
    for _ in range(25):
        g_n, s_n = rnd.randint(2, 5), rnd.randint(2, 4)
        vraag = [rnd.randint(1, 6) for _ in range(g_n)]
        totaal = [0] * s_n
        for d in vraag:
            for _ in range(d):
                totaal[rnd.randrange(s_n)] += 1
        lin, x = _transport(vraag, totaal, max(vraag))
        lin.rijen.pop()  # no capacity row: it may make the instance infeasible
        doel = {j: rnd.randint(1, 10**6) for j in x.values()}
        gewoon = HighsMotor(lin, None)
        gewoon.los(doel, True)
        verwacht = doelwaarde(doel, gewoon.waarden())
        m = HighsMotor(lin, None)
        verschoven = doel_voor_motor(m, lin, doel, True)
        m.los(verschoven, True)
        w = m.waarden()
        assert doelwaarde(doel, w) == verwacht
        assert doelwaarde(verschoven, w) + m.verschuiving == verwacht
        verschoven_ooit |= m.verschuiving != 0
    assert verschoven_ooit

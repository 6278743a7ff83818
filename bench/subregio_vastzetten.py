"""Stage 4 under per_subregio: can the 0/1 choices be fixed before the MIP, and what does HiGHS's root alone cost?

Issue #24 asks for per_subregio under 2 s cpu for the 3 national lots together; the time is the proof of stage 4
of B1 (evaluatie.verdeling.subregiokeuze). This script measures the exact reductions that were not measured
before, each in its best case (the proven optimum as the cutoff, which a real run only has at the end), per seed:

- the objective: c[g, s] = (R - rank_s) x (C - position_g)^2 is a product, not lexicographic (supplier first,
  then gemeente). 'lexicografisch' counts the pairs of suppliers next to each other in rank (among those with
  volume) where the better one's least valuable open cell is worth less than the worse one's most valuable:
  where that happens, a sequence of smaller problems (fix the best supplier first, then the next) solves another
  problem than stage 4;
- reduced-cost fixing of z from the LP relaxation (evaluatie.verdeling.gereduceerd, exact in integers) with the
  optimum as the cutoff: how many z are fixed, and the largest reduced cost of a z against the room (LP - optimum);
- probing on every z: the LP with z = 0 and with z = 1; a side whose LP bound is below the optimum (by more than
  a tolerance of 1000, the LP is floating point) cannot hold an optimum, so z is fixed to the other side; cpu;
- HiGHS's root (at most 1 node, y continuous as the library solves it), with and without its primal heuristics:
  the bound and the cpu; what any proof through HiGHS pays at least;
- the stage-4 MIP as subregio_stap4.py solves it ('standaard'), and again with the probing fixings: cpu, nodes,
  and whether it proves the same optimum.

Run: python bench/subregio_vastzetten.py [--zaden 7,1,2] [--percelen B1] [--zonder-mip]
"""

from __future__ import annotations

import argparse
import contextlib
import itertools

from landelijk import AANDEEL, probleem, regelset  # bench/, beside this script
from subregio_stap4 import _cpu, los_variant, stap4_model

from evaluatie.stdout import alleen_eigen_uitvoer
from evaluatie.verdeling import gereduceerd
from evaluatie.verdeling.matrix import HighsMotor
from evaluatie.verdeling.model import Verdeelprobleem
from evaluatie.verdeling.opbouw import Opbouw
from evaluatie.verdeling.status import Oplosserfout
from evaluatie.verdeling.subregiokeuze import Subregiokeuze

MARGE = 1000  # probing: an LP bound counts as below the optimum only by more than this (floating point)


def lexicografisch(p: Verdeelprobleem, k: Subregiokeuze, transport: Opbouw) -> tuple[int, int]:
    """(pairs of rank-neighbours with volume where the better supplier's least valuable open cell is worth less than
    the worse one's most valuable, pairs), over the cells of stage 4 (a gemeente of a subregio with a z) and their
    coefficients in the transportation model's stage-4 objective (the same numbers as k.doel)."""
    volgorde_doel = transport.doelen[3]
    cellen: dict[int, list[int]] = {}
    for ri, si in k.z:
        for ci in k.regios[ri]:
            cellen.setdefault(si, []).append(volgorde_doel[transport.x[ci, si]])
    volgorde = sorted(cellen, key=lambda si: p.leveranciers[si].rang)
    paren = list(itertools.pairwise(volgorde))
    return sum(1 for s, t in paren if min(cellen[s]) < max(cellen[t])), len(paren)


def gereduceerde_kosten(k: Subregiokeuze, optimum: int) -> tuple[int, int, float, float]:
    """z fixed to 0 and to 1 by the LP's reduced costs with the optimum as cutoff, the largest |r| of a z and the
    room G - optimum (evaluatie.verdeling.gereduceerd, exact)."""
    kosten = gereduceerd.kosten(k.lin, [], k.lin.onder, k.lin.boven, k.doel, True)
    if kosten is None:
        raise SystemExit("LP-relaxatie zonder optimum")
    zs = set(k.z.values())
    nieuw = kosten.grenzen(optimum, k.lin.onder, k.lin.boven, [j in zs for j in range(k.lin.aantal)])
    schaal = 1 << gereduceerd.PRECISIE
    nul = sum(1 for j, (_, hi) in nieuw.items() if j in zs and hi == 0)
    een = sum(1 for j, (lo, _) in nieuw.items() if j in zs and lo == 1)
    grootste = max(abs(kosten.r[j]) for j in zs) / schaal
    return nul, een, grootste, kosten.grens / schaal - optimum


def proberen(k: Subregiokeuze, optimum: int) -> tuple[dict[int, int], float]:
    """Probing on every z against the optimum: {column: the value it must have}, cpu seconds."""
    import highspy

    c0 = _cpu()
    m = HighsMotor(k.lin, None)
    m.zet_geheel(sorted(m.gehele), False)
    m.los(k.doel, True)
    h = m.h
    vast: dict[int, int] = {}
    for j in sorted(k.z.values()):
        for waarde in (0, 1):
            h.changeColBounds(j, waarde, waarde)
            h.run()
            optimaal = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
            if not optimaal or h.getInfo().objective_function_value < optimum - MARGE:
                vast[j] = 1 - waarde
        h.changeColBounds(j, 0, 1)
    return vast, _cpu() - c0


def wortel(k: Subregiokeuze, heuristiek: bool) -> tuple[float, float]:
    """HiGHS's bound after the root (y continuous, as the library solves it) and the cpu seconds."""
    c0 = _cpu()
    m = HighsMotor(k.lin, None)
    m.zet_geheel(k.tu, False)
    m.h.setOptionValue("mip_max_nodes", 1)
    if not heuristiek:
        m.h.setOptionValue("mip_heuristic_effort", 0.0)
    with contextlib.suppress(Oplosserfout):  # the node limit: HiGHS stops after the root, as asked
        m.los(k.doel, True)
    return float(m.h.getInfo().mip_dual_bound), _cpu() - c0


def _getal(x: float) -> str:
    return f"{x:,.0f}".replace(",", ".")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zaden", default="7,1,2")
    ap.add_argument("--percelen", default="B1", help="komma-gescheiden: B1, onderwijs, Z")
    ap.add_argument("--zonder-mip", action="store_true", help="niet het stap-4-MIP zelf (standaard en na proberen)")
    args = ap.parse_args()
    with alleen_eigen_uitvoer():  # highspy announces itself on stdout when first constructed
        import highspy

        highspy.Highs()
    regels, begroting = regelset("per_subregio")
    print("Stap 4 bij per_subregio: vooraf vastzetten en de wortel van HiGHS; cpu in seconden")
    for zaad in (int(z) for z in args.zaden.split(",")):
        for code in args.percelen.split(","):
            if code not in AANDEEL:
                raise SystemExit(f"onbekend perceel {code}")
            p = probleem(code, zaad, regels, begroting)
            k, transport, _, optimum = stap4_model(p)
            fout, paren = lexicografisch(p, k, transport)
            print(f"zaad {zaad} {code}: {len(k.z)} z, optimum {_getal(optimum)}")
            print(f"  doelfunctie lexicografisch (inschrijver, dan gemeente): niet bij {fout} van {paren} rangburen")
            nul, een, grootste, ruimte = gereduceerde_kosten(k, optimum)
            print(
                f"  gereduceerde kosten, optimum als grens: {nul} z op 0, {een} op 1 (grootste |r| van een z "
                f"{_getal(grootste)}, ruimte LP - optimum {_getal(ruimte)})"
            )
            vast, cpu = proberen(k, optimum)
            nul = sum(1 for v in vast.values() if v == 0)
            print(f"  proberen, optimum als grens: {nul} z op 0, {len(vast) - nul} op 1, cpu {cpu:.2f}", flush=True)
            for heuristiek in (True, False):
                grens, cpu = wortel(k, heuristiek)
                naam = "met" if heuristiek else "zonder"
                print(f"  wortel van HiGHS {naam} heuristieken: grens {_getal(grens)}, cpu {cpu:.2f}", flush=True)
            if args.zonder_mip:
                continue
            cpu, waarde, knopen = los_variant(k, {})
            print(f"  MIP standaard: cpu {cpu:.2f}, knopen {knopen}, zelfde optimum: {waarde == optimum}", flush=True)
            oud = list(k.lin.onder), list(k.lin.boven)
            for j, v in vast.items():
                k.lin.onder[j] = k.lin.boven[j] = v
            cpu, waarde, knopen = los_variant(k, {})
            k.lin.onder[:], k.lin.boven[:] = oud
            print(f"  MIP na proberen: cpu {cpu:.2f}, knopen {knopen}, zelfde optimum: {waarde == optimum}", flush=True)


if __name__ == "__main__":
    main()

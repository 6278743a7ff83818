"""Stages 1-3 of one national lot: the fast path's relaxation against the full model per gemeente, each to its proof.

For a lot whose stage 4 takes the full model far longer than its stages 1-3 (a budget in every gemeente, B1), this
checks stages 1-3 without waiting for the whole fast path or the reference's stage 4: the relaxation exactly as
evaluatie.verdeling.pad builds it (budgets inside their merged class, x continuous in stage 1, HiGHS without primal
heuristics after stage 1; only how the optimum is found differs from the library's engine choice, never its value),
then the full model of bench/landelijk.py, at most --limiet seconds per stage (the reference only).

Run: python bench/stap13.py --zaad 1 [--perceel B1] [--regels "budget overal"] [--limiet 1500]
"""

from __future__ import annotations

import argparse
import time

from landelijk import gemeenteklassen, probleem, regelset  # bench/, beside this script

from evaluatie.stdout import alleen_eigen_uitvoer
from evaluatie.verdeling import pad
from evaluatie.verdeling.matrix import HighsMotor
from evaluatie.verdeling.opbouw import bouw


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zaad", type=int, required=True)
    ap.add_argument("--perceel", default="B1")
    ap.add_argument("--regels", default="budget overal", help="a rule set with budgets (bench/landelijk.py)")
    ap.add_argument("--limiet", type=float, default=1500.0, help="seconds per stage for the full model only")
    args = ap.parse_args()
    regels, begroting = regelset(args.regels)
    if begroting is None or regels.per_subregio or regels.max_leveranciers_per_gemeente is not None:
        ap.error("--regels: alleen een regelset met budgetten en zonder regels per gemeente (zoals 'budget overal')")
    p = probleem(args.perceel, args.zaad, regels, begroting)
    with alleen_eigen_uitvoer():
        t = time.process_time()
        rel = bouw(p, pad.samengevoegde_klassen(p, budget_apart=False), budget=True, budget_binnen=True)
        m = HighsMotor(rel.lin, None)
        _, eigen = pad.lexicografisch(m, rel, stappen=3, tu=True, na_stap=pad._budget_na_stap(m))
        print(f"relaxatie (snel pad), stap 1-3: {eigen}, {time.process_time() - t:.1f} s cpu", flush=True)
        t = time.process_time()
        o = bouw(p, gemeenteklassen(p), per_gemeente=True, budget=True)
        try:
            _, ref = pad.lexicografisch(HighsMotor(o.lin, args.limiet), o, stappen=3)
        except pad.Tijdslimiet:
            print(f"volledig model: stap 1-3 niet bewezen binnen {args.limiet:.0f} s per stap")
            return
        uitkomst = "gelijk" if ref == eigen else "VERSCHIL"
        print(f"volledig model, stap 1-3: {ref}, {time.process_time() - t:.1f} s cpu: {uitkomst}")


if __name__ == "__main__":
    main()

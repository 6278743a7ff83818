"""Stage 4 with a budget in every gemeente on the national tender, extracted as the fast path builds it (issue #24).

For every seed and lot of `bench/landelijk.py` (rule set 'budget overal') this runs the fast path
(evaluatie.verdeling.pad) up to stage 4: stages 1-3 of the relaxation, then the supplier totals are caught as the path
hands them to the stage-4 MIP (`opbouw.bouw(per_gemeente=True, totalen=...)`), and the path is stopped there. The
totals are cached in --cache (stages 1-3 of B1 take minutes for some seeds), so a second run goes straight to stage 4.

Printed per lot: the stage-4 model's size and LP bound, then what the brief of issue #24 asked to measure
(bench/METINGEN.md, "Meting van 5 december 2026, avond (budget in iedere gemeente)"):
- the bound of the set-based reformulation (one column per feasible pattern per gemeente, whose LP is the convex
  hull of every gemeente's integer set; bench/budgetpatroon.py): --kelley rounds of cuts (stalls on this model:
  HiGHS gives no LP result after 2 rounds), --kolommen rounds of column generation (reaches the bound, certified
  from both sides; --geheel also solves the master over its columns as a MIP);
- --ondergrens N (the value of a known allocation): Lagrangian bound tightening from the last prices, how many
  columns it fixes (--stappen: every bound, slow);
- --sneden: one cut per gemeente at those prices as rows of the MIP runs below;
- --wortel: HiGHS's bound and best allocation after the root node (the library's options, `mip_max_nodes` 1);
- --optimum: the stage-4 MIP as the path solves it (minutes for B1; --tijd caps it, --afkap sets HiGHS's
  objective_bound to a known value, --log writes HiGHS's log).
cpu seconds are this process's.

Run: python bench/budget_stap4.py [--zaden 1] [--percelen B1] [--cache /tmp/budget_stap4] [--kelley 2]
[--kolommen 60 [--geheel]] [--ondergrens N [--stappen]] [--sneden] [--wortel]
[--optimum [--tijd S] [--afkap N] [--log FILE]]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from typing import Any

from landelijk import AANDEEL, probleem, regelset  # bench/, beside this script

from evaluatie.stdout import alleen_eigen_uitvoer
from evaluatie.verdeling import pad
from evaluatie.verdeling.matrix import HighsMotor, Programma, Uitkomst, doelwaarde
from evaluatie.verdeling.model import Verdeelprobleem
from evaluatie.verdeling.opbouw import Opbouw, bouw


def _cpu() -> float:
    eigen = time.process_time()
    kinderen = resource.getrusage(resource.RUSAGE_CHILDREN)
    return eigen + kinderen.ru_utime + kinderen.ru_stime


class _Gevangen(Exception):
    def __init__(self, totalen: dict[int, int]):
        self.totalen = totalen


def totalen_van_pad(p: Verdeelprobleem) -> dict[int, int] | None:
    """The supplier totals the fast path hands to its stage-4 MIP; None when it does not get there."""
    echt = pad.bouw

    def vang(*args: Any, **kw: Any) -> Opbouw:
        if kw.get("per_gemeente") and kw.get("totalen") is not None:
            raise _Gevangen(dict(kw["totalen"]))
        return echt(*args, **kw)

    pad.bouw = vang  # type: ignore[assignment]
    try:
        pad.verdeel_exact(p, "auto", None)
    except _Gevangen as g:
        return g.totalen
    finally:
        pad.bouw = echt
    return None


def stap4(p: Verdeelprobleem, totalen: dict[int, int]) -> Opbouw:
    return bouw(p, pad.gemeenteklassen(p), per_gemeente=True, budget=True, totalen=totalen)


def laad(zaad: int, code: str, cache: str) -> tuple[Verdeelprobleem, Opbouw] | None:
    """The lot and its stage-4 model, the totals from the cache (stages 1-3 of the fast path when not there yet)."""
    regels, begroting = regelset("budget overal")
    p = probleem(code, zaad, regels, begroting)
    os.makedirs(cache, exist_ok=True)
    bestand = os.path.join(cache, f"{zaad}_{code}.json")
    if os.path.exists(bestand):
        with open(bestand) as f:
            totalen = {int(k): v for k, v in json.load(f).items()}
    else:
        c0 = _cpu()
        with alleen_eigen_uitvoer():
            gevangen = totalen_van_pad(p)
        if gevangen is None:
            print(f"zaad {zaad} {code}: het pad komt niet bij het stap-4-MIP")
            return None
        totalen = gevangen
        with open(bestand, "w") as f:
            json.dump(totalen, f)
        print(f"zaad {zaad} {code}: stap 1-3 {_cpu() - c0:.1f} s cpu")
    return p, stap4(p, totalen)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zaden", default="1")
    ap.add_argument("--percelen", default="B1")
    ap.add_argument("--cache", default="/tmp/budget_stap4")
    ap.add_argument("--kelley", type=int, default=2, help="rounds of cuts per gemeente (0: none)")
    ap.add_argument("--afkap", type=float, help="objective_bound for the --optimum run")
    ap.add_argument("--tijd", type=float, help="time limit of the --optimum run (bench only)")
    ap.add_argument("--log", help="HiGHS log of the --optimum run")
    ap.add_argument("--sneden", action="store_true", help="the cuts (of --kolommen, else --kelley) as rows of the MIPs")
    ap.add_argument("--ondergrens", type=int, help="value of a known allocation: bound tightening (before the MIPs)")
    ap.add_argument("--stappen", action="store_true", help="with --ondergrens: every bound, not only fixing")
    ap.add_argument("--kolommen", type=int, default=0, help="rounds of column generation (0: none)")
    ap.add_argument("--geheel", action="store_true", help="with --kolommen: the master over its patterns as a MIP")
    ap.add_argument("--wortel", action="store_true")
    ap.add_argument("--optimum", action="store_true")
    a = ap.parse_args()
    for zaad in [int(z) for z in a.zaden.split(",")]:
        for code in a.percelen.split(","):
            assert code in AANDEEL
            geladen = laad(zaad, code, a.cache)
            if geladen is None:
                continue
            analyseer(*geladen, a)


def analyseer(p: Verdeelprobleem, o: Opbouw, a: argparse.Namespace) -> None:
    from budgetpatroon import fixeer, kelley, kolommen, sneden_bij  # bench/, beside this script

    doel = o.doelen[3]
    m = HighsMotor(o.lin, None)
    m.zet_geheel(sorted(m.gehele), False)
    c0 = _cpu()
    assert m.los(doel, True) == Uitkomst.OPTIMAAL
    lp = m.h.getInfo().objective_function_value
    print(
        f"  {p.perceel}: {o.lin.aantal} kolommen, {len(o.lin.rijen)} rijen, {len(o.ks)} gemeenten; "
        f"LP {lp:,.0f} ({_cpu() - c0:.2f} s)"
    )
    lin = o.lin
    lam: dict[int, int] | None = None
    sneden = []
    if a.kelley:
        c0 = _cpu()
        grens, L, lam, sneden = kelley(p, o, a.kelley)
        print(f"  omhulling per gemeente: LP met snedes {grens:,.0f}, beste L(lam) {L:,} ({_cpu() - c0:.1f} s)")
    if a.kolommen:  # the better prices: they replace those of --kelley
        c0 = _cpu()
        master, L, lam, x = kolommen(p, o, a.kolommen, geheel=a.geheel)
        print(f"  omhulling per gemeente (kolommen): master {master:,.0f}, beste L(lam) {L:,} ({_cpu() - c0:.1f} s)")
        if x is not None:
            v = doelwaarde(doel, x)
            print(f"  geheel master: {v:,} (gat tot L {L - v:,}) ({_cpu() - c0:.1f} s)")
        sneden = sneden_bij(p, o, lam)
    if a.sneden:  # exact: each cut holds for every integer pattern of its gemeente
        lin = Programma(list(lin.onder), list(lin.boven), list(lin.geheel), [*lin.rijen, *sneden])
    if a.ondergrens is not None and lam is not None:
        c0 = _cpu()
        nieuw = fixeer(p, o, lam, a.ondergrens, a.stappen)
        vast = sum(1 for lo, hi in nieuw.values() if lo == hi)
        breedte = sum(o.lin.boven[j] - o.lin.onder[j] for j in o.x.values())
        na = breedte - sum(o.lin.boven[j] - o.lin.onder[j] - (hi - lo) for j, (lo, hi) in nieuw.items())
        print(
            f"  vastzetten: {len(nieuw)} kolommen nieuwe grenzen, {vast} vast (van {len(o.x)}); som van de "
            f"breedtes {breedte:.0f} -> {na:.0f} ({_cpu() - c0:.1f} s)"
        )
        lin = Programma(list(lin.onder), list(lin.boven), list(lin.geheel), list(lin.rijen))
        for j, (lo, hi) in nieuw.items():
            lin.onder[j], lin.boven[j] = lo, hi
    if a.wortel:
        m = _mip(lin, o, a)
        m.h.setOptionValue("mip_max_nodes", 1)
        c0 = _cpu()
        _los_ruw(m, doel)
        info = m.h.getInfo()
        print(
            f"  wortel HiGHS: grens {info.mip_dual_bound:,.0f}, beste {info.objective_function_value:,.0f} "
            f"({_cpu() - c0:.1f} s)"
        )
    if a.optimum:
        m = _mip(lin, o, a)
        if a.afkap is not None:  # a known value: nodes that cannot beat it are cut off (the proof alone)
            m.h.setOptionValue("objective_bound", a.afkap)
        if a.tijd is not None:
            m.h.setOptionValue("time_limit", a.tijd)
        c0 = _cpu()
        _los_ruw(m, doel)
        info = m.h.getInfo()
        print(
            f"  MIP: {m.h.getModelStatus().name}, beste {info.objective_function_value:,.0f}, grens "
            f"{info.mip_dual_bound:,.0f} ({_cpu() - c0:.1f} s, {info.mip_node_count} knopen)"
        )


def _mip(lin: Programma, o: Opbouw, a: argparse.Namespace) -> HighsMotor:
    """The stage-4 MIP with the library's options (`pad._budget_stap4`), and a HiGHS log with --log."""
    m = HighsMotor(lin, None)
    if 2 * len(o.tu) >= len(o.x):
        m.zonder_heuristieken()
    if a.log:
        m.h.setOptionValue("output_flag", True)
        m.h.setOptionValue("log_file", a.log)
        m.h.setOptionValue("log_to_console", False)
    return m


def _los_ruw(m: HighsMotor, doel: dict[int, int]) -> None:
    """Maximise `doel` on m without the library's status check (a node or time limit is no error here)."""
    import numpy as np

    m.h.changeColsCost(len(doel), np.array(list(doel), dtype=np.int32), np.array(list(doel.values()), dtype=float))
    m.h.changeObjectiveSense(m._hs.ObjSense.kMaximize)
    m.h.run()


if __name__ == "__main__":
    main()

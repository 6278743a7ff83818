"""The two national models that are still slow, on two MIP engines that are not dependencies (issue #24).

Why. Stage 4 under per_subregio (B1) and a budget in every gemeente (B1) are proven by HiGHS, but slowly
(bench/METINGEN.md, metingen van issue #24). Before building an exact method of our own, this asks whether another
well-kept engine proves the same models much faster. It builds each model as the fast path does (stage 1 with
its own objective, without the per-class shift `Opbouw.verschoven` that the path applies: the same optimal
allocations) and solves it on:
- HiGHS, as the library runs it (one thread, fixed seed, absolute gap below 1);
- SCIP (PySCIPOpt), one thread, from the same model written as MPS;
- CP-SAT (OR-Tools), one worker (the deterministic setting), every column integer: exact here, since the
  continuous columns of the per_subregio model form a totally unimodular system once the 0/1 choices are
  fixed (evaluatie.verdeling.opbouw.tu_kolommen), and the budget model is integer already.
Each run gets --limiet seconds of wall time (a bench limit; the library has none). Printed: cpu seconds,
status, the value found and the bound; every proven value must equal HiGHS's.

Models (--modellen): 'subregio' = stage 4 per subregio (evaluatie.verdeling.subregiokeuze) of B1, built by
running the fast path (about 20-60 s per seed); 'budget' = stage 1 of the budget relaxation of B1 with a
budget in every gemeente (evaluatie.verdeling.budgetklasse), built directly.

Needs `pip install pyscipopt ortools` (not dependencies of evaluatie); an engine that is missing is
reported and skipped.

Run: python bench/andere_oplossers.py [--zaden 7] [--modellen subregio,budget] [--limiet 120]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from landelijk import _cpu, probleem, regelset  # bench/, beside this script
from subregio_stap4 import stap4_model

from evaluatie.stdout import alleen_eigen_uitvoer
from evaluatie.verdeling import pad
from evaluatie.verdeling.matrix import ONEINDIG, HighsMotor, Programma
from evaluatie.verdeling.opbouw import bouw


def model_subregio(zaad: int) -> tuple[Programma, dict[int, int], list[int]]:
    """Stage 4 per subregio of B1: program, objective (maximise), columns that may be continuous."""
    regels, begroting = regelset("per_subregio")
    k, _, _, _ = stap4_model(probleem("B1", zaad, regels, begroting))
    return k.lin, k.doel, list(k.tu)


def model_budget(zaad: int) -> tuple[Programma, dict[int, int], list[int]]:
    """Stage 1 of the budget relaxation of B1 with a budget in every gemeente (all columns integer)."""
    regels, begroting = regelset("budget overal")
    p = probleem("B1", zaad, regels, begroting)
    rel = bouw(p, pad.samengevoegde_klassen(p, budget_apart=False), budget=True, budget_binnen=True)
    return rel.lin, rel.doelen[0], []


def los_highs(lin: Programma, doel: dict[int, int], tu: list[int], limiet: float) -> tuple[str, float, float]:
    m = HighsMotor(lin, float(limiet))  # with the bench's limit, a stop on it is a status, not an error
    m.zet_geheel(tu, False)
    m.los(doel, True)
    info = m.h.getInfo()
    return m.h.getModelStatus().name, info.objective_function_value, info.mip_dual_bound


def _mps(lin: Programma, doel: dict[int, int], tu: list[int], map_: Path) -> Path:
    import highspy
    import numpy as np

    m = HighsMotor(lin, None)
    m.zet_geheel(tu, False)
    kolommen = np.array(sorted(doel), dtype=np.int32)
    m.h.changeColsCost(len(kolommen), kolommen, np.array([float(doel[j]) for j in kolommen]))
    m.h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    bestand = map_ / "model.mps"
    m.h.writeModel(str(bestand))
    return bestand


def los_scip(lin: Programma, doel: dict[int, int], tu: list[int], limiet: float) -> tuple[str, float, float]:
    from pyscipopt import Model

    with tempfile.TemporaryDirectory() as map_:
        s = Model()
        s.hideOutput()
        s.readProblem(str(_mps(lin, doel, tu, Path(map_))))
    s.setParam("limits/time", float(limiet))
    s.setParam("limits/absgap", 0.99)
    s.setParam("parallel/maxnthreads", 1)
    s.optimize()
    waarde = s.getObjVal() if s.getNSols() else float("nan")
    return str(s.getStatus()), waarde, s.getDualbound()


def _geheel(v: float) -> int:
    if abs(v - round(v)) > 1e-9:
        raise ValueError(f"niet geheel: {v}")
    return round(v)


def los_cpsat(lin: Programma, doel: dict[int, int], tu: list[int], limiet: float) -> tuple[str, float, float]:
    from ortools.sat.python import cp_model

    groot = 2**40
    m = cp_model.CpModel()
    xs = [
        m.new_int_var(-groot if o == -ONEINDIG else _geheel(o), groot if b == ONEINDIG else _geheel(b), f"x{j}")
        for j, (o, b) in enumerate(zip(lin.onder, lin.boven, strict=True))
    ]
    for ix, cs, onder, boven in lin.rijen:
        som = sum(_geheel(c) * xs[i] for i, c in zip(ix, cs, strict=True))
        if onder != -ONEINDIG:
            m.add(som >= _geheel(onder))
        if boven != ONEINDIG:
            m.add(som <= _geheel(boven))
    m.maximize(sum(c * xs[j] for j, c in doel.items()))
    s = cp_model.CpSolver()
    s.parameters.num_workers = 1
    s.parameters.random_seed = 0
    s.parameters.max_time_in_seconds = float(limiet)
    status = s.solve(m)
    return s.status_name(status), s.objective_value, s.best_objective_bound


MOTOREN = {"HiGHS": los_highs, "SCIP": los_scip, "CP-SAT": los_cpsat}
MODELLEN = {
    "subregio": ("stap 4 per subregio, B1", model_subregio),
    "budget": ("budget overal, stap 1, B1", model_budget),
}


def _beschikbaar(naam: str) -> str | None:
    module = {"SCIP": "pyscipopt", "CP-SAT": "ortools"}.get(naam)
    if module is None:
        return None
    try:
        __import__(module)
    except ImportError:
        return f"{module} niet geïnstalleerd (pip install {module})"
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zaden", default="7")
    ap.add_argument("--modellen", default="subregio,budget")
    ap.add_argument("--motoren", default="HiGHS,SCIP,CP-SAT")
    ap.add_argument("--limiet", type=float, default=120.0, help="wandtijd per run in seconden (alleen de bench)")
    args = ap.parse_args()
    with alleen_eigen_uitvoer():  # highspy announces itself on stdout when first constructed
        import highspy

        highspy.Highs()
    print(f"Andere oplossers op de trage landelijke modellen; cpu in seconden, limiet {args.limiet:.0f} s per run")
    for zaad in (int(z) for z in args.zaden.split(",")):
        for sleutel in args.modellen.split(","):
            titel, maak = MODELLEN[sleutel]
            lin, doel, tu = maak(zaad)
            print(f"zaad {zaad}, {titel}: {lin.aantal} kolommen, {len(lin.rijen)} rijen", flush=True)
            bewezen: set[float] = set()
            for naam in args.motoren.split(","):
                reden = _beschikbaar(naam)
                if reden:
                    print(f"  {naam:<7} overgeslagen: {reden}")
                    continue
                c0 = _cpu()
                with alleen_eigen_uitvoer():
                    status, waarde, grens = MOTOREN[naam](lin, doel, tu, args.limiet)
                optimaal = status.lower() in ("koptimal", "optimal")
                if optimaal:
                    bewezen.add(round(waarde))
                regel = f"  {naam:<7} cpu {_cpu() - c0:8.2f}  {status:<12} waarde {waarde:,.0f}  grens {grens:,.0f}"
                print(regel.replace(",", "."), flush=True)
            if len(bewezen) > 1:
                print(f"  VERSCHILLENDE bewezen waarden: {sorted(bewezen)}")


if __name__ == "__main__":
    main()

"""The per_subregio relaxation (stages 1-3, one class per subregio) per lot and stage, per solver variant.

Under per_subregio without budgets, stages 1-3 of the fast path are solved on the relaxation with one class per
subregio (evaluatie.verdeling.pad.subregioklassen, opbouw.bouw(subregio='klasse')). This script builds that
model for every seed and lot of bench/landelijk.py (rule set per_subregio) and solves stages 1-3 once per
variant, printing the cpu seconds of each stage (this process plus CBC subprocesses) and the nodes:
- 'auto': what the library does (evaluatie.verdeling.subregiorelaxatie): CBC with the node budget where the
  cap on suppliers per subregio is loose, else HiGHS with x continuous in stage 1 and its primal heuristics
  off after stage 1 (a CBC that spends its budget or fails is reported here as an error; the library then
  solves the step on HiGHS);
- 'highs': HiGHS, x continuous in stage 1 (what 'auto' did before, for every lot);
- 'cbc': the bundled CBC, x integer;
- 'highs-zonder-heur': as 'highs', HiGHS's primal heuristics off once stage 1 is fixed (stages 2-3 start from
  the previous stage's solution, as pad._budget_na_stap does for budgets);
- 'highs-geheel': HiGHS with x integer in every stage;
- 'highs-23-presolve-uit', 'highs-symmetrie-uit', 'highs-probing-uit': HiGHS options (presolve off in stages
  2-3; no symmetry detection; no probing);
- 'highs-continu-123': x continuous in all three stages, each answer checked (see `continu_123`).
Every variant must reach the same three stage values as 'auto' ('ja'/'NEE'): all are exact.
At the end the sum per variant over all lots and seeds, and per stage.

Run: python bench/subregio_relaxatie.py [--zaden 1,2,3,4,5,6,7,8,9,10] [--percelen B1,onderwijs,Z]
[--varianten auto,cbc,...]
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable

from landelijk import AANDEEL, probleem, regelset  # bench/, beside this script

from evaluatie.stdout import alleen_eigen_uitvoer
from evaluatie.verdeling import pad
from evaluatie.verdeling.matrix import HighsMotor, Motor, doelwaarde, motor
from evaluatie.verdeling.model import Verdeelprobleem
from evaluatie.verdeling.opbouw import Opbouw, bouw
from evaluatie.verdeling.oplosser import KNOPEN_BUDGET
from evaluatie.verdeling.status import Oplosserfout
from evaluatie.verdeling.subregiorelaxatie import RUIM_STAP, relaxatiestap


def _cpu() -> float:
    eigen = time.process_time()
    kinderen = resource.getrusage(resource.RUSAGE_CHILDREN)
    return eigen + kinderen.ru_utime + kinderen.ru_stime


class Stopwatch:
    """Cpu seconds and HiGHS nodes per stage: lexicografisch calls na_stap after every stage."""

    def __init__(self, m: Motor):
        self.m = m
        self.tijden: list[float] = []
        self.knopen: list[str] = []
        self.t = _cpu()
        los = m.los

        def los_en_tel(doel, maximaliseer, start=None):  # type: ignore[no-untyped-def]
            uit = los(doel, maximaliseer, start)
            if isinstance(m, HighsMotor):
                self.knopen.append(str(m.h.getInfo().mip_node_count))
            else:
                self.knopen.append("-")
            return uit

        m.los = los_en_tel  # type: ignore[method-assign]

    def __call__(self, nummer: int) -> None:
        nu = _cpu()
        self.tijden.append(nu - self.t)
        self.t = nu


VARIANTEN: dict[str, tuple[str, bool, Callable[[Motor, int], None] | None]] = {
    # name: (engine, x continuous in stage 1, extra action after a stage)
    "auto": ("highs", True, None),  # engine and x continuous as the library chooses (see `los`)
    "highs": ("highs", True, None),
    "cbc": ("cbc", False, None),
    "highs-zonder-heur": ("highs", True, lambda m, n: m.zonder_heuristieken() if n == 1 else None),  # type: ignore[attr-defined]
    "highs-geheel": ("highs", False, None),
    "highs-23-presolve-uit": ("highs", True, lambda m, n: m.h.setOptionValue("presolve", "off") if n == 1 else None),  # type: ignore[attr-defined]
    "highs-symmetrie-uit": ("highs", True, None),
    "highs-probing-uit": ("highs", True, None),
    "highs-continu-123": ("highs", True, None),
}
# options set before stage 1 (HiGHS)
VOORAF: dict[str, dict[str, object]] = {
    "highs-symmetrie-uit": {"mip_detect_symmetry": False},
    "highs-probing-uit": {"mip_lifting_for_probing": -1, "presolve_rule_off": 2**20},
}


TERUG: list[int] = []  # stages where the vertex with x continuous was not integral (x integer again)


def continu_123(m: Motor, o: Opbouw, na_stap: Callable[[int], None]) -> list[int]:
    """Stages 1-3 with x continuous in every stage (Opbouw.tu), each answer checked.

    In stages 2 and 3 the fixed row of the previous stage spoils total unimodularity, so the model with x
    continuous is a relaxation there: its optimum bounds the integer one. If the simplex vertex with the 0/1
    columns fixed (HighsMotor.hoekpunt) is integral, it is feasible for the integer model and at least as good
    as the relaxation's optimum (within the absolute gap below 1 of an integer objective), so it is the integer
    optimum. If it is not integral, the stage is solved again with x integer."""
    waarden: list[int] | None = None
    behaald = []
    for nummer, (doel, maximaliseer) in enumerate(o.stappen()[:3], start=1):
        verschoven, constante = o.verschoven(doel)
        try:
            waarden = pad._los(m, verschoven, maximaliseer, waarden, o.tu)
        except Oplosserfout:
            if nummer == 1:
                raise
            TERUG.append(nummer)
            waarden = pad._los(m, verschoven, maximaliseer, waarden)
        v = doelwaarde(doel, waarden)
        behaald.append(v)
        termen = [(j, c) for j, c in verschoven.items() if c]
        rest = v - constante
        if maximaliseer:
            m.voeg_rij_toe(termen, rest, float("inf"))
        else:
            m.voeg_rij_toe(termen, float("-inf"), rest)
        na_stap(nummer)
    return behaald


def los(p: Verdeelprobleem, variant: str) -> tuple[list[float], list[str], tuple[int, ...], int]:
    oplosser, continu, extra = VARIANTEN[variant]
    rel = bouw(p, pad.subregioklassen(p), subregio="klasse", budget=True)
    knopen = None
    if variant == "auto" and relaxatiestap(p, rel.ks) == RUIM_STAP:  # CBC with the node budget (pad.ontspan)
        oplosser, continu, knopen = "cbc", False, KNOPEN_BUDGET
    elif variant == "auto":  # HiGHS, its primal heuristics off once stage 1 is fixed (pad.ontspan)
        extra = VARIANTEN["highs-zonder-heur"][2]
    m = motor(oplosser, rel.lin, None, knopen)
    for optie, waarde in VOORAF.get(variant, {}).items():
        m.h.setOptionValue(optie, waarde)  # type: ignore[attr-defined]
    klok = Stopwatch(m)

    def na_stap(nummer: int) -> None:
        klok(nummer)
        if extra is not None:
            extra(m, nummer)
            klok.t = _cpu()

    if variant == "highs-continu-123":
        behaald = continu_123(m, rel, na_stap)
    else:
        _, behaald = pad.lexicografisch(m, rel, stappen=3, tu=continu, na_stap=na_stap)
    return klok.tijden, klok.knopen, tuple(behaald), rel.lin.aantal


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zaden", default="1,2,3,4,5,6,7,8,9,10")
    ap.add_argument("--percelen", default=",".join(AANDEEL))
    ap.add_argument("--varianten", default=",".join(VARIANTEN))
    args = ap.parse_args()
    # highspy announces itself on stdout when first constructed: keep it out of the table
    with alleen_eigen_uitvoer():
        import highspy

        highspy.Highs()
    varianten = args.varianten.split(",")
    regels, begroting = regelset("per_subregio")
    som: dict[str, list[float]] = {v: [0.0, 0.0, 0.0] for v in varianten}
    verschil = 0
    fouten = 0
    print("Relaxatie bij per_subregio (stap 1-3, één klasse per subregio), landelijk; cpu in seconden per stap")
    for zaad in (int(z) for z in args.zaden.split(",")):
        for code in args.percelen.split(","):
            p = probleem(code, zaad, regels, begroting)
            referentie: tuple[int, ...] | None = None
            for variant in varianten:
                try:
                    tijden, knopen, behaald, kolommen = los(p, variant)
                except Oplosserfout as fout:
                    print(f"zaad {zaad:>2} {code:<10}{variant:<18}fout: {fout}", flush=True)
                    fouten += 1
                    continue
                referentie = referentie or behaald
                gelijk = "ja" if behaald == referentie else "NEE"
                verschil += behaald != referentie
                for i, t in enumerate(tijden):
                    som[variant][i] += t
                stappen = "  ".join(f"{t:6.2f} ({k:>4})" for t, k in zip(tijden, knopen, strict=True))
                print(
                    f"zaad {zaad:>2} {code:<10}{kolommen:>5} kolommen  {variant:<18}{stappen}  samen "
                    f"{sum(tijden):6.2f}  zelfde stapwaarden: {gelijk}",
                    flush=True,
                )
    print("\nSamen over alle percelen en zaden (stap 1 / 2 / 3 / samen):")
    for variant, ts in som.items():
        print(f"  {variant:<18}{ts[0]:7.2f} {ts[1]:7.2f} {ts[2]:7.2f}  {sum(ts):7.2f}")
    print(f"Percelen met andere stapwaarden dan de eerste variant: {verschil}; fouten van een oplosser: {fouten}")
    if "highs-continu-123" in varianten:
        print(f"highs-continu-123: stappen opnieuw met x geheel (hoekpunt niet geheel): {TERUG or 'geen'}")


if __name__ == "__main__":
    main()

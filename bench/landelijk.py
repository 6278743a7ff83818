"""National-scale allocation benchmark: 342 gemeenten in 35 subregio's, 3 lots, 150 bidders.

Seeded, so every run builds the same tender. For every rule set and seed it allocates the three
lots along the exact fast path (evaluatie.verdeling.pad) and prints, per lot and for the three
together, wall and cpu seconds (this process plus CBC subprocesses), the path that proved the
optimum and the proof status. The fast path has no time limit (issue #24): it runs to its proof.

Check (unless --zonder-controle): every lot is solved again by the full model per gemeente
(every rule, built once, HiGHS, stage by stage), capped at --limiet seconds per stage since it
is only the reference. Where it proves its optimum, all four stage values must be equal
('ja'/'NEE'); where it proves stages 1-3 but not stage 4, those three must be equal ('1-3 ja (volledig
model)') and stage 4 is checked as below. Where it proves none, stages 1-3 are checked against the PuLP model of
`verdeel_pulp` (bench/pulp_referentie.py), an independent formulation of the same rules
('1-3 ja (PuLP)'), and stage 4 is solved again by the PuLP reference with the allocation's supplier
totals fixed, no time limit ('4 ja (PuLP stap 4)'), except on the path 'stap-4-MIP per subregio':
there stage 4 is solved again by the stage-4 MIP over x per gemeente with the same totals (the other
formulation of that step, no time limit) and must give the same value ('4 ja (stap-4-MIP over x)').

Rule sets (all with max_aandeel 0.1 and min_volume 25):
- samengevoegd: no rule looks at single gemeenten (merged classes);
- K=3, K=2: max_leveranciers_per_gemeente;
- per_subregio;
- budget elke 10e: every 10th gemeente has a budget of 9,300 euro per inburgeraar (prices are
  8,000-10,000);
- budget overal: a budget in every gemeente, 9,300 euro per inburgeraar.

At the end a summary table: per rule set and seed the three lots together (wall, cpu), the paths,
how many lots were proven and the check.

--spoor MAP: every HiGHS solve of the fast path writes its own log (root bound, bound and
incumbent over time, nodes) to MAP/<regels>_<zaad>_<perceel>_<n>.log, and MAP/samenvatting.txt
gets one line per solve (columns, integer columns, status, cpu, objective, bound, nodes): the
evidence for where a slow lot spends its time (bench/METINGEN.md, meting van 4 december 2026).

--zonder-verschuiving: stage 4 gets its own objective instead of the one shifted by the LP's prices
(evaluatie.verdeling.dualverschuiving), for comparison.

How long: every rule set but 'budget overal' takes seconds per seed; 'budget overal' takes B1 19-31 minutes
cpu per seed (seeds 7, 1, 2; bench/METINGEN.md, metingen van 4 december 2026), and its check as long again or
longer. Leave it out with --regels "samengevoegd,K=3,K=2,per_subregio,budget elke 10e".

Run: python bench/landelijk.py [--zaden 7,1,2] [--solver auto] [--limiet 60] [--regels K=3,K=2] [--zonder-controle]
[--spoor MAP] [--percelen onderwijs,Z]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from typing import Any

from pulp_referentie import stap4_pulp, verdeel_pulp  # bench/, beside this script: the reference PuLP model

from evaluatie.definitie.model import Verdeelregels
from evaluatie.fouten import EvaluatieFout
from evaluatie.stdout import alleen_eigen_uitvoer
from evaluatie.verdeling import pad as snelle_weg
from evaluatie.verdeling.klassen import per_gemeente_nodig
from evaluatie.verdeling.matrix import HighsMotor
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem, Verdeling
from evaluatie.verdeling.opbouw import Opbouw, bouw
from evaluatie.verdeling.oplosser import kies
from evaluatie.verdeling.pad import STAP4_SUBREGIO, Onhaalbaar, Tijdslimiet, _los, gemeenteklassen, lexicografisch
from evaluatie.verdeling.verdelen import verdeel

AANDEEL = {"B1": 0.65, "onderwijs": 0.25, "Z": 0.10}
BASIS = {"max_aandeel": 0.1, "min_volume": 25}
REGELSETS: dict[str, dict[str, Any]] = {
    "samengevoegd": {},
    "K=3": {"max_leveranciers_per_gemeente": 3},
    "K=2": {"max_leveranciers_per_gemeente": 2},
    "per_subregio": {"per_subregio": True},
    "budget elke 10e": {"budget": 9300, "elke": 10},
    "budget overal": {"budget": 9300, "elke": 1},
}


def tender(zaad: int) -> tuple[dict[str, int], dict[str, str], list[tuple[str, int, list[str]]]]:
    rnd = random.Random(zaad)
    subregio = {}
    totaal = {}
    for i in range(342):
        g = f"Gemeente {i + 1:03d}"
        subregio[g] = f"Subregio {i % 35 + 1:02d}"
        totaal[g] = max(3, int(rnd.lognormvariate(4.0, 0.9)))
    regios = sorted(set(subregio.values()))
    bieders = []
    for b in range(150):
        bediend = rnd.sample(regios, rnd.randint(2, 6))
        bieders.append((f"Aanbieder {b + 1:03d}", rnd.randint(0, 10**6), bediend))
    return totaal, subregio, bieders


def probleem(
    code: str, zaad: int, regels: Verdeelregels, begroting: tuple[float, int] | None = None
) -> Verdeelprobleem:
    """One lot of the national tender; `begroting` = (euro per inburgeraar, every how many-th gemeente)."""
    totaal, subregio, bieders = tender(zaad)
    rnd = random.Random(f"{zaad}-{code}")
    vraag = {g: max(1, round(n * AANDEEL[code])) for g, n in totaal.items()}
    lev = []
    for naam, _, regios in bieders:
        gemeenten = tuple(g for g in vraag if subregio[g] in regios)
        waarde = round(rnd.uniform(55, 95), 4)
        lev.append((waarde, naam, rnd.randint(8000, 10000), rnd.randint(40, 600), gemeenten))
    lev.sort(key=lambda t: (-t[0], t[1]))
    leveranciers = tuple(Leverancier(n, w, p, c, gs, i) for i, (w, n, p, c, gs) in enumerate(lev))
    # every `elke`-th gemeente has a budget of its own (the others pay at most the ceiling price)
    budget = {}
    if begroting is not None:
        per_inburgeraar, elke = begroting
        budget = {g: d * per_inburgeraar for i, (g, d) in enumerate(vraag.items()) if i % elke == 0}
    return Verdeelprobleem(code, code, vraag, subregio, leveranciers, regels, budget)


def regelset(naam: str) -> tuple[Verdeelregels, tuple[float, int] | None]:
    """The rules and the budgets ((euro per inburgeraar, every how many-th gemeente) or None) of a rule set."""
    extra = dict(REGELSETS[naam])
    budget = extra.pop("budget", None)
    elke = extra.pop("elke", 10)
    return Verdeelregels(**BASIS, **extra), (None if budget is None else (float(budget), int(elke)))


def stapwaarden(p: Verdeelprobleem, v: Verdeling) -> tuple[int, ...]:
    """All four stage values recomputed from the allocation itself, in the order of `Opbouw.stappen`
    (gemeenten numbered in tender order): the objective vectors applied to the published cells."""
    o = bouw(p, gemeenteklassen(p))
    positie = {k.gemeenten[0]: ci for ci, k in enumerate(o.ks)}
    per_naam = {s.naam: si for si, s in enumerate(p.leveranciers)}
    aantal = {o.x[positie[t.gemeente], per_naam[t.inschrijver]]: t.aantal for t in v.toewijzing}
    return tuple(sum(c * aantal.get(j, 0) for j, c in doel.items()) for doel, _ in o.stappen())


def _cpu() -> float:
    eigen = time.process_time()
    kinderen = resource.getrusage(resource.RUSAGE_CHILDREN)
    return eigen + kinderen.ru_utime + kinderen.ru_stime


def volledig_model(p: Verdeelprobleem, limiet: float) -> tuple[int, ...] | str:
    """The reference: the full model per gemeente with every rule, HiGHS, at most `limiet` s per stage.

    All four stage values, or only stages 1-3 when the model proved those but not stage 4 within the limit (a
    budget in every gemeente, B1: stages 1-3 in seconds, stage 4 far longer); 'niet bewezen' otherwise."""
    r = p.regels

    def model() -> Opbouw:
        return bouw(
            p, gemeenteklassen(p), per_gemeente=True, budget=True, subregio="gemeente" if r.per_subregio else "nee"
        )

    o = model()
    klaar: list[int] = []
    try:
        _, behaald = lexicografisch(HighsMotor(o.lin, limiet), o, na_stap=klaar.append)
    except Tijdslimiet:
        if len(klaar) < 3:
            return "niet bewezen"
        o = model()  # stages 1-3 proved, stage 4 did not: their values, from a model without the fixed rows
        try:
            _, behaald = lexicografisch(HighsMotor(o.lin, limiet), o, stappen=3)
        except Tijdslimiet:  # the limit is wall-clock and only the reference's: a loaded machine may miss it
            return "niet bewezen"
    except Onhaalbaar:
        return "onhaalbaar"
    return tuple(behaald)


def controle(p: Verdeelprobleem, v: Verdeling, limiet: float) -> str:
    eigen = stapwaarden(p, v)
    if eigen != v.doelwaarden:
        return "NEE (stapwaarden kloppen niet met de verdeling)"
    ref = volledig_model(p, limiet)
    if isinstance(ref, tuple) and len(ref) == 4:
        return "ja (volledig model)" if ref == v.doelwaarden else f"NEE: volledig model {ref}"
    if isinstance(ref, tuple):
        tekst = "1-3 ja (volledig model)" if ref == eigen[:3] else f"1-3 NEE: volledig model {ref}"
        return f"{tekst}, {stap4_over_x(p, v) if v.pad == STAP4_SUBREGIO else stap4_onafhankelijk(p, v)}"
    try:
        oud = verdeel_pulp(p, kies("auto", per_gemeente_nodig(p)), limiet)
    except EvaluatieFout:
        tekst = f"volledig model {ref}, PuLP ook niet: 1-3 niet gecontroleerd"
    else:
        tekst = "1-3 ja (PuLP)" if stapwaarden(p, oud)[:3] == eigen[:3] else "1-3 NEE (PuLP)"
    return f"{tekst}, {stap4_over_x(p, v) if v.pad == STAP4_SUBREGIO else stap4_onafhankelijk(p, v)}"


def _totalen(p: Verdeelprobleem, v: Verdeling) -> dict[int, int]:
    per_naam = {s.naam: si for si, s in enumerate(p.leveranciers)}
    totalen: dict[int, int] = {}
    for t in v.toewijzing:
        totalen[per_naam[t.inschrijver]] = totalen.get(per_naam[t.inschrijver], 0) + t.aantal
    return totalen


def stap4_onafhankelijk(p: Verdeelprobleem, v: Verdeling) -> str:
    """Stage 4 of a lot the full model did not prove, checked by the PuLP reference (another model, built
    by other code): the same supplier totals fixed, the gemeenten's order maximised, no time limit. Equal
    optimal values say the published allocation is optimal in stage 4 (ties in value may differ in cells:
    the value is what is checked)."""
    ref = stap4_pulp(p, _totalen(p, v))
    if isinstance(ref, str):
        return f"4 NEE: PuLP stap 4 {ref}"
    waarde = stapwaarden(p, ref)[3]
    return "4 ja (PuLP stap 4)" if waarde == v.doelwaarden[3] else f"4 NEE: PuLP stap 4 {waarde}"


def stap4_over_x(p: Verdeelprobleem, v: Verdeling) -> str:
    """Stage 4 of a 'stap-4-MIP per subregio' lot checked by the other formulation of the same step: the
    stage-4 MIP over x per gemeente (x <= d * z and x >= z, opbouw.bouw(subregio='gemeente')) with the
    allocation's supplier totals fixed, HiGHS, no time limit (it proves national B1 in 18-55 s cpu)."""
    o = bouw(p, gemeenteklassen(p), per_gemeente=True, subregio="gemeente", totalen=_totalen(p, v))
    try:
        waarden = _los(HighsMotor(o.lin, None), o.doelen[3], True, None, o.tu)
    except Onhaalbaar:
        return "4 NEE: het stap-4-MIP over x vindt met deze totalen geen verdeling"
    waarde = sum(c * waarden[j] for j, c in o.doelen[3].items())
    return "4 ja (stap-4-MIP over x)" if waarde == v.doelwaarden[3] else f"4 NEE: stap-4-MIP over x {waarde}"


class _Spoor:
    """Log every HiGHS solve of the fast path (see --spoor): wraps HighsMotor, the library is unchanged."""

    def __init__(self, map_: str):
        from pathlib import Path

        self.map = Path(map_)
        self.map.mkdir(parents=True, exist_ok=True)
        self.lot = ""
        self.n = 0
        self.samenvatting = (self.map / "samenvatting.txt").open("w", encoding="utf-8")
        spoor = self
        init, los = HighsMotor.__init__, HighsMotor.los

        def nieuw_init(motor: HighsMotor, lin, tijdslimiet) -> None:
            init(motor, lin, tijdslimiet)
            spoor.n += 1
            motor.spoornaam = f"{spoor.lot}_{spoor.n}"  # type: ignore[attr-defined]
            motor.h.setOptionValue("output_flag", True)
            motor.h.setOptionValue("log_to_console", False)
            motor.h.setOptionValue("log_file", str(spoor.map / f"{motor.spoornaam}.log"))  # type: ignore[attr-defined]

        def nieuw_los(motor: HighsMotor, doel, maximaliseer, start=None) -> str:
            c0 = time.process_time()
            uit = los(motor, doel, maximaliseer, start)
            i = motor.h.getInfo()
            spoor.samenvatting.write(
                f"{motor.spoornaam}: {motor.n} kolommen, {len(motor.gehele)} geheel, {uit}, "  # type: ignore[attr-defined]
                f"cpu {time.process_time() - c0:.2f} s, doel {i.objective_function_value:.1f}, "
                f"grens {i.mip_dual_bound:.1f}, knopen {i.mip_node_count}, grootste coefficient "
                f"{max((abs(c) for c in doel.values()), default=0)}\n"
            )
            spoor.samenvatting.flush()
            return uit

        HighsMotor.__init__ = nieuw_init  # type: ignore[method-assign,assignment]
        HighsMotor.los = nieuw_los  # type: ignore[method-assign,assignment]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zaden", default="7,1,2")
    ap.add_argument("--solver", default="auto", help="engine for the fast path: auto, highs or cbc")
    ap.add_argument("--limiet", type=float, default=60.0, help="seconds per stage for the reference model only")
    ap.add_argument("--regels", default=",".join(REGELSETS))
    ap.add_argument("--zonder-controle", action="store_true", help="skip the reference models")
    ap.add_argument(
        "--zonder-verschuiving",
        action="store_true",
        help="stage 4 with its own objective, not shifted by the LP prices (evaluatie.verdeling.dualverschuiving)",
    )
    ap.add_argument("--percelen", default=",".join(AANDEEL), help="only these lots (default all three)")
    ap.add_argument("--spoor", metavar="MAP", help="write a HiGHS log of every solve of the fast path to MAP")
    args = ap.parse_args()
    if args.zonder_verschuiving:
        snelle_weg.VERSCHUIF_STAP4 = False
    spoor = _Spoor(args.spoor) if args.spoor else None
    # highspy announces itself on stdout when first constructed: keep it out of the table
    with alleen_eigen_uitvoer():
        import highspy

        highspy.Highs()
    zaden = [int(z) for z in args.zaden.split(",")]
    print(
        f"Landelijke aanbesteding: 342 gemeenten, 35 subregio's, 150 inschrijvers, 3 percelen; snel pad met "
        f"--solver {args.solver}, zonder tijdslimiet; zaden {', '.join(map(str, zaden))}; cpu = dit proces + "
        "CBC-subprocessen. De machine kan gedeeld zijn: cpu is het vastere getal."
    )
    kop = f"{'regels':<17}{'zaad':>5}  {'perceel':<10}{'rekenpad':<26}{'wand (s)':>9}{'cpu (s)':>9}"
    print(f"{kop}  {'bewijs':<10}controle")
    samen: list[tuple[str, int, float, float, list[str], int, list[str]]] = []
    for naam in args.regels.split(","):
        regels, begroting = regelset(naam)
        for zaad in zaden:
            som_w = som_c = 0.0
            paden: list[str] = []
            bewezen = 0
            controles: list[str] = []
            for code in args.percelen.split(","):
                p = probleem(code, zaad, regels, begroting)
                if spoor is not None:
                    spoor.lot = f"{naam.replace(' ', '_')}_{zaad}_{code}"
                    spoor.n = 0
                c0, w0 = _cpu(), time.perf_counter()
                try:
                    v: Verdeling | None = verdeel(p, args.solver)
                    status = "bewezen"
                except EvaluatieFout as e:
                    v, status = None, "fout: " + e.meldingen[0][:60]
                w, c = time.perf_counter() - w0, _cpu() - c0
                som_w += w
                som_c += c
                if spoor is not None:  # the reference models are not part of the trace
                    spoor.lot = "controle"
                gecontroleerd = "" if args.zonder_controle or v is None else controle(p, v, args.limiet)
                pad = v.pad if v else "-"
                paden.append(pad)
                bewezen += v is not None
                controles.append(gecontroleerd or "niet gecontroleerd")
                print(
                    f"{naam:<17}{zaad:>5}  {code:<10}{pad:<26}{w:>9.2f}{c:>9.2f}  {status:<10}{gecontroleerd}",
                    flush=True,
                )
            print(f"{naam:<17}{zaad:>5}  {'samen':<10}{'':<26}{som_w:>9.2f}{som_c:>9.2f}", flush=True)
            samen.append((naam, zaad, som_w, som_c, paden, bewezen, controles))
    print()
    percelen = args.percelen.split(",")
    welke = "3 percelen" if percelen == list(AANDEEL) else ", ".join(percelen)
    print(f"Samenvatting ({welke} samen per regelset en zaad):")
    kop = f"{'regels':<17}{'zaad':>5}{'wand (s)':>10}{'cpu (s)':>9}  {'bewezen':<9}"
    print(f"{kop}{'rekenpaden (' + ', '.join(percelen) + ')':<76}controle")
    for naam, zaad, w, c, paden, bewezen, controles in samen:
        uitkomst = "; ".join(dict.fromkeys(controles))
        print(f"{naam:<17}{zaad:>5}{w:>10.2f}{c:>9.2f}  {bewezen}/{len(paden)}{'':<5}{', '.join(paden):<76}{uitkomst}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

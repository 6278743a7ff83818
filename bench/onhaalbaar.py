"""Every infeasibility verdict of the allocation, checked by an independent feasibility model.

For each seed and rule set of bench/landelijk.py and each lot, the tool allocates (`verdeel`,
with --solver). Its verdict is then checked by a model written here from the problem itself,
sharing no code with evaluatie.verdeling (no classes, no merging, no lexicographic stages):
one integer variable per gemeente and eligible supplier, every rule as its own row, no objective,
solved by HiGHS through PuLP.
- 'onhaalbaar' stands only when the independent model is infeasible too ('bevestigd');
- a found allocation is checked rule by rule against the problem ('klopt');
- a time limit on either side is printed as such, never counted as a confirmation.

Run: python bench/onhaalbaar.py [--zaden 1-10]
     [--regels samengevoegd,K=3,K=2,per_subregio,'budget elke 10e','budget overal']
     [--solver auto] [--limiet 60]
Prints one line per lot and a summary; cpu seconds of this process and of its solver children.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from landelijk import AANDEEL, REGELSETS, probleem, regelset

from evaluatie.fouten import EvaluatieFout
from evaluatie.stdout import alleen_eigen_uitvoer
from evaluatie.verdeling.model import Verdeelprobleem, Verdeling
from evaluatie.verdeling.verdelen import verdeel


def geschikt(p: Verdeelprobleem, s_index: int, g: str) -> bool:
    """May supplier s serve gemeente g? Under per_subregio it must offer every gemeente of g's subregio with demand."""
    s = p.leveranciers[s_index]
    if g not in s.gemeenten:
        return False
    if p.regels.per_subregio:
        return all(h in s.gemeenten for h, d in p.vraag.items() if d > 0 and p.subregio[h] == p.subregio[g])
    return True


def plafond(p: Verdeelprobleem, s_index: int) -> int:
    cap = p.leveranciers[s_index].capaciteit
    if p.regels.max_aandeel is not None:
        cap = min(cap, int(p.regels.max_aandeel * p.totaal + 1e-9))
    return cap


def haalbaar(p: Verdeelprobleem, limiet: float) -> str:
    """'haalbaar', 'onhaalbaar' or 'tijdslimiet' for the problem as stated, by a model of its own."""
    import pulp

    r = p.regels
    prob = pulp.LpProblem("onafhankelijk", pulp.LpMinimize)
    gem = [g for g, d in p.vraag.items() if d > 0]
    x = {
        (g, s): prob.add_variable(f"x_{gi}_{s}", 0, p.vraag[g], cat="Integer")
        for gi, g in enumerate(gem)
        for s in range(len(p.leveranciers))
        if geschikt(p, s, g)
    }
    gebruikt = {s: prob.add_variable(f"gebruikt_{s}", cat="Binary") for s in range(len(p.leveranciers))}
    for g in gem:
        prob += pulp.lpSum(v for (h, _), v in x.items() if h == g) == p.vraag[g]
    for s in range(len(p.leveranciers)):
        volume = pulp.lpSum(v for (_, t), v in x.items() if t == s)
        prob += volume <= plafond(p, s) * gebruikt[s]
        prob += volume >= max(1, r.min_volume or 0) * gebruikt[s]
    if r.min_leveranciers is not None:
        prob += pulp.lpSum(gebruikt.values()) >= r.min_leveranciers
    if r.max_leveranciers is not None:
        prob += pulp.lpSum(gebruikt.values()) <= r.max_leveranciers
    if r.max_leveranciers_per_gemeente is not None:
        for g in gem:
            bedient = []
            for (h, s), v in x.items():
                if h == g:
                    z = prob.add_variable(f"z_{gem.index(g)}_{s}", cat="Binary")
                    prob += v <= p.vraag[g] * z
                    bedient.append(z)
            prob += pulp.lpSum(bedient) <= r.max_leveranciers_per_gemeente
    if r.per_subregio:
        for regio in sorted({p.subregio[g] for g in gem}):
            leden = [g for g in gem if p.subregio[g] == regio]
            for s in range(len(p.leveranciers)):
                if (leden[0], s) not in x:
                    continue
                w = prob.add_variable(f"w_{regio.replace(' ', '_')}_{s}", cat="Binary")
                for g in leden:
                    prob += x[g, s] >= w
                    prob += x[g, s] <= p.vraag[g] * w
    for g, bedrag in p.budget.items():
        if p.vraag.get(g):
            prob += pulp.lpSum(v * round(p.leveranciers[s].prijs * 100) for (h, s), v in x.items() if h == g) <= round(
                bedrag * 100
            )
    prob += pulp.lpSum([])
    prob.solve(pulp.HiGHS(msg=False, timeLimit=limiet, threads=1))
    status = prob.solverModel.getModelStatus().name
    if status == "kOptimal":
        return "haalbaar"
    if status in ("kInfeasible", "kUnboundedOrInfeasible"):
        return "onhaalbaar"
    if status == "kTimeLimit":
        return "tijdslimiet"
    return f"status {status}"


def klopt(p: Verdeelprobleem, v: Verdeling) -> list[str]:
    """Every rule checked against a found allocation, from the problem alone."""
    r = p.regels
    fouten = []
    naar_index = {s.naam: i for i, s in enumerate(p.leveranciers)}
    per_gemeente: dict[str, dict[int, int]] = {}
    for t in v.toewijzing:
        per_gemeente.setdefault(t.gemeente, {})[naar_index[t.inschrijver]] = t.aantal
    totaal = {s: 0 for s in range(len(p.leveranciers))}
    for g, d in p.vraag.items():
        cel = per_gemeente.get(g, {})
        if sum(cel.values()) != d:
            fouten.append(f"{g}: {sum(cel.values())} van {d}")
        for s, n in cel.items():
            totaal[s] += n
            if not geschikt(p, s, g):
                fouten.append(f"{g}: {p.leveranciers[s].naam} bedient deze gemeente niet")
        if r.max_leveranciers_per_gemeente is not None and len(cel) > r.max_leveranciers_per_gemeente:
            fouten.append(f"{g}: {len(cel)} aanbieders")
        if g in p.budget and sum(n * p.leveranciers[s].prijs for s, n in cel.items()) > p.budget[g] + 1e-6:
            fouten.append(f"{g}: budget overschreden")
    gekozen = [s for s, n in totaal.items() if n > 0]
    for s in gekozen:
        if totaal[s] > plafond(p, s) or totaal[s] < (r.min_volume or 1):
            fouten.append(f"{p.leveranciers[s].naam}: volume {totaal[s]}")
    if r.min_leveranciers is not None and len(gekozen) < r.min_leveranciers:
        fouten.append("te weinig aanbieders")
    if r.max_leveranciers is not None and len(gekozen) > r.max_leveranciers:
        fouten.append("te veel aanbieders")
    if r.per_subregio:
        sets: dict[str, set[frozenset[int]]] = {}
        for g, d in p.vraag.items():
            if d > 0:
                sets.setdefault(p.subregio[g], set()).add(frozenset(per_gemeente.get(g, {})))
        fouten += [f"{regio}: verschillende aanbieders" for regio, s in sets.items() if len(s) > 1]
    return fouten


def cpu() -> float:
    eigen = resource.getrusage(resource.RUSAGE_SELF)
    kind = resource.getrusage(resource.RUSAGE_CHILDREN)
    return eigen.ru_utime + eigen.ru_stime + kind.ru_utime + kind.ru_stime


def zaden(tekst: str) -> list[int]:
    if "-" in tekst:
        a, b = tekst.split("-")
        return list(range(int(a), int(b) + 1))
    return [int(z) for z in tekst.split(",")]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zaden", default="1-10")
    ap.add_argument("--regels", default=",".join(REGELSETS))
    ap.add_argument("--solver", default="auto")
    ap.add_argument("--limiet", type=float, default=60.0, help="seconds per solve, both sides")
    args = ap.parse_args()
    # highspy announces itself on stdout when first constructed: keep it out of the table
    with alleen_eigen_uitvoer():
        import highspy

        highspy.Highs()
    tel = {"opgelost": 0, "klopt niet": 0, "onhaalbaar bevestigd": 0, "onhaalbaar NIET bevestigd": 0, "open": 0}
    print(f"{'zaad':<6}{'regels':<17}{'perceel':<11}{'uitkomst':<26}{'onafhankelijk':<22}{'wand (s)':>9}{'cpu (s)':>9}")
    for zaad in zaden(args.zaden):
        for naam in args.regels.split(","):
            regels, budget = regelset(naam)
            for code in AANDEEL:
                p = probleem(code, zaad, regels, budget)
                t0, c0 = time.perf_counter(), cpu()
                try:
                    v = verdeel(p, args.solver, args.limiet)
                    fouten = klopt(p, v)
                    uitkomst, controle = v.pad, "klopt" if not fouten else "KLOPT NIET: " + fouten[0]
                    tel["opgelost" if not fouten else "klopt niet"] += 1
                except EvaluatieFout as e:
                    tekst = " ".join(e.meldingen)
                    if "tijdslimiet" in tekst or "niet vastgesteld" in tekst or "status" in tekst:
                        uitkomst = "niet beslist"
                        controle = "tijdslimiet" if "tijdslimiet" in tekst else tekst[:60]
                        tel["open"] += 1
                    else:
                        uitkomst = "onhaalbaar"
                        controle = haalbaar(p, args.limiet)
                        if controle == "onhaalbaar":
                            controle = "bevestigd"
                            tel["onhaalbaar bevestigd"] += 1
                        else:
                            controle = f"NIET bevestigd ({controle})"
                            tel["onhaalbaar NIET bevestigd"] += 1
                print(
                    f"{zaad:<6}{naam:<17}{code:<11}{uitkomst:<26}{controle:<22}"
                    f"{time.perf_counter() - t0:>9.2f}{cpu() - c0:>9.2f}",
                    flush=True,
                )
    print("samenvatting: " + "; ".join(f"{k}: {n}" for k, n in tel.items()))


if __name__ == "__main__":
    main()

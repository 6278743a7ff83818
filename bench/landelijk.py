"""National-scale allocation benchmark: 342 gemeenten in 35 subregio's, 3 lots, 150 bidders.

Seeded, so every run builds the same tender. For every rule set it times the allocation along
the exact fast path (evaluatie.verdeling.pad: relaxation -> transportation LP -> check ->
stage-4 MIP -> full model) next to today's full model (the PuLP model solved stage by stage,
`verdeel_pulp` in bench/pulp_referentie.py), in the same run, and prints the ratio. Both are capped at
--limiet seconds per
solve (today's model makes 4 solves per lot); a capped time is printed as '>' and its ratio is
then a bound only. 'gelijk' says whether the stage values of both allocations are equal (stages
1-3 always; stage 4 too where both models number the same classes, i.e. per gemeente).

Rule sets (all with max_aandeel 0.1 and min_volume 25):
- samengevoegd: no rule looks at single gemeenten (merged classes);
- K=3, K=2: max_leveranciers_per_gemeente;
- per_subregio;
- budgetten: every 10th gemeente has a budget of 9,300 euro per inburgeraar (prices are
  8,000-10,000); with a budget that tight in every gemeente no model proves an optimum in minutes.

Run: python bench/landelijk.py [--zaad 7] [--solver auto] [--limiet 30] [--regels K=3,K=2] [--zonder-vandaag]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time

from pulp_referentie import verdeel_pulp  # bench/, beside this script: the reference PuLP model

from evaluatie.definitie.model import Verdeelregels
from evaluatie.fouten import EvaluatieFout
from evaluatie.verdeling.klassen import CENTEN, WAARDESCHAAL, per_gemeente_nodig
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem, Verdeling
from evaluatie.verdeling.oplosser import kies
from evaluatie.verdeling.verdelen import verdeel

AANDEEL = {"B1": 0.65, "onderwijs": 0.25, "Z": 0.10}
BASIS = {"max_aandeel": 0.1, "min_volume": 25}
REGELSETS = {
    "samengevoegd": {},
    "K=3": {"max_leveranciers_per_gemeente": 3},
    "K=2": {"max_leveranciers_per_gemeente": 2},
    "per_subregio": {"per_subregio": True},
    "budgetten": {"budget": 9300},
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
    code: str, zaad: int, regels: Verdeelregels, budget_per_inburgeraar: float | None = None
) -> Verdeelprobleem:
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
    # every 10th gemeente has a budget of its own (the others pay at most the ceiling price)
    budget = {}
    if budget_per_inburgeraar:
        budget = {g: d * budget_per_inburgeraar for i, (g, d) in enumerate(vraag.items()) if i % 10 == 0}
    return Verdeelprobleem(code, code, vraag, subregio, leveranciers, regels, budget)


def regelset(naam: str) -> tuple[Verdeelregels, float | None]:
    extra = dict(REGELSETS[naam])
    budget = extra.pop("budget", None)
    return Verdeelregels(**BASIS, **extra), budget


def stapwaarden(p: Verdeelprobleem, v: Verdeling) -> tuple[int, ...]:
    """Stages 1-3 from the allocation; stage 4 only for per-gemeente models (positions of gemeenten)."""
    per_naam = {s.naam: s for s in p.leveranciers}
    m = len(p.leveranciers)
    actief = [g for g, d in p.vraag.items() if d > 0]
    positie = {g: i for i, g in enumerate(actief)}
    w = k = r = o = 0
    for t in v.toewijzing:
        s = per_naam[t.inschrijver]
        w += t.aantal * round(s.waarde * WAARDESCHAAL)
        k += t.aantal * round(s.prijs * CENTEN)
        r += t.aantal * (m - s.rang)
        o += t.aantal * (m - s.rang) * (len(actief) - positie[t.gemeente]) ** 2
    return (w, k, r, o) if per_gemeente_nodig(p) else (w, k, r)


def _tijd(f):
    t0 = time.perf_counter()
    try:
        return f(), time.perf_counter() - t0, ""
    except EvaluatieFout as e:
        fout = "tijdslimiet" if "tijdslimiet" in e.meldingen[0] else "onhaalbaar"
        return None, time.perf_counter() - t0, fout


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--zaad", type=int, default=7)
    ap.add_argument("--solver", default="auto", help="engine for the fast path: auto, highs or cbc")
    ap.add_argument("--limiet", type=float, default=30.0, help="seconds per solve for today's full model")
    ap.add_argument("--regels", default=",".join(REGELSETS))
    ap.add_argument("--zonder-vandaag", action="store_true", help="skip today's full model")
    args = ap.parse_args()
    # highspy announces itself on stdout when first constructed: keep it out of the table.
    stdout = os.dup(1)
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    import highspy

    highspy.Highs()
    os.dup2(stdout, 1)
    vraag = sum(p.totaal for p in (probleem(c, args.zaad, Verdeelregels()) for c in AANDEEL))
    print(
        f"Landelijke aanbesteding (zaad {args.zaad}): 342 gemeenten, 35 subregio's, 150 inschrijvers, "
        f"3 percelen, {vraag} inburgeraars per jaar; snel pad met --solver {args.solver}, het model van "
        f"vandaag met {kies('auto', False)} (samengevoegd) of {kies('auto', True)} (per gemeente), "
        f"hoogstens {args.limiet:g} s per oplosstap"
    )
    print(
        f"{'regels':<14}{'perceel':<11}{'rekenpad':<22}{'oplosser':<11}{'snel (s)':>9}{'vandaag (s)':>13}"
        f"{'verhouding':>12}  gelijk"
    )
    for naam in args.regels.split(","):
        regels, budget = regelset(naam)
        som_snel = som_vandaag = 0.0
        afgekapt = False
        for code in AANDEEL:
            p = probleem(code, args.zaad, regels, budget)
            snel, t_snel, fout_snel = _tijd(lambda p=p: verdeel(p, args.solver, args.limiet))
            som_snel += t_snel
            pad = snel.pad if snel else fout_snel
            teken_snel = ">" if fout_snel == "tijdslimiet" else ""
            motoren = snel.solver if snel else "-"
            if args.zonder_vandaag:
                print(f"{naam:<14}{code:<11}{pad:<22}{motoren:<11}{teken_snel + f'{t_snel:.2f}':>9}", flush=True)
                continue
            oplosser = kies("auto", per_gemeente_nodig(p))
            oud, t_oud, fout_oud = _tijd(lambda p=p, o=oplosser: verdeel_pulp(p, o, args.limiet))
            som_vandaag += t_oud
            afgekapt |= fout_oud == "tijdslimiet"
            teken = ">" if fout_oud == "tijdslimiet" else ""
            if snel and oud:
                gelijk = "ja" if stapwaarden(p, snel) == stapwaarden(p, oud) else "NEE"
            else:
                gelijk = f"{fout_snel or 'ok'} / {fout_oud or 'ok'}"
            print(
                f"{naam:<14}{code:<11}{pad:<22}{motoren:<11}{teken_snel + f'{t_snel:.2f}':>9}"
                f"{teken + f'{t_oud:.2f}':>13}"
                f"{teken + f'{t_oud / t_snel:.1f}x':>12}  {gelijk}",
                flush=True,
            )
        if args.zonder_vandaag:
            print(f"{naam:<14}{'totaal':<11}{'':<33}{som_snel:>9.2f}", flush=True)
        else:
            teken = ">" if afgekapt else ""
            print(
                f"{naam:<14}{'totaal':<11}{'':<33}{som_snel:>9.2f}{teken + f'{som_vandaag:.2f}':>13}"
                f"{teken + f'{som_vandaag / som_snel:.1f}x':>12}",
                flush=True,
            )
    sys.stdout.flush()


if __name__ == "__main__":
    main()

"""National-scale allocation benchmark: 342 gemeenten in 35 subregio's, 3 lots, 150 bidders.

Seeded, so every run builds the same tender. Prints the seconds to build and to solve each
lot's model (three lexicographic solves) for HiGHS and CBC side by side, for two rule sets:
- 'aggregeerbaar': max_aandeel 0.1 and min_volume 25 (no rule looks at single gemeenten,
  so gemeenten with the same eligible suppliers are merged);
- 'per gemeente': the same plus max_leveranciers_per_gemeente 3 (one class per gemeente).

Run: python bench/landelijk.py [--oplossers highs,cbc] [--zaad 7]
"""

from __future__ import annotations

import argparse
import random
import time

from evaluatie.definitie.model import Verdeelregels
from evaluatie.verdeling.lp import klassen, verdeel
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem

AANDEEL = {"B1": 0.65, "onderwijs": 0.25, "Z": 0.10}


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


def probleem(code: str, zaad: int, regels: Verdeelregels) -> Verdeelprobleem:
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
    return Verdeelprobleem(code, code, vraag, subregio, leveranciers, regels)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--oplossers", default="highs,cbc")
    ap.add_argument("--zaad", type=int, default=7)
    args = ap.parse_args()
    varianten = {
        "aggregeerbaar": Verdeelregels(max_aandeel=0.1, min_volume=25),
        "per gemeente": Verdeelregels(max_aandeel=0.1, min_volume=25, max_leveranciers_per_gemeente=3),
    }
    vraag = sum(sum(probleem(c, args.zaad, Verdeelregels()).vraag.values()) for c in AANDEEL)
    print(
        f"Landelijke aanbesteding (zaad {args.zaad}): 342 gemeenten, 35 subregio's, 150 inschrijvers, "
        f"3 percelen, {vraag} inburgeraars per jaar"
    )
    print(
        f"{'regels':<15}{'oplosser':<9}{'perceel':<11}{'klassen':>8}{'bouw (s)':>10}{'oplossen (s)':>14}{'waarde':>14}"
    )
    for naam, regels in varianten.items():
        for oplosser in args.oplossers.split(","):
            totaal_bouw = totaal_los = 0.0
            for code in AANDEEL:
                p = probleem(code, args.zaad, regels)
                t0 = time.perf_counter()
                v = verdeel(p, oplosser)
                wand = time.perf_counter() - t0
                waarde = sum(
                    t.aantal * next(s.waarde for s in p.leveranciers if s.naam == t.inschrijver) for t in v.toewijzing
                )
                totaal_bouw += v.bouwtijd
                totaal_los += wand - v.bouwtijd
                print(
                    f"{naam:<15}{oplosser:<9}{code:<11}{len(klassen(p)):>8}{v.bouwtijd:>10.2f}"
                    f"{wand - v.bouwtijd:>14.2f}{waarde:>14.1f}"
                )
            print(f"{naam:<15}{oplosser:<9}{'totaal':<11}{'':>8}{totaal_bouw:>10.2f}{totaal_los:>14.2f}")


if __name__ == "__main__":
    main()

"""Contract phase at national scale: 342 gemeenten, 3 lots, 3 contract years, about 60.000 placements.

Seeded. Builds a register directly from a synthetic award (no tender run: the award is not what is
measured), generates three years of placements with bids/genereer_plaatsingen.py, one csv file per
gemeente per quarter, and times (wall and cpu):
- import of one contract year's files (1.368 files) into the register (target < 5 s), for year 1
  (empty register) and year 3 (two years already in it);
- re-import of year 3 unchanged (nothing added);
- `stand` (reading the register and computing everything; target < 2 s);
- the quarterly report for the region and every gemeente, HTML and xlsx (target < 10 s);
and the peak memory of the process (target < 500 MB).

Run: python bench/contract.py [--zaad 7] [--plaatsingen 60000] [--formaat csv|xlsx] [--regio Twente --aantal 5]
(a contract the size of real ones: the exact check of the published counts, `evaluatie.contract.controle`, runs
up to 50 gemeenten; nationally it does not).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.util
import random
import resource
import tempfile
import time
from pathlib import Path

from evaluatie.contract.basis import Contractbasis, Contractleverancier, Contractperceel
from evaluatie.contract.inlezen import lees_in
from evaluatie.contract.kwartaal import kwartaal_grenzen, schrijf_kwartaalrapporten
from evaluatie.contract.lezen import lees_register
from evaluatie.contract.register import verbind
from evaluatie.contract.stand import bereken_stand
from evaluatie.contract.start import start_contract

REPO = Path(__file__).resolve().parents[1]
PERCELEN = {"B1": ("B1-route", 0.6), "onderwijs": ("Onderwijsroute", 0.25), "Z": ("Z-route", 0.15)}


def _generator():  # the example generator lives with the example, not in the library
    spec = importlib.util.spec_from_file_location("genereer_plaatsingen", REPO / "bids" / "genereer_plaatsingen.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def basis(zaad: int, per_jaar: int, regio: str | None = None, aantal: int | None = None) -> Contractbasis:
    rng = random.Random(zaad)
    with open(REPO / "criteria" / "gemeenten" / "gemeenten-2026.csv", encoding="utf-8") as f:
        rijen = [r for r in csv.DictReader(f) if regio is None or r["arbeidsmarktregio"] == regio][:aantal]
    gemeenten = tuple((r["naam"], r["arbeidsmarktregio"]) for r in rijen)
    gewicht = [rng.lognormvariate(0, 1) for _ in gemeenten]
    schaal = per_jaar / sum(gewicht)
    regio = sorted({s for _, s in gemeenten})
    namen = [f"Aanbieder {i:02d}" for i in range(1, 13)]
    per_regio = {r: rng.sample(namen, 3) for r in regio}
    percelen, leveranciers, toewijzing = [], [], []
    for code, (naam, aandeel) in PERCELEN.items():
        vraag = {g: max(1, round(w * schaal * aandeel)) for (g, _), w in zip(gemeenten, gewicht, strict=True)}
        bediend: dict[str, list[str]] = {}
        for g, s in gemeenten:
            a, b, _ = per_regio[s]
            eerste = round(vraag[g] * 0.6)
            toewijzing.append((code, g, a, eerste))
            if vraag[g] - eerste:
                toewijzing.append((code, g, b, vraag[g] - eerste))
            for lev in per_regio[s]:
                bediend.setdefault(lev, []).append(g)
        totaal = sum(vraag.values())
        percelen.append(Contractperceel(code, naam, totaal * 3, totaal * 3 * 10_000.0, 10_000.0))
        for i, lev in enumerate(sorted(bediend)):
            leveranciers.append(
                Contractleverancier(code, lev, 8_500.0 + 100 * i, totaal, 4.0 + i % 4, i + 1, tuple(bediend[lev]))
            )
    return Contractbasis(
        "Landelijke benchmark", "0" * 64, 3, gemeenten, tuple(percelen), tuple(leveranciers), tuple(toewijzing)
    )


def meet(naam: str, f):
    w, c = time.perf_counter(), time.process_time()
    uit = f()
    print(f"{naam:<58} wall {time.perf_counter() - w:6.2f} s   cpu {time.process_time() - c:6.2f} s")
    return uit


def main() -> None:
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("--zaad", type=int, default=7)
    a.add_argument("--plaatsingen", type=int, default=60_000)
    a.add_argument("--formaat", choices=("csv", "xlsx"), default="csv", help="format of the gemeenten's files")
    a.add_argument("--regio", help="only the gemeenten of this arbeidsmarktregio (e.g. Twente)")
    a.add_argument("--aantal", type=int, help="only the first this many gemeenten")
    args = a.parse_args()
    gen = _generator()
    with tempfile.TemporaryDirectory(prefix="bench-contract-") as tmp:
        root = Path(tmp)
        db = verbind(root / "register.sqlite")
        b = basis(args.zaad, args.plaatsingen // 3, args.regio, args.aantal)
        start_contract(db, b, dt.date(2026, 1, 1), "benchmark", "benchmark")
        reg = lees_register(db)
        rijen = gen.genereer(reg, 3, args.zaad)
        plaatsingen = sum(1 for r in rijen if r[2] == "aangemeld")
        per_jaar: dict[int, list] = {}
        for r in rijen:
            per_jaar.setdefault(r[3].year - 2025, []).append(r)
        mappen = {j: root / f"jaar{j}" for j in (1, 2, 3)}
        for j, m in mappen.items():
            gen.schrijf(per_jaar.get(j, []), m, args.formaat)
        aantal = {j: len(list(m.iterdir())) for j, m in mappen.items()}
        print(
            f"{len(b.gemeenten)} gemeenten, {len(b.percelen)} percelen, {len(b.leveranciers)} contracten, "
            f"{plaatsingen} plaatsingen en {len(rijen)} gebeurtenissen in 3 jaar; {aantal[1]} bestanden per jaar "
            f"({args.formaat})"
        )
        vandaag = dt.date(2029, 1, 5)
        meet(
            f"inlezen jaar 1 ({aantal[1]} bestanden, leeg register)",
            lambda: lees_in(db, lees_register(db, False), [mappen[1]], vandaag, None),
        )
        lees_in(db, lees_register(db, False), [mappen[2]], vandaag, None)
        meet(
            f"inlezen jaar 3 ({aantal[3]} bestanden, 2 jaar in register)",
            lambda: lees_in(db, lees_register(db, False), [mappen[3]], vandaag, None),
        )
        v = meet(
            "opnieuw inlezen jaar 3, ongewijzigd",
            lambda: lees_in(db, lees_register(db, False), [mappen[3]], vandaag, None),
        )
        assert v.nieuw == 0 and v.gecorrigeerd == 0
        peil = dt.date(2028, 9, 30)
        st = meet("stand (register lezen + alles berekenen)", lambda: bereken_stand(lees_register(db), peil))
        print(f"  {len(st.regels)} regels gemeente x aanbieder x route, {len(st.signalen)} signalen")
        reg = lees_register(db)
        eerste, laatste = kwartaal_grenzen("2028-K3")
        paden = meet(
            f"kwartaalrapportage regio + {len(reg.gemeenten)} gemeenten (HTML + xlsx)",
            lambda: schrijf_kwartaalrapporten(reg, "2028-K3", eerste, laatste, root / "kwartaal"),
        )
        print(f"  {len(paden)} bestanden")
        db.close()
    piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"piekgeheugen {piek:.0f} MB")


if __name__ == "__main__":
    main()

"""Contract phase at national scale, end to end: inlezen, stand, kwartaal and dossier, and the register's size.

A national contract (342 gemeenten, 3 lots, 3 contract years, about 40.000 placements), built as bench/contract.py
builds it (a register started from a synthetic award, placements from bids/genereer_plaatsingen.py, one csv file per
gemeente per quarter, seeded). Prints wall and cpu time for:
- inlezen of each contract year's files (year 1 into an empty register, years 2 and 3 on top);
- `stand` on the last day (reading the register and computing everything);
- the quarterly report of the last quarter (region and every gemeente, HTML and xlsx), which replays every quarter
  from the start;
- the contract dossier (every delivery, report, decision and a copy of the register, with the index);
and the register's size in bytes (and per placement).

To find what grows faster than the register, run it at several sizes (`--plaatsingen 10000,20000,40000`): each
figure is printed per size, with its ratio to the first size next to the ratio of the placements; a step that grows
by the square shows a ratio near the square of the placements' ratio.

Run: python bench/contractfase.py [--zaad 7] [--plaatsingen 40000] [--aantal N] [--formaat csv|xlsx]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from contract import _generator, basis

from evaluatie.contract.dossier import schrijf_dossier
from evaluatie.contract.inlezen import lees_in
from evaluatie.contract.kwartaal import kwartaal_grenzen, schrijf_kwartaalrapporten
from evaluatie.contract.lezen import lees_register
from evaluatie.contract.register import BESTAND, MAP, verbind
from evaluatie.contract.stand import bereken_stand
from evaluatie.contract.start import start_contract
from evaluatie.werkmap import Werkmap

JAREN = 3


def meet(naam: str, f: Callable[[], Any], tijden: dict[str, float]) -> Any:
    w, c = time.perf_counter(), time.process_time()
    uit = f()
    wand, cpu = time.perf_counter() - w, time.process_time() - c
    tijden[naam] = cpu
    print(f"  {naam:<44} wand {wand:7.2f} s   cpu {cpu:7.2f} s", flush=True)
    return uit


def _kwartaal_voor_kwartaal(db: Any, root: Path, vandaag: dt.date, tijden: dict[str, float]) -> None:
    """Every quarter from the start in turn, as a contract manager makes them: each recorded as a publication in the
    register (evaluatie.contract.publicatie, as `contract kwartaal` does) before the next, which weighs what the
    earlier ones published. Prints the first, the last, the total and every quarter's own, and the rows it left in
    the register."""
    from evaluatie.contract.publicatie import kwartaalnaam
    from evaluatie.contract.publicatie import leg_vast as publiceer

    reg = lees_register(db)
    kwartalen = []
    d = reg.startdatum
    while d <= reg.laatste_dag():
        kwartalen.append(kwartaalnaam(d))
        d = dt.date(d.year + (d.month + 2) // 12, (d.month + 2) % 12 + 1, 1)
    per: list[float] = []
    for kw in kwartalen:
        eerste, laatste = kwartaal_grenzen(kw)
        c = time.process_time()
        r = lees_register(db).op(laatste)
        schrijf_kwartaalrapporten(
            r, kw, eerste, laatste, root / MAP / "kwartaal" / kw, vandaag,
            lambda cijfers, kw=kw, laatste=laatste: publiceer(db, kw, laatste, vandaag, cijfers),
        )  # fmt: skip
        per.append(time.process_time() - c)
    rijen = db.execute("SELECT COUNT(*) FROM publicatiecijfer").fetchone()[0]
    tijden["kwartalen na elkaar"] = sum(per)
    tijden["laatste kwartaal na de vorige"] = per[-1]
    print(
        f"  {len(kwartalen)} kwartalen na elkaar, ieder gepubliceerd: cpu {sum(per):.2f} s; het eerste "
        f"{per[0]:.2f} s, het laatste {per[-1]:.2f} s; {rijen} gepubliceerde cijfers in het register",
        flush=True,
    )
    # whether a quarter's cost grows with the quarters before it (each replays them): every quarter's own figure
    print("  per kwartaal (cpu s): " + " ".join(f"{kw} {t:.2f}" for kw, t in zip(kwartalen, per, strict=True)))


def een_maat(
    zaad: int, plaatsingen: int, aantal: int | None, formaat: str, alle_kwartalen: bool = False
) -> tuple[int, dict[str, float]]:
    """One run at one size; the placements generated and every figure (cpu seconds, register bytes)."""
    gen = _generator()
    tijden: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-contractfase-") as tmp:
        root = Path(tmp)
        (root / "aanbesteding.yaml").write_text("naam: benchmark\n", encoding="utf-8")
        pad = root / MAP / BESTAND
        db = verbind(pad)
        b = basis(zaad, plaatsingen // JAREN, None, aantal)
        start_contract(db, b, dt.date(2026, 1, 1), "benchmark", "benchmark")
        reg = lees_register(db)
        rijen = gen.genereer(reg, JAREN, zaad)
        n = sum(1 for r in rijen if r[2] == "aangemeld")
        per_jaar: dict[int, list[Any]] = {}
        for r in rijen:
            per_jaar.setdefault(reg.contractjaar(r[3]), []).append(r)
        print(
            f"{len(b.gemeenten)} gemeenten, {len(b.percelen)} percelen, {len(b.leveranciers)} contracten, {n} "
            f"plaatsingen en {len(rijen)} gebeurtenissen in {JAREN} jaar ({formaat})",
            flush=True,
        )
        vandaag = dt.date(2029, 1, 5)
        for j in range(1, JAREN + 1):
            m = root / "post" / f"jaar{j}"
            gen.schrijf(per_jaar.get(j, []), m, formaat)
            bestanden = len(list(m.iterdir()))
            meet(
                f"inlezen jaar {j} ({bestanden} bestanden)",
                lambda m=m: lees_in(db, lees_register(db, False), [m], vandaag, root / MAP / "aanleveringen"),
                tijden,
            )
        peil = reg.laatste_dag()
        meet("stand op de laatste dag", lambda: bereken_stand(lees_register(db), peil), tijden)
        kw = f"{peil.year}-K{(peil.month - 1) // 3 + 1}"
        eerste, laatste = kwartaal_grenzen(kw)
        reg = lees_register(db)
        meet(
            f"kwartaal {kw} (regio + {len(reg.gemeenten)} gemeenten)",
            lambda: schrijf_kwartaalrapporten(reg, kw, eerste, laatste, root / MAP / "kwartaal" / kw, vandaag),
            tijden,
        )
        if alle_kwartalen:
            _kwartaal_voor_kwartaal(db, root, vandaag, tijden)
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        grootte = pad.stat().st_size + (os.path.getsize(f"{pad}-wal") if os.path.exists(f"{pad}-wal") else 0)
        meet("dossier", lambda: schrijf_dossier(Werkmap(root)), tijden)
        tijden["register (bytes)"] = grootte
        print(f"  register: {grootte:_} bytes, {grootte / max(n, 1):.0f} per plaatsing".replace("_", "."))
    return n, tijden


def main() -> None:
    a = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    a.add_argument("--zaad", type=int, default=7)
    a.add_argument("--plaatsingen", default="40000", help="one size, or several: 10000,20000,40000")
    a.add_argument("--aantal", type=int, help="only the first this many gemeenten (default: all 342)")
    a.add_argument("--formaat", choices=("csv", "xlsx"), default="csv", help="format of the gemeenten's files")
    a.add_argument(
        "--kwartalen", action="store_true", help="also every quarter in turn, each recorded as a publication"
    )
    args = a.parse_args()
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}", flush=True)
    metingen = [
        een_maat(args.zaad, int(p), args.aantal, args.formaat, args.kwartalen) for p in args.plaatsingen.split(",")
    ]
    if len(metingen) > 1:
        n0, t0 = metingen[0]
        print(f"\nverhouding tot de eerste maat ({n0} plaatsingen); kwadratisch groeit met het kwadraat")
        for n, t in metingen[1:]:
            print(f"  {n} plaatsingen: x{n / n0:.2f} (kwadraat x{(n / n0) ** 2:.2f})")
            for naam, waarde in t.items():
                sleutel = next((k for k in t0 if k.split(" (")[0] == naam.split(" (")[0]), None)
                if sleutel and t0[sleutel] > 0:
                    print(f"    {naam:<44} x{waarde / t0[sleutel]:.2f}")
    piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"piekgeheugen {piek:.0f} MB; load: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

"""Old against new: `evaluatie gunning` of the example from two (or more) checkouts, in turn, next to the import floor.

Issue #24 measures the example's award against its import floor (bench/rapporten.py). A change is judged by
running the code before and after it in the same rounds: the floor, then each checkout, round after round, so
a change in the load of a shared machine touches every figure alike. Each checkout is a folder with the
package (a `git worktree` or `git clone` at a commit) and runs on a copy of ITS OWN bids/voorbeeld (the
example as that version bundles it: when the forms change, the example is written anew and an older version
cannot read the newer one), from its own folder (`python -m evaluatie` imports the checkout it runs in); the
floor is that of bench/rapporten.py (every third-party module the run loads, in its order), with the same
bytecode and environment. Beside it, the same floor ended as `evaluatie` ends since 5 December 2026 (os._exit,
without the interpreter's teardown: evaluatie.afsluiten), and the ratios to that one too.

--voorrang runs every measured process at the lowest real-time priority (`chrt -r 1`, Linux; root
or CAP_SYS_NICE): other programs on the machine then wait while a measured process runs, so the
figures come close to those of an idle machine (5 December 2026, load 5 on the shared development
machine: the floor 0.37-0.41 s wall / 0.47-0.50 s cpu; measured there in quiet: 0.38 / 0.48 s).
Memory and disk are still shared, so the award (which writes 41 files) stays somewhat slower than in
true quiet. Without it, a busy machine gives every process a part of a core, and wall times mean
little.

Run: python bench/om_en_om.py OUD NIEUW [--herhalingen 15] [--voorrang]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench import rapporten  # noqa: E402

VOORRANG = ["chrt", "-r", "1"]
ZONDER_UITVOER = shutil.ignore_patterns("rapporten", "logboek*")


def meet(argumenten: list[str], map_: Path, voorvoegsel: list[str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one `python ...` process run in `map_` (cpu: the process and its children)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(
        [*voorvoegsel, sys.executable, *argumenten],
        cwd=map_,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=rapporten.omgeving(),
    )
    _, status, gebruik = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(argumenten[:3])} in {map_}: afsluitcode {os.waitstatus_to_exitcode(status)}")
    return time.perf_counter() - t0, gebruik.ru_utime + gebruik.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("checkouts", nargs="+", type=Path, help="mappen met elk een versie van evaluatie")
    ap.add_argument("--herhalingen", type=int, default=15)
    ap.add_argument("--voorrang", action="store_true", help="iedere gemeten run met chrt -r 1 (zie boven)")
    args = ap.parse_args()
    for c in args.checkouts:
        if not (c / "evaluatie" / "__main__.py").is_file():
            ap.error(f"{c}: geen map met het pakket evaluatie (evaluatie/__main__.py ontbreekt)")
    voorvoegsel = VOORRANG if args.voorrang else []
    if voorvoegsel and (shutil.which("chrt") is None or subprocess.run([*voorvoegsel, "true"]).returncode != 0):
        ap.error("--voorrang: chrt -r 1 lukt niet (Linux, root of CAP_SYS_NICE nodig)")
    rapporten._BYTECODE.append(tempfile.mkdtemp(prefix="evaluatie-bytecode-"))
    try:
        with tempfile.TemporaryDirectory() as tmp:

            def kopie(naam: str, checkout: Path = REPO) -> Path:
                doel = Path(tmp) / naam
                shutil.copytree(checkout / "bids" / "voorbeeld", doel, ignore=ZONDER_UITVOER)
                return doel

            _, modules = rapporten.afhankelijkheden(kopie("voorbeeld-lijst"))  # a copy of its own: logboeken even
            soorten: dict[str, tuple[list[str], Path]] = {}
            for i, c in enumerate(args.checkouts):
                argumenten = ["-m", "evaluatie", "gunning", "--werkmap", str(kopie(f"voorbeeld-{i}", c))]
                soorten[str(c)] = (argumenten, c.resolve())
            soorten = {
                "vloer (alle geladen modules)": (["-c", rapporten._MODULES, *modules], Path(tmp)),
                "idem, zonder afsluiten (os._exit)": (["-c", rapporten._MODULES_ZONDER_AFSLUITEN, *modules], Path(tmp)),
                **soorten,
            }
            for argumenten, map_ in soorten.values():  # warm-up: bytecode written, not measured
                meet(argumenten, map_, voorvoegsel)
            metingen: dict[str, list[tuple[float, float]]] = {k: [] for k in soorten}
            for _ in range(args.herhalingen):
                for k, (argumenten, map_) in soorten.items():
                    metingen[k].append(meet(argumenten, map_, voorvoegsel))
    finally:
        shutil.rmtree(rapporten._BYTECODE.pop(), ignore_errors=True)
    print(f"mediaan van {args.herhalingen} rondes; belasting nu {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'':<40}{'wand (s)':>10}{'cpu (s)':>10}{'x vloer wand':>14}{'x vloer cpu':>13}")
    vloer = [statistics.median(m[i] for m in metingen["vloer (alle geladen modules)"]) for i in (0, 1)]
    for k, v in metingen.items():
        w, c = (statistics.median(m[i] for m in v) for i in (0, 1))
        print(f"{k:<40}{w:>10.3f}{c:>10.3f}{w / vloer[0]:>13.2f}x{c / vloer[1]:>12.2f}x")
    kaal = [statistics.median(m[i] for m in metingen["idem, zonder afsluiten (os._exit)"]) for i in (0, 1)]
    print("tot de vloer zonder afsluiten (de tijd van het importeren alleen):")
    for k, v in list(metingen.items())[2:]:
        w, c = (statistics.median(m[i] for m in v) for i in (0, 1))
        print(f"{k:<40}{'':>20}{w / kaal[0]:>13.2f}x{c / kaal[1]:>12.2f}x")


if __name__ == "__main__":
    main()

"""Report timing: the example's full award and a generated 20-gemeente tender, stage by stage.

For each tender:
- the whole command `evaluatie gunning` (all reports) as a separate process, wall time and
  peak memory, median of --herhalingen runs (the figure the targets are about: the example
  under 2 s, the 20-gemeente tender with 10 bidders under 4 s);
- the same work in this process, stage by stage: reading, knock-out and panel, award
  (price, ranking, allocation), certainty analyses, and each report writer (advies HTML,
  advies xlsx, letters, gemeente pages, ...), timed by wrapping the functions that
  evaluatie.rapport.schrijven calls;
- `evaluatie --help` as a process (target under 0.3 s);
- the import floor (issue #24): the third-party packages a `gunning` run actually loads are
  listed from that run's sys.modules (every analysis in that one process, so what a forked child would
  import is listed too), and a process that only imports them is timed in the same
  run; the award's time is printed next to it, as a ratio (target: at most 1.5x). Wall and cpu
  seconds both, since the machine may be shared. Two floors: `import` of each top-level package
  (what the packages load on import), and every third-party module the run loaded, in the order
  it loaded them (what the run needs of them: pydantic, numpy and openpyxl load parts only on
  first use, e.g. pydantic's BaseModel machinery, numpy.ma inside krippendorff, numpy.random).
  Neither floor holds the standard library or evaluatie's own modules: those count as the award's.
  The floors and the award are measured in turn, round after round, so a change in the load of
  the machine touches all three alike.

Every process runs from compiled bytecode, as an installed package does: the third-party
packages bring theirs from their installation, but a development shell may set
PYTHONDONTWRITEBYTECODE, and then `evaluatie` itself would be compiled from source in every run
(0.15 s cpu for the example) while the floor never is. So the processes get a private bytecode
folder (PYTHONPYCACHEPREFIX, removed afterwards) and one unmeasured warm-up run each.

Run: python bench/rapporten.py [--herhalingen 3] [--gemeenten 20 --inschrijvers 10]
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
_BYTECODE: list[str] = []  # the private bytecode folder of this run (made in main, removed after)


def omgeving() -> dict[str, str]:
    """The environment of every measured process: fixed report time, bytecode as installed (see above)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if _BYTECODE:
        env["PYTHONPYCACHEPREFIX"] = _BYTECODE[0]
    return {**env, "SOURCE_DATE_EPOCH": "1775000000"}


from bench.schaal import bouw  # noqa: E402


def proces(argumenten: list[str], werkmap: Path | None = None) -> tuple[float, float, int]:
    """(seconds, peak MB, exit code) of one `python -m evaluatie ...` process."""
    extra = ["--werkmap", str(werkmap)] if werkmap else []
    t0 = time.perf_counter()
    p = subprocess.Popen(
        [sys.executable, "-m", "evaluatie", *argumenten, *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=omgeving(),
    )
    _, status, gebruik = os.wait4(p.pid, 0)
    return time.perf_counter() - t0, gebruik.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def _cpu(gebruik) -> float:
    return gebruik.ru_utime + gebruik.ru_stime


def proces_cpu(argumenten: list[str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one `python ...` process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(
        [sys.executable, *argumenten],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=omgeving(),
    )
    _, _, gebruik = os.wait4(p.pid, 0)
    return time.perf_counter() - t0, _cpu(gebruik)


# EVALUATIE_PROCESSEN=1: every analysis runs in this process. A run that forks a child for them (evaluatie.kindproces,
# when the machine has a core free at that moment) imports part of its modules in the child only (numpy.random, for
# the Monte Carlo analysis), which this process's sys.modules never shows: the floor then missed them, or held them,
# depending on the load of the machine while it was listed (5 ms of import, issue #24).
_LIJST = """
import json, os, sys
os.environ["EVALUATIE_PROCESSEN"] = "1"
from evaluatie.cli import main  # not the process entry (python -m evaluatie): that ends the process (os._exit)
uit, werkmap = sys.argv[1], sys.argv[2]
sys.argv = ["evaluatie", "gunning", "--werkmap", werkmap]
try:
    main()
except SystemExit:
    pass
modules = []
for naam, m in list(sys.modules.items()):  # in the order the run loaded them
    bestand = getattr(m, "__file__", None) or ""
    if "site-packages" in bestand and not naam.startswith(("evaluatie", "_")):
        modules.append(naam)
pakketten = sorted({n.split(".")[0] for n in modules})
open(uit, "w").write(json.dumps({"pakketten": pakketten, "modules": modules}))
"""

# Every third-party module the run loaded, in its order; a module that cannot be imported on its own
# (none in the example) is counted and skipped, and the count printed.
_MODULES = """
import importlib, sys
mislukt = 0
for naam in sys.argv[1:]:
    try:
        importlib.import_module(naam)
    except Exception:
        mislukt += 1
sys.exit(min(mislukt, 100))
"""

# The same floor, ended as `evaluatie` itself ends (evaluatie.afsluiten: os._exit once output is flushed and the
# atexit handlers have run), so without the interpreter's teardown of those modules (about 0.04-0.05 s cpu): the
# time to import them and nothing else. Printed beside the floor above, which stays the target's floor.
_MODULES_ZONDER_AFSLUITEN = _MODULES.replace("import importlib, sys", "import atexit, importlib, os, sys").replace(
    "sys.exit(min(mislukt, 100))", "atexit._run_exitfuncs()\nsys.stdout.flush()\nos._exit(min(mislukt, 100))"
)


def afhankelijkheden(werkmap: Path) -> tuple[list[str], list[str]]:
    """The third-party top-level packages, and every third-party module, that one `evaluatie gunning` run imports."""
    import json

    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        uit = Path(f.name)
    proces_cpu(["-c", _LIJST, str(uit), str(werkmap)])
    data = json.loads(uit.read_text())
    uit.unlink()
    return data["pakketten"], data["modules"]


def importvloer(werkmap: Path, herhalingen: int) -> None:
    """The award with all reports against the time to import what it uses, in this run."""
    pakketten, modules = afhankelijkheden(werkmap)
    soorten = {
        "alleen importeren (pakketten)": ["-c", "import " + ", ".join(pakketten)],
        "idem, alle geladen modules": ["-c", _MODULES, *modules],
        "idem, zonder afsluiten (os._exit)": ["-c", _MODULES_ZONDER_AFSLUITEN, *modules],
        "evaluatie gunning (alle rapporten)": ["-m", "evaluatie", "gunning", "--werkmap", str(werkmap)],
    }
    for argumenten in soorten.values():  # warm-up: bytecode written, not measured
        proces_cpu(argumenten)
    mislukt = subprocess.run([sys.executable, "-c", _MODULES, *modules], env=omgeving()).returncode
    metingen: dict[str, list[tuple[float, float]]] = {k: [] for k in soorten}
    for _ in range(herhalingen):  # in turn, so a change in load touches every figure alike
        for k, argumenten in soorten.items():
            metingen[k].append(proces_cpu(argumenten))
    mediaan = {k: (statistics.median(m[0] for m in v), statistics.median(m[1] for m in v)) for k, v in metingen.items()}
    print(f"Importvloer van het voorbeeld: {', '.join(pakketten)}")
    print(f"({len(modules)} modules van derden geladen" + (f", {mislukt} niet los te importeren)" if mislukt else ")"))
    print(f"{'':<44}{'wand (s)':>10}{'cpu (s)':>10}")
    for k, (w, c) in mediaan.items():
        print(f"{k:<44}{w:>10.2f}{c:>10.2f}")
    aw, ac = mediaan["evaluatie gunning (alle rapporten)"]
    for k, naam in (
        ("alleen importeren (pakketten)", "pakketten"),
        ("idem, alle geladen modules", "alle modules"),
        ("idem, zonder afsluiten (os._exit)", "zonder afsluiten"),
    ):
        vw, vc = mediaan[k]
        regel = f"verhouding gunning / vloer ({naam})"
        print(f"{regel:<44}{aw / vw:>9.2f}x{ac / vc:>9.2f}x   (doel: hoogstens 1,5x)")
    print()


def stappen(werkmap: Path) -> dict[str, float]:
    """Seconds per stage of a full award with reports, in this process (imports already warm)."""
    import evaluatie.rapport.schrijven as schrijven
    from evaluatie.gunning.uitvoeren import gunning
    from evaluatie.pipeline import beoordeel, kies_percelen, laad_invoer, schrijf_gunning_json
    from evaluatie.rapport.gegevens import Rapportgegevens
    from evaluatie.rapport.zekerheid_html import zekerheid_html
    from evaluatie.werkmap import Werkmap
    from evaluatie.zekerheid.uitvoeren import zekerheid

    tijden: dict[str, float] = defaultdict(float)
    origineel = {}
    for naam in dir(schrijven):  # every report writer schrijf_alle calls, whatever their number
        f = getattr(schrijven, naam)
        if callable(f) and getattr(f, "__module__", "").startswith("evaluatie.rapport.") and naam != "schrijf_alle":
            if f.__module__ == schrijven.__name__:
                continue

            def gemeten(*a, _f=f, _naam=naam, **k):
                t = time.perf_counter()
                try:
                    return _f(*a, **k)
                finally:
                    tijden[f"  rapport: {_naam}"] += time.perf_counter() - t

            origineel[naam] = f
            setattr(schrijven, naam, functools.wraps(f)(gemeten))
    try:
        w = Werkmap(werkmap)
        t = time.perf_counter()
        invoer = laad_invoer(w)
        tijden["lezen (aanbesteding, inschrijvingen)"] = time.perf_counter() - t
        t = time.perf_counter()
        b = beoordeel(invoer)
        tijden["knock-out en panel"] = time.perf_counter() - t
        t = time.perf_counter()
        from evaluatie.pipeline import Award

        uitslag = gunning(
            invoer.aanbesteding,
            invoer.inschrijvingen,
            b.toets,
            b.panel,
            kies_percelen(invoer.aanbesteding, None),
            invoer.bestanden + b.bestanden,
            lotingen=invoer.lotingen,
        )
        award = Award(invoer, b, uitslag)
        tijden["gunning (prijs, rangorde, verdeling)"] = time.perf_counter() - t
        uit = Path(tempfile.mkdtemp(prefix="evaluatie-rapporten-"))
        t = time.perf_counter()
        schrijf_gunning_json(award, uit)
        tijden["gunning.json"] = time.perf_counter() - t
        t = time.perf_counter()
        gegevens = Rapportgegevens.uit_award(award, "2026-01-01T00:00:00Z")
        tijden["rapportgegevens"] = time.perf_counter() - t
        t = time.perf_counter()
        for code, z in zekerheid(award).items():
            gegevens.zekerheid[code] = zekerheid_html(z, award.uitslag.percelen[code].naam)
        tijden["zekerheid (weglaten, storing, marges)"] = time.perf_counter() - t
        t = time.perf_counter()
        schrijven.schrijf_alle(gegevens, uit)
        tijden["rapporten schrijven"] = time.perf_counter() - t
        shutil.rmtree(uit)
    finally:
        for naam, f in origineel.items():
            setattr(schrijven, naam, f)
    return dict(tijden)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--herhalingen", type=int, default=3)
    ap.add_argument("--gemeenten", type=int, default=20)
    ap.add_argument("--inschrijvers", type=int, default=10)
    ap.add_argument("--alleen-vloer", action="store_true", help="only the import floor of the example")
    args = ap.parse_args()
    _BYTECODE.append(tempfile.mkdtemp(prefix="evaluatie-bytecode-"))
    try:
        meet_alles(args)
    finally:
        shutil.rmtree(_BYTECODE.pop(), ignore_errors=True)


def meet_alles(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        voorbeeld = Path(tmp) / "voorbeeld"
        shutil.copytree(REPO / "bids" / "voorbeeld", voorbeeld, ignore=shutil.ignore_patterns("rapporten", "logboek*"))
        gegenereerd = bouw(Path(tmp) / "gegenereerd", args.gemeenten, args.inschrijvers, zaad=5)
        werkmappen = {"voorbeeld": voorbeeld, f"{args.gemeenten} gemeenten x {args.inschrijvers}": gegenereerd}
        print(f"Python {sys.version.split()[0]}, {os.cpu_count()} kernen; mediaan van {args.herhalingen} runs\n")
        proces(["--help"])  # warm-up
        hulp = statistics.median(proces(["--help"])[0] for _ in range(max(5, args.herhalingen)))
        print(f"evaluatie --help: {hulp:.2f} s (doel < 0,3 s)\n")
        importvloer(voorbeeld, args.herhalingen)
        if args.alleen_vloer:
            return
        kolommen = list(werkmappen)
        print(f"{'evaluatie gunning (alle rapporten), als proces':<48}" + "".join(f"{k:>24}" for k in kolommen))
        regel = ""
        for pad in werkmappen.values():
            runs = [proces(["gunning"], pad) for _ in range(args.herhalingen)]
            s = statistics.median(r[0] for r in runs)
            mb = max(r[1] for r in runs)
            code = {r[2] for r in runs}
            regel += f"{f'{s:.2f} s {mb:.0f} MB' + ('' if code == {0} else f' (code {code})'):>24}"
        print(f"{'  wandtijd, piekgeheugen':<48}" + regel)
        print("  doel: voorbeeld < 2 s, 20 gemeenten x 10 inschrijvers < 4 s\n")
        per = {naam: stappen(pad) for naam, pad in werkmappen.items()}
        print(f"{'stap (in dit proces, imports al geladen)':<48}" + "".join(f"{k:>24}" for k in kolommen))
        namen = list(dict.fromkeys(n for t in per.values() for n in t))
        namen = [n for n in namen if not n.startswith(" ")] + [n for n in namen if n.startswith(" ")]
        for n in namen:
            print(f"{n:<48}" + "".join(f"{per[k].get(n, 0.0):>22.2f} s" for k in kolommen))


if __name__ == "__main__":
    main()

"""Solver choice: HiGHS (highspy) or PuLP's bundled CBC, single thread, fixed seed.

CBC gets no `threads` option: the bundled CBC with `-threads 1` stalls for 10 s in about 1% of
solves, and without it CBC runs single-threaded anyway."""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Sequence
from functools import cache

STANDAARD = "auto"
OPLOSSERS = ("auto", "highs", "cbc")
ZAAD = 20220101
# Every objective has integer coefficients over integer variables, so an absolute gap below 1
# means proven optimal; the default relative gaps (1e-4) would let CBC and HiGHS stop at
# different "optimal" allocations.
GAT = 0.99


def maak_oplosser(
    naam: str, tijdslimiet: float | None, knopen: int | None = None, warm: bool = False, opties: Sequence[str] = ()
):
    """`knopen`: CBC stops after that many branch-and-bound nodes (a limit in work, not time); `warm`: CBC
    starts from the variables' current values (a MIP start); `opties`: extra CBC options."""
    import pulp

    if naam == "highs":
        return pulp.HiGHS(msg=False, timeLimit=tijdslimiet, threads=1, random_seed=ZAAD % 2**31, gapRel=0, gapAbs=GAT)
    if naam == "cbc":
        with warnings.catch_warnings():
            # PuLP 3.3 announces that the bundled CBC moves to an extra in 4.0; we pin pulp<4.
            warnings.simplefilter("ignore", DeprecationWarning)
            return pulp.PULP_CBC_CMD(
                msg=False,
                timeLimit=tijdslimiet,
                gapRel=0,
                gapAbs=GAT,
                maxNodes=knopen,
                warmStart=warm,
                options=[f"randomSeed {ZAAD}", f"randomCbcSeed {ZAAD}", *opties],
            )
    raise ValueError(f"onbekende oplosser {naam}; kies uit {', '.join(OPLOSSERS)}")


@cache
def versie(naam: str) -> str:
    """Solver name and version, cited in the reports."""
    if naam == "highs":
        return f"HiGHS (highspy {pakketversie('highspy')})"
    if naam == "cbc":
        return f"CBC (meegeleverd met PuLP {pakketversie('pulp')})"
    return (
        f"automatisch: {versie('cbc')} voor grote samengevoegde modellen en relaxaties (bij verdeling per subregio "
        "zonder budgetten alleen als in de helft van de subregio's iedere gemeente minstens 6 inburgeraars heeft), "
        f"anders {versie('highs')}"
    )


def pakketversie(pakket: str) -> str:
    """The installed version of `pakket`, the one importlib.metadata.version gives, read directly.

    importlib.metadata finds it by scanning every folder on sys.path through its own finder and
    parses the METADATA file with the email package: 3 ms cpu of every award (issue #24), for a
    line this reads itself. The same search order (sys.path, the first folder that holds a
    distribution of that name wins) and the same header. Anything but the plain case (one
    `<pakket>-<versie>.dist-info` folder in that first folder, a METADATA with a Version line in its
    header; an egg, a zip on sys.path, a name spelled otherwise) is left to importlib.metadata itself.
    """
    sleutel = pakket.lower()
    # A folder entry belongs to the package when its name, with '_' read as '-', starts with the package name
    # and then '-' or '.' (importlib.metadata compares names with '-' and '_' alike): pulp-3.3.2.dist-info,
    # pulp.egg-link, and also pulp_extra-1.0.dist-info, which makes two and leaves the answer to importlib.
    voorvoegsels = (sleutel.replace("_", "-") + "-", sleutel.replace("_", "-") + ".")
    for map_ in sys.path:
        plek = map_ or "."
        if not os.path.isdir(plek):
            if os.path.exists(plek):  # a zip archive on sys.path: importlib.metadata looks inside
                break
            continue
        try:
            namen = [n for n in os.listdir(plek) if n.lower().replace("_", "-").startswith(voorvoegsels)]
        except OSError:
            break
        if not namen:
            continue
        if len(namen) == 1 and namen[0].endswith(".dist-info") and namen[0].startswith(pakket + "-"):
            kop = _metadata_kop(os.path.join(plek, namen[0], "METADATA"))
            if kop is not None and kop.get("Name", "").lower().replace("-", "_") == sleutel and "Version" in kop:
                return kop["Version"]
        break
    from importlib.metadata import version

    return version(pakket)


def _metadata_kop(pad: str) -> dict[str, str] | None:
    """The header fields of a METADATA file up to the first empty line (first occurrence of each);
    None when it cannot be read or a field runs over more lines (left to the email parser)."""
    velden: dict[str, str] = {}
    try:
        with open(pad, encoding="utf-8") as f:
            for regel in f:
                regel = regel.rstrip("\r\n")
                if not regel:
                    break
                if regel[0] in " \t":
                    return None
                naam, dubbelepunt, waarde = regel.partition(":")
                if not dubbelepunt:
                    return None
                velden.setdefault(naam.strip(), waarde.strip())
    except (OSError, UnicodeDecodeError):
        return None
    return velden


# Which engine 'auto' uses for each step of evaluatie.verdeling.pad, as bench/landelijk.py measured
# (national tender, seed 7): CBC proves the larger merged MIPs (relaxation, merged model; 750-1,400
# columns) 3-10x faster than HiGHS; HiGHS in-process needs no subprocess (about 0.1 s per CBC
# solve), so it takes every small model (a tender of 3-20 gemeenten: a few ms per solve), the
# transportation LP and the per-gemeente MIPs (full model: 110 s against more than 140 s).
# A relaxation with budget rows (one knapsack row per gemeente with a budget): CBC proves most in
# well under a second but took more than 4 minutes of cpu on B1 of seed 2 with a budget in every
# 10th gemeente, where HiGHS needs 1.3 s. So 'auto' gives CBC at most KNOPEN_BUDGET nodes per
# stage (a limit in work: the same on every machine) and then solves the step with HiGHS
# (evaluatie.verdeling.pad; issue #24).
KNOPEN_BUDGET = 500
# CBC on a budget relaxation gets each stage's solution as the MIP start of the next (stages 2 and 3 start
# from an allocation that meets the fixed row) and no preprocessing. Only how fast the optimum is found
# and proven changes, never the proven value. Measured (bench/landelijk.py, budget in every 10th gemeente,
# stages 1-3 of the relaxation, cpu of the 9 lots of seeds 7, 1 and 2): 2.97 s without, 2.74 s with the
# start only, 2.05 s with both; seeds 3-6, 8 and 9 (18 lots): 19.8 against 11.4 s (seed 8 Z 5.0 against 1.8 s).
OPTIES_BUDGET = ("preprocess off",)
# per_subregio without budgets: the relaxation (one class per subregio) on HiGHS with x continuous in
# stage 1 (Opbouw.tu), and stage 4 per subregio (evaluatie.verdeling.subregiokeuze) on HiGHS: national
# tender, seeds 7 / 1 / 2, two runs: the 3 lots' relaxations 3.1 / 2.1 / 5.4-5.5 s cpu on CBC, 2.0 / 2.1-2.2 /
# 2.9 s so (B1 alone is faster on CBC, 0.3-0.6 against 1.0-1.3 s; onderwijs and Z are not). Hence a relaxation
# whose cap on suppliers per subregio is loose (B1) goes to CBC after all: evaluatie.verdeling.subregiorelaxatie.
AUTO_PER_STAP = {
    "relaxatie": "cbc",
    "relaxatie_budget": "cbc",
    "relaxatie_subregio": "highs",
    "relaxatie_subregio_ruim": "cbc",  # per_subregio with a loose cap: see evaluatie.verdeling.subregiorelaxatie
    "subregio": "highs",
    "samengevoegd": "cbc",
    "transport": "highs",
    "stap4": "highs",
    "volledig": "highs",
}
KLEIN = 400  # columns: up to this, 'auto' uses HiGHS for every step
# Up to this many columns HiGHS skips its feasibility-jump heuristic (evaluatie.verdeling.matrix.HighsMotor):
# on the models of a tender of a few gemeenten (4-20 columns) that heuristic took 3-4 ms cpu of the
# 5 ms of every MIP solve, more than the branch-and-bound that proves the optimum (issue #24, the
# example's award against its import floor). Larger models keep it: there it may find a first solution
# sooner, and bench/landelijk.py measured them with it.
ZONDER_SPRONG = 400


def kies_stap(naam: str, stap: str, kolommen: int = KLEIN + 1) -> str:
    if naam != "auto":
        return naam
    return "highs" if kolommen <= KLEIN else AUTO_PER_STAP[stap]


def kies(naam: str, per_gemeente: bool) -> str:
    """One engine for a whole model (the diagnosis and the PuLP reference model): 'auto' takes
    CBC for the merged model, HiGHS when the model needs one class per gemeente."""
    if naam != "auto":
        return naam
    return "highs" if per_gemeente else "cbc"


def oplosser_naam(naam: str) -> str:
    """The engines actually used for a lot ('cbc+highs': one per step), with their versions;
    other values (e.g. toelating) as they are."""
    delen = naam.split("+")
    if all(d in ("highs", "cbc") for d in delen):
        return " en ".join(versie(d) for d in dict.fromkeys(delen))
    return naam


def oplosser_instelling(uitslag) -> str:
    """The engine setting of an award, for the account of its inputs; where no lot ran an engine (open house only,
    or no lot awarded) it says so, instead of naming engines that did not run."""
    gebruikt = any(d in ("highs", "cbc") for p in uitslag.percelen.values() for d in p.solver.split("+"))
    return uitslag.solver if gebruikt else f"{uitslag.solver} (niet gebruikt: geen perceel vroeg om een oplosser)"

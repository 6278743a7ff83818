"""Solver choice through PuLP: HiGHS (highspy) or PuLP's bundled CBC, single thread, fixed seed."""

from __future__ import annotations

import warnings
from functools import cache

STANDAARD = "auto"
OPLOSSERS = ("auto", "highs", "cbc")
ZAAD = 20220101
# Every objective has integer coefficients over integer variables, so an absolute gap below 1
# means proven optimal; the default relative gaps (1e-4) would let CBC and HiGHS stop at
# different "optimal" allocations.
GAT = 0.99


def maak_oplosser(naam: str, tijdslimiet: float | None):
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
                threads=1,
                gapRel=0,
                gapAbs=GAT,
                options=[f"randomSeed {ZAAD}", f"randomCbcSeed {ZAAD}"],
            )
    raise ValueError(f"onbekende oplosser {naam}; kies uit {', '.join(OPLOSSERS)}")


@cache
def versie(naam: str) -> str:
    """Solver name and version, cited in the reports."""
    from importlib.metadata import version

    if naam == "highs":
        return f"HiGHS (highspy {version('highspy')}) via PuLP {version('pulp')}"
    if naam == "cbc":
        return f"CBC (meegeleverd met PuLP {version('pulp')})"
    return f"automatisch: {versie('cbc')} voor samengevoegde modellen, anders {versie('highs')}"


def kies(naam: str, per_gemeente: bool) -> str:
    """'auto' picks what bench/landelijk.py measured faster: CBC on the merged (aggregated) model
    (0.7 s against 4.3 s for the national tender), HiGHS when the model needs one class per
    gemeente (110 s against more than 140 s)."""
    if naam != "auto":
        return naam
    return "highs" if per_gemeente else "cbc"


def oplosser_naam(naam: str) -> str:
    """The solver actually used for a lot, with its version; other values (e.g. toelating) as they are."""
    return versie(naam) if naam in ("highs", "cbc") else naam

"""A mixed-integer programme in plain arrays, and the two engines that solve it lexicographically.

Every step of the allocation (relaxation, transportation LP, stage-4 MIP, full model) is built
once as a `Programma` and handed to a `Motor`: HiGHS through highspy directly (no PuLP layer, so
building a 10,000-column model costs milliseconds and each stage's solution is passed on as the
MIP start of the next) or PuLP's bundled CBC. Objectives are integer vectors over integer
variables and are fixed at their exact integer value between stages, so both engines prove the
same optimum with an absolute gap below 1.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

from evaluatie.stdout import alleen_eigen_uitvoer
from evaluatie.verdeling import status
from evaluatie.verdeling.oplosser import GAT, ZAAD, ZONDER_SPRONG, maak_oplosser
from evaluatie.verdeling.status import highs_uitkomst

ONEINDIG = float("inf")
_BANNER: list[bool] = []
"""Non-empty once this process constructed a HiGHS instance (see _highs)."""


def _highs():
    """A new highspy.Highs. The first one of a process prints HiGHS's banner on file descriptor 1 (native code,
    before any option applies); a library call must print nothing on its caller's stdout, so that one is built
    with fd 1 silenced (evaluatie.stdout). The command line silences fd 1 as a whole already."""
    import highspy

    if _BANNER:
        return highspy.Highs()
    with alleen_eigen_uitvoer():
        h = highspy.Highs()
    _BANNER.append(True)
    return h


@dataclass
class Programma:
    """Columns with bounds and integrality; rows as (indexes, coefficients, lower, upper)."""

    onder: list[float] = field(default_factory=list)
    boven: list[float] = field(default_factory=list)
    geheel: list[bool] = field(default_factory=list)
    rijen: list[tuple[list[int], list[float], float, float]] = field(default_factory=list)

    def kolom(self, onder: float, boven: float, geheel: bool = True) -> int:
        self.onder.append(onder)
        self.boven.append(boven)
        self.geheel.append(geheel)
        return len(self.onder) - 1

    def rij(self, termen: Sequence[tuple[int, float]], onder: float = -ONEINDIG, boven: float = ONEINDIG) -> None:
        self.rijen.append(([i for i, _ in termen], [c for _, c in termen], onder, boven))

    @property
    def aantal(self) -> int:
        return len(self.onder)


class Uitkomst:
    OPTIMAAL = status.OPTIMAAL
    ONHAALBAAR = status.ONHAALBAAR
    TIJDSLIMIET = status.TIJDSLIMIET


def los_cbc(
    prob, tijdslimiet: float | None, knopen: int | None = None, warm: bool = False, opties: Sequence[str] = ()
) -> str:
    """Solve a PuLP problem with the bundled CBC; the outcome by `evaluatie.verdeling.status`."""
    import pulp

    from evaluatie.verdeling.cbcmap import cbc_map

    oplosser = maak_oplosser("cbc", tijdslimiet, knopen, warm, opties)
    with warnings.catch_warnings(), cbc_map() as map_:
        warnings.simplefilter("ignore")
        oplosser.tmpDir = map_  # PuLP's files of this solve: removed with the folder, also after a failure
        try:
            prob.solve(oplosser)
        except pulp.PulpSolverError:
            raise status.Oplosserfout("CBC", "PulpSolverError", status.CBC_VASTGELOPEN) from None
    return status.cbc_uitkomst(prob.status, prob.sol_status, tijdslimiet)


def doelwaarde(doel: dict[int, int], waarden: list[int]) -> int:
    """The exact integer objective of an integral solution (no floating-point sum)."""
    return sum(c * waarden[j] for j, c in doel.items())


class Motor:
    """Solve one objective at a time over a model that grows by one fixing row per stage."""

    naam = ""

    def los(self, doel: dict[int, int], maximaliseer: bool, start: list[int] | dict[int, int] | None = None) -> str:
        raise NotImplementedError

    def waarden(self) -> list[int]:
        """The last solution, rounded; raises when it is not integral (an LP that was not TU)."""
        raise NotImplementedError

    def voeg_rij_toe(self, termen: Sequence[tuple[int, float]], onder: float, boven: float) -> None:
        raise NotImplementedError

    def begrens(self, grenzen: dict[int, tuple[int, int]]) -> None:
        """New (lower, upper) bounds of some columns for the next solves."""
        raise NotImplementedError


def status_fout(toestand: str) -> status.Oplosserfout:
    """The integral vertex after a solve with continuous x (HighsMotor.hoekpunt) could not be taken."""
    return status.Oplosserfout(
        "HiGHS", toestand, "het gehele hoekpunt na een oplossing met continue aantallen kon niet worden bepaald"
    )


def _afgerond(ruw) -> list[int]:
    uit = [round(v) for v in ruw]
    if any(abs(v - r) > 1e-6 for v, r in zip(ruw, uit, strict=True)):
        raise ArithmeticError("niet-gehele oplossing")
    return uit


class HighsMotor(Motor):
    naam = "highs"

    def __init__(self, lin: Programma, tijdslimiet: float | None):
        import highspy
        import numpy as np

        self._np, self._hs = np, highspy
        h = self.h = _highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("threads", 1)
        h.setOptionValue("random_seed", ZAAD % 2**31)
        h.setOptionValue("mip_rel_gap", 0.0)
        h.setOptionValue("mip_abs_gap", GAT)
        self.tijdslimiet = tijdslimiet
        # original objective minus the one handed to HiGHS, on every feasible point (dualverschuiving)
        self.verschuiving = 0
        if tijdslimiet is not None:
            h.setOptionValue("time_limit", float(tijdslimiet))
        n = lin.aantal
        if n <= ZONDER_SPRONG:  # see there: only how a first solution is found changes, not the proven optimum
            h.setOptionValue("mip_heuristic_run_feasibility_jump", False)
        leeg_i = np.zeros(0, dtype=np.int32)
        h.addCols(
            n,
            np.zeros(n),
            np.array(lin.onder, dtype=np.float64),
            np.array(lin.boven, dtype=np.float64),
            0,
            leeg_i,
            leeg_i,
            np.zeros(0),
        )
        if lin.rijen:
            starts: list[int] = []
            idx: list[int] = []
            val: list[float] = []
            for ix, cs, _, _ in lin.rijen:
                starts.append(len(idx))
                idx += ix
                val += cs
            h.addRows(
                len(lin.rijen),
                np.array([r[2] for r in lin.rijen], dtype=np.float64),
                np.array([r[3] for r in lin.rijen], dtype=np.float64),
                len(idx),
                np.array(starts, dtype=np.int32),
                np.array(idx, dtype=np.int32),
                np.array(val, dtype=np.float64),
            )
        gehele = [j for j, g in enumerate(lin.geheel) if g]
        if gehele:
            h.changeColsIntegrality(
                len(gehele),
                np.array(gehele, dtype=np.int32),
                np.full(len(gehele), highspy.HighsVarType.kInteger, dtype=np.uint8),
            )
        self.mip = bool(gehele)
        self.n = n
        self.gehele = set(gehele)  # the columns HiGHS now treats as integer
        self._vorig: dict[int, int] = {}

    # HiGHS's primal heuristics that solve sub-MIPs or round LP solutions (see `zonder_heuristieken`).
    HEURISTIEKEN = (
        "mip_heuristic_run_rins",
        "mip_heuristic_run_rens",
        "mip_heuristic_run_root_reduced_cost",
        "mip_heuristic_run_zi_round",
        "mip_heuristic_run_shifting",
    )

    def zonder_heuristieken(self) -> None:
        """No primal heuristics for the next solves: for a transportation LP with a few 0/1 columns (stage 4
        of the verfijnde relaxatie, evaluatie.verdeling.verfijning) branching on the LP is cheap, and the
        heuristics' sub-MIPs took most of the time (bench/landelijk.py, K=2, B1: seed 4 3.1 against 1.1 s,
        seed 7 0.64 against 0.17 s). Only how the optimum is found changes, never which value is proven.
        A HiGHS without one of these options keeps that heuristic (the same optimum, found more slowly)."""
        for optie in self.HEURISTIEKEN:
            self.h.setOptionValue(optie, False)

    def zet_geheel(self, kolommen: Sequence[int], geheel: bool) -> None:
        """Make `kolommen` integer (True) or continuous (False) for the next solves (see Opbouw.tu)."""
        np, hs = self._np, self._hs
        if not kolommen:
            return
        soort = hs.HighsVarType.kInteger if geheel else hs.HighsVarType.kContinuous
        self.h.changeColsIntegrality(
            len(kolommen), np.array(kolommen, dtype=np.int32), np.full(len(kolommen), soort, dtype=np.uint8)
        )
        self.gehele = self.gehele | set(kolommen) if geheel else self.gehele - set(kolommen)
        self.mip = bool(self.gehele)

    def sluit(self, kolommen: Sequence[int]) -> None:
        """Upper bound 0 on `kolommen` for the next solves (cells taken out: verdeling.verfijning.voorstel)."""
        np = self._np
        if kolommen:
            n = len(kolommen)
            self.h.changeColsBounds(n, np.array(kolommen, dtype=np.int32), np.zeros(n), np.zeros(n))

    def begrens(self, grenzen: dict[int, tuple[int, int]]) -> None:
        np = self._np
        if grenzen:
            self.h.changeColsBounds(
                len(grenzen),
                np.array(list(grenzen), dtype=np.int32),
                np.array([lo for lo, _ in grenzen.values()], dtype=np.float64),
                np.array([hi for _, hi in grenzen.values()], dtype=np.float64),
            )

    def hoekpunt(self) -> list[int]:
        """An integral optimum from the last solve, whose continuous columns may sit between vertices.

        Only for a model whose continuous columns form a totally unimodular system once the integer
        columns are fixed (Opbouw.tu): with those fixed at their (integral) values, the simplex
        method returns a vertex of that LP, which is integral, with an objective at least as good.
        Bounds and integrality are restored afterwards."""
        np, h = self._np, self.h
        ruw = list(h.getSolution().col_value)
        vast = sorted(self.gehele)
        lp = h.getLp()
        oud_onder, oud_boven = list(lp.col_lower_), list(lp.col_upper_)
        if vast:
            kolommen = np.array(vast, dtype=np.int32)
            waarden = np.array([float(round(ruw[j])) for j in vast], dtype=np.float64)
            h.changeColsBounds(len(vast), kolommen, waarden, waarden)
        gehele = list(self.gehele)
        self.zet_geheel(gehele, False)
        h.run()
        toestand = h.getModelStatus()
        uit = list(h.getSolution().col_value)
        if vast:
            h.changeColsBounds(
                len(vast),
                np.array(vast, dtype=np.int32),
                np.array([oud_onder[j] for j in vast], dtype=np.float64),
                np.array([oud_boven[j] for j in vast], dtype=np.float64),
            )
        self.zet_geheel(gehele, True)
        if toestand != self._hs.HighsModelStatus.kOptimal:  # cannot happen: the MIP solution itself is feasible
            raise status_fout(toestand.name)
        try:
            return _afgerond(uit)
        except ArithmeticError:  # cannot happen for a vertex of a totally unimodular system
            raise status_fout("niet-geheel hoekpunt") from None

    def los(self, doel: dict[int, int], maximaliseer: bool, start: list[int] | dict[int, int] | None = None) -> str:
        np, hs, h = self._np, self._hs, self.h
        kosten = dict.fromkeys(self._vorig, 0)
        kosten.update(doel)
        if kosten:
            h.changeColsCost(
                len(kosten),
                np.array(list(kosten), dtype=np.int32),
                np.array(list(kosten.values()), dtype=np.float64),
            )
        self._vorig = doel
        h.changeObjectiveSense(hs.ObjSense.kMaximize if maximaliseer else hs.ObjSense.kMinimize)
        if start is not None and self.mip:
            if isinstance(start, dict):  # partial: HiGHS completes the other columns itself
                h.setSolution(
                    len(start), np.array(list(start), dtype=np.int32), np.array(list(start.values()), dtype=np.float64)
                )
            else:
                h.setSolution(self.n, np.arange(self.n, dtype=np.int32), np.array(start, dtype=np.float64))
        h.run()
        if start is not None and self.mip and not self._klopt(doel):
            # highspy 1.16 can report the right optimum with a stale solution (the MIP start) when
            # presolve settles the model: solve again without the start.
            h.clearSolver()
            h.run()
        return highs_uitkomst(h.getModelStatus().name, self.tijdslimiet)

    def _klopt(self, doel: dict[int, int]) -> bool:
        """Does the returned solution attain the objective value HiGHS reports?"""
        if self.h.getModelStatus() != self._hs.HighsModelStatus.kOptimal:
            return True
        waarden = self.h.getSolution().col_value
        return abs(sum(c * waarden[j] for j, c in doel.items()) - self.h.getInfo().objective_function_value) < 0.5

    def waarden(self) -> list[int]:
        return _afgerond(list(self.h.getSolution().col_value))

    def voeg_rij_toe(self, termen: Sequence[tuple[int, float]], onder: float, boven: float) -> None:
        np = self._np
        self.h.addRow(
            onder,
            boven,
            len(termen),
            np.array([i for i, _ in termen], dtype=np.int32),
            np.array([c for _, c in termen], dtype=np.float64),
        )


class CbcMotor(Motor):
    """PuLP's bundled CBC (no -threads option: with `threads 1` it stalls now and then)."""

    naam = "cbc"

    def __init__(
        self,
        lin: Programma,
        tijdslimiet: float | None,
        knopen: int | None = None,
        warm: bool = False,
        opties: Sequence[str] = (),
    ):
        """warm: a full start (the previous stage's solution) is handed to CBC as a MIP start;
        opties: extra CBC options (see oplosser.OPTIES_BUDGET)."""
        import pulp

        self._pulp = pulp
        self.knopen = knopen
        self.warm = warm
        self.opties = tuple(opties)
        self.tijdslimiet = tijdslimiet
        self.prob = pulp.LpProblem("verdeling", pulp.LpMaximize)
        self.x = [
            self.prob.add_variable(
                f"x{j}",
                None if o == -ONEINDIG else o,
                None if b == ONEINDIG else b,
                cat="Integer" if g else "Continuous",
            )
            for j, (o, b, g) in enumerate(zip(lin.onder, lin.boven, lin.geheel, strict=True))
        ]
        self.r = 0
        for ix, cs, onder, boven in lin.rijen:
            self.voeg_rij_toe(list(zip(ix, cs, strict=True)), onder, boven)

    def voeg_rij_toe(self, termen: Sequence[tuple[int, float]], onder: float, boven: float) -> None:
        pulp = self._pulp
        expr = pulp.LpAffineExpression([(self.x[i], c) for i, c in termen])
        self.r += 1
        if onder == boven:
            self.prob += expr == onder, f"r{self.r}"
            return
        if onder != -ONEINDIG:
            self.prob += expr >= onder, f"r{self.r}o"
        if boven != ONEINDIG:
            self.prob += expr <= boven, f"r{self.r}b"

    def begrens(self, grenzen: dict[int, tuple[int, int]]) -> None:
        for j, (lo, hi) in grenzen.items():
            self.x[j].lowBound, self.x[j].upBound = lo, hi

    def los(self, doel: dict[int, int], maximaliseer: bool, start: list[int] | dict[int, int] | None = None) -> str:
        pulp = self._pulp
        self.prob.sense = pulp.LpMaximize if maximaliseer else pulp.LpMinimize
        self.prob.setObjective(pulp.LpAffineExpression([(self.x[j], c) for j, c in doel.items()]))
        warm = self.warm and isinstance(start, list)
        if warm:
            assert isinstance(start, list)
            for v, w in zip(self.x, start, strict=True):
                v.setInitialValue(w)
        return los_cbc(self.prob, self.tijdslimiet, self.knopen, warm, self.opties)

    def waarden(self) -> list[int]:
        return _afgerond([v.varValue or 0.0 for v in self.x])


def motor(
    naam: str,
    lin: Programma,
    tijdslimiet: float | None,
    knopen: int | None = None,
    warm: bool = False,
    opties: Sequence[str] = (),
) -> Motor:
    """warm, opties: CBC only (see CbcMotor)."""
    if naam == "highs":
        return HighsMotor(lin, tijdslimiet)
    if naam == "cbc":
        return CbcMotor(lin, tijdslimiet, knopen, warm, opties)
    raise ValueError(f"onbekende oplosser {naam}")

"""What a solver's status means, as one table per engine: every status maps to a true sentence.

Only three statuses lead on: optimal, infeasible (a claim still to be confirmed by a second
engine, see `evaluatie.verdeling.bevestiging`) and the time limit the user set. Every other status
(memory, an interrupt, a limit we never set, an internal error, a status this table does not
know) is an `Oplosserfout`: the evaluation stops with exit 1, naming the engine and its status,
and never says anything about the tender's rules.
"""

from __future__ import annotations

OPTIMAAL = "optimaal"
ONHAALBAAR = "onhaalbaar"
TIJDSLIMIET = "tijdslimiet"

_GEEN_REGELS = "dit zegt niets over de verdeelregels"


class Oplosserfout(Exception):
    """A solver ended in a state that says nothing about the tender: exit 1 with this sentence."""

    def __init__(self, oplosser: str, status: str, zin: str):
        self.oplosser, self.status, self.zin = oplosser, status, zin
        super().__init__(self.melding())

    def melding(self) -> str:
        return (
            f"de oplosser {self.oplosser} eindigde met status {self.status}: {self.zin}; de verdeling is niet "
            f"berekend ({_GEEN_REGELS})"
        )


# HiGHS model statuses (highspy.HighsModelStatus member names).
HIGHS: dict[str, tuple[str | None, str]] = {
    "kOptimal": (OPTIMAAL, "bewezen optimaal"),
    "kInfeasible": (ONHAALBAAR, "geen verdeling voldoet aan alle regels"),
    # Every column of the allocation model has finite bounds, so it cannot be unbounded: this is infeasible.
    "kUnboundedOrInfeasible": (ONHAALBAAR, "geen verdeling voldoet aan alle regels (alle aantallen zijn begrensd)"),
    "kTimeLimit": (TIJDSLIMIET, "de tijdslimiet was bereikt vóór een bewezen optimum"),
    "kUnbounded": (None, "het model zou onbegrensd zijn, wat bij begrensde aantallen niet kan: een rekenfout"),
    "kMemoryLimit": (None, "het geheugen was op"),
    "kInterrupt": (None, "de berekening werd onderbroken"),
    "kHighsInterrupt": (None, "de berekening werd onderbroken"),
    "kIterationLimit": (None, "een iteratielimiet was bereikt die deze software niet instelt"),
    "kSolutionLimit": (None, "een oplossingslimiet was bereikt die deze software niet instelt"),
    "kObjectiveBound": (None, "een doelgrens was bereikt die deze software niet instelt"),
    "kObjectiveTarget": (None, "een doelwaarde was bereikt die deze software niet instelt"),
    "kLoadError": (None, "het model kon niet in de oplosser worden geladen"),
    "kModelError": (None, "de oplosser vond het model ongeldig"),
    "kPresolveError": (None, "een interne fout in de voorbewerking (presolve)"),
    "kSolveError": (None, "een interne fout tijdens het oplossen"),
    "kPostsolveError": (None, "een interne fout in de nabewerking (postsolve)"),
    "kModelEmpty": (None, "het model was leeg, wat bij een verdeling met vraag niet kan"),
    "kNotset": (None, "de oplosser gaf geen status"),
    "kUnknown": (None, "de oplosser kon de uitkomst niet vaststellen"),
}

# PuLP's reading of CBC: (LpStatus, LpSolution) codes. LpStatus: 1 Optimal, 0 Not Solved,
# -1 Infeasible, -2 Unbounded, -3 Undefined; LpSolution: 1 optimal, 2 integer feasible (not
# proven), 0 no solution found, -1 no solution exists, -2 unbounded.
CBC: dict[tuple[int, int], tuple[str | None, str]] = {
    (1, 1): (OPTIMAAL, "bewezen optimaal"),
    (-1, -1): (ONHAALBAAR, "geen verdeling voldoet aan alle regels"),
    (-1, 0): (ONHAALBAAR, "geen verdeling in hele aantallen voldoet aan alle regels"),
    (1, 2): (TIJDSLIMIET, "gestopt met een verdeling waarvan het optimum niet bewezen is"),
    (0, 0): (TIJDSLIMIET, "gestopt zonder verdeling"),
    (-2, -2): (None, "het model zou onbegrensd zijn, wat bij begrensde aantallen niet kan: een rekenfout"),
    (-3, 0): (None, "CBC schreef een uitkomst die PuLP niet kan lezen (status Undefined)"),
}
# What PuLP reads from CBC's solution file ('Optimal', 'Infeasible', 'Integer infeasible',
# 'Stopped ... objective', 'Stopped', 'Unbounded', anything else): exactly the pairs above.
CBC_VASTGELOPEN = "CBC liep vast of schreef geen uitkomst (PulpSolverError)"


def highs_uitkomst(status: str, tijdslimiet: float | None) -> str:
    """OPTIMAAL, ONHAALBAAR or TIJDSLIMIET for a HiGHS model status name; raises Oplosserfout otherwise."""
    uitkomst, zin = HIGHS.get(status, (None, "een status die deze software niet kent"))
    return _toets("HiGHS", status, uitkomst, zin, tijdslimiet)


def cbc_uitkomst(status: int, oplossing: int, tijdslimiet: float | None) -> str:
    """The same for PuLP's CBC status pair."""
    import pulp

    naam = f"{pulp.LpStatus.get(status, status)} / {pulp.LpSolution.get(oplossing, oplossing)}"
    uitkomst, zin = CBC.get((status, oplossing), (None, "een status die deze software niet kent"))
    return _toets("CBC", naam, uitkomst, zin, tijdslimiet)


def _toets(oplosser: str, status: str, uitkomst: str | None, zin: str, tijdslimiet: float | None) -> str:
    if uitkomst == TIJDSLIMIET and tijdslimiet is None:
        # A stop before the optimum without a time limit set is not a time limit: say what it is.
        raise Oplosserfout(oplosser, status, f"{zin}, zonder dat een tijdslimiet was ingesteld")
    if uitkomst is None:
        raise Oplosserfout(oplosser, status, zin)
    return uitkomst

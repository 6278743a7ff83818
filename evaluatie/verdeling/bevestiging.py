"""An infeasibility verdict stands only when a second, independent engine confirms it.

The verdict "these rules cannot be met together" is a statement about the tender. A MIP solver
can reach it wrongly (tolerances on a large fixed row made CBC do so; see
`evaluatie.verdeling.opbouw.Opbouw.verschoven`), so when one engine says infeasible the whole
lot is solved again with each other engine. Only when every engine says infeasible is the verdict
given; when another engine finds the proven optimum, that allocation is the result (the engine
is named in the advies); when another engine cannot decide, the user is told exactly that.
"""

from __future__ import annotations

from evaluatie.verdeling.model import Verdeelprobleem, Verdeling

ENGINES = ("highs", "cbc")


def andere_engines(oplosser: str) -> tuple[str, ...]:
    """The engines that did not take part in the first attempt ('auto' used both: try each alone)."""
    return tuple(e for e in ENGINES if e != oplosser)


def bevestig_onhaalbaar(p: Verdeelprobleem, oplosser: str, tijdslimiet: float | None) -> Verdeling | str | None:
    """None: every other engine confirms infeasibility. A Verdeling: another engine solved the lot.
    A sentence: another engine could not decide (time limit or solver status), so no verdict is given."""
    from evaluatie.verdeling.pad import Onhaalbaar, Tijdslimiet, verdeel_exact
    from evaluatie.verdeling.status import Oplosserfout

    for engine in andere_engines(oplosser):
        try:
            return verdeel_exact(p, engine, tijdslimiet)
        except Onhaalbaar:
            continue
        except Tijdslimiet:
            return (
                f"de oplosser {oplosser} vond geen verdeling die aan alle regels voldoet, maar {engine} kon dat "
                "binnen de tijdslimiet niet bevestigen; of de regels samen haalbaar zijn, is dus niet vastgesteld. "
                "Verhoog --tijdslimiet"
            )
        except Oplosserfout as e:
            return (
                f"de oplosser {oplosser} vond geen verdeling die aan alle regels voldoet, maar de controle met "
                f"{e.melding()}; of de regels samen haalbaar zijn, is dus niet vastgesteld"
            )
    return None

"""Allocate one lot: checks in words first, then the exact path (evaluatie.verdeling.pad).

The objectives, in order (evaluatie.verdeling.opbouw.Opbouw.stappen), each solved to proven
optimality and then fixed:
1. maximise sum of gunningswaarde x inburgeraars (values in the ranking's one precision, integers);
2. among those, maximise sum of rank weight x inburgeraars, rank weight R - rank + 1 (R suppliers,
   the published rank): a better rank weighs more, but the largest total wins (no waterfall), and
   bids tied on total weigh in the order the published tie-break or the draw gave them, never by
   price;
3. among those, minimise cost (in cents);
4. with every supplier's total now fixed, maximise sum of rank weight x (G - plaats + 1)^2 x
   inburgeraars (G gemeenten with demand, plaats the published position in tender order): earlier
   gemeenten go preferably to better-ranked suppliers, but the largest total wins;
5. between allocations equal in steps 1-4 (a cycle of exchanges can add up to 0 in step 4): the
   lexicographic maximum over the cells, gemeenten in tender order, suppliers in ranking order
   (evaluatie.verdeling.stap5, within the rules on single gemeenten where there are any).
Steps 2, 4 and 5 are a published rule instead of solver whim. An infeasibility verdict stands only
when a second engine confirms it (evaluatie.verdeling.bevestiging); every solver status is read
through evaluatie.verdeling.status. The model of every step is built by
evaluatie.verdeling.opbouw; an impossible lot is explained by evaluatie.verdeling.diagnose.
"""

from __future__ import annotations

from evaluatie.fouten import EvaluatieFout
from evaluatie.verdeling.diagnose import diagnose, vooraf
from evaluatie.verdeling.klassen import klassen, per_gemeente_nodig
from evaluatie.verdeling.model import Verdeelprobleem, Verdeling
from evaluatie.verdeling.oplosser import STANDAARD, kies
from evaluatie.verdeling.pad import Onhaalbaar, Tijdslimiet, verdeel_exact
from evaluatie.verdeling.status import Oplosserfout


def verdeel(p: Verdeelprobleem, oplosser: str = STANDAARD, tijdslimiet: float | None = None) -> Verdeling:
    """Allocate one lot along the exact fast path of `evaluatie.verdeling.pad`.

    The result depends only on the order of p.leveranciers (the ranking), the tender order of
    p.vraag and the numbers, never on names. Raises EvaluatieFout with an explanation in words
    when impossible. No step stops on the clock (issue #24): the CLI passes no `tijdslimiet`."""
    meldingen = vooraf(p)
    if meldingen:
        raise EvaluatieFout(meldingen)
    if not any(p.vraag.values()):  # no demand at all: nothing to allocate
        return Verdeling(toewijzing=(), solver=kies(oplosser, False), model="leeg", pad="leeg")
    try:
        return verdeel_exact(p, oplosser, tijdslimiet)
    except Onhaalbaar:
        pass
    except Tijdslimiet:  # not reached: no step has a time limit (issue #24)
        raise EvaluatieFout([_TIJDSLIMIET.format(perceel=p.perceelnaam)]) from None
    except Oplosserfout as e:
        if oplosser != "auto":  # the user chose this engine: say what happened to it
            raise EvaluatieFout([f"Perceel {p.perceelnaam}: {e.melding()}"]) from None
        return _andere_motor(p, e, tijdslimiet)
    # 'Infeasible' is a claim about the tender's rules: it stands only when an independent engine agrees.
    from evaluatie.verdeling.bevestiging import bevestig_onhaalbaar

    bevestiging = bevestig_onhaalbaar(p, oplosser, tijdslimiet)
    if isinstance(bevestiging, Verdeling):
        return bevestiging
    if bevestiging:
        raise EvaluatieFout([f"Perceel {p.perceelnaam}: {bevestiging}"])
    enkel = kies(oplosser, per_gemeente_nodig(p))
    try:
        meldingen = diagnose(p, klassen(p), enkel, tijdslimiet)
    except Oplosserfout as e:
        meldingen = [
            f"Perceel {p.perceelnaam}: geen verdeling voldoet aan alle regels (bevestigd door HiGHS en CBC); welke "
            f"regel knelt, kon niet worden vastgesteld: {e.melding()}"
        ]
    raise EvaluatieFout(meldingen)


def _andere_motor(p: Verdeelprobleem, fout: Oplosserfout, tijdslimiet: float | None) -> Verdeling:
    """'auto' picked the engine that failed (e.g. the bundled CBC 2.10.3 aborting in its Gomory cut
    generator on bench/landelijk.py --zaad 6, per_subregio, Z): the other engine alone may still
    prove the optimum, and is then named in the advies as the engine used. If it fails too, both
    failures are said; never a verdict on the rules."""
    ander = "highs" if fout.oplosser == "CBC" else "cbc"
    try:
        return verdeel_exact(p, ander, tijdslimiet)
    except (Onhaalbaar, Tijdslimiet, Oplosserfout) as e:
        if isinstance(e, Oplosserfout):
            waarom = e.melding()
        else:
            waarom = "onhaalbaar" if isinstance(e, Onhaalbaar) else "tijdslimiet"
        raise EvaluatieFout(
            [
                f"Perceel {p.perceelnaam}: {fout.melding()}; ook {ander} gaf geen bewezen optimum ({waarom}), dus "
                "is de verdeling niet berekend"
            ]
        ) from None


_TIJDSLIMIET = "Perceel {perceel}: de oplosser vond binnen de opgegeven tijdslimiet geen bewezen optimale verdeling"

"""Allocate one lot: checks in words first, then the exact path (evaluatie.verdeling.pad).

The objectives, in order (evaluatie.verdeling.opbouw.Opbouw.stappen), each solved to proven
optimality and then fixed:
1. maximise sum of gunningswaarde x inburgeraars (values in the ranking's one precision, integers);
2. among those, maximise sum of (R - rank) x inburgeraars (R suppliers): volume goes to the
   better-ranked supplier, so bids tied on total are served in the order the published
   tie-break or the draw gave them, never by price;
3. among those, minimise cost (in cents);
4. with every supplier's total now fixed, maximise sum of (R - rank) x (C - position)^2 x
   inburgeraars (C demand classes in tender order): the better-ranked supplier gets the
   gemeenten earliest in the tender's list.
Steps 2 and 4 are a documented rule instead of solver whim. An infeasibility verdict stands only
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

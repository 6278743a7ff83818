"""The stage-4 check of bench/landelijk.py by the PuLP reference can say both things: it confirms the
optimal value of a lot with budgets and names a different value when the allocation's is not the optimum,
so a '4 ja (PuLP stap 4)' in the bench's table means something."""

from __future__ import annotations

import importlib
import sys

from evaluatie.definitie.model import Verdeelregels
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem
from evaluatie.verdeling.verdelen import verdeel
from tests.hulp import REPO

sys.path.insert(0, str(REPO / "bench"))
landelijk = importlib.import_module("landelijk")  # bench scripts are not a package


def _probleem() -> Verdeelprobleem:
    """A (2, budget 9,300 euro each), B, C, D (1 each). S1 is better ranked but costs 9,800, S2 9,000: A can only
    afford S2 twice (S1 + S2 = 18,800 > 18,600). S1 has capacity 2, so it takes two of B, C, D (value 80 > 70)."""
    lev = (
        Leverancier("S1", 80.0, 9800.0, 2, ("A", "B", "C", "D"), 0),
        Leverancier("S2", 70.0, 9000.0, 10, ("A", "B", "C", "D"), 1),
    )
    vraag = {"A": 2, "B": 1, "C": 1, "D": 1}
    return Verdeelprobleem("B1", "B1", vraag, dict.fromkeys(vraag, "R"), lev, Verdeelregels(), {"A": 2 * 9300.0})


def test_stap4_door_pulp_bevestigt_en_weerspreekt() -> None:
    p = _probleem()
    v = verdeel(p, "highs")
    # Stage 4 by hand: weight (R - rank) x (C - position)^2 with R = 2, C = 4: S1 2, S2 1; A 16, B 9, C 4, D 1.
    # A is S2's (2 x 16 x 1 = 32); S1 takes the earliest two of B, C, D: 2 x 9 + 2 x 4 = 26; S2 D: 1. Optimum 59
    # (S1 in B and D with S2 in C would give 32 + 18 + 2 + 4 = 56).
    assert v.doelwaarden[3] == 59
    assert landelijk.stap4_onafhankelijk(p, v) == "4 ja (PuLP stap 4)"
    # the same totals, S1 in B and D: not the optimum; PuLP solves stage 4 itself and names 59
    anders = tuple(
        t.model_copy(update={"inschrijver": {"C": "S2", "D": "S1"}.get(t.gemeente, t.inschrijver)})
        for t in v.toewijzing
    )
    fout = v.model_copy(update={"toewijzing": anders, "doelwaarden": (*v.doelwaarden[:3], 56)})
    assert landelijk.stapwaarden(p, fout)[3] == 56
    assert landelijk.stap4_onafhankelijk(p, fout) == "4 NEE: PuLP stap 4 59"


def test_volledig_model_dat_alleen_stap_1_3_bewijst(monkeypatch) -> None:
    """The full model proves stages 1-3 and runs out of its limit in stage 4 (as with a budget in every gemeente,
    B1): the check compares those three values and then checks stage 4 by the PuLP reference, instead of
    leaving stages 1-3 unchecked."""
    p = _probleem()
    v = verdeel(p, "highs")
    echt = landelijk.lexicografisch

    def tot_stap_3(m, o, stappen=4, tu=False, na_stap=None):  # type: ignore[no-untyped-def]
        if stappen == 4:
            for nummer in (1, 2, 3):
                if na_stap is not None:
                    na_stap(nummer)
            raise landelijk.Tijdslimiet
        return echt(m, o, stappen=stappen, tu=tu, na_stap=na_stap)

    monkeypatch.setattr(landelijk, "lexicografisch", tot_stap_3)
    assert landelijk.volledig_model(p, 60) == v.doelwaarden[:3]
    assert landelijk.controle(p, v, 60) == "1-3 ja (volledig model), 4 ja (PuLP stap 4)"
    anders = v.model_copy(update={"doelwaarden": (v.doelwaarden[0] + 1, *v.doelwaarden[1:])})
    assert landelijk.controle(p, anders, 60).startswith("NEE (stapwaarden kloppen niet")

"""zekerheid.zelfde_verdeling: only where re-solving would give the award's own allocation.

Generated problems (hypothesis, derandomized) are solved twice by the real allocation: once with
the values as drawn, once with other values in the same weak order. Wherever the shortcut says
"the same allocation", both solves must give exactly that allocation; and it must say no to a
changed order, a changed capacity and every rule other than a share ceiling.
"""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from evaluatie.definitie.model import Verdeelregels
from evaluatie.fouten import EvaluatieFout
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem
from evaluatie.verdeling.verdelen import verdeel
from evaluatie.zekerheid.zelfde_verdeling import zelfde_verdeling

INSTELLINGEN = settings(max_examples=150, deadline=None, derandomize=True)


@st.composite
def paren(draw: st.DrawFn) -> tuple[Verdeelprobleem, Verdeelprobleem]:
    """A problem in ranking order (values non-increasing, with ties), and the same problem with
    new values in the same weak order (every distinct value moved, each by its own amount)."""
    gemeenten = [f"G{i}" for i in range(draw(st.integers(1, 5)))]
    vraag = {g: draw(st.integers(0, 12)) for g in gemeenten}
    n = draw(st.integers(2, 5))
    stappen = draw(st.lists(st.sampled_from([0, 0, 1, 3, 25]), min_size=n - 1, max_size=n - 1))
    waarden = [90.0]
    for s in stappen:
        waarden.append(waarden[-1] - s)
    verschillend = sorted(set(waarden))
    nieuw_van: dict[float, float] = {}
    basis = draw(st.floats(20, 60))
    for w in verschillend:  # strictly increasing again: the same weak order
        basis += draw(st.floats(0.01, 9))
        nieuw_van[w] = round(basis, 4)
    leveranciers = [
        Leverancier(
            f"S{i}",
            w,
            float(draw(st.sampled_from([8000, 9000, 9500, 10000]))),
            draw(st.integers(0, 25)),
            tuple(g for g in gemeenten if draw(st.booleans())) or (gemeenten[-1],),
            i,
        )
        for i, w in enumerate(waarden)
    ]
    regels = Verdeelregels(max_aandeel=draw(st.sampled_from([None, 0.4, 0.5, 0.7, 1.0])))
    p = Verdeelprobleem("B1", "B1-route", vraag, dict.fromkeys(gemeenten, "R"), tuple(leveranciers), regels)
    q = dataclasses.replace(
        p, leveranciers=tuple(dataclasses.replace(s, waarde=nieuw_van[s.waarde]) for s in leveranciers)
    )
    return p, q


def _toewijzing(p: Verdeelprobleem) -> list[tuple[str, str, int]] | None:
    try:
        return [(t.gemeente, t.inschrijver, t.aantal) for t in verdeel(p).toewijzing]
    except EvaluatieFout:
        return None


@INSTELLINGEN
@given(paren())
def test_zelfde_zwakke_orde_zelfde_verdeling(paar: tuple[Verdeelprobleem, Verdeelprobleem]) -> None:
    p, q = paar
    assert zelfde_verdeling(p, q)
    assert _toewijzing(p) == _toewijzing(q)


@INSTELLINGEN
@given(paren(), st.data())
def test_nee_bij_andere_orde_capaciteit_of_regel(
    paar: tuple[Verdeelprobleem, Verdeelprobleem], data: st.DataObject
) -> None:
    p, q = paar
    ls = list(q.leveranciers)
    i = data.draw(st.integers(0, len(ls) - 1))
    j = data.draw(st.integers(0, len(ls) - 1).filter(lambda j: j != i))
    if ls[i].waarde != ls[j].waarde:  # two values swapped: another weak order
        gewisseld = list(ls)
        gewisseld[i] = dataclasses.replace(ls[i], waarde=ls[j].waarde)
        gewisseld[j] = dataclasses.replace(ls[j], waarde=ls[i].waarde)
        assert not zelfde_verdeling(p, dataclasses.replace(q, leveranciers=tuple(gewisseld)))
    else:  # a tie broken: another weak order
        gebroken = list(ls)
        gebroken[j] = dataclasses.replace(ls[j], waarde=ls[j].waarde - 0.01)
        assert not zelfde_verdeling(p, dataclasses.replace(q, leveranciers=tuple(gebroken)))
    meer = list(ls)
    meer[i] = dataclasses.replace(ls[i], capaciteit=ls[i].capaciteit + 1)
    assert not zelfde_verdeling(p, dataclasses.replace(q, leveranciers=tuple(meer)))
    for regel in (
        {"min_volume": 1},
        {"min_leveranciers": 1},
        {"max_leveranciers": 9},
        {"max_leveranciers_per_gemeente": 9},
        {"per_subregio": True},
        {"budget_per_gemeente": {"G0": 10**9}},
    ):
        r = p.regels.model_copy(update=regel)
        assert not zelfde_verdeling(dataclasses.replace(p, regels=r), dataclasses.replace(q, regels=r))
    budget = {g: 10.0**9 for g in p.vraag}
    assert not zelfde_verdeling(dataclasses.replace(p, budget=budget), dataclasses.replace(q, budget=budget))
    assert not zelfde_verdeling(p, dataclasses.replace(q, vraag={g: d + 1 for g, d in q.vraag.items()}))


@given(st.none() | st.floats(0, 1))
def test_regels_met_alleen_een_aandeel_zonder_validatie_gelijk(aandeel: float | None) -> None:
    """zelfde_verdeling compares the lot's rules with Verdeelregels.model_construct(max_aandeel=...): the same
    model, equal and unequal to exactly what the validated one is, for any share a tender can set."""
    zonder = Verdeelregels.model_construct(max_aandeel=aandeel)
    met = Verdeelregels(max_aandeel=aandeel)
    assert zonder == met and zonder.model_dump() == met.model_dump()
    assert zonder != Verdeelregels(max_aandeel=aandeel, min_volume=1)

"""One precision for ranking, ties and allocation (evaluatie.prijs.precisie): property tests over
totals at every rounding boundary of the 4th decimal, with the real ranking, the real path from
ranking to allocation problem, the real solver and the real draw detection."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluatie.definitie.model import Verdeelregels
from evaluatie.gunning.uitvoeren import gelijke_standen, leveranciers
from evaluatie.prijs.basis import Kandidaat
from evaluatie.prijs.precisie import SCHAAL, punten, punten_vector
from evaluatie.prijs.rangorde import Rangregel, rangschik
from evaluatie.verdeling.model import Verdeelprobleem
from evaluatie.verdeling.verdelen import verdeel
from tests.test_eigenschappen import _perceel

INSTELLINGEN = settings(max_examples=60, deadline=None, derandomize=True)
CAPACITEIT = 10
# Offsets (in units of the 4th decimal) on and around every kind of rounding boundary.
RANDEN = [0.0, 1e-9, -1e-9, 0.5, 0.5 - 1e-7, 0.5 + 1e-7, -0.5, -0.5 + 1e-9, 0.4999999999, 1.0, 1e-5, -1e-5]


@st.composite
def bijna_gelijk(draw: st.DrawFn) -> list[tuple[float, float]]:
    """3-4 bids with (quality, price): qualities on or near the same rounding boundaries, prices free
    (the cheapest bid is often not the best, to tempt a cost step)."""
    basis = draw(st.integers(400_000, 900_000))
    uit = []
    for _ in range(draw(st.integers(3, 4))):
        stap = draw(st.integers(0, 1))
        rand = draw(st.sampled_from(RANDEN))
        uit.append(((basis + stap + rand) / SCHAAL, float(draw(st.integers(8000, 10000)))))
    return uit


def _probleem(rangorde: list[Rangregel], methode: str) -> Verdeelprobleem:
    """One gemeente; every bid serves it with the same capacity; demand leaves the last bid short,
    so the allocation's preference order is visible in the volumes."""
    vraag = CAPACITEIT * (len(rangorde) - 1) - CAPACITEIT // 2
    aanbod = {r.inschrijver: (CAPACITEIT, ("G",)) for r in rangorde}
    return Verdeelprobleem(
        "B1", "B1-route", {"G": vraag}, {"G": "R"}, leveranciers(methode, rangorde, aanbod), Verdeelregels()
    )


def _volumes(rangorde: list[Rangregel], methode: str) -> dict[str, int]:
    return verdeel(_probleem(rangorde, methode), "highs").per_leverancier()


@INSTELLINGEN
@given(biedingen=bijna_gelijk(), methode=st.sampled_from(["vaste_prijs", "relatief"]))
def test_voorkeur_van_de_verdeling_is_de_rangorde(biedingen: list[tuple[float, float]], methode: str) -> None:
    """Under relatief every bid has the same price, so the totals carry the near-ties of the quality
    through the weighting; under vaste_prijs the total is the quality and the prices differ."""
    perceel = _perceel(methode).model_copy(update={"bij_gelijke_stand": []})
    gelijk_geprijsd = methode == "relatief"
    kandidaten = [
        Kandidaat(f"B{i}", 9000.0 if gelijk_geprijsd else p, q, CAPACITEIT, 4) for i, (q, p) in enumerate(biedingen)
    ]
    rangorde = rangschik(perceel, kandidaten)
    # Tied in the ranking exactly when the compared totals are equal.
    for a in rangorde:
        for b in rangorde:
            assert (a.rang == b.rang) == (punten(a.totaal) == punten(b.totaal))
    # The allocation serves in ranking order (ties in the order the ranking lists them), never by price.
    volumes = _volumes(rangorde, methode)
    rest = sum(CAPACITEIT for _ in rangorde) - CAPACITEIT - CAPACITEIT // 2
    verwacht = {}
    for r in rangorde:
        verwacht[r.inschrijver] = min(CAPACITEIT, rest)
        rest -= verwacht[r.inschrijver]
    assert {n: v for n, v in volumes.items() if v} == {n: v for n, v in verwacht.items() if v}
    # Every exact tie whose order changes the allocation asks for a draw; one that does not, does not.
    standen = gelijke_standen("B1", rangorde, lambda r: verdeel(_probleem(r, methode), "highs"))
    for stand in standen:
        verschillend = len({volumes.get(n, 0) for n in stand.inschrijvers}) > 1
        assert stand.beslissend == verschillend, stand


@INSTELLINGEN
@given(x=st.floats(0, 200, allow_nan=False), rand=st.sampled_from(RANDEN))
def test_scalair_en_vector_ronden_gelijk(x: float, rand: float) -> None:
    """The certainty analysis (vector) and the ranking (scalar) compare the same units."""
    waarde = (round(x * SCHAAL) + rand) / SCHAAL
    assert punten(waarde) == int(punten_vector([waarde])[0])


def test_voorbeeld_uit_het_issue_gelijk_op_vier_decimalen() -> None:
    """82.000037 and 82.0 are equal at 4 decimals: the ranking ties them, the published rule
    (laagste_prijs) puts B first, and the allocation serves that bid first,
    although the other is cheaper (8.000 against 8.648,64).
    Here the quality ties too, so the published rule is laagste_prijs; without a rule a draw is asked."""
    perceel = _perceel("vaste_prijs").model_copy(update={"bij_gelijke_stand": ["laagste_prijs"]})
    kandidaten = [Kandidaat("A", 8648.64, 82.000037, CAPACITEIT, 4), Kandidaat("B", 8000.0, 82.0, CAPACITEIT, 4)]
    rangorde = rangschik(perceel, kandidaten)
    assert [(r.inschrijver, r.rang, r.beslist_door) for r in rangorde] == [
        ("B", 1, "laagste_prijs"),
        ("A", 2, "laagste_prijs"),
    ]
    perceel = perceel.model_copy(update={"bij_gelijke_stand": []})
    rangorde = rangschik(perceel, kandidaten)
    assert [r.gelijke_stand for r in rangorde] == [True, True]
    standen = gelijke_standen("B1", rangorde, lambda r: verdeel(_probleem(r, "vaste_prijs"), "highs"))
    assert [s.beslissend for s in standen] == [True]  # 10 against 5: the order matters, a draw is needed


@pytest.mark.parametrize("oplosser", ["highs", "cbc"])
def test_verschil_op_de_vierde_decimaal_telt(oplosser: str) -> None:
    """82.0001 beats 82.0 in the ranking and in the allocation, whatever the price."""
    perceel = _perceel("vaste_prijs").model_copy(update={"bij_gelijke_stand": []})
    kandidaten = [Kandidaat("A", 9900.0, 82.0001, CAPACITEIT, 4), Kandidaat("B", 8000.0, 82.0, CAPACITEIT, 4)]
    rangorde = rangschik(perceel, kandidaten)
    assert [r.inschrijver for r in rangorde] == ["A", "B"] and not any(r.gelijke_stand for r in rangorde)
    p = _probleem([*rangorde, rangorde[-1].model_copy(update={"inschrijver": "C", "totaal": 10.0})], "vaste_prijs")
    assert verdeel(p, oplosser).per_leverancier() == {"A": 10, "B": 5}


def _regel(naam: str, totaal: float, rang: int) -> Rangregel:
    return Rangregel(
        inschrijver=naam,
        kwaliteit=totaal,
        prijs=9000.0,
        prijsscore=0.0,
        totaal=totaal,
        rang=rang,
        gelijke_stand=False,
        beslist_door=None,
        gunningswaarde=totaal,
        berekening="",
    )


def test_brief_zegt_wanneer_totalen_pas_na_de_getoonde_decimalen_verschillen() -> None:
    """82,0049 and 82,0001 both show as 82,00: the letter gives the 4 decimals that decided.
    82,0049 against 82,0149 show as 82,00 and 82,01: visibly different, no extra sentence."""
    from evaluatie.rapport.gelijkestand import decimalen_zin

    eigen = _regel("A", 82.0001, 2)
    assert decimalen_zin(eigen, [_regel("B", 82.0049, 1)]) == (
        "Uw totaalscore en die van B verschillen pas na de tweede decimaal. Vergeleken wordt op 4 decimalen: "
        "u 82,0001, B 82,0049."
    )
    assert decimalen_zin(_regel("A", 82.0049, 2), [_regel("B", 82.0149, 1)]) is None
    assert decimalen_zin(eigen, [_regel("B", 82.00012, 1)]) is None  # equal at 4 decimals: a tie, said elsewhere


def test_advies_toont_genoeg_decimalen() -> None:
    """The advies table shows 4 decimals exactly when two different compared totals look equal at 2."""
    from evaluatie.rapport.gelijkestand import decimalen_nodig

    assert decimalen_nodig([_regel("A", 82.0049, 1), _regel("B", 82.0001, 2)]) == 4
    assert decimalen_nodig([_regel("A", 82.0149, 1), _regel("B", 82.0001, 2)]) == 2
    assert decimalen_nodig([_regel("A", 82.00001, 1), _regel("B", 82.0, 1)]) == 2  # a tie: equal at 4 too

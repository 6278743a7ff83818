"""No outcome depends on a bidder's name: renaming and reordering the bidders gives the same
allocation per bidder, or (when a tie's order matters) the same demand for a draw."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from evaluatie.definitie.model import Verdeelregels
from evaluatie.fouten import EvaluatieFout
from evaluatie.gunning.uitvoeren import gelijke_standen
from evaluatie.prijs.basis import Kandidaat
from evaluatie.prijs.rangorde import rangschik
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem
from evaluatie.verdeling.verdelen import verdeel
from tests.test_eigenschappen import _perceel

VRAAG = {"G1": 8, "G2": 5, "G3": 4}
NAMEN = ["Aadorp Taal", "Zwolle Leert", "Midden Inburgering", "Brug", "Kompas", "Yde", "Ede"]

bod_st = st.tuples(
    st.sampled_from([8000.0, 9000.0]),  # few prices and qualities: ties are common
    st.sampled_from([50.0, 75.0]),
    st.integers(3, 15),
    st.sets(st.sampled_from(sorted(VRAAG)), min_size=1),
)


def _uitkomst(perceel, regels: Verdeelregels, biedingen: list[tuple[str, tuple]], id_van: dict[str, int]):
    """The award in terms of bidder ids: the allocation per id and gemeente, or the ties needing a draw."""
    kandidaten = [Kandidaat(naam, prijs, q, cap, 4) for naam, (prijs, q, cap, _) in biedingen]
    gemeenten = {naam: tuple(sorted(gs)) for naam, (_, _, _, gs) in biedingen}
    rangorde = rangschik(perceel, kandidaten)

    def verdeel_met(rangorde_):
        p = Verdeelprobleem(
            "B1",
            "B1-route",
            dict(VRAAG),
            {g: "R" for g in VRAAG},
            tuple(
                Leverancier(r.inschrijver, r.gunningswaarde, r.prijs, k.capaciteit, gemeenten[r.inschrijver], i)
                for i, r in enumerate(rangorde_)
                for k in kandidaten
                if k.inschrijver == r.inschrijver
            ),
            regels,
        )
        return verdeel(p)

    try:
        standen = gelijke_standen("B1", rangorde, verdeel_met)
        blok = frozenset(frozenset(id_van[n] for n in st_.inschrijvers) for st_ in standen if st_.beslissend)
        if blok:
            return ("loting", blok)
        v = verdeel_met(rangorde)
    except EvaluatieFout:
        return ("onhaalbaar", None)
    return ("verdeling", frozenset((id_van[t.inschrijver], t.gemeente, t.aantal) for t in v.toewijzing))


@settings(max_examples=20, deadline=None)
@given(
    biedingen=st.lists(bod_st, min_size=2, max_size=4),
    methode=st.sampled_from(["relatief", "vaste_prijs"]),
    max_per_gemeente=st.sampled_from([None, 1, 2]),
    data=st.data(),
)
def test_hernoemen_en_herordenen_verandert_de_verdeling_niet(biedingen, methode, max_per_gemeente, data) -> None:
    perceel = _perceel(methode)
    regels = Verdeelregels(max_leveranciers_per_gemeente=max_per_gemeente)
    oud = [f"B{i}" for i in range(len(biedingen))]
    nieuw = data.draw(st.permutations(NAMEN))[: len(biedingen)]
    volgorde = data.draw(st.permutations(range(len(biedingen))))
    voor = _uitkomst(perceel, regels, list(zip(oud, biedingen, strict=True)), {n: i for i, n in enumerate(oud)})
    na = _uitkomst(
        perceel,
        regels,
        [(nieuw[i], biedingen[i]) for i in volgorde],
        {n: i for i, n in enumerate(nieuw)},
    )
    assert voor == na

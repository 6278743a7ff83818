"""The shortcuts in the robustness analyses give what solving again gives (real solver runs).

- zekerheid.marge.een_meer_verandert: where it says one more place changes a supplier's share,
  solving the allocation with that place added must give the supplier a different share; and
  the capacity margins of the example are the same with the shortcut switched off.
- gunning.uitvoeren.gelijke_standen with the award's own allocation for the unchanged order
  gives the same verdict as solving every order.
Random small lots (seeded), every rule the allocation knows, several subregio's.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluatie.definitie.model import Verdeelregels
from evaluatie.fouten import EvaluatieFout
from evaluatie.gunning.uitvoeren import gelijke_standen
from evaluatie.pipeline import gun
from evaluatie.prijs.basis import Kandidaat, methoden
from evaluatie.prijs.rangorde import rangschik
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem, Verdeling
from evaluatie.verdeling.verdelen import verdeel
from evaluatie.werkmap import Werkmap
from evaluatie.zekerheid import marge
from evaluatie.zekerheid.uitvoeren import zekerheid
from tests.test_eigenschappen import _perceel

VRAAG = {"G1": 9, "G2": 6, "G3": 5, "G4": 3}
SUBREGIO = {"G1": "Noord", "G2": "Noord", "G3": "Zuid", "G4": "Zuid"}

leverancier_st = st.tuples(
    st.sampled_from([50, 60, 70, 80]),  # value: few values, so equal values occur
    st.sampled_from([8000.0, 9000.0, 9500.0]),
    st.integers(1, 14),
    st.sets(st.sampled_from(sorted(VRAAG)), min_size=1),
)
regels_st = st.fixed_dictionaries(
    {},
    optional={
        "max_aandeel": st.sampled_from([0.4, 0.6]),
        "min_volume": st.integers(2, 4),
        "min_leveranciers": st.integers(1, 3),
        "max_leveranciers": st.integers(2, 4),
        "max_leveranciers_per_gemeente": st.integers(1, 2),
        "per_subregio": st.just(True),
    },
)
budget_st = st.dictionaries(st.sampled_from(sorted(VRAAG)), st.sampled_from([0.9, 0.95, 1.0]), max_size=2)


def _probleem(leveranciers: list[tuple], regels: dict, budget: dict[str, float]) -> Verdeelprobleem:
    return Verdeelprobleem(
        perceel="B1",
        perceelnaam="B1-route",
        vraag=dict(VRAAG),
        subregio=dict(SUBREGIO),
        leveranciers=tuple(
            Leverancier(f"L{i}", float(w), prijs, cap, tuple(sorted(gs)), i)
            for i, (w, prijs, cap, gs) in enumerate(leveranciers)
        ),
        regels=Verdeelregels(**regels),
        budget={g: f * VRAAG[g] * 9500.0 for g, f in budget.items()},
    )


@settings(derandomize=True, max_examples=120, deadline=None)
@given(st.lists(leverancier_st, min_size=2, max_size=5), regels_st, budget_st)
def test_een_meer_verandert_alleen_waar_opnieuw_oplossen_dat_ook_zegt(leveranciers, regels, budget) -> None:
    # values in ranking order, as the award builds the problem
    leveranciers = sorted(leveranciers, key=lambda x: -x[0])
    p = _probleem(leveranciers, regels, budget)
    try:
        v = verdeel(p, "highs")
    except EvaluatieFout:
        return
    kregen = v.per_leverancier()
    for i, s in enumerate(p.leveranciers):
        if kregen.get(s.naam, 0) != s.capaciteit or not marge.een_meer_verandert(p, v.toewijzing, i):
            continue
        ander = list(p.leveranciers)
        ander[i] = dataclasses.replace(s, capaciteit=s.capaciteit + 1)
        meer = verdeel(dataclasses.replace(p, leveranciers=tuple(ander)), "highs")
        assert meer.per_leverancier().get(s.naam, 0) != s.capaciteit


def test_een_meer_verandert_wordt_ook_gebruikt() -> None:
    """Rank 1 at full capacity next to a lower value in the same gemeente: proven without a solve.
    With a budget in every gemeente and rank 1 the dearer bid, the move could break a budget, so
    the shortcut proves nothing and the search solves."""
    p = _probleem([(80, 9500.0, 5, {"G1", "G2"}), (60, 8000.0, 30, set(VRAAG))], {}, {})
    v = verdeel(p, "highs")
    assert v.per_leverancier() == {"L0": 5, "L1": 18}
    assert marge.een_meer_verandert(p, v.toewijzing, 0)
    q = _probleem([(80, 9500.0, 5, {"G1", "G2"}), (60, 8000.0, 30, set(VRAAG))], {}, dict.fromkeys(VRAAG, 1.0))
    w = verdeel(q, "highs")
    assert w.per_leverancier() == {"L0": 5, "L1": 18}
    assert not marge.een_meer_verandert(q, w.toewijzing, 0)


def test_capaciteitsmarges_gelijk_zonder_kortere_weg(voorbeeld_bron: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    award = gun(Werkmap(voorbeeld_bron))
    met = zekerheid(award)
    gebruikt = [
        (code, naam)
        for code, z in met.items()
        for naam in (c.inschrijver for c in z.capaciteit)
        if marge.een_meer_verandert(
            *_probleem_van(award, code),
            next(i for i, s in enumerate(_probleem_van(award, code)[0].leveranciers) if s.naam == naam),
        )
    ]
    assert gebruikt  # the example has suppliers at full capacity next to lower values
    monkeypatch.setattr(marge, "een_meer_verandert", lambda *args: False)
    zonder = zekerheid(award)
    assert {c: z.capaciteit for c, z in met.items()} == {c: z.capaciteit for c, z in zonder.items()}


def _haalbaar(p: Verdeelprobleem, i: int, capaciteit: int) -> str | None:
    """None when lot p has an allocation with supplier i at `capaciteit`, else why not (verdeel's own words)."""
    ander = list(p.leveranciers)
    ander[i] = dataclasses.replace(ander[i], capaciteit=capaciteit)
    try:
        verdeel(dataclasses.replace(p, leveranciers=tuple(ander)), "highs")
    except EvaluatieFout as e:
        return "; ".join(e.meldingen)
    return None


@settings(derandomize=True, max_examples=60, deadline=None)
@given(st.lists(leverancier_st, min_size=2, max_size=5), regels_st, budget_st, st.data())
def test_lagere_capaciteit_zoals_beide_vragen_apart(leveranciers, regels, budget, data) -> None:
    """_lager answers what asking every capacity from laag to hoog apart answers: the lowest with an allocation, and
    the range below it (from laag) without one, with the reason at its top; no allocation up to hoog: the whole range,
    the reason at hoog."""
    p = _probleem(sorted(leveranciers, key=lambda x: -x[0]), regels, budget)
    i = data.draw(st.integers(0, len(p.leveranciers) - 1))
    hoog = data.draw(st.integers(0, p.leveranciers[i].capaciteit))
    laag = data.draw(st.integers(0, hoog))
    redenen = {c: _haalbaar(p, i, c) for c in range(laag, hoog + 1)}
    mogelijk = [c for c, r in redenen.items() if r is None]
    if not mogelijk:
        verwacht = (None, laag, hoog, redenen[hoog])
    elif mogelijk[0] == laag:
        verwacht = (laag, None, None, None)
    else:
        verwacht = (mogelijk[0], laag, mogelijk[0] - 1, redenen[mogelijk[0] - 1])
    assert mogelijk == list(range(mogelijk[0], hoog + 1)) if mogelijk else True  # feasibility grows with capacity
    assert marge._lager(p, i, hoog, laag, "highs") == verwacht


def test_lagere_capaciteit_met_een_verdeling_bij_de_laagste_een_vraag(
    voorbeeld_bron: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """B1 of the example: Taalhuis (49 of capacity 60) at the lowest valid capacity (the knock-out's 10% of 98, rounded up: 10) leaves
    room for the others, so one question answers both: no second allocation one below its share (48)."""
    from evaluatie.verdeling import haalbaarheid

    award = gun(Werkmap(voorbeeld_bron), "B1")
    p, _ = _probleem_van(award, "B1")
    i = next(i for i, s in enumerate(p.leveranciers) if s.naam == "Taalhuis De Brug B.V.")
    assert _haalbaar(p, i, 10) is None and _haalbaar(p, i, 48) is None
    gevraagd: list[int] = []
    echt = haalbaarheid.aantoonbaar_haalbaar

    def tel(q: Verdeelprobleem) -> bool:
        gevraagd.append(q.leveranciers[i].capaciteit)
        return echt(q)

    monkeypatch.setattr(haalbaarheid, "aantoonbaar_haalbaar", tel)
    c = marge.capaciteitsmarge(award, "B1", "highs", "Taalhuis De Brug B.V.")
    assert (c.minimum, c.laagste, c.onmogelijk_vanaf, c.onmogelijk_tot, c.onmogelijk) == (10, 10, None, None, None)
    assert gevraagd == [10]


def _probleem_van(award, code: str) -> tuple[Verdeelprobleem, tuple]:
    from evaluatie.gunning.uitvoeren import verdeelprobleem

    p = award.uitslag.percelen[code]
    return verdeelprobleem(award.invoer.aanbesteding, code, p.rangorde, award.invoer.inschrijvingen), p.toewijzing


kandidaat_st = st.tuples(
    st.sampled_from([8000.0, 9000.0]),
    st.sampled_from([50.0, 75.0]),
    st.integers(3, 15),
    st.sets(st.sampled_from(sorted(VRAAG)), min_size=1),
)


@settings(derandomize=True, max_examples=60, deadline=None)
@given(st.lists(kandidaat_st, min_size=2, max_size=5), regels_st)
def test_gelijke_standen_met_eigen_verdeling_gelijk(biedingen, regels) -> None:
    perceel = _perceel("relatief")
    kandidaten = [Kandidaat(f"Bieder {i}", prijs, q, cap, 4) for i, (prijs, q, cap, _) in enumerate(biedingen)]
    gemeenten = {f"Bieder {i}": tuple(sorted(gs)) for i, (_, _, _, gs) in enumerate(biedingen)}
    rangorde = rangschik(perceel, kandidaten)
    opgelost: list[int] = []

    def verdeel_met(r) -> Verdeling:
        opgelost.append(1)
        cap = {k.inschrijver: k.capaciteit for k in kandidaten}
        p = Verdeelprobleem(
            "B1",
            "B1-route",
            dict(VRAAG),
            dict(SUBREGIO),
            tuple(
                Leverancier(x.inschrijver, x.gunningswaarde, x.prijs, cap[x.inschrijver], gemeenten[x.inschrijver], i)
                for i, x in enumerate(r)
            ),
            Verdeelregels(**regels),
        )
        return verdeel(p, "highs")

    try:
        eigen = verdeel_met(rangorde)
        zonder = gelijke_standen("B1", rangorde, verdeel_met)
        n_zonder = len(opgelost)
        met = gelijke_standen("B1", rangorde, verdeel_met, eigen)
    except EvaluatieFout:
        return
    assert met == zonder
    if zonder:  # one solve fewer per tie: the unchanged order is not solved again
        assert len(opgelost) - n_zonder == n_zonder - 1 - len(zonder)


@pytest.mark.parametrize("naam", sorted(methoden()))
def test_marges_met_onthouden_prijsstap_gelijk(naam: str, voorbeeld_bron: Path) -> None:
    """Every price method: both margins of every bid, with the price stage remembered per input
    (marge._onthoud_bereken) and computed afresh each time, are equal."""
    from evaluatie.prijs.basis import methode

    award = gun(Werkmap(voorbeeld_bron))
    for code, p in award.uitslag.percelen.items():
        perceel = award.invoer.aanbesteding.percelen[code].model_copy(update={"prijsmethode": naam})
        per_naam = {i.naam: i.aanbod[code] for i in award.invoer.inschrijvingen if code in i.aanbod}
        kandidaten = [
            Kandidaat(r.inschrijver, r.prijs, r.kwaliteit, per_naam[r.inschrijver].capaciteit, 4) for r in p.rangorde
        ]
        vers, onthoudend = methode(naam), methode(naam)
        marge._onthoud_bereken(onthoudend)
        for k in kandidaten:
            for m in ("marge_kwaliteit", "marge_prijs"):
                assert getattr(onthoudend, m)(perceel, kandidaten, k.inschrijver) == getattr(vers, m)(
                    perceel, kandidaten, k.inschrijver
                )


def _bestanden(map_: Path) -> dict[str, bytes]:
    return {str(p.relative_to(map_)): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}


def _na_elkaar(award, map_: Path) -> dict[str, bytes]:
    """The reports as before: every analysis first, then every report (one after the other)."""
    from evaluatie.rapport.gegevens import Rapportgegevens
    from evaluatie.rapport.schrijven import schrijf_alle
    from evaluatie.rapport.zekerheid_html import zekerheid_html

    g = Rapportgegevens.uit_award(award, "2026-03-31 23:33:20 UTC")
    for code, z in zekerheid(award).items():
        g.zekerheid[code] = zekerheid_html(z, award.uitslag.percelen[code].naam)
    schrijf_alle(g, map_)
    return _bestanden(map_)


def test_analyses_naast_de_rapporten_zelfde_bestanden(voorbeeld_bron: Path, tmp_path: Path) -> None:
    from evaluatie.pipeline import schrijf_rapporten

    award = gun(Werkmap(voorbeeld_bron))
    schrijf_rapporten(award, tijdstempel="2026-03-31 23:33:20 UTC", map_=tmp_path / "naast")
    naast = _bestanden(tmp_path / "naast")
    assert "intern/zekerheid.html" in naast
    assert naast == _na_elkaar(award, tmp_path / "na")


def test_concept_zonder_analyses_zelfde_bestanden(
    voorbeeld: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No sender: an open point, so only the CONCEPT advies is written. It has no analyses, so none are
    computed (they would fail here), and the file is the same as with every analysis computed first."""
    import evaluatie.zekerheid.uitvoeren as uitvoeren
    from evaluatie.pipeline import schrijf_rapporten

    yaml = voorbeeld / "aanbesteding.yaml"
    tekst = yaml.read_text(encoding="utf-8")
    begin, eind = tekst.index("afzender:"), tekst.index("rechtsbescherming:")
    yaml.write_text(tekst[:begin] + tekst[eind:], encoding="utf-8")
    award = gun(Werkmap(voorbeeld))
    assert award.open_punten
    na = _na_elkaar(award, tmp_path / "na")
    assert list(na) == ["gunningsadvies.html"]

    def niet(*args: object, **kwargs: object) -> None:
        raise AssertionError("een concept berekent geen analyses")

    monkeypatch.setattr(uitvoeren, "LopendeZekerheid", niet)
    schrijf_rapporten(award, tijdstempel="2026-03-31 23:33:20 UTC", map_=tmp_path / "concept")
    assert _bestanden(tmp_path / "concept") == na

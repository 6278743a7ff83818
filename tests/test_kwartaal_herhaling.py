"""A quarterly report replays every earlier quarter; what it checks there it checks once, not again per quarter.

Nationally (bench/contractfase.py --kwartalen) the report of the twelfth quarter took 6.7 s cpu against 1.9 s for the
first: the table rule (`evaluatie.contract.tabel.cel_volgt`) was tested again for every period of every earlier
quarter, though its answer depends only on which series a reader knows over the period, and the stand went over all
placements once per supplier for the waiting persons. The reports stay byte for byte what they were (the diff of all
twelve quarters, old against new, is in the report of this change); these tests pin the two causes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from evaluatie.contract import openbaar, stand
from tests.hulp import synthetisch_contract

GEMEENTEN = ["Almelo", "Borne", "Dinkelland", "Enschede", "Haaksbergen"]


def test_de_tabelregel_beslist_ieder_patroon_een_keer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reg = synthetisch_contract(tmp_path, GEMEENTEN, 1, 200, jaren=2)
    echt = openbaar.cel_volgt
    gezien: list[tuple[object, ...]] = []

    def cel_volgt(cellen: list, rij: dict, kolom: dict, totaal: bool) -> bool:
        gezien.append((tuple(cellen), tuple(sorted(rij.items())), tuple(sorted(kolom.items())), totaal))
        return echt(cellen, rij, kolom, totaal)

    monkeypatch.setattr(openbaar, "cel_volgt", cel_volgt)
    o = openbaar.bepaal(reg, dt.date(2027, 12, 31))
    assert gezien  # eight quarters, three lots: the rule ran
    assert len(gezien) == len(set(gezien))  # the old code asked the same question again every later quarter
    monkeypatch.setattr(openbaar, "cel_volgt", echt)
    assert openbaar.bepaal(reg, dt.date(2027, 12, 31)) == o


def test_de_stand_leest_de_wachtenden_in_een_keer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reg = synthetisch_contract(tmp_path, GEMEENTEN, 1, 200, jaren=1)
    peil = dt.date(2026, 9, 30)
    per = stand.wachtenden_per_aanbieder(reg.plaatsingen, peil)
    # the definition as it was, supplier by supplier over all placements: the same persons in the same order
    for code, naam in reg.leveranciers:
        oud = []
        for p in reg.plaatsingen:
            if p.aangemeld is None or p.aangemeld > peil or p.bij(peil) != (code, naam):
                continue
            later = [q.aangemeld for q in reg.plaatsingen if (q.gemeente, q.klantnummer) == (p.gemeente, p.klantnummer)]
            if any(d is not None and p.aangemeld < d <= peil for d in later):
                continue
            if not any(d is not None and d <= peil for d in (p.gestart, p.gestopt)):
                oud.append((peil - (p.sinds(peil) or p.aangemeld)).days)
        assert per.get((code, naam), []) == oud

    def per_aanbieder(*_: object) -> list[int]:
        raise AssertionError("wachtenden per aanbieder: alle plaatsingen eenmaal per aanbieder gelezen")

    monkeypatch.setattr(stand, "wachtenden", per_aanbieder)  # the old stand called this for every supplier
    st = stand.bereken_stand(reg, peil)
    assert sum(len(p.wachtend_te_lang) for p in st.prestaties) == sum(
        1
        for (code, naam), s in reg.leveranciers.items()
        for d in per.get((code, naam), [])
        if d > s.wachttijd_weken * 7
    )


def test_het_advies_leest_de_wachtenden_in_een_keer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The advice skipped a supplier with people waiting longer than promised by asking `stand.wachtenden` for every
    supplier with an allocation, which read all placements each time; now one pass for all, with the same advice."""
    from evaluatie.contract import advies

    reg = synthetisch_contract(tmp_path, GEMEENTEN, 1, 200, jaren=1)
    peil = dt.date(2026, 9, 30)
    voor = advies.bereken_advies(reg, "Enschede", "B1", peil)
    assert len(voor.kandidaten) == 2  # two suppliers share Enschede's allocation: the old code read twice
    echt = stand.wachtenden_per_aanbieder
    keer: list[object] = []

    def geteld(*args: object) -> object:
        keer.append(args)
        return echt(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(stand, "wachtenden_per_aanbieder", geteld)
    monkeypatch.setattr(advies, "wachtenden_per_aanbieder", geteld, raising=False)
    assert advies.bereken_advies(reg, "Enschede", "B1", peil) == voor
    assert len(keer) == 1


def test_terug_naar_een_eerder_kwartaal_zonder_kopie() -> None:
    """A quarter whose replay differs from what was published is decided again from where the replay stood before it.
    That state used to be a copy of every series and of everything shown so far, made before every quarter (growing
    with the quarters); now the edges and writes since are taken back, to exactly the state before them."""
    from evaluatie.contract.verschil import Kennis

    k = Kennis([1, 2, 3, 5, 8, 13, 21], ["a", "b", "a", "c", "d", "e", "f"])
    k.verbind(0, 8)
    k.verbind(8, 13)
    voor = ({p: k.comp[p] for p in k.comp}, {c: list(v) for c, v in k.leden.items()})
    lengte = len(k.log)
    k.verbind(13, 21)  # a new point joins
    k.verbind(2, 5)  # a component of two new points
    k.verbind(0, 5)  # which merges with the first
    k.terug(lengte)
    assert (k.comp, k.leden) == voor
    assert k.personen(0, 3) == 2  # 'a' twice: 3 events, 2 persons

    v = openbaar._Verloop({"B1": [(dt.date(2026, 3, 31), 7)]}, {"B1": {1, 2}}, {(("T", "B1"), 1): {2: 7}}, {"B1": []})
    bewaard = v.bewaar()
    v.zet(("T", "B1"), 1, 3, 9)  # a new period of a series shown before
    v.zet(("G", "Noord", "B1"), 1, 3, "onderdrukt")  # a new series
    v.maandlijn["B1"].append((dt.date(2026, 4, 30), None))
    v.punten["B1"] |= {3}
    v.bekend["B1"].append((("E", "Noord", "B1", "Alfa"), 1, 3, 0))
    v.terug(bewaard)
    assert v == openbaar._Verloop(
        {"B1": [(dt.date(2026, 3, 31), 7)]}, {"B1": {1, 2}}, {(("T", "B1"), 1): {2: 7}}, {"B1": []}
    )

"""Properties across the pipeline (hypothesis), and their workspace-level counterparts."""

from __future__ import annotations

import json
from collections import deque
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from evaluatie.cli import main
from evaluatie.definitie import laad_aanbesteding
from evaluatie.definitie.model import Verdeelregels
from evaluatie.fouten import EvaluatieFout
from evaluatie.prijs.basis import Kandidaat, methoden
from evaluatie.prijs.rangorde import rangschik
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem
from evaluatie.verdeling.verdelen import verdeel
from tests.hulp import REPO

INSTELLINGEN = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
METHODEN = sorted(methoden())  # every registered price method


def _perceel(methode: str):
    a, _ = laad_aanbesteding(REPO / "bids/voorbeeld/aanbesteding.yaml")
    return a.percelen["B1"].model_copy(update={"prijsmethode": methode})


kandidaten_st = st.lists(st.tuples(st.integers(5000, 10000), st.integers(0, 100)), min_size=2, max_size=6).map(
    lambda rijen: [Kandidaat(f"B{i}", float(p), float(q), 10, 4) for i, (p, q) in enumerate(rijen)]
)


@INSTELLINGEN
@given(kandidaten=kandidaten_st, methode=st.sampled_from(METHODEN), data=st.data())
def test_volgorde_van_invoer_verandert_niets(kandidaten: list[Kandidaat], methode: str, data: st.DataObject) -> None:
    perceel = _perceel(methode)
    geschud = data.draw(st.permutations(kandidaten))
    assert rangschik(perceel, geschud) == rangschik(perceel, kandidaten)


@INSTELLINGEN
@given(kandidaten=kandidaten_st, methode=st.sampled_from(METHODEN), wie=st.integers(0, 5), extra=st.integers(1, 40))
def test_hogere_score_nooit_lagere_rang(kandidaten: list[Kandidaat], methode: str, wie: int, extra: int) -> None:
    perceel = _perceel(methode)
    k = kandidaten[wie % len(kandidaten)]
    voor = {r.inschrijver: r.rang for r in rangschik(perceel, kandidaten)}
    beter = [
        Kandidaat(x.inschrijver, x.prijs, min(100.0, x.kwaliteit + extra), 10, 4) if x is k else x for x in kandidaten
    ]
    na = {r.inschrijver: r.rang for r in rangschik(perceel, beter)}
    assert na[k.inschrijver] <= voor[k.inschrijver]


@INSTELLINGEN
@given(kandidaten=kandidaten_st, methode=st.sampled_from(METHODEN))
def test_marge_brengt_precies_op_gelijke_hoogte(kandidaten: list[Kandidaat], methode: str) -> None:
    """The closed-form margins are exact: applying them closes the gap, a bit less does not."""
    from evaluatie.prijs.basis import methode as kies

    perceel, m = _perceel(methode), kies(methode)
    for k in kandidaten:
        rest = [x for x in kandidaten if x is not k]
        for marge, maak in (
            (
                m.marge_kwaliteit(perceel, kandidaten, k.inschrijver),
                lambda d, k=k: Kandidaat(k.inschrijver, k.prijs, k.kwaliteit + d, 10, 4),
            ),
            (
                m.marge_prijs(perceel, kandidaten, k.inschrijver),
                lambda d, k=k: Kandidaat(k.inschrijver, k.prijs - d, k.kwaliteit, 10, 4),
            ),
        ):
            if not marge:
                continue
            assert m.achterstand(perceel, [*rest, maak(marge)], k.inschrijver) == pytest.approx(0, abs=1e-6)
            assert m.achterstand(perceel, [*rest, maak(marge * 0.99)], k.inschrijver) > 0


@INSTELLINGEN
@given(kandidaten=kandidaten_st, methode=st.sampled_from(METHODEN))
def test_marge_in_stappen_is_de_kleinste_die_de_eerste_haalt(kandidaten: list[Kandidaat], methode: str) -> None:
    """The margin as the sentence says it (tenths of a point, cents): with it the bid is level with or ahead of
    every other in the ranking (the ranking's own totals at its 4-decimal comparison), one step less is not."""
    from evaluatie.prijs.basis import methode as kies
    from evaluatie.prijs.precisie import punten
    from evaluatie.zekerheid.marge import in_stappen

    perceel, m = _perceel(methode), kies(methode)
    teken = 1 if m.hoger_is_beter else -1

    def haalt(lijst: list[Kandidaat], naam: str) -> bool:
        totaal = {r.inschrijver: teken * punten(r.totaal) for r in rangschik(perceel, lijst)}
        return all(totaal[naam] >= t for n, t in totaal.items() if n != naam)

    for i, k in enumerate(kandidaten):
        for wat, per in (("kwaliteit", 10), ("prijs", 100)):
            v = in_stappen(m, perceel, kandidaten, k.inschrijver, wat)
            if not v or (wat == "kwaliteit" and k.kwaliteit + v >= 100):
                continue
            n = round(v * per)
            assert n / per == v  # a whole number of tenths or cents, as the sentence says it

            def met(stappen: int, i: int = i, k: Kandidaat = k, wat: str = wat, per: int = per) -> list[Kandidaat]:
                if wat == "kwaliteit":
                    x = Kandidaat(k.inschrijver, k.prijs, k.kwaliteit + stappen / per, 10, 4)
                else:  # the lower price in whole cents, as a bid of that price is read
                    x = Kandidaat(k.inschrijver, (round(k.prijs * per) - stappen) / per, k.kwaliteit, 10, 4)
                return [*kandidaten[:i], x, *kandidaten[i + 1 :]]

            assert haalt(met(n), k.inschrijver)
            assert not haalt(met(n - 1), k.inschrijver)


@st.composite
def verdeelproblemen(draw: st.DrawFn) -> Verdeelprobleem:
    gemeenten = [f"G{i}" for i in range(draw(st.integers(1, 4)))]
    vraag = {g: draw(st.integers(0, 15)) for g in gemeenten}
    leveranciers = []
    for i in range(draw(st.integers(1, 4))):
        bediend = tuple(g for g in gemeenten if draw(st.booleans())) or (gemeenten[0],)
        leveranciers.append(
            Leverancier(
                f"S{i}",
                float(draw(st.integers(50, 100))),
                float(draw(st.integers(8000, 10000))),
                draw(st.integers(0, 30)),
                bediend,
                i,
            )
        )
    regels = Verdeelregels(max_aandeel=draw(st.sampled_from([None, 0.5, 0.7, 1.0])))
    return Verdeelprobleem("B1", "B1-route", vraag, dict.fromkeys(gemeenten, "R"), tuple(leveranciers), regels)


def _maximale_stroom(p: Verdeelprobleem) -> int:
    """Independent check (Edmonds-Karp): how many inburgeraars can be placed under capacity and share."""
    plafond = p.aandeelplafond()
    knopen = ["bron", *p.vraag, *[s.naam for s in p.leveranciers], "put"]
    cap: dict[tuple[str, str], int] = {}
    for g, d in p.vraag.items():
        cap["bron", g] = d
    for s in p.leveranciers:
        cap[s.naam, "put"] = s.capaciteit if plafond is None else min(s.capaciteit, plafond)
        for g in s.gemeenten:
            cap[g, s.naam] = 10**6
    stroom = 0
    while True:
        vorige = {"bron": None}
        rij = deque(["bron"])
        while rij and "put" not in vorige:
            u = rij.popleft()
            for v in knopen:
                if v not in vorige and cap.get((u, v), 0) > 0:
                    vorige[v] = u
                    rij.append(v)
        if "put" not in vorige:
            return stroom
        pad, v = [], "put"
        while vorige[v] is not None:
            pad.append((vorige[v], v))
            v = vorige[v]
        extra = min(cap[e] for e in pad)
        for u, v in pad:
            cap[u, v] -= extra
            cap[v, u] = cap.get((v, u), 0) + extra
        stroom += extra


@INSTELLINGEN
@given(p=verdeelproblemen(), oplosser=st.sampled_from(["highs", "cbc"]))
def test_verdeling_binnen_grenzen_en_vraag_gedekt_als_het_kan(p: Verdeelprobleem, oplosser: str) -> None:
    haalbaar = _maximale_stroom(p) == p.totaal
    try:
        v = verdeel(p, oplosser)
    except EvaluatieFout:
        assert not haalbaar
        return
    assert haalbaar
    per = v.per_leverancier()
    plafond = p.aandeelplafond()
    for s in p.leveranciers:
        assert per.get(s.naam, 0) <= s.capaciteit
        assert plafond is None or per.get(s.naam, 0) <= plafond
    for g, d in p.vraag.items():
        assert sum(t.aantal for t in v.toewijzing if t.gemeente == g) == d
    for t in v.toewijzing:
        assert t.gemeente in next(s for s in p.leveranciers if s.naam == t.inschrijver).gemeenten


@INSTELLINGEN
@given(p=verdeelproblemen(), nieuw=st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=3, max_size=12))
def test_hernoemen_verandert_alleen_de_naam(p: Verdeelprobleem, nieuw: str) -> None:
    try:
        voor = verdeel(p)
    except EvaluatieFout:
        return
    oud = p.leveranciers[0].naam
    nieuw = "X" + nieuw
    hernoemd = Verdeelprobleem(
        p.perceel,
        p.perceelnaam,
        p.vraag,
        p.subregio,
        tuple(
            Leverancier(nieuw if s.naam == oud else s.naam, s.waarde, s.prijs, s.capaciteit, s.gemeenten, s.rang)
            for s in p.leveranciers
        ),
        p.regels,
    )
    na = verdeel(hernoemd)
    terug = [(t.gemeente, oud if t.inschrijver == nieuw else t.inschrijver, t.aantal, t.kosten) for t in na.toewijzing]
    assert terug == [(t.gemeente, t.inschrijver, t.aantal, t.kosten) for t in voor.toewijzing]


def _gunning(ws: Path) -> dict:
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), "--geen-rapport"])
    assert res.exit_code == 0, res.output
    return json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))


def test_bestandsvolgorde_in_werkmap_verandert_niets(voorbeeld: Path, voorbeeld_bron: Path, tmp_path: Path) -> None:
    from tests.hulp import kopieer_voorbeeld

    basis = _gunning(kopieer_voorbeeld(voorbeeld_bron, tmp_path / "basis"))
    bestanden = sorted((voorbeeld / "inschrijvingen").iterdir())
    for i, pad in enumerate(bestanden):  # reverse the reading order
        pad.rename(pad.with_name(f"{len(bestanden) - i:02d}-{pad.name}"))
    anders = _gunning(voorbeeld)
    # a knock-out reason names the cell of the bidder's answer, in its file ('nieuwe.xlsx!Inschrijver!B8'): the name
    # is what changed, everything else stays the same
    namen = {f"{len(bestanden) - i:02d}-{pad.name}": pad.name for i, pad in enumerate(bestanden)}
    tekst = json.dumps(anders["percelen"])
    for nieuw, oud in namen.items():
        tekst = tekst.replace(nieuw, oud)
    assert json.loads(tekst) == basis["percelen"]


def test_hernoemen_van_inschrijver_in_werkmap(voorbeeld: Path, voorbeeld_bron: Path, tmp_path: Path) -> None:
    from tests.hulp import kopieer_voorbeeld

    basis = _gunning(kopieer_voorbeeld(voorbeeld_bron, tmp_path / "basis"))
    oud, nieuw = "Kompas Inburgering", "Koers Inburgering"
    for pad in [*(voorbeeld / "inschrijvingen").glob("*.xlsx"), *(voorbeeld / "beoordelingen").glob("*.xlsx")]:
        wb = load_workbook(pad)
        for ws in wb.worksheets:
            for rij in ws.iter_rows():
                for cel in rij:
                    if cel.value == oud:
                        cel.value = nieuw
        wb.save(pad)
    anders = _gunning(voorbeeld)
    assert json.loads(json.dumps(anders["percelen"]).replace(nieuw, oud)) == basis["percelen"]

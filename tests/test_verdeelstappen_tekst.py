"""Steps 2 and 4 of the allocation as published: the weighted sums the model maximises, never a waterfall outcome the
computation does not guarantee. Each counterexample runs through the real CLI (bids, panel, draw, award, published
method); the allocation is derived by hand, and the published texts must state the rule that decided it."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

from docx import Document
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from evaluatie.definitie.model import Verdeelregels
from evaluatie.rapport.verdeelregeltekst import stap2_is_waterval
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem
from evaluatie.verdeling.verdelen import verdeel
from tests.hulp import REPO, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel
from tests.test_besluiten import _brief, _loting, _run

# the sentences the texts used to publish; the computation never did what they say
WATERVAL_STAP2 = "inburgeraars bij de hoogst gerangschikte aanbieder, dan de volgende"
WATERVAL_STAP4 = "krijgt de hoogst gerangschikte aanbieder de gemeenten die het eerst in de aanbesteding staan"


def _gemeenten(*rijen: tuple[str, str, int]) -> list[dict[str, object]]:
    return [{"naam": n, "subregio": r, "inburgeraars": {"B1": d}} for n, r, d in rijen]


def _gegund(ws: Path, volgorde: str) -> dict[tuple[str, str], int]:
    """Panel (every bid the same score), the draw in `volgorde`, the award and the published method; the cells."""
    vul_panel(ws, dict.fromkeys(volgorde.split(";"), 75))
    assert _loting(ws, volgorde, "2026-04-01").exit_code == 0
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert _run("template", "systematiek", "--werkmap", str(ws)).exit_code == 0
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    return {(t["gemeente"], t["inschrijver"]): t["aantal"] for t in data["percelen"]["B1"]["toewijzing"] if t["aantal"]}


def _systematiek(ws: Path) -> str:
    return "\n".join(p.text for p in Document(str(ws / "gunningssystematiek.docx")).paragraphs)


def test_stap2_is_een_gewogen_rangsom_geen_waterval(tmp_path: Path) -> None:
    """Noord (1) and Oost (3) in subregio A, Zuid (3) in B; per_subregio; equal scores and prices, the draw
    S1, S2, S3. S1 (capacity 4) serves all, S2 (4) Noord and Oost, S3 (3) Zuid. Subregio A takes one supplier
    alone (Noord's 1 cannot be shared), so: S1 in A (4) and S3 in B (3): rank weights R = 3, 3 x 4 + 1 x 3 = 15;
    or S2 in A (4) and S1 in B (3): 2 x 4 + 3 x 3 = 17. Step 2 takes 17: S1 gets 3, although 'as many as
    possible at the best-ranked supplier' would give it 4."""
    data = kleine_aanbesteding(gemeenten=_gemeenten(("Noord", "A", 1), ("Oost", "A", 3), ("Zuid", "B", 3)))
    data["percelen"]["B1"]["verdeling"] = {"per_subregio": True}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "s1.xlsx", "S1", "11111111", [("B1", 9000, 4, 12, 4, "alle")])
    schrijf_bod(ws, "s2.xlsx", "S2", "22222222", [("B1", 9000, 4, 12, 4, "Noord; Oost")])
    schrijf_bod(ws, "s3.xlsx", "S3", "33333333", [("B1", 9000, 3, 12, 4, "Zuid")])
    assert _gegund(ws, "S1;S2;S3") == {("Noord", "S2"): 1, ("Oost", "S2"): 3, ("Zuid", "S1"): 3}
    # the published method states the weight that decided it, and the intent without a waterfall claim
    methode = " ".join(_systematiek(ws).split())
    assert (
        "2. daarbinnen zo veel mogelijk totaal van rangwicht x inburgeraars, waarbij het rangwicht van een aanbieder "
        "R − rang + 1 is, met R het aantal gerangschikte inschrijvingen op het perceel (de hoogst gerangschikte weegt "
        "R, de volgende R − 1, de laatste 1): zo weegt een hogere rang zwaarder, maar gekozen wordt het grootste "
        "totaal, en dat is niet altijd zo veel mogelijk inburgeraars bij de hoogst gerangschikte aanbieder en dan pas "
        "bij de volgende; bij gelijke totaalscore"
    ) in methode  # per_subregio: no claim that it equals the waterfall here (it does not)
    assert WATERVAL_STAP2 not in methode and "is het dat wel" not in methode
    # S1's letter explains the draw and what it counts for in the allocation: the weight, not 'first'
    brief = " ".join(_brief(ws, "s1").split())
    assert (
        "Dezelfde volgorde telt in de verdeling: bij gelijke totaalscore weegt de hoger gerangschikte inschrijving "
        "daar zwaarder (rangwicht R − rang + 1, met R het aantal gerangschikte inschrijvingen op het perceel; stap 2 "
        "van de verdeling in de gunningssystematiek); de prijs beslist daar niet."
    ) in brief
    assert "eerst inburgeraars" not in brief
    # S3 got nothing: S1 (same total, drawn before it) took Zuid. Its letter said 'krijgt de hoger gerangschikte
    # inschrijving eerst inburgeraars' in the explanation of its volume, next to the weight above, while S1's letter
    # says S1 got 3 of its 4 (per_subregio): one weight in both places now
    brief = " ".join(_brief(ws, "s3").split())
    assert (
        "U krijgt 0 van uw capaciteit van 3: S1 heeft dezelfde totaalscore en gaat voor door loting L1 van 1 april "
        "2026, in aanwezigheid van mr. J. Notaris, notaris; bij gelijke "
        "totaalscore weegt de hoger gerangschikte inschrijving in de verdeling zwaarder (rangwicht R − rang + 1"
    ) in brief
    assert "eerst inburgeraars" not in brief


def test_stap4_is_een_gewogen_som_geen_volgorde_van_gemeenten(tmp_path: Path) -> None:
    """No rule at all; Noord, Oost, Zuid, West with 1 each; equal scores and prices, the draw A, B, D, C, every
    capacity 1. A serves Noord and Oost, B Noord and Zuid, C Oost and Zuid, D West. Every supplier gets 1 in every
    allocation (demand 4, capacity 4), so step 4 decides: rank weights R = 4 (A 4, B 3, D 2, C 1), place weights
    G = 4 (Noord 16, Oost 9, Zuid 4, West 1), D in West (2) either way. A-Oost, B-Noord, C-Zuid: 4 x 9 + 3 x 16 +
    1 x 4 = 88; A-Noord, B-Zuid, C-Oost: 4 x 16 + 3 x 4 + 1 x 9 = 85. Step 4 takes 88: A, ranked first, does not get
    Noord, the gemeente listed first, although A-Noord is an allocation with the same totals."""
    data = kleine_aanbesteding(
        gemeenten=_gemeenten(("Noord", "A", 1), ("Oost", "A", 1), ("Zuid", "B", 1), ("West", "B", 1))
    )
    ws = maak_werkmap(tmp_path / "ws", data)
    for bestand, naam, kvk, waar in (
        ("a.xlsx", "A", "11111111", "Noord; Oost"),
        ("b.xlsx", "B", "22222222", "Noord; Zuid"),
        ("c.xlsx", "C", "33333333", "Oost; Zuid"),
        ("d.xlsx", "D", "44444444", "West"),
    ):
        schrijf_bod(ws, bestand, naam, kvk, [("B1", 9000, 1, 12, 4, waar)])
    assert _gegund(ws, "A;B;D;C") == {("Noord", "B"): 1, ("Oost", "A"): 1, ("Zuid", "C"): 1, ("West", "D"): 1}
    methode = " ".join(_systematiek(ws).split())
    assert (
        "4. met het aantal inburgeraars per aanbieder vast, daarbinnen zo veel mogelijk totaal over de gemeenten van "
        "rangwicht x plaatswicht x inburgeraars, waarbij het plaatswicht van een gemeente (G − plaats + 1)² is, met G "
        "het aantal gemeenten met vraag op het perceel en plaats haar plaats onder die gemeenten in de volgorde van de "
        "aanbesteding (de eerste weegt G², de laatste 1): zo gaan eerder genoemde gemeenten bij voorkeur naar hoger "
        "gerangschikte aanbieders, maar gekozen wordt het grootste totaal, en de hoogst gerangschikte aanbieder krijgt "
        "daardoor niet altijd de eerst genoemde gemeenten; 5. zijn er dan nog verschillende verdelingen"
    ) in methode
    assert WATERVAL_STAP4 not in methode
    # no rule but the capacity: there step 2 is the waterfall (proven, `stap2_is_waterval`), and the text says so
    assert (
        "en dan pas bij de volgende; onder de verdeelregels van dit perceel (alleen de capaciteit) is het dat wel: zo "
        "veel mogelijk inburgeraars bij de hoogst gerangschikte aanbieder, daarna bij de volgende, enzovoort; bij "
        "gelijke totaalscore"
    ) in methode


def _alle_verdelingen(vraag: dict[str, int], lev: list[Leverancier], plafond: list[int]) -> Iterator[list[int]]:
    """Every allocation that serves all demand within the caps, as supplier totals (brute force)."""
    per_gemeente = []
    for g, d in vraag.items():
        wie = [i for i, s in enumerate(lev) if g in s.gemeenten]
        per_gemeente.append(
            [[n[wie.index(i)] if i in wie else 0 for i in range(len(lev))] for n in _splitsingen(d, len(wie))]
        )
    for keuze in itertools.product(*per_gemeente):
        totalen = [sum(x[i] for x in keuze) for i in range(len(lev))]
        if all(t <= c for t, c in zip(totalen, plafond, strict=True)):
            yield totalen


def _splitsingen(n: int, k: int) -> Iterator[tuple[int, ...]]:
    if k == 0:
        if n == 0:
            yield ()
        return
    for i in range(n + 1):
        for rest in _splitsingen(n - i, k - 1):
            yield (i, *rest)


@st.composite
def _klein_perceel(draw: st.DrawFn) -> Verdeelprobleem:
    """1-3 gemeenten with 0-3 inburgeraars, 2-3 bids of value 1 or 2 (ties and differences), capacity 0-4, each
    serving a random part of the gemeenten, in ranking order (value, then the draw); maybe a max_aandeel."""
    gemeenten = [f"G{i}" for i in range(draw(st.integers(1, 3)))]
    vraag = {g: draw(st.integers(0, 3)) for g in gemeenten}
    bods = [
        (draw(st.sampled_from([1.0, 2.0])), draw(st.integers(0, 4)), tuple(g for g in gemeenten if draw(st.booleans())))
        for _ in range(draw(st.integers(2, 3)))
    ]
    bods.sort(key=lambda b: -b[0])
    lev = tuple(Leverancier(f"S{i}", w, 9000.0, c, gs, i) for i, (w, c, gs) in enumerate(bods))
    regels = Verdeelregels(max_aandeel=draw(st.sampled_from([None, 0.5, 0.7])))
    return Verdeelprobleem("B1", "B1-route", vraag, dict.fromkeys(gemeenten, "A"), lev, regels)


@settings(max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(_klein_perceel())
def test_stap2_is_de_waterval_onder_alleen_capaciteit_en_maximaal_aandeel(p: Verdeelprobleem) -> None:
    """The claim the published text makes for such lots (`stap2_is_waterval`), against a brute-force lexicographic
    model: among the allocations of maximal value, the totals that are lexicographically largest in ranking order."""
    assert stap2_is_waterval(p.regels)
    plafond = p.aandeelplafond()
    caps = [s.capaciteit if plafond is None else min(s.capaciteit, plafond) for s in p.leveranciers]
    kandidaten = list(_alle_verdelingen(p.vraag, list(p.leveranciers), caps))
    assume(kandidaten)
    waarde = max(sum(t * s.waarde for t, s in zip(k, p.leveranciers, strict=True)) for k in kandidaten)
    waterval = max(
        tuple(k) for k in kandidaten if sum(t * s.waarde for t, s in zip(k, p.leveranciers, strict=True)) == waarde
    )
    totalen = verdeel(p).per_leverancier()
    assert tuple(totalen.get(s.naam, 0) for s in p.leveranciers) == waterval


def test_oude_zinnen_zijn_weg_uit_de_readme() -> None:
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert WATERVAL_STAP2 not in readme and WATERVAL_STAP4 not in readme
    assert "aanbieder krijgt de gemeenten die het eerst in de aanbesteding staan" not in readme
    assert "krijgt de hoger gerangschikte inschrijving eerst inburgeraars" not in readme

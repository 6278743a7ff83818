"""Step 5 of the allocation: between allocations equal in steps 1-4 the published order of cells decides, whatever
engine found step 4's optimum, and the published method says exactly that (and no more) for the lot's rules."""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from evaluatie.definitie.model import Verdeelregels
from evaluatie.rapport.verdeelregeltekst import slotzin, verdeelstappen
from evaluatie.verdeling.stap5 import lexicografisch_optimum
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel
from tests.test_besluiten import _run
from tests.test_verdeelstappen_tekst import _gegund, _gemeenten, _systematiek

NOOIT = "Zo beslist nooit toeval of de rekenprogrammatuur tussen gelijkwaardige verdelingen."


def _gelijk_in_vier_stappen(root: Path, n: int = 1, per_subregio: bool = False) -> Path:
    """G1 .. G7 with 1 each; equal scores and prices, the draw C, A, B, D; A, B and C capacity 1, D 4. C serves G3 and
    G7, A G1 and G7, B G1 and G3, D G2, G4, G5 and G6. Every supplier's total is fixed by its capacity (demand 7,
    capacity 7), so steps 1-3 are equal for every allocation and step 4 decides: rank weights R = 4 (C 4, A 3, B 2,
    D 1), place weights G = 7 (49, 36, 25, 16, 9, 4, 1), D 1 x (36 + 16 + 9 + 4) = 65 either way, and
    A-G1, B-G3, C-G7: 3 x 49 + 2 x 25 + 4 x 1 = 201; B-G1, C-G3, A-G7: 2 x 49 + 4 x 25 + 3 x 1 = 201. Equal in all
    four steps: HiGHS took the first, CBC the second. `n`: G1, G3, G7 and the capacities of A, B and C n times as
    large (every mix of the two is equal then); `per_subregio`: every gemeente a subregio of its own."""
    rijen = [(f"G{i}", f"R{i}" if per_subregio else "A", n if i in (1, 3, 7) else 1) for i in range(1, 8)]
    data = kleine_aanbesteding(gemeenten=_gemeenten(*rijen))
    if per_subregio:
        data["percelen"]["B1"]["verdeling"] = {"per_subregio": True}
    ws = maak_werkmap(root, data)
    for bestand, naam, kvk, capaciteit, waar in (
        ("a.xlsx", "A", "11111111", n, "G1; G7"),
        ("b.xlsx", "B", "22222222", n, "G1; G3"),
        ("c.xlsx", "C", "33333333", n, "G3; G7"),
        ("d.xlsx", "D", "44444444", 4, "G2; G4; G5; G6"),
    ):
        schrijf_bod(ws, bestand, naam, kvk, [("B1", 9000, capaciteit, 12, 4, waar)])
    return ws


# Step 5: G1 first, the suppliers that serve it in ranking order: A (rank 2) before B (rank 3), so A-G1, and with
# it B-G3 and C-G7.
STAP5 = {
    ("G1", "A"): 1,
    ("G2", "D"): 1,
    ("G3", "B"): 1,
    ("G4", "D"): 1,
    ("G5", "D"): 1,
    ("G6", "D"): 1,
    ("G7", "C"): 1,
}


def _cellen(ws: Path) -> dict[tuple[str, str], int]:
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    return {(t["gemeente"], t["inschrijver"]): t["aantal"] for t in data["percelen"]["B1"]["toewijzing"] if t["aantal"]}


def test_stap5_beslist_tussen_verdelingen_die_in_vier_stappen_gelijk_zijn(tmp_path: Path) -> None:
    """The same allocation with either engine (before step 5, CBC gave B-G1, C-G3, A-G7), and the published method
    names step 5 and, for a lot with only the capacity as rule, that nothing else decides."""
    ws = _gelijk_in_vier_stappen(tmp_path / "ws")
    assert _gegund(ws, "C;A;B;D") == STAP5
    methode = " ".join(_systematiek(ws).split())
    assert (
        "5. zijn er dan nog verschillende verdelingen die in stap 1 tot en met 4 gelijk zijn (dat kan: een ruil langs "
        "drie of meer gemeenten en aanbieders kan in stap 4 per saldo 0 opleveren), dan gaat voor de verdeling met de "
        "meeste inburgeraars in de eerste gemeente (in de volgorde van de aanbesteding) bij de hoogst gerangschikte "
        "aanbieder, bij gelijkheid daarvan de meeste in die gemeente bij de volgende aanbieder in de rangorde, "
        "enzovoort, en daarna op dezelfde manier de tweede gemeente, enzovoort: twee verschillende verdelingen "
        f"verschillen ergens in een gemeente bij een aanbieder, dus deze stap laat er altijd één over. {NOOIT}"
    ) in methode
    for oplosser in ("cbc", "highs"):
        res = _run("gunning", "--werkmap", str(ws), "--solver", oplosser)
        assert res.exit_code == 0, res.output
        assert _cellen(ws) == STAP5, oplosser


@pytest.mark.parametrize(
    ("regels", "welke"),
    [
        (Verdeelregels(min_volume=2), ""),
        (
            Verdeelregels(max_leveranciers_per_gemeente=2),
            "Met het maximum aantal aanbieders per gemeente kiest stap 5 eerst",
        ),
        (Verdeelregels(per_subregio=True), "Met de verdeling per subregio kiest stap 5 eerst"),
        (
            Verdeelregels(budget_per_gemeente={"G1": 9000.0}),
            "Met het budget van G1 kiest stap 5 eerst op dezelfde manier zonder op die regel te letten",
        ),
        (
            Verdeelregels(budget_per_gemeente={"G1": 9000.0, "G2": 8000.0}),
            "Met de budgetten per gemeente kiest stap 5 eerst",
        ),
    ],
)
def test_slotzin_claimt_geen_beslissing_die_de_berekening_niet_neemt(regels: Verdeelregels, welke: str) -> None:
    """Under a rule other than capacity and max_aandeel two sets of totals can be equal in steps 1-3 (brute force:
    max_leveranciers 2 or min_volume 2 with equal bids), and under a rule on single gemeenten step 5 compares only
    the allocations that keep the rule by construction: the text says so instead of 'nooit'."""
    zin = slotzin(regels)
    assert NOOIT not in zin and NOOIT not in verdeelstappen(regels=regels)
    assert zin.startswith(
        "Laten stap 1 tot en met 3 bij de verdeelregels van dit perceel meer dan één aantal inburgeraars per aanbieder "
        "over (alleen zonder andere regels dan de capaciteit en het maximale aandeel is dat uitgesloten), dan bepaalt "
        "de rekenprogrammatuur welke aantallen in stap 4 en 5 vastliggen, niet een van deze stappen."
    )
    assert (welke in zin) if welke else ("stap 5 eerst" not in zin)
    assert zin.endswith(
        "Daarbuiten beslist nooit toeval of de rekenprogrammatuur tussen gelijkwaardige verdelingen, en dezelfde invoer "
        "geeft met dezelfde rekenprogrammatuur altijd dezelfde verdeling."
    )
    assert slotzin(Verdeelregels(max_aandeel=0.5)) == NOOIT


def test_een_regel_per_gemeente_die_niet_knelt_verandert_stap_5_niet(tmp_path: Path) -> None:
    """per_subregio with every gemeente a subregio of its own binds nowhere. G1, G3 and G7 have 2 each and A, B and C
    capacity 2: every mix of the two allocations above is equal in steps 1-4; the engine returns a vertex (CBC: B-G1,
    C-G3, A-G7, 2 each), where step 5 within the rule (no supplier in a gemeente where that vertex has none) could
    not move. Step 5 first decides without the rule: A gets G1's 2 (A before B in G1), then B G3's 2 and C G7's 2,
    which meets the rule, so that is the allocation with either engine, as without the rule. The published method
    says what step 5 compares under the rule."""
    ws = _gelijk_in_vier_stappen(tmp_path / "ws", n=2, per_subregio=True)
    verwacht = {**STAP5, ("G1", "A"): 2, ("G3", "B"): 2, ("G7", "C"): 2}
    assert _gegund(ws, "C;A;B;D") == verwacht
    for oplosser in ("cbc", "highs"):
        res = _run("gunning", "--werkmap", str(ws), "--solver", oplosser)
        assert res.exit_code == 0, res.output
        assert _cellen(ws) == verwacht, oplosser
    methode = " ".join(_systematiek(ws).split())
    assert NOOIT not in methode
    assert (
        "Met de verdeling per subregio kiest stap 5 eerst op dezelfde manier zonder op die regel te letten, onder "
        "alle verdelingen die in stap 4 dan even hoog uitkomen als de berekende (als die zonder de regel het hoogste "
        "totaal haalt); voldoet de gekozen verdeling aan de regel, dan is zij de uitkomst. Anders vergelijkt stap 5 "
        "alleen verdelingen zonder een aanbieder in een gemeente waar de berekende verdeling die aanbieder niet heeft, "
        "zonder een aanbieder minder in een gemeente (bij de verdeling per subregio); is een verdeling die daar niet "
        "aan voldoet ook in stap 1 tot en met 4 gelijk, dan bepaalt de rekenprogrammatuur welke het wordt."
    ) in methode


def _netwerk(zaad: int) -> tuple[list[tuple[int, int]], list[int], list[int], list[int], int, int]:
    """2-4 gemeenten x 2-4 suppliers, three in four cells open, bound 0-3, weight 0-1 (many equal optima), and a
    flow inside the bounds that fixes every gemeente's demand and every supplier's total. Cells in (gemeente,
    supplier) order, the order of step 5."""
    rnd = random.Random(zaad)
    gemeenten, aanbieders = rnd.randint(2, 4), rnd.randint(2, 4)
    cellen = [(gi, si) for gi in range(gemeenten) for si in range(aanbieders) if rnd.random() < 0.75]
    hi = [rnd.randint(0, 3) for _ in cellen]
    c = [rnd.randint(0, 1) for _ in cellen]
    x = [rnd.randint(0, h) for h in hi]
    return cellen, hi, c, x, gemeenten, aanbieders


def _sommen(cellen: list[tuple[int, int]], x: Sequence[int], gemeenten: int, aanbieders: int) -> tuple[int, ...]:
    """Every gemeente's demand and every supplier's total of flow x."""
    rij = [sum(v for (gi, _), v in zip(cellen, x, strict=True) if gi == a) for a in range(gemeenten)]
    kolom = [sum(v for (_, si), v in zip(cellen, x, strict=True) if si == b) for b in range(aanbieders)]
    return (*rij, *kolom)


def test_stap5_is_het_lexicografisch_maximum_over_de_optima() -> None:
    """Against brute force on 300 seeded networks: every flow with the same sums, the optima of the weights among
    them, and their lexicographic maximum over the cells; step 5 from any optimum (the one an engine might return)
    gives that one, and says 'unique' (None) only when there is one optimum."""
    meer = 0
    for zaad in range(300):
        cellen, hi, c, x0, gemeenten, aanbieders = _netwerk(zaad)

        stromen = [
            x
            for x in itertools.product(*(range(h + 1) for h in hi))
            if _sommen(cellen, x, gemeenten, aanbieders) == _sommen(cellen, x0, gemeenten, aanbieders)
        ]
        beste = max(sum(ck * xk for ck, xk in zip(c, x, strict=True)) for x in stromen)
        optima = [x for x in stromen if sum(ck * xk for ck, xk in zip(c, x, strict=True)) == beste]
        meer += len(optima) > 1
        start = list(optima[random.Random(-zaad).randrange(len(optima))])
        g = [gi for gi, _ in cellen]
        s = [gemeenten + si for _, si in cellen]
        uit = lexicografisch_optimum(start, [0] * len(cellen), hi, c, g, s, gemeenten + aanbieders)
        assert uit is not None or len(optima) == 1, zaad  # 'unique' is a proof
        assert tuple(start if uit is None else uit) == max(optima), zaad
    assert meer >= 20  # the seeds reach many networks with several optima


STAP5_ZIN = (
    "Stap 5 van de verdeling heeft beslist: er waren verschillende verdelingen die in stap 1 tot en met 4 gelijk zijn, "
    "en gekozen is die met de meeste inburgeraars in de eerste gemeente bij de hoogst gerangschikte aanbieder, "
    "enzovoort, zoals de gunningssystematiek bepaalt."
)


def _stap5_gemeld(ws: Path) -> tuple[bool, bool]:
    """(gunning.json's stap5_beslist for B1, whether the advies says that step 5 decided)."""
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    return data["percelen"]["B1"]["stap5_beslist"], STAP5_ZIN in html_tekst(ws / "rapporten" / "gunningsadvies.html")


def test_advies_zegt_wanneer_stap_5_besliste(tmp_path: Path) -> None:
    """The two allocations of _gelijk_in_vier_stappen are equal in steps 1-4 (201 and 65 by hand), so step 5 chose
    between them: the advies did not say so, and gunning.json did not either. Both say it now, with either engine
    (HiGHS found A-G1 itself, CBC B-G1: that step 5 decided is proven from the optima, not from the engine's pick).
    One supplier serving all gemeenten leaves one allocation: nothing is said."""
    ws = _gelijk_in_vier_stappen(tmp_path / "ws")
    assert _gegund(ws, "C;A;B;D") == STAP5
    for oplosser in ("cbc", "highs"):
        res = _run("gunning", "--werkmap", str(ws), "--solver", oplosser)
        assert res.exit_code == 0, res.output
        assert _stap5_gemeld(ws) == (True, True), oplosser

    ws = maak_werkmap(tmp_path / "uniek", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    vul_panel(ws, {"A": 75})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert _stap5_gemeld(ws) == (False, False)


def test_een_budget_heet_naar_zijn_gemeente() -> None:
    """One gemeente with a budget (Apeldoorn in the onderwijsroute): the published text spoke of 'de budgetten per
    gemeente' and 'iedere gemeente met een budget', a rule on many gemeenten; it names the one."""
    zin = slotzin(Verdeelregels(budget_per_gemeente={"Apeldoorn": 133000.0}))
    assert "Met het budget van Apeldoorn kiest stap 5 eerst" in zin, zin
    assert "en met dezelfde aantallen in Apeldoorn;" in zin, zin
    assert "budgetten" not in zin and "iedere gemeente met een budget" not in zin, zin

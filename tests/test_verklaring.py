"""Why a supplier got less than its capacity: each cause binds in turn in a small tender, and the
explanation (found by re-solving with the rule switched off, or from the solved model) names
exactly that cause. Every expected number is worked out by hand in the test's docstring."""

from __future__ import annotations

from pathlib import Path

from evaluatie.definitie.model import Verdeelregels
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem
from evaluatie.verdeling.verdelen import verdeel
from evaluatie.verdeling.verklaring import verklaar


def _lev(naam: str, waarde: float, capaciteit: int, gemeenten: tuple[str, ...], rang: int, prijs: float = 9000):
    return Leverancier(naam=naam, waarde=waarde, prijs=prijs, capaciteit=capaciteit, gemeenten=gemeenten, rang=rang)


def _probleem(vraag: dict[str, int], leveranciers, subregio=None, budget=None, **regels) -> Verdeelprobleem:
    return Verdeelprobleem(
        perceel="B1",
        perceelnaam="B1-route",
        vraag=vraag,
        subregio=subregio or {g: "R" for g in vraag},
        leveranciers=tuple(leveranciers),
        regels=Verdeelregels(**regels, budget_per_gemeente=budget or {}),
        budget=budget or {},
    )


def _verklaring(p: Verdeelprobleem, naam: str):
    v = verdeel(p)
    uit = {x.inschrijver: x for x in verklaar(p, v, verdeel)}
    return uit[naam], v.per_leverancier()


def test_beter_gerangschikte_capaciteit() -> None:
    """Demand 12: A (value 80, capacity 10) takes 10, B (value 70) the remaining 2 of its 10."""
    p = _probleem({"G1": 12}, [_lev("A", 80, 10, ("G1",), 0), _lev("B", 70, 10, ("G1",), 1)])
    x, kregen = _verklaring(p, "B")
    assert kregen == {"A": 10, "B": 2}
    assert x.oorzaken == ("beter_gerangschikt",)
    assert x.zin.startswith("B krijgt 2 van zijn capaciteit 10: ") and "hogere totaalscore (A: 10)" in x.zin


def test_max_aandeel() -> None:
    """max_aandeel 0.6 of 10 = 6: A stops at 6 of its 10, B gets 4."""
    p = _probleem({"G1": 10}, [_lev("A", 80, 10, ("G1",), 0), _lev("B", 70, 10, ("G1",), 1)], max_aandeel=0.6)
    x, kregen = _verklaring(p, "A")
    assert kregen == {"A": 6, "B": 4}
    assert x.oorzaken == ("max_aandeel",)
    assert "maximale aandeel van 60% van het volume (hoogstens 6 van 10)" in x.zin


def test_min_volume_van_een_ander() -> None:
    """Demand 10, A capacity 8, min_volume 5: B must get 0 or at least 5, so A gets 5 (B 5).
    Without min_volume A would get all 8 (B 2)."""
    p = _probleem({"G1": 10}, [_lev("A", 80, 8, ("G1",), 0), _lev("B", 70, 10, ("G1",), 1)], min_volume=5)
    x, kregen = _verklaring(p, "A")
    assert kregen == {"A": 5, "B": 5}
    assert x.oorzaken == ("min_volume",)
    assert "minimale volume van 5 per leverancier geeft B meer dan zonder die regel" in x.zin
    assert "zonder die regel zou het 8 krijgen" in x.zin


def test_min_volume_eigen_minimum_gehaald() -> None:
    """min_volume 3. G1 (1) and G2 (1) and G3 (3); A (70, capacity 9) serves only G3, B (60, rank 2) G2 and G3, C (60,
    rank 3) all three. Without the rule A takes G3's 3, B G2's 1 (better rank than C) and C G1's 1. With it C, the only
    one in G1, must get 0 or at least 3: G1, G2 and at least 1 of G3, so A could have at most 2, below the minimum,
    and gets 0; C gets all 5. A would get 3 without the rule, which meets the minimum of 3: 'wie volume krijgt, krijgt
    minstens 3' does not explain its 0; the rule gives C more, and the sentence says that."""
    lev = [_lev("A", 70, 9, ("G3",), 0), _lev("B", 60, 15, ("G2", "G3"), 1), _lev("C", 60, 13, ("G1", "G2", "G3"), 2)]
    p = _probleem({"G1": 1, "G2": 1, "G3": 3}, lev, min_volume=3)
    x, kregen = _verklaring(p, "A")
    assert kregen == {"C": 5}
    assert x.oorzaken == ("min_volume",)
    assert x.zin == (
        "A krijgt 0 van zijn capaciteit 9: het minimale volume van 3 per leverancier geeft C meer dan zonder die regel; "
        "zonder die regel zou het 3 krijgen, en niet meer: de gemeente die het bedient (G3) heeft 3 inburgeraars"
    )


def test_zonder_regel_geen_naam_van_wie_niets_krijgt() -> None:
    """The lot of test_min_volume_eigen_minimum_gehaald: B (capacity 15, G2 and G3) gets 0; without min_volume it
    would get G2's 1, while A takes G3's 3. A gets nothing in the award itself: the sentence, which goes into B's
    letter, counts it ('een inschrijver die in deze verdeling niets krijgt: 3') and does not name it."""
    lev = [_lev("A", 70, 9, ("G3",), 0), _lev("B", 60, 15, ("G2", "G3"), 1), _lev("C", 60, 13, ("G1", "G2", "G3"), 2)]
    p = _probleem({"G1": 1, "G2": 1, "G3": 3}, lev, min_volume=3)
    x, kregen = _verklaring(p, "B")
    assert kregen == {"C": 5}
    assert x.zin == (
        "B krijgt 0 van zijn capaciteit 15: wie volume krijgt, krijgt minstens 3 (minimaal volume); zonder die regel "
        "zou het 1 krijgen, en niet meer: van de vraag in de gemeenten die het bedient (4 inburgeraars) gaan er dan 3 "
        "naar een inschrijver met een hogere totaalscore (een inschrijver die in deze verdeling niets krijgt: 3)"
    )


def test_gelijke_stand_zonder_naam_van_wie_niets_krijgt() -> None:
    """K = 1, G1 (5) and G2 (5). C (90, capacity 7) serves both, A and B (80, capacity 3, an undecided tie on rank 2)
    only G1, D (60, capacity 10) both. With K each gemeente needs one supplier of 5: C one, D the other; A and B get 0
    in either order (no draw needed). Without K, C takes 7 and the first of A and B 3 (630 + 240), so A would get 0 or
    3 by the order of the tie. B gets nothing in the award: A's sentence, which goes into A's letter, counts it and does
    not name it ('rang 2 (A, een andere inschrijver)', in the letter 'een andere inschrijver en u')."""
    import dataclasses

    from evaluatie.rapport.aanspreken import tot_u

    lev = [
        _lev("C", 90, 7, ("G1", "G2"), 0),
        dataclasses.replace(_lev("A", 80, 3, ("G1",), 1), rangnummer=2),
        dataclasses.replace(_lev("B", 80, 3, ("G1",), 2), rangnummer=2),
        _lev("D", 60, 10, ("G1", "G2"), 3),
    ]
    p = _probleem({"G1": 5, "G2": 5}, lev, max_leveranciers_per_gemeente=1)
    x, kregen = _verklaring(p, "A")
    assert kregen == {"C": 5, "D": 5}
    assert x.zin == (
        "A krijgt 0 van zijn capaciteit 3: in G1 is al 1 leverancier actief, het maximum per gemeente; zonder die regel "
        "zou het 0 tot 3 krijgen, naar gelang de volgorde binnen de gelijke stand op rang 2 (A, een andere inschrijver), "
        "die geen beslisregel of loting bepaalt"
    )
    assert "(een andere inschrijver en u)" in tot_u(x.zin, "A")


def test_max_leveranciers_bereikt_met_zichzelf() -> None:
    """max_leveranciers 2 and K = 1; G1 3, G2 2, G3 7, G4 2, G5 5 (19). A (80, capacity 9) serves all, B (60, 12) G3-G5,
    C (60, 14) G2, G4, G5, D (60, 4) G1-G4. Stage 1 maximises A's share, whole gemeenten (K = 1) of at most 9, with one
    other supplier for all the rest. G1 only A or D (4, too small for any rest), so A takes G1; G1 + G2 + G4 = 7 leaves
    G3 + G5 = 12 to B; G1 + G5 = 8 leaves G2, G3, G4, which no single supplier serves. So A 7, B 12. Without the
    maximum A takes 9 (G2 + G3, with D in G1, others in G4 and G5). A is one of the two: its letter reads 'met B en
    uzelf', not its own name in a list ('met A, B')."""
    from evaluatie.rapport.aanspreken import tot_u

    lev = [
        _lev("A", 80, 9, ("G1", "G2", "G3", "G4", "G5"), 0),
        _lev("B", 60, 12, ("G3", "G4", "G5"), 1),
        _lev("C", 60, 14, ("G2", "G4", "G5"), 2),
        _lev("D", 60, 4, ("G1", "G2", "G3", "G4"), 3),
    ]
    p = _probleem(
        {"G1": 3, "G2": 2, "G3": 7, "G4": 2, "G5": 5}, lev, max_leveranciers=2, max_leveranciers_per_gemeente=1
    )
    x, kregen = _verklaring(p, "A")
    assert kregen == {"A": 7, "B": 12}
    assert x.zin.startswith(
        "A krijgt 7 van zijn capaciteit 9: het maximum van 2 leveranciers voor het perceel is bereikt met B en A zelf; "
        "zonder die regel zou het 9 krijgen"
    )
    assert "is bereikt met B en uzelf; zonder die regel zou u 9 krijgen" in tot_u(x.zin, "A")


def test_max_leveranciers_per_gemeente() -> None:
    """One supplier per gemeente, two gemeenten of 10: A (capacity 15) can serve only one of them
    whole; without the rule it would take 15."""
    lev = [_lev("A", 90, 15, ("G1", "G2"), 0), _lev("B", 80, 15, ("G1", "G2"), 1)]
    p = _probleem({"G1": 10, "G2": 10}, lev, max_leveranciers_per_gemeente=1)
    x, kregen = _verklaring(p, "A")
    assert kregen == {"A": 10, "B": 10}
    assert x.oorzaken == ("max_leveranciers_per_gemeente",)
    assert "in G2 is al 1 leverancier actief, het maximum per gemeente" in x.zin


def test_max_leveranciers_per_gemeente_elders() -> None:
    """K = 2 binds for B through another gemeente, not its own: G1 (6) is served by A (90, capacity 2), C (80, 3) and
    D (70, 3); G2 (1) by A and B (85, capacity 5). Without K stage 1 gives A 2 and C 3 in G1, then B G2 (85) rather
    than D a second one in G1 (70): 180 + 240 + 70 + 85 = 575 against 180 + 240 + 140 = 560, so B gets 1. With K = 2
    only C and D together cover G1's 6 (A + C and A + D make 5), so A takes G2 (90 against 85) and B gets 0. In G2
    only A is active, fewer than the maximum of 2: the sentence may not say that its gemeente has 2 already; the
    maximum is reached in G1, and that is where it shifts the allocation."""
    lev = [
        _lev("A", 90, 2, ("G1", "G2"), 0),
        _lev("B", 85, 5, ("G2",), 1),
        _lev("C", 80, 3, ("G1",), 2),
        _lev("D", 70, 3, ("G1",), 3),
    ]
    p = _probleem({"G1": 6, "G2": 1}, lev, max_leveranciers_per_gemeente=2)
    x, kregen = _verklaring(p, "B")
    assert kregen == {"A": 1, "C": 3, "D": 3}
    assert x.oorzaken == ("max_leveranciers_per_gemeente",)
    assert "al 2 leveranciers actief" not in x.zin
    assert x.zin == (
        "B krijgt 0 van zijn capaciteit 5: het maximum van 2 leveranciers per gemeente, bereikt in G1, verschuift de "
        "verdeling; zonder die regel zou het 1 krijgen, en niet meer: de gemeente die het bedient (G2) heeft 1 "
        "inburgeraar"
    )


def test_budget() -> None:
    """Budget G1 EUR 85.000 for 10: 9.000 x a + 8.000 x (10 - a) <= 85.000 gives a <= 5 for A."""
    lev = [_lev("A", 90, 10, ("G1",), 0, prijs=9000), _lev("B", 80, 10, ("G1",), 1, prijs=8000)]
    p = _probleem({"G1": 10}, lev, budget={"G1": 85000.0})
    x, kregen = _verklaring(p, "A")
    assert kregen == {"A": 5, "B": 5}
    assert x.oorzaken == ("budget",)
    assert "G1 (budget EUR 85.000,00, kosten EUR 85.000,00)" in x.zin


def test_per_subregio() -> None:
    """Subregio R = G1 + G2; A serves only G1, so under per_subregio it may serve neither."""
    lev = [_lev("A", 90, 10, ("G1",), 0), _lev("B", 80, 20, ("G1", "G2"), 1)]
    p = _probleem({"G1": 8, "G2": 8}, lev, per_subregio=True)
    x, kregen = _verklaring(p, "A")
    assert kregen == {"B": 16}
    assert x.oorzaken == ("per_subregio",)
    assert "alle gemeenten van een subregio krijgen dezelfde leverancier(s)" in x.zin


def test_gelijke_waarde_beslist_de_rang_niet_de_prijs() -> None:
    """A and B have the same value; A won the tie (rank 0), B is cheaper. The tie rule governs the
    volume (stage 2 before cost), so A gets all 10 and B nothing, because A ranks higher.
    (Intended change: before #19 the cheaper B got everything.)"""
    import dataclasses

    b = dataclasses.replace(_lev("B", 80, 10, ("G1",), 1, prijs=8000), beslist_door="hoogste_kwaliteit")
    p = _probleem({"G1": 10}, [_lev("A", 80, 10, ("G1",), 0, prijs=9000), b])
    x, kregen = _verklaring(p, "B")
    assert kregen == {"A": 10}
    assert x.oorzaken == ("gelijke_waarde_betere_rang",)
    assert x.zin == (
        "B krijgt 0 van zijn capaciteit 10: A heeft dezelfde totaalscore en gaat voor door de beslisregel bij "
        "gelijke stand (de hoogste kwaliteitsscore); bij gelijke totaalscore weegt de hoger gerangschikte "
        "inschrijving in de verdeling zwaarder (rangwicht R − rang + 1, met R het aantal gerangschikte inschrijvingen "
        "op het perceel; stap 2 van de verdeling in de gunningssystematiek)"
    )


def test_gewoon_geen_vraag() -> None:
    """The Z-route case: the best supplier has capacity 25, its gemeenten only 24 inburgeraars."""
    p = _probleem({"G1": 14, "G2": 10}, [_lev("A", 80, 25, ("G1", "G2"), 0)])
    x, kregen = _verklaring(p, "A")
    assert kregen == {"A": 24}
    assert x.oorzaken == ("geen_vraag",)
    assert "hebben samen 24 inburgeraars, en die krijgt het allemaal" in x.zin
    assert "beter" not in x.zin


def test_voorbeeld_b1_min_volume_in_huizen(voorbeeld_bron) -> None:
    """Example B1: Inburgerwijs gets 39 of 45 because Kompas, once chosen, needs min_volume 10."""
    from evaluatie.pipeline import gun
    from evaluatie.werkmap import Werkmap

    award = gun(Werkmap(voorbeeld_bron), "B1")
    p = award.uitslag.percelen["B1"]
    assert p.verklaring["Inburgerwijs Academie"].startswith("Inburgerwijs Academie krijgt 39 van zijn capaciteit 45")
    assert (
        "minimale volume van 10 per leverancier geeft Kompas Inburgering meer" in p.verklaring["Inburgerwijs Academie"]
    )
    assert "maximale aandeel van 50%" in p.verklaring["Taalhuis De Brug B.V."]


def test_op_het_plafond_maar_de_vraag_is_op() -> None:
    """max_aandeel 0.6 of 10 = 6, but A serves only G1, which has 6: A gets all of G1 and would get
    no more without the cap, so the cap does not explain its 6 of 10 (it used to say it did)."""
    lev = [_lev("A", 80, 10, ("G1",), 0), _lev("B", 70, 10, ("G1", "G2"), 1)]
    p = _probleem({"G1": 6, "G2": 4}, lev, max_aandeel=0.6)
    x, kregen = _verklaring(p, "A")
    assert kregen == {"A": 6, "B": 4}
    assert x.oorzaken == ("geen_vraag",)
    assert "maximale aandeel" not in x.zin
    assert "de gemeente die het bedient (G1) heeft 6 inburgeraars" in x.zin


def test_budget_en_rang_samen() -> None:
    """G1 has 5 and a budget of EUR 42.500. B and C (value 80, EUR 9.000) tie, B ranked first; D
    (value 70, EUR 8.000). 9.000 x a + 8.000 x (5 - a) <= 42.500 gives a <= 2: B 2, D 3, C 0.
    Without the budget B would take all 5 and C still 0, so no single rule gives C more; yet D,
    ranked below C, gets 3 in C's gemeente. The ranking alone does not explain C's 0 (it used to
    be the whole sentence): the sentence must also say that a lower-ranked supplier got demand there
    because of the rules together, naming the rules in force."""
    lev = [
        _lev("B", 80, 9, ("G1",), 0, prijs=9000),
        _lev("C", 80, 4, ("G1",), 1, prijs=9000),
        _lev("D", 70, 13, ("G1",), 2, prijs=8000),
    ]
    p = _probleem({"G1": 5}, lev, budget={"G1": 42500.0})
    x, kregen = _verklaring(p, "C")
    assert kregen == {"B": 2, "D": 3}
    assert x.oorzaken == ("gelijke_waarde_betere_rang", "combinatie")
    assert "ook een lager gerangschikte inschrijver krijgt vraag in de gemeente die het bedient (D: 3)" in x.zin
    assert "(van kracht: budget per gemeente)" in x.zin


def test_op_het_plafond_terwijl_een_lagere_de_rest_krijgt() -> None:
    """Total 32, max_aandeel 40% gives at most 12. D (value 90, capacity 6) takes 6; A and B (value 70,
    capacity 15, A ranked first) 12 each; C (value 70, capacity 4) the last 2. Without the cap A would
    take 15 and B only 11, so a re-solve does not give B more; still B sits at the cap while C, ranked
    below it, gets demand in its gemeenten: the cap is what holds B back."""
    alle = ("G1", "G2", "G3", "G4")
    lev = [
        _lev("A", 70, 15, alle, 0),
        _lev("B", 70, 15, alle, 1),
        _lev("C", 70, 4, ("G1", "G2"), 2),
        _lev("D", 90, 6, ("G1", "G2", "G3"), 3),
    ]
    p = _probleem({"G1": 10, "G2": 5, "G3": 10, "G4": 7}, lev, max_aandeel=0.4)
    x, kregen = _verklaring(p, "B")
    assert kregen == {"A": 12, "B": 12, "C": 2, "D": 6}
    assert x.oorzaken == ("max_aandeel",)
    assert "hoogstens 12 van 32" in x.zin


def test_per_subregio_sluit_uit_maar_de_rang_beslist() -> None:
    """Subregio N = G1, G2 (5 each), per_subregio. A (value 90, capacity 20) serves both and takes all
    10. B (value 80) serves only G1, so it may not serve G1 under per_subregio; yet without that rule A,
    ranked higher, would still take G1. The sentence used to say B serves no gemeente with demand, which
    is false: it serves G1, and the ranking plus the subregio rule leave it nothing."""
    lev = [_lev("A", 90, 20, ("G1", "G2"), 0), _lev("B", 80, 5, ("G1",), 1)]
    p = _probleem({"G1": 5, "G2": 5}, lev, subregio={"G1": "N", "G2": "N"}, per_subregio=True)
    x, kregen = _verklaring(p, "B")
    assert kregen == {"A": 10}
    assert "geen gemeente" not in x.zin
    assert "hogere totaalscore (A: 5)" in x.zin
    assert "in G1 mag het niet leveren" in x.zin and "subregio N" in x.zin


def test_brief_zegt_u_bij_subregio() -> None:
    from evaluatie.rapport.aanspreken import tot_u

    lev = [_lev("A", 90, 20, ("G1", "G2"), 0), _lev("B", 80, 5, ("G1",), 1)]
    p = _probleem({"G1": 5, "G2": 5}, lev, subregio={"G1": "N", "G2": "N"}, per_subregio=True)
    x, _ = _verklaring(p, "B")
    brief = tot_u(x.zin, "B")
    assert " het " not in brief.replace("het volume", "") and "mag u niet leveren" in brief


def test_budget_elders_verschuift() -> None:
    """G1 (5, budget EUR 42.500) and G2 (5). D (value 90, capacity 5, EUR 9.000) serves both, A (value 80,
    EUR 9.000) only G2, B (value 70, EUR 8.000) both. Without the budget D takes G1 and A all of G2: A 5.
    With it 9.000 x d + 8.000 x (5 - d) <= 42.500 gives d <= 2 in G1: D takes 2 there and 3 in G2, B 3 in
    G1, A the last 2 of G2. A serves no gemeente with a budget, so it must not read that the budget leaves
    no room for its price there (it did); the budget binds for it through who serves G1."""
    lev = [
        _lev("D", 90, 5, ("G1", "G2"), 0, prijs=9000),
        _lev("A", 80, 10, ("G2",), 1, prijs=9000),
        _lev("B", 70, 10, ("G1", "G2"), 2, prijs=8000),
    ]
    p = _probleem({"G1": 5, "G2": 5}, lev, budget={"G1": 42500.0})
    x, kregen = _verklaring(p, "A")
    assert kregen == {"D": 5, "A": 2, "B": 3}
    assert x.oorzaken == ("budget",)
    assert "in de gemeenten met een budget" not in x.zin and "tegen zijn prijs" not in x.zin
    assert "het budget per gemeente (G1) bepaalt welke inschrijvers daar leveren" in x.zin
    assert "zonder budgetgrens zou het 5 krijgen" in x.zin


def test_drie_gelijk_regel_en_loting() -> None:
    """A, B and C have the same value. The tie-break rule puts A first; B and C stay equal on it and a
    draw (L1) puts B before C. Demand 10, capacities A 4, B 4, C 10: A 4, B 4, C 2. C must not read that
    A and B both went ahead by the draw (it did): only B did; A went ahead by the rule, which the ranking
    records only against B, so for A the sentence says 'rule or draw' without choosing."""
    import dataclasses

    a = dataclasses.replace(_lev("A", 80, 4, ("G1",), 0), beslist_door="hoogste_kwaliteit", rangnummer=1)
    b = dataclasses.replace(_lev("B", 80, 4, ("G1",), 1), beslist_door="loting", rangnummer=2, loting_id="L1")
    c = dataclasses.replace(_lev("C", 80, 10, ("G1",), 2), beslist_door="loting", rangnummer=3, loting_id="L1")
    p = _probleem({"G1": 10}, [a, b, c])
    x, kregen = _verklaring(p, "C")
    assert kregen == {"A": 4, "B": 4, "C": 2}
    assert "A, B" not in x.zin
    assert "B heeft dezelfde totaalscore en gaat voor door loting" in x.zin
    assert (
        "A heeft dezelfde totaalscore en gaat voor in de rangorde (door de beslisregel bij gelijke stand of door loting"
        in x.zin
    )


def test_gelijk_onbeslist_naast_beslist() -> None:
    """A ahead by the rule; B and C share rank 2 (no draw yet). C must not read that the order between it
    and A is undecided: only that with B is."""
    import dataclasses

    a = dataclasses.replace(_lev("A", 80, 4, ("G1",), 0), beslist_door="hoogste_kwaliteit", rangnummer=1)
    b = dataclasses.replace(_lev("B", 80, 4, ("G1",), 1), beslist_door="hoogste_kwaliteit", rangnummer=2)
    c = dataclasses.replace(_lev("C", 80, 10, ("G1",), 2), rangnummer=2)
    p = _probleem({"G1": 10}, [a, b, c])
    x, kregen = _verklaring(p, "C")
    assert kregen == {"A": 4, "B": 4, "C": 2}
    assert "A, B" not in x.zin
    assert (
        "B heeft dezelfde totaalscore en de volgorde tussen hen is niet door een beslisregel of loting bepaald" in x.zin
    )


def test_plafond_bekend_ook_als_opnieuw_oplossen_mislukt() -> None:
    """As test_max_aandeel (A stops at 6 of 10, B gets 4 in A's only gemeente), but the re-solve without
    the cap fails (time): that A sits at the cap while B, ranked lower, gets demand in its gemeente is
    known from the solved model, so the cap is still named, and no 'could not be computed' about it."""
    from evaluatie.fouten import EvaluatieFout

    def los(q: Verdeelprobleem):
        if q.regels.max_aandeel is None:
            raise EvaluatieFout(["tijdslimiet"])
        return verdeel(q)

    p = _probleem({"G1": 10}, [_lev("A", 80, 10, ("G1",), 0), _lev("B", 70, 10, ("G1",), 1)], max_aandeel=0.6)
    uit = {x.inschrijver: x for x in verklaar(p, verdeel(p), los)}
    assert uit["A"].oorzaken == ("max_aandeel",)
    assert "kon niet worden berekend" not in uit["A"].zin


def test_per_subregio_noemt_subregio_en_gemeente_die_het_niet_bedient(tmp_path) -> None:
    """Noord and Oost form subregio A, Zuid subregio B (kleine_aanbesteding: 10, 6 and 4 inburgeraars). P (quality
    100, EUR 8.000) serves only Noord; Q (quality 50, EUR 9.000) serves all. Under per_subregio P may serve neither
    Noord nor Oost, so Q gets all 20; without the rule P, of higher value, takes Noord's 10. The sentence used to
    say only 'alle gemeenten van een subregio krijgen dezelfde leverancier(s)', naming neither A nor Oost."""
    from click.testing import CliRunner

    from evaluatie.cli import main
    from evaluatie.rapport.aanspreken import tot_u
    from tests.hulp import deels_bediende_subregio

    ws = deels_bediende_subregio(tmp_path / "ws")
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    zin = (
        "P krijgt 0 van zijn capaciteit 20: alle gemeenten van een subregio krijgen dezelfde leverancier(s), en in "
        "subregio A bedient het Noord, maar niet Oost; zonder die regel zou het 10 krijgen"
    )
    assert zin in " ".join(res.output.split())
    assert "in subregio A bedient u Noord, maar niet Oost; zonder die regel zou u 10 krijgen" in tot_u(zin, "P")


def test_hogere_totaalscore_weegt_zwaarder_en_gaat_niet_eerst() -> None:
    """per_subregio: G1 (1) and G2 (3) form subregio R, G3 (3) subregio S. S1 (80, capacity 4, all three), S2 (79,
    capacity 4, G1 and G2), S3 (70, capacity 3, G3). By hand, stage 1: S1 in R and S3 in S gives 4 x 80 + 3 x 70 = 530;
    S1 in S and S2 in R gives 3 x 80 + 4 x 79 = 556, the maximum. So S1 gets 3 of its 4, S2 4 and S3 nothing, and S3's
    explanation said the demand 'gaat eerst naar inschrijvers met een hogere totaalscore (S1: 3)': no waterfall gave S1
    only 3. It now says the demand went to them too, and that stage 1 weighs their inburgeraars more."""
    lev = (
        Leverancier("S1", 80.0, 9000.0, 4, ("G1", "G2", "G3"), 0),
        Leverancier("S2", 79.0, 9000.0, 4, ("G1", "G2"), 1),
        Leverancier("S3", 70.0, 9000.0, 3, ("G3",), 2),
    )
    p = Verdeelprobleem(
        "B1",
        "B1",
        {"G1": 1, "G2": 3, "G3": 3},
        {"G1": "R", "G2": "R", "G3": "S"},
        lev,
        Verdeelregels(per_subregio=True),
    )
    v = verdeel(p)
    assert v.per_leverancier() == {"S1": 3, "S2": 4}
    x, _ = _verklaring(p, "S3")
    tekst = x.zin
    assert (
        "de vraag in de gemeente die het bedient ging ook naar een inschrijver met een hogere totaalscore (S1: 3)"
        in (tekst)
    ), tekst
    assert "stap 1 van de verdeling maximaliseert de som van gunningswaarde x inburgeraars" in tekst, tekst
    assert "eerst" not in tekst, tekst


def _gelijk_onbeslist(eerst: str, dan: str) -> Verdeelprobleem:
    """Alfa and Hanze share rank 2 with no rule or draw between them, in the order `eerst`, `dan` (the order a name
    sort gives). G1 (10) only Alfa serves; G2 (10) both; max_leveranciers_per_gemeente 1. Alfa capacity 15, Hanze
    10. By hand: with the rule each gemeente gets one supplier, and Alfa in G1 with Hanze in G2 serves all 20 (Alfa
    in both serves only 15), so Alfa 10 and Hanze 10 in either order. Without the rule every split of G2 serves 20
    at the same value; stage 2 gives the first-ranked of the two the most: Alfa first 15 (capacity) and Hanze 5,
    Hanze first Hanze 10 and Alfa 10."""
    import dataclasses

    lev = {
        "Alfa": dataclasses.replace(_lev("Alfa", 80, 15, ("G1", "G2"), 0), rangnummer=2),
        "Hanze": dataclasses.replace(_lev("Hanze", 80, 10, ("G2",), 0), rangnummer=2),
    }
    volgorde = [dataclasses.replace(lev[eerst], rang=0), dataclasses.replace(lev[dan], rang=1)]
    return _probleem({"G1": 10, "G2": 10}, volgorde, max_leveranciers_per_gemeente=1)


def test_reden_hangt_niet_af_van_de_naam_bij_onbesliste_gelijke_stand() -> None:
    """The tie decides nothing in the award (Alfa 10, Hanze 10 in both orders), but the re-solve without the rule
    used the provisional order, i.e. the names: Alfa first read the rule with 'zou het 15 krijgen', Hanze first
    (as if renamed 'Aanzet') no rule at all. A published reason may not depend on a name: the sentence now says what
    holds for every order, 10 to 15 without the rule, and names the tie whose order decides it."""
    zinnen = []
    for eerst, dan in (("Alfa", "Hanze"), ("Hanze", "Alfa")):
        x, kregen = _verklaring(_gelijk_onbeslist(eerst, dan), "Alfa")
        assert kregen == {"Alfa": 10, "Hanze": 10}
        zinnen.append((x.oorzaken, x.zin))
    assert zinnen[0] == zinnen[1]
    assert zinnen[0] == (
        ("max_leveranciers_per_gemeente",),
        "Alfa krijgt 10 van zijn capaciteit 15: in G2 is al 1 leverancier actief, het maximum per gemeente; zonder "
        "die regel zou het 10 tot 15 krijgen, naar gelang de volgorde binnen de gelijke stand op rang 2 (Alfa, Hanze), "
        "die geen beslisregel of loting bepaalt",
    )


def test_zonder_de_regel_zegt_ook_waarom_niet_meer() -> None:
    """per_subregio: N = G1 (6) + G2 (4), M = G3 (10). H (85, capacity 30) serves G1 and G3, not G2; E (90, capacity
    4) only G3; A (70, capacity 20) G1 and G2. By hand: under the rule H may not serve N, so A takes N's 10, and in M
    E (higher) takes its 4 and H the other 6. Without the rule H (85 > 70) takes G1's 6 as well: 12, and not its 30,
    because its gemeenten have 16 and E, of higher value, takes 4 of them. The sentence said '12' and stopped."""
    lev = [
        _lev("E", 90, 4, ("G3",), 0),
        _lev("H", 85, 30, ("G1", "G3"), 1),
        _lev("A", 70, 20, ("G1", "G2"), 2),
    ]
    p = _probleem({"G1": 6, "G2": 4, "G3": 10}, lev, subregio={"G1": "N", "G2": "N", "G3": "M"}, per_subregio=True)
    x, kregen = _verklaring(p, "H")
    assert kregen == {"E": 4, "H": 6, "A": 10}
    assert x.zin == (
        "H krijgt 6 van zijn capaciteit 30: alle gemeenten van een subregio krijgen dezelfde leverancier(s), en in "
        "subregio N bedient het G1, maar niet G2; zonder die regel zou het 12 krijgen, en niet meer: van de vraag in "
        "de gemeenten die het bedient (16 inburgeraars) gaan er dan 4 naar een inschrijver met een hogere totaalscore "
        "(E: 4)"
    )


def _gelijk_onbeslist_gegund(ws: Path, ander: str) -> str:
    """kleine_aanbesteding with one supplier per gemeente: Alfa (all gemeenten, capacity 14) and `ander` (only Noord,
    capacity 10) share rank 1 with no rule between them (same price, same scores); `gunning` run, its output returned."""
    from click.testing import CliRunner

    from evaluatie.cli import main
    from tests.hulp import hernoem_inschrijver, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel

    data = kleine_aanbesteding()
    data["percelen"]["B1"]["verdeling"] = {"max_leveranciers_per_gemeente": 1}
    maak_werkmap(ws, data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 14, 12, 4, "alle")])
    schrijf_bod(ws, "h.xlsx", "Hanze", "22222222", [("B1", 9000, 10, 12, 4, "Noord")])
    vul_panel(ws, {"Alfa": 75, "Hanze": 75})
    if ander != "Hanze":
        hernoem_inschrijver(ws, "h.xlsx", ander)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    return res.output


def test_brief_noemt_de_ontvanger_in_de_gelijke_stand_u(tmp_path: Path) -> None:
    """As test_hernoemen_van_de_ander_verandert_de_reden_niet with Aanzet: the advies names the tie 'rang 1 (Aanzet,
    Alfa)' in the third person, and Alfa's letter, addressed to Alfa ('U krijgt ... zou u 10 tot 14 krijgen'), named
    Alfa itself in that list. In the letter it reads 'rang 1 (Aanzet en u)' now; the advies keeps the names."""
    from tests.hulp import html_tekst

    ws = tmp_path / "ws"
    _gelijk_onbeslist_gegund(ws, "Aanzet")
    brief = " ".join(html_tekst(ws / "rapporten" / "brieven" / "alfa-b1.html").split())
    assert (
        "zou u 10 tot 14 krijgen, naar gelang de volgorde binnen de gelijke stand op rang 1 (Aanzet en u), die geen "
        "beslisregel of loting bepaalt" in brief
    )
    assert "(Aanzet, Alfa)" not in brief
    advies = " ".join(html_tekst(ws / "rapporten" / "gunningsadvies.html").split())
    assert "de gelijke stand op rang 1 (Aanzet, Alfa)" in advies


def test_hernoemen_van_de_ander_verandert_de_reden_niet(tmp_path) -> None:
    """Through the CLI (kleine_aanbesteding: Noord 10, Oost 6, Zuid 4; one supplier per gemeente): Alfa (all
    gemeenten, capacity 14) and Hanze (only Noord, capacity 10) bid the same price and get the same scores, so they
    share rank 1 with no rule between them. By hand: under the rule only Hanze in Noord and Alfa in Oost and Zuid
    serve all 20, so Alfa 10 and Hanze 10 in either order (no draw). Without the rule Alfa first takes 4 of Noord as
    well (14), Hanze first leaves it at 10. Renaming Hanze to Aanzet (before Alfa by name) used to turn Alfa's
    sentence from the rule with 14 into no rule at all; both now read the rule and 10 to 14."""
    zinnen = []
    for ander in ("Hanze", "Aanzet"):
        uitvoer = " ".join(_gelijk_onbeslist_gegund(tmp_path / ander, ander).split())
        assert "geen loting nodig" in uitvoer, uitvoer
        zinnen.append(next(z for z in uitvoer.split("Alfa krijgt ")[1:]).split(" Geschreven")[0])
    namen = {"Hanze": "Alfa, Hanze", "Aanzet": "Aanzet, Alfa"}
    for zin, ander in zip(zinnen, ("Hanze", "Aanzet"), strict=True):
        assert zin.startswith(
            "10 van zijn capaciteit 14: in Noord is al 1 leverancier actief, het maximum per gemeente; zonder die regel "
            f"zou het 10 tot 14 krijgen, naar gelang de volgorde binnen de gelijke stand op rang 1 ({namen[ander]}), "
            "die geen beslisregel of loting bepaalt"
        ), zin


def test_zonder_de_regel_alle_vraag_van_zijn_gemeente() -> None:
    """As test_per_subregio (A: 90, capacity 10, only G1; B: 80, capacity 20, G1 and G2; G1 8, G2 8, one subregio):
    without the rule A takes G1's 8 and no more, because G1 has only 8, which the sentence now says."""
    lev = [_lev("A", 90, 10, ("G1",), 0), _lev("B", 80, 20, ("G1", "G2"), 1)]
    x, _ = _verklaring(_probleem({"G1": 8, "G2": 8}, lev, per_subregio=True), "A")
    assert x.zin.endswith(
        "zonder die regel zou het 8 krijgen, en niet meer: de gemeente die het bedient (G1) heeft 8 inburgeraars"
    ), x.zin


def test_zonder_de_regel_noemt_de_regel_die_dan_nog_knelt() -> None:
    """G1 10, G2 2; S (90) and L (70), capacity 12 each, both serve both; one supplier per gemeente and at least two
    suppliers. By hand: S in G1 and L in G2 (10 x 90 + 2 x 70 = 1040) beats the reverse (880): S 10, L 2. Without the
    per-gemeente maximum L must still get volume, at least 1: S 11 and not 12, because 1 of the 12 in its gemeenten
    goes to the lower-ranked L through the rule still in force; without the minimum S serves both gemeenten: 12."""
    lev = [_lev("S", 90, 12, ("G1", "G2"), 0), _lev("L", 70, 12, ("G1", "G2"), 1)]
    p = _probleem({"G1": 10, "G2": 2}, lev, max_leveranciers_per_gemeente=1, min_leveranciers=2)
    x, kregen = _verklaring(p, "S")
    assert kregen == {"S": 10, "L": 2}
    assert x.zin.endswith(
        "in G2 is al 1 leverancier actief, het maximum per gemeente; zonder die regel zou het 11 krijgen, en niet "
        "meer: van de vraag in de gemeenten die het bedient (12 inburgeraars) gaat er dan 1 naar een lager "
        "gerangschikte inschrijver (L: 1), door de verdeelregels die dan nog gelden (minimum aantal leveranciers)"
    ), x.zin


def test_per_subregio_zegt_wat_de_regel_deze_inschrijver_deed() -> None:
    """Subregio R = G1 (8) + G2 (3), per_subregio, budget G1 EUR 72.000. A (90, EUR 10.000) and B (80, EUR 8.000), both
    capacity 13, serve both. G1 within budget: a x 10.000 + (8 - a) x 8.000 <= 72.000 gives a <= 4, so B takes G1's
    other 4. Without the rule A takes all of G2 (3): 7. With it B, serving G1, serves G2 too: at least 1 there, so A 2,
    6 in all. The sentence only restated the rule ('alle gemeenten van een subregio krijgen dezelfde leverancier(s);
    zonder die regel zou het 7 krijgen'), not what it did to A; the letter reads the same sentence addressed to A."""
    from evaluatie.rapport.aanspreken import tot_u

    lev = [_lev("A", 90, 13, ("G1", "G2"), 0, prijs=10000), _lev("B", 80, 13, ("G1", "G2"), 1, prijs=8000)]
    p = _probleem({"G1": 8, "G2": 3}, lev, budget={"G1": 72000}, per_subregio=True)
    x, kregen = _verklaring(p, "A")
    assert kregen == {"A": 6, "B": 5}
    deel = (
        "alle gemeenten van een subregio krijgen dezelfde leverancier(s); daardoor krijgt het in subregio R (G2) 2 in "
        "plaats van 3, en B er 1 in plaats van 0; zonder die regel zou het 7 krijgen"
    )
    assert x.zin.startswith(f"A krijgt 6 van zijn capaciteit 13: {deel}")
    assert (
        "daardoor krijgt u in subregio R (G2) 2 in plaats van 3, en B er 1 in plaats van 0; zonder die regel zou u 7"
        in (tot_u(x.zin, "A"))
    )

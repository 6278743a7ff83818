"""The certainty analyses say what the computation found, in the right words, on a tender of its own.

Tender (relatief, 60/40, ceiling EUR 10.000, knock-outs: capacity at least 5, exclusion grounds), quality from
the panel (both reviewers the same score on K1 and K2):
  Alfa    EUR 8.000, quality 75:  45 + 40 x 8.000/8.000  = 85,00
  Beta    EUR 8.000, quality 50:  30 + 40               = 70,00
  Gamma   EUR 9.500, quality 100: 60 + 40 x 8.000/9.500  = 93,68
  Epsilon EUR 9.000, quality 75:  45 + 40 x 8.000/9.000  = 80,56
  Delta   EUR 6.000, capacity 3: ongeldig (capacity knock-out), not an exclusion ground
  Zeta    EUR 5.000, declares an exclusion ground: uitgesloten (art. 2.86/2.87 Aw 2012)
Alfa and Beta share the lowest valid price: one of them leaving moves no price score.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import deels_bediende_subregio, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel

BIEDINGEN = {  # name: (price, capacity, quality step, declares an exclusion ground)
    "Alfa": (8000, 10, 75, "nee"),
    "Beta": (8000, 10, 50, "nee"),
    "Gamma": (9500, 10, 100, "nee"),
    "Delta": (6000, 3, 100, "nee"),
    "Epsilon": (9000, 10, 75, "nee"),
    "Zeta": (5000, 10, 100, "ja"),
}


def maak_tender(root: Path, minimum_capaciteit: int = 5, prijsmethode: str = "relatief") -> Path:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["prijsmethode"] = prijsmethode
    if prijsmethode == "fictieve_korting":  # quality is a discount: no weights
        del data["percelen"]["B1"]["weging"]
    data["percelen"]["B1"]["knockout"].update(capaciteit={"minimum": minimum_capaciteit}, uitsluitingsgronden={})
    ws = maak_werkmap(root, data)
    for i, (naam, (prijs, capaciteit, _, uitsluiting)) in enumerate(BIEDINGEN.items(), start=1):
        kvk = str(i) * 8
        schrijf_bod(ws, f"{naam}.xlsx", naam, kvk, [("B1", prijs, capaciteit, 12, 4, "alle")], uitsluiting=uitsluiting)
    vul_panel(ws, {n: v[2] for n, v in BIEDINGEN.items()})
    return ws


@pytest.fixture(scope="module")
def uitvoer(tmp_path_factory: pytest.TempPathFactory) -> str:
    ws = maak_tender(tmp_path_factory.mktemp("zinnen") / "ws")
    res = CliRunner().invoke(main, ["zekerheid", "--werkmap", str(ws), "--trekkingen", "100"])
    assert res.exit_code == 0, res.output
    return " ".join(res.output.split())  # the terminal wraps long sentences


def test_ongeldig_heet_niet_uitgesloten(uitvoer: str) -> None:
    assert "uitgesloten inschrijving van Delta" not in uitvoer
    assert (
        "Was de ongeldige inschrijving van Delta (EUR 6.000,00; reden: capaciteit 3 per jaar, vereist minstens 5) "
        "toch geldig geweest, dan blijft de volgorde van de andere inschrijvers gelijk." in uitvoer
    )
    # Zeta's declared ground is not weighed yet: 'aangehouden' (toets.status), not yet 'uitgesloten'
    assert "Doet de aangehouden inschrijving van Zeta (EUR 5.000,00; reden: " in uitvoer
    assert "de verklaarde uitsluitingsgrond is nog niet gewogen) na de weging toch mee" in uitvoer


def test_gelijke_laagste_prijs_noemt_beide(uitvoer: str) -> None:
    """Without Alfa and Beta the lowest price is 9.000: Gamma 60 + 40 x 9.000/9.500 = 97,89, Epsilon 45 + 40 = 85:
    the order of the others stays."""
    assert "Valt de inschrijving met de laagste geldige prijs weg (Alfa" not in uitvoer
    assert (
        "De laagste geldige prijs (EUR 8.000,00) is geboden door Alfa en Beta: valt één van hen weg, dan blijft de "
        "laagste prijs gelijk en daarmee de volgorde van de andere inschrijvers. Vallen zij allebei weg, dan blijft "
        "de volgorde van de andere inschrijvers gelijk." in uitvoer
    )


def test_capaciteit_onder_de_knockout_is_ongeldig_niet_kleiner(uitvoer: str) -> None:
    """Gamma (best value) and Alfa each get their full capacity of 10 of the 20 inburgeraars: at 9 the share drops,
    but below the lot's minimum of 5 the bid fails the knock-out."""
    assert (
        "Gamma krijgt 10 bij capaciteit 10: bij een capaciteit van 5 tot en met 9 daalt het aandeel; bij minder dan 5 "
        "is de inschrijving ongeldig (knock-outeis: capaciteit minstens 5 per jaar)" in uitvoer
    )
    assert "9 of minder daalt" not in uitvoer


def test_capaciteit_gelijk_aan_de_knockout(tmp_path: Path) -> None:
    """Minimum 10: one place less than the 10 Gamma gets is already below the knock-out; the share never drops."""
    ws = maak_tender(tmp_path / "ws", minimum_capaciteit=10)
    res = CliRunner().invoke(main, ["zekerheid", "--werkmap", str(ws), "--trekkingen", "100", "--json"])
    assert res.exit_code == 0, res.output
    uit = json.loads(res.output)
    [gamma] = [c for c in uit["B1"]["capaciteit"] if c["inschrijver"] == "Gamma"]
    assert (gamma["toegewezen"], gamma["minimum"]) == (10, 10)
    res = CliRunner().invoke(main, ["zekerheid", "--werkmap", str(ws), "--trekkingen", "100"])
    assert (
        "Gamma krijgt 10 bij capaciteit 10: zolang de capaciteit minstens 10 is, blijft het aandeel gelijk; bij een "
        "lagere capaciteit is de inschrijving ongeldig (knock-outeis: capaciteit minstens 10 per jaar)"
        in " ".join(res.output.split())
    )


def test_scenario_json_geeft_hetzelfde_getal_als_de_tekst(tmp_path: Path) -> None:
    """Gamma (10 x 93,6842) and Alfa (10 x 85) make 1.786,84 before; under lineair (ceiling 10.000, lowest 8.000)
    Alfa 45 + 40 = 85 and Beta 30 + 40 = 70 get 10 each: 1.550,00. --json said 1786.842105263158."""
    ws = maak_tender(tmp_path / "ws")
    zet = ["scenario", "--werkmap", str(ws), "--zet", "percelen.B1.prijsmethode=lineair"]
    tekst = CliRunner().invoke(main, zet)
    assert "Gewogen score x inburgeraars: 1.786,84 -> 1.550,00 (-236,84)" in tekst.output
    assert "Kosten per jaar: EUR 175.000,00 -> EUR 160.000,00 (-EUR 15.000,00)" in tekst.output
    [v] = json.loads(CliRunner().invoke(main, [*zet, "--json"]).output)["verschillen"]
    assert (v["waarde_voor"], v["waarde_na"], v["kosten_voor"], v["kosten_na"]) == (1786.84, 1550.0, 175000, 160000)


def test_scenario_json_noemt_de_code_van_het_perceel(tmp_path: Path) -> None:
    """scenario --json gave each difference under "perceel" the lot's name ("B1-route") and nowhere its code, while
    "voor" and "na" (gunning.json) key the lots by code ("B1"): a script could not join the two without a lookup by
    name. Each difference now also has "code"; "perceel" stays the name the text says ("Perceel B1-route")."""
    ws = maak_tender(tmp_path / "ws")
    zet = ["scenario", "--werkmap", str(ws), "--zet", "percelen.B1.prijsmethode=lineair", "--json"]
    data = json.loads(CliRunner().invoke(main, zet).output)
    [v] = data["verschillen"]
    assert (v["perceel"], v["code"]) == ("B1-route", "B1")
    assert data["voor"]["percelen"][v["code"]]["naam"] == v["perceel"]


def test_capaciteit_waarbij_geen_verdeling_mogelijk_is(tmp_path: Path) -> None:
    """Q takes all 20 (P may serve nothing under per_subregio): with a capacity of 19 the 20 inburgeraars cannot be
    placed, so the share does not drop, the lot cannot be allocated. It used to say '19 of minder daalt het aandeel'."""
    ws = deels_bediende_subregio(tmp_path / "ws")
    res = CliRunner().invoke(main, ["zekerheid", "--werkmap", str(ws), "--trekkingen", "100"])
    assert res.exit_code == 0, res.output
    uit = " ".join(res.output.split())
    assert (
        "Q krijgt 20 bij capaciteit 30: bij een capaciteit van 19 of minder kan de verdeling niet worden gemaakt (bij 19: "
        in uit
    )
    assert "voor Oost kan 1 inburgeraar niet worden toegewezen binnen de regels" in uit  # was 'kunnen 1 inburgeraar'
    assert "daalt het aandeel" not in uit


def test_storing_zegt_de_aantallen_die_json_geeft(tmp_path: Path) -> None:
    """A share of 300 draws is a fraction --json cannot write as the sentence says it (179/300 is 0.5966666666666667,
    the sentence 59,7%): both give the counts of draws, the sentence with the percentage next to them."""
    ws = maak_tender(tmp_path / "ws")
    opdracht = ["zekerheid", "--werkmap", str(ws), "--trekkingen", "300"]
    s = json.loads(CliRunner().invoke(main, [*opdracht, "--json"]).output)["B1"]["storing"]
    assert s["aantal_winnaar_blijft"] == round(s["kans_winnaar_blijft"] * 300) == s["aantal_eerste"]["Gamma"]
    tekst = " ".join(CliRunner().invoke(main, opdracht).output.split())
    n = s["aantal_winnaar_blijft"]
    assert f"blijft Gamma in {n} van de 300 trekkingen ({str(round(100 * n / 300, 1)).replace('.', ',')}%)" in tekst
    alfa = s["aantal_eerste"]["Alfa"]
    assert f"Alfa {alfa} ({str(round(100 * alfa / 300, 1)).replace('.', ',')}%)" in tekst


def test_gelijke_stand_op_rang_1_wacht_op_loting(tmp_path: Path) -> None:
    """Alfa and Beta bid the same price and get the same scores: tied on rank 1, the award waits for a draw. The
    analyses used to call the first of the two (in list order) the winner that 'blijft eerste' in a share of draws."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 8000, 12, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 8000, 12, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75, "Beta": 75})
    res = CliRunner().invoke(main, ["zekerheid", "--werkmap", str(ws), "--trekkingen", "100"])
    assert res.exit_code == 1, res.output
    uit = " ".join(res.output.split())
    assert "winnaar" not in uit and "blijft" not in uit
    assert (
        "Perceel B1-route: niet onderzocht, want de uitkomst wacht op een loting: Alfa, Beta staan gelijk op rang 1. "
        'Leg de loting vast en reken dan opnieuw: evaluatie loting --lots B1 --volgorde "Alfa;Beta"' in uit
    )


def test_json_noemt_het_perceel_dat_op_een_loting_wacht(tmp_path: Path) -> None:
    """Alfa and Beta tie on rank 1 of B1 (EUR 8.000, 75 both); Z is a second award lot that only Alfa bids on. With
    --json the document was the analysed lots alone ({"Z": ...}, or {} without Z), exit 1, and nothing in it said
    that B1 was left out or why: the reason was on stderr only. The document now is the README's error document
    with the analysed lots beside it: {"evaluatie_niet_afgerond": [...], "percelen": {"Z": ...}}."""
    from tests.hulp import gunningsperceel_naast_b1

    ws = maak_werkmap(tmp_path / "ws", gunningsperceel_naast_b1(kleine_aanbesteding(), "Z", "Z-route", 10000))
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 8000, 12, 12, 4, "alle"), ("Z", 8000, 12, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 8000, 12, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75, "Beta": 75})
    res = CliRunner().invoke(main, ["zekerheid", "--werkmap", str(ws), "--trekkingen", "100", "--json"])
    assert res.exit_code == 1
    data = json.loads(res.stdout)
    assert list(data) == ["evaluatie_niet_afgerond", "percelen"]
    assert data["evaluatie_niet_afgerond"] == [
        "Perceel B1-route: niet onderzocht, want de uitkomst wacht op een loting: Alfa, Beta staan gelijk op rang 1. "
        'Leg de loting vast en reken dan opnieuw: evaluatie loting --lots B1 --volgorde "Alfa;Beta" --datum '
        'JJJJ-MM-DD --getuige "naam, functie" --door "naam, functie" --reden "..."'
    ]
    # every lot is in the document, with what kind it is: B1 was left out, as if it did not exist
    assert list(data["percelen"]) == ["B1", "Z"]
    assert data["percelen"]["B1"] == {
        "perceel": "B1",
        "soort": "wacht_op_loting",
        "reden": data["evaluatie_niet_afgerond"][0],
    }
    assert data["percelen"]["Z"]["winnaar"] == "Alfa" and data["percelen"]["Z"]["soort"] == "gunning"


def test_json_noemt_ieder_perceel_met_zijn_soort(tmp_path: Path) -> None:
    """B1 awarded to Alfa; Z an award lot whose only bid (EUR 9.500) is above its ceiling of EUR 9.000, so not
    awarded; PVT an open house without a minimum quality. `zekerheid --json` was keyed by the analysed lots alone
    ({"B1": ...}): a reader could not tell Z and PVT from lots that do not exist. Now every lot, with "soort"."""
    from tests.hulp import gunningsperceel_naast_b1, module_naast_b1

    data = module_naast_b1(
        gunningsperceel_naast_b1(kleine_aanbesteding(), "Z", "Z-route", 9000), "PVT", "PVT-module", 3000
    )
    for g in data["gemeenten"]:  # module_naast_b1 set PVT's demand; Z keeps its own (5, 3, 2)
        g["inburgeraars"]["Z"] = g["inburgeraars"]["PVT"]
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 8000, 25, 12, 4, "alle"), ("Z", 9500, 12, 12, 4, "alle"),
                                                  ("PVT", 2500, 12, 12, 4, "alle")])  # fmt: skip
    vul_panel(ws, {"Alfa": 75})
    res = CliRunner().invoke(main, ["zekerheid", "--werkmap", str(ws), "--trekkingen", "100", "--json"])
    assert res.exit_code == 0, res.output
    uit = json.loads(res.stdout)
    assert list(uit) == ["B1", "Z", "PVT"]
    assert {c: x["soort"] for c, x in uit.items()} == {"B1": "gunning", "Z": "niet_gegund", "PVT": "toelating"}
    assert uit["Z"]["reden"].startswith("Perceel Z-route wordt niet gegund"), uit["Z"]
    assert "Alfa (ongeldig)" in uit["Z"]["reden"]
    assert uit["PVT"] == {
        "perceel": "PVT",
        "soort": "toelating",
        "minimum": None,
        "toegelaten": ["Alfa"],
        "weglatingen": [],
        "marges": [],
    }


def test_eerste_zonder_aandeel_heet_geen_winnaar(tmp_path: Path) -> None:
    """P ranks first (60 + 40 = 100 against Q's 30 + 40 x 8.000/9.000 = 65,56) but gets nothing under per_subregio;
    the advies awards the lot to Q. The analyses called P the winner."""
    ws = deels_bediende_subregio(tmp_path / "ws")
    res = CliRunner().invoke(main, ["zekerheid", "--werkmap", str(ws), "--trekkingen", "100"])
    uit = " ".join(res.output.split())
    assert "winnaar" not in uit
    assert "Perceel B1-route - eerste in de rangorde: P, die geen inburgeraars krijgt (gegund aan Q)" in uit
    assert "Zonder de scores van Ada blijven de eerste in de rangorde en de verdeling gelijk." in uit


def test_scenario_andere_soort_prijsmethode(tmp_path: Path) -> None:
    """fictieve_korting: discount 30% of the ceiling (EUR 3.000) x quality / 100, fictitious price = price - discount:
    Alfa 8.000 - 2.250 = 5.750. A score of 85 and a price of EUR 5.750 were said as 'totaal 85,00 -> 5.750,00', and
    the score-weighted volume before against (ceiling - fictitious price) x inburgeraars after as a difference."""
    ws = maak_tender(tmp_path / "ws")
    res = CliRunner().invoke(
        main, ["scenario", "--werkmap", str(ws), "--zet", "percelen.B1.prijsmethode=fictieve_korting"]
    )
    uit = " ".join(res.output.split())
    assert "Alfa: rang 2 -> 1, totaalscore 85,00 -> fictieve prijs EUR 5.750,00" in uit
    assert (
        "Gewogen score x inburgeraars: niet te vergelijken; de rangorde gaat in dit scenario op fictieve prijs in "
        "plaats van totaalscore" in uit
    )


def test_marge_tot_de_top_van_de_schaal_naar_boven_afgerond() -> None:
    """A (quality 66,67, three reviewers: 50, 75, 75) draws level with B (quality 100, same price) only at 100: 33,33
    points more. Said in tenths rounded up that is 33,4 (66,67 + 33,3 = 99,97 stays behind); it was
    33.33333333333333, said as '33,3'."""
    from evaluatie.prijs.basis import Kandidaat, methode
    from evaluatie.zekerheid.marge import in_stappen
    from evaluatie.zekerheid.model import Marge, Zekerheid
    from evaluatie.zekerheid.tekst import zinnen
    from tests.test_eigenschappen import _perceel

    a, b = Kandidaat("A", 5000, 200 / 3, 10, 4), Kandidaat("B", 5000, 100.0, 10, 4)
    marge = in_stappen(methode("relatief"), _perceel("relatief"), [a, b], "A", "kwaliteit")
    assert marge == 33.4
    z = Zekerheid(
        perceel="B1", winnaar="B", gegund=("B",), weglatingen=(), storing=None, capaciteit=(),
        marges=(Marge(inschrijver="A", rang=2, kwaliteit=marge, prijs=None),),
    )  # fmt: skip
    assert "Inschrijver A (rang 2) had 33,4 kwaliteitspunten meer nodig gehad" in zinnen(z, "B1-route")["marge"][0]


def test_scenario_fictieve_korting_noemt_de_waarde_in_euro(tmp_path: Path) -> None:
    """fictieve_korting: the allocation's value per inburgeraar is the ceiling minus the fictitious price (Alfa 10.000
    - 5.750 = 4.250; Beta and Gamma 3.500). Before: Alfa 10, Beta and Gamma 10: 42.500 + 35.000 = 77.500. With
    max_aandeel 0,4 (8 each): Alfa 8 x 4.250 + 12 x 3.500 = 76.000. It was 'Gewogen score x inburgeraars: 77.500,00'."""
    ws = maak_tender(tmp_path / "ws", prijsmethode="fictieve_korting")
    res = CliRunner().invoke(main, ["scenario", "--werkmap", str(ws), "--zet", "percelen.B1.verdeling.max_aandeel=0.4"])
    uit = " ".join(res.output.split())
    assert "Gewogen score" not in uit
    assert "(Plafondprijs - fictieve prijs) x inburgeraars: EUR 77.500,00 -> EUR 76.000,00 (-EUR 1.500,00)" in uit


def test_capaciteit_zonder_verdeling_noemt_het_hele_bereik(voorbeeld: Path) -> None:
    """Z-route of the example: demand 16, Kompas Inburgering capacity 10, so Inburgerwijs Academie (10 of its 10) needs
    at least 16 - 10 = 6, and 6 is enough (Kompas takes Huizen 2, Laren 1, Wijdemeren 2 and 5 of Hilversum, Inburgerwijs
    Blaricum 1, Gooise Meren 3 and 2 of Hilversum). Knock-out: capacity at least 2. So the share drops from 9 down to 6
    and 2 to 5 allow no allocation. The sentence used to ask only at 2 and at 9 and said "bij een capaciteit van 2 kan de
    verdeling niet worden gemaakt", leaving 3 to 5 unsaid; Kompas's own sentence named 5 alone, as if 2 to 4 worked."""
    res = CliRunner().invoke(main, ["zekerheid", "--werkmap", str(voorbeeld), "--lots", "Z", "--trekkingen", "100"])
    assert res.exit_code == 0, res.output
    uit = " ".join(res.output.split())
    assert (
        "Inburgerwijs Academie krijgt 10 bij capaciteit 10: bij een capaciteit van 6 tot en met 9 daalt het aandeel; "
        "bij een capaciteit van 2 tot en met 5 kan de verdeling niet worden gemaakt (bij 5: Perceel Z-route: de "
        "geldige inschrijvers hebben samen 15 plaatsen, de vraag is 16); bij minder dan 2 is de inschrijving "
        "ongeldig" in uit
    )
    assert (
        "Kompas Inburgering krijgt 6 bij capaciteit 10: bij een capaciteit van 2 tot en met 5 kan de verdeling" in uit
    )
    [c] = [
        c
        for c in json.loads(
            CliRunner()
            .invoke(main, ["zekerheid", "--werkmap", str(voorbeeld), "--lots", "Z", "--trekkingen", "100", "--json"])
            .output
        )["Z"]["capaciteit"]
        if c["inschrijver"] == "Inburgerwijs Academie"
    ]
    assert (c["laagste"], c["onmogelijk_vanaf"], c["onmogelijk_tot"]) == (6, 2, 5)


def test_storing_noemt_de_trekkingen_zonder_geldige_inschrijving(tmp_path: Path) -> None:
    """One bid (Alfa, quality 50) against a minimum quality of 50: a draw that moves the scores down puts it under the
    minimum, and then no bid is valid. The sentence said only 'blijft Alfa in N van de 300 trekkingen alleen eerste',
    the rest of the draws unexplained (there is no other bidder, and no tie with one bid). It now names them: the
    two counts make the 300 (derived: one bidder is either first alone or not valid)."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["knockout"]["minimum_kwaliteit"] = {"drempel": 50}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 8000, 30, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 50})
    opdracht = ["zekerheid", "--werkmap", str(ws), "--trekkingen", "300"]
    s = json.loads(CliRunner().invoke(main, [*opdracht, "--json"]).output)["B1"]["storing"]
    n, geen = s["aantal_winnaar_blijft"], s["geen_geldige"]
    assert n + geen == 300 and 0 < geen < 300 and s["gedeeld_eerste"] == 0, s
    tekst = " ".join(CliRunner().invoke(main, opdracht).output.split())
    procent = str(round(100 * geen / 300, 1)).replace(".", ",")
    assert (
        f"In {geen} trekkingen ({procent}%) is geen inschrijving geldig, omdat iedere kwaliteitsscore onder de "
        "minimale kwaliteit valt: het perceel zou dan niet gegund worden." in tekst
    ), tekst
    assert "delen twee of meer inschrijvers" not in tekst

"""One gemeente, one inburgeraar, one supplier: the explanation of the allocation and the letter that addresses it
say it in the singular. A bidder serving only Noord read 'de vraag in de gemeenten die u bedient ging ook naar
inschrijvers met een hogere totaalscore (A: 10)'; one that got the single inburgeraar of its single gemeente read
'de gemeenten die u bedient (G1) hebben samen 1 inburgeraars'."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from evaluatie.rapport.aanspreken import tot_u
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel
from tests.test_verklaring import _lev, _probleem, _verklaring


def test_een_gemeente_en_een_inschrijver_met_hogere_score() -> None:
    """Demand 12 in G1: A (value 80, capacity 10) takes 10, B (value 70) the other 2 of its 10; both serve G1 only."""
    p = _probleem({"G1": 12}, [_lev("A", 80, 10, ("G1",), 0), _lev("B", 70, 10, ("G1",), 1)])
    x, kregen = _verklaring(p, "B")
    assert kregen == {"A": 10, "B": 2}
    assert (
        "de vraag in de gemeente die het bedient ging ook naar een inschrijver met een hogere totaalscore (A: 10)"
        in (x.zin)
    )
    assert "waarin een inburgeraar bij die inschrijver zwaarder weegt" in x.zin
    assert "de vraag in de gemeente die u bedient ging ook naar een inschrijver" in tot_u(x.zin, "B")


def test_twee_inschrijvers_met_hogere_score_blijft_meervoud() -> None:
    """Demand 12 in G1 and G2: A and C (value 80, capacity 5 each) take 10, B (value 70, both gemeenten) gets 2."""
    lev = [_lev("A", 80, 5, ("G1", "G2"), 0), _lev("C", 80, 5, ("G1", "G2"), 1), _lev("B", 70, 10, ("G1", "G2"), 2)]
    p = _probleem({"G1": 6, "G2": 6}, lev)
    x, kregen = _verklaring(p, "B")
    assert kregen == {"A": 5, "C": 5, "B": 2}
    assert "de vraag in de gemeenten die het bedient ging ook naar inschrijvers met een hogere totaalscore" in x.zin
    assert "bij hen zwaarder weegt" in x.zin


def test_een_gemeente_met_een_inburgeraar() -> None:
    """G1 has 1 inburgeraar and A (capacity 10) serves only G1: it gets that one."""
    p = _probleem({"G1": 1, "G2": 5}, [_lev("A", 80, 10, ("G1",), 0), _lev("B", 70, 10, ("G1", "G2"), 1)])
    x, kregen = _verklaring(p, "A")
    assert kregen == {"A": 1, "B": 5}
    assert x.zin.endswith(": de gemeente die het bedient (G1) heeft 1 inburgeraar, en die krijgt het")
    assert tot_u(x.zin, "A").endswith(": de gemeente die u bedient (G1) heeft 1 inburgeraar, en die krijgt u")


def test_een_gemeente_met_meer_inburgeraars() -> None:
    """G1 has 4 inburgeraars and A (capacity 10) serves only G1: it gets all 4."""
    p = _probleem({"G1": 4, "G2": 5}, [_lev("A", 80, 10, ("G1",), 0), _lev("B", 70, 10, ("G1", "G2"), 1)])
    x, _ = _verklaring(p, "A")
    assert x.zin.endswith(": de gemeente die het bedient (G1) heeft 4 inburgeraars, en die krijgt het allemaal")
    assert tot_u(x.zin, "A").endswith("de gemeente die u bedient (G1) heeft 4 inburgeraars, en die krijgt u allemaal")


def test_maximum_van_een_leverancier() -> None:
    """max_leveranciers 1, demand 10: A (value 80) has capacity 6, B (value 70) capacity 10. Stage 1 maximises value x
    inburgeraars: B alone 70 x 10 = 700, A alone 80 x 6 = 480, so B gets 10 and A nothing; without the rule A would
    get 6 (and B the other 4)."""
    p = _probleem({"G1": 10}, [_lev("A", 80, 6, ("G1",), 0), _lev("B", 70, 10, ("G1",), 1)], max_leveranciers=1)
    x, kregen = _verklaring(p, "A")
    assert kregen == {"B": 10}
    assert "het maximum van 1 leverancier voor het perceel is bereikt met B; zonder die regel zou het 6 krijgen" in (
        x.zin
    )


def test_brief_aan_inschrijver_die_een_gemeente_bedient(tmp_path: Path) -> None:
    """kleine_aanbesteding (Noord 10, Oost 6, Zuid 4; relatief 60/40): A (all 100, EUR 9.000, capacity 20, all
    gemeenten) scores 100, B (all 75, EUR 9.000, capacity 10, Noord only) 85. A takes all 20; B gets 0 and its
    only gemeente's 10 went to A."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9000, 10, 12, 4, "Noord")])
    vul_panel(ws, {"A": 100, "B": 75})
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    tekst = html_tekst(ws / "rapporten" / "brieven" / "b-b1.html")
    assert (
        "U krijgt 0 van uw capaciteit van 10: de vraag in de gemeente die u bedient ging ook naar een inschrijver "
        "met een hogere totaalscore (A: 10)"
    ) in tekst
    assert "gemeenten die u bedient" not in tekst and "bij hen" not in tekst


def test_brief_noemt_de_ontvanger_in_zijn_gelijke_stand_u_en_laat_de_andere_stand() -> None:
    """Two ties in one sentence (verdeling.verklaring._hoeveel joins them with ' en '): only the addressee's own tie
    changes, its own name (a comma in it included) out and 'en u' last; the other tie keeps its names."""
    zin = (
        "Alfa, Taal B.V. krijgt 5 van zijn capaciteit 9: x; zonder die regel zou het 5 tot 9 krijgen, naar gelang de "
        "volgorde binnen de gelijke standen op rang 1 (Aanzet, Alfa, Taal B.V., Beta) en rang 3 (Delta, Epsilon), die "
        "geen beslisregel of loting bepaalt"
    )
    assert tot_u(zin, "Alfa, Taal B.V.").endswith(
        "binnen de gelijke standen op rang 1 (Aanzet, Beta en u) en rang 3 (Delta, Epsilon), die geen beslisregel of "
        "loting bepaalt"
    )
    assert tot_u(zin, "Epsilon").endswith("rang 1 (Aanzet, Alfa, Taal B.V., Beta) en rang 3 (Delta en u), die geen "
                                          "beslisregel of loting bepaalt")  # fmt: skip

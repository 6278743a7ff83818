"""No silent fallback: a missing score, a failed re-solve in an explanation or a capacity margin is
said in words, never turned into a normal-looking result."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from evaluatie.definitie.model import Verdeelregels
from evaluatie.fouten import EvaluatieFout
from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem
from evaluatie.verdeling.verdelen import verdeel
from evaluatie.verdeling.verklaring import verklaar
from evaluatie.werkmap import Werkmap
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling

CRITERIA = ("Plan van aanpak", "Samenwerking")


def test_een_beoordelaar_weglaten_rekent_niet_met_nullen(tmp_path: Path) -> None:
    """With one reviewer, leaving her out leaves every row without a score. Before, that counted as 0
    and zekerheid named a 'new winner' on all-zero quality; now it says the ranking cannot be made, because she is the
    only reviewer (also where a minimum quality would first have refused every bid on those zeros)."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(beoordelaars=["Ada"]))
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 8000, 20, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    scores: dict[tuple[str, str], object] = {("X", c): 100 for c in CRITERIA}
    scores.update({("Y", c): 50 for c in CRITERIA})
    vul_beoordeling(ws / "beoordelingen" / "ada.xlsx", scores)
    r = CliRunner().invoke(main, ["zekerheid", "--werkmap", str(ws), "--trekkingen", "100", "--volledig"])
    assert r.exit_code == 0, r.output
    tekst = " ".join(r.output.split())
    assert (
        "Zonder de scores van Ada is geen gunning mogelijk: Ada is de enige beoordelaar; zonder die scores blijft er "
        "geen panel over om de uitkomst mee te vergelijken." in tekst
    ), tekst
    assert "wordt Y eerste" not in tekst and "wordt X eerste" not in tekst


def _probleem() -> Verdeelprobleem:
    """S1 (value 80, capacity 15) and S2 (70, capacity 30); demand 20; min_volume 8: S1 15 would leave
    S2 5 < 8, so S1 gets 12 and S2 8 (hand: 12 x 80 + 8 x 70 = 1.520 beats 20 x 70 = 1.400)."""
    lev = (Leverancier("S1", 80.0, 9000.0, 15, ("G",), 0), Leverancier("S2", 70.0, 8000.0, 30, ("G",), 1))
    return Verdeelprobleem("B1", "B1-route", {"G": 20}, {"G": "R"}, lev, Verdeelregels(min_volume=8))


def test_verklaring_zegt_dat_een_herberekening_mislukte() -> None:
    p = _probleem()
    v = verdeel(p, "highs")
    assert v.per_leverancier() == {"S1": 12, "S2": 8}

    def los(q: Verdeelprobleem):
        if q.regels.min_volume is None:  # the re-solve without min_volume fails (as a time limit would)
            raise EvaluatieFout(["Perceel B1-route: de oplosser vond binnen de tijdslimiet geen bewezen optimum"])
        return verdeel(q, "highs")

    uit = {x.inschrijver: x for x in verklaar(p, v, los)}
    assert uit["S1"].oorzaken == ("niet_berekend",)
    assert uit["S1"].zin == (
        "S1 krijgt 12 van zijn capaciteit 15: of de regel minimaal volume meespeelt, kon niet worden berekend "
        "(Perceel B1-route: de oplosser vond binnen de tijdslimiet geen bewezen optimum)"
    )
    # with a working solver the same lot names the rule that binds
    goed = {x.inschrijver: x for x in verklaar(p, v, lambda q: verdeel(q, "highs"))}
    assert goed["S1"].oorzaken == ("min_volume",)


def test_capaciteitsmarge_zegt_dat_zij_niet_berekend_is() -> None:
    from evaluatie.zekerheid.model import Capaciteitsmarge, Zekerheid
    from evaluatie.zekerheid.tekst import zinnen

    c = Capaciteitsmarge(
        inschrijver="S1",
        toegewezen=10,
        capaciteit=10,
        verlaging=1,
        verhoging=None,
        niet_berekend="met 1 plaats meer: X",
        laagste=0,
    )
    z = Zekerheid(perceel="B1", winnaar="S1", gegund=("S1",), weglatingen=(), storing=None, marges=(), capaciteit=(c,))
    assert zinnen(z, "B1-route")["capaciteit"] == [
        "S1 krijgt 10 bij capaciteit 10: bij een capaciteit van 9 of minder daalt het aandeel; of meer capaciteit "
        "het aandeel verandert, kon niet worden berekend (met 1 plaats meer: X)."
    ]


def test_zonder_beoordelaars_telt_geen_score_als_nul(tmp_path: Path) -> None:
    """`beoordelaars: []` with bids to score: `template beoordeling` wrote nothing and said nothing (exit 0), and
    `beoordelingen` showed every row as 0,0 and every quality score as 0,00, so the award turned every bid down on
    minimum_kwaliteit. Now each says that no reviewers are named (exit 2)."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(beoordelaars=[]))
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 30, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 30, 12, 4, "alle")])
    for opdracht in (["template", "beoordeling"], ["beoordelingen"], ["gunning"]):
        res = CliRunner().invoke(main, [*opdracht, "--werkmap", str(ws)])
        assert res.exit_code == 2, (opdracht, res.output)
        assert " ".join(res.output.split()) == (
            "Fouten in de invoer (1): aanbesteding.yaml: beoordelaars: er zijn geen beoordelaars genoemd, terwijl de "
            "kwaliteitsplannen van 2 inschrijvingen (per inschrijver en perceel) een score nodig hebben (een "
            "ontbrekende score telt nooit als 0); noem de beoordelaars (beoordelaars: [A. Jansen, B. de Vries]) en "
            "schrijf hun formulieren met evaluatie template beoordeling"
        ), (opdracht, res.output)
    assert list((ws / "beoordelingen").iterdir()) == []

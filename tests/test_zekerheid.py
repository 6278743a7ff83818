"""Award certainty: leave-one-reviewer-out, Monte Carlo, exact margins, scenarios, reproducibility."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from evaluatie.pipeline import gun
from evaluatie.werkmap import Werkmap
from evaluatie.zekerheid.storing import storing
from evaluatie.zekerheid.tekst import zinnen
from evaluatie.zekerheid.uitvoeren import zekerheid
from tests.hulp import zet_in_bod


@pytest.fixture(scope="module")
def award(voorbeeld_bron: Path):
    return gun(Werkmap(voorbeeld_bron), "B1")


def test_weglaten_noemt_de_afwijkende_beoordelaar(award) -> None:
    z = zekerheid(award, trekkingen=2000)["B1"]
    per = {w.beoordelaar: w for w in z.weglatingen}
    assert z.winnaar == "Taalhuis De Brug B.V."
    # Without Joost de Ridder, Inburgerwijs's K2 and K4 rise to 75 (quality 75, total 0.6 x 75 + 40 = 85)
    # and Taalhuis's K1 drops to 75 (quality 72.5, total 43.5 + 37.83 = 81.33): the winner changes.
    assert not per["Joost de Ridder"].winnaar_gelijk and per["Joost de Ridder"].winnaar == "Inburgerwijs Academie"
    assert per["Anouk Verbeek"].winnaar_gelijk and per["Mehmet Yilmaz"].winnaar_gelijk


def test_storing_is_gezaaid(award) -> None:
    a = storing(award, "B1", 10_000)
    b = storing(award, "B1", 10_000)
    assert a.kans_winnaar_blijft == b.kans_winnaar_blijft and a.kans_eerste == b.kans_eerste
    assert 0.2 < a.kans_winnaar_blijft < 0.8  # close race: 83.83 against 83.00
    assert abs(sum(a.kans_eerste.values()) - 1) < 0.01  # ties (counted for nobody) are rare
    # speed is measured by bench/zekerheid.py, never asserted against the wall clock


def test_marges_exact(award) -> None:
    z = zekerheid(award, trekkingen=1000)["B1"]
    m = {x.inschrijver: x for x in z.marges}
    # Inburgerwijs: 83.8261 - 83.0 = 0.8261 total short; / 0.6 = 1.3768 quality points
    # (46 + 0.4 x 8700 / 9200 x 100 - 83.0) / 0.6 = 1.3768 exactly; said in tenths, rounded up: 1.3 is not enough
    assert m["Inburgerwijs Academie"].kwaliteit == 1.4
    # It already has the lowest price, so a cut lowers everyone's price score; level with Taalhuis when
    # (0.6 x (71.667 - 76.667) + 40) x 9200 / 40 = 37 x 230 = 8510: a cut of EUR 190. Scores are compared at 4
    # decimals (prijs.precisie): at 8510.01 Taalhuis's price score is 0.4 x 8510.01 / 9200 x 100 = 37.0000435, its
    # total 83.0000435, which compares equal to Inburgerwijs's 83.0; at 8510.02 it is 83.000087, still ahead.
    assert m["Inburgerwijs Academie"].prijs == 189.99
    uit = CliRunner().invoke(
        main, ["zekerheid", "--werkmap", str(award.invoer.werkmap.root), "--lots", "B1", "--trekkingen", "1000"]
    )
    assert uit.exit_code == 0, uit.output
    assert (
        "Inschrijver Inburgerwijs Academie (rang 2) had 1,4 kwaliteitspunten meer nodig gehad om minstens gelijk "
        "te komen met de eerste, of een prijs die EUR 189,99 per traject lager was (naar boven afgerond op 0,1 "
        "punt en op hele centen)."
    ) in " ".join(uit.output.split())  # the terminal wraps long sentences
    assert "Zonder de scores van Joost de Ridder wordt Inburgerwijs Academie eerste" in uit.output
    assert "Scores verstoren" in uit.output and "Capaciteit en aandeel" in uit.output


def test_capaciteitsmarge(award) -> None:
    z = zekerheid(award, trekkingen=1000)["B1"]
    c = {x.inschrijver: x for x in z.capaciteit}
    # Taalhuis gets 49 (max_aandeel), capacity 60: lowering to 48 changes it; more capacity changes nothing
    assert (c["Taalhuis De Brug B.V."].toegewezen, c["Taalhuis De Brug B.V."].verlaging) == (49, 12)
    assert c["Taalhuis De Brug B.V."].verhoging is None
    # Inburgerwijs gets 98 - 49 - 10 = 39 of its 45: Kompas keeps min_volume 10. Its capacity does not bind, but at 49
    # (max_aandeel, the most it can get) it takes 49 and Kompas none, which stage 1 prefers (a higher total than
    # Kompas); the sentence said more capacity changed nothing. Kompas (10 of 35) gets no more even with 42, all of its
    # gemeenten: Taalhuis and Inburgerwijs, ranked higher, keep theirs.
    assert (c["Inburgerwijs Academie"].verhoging, c["Inburgerwijs Academie"].na_verhoging) == (4, 49)
    assert (c["Kompas Inburgering"].verhoging, c["Kompas Inburgering"].geprobeerd) == (None, (7,))
    tekst = " ".join(zinnen(z, "B1-route")["capaciteit"])
    assert "met 4 plaatsen meer (capaciteit 49) krijgt het 49" in tekst
    assert (
        "ook met 7 plaatsen meer (capaciteit 42, het meeste dat het in zijn gemeenten kan krijgen) verandert" in tekst
    )


def test_scenario_twee_zetten(voorbeeld: Path) -> None:
    """Hand reasoning: vaste_prijs makes total = quality (Taalhuis 76.67 > Inburgerwijs 71.67 > Kompas 65 >
    Spreekbeurt 60: ranks unchanged). max_aandeel 0.6 of 98 = 58: Taalhuis (cap 60) takes 58, Inburgerwijs
    (cap 45, serves all) the other 40, Kompas loses its 10. Cost: +9 x 9200 + 1 x 8700 - 10 x 9000 = +1,500."""
    res = CliRunner().invoke(
        main,
        [
            "scenario",
            "--werkmap",
            str(voorbeeld),
            "--lots",
            "B1",
            "--zet",
            "percelen.B1.verdeling.max_aandeel=0.6",
            "--zet",
            "percelen.B1.prijsmethode=vaste_prijs",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "Taalhuis De Brug B.V.: rang 1 -> 1, totaal 83,83 -> 76,67" in res.output
    assert "Huizen: Kompas Inburgering 6 -> 0" in res.output and "Laren: Kompas Inburgering 4 -> 0" in res.output
    # vaste_prijs: every trajectory at the one fixed price, the ceiling: 98 x EUR 10.000 = EUR 980.000
    assert "Kosten per jaar: EUR 880.100,00 -> EUR 980.000,00 (+EUR 99.900,00)" in res.output
    assert "max_aandeel: 0.5" in (voorbeeld / "aanbesteding.yaml").read_text(encoding="utf-8")  # untouched


@pytest.mark.parametrize(
    ("zet", "melding"),
    [
        ("percelen.B1.verdeling.max_andeel=0.6", "onbekend veld 'max_andeel'; geldig: max_aandeel, min_volume"),
        ("percelen.PVT.prijsmethode=relatief", "percelen.PVT: onbekend 'PVT'; geldig: B1, onderwijs, Z"),
        (
            "percelen.Z.prijsmethode=gratis",
            "geldig: fictieve_korting, lineair, relatief, vaste_prijs",
        ),  # registry order
        ("percelen.B1.verdeling.max_aandeel", "verwacht PAD=WAARDE"),
    ],
)
def test_scenario_foute_zet_is_gebruiksfout(voorbeeld: Path, zet: str, melding: str) -> None:
    res = CliRunner().invoke(main, ["scenario", "--werkmap", str(voorbeeld), "--zet", zet])
    assert res.exit_code == 2
    assert melding in res.output


def test_controleer_slaagt_en_vindt_gewijzigd_bod(voorbeeld: Path) -> None:
    assert CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--lots", "B1"]).exit_code == 0
    regel = json.loads((voorbeeld / "logboek.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    assert regel["commando"] == "gunning" and len(regel["uitvoer"]) > 10
    ok = CliRunner().invoke(main, ["controleer", "--werkmap", str(voorbeeld)])
    assert ok.exit_code == 0, ok.output
    assert "byte voor byte gereproduceerd" in ok.output
    pad = voorbeeld / "inschrijvingen" / "kompas.xlsx"
    wb = load_workbook(pad)
    wb["Percelen"]["B2"] = 8999
    wb.save(pad)
    nok = CliRunner().invoke(main, ["controleer", "--werkmap", str(voorbeeld)])
    assert nok.exit_code == 1
    assert "inschrijvingen/kompas.xlsx: gewijzigd sinds de gunning" in nok.output
    assert "rapporten/gunning.json: niet byte voor byte gereproduceerd" in nok.output


def test_controleer_noemt_iedere_fout_van_de_herhaling_apart(voorbeeld: Path) -> None:
    """Two bids changed into input errors after the award: the re-run's errors came as one item joined by a newline,
    the second line unindented under 'Niet gereproduceerd' and one string in --json. Now one item per error."""
    assert CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--geen-rapport"]).exit_code == 0
    for bestand, cel in (("kompas.xlsx", "B2"), ("taalhuis.xlsx", "B3")):
        zet_in_bod(voorbeeld, bestand, cel, "abc")
    res = CliRunner().invoke(main, ["controleer", "--werkmap", str(voorbeeld), "--json"])
    assert res.exit_code == 1, res.output
    niet = json.loads(res.stdout)["niet_gereproduceerd"]
    assert [n.split(": prijs per traject")[0] for n in niet] == [
        "de gunning kan niet opnieuw worden uitgevoerd: kompas.xlsx!Percelen!B2",
        "de gunning kan niet opnieuw worden uitgevoerd: taalhuis.xlsx!Percelen!B3",
    ]
    assert not any("\n" in n for n in niet)


def test_controleer_vindt_handmatig_gewijzigd_rapport(voorbeeld: Path) -> None:
    assert CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--lots", "Z"]).exit_code == 0
    pad = voorbeeld / "rapporten" / "brieven" / "kompas-inburgering-z.html"
    pad.write_text(pad.read_text(encoding="utf-8").replace("Geachte", "Beste"), encoding="utf-8")
    nok = CliRunner().invoke(main, ["controleer", "--werkmap", str(voorbeeld)])
    assert nok.exit_code == 1
    assert "rapporten/brieven/kompas-inburgering-z.html: met de hand gewijzigd na de gunning" in nok.output


def test_controleer_noemt_andere_code_als_oorzaak(voorbeeld: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The inputs are as they were but the code is not (an update of evaluatie changed a sentence): controleer said
    only 'niet byte voor byte gereproduceerd' and 'niet reproduceerbaar uit de huidige bestanden', and an auditor
    could not tell that the files are fine and the code differs. It names the code of the award and its own."""
    assert CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--lots", "Z"]).exit_code == 0
    gelogd = json.loads((voorbeeld / "logboek.jsonl").read_text(encoding="utf-8").splitlines()[-1])
    from evaluatie.rapport import schrijven

    echt = schrijven.gemeente_html
    monkeypatch.setattr(schrijven, "gemeente_html", lambda g, naam: echt(g, naam).replace("Overzicht", "Stand"))
    monkeypatch.setattr("evaluatie.controle.code_commit", lambda: "abcdef0123456789")
    nok = CliRunner().invoke(main, ["controleer", "--werkmap", str(voorbeeld)])
    assert nok.exit_code == 1
    assert "Invoer gewijzigd" not in nok.output
    tekst = " ".join(nok.output.split())
    toen = f"evaluatie {gelogd['versie']}" + (f" (commit {gelogd['commit']})" if gelogd.get("commit") else "")
    assert (
        f"Code gewijzigd: de gunning liep met {toen}, deze controle met evaluatie {gelogd['versie']} (commit " in tekst
    )
    assert (
        "de gunning is niet gereproduceerd; de invoer is ongewijzigd, maar de code verschilt van die van de gunning "
        "(zie hierboven): controleer met de versie van de gunning" in tekst
    )


def test_controleer_met_dezelfde_niet_vastgelegde_wijzigingen(voorbeeld: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Award and check on the same commit with uncommitted changes: the labels are equal, the code need not be."""
    monkeypatch.setattr("evaluatie.logboek.code_commit", lambda *_: "abc1234+gewijzigd")
    monkeypatch.setattr("evaluatie.controle.code_commit", lambda *_: "abc1234+gewijzigd")
    assert CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--lots", "Z"]).exit_code == 0
    ok = CliRunner().invoke(main, ["controleer", "--werkmap", str(voorbeeld)])
    assert ok.exit_code == 0, ok.output
    assert (
        "de gunning en deze controle liepen allebei met evaluatie 0.1.0 (commit abc1234+gewijzigd), met wijzigingen "
        "die niet in een commit staan" in " ".join(ok.output.split())
    )

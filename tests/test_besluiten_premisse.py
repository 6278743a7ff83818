"""Premises of recorded decisions that move with the tender, not with the bid: re-checked on every run, never
applied silently once they no longer hold. Real workbooks in tmp dirs, real CLI calls."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from docx import Document

from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, schrijf_yaml
from tests.test_besluiten import DOOR, _loting, _run, _vul  # the same werkmap helpers as the decisions' own tests
from tests.test_besluiten_verouderd import _keurmerkwerkmap


def _keurmerk_onder_voorwaarde(ws: Path, door: str = DOOR) -> tuple[str, ...]:
    """The arguments of 'evaluatie keurmerk' recording a condition on A's award (without --datum)."""
    return ("keurmerk", "--werkmap", str(ws), "--inschrijver", "A", "--uitkomst", "onder_voorwaarde",
            "--reden", "De verlenging is aangevraagd; de audit staat gepland.", "--door", door)  # fmt: skip


def _keurmerk_verlengd_tot_10_april(ws: Path) -> tuple[str, ...]:
    """The arguments of 'evaluatie keurmerk' recording A's renewal to 10 April 2026 (proof 9 March, decided 10 March)."""
    return ("keurmerk", "--werkmap", str(ws), "--inschrijver", "A", "--uitkomst", "verlengd",
            "--verlengd-tot", "2026-04-10", "--bewijs", "2026-03-09",
            "--reden", "Het bewijs van verlenging is ontvangen.", "--door", DOOR, "--datum", "2026-03-10")  # fmt: skip


def _zet_gunningsdatum(ws: Path, datum: str) -> None:
    data = yaml.safe_load((ws / "aanbesteding.yaml").read_text(encoding="utf-8"))
    data["data"]["gunning"] = datum
    schrijf_yaml(ws / "aanbesteding.yaml", data)


def test_keurmerk_onder_voorwaarde_verouderd_als_het_keurmerk_niet_meer_voor_de_gunning_verloopt(
    tmp_path: Path,
) -> None:
    ws = _keurmerkwerkmap(tmp_path)
    res = _run(*_keurmerk_onder_voorwaarde(ws), "--datum", "2026-03-10")
    assert res.exit_code == 0, res.output
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    # the award moves to 18 March: the keurmerk (valid to 20 March) no longer lapses before it, so the letter's
    # sentence "verloopt vóór de datum van de gunning" would be false
    _zet_gunningsdatum(ws, "2026-03-18")
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1, res.output  # an open point (it was an input error, exit 2, before)
    assert "K1: verouderd besluit: het keurmerk van A is geldig tot 20 maart 2026 en verloopt niet meer vóór" in (
        " ".join(res.output.split())
    )
    assert "evaluatie intrekken K1" in res.output
    assert "Traceback" not in res.output


def test_keurmerk_verlengd_verouderd_als_de_verlenging_de_gunning_niet_meer_haalt(tmp_path: Path) -> None:
    ws = _keurmerkwerkmap(tmp_path)
    res = _run(*_keurmerk_verlengd_tot_10_april(ws))
    assert res.exit_code == 0, res.output
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    # the award moves to 1 May: renewed to 10 April, the keurmerk has lapsed again before the award
    _zet_gunningsdatum(ws, "2026-05-01")
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1, res.output  # an open point (it was an input error, exit 2, before)
    uit = " ".join(res.output.split())
    assert "K1: verouderd besluit: de verlenging van het keurmerk van A tot 10 april 2026 reikt niet meer tot" in uit
    assert "evaluatie intrekken K1" in uit
    # withdrawn, the keurmerk is an open point again (exit 1), with its command
    res = _run("intrekken", "--werkmap", str(ws), "K1", "--reden", "De gunning is verschoven naar mei.",
               "--door", DOOR, "--datum", "2026-03-12")  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1 and 'evaluatie keurmerk --inschrijver "A"' in res.output, res.output


# --- a what-if never asks to withdraw a decision, and says what the what-if still waits for ---------------------


def _gelijk(tmp_path: Path) -> Path:
    """X and Y: the same price and scores; X capacity 20, Y 12, for 20 inburgeraars: the draw decides."""
    ws = maak_werkmap(tmp_path / "gelijk", kleine_aanbesteding())
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9000, 12, 12, 4, "alle")])
    _vul(ws, {"X": 75, "Y": 75})
    return ws


def _loting_met_de_hand_omgedraaid(tmp_path: Path) -> Path:
    """_gelijk with the draw recorded (Y before X), then the order in loting.yaml swapped by hand."""
    ws = _gelijk(tmp_path)
    res = _loting(ws, "Y;X", "2026-03-20")
    assert res.exit_code == 0, res.output
    pad = ws / "loting.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("- Y\n  - X", "- X\n  - Y"), encoding="utf-8")
    return ws


def test_scenario_zonder_gelijke_stand_past_de_loting_niet_toe_en_zegt_dat(tmp_path: Path) -> None:
    ws = _gelijk(tmp_path)
    res = _loting(ws, "Y;X", "2026-03-20")
    assert res.exit_code == 0, res.output
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    loting = (ws / "loting.yaml").read_bytes()
    # the what-if lets the highest capacity decide the tie (X 20 > Y 12): the draw has no tie to settle there
    res = _run("scenario", "--werkmap", str(ws), "--zet", "percelen.B1.bij_gelijke_stand=[hoogste_capaciteit]")
    assert res.exit_code == 0, res.output
    uit = " ".join(res.output.split())
    assert "X: rang 2 -> 1" in uit and "Y: rang 1 -> 2" in uit
    assert "scenario: L1 wordt in dit scenario niet toegepast: perceel B1-route: de loting van 20 maart 2026" in uit
    # the totals still tie (85,00 each): the rule decides, not a tie that is gone
    assert (
        "hun totaalscores zijn nog gelijk en nu bepaalt de beslisregel bij gelijke stand (de hoogste capaciteit)" in uit
    )
    assert "geen gelijke stand meer" not in uit and "evaluatie intrekken" not in uit
    assert (ws / "loting.yaml").read_bytes() == loting  # a what-if changes no decision
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0  # the real award still applies L1


def test_scenario_met_een_nieuwe_gelijke_stand_noemt_de_loting_als_open(tmp_path: Path) -> None:
    ws = _gelijk(tmp_path)
    res = _run("scenario", "--werkmap", str(ws), "--zet", "percelen.B1.weging.kwaliteit=50",
               "--zet", "percelen.B1.weging.prijs=50", "--json")  # fmt: skip
    assert res.exit_code == 0, res.output
    open_ = json.loads(res.stdout)["open_punten"]
    assert [p["soort"] for p in open_] == ["loting"]
    assert "X, Y staan gelijk op rang 1" in open_[0]["tekst"]
    res = _run("scenario", "--werkmap", str(ws), "--zet", "percelen.B1.weging.kwaliteit=50",
               "--zet", "percelen.B1.weging.prijs=50")  # fmt: skip
    assert "Open in dit scenario: de uitkomst hierboven is voorlopig" in " ".join(res.output.split())


def test_scenario_waarin_de_prijs_niet_meer_abnormaal_laag_is(tmp_path: Path) -> None:
    """C bids 6000 against 9000 and 9500 (35% under their mean); rejected (A1). A what-if with a 40% threshold
    does not flag C: A1 is not applied there, C competes, and the real award still excludes C."""
    ws = maak_werkmap(tmp_path / "laag", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 10, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", "C", "33333333", [("B1", 6000, 10, 12, 4, "alle")])
    _vul(ws, {"A": 75, "B": 50, "C": 75})
    res = _run("toelichting", "--werkmap", str(ws), "--inschrijver", "C", "--lots", "B1", "--ontvangen",
               "2026-03-10", "--uitkomst", "verworpen", "--reden", "De loonkosten onder cao-niveau zijn niet verklaard.",
               "--door", DOOR, "--datum", "2026-03-20")  # fmt: skip
    assert res.exit_code == 0, res.output
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    res = _run("scenario", "--werkmap", str(ws), "--zet", "percelen.B1.abnormaal_laag=0.4")
    assert res.exit_code == 0, res.output
    uit = " ".join(res.output.split())
    assert "scenario: A1 wordt in dit scenario niet toegepast: C is in perceel B1 niet meer gesignaleerd" in uit
    # C (quality 75, lowest price: 0.6*75 + 40 = 85) ranks first in the what-if; A's price score drops to
    # 6000/9000*100 = 66.67, so A totals 0.6*75 + 0.4*66.67 = 71.67
    # C's standing in the words of the award, as a bid that drops out is said (it read 'nu toegelaten, rang 1', the
    # word of an open house)
    assert "C: abnormaal laag -> rang 1" in uit and "A: rang 1 -> 2, totaal 85,00 -> 71,67" in uit, uit
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0  # the real award still excludes C (A1)


def test_scenario_met_een_latere_gunning_past_het_keurmerkbesluit_niet_toe(tmp_path: Path) -> None:
    ws = _keurmerkwerkmap(tmp_path)
    res = _run(*_keurmerk_verlengd_tot_10_april(ws))
    assert res.exit_code == 0, res.output
    res = _run("scenario", "--werkmap", str(ws), "--zet", "data.gunning=2026-05-01", "--json")
    assert res.exit_code == 0, res.output
    open_ = json.loads(res.stdout)["open_punten"]
    assert [p["soort"] for p in open_] == ["keurmerk"] and "Het keurmerk van A verloopt op 20 maart 2026" in (
        open_[0]["tekst"]
    )
    assert "K1 wordt in dit scenario niet toegepast: de verlenging van het keurmerk van A tot 10 april 2026" in (
        " ".join(res.stderr.split())
    )


# --- the robustness analysis of a lot a draw decided ---------------------------------------------------------


def test_zekerheid_noemt_geen_marge_voor_wie_door_loting_tweede_werd(tmp_path: Path) -> None:
    """X and Y are level (85,00); the draw put Y first. X needed no quality point 'to become first': it already
    was level, and the draw put it behind, as the advies and X's letter say."""
    ws = _gelijk(tmp_path)
    res = _loting(ws, "Y;X", "2026-03-20")
    assert res.exit_code == 0, res.output
    res = _run("zekerheid", "--werkmap", str(ws), "--lots", "B1", "--trekkingen", "100")
    assert res.exit_code == 0, res.output
    uit = " ".join(res.output.split())
    assert "Inschrijver X (rang 2) heeft dezelfde totaalscore als Y; de volgorde is bepaald door loting." in uit
    assert "0,0 kwaliteitspunten" not in uit and "EUR 0,00 per traject lager" not in uit
    res = _run("zekerheid", "--werkmap", str(ws), "--lots", "B1", "--trekkingen", "100", "--json")
    assert json.loads(res.stdout)["B1"]["marges"][0]["gelijk_door"] == "loting"


# --- a recorded exclusion excludes, also in a lot without the knock-out rule 'uitsluitingsgronden' -------------


def test_uitsluiting_geldt_ook_in_een_perceel_zonder_de_knockoutregel(tmp_path: Path) -> None:
    """B1 has no 'uitsluitingsgronden' rule; D declares a ground and bids lower (8800 against 9000, same quality),
    so D would win. U1 excludes D: the advies lists U1 as 'uitgesloten', so D cannot be awarded the lot."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "d.xlsx", "D", "44444444", [("B1", 8800, 20, 12, 4, "alle")], uitsluiting="ja")
    _vul(ws, {"A": 75, "D": 75})
    res = _run("uitsluitingsgrond", "--werkmap", str(ws), "--inschrijver", "D", "--grond", "ernstige beroepsfout",
               "--artikel", "2.87", "--feiten", "Boete van de inspectie in 2025.",
               "--zelfreiniging", "Geen maatregelen genomen.",
               "--evenredigheid", "De fout is ernstig en recent; uitsluiting is evenredig.",
               "--uitkomst", "uitgesloten", "--reden", "De inschrijver heeft geen zelfreiniging aangetoond.",
               "--door", DOOR, "--datum", "2026-03-20")  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    b1 = data["percelen"]["B1"]
    assert [r["inschrijver"] for r in b1["rangorde"]] == ["A"]
    assert {t["inschrijver"] for t in b1["toewijzing"] if t["aantal"] > 0} == {"A"}
    brief = "\n".join(p.text for p in Document(str(ws / "rapporten" / "brieven" / "d-b1.docx")).paragraphs)
    assert (
        "Beslissing: uitgesloten" in brief and "Besluit U1 van 20 maart 2026: de inschrijving is uitgesloten" in brief
    )
    assert "gerangschikt" not in brief
    assert "Besluit U1 is genomen door P. de Vries, inkoopadviseur." in brief  # who excluded, as for a draw


# --- dates: no decision before the closing, no withdrawal after the letters ---------------------------------------


def test_besluit_voor_de_sluiting_en_intrekking_na_de_brieven_geweigerd(tmp_path: Path) -> None:
    """Closing 16 February 2026, letters (data.gunning, no data.verzending) 7 April 2026."""
    ws = _keurmerkwerkmap(tmp_path)
    keurmerk = _keurmerk_onder_voorwaarde(ws)
    res = _run(*keurmerk, "--datum", "2026-01-10")
    assert res.exit_code == 2
    assert "het besluit (2026-01-10) ligt vóór de sluiting van de inschrijving (2026-02-16)" in res.output
    assert not (ws / "besluiten.yaml").exists()
    assert _run(*keurmerk, "--datum", "2026-03-10").exit_code == 0
    voor = (ws / "besluiten.yaml").read_bytes()
    intrekken = ("intrekken", "--werkmap", str(ws), "K1", "--reden", "De audit is afgezegd; opnieuw besluiten.",
                 "--door", DOOR)  # fmt: skip
    res = _run(*intrekken, "--datum", "2026-05-01")
    assert (
        res.exit_code == 2 and "de intrekking (2026-05-01) ligt na de datum van de brieven (2026-04-07)" in res.output
    )
    assert (ws / "besluiten.yaml").read_bytes() == voor  # nothing written
    assert _run(*intrekken, "--datum", "2026-04-06").exit_code == 0
    # the letters' date moves before the withdrawal: checked on every run, named with its decision
    _zet_gunningsdatum(ws, "2026-04-01")
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    assert "besluiten.yaml: K1: de intrekking (2026-04-06) ligt na de datum van de brieven (2026-04-01)" in (
        " ".join(res.output.split())
    )


def test_keurmerkbesluit_voor_een_inschrijver_die_niet_meer_gegund_wordt_is_een_open_punt(tmp_path: Path) -> None:
    """K1 sets a condition on the award to A; the panel's scores change and B wins (A 25, B 100): the advies would
    state a condition on an award that is not made. An open point (exit 1) with the command that withdraws K1."""
    ws = _keurmerkwerkmap(tmp_path)
    res = _run(*_keurmerk_onder_voorwaarde(ws), "--datum", "2026-03-10")
    assert res.exit_code == 0, res.output
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    _vul(ws, {"A": 25, "B": 100})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1, res.output
    uit = " ".join(res.output.split())
    assert (
        "besluiten.yaml: K1: verouderd besluit: het besluit over het keurmerk van A gaat uit van een gunning aan A, "
        "maar A wordt nu niet gegund; het wordt niet toegepast. Trek het in en besluit zo nodig opnieuw." in uit
    )
    assert 'evaluatie intrekken K1 --reden "..." --door "naam, functie"' in uit
    assert not (ws / "rapporten" / "brieven").exists()
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    assert [p["soort"] for p in data["open_punten"]] == ["verouderd"]
    res = _run("intrekken", "--werkmap", str(ws), "K1", "--reden", "A wordt niet gegund; de voorwaarde vervalt.",
               "--door", DOOR, "--datum", "2026-03-12")  # fmt: skip
    assert res.exit_code == 0, res.output
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0


def test_terugtrekking_van_een_naam_die_het_panel_niet_beoordeelde_geweigerd(tmp_path: Path) -> None:
    """B withdrew after scoring; a slip in its name ('Bee') would record a withdrawal nobody made, and the advies
    would say 'Bee heeft de inschrijving teruggetrokken'."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    _vul(ws, {"A": 75, "B": 50})
    (ws / "inschrijvingen" / "b.xlsx").rename(tmp_path / "b.xlsx")
    terug = ("terugtrekking", "--werkmap", str(ws), "--ontvangen", "2026-03-12", "--reden",
             "De inschrijver heeft schriftelijk laten weten niet meer mee te doen.", "--door", DOOR,
             "--datum", "2026-03-13")  # fmt: skip
    res = _run(*terug, "--inschrijver", "Bee")
    assert res.exit_code == 2
    assert "'Bee' staat in geen beoordelingsformulier" in res.output
    assert "In de formulieren zonder inschrijving: B" in " ".join(res.output.split())
    assert not (ws / "besluiten.yaml").exists()
    res = _run(*terug, "--inschrijver", "b")  # other case: recorded as the forms write it
    assert res.exit_code == 0, res.output
    assert "inschrijver: B\n" in (ws / "besluiten.yaml").read_text(encoding="utf-8")
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0


def test_door_zonder_naam_of_zonder_functie_geweigerd(tmp_path: Path) -> None:
    ws = _keurmerkwerkmap(tmp_path)
    for door in ("Jan, ", ", inkoopadviseur", "Jan inkoopadviseur", "1, inkoopadviseur"):
        res = _run(*_keurmerk_onder_voorwaarde(ws, door), "--datum", "2026-03-10")
        assert res.exit_code == 2 and "--door: geef naam en functie" in res.output, (door, res.output)
    assert not (ws / "besluiten.yaml").exists()


def test_scenario_en_zekerheid_passen_een_met_de_hand_gewijzigd_besluit_niet_toe(tmp_path: Path) -> None:
    """The draw put Y first; someone swaps the order in loting.yaml by hand. The award refuses it (exit 2); the
    what-if and the robustness analysis must not compute with it either, and the overview says so."""
    ws = _loting_met_de_hand_omgedraaid(tmp_path)
    melding = "loting.yaml: is gewijzigd buiten de besluitcommando's om"
    for args in (
        ("gunning",),
        ("scenario", "--zet", "percelen.B1.weging.kwaliteit=50", "--zet", "percelen.B1.weging.prijs=50"),
        ("zekerheid", "--trekkingen", "100"),
    ):
        res = _run(args[0], "--werkmap", str(ws), *args[1:])
        assert res.exit_code == 2 and melding in res.output, (args, res.output)
    res = _run("besluiten", "--werkmap", str(ws))
    assert res.exit_code == 0 and f"Let op: {melding}" in res.stderr


def test_keurmerk_onder_voorwaarde_noemt_de_dag_waarvoor_het_verloopt(tmp_path: Path) -> None:
    """A's keurmerk lapses on 20 March 2026, before the award of 7 April (the letters go out that day). The letter
    said it lapses 'vóór de datum van de gunning of van de verzending van deze beslissing', leaving A to work out
    which; it names the award and its date. The list of decisions in the advies keeps the premise as recorded."""
    ws = _keurmerkwerkmap(tmp_path)
    res = _run(*_keurmerk_onder_voorwaarde(ws), "--datum", "2026-03-10")
    assert res.exit_code == 0, res.output
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    brief = "\n".join(p.text for p in Document(str(ws / "rapporten" / "brieven" / "a-b1.docx")).paragraphs)
    assert (
        "Het keurmerk (in de inschrijving geldig tot 20 maart 2026) verloopt vóór de datum van de gunning "
        "(7 april 2026). De gunning geschiedt onder de voorwaarde" in brief
    ), brief


def test_besluit_voor_een_verschoven_sluiting_noemt_het_hele_commando_dat_het_intrekt(tmp_path: Path) -> None:
    """The draw L1 (20 March) is recorded; then data.sluiting moves to 25 March 2026. The draw lies before it (exit
    2); the hint said "of trek het in met 'evaluatie intrekken L1'", a command
    that fails without --reden and --door, and 'het' for a draw (de loting: haar). It gives the whole command."""
    ws = _gelijk(tmp_path)
    assert _loting(ws, "Y;X", "2026-03-20").exit_code == 0
    data = yaml.safe_load((ws / "aanbesteding.yaml").read_text(encoding="utf-8"))
    data["data"]["sluiting"] = "2026-03-25"
    schrijf_yaml(ws / "aanbesteding.yaml", data)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    assert (
        "loting.yaml: L1: de loting (2026-03-20) ligt vóór de sluiting van de inschrijving (2026-03-25); over een "
        "inschrijving kan pas na de sluiting worden besloten; of trek haar in met 'evaluatie intrekken L1 --reden "
        '"..." --door "naam, functie"\'' in " ".join(res.output.split())
    )


def test_met_de_hand_gewijzigd_met_een_beschadigde_logboekregel_telt_in_woorden(tmp_path: Path) -> None:
    """The note on a decision file changed by hand counted the damaged logboek lines as 'regel(s)', a form letter's
    plural; one line is 'regel'."""
    ws = _loting_met_de_hand_omgedraaid(tmp_path)
    with (ws / "logboek.jsonl").open("a", encoding="utf-8") as f:
        f.write('{"commando": "gunning", half geschreven\n')
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert "(1 beschadigde regel in logboek.jsonl overgeslagen)" in uit, uit

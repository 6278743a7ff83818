"""`scenario --zet` on what a lot takes from its criteria set: applied exactly, or refused with the valid choices.

The bundled example's lots take their criteria and scale from the criteria set (no line in aanbesteding.yaml).
A change there must change that one value and keep the rest; the check is the same tender with the change
written out in aanbesteding.yaml by hand, awarded with `evaluatie gunning`.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import REPO


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def _scenario(werkmap: Path, perceel: str, *zetten: str, als_json: bool = False) -> Any:
    """`evaluatie scenario` for one lot (or a list) with these --zet values, in this order."""
    json_ = ["--json"] if als_json else []
    return _run(
        "scenario", "--werkmap", str(werkmap), "--lots", perceel, *json_, *(a for z in zetten for a in ("--zet", z))
    )


def _criteria_uit_de_set(code: str) -> dict[str, Any]:
    data = yaml.safe_load((REPO / "criteria" / "inburgering-2022.yaml").read_text(encoding="utf-8"))
    return dict(data["percelen"][code]["gunningscriteria"])


def _met_de_hand(voorbeeld: Path, doel: Path, wijzig: Any) -> Path:
    """A copy of the werkmap with aanbesteding.yaml changed by hand (the independent route)."""
    shutil.copytree(voorbeeld, doel)
    pad = doel / "aanbesteding.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    wijzig(data)
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return doel


def _rangorde(uitslag: dict[str, Any], code: str) -> list[tuple[str, float, float, int]]:
    return [(r["inschrijver"], r["kwaliteit"], r["totaal"], r["rang"]) for r in uitslag["percelen"][code]["rangorde"]]


def test_positie_0_van_een_criterium_uit_de_set_noemt_de_criteria(voorbeeld: Path) -> None:
    res = _scenario(voorbeeld, "B1", "percelen.B1.gunningscriteria.0.weging=80")
    assert res.exit_code == 2, res.output
    assert "verplicht veld ontbreekt" not in res.output
    assert "180" not in res.output
    for code in ("K1", "K2", "K3", "K4"):
        assert code in res.output
    assert "Plan van aanpak en maatwerk" in res.output
    assert "positie van 1 tot 4" in res.output


def test_een_nieuw_criterium_wordt_geweigerd(voorbeeld: Path) -> None:
    res = _scenario(voorbeeld, "B1", "percelen.B1.gunningscriteria.K9.weging=10")
    assert res.exit_code == 2, res.output
    assert "K9" in res.output and "niet beoordeeld" in res.output


def test_weging_van_een_criterium_uit_de_set_is_precies_die_wijziging(voorbeeld: Path, tmp_path: Path) -> None:
    """K1 by position, K2 by code: 25 + 35 + 20 + 20 = 100; names, descriptions and K3, K4 stay as in the set."""
    res = _scenario(
        voorbeeld,
        "B1",
        "percelen.B1.gunningscriteria.1.weging=25",
        "percelen.B1.gunningscriteria.K2.weging=35",
        als_json=True,
    )
    assert res.exit_code == 0, res.output
    na = json.loads(res.stdout)["na"]

    def wijzig(data: dict[str, Any]) -> None:
        criteria = _criteria_uit_de_set("B1")
        criteria["K1"] = {**criteria["K1"], "weging": 25}
        criteria["K2"] = {**criteria["K2"], "weging": 35}
        data["percelen"]["B1"]["gunningscriteria"] = criteria

    hand = _met_de_hand(voorbeeld, tmp_path / "hand", wijzig)
    gunning = _run("gunning", "--werkmap", str(hand), "--lots", "B1", "--geen-rapport", "--json")
    assert gunning.exit_code in (0, 1), gunning.output
    verwacht = json.loads(gunning.stdout)
    assert _rangorde(na, "B1") == _rangorde(verwacht, "B1")
    assert na["percelen"]["B1"]["toewijzing"] == verwacht["percelen"]["B1"]["toewijzing"]
    assert _rangorde(na, "B1") != _rangorde(json.loads(res.stdout)["voor"], "B1")


def test_weging_die_niet_optelt_tot_100_noemt_de_som_zonder_het_criterium_te_verminken(voorbeeld: Path) -> None:
    res = _scenario(voorbeeld, "B1", "percelen.B1.gunningscriteria.K1.weging=80")
    assert res.exit_code == 2, res.output
    assert "tellen op tot 140" in res.output  # 80 + 20 + 20 + 20
    assert "verplicht veld ontbreekt" not in res.output


def _kwaliteit_met_de_hand(werkmap: Path, punten: dict[str, float]) -> dict[str, float]:
    """B1 quality from the panel's workbooks read with openpyxl: per criterion the consensus score if the panel
    gave one, else the reviewers' mean; the labels worth `punten`; weights from the criteria set."""
    from openpyxl import load_workbook

    weging = {c["naam"]: c["weging"] for c in _criteria_uit_de_set("B1").values()}
    individueel: dict[tuple[str, str], list[float]] = {}
    consensus: dict[tuple[str, str], float] = {}
    for pad in sorted((werkmap / "beoordelingen").glob("*.xlsx")):
        wb = load_workbook(pad, data_only=True)
        ws = wb["Consensus"] if "Consensus" in wb.sheetnames else wb["Beoordeling"]
        for ins, perceel, crit, score, *_ in ws.iter_rows(values_only=True):
            if perceel != "B1" or score in (None, "") or crit not in weging:
                continue
            if pad.name == "consensus.xlsx":
                consensus[(str(ins), str(crit))] = punten[str(score)]
            else:
                individueel.setdefault((str(ins), str(crit)), []).append(punten[str(score)])
    uit: dict[str, float] = {}
    for ins in sorted({i for i, _ in individueel}):
        som = 0.0
        for crit, w in weging.items():
            rij = consensus.get((ins, crit))
            som += w * (rij if rij is not None else sum(individueel[(ins, crit)]) / len(individueel[(ins, crit)]))
        uit[ins] = som / 100 / sum(weging.values()) * 100
    return uit


def test_een_schaalpunt_uit_de_set_wijzigen_geeft_geen_traceback(voorbeeld: Path) -> None:
    """'voldoende' (step 3) counts 40 instead of 50; the other steps and their labels stay. Every score keeps the
    step the reviewer chose and counts the new points (checked against the workbooks read by hand)."""
    res = _scenario(voorbeeld, "B1", "percelen.B1.schaal.stappen.3.punten=40", als_json=True)
    assert res.exit_code == 0, res.output
    assert "Traceback" not in res.output
    nieuw = {"onvoldoende": 0.0, "matig": 25.0, "voldoende": 40.0, "goed": 75.0, "uitstekend": 100.0}
    verwacht = _kwaliteit_met_de_hand(voorbeeld, nieuw)
    oud = _kwaliteit_met_de_hand(voorbeeld, {**nieuw, "voldoende": 50.0})
    uitslag = json.loads(res.stdout)
    na = {r["inschrijver"]: r["kwaliteit"] for r in uitslag["na"]["percelen"]["B1"]["rangorde"]}
    voor = {r["inschrijver"]: r["kwaliteit"] for r in uitslag["voor"]["percelen"]["B1"]["rangorde"]}
    assert na == {k: round(v, 4) for k, v in verwacht.items() if k in na}
    assert voor == {k: round(v, 4) for k, v in oud.items() if k in voor}
    assert na != voor


def test_een_parameter_van_een_uitgezette_knockoutregel_wordt_geweigerd(voorbeeld: Path) -> None:
    res = _scenario(voorbeeld, "onderwijs", "percelen.onderwijs.knockout.keurmerk.peildatum=2021-06-04")
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    assert "percelen.onderwijs.knockout.keurmerk" in res.output and "staat uit (false)" in res.output


def test_aantal_voor_een_perceel_waaraan_de_gemeente_niet_meedoet(voorbeeld: Path) -> None:
    """Eemnes is not in lot Z: its number would count nowhere. Refused, by name and by position, with the way out;
    with Eemnes added to the lot in the same scenario the number counts (in either order)."""
    for gemeente in ("Eemnes", "2"):
        res = _scenario(voorbeeld, "Z", f"gemeenten.{gemeente}.inburgeraars.Z=3")
        assert res.exit_code == 2, res.output
        assert "Eemnes neemt niet deel aan perceel Z" in res.output
        assert "percelen.Z.gemeenten" in res.output
    lijst = "percelen.Z.gemeenten=[Blaricum, Eemnes, Gooise Meren, Hilversum, Huizen, Laren, Wijdemeren]"
    for zetten in (["gemeenten.Eemnes.inburgeraars.Z=3", lijst], [lijst, "gemeenten.Eemnes.inburgeraars.Z=3"]):
        res = _scenario(voorbeeld, "Z", *zetten, als_json=True)
        assert res.exit_code == 0, res.output
        toewijzing = json.loads(res.stdout)["na"]["percelen"]["Z"]["toewijzing"]
        assert "Eemnes" in json.dumps(toewijzing)


def test_een_schaal_met_een_ander_aantal_stappen_wordt_geweigerd(voorbeeld: Path) -> None:
    res = _scenario(voorbeeld, "B1", "percelen.B1.schaal.stappen=[0, 50, 100]")
    assert res.exit_code == 2, res.output
    assert "3 schaalstappen" in res.output and "uit 5" in res.output


def test_beoordelaars_wijzigen_wordt_geweigerd(voorbeeld: Path) -> None:
    """The scenario reuses the panel's forms: a changed list of reviewers would change nothing (or ask for a form
    nobody handed in) while the output said 'ongewijzigd'. Refused, pointing at zekerheid."""
    for zet in ("beoordelaars=[Anouk Verbeek]", "beoordelaars=[Anouk Verbeek, Mehmet Yilmaz, Joost de Ridder, Dirk]"):
        res = _scenario(voorbeeld, "B1", zet)
        assert res.exit_code == 2, res.output
        assert "geen beoordelaar toevoegen of weglaten" in res.output and "evaluatie zekerheid" in res.output


def test_een_gewijzigd_raammaximum_staat_in_het_verschil(voorbeeld: Path) -> None:
    """B1 of the example: 98 a year over 2 + 1 years = 294 trajectories, the maximum without raammaximum; with a
    headroom of 25%: 294 x 1,25 = 367,5, rounded up 368, at the ceiling EUR 10.000 = EUR 3.680.000. The change
    showed 'ongewijzigd' everywhere before, as if not applied."""
    res = _scenario(voorbeeld, "B1", "percelen.B1.raammaximum.opslag=0.25")
    assert res.exit_code == 0, res.output
    assert "Maximum raamovereenkomst: 294 -> 368 trajecten, EUR 2.940.000,00 -> EUR 3.680.000,00" in res.output
    ongewijzigd = _scenario(voorbeeld, "B1", "percelen.B1.naam=B1")
    assert "Maximum raamovereenkomst" not in ongewijzigd.output


def test_gemeentenaam_met_een_punt_tussen_haakjes(voorbeeld: Path) -> None:
    """CBS writes Laren (NH.): the dot in the name split the path ("onbekend veld ')'")."""
    res = _scenario(voorbeeld, "B1", "gemeenten.Laren (NH.).inburgeraars.B1=10", als_json=True)
    assert res.exit_code == 0, res.output
    na = json.loads(res.stdout)["na"]["percelen"]["B1"]["toewijzing"]
    assert sum(t["aantal"] for t in na if t["gemeente"] == "Laren") == 10  # 4 in the example


def test_parameter_van_een_knockoutregel_vervangt_de_regel(voorbeeld: Path) -> None:
    """A knock-out rule's parameters replace as a whole (README): capaciteit {minimum: 30} instead of the set's
    {minimum_aandeel: 0.1}, not both (which the rule refuses)."""
    res = _scenario(voorbeeld, "B1", "percelen.B1.knockout.capaciteit.minimum=30")
    assert "geef precies een van" not in res.output, res.output
    assert res.exit_code in (0, 1), res.output


def test_hetzelfde_pad_twee_keer_wordt_geweigerd(voorbeeld: Path) -> None:
    """The second value silently won; by name and by position the same gemeente is the same place."""
    for a, b in (
        ("percelen.B1.verdeling.max_aandeel=0.4", "percelen.B1.verdeling.max_aandeel=0.6"),
        ("gemeenten.Laren.inburgeraars.B1=5", "gemeenten.6.inburgeraars.B1=7"),
        ("percelen.B1.gunningscriteria.K1.weging=30", "percelen.B1.gunningscriteria.1.weging=40"),
    ):
        res = _scenario(voorbeeld, "B1", a, b)
        assert res.exit_code == 2, res.output
        assert "twee keer gezet" in res.output


def test_zet_voor_een_perceel_buiten_lots_wordt_geweigerd(voorbeeld: Path) -> None:
    """--lots B1 with a change to lot Z showed 'ongewijzigd' for B1 only: the change was never computed."""
    for zet in ("percelen.Z.plafondprijs=9000", "gemeenten.Hilversum.inburgeraars.Z=9"):
        res = _scenario(voorbeeld, "B1", zet)
        assert res.exit_code == 2, res.output
        assert "wijzigt perceel Z, dat niet wordt doorgerekend (--lots B1)" in " ".join(res.output.split())
    res = _scenario(voorbeeld, "b1,Z", "percelen.Z.plafondprijs=9900")
    assert res.exit_code in (0, 1), res.output


def test_een_leeg_deel_in_het_pad_wordt_niet_overgeslagen(voorbeeld: Path) -> None:
    """'percelen..B1' was read as 'percelen.B1' and set the whole lot to the value ('percelen.B1: verwacht een lijst
    van velden, kreeg 1'), and 'percelen.B1.verdeling.max_aandeel.' changed the rule as if the dot were not there."""
    for zet in ("percelen..B1=1", "percelen.B1.verdeling.max_aandeel.=0.6", ".percelen.B1.verdeling.max_aandeel=0.6"):
        res = _scenario(voorbeeld, "B1", zet)
        assert res.exit_code == 2, res.output
        assert "een leeg deel in het pad" in res.output and "Traceback" not in res.output


def test_een_verdeelregel_weglaten_is_de_gunning_zonder_die_regel(voorbeeld: Path, tmp_path: Path) -> None:
    """'=null' was refused ('verwacht een geheel getal, kreeg niets'): an analyst could only relax a rule (=99), not
    ask what the award is without it. Now null leaves the rule out, as if its line were not in aanbesteding.yaml: the
    same allocation as `evaluatie gunning` on a copy whose B1 has neither max_aandeel nor
    max_leveranciers_per_gemeente. max_aandeel 0,5 binds in the example (Hilversum), so the allocation changes."""
    res = _scenario(
        voorbeeld,
        "B1",
        "percelen.B1.verdeling.max_leveranciers_per_gemeente=null",
        "percelen.B1.verdeling.max_aandeel=~",
        als_json=True,
    )
    assert res.exit_code == 0, res.output
    uitslag = json.loads(res.stdout)

    def wijzig(data: dict[str, Any]) -> None:
        del data["percelen"]["B1"]["verdeling"]["max_leveranciers_per_gemeente"]
        del data["percelen"]["B1"]["verdeling"]["max_aandeel"]

    hand = _met_de_hand(voorbeeld, tmp_path / "hand", wijzig)
    gunning = _run("gunning", "--werkmap", str(hand), "--lots", "B1", "--geen-rapport", "--json")
    assert gunning.exit_code in (0, 1), gunning.output
    verwacht = json.loads(gunning.stdout)["percelen"]["B1"]["toewijzing"]
    assert uitslag["na"]["percelen"]["B1"]["toewijzing"] == verwacht
    assert uitslag["voor"]["percelen"]["B1"]["toewijzing"] != verwacht


def test_een_lege_waarde_laat_geen_verdeelregel_weg(voorbeeld: Path) -> None:
    """'max_aandeel=' may be a typing slip: refused, naming null, never read as leaving the rule out."""
    res = _scenario(voorbeeld, "B1", "percelen.B1.verdeling.max_aandeel=")
    assert res.exit_code == 2, res.output
    assert "percelen.B1.verdeling.max_aandeel=null" in " ".join(res.output.split())


def _set_geeft_b1_een_max_aandeel(voorbeeld: Path) -> None:
    """The werkmap's own copy of the criteria set, giving lot B1 the rule max_aandeel 0.5 (the tender has it too)."""
    set_pad = voorbeeld / "criteria" / "inburgering-2022.yaml"
    set_pad.parent.mkdir(exist_ok=True)
    data = yaml.safe_load((REPO / "criteria" / "inburgering-2022.yaml").read_text(encoding="utf-8"))
    data["percelen"]["B1"]["verdeling"] = {"max_aandeel": 0.5}
    set_pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_een_verdeelregel_uit_de_criteriaset_weglaten_wordt_geweigerd(voorbeeld: Path) -> None:
    """The tender's line removed, the set's rule applies after all; the scenario would read 'ongewijzigd' as if the
    rule did not matter. Refused, naming the set."""
    _set_geeft_b1_een_max_aandeel(voorbeeld)
    res = _scenario(voorbeeld, "B1", "percelen.B1.verdeling.max_aandeel=null")
    assert res.exit_code == 2, res.output
    tekst = " ".join(res.output.split())
    assert "uit criteriaset inburgering-2022" in tekst and "niet weglaten" in tekst


def _geplakte_zetten(uitvoer: str) -> list[str]:
    """Every `--zet PAD=null` an error names, as the user would paste it."""
    return re.findall(r"--zet (\S+=null)", " ".join(uitvoer.split()))


def test_een_open_house_in_een_scenario_noemt_de_zet_die_iedere_verdeelregel_weglaat(voorbeeld: Path) -> None:
    """aanbesteding.yaml gives B1 three distribution rules; a scenario cannot edit that file, so 'haal de regel weg'
    left the user without a way. Each error names the --zet that leaves its rule out, and pasting them runs."""
    res = _scenario(voorbeeld, "B1", "percelen.B1.procedure=toelating")
    assert res.exit_code == 2, res.output
    geplakt = _geplakte_zetten(res.output)
    assert sorted(geplakt) == [
        "percelen.B1.verdeling.max_aandeel=null",
        "percelen.B1.verdeling.max_leveranciers_per_gemeente=null",
        "percelen.B1.verdeling.min_volume=null",
    ]
    assert "haal de regel weg" not in res.output
    res = _scenario(voorbeeld, "B1", "percelen.B1.procedure=toelating", *geplakt)
    assert res.exit_code == 0, res.output


def test_een_open_house_met_een_verdeelregel_uit_de_criteriaset_noemt_geen_zet_die_niet_werkt(
    voorbeeld: Path,
) -> None:
    """A rule the set gives no --zet can leave out (see above): naming '=null' for it would send the user to a second
    refusal. That rule says the open house cannot be asked; the tender's own rules still name their --zet."""
    _set_geeft_b1_een_max_aandeel(voorbeeld)
    res = _scenario(voorbeeld, "B1", "percelen.B1.procedure=toelating")
    assert res.exit_code == 2, res.output
    tekst = " ".join(res.output.split())
    assert sorted(_geplakte_zetten(res.output)) == [
        "percelen.B1.verdeling.max_leveranciers_per_gemeente=null",
        "percelen.B1.verdeling.min_volume=null",
    ]
    assert "perceel B1 neemt deze regel over uit criteriaset inburgering-2022" in tekst
    assert "kan in een scenario geen open house zijn" in tekst


def test_een_verdeelregel_die_het_scenario_zelf_zet_op_een_open_house_wordt_geweigerd(voorbeeld: Path) -> None:
    """Z has no distribution rule in aanbesteding.yaml; the scenario gives it one and makes it an open house. The load's
    error named '--zet percelen.Z.verdeling.max_aandeel=null', and pasting that was refused as the same path set twice.
    Refused at the --zet itself, which is what to leave out."""
    res = _scenario(voorbeeld, "Z", "percelen.Z.procedure=toelating", "percelen.Z.verdeling.max_aandeel=0.5")
    assert res.exit_code == 2, res.output
    tekst = " ".join(res.output.split())
    assert "'percelen.Z.verdeling.max_aandeel=0.5': perceel Z is een open house" in tekst
    assert "laat deze --zet weg" in tekst
    assert _geplakte_zetten(res.output) == []

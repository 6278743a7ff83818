"""A criterion of a criteria set could not be removed per tender: `gunningscriteria: {K4: false}` was 'verwacht een
lijst van velden, kreeg ja/nee-waarde false'. `false` now removes a criterion, as it switches off a knock-out rule;
the weights that remain must still add up (an error at the field otherwise), a code the set does not have is an
error at its line, and the systematiek, the forms and the quality use exactly the criteria that remain."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, schrijf_yaml, vul_panel


def _run(*args: str | Path) -> tuple[int, str]:
    r = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in r.output, r.output
    return r.exit_code, " ".join(r.output.split())


def _b1_criteria(voorbeeld: Path, criteria: dict[str, object]) -> None:
    pad = voorbeeld / "aanbesteding.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["percelen"]["B1"]["gunningscriteria"] = criteria
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_criterium_van_de_set_uitgezet_in_systematiek_en_formulieren(voorbeeld: Path) -> None:
    _b1_criteria(voorbeeld, {"K4": False, "K1": {"weging": 60}})
    for f in (voorbeeld / "beoordelingen").iterdir():
        f.unlink()
    code, uit = _run("template", "systematiek", "--werkmap", voorbeeld)
    assert code == 0, uit
    systematiek = html_tekst(voorbeeld / "gunningssystematiek.html")
    b1 = systematiek.split("Perceel B1-route")[1].split("Perceel Onderwijsroute")[0]
    assert "Plan van aanpak en maatwerk 60%" in b1 and "Doorlopende instroom en wachttijd 20%" in b1
    assert "Kwaliteitsborging en resultaten" not in b1
    assert "Kwaliteitsborging en resultaten 20%" in systematiek.split("Perceel Onderwijsroute")[1]  # other lots keep it
    code, uit = _run("template", "beoordeling", "--werkmap", voorbeeld)
    assert code == 0, uit
    ws = load_workbook(voorbeeld / "beoordelingen" / "anouk-verbeek.xlsx")["Beoordeling"]
    b1_criteria = {r[2] for r in ws.iter_rows(min_row=6, values_only=True) if r[1] == "B1"}
    assert b1_criteria == {
        "Plan van aanpak en maatwerk",
        "Doorlopende instroom en wachttijd",
        "Samenwerking met gemeente en klantmanager",
    }


def test_wegingen_die_na_het_uitzetten_niet_optellen_zijn_een_fout(voorbeeld: Path) -> None:
    _b1_criteria(voorbeeld, {"K4": False})
    code, uit = _run("template", "systematiek", "--werkmap", voorbeeld)
    assert code == 2
    # by hand: 40 + 20 + 20 of the set's B1 criteria after removing K4 (20)
    assert "percelen.B1.gunningscriteria (regel" in uit and "tellen op tot 80, niet 100" in uit


def test_een_code_die_de_set_niet_kent_is_een_fout(voorbeeld: Path) -> None:
    _b1_criteria(voorbeeld, {"K9": False})
    code, uit = _run("template", "systematiek", "--werkmap", voorbeeld)
    assert code == 2
    tekst = (voorbeeld / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines()
    regel = next(i for i, r in enumerate(tekst, start=1) if r.strip() == "K9: false")
    assert (
        f"percelen.B1.gunningscriteria.K9 (regel {regel}): 'K9: false' zet een criterium van de criteriaset uit, maar perceel "
        "B1 krijgt K9 niet van de criteriaset inburgering-2022 (wel: K1, K2, K3, K4); verbeter de code of haal de "
        "regel weg"
    ) in uit


def test_kwaliteit_telt_alleen_de_criteria_die_overblijven(tmp_path: Path) -> None:
    """A werkmap's own set gives B1 three criteria; the tender removes K3 and weighs K1 60 and K2 40. Alfa scores 100
    on Plan van aanpak and 50 on Samenwerking: by hand 0,6 x 100 + 0,4 x 50 = 80,00; with K3 it would wait for a
    score on Duurzaamheid."""
    data = kleine_aanbesteding(criteriaset="eigen")
    data["percelen"]["B1"]["gunningscriteria"] = {"K1": {"weging": 60}, "K2": {"weging": 40}, "K3": False}
    ws = maak_werkmap(tmp_path / "ws", data)
    criteria = {
        "K1": {"naam": "Plan van aanpak", "weging": 50},
        "K2": {"naam": "Samenwerking", "weging": 30},
        "K3": {"naam": "Duurzaamheid", "weging": 20},
    }
    schrijf_yaml(ws / "criteria" / "eigen.yaml", {"naam": "eigen", "percelen": {"B1": {"gunningscriteria": criteria}}})
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 100})
    for naam in ("ada", "bram"):
        wb = load_workbook(ws / "beoordelingen" / f"{naam}.xlsx")
        for rij in wb["Beoordeling"].iter_rows(min_row=6):
            if rij[2].value == "Samenwerking":
                rij[3].value = 50
        wb.save(ws / "beoordelingen" / f"{naam}.xlsx")
    code, uit = _run("gunning", "--werkmap", ws, "--geen-rapport")
    assert code == 0, uit
    gunning = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    assert gunning["percelen"]["B1"]["rangorde"][0]["kwaliteit"] == 80.0


def test_scenario_met_een_uitgezet_criterium_noemt_het_criterium_niet_een_knock_out(voorbeeld: Path) -> None:
    code, uit = _run("scenario", "--werkmap", voorbeeld, "--zet", "percelen.B1.gunningscriteria.K4=false",
                     "--zet", "percelen.B1.gunningscriteria.K1.weging=60")  # fmt: skip
    assert code == 0, uit
    assert (
        "Let op: scenario: criterium K4 van perceel B1 is in dit scenario geen gunningscriterium; de scores van het "
        "panel op dat criterium tellen niet mee"
    ) in uit
    assert "valt in dit scenario af bij de knock-outtoets" not in uit  # every B1 bid was said to be knocked out


def test_scenario_met_een_open_house_zonder_minimale_kwaliteit_noemt_het_perceel(voorbeeld: Path) -> None:
    code, uit = _run("scenario", "--werkmap", voorbeeld, "--zet", "percelen.Z.procedure=toelating",
                     "--zet", "percelen.Z.knockout.minimum_kwaliteit=false")  # fmt: skip
    assert code == 0, uit
    assert uit.count("Let op: scenario: perceel Z is in dit scenario een open house zonder minimale kwaliteit") == 1
    assert "valt in dit scenario af bij de knock-outtoets" not in uit


def test_scenario_dat_de_procedure_wijzigt_noemt_de_procedure_en_ieders_stand(voorbeeld: Path) -> None:
    """`--zet percelen.Z.procedure=toelating` said 'Toegelaten: ongewijzigd' for the example's Z-route, ranked before:
    a change of procedure is now said, and each bid's standing in the words of both procedures. By hand: Z asks 16
    (1 + 3 + 7 + 2 + 1 + 2), both valid bids offer a capacity of 10; the first (Inburgerwijs Academie) gets its 10,
    the second (Kompas Inburgering) the other 6."""
    code, uit = _run("scenario", "--werkmap", voorbeeld, "--zet", "percelen.Z.procedure=toelating")
    assert code == 0, uit
    z = uit.split("Perceel Z-route")[1]
    assert z.startswith(
        " Procedure: gunning (rangorde) -> toelating (open house) Rangorde en toelating: "
        "Inburgerwijs Academie: rang 1, 10 toegewezen -> toegelaten "
        "Kompas Inburgering: rang 2, 6 toegewezen -> toegelaten Verdeling:"
    ), z
    assert "Toegelaten: ongewijzigd" not in uit


def test_scenario_dat_een_open_house_maakt_noemt_de_regels_die_daar_niet_gelden(voorbeeld: Path) -> None:
    """Z with its own `weging` and `prijsmethode: relatief`, made an open house by `--zet percelen.Z.procedure=toelating`:
    the what-if was computed without those two lines (an open house weighs and scores nothing) and said nothing of
    them. The switch stays allowed; the scenario names both lines, in text and in --json, and no other lot."""
    pad = voorbeeld / "aanbesteding.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["percelen"]["Z"] |= {"weging": {"kwaliteit": 70, "prijs": 30}, "prijsmethode": "relatief"}
    schrijf_yaml(pad, data)
    zin = (
        "perceel Z is in dit scenario een open house (procedure: toelating), dus percelen.Z.weging en "
        "percelen.Z.prijsmethode (relatief) uit aanbesteding.yaml gelden hier niet en zijn niet toegepast"
    )
    code, uit = _run("scenario", "--werkmap", voorbeeld, "--zet", "percelen.Z.procedure=toelating")
    assert code == 0, uit
    assert (
        uit.count("Niet van toepassing: ") == 1 and f"Niet van toepassing: {zin}: " in uit.split("Perceel Z-route")[1]
    )
    r = CliRunner().invoke(main, ["scenario", "--werkmap", str(voorbeeld), "--zet", "percelen.Z.procedure=toelating",
                                  "--json"])  # fmt: skip
    assert r.exit_code == 0, r.output
    per_code = {v["code"]: v["niet_van_toepassing"] for v in json.loads(r.stdout)["verschillen"]}
    assert per_code["Z"].startswith(zin) and per_code["B1"] == per_code["onderwijs"] == ""
    # with a fixed price the method applies in the open house (the tariff); only the weging is named
    code, uit = _run("scenario", "--werkmap", voorbeeld, "--zet", "percelen.Z.procedure=toelating",
                     "--zet", "percelen.Z.prijsmethode=vaste_prijs", "--zet", "percelen.Z.vaste_prijs=9000")  # fmt: skip
    assert code == 0 and "dus percelen.Z.weging uit aanbesteding.yaml geldt hier niet en is niet toegepast" in uit, uit

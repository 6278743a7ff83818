"""Under vaste_prijs there is no price score: the terminal showed 0,00 in the Prijsscore column (a score of
zero) where the advies and the xlsx leave it empty ('-')."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel, zonder_weging


def _vaste_prijs_werkmap(tmp_path: Path) -> Path:
    """B1 at a fixed price of EUR 9.000; Alfa's bid scored 75 on both criteria by both reviewers."""
    data = kleine_aanbesteding()
    zonder_weging(data["percelen"]["B1"], prijsmethode="vaste_prijs")
    data["percelen"]["B1"]["vaste_prijs"] = 9000
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75})
    return ws


def test_geen_prijsscore_bij_vaste_prijs(tmp_path: Path) -> None:
    ws = _vaste_prijs_werkmap(tmp_path)
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    rij = next(regel for regel in r.output.splitlines() if regel.strip().startswith("1  Alfa"))
    # Rang, Inschrijver, Kwaliteit, Prijs (EUR 9.000,00), Prijsscore, Totaal, Toegewezen
    assert rij.split()[2:] == ["75,00", "EUR", "9.000,00", "-", "75,00", "20"], rij


def test_geen_prijsscore_in_gunning_json_en_de_analyse(tmp_path: Path) -> None:
    """gunning.json gave '"prijsscore": 0.0' for a vaste_prijs lot and the analyst's rangorde() 0.0, a score of
    nothing, where the README, the advies and the terminal say there is no price score. Now null and NaN; the
    schema allows null, and controleer reproduces the award."""
    import json
    import math

    import jsonschema

    from evaluatie import analyse

    ws = _vaste_prijs_werkmap(tmp_path)
    assert CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)]).exit_code == 0
    uit = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    rij = uit["percelen"]["B1"]["rangorde"][0]
    assert rij["inschrijver"] == "Alfa" and rij["prijsscore"] is None and rij["totaal"] == 75.0
    schema = json.loads((Path(__file__).parents[1] / "criteria" / "schema" / "gunning.schema.json").read_text("utf-8"))
    jsonschema.validate(uit, schema)
    tabel = analyse.open(ws).rangorde("B1")
    assert math.isnan(tabel.loc[0, "prijsscore"]) and tabel.loc[0, "totaal"] == 75.0
    assert CliRunner().invoke(main, ["controleer", "--werkmap", str(ws)]).exit_code == 0

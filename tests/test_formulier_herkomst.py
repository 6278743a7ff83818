"""A scoring form made with `evaluatie template beoordeling` is read back exactly; a form made for another tender,
or with a scale the tender no longer has, is refused with the cell, never read with another meaning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling

_SCHAAL = [
    {"label": "slecht", "punten": 0},
    {"label": "matig", "punten": 25},
    {"label": "voldoende", "punten": 50},
    {"label": "goed", "punten": 75},
    {"label": "uitstekend", "punten": 100},
]


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def _ingevuld(tmp_path: Path) -> Path:
    """Two bids, both reviewers' forms from the template, filled with labels: X 'goed' on K1 and 'voldoende' on
    K2, Y 'voldoende' on both."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["schaal"] = {"stappen": _SCHAAL}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9500, 10, 12, 4, "alle")])
    assert _run("template", "beoordeling", "--werkmap", str(ws)).exit_code == 0
    scores = {
        ("X", "Plan van aanpak"): "goed",
        ("X", "Samenwerking"): "voldoende",
        ("Y", "Plan van aanpak"): "voldoende",
        ("Y", "Samenwerking"): "voldoende",
    }
    for form in sorted((ws / "beoordelingen").glob("*.xlsx")):
        vul_beoordeling(form, scores)
    return ws


def _wijzig(ws: Path, wijzig: Any) -> None:
    pad = ws / "aanbesteding.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    wijzig(data)
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_ingevuld_formulier_wordt_precies_teruggelezen(tmp_path: Path) -> None:
    ws = _ingevuld(tmp_path)
    res = _run("beoordelingen", "--werkmap", str(ws), "--json")
    assert res.exit_code == 0, res.output
    gegevens = json.loads(res.stdout)
    # X: (60 x 75 + 40 x 50) / 100 = 65; Y: 50 (weights 60/40, both reviewers alike)
    assert gegevens["kwaliteit"] == {"B1": {"X": 65.0, "Y": 50.0}}
    rij = next(r for r in gegevens["rijen"] if (r["inschrijver"], r["criterium"]) == ("X", "K1"))
    assert rij["individueel"] == {"Ada": 75.0, "Bram": 75.0}
    assert rij["toelichtingen"] == {"Ada": "Onderbouwd in het plan.", "Bram": "Onderbouwd in het plan."}


def test_schaal_gewijzigd_na_het_maken_van_de_formulieren(tmp_path: Path) -> None:
    """'goed' and 'voldoende' swap points after scoring: read against the new scale, X's 'goed' (75 when chosen)
    would count 50. Refused, per form, at the Instructie line that shows the old scale."""
    ws = _ingevuld(tmp_path)

    def ruil(data: dict[str, Any]) -> None:
        stappen = data["percelen"]["B1"]["schaal"]["stappen"]
        stappen[2]["label"], stappen[3]["label"] = "goed", "voldoende"

    _wijzig(ws, ruil)
    res = _run("beoordelingen", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    for form in ("ada.xlsx", "bram.xlsx"):
        assert f"{form}!Instructie!A" in res.output
    assert "slecht = 0, matig = 25, voldoende = 50, goed = 75, uitstekend = 100" in res.output
    assert "geen beoordeling ontvangen" not in res.output  # the forms came in; they are refused, not missing
    gunning = _run("gunning", "--werkmap", str(ws), "--geen-rapport")
    assert gunning.exit_code == 2, gunning.output


def test_formulier_van_een_andere_aanbesteding(tmp_path: Path) -> None:
    """Ada's form comes from another tender (its title says so; same bidders and criteria names)."""
    from openpyxl import load_workbook

    ws = _ingevuld(tmp_path)
    pad = ws / "beoordelingen" / "ada.xlsx"
    wb = load_workbook(pad)
    wb["Instructie"]["A1"] = "Beoordeling kwaliteitsplannen - Andere aanbesteding"
    wb.save(pad)
    res = _run("beoordelingen", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    tekst = " ".join(res.output.split())
    assert (
        "ada.xlsx!Instructie!A1: dit formulier is gemaakt voor de aanbesteding 'Andere aanbesteding', niet voor "
        "'Testaanbesteding'"
    ) in tekst
    assert "bram.xlsx" not in tekst


def test_formulier_zonder_instructie_wordt_gelezen_als_voorheen(tmp_path: Path) -> None:
    """A form without the Instructie sheet (made by hand) has nothing to check against: read as before."""
    from openpyxl import load_workbook

    ws = _ingevuld(tmp_path)
    for form in (ws / "beoordelingen").glob("*.xlsx"):
        wb = load_workbook(form)
        del wb["Instructie"]
        wb.save(form)
    res = _run("beoordelingen", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output


def test_inschrijfformulier_van_een_andere_aanbesteding(tmp_path: Path) -> None:
    """A bid filled in on another tender's form (same lot code B1, gemeenten 'alle') was read as a bid on this
    one, 'alle' becoming this tender's gemeenten. Refused at the form's title; this tender's own form is read."""
    ander = kleine_aanbesteding(naam="Inburgering buurregio 2025")
    elders = maak_werkmap(tmp_path / "elders", ander)
    schrijf_bod(elders, "x.xlsx", "X", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9500, 10, 12, 4, "alle")])
    assert _run("inschrijvingen", "--werkmap", str(ws)).exit_code == 0
    (ws / "inschrijvingen" / "x.xlsx").write_bytes((elders / "inschrijvingen" / "x.xlsx").read_bytes())
    res = _run("inschrijvingen", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    tekst = " ".join(res.output.split())
    assert (
        "x.xlsx!Instructie!A1: dit inschrijfformulier is gemaakt voor de aanbesteding 'Inburgering buurregio 2025', "
        "niet voor 'Testaanbesteding'"
    ) in tekst
    assert "y.xlsx" not in tekst


def test_consensus_met_een_gewijzigde_schaal(tmp_path: Path) -> None:
    """The consensus workbook of `template consensus` shows the scale too: a consensus 'goed' chosen at 75 is not
    read at 50 after the scale changed, and `template consensus` does not carry it over onto the new scale."""
    import datetime as dt

    from openpyxl import load_workbook

    ws = _ingevuld(tmp_path)
    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    pad = ws / "beoordelingen" / "consensus.xlsx"
    wb = load_workbook(pad)
    blad = wb["Consensus"]
    blad["B2"] = dt.date(2026, 3, 11)
    rij = next(r for r in range(1, blad.max_row + 1) if blad.cell(r, 1).value == "X")
    blad.cell(rij, 4, "goed")
    blad.cell(rij, 5, "Het panel: concreet plan.")
    wb.save(pad)
    assert _run("beoordelingen", "--werkmap", str(ws)).exit_code == 0

    def ruil(data: dict[str, Any]) -> None:
        stappen = data["percelen"]["B1"]["schaal"]["stappen"]
        stappen[2]["label"], stappen[3]["label"] = "goed", "voldoende"

    _wijzig(ws, ruil)
    res = _run("beoordelingen", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    assert "consensus.xlsx!Instructie!A" in res.output
    opnieuw = _run("template", "consensus", "--werkmap", str(ws))
    assert opnieuw.exit_code == 2, opnieuw.output


def test_omschrijving_van_een_criterium_gewijzigd_na_het_maken_van_de_formulieren(tmp_path: Path) -> None:
    """K1 gets a description after the reviewers scored 'Plan van aanpak' on a form that showed none: the scores
    answer another question than the tender now publishes, and were read as if they answered it. Refused, per form,
    at the Instructie line of the criterion, as a changed scale is; K2, unchanged, is not named."""
    ws = _ingevuld(tmp_path)

    def omschrijf(data: dict[str, Any]) -> None:
        data["percelen"]["B1"]["gunningscriteria"]["K1"]["omschrijving"] = "Hoe het plan de kosten beheerst."

    _wijzig(ws, omschrijf)
    res = _run("beoordelingen", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    tekst = " ".join(res.output.split())
    for form in ("ada.xlsx", "bram.xlsx"):
        assert (
            f"{form}!Instructie!A8: dit formulier is gemaakt met criterium 'Plan van aanpak' van perceel B1 zonder "
            "omschrijving; de aanbesteding omschrijft het nu als 'Hoe het plan de kosten beheerst.'. De beoordelaar "
            "scoorde op wat het formulier vroeg; zet de omschrijving terug, of laat opnieuw beoordelen op nieuwe "
            "formulieren (evaluatie template beoordeling)"
        ) in tekst, tekst
    assert "Samenwerking" not in tekst
    assert "geen beoordeling ontvangen" not in tekst

"""A half-point scale was described as '0, 2,5, 5, 7,5, 10' (systematiek, advies, agenda, the line on every form's
Instructie sheet): with the Dutch decimal comma a reader cannot tell the steps apart (0,2 / 5,5 / ...?). Steps are
now separated by '; '. The old line stays readable: a form made before the change carries '0, 2,5, 5, 7,5, 10' and
is read when that is the old text of the tender's scale, and refused when it is the old text of another scale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling

HALF = [0, 2.5, 5, 7.5, 10]


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def _werkmap(tmp_path: Path) -> Path:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["schaal"] = {"stappen": HALF}
    return maak_werkmap(tmp_path / "ws", data)


def _ingevuld(tmp_path: Path) -> Path:
    """One bid, both reviewers' forms from the template, scored 7,5 and 2,5 (text, as a reviewer picks it)."""
    ws = _werkmap(tmp_path)
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    assert _run("template", "beoordeling", "--werkmap", str(ws)).exit_code == 0
    for form in sorted((ws / "beoordelingen").glob("*.xlsx")):
        vul_beoordeling(form, {("X", "Plan van aanpak"): "7,5", ("X", "Samenwerking"): "2,5"})
    return ws


def _schaalregel(pad: Path, tekst: str | None = None) -> str:
    """The Instructie line of lot B1 of a form; with `tekst`, replaced by it (as a form of an older version had)."""
    wb = load_workbook(pad)
    ws = wb["Instructie"]
    cel = next(c for (c,) in ws.iter_rows(max_col=1) if str(c.value or "").startswith("Perceel B1-route (B1)"))
    oud = str(cel.value)
    if tekst is not None:
        cel.value = tekst
        wb.save(pad)
    return oud


def test_systematiek_en_formulier_scheiden_halve_punten_met_puntkomma(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    r = _run("template", "systematiek", "--werkmap", str(ws))
    assert r.exit_code == 0, r.output
    uit = " ".join(r.output.split())
    assert "schaalpunten 0; 2,5; 5; 7,5; 10 zonder omschrijving" in uit, uit
    tekst = html_tekst(ws / "gunningssystematiek.html")
    assert "Schaal per criterium: 0; 2,5; 5; 7,5; 10." in tekst
    assert "0, 2,5" not in tekst
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    assert _run("template", "beoordeling", "--werkmap", str(ws)).exit_code == 0
    assert _schaalregel(ws / "beoordelingen" / "ada.xlsx") == "Perceel B1-route (B1) - schaal: 0; 2,5; 5; 7,5; 10"


def test_formulier_met_de_oude_schaaltekst_wordt_gelezen(tmp_path: Path) -> None:
    """Ada's form has the line an older version wrote for this same scale: read, with her scores (by hand: X has
    (60 x 7,5 + 40 x 2,5) / 10 / 100 x 100 = 55 from both reviewers)."""
    ws = _ingevuld(tmp_path)
    _schaalregel(ws / "beoordelingen" / "ada.xlsx", "Perceel B1-route (B1) - schaal: 0, 2,5, 5, 7,5, 10")
    r = _run("beoordelingen", "--werkmap", str(ws), "--json")
    assert r.exit_code == 0, r.output
    import json

    assert json.loads(r.stdout)["kwaliteit"] == {"B1": {"X": 55.0}}


def test_formulier_met_de_oude_tekst_van_een_andere_schaal_wordt_geweigerd(tmp_path: Path) -> None:
    """Made on the old scale 0, 2,5, 5, 7,5 (no 10): a 7,5 chosen as the top would count as 75 of 100, not 100."""
    ws = _ingevuld(tmp_path)
    _schaalregel(ws / "beoordelingen" / "ada.xlsx", "Perceel B1-route (B1) - schaal: 0, 2,5, 5, 7,5")
    r = _run("beoordelingen", "--werkmap", str(ws))
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert (
        "ada.xlsx!Instructie!A7: dit formulier is gemaakt met de schaal '0, 2,5, 5, 7,5' voor perceel B1; de "
        "aanbesteding heeft nu '0; 2,5; 5; 7,5; 10'" in uit
    ), uit
    assert "bram.xlsx" not in uit

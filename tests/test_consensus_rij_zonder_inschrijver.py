"""A score typed into an empty row below the consensus table belongs to no bid: one error that says so, with its
cell, instead of "onbekende inschrijver ''" and "onbekend perceel ''" (which read as a misspelled name)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.test_besluiten import _run
from tests.test_consensus import PANEL, _vul_panel, _werkmap


def _consensus_met(tmp_path: Path, cellen: dict[int, object]) -> str:
    """The consensus sheet filled with PANEL (rows 5-8), plus `cellen` (column -> value) in row 10, below the table."""
    ws = _werkmap(tmp_path, aggregatie="mediaan")
    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    pad = ws / "beoordelingen" / "consensus.xlsx"
    _vul_panel(pad, PANEL)
    wb = load_workbook(pad)
    blad = wb["Consensus"]
    assert blad.max_row == 8
    for kolom, waarde in cellen.items():
        blad.cell(10, kolom, waarde)
    wb.save(pad)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    return res.output


def test_score_onder_de_tabel_zonder_inschrijver(tmp_path: Path) -> None:
    uit = _consensus_met(tmp_path, {4: 75})
    assert "Fouten in de invoer (1):" in uit, uit
    assert (
        "consensus.xlsx!Consensus!D10: deze rij heeft een score ('75'), maar geen inschrijver, perceel en criterium "
        "(A10:C10 zijn leeg)"
    ) in uit
    assert "onbekende inschrijver ''" not in uit and "onbekend perceel ''" not in uit


def test_rij_zonder_inschrijver_maar_met_perceel(tmp_path: Path) -> None:
    uit = _consensus_met(tmp_path, {2: "B1", 3: "Samenwerking", 4: 75, 5: "Panel: goed."})
    assert "consensus.xlsx!Consensus!A10: inschrijver ontbreekt in deze rij" in uit, uit
    assert "onbekende inschrijver ''" not in uit

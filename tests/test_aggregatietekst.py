"""The published method and the advies say how the panel's scores count as `beoordeling.aggregatie` makes them count.

With `consensus` every row needs the panel's consensus (the award waits for it), yet the method published
"zonder consensus de mediaan" and the advies "samengevoegd met het consensus"; with `mediaan`, "het mediaan"."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def _werkmap(tmp_path: Path, aggregatie: str) -> Path:
    ws = maak_werkmap(tmp_path / aggregatie, kleine_aanbesteding(beoordeling={"aggregatie": aggregatie}))
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    vul_panel(ws, {"X": 75, "Y": 75})
    return ws


def _systematiek(ws: Path) -> str:
    assert _run("template", "systematiek", "--werkmap", str(ws)).exit_code == 0
    return "\n".join(p.text for p in Document(str(ws / "gunningssystematiek.docx")).paragraphs)


def _advies(ws: Path) -> str:
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    return " ".join(re.sub(r"<[^>]+>", " ", (ws / "rapporten" / "gunningsadvies.html").read_text("utf-8")).split())


def test_mediaan(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path, "mediaan")
    assert "zonder consensus de mediaan van de scores van de beoordelaars" in _systematiek(ws)
    advies = _advies(ws)
    assert "De scores van de beoordelaars worden samengevoegd met de mediaan; een consensusscore" in advies
    assert "het mediaan" not in advies


def test_consensus(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path, "consensus")
    systematiek = _systematiek(ws)
    assert "zonder consensus" not in systematiek
    assert (
        "het panel stelt die na het consensusoverleg voor ieder criterium van iedere inschrijving vast" in systematiek
    )
    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    pad = ws / "beoordelingen" / "consensus.xlsx"
    wb = load_workbook(pad)
    blad = wb["Consensus"]
    blad["B2"] = dt.date(2026, 3, 11)
    for r in range(1, blad.max_row + 1):
        if blad.cell(r, 1).value in ("X", "Y"):
            blad.cell(r, 4, 75)
            blad.cell(r, 5, "Het panel is het eens.")
    wb.save(pad)
    advies = _advies(ws)
    assert "het consensus" not in advies
    assert "Per regel telt de consensusscore van het panel, die voor iedere regel is vastgesteld" in advies

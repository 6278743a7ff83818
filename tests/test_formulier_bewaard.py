"""The bid form that is there may be the published one the bids refer to: `template inschrijving` does not replace a
form that differs from what aanbesteding.yaml now gives (a changed ceiling, a new lot) unless asked, and says so;
the same form again is written again. Real CLI calls on the bundled example."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main

VOORBEELD = Path(__file__).resolve().parents[1] / "bids" / "voorbeeld"


def _template(ws: Path, *extra: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, ["template", "inschrijving", "--werkmap", str(ws), *extra])
    return res.exit_code, " ".join(res.output.split())


def test_gepubliceerd_formulier_wordt_niet_stil_vervangen(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(VOORBEELD, ws, ignore=shutil.ignore_patterns("rapporten", "logboek*"))
    formulier = ws / "inschrijfformulier.xlsx"
    code, uit = _template(ws)  # the same tender: the same form, written again
    assert code == 0, uit
    gepubliceerd = formulier.read_bytes()

    yaml_pad = ws / "aanbesteding.yaml"
    tekst = yaml_pad.read_text(encoding="utf-8")
    assert tekst.count("\n  B1:\n") == 1, tekst
    yaml_pad.write_text(tekst.replace("\n  B1:\n", "\n  B1:\n    plafondprijs: 11000\n"), encoding="utf-8")
    code, uit = _template(ws)
    assert code == 2, uit
    assert "inschrijfformulier.xlsx: bestaat al en wijkt af van het formulier dat aanbesteding.yaml nu geeft" in uit
    assert "--overschrijven" in uit
    assert formulier.read_bytes() == gepubliceerd  # untouched

    code, uit = _template(ws, "--overschrijven")
    assert code == 0, uit
    assert formulier.read_bytes() != gepubliceerd

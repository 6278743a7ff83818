"""The overviews apply no decision file edited by hand: `inschrijvingen`, `toets` and `beoordelingen` (text and
--json) refuse it as `gunning` does (exit 2, the file named), where they applied the edit and attributed it to the
decision ('hersteld volgens besluit H1 ('5' wordt '40')' where H1 recorded 20). Real workbooks, real CLI calls."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_besluiten import _run
from tests.test_besluiten_verouderd import _herstelwerkmap


def _met_de_hand_gewijzigd(tmp_path: Path) -> Path:
    """H1 of _herstelwerkmap (A's capacity 5 corrected to 20) turned into 40 in besluiten.yaml by hand."""
    ws = _herstelwerkmap(tmp_path)
    pad = ws / "besluiten.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("nieuw: '20'", "nieuw: '40'"), encoding="utf-8")
    return ws


@pytest.mark.parametrize("commando", ["inschrijvingen", "toets", "beoordelingen"])
def test_een_met_de_hand_gewijzigd_herstel_wordt_niet_getoond_als_besluit(tmp_path: Path, commando: str) -> None:
    ws = _met_de_hand_gewijzigd(tmp_path)
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 2
    res = _run(commando, "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    assert "wordt '40'" not in res.output
    assert "besluiten.yaml: is gewijzigd buiten de besluitcommando's om" in " ".join(res.stderr.split())
    res = _run(commando, "--werkmap", str(ws), "--json")
    assert res.exit_code == 2
    [fout] = json.loads(res.stdout)["fouten"]
    assert fout["plaats"] == "besluiten.yaml"
    assert fout["bericht"].startswith("is gewijzigd buiten de besluitcommando's om: sha256 is nu ")


@pytest.mark.parametrize("soort", ["beoordeling", "consensus"])
def test_formulieren_niet_op_een_met_de_hand_gewijzigd_besluit(tmp_path: Path, soort: str) -> None:
    """The panel's forms and the consensus workbook say which bids are scored, after the decisions: written from a
    hand-edited besluiten.yaml they followed the edit in H1's name. Refused now (exit 2), nothing written."""
    ws = _met_de_hand_gewijzigd(tmp_path)
    voor = {p.name: p.read_bytes() for p in (ws / "beoordelingen").iterdir()}
    res = _run("template", soort, "--werkmap", str(ws), "--overschrijven")
    assert res.exit_code == 2, res.output
    assert "besluiten.yaml: is gewijzigd buiten de besluitcommando's om" in " ".join(res.stderr.split())
    assert {p.name: p.read_bytes() for p in (ws / "beoordelingen").iterdir()} == voor

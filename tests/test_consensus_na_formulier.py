"""A reviewer replaced after the consensus meeting (a declared conflict of interest): the consensus workbook showed
the replaced reviewer's scores beside the decided row and none of the new reviewer's, yet the consensus counted in
silence (the check of each copied score compares only reviewers present on both sides). It is now an input error
that names both, until the panel has looked again with the current forms ('evaluatie template consensus')."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import alfa_taal_beoordeeld, kleine_aanbesteding, maak_werkmap, vul_beoordeling, vul_consensus

OVERLEG = dt.date(2026, 3, 12)  # the forms of alfa_taal_beoordeeld are signed on 10 March
CONSENSUS = {("Alfa Taal", "Plan van aanpak"): (50, "Het panel stelt vast dat het plan per niveau algemeen blijft.")}


def _gunning(ws: Path) -> tuple[int, str]:
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    return r.exit_code, " ".join(r.output.split())


def test_een_consensus_met_de_scores_van_een_vervangen_beoordelaar_is_een_fout(tmp_path: Path) -> None:
    ws = alfa_taal_beoordeeld(maak_werkmap(tmp_path / "ws", kleine_aanbesteding()))  # forms of 10 March 2026
    vul_consensus(ws, CONSENSUS, OVERLEG)
    assert _gunning(ws)[0] == 0
    # Bram declares a conflict of interest after the meeting and is replaced by Cees, who scores on 20 March
    definitie = ws / "aanbesteding.yaml"
    data = yaml.safe_load(definitie.read_text(encoding="utf-8"))
    data["beoordelaars"] = ["Ada", "Cees"]
    definitie.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (ws / "beoordelingen" / "bram.xlsx").unlink()
    assert CliRunner().invoke(main, ["template", "beoordeling", "--werkmap", str(ws)]).exit_code == 0
    cees = ws / "beoordelingen" / "cees.xlsx"
    vul_beoordeling(cees, {("Alfa Taal", "Plan van aanpak"): 100, ("Alfa Taal", "Samenwerking"): 50})
    wb = load_workbook(cees)
    wb["Beoordeling"]["B2"] = dt.date(2026, 3, 20)
    wb.save(cees)
    code, uit = _gunning(ws)
    assert code == 2, uit
    assert "Fouten in de invoer (1):" in uit
    assert (
        "consensus.xlsx!Consensus!K3: het consensusoverleg besliste 1 regel met de scores van Bram ernaast, die niet "
        "onder beoordelaars in aanbesteding.yaml staat en zonder de scores van Cees: de consensus is genomen op andere "
        "scores dan de formulieren van het panel nu bevatten (een vervangen beoordelaar?). Laat het panel die regels "
        "opnieuw bekijken; 'evaluatie template consensus' zet de huidige beoordelaars en scores in het "
        "consensusbestand en bewaart de consensusscore en -motivering"
    ) in uit
    # the panel meets again on 23 March with Cees's scores beside the row, and keeps its decision
    vul_consensus(ws, {}, dt.date(2026, 3, 23))
    code, uit = _gunning(ws)
    assert code == 0, uit

"""A correction (herstel) of a bidder's name after the panel scored: the forms name the bid as it was called then.
Every row was 'onbekende inschrijver ...; bedoelt u ...?' with a missing row each (two errors per criterion per
reviewer), which told the inkoper to edit signed forms. The rows are now that bid's, by the recorded decision."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import alfa_taal_beoordeeld, kleine_aanbesteding, maak_werkmap, vul_consensus

HERSTEL = [
    "herstel", "--bestand", "a.xlsx", "--blad", "Inschrijver", "--cel", "B2", "--oud", "Alfa Taal", "--nieuw",
    "Alfa Taal B.V.", "--verduidelijking", "2026-03-18", "--reden",
    "De statutaire naam volgens het KvK-uittreksel is Alfa Taal B.V.; de inschrijver bevestigde dit.",
    "--door", "S. Jansen, inkoopadviseur", "--datum", "2026-03-20",
]  # fmt: skip


def _kwaliteit(uitvoer: str) -> str:
    """The quality of Alfa Taal B.V. in the ranking 'gunning' prints."""
    regel = next(line for line in uitvoer.splitlines() if "Alfa Taal B.V." in line and "EUR" in line)
    return regel.split()[4]


def test_de_scores_onder_de_oude_naam_horen_bij_de_herstelde_inschrijving(tmp_path: Path) -> None:
    ws = alfa_taal_beoordeeld(maak_werkmap(tmp_path / "ws", kleine_aanbesteding()))  # plan 75, samenwerking 50
    r = CliRunner().invoke(main, [*HERSTEL, "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    assert "onbekende inschrijver" not in r.output
    gunning = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    tekst = json.dumps(gunning, ensure_ascii=False)
    assert "Alfa Taal B.V." in tekst
    # kwaliteit = (60 x 75 + 40 x 50) / 100 = 65; the only bid: prijsscore 100; totaal 0,6 x 65 + 0,4 x 100 = 79
    regel = next(line for line in r.output.splitlines() if "Alfa Taal B.V." in line and "EUR" in line)
    assert _kwaliteit(r.output) == "65,00" and regel.split()[-2:] == ["79,00", "20"], regel


def test_de_consensus_onder_de_oude_naam_blijft_bij_opnieuw_maken(tmp_path: Path) -> None:
    """The panel decided a row under the old name; after the correction 'template consensus' moved that row to
    'Vervallen' as a bid no longer assessed, and the award went back to the reviewers' mean without a word."""
    ws = alfa_taal_beoordeeld(maak_werkmap(tmp_path / "ws", kleine_aanbesteding()))  # plan 75, samenwerking 50
    vul_consensus(ws, {("Alfa Taal", "Plan van aanpak"): (50, "Het panel stelt vast dat het plan algemeen blijft.")},
                  dt.date(2026, 3, 12))  # fmt: skip
    assert CliRunner().invoke(main, [*HERSTEL, "--werkmap", str(ws)]).exit_code == 0
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    assert _kwaliteit(r.output) == "50,00"  # (60 x 50 + 40 x 50) / 100: the consensus counts
    vul_consensus(ws, {}, dt.date(2026, 3, 12))  # the panel's workbook written again, nothing typed
    werkboek = load_workbook(ws / "beoordelingen" / "consensus.xlsx")
    assert "Vervallen" not in werkboek.sheetnames
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    assert _kwaliteit(r.output) == "50,00"

"""A keurmerk that expires before the award: the letter awards 'onder de voorwaarde dat vóór het sluiten van de
overeenkomst een geldig Blik op Werk keurmerk wordt getoond' (evaluatie keurmerk --uitkomst onder_voorwaarde), a
condition the published systematiek never named; a condition on an award that the tender documents do not announce
cannot be held against the winner (as for the bewijsstukken). The systematiek now announces it for the lots that
require the keurmerk, and only there."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap

ZIN = (
    "Keurmerk bij de gunning (perceel B1-route). Verloopt het keurmerk van een inschrijver aan wie wordt gegund vóór "
    "de datum van de gunning of van de verzending van de beslissing, dan vraagt de aanbestedende dienst bewijs van "
    "de verlenging; zonder dat bewijs kan zij gunnen onder de voorwaarde dat vóór het sluiten van de overeenkomst een "
    "geldig Blik op Werk keurmerk wordt getoond."
)


def _systematiek(ws: Path) -> str:
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    return html_tekst(ws / "gunningssystematiek.html")


def test_keurmerkvoorwaarde_aangekondigd(tmp_path: Path) -> None:
    assert ZIN in _systematiek(maak_werkmap(tmp_path / "met", kleine_aanbesteding()))
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["knockout"] = {"plafondprijs": {}}  # no keurmerk requirement: nothing to announce
    assert "Keurmerk bij de gunning" not in _systematiek(maak_werkmap(tmp_path / "zonder", data))

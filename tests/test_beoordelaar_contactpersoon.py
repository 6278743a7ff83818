"""A reviewer whose full name stands in a bid as its contact person: the panel must be independent, and whether it is
the same person (and a conflict of interest) only a person can establish. The award ran without a word; now the
advies lists it under "Voor verzending met de hand te controleren", naming the reviewer by label only (reviewers stay
anonymous in the advies). Real CLI runs on a copy of the example."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import REPO, html_tekst, kopieer_voorbeeld


def _advies(ws: Path) -> str:
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    return " ".join(html_tekst(ws / "rapporten" / "gunningsadvies.html").split())


def test_beoordelaar_als_contactpersoon_staat_bij_de_handcontrole(tmp_path: Path) -> None:
    ws = kopieer_voorbeeld(REPO / "bids" / "voorbeeld", tmp_path / "ws")
    assert "dezelfde naam als de contactpersoon" not in _advies(ws)
    pad = ws / "inschrijvingen" / "kompas.xlsx"
    wb = load_workbook(pad)
    assert wb["Inschrijver"]["A4"].value == "Contactpersoon"
    wb["Inschrijver"]["B4"] = "JOOST  DE RIDDER"  # the third reviewer in aanbesteding.yaml, other case and spacing
    wb.save(pad)
    advies = _advies(ws)
    assert (
        "Beoordelaar C draagt dezelfde naam als de contactpersoon van Kompas Inburgering (kompas.xlsx); ga na of het "
        "dezelfde persoon is en, zo ja, of de beoordeling onafhankelijk was (geen belangenconflict) voordat de brieven "
        "uitgaan."
    ) in advies
    assert "Joost de Ridder" not in advies  # the advies names reviewers by label only

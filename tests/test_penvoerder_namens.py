"""For whom the penvoerder acts: a gemeente that buys for itself alone acts on behalf of nobody."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from evaluatie.cli import main
from tests.hulp import alfa_taal_beoordeeld, kleine_aanbesteding, maak_werkmap


def _brieftekst(pad: Path) -> str:
    return "\n".join(p.text for p in Document(str(pad)).paragraphs)


def _gun(tmp_path: Path, gemeenten: list[str]) -> Path:
    data = kleine_aanbesteding()
    data["gemeenten"] = [g for g in data["gemeenten"] if g["naam"] in gemeenten]
    ws = alfa_taal_beoordeeld(maak_werkmap(tmp_path / "ws", data))
    runner = CliRunner()
    res = runner.invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    assert runner.invoke(main, ["template", "systematiek", "--werkmap", str(ws)]).exit_code == 0
    return ws


@pytest.mark.parametrize(
    ("gemeenten", "inleiding", "ondertekening", "systematiek"),
    [
        (  # the penvoerder buys for itself alone: it was 'als penvoerder ... namens de deelnemende gemeenten'
            ["Noord"],
            "van de aanbesteding Testaanbesteding, die Gemeente Noord uitvoert. Met deze brief",
            "afdelingshoofd Inkoop\nGemeente Noord\n",
            "Gemeente Noord voert de aanbesteding uit. Het beschrijft",
        ),
        (  # one gemeente, another one runs it
            ["Oost"],
            "die Gemeente Noord als penvoerder namens de gemeente Oost uitvoert. Met deze brief",
            "afdelingshoofd Inkoop\nGemeente Noord, namens de gemeente Oost\n",
            "Gemeente Noord als penvoerder namens de gemeente Oost voert de aanbesteding uit.",
        ),
        (
            ["Noord", "Oost", "Zuid"],
            "die Gemeente Noord als penvoerder namens de deelnemende gemeenten uitvoert. Met deze brief",
            "afdelingshoofd Inkoop\nGemeente Noord, namens de deelnemende gemeenten\n",
            "Gemeente Noord als penvoerder namens de deelnemende gemeenten voert de aanbesteding uit.",
        ),
    ],
)
def test_namens_wie_de_penvoerder_handelt(
    tmp_path: Path, gemeenten: list[str], inleiding: str, ondertekening: str, systematiek: str
) -> None:
    ws = _gun(tmp_path, gemeenten)
    tekst = _brieftekst(ws / "rapporten" / "brieven" / "alfa-taal-b1.docx")
    assert inleiding in tekst and ondertekening in tekst + "\n"
    assert systematiek in _brieftekst(ws / "gunningssystematiek.docx")

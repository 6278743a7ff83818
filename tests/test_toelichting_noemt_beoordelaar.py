"""The advies and the letters name the reviewers only as Beoordelaar A, B, C ('de namen zijn bij de penvoerder
vastgelegd'), but a reviewer's toelichting or the consensus motivation that names a reviewer was quoted as it stood:
the letter to a losing bidder read 'Beoordelaar A (score 75,00): Eens met Mehmet: ...' and the advies 'Het panel
volgt Joost de Ridder niet'. Such a cell is now an input error that names the reviewer it found; a word that only
looks like part of a name in another case ('sterk' for a reviewer Sterk) stays a motivation."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.beoordeling.motivering import noemt_beoordelaar
from evaluatie.cli import main


def test_naam_voornaam_of_achternaam_van_een_beoordelaar() -> None:
    panel = ("Anouk Verbeek", "Mehmet Yilmaz", "Joost de Ridder", "P. Sterk")
    assert noemt_beoordelaar("Het panel volgt joost de ridder niet.", panel) == ("Joost de Ridder", "joost de ridder")
    assert noemt_beoordelaar("Eens met Mehmet: concreet.", panel) == ("Mehmet Yilmaz", "Mehmet")
    assert noemt_beoordelaar("Zoals Verbeek opmerkte, is het plan concreet.", panel) == ("Anouk Verbeek", "Verbeek")
    assert noemt_beoordelaar("Een sterk plan, concreet uitgewerkt voor de ridderzaal.", panel) is None
    assert noemt_beoordelaar("Het plan is concreet (par. 2.3).", panel) is None
    # a reviewer who shares a word with a bidder's name: that word in a motivation is the bidder
    assert (
        noemt_beoordelaar("Taalhuis De Brug werkt concreet.", ("Marieke de Brug",), ("Taalhuis De Brug B.V.",)) is None
    )
    assert noemt_beoordelaar("Eens met Marieke.", ("Marieke de Brug",), ("Taalhuis De Brug B.V.",)) == (
        "Marieke de Brug",
        "Marieke",
    )


def test_een_beoordelaar_bij_naam_in_de_toelichting_is_een_fout(voorbeeld: Path) -> None:
    ada = voorbeeld / "beoordelingen" / "anouk-verbeek.xlsx"
    wb = load_workbook(ada)
    wb["Beoordeling"]["E7"] = "Eens met Mehmet: het plan is concreet en goed afgestemd."
    wb.save(ada)
    consensus = voorbeeld / "beoordelingen" / "consensus.xlsx"
    wb = load_workbook(consensus)
    assert wb["Consensus"]["A6"].value == "Inburgerwijs Academie"  # the example's one decided row
    wb["Consensus"]["E6"] = "Het panel volgt Joost de Ridder niet: het maatwerk is concreet uitgewerkt (par. 2.3)."
    wb.save(consensus)
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld)])
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert (
        "anouk-verbeek.xlsx!Beoordeling!E7: de toelichting noemt beoordelaar Mehmet Yilmaz ('Mehmet'); het advies en "
        "de brieven noemen de beoordelaars niet bij naam (Beoordelaar A, B, C) en citeren de toelichting letterlijk: "
        "schrijf haar zonder namen van beoordelaars"
    ) in uit
    assert "consensus.xlsx!Consensus!E6: de toelichting noemt beoordelaar Joost de Ridder ('Joost de Ridder')" in uit
    assert not (voorbeeld / "rapporten" / "brieven").exists()

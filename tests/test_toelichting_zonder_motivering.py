"""A toelichting that only fills the column ('-', '.', 'x', 'nvt') passed as a motivation: the letters cited
'Beoordelaar A (score 75,00): .' as the reason of a score. It is now an error at the cell, on the reviewer's form and
on the consensus sheet alike; a short real motivation ('Goed plan.') stays valid."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.beoordeling.motivering import noemt_andere_score, zonder_motivering
from evaluatie.cli import main


def test_opvulling_is_geen_motivering() -> None:
    for tekst in ("-", ".", "x", "X", "nvt", "n.v.t.", "N.V.T", "idem", "zie boven", "ok", "1", "--", "?"):
        assert zonder_motivering(tekst), tekst
    for tekst in ("Goed plan.", "Concreet uitgewerkt (par. 2.3).", "Zie plan p. 3: maatwerk per niveau."):
        assert not zonder_motivering(tekst), tekst


def test_formulier_en_consensus_met_opvulling_zijn_een_fout(voorbeeld: Path) -> None:
    ada = voorbeeld / "beoordelingen" / "anouk-verbeek.xlsx"
    wb = load_workbook(ada)
    wb["Beoordeling"]["E6"] = "-"
    wb["Beoordeling"]["E7"] = "n.v.t."
    wb.save(ada)
    consensus = voorbeeld / "beoordelingen" / "consensus.xlsx"
    wb = load_workbook(consensus)
    assert wb["Consensus"]["A6"].value == "Inburgerwijs Academie"  # the example's one decided row
    wb["Consensus"]["E6"] = "idem"
    wb.save(consensus)
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld)])
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert (
        "anouk-verbeek.xlsx!Beoordeling!E6: toelichting '-' motiveert de score niet; de brief citeert haar als de "
        "motivering van de score: schrijf waarom het plan deze score krijgt"
    ) in uit
    assert "anouk-verbeek.xlsx!Beoordeling!E7: toelichting 'n.v.t.' motiveert de score niet" in uit
    assert "consensus.xlsx!Consensus!E6: toelichting 'idem' motiveert de score niet" in uit
    assert not (voorbeeld / "rapporten" / "brieven").exists()


def test_alleen_de_stap_van_de_schaal_is_geen_motivering(voorbeeld: Path) -> None:
    """A toelichting that only repeats a step of the scale ('goed', 'Voldoende.') or agrees ('akkoord', 'conform
    voorstel') passed: the letter to a losing bidder read 'Beoordelaar A (score 75,00): goed' as the reason the winner
    scored higher, and the advies quoted the panel's 'akkoord' as its consensus motivation. Both are errors at the
    cell now; a sentence that uses the word stays a motivation."""
    assert zonder_motivering("Goed.", ("onvoldoende", "goed"))
    assert zonder_motivering("goed (75)", ("onvoldoende", "goed"))
    assert not zonder_motivering("goed")  # without the scale it is not known to be a step
    assert not zonder_motivering("Goed plan, concreet per niveau.", ("onvoldoende", "goed"))
    for tekst in ("akkoord", "Akkoord.", "conform voorstel", "Eens", "idem dito"):
        assert zonder_motivering(tekst), tekst
    ada = voorbeeld / "beoordelingen" / "anouk-verbeek.xlsx"
    wb = load_workbook(ada)
    assert wb["Beoordeling"]["D7"].value == "goed"
    wb["Beoordeling"]["E7"] = "Goed"
    wb["Beoordeling"]["E8"] = "voldoende"  # another step than the score: no reason either
    wb.save(ada)
    consensus = voorbeeld / "beoordelingen" / "consensus.xlsx"
    wb = load_workbook(consensus)
    wb["Consensus"]["E6"] = "Akkoord."
    wb.save(consensus)
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld)])
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert (
        "anouk-verbeek.xlsx!Beoordeling!E7: toelichting 'Goed' motiveert de score niet: zij noemt alleen een stap "
        "van de schaal; de brief citeert haar als de motivering van de score: schrijf waarom het plan deze score krijgt"
    ) in uit
    assert "anouk-verbeek.xlsx!Beoordeling!E8: toelichting 'voldoende' motiveert de score niet: zij noemt alleen" in uit
    assert "consensus.xlsx!Consensus!E6: toelichting 'Akkoord.' motiveert de score niet; de brief" in uit
    assert not (voorbeeld / "rapporten" / "brieven").exists()


def test_een_toelichting_die_een_andere_score_noemt(voorbeeld: Path) -> None:
    """The panel lowered its consensus to 'voldoende' and kept the motivation '... de score goed is passend': the
    letter read 'Plan van aanpak en maatwerk (uw score 50,00): Consensus van het panel: ... de score goed is passend.'
    A toelichting that names another step of the scale as the score, and not the chosen one, is an input error at the
    cell; naming the chosen step beside another ('de score goed, niet uitstekend') or 'goed' outside 'score ...' is
    not."""
    stappen = [("onvoldoende", 0.0), ("matig", 25.0), ("voldoende", 50.0), ("goed", 75.0), ("uitstekend", 100.0)]
    assert noemt_andere_score("De score goed is passend.", stappen, 2) == "goed"
    assert noemt_andere_score("Score: 75.", stappen, 2) == "75"
    assert noemt_andere_score("Een score van 75,00 past.", stappen, 2) == "75"
    assert noemt_andere_score("Een score van 75,5 bestaat niet.", stappen, 2) is None
    assert noemt_andere_score("Het panel geeft de score goed, omdat het plan concreet is.", stappen, 2) == "goed"
    assert noemt_andere_score("De score goed is passend, niet uitstekend.", stappen, 3) is None
    assert noemt_andere_score("Het plan is goed afgestemd; de score voldoende past.", stappen, 2) is None
    assert noemt_andere_score("Het plan is goed afgestemd op de doelgroep.", stappen, 2) is None
    # a step named to say why the plan did not get it
    assert noemt_andere_score("Concreet, maar geen score uitstekend: meerwaarde ontbreekt.", stappen, 3) is None
    assert noemt_andere_score("De score goed zou te hoog zijn: het blijft algemeen.", stappen, 2) is None
    consensus = voorbeeld / "beoordelingen" / "consensus.xlsx"
    wb = load_workbook(consensus)
    assert str(wb["Consensus"]["E6"].value).endswith("de score goed is passend.")
    wb["Consensus"]["D6"] = "voldoende"
    wb.save(consensus)
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld)])
    assert r.exit_code == 2, r.output
    assert " ".join(r.output.split()) == (
        "Fouten in de invoer (1): consensus.xlsx!Consensus!E6: de toelichting noemt de score 'goed', maar de gekozen "
        "score is 'voldoende' (D6); de brief citeert haar bij die score: pas de score of de toelichting aan"
    )

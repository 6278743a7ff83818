"""The advies and the letters name the reviewers only as Beoordelaar A, B, C ('de namen zijn bij de penvoerder
vastgelegd'), but a reviewer's toelichting or the consensus motivation that names a reviewer was quoted as it stood:
the letter to a losing bidder read 'Beoordelaar A (score 75,00): Eens met Mehmet: ...' and the advies 'Het panel
volgt Joost de Ridder niet'. Such a cell is now an input error that names the reviewer it found; a word that only
looks like part of a name in another case ('sterk' for a reviewer Sterk) stays a motivation."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.beoordeling.motivering import noemt_beoordelaar, noemt_melding
from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling


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


def _melding(tekst: str, panel: tuple[str, ...] = ("J. Sterk", "Jan Sterk", "Bram")) -> str:
    genoemd = noemt_beoordelaar(tekst, panel)
    assert genoemd is not None, tekst
    return noemt_melding(*genoemd, tekst)


def test_een_naamdeel_alleen_vooraan_in_een_zin_zegt_hoe_verder() -> None:
    """A reviewer J. Sterk and 'Sterk plan': at the start of a sentence the capital does not tell the name from the
    word, so the cell stays an error (no rule on the words around it is safe: 'Sterk vindt het plan zwak' names her),
    and the message says how to go on. Naming her anywhere else is the plain error, as before."""
    for tekst in ("Sterk plan, goede aansluiting.", "Goed uitgewerkt. Sterk plan.", "- Sterk team\n- Sterk plan"):
        assert _melding(tekst, ("J. Sterk", "Bram")) == (
            "de toelichting begint een zin met 'Sterk', een deel van de naam van beoordelaar J. Sterk; het advies en de "
            "brieven noemen de beoordelaars niet bij naam (Beoordelaar A, B, C) en citeren de toelichting letterlijk. "
            "Aan het begin van een zin is niet te zien of 'Sterk' de naam is of het gewone woord 'sterk': noemt de zin "
            "de beoordelaar, laat de naam dan weg; is het het gewone woord, schrijf de zin zo dat 'sterk' er niet "
            "vooraan staat (bijvoorbeeld 'Een sterk ...'), dan leest evaluatie het met de kleine letter als dat woord"
        ), tekst
    for tekst, woorden in (
        ("Volgens Sterk is het plan concreet.", "Sterk"),
        ("Eens met mevrouw Sterk.", "Sterk"),
        ("Eens met Mw. Sterk.", "Sterk"),
        ("Sterk plan. Volgens Sterk ook concreet.", "Sterk"),  # once not at the start: the name
    ):
        assert _melding(tekst, ("J. Sterk", "Bram")).startswith(
            f"de toelichting noemt beoordelaar J. Sterk ('{woorden}'); "
        ), tekst
    for tekst, naam in (("J. Sterk vindt het plan concreet.", "J. Sterk"), ("Jan Sterk vindt het goed.", "Jan Sterk")):
        assert _melding(tekst).startswith(f"de toelichting noemt beoordelaar {naam} ('{naam}'); "), tekst
    assert noemt_beoordelaar("Een sterk plan, goede aansluiting.", ("J. Sterk", "Bram")) is None


def test_sterk_plan_bij_beoordelaar_sterk_door_de_opdrachtregel(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(beoordelaars=["J. Sterk", "Bram"]))
    schrijf_bod(ws, "a.xlsx", "Alfa Taal", "12345678", [("B1", 9000, 40, 12, 4, "alle")])
    assert CliRunner().invoke(main, ["template", "beoordeling", "--werkmap", str(ws)]).exit_code == 0
    teksten = {
        "j-sterk": ("Sterk plan, goede aansluiting op de vraag.", "Volgens Sterk ontbreekt een afspraak met UWV."),
        "bram": ("Een sterk plan, goede aansluiting op de vraag.", "Eens met mevrouw Sterk: geen afspraak met UWV."),
    }
    for b, (plan, samenwerking) in teksten.items():
        pad = ws / "beoordelingen" / f"{b}.xlsx"
        vul_beoordeling(pad, {("Alfa Taal", "Plan van aanpak"): 75, ("Alfa Taal", "Samenwerking"): 50})
        wb = load_workbook(pad)
        assert [wb["Beoordeling"][f"C{r}"].value for r in (6, 7)] == ["Plan van aanpak", "Samenwerking"]
        wb["Beoordeling"]["E6"], wb["Beoordeling"]["E7"] = plan, samenwerking
        wb.save(pad)
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert "j-sterk.xlsx!Beoordeling!E6: de toelichting begint een zin met 'Sterk', een deel van de naam" in uit
    assert "j-sterk.xlsx!Beoordeling!E7: de toelichting noemt beoordelaar J. Sterk ('Sterk'); " in uit
    assert "bram.xlsx!Beoordeling!E7: de toelichting noemt beoordelaar J. Sterk ('Sterk'); " in uit
    assert "bram.xlsx!Beoordeling!E6" not in uit  # 'Een sterk plan' is the word

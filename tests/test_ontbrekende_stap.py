"""A newcomer who skips a step (no bids yet, no reviewer forms yet) is told what to do next, naming the folder or
file, through the real CLI; every other input error of that run still comes with it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling, vul_panel


def _fouten(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, list(args))
    return res.exit_code, " ".join(res.output.split())


def test_zonder_inschrijvingen_zegt_waar_ze_horen(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    code, uit = _fouten("inschrijvingen", "--werkmap", str(ws))
    assert code == 2
    assert (
        f"inschrijvingen: geen inschrijvingen gevonden; zet de ingevulde inschrijfformulieren (.xlsx, één per "
        f"inschrijver) in {ws / 'inschrijvingen'}"
    ) in uit
    (ws / "inschrijvingen").rmdir()
    code, uit = _fouten("toets", "--werkmap", str(ws))
    assert code == 2
    assert (
        f"inschrijvingen: de map {ws / 'inschrijvingen'} bestaat niet; maak haar aan en zet er de ingevulde "
        "inschrijfformulieren (.xlsx, één per inschrijver) in"
    ) in uit
    (ws / "inschrijvingen").write_text("geen map", encoding="utf-8")  # a file where the folder belongs
    code, uit = _fouten("toets", "--werkmap", str(ws))
    assert code == 2
    assert f"inschrijvingen: {ws / 'inschrijvingen'} is een bestand, geen map" in uit
    assert "bestaat niet" not in uit


def test_zonder_beoordelingsformulieren_noemt_het_de_opdracht_en_het_bestand(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    code, uit = _fouten("gunning", "--werkmap", str(ws))
    assert code == 2
    # the panel Ada and Bram of kleine_aanbesteding: no form written yet, so the command that writes them is named
    for naam, bestand in (("Ada", "ada.xlsx"), ("Bram", "bram.xlsx")):
        assert (
            f"beoordelingen: geen beoordeling ontvangen van {naam} (het formulier voor {naam} is "
            f"beoordelingen/{bestand}); er staat nog geen beoordelingsformulier in de map: 'evaluatie template "
            "beoordeling' schrijft er een per beoordelaar"
        ) in uit
    code, uit = _fouten("template", "beoordeling", "--werkmap", str(ws))
    assert code == 0, uit
    vul_beoordeling(ws / "beoordelingen" / "ada.xlsx", {("X", k): 75 for k in ("Plan van aanpak", "Samenwerking")})
    (ws / "beoordelingen" / "bram.xlsx").unlink()  # Bram's form not returned; the forms were written
    code, uit = _fouten("gunning", "--werkmap", str(ws))
    assert code == 2
    assert (
        "beoordelingen: geen beoordeling ontvangen van Bram (het formulier voor Bram is beoordelingen/bram.xlsx)" in uit
    )
    assert "evaluatie template beoordeling" not in uit
    assert "van Ada" not in uit


def test_een_gunning_met_een_open_punt_telt_het_ene_conceptadvies_in_het_enkelvoud(tmp_path: Path) -> None:
    """No sender yet: the award writes gunning.json and only the CONCEPT advies, and says '1 bestand'."""
    data = kleine_aanbesteding()
    del data["afzender"]
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    vul_panel(ws, {"X": 75})
    code, uit = _fouten("gunning", "--werkmap", str(ws))
    assert code == 1, uit
    assert sorted(p.name for p in (ws / "rapporten").iterdir()) == ["gunning.json", "gunningsadvies.html"]
    assert f"Rapporten: 1 bestand in {ws / 'rapporten'}" in uit


def test_een_besluit_zonder_datum_heet_van_vandaag_in_de_melding(voorbeeld: Path) -> None:
    """The example's letters are dated 1 July 2021. A decision recorded without --datum is today's, after the letters:
    the error said '--datum: het besluit (<today>) ligt na ...' as if the date had been typed; it now says the
    option was not given and to give the day the decision was really taken."""
    import datetime as dt

    (voorbeeld / "inschrijvingen" / "leerpunt.xlsx").unlink()  # withdrawn after scoring
    args = ["terugtrekking", "--werkmap", str(voorbeeld), "--inschrijver", "Leerpunt Vechtstreek"]
    args += ["--ontvangen", "2021-06-10", "--reden", "De inschrijver trok zijn inschrijving schriftelijk in."]
    code, uit = _fouten(*args, "--door", "S. Jansen, inkoopadviseur")
    assert code == 2
    assert (
        f"--datum: het besluit (--datum niet opgegeven, dus vandaag: {dt.date.today().isoformat()}) ligt na de datum "
        "van de brieven (2021-07-01); de brieven en het advies kunnen geen besluit noemen dat later is genomen: geef "
        "met --datum de dag waarop het besluit is genomen (of pas zo nodig data.verzending aan)"
    ) in uit
    code, uit = _fouten(*args, "--door", "S. Jansen, inkoopadviseur", "--datum", "2021-07-02")  # typed: as typed
    assert code == 2
    assert "--datum: het besluit (2021-07-02) ligt na de datum van de brieven (2021-07-01)" in uit


GEEN_PANEL = (
    "aanbesteding.yaml: beoordelaars: er zijn geen beoordelaars genoemd, terwijl de kwaliteitsplannen van 1 "
    "inschrijving (per inschrijver en perceel) een score nodig heeft (een ontbrekende score telt nooit als 0); noem "
    "de beoordelaars (beoordelaars: [A. Jansen, B. de Vries]) en schrijf hun formulieren met evaluatie template "
    "beoordeling"
)


def test_zonder_beoordelaars_is_er_geen_kwaliteit_en_geen_stil_nul(tmp_path: Path) -> None:
    """'evaluatie nieuw' without --beoordelaars writes 'beoordelaars: []'. Then 'template beoordeling' wrote nothing
    and said nothing (exit 0), and the award scored every criterion 0: with a minimum quality of 50, X (EUR 9.000,
    the only bid) was knocked out, 'geen enkele inschrijving voldoet'. Both now name the empty panel."""
    data = kleine_aanbesteding(beoordelaars=[])
    data["percelen"]["B1"]["knockout"]["minimum_kwaliteit"] = {"drempel": 50}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    for opdracht in (("template", "beoordeling"), ("beoordelingen",), ("gunning",)):
        code, uit = _fouten(*opdracht, "--werkmap", str(ws))
        assert code == 2, (opdracht, uit)
        assert GEEN_PANEL in uit, (opdracht, uit)
        assert "geen enkele inschrijving voldoet" not in uit
    assert list((ws / "beoordelingen").iterdir()) == []


def test_een_formulier_dat_nog_niet_is_ingevuld_is_een_melding(tmp_path: Path) -> None:
    """Forms written by 'template beoordeling' and not yet filled in gave 2 + 2 per row errors each (date,
    declaration, every score and every motivation: 68 lines for two reviewers in the README's new tender). A form
    with nothing filled in is now one line that says what the reviewer fills in; a form begun keeps its errors."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    assert _fouten("template", "beoordeling", "--werkmap", str(ws))[0] == 0
    code, uit = _fouten("gunning", "--werkmap", str(ws))
    assert code == 2
    # X on the two criteria of kleine_aanbesteding: rows 6 and 7 of each form
    assert "Fouten in de invoer (2):" in uit
    for bestand, naam in (("ada.xlsx", "Ada"), ("bram.xlsx", "Bram")):
        assert (
            f"{bestand}!Beoordeling: het formulier is nog niet ingevuld (geen datum, geen verklaring en geen enkele "
            f"score): {naam} vult de datum in (B2), 'Ik heb geen belangenverstrengeling met een inschrijver' bij de "
            "verklaring (B3) en per regel een score en een toelichting (D6:E7)"
        ) in uit
    vul_beoordeling(ws / "beoordelingen" / "ada.xlsx", {("X", "Plan van aanpak"): 75})  # begun: one score missing
    code, uit = _fouten("gunning", "--werkmap", str(ws))
    assert code == 2
    assert "ada.xlsx!Beoordeling!D7: score ontbreekt" in uit and "ada.xlsx!Beoordeling!E7: toelichting ontbreekt" in uit
    assert "ada.xlsx!Beoordeling: het formulier is nog niet ingevuld" not in uit
    assert "bram.xlsx!Beoordeling: het formulier is nog niet ingevuld" in uit


def test_een_submap_van_de_werkmap_noemt_de_werkmap(tmp_path: Path, monkeypatch) -> None:
    """Run from inschrijvingen/ (or with --werkmap pointing there) the error was '.: geen aanbesteding.yaml
    gevonden': the folder named '.', and nothing said the tender is one folder up. It now names the folder and the
    werkmap that holds it; the contract commands and evaluatie.open alike."""
    import pytest

    import evaluatie
    from evaluatie.fouten import InvoerFout

    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    hint = f"geen aanbesteding.yaml gevonden; die staat in {ws}: geef --werkmap {ws}"
    code, uit = _fouten("toets", "--werkmap", str(ws / "inschrijvingen"))
    assert code == 2 and f"{ws / 'inschrijvingen'}: {hint}" in uit, uit
    code, uit = _fouten("contract", "stand", "--werkmap", str(ws / "beoordelingen"))
    assert code == 2 and f"{ws / 'beoordelingen'}: {hint}" in uit, uit
    monkeypatch.chdir(ws / "inschrijvingen")
    code, uit = _fouten("toets")
    assert code == 2 and f"{ws / 'inschrijvingen'} (de huidige map): {hint}" in uit, uit
    with pytest.raises(InvoerFout) as e:
        evaluatie.open(".")
    assert str(e.value.fouten[0]) == (
        f"{ws / 'inschrijvingen'} (de huidige map): geen aanbesteding.yaml gevonden; die staat in {ws}: geef "
        f"evaluatie.open('{ws}')"
    )


def test_een_map_die_niet_bestaat_wordt_zo_genoemd(tmp_path: Path) -> None:
    """A typo in --werkmap ('bids/voorbeld') was said as 'geen aanbesteding.yaml gevonden', as if the folder were
    there and empty; the award and the contract commands now say the folder does not exist."""
    for opdracht in (["gunning"], ["contract", "stand"]):
        code, uit = _fouten(*opdracht, "--werkmap", str(tmp_path / "voorbeld"))
        assert code == 2
        assert f"{tmp_path / 'voorbeld'}: de map bestaat niet (dus ook geen aanbesteding.yaml); geef de juiste" in uit


def test_niets_te_beoordelen_vraagt_geen_formulieren(tmp_path: Path) -> None:
    """The only bid on the scored lot B1 lies above the plafondprijs (EUR 12.000 against 10.000): no bid waits for a
    quality score. `beoordelingen` and `gunning` demanded the panel's forms all the same ("geen beoordeling ontvangen
    van Ada ... 'evaluatie template beoordeling' schrijft er een per beoordelaar"), and that command wrote forms
    without a single row, to be dated and declared for nothing. Now each says the panel has nothing to assess and
    why, once; `template beoordeling` writes nothing, and the award says the lot is not awarded."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 12000, 20, 12, 4, "alle")])
    waarom = (
        "het panel heeft niets te beoordelen: geen inschrijving op een perceel met gunningscriteria (B1-route) is na "
        "de knock-outtoets geldig ('evaluatie toets' zegt per inschrijving waarom); er zijn geen "
        "beoordelingsformulieren nodig"
    )
    code, uit = _fouten("beoordelingen", "--werkmap", str(ws))
    assert code == 0 and uit == f"Geen beoordeling: {waarom}.", uit
    code, uit = _fouten("template", "beoordeling", "--werkmap", str(ws))
    assert code == 0 and f"{waarom} en er is er geen geschreven" in uit and "Geschreven" not in uit, uit
    assert not list((ws / "beoordelingen").iterdir())
    code, uit = _fouten("gunning", "--werkmap", str(ws))
    assert "geen beoordeling ontvangen" not in uit and uit.count(waarom) == 1, uit
    assert "Perceel B1-route - NIET GEGUND: de enige inschrijving op dit perceel is niet geldig (1 ongeldig)." in uit

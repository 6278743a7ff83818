"""The reviewer's declaration on conflicts of interest. The form asked "Verklaring: geen belangenverstrengeling met
een inschrijver (ja/nee)", and a reviewer who typed 'nee' meaning "nee, geen belangenverstrengeling" was told to be
replaced: the program read 'nee' as a declared conflict. A new form offers two written-out statements; an old form's
'ja' is read as it was meant, its 'nee' is refused in words, never given one of its two meanings."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling

GEEN = "Ik heb geen belangenverstrengeling met een inschrijver"
WEL = "Ik heb wel belangenverstrengeling met een inschrijver"
OUDE_VRAAG = "Verklaring: geen belangenverstrengeling met een inschrijver (ja/nee)"
SCORES = {("X", "Plan van aanpak"): 75, ("X", "Samenwerking"): 50}


def _beoordelingen(ws: Path) -> str:
    r = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(ws)])
    assert r.exit_code == 2, r.output
    return " ".join(r.output.split())


def _zet(pad: Path, **cellen: str) -> None:
    wb = load_workbook(pad)
    for cel, waarde in cellen.items():
        wb["Beoordeling"][cel] = waarde
    wb.save(pad)


def _werkmap(tmp_path: Path) -> Path:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 40, 12, 4, "alle")])
    assert CliRunner().invoke(main, ["template", "beoordeling", "--werkmap", str(ws)]).exit_code == 0
    return ws


def test_het_formulier_vraagt_een_van_twee_uitgeschreven_zinnen(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    blad = load_workbook(ws / "beoordelingen" / "ada.xlsx")["Beoordeling"]
    assert blad["A3"].value == "Verklaring belangenverstrengeling (kies een van de twee zinnen)"
    lijsten = [dv for dv in blad.data_validations.dataValidation if "B3" in str(dv.sqref)]
    assert [dv.formula1 for dv in lijsten] == [f'"{GEEN},{WEL}"']


def test_de_zinnen_worden_gelezen_en_ja_of_nee_is_geen_antwoord(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    ada, bram = ws / "beoordelingen" / "ada.xlsx", ws / "beoordelingen" / "bram.xlsx"
    vul_beoordeling(ada, SCORES, verklaring=WEL)
    vul_beoordeling(bram, SCORES, verklaring="nee")
    uit = _beoordelingen(ws)
    assert (
        f"ada.xlsx!Beoordeling!B3: Ada verklaart belangenverstrengeling met een inschrijver ('{WEL}'): wie belangen "
        "heeft, beoordeelt niet, dus mogen deze scores niet meetellen; vervang de beoordelaar (beoordelaars in "
        "aanbesteding.yaml) en haal dit formulier uit beoordelingen/"
    ) in uit
    assert (
        "bram.xlsx!Beoordeling!B3: beoordelaar heeft niet verklaard onafhankelijk te zijn: kreeg 'nee' ('ja' of 'nee' "
        f"op wat?); kies '{GEEN}' of '{WEL}'"
    ) in uit
    assert "Fouten in de invoer (2):" in uit
    # the statement as typed by hand: case, spaces and a full stop do not count
    for pad in (ada, bram):
        vul_beoordeling(pad, SCORES, verklaring="  ik heb geen belangenverstrengeling  met een inschrijver. ")
    r = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output


def test_een_oud_formulier_wordt_gelezen_zoals_de_vraag_toen_bedoeld_was(tmp_path: Path) -> None:
    """An old form (the ja/nee question): 'ja' is the declaration; 'nee' can mean either and is refused in words,
    saying what to do for each meaning; 'Ja.' says what it got, as before."""
    ws = _werkmap(tmp_path)
    ada, bram = ws / "beoordelingen" / "ada.xlsx", ws / "beoordelingen" / "bram.xlsx"
    for pad, antwoord in ((ada, "nee"), (bram, "Ja.")):
        vul_beoordeling(pad, SCORES)
        _zet(pad, A3=OUDE_VRAAG, B3=antwoord)
    uit = _beoordelingen(ws)
    assert (
        f"ada.xlsx!Beoordeling!B3: 'nee' op de vraag van dit formulier ('{OUDE_VRAAG}') is niet eenduidig: het kan "
        "'nee, geen belangenverstrengeling' betekenen of 'nee, ik kan niet verklaren dat ik geen "
        "belangenverstrengeling heb', en het programma kiest niet; vraag Ada wat bedoeld is. Geen "
        "belangenverstrengeling: laat 'ja' kiezen (op dit formulier betekent ja: geen belangenverstrengeling). Wel "
        "belangenverstrengeling: wie belangen heeft, beoordeelt niet, dus mogen deze scores niet meetellen; vervang "
        "de beoordelaar (beoordelaars in aanbesteding.yaml) en haal dit formulier uit beoordelingen/"
    ) in uit
    assert "verklaart belangenverstrengeling" not in uit
    assert (
        "bram.xlsx!Beoordeling!B3: beoordelaar heeft niet verklaard onafhankelijk te zijn (geen "
        "belangenverstrengeling: ja); kreeg 'Ja.', kies ja of nee"
    ) in uit
    for pad in (ada, bram):
        _zet(pad, B3="ja")
    r = CliRunner().invoke(main, ["beoordelingen", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output


def test_twee_verklaringen_op_een_formulier_zijn_een_fout(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    ada = ws / "beoordelingen" / "ada.xlsx"
    vul_beoordeling(ada, SCORES)
    vul_beoordeling(ws / "beoordelingen" / "bram.xlsx", SCORES)
    _zet(ada, A4=OUDE_VRAAG, B4="ja")
    uit = _beoordelingen(ws)
    assert (
        "ada.xlsx!Beoordeling!A4: het formulier heeft twee verklaringen over belangenverstrengeling (rij 3 en rij 4); "
        "laat alleen 'Verklaring belangenverstrengeling (kies een van de twee zinnen)' staan"
    ) in uit


def test_de_keuzelijst_is_breed_genoeg_voor_de_zinnen(tmp_path: Path) -> None:
    """Excel opens a drop-down as wide as its cell: in column B alone (16 characters) the two statements read 'Ik heb
    geen bel' and 'Ik heb wel belan'. The answer's cell spans B:E, wider than either statement."""
    ws = _werkmap(tmp_path)
    blad = load_workbook(ws / "beoordelingen" / "ada.xlsx")["Beoordeling"]
    assert "B3:E3" in [str(r) for r in blad.merged_cells.ranges]
    breedte = sum(blad.column_dimensions[k].width for k in "BCDE")
    assert breedte > max(len(GEEN), len(WEL))

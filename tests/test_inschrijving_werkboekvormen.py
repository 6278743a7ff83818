"""Bid workbooks as real bidders send them: forms edited by hand, read right or refused with the cell."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from evaluatie.definitie import laad_aanbesteding
from evaluatie.fouten import InvoerFout
from evaluatie.inschrijving.lezen import lees_inschrijvingen
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod

RIJ = ("B1", 9000, 10, 12, 4, "alle")


@pytest.fixture
def werkmap(tmp_path: Path) -> Path:
    return maak_werkmap(tmp_path / "ws", kleine_aanbesteding())


def _fouten(werkmap: Path) -> list[str]:
    aanbesteding, _ = laad_aanbesteding(werkmap / "aanbesteding.yaml")
    with pytest.raises(InvoerFout) as e:
        lees_inschrijvingen(aanbesteding, werkmap / "inschrijvingen")
    return [str(f) for f in e.value.fouten]


def _wijzig(pad: Path, blad: str, cellen: dict[str, Any]) -> None:
    wb = load_workbook(pad)
    for cel, waarde in cellen.items():
        wb[blad][cel] = waarde
    wb.save(pad)


def test_een_veld_twee_keer_op_het_tabblad_inschrijver_noemt_beide_cellen(werkmap: Path) -> None:
    """A bidder who copied the Naam row below the form (with another name) has two names: which one bids?
    It used to read the last one in silence; now both cells are named and nothing is guessed."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    _wijzig(pad, "Inschrijver", {"A12": "naam ", "B12": "Acme Taal Holding B.V."})
    fouten = _fouten(werkmap)
    assert fouten == [
        "acme.xlsx!Inschrijver!A12: veld 'Naam' staat ook op rij 2 (A2); laat het veld één keer staan, "
        "anders is niet te zeggen welke waarde de inschrijving is"
    ]
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(werkmap)])
    assert res.exit_code == 2 and "acme.xlsx!Inschrijver!A12" in res.output and "Traceback" not in res.output


def test_wat_buiten_de_velden_van_het_tabblad_inschrijver_staat_wordt_genoemd(werkmap: Path) -> None:
    """A row of the bidder's own below the form and a note beside a field (the sheet is protected without a
    password, so both happen) were ignored without a word; a condition there is for a person to judge."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    _wijzig(pad, "Inschrijver", {"A12": "Opmerking", "B12": "prijs onder voorbehoud", "C8": "verlengd tot 2031"})
    uitleg = (
        "het formulier leest alleen de velden in kolom A met hun waarde in kolom B; wat hier staat (een voorbehoud, "
        "een toelichting?) moet een persoon beoordelen, en hoort het niet bij de inschrijving, maak de cel dan leeg "
        "met 'evaluatie herstel'"
    )
    assert _fouten(werkmap) == [
        f"acme.xlsx!Inschrijver!C8: waarde buiten de velden van het formulier ('verlengd tot 2031'); {uitleg}",
        f"acme.xlsx!Inschrijver!A12: waarde buiten de velden van het formulier ('Opmerking | prijs onder voorbehoud'); "
        f"{uitleg}",
    ]


@pytest.mark.parametrize(
    ("cel", "waarde", "melding"),
    [
        (
            "B2",
            "9000 euro",
            "acme.xlsx!Percelen!B2: prijs per traject: '9000 euro' is geen bedrag; schrijf een bedrag in euro, "
            "bijvoorbeeld 9500, 9.500, 9.500,50 of 9.950,-",
        ),
        (
            "B2",
            "€ 9.000,00 excl. btw",
            "acme.xlsx!Percelen!B2: prijs per traject: '€ 9.000,00 excl. btw' is geen bedrag; schrijf een bedrag in "
            "euro, bijvoorbeeld 9500, 9.500, 9.500,50 of 9.950,-",
        ),
        (
            "E2",
            "6 weken",
            "acme.xlsx!Percelen!E2: wachttijd: '6 weken' is geen aantal weken; schrijf een aantal weken, bijvoorbeeld "
            "6 of 6,5",
        ),
        (  # the digits really are split by a space: that message stays
            "B2",
            "9 500",
            "acme.xlsx!Percelen!B2: prijs per traject: '9 500': spaties tussen de cijfers; schrijf het getal zonder "
            "spaties, bijvoorbeeld 9500 of 9.500,50",
        ),
    ],
)
def test_een_woord_naast_het_getal_heet_geen_spatie_tussen_de_cijfers(
    werkmap: Path, cel: str, waarde: str, melding: str
) -> None:
    """'9000 euro' was refused as 'spaties tussen de cijfers' (there are none): a bidder fixing it by that message
    would write '9000euro'. The message now says what is wrong: a word in a number cell."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    _wijzig(pad, "Percelen", {cel: waarde})
    assert _fouten(werkmap) == [melding]


def _notities(werkmap: Path) -> list[str]:
    aanbesteding, _ = laad_aanbesteding(werkmap / "aanbesteding.yaml")
    _, notities = lees_inschrijvingen(aanbesteding, werkmap / "inschrijvingen")
    return notities


def test_een_verborgen_rij_telt_mee_maar_nooit_stilzwijgend(werkmap: Path) -> None:
    """A bid line in a row the bidder hid: read as part of the bid (the file holds it), with a note naming the cells,
    because whoever opens the file in Excel does not see it. It used to count without a word."""
    data = kleine_aanbesteding()
    data["gemeenten"][0]["inburgeraars"]["Z"] = 2
    data["percelen"]["Z"] = {**data["percelen"]["B1"], "naam": "Z-route", "gemeenten": ["Noord"]}
    maak_werkmap(werkmap, data)
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ, ("Z", 9500, 5, 12, 4, "Noord")])
    wb = load_workbook(pad)
    wb["Percelen"].row_dimensions[3].hidden = True
    wb.save(pad)
    aanbesteding, _ = laad_aanbesteding(werkmap / "aanbesteding.yaml")
    inschrijvingen, notities = lees_inschrijvingen(aanbesteding, werkmap / "inschrijvingen")
    assert list(inschrijvingen[0].aanbod) == ["B1", "Z"]
    assert notities == [
        "inschrijvingen/acme.xlsx!Percelen: A3, B3, C3, D3, E3, F3 staat in een verborgen rij of kolom en telt mee als "
        "deel van de inschrijving; maak de rij of kolom zichtbaar om te zien wat de inschrijver invulde"
    ]
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(werkmap)])
    assert res.exit_code == 0 and "Let op: inschrijvingen/acme.xlsx!Percelen: A3, B3" in res.output


def test_een_verborgen_kolom_en_een_verborgen_tabblad(werkmap: Path) -> None:
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    wb = load_workbook(pad)
    wb["Percelen"].column_dimensions["B"].hidden = True
    wb["Inschrijver"].sheet_state = "hidden"
    wb.save(pad)
    assert _notities(werkmap) == [
        "inschrijvingen/acme.xlsx: tabblad 'Inschrijver' is verborgen in Excel; wat erop staat telt mee als deel van "
        "de inschrijving",
        "inschrijvingen/acme.xlsx!Percelen: B1, B2 staat in een verborgen rij of kolom en telt mee als deel van de "
        "inschrijving; maak de rij of kolom zichtbaar om te zien wat de inschrijver invulde",
    ]


def test_een_verborgen_lege_rij_of_een_leeg_extra_tabblad_geeft_geen_melding(werkmap: Path) -> None:
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    wb = load_workbook(pad)
    wb["Percelen"].row_dimensions[7].hidden = True
    wb.create_sheet("Blad1")
    wb.save(pad)
    assert _notities(werkmap) == []


def test_een_ingevuld_extra_tabblad_wordt_genoemd_en_niet_gelezen(werkmap: Path) -> None:
    """A bidder's own sheet (visible or hidden) is not part of the form: never read, but never in silence either."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    wb = load_workbook(pad)
    wb.create_sheet("Voorbehouden")["A1"] = "Onze prijs geldt alleen bij 20 trajecten per jaar"
    wb.create_sheet("Oude versie")["A1"] = "B1"
    wb["Oude versie"].sheet_state = "hidden"
    wb.save(pad)
    aanbesteding, _ = laad_aanbesteding(werkmap / "aanbesteding.yaml")
    inschrijvingen, notities = lees_inschrijvingen(aanbesteding, werkmap / "inschrijvingen")
    assert inschrijvingen[0].aanbod["B1"].prijs == 9000
    assert notities == [
        "inschrijvingen/acme.xlsx: tabblad 'Voorbehouden' hoort niet bij het inschrijfformulier en wordt niet gelezen; "
        "lees het zelf (een voorbehoud of toelichting moet een persoon beoordelen)",
        "inschrijvingen/acme.xlsx: tabblad 'Oude versie' (verborgen) hoort niet bij het inschrijfformulier en wordt "
        "niet gelezen; lees het zelf (een voorbehoud of toelichting moet een persoon beoordelen)",
    ]


def test_een_hernoemd_tabblad_wordt_genoemd(werkmap: Path) -> None:
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    wb = load_workbook(pad)
    wb["Percelen"].title = "Percelen (2)"
    wb.save(pad)
    assert _fouten(werkmap) == [
        "acme.xlsx: tabblad 'Percelen' ontbreekt; gebruik het inschrijfformulier; de werkmap heeft (ook) de "
        "tabbladen 'Percelen (2)'"
    ]


def test_een_prijs_met_een_fractie_van_een_cent_wordt_geweigerd(werkmap: Path) -> None:
    """9000.123456789 (a formula such as =10890/1,21 left unrounded): every document showed EUR 9.000,12 while the
    price scores were computed with the whole number, so no reader could recompute them from the letter."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    _wijzig(pad, "Percelen", {"B2": 9000.123456789})
    assert _fouten(werkmap) == [
        "acme.xlsx!Percelen!B2: prijs per traject: '9000,123456789' heeft meer dan 2 decimalen; een bedrag in euro "
        "gaat tot op de cent (de stukken tonen EUR 9.000,12, de scores zouden met het hele getal rekenen); schrijf "
        "het bedrag in centen, of leg met 'evaluatie herstel' vast wat de inschrijver bedoelde"
    ]


def test_rekenruis_van_een_formule_is_de_prijs_in_centen(werkmap: Path) -> None:
    """9000.10 computed by a formula is 9000.100000000002 in binary: that is the price in cents, not a fraction."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    _wijzig(pad, "Percelen", {"B2": 0.1 + 9000.000000000002})
    aanbesteding, _ = laad_aanbesteding(werkmap / "aanbesteding.yaml")
    inschrijvingen, _ = lees_inschrijvingen(aanbesteding, werkmap / "inschrijvingen")
    assert inschrijvingen[0].aanbod["B1"].prijs == 9000.1


def test_een_lege_getalcel_heet_ontbrekend(werkmap: Path) -> None:
    """A price left empty (or holding only a space) was "'' is geen bedrag": the bidder sees no '' anywhere."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    _wijzig(pad, "Percelen", {"B2": None, "C2": " "})
    assert _fouten(werkmap) == [
        "acme.xlsx!Percelen!B2: prijs per traject ontbreekt; schrijf een bedrag in euro, bijvoorbeeld 9500, 9.500, "
        "9.500,50 of 9.950,-",
        "acme.xlsx!Percelen!C2: capaciteit ontbreekt; schrijf een aantal inburgeraars, bijvoorbeeld 40",
    ]


def test_een_kvk_nummer_in_een_getalcel_verliest_zijn_voorloopnul(werkmap: Path) -> None:
    """01234567 typed where Excel made a number of it reads 1234567: the message said '7 cijfers' and left the
    bidder to guess why; it now says the leading zero fell away and what the number probably was."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    _wijzig(pad, "Inschrijver", {"B3": 1234567})
    assert _fouten(werkmap) == [
        "acme.xlsx!Inschrijver!B3: KvK-nummer '1234567' heeft 7 cijfers en staat in een getalcel, waarin "
        "voorloopnullen wegvallen; was het 01234567? leg dat vast met 'evaluatie herstel' (een KvK-nummer heeft 8 "
        "cijfers)"
    ]


def test_gemeenten_op_regels_in_een_cel(werkmap: Path) -> None:
    """'Noord' and 'Oost' on two lines of one cell (Alt+Enter): the message quoted the cell with its line break, so
    the error list broke in the middle of a line and the place of the next line was lost."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    _wijzig(pad, "Percelen", {"F2": "Noord\nOost"})
    fouten = _fouten(werkmap)
    assert fouten == [
        "acme.xlsx!Percelen!F2: de gemeenten staan op 2 regels in de cel; scheid ze met ; op één regel, bijvoorbeeld "
        "'Noord; Oost'"
    ]
    assert all("\n" not in f for f in fouten)


@pytest.mark.parametrize("cel", ["Noord, Oost en Zuid", "Noord,Oost", "Noord en Zuid", "Oost/Zuid"])
def test_gemeenten_met_kommas_of_en(werkmap: Path, cel: str) -> None:
    """'Noord, Oost en Zuid' (commas and 'en', as one writes a list): the message said 'hoort niet bij deze
    aanbesteding; bedoelt u Noord?', a hint that, followed with a herstel, would read the bid as serving Noord alone.
    It says to separate with ; and shows the cell so."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    _wijzig(pad, "Percelen", {"F2": cel})
    namen = [n for n in ("Noord", "Oost", "Zuid") if n in cel]
    assert _fouten(werkmap) == [
        f"acme.xlsx!Percelen!F2: '{cel}' zijn {len(namen)} gemeenten gescheiden door komma's, / of 'en'; scheid ze met "
        f"; op één regel, bijvoorbeeld '{'; '.join(namen)}'"
    ]


def test_een_regeleinde_uit_een_cel_breekt_de_foutenlijst_niet(werkmap: Path) -> None:
    """Every error is one line in the terminal, whatever a quoted cell holds (the JSON keeps the text as it is)."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    _wijzig(pad, "Percelen", {"A2": "B1\nZ"})
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(werkmap)])
    assert res.exit_code == 2
    assert "  acme.xlsx!Percelen!A2: perceel 'B1 ⏎ Z' bestaat niet in deze aanbesteding; kies uit B1" in res.output


def test_een_datum_als_getal_noemt_de_excel_datum(werkmap: Path) -> None:
    """45747 in a cell without date format (a date typed where the cell was made a number): refused as before, but
    the message now says it is the Excel serial of 31-03-2025 instead of leaving '45747' unexplained."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    wb = load_workbook(pad)
    wb["Inschrijver"]["B8"] = 45747
    wb["Inschrijver"]["B8"].number_format = "General"
    wb.save(pad)
    assert _fouten(werkmap) == [
        "acme.xlsx!Inschrijver!B8: Keurmerk geldig tot: verwacht een datum (dd-mm-jjjj), kreeg '45747' (een getal in "
        "een cel die geen datumopmaak heeft; als Excel-datum is dat 31-03-2025: geef de cel datumopmaak, of leg de "
        "datum vast met 'evaluatie herstel')"
    ]


def test_een_fout_in_een_samengevoegde_cel_zegt_dat(werkmap: Path) -> None:
    """'alle' merged over F2:F3 for two lots: Excel shows 'alle' in both rows, the file holds it in F2 only. The
    error at F3 ('vul de gemeenten in') now says why the bidder sees a filled cell there."""
    data = kleine_aanbesteding()
    data["gemeenten"][0]["inburgeraars"]["Z"] = 2
    data["percelen"]["Z"] = {**data["percelen"]["B1"], "naam": "Z-route", "gemeenten": ["Noord"]}
    maak_werkmap(werkmap, data)
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ, ("Z", 9500, 5, 12, 4, None)])
    wb = load_workbook(pad)
    wb["Percelen"].merge_cells("F2:F3")
    wb.save(pad)
    assert _fouten(werkmap) == [
        "acme.xlsx!Percelen!F3: vul de gemeenten in, gescheiden door ; of het woord alle (de cel is samengevoegd met "
        "F2: Excel toont daar de waarde van F2, maar in het bestand staat die alleen in F2; maak de samenvoeging "
        "ongedaan en vul iedere cel zelf in)"
    ]


def test_een_fout_in_een_verborgen_rij_zegt_dat(werkmap: Path) -> None:
    """An old B1 line the bidder hid below the new one: 'perceel B1 staat er twee keer in' pointed at a row nobody
    sees in Excel; the message now says the row is hidden."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ, ("B1", 9900, 10, 12, 4, "alle")])
    wb = load_workbook(pad)
    wb["Percelen"].row_dimensions[3].hidden = True
    wb.save(pad)
    assert _fouten(werkmap) == [
        "acme.xlsx!Percelen!A3: perceel B1 staat er twee keer in (ook A2) (de cel staat in een verborgen rij of "
        "kolom: maak die zichtbaar om haar te zien)"
    ]


def _vervang_in_blad(pad: Path, deel: str, oud: str, nieuw: str) -> None:
    """Edit one sheet's XML as another spreadsheet program writes it (openpyxl drops a height or width of 0)."""
    with zipfile.ZipFile(pad) as zf:
        delen = {info.filename: zf.read(info) for info in zf.infolist()}
    xml = delen[deel].decode("utf-8")
    assert oud in xml
    delen[deel] = xml.replace(oud, nieuw, 1).encode("utf-8")
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as zf:
        for naam, inhoud in delen.items():
            zf.writestr(naam, inhoud)


def test_een_rij_van_hoogte_nul_en_een_kolom_van_breedte_nul_zijn_verborgen(werkmap: Path) -> None:
    """Excel's other way of hiding: a row 0 high, a column 0 wide. What is in them is noted as in a hidden row."""
    data = kleine_aanbesteding()
    data["gemeenten"][0]["inburgeraars"]["Z"] = 2
    data["percelen"]["Z"] = {**data["percelen"]["B1"], "naam": "Z-route", "gemeenten": ["Noord"]}
    maak_werkmap(werkmap, data)
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ, ("Z", 9500, 5, 12, 4, "Noord")])
    percelen = "xl/worksheets/sheet3.xml"  # Instructie, Inschrijver, Percelen, Perceelgegevens
    _vervang_in_blad(pad, percelen, '<row r="3">', '<row r="3" ht="0" customHeight="1">')
    _vervang_in_blad(
        pad, percelen, '<col width="18" customWidth="1" min="3" max="3"/>', '<col width="0.0" min="3" max="3"/>'
    )
    assert _notities(werkmap) == [
        "inschrijvingen/acme.xlsx!Percelen: C1, C2, A3, B3, C3, D3, E3, F3 staat in een verborgen rij of kolom en "
        "telt mee als deel van de inschrijving; maak de rij of kolom zichtbaar om te zien wat de inschrijver invulde"
    ]


def test_rijen_standaard_hoogte_nul_alleen_een_eigen_hoogte_is_zichtbaar(werkmap: Path) -> None:
    """sheetFormatPr zeroHeight: every row is 0 high unless it has a height of its own."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    percelen = "xl/worksheets/sheet3.xml"
    _vervang_in_blad(pad, percelen, '<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>',
                     '<sheetFormatPr baseColWidth="8" defaultRowHeight="15" zeroHeight="1"/>')  # fmt: skip
    _vervang_in_blad(pad, percelen, '<row r="1">', '<row r="1" ht="15" customHeight="1">')
    assert _notities(werkmap) == [
        "inschrijvingen/acme.xlsx!Percelen: A2, B2, C2, D2, E2, F2 staat in een verborgen rij of kolom en telt mee als "
        "deel van de inschrijving; maak de rij of kolom zichtbaar om te zien wat de inschrijver invulde"
    ]


def _ods(pad: Path, rijen: list[list[object]]) -> Path:
    """A spreadsheet as LibreOffice saves it by default (OpenDocument, .ods): one sheet 'Percelen' with `rijen`,
    the last one repeated a thousand times the way an .ods stores a formatted area (a few bytes for many cells)."""
    cellen = [
        "".join(
            f'<table:table-cell office:value-type="float" office:value="{w}"/>'
            if isinstance(w, int)
            else f'<table:table-cell office:value-type="string"><text:p>{w}</text:p></table:table-cell>'
            for w in rij
        )
        for rij in rijen
    ]
    tabel = "".join(f"<table:table-row>{c}</table:table-row>" for c in cellen[:-1])
    tabel += f'<table:table-row table:number-rows-repeated="1000">{cellen[-1]}</table:table-row>'
    inhoud = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
        f'<office:spreadsheet><table:table table:name="Percelen">{tabel}</table:table></office:spreadsheet>'
        "</office:body></office:document-content>"
    )
    with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
        z.writestr("content.xml", inhoud)
    return pad


def test_een_ods_of_xlsb_wordt_geweigerd_niet_ongecontroleerd_gelezen(werkmap: Path) -> None:
    """A form saved by LibreOffice in its own format (.ods) was read by calamine around every bound of
    evaluatie.werkboekgrens, which only knows the parts of an .xlsx: a repeated row in a file of a kilobyte became
    a thousand rows here, and a few million cells (minutes, gigabytes) in a hostile one. The hidden-cell notes and
    the formula explanations are .xlsx-only as well. Now it is refused with what to do, as an old .xls is; so is a
    binary .xlsb."""
    schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    kop = ["Perceel", "Prijs per traject", "Capaciteit per jaar"]
    _ods(werkmap / "inschrijvingen" / "beta.ods", [kop, ["B1", 9100, 20]])
    with zipfile.ZipFile(werkmap / "inschrijvingen" / "gamma.xlsb", "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.bin", b"\x83\x01\x00")
        z.writestr("xl/worksheets/sheet1.bin", b"\x81\x01\x00")
    assert _fouten(werkmap) == [
        "beta.ods: OpenDocument-rekenblad (.ods, bijvoorbeeld van LibreOffice); sla het op als Excel-werkmap (.xlsx) "
        "en lever dat aan: alleen een .xlsx wordt volledig gecontroleerd gelezen",
        "gamma.xlsb: binaire Excel-werkmap (.xlsb); sla het op als Excel-werkmap (.xlsx) en lever dat aan: alleen "
        "een .xlsx wordt volledig gecontroleerd gelezen",
    ]
    res = CliRunner().invoke(main, ["inschrijvingen", "--werkmap", str(werkmap)])
    assert res.exit_code == 2 and "beta.ods: OpenDocument" in res.output and "Traceback" not in res.output


def test_zonder_kopregel_op_het_tabblad_inschrijver_staan_de_velden_er_nog(werkmap: Path) -> None:
    """A bidder who deleted the heading row 'Veld | Waarde' moved 'Naam' to A1; the reader looked from row 2 on and
    said "veld 'Naam' ontbreekt in kolom A" with Naam right there. The fields are found by their label, so the bid
    reads as written, and an error names the cell where the field now is."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ], email="geen adres")
    wb = load_workbook(pad)
    wb["Inschrijver"].delete_rows(1)
    wb.save(pad)
    assert _fouten(werkmap) == ["acme.xlsx!Inschrijver!B4: E-mail moet een e-mailadres zijn, kreeg 'geen adres'"]
    _wijzig(pad, "Inschrijver", {"B4": "info@acme.nl"})
    aanbesteding, _ = laad_aanbesteding(werkmap / "aanbesteding.yaml")
    [ins], _ = lees_inschrijvingen(aanbesteding, werkmap / "inschrijvingen")
    assert (ins.naam, ins.kvk, ins.email, ins.cel_naam) == (
        "Acme Taal",
        "12345678",
        "info@acme.nl",
        "acme.xlsx!Inschrijver!B1",
    )


def test_een_ingevoegde_rij_boven_de_kopregel_van_percelen(werkmap: Path) -> None:
    """A bidder who inserted a row above the heading of Percelen (for a title, or by a slip) got 'kopregel moet
    precies zijn ...; kreeg:  |  |  |' at A1, with the heading right below it. The heading is found where it is, as
    on the panel's forms; what stands above it is an error naming the cell, never ignored."""
    pad = schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ, ("B1", 9100, 10, 12, 4, "alle")])
    wb = load_workbook(pad)
    wb["Percelen"].insert_rows(1, 2)
    wb.save(pad)
    assert _fouten(werkmap) == ["acme.xlsx!Percelen!A5: perceel B1 staat er twee keer in (ook A4)"]
    _wijzig(pad, "Percelen", {"A5": None, "B5": None, "C5": None, "D5": None, "E5": None, "F5": None})
    aanbesteding, _ = laad_aanbesteding(werkmap / "aanbesteding.yaml")
    [ins], _ = lees_inschrijvingen(aanbesteding, werkmap / "inschrijvingen")
    assert (ins.aanbod["B1"].prijs, ins.aanbod["B1"].cel) == (9000, "acme.xlsx!Percelen!A4")
    _wijzig(pad, "Percelen", {"B1": "Onze prijzen zijn exclusief reiskosten"})
    assert _fouten(werkmap) == [
        "acme.xlsx!Percelen!B1: waarde boven de kopregel (rij 3) van het formulier ('Onze prijzen zijn exclusief "
        "reiskosten'); wat hier staat (een voorbehoud?) moet een persoon beoordelen; maak de cel leeg met "
        "'evaluatie herstel' als het niet bij de inschrijving hoort"
    ]


def test_een_ander_office_bestand_heet_geen_oud_excel(werkmap: Path) -> None:
    """Every file in the old Office container (OLE) was called 'oud Excel-formaat (.xls); sla het op als .xlsx': an
    e-mail saved from Outlook with the bid attached (.msg), a Word letter (.doc), Windows' Thumbs.db. Only a file
    with Excel's own stream is an old workbook now; another is named as what it is not, a form."""
    schrijf_bod(werkmap, "acme.xlsx", "Acme Taal", "12345678", [RIJ])
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    (werkmap / "inschrijvingen" / "oud.xls").write_bytes(ole + "Workbook\0".encode("utf-16-le") + b"\0" * 100)
    (werkmap / "inschrijvingen" / "offerte.msg").write_bytes(ole + "__substg1.0_0037001F\0".encode("utf-16-le"))
    (werkmap / "inschrijvingen" / "brief.doc").write_bytes(ole + "WordDocument\0".encode("utf-16-le"))
    assert _fouten(werkmap) == [
        "brief.doc: geen Excel-werkmap maar een ander bestand in Office-opmaak (zoals een Word-document of een "
        "opgeslagen e-mail); alleen het ingevulde formulier (.xlsx) hoort in deze map",
        "offerte.msg: geen Excel-werkmap maar een ander bestand in Office-opmaak (zoals een Word-document of een "
        "opgeslagen e-mail); alleen het ingevulde formulier (.xlsx) hoort in deze map",
        "oud.xls: oud Excel-formaat (.xls); sla het op als .xlsx",
    ]

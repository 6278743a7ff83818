"""What the example's reader gets, checked the way a screen reader, Excel or a printer shows it: heading
levels that do not skip (a screen reader's list of headings), and more per document below."""

from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import afgedrukte_woorden, druk_af, kopieer_voorbeeld, met_chromium


@pytest.fixture(scope="module")
def voorbeeld_uit(voorbeeld_bron: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example after `gunning` and `template systematiek`."""
    ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path_factory.mktemp("lezersbeeld") / "voorbeeld")
    for opdracht in (["gunning"], ["template", "systematiek"]):
        res = CliRunner().invoke(main, [*opdracht, "--werkmap", str(ws)])
        assert res.exit_code == 0, res.output
    return ws


@pytest.fixture(scope="module")
def contractfase(voorbeeld_uit: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example's contract started on 1 January 2022, its report of 2022-K1 and its dossier written."""
    import shutil

    ws = Path(shutil.copytree(voorbeeld_uit, tmp_path_factory.mktemp("lezersbeeld") / "contract"))
    door = ["--door", "S. Jansen, contractmanager", "--reden", "getekend"]
    for opdracht in (
        ["contract", "start", "--datum", "2022-01-01", *door],
        ["contract", "kwartaal", "--kwartaal", "2022-K1"],
        ["contract", "dossier"],
    ):
        res = CliRunner().invoke(main, [*opdracht, "--werkmap", str(ws)])
        assert res.exit_code == 0, res.output
    return ws


def test_koppen_slaan_geen_niveau_over(voorbeeld_uit: Path) -> None:
    """A letter's sections are the level under its title (h2 under h1, Heading 2 under Heading 1 in Word):
    a heading level that skips one (h1 then h3) reads in a screen reader's list as a missing section."""
    documenten = [voorbeeld_uit / "gunningssystematiek.html", *sorted((voorbeeld_uit / "rapporten").rglob("*.html"))]
    assert any(p.parent.name == "brieven" for p in documenten)
    for pad in documenten:
        niveaus = [int(n) for n in re.findall(r"<h([1-6])[\s>]", pad.read_text(encoding="utf-8"))]
        assert niveaus[:1] == [1] and niveaus.count(1) == 1, pad.name
        sprongen = [(a, b) for a, b in itertools.pairwise(niveaus) if b > a + 1]
        assert not sprongen, (pad.name, sprongen)


def test_advies_xlsx_kolommen_breed_genoeg_voor_wat_excel_toont(voorbeeld_uit: Path) -> None:
    """Excel shows '########' in a number cell narrower than its formatted text: the width (in characters of
    '0') is at least the length of '€ 202.400,00' as the cell's format writes it, not of the raw 202400."""
    wb = load_workbook(voorbeeld_uit / "rapporten" / "gunningsadvies.xlsx")
    gezien = 0
    for ws in wb.worksheets:
        for kolom in ws.iter_cols(min_row=2):
            for cel in kolom:
                if cel.number_format == '"€" #,##0.00' and isinstance(cel.value, (int, float)):
                    getoond = "€ " + f"{cel.value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
                    breedte = ws.column_dimensions[cel.column_letter].width
                    assert breedte >= len(getoond) + 1, (ws.title, cel.coordinate, getoond, breedte)
                    gezien += 1
    assert gezien > 50


def test_kwartaal_xlsx_zoals_excel_het_toont(contractfase: Path) -> None:
    """A gemeente opens its quarterly workbook in Excel: every sheet has its header row frozen and printed on
    every page (A4, fitted to the width), columns as wide as their values, the framework's maximum value as
    euros (not 2940000 in General) and the peildatum as a Dutch date."""
    wb = load_workbook(contractfase / "contract" / "kwartaal" / "2022-K1" / "regio.xlsx")
    for blad in wb.worksheets:
        assert blad.freeze_panes == "A2", blad.title
        assert blad.print_title_rows == "$1:$1", blad.title
        assert blad.page_setup.paperSize == 9 and blad.page_setup.fitToWidth == 1, blad.title
        for kolom in blad.iter_cols(min_row=2):
            if not kolom:  # a sheet with its header only (no signal in this report): no value to fit
                continue
            langste = max((len(str(c.value)) for c in kolom if isinstance(c.value, (int, float))), default=0)
            breedte = blad.column_dimensions[kolom[0].column_letter].width
            assert breedte >= langste + 1, (blad.title, kolom[0].column_letter)
    raam = wb["Raamovereenkomsten"]
    kop = [c.value for c in raam[1]]
    maximum = raam.cell(2, kop.index("Maximumwaarde") + 1)
    assert maximum.value == 2940000 and maximum.number_format == '"€" #,##0.00'
    overzicht = {r[0]: r[1] for r in wb["Overzicht"].iter_rows(values_only=True)}
    assert overzicht["Peildatum"] == "31 maart 2022"


def test_kwartaal_getalkolom_heel_rechts_uitgelijnd() -> None:
    """The average wait of one supplier is shown (3,0), of another withheld ('onderdrukt'): the whole
    column, its header too, is right-aligned, as a column of figures (it zigzagged: 3,0 right, onderdrukt
    left, the header left)."""
    from evaluatie.contract.kwartaal import _tabel

    html = _tabel(["Aanbieder", "Gemiddelde wachttijd (weken)"], [["A", 3.0], ["B", "onderdrukt"]])
    assert '<th>Aanbieder</th><th class="n">Gemiddelde wachttijd (weken)</th>' in html
    assert '<td class="">A</td><td class="n">3,0</td>' in html
    assert '<td class="">B</td><td class="n">onderdrukt</td>' in html


def test_dossierindex_datums_in_het_nederlands(contractfase: Path) -> None:
    """The dossier's index is read by an auditor: 'overeenkomsten per 1 januari 2022' and the decision's date
    as a date in words, not 2022-01-01."""
    from tests.hulp import html_tekst

    tekst = html_tekst(contractfase / "contract" / "dossier" / "index.html")
    assert "Inburgering Gooi en Vechtstreek 2022, overeenkomsten per 1 januari 2022" in tekst
    assert " 1 1 januari 2022 contractstart S. Jansen, contractmanager getekend " in tekst
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", re.sub(r"\S+\.(xlsx|csv|json|html|docx|yaml)\b", "", tekst))


def test_lijnen_verschillen_niet_alleen_in_kleur() -> None:
    """Printed in grey or read by a colour-blind gemeente, the framework chart's three routes must still be
    told apart: each line has its own dash pattern, drawn the same way in the legend; a lone point of the
    second route is an open dot, of the third a ringed one (was: three solid lines and filled dots, told apart by colour only)."""
    from evaluatie.contract import svg

    tekening = svg.lijnen(
        "t", ["jan", "feb", "mrt"], [("B1", [10.0, 20.0, 30.0]), ("Z", [5.0, None, 15.0]), ("O", [1.0, 2.0, 3.0])]
    )
    patronen = re.findall(
        r'<polyline fill="none" stroke="[^"]+" stroke-width="2"( stroke-dasharray="[^"]+")?', tekening
    )
    assert len(patronen) == 2 and patronen[0] != patronen[1]
    legenda = re.findall(
        r'<line x1="[\d.]+" x2="[\d.]+" y1="27" y2="27" stroke="[^"]+" stroke-width="2"([^/]*)/>', tekening
    )
    assert len(set(legenda)) == 3 and legenda[0] == patronen[0] and legenda[2] == patronen[1]
    assert re.findall(r'<circle cx="[\d.]+" cy="[\d.]+" r="2.5" fill="#fff" stroke=', tekening)  # Z's lone points


@met_chromium
@pytest.mark.parametrize(
    ("document", "titel"),
    [
        ("contract/kwartaal/2022-K1/gemeente-hilversum.html", "Kwartaalrapportage 2022-K1 - Gemeente Hilversum"),
        ("contract/dossier/index.html", "Contractdossier Inburgering Gooi en Vechtstreek 2022"),
        ("rapporten/intern/zekerheid.html", "Zekerheid Inburgering Gooi en Vechtstreek 2022 (intern)"),
        ("rapporten/intern/betrouwbaarheid.html", "Overeenstemming per beoordelaar Inburgering Gooi en Vechtstreek"),
        ("rapporten/gemeenten/hilversum.html", "Vertrouwelijk - overzicht Hilversum"),
    ],
)
def test_stukken_afgedrukt_met_paginanummers(contractfase: Path, tmp_path: Path, document: str, titel: str) -> None:
    """Printed, the quarterly report, the dossier's index, the internal reports and a gemeente's overview say on
    every page what they are and 'Pagina n van m', as the advies and the letters do: a loose page is placed, a
    missing one noticed."""
    import subprocess

    pdf = tmp_path / "stuk.pdf"
    druk_af(contractfase / document, pdf)
    paginas = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    paginas = paginas.split("\f")[:-1]
    assert paginas
    for n, pagina in enumerate(paginas, start=1):
        assert f"Pagina {n} van {len(paginas)}" in pagina, n
        assert titel in pagina, n


@met_chromium
def test_kwartaaltabellen_binnen_de_marge_van_a4(contractfase: Path, tmp_path: Path) -> None:
    """Printed on A4 portrait (15 mm margins), no word of the quarterly report stands right of the margin:
    the supplier table's eight columns of 'onderdrukt' and '<5' pushed it 2 pt beyond. And no word that fits its
    column is broken to make room: with every text cell breakable, 'Onderwijsroute' read 'Onderwi' 'jsroute'."""
    regio = contractfase / "contract" / "kwartaal" / "2022-K1" / "regio.html"
    woorden = afgedrukte_woorden(regio, tmp_path / "regio.pdf")
    rand = max(x for _, x, y in woorden if y < 842 - 15 / 25.4 * 72)  # the page body, not the page number below
    assert rand <= 595 - 15 / 25.4 * 72 + 1, rand  # 1 pt: a glyph box beyond its advance
    tekst = [w for w, _, _ in woorden]
    assert "Onderwijsroute" in tekst and not [w for w in tekst if w.startswith("Onderwi") and w != "Onderwijsroute"]


def test_advies_xlsx_afdrukken_op_a4_breedte_met_kopregel(voorbeeld_uit: Path) -> None:
    """A college member prints a sheet of the advies workbook: A4 landscape, every column on the width of the
    page and the header row repeated on each page (the panel sheet printed as strips of columns at 100%)."""
    wb = load_workbook(voorbeeld_uit / "rapporten" / "gunningsadvies.xlsx")
    for blad in wb.worksheets:
        instelling = blad.page_setup
        assert (instelling.paperSize, instelling.orientation) == (9, "landscape"), blad.title
        assert blad.sheet_properties.pageSetUpPr.fitToPage and instelling.fitToWidth == 1, blad.title
        assert instelling.fitToHeight == 0, blad.title  # as many pages down as it needs
        assert blad.print_title_rows == "$1:$1", blad.title


def test_grafieken_hebben_hun_cijfers_als_tekstalternatief(contractfase: Path) -> None:
    """A screen reader says of a chart (role="img") only its aria-label, the title: the figures drawn as bars
    and lines must also be there in words, in the SVG's description, as the tables and the drawing show them."""
    from evaluatie.contract import svg

    lijn = svg.lijnen("t", ["jan 2022", "feb 2022", "mrt 2022"], [("B1", [1.0, None, 3.4]), ("Z", [None, None, None])])
    assert "<desc>B1: jan 2022 1%, mrt 2022 3%; Z: geen getoond punt.</desc>" in lijn  # no figure for a gap
    staaf = svg.staven("w", [("A (B1)", [4.0, 3.0]), ("K (Z)", [6.0, "onderdrukt"])], ["beloofd", "gemeten"])
    assert "<desc>A (B1): beloofd 4,0, gemeten 3,0; K (Z): beloofd 6,0, gemeten onderdrukt.</desc>" in staaf
    pagina = (contractfase / "contract" / "kwartaal" / "2022-K1" / "regio.html").read_text(encoding="utf-8")
    tekeningen = re.findall(r"<svg.*?</svg>", pagina, re.S)
    assert len(tekeningen) == 3 and all("<desc>" in t for t in tekeningen)


def test_dossierindex_groottes_in_nederlandse_schrijfwijze(contractfase: Path) -> None:
    """The index's sizes read as Dutch numbers, right-aligned under a right-aligned header (19.936, not 19936)."""
    index = (contractfase / "contract" / "dossier" / "index.html").read_text(encoding="utf-8")
    groottes = re.findall(r'<td class="n">([^<]+)</td><td class="sha">', index)
    assert groottes and all(re.fullmatch(r"\d{1,3}(\.\d{3})*", g) for g in groottes)
    assert any("." in g for g in groottes)  # the register, the workbooks: thousands
    assert '<th class="n">bytes</th>' in index and '<th class="n">nr</th>' in index


def test_beoordelingsformulier_toont_iedere_tekst_heel(voorbeeld_bron: Path, tmp_path: Path) -> None:
    """A reviewer opens a fresh form: the declaration's label (68 characters in a column of 30, the answer
    'ja' beside it) read 'Verklaring: geen belangenvers' and the instruction's scale and criterion lines ran
    on far right of the screen; now they wrap in rows high enough to show them whole."""
    import math

    from evaluatie.beoordeling.formulier import VELD_VERKLARING
    from evaluatie.pipeline import schrijf_beoordelingsformulieren
    from evaluatie.werkmap import Werkmap

    ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path / "ws")
    shutil.rmtree(ws / "beoordelingen")
    (ws / "beoordelingen").mkdir()
    schrijf_beoordelingsformulieren(Werkmap(ws))
    formulier = load_workbook(next((ws / "beoordelingen").glob("*.xlsx")))
    blad = formulier["Beoordeling"]
    assert blad["A3"].value == VELD_VERKLARING and blad["B3"].value is None  # the answer's cell, filled later
    breedte = blad.column_dimensions["A"].width
    assert len(VELD_VERKLARING) > breedte and blad["A3"].alignment.wrap_text
    assert blad.row_dimensions[3].height >= 15 * math.ceil(len(VELD_VERKLARING) / breedte)
    instructie = formulier["Instructie"]
    breedte = instructie.column_dimensions["A"].width
    lang = [c for c in instructie["A"] if c.value and len(c.value) > breedte]
    assert lang  # the example's scale descriptions
    for cel in lang:
        assert cel.alignment.wrap_text, cel.coordinate
        assert instructie.row_dimensions[cel.row].height >= 15 * math.ceil(len(cel.value) / breedte), cel.coordinate


def test_ingehouden_gemiddelde_wachttijd_is_onderdrukt_niet_kleiner_dan_5(contractfase: Path) -> None:
    """Nobody has started yet: the average wait is withheld. In a column of weeks '<5' reads as 'under 5 weeks'
    (better than a promise of 6); the report says 'onderdrukt', as its legend does for a withheld average."""
    wb = load_workbook(contractfase / "contract" / "kwartaal" / "2022-K1" / "regio.xlsx")
    rijen = list(wb["Aanbieders"].iter_rows(values_only=True))
    kolom = rijen[0].index("Gemiddelde wachttijd (weken)")
    assert [r[kolom] for r in rijen[1:]] == ["onderdrukt"] * (len(rijen) - 1)
    pagina = (contractfase / "contract" / "kwartaal" / "2022-K1" / "regio.html").read_text(encoding="utf-8")
    assert "gemeten gemiddelde &lt;5" not in pagina and "gemeten gemiddelde onderdrukt" in pagina
    assert ">&lt;5</text>" not in pagina.split("Wachttijd aanmelding tot start")[1].split("</svg>")[0]

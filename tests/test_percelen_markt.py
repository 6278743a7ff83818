"""Every lot as its own market: one tender with B1, onderwijs and Z on award and PVT and MAP as open
house, from `evaluatie nieuw` to the letters (tests/percelen_markt.py). Each document must say
the right thing for its own lot's procedure; asserted on the text as a reader sees it."""

from __future__ import annotations

import html as html_module
import json
import re
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests import percelen_markt
from tests.hulp import druk_af, met_chromium


@pytest.fixture(scope="module")
def markt(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    return percelen_markt.maak(tmp_path_factory.mktemp("markt") / "flevoland")


def _docx(pad: Path) -> str:
    """Paragraphs and table rows in reading order (a table row as 'cell | cell')."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    d = Document(str(pad))
    regels = []
    for el in d.element.body.iterchildren():
        if el.tag.endswith("}p"):
            regels.append(Paragraph(el, d).text)
        elif el.tag.endswith("}tbl"):
            regels += [" | ".join(c.text for c in r.cells) for r in Table(el, d).rows]
    return "\n".join(regels)


def _html_tekst(pad: Path) -> str:
    html = pad.read_text(encoding="utf-8")
    html = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    return html_module.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def test_nieuw_schrijft_per_perceel_en_zegt_wat_het_aannam(markt: tuple[Path, str]) -> None:
    ws, uitvoer = markt
    tekst = (ws / "aanbesteding.yaml").read_text(encoding="utf-8")
    blokken = dict(re.findall(r"^  (B1|onderwijs|Z|PVT|MAP):\n((?:    .*\n)+)", tekst, re.M))
    assert "    procedure: toelating\n" in blokken["PVT"] and "    procedure: toelating\n" in blokken["MAP"]
    for code in ("B1", "onderwijs", "Z"):
        assert "    # procedure: gunning\n" in blokken[code] and "    raammaximum: {opslag: 0.25}\n" in blokken[code]
    # the region: which gemeenten came in, which of the same-named province did not, and why
    assert "Arbeidsmarktregio Flevoland: opgenomen Almere, Dronten, Lelystad, Noordoostpolder, Urk (5)." in uitvoer
    assert "Niet opgenomen: Zeewolde ligt in de provincie Flevoland maar hoort bij arbeidsmarktregio" in uitvoer
    # what it assumed, per lot: PVT and MAP with their own ceiling, no keurmerk, no framework maximum
    assert re.search(
        r"Perceel PVT \(Participatieverklaringstraject\): toelating; plafondprijs EUR 350,00; geen\s+keurmerk", uitvoer
    )
    assert re.search(r"Perceel B1 \(B1-route\): gunning; plafondprijs EUR 10\.000,00; keurmerk vereist", uitvoer)
    assert "geen raammaximum (open house)" in uitvoer.replace("\n  ", " ")


def test_gunning_json_per_perceel_en_beoordelaars_geanonimiseerd(markt: tuple[Path, str]) -> None:
    ws, _ = markt
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    assert {c: p["procedure"] for c, p in data["percelen"].items()} == {
        "B1": "gunning", "onderwijs": "gunning", "Z": "gunning", "PVT": "toelating", "MAP": "toelating",
    }  # fmt: skip
    bestanden = [b["bestand"] for b in data["invoer"]]
    assert {"Beoordelaar A", "Beoordelaar B", "Beoordelaar C"} <= set(bestanden)
    assert not [b for b in bestanden if "ada" in b.lower() or "bram" in b.lower() or "cees" in b.lower()]
    # B1 by hand: Kompas 0,6 x 100 + 0,4 x 100 = 100; Taalhuis 0,6 x 75 + 0,4 x 8500/9000 x 100 = 82,78;
    # Spreekbeurt 0,6 x 50 + 0,4 x 8500/9500 x 100 = 65,79. Kompas fills its 58 in Almere (first), Taalhuis the rest.
    b1 = data["percelen"]["B1"]
    assert [(r["inschrijver"], round(r["totaal"], 2)) for r in b1["rangorde"]] == [
        ("Kompas Noord", 100.0), ("Taalhuis Flevoland B.V.", 82.78), ("Spreekbeurt", 65.79),
    ]  # fmt: skip
    per = {(t["gemeente"], t["inschrijver"]): t["aantal"] for t in b1["toewijzing"]}
    assert per[("Almere", "Kompas Noord")] == 58 and per[("Almere", "Taalhuis Flevoland B.V.")] == 2


def test_toelatingsbesluit_zonder_raamovereenkomst_of_vergelijking(markt: tuple[Path, str]) -> None:
    ws, _ = markt
    brieven = ws / "rapporten" / "brieven"
    tekst = _docx(brieven / "taalhuis-flevoland-b-v-pvt.docx")
    assert tekst.startswith("Toelatingsbesluit Participatieverklaringstraject")
    assert "Geachte heer Smit," in tekst and "Beslissing: toegelaten" in tekst
    assert (
        "Tarief: de prijs per traject uit uw inschrijving, EUR 300,00; die mag niet hoger zijn dan de plafondprijs van EUR 350,00."
        in tekst
    )
    assert "Voorwaarden voor toelating, waaraan u gedurende de looptijd blijft voldoen: " in tekst
    assert (
        "Later toetreden: gedurende de hele looptijd van 2 jaar kan iedere aanbieder zich bij Gemeente Almere" in tekst
    )
    for verboden in ("raamovereenkomst", "maximale omvang", "uitgeput", "2.127", "2.116", "2.130", "vervaltermijn",
                     "e gerangschikt", "Kompas", "Spreekbeurt", "gemiddelde van de andere"):  # fmt: skip
        assert verboden not in tekst, verboden
    niet = _docx(brieven / "kompas-noord-map.docx")
    assert "Beslissing: niet toegelaten" in niet and "plafondprijs" in niet
    assert "Later toetreden:" in niet and "Taalhuis" not in niet and "raamovereenkomst" not in niet
    # the unsure salutation ('De Vries (Kompas Noord)': no heer or mevrouw) is neutral, never guessed
    assert "Geachte heer, mevrouw," in niet and "Geachte mevrouw De Vries" not in niet


def test_gunningsbeslissing_vergelijkt_met_iedere_winnaar(markt: tuple[Path, str]) -> None:
    ws, _ = markt
    brieven = ws / "rapporten" / "brieven"
    tekst = _docx(brieven / "spreekbeurt-b1.docx")
    assert tekst.startswith("Gunningsbeslissing B1-route") and "Geachte mevrouw Yilmaz-de Wit," in tekst
    assert "Beslissing: afgewezen" in tekst
    assert "Criterium | Weging | Uw score | Kompas Noord | Taalhuis Flevoland B.V." in tekst
    for winnaar in ("Kompas Noord", "Taalhuis Flevoland B.V."):
        assert f"Kenmerken en relatieve voordelen van de inschrijving van {winnaar}" in tekst
    # above the threshold (B1 alone: 124 x 2 x 1,25 = 310 x EUR 10.000): art. 2.127 for the standstill, and the
    # vervaltermijn as the tender documents set it (2.127 sets none; it said 'Dit is een vervaltermijn' as if it did)
    assert "artikel 2.127 Aanbestedingswet 2012" in tekst and "Dit is een vervaltermijn" not in tekst
    assert "Volgens de aanbestedingsstukken is dit een vervaltermijn" in tekst
    # and the published systematiek announces it, so the letter's reference is true (test_systematiek_vervaltermijn_gemengd)
    # the maximum set apart from the forecast: 124 a year x 2 years = 248, + 25% = 310
    assert "maximale omvang van 310 trajecten en een maximale waarde van EUR 3.100.000,00" in tekst
    assert "Verwacht worden 248 trajecten (124 per jaar gedurende 2 jaar); het maximum ligt 25% daarboven" in tekst
    assert "U krijgt 0 van uw capaciteit van 50" in tekst and "Spreekbeurt krijgt" not in tekst
    assert re.search(r"Kenmerk: GB-\d{4}-B1-[0-9A-F]{6}", tekst)


def test_advies_per_perceel(markt: tuple[Path, str]) -> None:
    ws, _ = markt
    tekst = _html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "Voorgenomen gunning en toelating" in tekst
    assert (
        "Wij adviseren tot perceel Participatieverklaringstraject toe te laten: Kompas Noord, Spreekbeurt en Taalhuis Flevoland B.V."
        in tekst
    )
    assert "B.V.." not in tekst
    assert "perceel Participatieverklaringstraject: open house" in tekst
    assert "Percelen Participatieverklaringstraject en Module arbeidsmarkt en participatie: open house." in tekst
    assert "6. Zekerheid van de uitkomst" in tekst  # there are award lots
    # section 4: art. 2.116 per kind of lot (an open house compares no prices)
    assert (
        "Geen enkele geldige inschrijving in de gunningspercelen (B1-route, Onderwijsroute en Z-route) heeft" in tekst
    )
    assert (
        "Percelen Participatieverklaringstraject en Module arbeidsmarkt en participatie (toelating): niet van "
        "toepassing; in een toelatingsprocedure worden prijzen niet met elkaar vergeleken." in tekst
    )
    # section 5 names the lots each standstill sentence is about (2.127 applies to the award lots only)
    assert (
        "Percelen Participatieverklaringstraject en Module arbeidsmarkt en participatie: een toelatingsprocedure "
        "kent geen wettelijke opschortende termijn." in tekst
    )
    assert (
        "Percelen B1-route, Onderwijsroute en Z-route: de opschortende termijn is 20 kalenderdagen (art. 2.127" in tekst
    )
    # flagged for a person before sending: competitor motivations quoted, and unsure salutations
    assert (
        "Perceel B1-route: de brief aan Spreekbeurt citeert de motivering van het panel bij de scores van "
        "Kompas Noord en Taalhuis Flevoland B.V.; lees die passages" in tekst
    )
    assert "Aanhef van de brieven aan Kompas Noord: 'Geachte heer, mevrouw,'" in tekst
    # alpha per reviewer is internal only
    assert "Grootste afwijker" not in tekst and "Alfa zonder" not in tekst
    intern = (ws / "rapporten" / "intern" / "betrouwbaarheid.html").read_text(encoding="utf-8")
    assert "Alfa zonder Beoordelaar A" in intern and "Vertrouwelijk" in intern
    # tiny split signal for B1 (Almere: Taalhuis 2 of 60) with the rule that would avoid it
    assert (
        "Almere: Taalhuis Flevoland B.V. krijgt 2 van 60" in tekst and "hoogstens één aanbieder per gemeente" in tekst
    )
    # no budget was set: demand x ceiling, never 'budget'
    assert "Vraag x plafondprijs per jaar" in tekst and "Budget per jaar" not in tekst


def test_gemeentepagina_vertrouwelijk_zonder_budget(markt: tuple[Path, str]) -> None:
    ws, _ = markt
    tekst = _html_tekst(ws / "rapporten" / "gemeenten" / "urk.html")
    assert tekst.lstrip().startswith("Vertrouwelijk") or "Vertrouwelijk - alleen voor gemeente Urk" in tekst
    assert "Budget:" not in tekst and "ruimte" not in tekst
    assert "Er is geen budget vastgesteld. Ter vergelijking: vraag maal plafondprijs" in tekst


def test_gepubliceerde_systematiek_per_perceel(markt: tuple[Path, str]) -> None:
    ws, _ = markt
    tekst = _docx(ws / "gunningssystematiek.docx")
    secties = re.split(r"\nPerceel ", tekst)
    per = {s.split("\n", 1)[0]: s for s in secties[1:]}
    b1, pvt = per["B1-route"], per["Participatieverklaringstraject"]
    for gemeente in percelen_markt.AANTALLEN:
        assert f"{gemeente} | Flevoland | " in b1 and f"{gemeente} | Flevoland | " in pvt
    assert "Peildatum keurmerk:" in b1 and "Keurmerk: voor dit perceel niet vereist." in pvt
    assert "Plafondprijs: EUR 350,00 per traject" in pvt and "Plafondprijs: EUR 10.000,00 per traject" in b1
    assert "Niet deelnemend aan dit perceel: geen; alle gemeenten doen mee." in b1
    # criteria with what each assesses; the scale with what each point means
    assert "Programma en werkvormen | 50% | Hoe het traject de kernwaarden" in pvt
    assert "goed | 75 | Het plan beantwoordt het criterium volledig en concreet" in b1
    # open house: tariff and joining later, and the criteria behind its minimum quality; no framework maximum
    assert "Tarief: de prijs per traject die de aanbieder inschrijft" in pvt and "Later toetreden:" in pvt
    assert "Kwaliteitsscore voor de minimumeis." in pvt
    assert "raamovereenkomst" not in pvt and "2.116" not in pvt
    assert "maximale omvang van 310 trajecten" in b1 and "2.116" in b1


# --- Letter layout: Word (python-docx) and the HTML letter printed by Chromium -------------------------


def test_docx_brief_paginanummers_kenmerk_nl_en_rijen_niet_gesplitst(markt: tuple[Path, str]) -> None:
    ws, _ = markt
    pad = ws / "rapporten" / "brieven" / "spreekbeurt-b1.docx"
    d = Document(str(pad))
    kenmerk = re.search(r"Kenmerk: (GB-\d{4}-B1-[0-9A-F]{6})", _docx(pad))
    assert kenmerk
    sectie = d.sections[0]
    # the kenmerk on every page (the default header), 'Pagina n van m' as Word fields in the footer
    assert [p.text for p in sectie.header.paragraphs] == [f"Kenmerk: {kenmerk.group(1)}"]
    voet = sectie.footer._element.xml
    assert re.search(r'w:instr=" PAGE \\\* MERGEFORMAT "', voet) and re.search(r'w:instr=" NUMPAGES ', voet)
    assert "".join(t.text or "" for t in sectie.footer._element.iter() if t.tag.endswith("}t")) == "Pagina 1 van 1"
    # 25 mm margins on every side, as the HTML letter
    for marge in (sectie.left_margin, sectie.right_margin, sectie.top_margin, sectie.bottom_margin):
        assert abs(marge.mm - 25) < 0.1
    # Dutch proofing language, nothing else
    talen = set(re.findall(r'<w:lang w:val="([^"]+)"', d.styles.element.xml))
    assert talen == {"nl-NL"}
    # no table row may split over two pages; headings stay with what follows
    rijen = [r for t in d.tables for r in t.rows]
    assert len(rijen) >= 8
    for r in rijen:
        assert r._tr.trPr is not None and r._tr.trPr.find(qn("w:cantSplit")) is not None
    koppen = [p for p in d.paragraphs if p.style.name == "Heading 2"]
    assert koppen and all(p.paragraph_format.keep_with_next for p in koppen)
    # sender, addressee, reference block and salutation separated by blank lines
    teksten = [p.text for p in d.paragraphs]
    i = next(i for i, t in enumerate(teksten) if t.startswith("Spreekbeurt"))
    j = next(i for i, t in enumerate(teksten) if t.startswith("Datum:"))
    k = next(i for i, t in enumerate(teksten) if t.startswith("Geachte "))
    assert teksten[i - 1] == "" and teksten[j - 1] == "" and teksten[k - 1] == ""


def _pdf(html: Path, pdf: Path) -> list[str]:
    """Print `html` with headless Chromium; the text of each page (pdftotext)."""
    druk_af(html, pdf)
    tekst = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    return tekst.stdout.split("\f")[:-1]


@met_chromium
def test_html_brief_in_chromium_kenmerk_en_pagina_op_iedere_pagina(markt: tuple[Path, str], tmp_path: Path) -> None:
    ws, _ = markt
    html = ws / "rapporten" / "brieven" / "spreekbeurt-b1.html"
    kenmerk = re.search(r"Kenmerk: (GB-\d{4}-B1-[0-9A-F]{6})", html.read_text(encoding="utf-8"))
    assert kenmerk
    paginas = _pdf(html, tmp_path / "brief.pdf")
    assert len(paginas) >= 2
    for i, pagina in enumerate(paginas, start=1):
        assert f"Kenmerk: {kenmerk.group(1)}" in pagina, i
        assert f"Pagina {i} van {len(paginas)}" in pagina, i


@met_chromium
def test_html_brief_in_chromium_geen_tabelrij_over_twee_paginas(tmp_path: Path) -> None:
    """A letter with a table long enough to cross several pages, rows of several lines each: every row's
    first and last word must land on the same page (a split row would put them on two)."""
    from evaluatie.rapport.document import Document as Brief

    d = Brief("Gunningsbeslissing proef", kenmerk="GB-2027-B1-ABC123")
    d.alinea("Inleiding.")
    vulling = " ".join(["motivering"] * 45)
    d.tabel(["Criterium", "Toelichting"], [[f"rij{i}begin", f"{vulling} rij{i}einde"] for i in range(40)])
    html = tmp_path / "brief.html"
    html.write_text(d.html(), encoding="utf-8")
    paginas = _pdf(html, tmp_path / "brief.pdf")
    assert len(paginas) >= 3  # the table does cross pages
    pagina_van = {}
    for n, tekst in enumerate(paginas):
        for woord in re.findall(r"rij\d+(?:begin|einde)", tekst):
            pagina_van[woord] = n
    for i in range(40):
        assert pagina_van[f"rij{i}begin"] == pagina_van[f"rij{i}einde"], f"rij {i} loopt over twee pagina's"


def test_inschrijfformulier_noemt_per_perceel_gemeenten_plafond_peildatum_en_criteria(
    markt: tuple[Path, str], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from evaluatie.definitie import laad_aanbesteding
    from evaluatie.inschrijving.formulier import schrijf_inschrijfformulier
    from evaluatie.toets.eisen import formulierregels

    ws, _ = markt
    a, _ = laad_aanbesteding(ws / "aanbesteding.yaml")
    pad = schrijf_inschrijfformulier(a, tmp_path / "formulier.xlsx", knockoutregels=formulierregels(a))
    blad = load_workbook(pad)["Perceelgegevens"]
    rijen = [tuple(c for c in r if c is not None) for r in blad.iter_rows(values_only=True)]
    start = {r[0]: i for i, r in enumerate(rijen) if r and str(r[0]).startswith("Perceel ")}
    pvt = rijen[
        start["Perceel PVT (Participatieverklaringstraject)"] : start[
            "Perceel MAP (Module arbeidsmarkt en participatie)"
        ]
    ]
    b1 = rijen[start["Perceel B1 (B1-route)"] : start["Perceel onderwijs (Onderwijsroute)"]]
    assert ("Plafondprijs: EUR 350,00 per traject (exclusief btw); een hogere prijs is ongeldig.",) in pvt
    assert ("Keurmerk: voor dit perceel niet vereist.",) in pvt
    assert any(str(r[0]).startswith("Peildatum keurmerk: ") for r in b1 if r)
    assert ("Urk", "Flevoland", 9) in pvt and ("Urk", "Flevoland", 12) in b1  # the hand-filled volumes
    assert ("Niet deelnemend aan dit perceel: geen; alle gemeenten doen mee.",) in b1
    assert any(r[:2] == ("Programma en werkvormen", "50%") and "kernwaarden" in r[2] for r in pvt if len(r) == 3)
    assert any(r[:2] == ("goed", 75) and "concreet" in r[2] for r in b1 if len(r) == 3)


def test_onder_de_drempel_rust_de_termijn_op_de_aanbestedingsstukken(tmp_path: Path) -> None:
    """20 inburgeraars a year x 2 years x EUR 10.000 = EUR 400.000, below EUR 750.000: no art. 2.127 and no
    statutory vervaltermijn in the letters; the published method states the period the letters rely on."""
    from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling

    ws = maak_werkmap(tmp_path / "klein", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 8000, 20, 12, 4, "alle")], contact="de heer A. Alfa")
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9000, 20, 12, 4, "alle")], contact="mevrouw B. Beta")
    assert percelen_markt.cli("template", "beoordeling", "--werkmap", str(ws)).exit_code == 0
    scores = {(n, c): s for n, s in (("Alfa", 75), ("Beta", 50)) for c in ("Plan van aanpak", "Samenwerking")}
    for pad in (ws / "beoordelingen").glob("*.xlsx"):
        vul_beoordeling(pad, scores)
    res = percelen_markt.cli("gunning", "--werkmap", str(ws), "--lots", "B1")
    assert res.exit_code == 0, res.output
    for brief in ("alfa-b1.docx", "beta-b1.docx"):
        tekst = _docx(ws / "rapporten" / "brieven" / brief)
        assert "2.127" not in tekst and "Dit is een vervaltermijn" not in tekst
        assert "Zoals de aanbestedingsstukken bepalen, sluiten wij de overeenkomst niet voor het einde van de" in tekst
        assert "Volgens de aanbestedingsstukken is dit een vervaltermijn" in tekst
    advies = _html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "ligt onder de drempel van EUR 750.000,00" in advies
    assert (
        "zoals de aanbestedingsstukken bepalen (onder de drempel geldt art. 2.127 Aanbestedingswet 2012 niet)" in advies
    )
    assert percelen_markt.cli("template", "systematiek", "--werkmap", str(ws)).exit_code == 0
    systematiek = _docx(ws / "gunningssystematiek.docx")
    assert "de opschortende termijn volgt daarom niet uit art. 2.127 Aanbestedingswet 2012 maar uit deze" in systematiek


def test_signaal_kleine_aantallen_in_de_terminal(markt: tuple[Path, str]) -> None:
    _, uitvoer = markt
    tekst = " ".join(uitvoer.split())
    # B1: Kompas fills 58 of Almere's 60, Taalhuis gets the other 2
    assert (
        "Let op: Perceel B1-route: kleine aantallen bij een tweede aanbieder in een gemeente (Almere: Taalhuis" in tekst
    )
    assert "verdeling.max_leveranciers_per_gemeente: 1" in tekst


def test_nieuw_houdt_de_opgegeven_volgorde(tmp_path: Path) -> None:
    res = percelen_markt.cli(
        "nieuw", str(tmp_path / "ws"), "--naam", "Proef", "--penvoerder", "Gemeente Urk",
        "--gemeenten", "Urk, Almere, Dronten", "--percelen", "B1", "--publicatie", "2026-12-01",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "Gemeenten (3): Urk, Almere, Dronten" in res.output
    namen = re.findall(r"^  - naam: (\w+)", (tmp_path / "ws" / "aanbesteding.yaml").read_text(encoding="utf-8"), re.M)
    assert namen == ["Urk", "Almere", "Dronten"]


def test_nieuw_meldt_een_toegevoegde_gemeente_met_een_andere_subregio(tmp_path: Path) -> None:
    res = percelen_markt.cli(
        "nieuw", str(tmp_path / "ws"), "--naam", "Proef", "--penvoerder", "Gemeente Almere",
        "--regio", "Flevoland", "--gemeenten", "Zeewolde", "--percelen", "B1", "--publicatie", "2026-12-01",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    uitvoer = " ".join(res.output.split())
    # included now, so not 'left out'; but its subregio is its own arbeidsmarktregio, and nieuw says so
    assert "Niet opgenomen: Zeewolde" not in uitvoer
    assert (
        "Zeewolde doet mee met subregio Veluwe Stedendriehoek (de eigen arbeidsmarktregio), niet Flevoland; "
        "wijzig met --subregio 'Flevoland=Zeewolde'"
    ) in uitvoer
    tekst = (tmp_path / "ws" / "aanbesteding.yaml").read_text(encoding="utf-8")
    assert re.search(r"- naam: Zeewolde .*\n    subregio: Veluwe Stedendriehoek", tekst)
    # with --subregio the gemeente joins the region's subregio, and nothing is reported
    res = percelen_markt.cli(
        "nieuw", str(tmp_path / "ws2"), "--naam", "Proef", "--penvoerder", "Gemeente Almere",
        "--regio", "Flevoland", "--gemeenten", "Zeewolde", "--subregio", "Flevoland=Zeewolde",
        "--percelen", "B1", "--publicatie", "2026-12-01",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "Zeewolde doet mee met subregio" not in res.output
    tekst = (tmp_path / "ws2" / "aanbesteding.yaml").read_text(encoding="utf-8")
    assert re.search(r"- naam: Zeewolde .*\n    subregio: Flevoland", tekst)


def test_zekerheid_van_een_open_house_perceel_gaat_over_de_toelating(markt: tuple[Path, str]) -> None:
    """PVT has the default criteria set's minimum quality (50): the analyses are those of admission by quality
    (zekerheid.toelating), never a winner, a first place or a margin to winning."""
    ws, _ = markt
    res = percelen_markt.cli("zekerheid", "--werkmap", str(ws), "--lots", "PVT", "--trekkingen", "200")
    assert res.exit_code == 0, res.output
    assert (
        "Perceel Participatieverklaringstraject - open house (toelating), minimale kwaliteitsscore 50,00" in res.output
    )
    assert "Marge tot winnen" not in res.output and "eerste" not in res.output
    intern = (ws / "rapporten" / "intern" / "zekerheid.html").read_text(encoding="utf-8")
    assert "B1-route" in intern and "Participatieverklaringstraject" in intern


def test_korte_tabel_blijft_bij_kop_en_inleiding_in_html() -> None:
    from evaluatie.rapport.document import KLEINE_TABEL
    from evaluatie.rapport.document import Document as Brief

    d = Brief("Proef")
    d.kop("Uw scores")
    d.alinea("Zo is gescoord:")
    d.tabel(["Criterium", "Score"], [["Plan", "50,00"]])
    d.alinea("Lang:")
    d.tabel(["Rij"], [[str(i)] for i in range(KLEINE_TABEL + 1)])
    html = d.html()
    assert '<div class="bijeen"><h2>Uw scores</h2><p class="inleiding">Zo is gescoord:</p><table>' in html
    assert '<p class="inleiding">Lang:</p>\n<table>' in html  # a long table may run on; its rows never split
    assert ".bijeen { break-inside: avoid;" in html


def test_winnaar_noemt_een_niet_gegunde_gelijke_niet(tmp_path: Path) -> None:
    """Alfa (quality 75, EUR 8.000) and Beta (quality 50, EUR 5.000) tie at 70: 0,6 x 75 + 0,4 x 5.000/8.000 x 100
    = 45 + 25 and 0,6 x 50 + 0,4 x 100 = 30 + 40. The rule hoogste_kwaliteit puts Alfa first; its capacity 20
    covers the demand of 20, so Beta gets nothing. Alfa's letter must not name Beta."""
    from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling

    data = kleine_aanbesteding()
    data["percelen"]["B1"]["bij_gelijke_stand"] = ["hoogste_kwaliteit"]
    ws = maak_werkmap(tmp_path / "gelijk", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 8000, 20, 12, 4, "alle")], contact="de heer A. Alfa")
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 5000, 20, 12, 4, "alle")], contact="mevrouw B. Beta")
    assert percelen_markt.cli("template", "beoordeling", "--werkmap", str(ws)).exit_code == 0
    scores = {(n, c): s for n, s in (("Alfa", 75), ("Beta", 50)) for c in ("Plan van aanpak", "Samenwerking")}
    for pad in (ws / "beoordelingen").glob("*.xlsx"):
        vul_beoordeling(pad, scores)
    # Beta's price is 37,5% below Alfa's: the art. 2.116 explanation is asked, received and accepted first.
    res = percelen_markt.cli("gunning", "--werkmap", str(ws), "--lots", "B1")
    assert res.exit_code == 1 and 'evaluatie toelichting --inschrijver "Beta" --lots B1' in res.output, res.output
    res = percelen_markt.cli(
        "toelichting", "--werkmap", str(ws), "--inschrijver", "Beta", "--lots", "B1", "--ontvangen", "2026-03-10",
        "--uitkomst", "aanvaard", "--reden", "De toelichting onderbouwt de prijs met een lagere overhead.",
        "--door", "I. Koper, inkoopadviseur", "--datum", "2026-03-20",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    res = percelen_markt.cli("gunning", "--werkmap", str(ws), "--lots", "B1")
    assert res.exit_code == 0, res.output
    alfa = _docx(ws / "rapporten" / "brieven" / "alfa-b1.docx")
    assert "Beslissing: gegund" in alfa and "gelijk aan die van een andere inschrijver" in alfa
    assert "Beta" not in alfa
    beta = _docx(ws / "rapporten" / "brieven" / "beta-b1.docx")
    assert "Beslissing: afgewezen" in beta and "gelijk aan die van Alfa" in beta  # the loser learns who won

"""Reports: letters, standstill arithmetic, advies HTML vs gunning.json, xlsx totals, determinism."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from evaluatie.cli import main
from evaluatie.rapport.standstill import standstill
from evaluatie.tekst import euro, getal
from tests.hulp import gegund_voorbeeld, kopieer_voorbeeld


@pytest.fixture(scope="module")
def gegund(voorbeeld_bron: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return gegund_voorbeeld(voorbeeld_bron, tmp_path_factory.mktemp("rapport") / "voorbeeld", "--lots", "B1,onderwijs")


def _brief(ws: Path, naam: str) -> tuple[str, str]:
    html = (ws / "rapporten" / "brieven" / f"{naam}.html").read_text(encoding="utf-8")
    doc = Document(str(ws / "rapporten" / "brieven" / f"{naam}.docx"))
    tekst = "\n".join(p.text for p in doc.paragraphs)
    tekst += "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    return html, tekst


def test_alle_bestanden_geschreven(gegund: Path) -> None:
    r = gegund / "rapporten"
    assert (r / "gunningsadvies.html").is_file() and (r / "gunningsadvies.xlsx").is_file()
    # six bidders, letters for every lot they bid on among B1 and onderwijs: 6 (B1) + 5 (onderwijs)
    assert len(list((r / "brieven").glob("*.docx"))) == 11
    assert len(list((r / "brieven").glob("*.html"))) == 11
    assert sorted(p.stem for p in (r / "gemeenten").glob("*.html")) == [
        "blaricum",
        "eemnes",
        "gooise-meren",
        "hilversum",
        "huizen",
        "laren",
        "wijdemeren",
    ]


def test_brief_ongeldig_noemt_eis_in_zinnen_en_de_winnaars(gegund: Path) -> None:
    for inhoud in _brief(gegund, "nieuwe-start-opleidingen-b1"):
        assert "Beslissing: ongeldig" in inhoud
        assert "Uw keurmerk was geldig tot 31 maart 2021; op de peildatum 4 juni 2021 was het verlopen." in inhoud
        assert "2021-03-31" not in inhoud
        for winnaar in ("Taalhuis De Brug B.V.", "Inburgerwijs Academie", "Kompas Inburgering"):
            assert winnaar in inhoud  # every party to the framework agreement
    html, _ = _brief(gegund, "leerpunt-vechtstreek-onderwijs")
    assert "Uw prijs per traject van EUR 10.450,00 ligt boven de plafondprijs van EUR 10.000,00." in html


def test_brief_afgewezen_eigen_en_winnende_scores_geen_andere_prijs(gegund: Path) -> None:
    gunning = json.loads((gegund / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    b1 = {r["inschrijver"]: r for r in gunning["percelen"]["B1"]["rangorde"]}
    for html, tekst in [_brief(gegund, "spreekbeurt-taaltrainingen-b1")]:
        for inhoud in (html, tekst):
            assert "niet aan u te gunnen" in inhoud
            assert "Uw kwaliteitsscore: 60,00" in inhoud
            # compared with every winner; Kompas (rank 3) named as the lowest-ranked awarded bidder, with the total
            # gunning.json publishes for it
            kompas = getal(b1["Kompas Inburgering"]["totaal"])
            assert (
                f"De laagst gerangschikte inschrijver aan wie is gegund, is Kompas Inburgering (rang 3, totaalscore "
                f"{kompas})" in inhoud
            )
            assert "Kenmerken en relatieve voordelen van de inschrijving van Taalhuis De Brug B.V." in inhoud
            assert "Kenmerken en relatieve voordelen van de inschrijving van Kompas Inburgering" in inhoud
            assert "Samenwerking met gemeente en klantmanager: Kompas Inburgering scoorde 75,00 tegen 50,00" in inhoud
            # price advantage: 0.4 x (96.67 - 88.78) = 3.16 points
            assert "Kompas Inburgering behaalde een prijsscore van 96,67 tegen 88,78 voor u; dat scheelt 3,16" in inhoud
            assert euro(b1["Spreekbeurt Taaltrainingen"]["prijs"]) in inhoud  # its own price
            for naam, r in b1.items():
                if naam != "Spreekbeurt Taaltrainingen":
                    assert euro(r["prijs"]) not in inhoud, naam  # disclosure policy 'score': no other price
            assert "Deze termijn eindigt op 21 juli 2021" in inhoud  # 2021-07-01 + 20


def test_brief_gegund_noemt_aandeel(gegund: Path) -> None:
    html, _ = _brief(gegund, "taalhuis-de-brug-b-v-b1")
    assert "aan u te gunnen" in html and "49 van de 98 trajecten per jaar (50,0%)" in html


@pytest.mark.parametrize(
    ("verzonden", "einde", "reden"),
    [
        # 2026-04-07 + 20 = Monday 2026-04-27, Koningsdag -> Tuesday 2026-04-28
        ("2026-04-07", "2026-04-28", "Koningsdag"),
        # 2026-04-15 + 20 = Tuesday 2026-05-05, Bevrijdingsdag (every year under the Atw) -> 2026-05-06
        ("2026-04-15", "2026-05-06", "Bevrijdingsdag"),
        # 2026-04-24 + 20 = Thursday 2026-05-14 Hemelvaartsdag, Friday 15 gelijkgesteld, then the weekend -> 2026-05-18
        ("2026-04-24", "2026-05-18", "vrijdag na Hemelvaartsdag"),
        # 2026-06-15 + 20 = Sunday 2026-07-05 -> Monday 2026-07-06
        ("2026-06-15", "2026-07-06", "zondag"),
        # 2026-03-14 + 20 = Goede Vrijdag 2026-04-03, weekend, tweede Paasdag 2026-04-06 -> 2026-04-07
        ("2026-03-14", "2026-04-07", "tweede Paasdag"),
        # 2026-12-06 + 20 = Saturday 2026-12-26 (tweede Kerstdag), Sunday -> Monday 2026-12-28
        ("2026-12-06", "2026-12-28", "zaterdag"),
        # 2026-06-01 + 20 = Sunday 2026-06-21 -> Monday 2026-06-22; a plain working day otherwise
        ("2026-06-02", "2026-06-22", None),
    ],
)
def test_standstill_algemene_termijnenwet(verzonden: str, einde: str, reden: str | None) -> None:
    s = standstill(dt.date.fromisoformat(verzonden), 20)
    assert s.dag_n == dt.date.fromisoformat(verzonden) + dt.timedelta(days=20)
    assert s.einde == dt.date.fromisoformat(einde)
    if reden:
        assert reden in s.uitleg
    else:
        assert "verlengd" not in s.uitleg


def test_gelijkgestelde_dag_uit_aanbesteding() -> None:
    # 2026-06-02 + 20 = Monday 2026-06-22; declared a bridge day by the tender -> Tuesday 2026-06-23
    assert standstill(dt.date(2026, 6, 2), 20, [dt.date(2026, 6, 22)]).einde == dt.date(2026, 6, 23)


class _Waarden(HTMLParser):
    """Collect data-waarde per (perceel, row key, veld) from the advies."""

    def __init__(self) -> None:
        super().__init__()
        self.perceel = self.rij = None
        self.waarden: dict[tuple, float] = {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "section" and "data-perceel" in a:
            self.perceel = a["data-perceel"]
        if tag == "tr":
            self.rij = a.get("data-inschrijver") or a.get("data-gemeente")
        if tag == "td" and "data-veld" in a and "data-waarde" in a and self.rij:
            self.waarden[(self.perceel, self.rij, a["data-veld"])] = float(a["data-waarde"])


def test_getallen_in_html_advies_gelijk_aan_gunning_json(gegund: Path) -> None:
    data = json.loads((gegund / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    p = _Waarden()
    p.feed((gegund / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8"))
    gecontroleerd = 0
    for code, perceel in data["percelen"].items():
        for r in perceel["rangorde"]:
            for veld in ("kwaliteit", "prijs", "prijsscore", "totaal", "rang"):
                assert round(p.waarden[(code, r["inschrijver"], veld)], 4) == r[veld], (code, r["inschrijver"], veld)
                gecontroleerd += 1
        for t in perceel["toewijzing"]:
            assert p.waarden[(code, t["gemeente"], f"aantal:{t['inschrijver']}")] == t["aantal"]
            gecontroleerd += 1
        for b in perceel["budgetten"]:
            assert p.waarden[(code, b["gemeente"], "kosten")] == b["kosten"]
            assert p.waarden[(code, b["gemeente"], "budget")] == b["budget"]
            gecontroleerd += 2
    assert gecontroleerd > 60
    html = (gegund / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8")
    # self-contained: four inline charts, no external stylesheet, script, image or font
    assert html.count("<svg") == 4
    assert not re.search(r'<link|<script|<img|src="|url\(http|@import', html)
    for invoer in data["invoer"]:
        assert invoer["sha256"] in html


def test_xlsx_opent_en_totalen_kloppen(gegund: Path) -> None:
    data = json.loads((gegund / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    wb = load_workbook(gegund / "rapporten" / "gunningsadvies.xlsx")
    # the example sets no budget: the sheet is named for what its number is
    assert {"Regels", "Knock-out", "Beoordeling", "Rangorde", "Verdeling", "Vraag x plafondprijs"} <= set(wb.sheetnames)
    assert "Verantwoording" in wb.sheetnames and "Budget" not in wb.sheetnames
    ws = wb["Verdeling"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    rijen = list(ws.iter_rows(min_row=2, values_only=True))
    for perceel in data["percelen"].values():
        naam = perceel["naam"]
        assert sum(r[3] for r in rijen if r[0] == naam) == sum(t["aantal"] for t in perceel["toewijzing"])
        assert sum(r[4] for r in rijen if r[0] == naam) == pytest.approx(
            sum(t["kosten"] for t in perceel["toewijzing"])
        )
    assert ws["E2"].number_format == '"€" #,##0.00'
    rang = wb["Rangorde"]
    # the workbook carries the total at full precision, gunning.json at 4 decimals: the same number
    assert round(rang["G2"].value, 4) == data["percelen"]["B1"]["rangorde"][0]["totaal"]


def test_tweemaal_gelijk_op_tijdstempel_na(gegund: Path, tmp_path: Path) -> None:
    kopie = kopieer_voorbeeld(gegund, tmp_path / "kopie")
    assert CliRunner().invoke(main, ["gunning", "--werkmap", str(kopie), "--lots", "B1,onderwijs"]).exit_code == 0
    a, b = gegund / "rapporten", kopie / "rapporten"
    bestanden = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    # 11 letters x 2, 7 gemeenten, advies html + xlsx, gunning.json, intern/zekerheid.html, intern/betrouwbaarheid.html
    assert len(bestanden) == 34
    verschillend = [rel for rel in bestanden if (a / rel).read_bytes() != (b / rel).read_bytes()]
    assert set(verschillend) <= {Path("gunningsadvies.html"), Path("gunningsadvies.xlsx")}
    zonder = [
        re.sub(r'<span id="tijdstempel">[^<]*</span>', "", (d / "gunningsadvies.html").read_text(encoding="utf-8"))
        for d in (a, b)
    ]
    assert zonder[0] == zonder[1]


def test_source_date_epoch_maakt_alles_byte_identiek(
    voorbeeld: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1625140800")
    kopie = kopieer_voorbeeld(voorbeeld, tmp_path / "kopie")
    for ws in (voorbeeld, kopie):
        assert CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), "--lots", "B1"]).exit_code == 0
    for p in (voorbeeld / "rapporten").rglob("*"):
        if p.is_file():
            assert p.read_bytes() == (kopie / "rapporten" / p.relative_to(voorbeeld / "rapporten")).read_bytes(), p
    assert "2021-07-01 12:00:00 UTC" in (voorbeeld / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8")


def test_rapport_commando(voorbeeld: Path) -> None:
    res = CliRunner().invoke(main, ["rapport", "--werkmap", str(voorbeeld), "--lots", "Z"])
    assert res.exit_code == 0, res.output
    assert "gunningsadvies.html" in res.output
    # Z: Inburgerwijs and Kompas admitted; Nieuwe Start excluded (keurmerk): three letters
    assert len(list((voorbeeld / "rapporten" / "brieven").glob("*-z.docx"))) == 3

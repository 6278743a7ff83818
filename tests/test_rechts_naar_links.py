"""A bidder's name in Arabic or Hebrew inside a Dutch sentence: the sentence keeps its order. The bidirectional
algorithm of every browser and word processor takes a figure after right-to-left text into that text's direction:
'Alfa Taal (12); <name> (8)' printed as 'Alfa Taal (12); (8) <name>', the 8 beside the 12 of another bidder. The name
is set apart as a unit of its own (U+2068 FIRST STRONG ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE)."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from docx import Document

from evaluatie.cli import main
from tests.hulp import afgedrukte_woorden, kleine_aanbesteding, maak_werkmap, met_chromium, schrijf_bod, vul_panel

ARABISCH = "مدرسة النور"
ALFA = "Alfa Taal"


def _gegund(tmp_path: Path) -> Path:
    """The same quality, Alfa cheaper with a capacity of 12 of the 20 a year: Alfa 12, the other 8."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", ALFA, "11111111", [("B1", 9000, 12, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", ARABISCH, "22222222", [("B1", 9500, 12, 12, 4, "alle")])
    vul_panel(ws, {ALFA: 75, ARABISCH: 75})
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    return ws


def test_naam_van_rechts_naar_links_staat_apart_in_html_en_word(tmp_path: Path) -> None:
    ws = _gegund(tmp_path)
    advies = (ws / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8")
    assert f"{ALFA} (12); \u2068{ARABISCH}\u2069 (8)" in advies
    assert f'data-inschrijver="{ARABISCH}"' in advies  # an attribute holds the name as it is
    assert re.search(f"[^\u2068]{ARABISCH}|{ARABISCH}[^\u2069]", re.sub("<[^>]*>", "", advies)) is None
    (brief,) = [
        p
        for p in (ws / "rapporten" / "brieven").glob("*.docx")
        if ARABISCH in "".join(x.text for x in Document(str(p)).paragraphs) and not p.name.startswith("alfa")
    ]
    tekst = "\n".join(x.text for x in Document(str(brief)).paragraphs)
    assert f"\u2068{ARABISCH}\u2069" in tekst and re.search(f"[^\u2068]{ARABISCH}", tekst) is None


@met_chromium
def test_afgedrukt_staat_het_getal_achter_de_naam(tmp_path: Path) -> None:
    ws = _gegund(tmp_path)
    woorden = afgedrukte_woorden(ws / "rapporten" / "gunningsadvies.html", tmp_path / "advies.pdf")
    arabisch = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
    # the summary 'Alfa Taal (12); <name> (8)': the 8 is printed right of every Arabic word on its line
    (acht,) = [(x, y) for w, x, y in woorden if re.fullmatch(r"[()]8[()]", w)]
    naast = [x for w, x, y in woorden if arabisch.search(w) and y == acht[1]]
    assert naast and max(naast) < acht[0]


def test_kwartaalrapportage_zet_de_naam_apart(tmp_path: Path) -> None:
    ws = _gegund(tmp_path)
    run = CliRunner().invoke
    door = ["--door", "S. Jansen, contractmanager", "--reden", "volgens het contract"]
    assert run(main, ["contract", "start", "--werkmap", str(ws), "--datum", "2026-06-01", *door]).exit_code == 0
    lijst = tmp_path / "noord.csv"
    lijst.write_text(
        "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n"
        + "".join(f"K{i};Noord;aangemeld;2026-06-1{i};B1;{ARABISCH if i % 2 else ALFA};\n" for i in range(4)),
        encoding="utf-8",
    )
    assert run(main, ["contract", "inlezen", "--werkmap", str(ws), str(lijst)]).exit_code == 0
    assert run(main, ["contract", "kwartaal", "--werkmap", str(ws), "--kwartaal", "2026-K2"]).exit_code == 0
    html = (ws / "contract" / "kwartaal" / "2026-K2" / "regio.html").read_text(encoding="utf-8")
    tekst = re.sub("<[^>]*>", "", html)
    assert f"\u2068{ARABISCH}\u2069" in tekst and re.search(f"[^\u2068]{ARABISCH}", tekst) is None


def test_de_patronen_pas_bij_tekst_van_rechts_naar_links() -> None:
    """A document without right-to-left text never compiles the patterns (1.5 ms of every award, issue #24); one with
    it compiles each once and isolates the name as before."""
    from evaluatie.rapport import html

    html._rtl_in_html.cache_clear()
    html._rtl_in_tekst.cache_clear()
    gewoon = "<p>Taalhuis De Brug – € 9.200,00, café</p>"
    assert html.isoleer_rtl(gewoon) == gewoon
    assert html.isoleer_rtl_tekst("Taalhuis – café") == "Taalhuis – café"
    assert html._rtl_in_html.cache_info().currsize == 0
    assert html._rtl_in_tekst.cache_info().currsize == 0
    assert html.isoleer_rtl(f"<p>{ARABISCH} (8)</p>") == f"<p>\u2068{ARABISCH}\u2069 (8)</p>"
    assert html.isoleer_rtl_tekst(f"{ARABISCH} (8)") == f"\u2068{ARABISCH}\u2069 (8)"
    assert html._rtl_in_html.cache_info().currsize == html._rtl_in_tekst.cache_info().currsize == 1

"""A word longer than a line (a 250-character name, a long URL quoted in a motivation) must wrap in print.

Chromium clipped it at the right margin: `pdftotext` found 122 of 250 letters of a bidder's name in its printed
letter, while the Word letter wrapped. Paragraphs and list items may now break inside such a word
(reports/sjablonen/stijl.css, overflow-wrap: anywhere); ordinary words still wrap at spaces.
"""

from __future__ import annotations

from pathlib import Path

from evaluatie.rapport.html import pagina
from tests.hulp import afgedrukte_woorden, met_chromium


@met_chromium
def test_een_woord_langer_dan_de_regel_wordt_afgebroken_en_niet_afgesneden(tmp_path: Path) -> None:
    naam = "L" * 250
    url = "https://inkoop.example.nl/" + "a" * 200
    html = tmp_path / "brief.html"
    inhoud = f"<p>Geachte {naam},</p><ul><li>Zie {url}.</li></ul><p>Met vriendelijke groet, de inkoper.</p>"
    html.write_text(pagina("Brief", inhoud), encoding="utf-8")
    woorden = afgedrukte_woorden(html, tmp_path / "brief.pdf")
    tekst = "".join(w for w, _, _ in woorden)
    assert tekst.count("L") == 250  # every letter printed: none cut off at the margin
    assert tekst.count("a" * 10) >= 200 // 10 - 1 and "inkoop.example.nl/" in tekst
    marge = 16 / 25.4 * 72  # the page's 16 mm side margin
    assert max(x for _, x, _ in woorden) <= 595.3 - marge + 1
    assert [w for w, _, _ in woorden][-5:-2] == ["Met", "vriendelijke", "groet,"]  # ordinary words stay whole

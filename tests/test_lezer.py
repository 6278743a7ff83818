"""The example's reports read in a real headless browser, as their readers would: printed to PDF
(A4, page numbers, "Vertrouwelijk", overview before appendices) and screenshots that show content.

Skipped when chromium or poppler (pdftotext, pdfinfo) is absent. bench/schermafdrukken.py writes
the same screenshots to a folder to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.hulp import gegund_voorbeeld

pytestmark = pytest.mark.skipif(
    any(shutil.which(p) is None for p in ("chromium", "pdftotext", "pdfinfo")),
    reason="geen chromium of poppler-utils (pdftotext, pdfinfo)",
)

CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]


def _chromium(*args: str) -> None:
    subprocess.run([*CHROMIUM, *args], check=True, capture_output=True, timeout=180)


@pytest.fixture(scope="module")
def rapporten(voorbeeld_bron: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return gegund_voorbeeld(voorbeeld_bron, tmp_path_factory.mktemp("lezer") / "voorbeeld") / "rapporten"


def test_advies_afgedrukt_op_a4_met_paginanummers_en_vertrouwelijk(rapporten: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "advies.pdf"
    _chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", (rapporten / "gunningsadvies.html").as_uri())
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    paginas = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    breedte, hoogte = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert (round(breedte), round(hoogte)) == (595, 842)  # A4 portrait
    tekst = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pagina_teksten = tekst.split("\f")[:paginas]
    for n, pagina in enumerate(pagina_teksten, start=1):
        assert "Vertrouwelijk" in pagina, n
        assert f"Pagina {n} van {paginas}" in pagina, n
    # the overview (advice, value, standstill) fits in the first pages; the appendices follow
    eerste = next(n for n, p in enumerate(pagina_teksten, start=1) if "Bijlage 1. Perceel" in p)
    assert eerste <= 4, eerste
    assert "Wij adviseren perceel B1-route te gunnen aan" in "".join(pagina_teksten[:eerste])
    # no reviewer's name anywhere in the printed advies
    for naam in ("Anouk Verbeek", "Mehmet Yilmaz", "Joost de Ridder"):
        assert naam not in tekst


def _niet_leeg(png: Path) -> None:
    from PIL import Image

    beeld = Image.open(png).convert("L")
    laag, hoog = beeld.getextrema()
    assert hoog - laag > 100, png  # text and lines, not a blank page
    zwart = sum(beeld.histogram()[:128])
    assert zwart > 0.002 * beeld.width * beeld.height, png  # a real amount of dark ink


@pytest.mark.parametrize(
    "bestand",
    ["gunningsadvies.html", "brieven/spreekbeurt-taaltrainingen-b1.html", "intern/zekerheid.html"],
)  # fmt: skip
def test_schermafdruk_toont_inhoud(rapporten: Path, tmp_path: Path, bestand: str) -> None:
    png = tmp_path / "schermafdruk.png"
    _chromium(f"--screenshot={png}", "--window-size=900,1200", (rapporten / bestand).as_uri())
    _niet_leeg(png)

"""How long the printed gunningsadvies is at national size: overview pages, appendices, bytes.

Run: python bench/advies_paginas.py [GEMEENTExINSCHRIJVERS] [--map MAP]   (default 342x150)
Builds a complete werkmap with bench/schaal.py, runs `evaluatie gunning` as a process, prints the
advies to PDF with headless Chromium and reports the pages before the first appendix (target:
under 10), the total and the HTML size. Needs chromium and pdftotext/pdfinfo.
"""

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from schaal import bouw

parser = argparse.ArgumentParser()
parser.add_argument("maat", nargs="?", default="342x150")
parser.add_argument("--map", type=Path, default=None)
args = parser.parse_args()
gemeenten, bieders = map(int, args.maat.split("x"))
root = (args.map or Path(tempfile.mkdtemp())) / f"advies-{args.maat}"
if not (root / "aanbesteding.yaml").exists():
    bouw(root, gemeenten, bieders)
t0 = time.perf_counter()
subprocess.run([sys.executable, "-m", "evaluatie", "gunning", "--werkmap", str(root)], check=True, capture_output=True)
print(f"gunning met rapporten: {time.perf_counter() - t0:.1f} s")
html = root / "rapporten" / "gunningsadvies.html"
pdf = root / "advies.pdf"
subprocess.run(
    ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
     html.as_uri()],
    check=True, capture_output=True,
)  # fmt: skip
tekst = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
paginas = tekst.split("\f")
totaal = int(
    re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout)[1]
)
overzicht = next((n - 1 for n, p in enumerate(paginas, start=1) if "Bijlage 1. Perceel" in p), totaal)
print(f"{args.maat}: overzicht {overzicht} pagina's (doel: minder dan 10), totaal {totaal} pagina's, "
      f"HTML {html.stat().st_size / 1e6:.1f} MB")  # fmt: skip

"""Screenshots and printed pages of the example's reports, to look at them as their readers do.

Run: python bench/schermafdrukken.py [UITVOERMAP]   (default: /tmp/evaluatie-schermafdrukken)
Needs chromium and pdftoppm. Writes one PNG per report (screen) and one per printed advies page.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo root: bids/ holds the example
from bids.genereer_voorbeeld import genereer

_ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
_ap.add_argument("uitvoermap", nargs="?", default="/tmp/evaluatie-schermafdrukken", help="waar de PNG's komen")
uit = Path(_ap.parse_args().uitvoermap)  # '--help' was once taken for a folder name and filled with PNG's
uit.mkdir(parents=True, exist_ok=True)
ws = genereer(Path(tempfile.mkdtemp()) / "voorbeeld")
t0 = time.perf_counter()
assert CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)]).exit_code == 0
assert CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)]).exit_code == 0
print(f"gunning met alle rapporten en systematiek: {time.perf_counter() - t0:.2f} s")
r = ws / "rapporten"
chromium = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
for naam, pad in [
    ("advies", r / "gunningsadvies.html"),
    ("brief-afgewezen", r / "brieven" / "spreekbeurt-taaltrainingen-b1.html"),
    ("brief-gegund", r / "brieven" / "taalhuis-de-brug-b-v-b1.html"),
    ("gemeente", r / "gemeenten" / "hilversum.html"),
    ("intern-zekerheid", r / "intern" / "zekerheid.html"),
    ("systematiek", ws / "gunningssystematiek.html"),
]:
    png = uit / f"{naam}.png"
    subprocess.run([*chromium, f"--screenshot={png}", "--window-size=900,1300", pad.as_uri()], capture_output=True)
    print(png)
pdf = uit / "advies.pdf"
subprocess.run([*chromium, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", (r / "gunningsadvies.html").as_uri()],
               capture_output=True)  # fmt: skip
if shutil.which("pdftoppm"):
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(uit / "advies-pagina")], check=True)
print(f"{pdf} en de pagina's als advies-pagina-*.png in {uit}")

"""How fast the letters are built: 632 letters (the national-scale count of issue 15).

Run: python bench/brieven.py
Builds the example award once, then writes 632 letters (docx + HTML) by cycling over its
bidder x lot pairs, and prints the time per phase. Letters come from one prepared Word
package (evaluatie.rapport.document.sjabloon); for comparison it also times the same
documents through python-docx itself, as the letters were built before.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import shutil
import sys
import tempfile
import time
from pathlib import Path

from evaluatie.pipeline import gun
from evaluatie.rapport.brieven import brief
from evaluatie.rapport.document import Document, sjabloon
from evaluatie.rapport.gegevens import Rapportgegevens
from evaluatie.werkmap import Werkmap

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo root: bids/ holds the example
from bids.genereer_voorbeeld import genereer

AANTAL = 632


def _via_python_docx(d: Document) -> bytes:
    from docx import Document as Word

    doc = Word()
    doc.add_heading(d.titel, level=1)
    for b in d.blokken:
        if b[0] == "witregel":
            doc.add_paragraph("")
        elif b[0] == "kop":
            doc.add_heading(b[1], level=2)
        elif b[0] in ("alinea",):
            doc.add_paragraph(b[1])
        elif b[0] in ("regels", "opsomming"):
            for x in b[1]:
                doc.add_paragraph(x)
        else:
            t = doc.add_table(rows=1, cols=len(b[1]))
            for rij in b[2]:
                for c, w in zip(t.add_row().cells, rij, strict=False):
                    c.text = str(w)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ws = genereer(Path(tmp) / "voorbeeld")
        award = gun(Werkmap(ws))
        g = Rapportgegevens.uit_award(award, "2021-07-01 09:00:00 UTC")
        paren = [(r.inschrijver, code) for code in g.uitslag.percelen for r in g.toets.voor_perceel(code)]
        reeks = list(itertools.islice(itertools.cycle(paren), AANTAL))
        tijd = dt.datetime(2021, 7, 1, 9)

        t0 = time.perf_counter()
        sjabloon()
        t1 = time.perf_counter()
        documenten = [brief(g, naam, code) for naam, code in reeks]
        t2 = time.perf_counter()
        uit = Path(tmp) / "brieven"
        uit.mkdir()
        for i, d in enumerate(documenten):
            (uit / f"{i}.docx").write_bytes(d.docx(g.aanbesteding.penvoerder, tijd))
            (uit / f"{i}.html").write_text(d.html(), encoding="utf-8")
        t3 = time.perf_counter()
        for d in documenten[:50]:
            _via_python_docx(d)
        t4 = time.perf_counter()
        shutil.rmtree(uit)
    print(f"{AANTAL} brieven (voorbeeld, {len(paren)} verschillende inschrijver x perceel):")
    print(f"  sjabloon voorbereiden (eenmalig): {t1 - t0:.3f} s")
    print(f"  inhoud opbouwen:                   {t2 - t1:.3f} s")
    print(f"  docx + html schrijven:             {t3 - t2:.3f} s")
    print(f"  totaal:                            {t3 - t0:.3f} s")
    print(f"  ter vergelijking, python-docx per brief: {(t4 - t3) / 50 * AANTAL:.1f} s voor {AANTAL} (gemeten op 50)")


if __name__ == "__main__":
    main()

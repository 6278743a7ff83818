"""The quarterly report's chart of framework use put its legend entries 150 px apart, whatever their length: with the
module lots 'Module arbeidsmarkt en participatie' ran over 'Participatieverklaringstraject' and that over
'Onderwijsroute', printed as one unreadable run of letters, so a gemeente could not tell which line was which. A long
name now takes the room it needs, and a full row continues on the next, above the plot."""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

from evaluatie.contract import svg
from tests.hulp import druk_af, met_chromium

TITEL = "Gebruik van de raamovereenkomsten (% van het maximum, cumulatief)"
NAMEN = ("B1-route", "Module arbeidsmarkt en participatie", "Participatieverklaringstraject", "Onderwijsroute")


def _tekening() -> str:
    return svg.lijnen(
        TITEL,
        ["jul 2026", "aug 2026", "sep 2026"],
        [(n, [4.0 * (k + 1), None, 9.0]) for k, n in enumerate(NAMEN)],
    )


@met_chromium
def test_lange_namen_in_de_legenda_overlappen_niet(tmp_path: Path) -> None:
    html = tmp_path / "grafiek.html"
    html.write_text(f'<!DOCTYPE html><html lang="nl"><body>{_tekening()}</body></html>', encoding="utf-8")
    pdf = druk_af(html, tmp_path / "grafiek.pdf")
    uit = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    woorden = [
        (w, float(x0), float(x1), round(float(y1)))
        for x0, x1, y1, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', uit
        )
    ]
    plot = min(y for woord, _x0, _x1, y in woorden if woord == "100%")
    legenda = [w for w in woorden if w[3] < plot and w[0] not in TITEL.split()]  # between title and plot
    tekst = " ".join(w for w, *_ in legenda)
    for naam in NAMEN:  # every name printed whole, word for word (run together they came out as other words)
        assert naam in tekst, tekst
    for regel in {y for *_, y in legenda}:
        op = sorted((x0, x1) for _, x0, x1, y in legenda if y == regel)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(op)), op  # no word runs into the next


def test_korte_namen_houden_hun_plaats() -> None:
    """Short route names fit in 150 px: one row, at the places they always had (40, 190, 340)."""
    tekening = svg.lijnen("t", ["a", "b"], [("B1", [1.0, 2.0]), ("Z", [1.0, 2.0]), ("O", [1.0, 2.0])])
    assert re.findall(r'<text x="(\d+)" y="31">', tekening) == ["68", "218", "368"]
    assert 'height="260"' in tekening

"""Art. 2.116: a price more than abnormaal_laag below the mean of the other valid bids is a signal. One very high
price (D, EUR 30.000 under a ceiling of EUR 40.000) lifts the mean of the others for every other bid, so that three of
four ordinary prices were flagged, and the open point said only "lijkt abnormaal laag". The point now says what was
compared (the price, the share, the mean and the limit) and that a signal is a request for explanation, not a
rejection; `abnormaal_maatstaf: mediaan` (default gemiddelde, unchanged) compares with the median of the others, which
one outlier does not move. Expected values by hand. Real CLI runs."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel

PRIJZEN = {"A": 7000, "B": 9000, "C": 9500, "D": 30000}


def _werkmap(root: Path, **perceel: object) -> Path:
    data = kleine_aanbesteding()
    data["percelen"]["B1"].update(plafondprijs=40000, **perceel)
    ws = maak_werkmap(root, data)
    for i, (naam, prijs) in enumerate(PRIJZEN.items(), start=1):
        schrijf_bod(ws, f"{naam.lower()}.xlsx", naam, str(i) * 8, [("B1", prijs, 20, 12, 4, "alle")])
    vul_panel(ws, dict.fromkeys(PRIJZEN, 75))
    return ws


def _punten(ws: Path) -> list[str]:
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 1, res.output
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    return [p["tekst"] for p in data["open_punten"] if p["soort"] == "abnormaal"]


def _systematiek(ws: Path) -> str:
    assert CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)]).exit_code == 0
    return html_tekst(ws / "gunningssystematiek.html")


def test_gemiddelde_van_de_andere_met_de_cijfers(tmp_path: Path) -> None:
    # A: others 9.000, 9.500, 30.000, mean 16.166,67; 1 - 7.000 / 16.166,67 = 56,7%
    # B: others 7.000, 9.500, 30.000, mean 15.500; 1 - 9.000 / 15.500 = 41,9%
    # C: others 7.000, 9.000, 30.000, mean 15.333,33; 1 - 9.500 / 15.333,33 = 38,0%; D above every mean
    ws = _werkmap(tmp_path / "ws")
    punten = _punten(ws)
    assert punten == [
        f"Perceel B1-route: de prijs van {naam} lijkt abnormaal laag (art. 2.116 Aanbestedingswet 2012): {prijs} per "
        f"traject ligt {pct}% onder het gemiddelde van de andere geldige inschrijvingen ({gem}); de grens is 20%. Dat "
        "is een signaal, geen afwijzing; vraag om schriftelijke toelichting en leg de beoordeling vast."
        for naam, prijs, pct, gem in (
            ("A", "EUR 7.000,00", "56,7", "EUR 16.166,67"),
            ("B", "EUR 9.000,00", "41,9", "EUR 15.500,00"),
            ("C", "EUR 9.500,00", "38,0", "EUR 15.333,33"),
        )
    ]
    tekst = _systematiek(ws)
    assert (
        "ligt een prijs meer dan 20% onder het gemiddelde van de andere geldige inschrijvingen in dit perceel, dan "
        "vraagt de aanbestedende dienst om een schriftelijke toelichting. Zo'n signaal is een verzoek om toelichting, "
        "geen afwijzing" in tekst
    ), tekst


def test_mediaan_van_de_andere(tmp_path: Path) -> None:
    # A: others 9.000, 9.500, 30.000, median 9.500; 1 - 7.000 / 9.500 = 26,3% > 20%: flagged
    # B: others 7.000, 9.500, 30.000, median 9.500; 1 - 9.000 / 9.500 = 5,3%: not
    # C: others 7.000, 9.000, 30.000, median 9.000: C lies above it; D: median 9.000, above it
    ws = _werkmap(tmp_path / "ws", abnormaal_maatstaf="mediaan")
    zin = (
        "de prijs van A, EUR 7.000,00 per traject, ligt 26,3% onder de mediaan van de andere geldige inschrijvingen "
        "(EUR 9.500,00); de grens is 20%."
    )
    assert _punten(ws) == [
        "Perceel B1-route: de prijs van A lijkt abnormaal laag (art. 2.116 Aanbestedingswet 2012): EUR 7.000,00 per "
        "traject ligt 26,3% onder de mediaan van de andere geldige inschrijvingen (EUR 9.500,00); de grens is 20%. "
        "Dat is een signaal, geen afwijzing; vraag om schriftelijke toelichting en leg de beoordeling vast."
    ]
    assert f"Perceel B1-route: {zin}" in html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert (
        "ligt een prijs meer dan 20% onder de mediaan van de andere geldige inschrijvingen in dit perceel (de middelste "
        "prijs; bij een even aantal andere inschrijvingen het gemiddelde van de twee middelste), dan vraagt"
        in _systematiek(ws)
    )


def test_onbekende_maatstaf_is_een_invoerfout(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["abnormaal_maatstaf"] = "modus"
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(maak_werkmap(tmp_path / "ws", data))])
    assert res.exit_code == 2, res.output
    assert "percelen.B1.abnormaal_maatstaf (regel " in res.output and "gemiddelde, mediaan" in res.output

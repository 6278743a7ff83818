"""A price flagged as abnormally low reads as more than the limit.

A at EUR 7.999,99 against B and C at EUR 10.000 lies 1 - 7.999,99 / 10.000 = 20,0001% under the mean of the others,
more than the limit of 20%, so it is flagged; the advies read 'ligt 20,0% onder het gemiddelde ...; de grens is 20%',
a price at the limit, which the published rule ('meer dan 20%') does not flag. The share now stands with as many
decimals as show it above the limit, in the signal and in a rejection alike.
"""

from __future__ import annotations

from pathlib import Path

from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel
from tests.test_toelichting_na_afwijzing import _run, _toelichting


def _sectie(ws: Path) -> str:
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    return advies.split("4. Abnormaal lage inschrijvingen")[2].split("5. Opschortende termijn")[0]


def test_percentage_net_boven_de_grens(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 7999.99, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 10000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", "C", "33333333", [("B1", 10000, 20, 12, 4, "alle")])
    vul_panel(ws, {"A": 75, "B": 75, "C": 50})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1, res.output  # the explanation is an open point
    zin = (
        "de prijs van A, EUR 7.999,99 per traject, ligt 20,0001% onder het gemiddelde van de andere geldige "
        "inschrijvingen (EUR 10.000,00); de grens is 20%."
    )
    assert zin in _sectie(ws), _sectie(ws)
    res = _toelichting(ws, "A", "verworpen", "2026-03-20")
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert zin in _sectie(ws), _sectie(ws)


def test_een_tiende_blijft_een_decimaal(tmp_path: Path) -> None:
    """A share well above the limit keeps its one decimal: A at EUR 6.000 against 10.000 lies 40,0% under."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 6000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 10000, 20, 12, 4, "alle")])
    vul_panel(ws, {"A": 75, "B": 75})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1, res.output
    assert "ligt 40,0% onder het gemiddelde van de andere geldige inschrijvingen (EUR 10.000,00)" in _sectie(ws)


def test_gemiddelde_rondt_een_halve_cent_omhoog(tmp_path: Path) -> None:
    """The mean of the others is rounded as a reader rounds: (8.000,03 + 9.000) / 2 = 8.500,015 is EUR 8.500,02. It
    read EUR 8.500,01: Python's round of the binary value (8500.01499...) went down. A at EUR 6.000 lies
    1 - 6.000 / 8.500,015 = 29,4% under it."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 6000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 8000.03, 20, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", "C", "33333333", [("B1", 9000, 20, 12, 4, "alle")])
    vul_panel(ws, {"A": 75, "B": 75, "C": 50})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1, res.output
    assert "ligt 29,4% onder het gemiddelde van de andere geldige inschrijvingen (EUR 8.500,02)" in _sectie(ws), (
        _sectie(ws)
    )

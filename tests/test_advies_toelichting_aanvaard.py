"""A price explanation accepted under art. 2.116: the advies kept the words of a signal still to be handled. Its
section on abnormally low bids said 'de inschrijving blijft meedoen tot de toelichting is beoordeeld' above the
sentence that it was assessed and accepted, and the ranking named the bid 'C (abnormaal laag?)', a question the
decision had answered. Both now say what was decided; a signal without a decision keeps its words."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_aanvaarde_toelichting_in_het_advies(tmp_path: Path) -> None:
    """C bids 6.000 against 9.000 and 9.500: (9.250 - 6.000) / 9.250 = 35,1% below the mean of the others, over
    the limit of 20%: flagged, then its explanation is accepted (besluit A1)."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 10, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", "C", "33333333", [("B1", 6000, 10, 12, 4, "alle")])
    vul_panel(ws, {"A": 75, "B": 50, "C": 75})
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 1  # the explanation is an open point
    open_advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "C (abnormaal laag?)" in open_advies
    assert "De volgende inschrijving lijkt abnormaal laag. Dit is een signaal, geen uitsluiting" in open_advies

    res = _run("toelichting", "--werkmap", str(ws), "--inschrijver", "C", "--lots", "B1", "--ontvangen",
               "2026-03-10", "--uitkomst", "aanvaard", "--reden", "De lage prijs komt door eigen leslocaties.",
               "--door", "P. de Vries, inkoopadviseur", "--datum", "2026-03-20")  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "abnormaal laag?" not in advies
    assert "C (abnormaal laag; toelichting aanvaard, besluit A1)" in advies
    assert "blijft meedoen tot de toelichting is beoordeeld" not in advies
    assert (
        "De volgende inschrijving leek abnormaal laag; na beoordeling van de schriftelijke toelichting doet zij mee. "
        "Perceel B1-route: de prijs van C, EUR 6.000,00 per traject, ligt 35,1% onder het gemiddelde" in advies
    )
    assert "is aanvaard (besluit A1 van 20 maart 2026)" in advies

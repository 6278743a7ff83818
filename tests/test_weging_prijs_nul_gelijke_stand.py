"""With the price weighing 0% the total is the quality score, so the tie-break on the highest quality score never
decides: two bids with an equal total have an equal quality (1,0 x kwaliteit + 0,0 x prijsscore = kwaliteit). The
systematiek published 'Bij gelijke totalen beslissen, in deze volgorde: de inschrijving met de hoogste
kwaliteitsscore gaat voor; ...', as it did under vaste_prijs before 2846df2; it now names only the rules that can
decide and says why the other cannot, in the systematiek and the advies alike."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel
from tests.test_vaste_prijs_gelijke_stand import _systematiek

ZIN = (
    "De beslisregel bij gelijke stand (de hoogste kwaliteitsscore) beslist bij een weging van de prijs van 0% nooit: "
    "de totaalscore is dan de kwaliteitsscore, dus twee inschrijvingen met een gelijke totaalscore hebben ook een "
    "gelijke kwaliteitsscore."
)


def test_hoogste_kwaliteit_beslist_niet_bij_prijs_nul(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"].update(
        weging={"kwaliteit": 100, "prijs": 0}, bij_gelijke_stand=["hoogste_kwaliteit", "laagste_prijs"]
    )
    ws = maak_werkmap(tmp_path / "ws", data)
    tekst = _systematiek(ws)
    assert (
        "Gelijke stand. Bij gelijke totalen beslissen, in deze volgorde: de inschrijving met de laagste prijs per "
        "traject gaat voor. Beslist geen van deze regels, dan beslist loting." in tekst
    ), tekst
    assert ZIN in tekst
    # A and B: quality 75 both, total 1,0 x 75 + 0,0 x prijsscore = 75; the lowest price (A, EUR 8.000) decides
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 8000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    vul_panel(ws, {"A": 75, "B": 75})
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "Bij gelijke stand beslist: laagste prijs; daarna loting." in advies, advies
    assert ZIN in advies


def test_met_weging_van_de_prijs_blijft_de_regel(tmp_path: Path) -> None:
    """99 / 1: an equal total with a different quality is possible, so the rule stays published."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"].update(weging={"kwaliteit": 99, "prijs": 1}, bij_gelijke_stand=["hoogste_kwaliteit"])
    tekst = _systematiek(maak_werkmap(tmp_path / "ws", data))
    assert "beslissen, in deze volgorde: de inschrijving met de hoogste kwaliteitsscore gaat voor" in tekst, tekst
    assert "bij een weging van de prijs van 0%" not in tekst

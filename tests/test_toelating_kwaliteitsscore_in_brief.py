"""The toelatingsbesluit of an admitted bid in an open house with a minimum quality showed the scores per criterium
under "Uw kwaliteitsscores" and then "Uit deze scores volgt uw kwaliteitsscore, zoals de ... berekent", without the
score that met the minimum; the refusal states it ('Uw kwaliteitsscore is 45,00; de eis is: ...') and the advies
gave it, so the admitted bidder alone could not read which score admitted it. Its letter now states it the same way."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, open_house_met_minimum


def _brief(ws: Path, naam: str) -> str:
    return " ".join(html_tekst(ws / "rapporten" / "brieven" / f"{naam}-pvt.html").split())


def test_de_toegelaten_inschrijver_leest_zijn_kwaliteitsscore(tmp_path: Path) -> None:
    """PVT-module, minimum 50; criteria Plan van aanpak 60% and Samenwerking 40% (MINIMUM_SCORES, two reviewers):
    Alfa 75 and (75 + 50) / 2 = 62,5 -> 0,6 x 75 + 0,4 x 62,5 = 70,00; Beta 50 and 62,5 -> 30 + 25 = 55,00; Gamma 50
    and (25 + 50) / 2 = 37,5 -> 30 + 15 = 45,00, not admitted."""
    ws = open_house_met_minimum(tmp_path / "ws", alleen_toelating=True)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    eis = "de eis is: kwaliteitsscore minstens 50,00 van 100."
    for naam, score in (("alfa", "70,00"), ("beta", "55,00")):
        brief = _brief(ws, naam)
        assert f"Uw kwaliteitsscores Uw kwaliteitsscore is {score}; {eis} Criterium Weging Uw score" in brief, brief
    assert f"Uw kwaliteitsscore is 45,00; {eis}" in _brief(ws, "gamma")  # the refusal, as before

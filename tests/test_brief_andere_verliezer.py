"""A letter to a bidder that got nothing names no other bidder that got nothing, unless a draw placed that one before
or after the recipient (README, 'Wat een inschrijver uit zijn brief kan afleiden'): the name of a fellow loser, next
to 'dezelfde totaalscore', tells the recipient that bidder's score, and the published method announces only the
winners' names and scores."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling

CRITERIA = ("Plan van aanpak", "Samenwerking")


def _gun(root: Path, prijs_y: int, scores_y: tuple[int, int]) -> Path:
    """W (all 100, EUR 9.000, capacity 20) takes all 20 inburgeraars of kleine_aanbesteding; X (all 75) and Y tie
    behind it and get nothing. Returns the letters' folder."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["bij_gelijke_stand"] = ["hoogste_kwaliteit"]
    ws = maak_werkmap(root, data)
    schrijf_bod(ws, "w.xlsx", "W", "33333333", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9600, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", prijs_y, 20, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    for naam, y in zip(("ada", "bram"), scores_y, strict=True):
        punten = {"W": 100, "X": 75, "Y": y}
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", {(i, c): punten[i] for i in "WXY" for c in CRITERIA})
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    return ws / "rapporten" / "brieven"


def _brief(brieven: Path, naam: str) -> str:
    """The letter from its salutation on (the address block names the recipient's own e-mail)."""
    return html_tekst(brieven / f"{naam}-b1.html").split("Geachte", 1)[1]


def test_gedeelde_rang_noemt_de_andere_verliezer_niet(tmp_path: Path) -> None:
    """X and Y: same price, same scores, an exact tie on rank 2 that decides nothing (W takes all)."""
    brieven = _gun(tmp_path / "ws", 9600, (75, 75))
    tekst = _brief(brieven, "x")
    assert "U deelt rang 2 met een andere inschrijver. De volgorde tussen u verandert de gunning" in tekst
    assert " Y " not in tekst and " Y." not in tekst and "Y (" not in tekst  # nowhere in the letter
    assert "U deelt rang 2 met een andere inschrijver." in _brief(brieven, "y")


def test_beslisregel_tussen_verliezers_noemt_de_ander_niet(tmp_path: Path) -> None:
    """Y (quality 62,50 at EUR 7.800, the lowest price) and X (75 at EUR 9.600) tie exactly at 77,50:
    0,6 x 62,5 + 0,4 x 100 = 0,6 x 75 + 0,4 x 81,25. The highest quality puts X before Y; both get nothing."""
    brieven = _gun(tmp_path / "ws", 7800, (75, 50))
    tekst = _brief(brieven, "y")
    assert "Uw totaalscore was gelijk aan die van een andere inschrijver." in tekst
    assert (
        "heeft de volgorde bepaald: een andere inschrijver (2e), Y (3e); dus gaat een andere inschrijver voor" in tekst
    )
    assert " X " not in tekst and " X," not in tekst and "(X" not in tekst
    tekst_x = _brief(brieven, "x")
    assert "Uw totaalscore was gelijk aan die van een andere inschrijver." in tekst_x
    assert "Y (3e)" not in tekst_x

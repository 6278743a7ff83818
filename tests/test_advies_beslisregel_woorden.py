"""The advies's ranking note for a tie settled by a published rule named the rule by its YAML key: 'P is geplaatst op
grond van de regel hoogste_kwaliteit.' The college reads the rule in words, as the letters and the systematiek give
it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def test_beslisregel_in_woorden(tmp_path: Path) -> None:
    """P quality 100 at EUR 10.000 and Q quality 75 at EUR 6.250 tie at 85 (relatief 60/40); the highest quality
    puts P first."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["bij_gelijke_stand"] = ["hoogste_kwaliteit"]
    data["percelen"]["B1"]["abnormaal_laag"] = 0.5
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 10000, 15, 12, 4, "alle")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", 6250, 15, 12, 4, "alle")])
    vul_panel(ws, {"P": 100, "Q": 75})
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert (
        "Gelijke totaalscore; P is geplaatst door de beslisregel bij gelijke stand (de hoogste kwaliteitsscore)."
        in advies
    ), advies
    assert "hoogste_kwaliteit" not in advies

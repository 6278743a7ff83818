"""The advies's ranking note for a tie settled by a published rule named the rule by its YAML key: 'P is geplaatst op
grond van de regel hoogste_kwaliteit.' The college reads the rule in words, as the letters and the systematiek give
it."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import gelijke_stand_pq, html_tekst


def test_beslisregel_in_woorden(tmp_path: Path) -> None:
    """P quality 100 at EUR 10.000 and Q quality 75 at EUR 6.250 tie at 85 (relatief 60/40); the highest quality
    puts P first."""
    ws = gelijke_stand_pq(tmp_path / "ws", "hoogste_kwaliteit")
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert (
        "Gelijke totaalscore; P is geplaatst door de beslisregel bij gelijke stand (de hoogste kwaliteitsscore)."
        in advies
    ), advies
    assert "hoogste_kwaliteit" not in advies

"""A tie settled by the published rule 'hoogste kwaliteit' between two bidders that both win: the letter to the one
that went second (and got less volume for it) said the rule set the order but not the scores it compared. A winner's
letter has no comparison table, so nothing in it showed the other's quality score: the recipient could not check
the one fact that cost it volume. The sentence now gives both scores (a winner's quality score is published to
every bidder anyway); a tie partner that got nothing stays unnamed and without a score."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import gelijke_stand_pq, html_tekst


def test_beslisregel_hoogste_kwaliteit_noemt_beide_scores(tmp_path: Path) -> None:
    """P: quality 100 at EUR 10.000, Q: quality 75 at EUR 6.250, relatief 60/40: P 0,6 x 100 + 0,4 x 62,5 = 85,
    Q 0,6 x 75 + 0,4 x 100 = 85, a tie that 'hoogste_kwaliteit' settles for P. Capacity 15 each for 20
    inburgeraars: P 15, Q 5. The signal for a low price is at 50% (Q is 37,5% below P)."""
    ws = gelijke_stand_pq(tmp_path / "ws", "hoogste_kwaliteit")
    q = html_tekst(ws / "rapporten" / "brieven" / "q-b1.html")
    assert "verzorgt u naar verwachting 5 van de 20 trajecten" in q
    assert (
        "De beslisregel bij gelijke stand van de aanbesteding (de hoogste kwaliteitsscore) heeft de volgorde bepaald: "
        "P (1e), Q (2e); dus gaat P voor: de kwaliteitsscore van P is 100,00, die van u 75,00." in q
    ), q
    p = html_tekst(ws / "rapporten" / "brieven" / "p-b1.html")
    assert "dus gaat u voor: uw kwaliteitsscore is 100,00, die van Q 75,00." in p, p

"""A tie settled by the published rule 'laagste prijs': the letters said the rule (the lowest price) set the order and,
in the next sentence, 'de prijs beslist daar niet' (in the allocation). Read together, a bidder reads that the price
both decided and did not decide; the sentence now ends where the order is explained, when the price is the rule that
set it."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import gelijke_stand_pq, html_tekst


def test_beslisregel_laagste_prijs_zonder_tegenspraak(tmp_path: Path) -> None:
    """P: quality 100 at EUR 10.000, Q: quality 75 at EUR 6.250 (the lowest price), relatief 60/40:
    P 0,6 x 100 + 0,4 x (6.250 / 10.000 x 100) = 60 + 25 = 85, Q 0,6 x 75 + 0,4 x 100 = 45 + 40 = 85: a tie, which
    'laagste_prijs' settles for Q. Capacity 15 each for 20 inburgeraars: Q 15, P 5, so both get a letter that
    explains the tie. The signal for a low price is set at 50% (Q is 37,5% below P) so no explanation is asked."""
    ws = gelijke_stand_pq(tmp_path / "ws", "laagste_prijs")
    for naam in ("p", "q"):
        tekst = html_tekst(ws / "rapporten" / "brieven" / f"{naam}-b1.html")
        assert (
            "De beslisregel bij gelijke stand van de aanbesteding (de laagste prijs) heeft de volgorde bepaald" in tekst
        )
        assert "Dezelfde volgorde telt in de verdeling: bij gelijke totaalscore weegt de hoger gerangschikte " in tekst
        assert "de prijs beslist daar niet" not in tekst

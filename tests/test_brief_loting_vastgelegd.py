"""A letter that names a draw as what decided a tie names its record too: the id `evaluatie loting` gave it, its date
and its witness, as the besluitenlijst of the advies lists it. The volume sentence said only 'R heeft dezelfde
totaalscore en gaat voor door loting', and P's letter 'waarbij de volgorde van R en Q door loting is bepaald': a
bidder's lawyer could not tell which recorded draw that was."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import html_tekst
from tests.test_brief_loting_na_beslisregel import _getrokken

VERMELDING = "loting L1 van 20 maart 2026, in aanwezigheid van mr. J. Jansen, notaris"


def test_brieven_noemen_de_vastgelegde_loting(tmp_path: Path) -> None:
    """_getrokken: P 85 by quality 100, Q and R 85 by quality 75; the rule puts P first, draw L1 (20 March 2026, mr.
    J. Jansen, notaris) puts R before Q. Capacity 8 each for 20: P 8, R 8, Q 4, so Q is below its capacity because R
    went first by the draw."""
    ws = _getrokken(tmp_path)
    brieven = ws / "rapporten" / "brieven"
    q = html_tekst(brieven / "q-b1.html")
    assert f"R heeft dezelfde totaalscore en gaat voor door {VERMELDING}; bij gelijke totaalscore weegt" in q, q
    assert (
        "De volgorde is op 20 maart 2026 door loting bepaald, in aanwezigheid van mr. J. Jansen, notaris "
        "(loting gehouden op besluit van S. Jansen, inkoopadviseur); die loting is vastgelegd als L1. Motivering van loting L1: Onbesliste gelijke stand; de aanbestedingsstukken schrijven dan loting voor."
    ) in q, q
    p = html_tekst(brieven / "p-b1.html")
    assert (
        f"heeft de volgorde bepaald: P (1e), R (2e), Q (3e), waarbij de volgorde van R en Q is bepaald door "
        f"{VERMELDING}; dus gaat u voor"
    ) in p, p
    # the same record as the advies lists it
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert (
        "L1: perceel B1: volgorde R voor Q, op 20 maart 2026 door loting bepaald, in aanwezigheid van mr. J. Jansen, "
        "notaris (loting gehouden op besluit van S. Jansen, inkoopadviseur). Motivering van loting L1: Onbesliste "
        "gelijke stand; de aanbestedingsstukken schrijven dan loting voor."
    ) in advies

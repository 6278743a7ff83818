"""Three bids with the same total: the highest quality puts P first, Q and R stay equal and a draw puts R before Q.
Q's letter explained only the draw with R ('geen beslisregel maakte onderscheid') and said nothing of P, which had
the same total and went first; its allocation sentence could only say P went first 'door de beslisregel bij
gelijke stand of door loting; zie de rangorde'. P's letter said the rule set the whole order 'P (1e), R (2e),
Q (3e)', while the draw set R before Q. Q's letter now says the rule placed P first, with the scores it compared;
P's letter says the order of R and Q was drawn."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import LOTING_WIE, html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def _getrokken(tmp_path: Path) -> Path:
    """Relatief 60/40, lowest price EUR 6.250: P quality 100 at EUR 10.000 is 0,6 x 100 + 0,4 x 62,5 = 85; Q and R
    quality 75 at EUR 6.250 are 0,6 x 75 + 0,4 x 100 = 85. Capacity 8 each for 20 inburgeraars: P 8, R 8, Q 4, so
    the order of Q and R decides volume and is drawn (R before Q); the award is run."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["bij_gelijke_stand"] = ["hoogste_kwaliteit"]
    data["percelen"]["B1"]["abnormaal_laag"] = 0.5
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 10000, 8, 12, 4, "alle")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", 6250, 8, 12, 4, "alle")])
    schrijf_bod(ws, "r.xlsx", "R", "33333333", [("B1", 6250, 8, 12, 4, "alle")])
    vul_panel(ws, {"P": 100, "Q": 75, "R": 75})
    r = CliRunner().invoke(
        main,
        ["loting", "--werkmap", str(ws), "--lots", "B1", "--volgorde", "R;Q", "--datum", "2026-03-20",
         "--getuige", "mr. J. Jansen, notaris", *LOTING_WIE],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    return ws


def test_loting_na_een_beslisregel_noemt_beide(tmp_path: Path) -> None:
    brieven = _getrokken(tmp_path) / "rapporten" / "brieven"
    q = html_tekst(brieven / "q-b1.html")
    assert "Uw inschrijving en die van R hadden precies dezelfde totaalscore" in q
    assert (
        "Ook P had dezelfde totaalscore; de beslisregel bij gelijke stand van de aanbesteding (de hoogste "
        "kwaliteitsscore) plaatste P voor u: de kwaliteitsscore van P is 100,00, die van u 75,00." in q
    ), q
    p = html_tekst(brieven / "p-b1.html")
    assert (
        "heeft de volgorde bepaald: P (1e), R (2e), Q (3e), waarbij de volgorde van R en Q is bepaald door loting L1 "
        "van 20 maart 2026, in aanwezigheid van mr. J. Jansen, notaris; dus gaat u voor" in p
    ), p


def test_gedeelde_rang_na_een_beslisregel_noemt_de_regel(tmp_path: Path) -> None:
    """The same three bids, capacity P 16, Q 2, R 2 for 20 inburgeraars: P takes Noord and Oost (16), and every order
    of Q and R gives each 2 in Zuid, so they share rank 2 without a draw. Q's letter said only that; P, with the same
    total, went first by the rule."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["bij_gelijke_stand"] = ["hoogste_kwaliteit"]
    data["percelen"]["B1"]["abnormaal_laag"] = 0.5
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 10000, 16, 12, 4, "alle")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", 6250, 2, 12, 4, "alle")])
    schrijf_bod(ws, "r.xlsx", "R", "33333333", [("B1", 6250, 2, 12, 4, "alle")])
    vul_panel(ws, {"P": 100, "Q": 75, "R": 75})
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    q = html_tekst(ws / "rapporten" / "brieven" / "q-b1.html")
    assert "U deelt rang 2 met R." in q
    assert (
        "Ook P had dezelfde totaalscore; de beslisregel bij gelijke stand van de aanbesteding (de hoogste "
        "kwaliteitsscore) plaatste P voor u: de kwaliteitsscore van P is 100,00, die van u 75,00." in q
    ), q


def test_volumezin_noemt_de_regel_die_p_voor_q_plaatste(tmp_path: Path) -> None:
    """Q's volume sentence said P went first 'door de beslisregel bij gelijke stand of door loting; zie de rangorde'
    while its tie paragraph says the rule placed P before it: P (quality 100) and Q (75) are in no draw together, so
    the rule decided, and R (drawn before Q) went first by the draw."""
    q = html_tekst(_getrokken(tmp_path) / "rapporten" / "brieven" / "q-b1.html")
    assert "of door loting" not in q, q
    assert (
        "P heeft dezelfde totaalscore en gaat voor door de beslisregel bij gelijke stand (de hoogste kwaliteitsscore)"
        in q
    ), q
    assert "R heeft dezelfde totaalscore en gaat voor door loting" in q, q

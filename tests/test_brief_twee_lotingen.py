"""Two draws in one lot: a letter names only the bidders of the recipient's own draw as having had the same total.
It named every bidder placed by any draw of the lot ('Uw inschrijving en die van B, D, C hadden precies dezelfde
totaalscore' to A at 100,00, while D and C had 85,00)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import LOTING_WIE, html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_brief_noemt_alleen_de_eigen_loting(tmp_path: Path) -> None:
    """A and B (all 100, capacity 6 each) tie on rank 1, C and D (all 75, capacity 5 each) on rank 3, all at
    EUR 9.000: 0,6 x 100 + 0,4 x 100 = 100 and 0,6 x 75 + 40 = 85. 20 inburgeraars (kleine_aanbesteding): A and B
    6 each, then 8 left for C and D with 5 each, so both orders matter and both need a draw."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    for naam, kvk, capaciteit in (
        ("A", "11111111", 6),
        ("B", "22222222", 6),
        ("C", "33333333", 5),
        ("D", "44444444", 5),
    ):
        schrijf_bod(ws, f"{naam.lower()}.xlsx", naam, kvk, [("B1", 9000, capaciteit, 12, 4, "alle")])
    punten = {"A": 100, "B": 100, "C": 75, "D": 75}
    vul_panel(ws, punten)
    getuige = "mr. J. Notaris, notaris"
    for volgorde, datum in (("B;A", "2026-03-20"), ("D;C", "2026-03-21")):
        res = _run(
            "loting",
            "--werkmap",
            str(ws),
            "--lots",
            "B1",
            "--volgorde",
            volgorde,
            "--datum",
            datum,
            "--getuige",
            getuige,
            *LOTING_WIE,
        )
        assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    brieven = ws / "rapporten" / "brieven"
    zinnen = {
        naam: html_tekst(brieven / f"{naam.lower()}-b1.html")
        .split("Uw inschrijving en die van ", 1)[1]
        .split(" hadden")[0]
        for naam in punten
    }
    assert zinnen == {"A": "B", "B": "A", "C": "D", "D": "C"}
    assert "De volgorde is op 21 maart 2026 door loting bepaald" in html_tekst(brieven / "c-b1.html")

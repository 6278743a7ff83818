"""A tie settled by the published rule 'laagste prijs': the letters said the rule (the lowest price) set the order and,
in the next sentence, 'de prijs beslist daar niet' (in the allocation). Read together, a bidder reads that the price
both decided and did not decide; the sentence now ends where the order is explained, when the price is the rule that
set it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def test_beslisregel_laagste_prijs_zonder_tegenspraak(tmp_path: Path) -> None:
    """P: quality 100 at EUR 10.000, Q: quality 75 at EUR 6.250 (the lowest price), relatief 60/40:
    P 0,6 x 100 + 0,4 x (6.250 / 10.000 x 100) = 60 + 25 = 85, Q 0,6 x 75 + 0,4 x 100 = 45 + 40 = 85: a tie, which
    'laagste_prijs' settles for Q. Capacity 15 each for 20 inburgeraars: Q 15, P 5, so both get a letter that
    explains the tie. The signal for a low price is set at 50% (Q is 37,5% below P) so no explanation is asked."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["bij_gelijke_stand"] = ["laagste_prijs"]
    data["percelen"]["B1"]["abnormaal_laag"] = 0.5
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 10000, 15, 12, 4, "alle")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", 6250, 15, 12, 4, "alle")])
    vul_panel(ws, {"P": 100, "Q": 75})
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    for naam in ("p", "q"):
        tekst = html_tekst(ws / "rapporten" / "brieven" / f"{naam}-b1.html")
        assert (
            "De beslisregel bij gelijke stand van de aanbesteding (de laagste prijs) heeft de volgorde bepaald" in tekst
        )
        assert "Dezelfde volgorde telt in de verdeling: bij gelijke totaalscore weegt de hoger gerangschikte " in tekst
        assert "de prijs beslist daar niet" not in tekst

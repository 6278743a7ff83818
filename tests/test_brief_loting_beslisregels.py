"""A letter on a drawn order says which tie-break rules of the tender were tried before the draw.

It said 'geen beslisregel van de aanbesteding maakte onderscheid' whatever the tender held: also where it has no
tie-break rule at all (a reader takes it that rules were applied), and where a rule was tried without naming it (the
published rule and the bidder's own figure decide whether the draw was due). It now names the rules that could
decide (a rule that never decides under the price method, such as the highest quality under a fixed price, is not
named as tried) or says the tender has none.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import LOTING_WIE, html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def _getrokken(root: Path, regels: list[str], vaste_prijs: bool = False) -> str:
    """P and Q bid the same (EUR 9.000, capacity 12, waiting time 4) and score 75 each: equal in every rule, and with
    12 each for 20 inburgeraars the order decides volume, so it is drawn (Q before P). Returns P's letter."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["bij_gelijke_stand"] = regels
    if vaste_prijs:
        del data["percelen"]["B1"]["weging"]
        data["percelen"]["B1"].update(prijsmethode="vaste_prijs", vaste_prijs=9000)
    ws = maak_werkmap(root, data)
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 9000, 12, 12, 4, "alle")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", 9000, 12, 12, 4, "alle")])
    vul_panel(ws, {"P": 75, "Q": 75})
    r = CliRunner().invoke(
        main,
        ["loting", "--werkmap", str(ws), "--lots", "B1", "--volgorde", "Q;P", "--datum", "2026-03-20",
         "--getuige", "mr. J. Jansen, notaris", *LOTING_WIE],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    return html_tekst(ws / "rapporten" / "brieven" / "p-b1.html")


@pytest.mark.parametrize(
    ("regels", "vaste_prijs", "zin"),
    [
        ([], False, "totaalscore, en de aanbesteding kent geen beslisregel bij gelijke stand; dan beslist loting."),
        (
            ["kortste_wachttijd"],
            False,
            "totaalscore, en ook de beslisregel bij gelijke stand (de kortste wachttijd) maakte geen onderscheid.",
        ),
        (
            ["laagste_prijs", "hoogste_capaciteit"],
            False,
            "totaalscore, en ook de beslisregels bij gelijke stand (de laagste prijs en de hoogste capaciteit) maakten "
            "geen onderscheid.",
        ),
        # under a fixed price the highest quality never decides: the letter does not name it as tried, and where it is
        # the tender's only rule it says why it did not decide (the tender has a rule: 'kent geen' would be untrue)
        (
            ["hoogste_kwaliteit"],
            True,
            "kwaliteitsscore, en de beslisregel bij gelijke stand van de aanbesteding (de hoogste kwaliteitsscore) "
            "beslist bij een vaste prijs nooit: twee inschrijvingen met een gelijke kwaliteitsscore hebben ook dezelfde "
            "prijs; dan beslist loting.",
        ),
        (
            ["hoogste_kwaliteit", "kortste_wachttijd"],
            True,
            "kwaliteitsscore, en ook de beslisregel bij gelijke stand (de kortste wachttijd) maakte geen onderscheid.",
        ),
    ],
)
def test_loting_noemt_de_beslisregels(tmp_path: Path, regels: list[str], vaste_prijs: bool, zin: str) -> None:
    brief = _getrokken(tmp_path / "ws", regels, vaste_prijs)
    assert f"Uw inschrijving en die van Q hadden precies dezelfde {zin} De volgorde is op 20 maart 2026" in brief
    assert "geen beslisregel van de aanbesteding maakte onderscheid" not in brief

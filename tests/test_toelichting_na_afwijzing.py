"""A price that looks abnormally low only once another bid is rejected as abnormally low. C (EUR 6.000) is flagged
against A and B; its explanation is rejected. Without C, B (EUR 7.500) lies 25% under A (EUR 10.000), over the limit
of 20% of the published rule ('de andere geldige inschrijvingen'), and `gunning` asked for B's explanation with
'evaluatie toelichting --inschrijver "B" ...'. That command checked the award before any decision, where B is not
flagged, and refused ('niet gesignaleerd als abnormaal laag'); a decision for B would have been stale for the same
reason. The award could not be completed. The command now accepts a bid flagged once the other decisions are
applied, and the award checks a decision against the award in which its bid is flagged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def _toelichting(ws: Path, wie: str, uitkomst: str, datum: str) -> Any:
    return _run(
        "toelichting", "--werkmap", str(ws), "--inschrijver", wie, "--lots", "B1", "--ontvangen", "2026-03-10",
        "--uitkomst", uitkomst, "--reden", "De kostenopbouw is beoordeeld op loonkosten en leslocaties.",
        "--door", "P. de Vries, inkoopadviseur", "--datum", datum,
    )  # fmt: skip


def test_toelichting_op_een_signaal_dat_pas_na_een_afwijzing_ontstaat(tmp_path: Path) -> None:
    """By hand: C 6.000 against the mean of A and B (10.000 + 7.500) / 2 = 8.750 is 31,4% lower: flagged. B 7.500
    against (10.000 + 6.000) / 2 = 8.000 is 6,25% lower: not flagged while C counts. Without C, B against 10.000 is
    25% lower: flagged."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 10000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 7500, 20, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", "C", "33333333", [("B1", 6000, 20, 12, 4, "alle")])
    vul_panel(ws, {"A": 75, "B": 75, "C": 75})
    assert _toelichting(ws, "C", "verworpen", "2026-03-20").exit_code == 0
    r = _run("gunning", "--werkmap", str(ws))
    assert r.exit_code == 1, r.output
    assert 'evaluatie toelichting --inschrijver "B" --lots B1' in r.output
    r = _toelichting(ws, "B", "aanvaard", "2026-03-24")
    assert r.exit_code == 0, r.output
    r = _run("gunning", "--werkmap", str(ws))
    assert r.exit_code == 0, r.output
    brief = html_tekst(ws / "rapporten" / "brieven" / "b-b1.html")
    assert (
        "De schriftelijke toelichting op de prijs van EUR 7.500,00 per traject, ontvangen op 10 maart 2026, is "
        in brief
    )
    assert "aanvaard (besluit A2 van 24 maart 2026)" in brief
    assert "afgewezen als abnormaal laag" in html_tekst(ws / "rapporten" / "brieven" / "c-b1.html")
    # B, rank 1 at the lowest valid price: 0,6 x 75 + 0,4 x 100 = 85; A: 0,6 x 75 + 0,4 x 75 = 75
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "verouderd" not in advies

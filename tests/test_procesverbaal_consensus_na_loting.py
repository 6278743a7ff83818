"""A consensus meeting after a draw in the same lot is a 'Let op' in the proces-verbaal.

P and Q tie and a draw (20 March) orders them; on 30 March the panel raises P's score in consensus, which ends the
tie (the draw goes stale and is withdrawn). The proces-verbaal said only that every reviewer scored independently
first and that the panel reached consensus on 30 March: nothing said that the ranking, and so the prices, were
known when the panel set a score that changed the outcome (the two-envelope method it states)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import LOTING_WIE, gelijk_pq, html_tekst, vul_consensus


def _run(*args: str) -> int:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code


def test_consensus_na_loting(tmp_path: Path) -> None:
    ws = gelijk_pq(tmp_path / "ws")
    w = str(ws)
    assert _run("gunning", "--werkmap", w) == 1  # the order decides volume: a draw
    loting = (
        "--lots",
        "B1",
        "--volgorde",
        "Q;P",
        "--datum",
        "2026-03-20",
        "--getuige",
        "mr. J. Jansen, notaris",
        *LOTING_WIE,
    )
    assert _run("loting", "--werkmap", w, *loting) == 0
    vul_consensus(
        ws, {("P", "Samenwerking"): (100, "De samenwerking is uitgewerkt met drie partners.")}, dt.date(2026, 3, 30)
    )
    assert _run("gunning", "--werkmap", w) == 1  # P 85, Q 75: the draw is stale
    intrekken = ("--reden", "Na de consensus staan P en Q niet meer gelijk.", "--door", "S. Jansen, inkoopadviseur")
    assert _run("intrekken", "L1", "--werkmap", w, *intrekken, "--datum", "2026-03-31") == 0
    assert _run("gunning", "--werkmap", w) == 0
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert (
        "Let op: het consensusoverleg van 30 maart 2026 ligt na loting L1 van 20 maart 2026 (perceel B1-route; op besluit "
        "van S. Jansen, inkoopadviseur, later ingetrokken); toen was de rangorde, en daarmee waren de prijzen, bekend."
        in advies
    )

"""A draw withdrawn and held again: the advies and gunning.json list both draws, the withdrawn one with who withdrew
it, when and why, while the letters named only the draw in force. A bidder who received a letter under the first
draw could not read what changed. Each letter to a bidder of the withdrawn draw now says it: its order (the
addressee as 'u', a tie partner as the letter may name it), who withdrew it, when and why, and which draw orders
the bids now. Real workbooks, real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import LOTING_WIE, html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def _run(*args: object) -> str:
    res = CliRunner().invoke(main, [str(a) for a in args])
    assert res.exit_code == 0, res.output
    return res.output


def _loting(ws: Path, volgorde: str, datum: str, getuige: str) -> None:
    _run("loting", "--werkmap", ws, "--lots", "B1", "--volgorde", volgorde, "--datum", datum, "--getuige", getuige,
         *LOTING_WIE)  # fmt: skip


def test_brief_na_een_tweede_loting_noemt_de_ingetrokken_eerste(tmp_path: Path) -> None:
    # X and Y: the same price and scores, capacity 20 each for 20 inburgeraars: the order decides who gets them
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    vul_panel(ws, {"X": 75, "Y": 75})
    _loting(ws, "Y;X", "2026-04-01", "mr. J. Notaris, notaris")
    _run("gunning", "--werkmap", ws)
    eerste = html_tekst(ws / "rapporten" / "brieven" / "y-b1.html")
    assert "vastgelegd als L1" in eerste and "Eerder was de volgorde" not in eerste
    _run("intrekken", "L1", "--werkmap", ws, "--reden", "De getuige was niet onafhankelijk.", "--door",
         "P. de Vries, inkoopadviseur", "--datum", "2026-04-03")  # fmt: skip
    _loting(ws, "X;Y", "2026-04-04", "mr. K. Notaris, notaris")
    _run("gunning", "--werkmap", ws)

    ingetrokken = (
        "Die loting is op 3 april 2026 ingetrokken door P. de Vries, inkoopadviseur; zij geldt niet meer. Reden van "
        "de intrekking: De getuige was niet onafhankelijk. De volgorde die nu geldt, is die van loting L2 hierboven."
    )
    # Y won L1 and lost L2: it gets nothing now, so it may read who was drawn before it
    y = html_tekst(ws / "rapporten" / "brieven" / "y-b1.html")
    assert "vastgelegd als L2" in y, y
    assert (
        "Eerder was de volgorde bepaald door loting L1 van 1 april 2026, in aanwezigheid van mr. J. Notaris, notaris: "
        f"u voor X. {ingetrokken}" in y
    ), y
    # X is awarded: its tie partner, which got nothing, stays unnamed, as in the sentence on L2
    x = html_tekst(ws / "rapporten" / "brieven" / "x-b1.html")
    assert "Uw inschrijving en die van een andere inschrijver hadden precies dezelfde totaalscore" in x, x
    assert (
        "Eerder was de volgorde bepaald door loting L1 van 1 april 2026, in aanwezigheid van mr. J. Notaris, notaris: "
        f"een andere inschrijver voor u. {ingetrokken}" in x
    ), x
    assert "Y" not in x.split("Eerder was de volgorde")[1].split("Reden van de intrekking")[0]

    # the same withdrawal as the advies and gunning.json record it
    besluiten = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["besluiten"]
    l1 = next(b for b in besluiten if b["id"] == "L1")
    assert l1["ingetrokken"] == {
        "datum": "2026-04-03",
        "door": "P. de Vries, inkoopadviseur",
        "reden": "De getuige was niet onafhankelijk.",
    }
    assert "INGETROKKEN op 3 april 2026 door P. de Vries, inkoopadviseur" in html_tekst(
        ws / "rapporten" / "gunningsadvies.html"
    )

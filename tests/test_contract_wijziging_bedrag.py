"""--waarde of a contract change was read as a Python float: '60.000' - sixty thousand euro as a Dutch contract
manager writes it - became EUR 60,00 and passed the de-minimis test of art. 2.163b Aw 2012 that sixty thousand
fails. It is now read by the project's one rule for typed numbers (evaluatie.getallen): a dot separates thousands,
a comma is the decimal sign (a dot before one or two digits is read as cents), and what could be read two ways
is an input error naming --waarde."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap


def test_waarde_in_nederlandse_schrijfwijze(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    toets = [
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "overig",
        "--grondslag", "art. 2.163b Aw 2012", "--datum", "2026-06-10", "--alleen-toetsen", *DOOR,
    ]  # fmt: skip
    # B1: 20 inburgeraars a year x 2 years x 1,25 = 50 trajecten x EUR 10.000 = EUR 500.000; 10% = EUR 50.000
    r = _run(*toets, "--waarde", "60.000")
    uit = " ".join(r.output.split())
    assert r.exit_code == 1, uit
    assert "Wijziging overig van B1-route: EUR 60.000,00" in uit, uit
    assert "zou de de-minimisgrens van art. 2.163b Aw 2012 overschrijden (EUR 60.000,00 tegen EUR 50.000,00" in uit, uit
    r = _run(*toets, "--waarde", "EUR 40.000,50")
    assert r.exit_code == 0 and "EUR 40.000,50" in r.output, r.output
    # cents: a dot before one or two digits is the decimal sign (no amount in euro has three decimals)
    r = _run(*toets, "--waarde", "40000.50")
    assert r.exit_code == 0 and "EUR 40.000,50" in r.output, r.output
    r = _run(*toets, "--waarde", "60,000")
    uit = " ".join(r.output.split())
    assert r.exit_code == 2 and "--waarde" in uit and "dubbelzinnig" in uit, uit

"""Published texts read as their reader reads them, side by side: the same fact is stated one way everywhere, and
what a gemeente gets in one format (HTML) it gets in the other (xlsx)."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract_toelating import DOOR, _plaatsingen, _run, _werkmap


def _gestart(tmp_path: Path) -> Path:
    """B1 awarded, Z an open house; started 01-06-2026, six placements in each lot in Noord in June 2026."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    assert _run("contract", "inlezen", "--werkmap", ws, _plaatsingen(ws)).exit_code == 0
    return ws


def test_stand_noemt_het_contractjaar_tot_en_met_zijn_laatste_dag(tmp_path: Path) -> None:
    """The looptijd line under it says 'tot en met 31-05-2028'; the contract year said 'tot 01-06-2027', the first
    day of the next year, which a reader of 'tot en met' elsewhere takes as still inside it."""
    ws = _gestart(tmp_path)
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-30")
    assert r.exit_code == 0, r.output
    kop = r.output.splitlines()[:2]
    # by hand: started 01-06-2026, so contract year 1 runs up to and including 31-05-2027; 30-09 is day 122 of 365
    assert kop[0] == "Stand op 30-09-2026, contractjaar 1 (01-06-2026 tot en met 31-05-2027, 33,4% verstreken)"
    assert kop[1].startswith("Looptijd: 2 jaar (01-06-2026 tot en met 31-05-2028)")

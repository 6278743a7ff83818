"""A bidder refused in the award of an open-house lot that applies again later and is admitted gets two decisions
on one lot in one year: each letter has its own kenmerk (the reference a bidder quotes in a complaint or a
summons). Real workbooks, real CLI, real register."""

from __future__ import annotations

import re
from pathlib import Path

from tests.hulp import schrijf_bod
from tests.test_contract_toelating import DOOR, _run, _werkmap
from tests.test_contract_toetreding import _laat_bod, _toetreding


def _kenmerk(pad: Path) -> str:
    m = re.search(r"Kenmerk: (TB-\d{4}-Z-[0-9A-F]{6})", pad.read_text(encoding="utf-8"))
    assert m is not None, pad
    return m.group(1)


def test_afgewezen_en_later_toegelaten_hebben_elk_een_eigen_kenmerk(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    # Gamma bids on Z above the ceiling of 10.000: not admitted in the award
    schrijf_bod(ws, "c.xlsx", "Gamma", "33333333", [("Z", 10500, 10, 12, 4, "alle")])
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    eerste = _kenmerk(ws / "rapporten" / "brieven" / "gamma-z.html")
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0

    (ws / "inschrijvingen" / "c.xlsx").unlink()  # its later application is not an input of the award
    r = _toetreding(ws, _laat_bod(ws, "Gamma", "33333333", [("Z", 9400, 10, 12, 4, "alle")]))
    assert r.exit_code == 0, r.output
    brieven = sorted((ws / "contract" / "toetreding").glob("*.html"))
    assert len(brieven) == 1, brieven
    assert _kenmerk(brieven[0]) != eerste

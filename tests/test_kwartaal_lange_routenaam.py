"""A quarterly report printed on A4 keeps every column on the page, whatever the lots are called: the
outcomes table has eight columns, and a route named 'Participatieverklaringstraject' (the standard name of PVT)
is one word wider than its column. The table grew past the right margin and Chromium cut off its last column
('Route gewijzigd' read 'Rou', its figures 'onderdr'); a long word in a text cell now breaks instead."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import met_chromium, rechterrand_afgedrukt
from tests.test_contract_module_geen_examen import _werkmap
from tests.test_contract_toelating import _run


@met_chromium
def test_kwartaal_met_pvt_past_op_a4(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)  # B1 and PVT (Participatieverklaringstraject, open house), contract from 1 June 2026
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K2")
    assert r.exit_code == 0, r.output
    map_ = ws / "contract" / "kwartaal" / "2026-K2"
    for rapport in ("regio.html", "gemeente-noord.html"):
        html = (map_ / rapport).read_text(encoding="utf-8")
        assert ">Participatieverklaringstraject</td>" in html and "Route gewijzigd" in html
        rand = rechterrand_afgedrukt(map_ / rapport, tmp_path / f"{rapport}.pdf")
        assert rand <= 595 - 15 / 25.4 * 72 + 1, (rapport, rand)  # 1 pt: a glyph box beyond its advance

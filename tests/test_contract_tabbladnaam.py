"""The name of a sheet in a placement list is part of the place of every row the register keeps
('lijst.xlsx!Export 111222333!A2', append-only) and of the archived copy in the dossier. A BSN or an e-mail address
there entered both while the same in a file name is refused; a sheet name is now checked as a file name is."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from openpyxl import Workbook

from tests.test_contract_toelating import DOOR, _run, _werkmap


def _lijst(pad: Path, blad: str) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = blad
    ws.append(["klantnummer", "gemeente", "gebeurtenis", "datum", "route", "aanbieder", "uitslag"])
    ws.append(["K-1", "Noord", "aangemeld", dt.date(2026, 6, 10), "B1", "Alfa", None])
    wb.create_sheet("jan@noord.example")  # an empty sheet is kept in the copy too
    wb.save(pad)
    return pad


def test_tabbladnaam_met_bsn_of_emailadres_geweigerd(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    # 111222333: 9x1+8x1+7x1+6x2+5x2+4x2+3x3+2x3-1x3 = 66 = 6 x 11
    lijst = _lijst(tmp_path / "noord.xlsx", "Export 111222333")
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", lijst)
    assert r.exit_code == 2, r.output
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert "elfproef" in fouten.get("noord.xlsx!Export 111222333", ""), fouten
    assert "e-mailadres" in fouten.get("noord.xlsx!jan@noord.example", ""), fouten
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    try:
        assert db.execute("SELECT COUNT(*) FROM gebeurtenis").fetchone()[0] == 0
    finally:
        db.close()
    assert not list((ws / "contract" / "aanleveringen").glob("*noord.xlsx"))

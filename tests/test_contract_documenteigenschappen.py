"""A BSN in the document properties of a placement list (its title, subject, keywords, comments) went unread into
contract/aanleveringen and the dossier, which keep the file whole; it is now an error naming the property, and
nothing is read in. The author (the klantmanager who exported the list) is no reason to refuse."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

from openpyxl import Workbook

from tests.test_contract_toelating import DOOR, _run, _werkmap


def test_bsn_in_documenteigenschap_geweigerd(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    wb = Workbook()
    blad = wb.active
    blad.title = "Export"
    blad.append(["klantnummer", "gemeente", "gebeurtenis", "datum", "route", "aanbieder", "uitslag"])
    blad.append(["K-1", "Noord", "aangemeld", dt.date(2026, 6, 10), "B1", "Alfa", None])
    wb.properties.creator = "A. Bakker"
    wb.properties.title = "Export klant 111 222 333"  # 111222333: 9+8+7+12+10+8+9+6-3 = 66 = 6 x 11
    wb.properties.keywords = "inburgering"
    wb.save(tmp_path / "noord.xlsx")
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", tmp_path / "noord.xlsx")
    assert r.exit_code == 2, r.output
    fouten = [(f["plaats"], f["bericht"]) for f in json.loads(r.stdout)["fouten"]]
    assert len(fouten) == 1 and fouten[0][0] == "noord.xlsx", fouten
    assert "documenteigenschap 'title'" in fouten[0][1] and "elfproef" in fouten[0][1], fouten
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    try:
        assert db.execute("SELECT COUNT(*) FROM gebeurtenis").fetchone()[0] == 0
    finally:
        db.close()
    # the same list with a title without the number reads (the author is the official who exported it)
    wb.properties.title = "Export klanten"
    wb.save(tmp_path / "noord.xlsx")
    assert _run("contract", "inlezen", "--werkmap", ws, tmp_path / "noord.xlsx").exit_code == 0

"""After a recorded drop-out ('contract uitval --vastleggen') neither 'contract stand' nor the quarterly reports said
that the supplier had stopped: the tables kept its allocation and placements, so a gemeente read a supplier that took
no one any more as one of its suppliers. Both now name it with the day, from that day on (as 'Later toegetreden'
names a later entry)."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook

from tests.hulp import html_tekst
from tests.test_contract_routewijziging_aanbieder import beta_uitgevallen
from tests.test_contract_toelating import _run

ZIN = "Uitgevallen in Z-route: Beta, per 01-08-2026; vanaf die dag geen nieuwe plaatsingen bij Beta in dat perceel."


def test_stand_en_kwartaal_noemen_de_uitgevallen_aanbieder(tmp_path: Path) -> None:
    ws = beta_uitgevallen(tmp_path)
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-07-31")
    assert r.exit_code == 0 and "Uitgevallen" not in r.output, r.output  # not yet on the day before
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-30")
    assert ZIN in " ".join(r.output.split()), r.output
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-30", "--json")
    assert json.loads(r.stdout)["uitgevallen"] == [{"perceel": "Z", "aanbieder": "Beta", "per": "2026-08-01"}]
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3")
    assert r.exit_code == 0, r.output
    map_ = ws / "contract" / "kwartaal" / "2026-K3"
    for html in ("regio.html", "gemeente-noord.html"):
        assert ZIN in html_tekst(map_ / html), html
    overzicht = {r[0]: r[1] for r in load_workbook(map_ / "regio.xlsx")["Overzicht"].iter_rows(values_only=True)}
    assert overzicht["Uitgevallen"] == ZIN, overzicht


def test_kwartaal_noemt_de_later_toegetreden_aanbieder(tmp_path: Path) -> None:
    """The stand named a supplier admitted later to an open house ('Later toegetreden ...'), the quarterly report did
    not: a gemeente saw a new supplier in its table without a word. Delta joins Z from 23 July 2026."""
    from tests.test_contract_toetreding import _gestart, _laat_bod, _toetreding

    ws = _gestart(tmp_path)
    assert _toetreding(ws, _laat_bod(ws, "Delta", "44444444", [("Z", 9200, 10, 12, 4, "alle")])).exit_code == 0
    zin = "Later toegetreden tot Z-route: Delta, per 23-07-2026."
    for kwartaal, genoemd in (("2026-K2", False), ("2026-K3", True)):
        assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", kwartaal).exit_code == 0
        map_ = ws / "contract" / "kwartaal" / kwartaal
        assert (zin in html_tekst(map_ / "gemeente-zuid.html")) == genoemd, kwartaal
        rijen = dict(load_workbook(map_ / "regio.xlsx")["Overzicht"].iter_rows(values_only=True))
        assert rijen.get("Later toegetreden") == (zin if genoemd else None), rijen

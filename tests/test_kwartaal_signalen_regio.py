"""A gemeente's quarterly report marks the tables that hold the region's figures '(hele regio)', but its section
Signalen mixed the gemeente's own signals with those about a supplier or a framework agreement of the whole region,
unmarked: West, which does not join Z, read 'Bij Delta (Z-route) wachten aangemelde inburgeraars ...' as if about
its own inburgeraars. The regional ones stand under their own heading '(hele regio)', and the tab Signalen says for
every signal whom it concerns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from tests.hulp import html_tekst
from tests.test_contract_qa import _csv, _run, gestart, ws  # noqa: F401  (fixtures)

DELTA = "Bij Delta (Z-route) wachten aangemelde inburgeraars zonder start al langer dan de beloofde 5 weken"


def test_signalen_van_de_regio_staan_apart(ws: Path) -> None:  # noqa: F811
    datums = [dt.date(2024, 6, 15) + dt.timedelta(days=40 * i) for i in range(6)]  # Delta starts nobody
    regels = [f"W{i};Noord;aangemeld;{d};Z;Delta;" for i, d in enumerate(datums)]
    assert _run("contract", "inlezen", "--werkmap", ws, _csv(ws / "noord.csv", regels)).exit_code == 0
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2024-K4").exit_code == 0
    map_ = ws / "contract" / "kwartaal" / "2024-K4"
    west = html_tekst(map_ / "gemeente-west.html")
    signalen = west.split(" Signalen ")[1].split(" Bronnen ")[0]
    eigen, regio = signalen.split("Aanbieders en raamovereenkomsten (hele regio)")
    assert "Geen signalen over West." in eigen and DELTA not in eigen
    assert DELTA in regio
    assert DELTA in html_tekst(map_ / "regio.html")  # the region's report: as it was
    wb = load_workbook(map_ / "gemeente-west.xlsx")
    rijen = list(wb["Signalen"].iter_rows(values_only=True))
    assert rijen[0] == ("Signaal", "Geldt voor")
    assert any(r[0].startswith(DELTA) and r[1] == "hele regio" for r in rijen[1:]), rijen
    overzicht = {r[0]: r[1] for r in wb["Overzicht"].iter_rows(values_only=True)}
    assert (
        "op het tabblad Signalen zegt de kolom Geldt voor of een signaal West of de hele regio betreft"
        in (overzicht["Hele regio"])
    )

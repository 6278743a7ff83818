"""The quarterly report's table of suppliers ('Gestart', 'Gemiddelde wachttijd', 'Langer dan beloofd', 'Voortijdig
gestopt', ...) counts every client since the start of the contract up to the peildatum, next to a table of
placements whose columns say 'contractjaar' and 'dit kwartaal'; the report did not say over which period those
figures run, nor what the waiting time and 'langer dan beloofd' are. A supplier reading 62 started in 2023-K2 could
take it for the quarter or the year. The HTML says it under the heading, the xlsx on Overzicht (row Aanbieders)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.hulp import html_tekst
from tests.test_contract_toelating import _run
from tests.test_gepubliceerd_lezer import _gestart

ZIN = (
    "Wachttijd en uitkomsten tellen alle inburgeraars sinds de start van het contract (1 juni 2026) tot en met de "
    "peildatum, niet alleen die van dit kwartaal of dit contractjaar. Gestart: wie tot en met de peildatum bij de "
    "aanbieder is gestart; de wachttijd is de tijd van aanmelding (of routewijziging naar de aanbieder) tot start, "
    "in weken (dagen gedeeld door 7); langer dan beloofd: de gestarten bij wie die tijd langer was dan de beloofde "
    "wachttijd uit de inschrijving; voortijdig gestopt, afgerond en de examenuitslagen: tot en met de peildatum."
)


def test_kwartaal_noemt_de_periode_en_de_begrippen_van_de_aanbieders(tmp_path: Path) -> None:
    ws = _gestart(tmp_path)
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3").exit_code == 0
    map_ = ws / "contract" / "kwartaal" / "2026-K3"
    for rapport in ("regio", "gemeente-noord"):
        tekst = html_tekst(map_ / f"{rapport}.html")
        kop = tekst.index("Aanbieders: wachttijd en uitkomsten (hele regio)")
        assert tekst.index(ZIN) > kop, rapport
        overzicht = {
            r[0]: r[1] for r in load_workbook(map_ / f"{rapport}.xlsx")["Overzicht"].iter_rows(values_only=True)
        }
        assert overzicht["Aanbieders"] == ZIN

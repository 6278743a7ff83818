"""Every refusal of `contract inlezen` names the cell that is wrong, also the ones about the order of a client's
events, which are found after the rows are read. They named the row's first cell (`noord.csv!A3` for an exam in the
module PVT), which is not even the klantnummer when a gemeente's export puts its columns in another order; a
klantmanager then had to guess which cell of the row to change."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract_module_geen_examen import _werkmap
from tests.test_contract_toelating import _run


def test_volgordefouten_noemen_de_cel_die_fout_is(tmp_path: Path) -> None:
    """Columns in another order than the README's: gemeente A, datum B, klantnummer C, gebeurtenis D, route E,
    aanbieder F, uitslag G. By hand: the exam in PVT is wrong in its event (D3), the start before the
    registration in its date (B5), a start without registration in its klantnummer (C6), and two registrations
    of K4 differ in their date (B8)."""
    ws = _werkmap(tmp_path)
    pad = ws / "noord.csv"
    pad.write_text(
        "gemeente;datum;klantnummer;gebeurtenis;route;aanbieder;uitslag\n"
        "Noord;2026-06-10;K1;aangemeld;PVT;Alfa;\n"
        "Noord;2026-07-10;K1;examen;PVT;Alfa;B1\n"
        "Noord;2026-06-20;K2;aangemeld;B1;Alfa;\n"
        "Noord;2026-06-15;K2;gestart;;;\n"
        "Noord;2026-06-20;K3;gestart;;;\n"
        "Noord;2026-06-10;K4;aangemeld;B1;Alfa;\n"
        "Noord;2026-06-11;K4;aangemeld;B1;Alfa;\n",
        encoding="utf-8",
    )
    voor = (ws / "contract" / "register.sqlite").read_bytes()
    r = _run("contract", "inlezen", "--werkmap", ws, pad)
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert "noord.csv!D3: klant K1 (Noord): perceel PVT is een module, geen leerroute" in uit, uit
    assert "noord.csv!B5: klant K2 (Noord): de start ligt voor de aanmelding (noord.csv!A4)" in uit
    assert "noord.csv!C6: klant K3 (Noord) heeft geen aanmelding" in uit
    assert "noord.csv!B8: klant K4 (Noord): aangemeld staat ook in noord.csv!A7 met andere gegevens" in uit
    assert "Fouten in de invoer (4)" in uit
    assert (ws / "contract" / "register.sqlite").read_bytes() == voor

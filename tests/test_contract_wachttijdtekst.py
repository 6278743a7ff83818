"""The signal of a broken waiting-time promise shows an average that is visibly above the promise.

Five inburgeraars waiting 28, 28, 28, 28 and 29 days average 28,2 days = 4,03 weeks against a promise of 4 weeks:
the signal said "gemiddeld 4,0 weken van aanmelding tot start tegen 4 weken beloofd", a sentence that contradicts
itself in a report a supplier is held to. The average takes as many decimals as it needs to show the excess.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap


def test_gemiddelde_boven_de_belofte_is_ook_zo_te_lezen(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    regels = ["klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"]
    for i, dagen in enumerate((28, 28, 28, 28, 29)):
        start = dt.date(2026, 6, 10) + dt.timedelta(days=dagen)
        regels += [f"K{i}A;Noord;aangemeld;2026-06-10;B1;Alfa;", f"K{i}A;Noord;gestart;{start.isoformat()};;;"]
    pad = tmp_path / "noord.csv"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, pad).exit_code == 0
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-08-31")
    tekst = " ".join(r.output.split())
    assert (
        "Alfa (B1-route) houdt zich niet aan de beloofde wachttijd: gemiddeld 4,03 weken van aanmelding tot " in tekst
    )
    assert "gemiddeld 4,0 weken" not in tekst
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3").exit_code == 0
    pagina = (ws / "contract" / "kwartaal" / "2026-K3" / "regio.html").read_text(encoding="utf-8")
    assert "gemiddeld 4,03 weken van aanmelding tot start tegen 4 weken beloofd" in pagina, pagina
    assert ">4,03</td>" in pagina and ">4,03</text>" in pagina  # the table and the chart say the same

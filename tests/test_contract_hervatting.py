"""A supplier that dropped out of a lot could never come back: the register kept one period per supplier and lot (from
the start or its toetreding to its uitval), so a framework supplier resuming after a temporary drop-out, or a provider
admitted again to an open house, had no place in it, and every placement with her after the drop-out was refused.
`contract hervatting` now records her new period as a decision (date, --door, --reden, the first day); intake, stand
(text and --json), quarterly report and dossier treat the days between drop-out and re-entry as outside her contract
and the days after it as inside, and a later drop-out is a new period's end.

The contract of tests.test_contract_toetreding: Z is an open house with Alfa and Beta, started on 1 June 2026."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.hulp import html_tekst
from tests.test_contract_toetreding import WIE, _gestart, _register, _run

HERVAT = ["contract", "hervatting", "--route", "Z", "--aanbieder", "Alfa"]


def _lees(ws: Path, naam: str, *regels: str) -> Any:
    pad = ws.parent / naam
    pad.write_text("klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n" + "\n".join(regels) + "\n")
    return _run("contract", "inlezen", "--werkmap", ws, pad)


def _stand(ws: Path, peildatum: str) -> tuple[str, dict[str, Any]]:
    tekst = _run("contract", "stand", "--werkmap", ws, "--peildatum", peildatum).output
    doc = json.loads(_run("contract", "stand", "--werkmap", ws, "--peildatum", peildatum, "--json").stdout)
    return " ".join(tekst.split()), doc


def test_een_uitgevallen_aanbieder_krijgt_een_nieuwe_periode(tmp_path: Path) -> None:
    ws = _gestart(tmp_path)
    uitval = ["contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", "Alfa"]
    assert _run(*uitval, "--per", "2026-06-15", "--vastleggen", *WIE).exit_code == 0

    # refused, all errors together, nothing written: a first day on the drop-out, no --door/--reden; Beta never left
    voor = _register(ws)
    r = _run(*HERVAT, "--werkmap", ws, "--per", "2026-06-15", "--datum", "2026-06-10")
    uit = " ".join(r.output.split())
    assert r.exit_code == 2, uit
    assert "--per: 15-06-2026 ligt op of voor de uitval van Alfa in Z-route per 15-06-2026" in uit, uit
    assert "--door" in uit and "--reden" in uit
    r = _run("contract", "hervatting", "--werkmap", ws, "--route", "Z", "--aanbieder", "Beta", "--per", "2026-08-01",
             "--datum", "2026-07-20", *WIE)  # fmt: skip
    assert r.exit_code == 2
    assert "Beta is niet uitgevallen (contract uitval) in Z-route: er is geen uitval om te beëindigen" in r.output
    assert _register(ws) == voor

    r = _run(*HERVAT, "--werkmap", ws, "--per", "2026-08-01", "--datum", "2026-07-20", *WIE)
    uit = " ".join(r.output.split())
    assert r.exit_code == 0, uit
    assert "Alfa is weer opgenomen in Z-route per 01-08-2026 (besluit 3), na de uitval per 15-06-2026" in uit, uit
    # a second one for the same drop-out is refused
    r = _run(*HERVAT, "--werkmap", ws, "--per", "2026-09-01", "--datum", "2026-07-20", *WIE)
    assert r.exit_code == 2
    assert "Alfa is per 01-08-2026 al weer opgenomen (besluit 3) in Z-route" in " ".join(r.output.split())

    # intake: in the gap refused, in the new period read
    r = _lees(ws, "gat.csv", "K1;Noord;aangemeld;2026-07-25;Z;Alfa;")
    assert r.exit_code == 2
    assert "Alfa is per 15-06-2026 uitgevallen in perceel Z" in r.output, r.output
    r = _lees(ws, "terug.csv", "K2;Noord;aangemeld;2026-08-05;Z;Alfa;", "K3;Oost;aangemeld;2026-08-06;Z;Alfa;")
    assert r.exit_code == 0, r.output

    # the stand before the re-entry names the drop-out only; after it the new period too
    tekst, doc = _stand(ws, "2026-07-31")
    assert "Uitgevallen in Z-route: Alfa, per 15-06-2026" in tekst and "Weer opgenomen" not in tekst
    assert doc["hervat"] == []
    tekst, doc = _stand(ws, "2026-09-30")
    assert (
        "Weer opgenomen in Z-route: Alfa, per 01-08-2026 (besluit 3 van 20-07-2026, contract hervatting), na de "
        "uitval per 15-06-2026; vanaf die dag weer plaatsingen bij Alfa in dat perceel." in tekst
    ), tekst
    assert doc["hervat"] == [
        {"perceel": "Z", "aanbieder": "Alfa", "vanaf": "2026-08-01", "uitval": "2026-06-15", "besluit": 3}
    ]
    # the two placements of her new period count for her (none before: the start had none at Alfa in Z)
    geplaatst = sum(r["geplaatst"] for r in doc["regels"] if r["perceel"] == "Z" and r["aanbieder"] == "Alfa")
    assert geplaatst == 2

    # a second drop-out ends the new period: not on or before its first day, then as any drop-out
    r = _run(*uitval, "--per", "2026-08-01", "--vastleggen", *WIE)
    assert r.exit_code == 2
    assert "--per: Alfa is per 01-08-2026 weer opgenomen in Z-route (besluit 3, contract hervatting)" in " ".join(
        r.output.split()
    )
    assert _run(*uitval, "--per", "2026-10-01", "--vastleggen", *WIE).exit_code == 0
    assert _lees(ws, "later.csv", "K4;Noord;aangemeld;2026-10-05;Z;Alfa;").exit_code == 2
    tekst, doc = _stand(ws, "2026-11-30")
    assert [(u["aanbieder"], u["per"]) for u in doc["uitgevallen"]] == [("Alfa", "2026-06-15"), ("Alfa", "2026-10-01")]
    assert "Uitgevallen in Z-route: Alfa, per 01-10-2026" in tekst

    # the quarterly report and the dossier
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3").exit_code == 0
    regio = " ".join(html_tekst(ws / "contract" / "kwartaal" / "2026-K3" / "regio.html").split())
    assert "Weer opgenomen in Z-route: Alfa, per 01-08-2026" in regio
    assert _run("contract", "dossier", "--werkmap", ws).exit_code == 0
    besluiten = json.loads((ws / "contract" / "dossier" / "contract" / "besluiten.json").read_text(encoding="utf-8"))
    (h,) = [b for b in besluiten if b["soort"] == "hervatting"]
    assert (h["datum"], h["inhoud"]["vanaf"], h["inhoud"]["uitval"]) == ("2026-07-20", "2026-08-01", "2026-06-15")


def test_het_besluit_tot_hervatting_ligt_niet_voor_de_uitval(tmp_path: Path) -> None:
    """A re-entry decided before the drop-out it ends was recorded: the stand read 'besluit 3 van 05-06-2026, na de
    uitval per 15-06-2026' and the dossier listed decision 3 of 5 June after decision 2 of 15 June, a new
    toelatingsbesluit on an application made before its maker had dropped out. --datum before the drop-out is an
    input error now that names it, with the other errors, and nothing is written."""
    ws = _gestart(tmp_path)
    uitval = ["contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", "Alfa"]
    assert _run(*uitval, "--per", "2026-06-15", "--vastleggen", *WIE).exit_code == 0
    voor = _register(ws)
    r = _run(*HERVAT, "--werkmap", ws, "--per", "2026-07-01", "--datum", "2026-06-14", "--door", "S. Jansen")
    uit = " ".join(r.output.split())
    assert r.exit_code == 2, uit
    assert (
        "--datum: 14-06-2026 ligt voor de uitval van Alfa in Z-route per 15-06-2026: een besluit tot hervatting "
        "beëindigt een uitval die er al is; neem het op of na 15-06-2026" in uit
    ), uit
    assert "--reden" in uit
    assert _register(ws) == voor
    # on the day of the drop-out it can be decided
    r = _run(*HERVAT, "--werkmap", ws, "--per", "2026-07-01", "--datum", "2026-06-15", *WIE)
    assert r.exit_code == 0, r.output

"""A supplier that joined an open house later (contract toetreding) could drop out before it had joined: 'contract
uitval --per 10-07-2026' for Delta, admitted per 23-07-2026, was proposed and recorded, and the stand then said both
'Later toegetreden tot Z-route: Delta, per 23-07-2026' and 'Uitgevallen in Z-route: Delta, per 10-07-2026'. A
--per before the day it was admitted is an input error in --per naming that day (exit 2, nothing recorded); on that
day or later it is a drop-out as any other."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract_toetreding import WIE, _gestart, _laat_bod, _register, _run, _toetreding


def test_uitval_voor_de_toetreding_wordt_geweigerd(tmp_path: Path) -> None:
    ws = _gestart(tmp_path)
    assert _toetreding(ws, _laat_bod(ws, "Delta", "44444444", [("Z", 9200, 10, 12, 4, "alle")])).exit_code == 0
    voor = _register(ws)
    uitval = ["contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", "Delta"]
    r = _run(*uitval, "--per", "2026-07-10", "--vastleggen", *WIE)
    uit = " ".join(r.output.split())
    assert r.exit_code == 2, uit
    assert (
        "--per: Delta is per 23-07-2026 toegelaten tot Z-route (later toegetreden); een uitval ligt op of na die dag"
        in uit
    ), uit
    assert _register(ws) == voor
    r = _run(*uitval, "--per", "2026-07-23")
    assert r.exit_code == 0 and "Delta valt uit per 23-07-2026" in r.output, r.output


def test_een_uitgevallen_aanbieder_die_opnieuw_toetreedt_hoort_waarom_niet_hier(tmp_path: Path) -> None:
    """Alfa, admitted to the open house Z at the award, drops out per 15-06-2026 and applies again on 1 July. The
    refusal said 'Alfa staat al in het contractregister als aanbieder van perceel Z-route', as if she were still
    contracted; the open house is open to her again (a new toelatingsbesluit). The message says that her new period is
    recorded with 'contract hervatting' (tests.test_contract_hervatting); nothing is written here."""
    ws = _gestart(tmp_path)
    uitval = ["contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", "Alfa", "--per", "2026-06-15"]
    assert _run(*uitval, "--vastleggen", *WIE).exit_code == 0
    voor = _register(ws)
    r = _toetreding(ws, _laat_bod(ws, "Alfa", "11111111", [("Z", 9000, 10, 12, 4, "alle")]))
    uit = " ".join(r.output.split())
    assert r.exit_code == 2, uit
    assert (
        "alfa.xlsx!Inschrijver!B2: Alfa is per 15-06-2026 uitgevallen in Z-route (contract uitval). Het open house "
        "staat ook voor haar weer open: wie aan de voorwaarden voldoet, wordt toegelaten, met een nieuw "
        "toelatingsbesluit. Het contractregister kent haar als aanbieder van dit perceel (tarief, capaciteit en "
        "gemeenten), dus is "
        "haar toelating een nieuwe periode na de uitval: 'evaluatie contract hervatting --route ... --aanbieder ... "
        "--per DATUM --door ... --reden ...' legt die vast, met het besluit. De toets van deze aanmelding aan de "
        "voorwaarden doet die opdracht niet; er is niets vastgelegd en geen brief geschreven"
    ) in uit, uit
    assert "staat al in het contractregister" not in uit
    assert _register(ws) == voor
    assert not (ws / "contract" / "toetreding").exists()

"""A placement at a supplier that dropped out ends on the day of the drop-out when the client goes on with another.

Z (open house), Noord. K1 registers with Beta on 15 June and starts on 20 June; K2 registers with Beta on 16 June;
K3 registers with Beta on 10 June, starts on 12 June and stops on 25 June. Beta drops out per 1 July. On 5 July Noord
registers K1 and K3 with Alfa: each client's second placement (K1's after the drop-out, K3's after the stop).

By hand, the stand on 20 July for Beta in Z: 3 placed (K1, K2, K3), 2 started (K1, K3), 1 stopped (K3), 0 completed,
and K1's placement ended by the drop-out (1): K1 is at Alfa. Before, nothing ended it: Beta had 2 started and only 1
ended, so K1 read as still in a trajectory at Beta. K2 has no next placement: the placement stays with Beta (as
contract uitval says), no end is assumed. On 3 July the next placement of K1 is not registered yet: 0.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_contract_overstap import KOP
from tests.test_contract_toelating import DOOR, _run, _werkmap


def _lever(ws: Path, naam: str, regels: str, datum: str) -> None:
    pad = ws / naam
    pad.write_text(KOP + regels, encoding="utf-8")
    r = _run("contract", "inlezen", "--werkmap", ws, pad, "--datum", datum)
    assert r.exit_code == 0, r.output


def _beta(ws: Path, peildatum: str) -> dict:
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", peildatum, "--json")
    assert r.exit_code == 0, r.output
    return next(p for p in json.loads(r.stdout)["prestaties"] if (p["perceel"], p["aanbieder"]) == ("Z", "Beta"))


def _noord(tmp_path: Path, ook: str = "") -> Path:
    """The case above in a werkmap: K1, K2 and K3 at Beta in June, Beta out per 1 July, K1 and K3 at Alfa on 5 July;
    `ook`: more rows for June's list."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    _lever(
        ws,
        "juni.csv",
        "K1;Noord;aangemeld;2026-06-15;Z;Beta;\nK1;Noord;gestart;2026-06-20;;;\nK2;Noord;aangemeld;2026-06-16;Z;Beta;\n"
        "K3;Noord;aangemeld;2026-06-10;Z;Beta;\nK3;Noord;gestart;2026-06-12;;;\n"
        "K3;Noord;voortijdig gestopt;2026-06-25;;;\n" + ook,
        "2026-06-28",
    )
    r = _run(
        "contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", "Beta", "--per", "2026-07-01",
        "--vastleggen", "--door", "S. Jansen, contractmanager", "--reden", "faillissement",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    _lever(
        ws, "juli.csv", "K1;Noord;aangemeld;2026-07-05;Z;Alfa;\nK3;Noord;aangemeld;2026-07-05;Z;Alfa;\n", "2026-07-10"
    )
    return ws


def test_plaatsing_bij_de_uitgevallen_aanbieder_eindigt_met_de_overstap(tmp_path: Path) -> None:
    ws = _noord(tmp_path)
    beta = _beta(ws, "2026-07-20")
    assert (beta["geplaatst"], beta["gestart"], beta["voortijdig_gestopt"], beta["afgerond"]) == (3, 2, 1, 0)
    assert beta["beeindigd_door_uitval"] == 1
    assert _beta(ws, "2026-07-03")["beeindigd_door_uitval"] == 0
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-07-20")
    assert "Beta (Z): wachttijd gemiddeld 0,5 weken (beloofd 4 weken, n=2); voortijdig gestopt 1, afgerond 0, " \
        "beëindigd door uitval 1;" in " ".join(r.output.split())  # fmt: skip


def test_wie_bij_de_uitgevallen_aanbieder_niet_startte_is_opnieuw_te_plaatsen(tmp_path: Path) -> None:
    """K2 (registered with Beta on 16 June, not started, not registered again) waited on at Beta after its drop-out:
    on 20 July 34 days against the 28 promised, so the stand said "Bij Beta (Z-route) wachten ... 1" of a supplier
    that takes no one. She must be placed again: the stand, its signal and the advice say so, since 1 July, and no one
    waits at Beta. On 3 July so must K1, started with Beta and registered with Alfa on 5 July. On 30 June (Beta still in) K2 waits 14 days: within the promise, and nothing to place again."""
    ws = _noord(tmp_path)
    beta = _beta(ws, "2026-07-20")
    assert (beta["wachtend_langer_dan_beloofd"], beta["opnieuw_te_plaatsen"]) == (0, 1)
    # on 3 July K1 (started with Beta, registered with Alfa only on 5 July) is to be placed again too
    assert (_beta(ws, "2026-07-03")["opnieuw_te_plaatsen"], _beta(ws, "2026-06-30")["opnieuw_te_plaatsen"]) == (2, 0)
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-07-20")
    tekst = " ".join(r.output.split())
    assert "Bij Beta" not in tekst
    assert (
        "nog niet gestart en langer gewacht dan beloofd 0; nog opnieuw te plaatsen na uitval 1 (waarvan gestart 0)"
        in tekst
    )
    assert (
        "Na de uitval van Beta (Z-route) per 01-07-2026 nog opnieuw te plaatsen: aangemelde inburgeraars die nog niet "
        "opnieuw zijn aangemeld en bij Beta niet waren gestart, of wel waren gestart zonder voortijdig te stoppen of af "
        "te ronden (op de peildatum: 1)" in tekst
    )
    r = _run("contract", "advies", "--werkmap", ws, "--gemeente", "Noord", "--route", "Z", "--peildatum", "2026-07-20")
    assert (
        "Nog opnieuw te plaatsen in Noord voor Z-route: 1 inburgeraar na de uitval van Beta per 01-07-2026 (aangemeld "
        "bij Beta en nog niet opnieuw aangemeld; niet gestart 1)." in " ".join(r.output.split())
    )
    # the quarterly report says it too, with the count withheld as every count of persons waiting now
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3")
    assert r.exit_code == 0, r.output
    regio = " ".join((ws / "contract" / "kwartaal" / "2026-K3" / "regio.html").read_text(encoding="utf-8").split())
    assert "Na de uitval van Beta (Z-route) per 01-07-2026 nog opnieuw te plaatsen:" in regio
    assert "(op de peildatum: onderdrukt)" in regio
    assert "Bij Beta (Z-route) wachten" not in regio


def test_wie_bij_de_uitgevallen_aanbieder_was_gestart_is_opnieuw_te_plaatsen(tmp_path: Path) -> None:
    """K2 started with Beta on 20 June, before its drop-out per 1 July, and is not registered again: on 20 July the
    stand showed her started and not ended at Beta (3 started: K1, K2, K3; 1 stopped: K3; 1 ended by the drop-out: K1),
    with nothing saying that a trajectory at a supplier that is gone cannot go on. She is to be placed again since
    1 July, as one who had not started: 1 at Beta in the stand, its signal, the advice and the quarterly report (count
    withheld). Her placement keeps no end (still 3 started and 2 ended at Beta). On 30 June (Beta still in): 0."""
    ws = _noord(tmp_path, "K2;Noord;gestart;2026-06-20;;;\n")
    beta = _beta(ws, "2026-07-20")
    assert (beta["gestart"], beta["voortijdig_gestopt"], beta["afgerond"], beta["beeindigd_door_uitval"]) == (
        3,
        1,
        0,
        1,
    )
    assert (beta["wachtend_langer_dan_beloofd"], beta["opnieuw_te_plaatsen"], beta["opnieuw_te_plaatsen_gestart"]) == (
        0,
        1,
        1,
    )
    # on 3 July K1 (started, registered with Alfa only on 5 July) is to be placed again too: K1 and K2
    assert (_beta(ws, "2026-07-03")["opnieuw_te_plaatsen"], _beta(ws, "2026-06-30")["opnieuw_te_plaatsen"]) == (2, 0)
    tekst = " ".join(_run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-07-20").output.split())
    assert "nog opnieuw te plaatsen na uitval 1 (waarvan gestart 1)" in tekst
    signaal = (
        "Na de uitval van Beta (Z-route) per 01-07-2026 nog opnieuw te plaatsen: aangemelde inburgeraars die nog niet "
        "opnieuw zijn aangemeld en bij Beta niet waren gestart, of wel waren gestart zonder voortijdig te stoppen of af "
        "te ronden (op de peildatum: "
    )
    assert signaal + "1)" in tekst
    r = _run("contract", "advies", "--werkmap", ws, "--gemeente", "Noord", "--route", "Z", "--peildatum", "2026-07-20")
    assert (
        "Nog opnieuw te plaatsen in Noord voor Z-route: 1 inburgeraar na de uitval van Beta per 01-07-2026 (aangemeld "
        "bij Beta en nog niet opnieuw aangemeld; gestart en niet voortijdig gestopt of afgerond 1)."
        in " ".join(r.output.split())
    )
    assert signaal + "onderdrukt)" in _regio(ws, "2026-K3")


def _regio(ws: Path, kwartaal: str) -> str:
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", kwartaal)
    assert r.exit_code == 0, r.output
    return " ".join((ws / "contract" / "kwartaal" / kwartaal / "regio.html").read_text(encoding="utf-8").split())


def test_kwartaal_telt_beeindigd_door_uitval_als_de_stand(tmp_path: Path) -> None:
    """The quarterly report had no count of placements ended by a drop-out: at Beta K1 stood started and not ended,
    while the stand said the placement ended. Now it says it under the suppliers' table (and in the xlsx's Overzicht),
    a count of persons under the small-count rule: K1 alone is 1 person, withheld. Six clients started with Beta in
    June and registered with Alfa on 5 July after Beta's drop-out per 1 July: 6 persons, shown as the stand counts."""
    from openpyxl import load_workbook

    ws = _noord(tmp_path / "een")
    assert "Beëindigd door uitval (tot en met de peildatum): Beta (Z-route) onderdrukt." in _regio(ws, "2026-K3")
    ws = _werkmap(tmp_path / "zes")
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    klanten = [f"K{i}" for i in range(1, 7)]
    _lever(
        ws,
        "juni.csv",
        "".join(f"{k};Noord;aangemeld;2026-06-15;Z;Beta;\n{k};Noord;gestart;2026-06-20;;;\n" for k in klanten),
        "2026-06-28",
    )
    r = _run(
        "contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", "Beta", "--per", "2026-07-01",
        "--vastleggen", "--door", "S. Jansen, contractmanager", "--reden", "faillissement",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    _lever(ws, "juli.csv", "".join(f"{k};Noord;aangemeld;2026-07-05;Z;Alfa;\n" for k in klanten), "2026-07-10")
    assert _beta(ws, "2026-09-30")["beeindigd_door_uitval"] == 6
    assert "Beëindigd door uitval (tot en met de peildatum): Beta (Z-route) 6." in _regio(ws, "2026-K3")
    overzicht = load_workbook(ws / "contract" / "kwartaal" / "2026-K3" / "regio.xlsx")["Overzicht"]
    rij = next(r for r in overzicht.iter_rows(values_only=True) if r[0] == "Beëindigd door uitval")
    assert str(rij[1]).startswith("Beëindigd door uitval (tot en met de peildatum): Beta (Z-route) 6.")


def test_na_een_hervatting_wacht_alleen_wie_daarna_is_aangemeld(tmp_path: Path) -> None:
    """Beta is taken in again per 1 August (contract hervatting) and K4 registers with her on 3 August, not started.
    On 10 September K4 has waited 38 days against the 28 promised: she waits at Beta, too long (1). K2, registered
    before the drop-out of 1 July, still waits for no one: to be placed again (1), not waiting at Beta."""
    ws = _noord(tmp_path)
    r = _run("contract", "hervatting", "--werkmap", ws, "--route", "Z", "--aanbieder", "Beta", "--per", "2026-08-01",
             "--datum", "2026-07-20", "--door", "S. Jansen, contractmanager", "--reden", "weer toegelaten")  # fmt: skip
    assert r.exit_code == 0, r.output
    _lever(ws, "augustus.csv", "K4;Noord;aangemeld;2026-08-03;Z;Beta;\n", "2026-08-10")
    beta = _beta(ws, "2026-09-10")
    assert (beta["wachtend_langer_dan_beloofd"], beta["opnieuw_te_plaatsen"]) == (1, 1)

"""An outcome after a route change (afschaling) counts for the supplier the client was with on its day. The stand
and the quarterly reports counted a stop, a completion or an exam result for the supplier of the registration, also
when the client had left it for another route and another supplier months before: Alfa (B1) got a completion and a
pass it never delivered, and Beta (Z), who did, none. B1 awarded and Z open house (Alfa and Beta in both), from 1
June 2026."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_contract_routewijziging_aanbieder import KOP
from tests.test_contract_toelating import DOOR, _run, _werkmap

VELDEN = ("gestart", "voortijdig_gestopt", "afgerond", "b1_behaald", "hoogst_haalbaar", "niet_behaald", "afgeschaald")


def test_uitkomst_na_routewijziging_telt_bij_de_aanbieder_van_dat_moment(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    lijst = ws / "noord.csv"
    lijst.write_text(
        KOP
        # K-1: started with Alfa in B1, to Beta in the Z-route on 1 August; the exam and completion are Beta's
        + "K-1;Noord;aangemeld;01-06-2026;B1;Alfa;\nK-1;Noord;gestart;08-06-2026;;;\n"
        "K-1;Noord;route gewijzigd;01-08-2026;Z;Beta;\nK-1;Noord;examen;01-10-2026;;;hoogst haalbaar\n"
        "K-1;Noord;afgerond;01-10-2026;;;\n"
        # K-2: failed the exam with Alfa in July, before the change; stopped with Beta in September, after it
        "K-2;Noord;aangemeld;01-06-2026;B1;Alfa;\nK-2;Noord;gestart;08-06-2026;;;\n"
        "K-2;Noord;examen;01-07-2026;;;niet behaald\nK-2;Noord;route gewijzigd;01-08-2026;Z;Beta;\n"
        "K-2;Noord;voortijdig gestopt;01-09-2026;;;\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, lijst)
    assert r.exit_code == 0, r.output
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-10-31", "--json")
    assert r.exit_code == 0, r.output
    per = {(p["perceel"], p["aanbieder"]): tuple(p[v] for v in VELDEN) for p in json.loads(r.stdout)["prestaties"]}
    # by hand: both started with Alfa and left it (afgeschaald 2 there), K-2's failed exam was before the change;
    # Beta (Z) stopped K-2 and completed K-1 with the highest level achievable. A start counts for the registration
    assert per[("B1", "Alfa")] == (2, 0, 0, 0, 0, 1, 2)
    assert per[("Z", "Beta")] == (0, 1, 1, 0, 1, 0, 0)
    # the quarterly report counts the same way (it checks its counts against the stand's and stops otherwise)
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3")
    assert r.exit_code == 0, r.output
    # and every place that shows the outcomes says how they count
    zin = "Na een routewijziging (afschaling) tellen de start, voortijdig gestopt, afgerond en de examenuitslag bij de"
    assert zin in " ".join(_run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-10-31").output.split())
    from openpyxl import load_workbook

    from tests.hulp import html_tekst

    map_ = ws / "contract" / "kwartaal" / "2026-K3"
    assert zin in html_tekst(map_ / "regio.html")
    overzicht = {r[0]: r[1] for r in load_workbook(map_ / "regio.xlsx")["Overzicht"].iter_rows(values_only=True)}
    assert str(overzicht["Uitkomsten"]).startswith(zin)


def test_start_na_routewijziging_telt_bij_de_nieuwe_aanbieder_met_de_wachttijd_vanaf_de_wijziging(
    tmp_path: Path,
) -> None:
    """K-1 registered with Alfa in B1 on 1 June 2026, changed to Beta in the Z-route on 15 June, started with Beta on
    1 September; K-2 changed the same day and has not started. The stand gave Alfa the start with 13,1 weeks from
    registration and signalled that Alfa broke its promise of 4 weeks, while K-1 left Alfa after two weeks; and K-2,
    waiting for Beta, waited for nobody."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    lijst = ws / "noord.csv"
    lijst.write_text(
        KOP + "K-1;Noord;aangemeld;01-06-2026;B1;Alfa;\nK-1;Noord;route gewijzigd;15-06-2026;Z;Beta;\n"
        "K-1;Noord;gestart;01-09-2026;;;\n"
        "K-2;Noord;aangemeld;01-06-2026;B1;Alfa;\nK-2;Noord;route gewijzigd;15-06-2026;Z;Beta;\n",
        encoding="utf-8",
    )
    assert _run("contract", "inlezen", "--werkmap", ws, lijst).exit_code == 0
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-30", "--json")
    assert r.exit_code == 0, r.output
    st = json.loads(r.stdout)
    per = {(p["perceel"], p["aanbieder"]): p for p in st["prestaties"]}
    # by hand: 15 June to 1 September is 78 days, 11,14 weeks; K-2 waits from 15 June to 30 September, 107 days
    alfa, beta = per[("B1", "Alfa")], per[("Z", "Beta")]
    assert (alfa["gestart"], alfa["wachtend_langer_dan_beloofd"], alfa["afgeschaald"]) == (0, 0, 2)
    assert (beta["gestart"], beta["gemiddelde_wachttijd_weken"], beta["boven_belofte"]) == (1, round(78 / 7, 4), 1)
    assert beta["wachtend_langer_dan_beloofd"] == 1
    signalen = " ".join(s["tekst"] for s in st["signalen"])
    assert "Alfa" not in signalen and "Beta (Z-route) houdt zich niet aan de beloofde wachttijd" in signalen
    # the advice for the Z-route skips Beta: someone waits for it longer than promised
    r = _run("contract", "advies", "--werkmap", ws, "--gemeente", "Noord", "--route", "Z", "--peildatum", "2026-09-30")
    assert (
        "overgeslagen: 1 aangemelde inburgeraar(s) wachten al langer dan de beloofde 4 weken (de langste 15,3 weken)"
        in " ".join(r.output.split())
    ), r.output
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3").exit_code == 0

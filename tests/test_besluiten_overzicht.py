"""`evaluatie besluiten` lists every recorded decision and draw, and marks the stale ones with the award's own
check (what changed, that it is not applied, the command that withdraws it): a list that shows a stale decision as
recorded reads as if it were in force. Real workbooks in tmp dirs, real CLI calls, outcomes derived by hand."""

from __future__ import annotations

import json
from pathlib import Path

from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod
from tests.test_besluiten import _besluit, _intrekken, _loting, _run
from tests.test_besluiten_premisse import _gelijk, _loting_met_de_hand_omgedraaid
from tests.test_besluiten_verouderd import _gunning_json, _plat

LOTING_WEG = "perceel B1-route: de loting van 20 maart 2026 ordende Y, X, maar er is geen gelijke stand meer tussen hen"
INTREKKEN_L1 = 'evaluatie intrekken L1 --reden "..." --door "naam, functie"'


def test_besluiten_markeert_een_verouderde_loting_zoals_de_gunning(tmp_path: Path) -> None:
    """X and Y tie at 9000 and quality 75 (L1: Y before X). X then bids 8900: X totals 85.00, Y 84.56, no tie, so
    L1 is stale. The list says so in the award's words, in the terminal and in --json, and after the withdrawal
    the decision reads as withdrawn, not as stale."""
    ws = _gelijk(tmp_path)
    res = _loting(ws, "Y;X", "2026-03-20")
    assert res.exit_code == 0, res.output
    res = _run("besluiten", "--werkmap", str(ws))
    assert res.exit_code == 0 and "VEROUDERD" not in res.output, res.output  # the tie is there: L1 holds

    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 8900, 20, 12, 4, "alle")])
    res = _run("besluiten", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    uit = _plat(res.output)
    assert (
        "L1: perceel B1: volgorde Y voor X, op 20 maart 2026 door loting bepaald, in aanwezigheid van mr. J. Notaris, "
        f"notaris (loting gehouden op besluit van S. Jansen, inkoopadviseur). Motivering van loting L1: Onbesliste gelijke stand; de aanbestedingsstukken schrijven dan loting voor. VEROUDERD, NIET TOEGEPAST: {LOTING_WEG}; "
        "zie de open punten." in uit
    ), uit
    assert INTREKKEN_L1 in uit
    js = json.loads(_run("besluiten", "--werkmap", str(ws), "--json").stdout)
    assert js["lotingen"][0]["verouderd"] == LOTING_WEG
    assert f"VEROUDERD, NIET TOEGEPAST: {LOTING_WEG}" in js["lotingen"][0]["tekst"]
    assert js["controle_onvolledig"] == []

    # one representation: the open point the list gives is the one the award gives
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 1
    assert js["open_punten"] == _gunning_json(ws)["open_punten"]
    assert _plat(f"- {js['open_punten'][0]['tekst']}") in uit

    assert _intrekken(ws, "L1").exit_code == 0
    res = _run("besluiten", "--werkmap", str(ws))
    assert res.exit_code == 0 and "VEROUDERD" not in res.output and "INGETROKKEN op 6 april 2026" in res.output
    js = json.loads(_run("besluiten", "--werkmap", str(ws), "--json").stdout)
    assert js["lotingen"][0]["verouderd"] is None and js["open_punten"] == []


def test_besluiten_met_een_verouderd_herstel_en_een_inschrijving_die_niet_te_lezen_is(tmp_path: Path) -> None:
    """H1 corrected A's KvK number '1111 1111' (before any panel form exists: the check of a correction needs only
    the bids). A sends a new file with the same slip (another contact): H1 is stale (the file changed) and without
    it A's bid cannot be read. The list marks H1; no other decision waits for a check, so nothing else is said."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "1111 1111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    res = _besluit(ws, "herstel", "--bestand", "a.xlsx", "--blad", "Inschrijver", "--cel", "B3", "--oud",
                   "1111 1111", "--nieuw", "11111111", "--verduidelijking", "2026-03-01")  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("besluiten", "--werkmap", str(ws))  # no reviewer forms yet: the award stops there, H1 is checked
    assert res.exit_code == 0 and "VEROUDERD" not in res.output and "Let op" not in res.output, res.output

    schrijf_bod(ws, "a.xlsx", "A", "1111 1111", [("B1", 9000, 20, 12, 4, "alle")], contact="Nieuw contact")
    res = _run("besluiten", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    uit = _plat(res.output)
    assert (
        "VEROUDERD, NIET TOEGEPAST: het bestand van de inschrijver is gewijzigd sinds het herstel is vastgelegd "
        "(sha256 was " in uit
    ), uit
    assert 'evaluatie intrekken H1 --reden "..." --door "naam, functie"' in uit
    assert "Let op" not in res.stderr
    js = json.loads(_run("besluiten", "--werkmap", str(ws), "--json").stdout)
    assert js["besluiten"][0]["verouderd"].startswith("het bestand van de inschrijver is gewijzigd")
    assert js["besluiten"][0]["gecontroleerd"] is True and js["controle_onvolledig"] == []


def test_besluiten_noemt_wat_niet_gecontroleerd_kon_worden(tmp_path: Path) -> None:
    """L1 put Y before X (X capacity 20, Y 12, for 20 inburgeraars). X withdraws (T1): Y alone has 12 places, the
    award stops. T1 is checked at the knock-out and holds; whether L1 still orders a tie only the award could say,
    so the list names L1 as not checked, with the reason, and shows it as recorded (not as stale)."""
    ws = _gelijk(tmp_path)
    res = _loting(ws, "Y;X", "2026-03-20")
    assert res.exit_code == 0, res.output
    (ws / "inschrijvingen" / "x.xlsx").rename(tmp_path / "x.xlsx")
    res = _besluit(ws, "terugtrekking", "--inschrijver", "X", "--ontvangen", "2026-03-19")
    assert res.exit_code == 0, res.output
    res = _run("besluiten", "--werkmap", str(ws))
    assert res.exit_code == 0 and "VEROUDERD" not in res.output, res.output
    fout = _plat(res.stderr)
    assert (
        "Let op: niet tegen de huidige invoer gecontroleerd: L1 (of de premisse nog klopt, is daarom niet bevestigd), "
        "want de gunning kan niet worden afgerond: Perceel B1-route: de geldige inschrijvers hebben samen 12 "
        "plaatsen, de vraag is 20" in fout
    ), fout
    js = json.loads(_run("besluiten", "--werkmap", str(ws), "--json").stdout)
    assert [(b["id"], b["gecontroleerd"]) for b in js["besluiten"]] == [("T1", True)]
    assert [(x["id"], x["gecontroleerd"], x["verouderd"]) for x in js["lotingen"]] == [("L1", False, None)]
    assert js["controle_onvolledig"][0] == "de gunning kan niet worden afgerond:"


def test_besluiten_houdt_iedere_regel_binnen_200_tekens(tmp_path: Path) -> None:
    """The note on a decision file edited by hand is as long as any: wrapped like every terminal line."""
    ws = _loting_met_de_hand_omgedraaid(tmp_path)
    res = _run("besluiten", "--werkmap", str(ws))
    assert "Let op: loting.yaml: is gewijzigd buiten de besluitcommando's om" in res.stderr
    assert max(len(r) for r in (res.stdout + res.stderr).splitlines()) <= 200, res.output


def test_verouderde_loting_noemt_wie_niet_meer_in_de_rangorde_staat(tmp_path: Path) -> None:
    """X and Y tie (L1: Y before X); then X's bid turns out to be above the ceiling (EUR 10.500, invalid; Y, now
    with capacity 20, serves all). The stale
    draw said "er is geen gelijke stand meer tussen hen", as if their scores had come apart, while X is no longer
    ranked at all; it now says who left the ranking."""
    ws = _gelijk(tmp_path)
    assert _loting(ws, "Y;X", "2026-03-20").exit_code == 0
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 10500, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9000, 20, 12, 4, "alle")])  # Y alone can serve the 20
    res = _run("besluiten", "--werkmap", str(ws), "--json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["lotingen"][0]["verouderd"] == (
        "perceel B1-route: de loting van 20 maart 2026 ordende Y, X, maar X staat niet meer in de rangorde van dit "
        "perceel"
    )

"""A recorded decision whose premise no longer holds is an open point, not an input error: the award is computed
without it (never applied), it stays on record, the run ends with exit 1 and a CONCEPT advies that names it with
the command that withdraws it, and no letters go out. After `evaluatie intrekken` the run goes on as without the
decision. Real workbooks in tmp dirs, real CLI calls, real solver runs; the outcomes are derived by hand."""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path
from typing import Any

import yaml
from click.testing import Result

from tests.hulp import LOTING_WIE, kleine_aanbesteding, maak_werkmap, schrijf_bod, schrijf_yaml
from tests.test_besluiten import (
    _advies,
    _besluit,
    _brief,
    _intrekken,
    _loting,
    _niet_uitgesloten,
    _run,
    _uitsluitingsgrond_verklaard,
    _vul,
)


def _plat(tekst: str) -> str:
    return " ".join(tekst.split())


def _gunning_json(ws: Path) -> dict[str, Any]:
    return json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))


def _laatste_log(ws: Path) -> dict[str, Any]:
    regels = [json.loads(r) for r in (ws / "logboek.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r for r in regels if r["commando"] in ("gunning", "rapport")][-1]


def _aantallen(data: dict[str, Any]) -> dict[str, int]:
    """Inburgeraars per bidder over the gemeenten (bidders with none left out)."""
    uit: dict[str, int] = {}
    for t in data["percelen"]["B1"]["toewijzing"]:
        if t["aantal"]:
            uit[t["inschrijver"]] = uit.get(t["inschrijver"], 0) + t["aantal"]
    return uit


def _verouderd_open(ws: Path, res: Result, id_: str, woorden: str) -> dict[str, Any]:
    """Exit 1; the stale decision as an open point (its words and the withdrawal command) in the terminal, the
    CONCEPT advies, gunning.json and the log, all the same; no letters. Returns gunning.json."""
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    commando = f'evaluatie intrekken {id_} --reden "..." --door "naam, functie"'
    uit = _plat(res.output)
    assert woorden in uit, uit
    assert commando in uit, uit
    assert not (ws / "rapporten" / "brieven").exists()
    data = _gunning_json(ws)
    punten = [p for p in data["open_punten"] if p["soort"] == "verouderd"]
    assert len(punten) == 1 and woorden in punten[0]["tekst"] and punten[0]["commando"] == commando, punten
    assert _plat(f"- {punten[0]['tekst']}") in uit  # the terminal says what gunning.json says
    assert _laatste_log(ws)["open_punten"] == data["open_punten"]  # and so does the log
    advies = html.unescape(_advies(ws))
    assert "<title>CONCEPT - " in advies
    sectie = advies[advies.index("<h3>Besluiten en open punten</h3>") :]
    assert f"{punten[0]['tekst']} Af te handelen met <code>{commando}</code>" in sectie
    # the record keeps the decision, and never reads as in force
    regel = next(r for r in sectie.split('<li class="besluit">')[1:] if r.startswith(f"{id_}: "))
    assert "VEROUDERD, NIET TOEGEPAST: " in regel.split("</li>")[0], regel
    return data


# --- a draw whose tie is gone -------------------------------------------------------------------------------------


def _gelijk_met_loting(tmp_path: Path, data: dict[str, Any]) -> Path:
    """X (capacity 20) and Y (capacity 12) tie at 9000 and quality 75 for 20 inburgeraars; a draw put Y first."""
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9000, 12, 12, 4, "alle")])
    _vul(ws, {"X": 75, "Y": 75})
    res = _loting(ws, "Y;X", "2026-03-20")
    assert res.exit_code == 0, res.output
    return ws


def test_verouderde_loting_is_een_open_punt_en_wordt_niet_toegepast(tmp_path: Path) -> None:
    """X (capacity 20) and Y (capacity 12) tie at 9000 and quality 75 for 20 inburgeraars; the draw put Y first
    (Y 12, X 8). X then bids 8900: X totals 0.6*75 + 0.4*100 = 85.00, Y 0.6*75 + 0.4*(8900/9000*100) = 84.56, so
    there is no tie: X is first and takes all 20, Y none, whatever the draw said."""
    ws = _gelijk_met_loting(tmp_path, kleine_aanbesteding())
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    assert _aantallen(_gunning_json(ws)) == {"Y": 12, "X": 8}

    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 8900, 20, 12, 4, "alle")])
    res = _run("gunning", "--werkmap", str(ws))
    data = _verouderd_open(
        ws,
        res,
        "L1",
        "loting.yaml: L1: verouderde loting: perceel B1-route: de loting van 20 maart 2026 ordende Y, X, maar er is "
        "geen gelijke stand meer tussen hen; de loting wordt niet toegepast. Trek haar in en houd zo nodig een "
        "nieuwe loting.",
    )
    assert [p["soort"] for p in data["open_punten"]] == ["verouderd"]  # no tie left: nothing else to decide
    rangorde = data["percelen"]["B1"]["rangorde"]
    assert [(r["inschrijver"], r["totaal"], r["loting"]) for r in rangorde] == [("X", 85.0, None), ("Y", 84.5556, None)]
    assert _aantallen(data) == {"X": 20}
    advies = _advies(ws)
    assert "L1: perceel B1: volgorde Y voor X, op 20 maart 2026 door loting bepaald" in advies  # kept on record
    assert advies.count("door loting") == 1  # ... and nowhere applied: no ranking says "door loting"
    assert yaml.safe_load((ws / "loting.yaml").read_text(encoding="utf-8"))["lotingen"][0]["volgorde"] == ["Y", "X"]

    # withdrawn: the award is the one computed above, now without an open point, and the letters go out
    assert _intrekken(ws, "L1").exit_code == 0
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert _gunning_json(ws)["percelen"] == data["percelen"]
    for naam in ("x", "y"):  # each letter names the draw only as withdrawn, as the advies lists it
        brief = _brief(ws, naam)
        assert brief.count("door loting") == 1 and "Die loting is op 6 april 2026 ingetrokken" in brief, brief
        assert "De volgorde die nu geldt" not in brief  # no draw orders them now


def test_loting_verouderd_door_een_nieuwe_beslisregel_zegt_dat_de_totalen_gelijk_zijn(tmp_path: Path) -> None:
    """X (capacity 20) and Y (capacity 12) tie at 9000 and quality 75 (total 85,00 each); the draw put Y first.
    Then the tender gets the tie-break rule hoogste_capaciteit: the totals are still equal, but X goes first by
    the rule. The stale draw said "er is geen gelijke stand meer tussen hen", which the ranking beside it (two
    totals of 85,00) contradicts; it says what changed: the rule now decides their order."""
    data = kleine_aanbesteding()
    ws = _gelijk_met_loting(tmp_path, data)
    data["percelen"]["B1"]["bij_gelijke_stand"] = ["hoogste_capaciteit"]
    schrijf_yaml(ws / "aanbesteding.yaml", data)
    res = _run("gunning", "--werkmap", str(ws))
    gunning = _verouderd_open(
        ws,
        res,
        "L1",
        "loting.yaml: L1: verouderde loting: perceel B1-route: de loting van 20 maart 2026 ordende Y, X, maar hun "
        "totaalscores zijn nog gelijk en nu bepaalt de beslisregel bij gelijke stand (de hoogste capaciteit) hun "
        "volgorde; de loting wordt niet toegepast.",
    )
    rangorde = gunning["percelen"]["B1"]["rangorde"]
    assert [(r["inschrijver"], r["totaal"], r["rang"], r["beslist_door"]) for r in rangorde] == [
        ("X", 85.0, 1, "hoogste_capaciteit"),
        ("Y", 85.0, 2, "hoogste_capaciteit"),
    ]


def test_verouderde_loting_naast_een_nieuwe_loting_voor_de_grotere_gelijke_stand(tmp_path: Path) -> None:
    """L1 put Y before X; W joins their tie (all three 9000, quality 75). A second draw L2 (W, Y, X) is held on
    the same day before L1 is withdrawn: L2 orders the tie, L1 ordered nothing and stays an open point, even
    though the ranking puts Y before X as L1 said."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9000, 10, 12, 4, "alle")])
    _vul(ws, {"X": 75, "Y": 75})
    loting = (
        "loting",
        "--werkmap",
        str(ws),
        "--lots",
        "B1",
        "--datum",
        "2026-03-20",
        "--getuige",
        "mr. J. Notaris, notaris",
        *LOTING_WIE,
    )
    assert _run(*loting, "--volgorde", "Y;X").exit_code == 0
    schrijf_bod(ws, "w.xlsx", "W", "33333333", [("B1", 9000, 10, 12, 4, "alle")])
    _vul(ws, {"X": 75, "Y": 75, "W": 75})
    res = _run(*loting, "--volgorde", "W;Y;X")
    assert res.exit_code == 0 and "Loting L2" in res.output, res.output
    res = _run("gunning", "--werkmap", str(ws))
    data = _verouderd_open(
        ws,
        res,
        "L1",
        "loting.yaml: L1: verouderde loting: perceel B1-route: de loting van 20 maart 2026 ordende Y, X, maar nu staan "
        "W, X, Y gelijk, en die gelijke stand is beslist door loting L2; de loting wordt niet toegepast.",
    )
    assert [p["soort"] for p in data["open_punten"]] == ["verouderd"]
    assert [(r["inschrijver"], r["beslist_door"]) for r in data["percelen"]["B1"]["rangorde"]] == [
        ("W", "loting"),
        ("Y", "loting"),
        ("X", "loting"),
    ]
    assert _aantallen(data) == {"W": 10, "Y": 10}
    assert _intrekken(ws, "L1").exit_code == 0
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert _gunning_json(ws)["percelen"] == data["percelen"]


# --- a correction of a file that changed --------------------------------------------------------------------------


def _herstelwerkmap(tmp_path: Path) -> Path:
    """A wrote capacity 5 and meant 20, corrected by H1 (recorded); B bids 9500 for 20. Quality A 75, B 50."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 5, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    _vul(ws, {"A": 75, "B": 50})
    res = _besluit(ws, "herstel", "--bestand", "a.xlsx", "--blad", "Percelen", "--cel", "C2", "--oud", "5",
                   "--nieuw", "20", "--verduidelijking", "2026-03-01")  # fmt: skip
    assert res.exit_code == 0, res.output
    return ws


def test_verouderd_herstel_wordt_niet_toegepast_en_de_cel_geldt_zoals_zij_is(tmp_path: Path) -> None:
    """A wrote capacity 5 and meant 20 (H1). Quality A 75, B 50, A cheaper: A ranks first. With H1, A takes all 20;
    A then sends a new file (still capacity 5): H1 is stale, the cell counts as written, A takes 5 and B the other
    15 (of 20 inburgeraars)."""
    ws = _herstelwerkmap(tmp_path)
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    assert _aantallen(_gunning_json(ws)) == {"A": 20}

    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 5, 12, 4, "alle")], contact="Nieuw contact")
    res = _run("gunning", "--werkmap", str(ws))
    data = _verouderd_open(
        ws,
        res,
        "H1",
        "besluiten.yaml: H1 (herstel a.xlsx!Percelen!C2): verouderd besluit: het bestand van de inschrijver is "
        "gewijzigd sinds het herstel is vastgelegd (sha256 was ",
    )
    assert "; het wordt niet toegepast (de cel telt zoals het bestand haar geeft)." in _plat(res.output)
    assert "hersteld volgens besluit H1" not in res.output
    assert _aantallen(data) == {"A": 5, "B": 15}
    advies = html.unescape(_advies(ws))
    assert "kennelijke fout(en) hersteld" not in advies
    # reading the bids alone: the cell as written, and the stale correction said (no open points there)
    res = _run("inschrijvingen", "--werkmap", str(ws), "--json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["inschrijvingen"][0]["aanbod"]["B1"]["capaciteit"] == 5
    assert "Let op: besluiten.yaml: H1 (herstel a.xlsx!Percelen!C2): verouderd besluit" in _plat(res.stderr)

    assert _intrekken(ws, "H1").exit_code == 0
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert _gunning_json(ws)["percelen"] == data["percelen"]


# --- an exclusion-ground decision about a bid that changed --------------------------------------------------------


def _uitsluitingswerkmap(tmp_path: Path) -> Path:
    """D declares a ground and bids 8800 against A's 9000, both quality 75: admitted, D ranks first (D 0.6*75 +
    0.4*100 = 85.00; A 0.6*75 + 0.4*(8800/9000*100) = 84.11) and takes all 20."""
    ws = _uitsluitingsgrond_verklaard(tmp_path, prijs_d=8800)
    return ws


def test_verouderde_uitsluitingsgrond_laat_de_inschrijving_ongewogen(tmp_path: Path) -> None:
    ws = _uitsluitingswerkmap(tmp_path)
    assert _niet_uitgesloten(ws).exit_code == 0
    _vul(ws, {"A": 75, "D": 75})
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    assert _aantallen(_gunning_json(ws)) == {"D": 20}

    # D sends a new file (the same ground declared, price 8700): U1 weighed the old one
    schrijf_bod(ws, "d.xlsx", "D", "44444444", [("B1", 8700, 20, 12, 4, "alle")], uitsluiting="ja")
    res = _run("gunning", "--werkmap", str(ws))
    data = _verouderd_open(
        ws,
        res,
        "U1",
        "besluiten.yaml: U1: verouderd besluit: de inschrijving van D is gewijzigd sinds het besluit (sha256 was ",
    )
    # left out, D's ground is not weighed: D takes no part (A takes all 20), and that point says to withdraw first
    soorten = [p["soort"] for p in data["open_punten"]]
    assert soorten == ["verouderd", "uitsluiting"], soorten
    assert "Trek eerst het verouderde besluit U1 in (zie hierboven)" in data["open_punten"][1]["tekst"]
    assert 'evaluatie uitsluitingsgrond --inschrijver "D"' in res.output
    assert [r["inschrijver"] for r in data["percelen"]["B1"]["rangorde"]] == ["A"]
    assert _aantallen(data) == {"A": 20}
    # a new decision on D waits for the withdrawal, as the point says
    fout = _niet_uitgesloten(ws)
    assert fout.exit_code == 2 and "evaluatie intrekken U1" in fout.output

    assert _intrekken(ws, "U1").exit_code == 0
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1 and [p["soort"] for p in _gunning_json(ws)["open_punten"]] == ["uitsluiting"]
    assert _gunning_json(ws)["percelen"] == data["percelen"]
    assert "Trek eerst" not in res.output
    assert _niet_uitgesloten(ws).exit_code == 0  # U2, on the bid as it is now
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert _aantallen(_gunning_json(ws)) == {"D": 20}


def test_uitsluitingsgrond_na_herstel_van_de_naam_zegt_dat_de_naam_is_gecorrigeerd(tmp_path: Path) -> None:
    """U1 weighed D's ground; then a correction H1 of D's name cell (D -> D Diensten) left U1 without its bidder.
    It said 'D heeft geen inschrijving meer', while the file and its hash are unchanged: now it names the
    correction and the new name (the decision names the bidder as it was, so it is not moved in silence)."""
    ws = _uitsluitingswerkmap(tmp_path)
    assert _niet_uitgesloten(ws).exit_code == 0
    herstel = _besluit(
        ws, "herstel", "--bestand", "d.xlsx", "--blad", "Inschrijver", "--cel", "B2", "--oud", "D",
        "--nieuw", "D Diensten", "--verduidelijking", "2026-03-19", reden="De naam is kennelijk verkort geschreven.",
    )  # fmt: skip
    assert herstel.exit_code == 0, herstel.output
    _vul(ws, {"A": 75, "D Diensten": 75})  # the panel scores the bid under its corrected name
    _verouderd_open(
        ws,
        _run("gunning", "--werkmap", str(ws)),
        "U1",
        "besluiten.yaml: U1: verouderd besluit: D heet sinds herstel H1 'D Diensten' (de naam in d.xlsx is "
        "gecorrigeerd); leg het besluit opnieuw vast onder die naam; het wordt niet toegepast.",
    )


# --- a keurmerk decision whose premise moved ---------------------------------------------------------------------


def _keurmerkwerkmap(tmp_path: Path) -> Path:
    """A's keurmerk lapses on 20 March 2026; the award (no data.verzending) is on 7 April 2026. A wins."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")], geldig_tot=dt.date(2026, 3, 20))
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    _vul(ws, {"A": 75, "B": 50})
    return ws


def _onder_voorwaarde(ws: Path) -> Result:
    return _besluit(ws, "keurmerk", "--inschrijver", "A", "--uitkomst", "onder_voorwaarde",
                    reden="De verlenging is aangevraagd; de audit staat gepland.", datum="2026-03-10")  # fmt: skip


def test_verouderd_keurmerkbesluit_na_een_verschoven_gunningsdatum(tmp_path: Path) -> None:
    ws = _keurmerkwerkmap(tmp_path)
    assert _onder_voorwaarde(ws).exit_code == 0
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    voorwaarde = "en voor A (besluit K1) onder de voorwaarde dat vóór het sluiten van de overeenkomst"
    assert voorwaarde in _advies(ws)

    # the award moves to 18 March: the keurmerk (to 20 March) no longer lapses before it
    data = yaml.safe_load((ws / "aanbesteding.yaml").read_text(encoding="utf-8"))
    data["data"]["gunning"] = "2026-03-18"
    schrijf_yaml(ws / "aanbesteding.yaml", data)
    res = _run("gunning", "--werkmap", str(ws))
    uitslag = _verouderd_open(
        ws,
        res,
        "K1",
        "besluiten.yaml: K1: verouderd besluit: het keurmerk van A is geldig tot 20 maart 2026 en verloopt niet meer "
        "vóór de gunning of de verzending (18 maart 2026); er valt niets meer te besluiten; het wordt niet toegepast.",
    )
    assert [p["soort"] for p in uitslag["open_punten"]] == ["verouderd"]
    assert voorwaarde not in html.unescape(_advies(ws))  # the condition is not stated: K1 is not applied
    assert _aantallen(uitslag) == {"A": 20}

    res = _besluit(ws, "intrekken", "K1", reden="De gunning is vervroegd; het keurmerk is dan nog geldig.",
                   datum="2026-03-12")  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert _gunning_json(ws)["percelen"] == uitslag["percelen"]
    assert "Voorwaarde: keurmerk" not in _brief(ws, "a")


def test_verouderd_keurmerkbesluit_en_het_keurmerk_dat_weer_open_staat(tmp_path: Path) -> None:
    """A's new file says the keurmerk runs to 25 March: K1 (about 20 March) is stale, and the keurmerk, still
    lapsing before 7 April, is an open point again; both show, and the second says to withdraw K1 first."""
    ws = _keurmerkwerkmap(tmp_path)
    assert _onder_voorwaarde(ws).exit_code == 0
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")], geldig_tot=dt.date(2026, 3, 25))
    res = _run("gunning", "--werkmap", str(ws))
    data = _verouderd_open(
        ws,
        res,
        "K1",
        "besluiten.yaml: K1: verouderd besluit: het keurmerk van A was geldig tot 20 maart 2026, nu tot 25 maart 2026",
    )
    assert [p["soort"] for p in data["open_punten"]] == ["verouderd", "keurmerk"]
    keurmerk = data["open_punten"][1]["tekst"]
    assert "Het keurmerk van A verloopt op 25 maart 2026" in keurmerk
    assert "Trek eerst het verouderde besluit K1 in (zie hierboven)" in keurmerk
    assert _intrekken(ws, "K1").exit_code == 0
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1 and [p["soort"] for p in _gunning_json(ws)["open_punten"]] == ["keurmerk"]


# --- the other commands that compute the award --------------------------------------------------------------------


def test_scenario_en_zekerheid_met_een_verouderd_besluit(tmp_path: Path) -> None:
    """A decision stale in the award itself is no what-if note ('blijft gelden' would be false): the what-if names
    it as open; the robustness analysis says it computed without it."""
    ws = _keurmerkwerkmap(tmp_path)
    assert _onder_voorwaarde(ws).exit_code == 0
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")], geldig_tot=dt.date(2026, 3, 25))
    res = _run("scenario", "--werkmap", str(ws), "--zet", "percelen.B1.weging.kwaliteit=50",
               "--zet", "percelen.B1.weging.prijs=50", "--json")  # fmt: skip
    assert res.exit_code == 0, res.output
    open_ = json.loads(res.stdout)["open_punten"]
    assert [p["soort"] for p in open_] == ["verouderd", "keurmerk"]
    assert (
        "K1: verouderd besluit: het keurmerk van A was geldig tot 20 maart 2026, nu tot 25 maart 2026"
        in open_[0]["tekst"]
    )
    assert "blijft K1 gelden" not in res.output
    res = _run("zekerheid", "--werkmap", str(ws), "--trekkingen", "100")
    assert res.exit_code == 0, res.output
    assert "Let op: besluiten.yaml: K1: verouderd besluit: het keurmerk van A was geldig tot 20 maart 2026" in _plat(
        res.stderr
    )
    res = _run("toets", "--werkmap", str(ws))
    assert res.exit_code == 0 and "K1: verouderd besluit" in res.stderr, res.output


def test_met_de_hand_gewijzigd_besluitenbestand_blijft_een_invoerfout(tmp_path: Path) -> None:
    """A stale decision is an open point; a besluiten.yaml edited by hand is bad input (exit 2), also when it
    holds a stale decision."""
    ws = _keurmerkwerkmap(tmp_path)
    assert _onder_voorwaarde(ws).exit_code == 0
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")], geldig_tot=dt.date(2026, 3, 25))
    pad = ws / "besluiten.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("audit staat gepland", "audit is gepland"), "utf-8")
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2 and "besluiten.yaml: is gewijzigd buiten de besluitcommando's om" in res.output


def test_rapport_noemt_het_verouderde_besluit_zoals_gunning(tmp_path: Path) -> None:
    ws = _keurmerkwerkmap(tmp_path)
    assert _onder_voorwaarde(ws).exit_code == 0
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")], geldig_tot=dt.date(2026, 3, 25))
    res = _run("rapport", "--werkmap", str(ws), "--json")
    assert res.exit_code == 1
    assert any("K1: verouderd besluit" in r["tekst"] for r in json.loads(res.stdout)["open_punten"])
    assert not (ws / "rapporten" / "brieven").exists()


def _c_te_laag_verworpen(tmp_path: Path, data: dict[str, Any]) -> Path:
    """A (9000), B (9500) and C (6000) on B1, scored 75, 50 and 75; C's explanation of its low price rejected (A1)."""
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 10, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", "C", "33333333", [("B1", 6000, 10, 12, 4, "alle")])
    _vul(ws, {"A": 75, "B": 50, "C": 75})
    res = _besluit(ws, "toelichting", "--inschrijver", "C", "--lots", "B1", "--ontvangen", "2026-03-10",
                   "--uitkomst", "verworpen", reden="De toelichting verklaart de loonkosten onder cao-niveau niet.")  # fmt: skip
    assert res.exit_code == 0, res.output
    return ws


def test_verouderde_toelichting_bij_een_andere_prijs(tmp_path: Path) -> None:
    """C bid 6000 against 9000 (A) and 9500 (B); its explanation was rejected (A1) and C excluded. C's new file
    asks 6500: still 30% under the others' mean of 9250 (limit 20%), so still flagged, but A1 judged 6000. A1 is
    stale and left out: C competes (C 0.6*75 + 0.4*100 = 85.00; A 0.6*75 + 0.4*(6500/9000*100) = 73.89; B 0.6*50
    + 0.4*(6500/9500*100) = 57.37), and the new price is an open 2.116 point that waits for A1's withdrawal."""
    ws = _c_te_laag_verworpen(tmp_path, kleine_aanbesteding())
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    assert _aantallen(_gunning_json(ws)) == {"A": 10, "B": 10}

    schrijf_bod(ws, "c.xlsx", "C", "33333333", [("B1", 6500, 10, 12, 4, "alle")])
    res = _run("gunning", "--werkmap", str(ws))
    data = _verouderd_open(
        ws,
        res,
        "A1",
        "besluiten.yaml: A1: verouderd besluit: de prijs van C in perceel B1 was EUR 6.000,00, is nu EUR 6.500,00; "
        "het wordt niet toegepast.",
    )
    assert [p["soort"] for p in data["open_punten"]] == ["verouderd", "abnormaal"]
    assert "Trek eerst het verouderde besluit A1 in (zie hierboven)" in data["open_punten"][1]["tekst"]
    rangorde = data["percelen"]["B1"]["rangorde"]
    assert [(r["inschrijver"], r["totaal"]) for r in rangorde] == [("C", 85.0), ("A", 73.8889), ("B", 57.3684)]
    assert _aantallen(data) == {"C": 10, "A": 10}

    assert _intrekken(ws, "A1").exit_code == 0
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1 and [p["soort"] for p in _gunning_json(ws)["open_punten"]] == ["abnormaal"]
    assert _gunning_json(ws)["percelen"] == data["percelen"]


def test_verouderde_toelichting_zegt_waarom_de_prijs_niet_meer_gesignaleerd_is(tmp_path: Path) -> None:
    """C bid 6000 against 9000 (A) and 9500 (B): 1 - 6000/9250 = 35,1% under the others' mean; its explanation was
    rejected (A1). The open point said only 'C is in perceel B1 niet meer gesignaleerd', which leaves the college to
    find out why: it names the price, how far it lies under the mean of the others and the limit, or C's status."""
    data = kleine_aanbesteding()
    ws = _c_te_laag_verworpen(tmp_path, data)

    data["percelen"]["B1"]["abnormaal_laag"] = 0.4  # the limit raised: 35,1% is no signal any more
    schrijf_yaml(ws / "aanbesteding.yaml", data)
    _verouderd_open(
        ws,
        _run("gunning", "--werkmap", str(ws)),
        "A1",
        "besluiten.yaml: A1: verouderd besluit: C is in perceel B1 niet meer gesignaleerd als abnormaal laag: de "
        "prijs van C, EUR 6.000,00 per traject, ligt 35,1% onder het gemiddelde van de andere geldige inschrijvingen "
        "(EUR 9.250,00), niet meer dan de grens van 40%; het wordt niet toegepast.",
    )

    data["percelen"]["B1"]["abnormaal_laag"] = 0.2
    schrijf_yaml(ws / "aanbesteding.yaml", data)
    schrijf_bod(ws, "c.xlsx", "C", "33333333", [("B1", 6000, 10, 12, 4, "alle")], geldig_tot=dt.date(2026, 2, 1))
    _verouderd_open(
        ws,
        _run("gunning", "--werkmap", str(ws)),
        "A1",
        "besluiten.yaml: A1: verouderd besluit: C is in perceel B1 niet meer gesignaleerd als abnormaal laag: C "
        "heeft in dat perceel nu de status ongeldig; het wordt niet toegepast.",
    )


def test_invoerfout_in_een_herstelde_cel_noemt_het_herstel(tmp_path: Path) -> None:
    """A wrote 'Noord; Oots' and meant Oost (H1). The tender then calls the gemeente Oosterend: the corrected value
    'Noord; Oost' is no longer valid. The error named a value the bidder's file does not hold ('Oost' where the file
    says 'Oots'), without a word of H1: it says the cell was read as H1 corrected it, and what the file holds."""
    data = kleine_aanbesteding()
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "Noord; Oots")])
    res = _besluit(ws, "herstel", "--bestand", "a.xlsx", "--blad", "Percelen", "--cel", "F2", "--oud",
                   "Noord; Oots", "--nieuw", "Noord; Oost", "--verduidelijking", "2026-03-01")  # fmt: skip
    assert res.exit_code == 0, res.output

    data["gemeenten"][1]["naam"] = "Oosterend"
    schrijf_yaml(ws / "aanbesteding.yaml", data)
    res = _run("inschrijvingen", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    uit = _plat(res.output)
    assert "a.xlsx!Percelen!F2: gemeente 'Oost' hoort niet bij deze aanbesteding" in uit, uit
    assert "(de cel is gelezen zoals besluit H1 haar herstelde; in het bestand staat 'Noord; Oots')" in uit, uit


def test_rapport_json_geeft_de_open_punten_zoals_gunning(tmp_path: Path) -> None:
    """rapport --json gave "open_punten" as the lines of the terminal (a heading sentence, '- ...' and an indented
    command), where gunning --json, gunning.json, controleer --json and evaluatie.open().open_punten() give each point
    as {"soort", "tekst", "commando"}: one key, two shapes. Now the same points as gunning.json writes them."""
    ws = _keurmerkwerkmap(tmp_path)
    assert _onder_voorwaarde(ws).exit_code == 0
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")], geldig_tot=dt.date(2026, 3, 25))
    res = _run("rapport", "--werkmap", str(ws), "--json")
    assert res.exit_code == 1
    punten = json.loads(res.stdout)["open_punten"]
    assert punten == _gunning_json(ws)["open_punten"]
    assert [list(p) for p in punten] == [["soort", "tekst", "commando"]] * len(punten)
    assert [p["soort"] for p in punten] == ["verouderd", "keurmerk"]  # K1 stale, the keurmerk open again

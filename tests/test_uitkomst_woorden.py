"""One word per outcome: a bid's status in a lot is the same word in every output that has a status field
(`toets --json`, rapporten/gunning.json, the advies workbook, the analyst API) and in the terminal, and the letter's
heading and sentence use the matching legal term. Two published texts that call one outcome by two words contradict
each other. Real workbooks, the decision commands and real CLI calls."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import yaml
from openpyxl import load_workbook

import evaluatie
from tests.hulp import html_tekst, schrijf_bod, schrijf_yaml
from tests.test_besluiten import (  # noqa: F401  (fixtures)
    CRITERIA,
    _besluit,
    _brief,
    _niet_uitgesloten,
    _run,
    _uitsluitingsgrond_verklaard,
    _vul,
    laag,
    schoon,
)

REPO = Path(__file__).resolve().parents[1]


def _gunning_json(ws: Path) -> dict:
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "criteria/schema/gunning.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    return data


def _status_toets(ws: Path, inschrijver: str, perceel: str) -> str:
    res = _run("toets", "--werkmap", str(ws), "--json")
    assert res.exit_code == 0, res.output
    return next(
        r["status"]
        for r in json.loads(res.stdout)["resultaten"]
        if (r["inschrijver"], r["perceel"]) == (inschrijver, perceel)
    )


def _status_advies_xlsx(ws: Path, inschrijver: str) -> str:
    wb = load_workbook(ws / "rapporten" / "gunningsadvies.xlsx", read_only=True)
    rijen = list(wb["Knock-out"].iter_rows(values_only=True))
    kop = list(rijen[0])
    return next(str(r[kop.index("Uitslag")]) for r in rijen[1:] if r[kop.index("Inschrijver")] == inschrijver)


def test_abnormaal_laag_verworpen_heet_overal_abnormaal_laag(laag: Path, tmp_path: Path) -> None:  # noqa: F811
    """A rejected 2.116 explanation: the bid met every requirement and was rejected (art. 2.116 lid 1 Aw: 'wijst
    ... af'); gunning.json and the terminal called it 'ongeldig', `toets --json` 'voldoet niet', while the letter
    said 'afgewezen (abnormaal lage prijs)' and the advies 'af te wijzen als abnormaal laag'."""
    ws = tmp_path / "ws"
    shutil.copytree(laag, ws)
    res = _besluit(ws, "toelichting", "--inschrijver", "C", "--lots", "B1", "--ontvangen", "2026-03-10",
                   "--uitkomst", "verworpen", reden="De toelichting verklaart de loonkosten onder cao-niveau niet.")  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    c = next(u for u in _gunning_json(ws)["percelen"]["B1"]["uitgesloten"] if u["inschrijver"] == "C")
    assert c["status"] == "abnormaal laag", c
    assert "C (abnormaal laag): " in res.output and "C (ongeldig)" not in res.output
    assert _status_toets(ws, "C", "B1") == "abnormaal laag"
    assert _status_advies_xlsx(ws, "C") == "abnormaal laag"
    wb = load_workbook(ws / "rapporten" / "gunningsadvies.xlsx", read_only=True)
    afgevallen = list(wb["Afgevallen"].iter_rows(values_only=True))  # the sheet was 'Uitgesloten', without status
    assert afgevallen[0][:3] == ("Perceel", "Inschrijver", "Status") and afgevallen[1][1:3] == ("C", "abnormaal laag")
    assert "Beslissing: afgewezen (abnormaal lage prijs)" in _brief(ws, "c")
    ko = evaluatie.open(ws).knockout()
    assert set(ko[ko.inschrijver == "C"].status) == {"abnormaal laag"}
    assert set(ko[ko.inschrijver == "A"].status) == {"voldoet"}


def test_knockout_heet_in_toets_en_gunning_ongeldig(voorbeeld: Path) -> None:
    """Nieuwe Start Opleidingen's keurmerk had lapsed on the peildatum: `toets --json` said 'voldoet niet' where
    gunning.json and the letter say 'ongeldig'."""
    res = _run("gunning", "--werkmap", str(voorbeeld), "--lots", "B1", "--geen-rapport")
    assert res.exit_code == 0, res.output
    ns = next(
        u
        for u in _gunning_json(voorbeeld)["percelen"]["B1"]["uitgesloten"]
        if u["inschrijver"] == "Nieuwe Start Opleidingen"
    )
    assert ns["status"] == "ongeldig"
    assert _status_toets(voorbeeld, "Nieuwe Start Opleidingen", "B1") == "ongeldig"
    assert _status_toets(voorbeeld, "Nieuwe Start Opleidingen", "onderwijs") == "voldoet"


def test_open_house_niet_toegelaten_en_uitgesloten(tmp_path: Path) -> None:
    """Open house: Gamma bids 10,500 above the ceiling of 10,000 and is 'niet toegelaten' in toets, gunning.json
    and its letter (gunning.json said 'ongeldig', toets 'voldoet niet'); Delta declares an exclusion ground that is
    weighed 'uitgesloten' (art. 2.87): 'uitgesloten' everywhere, and its letter says so (it said 'niet toegelaten',
    with 'niet voldoet aan de volgende eisen' above the weighing of an exclusion ground)."""
    from tests.test_toelating import _toelating

    ws = _toelating(tmp_path)
    data = yaml.safe_load((ws / "aanbesteding.yaml").read_text(encoding="utf-8"))
    data["percelen"]["B1"]["knockout"]["uitsluitingsgronden"] = {}
    schrijf_yaml(ws / "aanbesteding.yaml", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", "Gamma", "33333333", [("B1", 10500, 30, 12, 4, "alle")])
    schrijf_bod(ws, "d.xlsx", "Delta", "44444444", [("B1", 9500, 20, 12, 4, "alle")], uitsluiting="ja")
    res = _besluit(
        ws, "uitsluitingsgrond", "--inschrijver", "Delta", "--grond", "ernstige fout in de beroepsuitoefening",
        "--artikel", "2.87", "--feiten", "Boete van de Inspectie SZW in 2025 wegens onderbetaling van docenten.",
        "--zelfreiniging", "Geen maatregelen aangetoond.", "--evenredigheid", "De fout raakt de kern van de opdracht.",
        "--uitkomst", "uitgesloten", reden="De integriteit van de uitvoering is niet gewaarborgd.",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    status = {u["inschrijver"]: u["status"] for u in _gunning_json(ws)["percelen"]["B1"]["uitgesloten"]}
    assert status == {"Gamma": "niet toegelaten", "Delta": "uitgesloten"}
    assert "Gamma (niet toegelaten): " in res.output and "Delta (uitgesloten): " in res.output
    assert _status_toets(ws, "Gamma", "B1") == "niet toegelaten"
    assert _status_toets(ws, "Delta", "B1") == "uitgesloten"
    assert _status_toets(ws, "Alfa", "B1") == "voldoet"
    assert "Beslissing: niet toegelaten" in _brief(ws, "gamma")
    delta = _brief(ws, "delta")
    assert "Beslissing: uitgesloten" in delta and "omdat voor u een uitsluitingsgrond geldt" in delta
    assert "niet toegelaten" not in delta
    advies = " ".join(html_tekst(ws / "rapporten" / "gunningsadvies.html").split())
    assert "Niet toe te laten, omdat de inschrijving niet aan de voorwaarden voldoet: Gamma." in advies
    assert "Uit te sluiten op grond van een uitsluitingsgrond: Delta (Delta: art. 2.87" in advies


def test_regel_ontbreekt_na_niet_uitgesloten_zegt_hoe_toe_te_voegen(tmp_path: Path) -> None:
    """D declared an exclusion ground, so the filled forms have no rows for it; weighed 'niet_uitgesloten' it needs
    panel scores. `template beoordeling` keeps filled forms, and the error said only 'regel ontbreekt'. It now says
    which row to add below the table and how (the sheet is protected without a password); adding the rows that way
    lets the award run."""
    ws = _uitsluitingsgrond_verklaard(tmp_path, capaciteit_d=10)
    _vul(ws, {"A": 75})
    res = _niet_uitgesloten(ws)
    assert res.exit_code == 0, res.output
    res = _run("template", "beoordeling", "--werkmap", str(ws))
    assert res.exit_code == 0 and "niet overschreven" in res.output, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    uitvoer = " ".join(res.output.split())
    assert (
        "ada.xlsx!Beoordeling: regel ontbreekt: D, perceel B1, Samenwerking; voeg onder de tabel de regel "
        "'D | B1 | Samenwerking' toe met score en toelichting" in uitvoer
    ), uitvoer
    assert "beveiligd zonder wachtwoord" in uitvoer and "--overschrijven wist de ingevulde scores" in uitvoer
    for naam in ("ada", "bram"):  # what the message says, done as a reviewer would
        pad = ws / "beoordelingen" / f"{naam}.xlsx"
        wb = load_workbook(pad)
        for criterium in CRITERIA:
            wb["Beoordeling"].append(["D", "B1", criterium, 50, "Voldoende onderbouwd."])
        wb.save(pad)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert {r["inschrijver"] for r in _gunning_json(ws)["percelen"]["B1"]["rangorde"]} == {"A", "D"}
    # the weighing withdrawn: D waits for a new one, and its scores are set aside in those words (they said 'valt
    # voor dit perceel af in de knock-outtoets', which no one found)
    res = _besluit(ws, "intrekken", "U1", reden="Het besluit is op een onjuiste grondslag genomen.", datum="2026-04-06")
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1, res.output
    assert (
        "D, perceel B1, alle 2 criteria: opzijgezet, de inschrijving is aangehouden tot de verklaarde "
        "uitsluitingsgrond is gewogen" in " ".join(res.output.split())
    ), res.output


def test_ongewogen_uitsluitingsgrond_is_aangehouden_niet_uitgesloten(tmp_path: Path) -> None:
    """D declares an exclusion ground nobody has weighed yet (an open point). gunning.json, toets and the terminal
    called D 'uitgesloten' and the CONCEPT advies advised 'D uit te sluiten op grond van een uitsluitingsgrond',
    while the open point says the ground is not weighed: exclusion (art. 2.86/2.87) is a decision not yet taken.
    Now D is 'aangehouden' until the weighing, and 'uitgesloten' once it is recorded so."""
    ws = _uitsluitingsgrond_verklaard(tmp_path)
    _vul(ws, {"A": 75})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1 and "D (aangehouden): " in res.output, res.output
    assert _gunning_json(ws)["percelen"]["B1"]["uitgesloten"][0]["status"] == "aangehouden"
    assert _status_toets(ws, "D", "B1") == "aangehouden"
    advies = " ".join(html_tekst(ws / "rapporten" / "gunningsadvies.html").split())
    assert "de inschrijving van D aan te houden tot de verklaarde uitsluitingsgrond is gewogen" in advies
    assert "uit te sluiten" not in advies

    res = _besluit(
        ws, "uitsluitingsgrond", "--inschrijver", "D", "--grond", "ernstige fout in de beroepsuitoefening",
        "--artikel", "2.86", "--feiten", "Boete van de Inspectie SZW in 2025 wegens onderbetaling van docenten.",
        "--zelfreiniging", "Geen maatregelen aangetoond.", "--uitkomst", "uitgesloten",
        reden="De integriteit van de uitvoering is niet gewaarborgd.",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0 and "D (uitgesloten): " in res.output, res.output
    assert _gunning_json(ws)["percelen"]["B1"]["uitgesloten"][0]["status"] == "uitgesloten"
    assert _status_toets(ws, "D", "B1") == "uitgesloten"
    assert "Beslissing: uitgesloten" in _brief(ws, "d")


def test_terugtrekking_heet_overal_teruggetrokken(schoon: Path, tmp_path: Path) -> None:  # noqa: F811
    """B withdraws after the panel scored it. The advies said 'B heeft de inschrijving ingetrokken' in the decision
    and 'de inschrijving is teruggetrokken' where its scores are set aside: two words for one outcome, and
    'ingetrokken' is the word for a withdrawn decision (`evaluatie intrekken`). Now 'teruggetrokken' in both, as
    the command (`evaluatie terugtrekking`) says."""
    ws = tmp_path / "ws"
    shutil.copytree(schoon, ws)
    (ws / "inschrijvingen" / "b.xlsx").unlink()
    res = _besluit(ws, "terugtrekking", "--inschrijver", "B", "--ontvangen", "2026-03-12",
                   reden="De inschrijver heeft schriftelijk laten weten niet meer mee te doen.")  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    advies = " ".join(html_tekst(ws / "rapporten" / "gunningsadvies.html").split())
    assert "T1: B heeft de inschrijving teruggetrokken (bericht ontvangen op 12 maart 2026" in advies
    assert "opzijgezet, de inschrijving is teruggetrokken" in advies
    assert "inschrijving ingetrokken" not in advies
    res = _run("besluiten", "--werkmap", str(ws))
    assert "T1: B heeft de inschrijving teruggetrokken" in " ".join(res.output.split()), res.output


def test_ongewogen_grond_naast_een_prijs_boven_het_plafond_is_ongeldig(tmp_path: Path) -> None:
    """D declares a ground nobody has weighed and bids EUR 10.500, above the ceiling of EUR 10.000: out whatever the
    weighing. gunning.json, toets and the CONCEPT advies said 'aangehouden' ('aan te houden tot de verklaarde
    uitsluitingsgrond is gewogen'), as if the weighing could bring D back. It is 'ongeldig' (the requirement it fails
    decides, as beside a rejected 2.116 explanation); the weighing stays an open point."""
    ws = _uitsluitingsgrond_verklaard(tmp_path, prijs_d=10500)
    _vul(ws, {"A": 75})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1 and "D (ongeldig): " in res.output, res.output
    data = _gunning_json(ws)
    assert data["percelen"]["B1"]["uitgesloten"][0]["status"] == "ongeldig"
    assert [p["soort"] for p in data["open_punten"]] == ["uitsluiting"]
    assert _status_toets(ws, "D", "B1") == "ongeldig"
    advies = " ".join(html_tekst(ws / "rapporten" / "gunningsadvies.html").split())
    assert "aan te houden" not in advies
    assert "de inschrijving van D ongeldig te verklaren, omdat niet aan de knock-outeisen is voldaan" in advies

"""Open house: expected distribution by capacity only; a later applicant leaves earlier admissions as they were."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from evaluatie.definitie.model import Verdeelregels
from evaluatie.verdeling.model import Leverancier, Verdeelprobleem
from evaluatie.verdeling.toelating import verwachte_verdeling
from tests.hulp import kleine_toelating, maak_werkmap, schrijf_bod

REGIO = {"Noord": "A", "Oost": "A", "Zuid": "B"}


def _cellen(v) -> dict[tuple[str, str], int]:
    return {(t.gemeente, t.inschrijver): t.aantal for t in v.toewijzing}


def test_alleen_capaciteit_telt_geen_score_of_prijs() -> None:
    """Noord 10 over S1 (capacity 50, value 90, rank 0) and S2 (capacity 50, value 10, rank 1):
    equal capacity, so 5 and 5, whatever the scores. Oost 7 over the same two: 3.5 each, 3 + 3, one
    left with equal remainders and equal capacity: rotation, Oost is the 2nd gemeente (k=1), so it
    starts at the 2nd supplier by name (S2). Zuid 3 over S1 (30) and S3 (60): 1 and 2 exactly."""
    s1 = Leverancier("S1", 90, 9000, 50, ("Noord", "Oost", "Zuid"), 0)
    s2 = Leverancier("S2", 10, 7000, 50, ("Noord", "Oost"), 1)
    s3 = Leverancier("S3", 50, 8000, 100, ("Zuid",), 2)
    s1z = Leverancier("S1", 90, 9000, 50, ("Noord", "Oost", "Zuid"), 0)
    p = Verdeelprobleem("B1", "B1-route", {"Noord": 10, "Oost": 7, "Zuid": 3}, REGIO, (s1, s2, s3), Verdeelregels())
    cellen = _cellen(verwachte_verdeling(p))
    assert cellen[("Noord", "S1")] == 5 and cellen[("Noord", "S2")] == 5
    assert cellen[("Oost", "S1")] == 3 and cellen[("Oost", "S2")] == 4
    assert cellen[("Zuid", "S1")] == 1 and cellen[("Zuid", "S3")] == 2
    # swapping the scores (and the ranks) changes nothing
    omgedraaid = Verdeelprobleem(
        "B1",
        "B1-route",
        {"Noord": 10, "Oost": 7, "Zuid": 3},
        REGIO,
        (
            Leverancier("S2", 90, 7000, 50, ("Noord", "Oost"), 0),
            Leverancier("S3", 50, 8000, 100, ("Zuid",), 1),
            Leverancier("S1", 10, 9000, 50, s1z.gemeenten, 2),
        ),
        Verdeelregels(),
    )
    assert _cellen(verwachte_verdeling(omgedraaid)) == cellen


def _toelating(tmp_path: Path) -> Path:
    data = kleine_toelating()
    return maak_werkmap(tmp_path / "ws", data)


def _status(ws: Path) -> dict[str, str]:
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(ws), "--json"])
    assert res.exit_code == 0, res.output
    return {r["inschrijver"]: r["status"] for r in json.loads(res.output)["resultaten"]}


def test_latere_aanmelder_wordt_toegelaten_zonder_eerdere_toelatingen_te_wijzigen(tmp_path: Path) -> None:
    ws = _toelating(tmp_path)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9900, 30, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", "Gamma", "33333333", [("B1", 10500, 30, 12, 4, "alle")])  # above the ceiling
    eerst = _status(ws)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), "--geen-rapport"])
    assert res.exit_code == 0, res.output
    voor = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["percelen"]["B1"]
    # a cheaper, larger applicant arrives later
    schrijf_bod(ws, "d.xlsx", "Delta", "44444444", [("B1", 7000, 100, 12, 4, "alle")])
    daarna = _status(ws)
    assert {n: daarna[n] for n in eerst} == eerst  # nobody's admission changed
    assert daarna["Delta"] == eerst["Alfa"] != eerst["Gamma"]  # Delta admitted like Alfa; Gamma still not
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), "--geen-rapport"])
    assert res.exit_code == 0, res.output
    na = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["percelen"]["B1"]
    toegelaten = lambda p: {r["inschrijver"] for r in p["toegelaten"]}  # noqa: E731
    assert toegelaten(voor) == {"Alfa", "Beta"} and toegelaten(na) == {"Alfa", "Beta", "Delta"}
    # expected distribution by capacity only: Noord 10 over 20/30/100 -> 1.33, 2, 6.67 -> 1, 2, 6 + 1 (largest rest)
    noord = {t["inschrijver"]: t["aantal"] for t in na["toewijzing"] if t["gemeente"] == "Noord"}
    assert noord == {"Alfa": 1, "Beta": 2, "Delta": 7}


def test_scenario_bij_toelating_noemt_toelating_geen_rang_of_score(tmp_path: Path) -> None:
    """What-if on an open-house lot: raising the ceiling admits Gamma (10,500 above 10,000). The difference
    names the admission, not a rank, and no 'gewogen score' (an open house has none)."""
    ws = _toelating(tmp_path)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9900, 30, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", "Gamma", "33333333", [("B1", 10500, 30, 12, 4, "alle")])
    res = CliRunner().invoke(main, ["scenario", "--werkmap", str(ws), "--zet", "percelen.B1.plafondprijs=11000"])
    assert res.exit_code == 0, res.output
    assert "  Toegelaten:\n    Gamma: nu toegelaten\n" in res.output
    assert "Rangorde" not in res.output and "rang" not in res.output and "Gewogen score" not in res.output
    assert "Kosten per jaar" in res.output


def test_gunning_json_en_analyse_noemen_bij_open_house_geen_rang_of_prijsscore(tmp_path: Path) -> None:
    """The toelatingsbesluit says bids are not ranked and no price score is computed; gunning.json listed the open-house
    lot's bids under 'rangorde' with rang 1, 2, a prijsscore, a totaal and the formula of a price method, and the
    analyst's rangorde() showed the same ranks. Now the admitted bids are listed by name under 'toegelaten' with their
    quality and price only, the schema holds that, and rangorde('B1') says there is none."""
    import jsonschema
    import pytest

    import evaluatie
    from tests.hulp import REPO

    ws = _toelating(tmp_path)
    # Zeta is cheaper and bigger than Alfa, so any ranking by price would put Zeta first: the list must be by name
    schrijf_bod(ws, "z.xlsx", "Zeta", "11111111", [("B1", 8000, 40, 12, 4, "alle")])
    schrijf_bod(ws, "a.xlsx", "Alfa", "22222222", [("B1", 9900, 30, 12, 4, "alle")])
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), "--geen-rapport"])
    assert res.exit_code == 0, res.output
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    b1 = data["percelen"]["B1"]
    assert b1["toegelaten"] == [
        {"inschrijver": "Alfa", "kwaliteit": None, "prijs": 9900.0},  # no quality scored: null, never 0
        {"inschrijver": "Zeta", "kwaliteit": None, "prijs": 8000.0},
    ]
    assert not {"rangorde", "prijsmethode", "formule", "weging"} & set(b1)
    schema = json.loads((REPO / "criteria/schema/gunning.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    b1["rangorde"] = [
        {"inschrijver": "Alfa", "kwaliteit": 0, "prijs": 9900, "prijsscore": 80.8, "totaal": 80.8, "rang": 1}
    ]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)  # a ranking in an open-house lot is not a valid gunning.json
    a = evaluatie.open(ws)
    with pytest.raises(ValueError, match="open house"):
        a.rangorde("B1")
    assert a.rangorde().empty
    assert a.toegelaten()[["inschrijver", "prijs"]].values.tolist() == [["Alfa", 9900.0], ["Zeta", 8000.0]]


def test_verdeling_in_de_terminal_op_naam_zoals_de_toegelaten_inschrijvers(tmp_path: Path) -> None:
    """The terminal's table of the expected distribution put the suppliers in the price order the ranking step left
    (Zeta, the cheaper, before Alfa), an order an open house does not have, while the table of admitted bidders above
    it and the advies list them by name. Now by name in both: Alfa, then Zeta."""
    ws = _toelating(tmp_path)
    schrijf_bod(ws, "z.xlsx", "Zeta", "11111111", [("B1", 8000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "a.xlsx", "Alfa", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), "--geen-rapport"])
    assert res.exit_code == 0, res.output
    kop = next(r for r in res.output.splitlines() if r.lstrip().startswith("Gemeente") and "Vraag" in r)
    assert kop.split()[:4] == ["Gemeente", "Vraag", "Alfa", "Zeta"], kop


def test_niemand_toegelaten_zegt_dat_in_de_terminal(tmp_path: Path) -> None:
    """With every bid refused (Gamma above the ceiling), the terminal printed the header of the admitted bidders'
    table with no row under it, as if the table had been cut off; it says that nobody is admitted, and why below."""
    ws = _toelating(tmp_path)
    schrijf_bod(ws, "c.xlsx", "Gamma", "33333333", [("B1", 10500, 30, 12, 4, "alle")])
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), "--geen-rapport"])
    assert res.exit_code == 0, res.output
    assert "Toegelaten: niemand (geen inschrijver voldoet aan de eisen; zie hieronder)" in res.output
    assert "Toegelaten inschrijver" not in res.output
    assert "Gamma (niet toegelaten): prijs per traject EUR 10.500,00 ligt boven de plafondprijs" in res.output


def test_gunning_json_en_uitkomst_noemen_dezelfde_status_bij_open_house(tmp_path: Path) -> None:
    """evaluatie.open().uitkomst() gave an open house the status 'toelating' 'in the words of gunning.json', while
    gunning.json gave that lot no status at all (and its schema refused one), so that a reader taking a missing status
    as 'gegund' (as the README says of a file of an earlier version) read the open house as awarded. Now gunning.json
    says 'toelating' too, also when nobody is admitted (Alfa above the ceiling), and the schema holds it: 'gegund' in
    an open house, or 'toelating' in an award lot, is not a valid gunning.json."""
    import jsonschema
    import pytest

    import evaluatie
    from tests.hulp import REPO

    ws = _toelating(tmp_path)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 10500, 20, 12, 4, "alle")])
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), "--geen-rapport"])
    assert res.exit_code == 0, res.output
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    b1 = data["percelen"]["B1"]
    assert (b1["procedure"], b1["status"], b1["toegelaten"]) == ("toelating", "toelating", [])
    schema = json.loads((REPO / "criteria/schema/gunning.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    uitkomst = evaluatie.open(ws).uitkomst()
    assert uitkomst[["perceel", "procedure", "status"]].values.tolist() == [["B1", "toelating", "toelating"]]
    b1["status"] = "gegund"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
    b1.update(status="toelating", procedure="gunning", rangorde=[])
    del b1["toegelaten"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)

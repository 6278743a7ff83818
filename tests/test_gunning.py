"""evaluatie gunning end to end on the example: ranking, full allocation, determinism, usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import REPO


def _gun(werkmap: Path, *extra: str):
    return CliRunner().invoke(main, ["gunning", "--werkmap", str(werkmap), "--geen-rapport", *extra])


def test_voorbeeld_gunning_b1_onderwijs(voorbeeld: Path) -> None:
    res = _gun(voorbeeld, "--lots", "B1,onderwijs")
    assert res.exit_code == 0, res.output
    data = json.loads((voorbeeld / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    schema = json.loads((REPO / "criteria/schema/gunning.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert list(data["percelen"]) == ["B1", "onderwijs"]
    b1 = data["percelen"]["B1"]
    # Taalhuis: 0.6 x 76.6667 + 0.4 x (8700 / 9200 x 100 = 94.5652) = 46 + 37.8261 = 83.8261
    assert b1["rangorde"][0] == {
        **b1["rangorde"][0],
        "inschrijver": "Taalhuis De Brug B.V.",
        "rang": 1,
        "totaal": 83.8261,
        "prijsscore": 94.5652,
    }
    for code, vraag in (("B1", 98), ("onderwijs", 36)):
        p = data["percelen"][code]
        assert sum(t["aantal"] for t in p["toewijzing"]) == vraag
        for t in p["toewijzing"]:
            prijs = next(r["prijs"] for r in p["rangorde"] if r["inschrijver"] == t["inschrijver"])
            assert t["kosten"] == t["aantal"] * prijs
    uitgesloten = {u["inschrijver"]: u["redenen"] for u in b1["uitgesloten"]}
    assert uitgesloten["Nieuwe Start Opleidingen"] == [
        "keurmerk geldig tot 31 maart 2021; op de peildatum 4 juni 2021 verlopen (nieuwe.xlsx!Inschrijver!B8)"
    ]
    # max_aandeel 0.5 of 98 = 49 binds for the winner
    assert sum(t["aantal"] for t in b1["toewijzing"] if t["inschrijver"] == "Taalhuis De Brug B.V.") == 49
    assert {i["bestand"] for i in data["invoer"]} >= {
        "aanbesteding.yaml",
        "inschrijvingen/taalhuis.xlsx",
        "beoordelingen/consensus.xlsx",
    }
    assert "Taalhuis De Brug B.V." in res.output and "Gemeente" in res.output


def test_tweemaal_byte_identiek_en_cbc_gelijk(voorbeeld: Path) -> None:
    assert _gun(voorbeeld, "--lots", "B1,onderwijs").exit_code == 0
    eerst = (voorbeeld / "rapporten" / "gunning.json").read_bytes()
    assert _gun(voorbeeld, "--lots", "b1,ONDERWIJS").exit_code == 0
    assert (voorbeeld / "rapporten" / "gunning.json").read_bytes() == eerst
    assert _gun(voorbeeld, "--lots", "B1,onderwijs", "--solver", "cbc").exit_code == 0
    cbc = json.loads((voorbeeld / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    highs = json.loads(eerst)
    for code in ("B1", "onderwijs"):
        assert cbc["percelen"][code]["toewijzing"] == highs["percelen"][code]["toewijzing"]


def test_onbekend_perceel_is_gebruiksfout(voorbeeld: Path) -> None:
    res = _gun(voorbeeld, "--lots", "B1,Q")
    assert res.exit_code == 2
    assert "onbekend perceel Q; geldige codes: B1, onderwijs, Z" in res.output


def test_lots_zonder_perceel_is_gebruiksfout(voorbeeld: Path) -> None:
    """--lots " " (an empty shell variable in quotes) or --lots "," named no lot: the award was one of no lots, exit
    0, and it replaced gunning.json with one without lots; evaluatie.open(..., percelen=" ") gave empty tables. Now a
    usage error that names the valid codes, as an unknown code is, and the earlier gunning.json stays."""
    import pytest

    import evaluatie

    assert _gun(voorbeeld).exit_code == 0
    eerst = (voorbeeld / "rapporten" / "gunning.json").read_bytes()
    for waarde in (" ", ",", " , "):
        res = _gun(voorbeeld, "--lots", waarde)
        assert res.exit_code == 2, res.output
        assert f"geen perceel in {waarde!r}; geef een of meer codes: B1, onderwijs, Z" in res.output
        assert (voorbeeld / "rapporten" / "gunning.json").read_bytes() == eerst
        with pytest.raises(ValueError, match="geen perceel in"):
            evaluatie.open(voorbeeld, percelen=waarde).uitkomst()


def test_json_op_stdout(voorbeeld: Path) -> None:
    res = _gun(voorbeeld, "--lots", "Z", "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert set(data["percelen"]["Z"]) >= {"rangorde", "toewijzing", "uitgesloten"}
    assert set(data["percelen"]["Z"]["rangorde"][0]) >= {
        "inschrijver",
        "kwaliteit",
        "prijs",
        "prijsscore",
        "totaal",
        "rang",
    }


def test_onhaalbaar_geeft_exit_1_met_uitleg(voorbeeld: Path) -> None:
    yaml_pad = voorbeeld / "aanbesteding.yaml"
    tekst = yaml_pad.read_text(encoding="utf-8").replace(
        "verdeling: {max_aandeel: 0.6}", "verdeling: {max_aandeel: 0.2}"
    )
    yaml_pad.write_text(tekst, encoding="utf-8")
    res = _gun(voorbeeld, "--lots", "onderwijs")
    assert res.exit_code == 1
    # 0.2 x 36 = 7 per supplier; four admitted suppliers: 28 places for 36 inburgeraars
    assert (
        "Perceel Onderwijsroute: de geldige inschrijvers hebben samen 28 plaatsen (per inschrijver "
        "hoogstens 7 door max_aandeel 0,2), de vraag is 36"
    ) in res.output


def test_gelijke_stand_zonder_regel_vraagt_loting(tmp_path: Path) -> None:
    """Two bids with the same price and the same scores from both reviewers tie exactly; the small
    tender has no bij_gelijke_stand rule, so the output must ask for a draw."""
    from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel

    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    vul_panel(ws, dict.fromkeys("XY", 75))
    res = _gun(ws)
    # X and Y each have capacity 20 for the 20 inburgeraars: whoever comes first gets all of them,
    # so the order decides the award: exit 1, a concept advies, no letters, and the command to record a draw
    assert res.exit_code == 1, res.output
    assert 'evaluatie loting --lots B1 --volgorde "X;Y" --datum JJJJ-MM-DD --getuige "naam, functie"' in res.output
    rapporten = ws / "rapporten"
    rangorde = json.loads((rapporten / "gunning.json").read_text(encoding="utf-8"))["percelen"]["B1"]["rangorde"]
    assert [(r["rang"], r["gelijke_stand"]) for r in rangorde] == [(1, True), (1, True)]
    assert not (rapporten / "brieven").exists()

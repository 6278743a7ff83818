"""Above the threshold art. 2.127 Aw 2012 asks a standstill of at least 20 calendar days: a shorter
`standstill_dagen` is an open point (no letters stating an unlawful period under that article's name)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from evaluatie.besluiten.openpunten import te_korte_termijn
from evaluatie.cli import main
from evaluatie.definitie import laad_aanbesteding
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def _data(dagen: int, boven: bool) -> dict:
    data = kleine_aanbesteding(standstill_dagen=dagen)
    if boven:  # 40 a year x EUR 10.000 x 2 years = EUR 800.000 >= EUR 750.000; else 20 a year: EUR 400.000
        for g, n in zip(data["gemeenten"], (20, 12, 8), strict=True):
            g["inburgeraars"]["B1"] = n
    return data


def test_te_korte_termijn_boven_de_drempel_is_open_punt(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", _data(15, boven=True))
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 40, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9100, 40, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75, "Beta": 75})
    res = CliRunner().invoke(main, ["--json", "gunning", "--werkmap", str(ws)])
    assert res.exit_code == 1, res.output
    (punt,) = json.loads(res.stdout)["open_punten"]
    assert punt == {
        "soort": "standstill",
        "tekst": "De opschortende termijn is 15 kalenderdagen (standstill_dagen), maar art. 2.127 Aanbestedingswet "
        "2012 vraagt ten minste 20 kalenderdagen: de geraamde waarde van de gunningspercelen, EUR 800.000,00, ligt "
        "op of boven de drempel van EUR 750.000,00.",
        "commando": "aanbesteding.yaml: standstill_dagen: 20",
    }
    assert not (ws / "rapporten" / "brieven").exists()


def test_termijn_van_20_of_onder_de_drempel_geen_punt(tmp_path: Path) -> None:
    for i, (dagen, boven) in enumerate(((20, True), (15, False))):
        ws = maak_werkmap(tmp_path / f"ws{i}", _data(dagen, boven))
        a, _ = laad_aanbesteding(ws / "aanbesteding.yaml")
        assert te_korte_termijn(a) is None, (dagen, boven)


def test_systematiek_waarschuwt_voor_te_korte_termijn(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", _data(15, boven=True))
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output  # written, as with the other warnings; the letters wait (open point)
    assert "standstill_dagen: De opschortende termijn is 15 kalenderdagen" in " ".join(res.stderr.split())
    ws2 = maak_werkmap(tmp_path / "ws2", _data(20, boven=True))
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws2)])
    assert "standstill_dagen" not in res.stderr


def test_waarde_precies_op_de_drempel_heet_niet_erboven(tmp_path: Path) -> None:
    """A framework maximum of 75 trajectories x EUR 10.000 = EUR 750.000: exactly the threshold, which art. 2.38
    counts as reached ('gelijk aan of groter dan'), so 15 days is an open point; its sentence said the value 'ligt
    boven de drempel van EUR 750.000,00', which EUR 750.000,00 does not. 74 trajectories (EUR 740.000) is below."""
    data = _data(15, boven=False)  # 20 a year x 2 years = 40 expected, under the fixed maximum
    data["percelen"]["B1"]["raammaximum"] = {"trajecten": 75}
    a, _ = laad_aanbesteding(maak_werkmap(tmp_path / "op", data) / "aanbesteding.yaml")
    punt = te_korte_termijn(a)
    assert punt is not None
    assert "gunningspercelen, EUR 750.000,00, ligt op of boven de drempel van EUR 750.000,00." in punt.tekst
    data["percelen"]["B1"]["raammaximum"] = {"trajecten": 74}
    a, _ = laad_aanbesteding(maak_werkmap(tmp_path / "onder", data) / "aanbesteding.yaml")
    assert te_korte_termijn(a) is None

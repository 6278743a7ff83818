"""`controleer` reproduces the last award, also a CONCEPT one (an open point, a stale decision): it says so next to
"In orde", with the open points the logboek records, so a reproduced concept never reads as an award ready to send.
Real workbooks, real CLI calls."""

from __future__ import annotations

import json
from pathlib import Path

from tests.hulp import schrijf_bod
from tests.test_besluiten import _loting, _run
from tests.test_besluiten_premisse import _gelijk
from tests.test_besluiten_verouderd import _gunning_json, _plat


def test_controleer_noemt_de_open_punten_van_een_concept(tmp_path: Path) -> None:
    ws = _gelijk(tmp_path)
    res = _loting(ws, "Y;X", "2026-03-20")
    assert res.exit_code == 0, res.output
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    res = _run("controleer", "--werkmap", str(ws))
    assert res.exit_code == 0 and "CONCEPT" not in res.output, res.output

    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 8900, 20, 12, 4, "alle")])  # the tie is gone: L1 is stale
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 1
    punten = _gunning_json(ws)["open_punten"]
    res = _run("controleer", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output  # reproduced byte for byte: that is what controleer checks
    uit = _plat(res.output)
    assert "In orde: alle 2 uitvoerbestanden zijn byte voor byte gereproduceerd." in uit, uit
    assert (
        "De gereproduceerde gunning is een CONCEPT (geen brieven): 1 open punt, zie hieronder; 'evaluatie "
        "gunning' schrijft de brieven zodra niets meer open staat." in uit
    ), uit
    assert _plat(f"- {punten[0]['tekst']}") in uit and punten[0]["commando"] in uit
    js = json.loads(_run("controleer", "--werkmap", str(ws), "--json").stdout)
    assert js["in_orde"] is True and js["open_punten"] == punten


def test_controleer_json_noemt_de_sleutels_van_een_open_punt_in_de_volgorde_van_gunning(tmp_path: Path) -> None:
    """The logboek stores each line with sorted keys, so controleer --json gave an open point as {"commando", "soort",
    "tekst"} where gunning --json and gunning.json give {"soort", "tekst", "commando"}: the same point in two key
    orders. Now in the order of gunning.json."""
    ws = _gelijk(tmp_path)
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 1  # the tie waits for a draw: one open point
    punten = _gunning_json(ws)["open_punten"]
    js = json.loads(_run("controleer", "--werkmap", str(ws), "--json").stdout)
    assert [list(p) for p in js["open_punten"]] == [list(p) for p in punten] == [["soort", "tekst", "commando"]]

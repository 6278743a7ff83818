"""An amount of the tender (plafondprijs, vaste_prijs, max_fictieve_korting) goes to the cent, like a bid's price.

With `plafondprijs: 9999.995` a bid of EUR 10.000 was knocked out with 'prijs per traject EUR 10.000,00 ligt boven de
plafondprijs EUR 10.000,00': every document shows the ceiling in cents, while the knock-out compared with the amount
itself. Such an amount is an input error at its line, as a bid's price with more than 2 decimals is.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hulp import kleine_aanbesteding, maak_werkmap
from tests.test_besluiten import _run


@pytest.mark.parametrize(
    ("veld", "waarde", "extra"),
    [
        ("plafondprijs", 9999.995, {}),
        ("vaste_prijs", 9000.001, {"prijsmethode": "vaste_prijs"}),
        ("max_fictieve_korting", 2999.999, {"prijsmethode": "fictieve_korting"}),
    ],
)
def test_bedrag_met_meer_dan_twee_decimalen(tmp_path: Path, veld: str, waarde: float, extra: dict) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"].update(extra)
    data["percelen"]["B1"][veld] = waarde
    ws = maak_werkmap(tmp_path / "ws", data)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    assert f"percelen.B1.{veld}" in res.output
    assert "meer dan 2 decimalen" in res.output, res.output


def test_bedrag_in_centen_mag(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["plafondprijs"] = 9999.99
    ws = maak_werkmap(tmp_path / "ws", data)
    res = _run("template", "systematiek", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output

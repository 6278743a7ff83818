"""`evaluatie zekerheid`: the same inputs give the same bytes (--json too), and no share of draws is rounded to a
false 0,0% or 100,0%."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from evaluatie.zekerheid.tekst import procent


def test_zekerheid_json_is_byte_voor_byte_gelijk(voorbeeld: Path) -> None:
    args = ["zekerheid", "--werkmap", str(voorbeeld), "--lots", "B1", "--trekkingen", "200", "--json"]
    eerste = CliRunner().invoke(main, args)
    tweede = CliRunner().invoke(main, args)
    assert eerste.exit_code == 0, eerste.output
    assert eerste.stdout == tweede.stdout
    storing = json.loads(eerste.stdout)["B1"]["storing"]
    assert "seconden" not in storing  # a measured time differs per run
    assert storing["trekkingen"] == 200


def test_een_kleine_kans_is_niet_nul_en_een_grote_niet_zeker() -> None:
    assert procent(1 / 10_000) == "minder dan 0,1%"  # one draw in 10.000: it happened
    assert procent(9_999 / 10_000) == "meer dan 99,9%"
    assert procent(0.0) == "0,0%" and procent(1.0) == "100,0%"
    assert procent(6_546 / 10_000) == "65,5%"
    assert procent(1 / 1_000) == "0,1%"

"""A contract change of the kind 'verlenging' was recorded as if it extended the contract, but the register keeps
the term of the award (years and option years): a placement after that term is still refused by 'contract
inlezen', and 'contract stand' and 'contract kwartaal' stop at it. The change now says so when it is tested and
recorded, with the last day the register follows, instead of leaving the contract manager to find out at intake."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap


def test_verlenging_zegt_dat_de_looptijd_van_het_register_niet_verandert(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    # kleine_aanbesteding: 2 years from 1 June 2026, so the register follows placements up to 31 May 2028
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    r = _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "verlenging", "--waarde", "20.000",
        "--trajecten", "2", "--grondslag", "art. 2.163b Aw 2012", "--datum", "2026-06-10", "--json", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    uitleg = " ".join(json.loads(r.stdout)["uitleg"])
    assert (
        "Let op: een verlenging als contractwijziging verandert de looptijd in het contractregister niet: het register "
        "volgt de plaatsingen tot en met 31-05-2028 (2 jaar)" in uitleg
    ), uitleg
    assert "optiejaar" not in uitleg  # kleine_aanbesteding has none
    r = _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "extra_volume", "--waarde", "20.000",
        "--trajecten", "2", "--grondslag", "art. 2.163b Aw 2012", "--datum", "2026-06-10", "--json", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 0 and "looptijd" not in " ".join(json.loads(r.stdout)["uitleg"]), r.output

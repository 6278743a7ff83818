"""`contract wijziging` without --route said only that --route was missing (click's required option) and hid every
other error: a ground of art. 2.163a, a date in the future, a missing --reden came one run at a time. A missing
--route, --soort, --waarde or --grondslag is now said with all the others (exit 2, nothing written)."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap
from tests.test_contract_verlenging import _tel


def test_zonder_route_komen_alle_fouten_samen(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    voor = _tel(ws, "besluit")
    r = _run(
        "contract", "wijziging", "--werkmap", ws, "--soort", "overig", "--waarde", "20.000",
        "--grondslag", "art. 2.163a Aw 2012", "--datum", "2099-01-01", "--door", "S. Jansen, contractmanager",
    )  # fmt: skip
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    for verwacht in (
        "--route: is verplicht: de perceelcode, bijvoorbeeld B1",
        "--grondslag: art. 2.163a Aw 2012 is de hoofdregel",
        "--datum: 01-01-2099 ligt in de toekomst",
        "--reden: een besluit zonder reden wordt niet vastgelegd",
    ):
        assert verwacht in uit, (verwacht, uit)
    assert _tel(ws, "besluit") == voor

    r = _run("contract", "wijziging", "--werkmap", ws, "--route", "B1", "--alleen-toetsen")
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    for optie in ("--soort", "--waarde", "--grondslag"):
        assert f"{optie}: is verplicht" in uit, (optie, uit)
    assert "--route" not in uit, uit
    assert _tel(ws, "besluit") == voor

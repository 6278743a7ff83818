"""The placement advice for an open-house lot speaks of the expected share by capacity, not of an allocation:
the toelatingsbesluit says the numbers are an expectation and no promise (no one is 'toegewezen' volume)."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap


def test_advies_open_house_noemt_verwachting_geen_toewijzing(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    # Z, Noord: 5 by capacity 10 and 10: 2.5 each, the rest by rotation from the first by name (Noord is the
    # first gemeente): Alfa 3, Beta 2; after the next placement Alfa should have 3/5 x 1 = 0.6
    r = _run("contract", "advies", "--werkmap", ws, "--gemeente", "Noord", "--route", "Z", "--peildatum", "2026-06-02")
    assert r.exit_code == 0, r.output
    assert "toegewezen" not in r.output and "volgens de verdeling" not in r.output
    assert "Alfa: 3 van de 5 verwacht naar capaciteit (60%), 0 van de 0 geplaatst" in r.output
    assert "staat het verst onder zijn verwachte aandeel naar capaciteit: 0 geplaatst tegen 0,6" in r.output
    # the awarded lot keeps its allocation words
    r = _run("contract", "advies", "--werkmap", ws, "--gemeente", "Noord", "--route", "B1", "--peildatum", "2026-06-02")
    assert r.exit_code == 0, r.output
    assert "toegewezen" in r.output and "volgens de verdeling" in r.output

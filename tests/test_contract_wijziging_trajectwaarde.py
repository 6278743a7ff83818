"""A contract change that adds trajecten to a framework agreement was tested for de minimis (art. 2.163b Aw 2012) on
--waarde alone, whatever the trajecten were worth: 100 extra trajecten 'worth' EUR 1 passed a limit of EUR 50.000,
and 10 extra trajecten at EUR -40.000 were recorded too (the stand then showed 60 trajecten next to a maximum value of
EUR 460.000, less than 50 trajecten cost). Every added trajectory is placed at a contract price of the lot, so the
change is worth at least its trajecten times the lowest of them; a --waarde below that is an input error in
--waarde that names that minimum (exit 2, nothing recorded)."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap


def test_extra_trajecten_tegen_minder_dan_hun_contractprijs(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    basis = [
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "extra_volume",
        "--grondslag", "art. 2.163b Aw 2012", "--datum", "2026-10-01", *DOOR,
    ]  # fmt: skip
    # B1: Alfa EUR 9.000 and Beta EUR 9.500 a trajectory, so 100 trajecten are worth at least 100 x 9.000
    r = _run(*basis, "--trajecten", "100", "--waarde", "1", "--alleen-toetsen")
    uit = " ".join(r.output.split())
    assert r.exit_code == 2, uit
    assert (
        "--waarde: 100 extra trajecten tegen de laagste contractprijs in B1-route (Alfa, EUR 9.000,00) zijn minstens "
        "EUR 900.000,00 waard; deze wijziging noemt EUR 1,00" in uit
    ), uit
    r = _run(*basis, "--trajecten", "10", "--waarde", "-40.000")
    uit = " ".join(r.output.split())
    assert r.exit_code == 2 and "minstens EUR 90.000,00 waard; deze wijziging noemt EUR -40.000,00" in uit, uit
    stand = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-11-30").output
    assert "B1-route: 0 van 50 trajecten, EUR 0,00 van EUR 500.000,00" in stand, stand  # nothing recorded
    # exactly the trajecten at the lowest price is a value such a change can have: tested for de minimis as before
    r = _run(*basis, "--trajecten", "5", "--waarde", "45.000")
    assert r.exit_code == 0 and "met deze wijziging EUR 45.000,00 (90,0% van de grens)" in r.output, r.output
    r = _run(*basis, "--trajecten", "1", "--waarde", "8.999,99", "--alleen-toetsen")
    uit = " ".join(r.output.split())
    # one trajectory in the singular ("1 extra trajecten ... zijn" read as a template, not a sentence)
    assert (
        r.exit_code == 2
        and "--waarde: 1 extra traject tegen de laagste contractprijs in B1-route (Alfa, EUR "
        "9.000,00) is minstens EUR 9.000,00 waard; deze wijziging noemt EUR 8.999,99"
        in uit
    ), uit

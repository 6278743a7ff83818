"""A stale decision about a bid file that changed says what changed in it, not only that its SHA-256 differs: for a
correction, the cell as it reads now (still the value corrected, or another); for an exclusion-ground decision,
that the bid no longer declares a ground. Real workbooks, real CLI calls."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import schrijf_bod
from tests.test_besluiten import _run, _vul
from tests.test_besluiten_verouderd import _herstelwerkmap, _niet_uitgesloten, _plat, _uitsluitingswerkmap


def test_verouderd_herstel_noemt_de_cel_zoals_zij_nu_is(tmp_path: Path) -> None:
    ws = _herstelwerkmap(tmp_path)

    # a new file, the cell as before (another contact): the correction could be recorded again on this file
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 5, 12, 4, "alle")], contact="Nieuw contact")
    uit = _plat(_run("gunning", "--werkmap", str(ws)).output)
    assert "...); de cel C2 bevat nog '5', zoals het herstel aannam; het wordt niet toegepast" in uit, uit

    # a new file with another capacity: the cell itself changed
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 8, 12, 4, "alle")])
    uit = _plat(_run("gunning", "--werkmap", str(ws)).output)
    assert "...); de cel C2 bevat nu '8', het herstel ging uit van '5'; het wordt niet toegepast" in uit, uit


def test_verouderde_uitsluitingsgrond_zegt_dat_er_geen_grond_meer_wordt_verklaard(tmp_path: Path) -> None:
    ws = _uitsluitingswerkmap(tmp_path)
    assert _niet_uitgesloten(ws).exit_code == 0
    _vul(ws, {"A": 75, "D": 75})
    schrijf_bod(ws, "d.xlsx", "D", "44444444", [("B1", 8800, 20, 12, 4, "alle")], uitsluiting="nee")
    uit = _plat(_run("gunning", "--werkmap", str(ws)).output)
    assert "...); D verklaart nu geen uitsluitingsgrond meer; het wordt niet toegepast" in uit, uit

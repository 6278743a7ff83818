"""A stale decision about a bid file that changed says what changed in it, not only that its SHA-256 differs: for a
correction, the cell as it reads now (still the value corrected, or another); for an exclusion-ground decision,
that the bid no longer declares a ground. Real workbooks, real CLI calls."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod
from tests.test_besluiten import _besluit, _run, _vul
from tests.test_besluiten_verouderd import _niet_uitgesloten, _plat, _uitsluitingswerkmap


def test_verouderd_herstel_noemt_de_cel_zoals_zij_nu_is(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 5, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    _vul(ws, {"A": 75, "B": 50})
    res = _besluit(ws, "herstel", "--bestand", "a.xlsx", "--blad", "Percelen", "--cel", "C2", "--oud", "5",
                   "--nieuw", "20", "--verduidelijking", "2026-03-01")  # fmt: skip
    assert res.exit_code == 0, res.output

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

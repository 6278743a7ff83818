"""A reviewer's motivation is quoted in the letters. A right-to-left override (U+202E) in it makes the quoted text
print in another order, so it is refused at its cell, naming the character; a soft hyphen or zero-width space from
text pasted out of Word changes no word a reader sees and stays allowed. Real workbooks, real CLI."""

from __future__ import annotations

from pathlib import Path

from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling
from tests.test_besluiten import CRITERIA, _run


def _werkmap(tmp_path: Path, toelichting: str) -> Path:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    vul_beoordeling(ws / "beoordelingen" / "ada.xlsx", {("A", c): 75 for c in CRITERIA}, toelichting=toelichting)
    vul_beoordeling(ws / "beoordelingen" / "bram.xlsx", {("A", c): 75 for c in CRITERIA})
    return ws


def test_richtingteken_in_de_toelichting_geweigerd(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path, "Sterk plan\u202e.nalp kawZ")
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    plat = " ".join(res.output.split())
    assert "ada.xlsx!Beoordeling!E6: de toelichting bevat het onzichtbare teken U+202E (RIGHT-TO-LEFT OVERRIDE)" in (
        plat
    ), plat
    assert not (ws / "rapporten" / "brieven").exists()


def test_zachte_afbreking_en_nulbreedte_blijven_toegestaan(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path, "Sterk sa\u00admen\u200bwerkings\u00adplan.")
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output

"""A decision command changes an input of the award: the reports of the last award no longer reflect the decisions.

X and Y tie; the draw L1 put Y first and the award wrote the letters ('door loting'). Then L1 is withdrawn: the
letters in rapporten/brieven/ still said Y went first by that draw, unmarked and looking as current as before,
until someone ran the award again. A failed award marks its predecessor's reports NIET-ACTUEEL; a decision command
now does so too, and says it, and the next award that succeeds replaces them and the marker."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import kleine_aanbesteding
from tests.test_besluiten import _intrekken, _loting, _run
from tests.test_besluiten_verouderd import _gelijk_met_loting


def _gemarkeerd(ws: Path) -> list[str]:
    return sorted(p.relative_to(ws / "rapporten").as_posix() for p in (ws / "rapporten").rglob("NIET-ACTUEEL.txt"))


def test_intrekken_en_loting_markeren_de_rapporten_van_de_vorige_gunning(tmp_path: Path) -> None:
    ws = _gelijk_met_loting(tmp_path, kleine_aanbesteding())
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    assert "door loting" in (ws / "rapporten" / "brieven" / "x-b1.html").read_text(encoding="utf-8")
    assert _gemarkeerd(ws) == []

    res = _intrekken(ws, "L1")
    assert res.exit_code == 0, res.output
    uit = " ".join(res.output.split())
    assert "Let op: de rapporten in " in uit and "horen niet bij de huidige invoer; gemarkeerd met " in uit, uit
    assert _gemarkeerd(ws) == ["NIET-ACTUEEL.txt", "brieven/NIET-ACTUEEL.txt", "gemeenten/NIET-ACTUEEL.txt"]
    tekst = (ws / "rapporten" / "brieven" / "NIET-ACTUEEL.txt").read_text(encoding="utf-8")
    assert "'evaluatie intrekken' heeft op " in tekst and " loting.yaml gewijzigd " in tekst
    assert "  loting.yaml: gewijzigd sinds de gunning (sha256 was " in tekst
    assert _run("controleer", "--werkmap", str(ws)).exit_code != 0  # the reports are not the current award's

    res = _loting(ws, "X;Y", "2026-03-21")
    assert res.exit_code == 0 and "Let op: de rapporten in " in res.output, res.output
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    assert _gemarkeerd(ws) == []  # the award that succeeds replaces the reports and the marker
    assert _run("controleer", "--werkmap", str(ws)).exit_code == 0


def test_zonder_rapporten_valt_er_niets_te_markeren(tmp_path: Path) -> None:
    """Before any award there is nothing to mark, and nothing is said."""
    ws = _gelijk_met_loting(tmp_path, kleine_aanbesteding())
    res = _intrekken(ws, "L1")
    assert res.exit_code == 0 and "Let op" not in res.output, res.output
    assert not (ws / "rapporten").exists() or _gemarkeerd(ws) == []

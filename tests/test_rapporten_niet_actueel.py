"""A failed award leaves the previous reports in place (nothing written is destroyed), but never looking current:
rapporten/NIET-ACTUEEL.txt (and one in brieven/ and gemeenten/) says which run failed, why, and which inputs
changed since the reports were written; the terminal says so, `controleer` fails on it, and the next award that
succeeds leaves no marker. Real workbooks in tmp dirs, real CLI calls."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod
from tests.test_besluiten import _besluit, _run, _vul
from tests.test_besluiten_verouderd import _plat

MARKERING = "NIET-ACTUEEL.txt"


def _inhoud(map_: Path) -> dict[str, bytes]:
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}


def _twee_inschrijvers(tmp_path: Path) -> Path:
    """A and B, capacity 10 each, for 20 inburgeraars (Noord 10, Oost 6, Zuid 4): both are needed."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 10, 12, 4, "alle")])
    _vul(ws, {"A": 75, "B": 50})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    return ws


def test_mislukte_gunning_markeert_de_vorige_rapporten(tmp_path: Path) -> None:
    ws = _twee_inschrijvers(tmp_path)
    rapporten = ws / "rapporten"
    voor = _inhoud(rapporten)
    assert "brieven/a-b1.docx" in voor and "gemeenten/noord.html" in voor

    # B withdraws after the scoring: A alone has 10 places for 20 inburgeraars
    shutil.move(ws / "inschrijvingen" / "b.xlsx", tmp_path / "b.xlsx")
    res = _besluit(ws, "terugtrekking", "--inschrijver", "B", "--ontvangen", "2026-03-19")
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1, res.output
    # nothing written is destroyed: every previous report is still there, byte for byte
    na = _inhoud(rapporten)
    assert {k: v for k, v in na.items() if not k.endswith(MARKERING)} == voor
    assert sorted(k for k in na if k.endswith(MARKERING)) == [
        MARKERING,
        f"brieven/{MARKERING}",
        f"gemeenten/{MARKERING}",
    ]
    tekst = _plat((rapporten / MARKERING).read_text(encoding="utf-8"))
    assert tekst.startswith("NIET ACTUEEL - NIET VERSTUREN"), tekst
    assert "'evaluatie gunning' is niet afgerond (uitgangscode 1)" in tekst
    assert "Perceel B1-route: de geldige inschrijvers hebben samen 10 plaatsen, de vraag is 20" in tekst
    assert "inschrijvingen/b.xlsx: verwijderd sinds de gunning" in tekst
    assert "besluiten.yaml: toegevoegd sinds de gunning" in tekst
    assert (rapporten / "brieven" / MARKERING).read_bytes() == (rapporten / MARKERING).read_bytes()
    uit = _plat(res.stderr)
    assert f"Let op: de rapporten in {rapporten} zijn van de vorige gunning" in uit, uit
    assert f"{rapporten / MARKERING}" in uit

    # with --json: one document, the note in it
    res = _run("gunning", "--werkmap", str(ws), "--json")
    assert res.exit_code == 1
    doc = json.loads(res.stdout)
    assert any(MARKERING in r for r in doc["let_op"]), doc

    # controleer fails on it and names it
    res = _run("controleer", "--werkmap", str(ws))
    assert res.exit_code == 1
    assert f"rapporten/{MARKERING}" in _plat(res.output)
    res = _run("controleer", "--werkmap", str(ws), "--json")
    assert res.exit_code == 1 and json.loads(res.stdout)["niet_actueel"], res.stdout
    (rapporten / MARKERING).unlink()  # removed by hand at the top: the letters are still marked
    res = _run("controleer", "--werkmap", str(ws))
    assert res.exit_code == 1 and f"rapporten/brieven/{MARKERING}" in _plat(res.output), res.output

    # the bid comes back and the withdrawal is withdrawn: the next award succeeds and no marker is left
    shutil.move(tmp_path / "b.xlsx", ws / "inschrijvingen" / "b.xlsx")
    res = _besluit(ws, "intrekken", "T1", reden="De terugtrekking is herroepen.", datum="2026-03-21")
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert not [p for p in rapporten.rglob(MARKERING)]
    assert _run("controleer", "--werkmap", str(ws)).exit_code == 0


def test_invoerfout_markeert_de_vorige_rapporten_en_zonder_rapporten_geen_markering(tmp_path: Path) -> None:
    ws = _twee_inschrijvers(tmp_path)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", "negenduizend", 10, 12, 4, "alle")])
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    tekst = _plat((ws / "rapporten" / MARKERING).read_text(encoding="utf-8"))
    assert "'evaluatie gunning' is niet afgerond (uitgangscode 2)" in tekst
    assert "a.xlsx!Percelen!B2: prijs per traject: 'negenduizend' is geen bedrag" in tekst
    assert "inschrijvingen/a.xlsx: gewijzigd sinds de gunning" in tekst
    assert "Let op: de rapporten in" in _plat(res.stderr)

    # a werkmap without reports: nothing to mark, nothing written
    ws2 = maak_werkmap(tmp_path / "leeg", kleine_aanbesteding())
    schrijf_bod(ws2, "a.xlsx", "A", "11111111", [("B1", "negenduizend", 10, 12, 4, "alle")])
    res = _run("gunning", "--werkmap", str(ws2))
    assert res.exit_code == 2 and not (ws2 / "rapporten").exists()
    assert "Let op: de rapporten" not in res.stderr


def test_markering_van_een_gedode_run_blijft_niet_half_staan(tmp_path: Path) -> None:
    """A run killed while writing the marker in brieven/ leaves its temporary file; the next run removes it (under
    the werkmap lock), so it is never carried over into the new reports."""
    ws = _twee_inschrijvers(tmp_path)
    rest = ws / "rapporten" / "brieven" / f".{MARKERING}-tmp-99999"
    rest.write_text("NIET ACTUEEL - half", encoding="utf-8")
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert not [p.name for p in (ws / "rapporten").rglob(f"*{MARKERING}*")]


def test_markering_die_niet_lukt_verbergt_de_fout_niet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Comparing the inputs fails (an input file that cannot be read: simulated, as test_schrijfwacht simulates a
    full disk): the run's own error is still the one reported, and the note says the reports could not be checked or
    marked."""
    import evaluatie.invoerverschil

    ws = _twee_inschrijvers(tmp_path)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", "negenduizend", 10, 12, 4, "alle")])

    def onleesbaar(*_: object) -> list[str]:
        raise PermissionError(13, "Permission denied", str(ws / "inschrijvingen" / "b.xlsx"))

    monkeypatch.setattr(evaluatie.invoerverschil, "gewijzigde_invoer", onleesbaar)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    uit = _plat(res.output)
    assert "a.xlsx!Percelen!B2: prijs per traject: 'negenduizend' is geen bedrag" in uit, uit
    assert f"Let op: de rapporten in {ws / 'rapporten'} konden niet worden nagegaan of gemarkeerd" in uit, uit
    assert not list((ws / "rapporten").rglob(MARKERING))

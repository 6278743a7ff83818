"""`nieuw` validates everything before writing anything, names the option at fault, and writes whole."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie import schrijfwacht
from evaluatie.cli import main

BASIS = ["--naam", "Inburgering 2026", "--penvoerder", "Gemeente Almere", "--gemeenten", "Almere,Lelystad"]


def _nieuw(map_: Path, *extra: str) -> tuple[int, str]:
    args = ["nieuw", str(map_), *BASIS]
    for i in range(0, len(extra), 2):  # an option given here replaces the one in BASIS
        if extra[i] in args:
            args[args.index(extra[i]) + 1] = extra[i + 1]
        else:
            args += [extra[i], extra[i + 1]]
    res = CliRunner().invoke(main, args)
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output
    return res.exit_code, res.output


def _alles(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


@pytest.mark.parametrize(
    ("optie", "waarde"),
    [
        ("--naam", "Inburgering\x072026"),
        ("--penvoerder", "Gemeente\tAlmere"),
        ("--beoordelaars", "Ada,Br\nam"),
        # U+2028 ends a line for YAML: in the heading comment ('# Aanbesteding <naam>') the rest of the name became a
        # key of the tender, and the tender was written with a day that counts as a holiday that nobody set
        ("--naam", "Inburgering 2026\u2028gelijkgestelde_dagen: [2026-03-02]"),
        ("--penvoerder", "Gemeente Almere\u2029"),
    ],
)
def test_stuurteken_noemt_de_optie_en_schrijft_niets(optie: str, waarde: str, tmp_path: Path) -> None:
    code, uit = _nieuw(tmp_path / "a", optie, waarde)
    assert code == 2
    assert f"{optie}: " in uit and "stuurteken" in uit
    assert "aanbesteding.yaml" not in uit
    assert _alles(tmp_path) == []
    # nothing blocks the next, corrected run
    assert _nieuw(tmp_path / "a")[0] == 0
    assert (tmp_path / "a" / "aanbesteding.yaml").is_file()


@pytest.mark.parametrize(
    ("datum", "tekst"),
    [
        ("2026-02-30", "'2026-02-30' is geen bestaande datum"),
        ("30-01-2026", "verwacht een datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-01; kreeg '30-01-2026'"),
    ],
)
def test_onmogelijke_datum_in_het_nederlands(datum: str, tekst: str, tmp_path: Path) -> None:
    code, uit = _nieuw(tmp_path / "a", "--publicatie", datum)
    assert code == 2 and tekst in uit and "'--publicatie'" in uit
    assert "%Y" not in uit and "does not match" not in uit
    assert _alles(tmp_path) == []


def test_fouten_van_meerdere_opties_tegelijk(tmp_path: Path) -> None:
    code, uit = _nieuw(tmp_path / "a", "--naam", " ", "--sluiting", "2026-01-01", "--publicatie", "2026-02-01")
    assert code == 2 and "--naam:" in uit and "--sluiting:" in uit
    assert _alles(tmp_path) == []


def test_volle_schijf_laat_geen_halve_aanbesteding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The form is written after the YAML: a full disk there leaves nothing, not a werkmap without form."""
    echt = schrijfwacht._schrijf_bestand

    def dubbel(pad: Path, data: bytes) -> None:
        if pad.name.startswith(".inschrijfformulier"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(pad))
        echt(pad, data)

    monkeypatch.setattr(schrijfwacht, "_schrijf_bestand", dubbel)
    code, uit = _nieuw(tmp_path / "a")
    assert code == 2 and "inschrijfformulier.xlsx: kan niet worden geschreven: de schijf is vol" in uit
    assert f"{tmp_path / 'a' / 'inschrijfformulier.xlsx'}:" in uit and "-nieuw-" not in uit, uit  # not the build folder
    assert _alles(tmp_path) == []


def test_lege_map_en_map_met_andere_bestanden(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()
    assert _nieuw(tmp_path / "leeg")[0] == 0
    (tmp_path / "notities").mkdir()
    (tmp_path / "notities" / "lees-mij.txt").write_text("x")
    assert _nieuw(tmp_path / "notities")[0] == 0
    assert {"aanbesteding.yaml", "inschrijfformulier.xlsx", "lees-mij.txt", "inschrijvingen"} <= set(
        _alles(tmp_path / "notities")
    )
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_onschrijfbare_bovenmap(tmp_path: Path) -> None:
    boven = tmp_path / "boven"
    boven.mkdir()
    if subprocess.run(["chattr", "+i", str(boven)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i werkt niet op dit bestandssysteem")
    try:
        code, uit = _nieuw(boven / "a")
        assert code == 2 and "kan niet worden geschreven: schrijven is niet toegestaan" in uit
    finally:
        subprocess.run(["chattr", "-i", str(boven)], check=True)
    assert _alles(boven) == []


def test_bouwmap_van_gedode_nieuw_wordt_opgeruimd(tmp_path: Path) -> None:
    proces = subprocess.Popen(["sleep", "0"])
    proces.wait()  # a process id that no longer runs
    rest = tmp_path / f".a-nieuw-{proces.pid}"
    (rest / "inschrijvingen").mkdir(parents=True)
    (rest / "aanbesteding.yaml").write_text("half")
    assert _nieuw(tmp_path / "a")[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a"]


def test_gelijktijdige_nieuw_in_dezelfde_map_overschrijft_niets(tmp_path: Path) -> None:
    """Three real processes create a tender in the same new folder at once: exactly one succeeds and the
    folder holds its tender; the others exit 2 saying so, and none replaces what another wrote."""
    import sys

    omgeving = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    for ronde in range(3):
        map_ = tmp_path / f"ronde{ronde}"
        processen = [
            subprocess.Popen(
                [sys.executable, "-m", "evaluatie", "nieuw", str(map_), *BASIS[:1], f"Inkoop {i}", *BASIS[2:]],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=omgeving,
            )
            for i in range(3)
        ]
        uitkomsten = [(p.wait(timeout=300), p.communicate()) for p in processen]
        gelukt = [i for i, (code, _) in enumerate(uitkomsten) if code == 0]
        assert len(gelukt) == 1, uitkomsten
        for i, (code, (_, fout)) in enumerate(uitkomsten):
            assert "Traceback" not in fout
            if i not in gelukt:
                assert code == 2 and ("overschrijft niets" in fout or "er is niets overschreven" in fout), fout
        assert f"naam: Inkoop {gelukt[0]}\n" in (map_ / "aanbesteding.yaml").read_text(encoding="utf-8")
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]

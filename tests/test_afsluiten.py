"""The process entry ends without Python's teardown (evaluatie.afsluiten), and loses nothing by it.

Each process test runs the same command once in this process (CliRunner: `main`, which raises SystemExit as always)
and once as a real process (`python -m evaluatie`, the entry the console script also takes), and demands the same
exit code, the same stdout and stderr and the same files, byte for byte."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import tomllib
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie.afsluiten import als_proces
from evaluatie.cli import main
from tests.hulp import kopieer_voorbeeld

REPO = Path(__file__).resolve().parents[1]
TIJD = {"SOURCE_DATE_EPOCH": "1775000000"}


def _als_proces(*argumenten: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "evaluatie", *argumenten],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={**os.environ, **TIJD},
    )


def _bestanden(map_: Path) -> dict[str, bytes]:
    return {str(p.relative_to(map_)): p.read_bytes() for p in sorted(map_.rglob("*")) if p.is_file()}


def _zonder_tijd_en_map(regel: str, map_: Path) -> str:
    """A logboek line without what differs between two runs (the moment) or two copies (the folder), and without the
    commit, which the test compares on its own (_commit_nu)."""
    import json

    data = json.loads(regel)
    del data["tijd"], data["commit"]
    return json.dumps(data, sort_keys=True).replace(str(map_), "MAP")


def _commit_nu() -> str | None:
    """The commit of the code as logboek.code_commit gives it now, not as it cached it earlier in the session: a
    commit (or an edit of evaluatie/) in this checkout while the suite runs would differ from that."""
    from evaluatie import logboek

    logboek.code_commit.cache_clear()
    return logboek.code_commit()


def test_de_opdrachtregel_neemt_de_procesingang() -> None:
    """The console script and `python -m evaluatie` both enter through opdrachtregel, never main itself."""
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"evaluatie": "evaluatie.cli:opdrachtregel"}
    assert "opdrachtregel()" in (REPO / "evaluatie" / "__main__.py").read_text()


def test_gunning_als_proces_schrijft_alles_wat_de_bibliotheek_schrijft(voorbeeld: Path, tmp_path: Path) -> None:
    import json

    tweede = kopieer_voorbeeld(voorbeeld, tmp_path / "tweede")
    voor = _commit_nu()  # the in-process run notes this (code_commit's cached answer)
    binnen = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld)], env=TIJD)
    proces = _als_proces("gunning", "--werkmap", str(tweede))
    na = _commit_nu()
    assert binnen.exit_code == proces.returncode == 0, proces.stderr
    assert proces.stdout == binnen.stdout.replace(str(voorbeeld), str(tweede))
    assert proces.stderr == binnen.stderr
    assert "Rapporten: 39 bestanden" in proces.stdout
    assert _bestanden(tweede / "rapporten") == _bestanden(voorbeeld / "rapporten")
    regels = [
        (tweede / "logboek.jsonl").read_text().splitlines(),
        (voorbeeld / "logboek.jsonl").read_text().splitlines(),
    ]
    assert len(regels[0]) == len(regels[1]) == 1
    assert _zonder_tijd_en_map(regels[0][0], tweede) == _zonder_tijd_en_map(regels[1][0], voorbeeld)
    # the same commit when the checkout did not change meanwhile (voor == na); a commit that lands while the process
    # runs may show in the process's own git call, and nothing else may
    assert json.loads(regels[1][0])["commit"] == voor
    assert json.loads(regels[0][0])["commit"] in {voor, na}


def test_fouten_in_de_invoer_als_proces_allemaal_met_afsluitcode_2(voorbeeld: Path, tmp_path: Path) -> None:
    (voorbeeld / "inschrijvingen" / "kompas.xlsx").write_bytes(b"geen werkmap")
    formulier = sorted((voorbeeld / "beoordelingen").iterdir())[0]
    formulier.write_bytes(b"x")
    tweede = kopieer_voorbeeld(voorbeeld, tmp_path / "tweede")
    binnen = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld)], env=TIJD)
    proces = _als_proces("gunning", "--werkmap", str(tweede))
    assert binnen.exit_code == proces.returncode == 2
    # the unreadable form also means no scores of that reviewer count: said as when the bids are readable
    assert "Fouten in de invoer (3):" in proces.stderr
    assert "kompas.xlsx: geen Excel-werkmap (.xlsx)" in proces.stderr
    assert f"{formulier.name}: geen Excel-werkmap (.xlsx)" in proces.stderr
    assert f"{formulier.name}: het formulier met de bestandsnaam van " in proces.stderr
    assert (proces.stdout, proces.stderr) == (binnen.stdout, binnen.stderr)
    assert not (tweede / "rapporten").exists()


def test_gunning_laat_geen_open_bestand_aan_het_opruimen_over(voorbeeld: Path) -> None:
    """What the process entry no longer does at the end (collect the heap once more) closes no file evaluatie
    wrote: every one is closed before the command returns (a file closed only by the collector warns)."""
    gc.collect()
    with warnings.catch_warnings(record=True) as gezien:
        warnings.simplefilter("always", ResourceWarning)
        res = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld)], env=TIJD)
        gc.collect()
    assert res.exit_code == 0, res.output
    assert [str(w.message) for w in gezien if issubclass(w.category, ResourceWarning)] == []


_KIND = """
import atexit, sys, threading, time
from pathlib import Path
from evaluatie.afsluiten import als_proces
uit = Path(sys.argv[1])
atexit.register(lambda: (uit / "atexit").write_text("gedaan"))
def draad():
    time.sleep(0.3)
    (uit / "draad").write_text("klaar")
if sys.argv[2] == "draad":
    threading.Thread(target=draad).start()
def hoofd():
    sys.stdout.write("zonder regeleinde")  # a pipe: block-buffered, still in the buffer
    sys.stderr.write("fout")
    sys.exit(int(sys.argv[3]) if sys.argv[3].isdigit() else sys.argv[3])
als_proces(hoofd)
"""


@pytest.mark.parametrize("code", ["0", "7", "2"])
def test_procesingang_leegt_de_uitvoer_en_draait_atexit(tmp_path: Path, code: str) -> None:
    res = subprocess.run([sys.executable, "-c", _KIND, str(tmp_path), "-", code], capture_output=True, text=True)
    assert res.returncode == int(code)
    assert (res.stdout, res.stderr) == ("zonder regeleinde", "fout")
    assert (tmp_path / "atexit").read_text() == "gedaan"


def test_procesingang_wacht_op_een_lopende_thread(tmp_path: Path) -> None:
    """Another thread still running: the normal exit, which waits for it, then runs the handlers."""
    res = subprocess.run([sys.executable, "-c", _KIND, str(tmp_path), "draad", "3"], capture_output=True, text=True)
    assert res.returncode == 3
    assert (tmp_path / "draad").read_text() == "klaar"
    assert (tmp_path / "atexit").read_text() == "gedaan"
    assert (res.stdout, res.stderr) == ("zonder regeleinde", "fout")


def test_procesingang_met_een_tekst_als_code_zoals_python(tmp_path: Path) -> None:
    """sys.exit('tekst'): Python prints the text on stderr and exits with 1, as it always did."""
    res = subprocess.run([sys.executable, "-c", _KIND, str(tmp_path), "-", "stop"], capture_output=True, text=True)
    assert res.returncode == 1
    assert res.stderr == "foutstop\n"


def test_in_dit_proces_met_een_andere_thread_gewoon_systemexit() -> None:
    """With a thread alive, als_proces raises SystemExit with the code (so a test can call it at all)."""
    los = threading.Event()
    draad = threading.Thread(target=los.wait)
    draad.start()
    try:
        with pytest.raises(SystemExit) as e:
            als_proces(lambda: sys.exit(5))
        assert e.value.code == 5
    finally:
        los.set()
        draad.join()

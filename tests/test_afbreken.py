"""What a stopped command (SIGTERM from a scheduler's timeout or a service stop, SIGKILL) left in the system's temp
folder is removed by the next one.

`controleer` reproduces the award in a copy of the werkmap's inputs in the temp folder: every bid with its prices and
every review form. A process killed while it ran ended without any clean-up, and the copy stayed there for good. A
real process, killed as soon as its copy exists (found by polling, no timing)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie.cli import main

_OMGEVING = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}


@pytest.mark.parametrize("sein", [signal.SIGTERM, signal.SIGKILL])
def test_kopie_van_een_gestopte_controle_wordt_opgeruimd(
    voorbeeld: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sein: signal.Signals
) -> None:
    assert CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld)]).exit_code == 0
    tijdelijk = tmp_path / "tmp"
    tijdelijk.mkdir()
    omgeving = {**_OMGEVING, "TMPDIR": str(tijdelijk)}

    def kopie() -> list[Path]:
        return [p for p in tijdelijk.iterdir() if p.name.startswith("evaluatie-controle-")]

    proces = subprocess.Popen(
        [sys.executable, "-m", "evaluatie", "controleer", "--werkmap", str(voorbeeld)],
        env=omgeving,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while not kopie():
            assert proces.poll() is None, "de controle was klaar voordat ze kon worden gestopt"
            time.sleep(0.005)
        proces.send_signal(sein)
        proces.wait(timeout=60)
    finally:
        if proces.poll() is None:
            proces.kill()
            proces.wait()
    achtergelaten = kopie()
    monkeypatch.setenv("TMPDIR", str(tijdelijk))
    monkeypatch.setattr("tempfile.tempdir", None)
    res = CliRunner().invoke(main, ["controleer", "--werkmap", str(voorbeeld)])
    assert res.exit_code == 0, res.output
    assert all(not p.exists() for p in achtergelaten)
    assert kopie() == []

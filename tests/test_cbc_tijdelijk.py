"""CBC's files in the temp folder: gone after every solve, also a failed or an interrupted one.

PuLP writes the model (.mps), a start (.mst) and the solution (.sol) of each CBC solve into the system's temp
folder and removes them only after a solve that succeeded. The tests put a stand-in for the bundled CBC in its place
(a script that stops with an error, or that waits), so the failure and the interruption are real and immediate."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pulp
import pytest

from evaluatie.verdeling import matrix, status


def _nep_cbc(map_: Path, inhoud: str) -> Path:
    pad = map_ / "cbc"
    pad.write_text("#!/bin/sh\n" + inhoud + "\n")
    pad.chmod(0o755)
    return pad


def _probleem() -> pulp.LpProblem:
    prob = pulp.LpProblem("proef", pulp.LpMaximize)
    x = prob.add_variable("x", 0, 3, cat="Integer")
    prob += x <= 2, "r1"
    prob.setObjective(pulp.LpAffineExpression([(x, 1)]))
    return prob


@pytest.fixture
def tijdelijk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temp folder, as PuLP and `tempfile` see it, is a fresh folder of this test."""
    map_ = tmp_path / "tmp"
    map_.mkdir()
    monkeypatch.setenv("TMPDIR", str(map_))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return map_


def test_cbc_met_een_fout_laat_geen_bestanden_achter(
    tijdelijk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CBC that stops with an error (PulpSolverError, as the bundled CBC did on the national seed 6): the solve is
    an Oplosserfout as before, and its model file no longer stays in the temp folder."""
    monkeypatch.setattr(pulp.PULP_CBC_CMD, "pulp_cbc_path", str(_nep_cbc(tmp_path, "exit 1")))
    with pytest.raises(status.Oplosserfout):
        matrix.los_cbc(_probleem(), None)
    assert sorted(os.listdir(tijdelijk)) == []


_ONDERBROKEN = textwrap.dedent(
    """
    import sys
    import pulp
    from evaluatie.verdeling import matrix
    sys.path.insert(0, sys.argv[2])
    from test_cbc_tijdelijk import _probleem

    pulp.PULP_CBC_CMD.pulp_cbc_path = sys.argv[1]
    matrix.los_cbc(_probleem(), None)
    """
)


@pytest.mark.parametrize("sein", [signal.SIGINT, signal.SIGTERM])
def test_onderbroken_cbc_laat_niets_achter(tijdelijk: Path, tmp_path: Path, sein: signal.Signals) -> None:
    """Ctrl-C (SIGINT) or a stop (SIGTERM) while CBC runs: no model file stays in the temp folder, and CBC itself
    does not go on in the background (a large model without a time limit ran for minutes, writing its .sol)."""
    pidbestand = tmp_path / "cbc.pid"
    # waits with CBC's command line (the model's path in the temp folder), as the bundled CBC does while it solves
    cbc = _nep_cbc(tmp_path, f'echo $$ > "{pidbestand}"\nexec "{sys.executable}" -c "import time; time.sleep(30)" "$@"')
    proces = subprocess.Popen(
        [sys.executable, "-c", _ONDERBROKEN, str(cbc), str(Path(__file__).parent)],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(200):  # CBC started: the stand-in wrote its pid
        if pidbestand.is_file() and pidbestand.read_text().strip():
            break
        time.sleep(0.05)
    cbc_pid = int(pidbestand.read_text())
    assert [p for p in os.listdir(tijdelijk) if "pulp" in p or "cbc" in p]  # the model is written and in use
    proces.send_signal(sein)
    proces.communicate(timeout=20)
    assert proces.returncode != 0
    try:
        os.kill(cbc_pid, 0)
        toestand = Path(f"/proc/{cbc_pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        nog_bezig = toestand != "Z"  # a zombie has ended
    except ProcessLookupError:
        nog_bezig = False
    if nog_bezig:
        os.kill(cbc_pid, signal.SIGKILL)
    assert not nog_bezig, "CBC draait nog na het afbreken"
    assert sorted(os.listdir(tijdelijk)) == []

"""stdout that cannot take the output: a reader that went away (`| head`), a full disk, a closed descriptor.

Real processes (`python -m evaluatie`) with their stdout on a pipe whose reader is gone, on /dev/full and closed;
the command does its work either way and says in words what happened to its output, never with a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evaluatie import slot

_OMGEVING = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}


def _evaluatie(werkmap: Path, *args: str, **kanalen: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "evaluatie", *args, "--werkmap", str(werkmap)],
        env=_OMGEVING,
        stderr=subprocess.PIPE,
        **kanalen,  # type: ignore[call-overload]
    )


def _gunningen(werkmap: Path) -> int:
    regels = (werkmap / "logboek.jsonl").read_text(encoding="utf-8").splitlines()
    return sum(json.loads(r)["commando"] == "gunning" for r in regels)


@pytest.mark.parametrize("commando", [["toets"], ["gunning", "--geen-rapport"]])
def test_lezer_weg_is_geen_invoerfout(voorbeeld: Path, commando: list[str]) -> None:
    """`evaluatie gunning | head` with more output than head reads: the award was done and logged, but the command
    ended with exit 2 and 'Fouten in de invoer (1): bestandsfout: fout van het besturingssysteem (EPIPE)', an input
    error without a place (toets: exit 1 and no word). The reader wants no more: the rest is left unprinted and the
    exit code is the command's own."""
    lees, schrijf = os.pipe()
    os.close(lees)  # the reader is gone before the first line
    try:
        res = _evaluatie(voorbeeld, *commando, stdout=schrijf)
    finally:
        os.close(schrijf)
    fout = res.stderr.decode()
    assert res.returncode == 0, fout
    assert "Fouten in de invoer" not in fout and "Traceback" not in fout and "EPIPE" not in fout, fout
    assert _gunningen(voorbeeld) == (1 if commando[0] == "gunning" else 0)


def test_volle_schijf_op_stdout(voorbeeld: Path) -> None:
    """stdout to a full disk (/dev/full): a traceback ending in 'OSError: [Errno 28]'; now exit 2 naming stdout and
    the reason in Dutch, the command's own work (the logboek) done."""
    if not Path("/dev/full").exists():
        pytest.skip("geen /dev/full op dit systeem")
    with open("/dev/full", "wb") as vol:
        res = _evaluatie(voorbeeld, "gunning", "--geen-rapport", stdout=vol)
    fout = res.stderr.decode()
    assert res.returncode == 2, fout
    assert "Traceback" not in fout
    assert "stdout: kan niet worden geschreven: de schijf is vol" in fout, fout
    assert _gunningen(voorbeeld) == 1


def test_gesloten_stdout(voorbeeld: Path) -> None:
    """stdout closed (`evaluatie gunning >&-`, a service without output): an AttributeError traceback before
    anything was done; and a file opened then could get descriptor 1, where HiGHS prints its banner. Now the award
    is done as ever (exit 0), without output, and the lock file holds only the process number."""
    res = _evaluatie(voorbeeld, "gunning", "--geen-rapport", preexec_fn=lambda: os.close(1))
    fout = res.stderr.decode()
    assert res.returncode == 0, fout
    assert "Traceback" not in fout
    assert _gunningen(voorbeeld) == 1
    assert (voorbeeld / slot.BESTAND).read_text().strip().isdigit()


def test_volle_schijf_op_stderr(voorbeeld: Path, tmp_path: Path) -> None:
    """stderr to a full disk (`2> log.txt` on a full disk): the award's 'Let op' line could not be written and a done
    and logged award ended with exit 1; a usage error with exit 1 instead of 2. Nothing can be said anywhere else,
    so the exit code is the command's own."""
    if not Path("/dev/full").exists():
        pytest.skip("geen /dev/full op dit systeem")
    with open("/dev/full", "wb") as vol:
        gunning = subprocess.run(
            [sys.executable, "-m", "evaluatie", "gunning", "--geen-rapport", "--werkmap", str(voorbeeld)],
            env=_OMGEVING,
            stdout=subprocess.DEVNULL,
            stderr=vol,
        )
        fout = subprocess.run(
            [sys.executable, "-m", "evaluatie", "toets", "--werkmap", str(tmp_path / "bestaat-niet")],
            env=_OMGEVING,
            stdout=subprocess.DEVNULL,
            stderr=vol,
        )
    assert gunning.returncode == 0 and _gunningen(voorbeeld) == 1
    assert fout.returncode == 2

"""Ctrl-C while the command line is still loading (its first ~0.1 s) printed a traceback of Python's import machinery
and ended by the signal; it now ends as Ctrl-C during a command does: an empty line and 'Afgebroken.' on stderr, exit
code 1 (evaluatie.onderbreking).

No clock: a `sitecustomize` on PYTHONPATH puts a finder in front of Python's import system that sends this process
SIGINT at the N-th module it looks up once the package has started loading (N from a seeded draw), as a real Ctrl-C
at that moment would. Its own lookup of the module that installs the handling is the one moment left out: what runs
before that line cannot be reached from the package (see the module)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hulp import kopieer_voorbeeld

REPO = Path(__file__).resolve().parents[1]
SITECUSTOMIZE = """
import os, signal, sys

_NA = int(os.environ["ONDERBREEK_NA"])


class _Onderbreek:
    geteld = 0

    @classmethod
    def find_spec(cls, naam, pad=None, doel=None):
        if "evaluatie" in sys.modules and naam != "evaluatie.onderbreking":
            cls.geteld += 1
            if cls.geteld == _NA:
                os.kill(os.getpid(), signal.SIGINT)
        return None


sys.meta_path.insert(0, _Onderbreek)
"""
SCRIPT = Path(sys.executable).parent / "evaluatie"  # the console script next to this Python, where installed
INGANGEN = [[sys.executable, "-m", "evaluatie"], *([[str(SCRIPT)]] if SCRIPT.is_file() else [])]


def _onderbroken(
    na: int, ingang: list[str], werkmap: Path, hook: Path, *extra: str
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(hook), "ONDERBREEK_NA": str(na)}
    env.pop("EVALUATIE_PROCESSEN", None)
    return subprocess.run(
        [*ingang, "gunning", "--werkmap", str(werkmap), *extra],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env=env,
    )


@pytest.fixture
def hook(tmp_path: Path) -> Path:
    map_ = tmp_path / "hook"
    map_.mkdir()
    (map_ / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    return map_


@pytest.mark.parametrize("ingang", INGANGEN, ids=lambda i: "script" if len(i) == 1 else "python -m")
def test_ctrl_c_tijdens_het_laden_zegt_afgebroken(
    ingang: list[str], hook: Path, voorbeeld_bron: Path, tmp_path: Path
) -> None:
    werkmap = kopieer_voorbeeld(voorbeeld_bron, tmp_path / "ws")
    momenten = sorted(random.Random(112).sample(range(1, 120), 6))  # the command line looks up well over 120
    for na in [1, 2, *momenten]:
        r = _onderbroken(na, ingang, werkmap, hook)
        assert "Traceback" not in r.stderr, (na, r.stderr)
        assert (r.returncode, r.stderr.strip()) == (1, "Afgebroken."), (na, r.stderr)
        assert r.stdout == ""
    assert not (werkmap / "rapporten").exists()  # interrupted before the award wrote anything


def test_met_json_het_ene_document(hook: Path, voorbeeld_bron: Path, tmp_path: Path) -> None:
    werkmap = kopieer_voorbeeld(voorbeeld_bron, tmp_path / "ws")
    r = _onderbroken(3, INGANGEN[0], werkmap, hook, "--json")
    assert (r.returncode, r.stderr.strip()) == (1, "Afgebroken.")
    assert json.loads(r.stdout) == {"fouten": [{"plaats": "", "bericht": "afgebroken"}]}


def test_als_bibliotheek_blijft_python_zijn_eigen_gang_gaan() -> None:
    """`import evaluatie` in a program of one's own leaves sys.excepthook alone: a Ctrl-C there is that program's."""
    r = subprocess.run(
        [sys.executable, "-c", "import sys, evaluatie; print(sys.excepthook is sys.__excepthook__)"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert r.stdout.strip() == "True", r.stderr

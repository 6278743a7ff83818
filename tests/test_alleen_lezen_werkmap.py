"""An auditor's archived copy of a werkmap is read-only: `controleer` writes nothing there (it reproduces the award
in a copy) but refused it (exit 2), because it takes the werkmap's lock and the lock file cannot be made. It now goes
on without the lock and says so; a command that writes (`gunning`, also `toets`, which logs) still refuses. The read-only filesystem is made by
refusing the lock file's open with EROFS (tests run as root, for whom chmod does not take away the right to write)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import REPO, kopieer_voorbeeld


@pytest.fixture
def archief(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    ws = kopieer_voorbeeld(REPO / "bids" / "voorbeeld", tmp_path / "ws")
    assert CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)]).exit_code == 0
    (ws / ".evaluatie.lock").unlink()
    echt = os.open

    def open_(pad, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(pad).endswith(".evaluatie.lock"):
            raise OSError(errno.EROFS, "Read-only file system", str(pad))
        return echt(pad, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    return ws


def test_controleer_werkt_op_een_alleen_lezen_werkmap(archief: Path) -> None:
    res = CliRunner().invoke(main, ["controleer", "--werkmap", str(archief)])
    assert res.exit_code == 0, res.output
    assert "is voor deze gebruiker alleen-lezen" in res.stderr and "zonder het slot van de werkmap" in res.stderr
    assert "In orde" in res.output  # the award was reproduced in a copy, byte for byte
    assert not (archief / ".evaluatie.lock").exists()


@pytest.mark.parametrize("commando", ["gunning", "toets"])
def test_schrijvende_commandos_weigeren_een_alleen_lezen_werkmap(archief: Path, commando: str) -> None:
    res = CliRunner().invoke(main, [commando, "--werkmap", str(archief)])
    assert res.exit_code == 2
    assert ".evaluatie.lock" in res.output or "kan niet worden geschreven" in res.output

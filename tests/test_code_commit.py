"""logboek.code_commit: the commit of the running code and whether evaluatie/ differs from it, from one git call."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from evaluatie.logboek import code_commit

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git ontbreekt")


def _git(map_: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(map_), *args], capture_output=True, text=True, check=True).stdout.strip()


def _repo(tmp_path: Path) -> Path:
    """A git repository with one file under evaluatie/ (not yet committed)."""
    repo = tmp_path / "repo"
    (repo / "evaluatie").mkdir(parents=True)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.nl")
    _git(repo, "config", "user.name", "t")
    (repo / "evaluatie" / "a.py").write_text("x = 1\n")
    return repo


def test_commit_en_wijziging(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    (repo / "README.md").write_text("a\n")
    assert code_commit.__wrapped__(repo) is None  # no commit yet
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "een")
    kop = _git(repo, "rev-parse", "HEAD")
    assert code_commit.__wrapped__(repo) == kop
    (repo / "README.md").write_text("b\n")  # outside evaluatie/: the code is unchanged
    (repo / "evaluatie" / "nieuw.py").write_text("y = 2\n")  # untracked: not counted, as before
    assert code_commit.__wrapped__(repo) == kop
    (repo / "evaluatie" / "a.py").write_text("x = 2\n")
    assert code_commit.__wrapped__(repo) == f"{kop}+gewijzigd"
    _git(repo, "add", "evaluatie/a.py")  # staged counts as well
    assert code_commit.__wrapped__(repo) == f"{kop}+gewijzigd"
    _git(repo, "commit", "-qm", "twee")
    assert code_commit.__wrapped__(repo) == _git(repo, "rev-parse", "HEAD")


def test_geen_git_checkout(tmp_path: Path) -> None:
    assert code_commit.__wrapped__(tmp_path) is None


def test_vooraf_gestart_zelfde_antwoord(tmp_path: Path) -> None:
    """start_code_commit starts the git call ahead; code_commit collects it and answers as when it runs git itself."""
    from evaluatie import logboek

    repo = _repo(tmp_path)
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "een")
    kop = _git(repo, "rev-parse", "HEAD")
    for inhoud, verwacht in (("x = 1\n", kop), ("x = 2\n", f"{kop}+gewijzigd")):
        (repo / "evaluatie" / "a.py").write_text(inhoud)
        logboek._BEANTWOORD.discard(repo)
        logboek.start_code_commit(repo)
        assert repo in logboek._VOORAF
        assert code_commit.__wrapped__(repo) == verwacht == code_commit.__wrapped__(repo)  # ahead, then itself
        assert repo not in logboek._VOORAF
    logboek.start_code_commit(repo)  # answered once: code_commit's answer is cached, nothing is started
    assert repo not in logboek._VOORAF
    logboek.start_code_commit(tmp_path)  # no git checkout: nothing started
    assert tmp_path not in logboek._VOORAF


def test_mislukte_gunning_laat_geen_git_proces_achter(voorbeeld: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The git call started with the award is waited for also when the award fails before the logboek entry."""
    from click.testing import CliRunner

    from evaluatie import logboek
    from evaluatie.cli import main

    bron = Path(logboek.__file__).resolve().parent.parent
    if not (bron / ".git").exists():
        pytest.skip("de code staat niet in een git-checkout")
    gestart: list[Path] = []
    echt = logboek.start_code_commit

    def start(b: Path | None = None) -> None:
        echt(b)
        gestart.extend(logboek._VOORAF)

    monkeypatch.setattr(logboek, "start_code_commit", start)
    monkeypatch.setattr(logboek, "_BEANTWOORD", set())
    code_commit.cache_clear()
    (voorbeeld / "aanbesteding.yaml").write_text("naam: [onaf\n", encoding="utf-8")
    uit = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld)])
    assert uit.exit_code == 2, uit.output
    assert gestart == [bron]  # it was started ahead ...
    assert not logboek._VOORAF  # ... and collected although nothing was logged
    assert not (voorbeeld / "logboek.jsonl").exists()

"""The logboek is written by the library: an API run leaves the same trace as the CLI run.
A damaged line is named with its number and skipped; the good lines still serve."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie import __version__, pipeline
from evaluatie.cli import main
from evaluatie.logboek import code_commit, lees
from evaluatie.werkmap import Werkmap


def _bestanden(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _regels(root: Path) -> list[dict[str, object]]:
    regels = [json.loads(r) for r in (root / "logboek.jsonl").read_text(encoding="utf-8").splitlines()]
    for r in regels:
        r.pop("tijd")  # the wall-clock moment of writing, the one field that must differ
    return regels


def test_api_en_cli_schrijven_dezelfde_bestanden_en_logboekregels(
    voorbeeld: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    api = tmp_path / "api"
    shutil.copytree(voorbeeld, api)
    cli = CliRunner()
    zet = "percelen.Z.verdeling.max_aandeel=0.5"
    for args in (
        ["toets"],
        ["beoordelingen"],
        ["gunning", "--lots", "Z"],
        ["zekerheid", "--lots", "Z"],
        ["scenario", "--lots", "Z", "--zet", zet],
        ["rapport", "--lots", "Z"],
    ):
        res = cli.invoke(main, [args[0], "--werkmap", str(voorbeeld), *args[1:]])
        assert res.exit_code == 0, res.output
    wm = Werkmap(api)
    pipeline.toets(wm)
    pipeline.beoordelingen(wm)
    run = pipeline.gun_en_schrijf(wm, "Z")
    assert not run.open_punten
    pipeline.zekerheid(wm, "Z", trekkingen=10_000)
    pipeline.scenario(wm, [zet], "Z")
    assert not pipeline.gun_en_schrijf(wm, "Z", commando="rapport").open_punten

    assert _bestanden(api).keys() == _bestanden(voorbeeld).keys()
    verschil = [n for n, b in _bestanden(api).items() if n != "logboek.jsonl" and b != _bestanden(voorbeeld)[n]]
    assert verschil == []
    assert _regels(api) == _regels(voorbeeld)
    assert [r["commando"] for r in _regels(api)] == [
        "toets",
        "beoordelingen",
        "gunning",
        "zekerheid",
        "scenario",
        "rapport",
    ]


def test_regel_noemt_versie_en_commit(voorbeeld: Path) -> None:
    pipeline.toets(Werkmap(voorbeeld))
    regel = lees(Werkmap(voorbeeld)).regels[-1]
    assert regel["versie"] == __version__
    commit = code_commit()
    assert regel["commit"] == commit
    if (Path(pipeline.__file__).resolve().parent.parent / ".git").exists():
        assert commit is not None
        assert len(commit.split("+")[0]) == 40  # the full hash of HEAD, '+gewijzigd' when the code differs


def test_commit_is_die_van_de_code_ook_met_git_dir_in_de_omgeving(voorbeeld: Path, tmp_path: Path) -> None:
    """A command run with GIT_DIR set (inside a git hook, or a werkmap kept in a repository of its own with
    GIT_DIR/GIT_WORK_TREE exported): the logboek named the commit of that other repository as the code that ran,
    and `controleer` then said the code had changed. The commit is the code's own, whatever the environment."""
    code = Path(pipeline.__file__).resolve().parent.parent
    if not (code / ".git").exists() or shutil.which("git") is None:
        pytest.skip("de code staat niet in een git-checkout")
    ander = tmp_path / "ander"
    ander.mkdir()
    schoon = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    for opdracht in (
        ["init", "-q"],
        ["-c", "user.name=x", "-c", "user.email=x@x", "commit", "-q", "--allow-empty", "-m", "x"],
    ):
        subprocess.run(["git", "-C", str(ander), *opdracht], check=True, env=schoon)
    vreemd = subprocess.run(
        ["git", "-C", str(ander), "rev-parse", "HEAD"], check=True, capture_output=True, text=True, env=schoon
    ).stdout.strip()
    eigen = subprocess.run(
        ["git", "-C", str(code), "rev-parse", "HEAD"], check=True, capture_output=True, text=True, env=schoon
    ).stdout.strip()
    res = subprocess.run(
        [sys.executable, "-m", "evaluatie", "toets", "--werkmap", str(voorbeeld)],
        env={**schoon, "PYTHONPATH": str(code), "GIT_DIR": str(ander / ".git"), "GIT_WORK_TREE": str(ander)},
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stderr
    commit = lees(Werkmap(voorbeeld)).regels[-1]["commit"]
    assert commit is not None and commit.split("+")[0] == eigen != vreemd


def _beschadig(root: Path) -> None:
    """A crash during an append leaves half a line behind (no newline): here after a good award."""
    pad = root / "logboek.jsonl"
    with open(pad, "a", encoding="utf-8") as f:
        f.write('{"tijd": "2026-01-01T00:00:00Z", "commando": "gunn')


@pytest.mark.parametrize("commando", ["gunning", "rapport"])
def test_beschadigde_regel_bij_gunning_en_rapport(voorbeeld: Path, commando: str) -> None:
    cli = CliRunner()
    assert cli.invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--lots", "Z"]).exit_code == 0
    _beschadig(voorbeeld)
    res = cli.invoke(main, [commando, "--werkmap", str(voorbeeld), "--lots", "Z"])
    assert res.exit_code == 0, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert "Traceback" not in res.output
    assert "logboek.jsonl regel 2 is beschadigd en overgeslagen: geen geldige JSON" in res.stderr
    # the new entry is appended on a line of its own: the damaged line stays the only bad one
    boek = lees(Werkmap(voorbeeld))
    assert [r["commando"] for r in boek.regels] == ["gunning", commando]
    assert len(boek.beschadigd) == 1
    assert cli.invoke(main, ["controleer", "--werkmap", str(voorbeeld)]).exit_code == 0


def test_beschadigde_regel_bij_controleer_werkt_met_de_goede_regels(voorbeeld: Path) -> None:
    cli = CliRunner()
    assert cli.invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--lots", "Z"]).exit_code == 0
    pad = voorbeeld / "logboek.jsonl"
    goed = pad.read_text(encoding="utf-8")
    pad.write_text("niet-json\n" + goed + '{"commando": "gunning"}\n', encoding="utf-8")
    res = cli.invoke(main, ["controleer", "--werkmap", str(voorbeeld)])
    assert res.exit_code == 0, res.output
    assert "Traceback" not in res.output
    assert "logboek.jsonl regel 1 is beschadigd en overgeslagen: geen geldige JSON" in res.stderr
    assert (
        "logboek.jsonl regel 3 is beschadigd en overgeslagen: onvolledig: tijd, opties, invoer, uitvoer" in res.stderr
    )
    assert "In orde: alle" in res.stdout


def test_alleen_beschadigde_regels_is_geen_gunning_maar_geen_traceback(voorbeeld: Path) -> None:
    (voorbeeld / "logboek.jsonl").write_bytes(b'{"tijd": \xff\n')
    res = CliRunner().invoke(main, ["controleer", "--werkmap", str(voorbeeld)])
    assert res.exit_code == 1
    assert "regel 1 is beschadigd" in res.stderr
    assert "bevat nog geen gunning" in res.stderr


def test_beschadigde_regel_via_de_api_staat_in_de_notities(voorbeeld: Path) -> None:
    wm = Werkmap(voorbeeld)
    pipeline.gun_en_schrijf(wm, "Z", rapporten=False)
    _beschadig(voorbeeld)
    run = pipeline.gun_en_schrijf(wm, "Z", rapporten=False)
    assert any(n.startswith("logboek.jsonl regel 2 is beschadigd en overgeslagen") for n in run.notities)
    assert [r["commando"] for r in lees(wm).regels] == ["gunning", "gunning"]


def test_gunning_json_die_het_logboek_niet_kent_staat_eenmaal_als_let_op(voorbeeld: Path) -> None:
    """A gunning.json changed by hand: the next award says so once, 'Let op: rapporten/gunning.json is niet ...'
    (it said 'Let op: Let op: ...': the note carried its own prefix and the terminal added another)."""
    assert CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--geen-rapport"]).exit_code == 0
    pad = voorbeeld / "rapporten" / "gunning.json"
    pad.write_bytes(pad.read_bytes() + b"\n")
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--geen-rapport"])
    assert res.exit_code == 0, res.output
    assert "Let op: rapporten/gunning.json is niet het bestand dat de laatste gunning in het logboek schreef" in (
        res.output
    )
    assert "Let op: Let op:" not in res.output


def test_controleer_met_een_gelogd_perceel_dat_er_niet_meer_is(voorbeeld: Path) -> None:
    """The logged award ran with --lots for a lot the tender no longer has under that code (renamed in
    aanbesteding.yaml, or a ' ' that named no lot when that was still taken): controleer ended in a ValueError
    traceback. It now says the award cannot be run again, with the reason, under 'Niet gereproduceerd' (exit 1)."""
    cli = CliRunner()
    assert cli.invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--lots", "Z"]).exit_code == 0
    pad = voorbeeld / "logboek.jsonl"
    regel = json.loads(pad.read_text(encoding="utf-8"))
    regel["opties"]["lots"] = "X9"
    pad.write_text(json.dumps(regel, ensure_ascii=False) + "\n", encoding="utf-8")
    res = cli.invoke(main, ["controleer", "--werkmap", str(voorbeeld)])
    assert res.exit_code == 1, res.output
    assert not isinstance(res.exception, ValueError)
    assert (
        "de gunning kan niet opnieuw worden uitgevoerd: --lots: onbekend perceel X9; geldige codes: B1, onderwijs, Z"
        in res.stdout
    )


def test_controleer_met_een_map_als_logboek(voorbeeld: Path) -> None:
    """logboek.jsonl as a folder (an archive unpacked oddly, a slip): controleer said "logboek.jsonl bevat nog geen
    gunning; voer eerst 'evaluatie gunning' uit", which is not what is wrong, and that gunning then cannot write its
    line there. It is now an input error that says what stands there (exit 2), as the award says it."""
    assert CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld), "--geen-rapport"]).exit_code == 0
    pad = voorbeeld / "logboek.jsonl"
    pad.unlink()
    pad.mkdir()
    res = CliRunner().invoke(main, ["controleer", "--werkmap", str(voorbeeld)])
    assert res.exit_code == 2, res.output
    assert "bevat nog geen gunning" not in res.output
    assert "logboek.jsonl: is geen bestand: er staat een map met die naam" in " ".join(res.output.split())

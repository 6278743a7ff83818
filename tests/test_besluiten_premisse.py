"""Premises of recorded decisions that move with the tender, not with the bid: re-checked on every run, never
applied silently once they no longer hold. Real workbooks in tmp dirs, real CLI calls."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from click.testing import CliRunner, Result

from evaluatie.cli import main
from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, schrijf_yaml, vul_beoordeling

CRITERIA = ("Plan van aanpak", "Samenwerking")
DOOR = "P. de Vries, inkoopadviseur"


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _vul(ws: Path, scores: dict[str, int]) -> None:
    schrijf_beoordelingsformulieren(Werkmap(ws), overschrijven=True)
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", {(i, c): s for i, s in scores.items() for c in CRITERIA})


def _zet_gunningsdatum(ws: Path, datum: str) -> None:
    data = yaml.safe_load((ws / "aanbesteding.yaml").read_text(encoding="utf-8"))
    data["data"]["gunning"] = datum
    schrijf_yaml(ws / "aanbesteding.yaml", data)


def _keurmerkwerkmap(tmp_path: Path) -> Path:
    """A's keurmerk lapses on 20 March 2026; the award (no data.verzending) is on 7 April 2026."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")], geldig_tot=dt.date(2026, 3, 20))
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    _vul(ws, {"A": 75, "B": 50})
    return ws


def test_keurmerk_onder_voorwaarde_verouderd_als_het_keurmerk_niet_meer_voor_de_gunning_verloopt(
    tmp_path: Path,
) -> None:
    ws = _keurmerkwerkmap(tmp_path)
    res = _run("keurmerk", "--werkmap", str(ws), "--inschrijver", "A", "--uitkomst", "onder_voorwaarde",
               "--reden", "De verlenging is aangevraagd; de audit staat gepland.", "--door", DOOR,
               "--datum", "2026-03-10")  # fmt: skip
    assert res.exit_code == 0, res.output
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    # the award moves to 18 March: the keurmerk (valid to 20 March) no longer lapses before it, so the letter's
    # sentence "verloopt vóór de datum van de gunning" would be false
    _zet_gunningsdatum(ws, "2026-03-18")
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    assert "K1: verouderd besluit: het keurmerk van A is geldig tot 2026-03-20 en verloopt niet meer vóór" in (
        " ".join(res.output.split())
    )
    assert "evaluatie intrekken K1" in res.output
    assert "Traceback" not in res.output


def test_keurmerk_verlengd_verouderd_als_de_verlenging_de_gunning_niet_meer_haalt(tmp_path: Path) -> None:
    ws = _keurmerkwerkmap(tmp_path)
    res = _run("keurmerk", "--werkmap", str(ws), "--inschrijver", "A", "--uitkomst", "verlengd",
               "--verlengd-tot", "2026-04-10", "--bewijs", "2026-03-09",
               "--reden", "Het bewijs van verlenging is ontvangen.", "--door", DOOR, "--datum", "2026-03-10")  # fmt: skip
    assert res.exit_code == 0, res.output
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    # the award moves to 1 May: renewed to 10 April, the keurmerk has lapsed again before the award
    _zet_gunningsdatum(ws, "2026-05-01")
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert "K1: verouderd besluit: de verlenging van het keurmerk van A tot 2026-04-10 reikt niet meer tot" in uit
    assert "evaluatie intrekken K1" in uit
    # withdrawn, the keurmerk is an open point again (exit 1), with its command
    res = _run("intrekken", "--werkmap", str(ws), "K1", "--reden", "De gunning is verschoven naar mei.",
               "--door", DOOR, "--datum", "2026-03-12")  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1 and 'evaluatie keurmerk --inschrijver "A"' in res.output, res.output

"""An award computed before the tender has closed (data.sluiting after today) is an open point: the bids may not be
opened yet, so the advies is a CONCEPT trial calculation, no letters, exit 1; on the closing day itself it may run."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from evaluatie import pipeline
from evaluatie.cli import main
from evaluatie.controle import controleer
from evaluatie.werkmap import Werkmap
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel

MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def _nl(d: dt.date) -> str:
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def _werkmap(root: Path, sluiting: dt.date) -> Path:
    data = kleine_aanbesteding()
    data["data"] = {
        "publicatie": (sluiting - dt.timedelta(days=42)).isoformat(),
        "sluiting": sluiting.isoformat(),
        "keurmerk_peildatum": sluiting.isoformat(),
        "gunning": (sluiting + dt.timedelta(days=42)).isoformat(),
    }
    ws = maak_werkmap(root, data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")], geldig_tot=dt.date(2040, 1, 1))
    vul_panel(ws, {"Alfa": 75})
    return ws


def test_gunning_voor_de_sluiting_is_een_open_punt(tmp_path: Path) -> None:
    vandaag = dt.date.today()  # what the command takes as today
    sluiting = vandaag + dt.timedelta(days=30)
    ws = _werkmap(tmp_path / "ws", sluiting)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 1, res.output
    uitvoer = " ".join(res.output.split())
    tekst = (
        f"De inschrijving sluit op {_nl(sluiting)} (vandaag is {_nl(vandaag)}): vóór de sluiting mag geen "
        "inschrijving worden geopend; dit advies is een proefberekening."
    )
    assert tekst in uitvoer
    assert f"wacht tot de sluiting en voer op of na {_nl(sluiting)} de gunning opnieuw uit" in uitvoer
    assert "aanbesteding.yaml: data.sluiting" in uitvoer
    assert not (ws / "rapporten" / "brieven").exists()
    advies = (ws / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8")
    assert "<title>CONCEPT - " in advies and tekst in " ".join(advies.split())
    punten = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["open_punten"]
    assert [p["soort"] for p in punten] == ["sluiting"]
    # rapport stops at the same point
    res = CliRunner().invoke(main, ["rapport", "--werkmap", str(ws)])
    assert res.exit_code == 1 and tekst in " ".join(res.output.split())


def test_op_de_sluitingsdag_mag_de_gunning_draaien(tmp_path: Path) -> None:
    sluiting = dt.date(2026, 2, 16)
    ws = Werkmap(_werkmap(tmp_path / "ws", sluiting))
    ervoor = pipeline.gun_en_schrijf(ws, vandaag=sluiting - dt.timedelta(days=1))
    assert [p.soort for p in ervoor.award.open_punten] == ["sluiting"]
    assert "(vandaag is 15 februari 2026)" in ervoor.award.open_punten[0].tekst
    assert "De inschrijving sluit op 16 februari 2026" in ervoor.award.open_punten[0].tekst
    assert not pipeline.gun_en_schrijf(ws, vandaag=sluiting).open_punten
    assert (ws.rapporten / "brieven").is_dir()


def test_controleer_rekent_met_de_dag_van_de_gunning(tmp_path: Path) -> None:
    # the logged award ran before the closing date; the check runs later (today, after 16 februari 2026) and still
    # reproduces the open point with the day the award took as today
    ws = Werkmap(_werkmap(tmp_path / "ws", dt.date(2026, 2, 16)))
    run = pipeline.gun_en_schrijf(ws, vandaag=dt.date(2026, 2, 1))
    assert "(vandaag is 1 februari 2026)" in run.award.open_punten[0].tekst
    regel = json.loads(ws.logboek.read_text(encoding="utf-8").splitlines()[-1])
    assert regel["vandaag"] == "2026-02-01"
    c = controleer(ws)
    assert c.in_orde and c.gereproduceerd == len(run.geschreven), c.niet_gereproduceerd
    # a logged day that is no date is said, never a traceback
    ws.logboek.write_text(json.dumps(regel | {"vandaag": "gisteren"}) + "\n", encoding="utf-8")
    c = controleer(ws)
    assert not c.in_orde
    assert "de dag van de gunning is niet te lezen uit het logboek (vandaag: 'gisteren' is geen datum)" in " ".join(
        c.niet_gereproduceerd
    )

"""A decision command logged its options as typed ('f2', 25-05-2021, a bidder's name in other capitals and spacing,
'h1'), while besluiten.yaml holds them as recorded (F2, 2021-05-25, the name in the bid, H1): the logboek and the
decision file disagreed about the same decision. The logboek now holds the values as recorded. Real CLI runs on the
example tender."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.test_audit_besluiten import _zet

OUD = "Blaricum; Eemnes; Laren; Gooise Meeren; Huizen"
NIEUW = "Blaricum; Eemnes; Laren; Gooise Meren; Huizen"
DOOR = "S. Jansen, inkoopadviseur"


def _laatste_opties(ws: Path) -> dict:
    return json.loads((ws / "logboek.jsonl").read_text(encoding="utf-8").splitlines()[-1])["opties"]


def test_logboek_noemt_de_opties_zoals_vastgelegd(voorbeeld: Path, tmp_path: Path) -> None:
    ws = str(voorbeeld)
    _zet(voorbeeld / "inschrijvingen" / "kompas.xlsx", "Percelen", "F2", OUD)
    res = CliRunner().invoke(
        main,
        ["herstel", "--werkmap", ws, "--bestand", "kompas.xlsx", "--blad", "Percelen", "--cel", "f2", "--oud", OUD,
         "--nieuw", NIEUW, "--verduidelijking", "25-05-2021", "--reden", "Kennelijke verschrijving; bevestigd.  ",
         "--door", f"  {DOOR} ", "--datum", "26-05-2021"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert _laatste_opties(voorbeeld) == {
        "bestand": "kompas.xlsx",
        "blad": "Percelen",
        "cel": "F2",
        "oud": OUD,
        "nieuw": NIEUW,
        "verduidelijking": "2021-05-25",
        "reden": "Kennelijke verschrijving; bevestigd.",
        "door": DOOR,
        "datum": "2021-05-26",
    }
    res = CliRunner().invoke(
        main,
        ["intrekken", "h1", "--werkmap", ws, "--reden", "Onjuist vastgelegd.", "--door", DOOR, "--datum", "28-05-2021"],
    )
    assert res.exit_code == 0, res.output
    assert _laatste_opties(voorbeeld) == {
        "besluit": "H1",
        "datum": "2021-05-28",
        "door": DOOR,
        "reden": "Onjuist vastgelegd.",
    }

    # a bidder typed in other capitals and spacing is logged by the name in its bid, as besluiten.yaml records it
    _zet(voorbeeld / "inschrijvingen" / "kompas.xlsx", "Percelen", "F2", NIEUW)  # H1 is withdrawn: a new file
    shutil.move(voorbeeld / "inschrijvingen" / "spreekbeurt.xlsx", tmp_path / "spreekbeurt.xlsx")
    res = CliRunner().invoke(
        main,
        ["terugtrekking", "--werkmap", ws, "--inschrijver", "spreekbeurt   TAALTRAININGEN", "--ontvangen",
         "10-06-2021", "--reden", "Schriftelijk bericht van terugtrekking ontvangen.", "--door", DOOR, "--datum",
         "11-06-2021"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    assert _laatste_opties(voorbeeld) == {
        "inschrijver": "Spreekbeurt Taaltrainingen",
        "ontvangen": "2021-06-10",
        "reden": "Schriftelijk bericht van terugtrekking ontvangen.",
        "door": DOOR,
        "datum": "2021-06-11",
    }
    assert "inschrijver: Spreekbeurt Taaltrainingen" in (voorbeeld / "besluiten.yaml").read_text(encoding="utf-8")

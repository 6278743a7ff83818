"""--door (who takes a contract decision) goes into the append-only register and the contract dossier just as
--reden does; a BSN or an e-mail address there was recorded (only --reden was checked). It is refused with the
option named, together with the other errors, and nothing is recorded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap

GEVALLEN = [
    ("111222333", "elfproef"),  # 9x1+8x1+7x1+6x2+5x2+4x2+3x3+2x3-1x3 = 66 = 6 x 11
    ("klantmanager, bsn 111 222 333", "elfproef"),
    ("a.bakker@noord.example", "e-mailadres"),
]


def test_door_met_persoonsgegevens_geweigerd(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    for door, wat in GEVALLEN:
        r = _run(
            "contract", "keuze", "--werkmap", ws, "--gemeente", "Noord", "--route", "B1", "--aanbieder", "Alfa",
            "--klant", "K-7", "--datum", "2026-06-12", "--door", door, "--reden", "BSN 111222333",
        )  # fmt: skip
        uit = " ".join(r.output.split())
        assert r.exit_code == 2, uit
        assert "--door: bevat" in uit and wat in uit.split("--door: bevat")[1], uit
        assert "--reden: bevat" in uit, uit  # all errors together
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    try:
        assert db.execute("SELECT COUNT(*) FROM besluit WHERE soort != 'contractstart'").fetchone()[0] == 0
    finally:
        db.close()
    # a person with name and function is what --door asks for
    r = _run(
        "contract", "keuze", "--werkmap", ws, "--gemeente", "Noord", "--route", "B1", "--aanbieder", "Alfa",
        "--klant", "K-7", "--datum", "2026-06-12", "--door", "A. Bakker, klantmanager", "--reden", "keuze klant",
    )  # fmt: skip
    assert r.exit_code == 0, r.output

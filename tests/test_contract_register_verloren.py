"""A register that is gone or empty (a failed copy, a sync tool that left a 0-byte file) in a werkmap whose contract
was started and used: 'contract stand' said 'het contractregister is nog niet gestart; gebruik evaluatie contract
start', and that start then began a new, empty register over two years of deliveries, decisions and published
quarterly reports. Both now stop with the register's path and what the werkmap shows: restore the register."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap

KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"


def test_leeg_register_van_een_begonnen_contract(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    start = ["contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR]
    assert _run(*start).exit_code == 0
    lijst = tmp_path / "noord.csv"
    lijst.write_text(f"{KOP}\nK-1;Noord;aangemeld;2026-06-10;B1;Alfa;\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, lijst).exit_code == 0
    register = ws / "contract" / "register.sqlite"
    for bijbestand in (Path(f"{register}-wal"), Path(f"{register}-shm")):
        bijbestand.unlink(missing_ok=True)
    for toestand in ("leeg", "weg"):
        if toestand == "leeg":
            register.write_bytes(b"")
        else:
            register.unlink()
        r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-07-01")
        uit = " ".join(r.output.split())
        assert r.exit_code == 2, uit
        assert "contract/register.sqlite: " in uit and "nog niet gestart" not in uit, uit
        assert "het contract is al begonnen en gebruikt" in uit and "contract/aanleveringen" in uit, uit
        r = _run(*start)
        uit = " ".join(r.output.split())
        assert r.exit_code == 2 and "het contract is al begonnen en gebruikt" in uit, uit
        assert not register.is_file() or register.stat().st_size == 0  # no new register written over it


def test_opnieuw_beginnen_voordat_er_iets_is_vastgelegd(tmp_path: Path) -> None:
    """A start with a wrong date, its register removed before anything was read in or decided: a new start may."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    for pad in (ws / "contract").glob("register.sqlite*"):
        pad.unlink()
    r = _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-02", *DOOR)
    assert r.exit_code == 0, r.output

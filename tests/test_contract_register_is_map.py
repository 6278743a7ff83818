"""contract/register.sqlite that is a folder (unpacked wrongly, a sync conflict) was reported as 'bestaat nog niet;
begin het contract met evaluatie contract start', and that start then failed with 'geen schrijfrechten in de map?'.
Both now say what is there: a folder where the register file belongs."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap


def test_register_is_een_map(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    (ws / "contract" / "register.sqlite").mkdir(parents=True)
    for opdracht in (
        ["contract", "stand", "--werkmap", ws, "--peildatum", "2026-07-01"],
        ["contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR],
    ):
        r = _run(*opdracht)
        uit = " ".join(r.output.split())
        assert r.exit_code == 2, uit
        assert "contract/register.sqlite: is een map, geen registerbestand" in uit, uit
        assert "bestaat nog niet" not in uit and "schrijfrechten" not in uit, uit

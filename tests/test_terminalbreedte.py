"""The terminal's tables line up whatever the bidders are called: a combining mark (a letter with a line under it that
Unicode has no single character for) takes no column of its own, a Chinese or Japanese character takes two. Columns
were padded by the number of characters, so every figure after such a name stood one column off per mark or wide
character, and the table read as if its figures belonged to the next column."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel

ONDERSTREEPT = "Taal\u0332school Noord"  # 18 characters, 17 columns: U+0332 (COMBINING LOW LINE) under the l
JAPANS = "日本語 Taalschool"  # 14 characters, 17 columns: three wide characters
GEWOON = "Alfa Taalschool"


def _kolommen(regel: str) -> int:
    """The columns a terminal gives these lines: one per character, none for U+0332, two for 日, 本 and 語."""
    return len(regel) - regel.count("\u0332") + sum(regel.count(c) for c in "日本語")


def test_rangorde_staat_recht_onder_elkaar(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", ONDERSTREEPT, "11111111", [("B1", 9000, 12, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", JAPANS, "22222222", [("B1", 9500, 12, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", GEWOON, "33333333", [("B1", 9800, 12, 12, 4, "alle")])
    vul_panel(ws, {ONDERSTREEPT: 75, JAPANS: 75, GEWOON: 75})
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    regels = res.output.splitlines()
    begin = next(i for i, r in enumerate(regels) if r.startswith("Rang  Inschrijver"))
    rangorde = regels[begin : begin + 5]  # heading, dashes, three bidders
    assert [r.split()[1] for r in rangorde[2:]] == ["Taal\u0332school", "日本語", "Alfa"]
    # the last column (Toegewezen) is right-aligned: every line ends in the same column, 17 wide for the names
    assert {_kolommen(r) for r in rangorde} == {len(rangorde[0])}
    assert rangorde[1].split("  ")[1] == "-" * 17


def test_stand_van_het_contract_staat_recht_onder_elkaar(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", JAPANS, "11111111", [("B1", 9000, 12, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", GEWOON, "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    vul_panel(ws, {JAPANS: 75, GEWOON: 75})
    run = CliRunner().invoke
    assert run(main, ["gunning", "--werkmap", str(ws)]).exit_code == 0
    door = ["--door", "S. Jansen, contractmanager", "--reden", "volgens het contract"]
    assert run(main, ["contract", "start", "--werkmap", str(ws), "--datum", "2026-06-01", *door]).exit_code == 0
    res = run(main, ["contract", "stand", "--werkmap", str(ws), "--peildatum", "2026-06-30"])
    assert res.exit_code == 0, res.output
    regels = res.output.splitlines()
    begin = next(i for i, r in enumerate(regels) if r.startswith("gemeente "))
    tabel = [r for r in regels[begin:] if r.startswith(("gemeente ", "Noord ", "Oost ", "Zuid "))]
    assert sum(JAPANS in r for r in tabel) >= 2 and sum(GEWOON in r for r in tabel) >= 2
    assert {_kolommen(r) for r in tabel} == {len(tabel[0])}  # every figure under its heading

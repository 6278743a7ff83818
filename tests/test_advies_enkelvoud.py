"""The advies counts in words: one corrected error is 'kennelijke fout', one open point 'punt' ('1 kennelijke
fout(en) hersteld', 'er staan nog 1 punt(en) open' read as a form letter in a document for the college)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def _gun(ws: Path) -> int:
    return CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)]).exit_code


def test_een_herstel_en_een_open_punt(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 12, 12, 4, "alle")])
    # 6.000 lies 1 - 6.000 / 9.000 = 33,3% under the other bid (limit 20%): one open point, an explanation
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 6000, 12, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75, "Beta": 75})
    assert _gun(ws) == 1
    concept = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "CONCEPT - geen gunningsadvies: er staat nog 1 punt open." in concept
    r = CliRunner().invoke(
        main,
        ["herstel", "--werkmap", str(ws), "--bestand", "a.xlsx", "--blad", "Percelen", "--cel", "C2", "--oud", "12",
         "--nieuw", "15", "--verduidelijking", "2026-03-24", "--reden", "Uit het plan blijkt 15.",
         "--door", "S. Jansen, inkoopadviseur", "--datum", "2026-03-25"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(
        main,
        ["toelichting", "--werkmap", str(ws), "--inschrijver", "Beta", "--lots", "B1", "--ontvangen", "2026-03-12",
         "--uitkomst", "aanvaard", "--reden", "De kosten zijn onderbouwd.", "--door", "S. Jansen, inkoopadviseur",
         "--datum", "2026-03-16"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert _gun(ws) == 0
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "1 kennelijke fout hersteld: de bestanden van de inschrijvers zijn niet gewijzigd" in advies
    assert "fout(en)" not in advies

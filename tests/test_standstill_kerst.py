"""A standstill extended over a holiday that falls on a weekend names the holiday: 'zaterdag 26 december 2026
(zaterdag)' said nothing the date had not said, while the day is tweede Kerstdag."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import alfa_taal_beoordeeld, html_tekst, kleine_aanbesteding, maak_werkmap


def test_tweede_kerstdag_op_zaterdag(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["data"]["verzending"] = "2026-12-07"  # a Monday: day 20 is Sunday 27 December
    data["data"]["gunning"] = "2026-12-07"
    ws = alfa_taal_beoordeeld(maak_werkmap(tmp_path / "ws", data))
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    brief = html_tekst(ws / "rapporten" / "brieven" / "alfa-taal-b1.html")
    # by hand: 7 December + 20 = Sunday 27 December; Monday 28 December is a working day
    assert (
        "Berekening van de termijn: verzonden op maandag 7 december 2026; dag 20 is zondag 27 december 2026; volgens "
        "de Algemene termijnenwet verlengd voorbij zondag 27 december 2026 (zondag); de termijn eindigt op maandag 28 "
        "december 2026." in brief
    )
    data["data"]["verzending"] = data["data"]["gunning"] = "2026-12-04"  # a Friday: day 20 is Thursday 24 December
    ws = alfa_taal_beoordeeld(maak_werkmap(tmp_path / "ws2", data))
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    brief = html_tekst(ws / "rapporten" / "brieven" / "alfa-taal-b1.html")
    assert "dag 20 is donderdag 24 december 2026; de termijn eindigt op die dag." in brief
    data["data"]["verzending"] = data["data"]["gunning"] = "2026-12-05"  # day 20 is Friday 25 December
    ws = alfa_taal_beoordeeld(maak_werkmap(tmp_path / "ws3", data))
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    brief = html_tekst(ws / "rapporten" / "brieven" / "alfa-taal-b1.html")
    assert (
        "verlengd voorbij vrijdag 25 december 2026 (eerste Kerstdag), zaterdag 26 december 2026 (tweede Kerstdag), "
        "zondag 27 december 2026 (zondag); de termijn eindigt op maandag 28 december 2026." in brief
    )

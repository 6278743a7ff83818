"""SOURCE_DATE_EPOCH fixes the one field that differs between runs ("Gegenereerd op"). A value that is no number of
seconds is an input error naming the variable, before anything is computed or written; it was reported as a wrong
'--lots' with Python's English message. Real workbooks, real CLI calls."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.test_rapporten_niet_actueel import MARKERING, _inhoud, _twee_inschrijvers


def test_ongeldige_source_date_epoch_is_een_invoerfout_met_de_naam(tmp_path: Path) -> None:
    ws = _twee_inschrijvers(tmp_path)
    voor = _inhoud(ws / "rapporten")
    for waarde in ("abc", "1625130000.5", "99999999999999"):
        res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)], env={"SOURCE_DATE_EPOCH": waarde})
        assert res.exit_code == 2, (waarde, res.output)
        assert "SOURCE_DATE_EPOCH: verwacht een geheel aantal seconden sinds 1 januari 1970 (UTC)" in res.output
        assert f"gevonden '{waarde}'" in res.output and "--lots" not in res.output, res.output
        assert _inhoud(ws / "rapporten") == voor and MARKERING not in str(voor)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)], env={"SOURCE_DATE_EPOCH": "1625130000"})
    assert res.exit_code == 0, res.output
    assert "2021-07-01 09:00:00 UTC" in (ws / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8")

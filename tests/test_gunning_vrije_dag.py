"""`evaluatie gunning` says, as `evaluatie nieuw` does, when the letters are dated on a Saturday, Sunday or Atw
holiday: the standstill period starts on the day the letters go out, and a date in aanbesteding.yaml moved after
`nieuw` (data.gunning, or data.verzending) drew no word at all. A warning only: the exit code is unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_toelating, maak_werkmap, schrijf_bod


def _gunning(tmp_path: Path, **data: str) -> Any:
    a = kleine_toelating()
    a["data"].update(data)
    ws = maak_werkmap(tmp_path / "ws", a)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle")])
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    return " ".join(res.output.split())


def test_verzending_op_zaterdag_wordt_genoemd(tmp_path: Path) -> None:
    # 11 April 2026 is a Saturday
    tekst = _gunning(tmp_path, verzending="2026-04-11")
    assert (
        "Let op: de verzending van de brieven valt op 11 april 2026 (zaterdag); pas data.verzending in "
        "aanbesteding.yaml aan als dat niet de bedoeling is." in tekst
    )


def test_gunning_op_tweede_paasdag_wordt_genoemd(tmp_path: Path) -> None:
    # Easter 2026 is 5 April: Monday 6 April is tweede Paasdag (Atw); without data.verzending the letters are dated then
    tekst = _gunning(tmp_path, gunning="2026-04-06")
    assert (
        "Let op: de gunning (de dag van de brieven) valt op 6 april 2026 (tweede Paasdag); pas data.gunning in "
        "aanbesteding.yaml aan als dat niet de bedoeling is." in tekst
    )


def test_werkdag_geeft_geen_melding(tmp_path: Path) -> None:
    # Tuesday 7 April 2026 (kleine_aanbesteding's award date), no holiday
    assert "valt op" not in _gunning(tmp_path)

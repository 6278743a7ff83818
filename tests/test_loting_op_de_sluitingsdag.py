"""A draw must be held after the closing day: `evaluatie loting` refuses a --datum on data.sluiting itself. The check
on every run only refused a draw dated before the closing day, so moving data.sluiting onto the day of a recorded draw
let the draw be applied while recording it again would be refused. Both now apply the same rule. Real CLI runs."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import LOTING_WIE, gelijk_pq

LOTING = ("--lots", "B1", "--volgorde", "Q;P", "--datum", "2026-03-20", "--getuige", "mr. J. Jansen, notaris")


def _sluiting(ws: Path, dag: str) -> None:
    pad = ws / "aanbesteding.yaml"
    pad.write_text(re.sub(r"sluiting: \S+", f"sluiting: {dag}", pad.read_text(encoding="utf-8"), count=1), "utf-8")


def test_loting_op_de_dag_van_de_sluiting(tmp_path: Path) -> None:
    ws = gelijk_pq(tmp_path / "ws")
    w = str(ws)
    assert CliRunner().invoke(main, ["loting", "--werkmap", w, *LOTING, *LOTING_WIE]).exit_code == 0
    assert CliRunner().invoke(main, ["gunning", "--werkmap", w, "--geen-rapport"]).exit_code == 0

    _sluiting(ws, "2026-03-20")  # the closing day is now the day of the draw
    res = CliRunner().invoke(main, ["gunning", "--werkmap", w, "--geen-rapport"])
    uit = " ".join(res.output.split())
    assert res.exit_code == 2, res.output
    assert (
        "de loting (2026-03-20) ligt niet na de sluiting van de inschrijving (2026-03-20); een loting kan pas na de dag "
        "van de sluiting worden gehouden" in uit
    ), uit
    # recording the same draw again is refused for the same reason
    again = CliRunner().invoke(main, ["loting", "--werkmap", w, *LOTING, *LOTING_WIE])
    assert again.exit_code == 2
    assert "ligt niet na de sluiting van de inschrijving (2026-03-20)" in " ".join(again.output.split())

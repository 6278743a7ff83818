"""`controleer` re-ran the logged award with a loting.yaml edited by hand (the draw's order swapped): it listed the
file as changed and replayed the award with the edited draw, while `gunning`, `scenario`, `zekerheid` and
evaluatie.open refuse such a file. The check applies no decision in the name of someone who decided otherwise."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.test_besluiten_premisse import _gelijk, _loting


def test_controleer_past_een_met_de_hand_gewijzigde_loting_niet_toe(tmp_path: Path) -> None:
    ws = _gelijk(tmp_path)
    assert _loting(ws, "Y;X", "2026-03-20").exit_code == 0
    assert CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)]).exit_code == 0
    pad = ws / "loting.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("- Y\n  - X", "- X\n  - Y"), encoding="utf-8")

    res = CliRunner().invoke(main, ["controleer", "--werkmap", str(ws), "--json"])
    assert res.exit_code == 1, res.output
    uit = json.loads(res.stdout)
    assert [r.split(":")[0] for r in uit["invoer_gewijzigd"]] == ["loting.yaml"], uit
    niet = uit["niet_gereproduceerd"]
    assert len(niet) == 1, niet
    assert niet[0].startswith(
        "de gunning kan niet opnieuw worden uitgevoerd: loting.yaml: is gewijzigd buiten de besluitcommando's om: "
    ), niet
    assert uit["gereproduceerd"] == 0  # nothing replayed with the edited draw


def test_controleer_noemt_bij_een_gewijzigd_besluitbestand_niet_wat_daaruit_volgt(tmp_path: Path) -> None:
    """After the logged award B withdraws (A alone has 10 places for 20) and besluiten.yaml is edited by hand: the
    replay named the capacity, computed with the edited file, beside the edit; as the award, only the edit."""
    import shutil

    from tests.test_rapporten_niet_actueel import _besluit, _twee_inschrijvers

    ws = _twee_inschrijvers(tmp_path)
    shutil.move(ws / "inschrijvingen" / "b.xlsx", tmp_path / "b.xlsx")
    assert _besluit(ws, "terugtrekking", "--inschrijver", "B", "--ontvangen", "2026-03-19").exit_code == 0
    pad = ws / "besluiten.yaml"
    pad.write_text(pad.read_text(encoding="utf-8") + "# met de hand\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["controleer", "--werkmap", str(ws), "--json"])
    assert res.exit_code == 1, res.output
    niet = json.loads(res.stdout)["niet_gereproduceerd"]
    assert len(niet) == 1 and "besluiten.yaml: is gewijzigd buiten de besluitcommando's om" in niet[0], niet

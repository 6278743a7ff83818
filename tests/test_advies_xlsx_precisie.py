"""gunningsadvies.xlsx shows the scores that were compared: 4 decimals, as gunning.json and the advies. The sheets
Kwaliteit and Rangorde held the unrounded floats (94.73684210526315 where gunning.json and the ranking use 94,7368),
so a reader recomputing from the workbook could find another order at the fourth decimal than the award. The sheet
Beoordeling gave the criterion score unrounded as well (66.66666666666667 beside Kwaliteit's 4 decimals)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling


def test_rangorde_en_kwaliteit_in_vier_decimalen(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(beoordelaars=["Ada", "Bram", "Cees"]))
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9500, 30, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9000, 30, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    # Alfa: Plan van aanpak 75, 75, 50 -> 66,6667; Samenwerking 75 -> 0,6 x 66,6667 + 0,4 x 75 = 70,0000
    for naam, plan in (("ada", 75), ("bram", 75), ("cees", 50)):
        vul_beoordeling(
            ws / "beoordelingen" / f"{naam}.xlsx",
            {("Alfa", "Plan van aanpak"): plan, ("Alfa", "Samenwerking"): 75}
            | {("Beta", c): 50 for c in ("Plan van aanpak", "Samenwerking")},
        )
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    data = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    json_rijen = {r["inschrijver"]: r for r in data["percelen"]["B1"]["rangorde"]}
    wb = load_workbook(ws / "rapporten" / "gunningsadvies.xlsx")
    rangorde = {r[2]: r for r in wb["Rangorde"].iter_rows(min_row=2, values_only=True) if r[0]}
    # Alfa: prijsscore 9000 / 9500 x 100 = 94,7368; totaal 0,6 x 70 + 0,4 x 94,7368 = 79,8947
    assert rangorde["Alfa"][5] == 94.7368 == json_rijen["Alfa"]["prijsscore"]
    assert rangorde["Alfa"][6] == 79.8947 == json_rijen["Alfa"]["totaal"]
    assert rangorde["Alfa"][3] == 70.0
    kwaliteit = {r[1]: r[2] for r in wb["Kwaliteit"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert kwaliteit == {"Alfa": 70.0, "Beta": 50.0}
    # Beoordeling: the criterion score as the other sheets give scores (it held 66.66666666666667 beside them)
    kop = next(wb["Beoordeling"].iter_rows(max_row=1, values_only=True))
    score = {(r[1], r[2]): r[kop.index("Score")] for r in wb["Beoordeling"].iter_rows(min_row=2, values_only=True)}
    assert score[("Alfa", "Plan van aanpak")] == 66.6667
    assert score[("Alfa", "Samenwerking")] == 75

"""A recorded re-allocation after a drop-out (contract uitval --vastleggen) rests on the placements of that contract
year before the drop-out as the register had them then ('vast' in the decision). A delivery read in afterwards with
an earlier registration at the supplier that dropped out (a quarterly list that came late: legitimate, it happened
before --per) changed that premise in silence: the stand showed Y 'toegewezen 2, geplaatst 3' in Oost and nothing
said that the decision counted 2. The stand (and --json under herverdeling_premisse) and the intake that brings the
change now say so, naming the decision, the gemeente and supplier, then and now."""

from __future__ import annotations

import json
from pathlib import Path

from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel
from tests.test_contract_optiejaar import DOOR, KOP
from tests.test_contract_optiejaar import _run as _uit
from tests.test_contract_verlenging_uitval_ervoor import DATA

ZIN = (
    "Let op: de herverdeling bij de uitval van Y in B1-route (besluit 2, per 01-06-2025) ging uit van de plaatsingen "
    "van contractjaar 1 voor 01-06-2025 zoals het register ze toen had; nu heeft het er andere: Oost bij Y 3 (toen "
    "2). De toewijzing van dat besluit is daarop niet aangepast."
)


def test_late_aanmelding_voor_de_uitval_verandert_de_premisse_van_de_herverdeling(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(looptijd={"jaren": 1, "optiejaren": 0}, data=DATA))
    for naam, kvk, prijs, capaciteit in (
        ("X", "11111111", 9000, 9),
        ("Y", "22222222", 9200, 8),
        ("Z", "3" * 8, 9500, 12),
    ):
        schrijf_bod(ws, f"{naam.lower()}.xlsx", naam, kvk, [("B1", prijs, capaciteit, 12, 4, "alle")])
    vul_panel(ws, {"X": 75, "Y": 50, "Z": 25})
    assert _uit("gunning", "--werkmap", ws)[0] == 0
    assert _uit("contract", "start", "--werkmap", ws, "--datum", "2025-01-01", *DOOR)[0] == 0
    eerst = tmp_path / "oost-k1.csv"
    eerst.write_text(
        KOP + "K-1;Oost;aangemeld;03-03-2025;B1;Y;\nK-2;Oost;aangemeld;10-03-2025;B1;Y;\n", encoding="utf-8"
    )
    assert _uit("contract", "inlezen", "--werkmap", ws, eerst)[0] == 0
    uitval = ("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Y", "--per", "2025-06-01")
    code, uit = _uit(*uitval, "--vastleggen", *DOOR)
    assert code == 0 and "Oost: al geplaatst 2 bij Y" in uit, uit
    stand = ("contract", "stand", "--werkmap", ws, "--peildatum", "2025-11-30")
    assert "ging uit van de plaatsingen" not in _uit(*stand)[1]  # the premise holds: nothing to say
    laat = tmp_path / "oost-k2.csv"  # registered on 20 May, before the drop-out: read in after the decision
    laat.write_text(KOP + "K-3;Oost;aangemeld;20-05-2025;B1;Y;\n", encoding="utf-8")
    code, uit = _uit("contract", "inlezen", "--werkmap", ws, laat)
    assert code == 0 and ZIN in uit, uit
    code, uit = _uit(*stand)
    assert code == 0 and ZIN in uit, uit
    code, uit = _uit(*stand, "--json")
    assert json.loads(uit)["herverdeling_premisse"] == [
        {
            "besluit": 2,
            "perceel": "B1",
            "aanbieder": "Y",
            "per": "2025-06-01",
            "verschil": [{"gemeente": "Oost", "aanbieder": "Y", "toen": 2, "nu": 3}],
        }
    ]
    # a stand before the drop-out: the decision is not in force there
    assert (
        "ging uit van de plaatsingen" not in _uit("contract", "stand", "--werkmap", ws, "--peildatum", "2025-05-31")[1]
    )

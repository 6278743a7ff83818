"""A tie whose order decides only which gemeenten each bidder serves is named for what it decides.

P and Q (EUR 9.000, quality 75, capacity 10 each) tie; the 20 inburgeraars (Noord 10, Oost 6, Zuid 4) give each of
them 10 in either order, but the one ranked first serves Noord and the other Oost and Zuid. The award said 'de
volgorde bepaalt wie gegund wordt of hoeveel; loting is nodig', while neither who is awarded nor how many each gets
depends on it.
"""

from __future__ import annotations

from pathlib import Path

from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel
from tests.test_besluiten import _run


def test_volgorde_bepaalt_de_gemeenten(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "p.xlsx", "P", "11111111", [("B1", 9000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "q.xlsx", "Q", "22222222", [("B1", 9000, 10, 12, 4, "alle")])
    vul_panel(ws, {"P": 75, "Q": 75})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1, res.output
    assert (
        "gelijke stand op rang 1 tussen P, Q: de volgorde bepaalt wie gegund wordt of wie in welke gemeente hoeveel "
        "inburgeraars krijgt; loting is nodig" in res.output
    ), res.output
    assert "wie gegund wordt of hoeveel;" not in res.output

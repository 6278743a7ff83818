"""The proces-verbaal of a tender whose panel scored only open-house lots: no lot is awarded, so no letter is a
gunningsbeslissing. It said 'de gunningsbeslissing citeert de eigen toelichtingen van de beoordelaars'; the letters
that cite them are toelatingsbesluiten. And two reviewers are 'Beide beoordelaars', not 'Alle 2 beoordelaars'."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel
from tests.test_contract_toelating import _run


def _procesverbaal(ws: Path) -> str:
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    return advies.split("Proces-verbaal van de beoordeling")[3].split("Verantwoording van de invoer")[0]


def test_alleen_open_house_citeert_het_toelatingsbesluit(tmp_path: Path) -> None:
    data = kleine_aanbesteding(procedure="toelating")
    data["percelen"]["B1"]["knockout"]["minimum_kwaliteit"] = {"drempel": 50}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75})
    pv = _procesverbaal(ws)
    assert "Beide beoordelaars hebben op het formulier verklaard geen belangenverstrengeling te hebben" in pv
    assert "Alle 2" not in pv
    # by hand: one bid, two criteria, no consensus file: 2 rows decided on the mean of the reviewers
    assert (
        "Alle 2 regels" not in pv
        and "Beide regels zijn dus beslist zonder consensusmotivering; het toelatingsbesluit citeert de eigen "
        "toelichtingen van de beoordelaars."
        in pv
    )
    assert "gunningsbeslissing" not in pv

"""A gemeente that joined a lot expecting 0 inburgeraars a year (Zuid in B1) has no allocation there, but a supplier
whose contract covers it is there for the inburgeraar who comes after all. `contract advies` said only "Zuid heeft in
contractjaar 1 geen toewijzing voor B1-route" and stopped, where a gemeente whose allocated suppliers are all
unavailable reads which supplier has a contract for it without allocation and that `contract keuze` records a choice
for it. It now says that here too: Alfa serves Zuid, Beta does not (its bid names Noord and Oost)."""

from __future__ import annotations

from pathlib import Path

from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling
from tests.test_contract_toelating import DOOR, _run


def test_advies_noemt_de_aanbieder_met_een_contract_bij_nul_verwacht(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["gemeenten"][2]["inburgeraars"]["B1"] = 0  # Zuid joins B1 and expects no one
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9500, 30, 12, 4, "Noord; Oost")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    scores = {(i, c): 75 for i in ("Alfa", "Beta") for c in ("Plan van aanpak", "Samenwerking")}
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", scores)
    assert _run("gunning", "--werkmap", ws).exit_code == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0

    r = _run("contract", "advies", "--werkmap", ws, "--gemeente", "Zuid", "--route", "B1", "--peildatum", "2026-07-01")
    assert r.exit_code == 1, r.output  # still no advice: nothing is allocated to follow
    uit = " ".join(r.output.split())
    assert (
        "Zuid heeft in contractjaar 1 geen toewijzing voor B1-route. Met een contract voor Zuid maar zonder "
        "toewijzing daar: Alfa; een keuze voor die aanbieder legt 'evaluatie contract keuze' vast." in uit
    ), uit
    assert "Beta" not in uit  # no contract for Zuid
    r = _run(
        "contract", "keuze", "--werkmap", ws, "--gemeente", "Zuid", "--route", "B1", "--klant", "K900",
        "--aanbieder", "Alfa", "--datum", "2026-07-01", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 0, r.output  # what the sentence says can be done

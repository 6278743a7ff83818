"""A gemeente that is not part of a lot: the advice said "Zuid heeft in contractjaar 1 geen toewijzing voor Z-route"
(exit 1, as if this year simply had nothing for it) - true for every year, because Zuid is no gemeente of that lot.
It is an input error at --gemeente naming the lot's gemeenten, as a gemeente outside the contract is."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling
from tests.test_contract_toelating import DOOR, _run


def test_advies_voor_een_gemeente_buiten_het_perceel_is_een_invoerfout(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    z = copy.deepcopy(data["percelen"]["B1"])
    z.update(naam="Z-route", gemeenten=["Noord", "Oost"])
    data["percelen"]["Z"] = z
    for g, n in zip(data["gemeenten"][:2], (3, 2), strict=True):
        g["inburgeraars"]["Z"] = n
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("Z", 9000, 10, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    for naam in ("ada", "bram"):
        vul_beoordeling(
            ws / "beoordelingen" / f"{naam}.xlsx", {("Alfa", c): 75 for c in ("Plan van aanpak", "Samenwerking")}
        )
    assert _run("gunning", "--werkmap", ws).exit_code == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    r = _run(
        "contract",
        "advies",
        "--werkmap",
        ws,
        "--gemeente",
        "Zuid",
        "--route",
        "Z",
        "--peildatum",
        "2026-07-01",
        "--json",
    )
    assert r.exit_code == 2, r.output
    fout = json.loads(r.stdout)["fouten"][0]
    assert fout == {
        "plaats": "--gemeente",
        "bericht": "Zuid hoort niet bij perceel Z-route: geen aanbieder van dat perceel heeft een contract voor Zuid "
        "(de gemeenten van het perceel: Noord, Oost)",
    }
    r = _run("contract", "advies", "--werkmap", ws, "--gemeente", "Oost", "--route", "Z", "--peildatum", "2026-07-01")
    assert r.exit_code == 0 and "Alfa" in r.output, r.output

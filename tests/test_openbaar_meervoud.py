"""What the letters disclose, said per group of lots with the same price method: two or more lots are 'Percelen A en
B', never 'Perceel A, B' (a singular naming two lots as one)."""

from __future__ import annotations

from evaluatie.definitie.laden import laad_aanbesteding_uit_data
from evaluatie.rapport.systematiek import openbaar_tekst
from tests.hulp import kleine_aanbesteding


def test_meer_percelen_met_dezelfde_tekst_in_het_meervoud() -> None:
    data = kleine_aanbesteding()
    b1 = data["percelen"]["B1"]
    data["percelen"]["Z"] = {**b1, "naam": "Z-route"}
    data["percelen"]["onderwijs"] = {**b1, "naam": "Onderwijsroute", "prijsmethode": "vaste_prijs", "vaste_prijs": 9500}
    for g in data["gemeenten"]:
        g["inburgeraars"].update(Z=2, onderwijs=3)
    a, _ = laad_aanbesteding_uit_data(data, None, "aanbesteding.yaml", None)
    tekst = openbaar_tekst(a)
    assert "Percelen B1-route en Z-route: " in tekst, tekst
    assert "Perceel Onderwijsroute: " in tekst, tekst
    assert "Perceel B1-route, Z-route" not in tekst

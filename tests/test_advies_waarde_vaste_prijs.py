"""The advies values each framework agreement at its maximum times the price the agreement is made at: the ceiling,
or in a vaste_prijs lot the fixed price (the table and the letters use it). Its sentence said 'De geraamde waarde is
het maximum maal de plafondprijs' also above a row valued at the fixed price, a rule the table did not follow."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import (
    gunningsperceel_naast_b1,
    html_tekst,
    kleine_aanbesteding,
    maak_werkmap,
    schrijf_bod,
    vul_panel,
    zonder_weging,
)
from tests.test_contract_toelating import _run


def test_geraamde_waarde_noemt_de_vaste_prijs(tmp_path: Path) -> None:
    data = gunningsperceel_naast_b1(kleine_aanbesteding(), "Z", "Z-route", 12000)
    zonder_weging(data["percelen"]["Z"], prijsmethode="vaste_prijs", vaste_prijs=9500)
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("Z", 9500, 30, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75})
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    waarde = advies.split("3. Procedure, waarde en regime")[2].split("4. Abnormaal")[0]
    # by hand: Z expects 5 + 3 + 2 = 10 a year over the default 2 years, no headroom: 20 x EUR 9.500 = EUR 190.000;
    # B1 10 + 6 + 4 = 20 a year: 40 x the ceiling EUR 10.000 = EUR 400.000
    assert "Z-route 10 2 20 20 EUR 9.500,00 EUR 190.000,00" in waarde
    assert "B1-route 20 2 40 40 EUR 10.000,00 EUR 400.000,00" in waarde
    assert (
        "De geraamde waarde is het maximum maal de plafondprijs (bij perceel Z-route maal de vaste prijs van "
        "EUR 9.500,00), exclusief btw." in waarde
    )

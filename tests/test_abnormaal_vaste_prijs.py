"""Art. 2.116 in a lot with a vaste prijs: every bid is paid the one fixed price, so no price is compared and none can
be abnormally low. The published method still announced the 20% check, and the advies said 'geen enkele geldige
inschrijving heeft een prijs die meer dan 20% onder het gemiddelde ... ligt' next to a bidder that offered EUR 5.000
against EUR 9.000 of the others."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def test_vaste_prijs_heeft_geen_toets_op_abnormaal_lage_prijs(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["prijsmethode"] = "vaste_prijs"
    data["percelen"]["B1"]["vaste_prijs"] = 9000
    del data["percelen"]["B1"]["weging"]
    ws = maak_werkmap(tmp_path / "ws", data)
    assert CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)]).exit_code == 0
    systematiek = html_tekst(ws / "gunningssystematiek.html")
    assert "onder het gemiddelde van de andere geldige inschrijvingen in dit perceel" not in systematiek
    assert (
        "Abnormaal lage prijs (art. 2.116 Aanbestedingswet 2012): niet van toepassing; de prijs per traject ligt voor "
        "iedere inschrijver vast op EUR 9.000,00." in systematiek
    )
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", "Gamma", "33333333", [("B1", 5000, 20, 12, 4, "alle")])
    punten = {"Alfa": 100, "Beta": 75, "Gamma": 50}
    vul_panel(ws, punten)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    hoofdstuk = advies.split("4. Abnormaal lage inschrijvingen")[-1].split("5. Opschortende termijn")[0]
    assert "Geen enkele geldige inschrijving" not in hoofdstuk
    assert (
        "Perceel B1-route (vaste prijs): niet van toepassing; de prijs per traject ligt voor iedere inschrijver vast, "
        "dus worden prijzen niet met elkaar vergeleken." in hoofdstuk
    )
    assert "Gamma bood EUR 5.000,00 per traject; in dit perceel geldt de vaste prijs van EUR 9.000,00" in advies

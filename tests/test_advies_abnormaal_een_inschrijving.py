"""A lot with one valid bid has no other price to compare with: section 4 of the advies says so.

It said 'Geen enkele geldige inschrijving in de percelen B1-route en Onderwijsroute heeft een prijs die meer dan 20%
onder het gemiddelde van de andere geldige inschrijvingen ligt' also of Onderwijsroute, where the one valid bid has no
other to be compared with: true only in that nothing could be found, and read as a test that was passed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import gunningsperceel_naast_b1, html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def test_een_geldige_inschrijving_wordt_niet_vergeleken(tmp_path: Path) -> None:
    data = gunningsperceel_naast_b1(kleine_aanbesteding(), "onderwijs", "Onderwijsroute", 10000)
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(
        ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle"), ("onderwijs", 9000, 20, 12, 4, "alle")]
    )
    # Beta's keurmerk ran out before the peildatum: invalid in both lots, so Onderwijsroute keeps Alfa alone
    schrijf_bod(
        ws, "b.xlsx", "Beta", "22222222", [("onderwijs", 5000, 20, 12, 4, "alle")], geldig_tot=dt.date(2026, 2, 28)
    )
    schrijf_bod(ws, "c.xlsx", "Gamma", "33333333", [("B1", 9500, 20, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75, "Gamma": 75})
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    sectie = advies.split("4. Abnormaal lage inschrijvingen")[2].split("5. Opschortende termijn")[0]
    # B1: Alfa 9.000 against Gamma 9.500 and back, neither more than 20% lower
    assert (
        "Geen enkele geldige inschrijving in perceel B1-route heeft een prijs die meer dan 20% onder het gemiddelde "
        "van de andere geldige inschrijvingen in het perceel ligt (art. 2.116 Aanbestedingswet 2012)." in sectie
    ), sectie
    assert (
        "Perceel Onderwijsroute (één geldige inschrijving): niet te toetsen; er is geen andere geldige inschrijving "
        "om haar prijs mee te vergelijken." in sectie
    ), sectie


def test_naast_een_open_house_heet_het_andere_gunningsperceel_niet_het_enige(tmp_path: Path) -> None:
    """With an open-house lot too, the sentence said 'in het gunningsperceel (B1-route)', as if B1-route were the only
    award lot, while Onderwijsroute (one valid bid) is one as well."""
    from tests.hulp import open_house_module

    data = gunningsperceel_naast_b1(kleine_aanbesteding(), "onderwijs", "Onderwijsroute", 10000)
    data["percelen"]["PVT"] = open_house_module("Participatieverklaringstraject", 1000)
    for g, n in zip(data["gemeenten"], (5, 3, 2), strict=True):
        g["inburgeraars"]["PVT"] = n
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(
        ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle"), ("onderwijs", 9000, 20, 12, 4, "alle")]
    )
    schrijf_bod(ws, "c.xlsx", "Gamma", "33333333", [("B1", 9500, 20, 12, 4, "alle"), ("PVT", 900, 10, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75, "Gamma": 75})
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    sectie = html_tekst(ws / "rapporten" / "gunningsadvies.html").split("4. Abnormaal lage inschrijvingen")[2]
    assert "het gunningsperceel" not in sectie.split("5. Opschortende termijn")[0]
    assert "Geen enkele geldige inschrijving in perceel B1-route heeft een prijs" in sectie

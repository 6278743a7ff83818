"""Under vaste_prijs there is no price score: the terminal showed 0,00 in the Prijsscore column (a score of
zero) where the advies and the xlsx leave it empty ('-')."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling


def test_geen_prijsscore_bij_vaste_prijs(tmp_path: Path) -> None:
    from evaluatie.pipeline import schrijf_beoordelingsformulieren
    from evaluatie.werkmap import Werkmap

    data = kleine_aanbesteding()
    data["percelen"]["B1"]["prijsmethode"] = "vaste_prijs"
    data["percelen"]["B1"]["vaste_prijs"] = 9000
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    for naam in ("ada", "bram"):
        vul_beoordeling(
            ws / "beoordelingen" / f"{naam}.xlsx", {("Alfa", c): 75 for c in ("Plan van aanpak", "Samenwerking")}
        )
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    rij = next(regel for regel in r.output.splitlines() if regel.strip().startswith("1  Alfa"))
    # Rang, Inschrijver, Kwaliteit, Prijs (EUR 9.000,00), Prijsscore, Totaal, Toegewezen
    assert rij.split()[2:] == ["75,00", "EUR", "9.000,00", "-", "75,00", "20"], rij

"""A lot whose knock-out rule `plafondprijs` is off: the published method and the bid form said 'een hogere prijs is
ongeldig' while the award ranked (and awarded) a bid above the ceiling; the toelatingsbesluit told the supplier its
price 'mag niet hoger zijn dan de plafondprijs' where no rule says so."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, open_house_module, schrijf_bod, vul_beoordeling

ONGELDIG = "een hogere prijs is ongeldig"


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_systematiek_en_formulier_zonder_knockouteis_op_de_plafondprijs(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["knockout"] = {"keurmerk": {}}  # relatief needs no ceiling rule; this tender sets none
    data["percelen"]["PVT"] = open_house_module("Participatieverklaringstraject", 350)
    data["percelen"]["PVT"]["knockout"] = {"uitsluitingsgronden": {}}
    for g, n in zip(data["gemeenten"], (10, 6, 4), strict=True):
        g["inburgeraars"]["PVT"] = n
    ws = maak_werkmap(tmp_path / "ws", data)
    for opdracht in (("template", "systematiek"), ("template", "inschrijving")):
        res = _run(*opdracht, "--werkmap", str(ws))
        assert res.exit_code == 0, res.output
    systematiek = html_tekst(ws / "gunningssystematiek.html")
    assert ONGELDIG not in systematiek
    assert (
        "Plafondprijs: EUR 10.000,00 per traject (exclusief btw); de aanbesteding stelt geen knock-outeis op de "
        "plafondprijs: een hogere prijs maakt de inschrijving niet ongeldig." in systematiek
    )
    assert "niet hoger dan de plafondprijs" not in systematiek
    formulier = load_workbook(ws / "inschrijfformulier.xlsx")["Perceelgegevens"]
    cellen = [str(c.value) for rij in formulier.iter_rows() for c in rij if c.value]
    assert not [c for c in cellen if ONGELDIG in c]

    # the award ranks a bid above the ceiling, as the text now says; the toelatingsbesluit names no ceiling rule
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 10500, 30, 12, 4, "alle"), ("PVT", 380, 30, 12, 4, "alle")])
    res = _run("template", "beoordeling", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    for beoordelaar in ("ada", "bram"):
        vul_beoordeling(
            ws / "beoordelingen" / f"{beoordelaar}.xlsx",
            {("Alfa", "Plan van aanpak"): 75, ("Alfa", "Samenwerking"): 75},
        )
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    brief = html_tekst(ws / "rapporten" / "brieven" / "alfa-pvt.html")
    assert "Tarief: de prijs per traject uit uw inschrijving, EUR 380,00." in brief
    assert "niet hoger" not in brief
    assert "Beslissing: gegund" in html_tekst(ws / "rapporten" / "brieven" / "alfa-b1.html")


def test_instructie_van_het_formulier(tmp_path: Path) -> None:
    """The form's instructions said 'hoogstens de plafondprijs van het perceel' whatever the rules."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["knockout"] = {"keurmerk": {}}
    ws = maak_werkmap(tmp_path / "ws", data)
    assert _run("template", "inschrijving", "--werkmap", str(ws)).exit_code == 0
    instructie = [str(c.value) for c in load_workbook(ws / "inschrijfformulier.xlsx")["Instructie"]["A"] if c.value]
    assert "3. Prijs per traject in euro, exclusief btw." in instructie
    data["percelen"]["PVT"] = open_house_module("Participatieverklaringstraject", 350)  # its ceiling rule is on
    for g in data["gemeenten"]:
        g["inburgeraars"]["PVT"] = 1
    ws = maak_werkmap(tmp_path / "ws2", data)
    assert _run("template", "inschrijving", "--werkmap", str(ws)).exit_code == 0
    instructie = [str(c.value) for c in load_workbook(ws / "inschrijfformulier.xlsx")["Instructie"]["A"] if c.value]
    assert (
        "3. Prijs per traject in euro, exclusief btw; hoogstens de plafondprijs in een perceel waar het tabblad "
        "'Perceelgegevens' zegt dat een hogere prijs ongeldig is." in instructie
    )

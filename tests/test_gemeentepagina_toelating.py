"""The gemeente page of an open-house lot shows an expectation, not an allocation: the toelatingsbesluit says the
inburgeraar or klantmanager chooses among the admitted suppliers and the numbers are no promise; a page that
showed 'Inburgeraars per jaar' per supplier as for a gunning lot would contradict it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import (
    html_tekst,
    kleine_aanbesteding,
    kleine_toelating,
    maak_werkmap,
    open_house_module,
    schrijf_bod,
    vul_beoordeling,
)


def _met_pvt() -> dict[str, Any]:
    """The small tender (reviewer Ada) with the open-house lot PVT (ceiling EUR 350): Noord 10, Oost 6, Zuid 4."""
    data = kleine_aanbesteding(beoordelaars=["Ada"])
    data["percelen"]["PVT"] = open_house_module("Participatieverklaringstraject", 350)
    for g, n in zip(data["gemeenten"], (10, 6, 4), strict=True):
        g["inburgeraars"]["PVT"] = n
    return data


def _beoordeeld_en_gegund(ws: Path) -> None:
    """Ada's form written by 'template beoordeling', Alfa scored 75 on both criteria, and the award run (exit 0)."""
    res = CliRunner().invoke(main, ["template", "beoordeling", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    vul_beoordeling(ws / "beoordelingen" / "ada.xlsx", {("Alfa", "Plan van aanpak"): 75, ("Alfa", "Samenwerking"): 75})
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output


def test_gemeentepagina_open_house_noemt_verwachting_en_keuze(tmp_path: Path) -> None:
    data = kleine_toelating()
    ws = maak_werkmap(tmp_path / "ws", data)
    # Noord 10 over capacities 20 and 30: 4 and 6 (by capacity only)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9900, 30, 12, 4, "alle")])
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    noord = html_tekst(ws / "rapporten" / "gemeenten" / "noord.html")
    assert "Verwacht aantal per jaar" in noord and "Verwachte kosten per jaar" in noord
    assert "Inburgeraars per jaar" not in noord
    assert "de inburgeraar of de klantmanager kiest" in noord
    assert "geen toewijzing" in noord and "later toetreden" in noord
    assert "Alfa 4 EUR 36.000,00" in noord and "Beta 6 EUR 59.400,00" in noord
    # the advies of an open house alone names no engine as if one ran: the expectation is a rule of arithmetic (it
    # said 'Verdeelmodel: verwachte verdeling naar capaciteit; rekenpad: verwachte verdeling naar capaciteit;
    # oplosser: geen (toelating)', and under 'Oplosser' the setting with CBC and HiGHS, p108 found it)
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert (
        "Verdeelmodel: verwachte verdeling naar capaciteit, een rekenregel zonder optimalisatie (er draait geen "
        "oplosser)." in advies
    )
    assert "rekenpad" not in advies
    assert "(niet gebruikt: geen perceel vroeg om een oplosser)" in advies
    # the toelatingsbesluit names numbers the bidder has (it said 'De verwachte aantallen per gemeente zijn een
    # verwachting', numbers the letter does not give)
    (brief,) = sorted((ws / "rapporten" / "brieven").glob("*alfa*.html"))
    tekst = html_tekst(brief)
    assert (
        "De aantallen inburgeraars per gemeente in de aanbestedingsstukken zijn een verwachting, geen toezegging."
        in tekst
    )
    assert "De verwachte aantallen per gemeente" not in tekst


def test_gemeentepagina_gemengd_alleen_het_open_houseperceel_is_een_verwachting(tmp_path: Path) -> None:
    data = _met_pvt()
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("PVT", 300, 30, 12, 4, "alle")])
    _beoordeeld_en_gegund(ws)
    noord = html_tekst(ws / "rapporten" / "gemeenten" / "noord.html")
    b1_deel, pvt_deel = noord.split("Participatieverklaringstraject", 1)
    assert "Inburgeraars per jaar" in b1_deel and "verwacht" not in b1_deel.lower().replace("verwachte kosten", "")
    assert "Verwacht aantal per jaar" in pvt_deel and "de inburgeraar of de klantmanager kiest" in pvt_deel


def test_advies_noemt_twee_open_housepercelen_in_het_meervoud(tmp_path: Path) -> None:
    """B1 (gunning) with PVT and MAP (toelating): the advies says 'Percelen PVT en MAP: open house' and
    'voor percelen ...', not 'Perceel Participatieverklaringstraject en Module ...' (one lot by its name)."""
    data = _met_pvt()
    data["percelen"]["MAP"] = open_house_module("Module arbeidsmarkt en participatie", 600)
    for g, n in zip(data["gemeenten"], (10, 6, 4), strict=True):
        g["inburgeraars"]["MAP"] = n
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(
        ws,
        "a.xlsx",
        "Alfa",
        "11111111",
        [("B1", 9000, 30, 12, 4, "alle"), ("PVT", 300, 30, 12, 4, "alle"), ("MAP", 500, 30, 12, 4, "alle")],
    )
    _beoordeeld_en_gegund(ws)
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    namen = "Participatieverklaringstraject en Module arbeidsmarkt en participatie"
    assert f"Percelen {namen}: open house. Er wordt geen raamovereenkomst" in advies
    assert f"Open house (toelatingsprocedure) voor percelen {namen}: iedere aanbieder" in advies
    assert f"Perceel {namen}" not in advies and f"perceel {namen}" not in advies


def test_gemeentepagina_zonder_toegelaten_aanbieder_is_geen_besparing(tmp_path: Path) -> None:
    """Alfa serves PVT only in Noord (10) and Oost (6); Zuid's 4 have no admitted supplier. The page said 'de
    verwachte kosten liggen EUR 1.400,00 lager' for Zuid (EUR 0,00 against 4 x EUR 350) and compared the total
    costs with a demand that includes them, as if no supplier were a saving."""
    data = _met_pvt()
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("PVT", 300, 30, 12, 4, "Noord")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("PVT", 320, 30, 12, 4, "Noord; Oost")])
    _beoordeeld_en_gegund(ws)
    zuid = html_tekst(ws / "rapporten" / "gemeenten" / "zuid.html")
    pvt = zuid.split("Participatieverklaringstraject", 1)[1]
    assert "lager" not in pvt
    assert (
        "Ter vergelijking: vraag maal plafondprijs is EUR 1.400,00 per jaar; geen van de 4 inburgeraars heeft een "
        "toegelaten aanbieder, dus zijn er nog geen kosten geraamd." in pvt
    )
    # B1: Zuid's 4 at EUR 9.000 = 36.000 against 40.000; PVT 0 against 1.400
    assert (
        "Alle percelen samen: kosten EUR 36.000,00 per jaar tegen vraag maal plafondprijs van EUR 41.400,00; voor "
        "4 inburgeraars zonder toegelaten aanbieder zijn nog geen kosten geraamd." in zuid
    )
    # Oost: Beta serves its 6 (6 x 320 = 1.920 against 6 x 350 = 2.100): the usual comparison, nothing unserved
    oost = html_tekst(ws / "rapporten" / "gemeenten" / "oost.html").split("Participatieverklaringstraject", 1)[1]
    assert "vraag maal plafondprijs is EUR 2.100,00 per jaar; de verwachte kosten liggen EUR 180,00 lager." in oost


def test_een_inburgeraar_zonder_aanbieder_in_het_enkelvoud(tmp_path: Path) -> None:
    """Zuid expects 1 inburgeraar in the open house and no admitted supplier serves it: 'de 1 verwachte
    inburgeraars per jaar hebben hier nog geen aanbieder' read as a plural; now 'de 1 verwachte inburgeraar per jaar
    heeft'. Noord and Oost (10 and 6) keep the plural where it applies."""
    data = kleine_toelating()
    data["gemeenten"][2]["inburgeraars"]["B1"] = 1  # Zuid
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "Noord")])
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    zuid = html_tekst(ws / "rapporten" / "gemeenten" / "zuid.html")
    assert "de 1 verwachte inburgeraar per jaar heeft hier nog geen aanbieder" in zuid
    oost = html_tekst(ws / "rapporten" / "gemeenten" / "oost.html")
    assert "de 6 verwachte inburgeraars per jaar hebben hier nog geen aanbieder" in oost

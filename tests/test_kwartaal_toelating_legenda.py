"""A gemeente's quarterly report explains the rows of its own table. Under the table of placements the report said
"Bij open house (toelating) in perceel Participatieverklaringstraject is 'toegewezen' de verwachting naar
capaciteit ..." also to a gemeente that does not join that open house and so has no row of it: the legend read as
if the gemeente had a PVT supplier. It names only the open-house lots among the gemeente's rows (HTML and the tab
Overzicht of the xlsx); the region's report names every one."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, module_naast_b1, schrijf_bod, vul_panel
from tests.test_contract_toelating import DOOR, _run

LEGENDA = "Bij open house (toelating) in perceel Participatieverklaringstraject is 'toegewezen' de verwachting"


def _kwartaal(tmp_path: Path) -> Path:
    """B1 for all three gemeenten; PVT by open house for Noord and Oost (subregio A) only, not for Zuid."""
    data = module_naast_b1(kleine_aanbesteding(), "PVT", "Participatieverklaringstraject", 350)
    data["percelen"]["PVT"]["gemeenten"] = ["Noord", "Oost"]
    del data["gemeenten"][2]["inburgeraars"]["PVT"]
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(
        ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("PVT", 300, 10, 12, 4, "Noord; Oost")]
    )
    vul_panel(ws, {"Alfa": 75})
    for opdracht in (["gunning"], ["contract", "start", "--datum", "2026-06-01", *DOOR]):
        r = _run(*opdracht, "--werkmap", ws)
        assert r.exit_code == 0, r.output
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K2")
    assert r.exit_code == 0, r.output
    return ws / "contract" / "kwartaal" / "2026-K2"


def _overzicht(pad: Path) -> str:
    return " ".join(str(c) for rij in load_workbook(pad)["Overzicht"].iter_rows(values_only=True) for c in rij if c)


def test_legenda_van_open_house_alleen_bij_eigen_rijen(tmp_path: Path) -> None:
    map_ = _kwartaal(tmp_path)
    zuid, noord, regio = (html_tekst(map_ / f"{n}.html") for n in ("gemeente-zuid", "gemeente-noord", "regio"))
    eigen = zuid.split("Toewijzing en plaatsingen")[1].split("Raamovereenkomsten (hele regio)")[0]
    assert "B1-route Alfa" in eigen and "Participatieverklaringstraject" not in eigen  # Zuid's own table: no PVT
    assert LEGENDA not in zuid
    assert LEGENDA in noord and LEGENDA in regio
    assert LEGENDA not in _overzicht(map_ / "gemeente-zuid.xlsx")
    assert LEGENDA in _overzicht(map_ / "gemeente-noord.xlsx") and LEGENDA in _overzicht(map_ / "regio.xlsx")
    # what holds for the whole region stays in every report: an open house has no framework agreement
    assert "Participatieverklaringstraject: open house (toelating), geen raamovereenkomst met een maximum" in zuid


def test_open_house_zonder_aanbieder_staat_in_het_kwartaalrapport(tmp_path: Path) -> None:
    """An open house where no one was admitted has no row in the register, so the quarterly report named it only as
    'open house (toelating), geen raamovereenkomst met een maximum': a gemeente expecting PVT or MAP inburgeraars read
    no word that the route has no supplier (contract start says 'nog geen toegelaten aanbieder'). The region-wide line
    says it, in the HTML and on the tab Overzicht, until a supplier is admitted."""
    from tests.test_toelating_niemand import _niemand_toegelaten

    ws = _niemand_toegelaten(tmp_path)  # B1 awarded; MAP by open house, no one admitted
    for opdracht in (
        ["contract", "start", "--datum", "2026-06-01", *DOOR],
        ["contract", "kwartaal", "--kwartaal", "2026-K2"],
    ):
        r = _run(*opdracht, "--werkmap", ws)
        assert r.exit_code == 0, r.output
    map_ = ws / "contract" / "kwartaal" / "2026-K2"
    zin = (
        "Module arbeidsmarkt en participatie: open house (toelating), geen raamovereenkomst met een maximum; nog geen "
        "toegelaten aanbieder, dus in de hele regio geen toewijzing of plaatsingen op deze route (een aanbieder die aan "
        "de voorwaarden voldoet, kan toetreden)."
    )
    for rapport in ("regio", "gemeente-noord"):
        assert zin in html_tekst(map_ / f"{rapport}.html"), rapport
        assert zin in _overzicht(map_ / f"{rapport}.xlsx"), rapport


def test_grens_in_de_grafiek_van_de_raamovereenkomsten_zegt_wat_ze_is(tmp_path: Path) -> None:
    """The chart of the framework agreements drew a red dashed line labelled only '80%', a number with no meaning
    on the page: it is where a framework agreement gets a signal (used more than 80% of its maximum). The label
    and the chart's text description (what a screen reader reads) say so."""
    import re

    html = (_kwartaal(tmp_path) / "regio.html").read_text(encoding="utf-8")
    grafiek = next(s for s in re.findall(r"<svg.*?</svg>", html, re.S) if "Gebruik van de raamovereenkomsten" in s)
    assert 'fill="#b00">signaal boven 80%</text>' in grafiek
    assert "gestreepte lijn: signaal boven 80% van het maximum" in grafiek

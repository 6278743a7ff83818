"""Published texts read as their reader reads them, side by side: the same fact is stated one way everywhere, and
what a gemeente gets in one format (HTML) it gets in the other (xlsx)."""

from __future__ import annotations

from pathlib import Path

from tests.test_contract_toelating import DOOR, _plaatsingen, _run, _werkmap


def _gestart(tmp_path: Path) -> Path:
    """B1 awarded, Z an open house; started 01-06-2026, six placements in each lot in Noord in June 2026."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    assert _run("contract", "inlezen", "--werkmap", ws, _plaatsingen(ws)).exit_code == 0
    return ws


def test_stand_noemt_het_contractjaar_tot_en_met_zijn_laatste_dag(tmp_path: Path) -> None:
    """The looptijd line under it says 'tot en met 31-05-2028'; the contract year said 'tot 01-06-2027', the first
    day of the next year, which a reader of 'tot en met' elsewhere takes as still inside it."""
    ws = _gestart(tmp_path)
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-30")
    assert r.exit_code == 0, r.output
    kop = r.output.splitlines()[:2]
    # by hand: started 01-06-2026, so contract year 1 runs up to and including 31-05-2027; 30-09 is day 122 of 365
    assert kop[0] == "Stand op 30-09-2026, contractjaar 1 (01-06-2026 tot en met 31-05-2027, 33,4% verstreken)"
    assert kop[1].startswith("Looptijd: 2 jaar (01-06-2026 tot en met 31-05-2028)")


def test_gemeentepagina_noemt_een_open_house_niet_gegund(tmp_path: Path) -> None:
    """B1 awarded, Z not awarded (both bids above the ceiling), PVT an open house. The box summed B1 and PVT as 'Alle
    gegunde percelen samen', but PVT is admitted, not awarded: the same page, the advies and the admission letters
    say an open house is no public contract and awards nothing."""
    from tests.hulp import (
        gunningsperceel_naast_b1,
        html_tekst,
        kleine_aanbesteding,
        maak_werkmap,
        module_naast_b1,
        schrijf_bod,
        vul_panel,
    )

    data = module_naast_b1(gunningsperceel_naast_b1(kleine_aanbesteding(), "Z", "Z-route", 12000), "PVT", "PVT", 1500)
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("Z", 13000, 10, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9500, 30, 12, 4, "alle"), ("PVT", 1400, 10, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75, "Beta": 75})
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    tekst = html_tekst(ws / "rapporten" / "gemeenten" / "noord.html")
    # by hand: Noord 10 B1 to Alfa at EUR 9.000 (EUR 90.000) + 5 PVT to Beta at EUR 1.400 (EUR 7.000)
    assert "Alle gegunde percelen en percelen met toelating (open house) samen: kosten EUR 97.000,00 per jaar" in tekst
    assert "Alle gegunde percelen samen" not in tekst
    assert "Niet meegeteld, want niet gegund: Z-route (5 verwachte inburgeraars per jaar" in tekst
    pv = html_tekst(ws / "rapporten" / "gunningsadvies.html").split("Proces-verbaal van de beoordeling")[-1]
    assert "De kwaliteitsplannen in perceel B1-route zijn beoordeeld door 2 beoordelaars" in pv
    assert "In percelen Z-route en PVT heeft het panel niets beoordeeld (zie de bijlagen van die percelen)." in pv


def test_kwartaal_xlsx_zegt_wat_de_html_zegt_over_regio_toegewezen_en_open_house(tmp_path: Path) -> None:
    """A gemeente's xlsx showed the whole region's framework agreements and suppliers (Alfa: 6 started in B1, all
    of them Noord's here, but in a real region mostly other gemeenten's) on tabs named as its own, where the HTML
    heads them '(hele regio)'; and it lacked the HTML's legend of 'toegewezen' (an expectation, for the open house Z
    by capacity) and the sentence that Z has no framework agreement, which its tab Raamovereenkomsten leaves out."""
    from openpyxl import load_workbook

    ws = _gestart(tmp_path)
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3").exit_code == 0
    map_ = ws / "contract" / "kwartaal" / "2026-K3"
    for rapport in ("regio", "gemeente-noord", "gemeente-zuid"):
        overzicht = {
            r[0]: r[1] for r in load_workbook(map_ / f"{rapport}.xlsx")["Overzicht"].iter_rows(values_only=True)
        }
        html = (map_ / f"{rapport}.html").read_text(encoding="utf-8")
        assert overzicht["Toegewezen"].startswith(
            "Toegewezen aantallen zijn de verwachte aantallen per jaar uit de gunning"
        )
        assert overzicht["Toegewezen"].split(". ", 1)[0] in html
        assert "Bij open house (toelating) in perceel Z-route is 'toegewezen' de verwachting" in overzicht["Toegewezen"]
        assert overzicht["Open house"] == "Z-route: open house (toelating), geen raamovereenkomst met een maximum."
        assert [
            r[0] for r in load_workbook(map_ / f"{rapport}.xlsx")["Raamovereenkomsten"].iter_rows(values_only=True)
        ] == [
            "Route",
            "B1-route",
        ]
        if rapport == "regio":
            assert "Hele regio" not in overzicht
        else:
            naam = rapport.removeprefix("gemeente-").capitalize()
            assert overzicht["Hele regio"] == (
                f"De tabbladen Raamovereenkomsten en Aanbieders gelden voor de hele regio, niet alleen voor {naam}; "
                f"Plaatsingen en Bronnen gelden voor {naam}; op het tabblad Signalen zegt de kolom Geldt voor of een "
                f"signaal {naam} of de hele regio betreft."
            )
            assert "<h2>Raamovereenkomsten (hele regio)</h2>" in html and "wachttijd en uitkomsten (hele regio)" in html


def test_advies_zegt_niet_dat_de_brieven_van_een_niet_gegund_perceel_een_maximum_noemen(tmp_path: Path) -> None:
    """Section 3 lists Z-route (not awarded) with its published maximum and said 'De brieven noemen dit maximum',
    but the letters on Z-route (besluit tot niet-gunning) name no maximum: no framework agreement is concluded. The
    sentence that says so, above the table, called the lot's row 'de waarde hierboven'; it is in the table below."""
    from tests.hulp import html_tekst
    from tests.test_niet_gegund import _werkmap as niet_gegund_werkmap

    ws = niet_gegund_werkmap(tmp_path / "ws")
    assert _run("gunning", "--werkmap", ws).exit_code == 0
    brieven = ws / "rapporten" / "brieven"
    assert "maximale omvang" in html_tekst(brieven / "alfa-b1.html")
    assert "maximale omvang" not in html_tekst(brieven / "alfa-z.html")
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "De brieven noemen dit maximum." not in advies
    assert (
        "De brieven over een gegund perceel noemen dit maximum; perceel Z-route wordt niet gegund: daar wordt geen "
        "raamovereenkomst gesloten en de brieven noemen geen maximum (zijn waarde in de tabel hieronder is die van de "
        "aanbesteding zoals gepubliceerd)."
    ) in advies
    # the sentence stands above the table it speaks of: 'hierboven' pointed at the text before it
    assert "de waarde hierboven" not in advies
    assert advies.index("zoals gepubliceerd).") < advies.index("Geraamde en maximale waarde")


def test_samenvatting_geeft_een_niet_gegund_perceel_geen_volume_tegen_eur_0(tmp_path: Path) -> None:
    """The summary gave Z-route (not awarded) 'Volume per jaar 10' and 'Kosten per jaar EUR 0,00': ten
    trajectories a year for nothing, where every other text says these inburgeraars have no supplier."""
    from tests.hulp import html_tekst, samenvatting_per_perceel
    from tests.test_niet_gegund import _werkmap as niet_gegund_werkmap

    ws = niet_gegund_werkmap(tmp_path / "ws")
    assert _run("gunning", "--werkmap", ws).exit_code == 0
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    samenvatting = samenvatting_per_perceel(advies)
    # by hand: Noord 5 + Oost 3 + Zuid 2 = 10 expected a year on Z-route, ceiling EUR 12.000 -> EUR 120.000,00
    assert (
        "Z-route niet gegund: geen van de 2 inschrijvingen op dit perceel is geldig (2 ongeldig) 2 geen (10 verwacht, "
        "zonder aanbieder) geen (niet gegund) EUR 120.000,00"
    ) in samenvatting
    assert "EUR 0,00" not in samenvatting


def test_procesverbaal_noemt_de_percelen_die_het_panel_beoordeelde(tmp_path: Path) -> None:
    """B1 scored, Z-route not awarded (both bids fail the ceiling, so nothing to score): the proces-verbaal said 'De
    kwaliteitsplannen zijn beoordeeld door 2 beoordelaars' in an advies whose Z-route appendix has no scores."""
    from tests.hulp import html_tekst
    from tests.test_niet_gegund import _werkmap as niet_gegund_werkmap

    ws = niet_gegund_werkmap(tmp_path / "ws")
    assert _run("gunning", "--werkmap", ws).exit_code == 0
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    pv = advies.split("Proces-verbaal van de beoordeling")[-1]
    assert "De kwaliteitsplannen in perceel B1-route zijn beoordeeld door 2 beoordelaars" in pv
    assert "In perceel Z-route heeft het panel niets beoordeeld (zie de bijlage van dat perceel)." in pv


def test_kwartaal_noemt_een_niet_gegund_perceel(tmp_path: Path) -> None:
    """Z-route was not awarded; the quarterly report of Noord (5 expected a year there) showed B1 only, without a
    word on Z-route, where contract start and every contract command that names it say why it is not there."""
    from openpyxl import load_workbook

    from tests.hulp import html_tekst
    from tests.test_niet_gegund import _werkmap as niet_gegund_werkmap

    ws = niet_gegund_werkmap(tmp_path / "ws")
    assert _run("gunning", "--werkmap", ws).exit_code == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    assert _run("contract", "inlezen", "--werkmap", ws, _plaatsingen(ws, alleen="B1")).exit_code == 0
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3").exit_code == 0
    begin = "Z-route: niet gegund (geen geldige inschrijving); geen overeenkomst, dus "
    zinnen = {
        "regio": begin
        + "geen aanbieder, toewijzing of plaatsingen voor de deelnemende gemeenten (Noord, Oost en Zuid).",
        "gemeente-noord": begin
        + "voor gemeente Noord geen aanbieder, toewijzing of plaatsingen op deze route uit deze "
        "aanbesteding.",
    }
    map_ = ws / "contract" / "kwartaal" / "2026-K3"
    for rapport, zin in zinnen.items():
        assert zin in html_tekst(map_ / f"{rapport}.html")
        overzicht = {
            r[0]: r[1] for r in load_workbook(map_ / f"{rapport}.xlsx")["Overzicht"].iter_rows(values_only=True)
        }
        assert overzicht["Niet gegund"] == zin


def test_stand_json_noemt_de_laatste_dag_van_het_contractjaar(tmp_path: Path) -> None:
    """`jaar_tot` is the day after the contract year while the text says 'tot en met' its last day: the JSON adds
    `jaar_tot_en_met` and keeps `jaar_tot` as it was (readers of the JSON rely on it)."""
    import json

    ws = _gestart(tmp_path)
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-30", "--json")
    assert r.exit_code == 0, r.output
    st = json.loads(r.stdout)
    # by hand: started 01-06-2026, contract year 1 runs from 01-06-2026 up to and including 31-05-2027
    assert (st["jaar_van"], st["jaar_tot_en_met"], st["jaar_tot"]) == ("2026-06-01", "2027-05-31", "2027-06-01")

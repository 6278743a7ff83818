"""A withheld count may not follow from a total and the bounds the reports give: '<5' is 0-4.

Two suppliers with 4 placements each in one gemeente: both cells said '<5' and the gemeente's total said 8, and two
counts of at most 4 that add up to 8 are both 4 - as exact as printing them. The same over time: 4 placed in a
quarter ('<5') after 4 in the quarter before ('<5' then), with 8 for the year to date. The rules of `totalen` and
`verschil` count exact derivations only; a total that pins a hidden part to one value of 1 or more by these
bounds (and 'onderdrukt', which is 5 or more) is now withheld too.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.test_contract_toelating import DOOR, _run, _werkmap

KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"


def _plaatsingen(pad: Path, rijen: list[tuple[str, str, str]]) -> Path:
    """(klant, supplier, date) registrations in Noord, lot Z."""
    regels = [KOP] + [f"{k};Noord;aangemeld;{d};Z;{s};" for k, s, d in rijen]
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    return pad


def _rij(map_: Path, rapport: str, route: str, wie: str) -> tuple[object, ...]:
    wb = load_workbook(map_ / f"{rapport}.xlsx")
    return next(r for r in wb["Plaatsingen"].iter_rows(values_only=True) if r[0] == route and r[1] == wie)


def test_totaal_van_twee_kleine_cellen_van_4_verraadt_ze(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    juni = [(f"A{i}", "Alfa", "2026-06-10") for i in range(4)] + [(f"B{i}", "Beta", "2026-06-10") for i in range(4)]
    assert _run("contract", "inlezen", "--werkmap", ws, _plaatsingen(tmp_path / "juni.csv", juni)).exit_code == 0
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K2").exit_code == 0
    k2 = ws / "contract" / "kwartaal" / "2026-K2"
    assert _rij(k2, "gemeente-noord", "Z-route", "Alfa")[4:] == ("<5", "<5")
    assert _rij(k2, "gemeente-noord", "Z-route", "Beta")[4:] == ("<5", "<5")
    # 8 = 4 + 4 with both parts under 5: the total is withheld, in the gemeente's report and the region's
    assert _rij(k2, "gemeente-noord", "Z-route", "Totaal")[4:] == ("onderdrukt", "onderdrukt")
    assert _rij(k2, "regio", "Z-route", "Totaal")[4:] == ("onderdrukt", "onderdrukt")

    juli = [(f"C{i}", "Alfa", "2026-07-10") for i in range(4)]
    assert _run("contract", "inlezen", "--werkmap", ws, _plaatsingen(tmp_path / "juli.csv", juli)).exit_code == 0
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3").exit_code == 0
    k3 = ws / "contract" / "kwartaal" / "2026-K3"
    # Alfa: 4 in June ('<5' in the K2 report), 4 in July ('<5' this quarter): a year to date of 8 pins both
    assert _rij(k3, "gemeente-noord", "Z-route", "Alfa")[4:] == ("onderdrukt", "<5")


def test_stand_na_twee_kwartalen_onder_5_verraadt_ze(tmp_path: Path, voorbeeld_bron: Path) -> None:
    """7 placed in 2022-K1 (shown), 4 in K2 and 4 in K3 (each '<5' in its own report): the year to date of 15 in K3
    is 7 + two counts of at most 4, so both are 4. The previous year to date (11) was withheld (11 - 7 = 4), so
    the split into last year-to-date plus this quarter found nothing: the chain runs over three reports. In the
    example's own data this was Gooise Meren, B1-route, Taalhuis De Brug B.V. in 2022-K3."""
    from tests.hulp import kopieer_voorbeeld

    ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path / "ws")
    assert _run("gunning", "--werkmap", ws, "--lots", "B1,onderwijs,Z").exit_code == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2022-01-01", *DOOR).exit_code == 0
    regels = [KOP]
    for datum, aantal in (("2022-02-10", 7), ("2022-05-10", 4), ("2022-08-10", 4)):
        regels += [f"K{datum[5:7]}-{i};Blaricum;aangemeld;{datum};Z;Kompas Inburgering;" for i in range(aantal)]
    pad = tmp_path / "blaricum.csv"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, pad).exit_code == 0
    rij: dict[str, tuple[object, ...]] = {}
    for kw in ("2022-K1", "2022-K2", "2022-K3"):
        assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", kw).exit_code == 0
        rij[kw] = _rij(ws / "contract" / "kwartaal" / kw, "gemeente-blaricum", "Z-route", "Kompas Inburgering")
    assert rij["2022-K1"][4:] == (7, 7)
    assert rij["2022-K2"][4:] == ("onderdrukt", "<5")
    assert rij["2022-K3"][4:] == ("onderdrukt", "<5")
    totaal = _rij(ws / "contract" / "kwartaal" / "2022-K3", "gemeente-blaricum", "Z-route", "Totaal")
    assert totaal[4] == "onderdrukt"


def test_een_achtergehouden_totaal_volgt_niet_uit_de_rest(tmp_path: Path) -> None:
    """Alfa 4 in Noord and 4 in Oost: its region row of 8 pins both and is withheld. It was withheld after the
    region's total (19) had been decided as if the 8 were published, so total minus Beta's row (11) gave the 8
    back. The quarter is now decided again without the 8, and the total, with one part unknown, is withheld too."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    # B1 allocation: Noord Alfa 10; Oost Alfa 2, Beta 4; Zuid Beta 4
    rijen = [KOP]
    for gemeente, wie, n in (("Noord", "Alfa", 4), ("Oost", "Alfa", 4), ("Oost", "Beta", 5), ("Zuid", "Beta", 6)):
        rijen += [f"{gemeente[0]}{wie[0]}{i};{gemeente};aangemeld;2026-06-10;B1;{wie};" for i in range(n)]
    pad = tmp_path / "juni.csv"
    pad.write_text("\n".join(rijen) + "\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, pad).exit_code == 0
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K2").exit_code == 0
    k2 = ws / "contract" / "kwartaal" / "2026-K2"
    assert _rij(k2, "regio", "B1-route", "Beta")[4] == 11
    assert _rij(k2, "regio", "B1-route", "Alfa")[4] == "onderdrukt"
    assert _rij(k2, "regio", "B1-route", "Totaal")[4] == "onderdrukt"

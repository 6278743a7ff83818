"""A withheld count carries no bounds: one label, 'onderdrukt', for every withheld count (also 0).

With two labels ('<5' for 0-4, 'onderdrukt' for a withheld 5 or more) the label was a bound: two cells '<5' under a
total of 8 are both 4, a year to date of 8 after '<5' last quarter and '<5' this quarter is 4 and 4, as exact as
printing them. The rules then withheld such totals; an integer model over all published figures still pinned
counts. Now the cells say 'onderdrukt' and the same totals are shown: 8 over two withheld cells leaves 0-8 for each.
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


def test_totaal_van_twee_verborgen_cellen_legt_ze_niet_vast(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    juni = [(f"A{i}", "Alfa", "2026-06-10") for i in range(4)] + [(f"B{i}", "Beta", "2026-06-10") for i in range(4)]
    assert _run("contract", "inlezen", "--werkmap", ws, _plaatsingen(tmp_path / "juni.csv", juni)).exit_code == 0
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K2").exit_code == 0
    k2 = ws / "contract" / "kwartaal" / "2026-K2"
    assert _rij(k2, "gemeente-noord", "Z-route", "Alfa")[4:] == ("onderdrukt", "onderdrukt")
    assert _rij(k2, "gemeente-noord", "Z-route", "Beta")[4:] == ("onderdrukt", "onderdrukt")
    # 8 = Alfa + Beta, each anything from 0 to 8 for a reader: shown, in the gemeente's report and the region's
    # (which adds Oost and Zuid, allocated and nobody placed: 0, which names nobody)
    assert _rij(k2, "gemeente-noord", "Z-route", "Totaal")[4:] == (8, 8)
    assert _rij(k2, "regio", "Z-route", "Totaal")[4:] == (8, 8)

    juli = [(f"C{i}", "Alfa", "2026-07-10") for i in range(4)]
    assert _run("contract", "inlezen", "--werkmap", ws, _plaatsingen(tmp_path / "juli.csv", juli)).exit_code == 0
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3").exit_code == 0
    k3 = ws / "contract" / "kwartaal" / "2026-K3"
    # Alfa: 4 in June, 4 in July: the year to date of 8 is shown, June and July stay any split of 8 (with Beta's
    # June the rest of the 8 of K2); Noord's total of 12 would give 12 - 8 = Beta's 4: withheld
    assert _rij(k3, "gemeente-noord", "Z-route", "Alfa")[4:] == (8, "onderdrukt")
    assert _rij(k3, "gemeente-noord", "Z-route", "Totaal")[4:] == ("onderdrukt", "onderdrukt")


def test_een_totaal_met_twee_verborgen_delen_wordt_getoond(tmp_path: Path) -> None:
    """Alfa 4 in Noord and 4 in Oost: its region row of 8 pinned both at 4 while they said '<5', and was withheld,
    and so the region's total (19) with it. With one label the 8 leaves each 0-8, and both are shown."""
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
    assert _rij(k2, "regio", "B1-route", "Alfa")[4] == 8
    assert _rij(k2, "regio", "B1-route", "Totaal")[4] == 19
    # Oost's total (4 + 5) has one hidden part, Alfa's 4: still withheld (9 - 5 would give it)
    assert _rij(k2, "gemeente-oost", "B1-route", "Totaal")[4] == "onderdrukt"

"""Secondary suppression in the quarterly report: withheld cells whose sum a shown total gives away.

The region's row of a supplier is the sum of the gemeenten's cells. With Noord's cell shown (10) and Oost's and
Zuid's withheld (2 each), a region row of 14 says that Oost and Zuid together placed 4 persons with Alfa: a small
group, derivable as surely as a small cell. The rule for totals (`evaluatie.contract.totalen`) now also refuses a
figure after which the parts of a known total that a reader cannot derive hold 1-4 distinct persons together; in the
fixed order of `evaluatie.contract.openbaar` (cells first) that is the total.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from evaluatie.contract.onderdrukking import ONDERDRUKT
from evaluatie.contract.totalen import Reeks, Relatie, probeer
from evaluatie.contract.verschil import Kennis
from tests.test_contract_grenzen import _rij
from tests.test_contract_publicatie import _kwartaal
from tests.test_contract_toelating import _run
from tests.test_kwartaal_personen import _contract, _raam


def _alfa(per_gemeente: dict[str, int]) -> list[str]:
    """Distinct clients registered with Alfa in June 2026, per gemeente."""
    return [
        f"{g[0]}{i};{g};aangemeld;2026-06-{i % 20 + 2:02d};B1;Alfa;" for g, n in per_gemeente.items() for i in range(n)
    ]


def test_twee_verborgen_cellen_met_samen_vier_personen_onder_een_getoonde_rij(tmp_path: Path) -> None:
    # by hand: Alfa's region row is 10 + 2 + 2 = 14; Noord's 10 is shown, Oost's and Zuid's 2 are under 5. Shown,
    # the 14 gives Oost + Zuid = 14 - 10 = 4 persons: withheld now, and so the region's total (Beta has no one, so it
    # is the same 14) and the framework use
    map_ = _kwartaal(
        _contract(tmp_path, ("k2.csv", _alfa({"Noord": 10, "Oost": 2, "Zuid": 2}), "2026-07-01")), "2026-K2"
    )
    assert _rij(map_, "gemeente-noord", "B1-route", "Alfa")[4:] == (10, 10)
    assert _rij(map_, "gemeente-oost", "B1-route", "Alfa")[4:] == (ONDERDRUKT, ONDERDRUKT)
    assert _rij(map_, "gemeente-zuid", "B1-route", "Alfa")[4:] == (ONDERDRUKT, ONDERDRUKT)
    assert _rij(map_, "regio", "B1-route", "Alfa")[4:] == (ONDERDRUKT, ONDERDRUKT)
    assert _rij(map_, "regio", "B1-route", "Totaal")[4:] == (ONDERDRUKT, ONDERDRUKT)
    assert _raam(map_) == ONDERDRUKT


def test_verborgen_cellen_met_samen_vijf_personen_laten_de_rij_staan(tmp_path: Path) -> None:
    # by hand: 10 + 2 + 3 = 15; the withheld cells hold 5 persons together, no small group: the row stays shown
    map_ = _kwartaal(
        _contract(tmp_path, ("k2.csv", _alfa({"Noord": 10, "Oost": 2, "Zuid": 3}), "2026-07-01")), "2026-K2"
    )
    assert _rij(map_, "regio", "B1-route", "Alfa")[4:] == (15, 15)
    assert _rij(map_, "gemeente-oost", "B1-route", "Alfa")[4:] == (ONDERDRUKT, ONDERDRUKT)


def _reeks(dagen: list[int], wie: list[str]) -> Reeks:
    return Reeks(Kennis(dagen, wie))


def test_een_groep_telt_personen_en_een_later_deel_wordt_geweigerd() -> None:
    """Four parts by hand over one period (days 0-30): A 20 persons, B 5, C 6 placements of 2 persons (one client
    registered again four times), D 1; the total (32 placements) is shown first. B leaves A, C and D unknown
    (20 + 2 + 1 = 23 persons): shown. A then leaves C and D: 7 placements, but 2 + 1 = 3 persons, a small group,
    so A is refused (the later figure in the order) and taken back."""
    a = _reeks(list(range(1, 21)), [f"a{i}" for i in range(20)])
    b = _reeks([2, 4, 6, 8, 9], [f"b{i}" for i in range(5)])
    c = _reeks([1, 2, 3, 4, 5, 6], ["c0", "c1", "c0", "c0", "c0", "c0"])
    d = _reeks([7], ["d0"])
    totaal = _reeks(sorted([*a.kennis.datums, *b.kennis.datums, *c.kennis.datums, 7]), [f"t{i}" for i in range(32)])
    rel = Relatie(totaal, [a, b, c, d])
    totaal.geheel_van.append(rel)
    for deel in (a, b, c, d):
        deel.delen_van.append(rel)
    assert probeer(totaal, 0, 30)
    assert probeer(b, 0, 30)
    assert not probeer(a, 0, 30)
    assert not a.kennis.samen(0, 30)


def test_de_exacte_controle_toetst_een_groep_alleen_op_1_tot_4() -> None:
    """Rule 5 on groups (evaluatie.contract.controle): cells 0, 1, 2 with 10, 2 and 2 placements on day 1 (by hand);
    shown: cell 0 (10) and the row (14). The group of cells 1 and 2 is 14 - 10 = 4: pinned at 1-4, found. With 3 in
    cell 2 the group is 5: pinned too (a reader always derives it) but allowed."""
    from evaluatie.contract.controle import Cijfer, eerste_vastgepinde

    for derde, verwacht in ((2, True), (3, False)):
        datums = [[1] * 10, [1] * 2, [1] * derde]
        groep = Cijfer((1, 2), 0, 1, None, 0, True, True)
        cijfers = [Cijfer((0,), 0, 1, 10), Cijfer((0, 1, 2), 0, 1, 12 + derde), Cijfer((1,), 0, 1, None), groep]
        assert (eerste_vastgepinde(cijfers, datums) == groep) is verwacht, derde


def test_zonder_de_regel_voor_groepen_vindt_de_controle_de_groep(tmp_path: Path, monkeypatch: Any) -> None:
    """The two rules apart: with the rule of `totalen` for groups switched off, the exact check finds Oost + Zuid = 4
    under Alfa's region row and the quarter is decided again with the totals withheld: the same tables."""
    from evaluatie.contract import totalen

    monkeypatch.setattr(totalen, "_kleine_groep", lambda *_: False)
    map_ = _kwartaal(
        _contract(tmp_path, ("k2.csv", _alfa({"Noord": 10, "Oost": 2, "Zuid": 2}), "2026-07-01")), "2026-K2"
    )
    assert _rij(map_, "gemeente-noord", "B1-route", "Alfa")[4:] == (10, 10)
    assert _rij(map_, "regio", "B1-route", "Alfa")[4:] == (ONDERDRUKT, ONDERDRUKT)


def test_een_groep_van_een_eerdere_rapportage_blijft_staan_na_een_correctie(tmp_path: Path, monkeypatch: Any) -> None:
    """A report made before the rule for groups showed Alfa's region row 14 over Noord's 10 (Oost + Zuid = 4). Then a
    registration of June is read in late (Beta in Noord): the register changed for 2026-K2, which is decided again
    with what it showed as known. The 14 is a published fact that no figure of the quarter takes back; the exact
    check used to find its group with everything else withheld and stopped ('dat kan volgens het ontwerp niet').
    Now the quarter is made again (publication 2), the 14 and the 10 as they were."""
    import evaluatie.contract.openbaar as openbaar
    from evaluatie.contract import totalen
    from tests.test_contract_routewijziging_aanbieder import KOP

    with monkeypatch.context() as oud:
        oud.setattr(totalen, "_kleine_groep", lambda *_: False)
        oud.setattr(openbaar, "_groepen", lambda *_: [])
        ws = _contract(tmp_path, ("k2.csv", _alfa({"Noord": 10, "Oost": 2, "Zuid": 2}), "2026-07-01"))
        assert _rij(_kwartaal(ws, "2026-K2"), "regio", "B1-route", "Alfa")[4:] == (14, 14)
    (ws / "laat.csv").write_text(KOP + "L1;Noord;aangemeld;2026-06-15;B1;Beta;\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, ws / "laat.csv", "--datum", "2026-07-10").exit_code == 0
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K2")
    assert r.exit_code == 0, r.output
    assert "vastgelegd als publicatie 2" in r.output
    map_ = ws / "contract" / "kwartaal" / "2026-K2"
    assert _rij(map_, "regio", "B1-route", "Alfa")[4:] == (14, 14)
    assert _rij(map_, "gemeente-noord", "B1-route", "Alfa")[4:] == (10, 10)

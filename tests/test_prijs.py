"""Price methods against hand-computed examples, and ties."""

from __future__ import annotations

from pathlib import Path

import pytest

from evaluatie.definitie import laad_aanbesteding
from evaluatie.prijs.basis import Kandidaat
from evaluatie.prijs.rangorde import rangschik
from tests.hulp import kleine_aanbesteding, schrijf_yaml, zonder_weging

# Ceiling EUR 10,000, weights quality 60 / price 40 unless a test changes them.
A = Kandidaat("A", 8000, 70, 10, 4)
B = Kandidaat("B", 9000, 80, 10, 4)
C = Kandidaat("C", 10000, 90, 10, 4)


def _perceel(tmp_path: Path, **over):
    data = kleine_aanbesteding()
    if over.get("prijsmethode") in ("fictieve_korting", "vaste_prijs"):
        zonder_weging(data["percelen"]["B1"])  # these methods weigh nothing: a weging would be an input error
    data["percelen"]["B1"].update(over)
    return laad_aanbesteding(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))[0].percelen["B1"]


def _tabel(regels) -> dict[str, tuple]:
    return {r.inschrijver: (round(r.prijsscore, 4), round(r.totaal, 4), r.rang) for r in regels}


def test_relatief(tmp_path: Path) -> None:
    # A: 8000/8000 x 100 = 100;  total 0.6 x 70 + 0.4 x 100 = 82
    # B: 8000/9000 x 100 = 88.8889; total 48 + 35.5556 = 83.5556
    # C: 8000/10000 x 100 = 80;  total 54 + 32 = 86
    r = rangschik(_perceel(tmp_path, prijsmethode="relatief"), [A, B, C])
    assert _tabel(r) == {"A": (100, 82, 3), "B": (88.8889, 83.5556, 2), "C": (80, 86, 1)}
    assert [x.inschrijver for x in r] == ["C", "B", "A"]
    assert "EUR 8.000,00 / EUR 9.000,00 x 100 = 88,89" in r[1].berekening


def test_lineair(tmp_path: Path) -> None:
    # A: 100; B: (10000 - 9000) / (10000 - 8000) x 100 = 50; C (at the ceiling): 0
    # totals: A 42 + 40 = 82; B 48 + 20 = 68; C 54 + 0 = 54
    r = rangschik(_perceel(tmp_path, prijsmethode="lineair"), [A, B, C])
    assert _tabel(r) == {"A": (100, 82, 1), "B": (50, 68, 2), "C": (0, 54, 3)}


def test_fictieve_korting(tmp_path: Path) -> None:
    # max discount EUR 2,000: A 2000 x 70% = 1400 -> 6600; B 1600 -> 7400; C 1800 -> 8200; lowest first
    r = rangschik(_perceel(tmp_path, prijsmethode="fictieve_korting", max_fictieve_korting=2000), [A, B, C])
    assert _tabel(r) == {"A": (1400, 6600, 1), "B": (1600, 7400, 2), "C": (1800, 8200, 3)}
    assert [x.gunningswaarde for x in r] == [3400, 2600, 1800]  # ceiling - fictitious price


def test_vaste_prijs(tmp_path: Path) -> None:
    r = rangschik(_perceel(tmp_path, prijsmethode="vaste_prijs"), [A, B, C])
    assert _tabel(r) == {"A": (0, 70, 3), "B": (0, 80, 2), "C": (0, 90, 1)}


# Weights 50/50, relatief: D (8000, quality 60) = 30 + 50 = 80; E (10000, quality 80) = 40 + 40 = 80.
D = Kandidaat("D", 8000, 60, 10, 4)
E = Kandidaat("E", 10000, 80, 10, 4)


@pytest.mark.parametrize(
    ("regels", "eerste", "door"),
    [
        (["hoogste_kwaliteit"], "E", "hoogste_kwaliteit"),
        (["laagste_prijs"], "D", "laagste_prijs"),
    ],
)
def test_gelijke_stand_beslist_door_regel(tmp_path: Path, regels: list[str], eerste: str, door: str) -> None:
    p = _perceel(tmp_path, weging={"kwaliteit": 50, "prijs": 50}, bij_gelijke_stand=regels)
    r = rangschik(p, [D, E])
    assert [x.totaal for x in r] == [80, 80]
    assert (r[0].inschrijver, r[0].rang, r[1].rang) == (eerste, 1, 2)
    assert not r[0].gelijke_stand and r[1].beslist_door == door


def test_gelijke_stand_zonder_regel_vraagt_loting(tmp_path: Path) -> None:
    p = _perceel(tmp_path, weging={"kwaliteit": 50, "prijs": 50}, bij_gelijke_stand=[])
    F = Kandidaat("F", 10000, 50, 10, 4)  # 25 + 40 = 65
    r = rangschik(p, [E, F, D])
    assert [(x.inschrijver, x.rang, x.gelijke_stand) for x in r] == [("D", 1, True), ("E", 1, True), ("F", 3, False)]
    # file order does not matter
    assert rangschik(p, [F, D, E]) == r

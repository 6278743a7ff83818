"""Standstill under the Algemene termijnenwet: the published gelijkgestelde dagen and the coverage warning."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from evaluatie.rapport.standstill import gedekte_jaren, standstill
from evaluatie.werkmap import criteria_map


@pytest.mark.parametrize(
    ("verzonden", "einde", "reden"),
    [
        # 6-12-2024 + 20 = Thursday 26-12 (tweede Kerstdag); Friday 27-12 gelijkgesteld; weekend -> Monday 30-12
        ("2024-12-06", "2024-12-30", "vrijdag na Kerstmis"),
        # 12-12-2025 + 20 = Thursday 1-1-2026 (Nieuwjaarsdag); Friday 2-1 gelijkgesteld; weekend -> Monday 5-1
        ("2025-12-12", "2026-01-05", "vrijdag na Nieuwjaarsdag"),
        # 7-4-2023 + 20 = Thursday 27-4 (Koningsdag); Friday 28-4 gelijkgesteld; weekend -> Monday 1-5
        ("2023-04-07", "2023-05-01", "vrijdag na Koningsdag"),
        # 8-5-2028 + 20 = Sunday 28-5-2028 -> Monday 29-5
        ("2028-05-08", "2028-05-29", "zondag"),
        # 5-5-2028 + 20 = Thursday 25-5-2028 Hemelvaartsdag; Friday 26-5 gelijkgesteld; weekend -> Monday 29-5
        ("2028-05-05", "2028-05-29", "vrijdag na Hemelvaartsdag"),
    ],
)
def test_gelijkgestelde_dagen_uit_de_besluiten(verzonden: str, einde: str, reden: str) -> None:
    s = standstill(dt.date.fromisoformat(verzonden), 20)
    assert s.einde == dt.date.fromisoformat(einde)
    assert reden in s.uitleg
    assert s.waarschuwing is None


def test_bestand_bevat_alle_geverifieerde_dagen() -> None:
    data = yaml.safe_load((criteria_map() / "atw-gelijkgestelde-dagen.yaml").read_text(encoding="utf-8"))
    dagen = {d["datum"] for d in data["dagen"]}
    # the days listed as verified in issue 10
    geverifieerd = ["2023-04-28", "2023-05-19", "2024-05-10", "2024-12-27", "2025-05-30", "2026-01-02"]
    geverifieerd += ["2026-05-15", "2027-05-07", "2028-04-28", "2028-05-26"]
    assert {dt.date.fromisoformat(d) for d in geverifieerd} <= dagen
    assert all(d.weekday() == 4 for d in dagen)  # every gelijkgestelde dag so far is a Friday
    assert set(range(2021, 2029)) <= gedekte_jaren()


def test_waarschuwing_voor_jaar_buiten_het_bestand() -> None:
    # 2029 is not in the file: a decree for 2029 may add a day, so the end date cannot be vouched for
    s = standstill(dt.date(2029, 3, 1), 20)
    assert s.einde == dt.date(2029, 3, 21)
    assert s.waarschuwing is not None
    assert "2029" in s.waarschuwing and "Besluit gelijkstelling" in s.waarschuwing
    # a period that starts in a covered year but ends in an uncovered one warns as well
    assert standstill(dt.date(2028, 12, 20), 20).waarschuwing is not None
    assert standstill(dt.date(2028, 6, 1), 20).waarschuwing is None

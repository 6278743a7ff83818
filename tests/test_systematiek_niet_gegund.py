"""The published systematiek did not say what happens to an award lot without a valid bid, while the award does
something definite (evaluatie.gunning.niet_gegund): the lot is not awarded, the other lots go on, and its bidders get
a besluit tot niet-gunning without a standstill period instead of the gunningsbeslissing the systematiek announces.
A rule a bidder could not read beforehand; the systematiek now states it, in the words of what is computed."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import gunningsperceel_naast_b1, kleine_aanbesteding, kleine_toelating, maak_werkmap, open_house_module
from tests.test_systematiek_keurmerkvoorwaarde import _systematiek

KERN = (
    "Perceel zonder geldige inschrijving. Is in een gunningsperceel geen inschrijving geldig (iedere inschrijving is "
    "ongeldig, uitgesloten of afgewezen wegens een abnormaal lage prijs) of is er niet op ingeschreven, dan wordt dat "
    "perceel niet gegund en wordt er geen raamovereenkomst voor gesloten"
)
BRIEF = (
    ", en ontvangt iedere inschrijver op dat perceel in plaats van een gunningsbeslissing een besluit tot "
    "niet-gunning met de reden, de eigen status en de eigen redenen, zonder rangorde en zonder opschortende termijn, "
    "omdat er geen overeenkomst wordt gesloten."
)


def test_een_perceel(tmp_path: Path) -> None:
    """One lot: no 'other lots' that go on."""
    assert KERN + BRIEF in _systematiek(maak_werkmap(tmp_path / "ws", kleine_aanbesteding()))


def test_twee_gunningspercelen(tmp_path: Path) -> None:
    data = gunningsperceel_naast_b1(kleine_aanbesteding(), "Z", "Z-route", 12000)
    tekst = _systematiek(maak_werkmap(tmp_path / "ws", data))
    assert KERN + "; de andere percelen worden gegund zoals hierboven beschreven" + BRIEF in tekst


def test_naast_open_house(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["PVT"] = open_house_module("Participatieverklaringstraject", 350)
    for g, n in zip(data["gemeenten"], (10, 6, 4), strict=True):
        g["inburgeraars"]["PVT"] = n
    tekst = _systematiek(maak_werkmap(tmp_path / "ws", data))
    assert KERN + "; de andere percelen worden gegund of toegelaten zoals hierboven beschreven" + BRIEF in tekst


def test_alleen_open_house_zegt_het_niet(tmp_path: Path) -> None:
    """An open house without an admitted bid stays open for later entry: it is never 'niet gegund'."""
    data = kleine_toelating()
    assert "Perceel zonder geldige inschrijving" not in _systematiek(maak_werkmap(tmp_path / "ws", data))

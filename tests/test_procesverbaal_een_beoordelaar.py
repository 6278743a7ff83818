"""A panel of one reviewer: the proces-verbaal said 'Iedere beoordelaar heeft eerst zelfstandig gescoord' and 'voor
iedere regel telt het gemiddelde van de scores van de beoordelaars', words for a panel that compared independent scores,
where one person scored (o107 found it). It says what happened: one reviewer, no second judgment, her score counts."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import html_tekst, maak_werkmap, schrijf_bod
from tests.test_gemeentepagina_toelating import _beoordeeld_en_gegund, _met_pvt


def test_een_beoordelaar_is_geen_panel_dat_vergeleek(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", _met_pvt())  # reviewer Ada alone
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("PVT", 300, 30, 12, 4, "alle")])
    _beoordeeld_en_gegund(ws)
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "zijn beoordeeld door 1 beoordelaar," in advies
    assert (
        "De beoordelaar heeft iedere score schriftelijk gemotiveerd op het formulier; met één beoordelaar is er geen "
        "tweede, onafhankelijk oordeel en is de overeenstemming tussen beoordelaars niet te bepalen." in advies
    )
    assert "Iedere beoordelaar heeft eerst zelfstandig gescoord" not in advies
    assert "voor iedere regel telt de score van de beoordelaar." in advies
    assert "van de scores van de beoordelaars" not in advies

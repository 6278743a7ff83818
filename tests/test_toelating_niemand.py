"""An open-house lot where no bid meets the conditions: a valid outcome (no one is admitted, the lot stays open
for later entry), not an evaluation that cannot complete. It blocked the whole award: no letters in the other lots
and no toelatingsbesluit for the bidders that were not admitted."""

from __future__ import annotations

from pathlib import Path

from tests.hulp import (
    html_tekst,
    kleine_aanbesteding,
    maak_werkmap,
    module_naast_b1,
    samenvatting_per_perceel,
    schrijf_bod,
    vul_panel,
)
from tests.test_contract_toelating import DOOR, _run


def _niemand_toegelaten(tmp_path: Path) -> Path:
    """B1 awarded to Alfa; MAP by open house (5, 3 and 2 expected), where Alfa's EUR 700 is above the EUR 600
    ceiling: no one is admitted. Awarded."""
    data = module_naast_b1(kleine_aanbesteding(), "MAP", "Module arbeidsmarkt en participatie", 600)
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("MAP", 700, 10, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75})
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    return ws


def test_open_house_zonder_toegelaten_aanbieder_gaat_door(tmp_path: Path) -> None:
    ws = _niemand_toegelaten(tmp_path)
    brief = html_tekst(ws / "rapporten" / "brieven" / "alfa-map.html")
    assert "Beslissing: niet toegelaten" in brief and "EUR 700,00 ligt boven de plafondprijs van EUR 600,00" in brief
    assert (ws / "rapporten" / "brieven" / "alfa-b1.html").exists()
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert (
        "Geen inschrijving voldoet aan de voorwaarden voor perceel Module arbeidsmarkt en participatie; wij adviseren "
        "niemand toe te laten. Het perceel blijft open" in advies
    )
    assert "toe te laten: ." not in advies
    # the summary table said nothing in the column 'Gegund of toegelaten' (an empty cell reads as a missing value)
    assert "Module arbeidsmarkt en participatie niemand (het perceel blijft open voor later toetreden) 1 " in advies
    noord = html_tekst(ws / "rapporten" / "gemeenten" / "noord.html")
    assert "Zonder toegelaten aanbieder 5 EUR 0,00" in noord
    r = _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR)
    assert r.exit_code == 0, r.output
    assert "Module arbeidsmarkt en participatie: nog geen toegelaten aanbieder; open house (toelating)" in r.output


def test_advies_geeft_open_house_zonder_toegelaten_aanbieder_geen_kosten_van_eur_0(tmp_path: Path) -> None:
    """With no one admitted, the advies gave the lot 'Volume per jaar 10' at 'Kosten per jaar EUR 0,00' in its
    summary, an empty table under 'Toegelaten aanbieders' and an expected distribution of EUR 0,00 in every gemeente:
    ten inburgeraars a year served for nothing, where the advice says they have no supplier yet."""
    ws = _niemand_toegelaten(tmp_path)
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    samenvatting = samenvatting_per_perceel(advies)
    # by hand: 5 + 3 + 2 = 10 expected a year, ceiling EUR 600 -> EUR 6.000,00
    assert (
        "Module arbeidsmarkt en participatie niemand (het perceel blijft open voor later toetreden) 1 geen (10 "
        "verwacht, zonder aanbieder) geen (niemand toegelaten) EUR 6.000,00"
    ) in samenvatting
    assert "EUR 0,00" not in samenvatting
    bijlage = advies.split("Perceel Module arbeidsmarkt en participatie Advies")[1].split("Proces-verbaal")[0]
    assert "EUR 0,00" not in bijlage
    assert (
        "Toegelaten aanbieders Geen aanbieder is toegelaten: geen inschrijving voldoet aan de voorwaarden. Er is dus "
        "geen verwachte verdeling over aanbieders en er zijn geen kosten geraamd voor de 10 verwachte inburgeraars "
        "per jaar (de vraag staat hierboven bij de regels); een aanbieder die aan de voorwaarden voldoet, kan "
        "gedurende de looptijd toetreden."
    ) in bijlage
    assert "Verwachte verdeling per gemeente" not in bijlage and "Eigen prijs per traject" not in bijlage


def test_enige_gunningsperceel_zonder_geldige_inschrijving_niet_gegund(tmp_path: Path) -> None:
    """An award lot without a valid bid stopped the award (exit 1) and left its bidders without a letter; it is now
    'niet gegund' (exit 0) and the bidder gets its letter. When no lot of the tender is awarded, there is no contract to
    start: 'contract start' says so (exit 1) instead of beginning an empty register."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 11000, 30, 12, 4, "alle")])
    # no valid bid, so nothing for the panel to assess: the award waits for no forms (test_ontbrekende_stap)
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    assert (
        "Perceel B1-route - NIET GEGUND: de enige inschrijving op dit perceel is niet geldig (1 ongeldig)" in r.output
    )
    brief = html_tekst(ws / "rapporten" / "brieven" / "alfa-b1.html")
    assert (
        "Wij gunnen perceel B1-route niet, omdat de enige inschrijving op dit perceel niet geldig is (1 ongeldig)."
        in brief
    )
    assert "Uw prijs per traject van EUR 11.000,00 ligt boven de plafondprijs van EUR 10.000,00." in brief
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert "6. Zekerheid van de uitkomst" not in advies  # nobody chosen: no outcome to test
    # nothing Noord joined is awarded: no 'kosten EUR 0,00 tegen EUR 0,00' of the awarded lots
    noord = html_tekst(ws / "rapporten" / "gemeenten" / "noord.html")
    assert (
        "Geen gegund perceel; niet gegund: B1-route (10 verwachte inburgeraars per jaar zonder aanbieder uit deze "
        "aanbesteding)."
    ) in noord
    assert "EUR 0,00 per jaar tegen" not in noord
    r = _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR)
    assert r.exit_code == 1, r.output
    assert (
        "geen enkel perceel van de gunning is gegund (B1-route: niet gegund, geen geldige inschrijving); er is geen "
        "overeenkomst, dus geen contract om te starten"
    ) in " ".join(r.output.split())
    assert not (ws / "contract" / "register.sqlite").exists()

"""A gemeente whose name has a comma (CBS: 'Nuenen, Gerwen en Nederwetten') in a list of gemeenten separated by
commas read as three places: the knock-out reason in the advies and the bidder's letter said 'B: ontbreekt Nuenen,
Gerwen en Nederwetten, Zuid'. In a list such a name stands between quotation marks."""

from __future__ import annotations

import copy
from pathlib import Path

from evaluatie.gemeentenamen import opsomming
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel
from tests.test_contract_toelating import _run

NUENEN = "Nuenen, Gerwen en Nederwetten"


def test_opsomming_zet_een_naam_met_komma_tussen_aanhalingstekens() -> None:
    assert opsomming(["Noord", NUENEN, "Zuid"], "en") == 'Noord, "Nuenen, Gerwen en Nederwetten" en Zuid'
    assert opsomming(["Noord", "Oost"], "en") == "Noord en Oost"  # no comma, no quotes


def test_knockoutreden_met_een_gemeentenaam_met_komma(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    data["gemeenten"].insert(2, {"naam": NUENEN, "subregio": "B", "inburgeraars": {"B1": 5}})
    data["percelen"]["B1"]["knockout"]["dekking"] = {"eis": "subregio"}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 40, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9000, 40, 12, 4, "Noord")])
    vul_panel(ws, {"Alfa": 75})
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    reden = (
        'bedient geen enkele subregio volledig (A: ontbreekt Oost; B: ontbreken "Nuenen, Gerwen en Nederwetten", Zuid)'
    )
    assert reden in html_tekst(ws / "rapporten" / "brieven" / "beta-b1.html")
    assert reden in html_tekst(ws / "rapporten" / "gunningsadvies.html")


def test_niet_deelnemend_in_de_systematiek(tmp_path: Path) -> None:
    """The published systematiek (and the bid form) list the gemeenten that do not join a lot the same way."""
    data = kleine_aanbesteding()
    data["gemeenten"].insert(2, {"naam": NUENEN, "subregio": "B", "inburgeraars": {}})
    data["percelen"]["B1"]["gemeenten"] = ["Noord", "Oost"]
    del data["gemeenten"][3]["inburgeraars"]["B1"]
    # they join lot Z (a gemeente in no lot at all is an input error)
    data["percelen"]["Z"] = copy.deepcopy(data["percelen"]["B1"]) | {"naam": "Z-route", "gemeenten": "alle"}
    for g in data["gemeenten"]:
        g["inburgeraars"]["Z"] = 2
    ws = maak_werkmap(tmp_path / "ws", data)
    r = _run("template", "systematiek", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    tekst = html_tekst(ws / "gunningssystematiek.html")
    assert 'Niet deelnemend aan dit perceel: "Nuenen, Gerwen en Nederwetten", Zuid.' in tekst


def test_geldige_namen_in_een_melding_met_nuenen_tussen_aanhalingstekens() -> None:
    """A name that matches nothing in a small tender lists the valid names ('geldig: ...'); 'Nuenen, Gerwen en
    Nederwetten' read there as three of them. Quoted now, as in every list of gemeenten in a text."""
    from evaluatie.gemeentenamen import Namen

    namen = Namen(["Eindhoven", "Nuenen, Gerwen en Nederwetten", "Geldrop-Mierlo"])
    assert namen.melding("Xqzw", "staat niet onder gemeenten") == (
        "'Xqzw' staat niet onder gemeenten; geldig: Eindhoven, \"Nuenen, Gerwen en Nederwetten\", Geldrop-Mierlo"
    )


def test_gemeenten_van_een_inschrijving_in_de_analyse(tmp_path: Path) -> None:
    """evaluatie.open(...).inschrijvingen() lists the gemeenten of a bid in one text column, separated by commas:
    Alfa's 'Noord, Oost, Nuenen, Gerwen en Nederwetten, Zuid' read as five places for four gemeenten. The name with a
    comma is quoted there too, as in every list of gemeenten in a text."""
    import evaluatie

    data = kleine_aanbesteding()
    data["gemeenten"].insert(2, {"naam": NUENEN, "subregio": "B", "inburgeraars": {"B1": 5}})
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 40, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75})
    [gemeenten] = evaluatie.open(ws).inschrijvingen()["gemeenten"]
    assert gemeenten == 'Noord, Oost, "Nuenen, Gerwen en Nederwetten", Zuid'

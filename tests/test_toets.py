"""Knock-out rules: each passes and fails on its boundary value, and all failures are listed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from evaluatie.cli import main
from evaluatie.definitie import laad_aanbesteding
from evaluatie.inschrijving.model import Inschrijving, PerceelAanbod
from evaluatie.toets.register import regels_register
from evaluatie.toets.uitvoeren import toets
from tests.hulp import kleine_aanbesteding, schrijf_yaml


def _aanbesteding(tmp_path: Path, knockout: dict[str, Any]):
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["knockout"] = knockout
    return laad_aanbesteding(schrijf_yaml(tmp_path / "aanbesteding.yaml", data))[0]


def _bod(**over: Any) -> Inschrijving:
    aanbod = {
        "perceel": "B1",
        "prijs": 9000.0,
        "capaciteit": 10,
        "instroommomenten": 12,
        "wachttijd_weken": 6.0,
        "gemeenten": ("Noord", "Oost", "Zuid"),
        "cel": "x.xlsx!Percelen!A2",
    }
    velden = {
        "bestand": "x.xlsx",
        "sha256": "0" * 64,
        "naam": "X",
        "kvk": "12345678",
        "contactpersoon": "c",
        "email": "a@b.nl",
        "keurmerk": True,
        "keurmerk_nummer": "BOW-1",
        "keurmerk_geldig_tot": dt.date(2026, 3, 2),
        "uitsluitingsgronden": False,
        "cel_naam": "x.xlsx!Inschrijver!B2",
        "cel_kvk": "x.xlsx!Inschrijver!B3",
    }
    for k, v in over.items():
        (aanbod if k in aanbod else velden)[k] = v
    return Inschrijving(aanbod={"B1": PerceelAanbod(**aanbod)}, **velden)


def _uitslag(tmp_path: Path, knockout: dict[str, Any], kwaliteit: float | None = None, **bod: Any):
    a = _aanbesteding(tmp_path, knockout)
    k = None if kwaliteit is None else {("X", "B1"): kwaliteit}
    return toets(a, [_bod(**bod)], k).resultaten[0]


# Peildatum in kleine_aanbesteding is 2026-03-02; volume B1 is 10 + 6 + 4 = 20.
GRENZEN = [
    (
        "keurmerk",
        {},
        {"keurmerk_geldig_tot": dt.date(2026, 3, 2)},
        {"keurmerk_geldig_tot": dt.date(2026, 3, 1)},
        "keurmerk geldig tot 1 maart 2026; op de peildatum 2 maart 2026 verlopen",
    ),
    ("keurmerk", {}, {"keurmerk": True}, {"keurmerk": False}, "geen Blik op Werk keurmerk"),
    ("keurmerk", {}, {"keurmerk_nummer": "BOW-9"}, {"keurmerk_nummer": None}, "keurmerk zonder certificaatnummer"),
    (
        "uitsluitingsgronden",
        {},
        {"uitsluitingsgronden": False},
        {"uitsluitingsgronden": True},
        "inschrijver verklaart dat uitsluitingsgronden van toepassing zijn",
    ),
    ("capaciteit", {"minimum": 8}, {"capaciteit": 8}, {"capaciteit": 7}, "capaciteit 7 per jaar, vereist minstens 8"),
    # a national lot: thousands with a dot, as everywhere a person reads a number
    (
        "capaciteit",
        {"minimum": 1500},
        {"capaciteit": 1500},
        {"capaciteit": 1499},
        "capaciteit 1.499 per jaar, vereist minstens 1.500",
    ),
    # 0.25 x 20 = 5 exactly
    (
        "capaciteit",
        {"minimum_aandeel": 0.25},
        {"capaciteit": 5},
        {"capaciteit": 4},
        "capaciteit 4 per jaar, vereist minstens 5",
    ),
    (
        "instroom",
        {"minimum": 12},
        {"instroommomenten": 12},
        {"instroommomenten": 11},
        "11 instroommomenten per jaar, vereist minstens 12",
    ),
    # one of a kind is said in the singular, in the reason and in the letter (it read '1 instroommomenten')
    ("capaciteit", {"minimum": 2}, {"capaciteit": 2}, {"capaciteit": 1}, "capaciteit 1 per jaar, vereist minstens 2"),
    (
        "instroom",
        {"minimum": 2},
        {"instroommomenten": 2},
        {"instroommomenten": 1},
        "1 instroommoment per jaar, vereist minstens 2",
    ),
    (
        "instroom",
        {"minimum": 1},
        {"instroommomenten": 1},
        {"instroommomenten": 0},
        "0 instroommomenten per jaar, vereist minstens 1",
    ),
    (
        "wachttijd",
        {"maximum_weken": 1},
        {"wachttijd_weken": 1.0},
        {"wachttijd_weken": 1.5},
        "wachttijd 1,5 weken, toegestaan hoogstens 1",
    ),
    (
        "wachttijd",
        {"maximum_weken": 0.5},
        {"wachttijd_weken": 0.5},
        {"wachttijd_weken": 1.0},
        "wachttijd 1 week, toegestaan hoogstens 0,5",
    ),
    (
        "wachttijd",
        {"maximum_weken": 8},
        {"wachttijd_weken": 8.0},
        {"wachttijd_weken": 8.5},
        "wachttijd 8,5 weken, toegestaan hoogstens 8",
    ),
    (
        "plafondprijs",
        {},
        {"prijs": 10000.0},
        {"prijs": 10000.01},
        "prijs per traject EUR 10.000,01 ligt boven de plafondprijs EUR 10.000,00",
    ),
    (
        "dekking",
        {"eis": "alle"},
        {"gemeenten": ("Noord", "Oost", "Zuid")},
        {"gemeenten": ("Noord", "Oost")},
        "bedient niet alle gemeenten; ontbreekt: Zuid",
    ),
    (  # two missing: the verb in the plural (it said 'ontbreekt: Oost, Zuid')
        "dekking",
        {"eis": "alle"},
        {"gemeenten": ("Noord", "Oost", "Zuid")},
        {"gemeenten": ("Noord",)},
        "bedient niet alle gemeenten; ontbreken: Oost, Zuid",
    ),
    ("dekking", {"eis": "subregio"}, {"gemeenten": ("Zuid",)}, {"gemeenten": ("Noord", "Zuid")}, None),
    (
        "dekking",
        {"eis": "subregio"},
        {"gemeenten": ("Noord", "Oost")},
        {"gemeenten": ("Noord",)},
        "bedient geen enkele subregio volledig (A: ontbreekt Oost; B: ontbreekt Zuid)",
    ),
]


@pytest.mark.parametrize(("regel", "params", "goed", "fout", "reden"), GRENZEN)
def test_regel_op_de_grens(tmp_path: Path, regel: str, params: dict, goed: dict, fout: dict, reden: str | None) -> None:
    ok = _uitslag(tmp_path, {regel: params}, **goed)
    assert ok.voldoet and ok.status == "voldoet"
    nok = _uitslag(tmp_path, {regel: params}, **fout)
    if reden is None:  # both pass: Zuid is a whole subregio on its own
        assert nok.voldoet
    else:
        assert not nok.voldoet and nok.status == "ongeldig"  # without a recorded weighing nobody is "uitgesloten"
        assert nok.redenen == [reden]


def test_minimum_kwaliteit_na_beoordeling(tmp_path: Path) -> None:
    regels = {"minimum_kwaliteit": {"drempel": 55}}
    open_ = _uitslag(tmp_path, regels)
    assert open_.voldoet and open_.bevindingen[0].voldoet is None
    assert _uitslag(tmp_path, regels, kwaliteit=55.0).voldoet
    nok = _uitslag(tmp_path, regels, kwaliteit=54.99)
    assert nok.redenen == ["kwaliteitsscore 54,99, vereist minstens 55,00"]


def test_alle_gefaalde_regels_worden_genoemd(tmp_path: Path) -> None:
    r = _uitslag(
        tmp_path,
        {"keurmerk": {}, "plafondprijs": {}, "instroom": {"minimum": 12}},
        keurmerk=False,
        prijs=12000.0,
        instroommomenten=4,
    )
    assert len(r.redenen) == 3


def test_register_is_uitbreidbaar() -> None:
    assert {
        "keurmerk",
        "uitsluitingsgronden",
        "capaciteit",
        "instroom",
        "wachttijd",
        "plafondprijs",
        "dekking",
        "minimum_kwaliteit",
    } <= set(regels_register())


def test_voorbeeld_toets(voorbeeld: Path) -> None:
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(voorbeeld), "--json"])
    assert res.exit_code == 0, res.output
    import json

    uit = {(r["inschrijver"], r["perceel"]): r for r in json.loads(res.output)["resultaten"]}
    ns = uit[("Nieuwe Start Opleidingen", "B1")]
    assert ns["status"] == "ongeldig"
    assert ns["redenen"] == [
        "keurmerk geldig tot 31 maart 2021; op de peildatum 4 juni 2021 verlopen (nieuwe.xlsx!Inschrijver!B8)"
    ]
    # the onderwijsroute has no keurmerk rule: the same bidder competes there
    assert uit[("Nieuwe Start Opleidingen", "onderwijs")]["status"] == "voldoet"
    lv = uit[("Leerpunt Vechtstreek", "onderwijs")]
    assert lv["redenen"] == ["prijs per traject EUR 10.450,00 ligt boven de plafondprijs EUR 10.000,00"]
    tekst = CliRunner().invoke(main, ["toets", "--werkmap", str(voorbeeld)]).output
    assert "ongeldig  keurmerk geldig tot 31 maart 2021; op de peildatum 4 juni 2021 verlopen" in tekst


# The letter's sentence for each failed rule comes from the rule itself (Knockoutregel.brief),
# built from the same bid values the check used; hand-written from the GRENZEN cases above.
BRIEFZINNEN = {
    ("keurmerk", "keurmerk geldig tot 1 maart 2026; op de peildatum 2 maart 2026 verlopen"): (
        "Uw keurmerk was geldig tot 1 maart 2026; op de peildatum 2 maart 2026 was het verlopen."
    ),
    ("keurmerk", "geen Blik op Werk keurmerk"): (
        "U heeft geen Blik op Werk keurmerk opgegeven; de aanbesteding vereist dat keurmerk voor perceel B1-route."
    ),
    ("keurmerk", "keurmerk zonder certificaatnummer"): (
        "U heeft bij uw Blik op Werk keurmerk geen certificaatnummer opgegeven."
    ),
    ("uitsluitingsgronden", "inschrijver verklaart dat uitsluitingsgronden van toepassing zijn"): (
        "U heeft verklaard dat op uw onderneming een of meer uitsluitingsgronden van toepassing zijn "
        "(artikelen 2.86 en 2.87 Aanbestedingswet 2012)."
    ),
    ("capaciteit", "capaciteit 7 per jaar, vereist minstens 8"): (
        "U biedt een capaciteit van 7 trajecten per jaar; de eis is: capaciteit minstens 8 per jaar."
    ),
    ("instroom", "11 instroommomenten per jaar, vereist minstens 12"): (
        "U biedt 11 instroommomenten per jaar; de eis is: minstens 12 instroommomenten per jaar."
    ),
    ("wachttijd", "wachttijd 8,5 weken, toegestaan hoogstens 8"): (
        "Uw maximale wachttijd is 8,5 weken; de eis is: wachttijd hoogstens 8 weken."
    ),
    ("capaciteit", "capaciteit 1 per jaar, vereist minstens 2"): (
        "U biedt een capaciteit van 1 traject per jaar; de eis is: capaciteit minstens 2 per jaar."
    ),
    ("instroom", "1 instroommoment per jaar, vereist minstens 2"): (
        "U biedt 1 instroommoment per jaar; de eis is: minstens 2 instroommomenten per jaar."
    ),
    ("instroom", "0 instroommomenten per jaar, vereist minstens 1"): (
        "U biedt 0 instroommomenten per jaar; de eis is: minstens 1 instroommoment per jaar."
    ),
    ("wachttijd", "wachttijd 1,5 weken, toegestaan hoogstens 1"): (
        "Uw maximale wachttijd is 1,5 weken; de eis is: wachttijd hoogstens 1 week."
    ),
    ("wachttijd", "wachttijd 1 week, toegestaan hoogstens 0,5"): (
        "Uw maximale wachttijd is 1 week; de eis is: wachttijd hoogstens 0,5 weken."
    ),
    ("plafondprijs", "prijs per traject EUR 10.000,01 ligt boven de plafondprijs EUR 10.000,00"): (
        "Uw prijs per traject van EUR 10.000,01 ligt boven de plafondprijs van EUR 10.000,00."
    ),
}


@pytest.mark.parametrize(
    ("regel", "params", "goed", "fout", "reden"), [g for g in GRENZEN if (g[0], g[4]) in BRIEFZINNEN]
)
def test_brief_zin_komt_van_de_regel(
    tmp_path: Path, regel: str, params: dict, goed: dict, fout: dict, reden: str
) -> None:
    from evaluatie.toets.register import Context, maak_regel

    a = _aanbesteding(tmp_path, {regel: params})
    bod = _bod(**fout)
    ctx = Context(a, a.percelen["B1"], bod, bod.aanbod["B1"])
    assert maak_regel(regel, params).toets(ctx) == [reden]
    assert maak_regel(regel, params).brief(ctx, reden) == BRIEFZINNEN[regel, reden]


def test_een_perceel_zonder_inschrijvingen_zegt_dat(tmp_path: Path) -> None:
    """A lot nobody bid on showed only the header of an empty table ('Inschrijver  Uitslag  Redenen')."""
    from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod

    data = kleine_aanbesteding()
    data["percelen"]["Z"] = dict(data["percelen"]["B1"], naam="Z-route")
    for g in data["gemeenten"]:
        g["inburgeraars"]["Z"] = 2
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 30, 12, 4, "alle")])
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    assert res.output.rstrip().endswith("Perceel Z-route\nGeen inschrijvingen op dit perceel."), res.output

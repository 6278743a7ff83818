"""The contract phase of a tender built here (not the bundled example), checked as a contract manager would.

Five gemeenten, two lots with different suppliers: B1 (Alfa, Beta; all five gemeenten) and Z (Delta, Gamma;
West did not join Z). Every expected figure is derived by hand in the test that uses it.

Award (hand): B1 demand 20+12+8+6+4 = 50 a year; raammaximum a fixed 800 trajecten x plafondprijs EUR 10.000 =
EUR 8.000.000 (so that the threshold of EUR 750.000 decides the de-minimis limit, not 10% = EUR 800.000). Z demand 6+4+3+2 = 15 a year: 30 x 1.25 = 37.5, rounded up to 38
trajecten, x EUR 12.000 = EUR 456.000. Delta (Z, EUR 10.500) ranks first, serves Noord (6) and Oost (4) up to its
capacity 10; Gamma gets Zuid and Midden.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling

DOOR = ["--door", "S. Jansen, contractmanager", "--reden", "volgens het contract"]
KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"


def _run(*args: object) -> Any:
    res = CliRunner().invoke(main, [str(a) for a in args])
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output
    return res


@pytest.fixture(scope="module")
def gestart(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from evaluatie.pipeline import schrijf_beoordelingsformulieren
    from evaluatie.werkmap import Werkmap

    data = kleine_aanbesteding()
    # two years earlier than the helper's tender: every placement of the contract years lies before the run date
    data["data"] = {"publicatie": "2024-01-05", "sluiting": "2024-02-16", "keurmerk_peildatum": "2024-03-02",
                    "gunning": "2024-04-07"}  # fmt: skip
    data["gemeenten"] = [
        {"naam": "Noord", "subregio": "A", "inburgeraars": {"B1": 20, "Z": 6}},
        {"naam": "Oost", "subregio": "A", "inburgeraars": {"B1": 12, "Z": 4}},
        {"naam": "Zuid", "subregio": "B", "inburgeraars": {"B1": 8, "Z": 3}},
        {"naam": "West", "subregio": "B", "inburgeraars": {"B1": 6}},
        {"naam": "Midden", "subregio": "B", "inburgeraars": {"B1": 4, "Z": 2}},
    ]
    z = copy.deepcopy(data["percelen"]["B1"])
    z["raammaximum"] = {"opslag": 0.25}
    data["percelen"]["B1"]["raammaximum"] = {"trajecten": 800}
    z["naam"] = "Z-route"
    z["gemeenten"] = ["Noord", "Oost", "Zuid", "Midden"]
    z["plafondprijs"] = 12000
    data["percelen"]["Z"] = z
    ws = maak_werkmap(tmp_path_factory.mktemp("qa") / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9500, 30, 12, 6, "alle")])
    schrijf_bod(ws, "c.xlsx", "Gamma", "33333333", [("Z", 11000, 10, 12, 3, "alle")])
    schrijf_bod(ws, "d.xlsx", "Delta", "44444444", [("Z", 10500, 10, 12, 5, "alle")], nummer="BOW-2")
    schrijf_beoordelingsformulieren(Werkmap(ws))
    scores = {(i, c): 75 for i in ("Alfa", "Beta", "Gamma", "Delta") for c in ("Plan van aanpak", "Samenwerking")}
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", scores)
    assert _run("gunning", "--werkmap", ws, "--lots", "B1,Z").exit_code == 0
    r = _run("contract", "start", "--werkmap", ws, "--datum", "2024-06-01", *DOOR)
    assert r.exit_code == 0, r.output
    assert "B1-route: Alfa, Beta; raammaximum 800 trajecten" in r.output
    assert "Z-route: Delta, Gamma; raammaximum 38 trajecten" in r.output
    return ws


@pytest.fixture
def ws(gestart: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(gestart, tmp_path / "ws"))


def _csv(pad: Path, regels: list[str]) -> Path:
    pad.write_text("\n".join([KOP, *regels]) + "\n", encoding="utf-8")
    return pad


def _stand(ws: Path, peildatum: str) -> dict[str, Any]:
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", peildatum, "--json")
    assert r.exit_code == 0, r.output
    return dict(json.loads(r.stdout))


def _z_tot_het_maximum(ws: Path) -> None:
    """38 Z placements in Noord at Delta, each started 14 days later (within Delta's promised 5 weeks): 30 in
    contract year 1 (every 10 days from 02-06-2024, the last on 02-06-2024 + 290 days = 19-03-2025) and 8 in year 2 (weekly from
    10-06-2025): the 38th, which reaches the maximum of 38, on 10-06-2025 + 7 x 7 days = 29-07-2025, in the
    middle of 2025-K3. Year 2 has 8 at Delta, under its capacity of 10."""
    datums = [dt.date(2024, 6, 2) + dt.timedelta(days=10 * i) for i in range(30)]
    datums += [dt.date(2025, 6, 10) + dt.timedelta(days=7 * i) for i in range(8)]
    assert datums[29] == dt.date(2025, 3, 19) and datums[37] == dt.date(2025, 7, 29)
    regels = []
    for i, d in enumerate(datums):
        regels += [f"NZ{i:03d};Noord;aangemeld;{d};Z;Delta;", f"NZ{i:03d};Noord;gestart;{d + dt.timedelta(days=14)};;;"]
    assert _run("contract", "inlezen", "--werkmap", ws, _csv(ws / "noord-z.csv", regels)).exit_code == 0


def test_maximum_halverwege_het_kwartaal_bereikt_datum_en_geen_advies_meer(ws: Path) -> None:
    _z_tot_het_maximum(ws)
    z = next(r for r in _stand(ws, "2025-09-30")["raamovereenkomst"] if r["perceel"] == "Z")
    # 38 x EUR 10.500 = EUR 399.000 of EUR 456.000; the maximum is reached on the day of the 38th placement,
    # not "at the current pace" on the peildatum
    assert (z["gebruikt"], z["max_trajecten"], z["gebruikte_waarde"], z["max_waarde"]) == (38, 38, 399000, 456000)
    assert z["prognose_uitgeput"] == "2025-07-29" and z["uitgeput"] is True
    tekst = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2025-09-30").output
    assert "38 van 38 trajecten" in tekst and "het maximum is bereikt op 29-07-2025" in tekst, tekst
    assert "bij het huidige tempo uitgeput" not in tekst
    # the day before, one place is left: a forecast, and Delta is advised
    z = next(r for r in _stand(ws, "2025-07-28")["raamovereenkomst"] if r["perceel"] == "Z")
    assert (z["gebruikt"], z["uitgeput"]) == (37, False)
    r = _run("contract", "advies", "--werkmap", ws, "--gemeente", "Noord", "--route", "Z", "--peildatum", "2025-07-28")
    assert r.exit_code == 0 and "Advies voor de volgende inburgeraar van Noord in Z-route: Delta" in r.output, r.output
    # from the 38th on, no advice: Delta still has capacity (8 of 10 this year), but the agreement is exhausted
    r = _run("contract", "advies", "--werkmap", ws, "--gemeente", "Noord", "--route", "Z", "--peildatum", "2025-07-29")
    assert r.exit_code == 1, r.output
    # the reason once, in the error on stderr (it stood on stdout and again on stderr); stdout points to it
    reden = "de raamovereenkomst Z-route is uitgeput: 38 van de maximaal 38 trajecten"
    assert f"geen advies voor Noord in perceel Z: {reden}" in r.stderr and "bereikt op 29-07-2025" in r.stderr
    # a contract command says what it cannot do, not the award's "De evaluatie kan niet worden afgerond"
    assert r.stderr.startswith("Geen advies mogelijk:\n  geen advies voor Noord"), r.stderr
    assert " ".join(r.output.split()).count(reden) == 1, r.output
    assert r.stdout.startswith("Geen advies voor Noord in perceel Z; de reden staat in de foutmelding.\n"), r.stdout
    assert "Delta: 6 van de 6 toegewezen (100%), 8 van de 8 geplaatst" in r.stdout, r.stdout
    # with --json: the same exit code (it was 0 with "advies": null), one JSON document on stdout
    r = _run(
        "contract", "advies", "--werkmap", ws, "--gemeente", "noord", "--route", "z", "--peildatum", "2025-07-29",
        "--json",
    )  # fmt: skip
    assert r.exit_code == 1 and json.loads(r.stdout)["advies"] is None, r.output
    assert "geen advies voor Noord in perceel Z: de raamovereenkomst Z-route is uitgeput" in r.stderr
    # the client's own choice still goes first, but the record warns that it falls outside the agreement
    r = _run(
        "contract", "keuze", "--werkmap", ws, "--gemeente", "Noord", "--route", "Z", "--klant", "NZ900",
        "--aanbieder", "Delta", "--datum", "2025-07-30", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 0 and "de keuze wijkt af van het advies (geen)" in r.stdout, r.output
    assert "Let op: er was geen advies: de raamovereenkomst Z-route is uitgeput" in " ".join(r.stderr.split())
    # the quarterly report withholds the use, and the day with it: 38 (the maximum) next to Noord's 30 for year 1
    # and 8 for year 2 says that no other gemeente placed anyone, and then the region's Delta row of 10 for 2024-K3
    # next to Noord's 13 for the year gives Noord's 3 of June 2024 (it said '<5' in 2024-K2). Never a forecast.
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2025-K3").exit_code == 0
    html = (ws / "contract" / "kwartaal" / "2025-K3" / "regio.html").read_text(encoding="utf-8")
    raam = re.search(r'<td class="">Z-route</td><td class="n">.*?</tr>', html)
    assert raam and re.findall(r">([^<]*)</td>", raam.group(0)) == [
        "Z-route", "38", "onderdrukt", "EUR 456.000,00", "onderdrukt", "onderdrukt", "onderdrukt"
    ]  # fmt: skip
    assert "bereikt op 29-07-2025" not in html and "bij dit tempo" not in html
    # and in whole persons nothing withheld is pinned any more (tests/aanval.py)
    from evaluatie.contract.lezen import lees_register
    from evaluatie.contract.register import open_register
    from evaluatie.werkmap import Werkmap
    from tests.test_contract_kleine_aantallen import aanval

    db = open_register(Werkmap(ws))
    try:
        assert aanval(lees_register(db), dt.date(2025, 9, 30))[1] == []
    finally:
        db.close()


def test_zonder_plaatsingen_is_er_geen_prognose_ook_niet_na_de_looptijd(ws: Path) -> None:
    """Nothing placed yet: the text says 'geen plaatsingen, geen prognose', and --json gave "prognose_uitgeput": null
    beside "prognose_na_looptijd": false, which reads as a forecast before the end of the term. Without a forecast
    it is null too; with one (test_maximum_halverwege...) it stays true or false."""
    for r in _stand(ws, "2024-07-01")["raamovereenkomst"]:
        prognose = (r["prognose_uitgeput"], r["prognose_na_looptijd"])
        assert (r["gebruikt"], prognose, r["uitgeput"]) == (0, (None, None), False)
    tekst = " ".join(_run("contract", "stand", "--werkmap", ws, "--peildatum", "2024-07-01").output.split())
    assert "uitgeput bij dit tempo: geen plaatsingen, geen prognose" in tekst


def test_extra_volume_verhoogt_ook_de_maximale_waarde(ws: Path) -> None:
    """An extra-volume change of 10 trajecten worth EUR 100.000 under 2.163b: the maximum becomes 800 + 10 = 810
    trajecten and EUR 8.000.000 + 100.000 = 8.100.000 (it stayed at EUR 8.000.000: 810 trajecten next to the
    value of 800), from the change's date 01-09-2024 on."""
    r = _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "extra_volume", "--waarde", "100000",
        "--trajecten", "10", "--grondslag", "art. 2.163b Aw 2012", "--datum", "2024-09-01", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    b1 = next(r for r in _stand(ws, "2024-12-31")["raamovereenkomst"] if r["perceel"] == "B1")
    assert (b1["max_trajecten"], b1["max_waarde"]) == (810, 8_100_000)
    # on the day before the change's date the maximum is the awarded one: a stand or quarterly report of an
    # earlier date does not change when a later change is recorded
    b1 = next(r for r in _stand(ws, "2024-08-31")["raamovereenkomst"] if r["perceel"] == "B1")
    assert (b1["max_trajecten"], b1["max_waarde"]) == (800, 8_000_000)


def test_twee_verschillende_regels_voor_dezelfde_gebeurtenis_in_een_bestand(ws: Path) -> None:
    """A client registered twice in one file (Alfa on 01-08, Beta on 01-09): the second row used to become a
    silent 'correction' of the first, moving the placement from Alfa to Beta. Now an error naming both rows;
    nothing is read, not even the correct rows of the same file. The same row twice is read once."""
    pad = _csv(
        ws / "oost.csv",
        [
            "X1;Oost;aangemeld;2024-08-01;B1;Alfa;",
            "X1;Oost;aangemeld;2024-09-01;B1;Beta;",
            "X2;Oost;aangemeld;2024-08-01;B1;Alfa;",
            "X2;Oost;aangemeld;2024-08-01;B1;Alfa;",
        ],
    )
    voor = (ws / "contract" / "register.sqlite").read_bytes()
    r = _run("contract", "inlezen", "--werkmap", ws, pad)
    assert r.exit_code == 2, r.output
    assert "oost.csv!D3: klant X1 (Oost): aangemeld staat ook in oost.csv!A2 met andere gegevens" in r.output
    assert "X2" not in r.output
    assert (ws / "contract" / "register.sqlite").read_bytes() == voor
    _csv(pad, ["X1;Oost;aangemeld;2024-08-01;B1;Alfa;", "X2;Oost;aangemeld;2024-08-01;B1;Alfa;"] * 2)
    r = _run("contract", "inlezen", "--werkmap", ws, pad)
    assert r.exit_code == 0 and "2 nieuw, 0 gecorrigeerd, 2 al bekend" in r.output, r.output


def test_gemeente_buiten_het_perceel(ws: Path) -> None:
    """West joined only B1. A Z placement of West is refused as such; it used to say 'Gamma bedient West niet in
    perceel Z', which puts it on the supplier."""
    r = _run("contract", "inlezen", "--werkmap", ws, _csv(ws / "west.csv", ["W1;West;aangemeld;2024-08-01;Z;Gamma;"]))
    assert r.exit_code == 2, r.output
    assert "west.csv!E2: geen enkele aanbieder van perceel Z (Z-route) heeft een contract voor West" in r.output
    assert "Gamma bedient" not in r.output


def _wijziging(ws: Path, route: str, soort: str, waarde: str, grondslag: str = "2.163b", *extra: str) -> Any:
    return _run(
        "contract", "wijziging", "--werkmap", ws, "--route", route, "--soort", soort, "--waarde", waarde,
        "--grondslag", f"art. {grondslag} Aw 2012", "--datum", "2024-10-01", *extra, *DOOR,
    )  # fmt: skip


def _vlak(r: Any) -> str:
    """The output with the terminal's line wrapping undone (lines are at most 200 characters)."""
    return " ".join(r.output.split())


def test_de_minimis_de_drempel_beslist_en_wijzigingen_tellen_samen(ws: Path) -> None:
    """B1: initial value EUR 8.000.000; 10% is EUR 800.000, the threshold for social services EUR 750.000 is lower
    and decides. 500.000 (66,7%), then 249.999,99 (together 749.999,99: recorded, EUR 0,01 left), then 0,01: alone
    far under the limit, together exactly EUR 750.000 = the limit, which the value must stay under: refused.
    A change under another basis (2.163c, 100.000) does not count towards the limit."""
    r = _wijziging(ws, "B1", "overig", "500000")
    assert r.exit_code == 0, r.output
    assert "is EUR 750.000,00 (hier beslist de drempel voor sociale diensten)" in _vlak(r)
    assert "met deze wijziging EUR 500.000,00 (66,7% van de grens)" in _vlak(r)
    assert _wijziging(ws, "B1", "indexatie", "100000", "2.163c").exit_code == 0
    r = _wijziging(ws, "B1", "overig", "249999.99")
    assert r.exit_code == 0, r.output
    assert "Eerdere de-minimiswijzigingen: EUR 500.000,00; met deze wijziging EUR 749.999,99" in _vlak(r)
    assert "resteert nog EUR 0,01 tot de de-minimisgrens" in _vlak(r)
    r = _wijziging(ws, "B1", "overig", "0.01")
    assert r.exit_code == 1, r.output
    assert "zou de de-minimisgrens van art. 2.163b Aw 2012 bereiken (EUR 750.000,00 tegen EUR 750.000,00" in _vlak(r)
    assert "Deze wijziging alleen (EUR 0,01) blijft onder de grens; samen met de eerdere" in _vlak(r)
    assert "(EUR 749.999,99) niet" in _vlak(r)


def test_de_minimis_tien_procent_beslist(ws: Path) -> None:
    """Z: initial value 38 x EUR 12.000 = EUR 456.000; 10% = EUR 45.600 is below EUR 750.000 and decides.
    45.599,99 passes (with the warning: 99,99...% of the limit, EUR 0,01 left); 45.601 alone exceeds it."""
    r = _wijziging(ws, "Z", "overig", "45599.99", "2.163b", "--alleen-toetsen")
    assert r.exit_code == 0, r.output
    assert "10% van de initiële waarde EUR 456.000,00 (EUR 45.600,00) is EUR 45.600,00" in _vlak(r)
    assert "(hier beslist 10% van de initiële waarde)" in _vlak(r) and "resteert nog EUR 0,01" in _vlak(r)
    r = _wijziging(ws, "Z", "overig", "45601", "2.163b", "--alleen-toetsen")
    assert r.exit_code == 1, r.output
    assert "overschrijden (EUR 45.601,00 tegen EUR 45.600,00" in _vlak(r) and "alleen" not in _vlak(r)


def test_wijziging_buiten_de_looptijd_en_trajecten_bij_een_indexatie(ws: Path) -> None:
    """A change dated before the start (01-06-2024) or after the term (2 years, to 31-05-2026), an indexation
    that would add trajecten to the maximum, extra volume without trajecten: input errors, all at once."""
    r = _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "indexatie", "--waarde", "1000",
        "--trajecten", "5", "--grondslag", "art. 2.163c Aw 2012", "--datum", "2020-01-01", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 2, r.output
    assert "--datum: 2020-01-01 ligt voor de start van het contract (2024-06-01)" in _vlak(r)
    assert "--trajecten: een indexatie wijzigt de prijs, niet het aantal trajecten" in _vlak(r)
    r = _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "extra_volume", "--waarde", "1000",
        "--grondslag", "art. 2.163b Aw 2012", "--datum", "2026-06-01", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 2, r.output
    assert "--datum: 2026-06-01 ligt na het einde van de looptijd" in _vlak(r)
    assert "extra volume zonder aantal" in _vlak(r)
    b1 = next(r for r in _stand(ws, "2024-12-31")["raamovereenkomst"] if r["perceel"] == "B1")
    assert (b1["max_trajecten"], b1["max_waarde"]) == (800, 8_000_000)


def test_pandas_api_op_deze_aanbesteding(gestart: Path) -> None:
    """The README's pandas example on this tender: the documented columns and dtypes, the allocation the contract
    register took over (stand, year 1) equal to `toewijzing()`, and a misspelt lot an error in words (rangorde
    gave an empty table, verdeling a bare KeyError). Hand: B1 cost Noord 20 x 9.000 = 180.000, Oost 10 x 9.000 +
    2 x 9.500 = 109.000; Z Delta 6 + 4 = 10."""
    import evaluatie

    a = evaluatie.open(gestart)
    rangorde = a.rangorde("B1")
    assert list(rangorde.columns) == [
        "perceel", "rang", "inschrijver", "kwaliteit", "prijs", "prijsscore", "totaal", "gelijke_stand", "beslist_door",
        "prijsmethode",
    ]  # fmt: skip
    assert str(rangorde["rang"].dtype) == "int64" and list(rangorde["inschrijver"]) == ["Alfa", "Beta"]
    verdeling = a.verdeling("Z")
    assert list(verdeling.index) == ["Noord", "Oost", "Zuid", "Midden"] and list(verdeling.columns) == [
        "Delta",
        "Gamma",
    ]
    assert verdeling.sum().to_dict() == {"Delta": 10, "Gamma": 5}
    kosten = a.kosten()
    assert list(kosten.columns) == ["perceel", "gemeente", "aantal", "kosten"]
    per = {(r.perceel, r.gemeente): r.kosten for r in kosten.itertuples()}
    assert per["B1", "Noord"] == 180_000 and per["B1", "Oost"] == 109_000 and ("Z", "West") not in per
    toewijzing = {(r.perceel, r.gemeente, r.inschrijver): r.aantal for r in a.toewijzing().itertuples()}
    stand = _stand(gestart, "2024-06-01")
    assert {(r["perceel"], r["gemeente"], r["aanbieder"]): r["toegewezen"] for r in stand["regels"]} == toewijzing
    for fout in (lambda: a.rangorde("B2"), lambda: a.verdeling("b2")):
        with pytest.raises(ValueError, match=r"'B2' is geen perceel van deze analyse; wel: B1, Z|'b2' is geen"):
            fout()
    assert a.verdeling("b1").equals(a.verdeling("B1"))  # the code in any case, as --lots takes it


def test_namen_in_kolommen_die_de_gebeurtenis_niet_gebruikt(ws: Path) -> None:
    """A name in the result column of a registration, or in route and supplier of a start, was ignored without a
    word and kept in the archived copy of the file. Now refused with the cell; a known value repeated there (the
    route and supplier of the registration on the start row, as exports do) is still read. Nothing is archived."""
    pad = _csv(
        ws / "oost.csv",
        [
            "Q1;Oost;aangemeld;2024-08-01;B1;Alfa;Jan de Vries",
            "Q1;Oost;gestart;2024-08-10;Fatima Yilmaz;Piet Jansen;",
            "Q2;Oost;aangemeld;2024-08-01;B1;Alfa;",
            "Q2;Oost;gestart;2024-08-10;B1;Alfa;",
        ],
    )
    r = _run("contract", "inlezen", "--werkmap", ws, pad)
    assert r.exit_code == 2, r.output
    tekst = _vlak(r)
    assert (
        "oost.csv!G2: kolom 'uitslag' bij de gebeurtenis 'aangemeld': 'Jan de Vries' is geen examenuitslag en ziet"
        in tekst
    )
    assert "oost.csv!E3: kolom 'route' bij de gebeurtenis 'gestart': 'Fatima Yilmaz' is geen route" in tekst
    assert "oost.csv!F3: kolom 'aanbieder' bij de gebeurtenis 'gestart': 'Piet Jansen' is geen aanbieder" in tekst
    assert "Fouten in de invoer (3)" in tekst
    assert not (ws / "contract" / "aanleveringen").exists() or not any((ws / "contract" / "aanleveringen").iterdir())
    _csv(pad, ["Q2;Oost;aangemeld;2024-08-01;B1;Alfa;", "Q2;Oost;gestart;2024-08-10;B1;Alfa;"])
    r = _run("contract", "inlezen", "--werkmap", ws, pad)
    assert r.exit_code == 0 and "2 nieuw" in r.output, r.output


def test_overstap_binnen_dezelfde_route_is_geen_afschaling(ws: Path) -> None:
    """Zuid registers T1 with Beta (B1) in 2024-K3; in 2025-K1 a 'route gewijzigd' to B1 with Alfa (a transfer).
    It was read as a downgrade: Beta 'afgeschaald 1' and Alfa dropped. Now an error on that row. A real downgrade
    (B1 to Z, Gamma serves Zuid) is still read, and counted once for Beta. A route change before the
    registration is refused as well."""
    q3 = _csv(ws / "zuid-k3.csv", ["T1;Zuid;aangemeld;2024-08-01;B1;Beta;", "T1;Zuid;gestart;2024-08-20;;;"])
    assert _run("contract", "inlezen", "--werkmap", ws, q3).exit_code == 0
    q1 = _csv(ws / "zuid-k1.csv", ["T1;Zuid;route gewijzigd;2025-01-10;B1;Alfa;"])
    r = _run("contract", "inlezen", "--werkmap", ws, q1)
    assert r.exit_code == 2, r.output
    assert "zuid-k1.csv!E2: klant T1 (Zuid): de route wijzigt naar B1, de route van de aanmelding" in _vlak(r)
    _csv(q1, ["T1;Zuid;route gewijzigd;2024-07-10;Z;Gamma;"])
    r = _run("contract", "inlezen", "--werkmap", ws, q1)
    assert r.exit_code == 2 and "de routewijziging ligt voor de aanmelding (zuid-k3.csv!A2)" in _vlak(r), r.output
    _csv(q1, ["T1;Zuid;route gewijzigd;2025-01-10;Z;Gamma;"])
    assert _run("contract", "inlezen", "--werkmap", ws, q1).exit_code == 0
    beta = next(p for p in _stand(ws, "2025-03-31")["prestaties"] if p["aanbieder"] == "Beta")
    assert beta["afgeschaald"] == 1


def test_grondslag_2163a_is_de_hoofdregel_en_vijftig_procent_bij_2163d_en_e(ws: Path) -> None:
    """Art. 2.163a Aw 2012 is the main rule (a change needs a new procedure), not a basis: it was accepted as
    'wijziging van geringe omvang'. Two articles in one basis are refused (the first one won). Under 2.163d and
    2.163e the price increase of each change is at most 50% of the original value: B1 EUR 8.000.000 / 2 =
    EUR 4.000.000, so 4.000.000 passes and 4.000.000,01 does not."""
    r = _wijziging(ws, "B1", "overig", "1000", "2.163a", "--alleen-toetsen")
    assert r.exit_code == 2 and "--grondslag: art. 2.163a Aw 2012 is de hoofdregel" in _vlak(r), r.output
    r = _wijziging(ws, "B1", "overig", "1000", "2.163b en 2.163c", "--alleen-toetsen")
    assert r.exit_code == 2 and "noemt meer dan één artikel (2.163b, 2.163c)" in _vlak(r), r.output
    for code in ("2.163d", "2.163e"):
        r = _wijziging(ws, "B1", "extra_volume", "4000000", code, "--trajecten", "400", "--alleen-toetsen")
        assert r.exit_code == 0, r.output
        r = _wijziging(ws, "B1", "extra_volume", "4000000.01", code, "--trajecten", "400", "--alleen-toetsen")
        assert r.exit_code == 1, r.output
        assert "niet meer zijn dan 50% van de waarde van de oorspronkelijke opdracht (EUR 8.000.000,00)" in _vlak(r)
        assert "hoogstens EUR 4.000.000,00, deze wijziging is EUR 4.000.000,01" in _vlak(r)


def test_aanbieder_die_niemand_start_geeft_een_signaal(ws: Path) -> None:
    """Delta (Z, promised 5 weeks) gets six Noord registrations, 40 days apart from 15-06-2024, and starts nobody.
    There was no signal at all: the average waiting time is over started people only, and there were none.
    At 31-12-2024 five have waited longer than 5 weeks (35 days): 199, 159, 119, 79 and 39 days; the sixth
    registers on 01-01-2025. The longest: 15-06 to 31-12-2024 = 15 + 31 + 31 + 30 + 31 + 30 + 31 = 199 days =
    28,4 weeks. The quarterly report names the signal but not the person figures."""
    datums = [dt.date(2024, 6, 15) + dt.timedelta(days=40 * i) for i in range(6)]
    regels = [f"W{i};Noord;aangemeld;{d};Z;Delta;" for i, d in enumerate(datums)]
    assert _run("contract", "inlezen", "--werkmap", ws, _csv(ws / "noord.csv", regels)).exit_code == 0
    st = _stand(ws, "2024-12-31")
    delta = next(p for p in st["prestaties"] if p["aanbieder"] == "Delta")
    assert (delta["gestart"], delta["wachtend_langer_dan_beloofd"]) == (0, 5)
    regels = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2024-12-31").output
    assert "Delta (Z): wachttijd nog niemand gestart (beloofd 5 weken, n=0)" in regels  # was 'gemiddeld - weken'
    tekst = [s["tekst"] for s in st["signalen"] if s["soort"] == "wachtend"]
    assert tekst == [
        "Bij Delta (Z-route) wachten aangemelde inburgeraars zonder start al langer dan de beloofde 5 weken (op de "
        "peildatum: 5; de langste wachttijd in weken: 28,4)"
    ]
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2024-K4").exit_code == 0
    html = " ".join((ws / "contract" / "kwartaal" / "2024-K4" / "regio.html").read_text(encoding="utf-8").split())
    assert "(op de peildatum: onderdrukt; de langste wachttijd in weken: onderdrukt)" in html
    assert "28,4" not in html


def test_tweede_aanmelding_van_een_gestarte_klant(ws: Path) -> None:
    """T1 registered with Beta and started in 2024-K3; a 2025-K1 file registers T1 again with Alfa (a client
    placed twice). The register has one placement per client number and gemeente, so the new row is read as a
    correction of the first registration and then the start lies before it. The error said only that, which
    reads as a typing error in the old file; it now says why. It sits at the date of the row read now: it named the
    start's row in the old file, which this intake does not read and which is not wrong."""
    q3 = _csv(ws / "zuid-k3.csv", ["T1;Zuid;aangemeld;2024-08-01;B1;Beta;", "T1;Zuid;gestart;2024-08-20;;;"])
    assert _run("contract", "inlezen", "--werkmap", ws, q3).exit_code == 0
    r = _run(
        "contract", "inlezen", "--werkmap", ws, _csv(ws / "zuid-k1.csv", ["T1;Zuid;aangemeld;2025-02-01;B1;Alfa;"])
    )
    assert r.exit_code == 2, r.output
    assert (
        "zuid-k1.csv!D2: klant T1 (Zuid): de start ligt voor de aanmelding (zuid-k3.csv!A3); die aanmelding vervangt "
        "de eerdere als correctie: een nieuwe aanmelding van dezelfde klant is alleen een nieuwe plaatsing na de uitval "
        "van haar aanbieder of een vastgelegd voortijdig stoppen, anders is zij een correctie van de eerdere"
    ) in _vlak(r)


def test_keuze_en_wijziging_alle_fouten_tegelijk(ws: Path) -> None:
    """An own choice with a BSN (123456782 passes the eleven-test), a date before the start, an unknown gemeente
    and no --door/--reden: the BSN used to come alone, and a date before the start was exit 1 without the option.
    A change with wrong options and no --door/--reden: the person and reason were only asked for afterwards."""
    r = _run(
        "contract", "keuze", "--werkmap", ws, "--gemeente", "Onbekend", "--route", "B1", "--klant", "123456782",
        "--aanbieder", "Alfa", "--datum", "2019-07-01",
    )  # fmt: skip
    assert r.exit_code == 2, r.output
    tekst = _vlak(r)
    assert "Fouten in de invoer (5)" in tekst and "--klant: '123456782' voldoet aan de elfproef" in tekst
    assert "--datum: 2019-07-01 ligt voor de start van het contract (2024-06-01)" in tekst
    assert "--gemeente: 'Onbekend' is geen gemeente van dit contract" in tekst and "--door:" in tekst
    r = _run(
        "contract", "keuze", "--werkmap", ws, "--gemeente", "Oost", "--route", "B1", "--klant", "K1",
        "--aanbieder", "Alfa", "--datum", "2026-06-01", *DOOR,
    )  # fmt: skip
    assert r.exit_code == 2 and "--datum: 2026-06-01 ligt na het einde van de looptijd" in _vlak(r), r.output
    r = _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "X9", "--soort", "overig", "--waarde", "100",
        "--grondslag", "art. 2.163b Aw 2012", "--datum", "2024-07-01",
    )  # fmt: skip
    assert r.exit_code == 2, r.output
    assert "Fouten in de invoer (3)" in r.output and "--route: 'X9'" in r.output and "--reden:" in r.output


def test_uitval_per_buiten_de_looptijd(ws: Path) -> None:
    """`contract uitval --per` before the start or after the term (2 years from 01-06-2024, to 31-05-2026) was
    exit 1 without naming the option; now an input error in --per, together with the other input errors."""
    r = _run("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Beta", "--per", "2019-01-01")
    assert r.exit_code == 2 and "--per: 2019-01-01 ligt voor de start van het contract (2024-06-01)" in r.output
    r = _run("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Onbekend", "--per", "2027-09-01")
    assert r.exit_code == 2, r.output
    assert "--aanbieder: Onbekend heeft geen contract (wel: " in r.output  # the suppliers it does know
    assert all(n in r.output.split("(wel: ")[1].split(")")[0] for n in ("Alfa", "Beta", "Gamma", "Delta"))
    assert "--per: 2027-09-01 ligt na het einde van de looptijd (2 jaar, tot en met 2026-05-31)" in r.output


def _naar_rato(pad: Path) -> dict[tuple[str, str], float]:
    from openpyxl import load_workbook

    rijen = list(load_workbook(pad, read_only=True)["Plaatsingen"].iter_rows(values_only=True))[1:]
    return {(str(r[0]), str(r[1])): float(str(r[3])) for r in rijen if r[0] is not None}


def test_naar_rato_totalen_zijn_de_som_van_wat_er_staat(ws: Path) -> None:
    """2025-K1, peildatum 31-03-2025: 304 of 365 days of contract year 1, f = 0,83288. Per gemeente and supplier
    (one decimal): Noord-Alfa 20f = 16,66 -> 16,7; Oost-Alfa 10f = 8,33 -> 8,3; Oost-Beta 2f = 1,67 -> 1,7; Zuid 8f =
    6,66 -> 6,7; West 6f = 5,00 -> 5,0; Midden 4f = 3,33 -> 3,3. Region: Alfa 16,7 + 8,3 = 25,0, Beta 1,7 + 6,7 + 5,0
    + 3,3 = 16,7, B1 total 41,7. The total used to be 50f = 41,64 -> 41,6 next to rows adding up to 41,7."""
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2025-K1").exit_code == 0
    map_ = ws / "contract" / "kwartaal" / "2025-K1"
    regio = _naar_rato(map_ / "regio.xlsx")
    assert (regio["B1-route", "Alfa"], regio["B1-route", "Beta"], regio["B1-route", "Totaal"]) == (25.0, 16.7, 41.7)
    per_gemeente = {g: _naar_rato(map_ / f"gemeente-{g.lower()}.xlsx") for g in ("Noord", "Oost", "Zuid", "West")}
    per_gemeente["Midden"] = _naar_rato(map_ / "gemeente-midden.xlsx")
    assert per_gemeente["Oost"] == {
        ("B1-route", "Alfa"): 8.3, ("B1-route", "Beta"): 1.7, ("B1-route", "Totaal"): 10.0,
        ("Z-route", "Delta"): 3.3, ("Z-route", "Totaal"): 3.3,
    }  # fmt: skip
    for (route, lev), v in regio.items():
        assert v == round(sum(t.get((route, lev), 0.0) for t in per_gemeente.values()), 1), (route, lev)


def test_voortijdig_gestopt_en_afgerond_tegelijk(ws: Path) -> None:
    """A client both stopped early and completed counted in both columns of the outcomes (a supplier's results
    added up to more than its placements). Now an error on the later row, naming both; also when the second
    outcome comes in a later file."""
    q3 = _csv(
        ws / "oost-k3.csv",
        ["U1;Oost;aangemeld;2024-07-01;B1;Alfa;", "U1;Oost;gestart;2024-07-15;;;", "U1;Oost;afgerond;2024-09-20;;;"],
    )
    assert _run("contract", "inlezen", "--werkmap", ws, q3).exit_code == 0
    r = _run(
        "contract", "inlezen", "--werkmap", ws, _csv(ws / "oost-k4.csv", ["U1;Oost;voortijdig gestopt;2024-10-02;;;"])
    )
    assert r.exit_code == 2, r.output
    assert (
        "oost-k4.csv!C2: klant U1 (Oost) is zowel voortijdig gestopt (oost-k4.csv!A2) als afgerond (oost-k3.csv!A4)"
    ) in _vlak(r)
    alfa = next(p for p in _stand(ws, "2024-12-31")["prestaties"] if p["aanbieder"] == "Alfa")
    assert (alfa["voortijdig_gestopt"], alfa["afgerond"]) == (0, 1)


def test_afgerond_of_gestopt_zonder_start_geen_traceback(ws: Path) -> None:
    """A completion without a start made the intake crash with a KeyError traceback (exit 1); so did a stop
    without a start. A completion without a start is now an error on its row; a stop while still waiting is read
    (it is checked against the registration), and a stop before the registration is an error."""
    pad = _csv(
        ws / "oost.csv",
        [
            "V1;Oost;aangemeld;2024-07-01;B1;Alfa;",
            "V1;Oost;afgerond;2024-09-01;;;",
            "V2;Oost;aangemeld;2024-07-01;B1;Alfa;",
            "V2;Oost;voortijdig gestopt;2024-06-20;;;",
        ],
    )
    r = _run("contract", "inlezen", "--werkmap", ws, pad)
    assert r.exit_code == 2, r.output
    assert "oost.csv!C3: klant V1 (Oost) is afgerond zonder start" in _vlak(r)
    assert "oost.csv!D5: klant V2 (Oost): het voortijdig stoppen ligt voor de aanmelding (oost.csv!A4)" in _vlak(r)
    _csv(pad, ["V2;Oost;aangemeld;2024-07-01;B1;Alfa;", "V2;Oost;voortijdig gestopt;2024-08-20;;;"])
    assert _run("contract", "inlezen", "--werkmap", ws, pad).exit_code == 0
    alfa = next(p for p in _stand(ws, "2024-12-31")["prestaties"] if p["aanbieder"] == "Alfa")
    assert (alfa["voortijdig_gestopt"], alfa["gestart"], alfa["wachtend_langer_dan_beloofd"]) == (1, 0, 0)


def test_contract_start_niet_in_de_opschortende_termijn(gestart: Path, tmp_path: Path) -> None:
    """The award decision is sent on 7 April 2024; the standstill (art. 2.127 Aw 2012) ends 20 days later, on
    27 April 2024, a Saturday (and Koningsdag), so under the Algemene termijnenwet on Monday 29 April 2024. A start
    on 8 April was accepted although the refusal text itself says 'pas na de standstill'."""
    ws = Path(shutil.copytree(gestart, tmp_path / "ws"))
    shutil.rmtree(ws / "contract")
    for datum in ("2024-04-08", "2024-04-29"):
        r = _run("contract", "start", "--werkmap", ws, "--datum", datum, *DOOR)
        assert r.exit_code == 2, r.output
        assert f"--datum: {datum} ligt in de opschortende termijn (art. 2.127 Aw 2012)" in _vlak(r)
        assert "eindigt op maandag 29 april 2024" in _vlak(r)
    r = _run("contract", "start", "--werkmap", ws, "--datum", "2024-04-30", *DOOR)
    assert r.exit_code == 0, r.output


def test_grafiek_van_het_gebruik_toont_meer_dan_100_procent(ws: Path) -> None:
    """39 Z placements against a maximum of 38 (102,6%) were drawn on the 100% line: the chart capped every value
    at 100, so an exceeded framework agreement looked exactly full. The scale now runs to 125%."""
    from evaluatie.contract import svg

    assert "125%" not in svg.lijnen("t", ["a", "b"], [("Z", [50.0, 100.0])])
    tekening = svg.lijnen("t", ["a", "b"], [("Z", [50.0, 102.6])])
    assert ">125%</text>" in tekening and ">100%</text>" in tekening
    punten = re.search(r'points="([^"]+)"', tekening)
    assert punten is not None
    y50, y102 = (float(p.split(",")[1]) for p in punten.group(1).split())
    lijn100 = float(re.search(r'y="([0-9.]+)" text-anchor="end">100%', tekening).group(1)) - 4  # type: ignore[union-attr]
    assert y102 < lijn100 < y50  # above the 100% line (smaller y), not on it


def test_json_geeft_een_onzichtbaar_teken_als_json_escape(ws: Path) -> None:
    """A delivery file named 'noord<U+200B>.csv' (a zero-width space in the name): contract inlezen --json gave
    "bestand": "noord<U+200B>.csv", the terminal's way of showing the character, so a JSON reader got a name that is
    not the file's. The README promises a JSON escape there (the same text for a JSON reader); every contract command
    now writes its document as the other commands do. Since such a name is refused as input (an invisible character
    changes how the name reads in the advies and the log), the refusal is where the name stands in the JSON."""
    pad = _csv(ws / "noord\u200b.csv", ["K001B;Noord;aangemeld;2024-06-10;B1;Alfa;"])
    r = _run("contract", "inlezen", "--werkmap", ws, pad, "--json")
    assert r.exit_code == 2, r.output
    assert '"plaats": "noord\\u200b.csv"' in r.stdout and "<U+200B>" not in r.stdout
    [fout] = json.loads(r.stdout)["fouten"]
    assert fout["plaats"] == "noord\u200b.csv" and "U+200B (ZERO WIDTH SPACE)" in fout["bericht"]

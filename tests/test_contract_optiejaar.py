"""Option years were in the register's term from the start: the example (2 years plus 1 option year from 1 January
2022) took events, stand and reports up to 31 December 2024 without anyone deciding to use the option, and a
'verlenging' could not extend the term either. The term is now the fixed years; an option year joins it only by a
recorded decision ('contract optiejaar', who, date and reason), which the stand, the forecasts and the dossier name.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, kopieer_voorbeeld, maak_werkmap, schrijf_bod, vul_panel

DOOR = ["--door", "S. Jansen, contractmanager", "--reden", "de gemeenten verlengen met het optiejaar"]
KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n"


def _run(*args: object) -> tuple[int, str]:
    r = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in r.output, r.output
    return r.exit_code, " ".join(r.output.split())


@pytest.fixture(scope="module")
def gestart(tmp_path_factory: pytest.TempPathFactory, voorbeeld_bron: Path) -> Path:
    ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path_factory.mktemp("optiejaar") / "ws")
    assert _run("gunning", "--werkmap", ws, "--lots", "B1,onderwijs,Z")[0] == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2022-01-01", *DOOR)[0] == 0
    return ws


@pytest.fixture
def ws(gestart: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(gestart, tmp_path / "ws"))


def test_optiejaar_hoort_pas_bij_de_looptijd_na_het_besluit(ws: Path, tmp_path: Path) -> None:
    lijst = tmp_path / "huizen.csv"
    lijst.write_text(KOP + "K-1;Huizen;aangemeld;05-02-2024;B1;Kompas Inburgering;\n", encoding="utf-8")
    code, uit = _run("contract", "inlezen", "--werkmap", ws, lijst)
    assert code == 2, uit
    assert (
        "huizen.csv!D2: 05-02-2024 ligt na het einde van de looptijd van het contract (2 jaar, tot en met 31-12-2023); "
        "het register volgt de plaatsingen tot en met die dag: laat latere gebeurtenissen weg; optiejaar 3 (tot en met "
        "31-12-2024) is nog niet uitgeoefend: 'evaluatie contract optiejaar' legt dat besluit vast" in uit
    ), uit
    code, uit = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2024-03-01")
    assert code == 2 and "--peildatum: 2024-03-01 ligt na het einde van de looptijd (2 jaar" in uit, uit

    code, uit = _run("contract", "optiejaar", "--werkmap", ws, "--datum", "2023-10-02", *DOOR)
    assert code == 0, uit
    assert (
        "Optiejaar 3 uitgeoefend (besluit 2): de looptijd loopt nu tot en met 31-12-2024; er resteert geen optiejaar. "
        "Looptijd: 2 jaar (01-01-2022 tot en met 31-12-2023); optiejaar 3 (tot en met 31-12-2024): uitgeoefend bij "
        "besluit 2 van 02-10-2023" in uit
    ), uit
    assert _run("contract", "inlezen", "--werkmap", ws, lijst)[0] == 0
    code, uit = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2024-03-01", "--json")
    assert code == 0, uit
    assert json.loads(uit)["looptijd"] == {
        "vaste_jaren": 2,
        "optiejaren": 1,
        "uitgeoefend": [{"optiejaar": 3, "besluit": 2, "datum": "2023-10-02"}],
        "tot_en_met": "2024-12-31",
        "verlenging": [],
    }
    # a stand before the decision says the term as it stood then
    code, uit = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2023-09-30")
    assert "Looptijd: 2 jaar (01-01-2022 tot en met 31-12-2023); optiejaar 3 (tot en met 31-12-2024): niet " in uit

    code, uit = _run("contract", "optiejaar", "--werkmap", ws, "--datum", "2024-01-10", *DOOR)
    assert code == 2, uit
    assert (
        "optiejaar: het optiejaar is al uitgeoefend; de looptijd loopt tot en met 31-12-2024. Een langere looptijd "
        "vraagt een contractwijziging met grondslag of een nieuwe aanbesteding; 'evaluatie contract wijziging --soort "
        "verlenging --tot DATUM' legt zo'n wijziging per perceel vast en verlengt de looptijd in het register zodra "
        "ieder perceel met een raamovereenkomst is verlengd" in uit
    ), uit

    assert _run("contract", "dossier", "--werkmap", ws)[0] == 0
    dossier = html_tekst(ws / "contract" / "dossier" / "index.html")
    assert "optiejaar 3 (tot en met 31-12-2024): uitgeoefend bij besluit 2 van 02-10-2023" in dossier, dossier
    besluiten = json.loads((ws / "contract" / "dossier" / "contract" / "besluiten.json").read_text(encoding="utf-8"))
    assert besluiten[1]["soort"] == "optiejaar" and besluiten[1]["door"] == "S. Jansen, contractmanager"
    assert besluiten[1]["inhoud"] == {"optiejaar": 3, "van": "2024-01-01", "tot_en_met": "2024-12-31"}


def test_optiejaar_na_het_einde_zonder_wie_en_waarom_alle_fouten_samen(ws: Path) -> None:
    code, uit = _run("contract", "optiejaar", "--werkmap", ws, "--datum", "2024-01-05")
    assert code == 2, uit
    assert (
        "--datum: 2024-01-05 ligt na het einde van de looptijd (2023-12-31): een optiejaar wordt uitgeoefend zolang de "
        "overeenkomst loopt; een verlopen overeenkomst wordt niet verlengd" in uit
    ), uit
    assert "--door: wie neemt dit besluit?" in uit and "--reden: een besluit zonder reden" in uit, uit
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    try:
        assert db.execute("SELECT COUNT(*) FROM optie").fetchone()[0] == 0
    finally:
        db.close()


def test_prognose_zegt_wanneer_het_maximum_met_het_optiejaar_bereikt_is(ws: Path, tmp_path: Path) -> None:
    # 24 of the Z-route's maximum of 48 by 30 June 2023, day 546 of the contract (365 + 181): at that pace the other
    # 24 take 546 days more, to 27 December 2024 (2023-06-30 + 546 days): after the fixed term, inside the option year.
    # Inburgerwijs Academie's Z price in the award is EUR 9.100: 24 x 9.100 = EUR 218.400
    rijen = "".join(f"Z-{i};Hilversum;aangemeld;{i:02d}-03-2022;Z;Inburgerwijs Academie;\n" for i in range(1, 25))
    (tmp_path / "hilversum.csv").write_text(KOP + rijen, encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, tmp_path / "hilversum.csv")[0] == 0
    code, uit = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2023-06-30")
    assert code == 0, uit
    assert (
        "Z-route: 24 van 48 trajecten, EUR 218.400,00 van EUR 480.000,00; benut 50,0% (het hoogste van de twee); uitgeput bij dit tempo: niet voor het "
        "einde van de looptijd (31-12-2023); met het optiejaar dat niet is uitgeoefend (tot en met 31-12-2024) op "
        "27-12-2024" in uit
    ), uit
    code, uit = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2023-06-30", "--json")
    z = next(r for r in json.loads(uit)["raamovereenkomst"] if r["perceel"] == "Z")
    assert (z["prognose_uitgeput"], z["prognose_na_looptijd"]) == ("2024-12-27", True), z
    assert (z["einde_looptijd"], z["einde_met_optiejaren"]) == ("2023-12-31", "2024-12-31"), z


def test_register_van_voor_de_optiejaren_houdt_de_looptijd_van_zijn_start(ws: Path) -> None:
    """A register started before the option years were kept apart (schema version 3) took them into the term at its
    start, as its start decision records ('jaren': 3); that term stands and no option year can be exercised again."""
    register = ws / "contract" / "register.sqlite"
    with sqlite3.connect(register) as db:
        db.execute("DROP TABLE IF EXISTS schemaherlezing")  # added in version 12
        db.execute("DROP TABLE IF EXISTS hervatting")  # added in version 10
        db.execute("DROP TABLE IF EXISTS indexatiepercentage")  # added in version 9
        db.execute("DROP TABLE schemamigratie")  # added in version 8
        db.execute("DROP TABLE publicatiecijfer")  # added in version 7
        db.execute("DROP TABLE publicatie")
        db.execute("DROP TABLE verlenging")  # added in version 6
        db.execute("DROP TABLE intrekking")  # added in version 5
        db.execute("DROP TABLE optie")
        db.execute("DROP TABLE looptijd")
        db.execute("PRAGMA user_version = 3")
    db.close()
    code, uit = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2024-06-30")
    assert code == 0, uit
    assert (
        "Looptijd: 3 jaar (01-01-2022 tot en met 31-12-2024), optiejaren inbegrepen: het register is begonnen voordat "
        "evaluatie de optiejaren apart hield" in uit
    ), uit
    code, uit = _run("contract", "optiejaar", "--werkmap", ws, "--datum", "2023-10-02", *DOOR)
    assert code == 2 and "er is geen optiejaar meer uit te oefenen" in uit, uit


def test_verlenging_als_wijziging_wijst_naar_het_optiejaar(ws: Path) -> None:
    """A verlenging past the option years comes after them: while one is open, the change is refused and the error
    points to 'contract optiejaar' (an option year of the tender is no change)."""
    code, uit = _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "verlenging", "--waarde", "20.000",
        "--grondslag", "art. 2.163c Aw 2012", "--datum", "2023-10-02", "--tot", "2025-06-30", "--alleen-toetsen",
    )  # fmt: skip
    assert code == 2, uit
    assert (
        "--soort: een verlenging voorbij de optiejaren kan pas als alle optiejaren zijn uitgeoefend; een optiejaar uit "
        "de aanbestedingsstukken is geen contractwijziging; optiejaar 3 (tot en met 2024-12-31) is nog niet "
        "uitgeoefend: 'evaluatie contract optiejaar' legt dat besluit vast" in uit
    ), uit
    code, uit = _run(
        "contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "verlenging", "--waarde", "20.000",
        "--grondslag", "art. 2.163c Aw 2012", "--datum", "2023-10-02", "--tot", "2024-06-30", "--alleen-toetsen",
    )  # fmt: skip
    assert (
        "--tot: 2024-06-30 ligt niet na het einde van de looptijd van B1-route met alle optiejaren (tot en met "
        "2024-12-31)" in uit
    ), uit


def test_uitval_in_het_laatste_vaste_jaar_verdeelt_ook_het_optiejaar(tmp_path: Path) -> None:
    """A supplier dropping out in the last fixed year: the proposal also names the allocation of the option year
    (the register holds one for it), so an option year exercised later does not send inburgeraars to a supplier that
    left. One fixed year plus one option year from 1 July 2026; Y (second in rank) drops out on 1 November 2026."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(looptijd={"jaren": 1, "optiejaren": 1}))
    for naam, kvk, prijs, capaciteit in (("X", "11111111", 9000, 9), ("Y", "22222222", 9200, 8)):
        schrijf_bod(ws, f"{naam.lower()}.xlsx", naam, kvk, [("B1", prijs, capaciteit, 12, 4, "alle")])
    schrijf_bod(ws, "z.xlsx", "Z", "33333333", [("B1", 9500, 12, 12, 4, "alle")])
    vul_panel(ws, {"X": 75, "Y": 50, "Z": 25})
    assert _run("gunning", "--werkmap", ws)[0] == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-07-01", *DOOR)[0] == 0
    uitval = ("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Y", "--per", "2026-11-01")
    code, uit = _run(*uitval, "--json")
    assert code == 0, uit
    volgend = {(c["gemeente"], c["aanbieder"]): c["aantal"] for c in json.loads(uit)["volgende_jaren"]}
    # demand 10 + 6 + 4 = 20 per year over X (capacity 9, first in rank: full) and Z (capacity 12: the other 11)
    assert sum(volgend.values()) == 20 and {s for _, s in volgend} == {"X", "Z"}, volgend
    assert sum(n for (_, s), n in volgend.items() if s == "X") == 9, volgend
    assert _run(*uitval, "--vastleggen", *DOOR)[0] == 0
    assert _run("contract", "optiejaar", "--werkmap", ws, "--datum", "2026-11-02", *DOOR)[0] == 0
    code, uit = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2027-07-01", "--json")
    assert code == 0, uit
    regels = json.loads(uit)["regels"]
    assert {(r["gemeente"], r["aanbieder"]): r["toegewezen"] for r in regels if r["toegewezen"]} == volgend


def test_kwartaalrapport_noemt_de_looptijd_van_zijn_peildatum(ws: Path) -> None:
    """The report of 2023-K2 names the term as it stood on 30 June 2023, the option year not exercised; made again
    after the option year is exercised (on 2 October 2023), it is byte for byte the same report."""
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2023-K2")[0] == 0
    map_ = ws / "contract" / "kwartaal" / "2023-K2"
    zin = "Looptijd: 2 jaar (01-01-2022 tot en met 31-12-2023); optiejaar 3 (tot en met 31-12-2024): niet uitgeoefend."
    assert zin in html_tekst(map_ / "regio.html")
    overzicht = {r[0]: r[1] for r in load_workbook(map_ / "regio.xlsx")["Overzicht"].iter_rows(values_only=True)}
    assert overzicht["Looptijd"] == zin.removeprefix("Looptijd: ").removesuffix("."), overzicht
    voor = {p.name: p.read_bytes() for p in map_.iterdir()}
    assert _run("contract", "optiejaar", "--werkmap", ws, "--datum", "2023-10-02", *DOOR)[0] == 0
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2023-K2")[0] == 0
    assert {p.name: p.read_bytes() for p in map_.iterdir()} == voor
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2023-K4")[0] == 0
    tekst = html_tekst(ws / "contract" / "kwartaal" / "2023-K4" / "regio.html")
    assert "optiejaar 3 (tot en met 31-12-2024): uitgeoefend bij besluit 2 van 02-10-2023." in tekst, tekst


def test_uitval_in_het_laatste_vaste_jaar_wacht_niet_op_een_optiejaar(tmp_path: Path, voorbeeld_bron: Path) -> None:
    """Kompas Inburgering drops out of the Z-route at the end of 2023, the last fixed year. The rest of that year fits
    Inburgerwijs Academie, a whole year does not (10 places against a demand of 16). The proposal could not be taken
    as a decision because of contract year 3, an option year nobody had exercised; it now holds for the term in
    force and says what it leaves for the option year, and exercising that year says it again."""
    import subprocess
    import sys

    from tests.hulp import REPO

    ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path / "ws")
    assert _run("gunning", "--werkmap", ws, "--lots", "B1,onderwijs,Z")[0] == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2022-01-01", *DOOR)[0] == 0
    gen = subprocess.run([sys.executable, str(REPO / "bids" / "genereer_plaatsingen.py"), str(ws)], capture_output=True)
    assert gen.returncode == 0, gen.stderr
    assert _run("contract", "inlezen", "--werkmap", ws, "--datum", "2024-01-02", ws / "aanleveringen")[0] == 0
    uitval = ("contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", "Kompas Inburgering")
    code, uit = _run(*uitval, "--per", "2023-12-31", "--vastleggen", *DOOR)
    assert code == 0, uit
    assert (
        "Vanaf contractjaar 3 (een optiejaar dat nog niet is uitgeoefend) kunnen de overige aanbieders de vraag niet "
        "opvangen: Perceel Z-route: de gecontracteerde aanbieders hebben samen 10 plaatsen, de vraag is 16. Het voorstel "
        "geldt voor de looptijd tot en met 31-12-2023 en legt daarna geen nieuwe verdeling vast" in uit
    ), uit
    gunning = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))["percelen"]["Z"]
    kompas = sum(t["aantal"] for t in gunning["toewijzing"] if t["inschrijver"] == "Kompas Inburgering")
    code, uit = _run("contract", "optiejaar", "--werkmap", ws, "--datum", "2023-12-31", *DOOR)
    assert code == 0, uit
    assert (
        f"Let op: de toewijzing van contractjaar 3 in Z-route geeft nog {kompas} inburgeraar(s) aan Kompas Inburgering, "
        "die per 31-12-2023 is uitgevallen; een verdeling van dat jaar zonder die aanbieder is niet vastgelegd." in uit
    ), uit

"""A verlenging past the option years was recorded as a contract change, but the register kept the term of the tender:
a placement after it was refused by 'contract inlezen', and the stand, the quarterly reports and the dossier stopped
there. A verlenging now takes the lot's new last day (--tot); once every lot with a framework agreement has one, the
register's one term runs to the earliest of them, with the allocation of the last year in the new years, and every
text that names the term names the changes (number, date, ground)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.hulp import html_tekst, kleine_aanbesteding, kopieer_voorbeeld, maak_werkmap, schrijf_bod, vul_panel
from tests.test_contract_optiejaar import DOOR, KOP
from tests.test_contract_optiejaar import _run as _uit
from tests.test_contract_toelating import _run, _werkmap

WIJZIG = ("contract", "wijziging", "--route")
DE_MINIMIS = ("--grondslag", "art. 2.163b Aw 2012")


def _verleng(ws: Path, route: str, tot: str, datum: str, *extra: object) -> tuple[int, str]:
    return _uit(
        *WIJZIG, route, "--werkmap", ws, "--soort", "verlenging", "--waarde", "10.000", *DE_MINIMIS,
        "--datum", datum, "--tot", tot, *extra, *DOOR,
    )  # fmt: skip


def _tel(ws: Path, tabel: str) -> int:
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    try:
        return int(db.execute(f"SELECT COUNT(*) FROM {tabel}").fetchone()[0])
    finally:
        db.close()


@pytest.fixture(scope="module")
def met_optiejaar(tmp_path_factory: pytest.TempPathFactory, voorbeeld_bron: Path) -> Path:
    """The example (B1, onderwijs and Z from 1 January 2022, 2 years plus 1 option year) with its option year
    exercised: the term runs to 31 December 2024 and no option year is left."""
    ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path_factory.mktemp("verlenging") / "ws")
    assert _uit("gunning", "--werkmap", ws, "--lots", "B1,onderwijs,Z")[0] == 0
    assert _uit("contract", "start", "--werkmap", ws, "--datum", "2022-01-01", *DOOR)[0] == 0
    assert _uit("contract", "optiejaar", "--werkmap", ws, "--datum", "2023-10-02", *DOOR)[0] == 0
    return ws


@pytest.fixture
def ws(met_optiejaar: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(met_optiejaar, tmp_path / "ws"))


def test_verlenging_van_ieder_perceel_verlengt_de_looptijd_van_het_register(ws: Path, tmp_path: Path) -> None:
    assert _uit("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2024-K3")[0] == 0
    k3 = ws / "contract" / "kwartaal" / "2024-K3"
    voor = {p.name: p.read_bytes() for p in k3.iterdir()}
    lijst = tmp_path / "hilversum.csv"
    lijst.write_text(KOP + "K-1;Hilversum;aangemeld;05-02-2025;B1;Taalhuis De Brug B.V.;\n", encoding="utf-8")

    # B1 alone: recorded (its ground and value count), but the register's one term waits for the other lots
    code, uit = _verleng(ws, "B1", "30-06-2025", "2024-10-01")
    assert code == 0, uit
    assert (
        "Let op: het register kent één looptijd voor alle percelen en volgt deze verlenging van B1-route (tot en met "
        "30-06-2025) pas als ook Z-route en Onderwijsroute zo ver zijn verlengd, ieder perceel met een eigen wijziging "
        "en grondslag; tot dan loopt de looptijd in het register tot en met 31-12-2024" in uit
    ), uit
    code, uit = _verleng(ws, "B1", "2025-03-31", "2024-10-01", "--alleen-toetsen")
    assert code == 2, uit
    assert (
        "--tot: 2025-03-31 ligt niet na de vorige verlenging van B1-route (tot en met 2025-06-30): een verlenging "
        "schuift de laatste dag op" in uit
    ), uit
    code, uit = _uit("contract", "inlezen", "--werkmap", ws, lijst)
    assert code == 2, uit
    assert (
        "hilversum.csv!D2: 05-02-2025 ligt na het einde van de looptijd van het contract (3 jaar, tot en met "
        "31-12-2024); het register volgt de plaatsingen tot en met die dag: laat latere gebeurtenissen weg; de "
        "verlenging van B1-route voorbij 31-12-2024 is vastgelegd, maar het register kent één looptijd voor alle "
        "percelen en volgt haar pas als ook Z-route en Onderwijsroute zo ver zijn verlengd" in uit
    ), uit

    assert _verleng(ws, "onderwijs", "2025-12-31", "2024-10-02")[0] == 0
    code, uit = _verleng(ws, "Z", "2025-06-30", "2024-10-03", "--json")
    assert code == 0, uit
    z = json.loads(uit)
    assert (z["tot_en_met"], z["looptijd_tot_en_met"], z["besluit"]) == ("2025-06-30", "2025-06-30", 5), z
    assert (
        "De looptijd in het contractregister loopt na deze wijziging tot en met 30-06-2025 (was 31-12-2024)"
        in " ".join(z["uitleg"])
    ), z
    assert (
        "De toewijzing per gemeente en aanbieder in contractjaar 4 is die van contractjaar 3 zoals die nu in het "
        "register staat, per jaar; contractjaar 4 loopt van 01-01-2025 tot en met 30-06-2025, een deel van een jaar"
        in " ".join(z["uitleg"])
    ), z

    assert _uit("contract", "inlezen", "--werkmap", ws, lijst)[0] == 0
    lijst.write_text(KOP + "K-2;Hilversum;aangemeld;01-07-2025;B1;Taalhuis De Brug B.V.;\n", encoding="utf-8")
    code, uit = _uit("contract", "inlezen", "--werkmap", ws, lijst)
    assert code == 2, uit
    assert (
        "01-07-2025 ligt na het einde van de looptijd van het contract (3 jaar en een verlenging, tot en met "
        "30-06-2025); het register volgt de plaatsingen tot en met die dag: laat latere gebeurtenissen weg; de "
        "verlenging van Onderwijsroute voorbij 30-06-2025 is vastgelegd, maar het register kent één looptijd voor alle "
        "percelen en volgt haar pas als ook B1-route en Z-route zo ver zijn verlengd" in uit
    ), uit

    zin = (
        "Looptijd: 2 jaar (01-01-2022 tot en met 31-12-2023); optiejaar 3 (tot en met 31-12-2024): uitgeoefend bij "
        "besluit 2 van 02-10-2023; verlengd tot en met 30-06-2025 bij contractwijziging: B1-route tot en met "
        "30-06-2025 (besluit 3 van 01-10-2024, grondslag art. 2.163b Aw 2012), Z-route tot en met 30-06-2025 (besluit "
        "5 van 03-10-2024, grondslag art. 2.163b Aw 2012), Onderwijsroute tot en met 31-12-2025 (besluit 4 van "
        "02-10-2024, grondslag art. 2.163b Aw 2012)"
    )
    code, uit = _uit("contract", "stand", "--werkmap", ws, "--peildatum", "2025-03-31")
    assert code == 0, uit
    assert (
        "Stand op 31-03-2025, contractjaar 4 (01-01-2025 tot en met 30-06-2025, het einde van de looptijd: een deel "
        f"van een jaar; 24,7% van het jaar verstreken, 'toegewezen' is per jaar) {zin}" in uit
    ), uit
    code, uit = _uit("contract", "stand", "--werkmap", ws, "--peildatum", "2025-03-31", "--json")
    stand = json.loads(uit)
    assert stand["looptijd"]["tot_en_met"] == "2025-06-30", stand["looptijd"]
    assert [(v["perceel"], v["besluit"], v["tot_en_met"]) for v in stand["looptijd"]["verlenging"]] == [
        ("B1", 3, "2025-06-30"),
        ("onderwijs", 4, "2025-12-31"),
        ("Z", 5, "2025-06-30"),
    ]
    # contract year 4 has contract year 3's allocation per year, which is the award's (gunning.json: Blaricum 4 with
    # Taalhuis De Brug in B1), counted pro rata: 1 January to 31 March 2025 is 90 of 365 days
    # with every option year exercised and the verlenging, nothing lies beyond the term: no later end 'with options'
    raam = {r["perceel"]: (r["einde_looptijd"], r["einde_met_optiejaren"]) for r in stand["raamovereenkomst"]}
    assert raam == {c: ("2025-06-30", "2025-06-30") for c in ("B1", "Z", "onderwijs")}, raam
    blaricum = next(r for r in stand["regels"] if (r["gemeente"], r["perceel"]) == ("Blaricum", "B1"))
    assert (blaricum["aanbieder"], blaricum["toegewezen"], blaricum["naar_rato"]) == (
        "Taalhuis De Brug B.V.",
        4,
        round(4 * 90 / 365, 4),
    ), blaricum
    assert blaricum["geplaatst"] == 0
    # the stand of a day between the changes says the term as it stood then
    code, uit = _uit("contract", "stand", "--werkmap", ws, "--peildatum", "2024-10-02")
    assert (
        "uitgeoefend bij besluit 2 van 02-10-2023; verlenging vastgelegd voor B1-route tot en met 30-06-2025 (besluit "
        "3 van 01-10-2024, grondslag art. 2.163b Aw 2012), Onderwijsroute tot en met 31-12-2025 (besluit 4 van "
        "02-10-2024, grondslag art. 2.163b Aw 2012), nog niet voor Z-route: het register kent één looptijd" in uit
    ), uit

    # a report made before the changes stays the same; the last quarter of the verlenging has one; after it, none
    assert _uit("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2024-K3")[0] == 0
    assert {p.name: p.read_bytes() for p in k3.iterdir()} == voor
    assert _uit("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2025-K2")[0] == 0
    regio = html_tekst(ws / "contract" / "kwartaal" / "2025-K2" / "regio.html")
    assert f"{zin}." in regio, regio
    # contract year 4 ends with the term on 30 June 2025 (181 of its 365 days: 49,6%); the table's 'Toegewezen' is
    # per year, as its legend says
    assert (
        "peildatum 30 juni 2025 (contractjaar 4, van 1 januari 2025 tot en met 30 juni 2025, het einde van de "
        "looptijd: een deel van een jaar; 49,6% verstreken van het jaar)" in regio
    ), regio
    code, uit = _uit("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2025-K3")
    assert code == 2 and "--kwartaal: 2025-09-30 ligt na het einde van de looptijd (3 jaar en een verlenging" in uit

    assert _uit("contract", "dossier", "--werkmap", ws)[0] == 0
    assert zin in html_tekst(ws / "contract" / "dossier" / "index.html")
    besluiten = json.loads((ws / "contract" / "dossier" / "contract" / "besluiten.json").read_text(encoding="utf-8"))
    inhoud = besluiten[4]["inhoud"]
    assert (inhoud["soort"], inhoud["tot_en_met"], inhoud["looptijd_tot_en_met"]) == (
        "verlenging",
        "2025-06-30",
        "2025-06-30",
    )
    assert inhoud["toewijzing"] == {"contractjaren": [4], "als_contractjaar": 3}, inhoud


def test_verlenging_zonder_tot_of_niet_voorbij_het_einde_alle_fouten_samen_niets_vastgelegd(tmp_path: Path) -> None:
    """B1 awarded, Z an open house; 2 years from 1 June 2026 (to 31 May 2028), no option years."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    basis = (*WIJZIG, "B1", "--werkmap", ws, "--waarde", "20.000", *DE_MINIMIS, "--datum", "2026-06-10")
    r = _run(*basis, "--soort", "verlenging", "--door", "S. Jansen, contractmanager")
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert (
        "--tot: verplicht bij --soort verlenging: de nieuwe laatste dag van de looptijd (JJJJ-MM-DD of DD-MM-JJJJ); de "
        "looptijd loopt nu tot en met 2028-05-31" in uit
    ), uit
    assert "--reden: een besluit zonder reden" in uit, uit
    r = _run(*basis, "--soort", "verlenging", "--tot", "31-05-2028", *DOOR)
    assert r.exit_code == 2
    assert (
        "--tot: 2028-05-31 ligt niet na het einde van de looptijd van B1-route (tot en met 2028-05-31): een verlenging "
        "schuift de laatste dag op" in " ".join(r.output.split())
    ), r.output
    r = _run(*basis, "--soort", "extra_volume", "--trajecten", "2", "--tot", "2028-12-31", *DOOR)
    assert r.exit_code == 2
    assert "--tot: hoort alleen bij --soort verlenging" in r.output, r.output
    r = _run(*basis[:6], "--waarde", "60.000", *DE_MINIMIS, "--datum", "2026-06-10", "--soort", "verlenging",
             "--tot", "2028-12-31", *DOOR)  # fmt: skip
    # the framework maximum is 50 trajectories at EUR 10.400, EUR 520.000: its 10% (EUR 52.000) is the limit
    assert r.exit_code == 1 and "ze is niet vastgelegd" in r.output, r.output
    assert "loopt na deze wijziging" not in r.output, r.output
    assert (_tel(ws, "wijziging"), _tel(ws, "verlenging"), _tel(ws, "besluit")) == (0, 0, 1)

    # the one lot with a framework agreement: its verlenging moves the term; the open house follows, and says so
    r = _run(*basis, "--soort", "verlenging", "--tot", "2028-12-31", "--json", *DOOR)
    assert r.exit_code == 0, r.output
    uitleg = " ".join(json.loads(r.stdout)["uitleg"])
    assert json.loads(r.stdout)["looptijd_tot_en_met"] == "2028-12-31"
    assert (
        "Het open-houseperceel Z-route loopt mee met de looptijd van het register: een toelating is geen "
        "overheidsopdracht en wordt niet gewijzigd onder art. 2.163a-g Aw 2012; het toelatingsbesluit geldt gedurende "
        "de looptijd." in uitleg
    ), uitleg
    assert "contractjaar 3 loopt van 01-06-2028 tot en met 31-12-2028, een deel van een jaar" in uitleg, uitleg
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2028-09-30", "--json")
    assert r.exit_code == 0, r.output
    stand = json.loads(r.stdout)
    assert (stand["contractjaar"], stand["looptijd"]["tot_en_met"]) == (3, "2028-12-31"), stand["looptijd"]
    # the allocation of contract year 2 per year, in both lots (Z: the expectation by capacity)
    assert {(x["gemeente"], x["perceel"], x["aanbieder"]): x["toegewezen"] for x in stand["regels"]} == {
        (x["gemeente"], x["perceel"], x["aanbieder"]): x["toegewezen"]
        for x in json.loads(_run("contract", "stand", "--werkmap", ws, "--peildatum", "2027-09-30", "--json").stdout)[
            "regels"
        ]
    }
    assert {x["perceel"] for x in stand["regels"] if x["toegewezen"]} == {"B1", "Z"}


def test_register_van_schemaversie_4_krijgt_de_verlenging(tmp_path: Path) -> None:
    """A register of schema 4 has no verlenging table (version 6) and no intrekking table (version 5): it is brought
    up to date by the first command that writes, keeps its term until then, and takes a verlenging after."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:
        db.execute("DROP TABLE IF EXISTS schemaherlezing")  # added in version 12
        db.execute("DROP TABLE IF EXISTS hervatting")  # added in version 10
        db.execute("DROP TABLE IF EXISTS indexatiepercentage")  # added in version 9
        db.execute("DROP TABLE schemamigratie")  # added in version 8
        db.execute("DROP TABLE publicatiecijfer")  # added in version 7
        db.execute("DROP TABLE publicatie")
        db.execute("DROP TABLE verlenging")
        db.execute("DROP TABLE intrekking")
        db.execute("PRAGMA user_version = 4")
    db.close()
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-30")
    assert r.exit_code == 0, r.output
    assert "Looptijd: 2 jaar (01-06-2026 tot en met 31-05-2028), zonder optiejaren\n" in r.output, r.output
    r = _run(*WIJZIG, "B1", "--werkmap", ws, "--waarde", "20.000", *DE_MINIMIS, "--datum", "2026-06-10",
             "--soort", "verlenging", "--tot", "2028-12-31", *DOOR)  # fmt: skip
    assert r.exit_code == 0, r.output
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2026-09-30")
    assert (
        "Looptijd: 2 jaar (01-06-2026 tot en met 31-05-2028), zonder optiejaren; verlengd tot en met 31-12-2028 bij "
        "contractwijziging: B1-route tot en met 31-12-2028 (besluit 2 van 10-06-2026, grondslag art. 2.163b Aw 2012)"
        in " ".join(r.output.split())
    ), r.output


def test_uitval_voor_de_verlenging_verdeelt_ook_de_jaren_van_de_verlenging(tmp_path: Path) -> None:
    """One year from 1 July 2026, extended to 31 December 2027 (contract year 2, a part of a year); Y (second in rank)
    drops out on 1 November 2026. The new allocation covers contract year 2 too: the verlenging's copy of year 1 would
    still send inburgeraars to Y there."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(looptijd={"jaren": 1, "optiejaren": 0}))
    for naam, kvk, prijs, capaciteit in (("X", "11111111", 9000, 9), ("Y", "22222222", 9200, 8)):
        schrijf_bod(ws, f"{naam.lower()}.xlsx", naam, kvk, [("B1", prijs, capaciteit, 12, 4, "alle")])
    schrijf_bod(ws, "z.xlsx", "Z", "33333333", [("B1", 9500, 12, 12, 4, "alle")])
    vul_panel(ws, {"X": 75, "Y": 50, "Z": 25})
    assert _uit("gunning", "--werkmap", ws)[0] == 0
    assert _uit("contract", "start", "--werkmap", ws, "--datum", "2026-07-01", *DOOR)[0] == 0
    assert _verleng(ws, "B1", "2027-12-31", "2026-10-01")[0] == 0
    uitval = ("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Y", "--per", "2026-11-01")
    code, uit = _uit(*uitval, "--json")
    assert code == 0, uit
    volgend = {(c["gemeente"], c["aanbieder"]): c["aantal"] for c in json.loads(uit)["volgende_jaren"]}
    # demand 10 + 6 + 4 = 20 per year over X (capacity 9, first in rank: full) and Z (capacity 12: the other 11)
    assert sum(volgend.values()) == 20 and {s for _, s in volgend} == {"X", "Z"}, volgend
    assert _uit(*uitval, "--vastleggen", *DOOR)[0] == 0
    code, uit = _uit("contract", "stand", "--werkmap", ws, "--peildatum", "2027-08-01", "--json")
    assert code == 0, uit
    regels = json.loads(uit)["regels"]
    assert {(r["gemeente"], r["aanbieder"]): r["toegewezen"] for r in regels if r["toegewezen"]} == volgend


def test_toetreding_na_de_verlenging_geldt_ook_in_de_jaren_van_de_verlenging(tmp_path: Path) -> None:
    """B1 extended to 31 December 2028 (contract year 3, a part of a year), then Delta joins the open house Z: the
    expectation by capacity with Delta (one inburgeraar in each gemeente, as in test_contract_toetreding) covers
    contract year 3 too, not only the years of the tender."""
    from tests.test_contract_toetreding import _gestart, _laat_bod, _toetreding

    ws = _gestart(tmp_path)
    assert _verleng(ws, "B1", "2028-12-31", "2026-06-10")[0] == 0
    assert _toetreding(ws, _laat_bod(ws, "Delta", "44444444", [("Z", 9200, 10, 12, 4, "alle")])).exit_code == 0
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2028-09-30", "--json")
    assert r.exit_code == 0, r.output
    delta = {x["gemeente"]: x["toegewezen"] for x in json.loads(r.stdout)["regels"] if x["aanbieder"] == "Delta"}
    assert delta == {"Noord": 1, "Oost": 1, "Zuid": 1}, delta


def test_verlenging_na_uitval_in_het_laatste_jaar_zegt_dat_de_toewijzing_de_uitgevallen_aanbieder_noemt(
    tmp_path: Path,
) -> None:
    """Y drops out in the last (only) contract year after one placement in Noord: the new allocation of that year keeps
    that placement with Y (there are no later years to allocate anew). The verlenging copies that year into contract
    year 2, so Y keeps 1 inburgeraar per year there: the change says so, as exercising an option year does."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(looptijd={"jaren": 1, "optiejaren": 0}))
    for naam, kvk, prijs, capaciteit in (("X", "11111111", 9000, 9), ("Y", "22222222", 9200, 8)):
        schrijf_bod(ws, f"{naam.lower()}.xlsx", naam, kvk, [("B1", prijs, capaciteit, 12, 4, "alle")])
    schrijf_bod(ws, "z.xlsx", "Z", "33333333", [("B1", 9500, 12, 12, 4, "alle")])
    vul_panel(ws, {"X": 75, "Y": 50, "Z": 25})
    assert _uit("gunning", "--werkmap", ws)[0] == 0
    assert _uit("contract", "start", "--werkmap", ws, "--datum", "2026-07-01", *DOOR)[0] == 0
    lijst = tmp_path / "noord.csv"
    lijst.write_text(KOP + "K-1;Noord;aangemeld;01-08-2026;B1;Y;\n", encoding="utf-8")
    assert _uit("contract", "inlezen", "--werkmap", ws, lijst)[0] == 0
    uitval = ("contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Y", "--per", "2026-11-01")
    assert _uit(*uitval, "--vastleggen", *DOOR)[0] == 0
    code, uit = _verleng(ws, "B1", "2027-12-31", "2026-11-02")
    assert code == 0, uit
    assert (
        "Let op: de toewijzing van contractjaar 2 in B1-route geeft zo 1 inburgeraar(s) per jaar aan Y, die per "
        "01-11-2026 is uitgevallen (de toewijzing van contractjaar 1 houdt haar plaatsingen van voor de uitval); een "
        "verdeling van de verlenging zonder die aanbieder is niet vastgelegd. Het advies slaat die aanbieder over: "
        "plaats die inburgeraars met een eigen keuze ('evaluatie contract keuze') of regel een contractwijziging" in uit
    ), uit


def test_verlenging_tot_een_tikfout_ver_weg_wordt_geweigerd(tmp_path: Path) -> None:
    """'--tot 2205-05-31' for 2028-05-31 (a typing error) wrote an allocation for about 180 contract years. A verlenging
    longer than the tender's whole term (here 2 years: up to 2030-05-31) is refused with the bound; up to it is taken."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    basis = (*WIJZIG, "B1", "--werkmap", ws, "--waarde", "20.000", *DE_MINIMIS, "--datum", "2026-06-10")
    for tot in ("2205-05-31", "2030-06-01"):
        r = _run(*basis, "--soort", "verlenging", "--tot", tot, *DOOR)
        assert r.exit_code == 2, r.output
        assert (
            f"--tot: {tot} verlengt B1-route met meer dan de hele looptijd van de aanbesteding (2 jaar, dus uiterlijk "
            "tot en met 2030-05-31)" in " ".join(r.output.split())
        ), r.output
        assert (_tel(ws, "wijziging"), _tel(ws, "verlenging"), _tel(ws, "besluit")) == (0, 0, 1)
    r = _run(*basis, "--soort", "verlenging", "--tot", "2030-05-31", *DOOR)
    assert r.exit_code == 0, r.output
    assert (_tel(ws, "wijziging"), _tel(ws, "verlenging")) == (1, 1)


def test_stand_json_noemt_het_einde_van_een_contractjaar_dat_de_verlenging_afbreekt(tmp_path: Path) -> None:
    """2 years from 1 June 2026 (to 31 May 2028), B1 extended to 31 December 2028: contract year 3 runs from 1 June to
    31 December 2028, a part of a year. The text said so, `jaar_tot_en_met` ('the last day, as the text') said
    31 May 2029, the last day of a whole year the contract does not reach."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    r = _run(*WIJZIG, "B1", "--werkmap", ws, "--waarde", "20.000", *DE_MINIMIS, "--datum", "2026-06-10",
             "--soort", "verlenging", "--tot", "2028-12-31", *DOOR)  # fmt: skip
    assert r.exit_code == 0, r.output
    stand = ("contract", "stand", "--werkmap", ws, "--peildatum", "2028-09-30")
    assert "contractjaar 3 (01-06-2028 tot en met 31-12-2028, het einde van de looptijd" in _run(*stand).output
    st = json.loads(_run(*stand, "--json").stdout)
    # jaar_tot stays the day after the whole year, as it was (the pro rata counts the whole year)
    assert (st["jaar_van"], st["jaar_tot_en_met"], st["jaar_tot"]) == ("2028-06-01", "2028-12-31", "2029-06-01"), st
    assert st["looptijd"]["tot_en_met"] == "2028-12-31"
    # a whole year keeps its own last day
    st = json.loads(_run("contract", "stand", "--werkmap", ws, "--peildatum", "2027-09-30", "--json").stdout)
    assert (st["jaar_van"], st["jaar_tot_en_met"], st["jaar_tot"]) == ("2027-06-01", "2028-05-31", "2028-06-01"), st


def test_kwartaal_xlsx_zegt_dat_het_contractjaar_een_deel_van_een_jaar_is(ws: Path) -> None:
    """Every lot extended to 30 June 2025: contract year 4 ends there. The HTML of 2025-K2 said 'contractjaar 4, van
    1 januari 2025 tot en met 30 juni 2025, het einde van de looptijd: een deel van een jaar'; the xlsx said only
    'Contractjaar 4', next to a 'Toegewezen (contractjaar)' that is per whole year. A report of a whole year keeps its
    rows as they were."""
    from openpyxl import load_workbook

    for route, datum in (("B1", "2024-10-01"), ("onderwijs", "2024-10-02"), ("Z", "2024-10-03")):
        assert _verleng(ws, route, "2025-06-30", datum)[0] == 0
    for kwartaal in ("2024-K4", "2025-K1", "2025-K2"):
        assert _uit("contract", "kwartaal", "--werkmap", ws, "--kwartaal", kwartaal)[0] == 0

    def overzicht(kwartaal: str) -> dict[str, object]:
        blad = load_workbook(ws / "contract" / "kwartaal" / kwartaal / "regio.xlsx")["Overzicht"]
        return {str(r[0]): r[1] for r in blad.iter_rows(values_only=True)}

    k2 = overzicht("2025-K2")
    # by hand: 1 January to 30 June 2025 is 181 of the 365 days of contract year 4: 49,6%
    assert k2["Contractjaar"] == 4
    assert k2["Deel van een jaar"] == (
        "contractjaar 4, van 1 januari 2025 tot en met 30 juni 2025, het einde van de looptijd: een deel van een jaar; "
        "49,6% verstreken van het jaar"
    ), k2
    # 1 January to 31 March: 90 of 365 days, 24,7%; contract year 3 (2024) is a whole year: no such row
    assert overzicht("2025-K1")["Deel van een jaar"] == (
        "contractjaar 4, van 1 januari 2025 tot en met 30 juni 2025, het einde van de looptijd: een deel van een jaar; "
        "24,7% verstreken van het jaar"
    )
    assert "Deel van een jaar" not in overzicht("2024-K4")

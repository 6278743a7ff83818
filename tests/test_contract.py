"""The contract phase end to end on the example, with every figure recomputed here from the rows the
example generator produced (not from the register), plus privacy refusals and small-cell suppression."""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import json
import math
import re
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from evaluatie.cli import main
from tests.hulp import REPO

PEIL = dt.date(2022, 12, 31)
DOOR = ["--door", "S. Jansen, contractmanager", "--reden", "volgens het contract"]


def _run(*args: object) -> Any:
    return CliRunner().invoke(main, [str(a) for a in args])


def _boek(pad: Path) -> Any:
    """A workbook read with openpyxl (independent of the project's calamine reader), untyped cells."""
    return load_workbook(pad)


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("genereer_plaatsingen", REPO / "bids" / "genereer_plaatsingen.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _register(ws: Path) -> Any:
    from evaluatie.contract.lezen import lees_register
    from evaluatie.contract.register import open_register
    from evaluatie.werkmap import Werkmap

    db = open_register(Werkmap(ws))
    try:
        return lees_register(db)
    finally:
        db.close()


@pytest.fixture(scope="module")
def gestart(tmp_path_factory: pytest.TempPathFactory, voorbeeld_bron: Path) -> Path:
    """The example after the award and the contract start on 1 January 2022."""
    from tests.hulp import kopieer_voorbeeld

    ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path_factory.mktemp("contract") / "ws")
    r = _run("gunning", "--werkmap", ws, "--lots", "B1,onderwijs,Z")
    assert r.exit_code == 0, r.output
    r = _run("contract", "start", "--werkmap", ws, "--datum", "2022-01-01", *DOOR)
    assert r.exit_code == 0, r.output
    return ws


def _kopie(gestart: Path, tmp_path: Path) -> Path:
    import shutil

    doel = tmp_path / "ws"
    shutil.copytree(gestart, doel)
    return doel


def test_hele_contractfase(gestart: Path, tmp_path: Path) -> None:
    ws = _kopie(gestart, tmp_path)
    gunning = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    tender = yaml.safe_load((ws / "aanbesteding.yaml").read_text(encoding="utf-8"))
    from evaluatie.definitie.laden import laad_aanbesteding
    from evaluatie.inschrijving.lezen import lees_inschrijvingen

    a, _ = laad_aanbesteding(ws / "aanbesteding.yaml")
    bod = {
        (i.naam, c): x
        for i, _ in [(i, 0) for i in lees_inschrijvingen(a, ws / "inschrijvingen")[0]]
        for c, x in i.aanbod.items()
    }

    # a second start is refused
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2022-01-01", *DOOR).exit_code == 1
    r = _run("contract", "start", "--werkmap", ws, "--datum", "2021-06-30", *DOOR)
    assert r.exit_code == 2 and "ligt niet na de verzending van de gunningsbeslissing (2021-07-01)" in r.output

    # one year of generated placements, one file per gemeente per quarter
    gen = _generator()
    rijen = gen.genereer(_register(ws), 1, 7)
    bestanden = gen.schrijf(rijen, tmp_path / "aanl")
    per_kw = {k: [p for p in bestanden if p.stem.endswith(k)] for k in ("2022-K1", "2022-K2", "2022-K3", "2022-K4")}
    for k, paden in per_kw.items():
        r = _run("contract", "inlezen", "--werkmap", ws, "--json", *paden)
        assert r.exit_code == 0, r.output
        verslag = json.loads(r.output)
        verwacht = sum(1 for x in rijen if gen.kwartaal(x[3]) == k)
        assert sum(b["nieuw"] for b in verslag["bestanden"]) == verwacht
    # a corrected row: one start date in a K2 file moves 10 days later
    doel = next(p for p in per_kw["2022-K2"] if any(c.value == "gestart" for c in _boek(p).active["C"]))
    wb = _boek(doel)
    blad = wb.active
    rij = next(r for r in range(2, blad.max_row + 1) if blad.cell(r, 3).value == "gestart")
    klant, oud = blad.cell(rij, 1).value, blad.cell(rij, 4).value
    if isinstance(oud, dt.datetime):
        oud = oud.date()
    nieuw_datum = oud + dt.timedelta(days=10)
    blad.cell(rij, 4).value = nieuw_datum
    wb.save(doel)
    rijen = [(x[0], x[1], x[2], nieuw_datum, *x[4:]) if (x[0], x[2]) == (klant, "gestart") else x for x in rijen]
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", doel)
    v = json.loads(r.output)
    assert (v["bestanden"][0]["nieuw"], v["bestanden"][0]["gecorrigeerd"]) == (0, 1)
    assert f"klant {klant}" in v["correcties"][0] and oud.strftime("%d-%m-%Y") in v["correcties"][0]
    # re-importing a file unchanged adds nothing
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", *per_kw["2022-K1"])
    v = json.loads(r.output)
    assert sum(b["nieuw"] + b["gecorrigeerd"] for b in v["bestanden"]) == 0
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    assert db.execute("SELECT COUNT(*) FROM gebeurtenis").fetchone()[0] == len(rijen) + 1
    with pytest.raises(sqlite3.IntegrityError):  # append-only, enforced by the database itself
        db.execute("UPDATE gebeurtenis SET datum = '2022-01-01'")
    db.close()

    # the independent model of the year
    aanmelding = {x[0]: x for x in rijen if x[2] == "aangemeld"}
    start = {x[0]: x[3] for x in rijen if x[2] == "gestart"}
    gestopt = {x[0] for x in rijen if x[2] == "voortijdig gestopt"}
    geplaatst = Counter((x[1], x[4], x[5]) for x in aanmelding.values())
    toegewezen = {
        (t["gemeente"], c, t["inschrijver"]): t["aantal"]
        for c, p in gunning["percelen"].items()
        for t in p["toewijzing"]
    }

    # stand
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", PEIL.isoformat(), "--json")
    assert r.exit_code == 0, r.output
    st = json.loads(r.output)
    assert st["contractjaar"] == 1 and st["fractie_van_jaar"] == 1.0
    gezien = {(x["gemeente"], x["perceel"], x["aanbieder"]): x for x in st["regels"]}
    assert set(gezien) == set(toegewezen) | set(geplaatst)
    for sleutel, x in gezien.items():
        assert x["toegewezen"] == toegewezen.get(sleutel, 0)
        assert x["geplaatst"] == geplaatst[sleutel]
        assert x["naar_rato"] == pytest.approx(toegewezen.get(sleutel, 0))
    for m in st["raamovereenkomst"]:
        code = m["perceel"]
        per_jaar = sum(
            g["inburgeraars"].get(code, 0)
            for g in tender["gemeenten"]
            if tender["percelen"][code]["gemeenten"] == "alle" or g["naam"] in tender["percelen"][code]["gemeenten"]
        )
        assert m["max_trajecten"] == per_jaar * 3
        n = sum(v for (_, c, _), v in geplaatst.items() if c == code)
        assert m["gebruikt"] == n
        assert m["gebruikte_waarde"] == pytest.approx(
            sum(v * bod[(s, c)].prijs for (_, c, s), v in geplaatst.items() if c == code)
        )
        assert (
            m["prognose_uitgeput"] == (PEIL + dt.timedelta(days=math.ceil((per_jaar * 3 - n) / (n / 365)))).isoformat()
        )
    belofte = set()
    for pr in st["prestaties"]:
        s, c = pr["aanbieder"], pr["perceel"]
        wacht = [(start[k] - x[3]).days / 7 for k, x in aanmelding.items() if (x[4], x[5]) == (c, s) and k in start]
        assert pr["gestart"] == len(wacht)
        assert pr["beloofde_wachttijd_weken"] == bod[(s, c)].wachttijd_weken
        if wacht:
            assert pr["gemiddelde_wachttijd_weken"] == pytest.approx(sum(wacht) / len(wacht), abs=1e-4)
            if sum(wacht) / len(wacht) > bod[(s, c)].wachttijd_weken:
                belofte.add(s)
        assert pr["voortijdig_gestopt"] == sum(1 for k in gestopt if (aanmelding[k][4], aanmelding[k][5]) == (c, s))
    assert belofte and {t["tekst"].split(" (")[0] for t in st["signalen"] if t["soort"] == "belofte"} == belofte
    afwijking = {
        k
        for k in set(toegewezen) | set(geplaatst)
        if abs(geplaatst[k] - toegewezen.get(k, 0)) >= 5
        and abs(geplaatst[k] - toegewezen.get(k, 0)) >= 0.25 * toegewezen.get(k, 0)
    }
    gemeld = {t["tekst"].split(" wijkt af")[0] for t in st["signalen"] if t["soort"] == "afwijking"}
    assert gemeld == {g for g, _, _ in afwijking}
    assert len([t for t in st["signalen"] if t["soort"] == "afwijking"]) == len(afwijking)
    raam = [
        m
        for m in st["raamovereenkomst"]
        if max(m["gebruikt"] / m["max_trajecten"], m["gebruikte_waarde"] / m["max_waarde"]) > 0.8
    ]
    assert len([t for t in st["signalen"] if t["soort"] == "raam"]) == len(raam)

    # next-placement advice for Hilversum, B1, at year end
    r = _run(
        "contract",
        "advies",
        "--werkmap",
        ws,
        "--gemeente",
        "Hilversum",
        "--route",
        "B1",
        "--peildatum",
        PEIL.isoformat(),
        "--json",
    )
    adv = json.loads(r.output)
    eigen = {s: n for (g, c, s), n in toegewezen.items() if (g, c) == ("Hilversum", "B1")}
    hier = sum(geplaatst[("Hilversum", "B1", s)] for s in eigen)
    rang = {rg["inschrijver"]: rg["rang"] for rg in gunning["percelen"]["B1"]["rangorde"]}
    kandidaten = []
    for s, aantal in eigen.items():
        wachtend = [
            k
            for k, x in aanmelding.items()
            if (x[4], x[5]) == ("B1", s)
            and k not in gestopt
            and (k not in start or start[k] > PEIL)
            and (PEIL - x[3]).days > bod[(s, "B1")].wachttijd_weken * 7
        ]
        vol = sum(v for (_, c, t), v in geplaatst.items() if (c, t) == ("B1", s)) >= bod[(s, "B1")].capaciteit
        kandidaten.append(
            (
                bool(wachtend) or vol,
                -(aantal / sum(eigen.values()) * (hier + 1) - geplaatst[("Hilversum", "B1", s)]),
                rang[s],
                s,
            )
        )
    beste = min(kandidaten)
    assert adv["advies"] == (None if beste[0] else beste[3])
    # the klantmanager's own choice wins and is recorded with the advice
    ander = next(s for s in eigen if s != adv["advies"])
    r = _run(
        "contract",
        "keuze",
        "--werkmap",
        ws,
        "--gemeente",
        "Hilversum",
        "--route",
        "B1",
        "--klant",
        "K-EIGEN-1",
        "--aanbieder",
        ander,
        "--datum",
        PEIL.isoformat(),
        *DOOR,
    )
    assert r.exit_code == 0 and f"wijkt af van het advies ({adv['advies']})" in r.output

    # a supplier drops out at the start of year 2: the remaining two cannot absorb B1's demand
    r = _run(
        "contract",
        "uitval",
        "--werkmap",
        ws,
        "--route",
        "B1",
        "--aanbieder",
        "Kompas Inburgering",
        "--per",
        "2023-01-01",
    )
    vraag = sum(g["inburgeraars"]["B1"] for g in tender["gemeenten"])
    plafond = int(tender["percelen"]["B1"]["verdeling"]["max_aandeel"] * vraag)
    plaatsen = sum(min(bod[(s, "B1")].capaciteit, plafond) for s in eigen if s != "Kompas Inburgering")
    assert r.exit_code == 1
    assert f"samen {plaatsen} plaatsen" in r.output and f"de vraag is {vraag}" in r.output

    # Kompas drops out of Z on 1 December: with its placements fixed, Inburgerwijs can take the rest of this
    # year (capacity 10), but not the full demand of 16 from next year on, so it cannot be taken as a decision
    per = dt.date(2022, 12, 1)
    r = _run("contract", "uitval", "--werkmap", ws, "--route", "Z", "--aanbieder", "Kompas Inburgering", "--per", per)
    vraag_z = {g["naam"]: g["inburgeraars"].get("Z", 0) for g in tender["gemeenten"] if g["inburgeraars"].get("Z")}
    voor = Counter((x[1], x[5]) for x in aanmelding.values() if x[4] == "Z" and x[3] < per)
    rest = {g: d - voor[(g, "Kompas Inburgering")] - voor[(g, "Inburgerwijs Academie")] for g, d in vraag_z.items()}
    assert (
        sum(d - voor[(g, "Kompas Inburgering")] for g, d in vraag_z.items())
        <= bod[("Inburgerwijs Academie", "Z")].capaciteit
    )
    assert r.exit_code == 1, r.output
    for g, n in rest.items():
        if n > 0:
            assert re.search(
                rf"{g}: al geplaatst [^\n]*; het restant van {n} gaat naar Inburgerwijs Academie \({n}\)\.", r.output
            )
    assert (
        f"samen {bod[('Inburgerwijs Academie', 'Z')].capaciteit} plaatsen, de vraag is {sum(vraag_z.values())}"
        in r.output
    )
    assert "kan niet als besluit worden genomen" in r.output

    # a contract change near the de-minimis limit, then one that would cross it
    waarde_z = (
        sum(g["inburgeraars"].get("Z", 0) for g in tender["gemeenten"]) * 3 * gunning["percelen"]["Z"]["plafondprijs"]
    )
    grens = min(750_000, 0.10 * waarde_z)
    eerste = grens - 3000
    r = _run(
        "contract",
        "wijziging",
        "--werkmap",
        ws,
        "--route",
        "Z",
        "--soort",
        "indexatie",
        "--waarde",
        eerste,
        "--grondslag",
        "art. 2.163b Aw 2012",
        "--datum",
        "2023-01-15",
        *DOOR,
    )
    assert r.exit_code == 0, r.output
    assert "Let op" in r.output and "resteert nog EUR 3.000,00" in r.output
    r = _run(
        "contract",
        "wijziging",
        "--werkmap",
        ws,
        "--route",
        "Z",
        "--soort",
        "indexatie",
        "--waarde",
        3000,
        "--grondslag",
        "art. 2.163b Aw 2012",
        "--datum",
        "2023-02-15",
        *DOOR,
    )
    assert r.exit_code == 1 and "niet vastgelegd" in r.output
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    assert db.execute("SELECT COUNT(*), SUM(waarde) FROM wijziging").fetchone() == (1, eerste)
    db.close()

    # quarterly report: the region's placements against independent counts, suppressed under 5
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2022-K4")
    assert r.exit_code == 0, r.output
    wb = _boek(ws / "contract" / "kwartaal" / "2022-K4" / "regio.xlsx")
    namen = {c: p["naam"] for c, p in gunning["percelen"].items()}
    for rij in list(wb["Plaatsingen"].iter_rows(values_only=True))[1:]:
        if rij[1] == "Totaal":
            continue
        code = next(c for c, n in namen.items() if n == rij[0])
        n = sum(v for (_, c, s), v in geplaatst.items() if (c, s) == (code, rij[1]))
        # each gemeente's report shows its own cell; the region's cell is suppressed when exactly one of
        # those is under 5, or region minus the other gemeenten would give it away
        delen = [geplaatst[k] for k in set(toegewezen) | set(geplaatst) if k[1:] == (code, rij[1])]
        verwacht = "onderdrukt" if n < 5 else "onderdrukt" if sum(d < 5 for d in delen) == 1 else n
        # a figure that passes these rules may still be withheld against the earlier quarters' reports
        # (tests/test_contract_reeksen.py proves that rule); it is never shown with another number
        assert rij[4] == verwacht or (isinstance(verwacht, int) and rij[4] == "onderdrukt"), (rij, delen)

    # the dossier, and controleer over it
    r = _run("contract", "dossier", "--werkmap", ws, "--zip")
    assert r.exit_code == 0, r.output
    index = json.loads((ws / "contract" / "dossier" / "index.json").read_text(encoding="utf-8"))["documenten"]
    in_dossier = {d["pad"] for d in index}
    assert {
        "aanbesteding.yaml",
        "rapporten/gunning.json",
        "contract/register.sqlite",
        "contract/besluiten.json",
        "contract/kwartaal/2022-K4/regio.html",
        "index.html",
    } <= in_dossier
    assert (
        sum(p.startswith("contract/aanleveringen/") for p in in_dossier) == len(bestanden) + 1
    )  # + the corrected file
    logboek = [json.loads(x) for x in (ws / "logboek.jsonl").read_text(encoding="utf-8").splitlines()]
    contract = [x["commando"] for x in logboek if x["commando"].startswith("contract ")]
    assert contract == ["contract start"] + ["contract inlezen"] * 6 + [
        "contract keuze",
        "contract wijziging",
        "contract kwartaal",
        "contract dossier",
    ]
    assert [u["bestand"] for u in logboek[-1]["uitvoer"]] == [
        "contract/dossier/index.html",
        "contract/dossier/index.json",
        "contract/dossier.zip",
    ]
    r = _run("controleer", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    # as many documents as `contract dossier` said it wrote, in the folder and in the zip (it said twice as many)
    gezegd = f"Contractdossier: {len(index)} stukken in {ws / 'contract' / 'dossier'} (index.html)"
    assert gezegd in " ".join(_run("contract", "dossier", "--werkmap", ws, "--zip").output.split())
    assert (
        f"Contractdossier in orde: {len(index)} stukken in contract/dossier en {len(index)} in contract/dossier.zip, "
        "alle met de juiste SHA-256." in " ".join(_run("controleer", "--werkmap", ws).output.split())
    )
    (ws / "contract" / "dossier" / "contract" / "besluiten.json").write_text("[]", encoding="utf-8")
    r = _run("controleer", "--werkmap", ws)
    assert r.exit_code == 1 and "contract/dossier/contract/besluiten.json: gewijzigd" in r.output


def _schrijf_xlsx(pad: Path, rijen: list[list[Any]]) -> Path:
    wb = Workbook()
    ws: Any = wb.active
    ws.title = "Export"
    for r in rijen:
        ws.append(r)
    wb.save(pad)
    return pad


KOP = ["klantnummer", "gemeente", "gebeurtenis", "datum", "route", "aanbieder", "uitslag"]
RIJ = ["K-1", "Hilversum", "aangemeld", dt.date(2022, 2, 1), "B1", "Taalhuis De Brug B.V.", None]


@pytest.mark.parametrize(
    ("kop", "waarde", "woord"),
    [
        ("BSN", "111222333", "burgerservicenummers"),
        ("Kenmerk", "123456782", "burgerservicenummers"),  # no telling header: the eleven-test finds it
        ("Naam", "Fatima el Amrani", "namen van personen"),
        ("Opmerking", "J. de Vries", "namen van personen"),
        ("Geboortedatum", dt.date(1990, 5, 17), "geboortedata"),
        ("Datum 2", dt.date(1987, 3, 12), "geboortedata"),
        (None, "123456782", "burgerservicenummers"),  # a column without a header is scanned too
    ],
)
def test_privacy_kolom_geweigerd_met_plaats(
    gestart: Path, tmp_path: Path, kop: str | None, waarde: Any, woord: str
) -> None:
    ws = _kopie(gestart, tmp_path)
    pad = _schrijf_xlsx(tmp_path / "export.xlsx", [[*KOP, kop], [*RIJ, waarde], [*RIJ[:1], "Huizen", *RIJ[2:], None]])
    voor = (ws / "contract" / "register.sqlite").stat().st_size
    r = _run("contract", "inlezen", "--werkmap", ws, pad)
    assert r.exit_code == 2
    assert f"export.xlsx!Export!H1: kolom '{kop or 'zonder kop'}' bevat {woord}" in r.output
    assert "export.xlsx!Export!H2" in r.output  # the first cell holding it
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    assert db.execute("SELECT COUNT(*) FROM gebeurtenis").fetchone()[0] == 0
    db.close()
    assert voor > 0


def test_bsn_als_klantnummer_en_alle_fouten_tegelijk(gestart: Path, tmp_path: Path) -> None:
    ws = _kopie(gestart, tmp_path)
    csv = tmp_path / "huizen.csv"
    csv.write_text(
        "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n"
        "123456782;Huizen;aangemeld;01-02-2022;B1;Kompas Inburgering;\n",
        encoding="utf-8",
    )
    fout = _schrijf_xlsx(
        tmp_path / "fout.xlsx", [KOP, ["K-2", "Hilversun", "aangemeld", "31-02-2022", "B1", "Niemand", None]]
    )
    r = _run("contract", "inlezen", "--werkmap", ws, csv, fout)
    assert r.exit_code == 2
    assert "huizen.csv!A1: kolom 'klantnummer' bevat burgerservicenummers" in r.output
    assert "fout.xlsx!Export!B2: 'Hilversun' is geen gemeente" in r.output
    assert "fout.xlsx!Export!D2: '31-02-2022' is geen datum" in r.output
    assert "fout.xlsx!Export!F2: aanbieder 'Niemand' heeft geen contract" in r.output


def _personencellen_html(tekst: str) -> list[str]:
    return [html.unescape(c) for c in re.findall(r'<td class="[^"]*personen[^"]*">([^<]*)</td>', tekst)]


def test_geen_rapportcel_onder_vijf(gestart: Path, tmp_path: Path) -> None:
    ws = _kopie(gestart, tmp_path)
    gen = _generator()
    gen.schrijf(gen.genereer(_register(ws), 2, 11), tmp_path / "aanl")
    assert _run("contract", "inlezen", "--werkmap", ws, tmp_path / "aanl").exit_code == 0
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2023-K1")
    assert r.exit_code == 0, r.output
    map_ = ws / "contract" / "kwartaal" / "2023-K1"
    klein = balken = 0
    for pagina in map_.glob("*.html"):
        tekst = pagina.read_text(encoding="utf-8")
        cellen = _personencellen_html(tekst)
        assert cellen
        for c in cellen:
            assert c == "onderdrukt" or int(c) >= 5, (pagina.name, c)  # one label for every withheld count
            klein += c == "onderdrukt"
        for zin in re.findall(r'<p class="signaal">([^<]*)</p>', tekst):
            for getal in re.findall(r"(\d+) van \d+ trajecten|(?:gestart:|beloofd:|geplaatst) (\d+)", zin):
                getal = "".join(getal)
                assert int(getal) >= 5, zin
            assert "(onderdrukt) weken" not in zin and "(onderdrukt) van" not in zin, zin
        # the bars of placed persons are labelled as whole numbers, as in the table (never '19,0')
        staven = next(s for s in re.findall(r"<svg.*?</svg>", tekst, re.S) if "Toegewezen naar rato en geplaatst" in s)
        geplaatst = re.findall(r'height="11" fill="#e07b00"/>\n<text x="[\d.]+" y="\d+">([^<]*)</text>', staven)
        assert all(re.fullmatch(r"\d+", g) for g in geplaatst), (pagina.name, geplaatst)
        balken += len(geplaatst)
    assert balken > 0
    assert klein > 0  # the example has small cells, so suppression was exercised
    for boek in map_.glob("*.xlsx"):
        wb = _boek(boek)
        kolommen = {"Plaatsingen": (4, 5), "Aanbieders": (3, 5, 6, 7, 8, 9, 10, 11), "Raamovereenkomsten": (2,)}
        for blad, ks in kolommen.items():
            for rij in list(wb[blad].iter_rows(values_only=True))[1:]:
                for k in ks:
                    assert rij[k] == "onderdrukt" or rij[k] >= 5, (boek.name, blad, rij)
    # the same register gives byte-identical reports
    voor = {p.name: p.read_bytes() for p in map_.iterdir()}
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2023-K1").exit_code == 0
    assert {p.name: p.read_bytes() for p in map_.iterdir()} == voor


def test_gebeurtenissen_zonder_aanmelding_of_in_verkeerde_volgorde(gestart: Path, tmp_path: Path) -> None:
    ws = _kopie(gestart, tmp_path)
    (tmp_path / "eemnes.csv").write_text(
        "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n"
        "K-1;Eemnes;aangemeld;10-03-2022;B1;Taalhuis De Brug B.V.;\n"
        "K-1;Eemnes;gestart;01-03-2022;;;\n"
        "K-2;Eemnes;gestart;01-04-2022;;;\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, tmp_path / "eemnes.csv")
    assert r.exit_code == 2, r.output
    assert "eemnes.csv!D3: klant K-1 (Eemnes): de start ligt voor de aanmelding (eemnes.csv!A2)" in r.output
    assert "eemnes.csv!A4: klant K-2 (Eemnes) heeft geen aanmelding" in r.output


def test_schema_kent_dezelfde_gebeurtenissen_als_het_register_van_soorten(tmp_path: Path) -> None:
    """The CHECK of the (frozen) first migration and the registry of event kinds name the same codes."""
    from evaluatie.contract.gebeurtenissen import SOORTEN
    from evaluatie.contract.register import verbind

    db = verbind(tmp_path / "r.sqlite")
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'gebeurtenis'").fetchone()[0]
    assert set(re.findall(r"'(\w+)'", sql.split("soort IN (")[1].split(")")[0])) == set(SOORTEN)
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()

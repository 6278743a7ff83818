"""Every refusal of `contract inlezen` names the cell that is wrong, also the ones about the order of a client's
events, which are found after the rows are read. They named the row's first cell (`noord.csv!A3` for an exam in the
module PVT), which is not even the klantnummer when a gemeente's export puts its columns in another order; a
klantmanager then had to guess which cell of the row to change."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.test_contract_module_geen_examen import _werkmap
from tests.test_contract_toelating import _run


def test_volgordefouten_noemen_de_cel_die_fout_is(tmp_path: Path) -> None:
    """Columns in another order than the README's: gemeente A, datum B, klantnummer C, gebeurtenis D, route E,
    aanbieder F, uitslag G. By hand: the exam in PVT is wrong in its event (D3), the start before the
    registration in its date (B5), a start without registration in its klantnummer (C6), and two registrations
    of K4 differ in their date (B8)."""
    ws = _werkmap(tmp_path)
    pad = ws / "noord.csv"
    pad.write_text(
        "gemeente;datum;klantnummer;gebeurtenis;route;aanbieder;uitslag\n"
        "Noord;2026-06-10;K1;aangemeld;PVT;Alfa;\n"
        "Noord;2026-07-10;K1;examen;PVT;Alfa;B1\n"
        "Noord;2026-06-20;K2;aangemeld;B1;Alfa;\n"
        "Noord;2026-06-15;K2;gestart;;;\n"
        "Noord;2026-06-20;K3;gestart;;;\n"
        "Noord;2026-06-10;K4;aangemeld;B1;Alfa;\n"
        "Noord;2026-06-11;K4;aangemeld;B1;Alfa;\n",
        encoding="utf-8",
    )
    voor = (ws / "contract" / "register.sqlite").read_bytes()
    r = _run("contract", "inlezen", "--werkmap", ws, pad)
    assert r.exit_code == 2, r.output
    uit = " ".join(r.output.split())
    assert "noord.csv!D3: klant K1 (Noord): perceel PVT is een module, geen leerroute" in uit, uit
    assert "noord.csv!B5: klant K2 (Noord): de start ligt voor de aanmelding (noord.csv!A4)" in uit
    assert "noord.csv!C6: klant K3 (Noord) heeft geen aanmelding" in uit
    assert "noord.csv!B8: klant K4 (Noord): aangemeld staat ook in noord.csv!A7 met andere gegevens" in uit
    assert "Fouten in de invoer (4)" in uit
    assert (ws / "contract" / "register.sqlite").read_bytes() == voor


def test_ontbrekende_kolom_route_aanbieder_of_uitslag_eenmaal_bij_de_kopregel(tmp_path: Path) -> None:
    """A list with only the four required columns: each registration said "route '' is geen perceel" and "aanbieder
    '' heeft geen contract" at its row's first cell (the klantnummer), each exam "uitslag '' onbekend", as if the
    cells were empty; the columns are missing. Now once per missing column at the header, with the number of rows
    that need it and the first one's event cell (two registrations in C2 and C3, an exam in C5)."""
    ws = _werkmap(tmp_path)
    pad = ws / "noord.csv"
    pad.write_text(
        "klantnummer;gemeente;gebeurtenis;datum\n"
        "K1;Noord;aangemeld;2026-06-10\n"
        "K2;Noord;aangemeld;2026-06-10\n"
        "K1;Noord;gestart;2026-06-20\n"
        "K1;Noord;examen;2026-07-10\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", pad)
    assert r.exit_code == 2, r.output
    fouten = [(f["plaats"], f["bericht"]) for f in json.loads(r.stdout)["fouten"]]
    wie = "een aanmelding of routewijziging vraagt haar: 2 regel(s), de eerste noord.csv!C2"
    assert sorted(fouten) == [
        ("noord.csv!A1", f"kolom 'aanbieder' ontbreekt in de kopregel; {wie}"),
        ("noord.csv!A1", f"kolom 'route' ontbreekt in de kopregel; {wie}"),
        ("noord.csv!A1", "kolom 'uitslag' ontbreekt in de kopregel; een examen vraagt haar: 1 regel(s), de eerste "
         "noord.csv!C5"),
    ], fouten  # fmt: skip


def test_twee_bestanden_met_dezelfde_naam_in_een_inlezing(tmp_path: Path) -> None:
    """Noord and Oost both send 'k3.csv', kept in their own folders and read together: every error and every row in
    the register said 'k3.csv!A2' for either file (an error at 'k3.csv!D3' did not say which). Now refused, naming
    both paths, nothing read; the same file given twice (itself and its folder) is read once."""
    ws = _werkmap(tmp_path)
    kop = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n"
    (tmp_path / "noord").mkdir()
    (tmp_path / "oost").mkdir()
    noord = tmp_path / "noord" / "k3.csv"
    noord.write_text(kop + "K1;Noord;aangemeld;2026-06-10;B1;Alfa;\n", encoding="utf-8")
    oost = tmp_path / "oost" / "k3.csv"
    oost.write_text(kop + "K1;Oost;aangemeld;2026-06-10;B1;Alfa;\n", encoding="utf-8")
    voor = (ws / "contract" / "register.sqlite").read_bytes()
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", noord, oost)
    assert r.exit_code == 2, r.output
    fouten = [(f["plaats"], f["bericht"]) for f in json.loads(r.stdout)["fouten"]]
    assert len(fouten) == 1 and fouten[0][0] == "k3.csv", fouten
    assert fouten[0][1].startswith(f"twee bestanden met deze naam in één inlezing ({noord} en {oost})")
    assert (ws / "contract" / "register.sqlite").read_bytes() == voor
    r = _run("contract", "inlezen", "--werkmap", ws, noord, tmp_path / "noord")
    assert r.exit_code == 0, r.output
    assert "Totaal: 1 nieuw, 0 gecorrigeerd, 0 al bekend." in r.output


def test_titel_boven_de_kopregel(tmp_path: Path) -> None:
    """An export with a title in A1 and its header in row 3 gave eleven errors: an unknown column 'Export ...', six
    'kolom zonder kop heeft waarden' for columns that have a header (in row 3) and four missing columns. Now one error
    at the header row; the privacy of the values is still checked (a BSN as klantnummer in A5)."""
    from openpyxl import Workbook

    ws = _werkmap(tmp_path)
    wb = Workbook()
    blad = wb.active
    blad.title = "Export"
    blad.append(["Export plaatsingen Noord 2026-K3"])
    blad.append([])
    blad.append(["klantnummer", "gemeente", "gebeurtenis", "datum", "route", "aanbieder", "uitslag"])
    blad.append(["K1", "Noord", "aangemeld", "2026-06-10", "B1", "Alfa", None])
    blad.append(["123456782", "Noord", "aangemeld", "2026-06-10", "B1", "Alfa", None])
    wb.save(ws / "noord.xlsx")
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", ws / "noord.xlsx")
    assert r.exit_code == 2, r.output
    fouten = [(f["plaats"], f["bericht"]) for f in json.loads(r.stdout)["fouten"]]
    assert fouten[0] == (
        "noord.xlsx!Export!A3",
        "de kopregel staat in rij 3, maar de inlezing leest haar in rij 1: verwijder de 2 rijen erboven (zoals een "
        "titel) en lever opnieuw aan",
    ), fouten
    assert [p for p, _ in fouten] == ["noord.xlsx!Export!A3", "noord.xlsx!Export!A1"], fouten
    assert "burgerservicenummers" in fouten[1][1] and "noord.xlsx!Export!A5" in fouten[1][1]


def test_privacyweigering_in_een_eigen_kolom_vraagt_de_cellen_te_verbeteren(tmp_path: Path) -> None:
    """A totals row ('Totaal' as klantnummer, a word) and a mistyped date 03-07-2004 (more than ten years before the
    start, read as a date of birth) are refused, as they were; but the advice was to export the file again without
    the column klantnummer or datum, which the intake requires. For a column of the delivery itself it now says to
    correct the cells or remove their rows; a column 'naam' is still to be left out."""
    ws = _werkmap(tmp_path)
    pad = ws / "noord.csv"
    pad.write_text(
        "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag;naam\n"
        "K1;Noord;aangemeld;2026-06-10;B1;Alfa;;\n"
        "K2;Noord;aangemeld;03-07-2004;B1;Alfa;;\n"
        "Totaal;;;;;;;\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", pad)
    assert r.exit_code == 2, r.output
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert set(fouten) == {"noord.csv!A1", "noord.csv!D1", "noord.csv!H1"}, fouten
    eigen = (
        "Deze kolom hoort bij de aanlevering: verbeter die cel(len) of verwijder hun regel(s) (zoals een totaalregel) "
        "en lever opnieuw aan; er is niets ingelezen"
    )
    assert fouten["noord.csv!A1"].startswith("kolom 'klantnummer' bevat namen van personen (1 cel(len), de eerste")
    assert fouten["noord.csv!A1"].endswith(eigen) and fouten["noord.csv!D1"].endswith(eigen), fouten
    assert fouten["noord.csv!H1"].endswith("Exporteer het bestand opnieuw zonder deze kolom; er is niets ingelezen")


def test_leeg_bestand_is_geen_aanlevering(tmp_path: Path) -> None:
    """A csv of 0 bytes (a failed download), one with only its BOM, and a blank workbook were read as deliveries
    without events: exit 0, '0 nieuw', the file archived, and the klantmanager's delivery taken as done. Each is now an
    error at the file; a file with only its header (no events this quarter) is still read."""
    from openpyxl import Workbook

    ws = _werkmap(tmp_path)
    (ws / "leeg.csv").write_bytes(b"")
    (ws / "bom.csv").write_bytes(b"\xef\xbb\xbf")
    Workbook().save(ws / "blanco.xlsx")
    voor = (ws / "contract" / "register.sqlite").read_bytes()
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", ws / "leeg.csv", ws / "bom.csv", ws / "blanco.xlsx")
    assert r.exit_code == 2, r.output
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert set(fouten) == {"leeg.csv", "bom.csv", "blanco.xlsx"}, fouten
    assert all(f.startswith("het bestand bevat niets, ook geen kopregel") for f in fouten.values()), fouten
    assert (ws / "contract" / "register.sqlite").read_bytes() == voor
    assert not (ws / "contract" / "aanleveringen").exists() or not any((ws / "contract" / "aanleveringen").iterdir())
    (ws / "kop.csv").write_text("klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n", encoding="utf-8")
    r = _run("contract", "inlezen", "--werkmap", ws, ws / "kop.csv")
    assert r.exit_code == 0, r.output
    assert "Totaal: 0 nieuw, 0 gecorrigeerd, 0 al bekend." in r.output


def test_foutwaarde_in_een_gelezen_kolom_is_een_fout_met_de_waarde(tmp_path: Path) -> None:
    """A gemeente's export with error values Excel saved without a formula (a sheet pasted as values): calamine reads
    them as empty cells. The exam's #N/A in its uitslag was named (the cell's error), but a registration's #REF! in the
    uitslag column (which a registration does not use), a #VALUE! in a row of nothing else and a #DIV/0! in a column
    without a header (one with a value there is an error) were read as empty, in silence. By hand: four errors, each at
    its cell with its value, in the order of the sheet; nothing read."""
    from openpyxl import Workbook

    ws = _werkmap(tmp_path)
    wb = Workbook()
    blad = wb.active
    blad.title = "Export"
    blad.append(["klantnummer", "gemeente", "gebeurtenis", "datum", "route", "aanbieder", "uitslag"])
    blad.append(["K1", "Noord", "aangemeld", "2026-06-10", "B1", "Alfa", None])
    blad.append(["K1", "Noord", "examen", "2026-07-10", "B1", "Alfa", "#N/A"])
    blad.append(["K2", "Noord", "aangemeld", "2026-06-10", "B1", "Alfa", "#REF!"])
    blad.append([None, None, None, None, "#VALUE!", None, None])
    blad.append(["K3", "Noord", "aangemeld", "2026-06-10", "B1", "Alfa", None, "#DIV/0!"])  # H: no header
    assert blad["G3"].data_type == "e" and blad["G3"].value == "#N/A"  # an error value, no formula
    wb.save(ws / "noord.xlsx")
    voor = (ws / "contract" / "register.sqlite").read_bytes()
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", ws / "noord.xlsx")
    assert r.exit_code == 2, r.output
    fouten = [(f["plaats"], f["bericht"]) for f in json.loads(r.stdout)["fouten"]]
    waarde = "dus er staat geen waarde om in te lezen. Vul de waarde zelf in"
    assert fouten == [
        ("noord.xlsx!Export!G3", f"de cel toont de foutwaarde #N/A (in een Nederlandse Excel: #N/B), {waarde}"),
        ("noord.xlsx!Export!G4", f"de cel toont de foutwaarde #REF! (in een Nederlandse Excel: #VERW!), {waarde}"),
        ("noord.xlsx!Export!E5", f"de cel toont de foutwaarde #VALUE! (in een Nederlandse Excel: #WAARDE!), {waarde}"),
        ("noord.xlsx!Export!H6", f"de cel toont de foutwaarde #DIV/0! (in een Nederlandse Excel: #DEEL/0!), {waarde}"),
    ], fouten
    assert (ws / "contract" / "register.sqlite").read_bytes() == voor


def test_bestandsnaam_die_geen_utf8_is(tmp_path: Path) -> None:
    """A placement list whose name is no UTF-8 ('nöord' in Windows-1252, from a zip or a network share): an error
    naming the file and its byte, with the name it most likely had; the register is unchanged."""
    ws = _werkmap(tmp_path)
    map_ = tmp_path / "post"
    map_.mkdir()
    pad = os.fsencode(map_) + b"/n\xf6ord.csv"
    try:
        with open(pad, "wb") as f:
            f.write(b"klantnummer;gemeente;gebeurtenis;datum;route;aanbieder\nK1;Noord;aangemeld;2026-06-10;B1;Alfa\n")
    except OSError as e:  # a file system that allows only UTF-8 names cannot hold such a file at all
        pytest.skip(f"dit bestandssysteem weigert de naam: {e}")
    voor = (ws / "contract" / "register.sqlite").read_bytes()
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", map_)
    assert r.exit_code == 2, r.output
    assert json.loads(r.stdout.encode("utf-8"))["fouten"] == [
        {
            "plaats": "n\\xf6ord.csv",
            "bericht": "de bestandsnaam is geen geldige UTF-8 (het teken \\xf6 komt uit een andere tekenset, zoals bij "
            "een zip-bestand of netwerkmap van Windows); hernoem het bestand, bijvoorbeeld naar nöord.csv",
        }
    ]
    assert (ws / "contract" / "register.sqlite").read_bytes() == voor


def test_volgorde_van_de_bestanden_op_de_opdrachtregel_verandert_het_register_niet(tmp_path: Path) -> None:
    """`contract inlezen post/*.csv`: the shell orders a glob by the locale (LC_COLLATE), so the same files came in
    another order under another language setting, and the register (row numbers of placements, events and readings)
    and with it the dossier's copy differed. Files are read in name order however they are given."""
    dumps = []
    basis = _werkmap(tmp_path / "basis")
    for volgorde in (("a", "b"), ("b", "a")):
        ws = shutil.copytree(basis, tmp_path / "".join(volgorde) / "ws")
        post = tmp_path / "".join(volgorde) / "post"
        post.mkdir()
        (post / "noord-a.csv").write_text(
            "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder\nK1;Noord;aangemeld;2026-06-10;B1;Alfa\n",
            encoding="utf-8",
        )
        (post / "noord-b.csv").write_text(
            "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder\nK2;Noord;aangemeld;2026-06-11;B1;Alfa\n",
            encoding="utf-8",
        )
        bestanden = (post / f"noord-{x}.csv" for x in volgorde)
        r = _run("contract", "inlezen", "--werkmap", ws, "--datum", "2026-07-01", *bestanden)
        assert r.exit_code == 0, r.output
        db = sqlite3.connect(ws / "contract" / "register.sqlite")
        try:
            dumps.append(
                {
                    t: db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall()
                    for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                }
            )
        finally:
            db.close()
    assert dumps[0] == dumps[1]

"""A refused privacy column says what it holds, per kind, with the right count and reason.

The intake counted every offending cell of a column under the kind of the first one: a klantnummer
column with one BSN and one name was reported as holding "burgerservicenummers (2 cel(len))", the name
unmentioned; and a name in a free-text column was explained with the klantnummer rule ("een klantnummer
zonder cijfer is een woord"), which does not apply there.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_contract_toelating import DOOR, _run, _werkmap

KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"


def test_bsn_en_naam_in_een_kolom_apart_geteld(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    lijst = tmp_path / "lijst.csv"
    # 111222333: 9x1+8x1+7x1+6x2+5x2+4x2+3x3+2x3-1x3 = 66 = 6 x 11, so it passes the eleven-test
    lijst.write_text(
        f"{KOP};opmerking\n"
        "K-1;Noord;aangemeld;2026-06-10;B1;Alfa;;\n"
        "111222333;Noord;aangemeld;2026-06-11;B1;Alfa;;\n"
        "Jansen;Noord;aangemeld;2026-06-12;B1;Alfa;;Fatima el Amrani\n"
        "K-4;Noord;aangemeld;2026-06-12;B1;Alfa;;\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", lijst)
    assert r.exit_code == 2, r.output
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert set(fouten) == {"lijst.csv!A1", "lijst.csv!H1"}, fouten
    a = fouten["lijst.csv!A1"]
    assert "burgerservicenummers (1 cel(len), de eerste lijst.csv!A3 voldoet aan de elfproef)" in a, a
    assert "namen van personen (1 cel(len), de eerste lijst.csv!A4 " in a, a
    assert "2 cel(len)" not in a, a
    h = fouten["lijst.csv!H1"]
    assert "namen van personen (1 cel(len), de eerste lijst.csv!H4 ziet eruit als een naam)" in h, h
    assert "klantnummer zonder cijfer" not in h, h


def test_volgorde_en_regelfouten_samen_gemeld(tmp_path: Path) -> None:
    """All errors of an intake together: a row error (an unknown supplier) no longer hides the errors in the
    order of events (a start without registration, a start before the registration). A placement with a
    row error is left out of the order check: its registration is not missing, it is wrong."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    lijst = tmp_path / "lijst.csv"
    lijst.write_text(
        f"{KOP}\n"
        "K-1;Noord;aangemeld;2026-06-10;B1;Onbekend;\n"  # A2: row error (F2)
        "K-1;Noord;gestart;2026-06-20;;;\n"  # A3: its start is fine; no follow-on 'geen aanmelding'
        "K-2;Noord;gestart;2026-06-20;;;\n"  # A4: no registration anywhere
        "K-3;Noord;aangemeld;2026-06-15;B1;Alfa;\n"  # A5
        "K-3;Noord;gestart;2026-06-12;;;\n",  # A6: start before the registration
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", lijst)
    assert r.exit_code == 2, r.output
    fouten = [(f["plaats"], f["bericht"]) for f in json.loads(r.stdout)["fouten"]]
    assert fouten == [
        ("lijst.csv!F2", "aanbieder 'Onbekend' heeft geen contract (wel: Alfa, Beta)"),
        ("lijst.csv!A4", "klant K-2 (Noord) heeft geen aanmelding, in dit bestand of eerder ingelezen"),
        ("lijst.csv!D6", "klant K-3 (Noord): de start ligt voor de aanmelding (lijst.csv!A5)"),
    ], fouten


def test_bsn_in_tekst_email_en_naam_met_nummer_worden_geweigerd(tmp_path: Path) -> None:
    """A klantnummer 'BSN 123456782', an e-mail address with a digit and 'Jan Jansen 1' passed every check: the
    eleven-test was applied to the whole cell only, an e-mail address was no kind at all, and a name was a name
    only without a digit. Each is refused with its cell, in a file (any column, also a free-text remark) and as
    --klant; a pseudonym with a prefix (K-2023-0042, K-123456782) is still a pseudonym."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    lijst = tmp_path / "lijst.csv"
    lijst.write_text(
        f"{KOP};opmerking\n"
        "BSN 123456782;Noord;aangemeld;2026-06-10;B1;Alfa;;\n"
        "klant 123.456.782;Noord;aangemeld;2026-06-11;B1;Alfa;;\n"
        "jan.jansen1@gemeente.nl;Noord;aangemeld;2026-06-12;B1;Alfa;;\n"
        "Jan Jansen 1;Noord;aangemeld;2026-06-12;B1;Alfa;;mail fatima@example.nl\n"
        "K-123456782;Noord;aangemeld;2026-06-12;B1;Alfa;;belde, bsn 111 222 333\n",
        encoding="utf-8",
    )
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", lijst)
    assert r.exit_code == 2, r.output
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert set(fouten) == {"lijst.csv!A1", "lijst.csv!H1"}, fouten
    a = fouten["lijst.csv!A1"]
    assert "burgerservicenummers (2 cel(len), de eerste lijst.csv!A2 bevat een nummer dat aan de elfproef voldoet)" in a
    assert "e-mailadressen (1 cel(len), de eerste lijst.csv!A4 is een e-mailadres)" in a, a
    assert "namen van personen (1 cel(len), de eerste lijst.csv!A5 ziet eruit als een naam" in a, a
    h = fouten["lijst.csv!H1"]
    assert "burgerservicenummers (1 cel(len), de eerste lijst.csv!H6 bevat een nummer" in h, h
    assert "e-mailadressen (1 cel(len), de eerste lijst.csv!H5 is een e-mailadres)" in h, h

    keuze = ["contract", "keuze", "--werkmap", ws, "--gemeente", "Noord", "--route", "B1", "--aanbieder", "Alfa"]
    for klant, waarom in (
        ("BSN 123456782", "bevat een nummer dat aan de elfproef van het burgerservicenummer voldoet"),
        ("jan.jansen1@gemeente.nl", "is een e-mailadres"),
        ("Jan Jansen 1", "ziet eruit als een naam"),
    ):
        r = _run(*keuze, "--klant", klant, "--datum", "2026-06-15", *DOOR, "--json")
        assert r.exit_code == 2, r.output
        fout = json.loads(r.stdout)["fouten"][0]
        assert fout["plaats"] == "--klant" and waarom in fout["bericht"], fout
    for klant in ("K-2023-0042", "K-123456782"):
        r = _run(*keuze, "--klant", klant, "--datum", "2026-06-15", *DOOR)
        assert r.exit_code == 0, r.output


def test_reden_van_een_besluit_zonder_bsn_of_emailadres(tmp_path: Path) -> None:
    """--reden goes into the append-only register (triggers refuse every deletion) and the contract file: a BSN or an
    e-mail address typed there could never be removed again. It is refused with the option, before anything is
    recorded, in every decision command of the contract phase."""
    ws = _werkmap(tmp_path)
    r = _run(
        "contract", "start", "--werkmap", ws, "--datum", "2026-06-01", "--door", "S. Jansen", "--reden", "bsn 123456782"
    )
    assert r.exit_code == 2 and "--reden: " in r.output and "elfproef" in r.output, r.output
    assert not (ws / "contract" / "register.sqlite").exists()
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    keuze = ["contract", "keuze", "--werkmap", ws, "--gemeente", "Noord", "--route", "B1", "--aanbieder", "Alfa"]
    for reden, waarom in (
        ("klant met bsn 123.456.782 kiest Alfa", "een nummer dat aan de elfproef"),
        ("op verzoek van k.jansen@gemeente.nl", "een e-mailadres"),
    ):
        r = _run(*keuze, "--klant", "K-1", "--datum", "2026-06-15", "--door", "S. Jansen", "--reden", reden, "--json")
        assert r.exit_code == 2, r.output
        fouten = json.loads(r.stdout)["fouten"]
        assert [f["plaats"] for f in fouten] == ["--reden"] and waarom in fouten[0]["bericht"], fouten
    wijziging = ["contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "overig", "--waarde", "1000"]
    r = _run(*wijziging, "--grondslag", "art. 2.163b Aw 2012", "--datum", "2026-06-15", "--door", "S. Jansen",
             "--reden", "zie mail van jan@x.nl")  # fmt: skip
    assert r.exit_code == 2 and "--reden: " in r.output and "e-mailadres" in r.output, r.output
    r = _run(*keuze, "--klant", "K-1", "--datum", "2026-06-15", "--door", "S. Jansen", "--reden", "eigen keuze, 2 km")
    assert r.exit_code == 0, r.output


def test_opmerking_bij_een_cel_wordt_geweigerd(tmp_path: Path) -> None:
    """A note (comment) on a cell of an xlsx is text the intake never reads, yet the file is kept whole in
    contract/aanleveringen and the dossier: 'BSN 123456782, Jan Jansen' in a note on A2 went into the archive. A
    workbook with a note is refused with the cell it is on; without notes the same rows are read."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment

    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    wb = Workbook()
    blad = wb.active
    blad.title = "Export"
    blad.append(KOP.split(";"))
    blad.append(["K-1", "Noord", "aangemeld", "10-06-2026", "B1", "Alfa", None])
    blad.append(["K-2", "Noord", "aangemeld", "10-06-2026", "B1", "Alfa", None])
    blad["A2"].comment = Comment("BSN 123456782, Jan Jansen", "klantmanager")
    blad["F3"].comment = Comment("belt terug", "klantmanager")
    pad = tmp_path / "export.xlsx"
    wb.save(pad)
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", pad)
    assert r.exit_code == 2, r.output
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert set(fouten) == {"export.xlsx!Export!A2", "export.xlsx!Export!F3"}, fouten
    assert "opmerking (notitie) bij deze cel" in fouten["export.xlsx!Export!A2"]
    assert not (ws / "contract" / "aanleveringen").exists() or not any((ws / "contract" / "aanleveringen").iterdir())
    blad["A2"].comment = None
    blad["F3"].comment = None
    wb.save(pad)
    r = _run("contract", "inlezen", "--werkmap", ws, pad)
    assert r.exit_code == 0 and "2 nieuw" in r.output, r.output


def test_bestandsnaam_met_bsn_of_emailadres_wordt_geweigerd(tmp_path: Path) -> None:
    """The name of a file read in is printed in the quarterly reports (Bronnen, published to the gemeenten) and kept
    in the dossier: 'klant 123456782.csv' put a BSN into a published report. A file name with a BSN (also as a run of
    nine digits between underscores) or an e-mail address is an input error naming the file; nothing is read."""
    ws = _werkmap(tmp_path)
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    inhoud = f"{KOP}\nK-1;Noord;aangemeld;2026-06-10;B1;Alfa;\n"
    namen = ["klant 123456782.csv", "export_111222333.csv", "van jan@gemeente.nl.csv"]
    for naam in namen:
        (tmp_path / naam).write_text(inhoud, encoding="utf-8")
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", *(tmp_path / n for n in namen))
    assert r.exit_code == 2, r.output
    fouten = {f["plaats"]: f["bericht"] for f in json.loads(r.stdout)["fouten"]}
    assert set(fouten) == set(namen), fouten
    assert "elfproef" in fouten["export_111222333.csv"] and "e-mailadres" in fouten["van jan@gemeente.nl.csv"]
    assert "Bronnen" in fouten["klant 123456782.csv"]
    (tmp_path / "noord-2026-K2.csv").write_text(inhoud, encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, tmp_path / "noord-2026-K2.csv").exit_code == 0

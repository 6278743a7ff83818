"""A later quarterly report is checked against what the earlier reports actually published, not against a replay.

The scenario of tests/test_contract_intrekken.py: B1 awarded (Alfa, Beta), Z open house, started 1 June 2026; Noord
delivered K-0 to K-6, registered with Alfa in B1 on 10 to 16 June (2026-K2) and started on 10 to 16 July. The report
of 2026-K2 shows 7 placements of Noord with Alfa (contract year and quarter). Then the register changes for K2: the
report of a later quarter used to decide its figures against a replay of K2 from the register as it is now, not
against the 7 that was published, so the old figure minus the new one could be 1 to 4 persons.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from evaluatie.contract.schema import MIGRATIES
from tests.hulp import html_tekst
from tests.test_contract_intrekken import _trek_in
from tests.test_contract_intrekken import ws as werkmap_met_zeven  # noqa: F401 (the fixture)
from tests.test_contract_reeksen import _kopie, gestart  # noqa: F401 (gestart: the example's contract, started)
from tests.test_contract_routewijziging_aanbieder import KOP
from tests.test_contract_toelating import _run


def _kwartaal(ws: Path, kwartaal: str) -> Path:
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", kwartaal)
    assert r.exit_code == 0, r.output
    return ws / "contract" / "kwartaal" / kwartaal


def _noord_alfa(map_: Path) -> tuple[Any, Any]:
    """Noord's B1 row with Alfa in its report: placed this contract year, placed this quarter."""
    rijen = load_workbook(map_ / "gemeente-noord.xlsx", read_only=True)["Plaatsingen"].iter_rows(values_only=True)
    rij = next(r for r in rijen if r[:2] == ("B1-route", "Alfa"))
    return rij[4], rij[5]


def _publicaties(ws: Path) -> list[tuple[str, int, dict[tuple[str, ...], int]]]:
    """(quarter, number, Noord's recorded figures of Alfa in B1 by column) of every recorded publication."""
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:
        uit = []
        for pid, kwartaal, nummer in db.execute("SELECT id, kwartaal, volgnummer FROM publicatie ORDER BY id"):
            cijfers = {
                tuple(json.loads(s)): w
                for s, w in db.execute("SELECT sleutel, waarde FROM publicatiecijfer WHERE publicatie_id = ?", (pid,))
            }
            uit.append(
                (kwartaal, nummer, {k[-1:]: w for k, w in cijfers.items() if k[:4] == ("E", "Noord", "B1", "Alfa")})
            )
    db.close()
    return uit


def _lever(ws: Path, naam: str, regels: str, datum: str) -> None:
    pad = ws / naam
    pad.write_text(KOP + regels, encoding="utf-8")
    r = _run("contract", "inlezen", "--werkmap", ws, pad, "--datum", datum)
    assert r.exit_code == 0, r.output


def _vijf_in_augustus(ws: Path) -> None:
    """K-7 to K-11 registered with Alfa on 10 to 14 August (2026-K3)."""
    _lever(
        ws,
        "noord-k3.csv",
        "".join(f"K-{i};Noord;aangemeld;1{i - 7}-08-2026;B1;Alfa;\n" for i in range(7, 12)),
        "2026-10-02",
    )


def test_intrekking_na_publicatie_verraadt_geen_verschil_met_wat_toen_stond(werkmap_met_zeven: Path) -> None:  # noqa: F811
    """K2 published (7); K-1's registration withdrawn per 1 September; five more in August. By hand: 6 + 5 = 11 this
    contract year by 30 September, 5 this quarter. The replay of K2 without K-1 gives 6, so the old code showed 11
    (11 - 6 = 5 apart from the replay), but 11 - 7 = 4 from what K2 published: four persons. Now 11 is withheld: the
    7 that K2 showed is recorded and known. The 5 of this quarter stays (against 7: 12, against 6: 11; no difference of
    1-4 with anything shown)."""
    ws = werkmap_met_zeven
    k2 = _kwartaal(ws, "2026-K2")
    assert _noord_alfa(k2) == (7, 7)
    eerst = {p.name: p.read_bytes() for p in k2.iterdir()}
    for soort in ("gestart", "aangemeld"):
        assert _trek_in(ws, "K-1", soort, "2026-09-01").exit_code == 0
    _vijf_in_augustus(ws)
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K3")
    # no 'Let op' that the check rests on a replay without K-1 (test_contract_intrekken): K2's report is recorded
    assert r.exit_code == 0 and "Let op" not in r.output, r.output
    k3 = ws / "contract" / "kwartaal" / "2026-K3"
    assert _noord_alfa(k3) == ("onderdrukt", 5)
    assert _publicaties(ws)[0] == ("2026-K2", 1, {("jaar",): 7, ("kwartaal",): 7})
    # K2 made again: the withdrawal is dated after its peildatum, so the same report, byte for byte, recorded once
    assert {p.name: p.read_bytes() for p in _kwartaal(ws, "2026-K2").iterdir()} == eerst
    assert [(k, n) for k, n, _ in _publicaties(ws)] == [("2026-K2", 1), ("2026-K3", 1)]
    assert "vervangt" not in html_tekst(k3 / "gemeente-noord.html")


def test_correctie_na_publicatie_maakt_een_nieuwe_publicatie_die_niet_verschilt(werkmap_met_zeven: Path) -> None:  # noqa: F811
    """K2 published (7); then Noord corrects K-1's registration to 5 July (2026-K3). The register now gives 6 for K2:
    the old code made K2 again with 6 next to the 7 it had published, one person apart. Now the report made again is a
    new publication (number 2) that says it replaces the first and withholds the 6; made once more, it is the same
    report and recorded no third time. K3 with five more: 6 + 1 + 5 = 12 this year (12 - 7 = 5: shown) and 6 this
    quarter (7 + 6 = 13 is one more than 12: withheld)."""
    ws = werkmap_met_zeven
    k2 = _kwartaal(ws, "2026-K2")
    assert _noord_alfa(k2) == (7, 7)
    eerste = {p.name: p.read_bytes() for p in k2.iterdir()}
    _lever(ws, "correctie.csv", "K-1;Noord;aangemeld;05-07-2026;B1;Alfa;\n", "2026-10-05")
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K2")
    assert r.exit_code == 0, r.output
    assert (
        "Let op: de kwartaalrapportage van 2026-K2 toont andere aantallen dan publicatie 1 van dit kwartaal (het "
        "register is sindsdien gewijzigd) en is vastgelegd als publicatie 2" in " ".join(r.output.split())
    ), r.output
    assert _noord_alfa(k2) == ("onderdrukt", "onderdrukt")
    tekst = html_tekst(k2 / "gemeente-noord.html")
    from evaluatie.tekst import datum

    assert (
        f"Deze rapportage vervangt de kwartaalrapportage van dit kwartaal die op {datum(dt.date.today())} is gemaakt "
        "(publicatie 1)" in tekst
    ), tekst
    overzicht = dict(load_workbook(k2 / "regio.xlsx", read_only=True)["Overzicht"].iter_rows(values_only=True))
    assert str(overzicht["Vervangt"]).startswith("Deze rapportage vervangt de kwartaalrapportage van dit kwartaal")
    tweede = {p.name: p.read_bytes() for p in k2.iterdir()}
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2026-K2")
    assert r.exit_code == 0 and "Let op" not in r.output, r.output
    assert {p.name: p.read_bytes() for p in k2.iterdir()} == tweede
    assert [(k, n) for k, n, _ in _publicaties(ws)] == [("2026-K2", 1), ("2026-K2", 2)]
    # what was published first stays next to it, byte for byte
    assert {p.name: p.read_bytes() for p in (k2.parent / "2026-K2-publicatie-1").iterdir()} == eerste
    _vijf_in_augustus(ws)
    assert _noord_alfa(_kwartaal(ws, "2026-K3")) == (12, "onderdrukt")


def test_correctie_na_twee_publicaties_weegt_ook_het_latere_kwartaal(werkmap_met_zeven: Path) -> None:  # noqa: F811
    """K2 published (7, 7) and K3 with five more in August (12 this year, 5 this quarter). Then K-1's registration is
    corrected to 5 July: by hand K2 is 6 now, K3 still 12 this year and 6 this quarter. K2 made again withholds its 6
    (one less than the 7 shown). K3 made again: 12 was shown and still holds; 6 this quarter is one more than the 5
    shown (and 6 + 5 = 11 is one less than 12): withheld. The old code showed both 6s."""
    ws = werkmap_met_zeven
    assert _noord_alfa(_kwartaal(ws, "2026-K2")) == (7, 7)
    _vijf_in_augustus(ws)
    assert _noord_alfa(_kwartaal(ws, "2026-K3")) == (12, 5)
    _lever(ws, "correctie.csv", "K-1;Noord;aangemeld;05-07-2026;B1;Alfa;\n", "2026-10-05")
    assert _noord_alfa(_kwartaal(ws, "2026-K2")) == ("onderdrukt", "onderdrukt")
    k3 = _kwartaal(ws, "2026-K3")
    assert _noord_alfa(k3) == (12, "onderdrukt")
    assert "vervangt de kwartaalrapportage van dit kwartaal" in html_tekst(k3 / "gemeente-noord.html")
    assert [(k, n) for k, n, _ in _publicaties(ws)] == [("2026-K2", 1), ("2026-K3", 1), ("2026-K2", 2), ("2026-K3", 2)]


def test_register_van_schemaversie_6_krijgt_de_publicaties(werkmap_met_zeven: Path) -> None:  # noqa: F811
    """A register of schema 6 has no record of publications: the quarterly report brings it to version 7 and records
    what it publishes, as with a new register."""
    ws = werkmap_met_zeven
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:
        db.execute("DROP TABLE IF EXISTS schemaherlezing")  # added in version 12
        db.execute("DROP TABLE IF EXISTS hervatting")  # added in version 10
        db.execute("DROP TABLE IF EXISTS indexatiepercentage")  # added in version 9
        db.execute("DROP TABLE schemamigratie")  # added in version 8
        db.execute("DROP TABLE publicatiecijfer")
        db.execute("DROP TABLE publicatie")
        db.execute("PRAGMA user_version = 6")
    db.close()
    assert _noord_alfa(_kwartaal(ws, "2026-K2")) == (7, 7)
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIES)
    db.close()
    assert _publicaties(ws) == [("2026-K2", 1, {("jaar",): 7, ("kwartaal",): 7})]


def test_voorbeeld_zonder_correctie_byte_voor_byte_als_zonder_vastlegging(gestart: Path, tmp_path: Path) -> None:  # noqa: F811
    """Two years of the example (bids/genereer_plaatsingen.py, as the README runs it) and no correction: the eight
    quarterly reports made in order, each recorded, are byte for byte the reports made in a copy where nothing was
    recorded before them (the replay alone, as before this record; there the last quarter is made first, then earlier
    ones after a later one was recorded). Made again they are the same, and each quarter is recorded once."""
    import shutil
    import subprocess
    import sys

    from tests.hulp import REPO

    ws = _kopie(gestart, tmp_path)
    gen = subprocess.run([sys.executable, str(REPO / "bids" / "genereer_plaatsingen.py"), str(ws)], capture_output=True)
    assert gen.returncode == 0, gen.stderr
    assert _run("contract", "inlezen", "--werkmap", ws, "--datum", "2024-01-02", ws / "aanleveringen").exit_code == 0
    schoon = Path(shutil.copytree(ws, tmp_path / "schoon"))
    kwartalen = [f"{j}-K{k}" for j in (2022, 2023) for k in (1, 2, 3, 4)]

    def bytes_van(map_: Path) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(map_.iterdir())}

    gemaakt = {kw: bytes_van(_kwartaal(ws, kw)) for kw in kwartalen}
    for kw in ("2023-K4", "2022-K4", "2023-K2"):
        assert bytes_van(_kwartaal(schoon, kw)) == gemaakt[kw], kw
    for kw in kwartalen:
        assert bytes_van(_kwartaal(ws, kw)) == gemaakt[kw], kw
    with sqlite3.connect(ws / "contract" / "register.sqlite") as db:
        assert db.execute("SELECT kwartaal, volgnummer FROM publicatie ORDER BY id").fetchall() == [
            (kw, 1) for kw in kwartalen
        ]
    db.close()
    assert not any("vervangt" in html_tekst(ws / "contract" / "kwartaal" / kw / "regio.html") for kw in kwartalen)


def test_dossier_noemt_iedere_publicatie_en_wat_haar_verving(werkmap_met_zeven: Path) -> None:  # noqa: F811
    """K2 published, corrected, made again (publication 2), and K3 published once. The dossier copied
    2026-K2-publicatie-1 next to 2026-K2, but its index listed them as files only: which report of K2 is in force, and
    since when, was not said anywhere in the dossier. By hand: three publications, K2's first replaced by its second
    (both made today, peildatum 30 June), K3's one in force (peildatum 30 September), each with its folder."""
    from evaluatie.tekst import datum

    ws = werkmap_met_zeven
    _kwartaal(ws, "2026-K2")
    _lever(ws, "correctie.csv", "K-1;Noord;aangemeld;05-07-2026;B1;Alfa;\n", "2026-10-05")
    _kwartaal(ws, "2026-K2")
    _kwartaal(ws, "2026-K3")
    r = _run("contract", "dossier", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    dossier = ws / "contract" / "dossier"
    vandaag = datum(dt.date.today())
    tekst = html_tekst(dossier / "index.html")
    assert (
        "Publicaties van de kwartaalrapportages" in tekst
        and f"2026-K2 1 30 juni 2026 {vandaag} contract/kwartaal/2026-K2-publicatie-1 vervangen door publicatie 2 "
        f"(gemaakt op {vandaag})"
        in tekst
        and f"2026-K2 2 30 juni 2026 {vandaag} contract/kwartaal/2026-K2 geldt" in tekst
        and f"2026-K3 1 30 september 2026 {vandaag} contract/kwartaal/2026-K3 geldt" in tekst
    ), tekst
    index = json.loads((dossier / "index.json").read_text(encoding="utf-8"))
    iso = dt.date.today().isoformat()
    assert index["publicaties"] == [
        {"kwartaal": "2026-K2", "publicatie": 1, "peildatum": "2026-06-30", "gemaakt": iso,
         "mappen": ["contract/kwartaal/2026-K2-publicatie-1"], "vervangen_door": 2},
        {"kwartaal": "2026-K2", "publicatie": 2, "peildatum": "2026-06-30", "gemaakt": iso,
         "mappen": ["contract/kwartaal/2026-K2"], "vervangen_door": None},
        {"kwartaal": "2026-K3", "publicatie": 1, "peildatum": "2026-09-30", "gemaakt": iso,
         "mappen": ["contract/kwartaal/2026-K3"], "vervangen_door": None},
    ]  # fmt: skip
    r = _run("controleer", "--werkmap", ws)
    assert "Contractdossier in orde" in r.output, r.output


def test_kwartaal_anders_getypt_is_dezelfde_map(werkmap_met_zeven: Path) -> None:  # noqa: F811
    """K2 published as typed '2026-q2 ', then (after a correction) made again as '2026-K2': the first went into a
    folder named as typed ('contract/kwartaal/2026-q2 ', with the space), the second into 2026-K2, so the first
    publication was not kept as 2026-K2-publicatie-1 but stayed where a reader takes it for the current one. Now the
    folder is the quarter's name however it was typed: 2026-K2 and 2026-K2-publicatie-1, nothing else."""
    ws = werkmap_met_zeven
    eerste = _kwartaal(ws, "2026-q2 ").parent / "2026-K2"
    assert sorted(p.name for p in eerste.parent.iterdir()) == ["2026-K2"]
    inhoud = {p.name: p.read_bytes() for p in eerste.iterdir()}
    _lever(ws, "correctie.csv", "K-1;Noord;aangemeld;05-07-2026;B1;Alfa;\n", "2026-10-05")
    _kwartaal(ws, "2026-K2")
    assert sorted(p.name for p in eerste.parent.iterdir()) == ["2026-K2", "2026-K2-publicatie-1"]
    assert {p.name: p.read_bytes() for p in (eerste.parent / "2026-K2-publicatie-1").iterdir()} == inhoud


def test_kwartaal_anders_getypt_noemt_op_het_scherm_de_naam_van_het_kwartaal(werkmap_met_zeven: Path) -> None:  # noqa: F811
    """The screen echoed the quarter as typed ('Kwartaalrapportage 2026-q2 : ... in .../2026-K2') while the folder, the
    reports and the logboek use its own name; the line says 2026-K2 now."""
    r = _run("contract", "kwartaal", "--werkmap", werkmap_met_zeven, "--kwartaal", "2026-q2 ")
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Kwartaalrapportage 2026-K2: "), r.output
    assert r.output.rstrip().split("\n")[0].endswith(str(Path("contract") / "kwartaal" / "2026-K2")), r.output

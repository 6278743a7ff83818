"""The contract phase behind the same guards as the award: real CLI runs on a werkmap with a register.

- a read-only contract folder (`chattr +i`, the tests run as root) and a full disk (a real 4 MB tmpfs
  in a private mount namespace where the machine allows it; SQLite's own page limit otherwise) give
  exit 2 with the path and the reason in Dutch, never a traceback, and change nothing;
- commands that only read (stand, advies, kwartaal's reading) still work on a read-only register;
- one writer per werkmap: a held lock makes a contract command wait and refuse (exit 1), two real
  concurrent imports both complete without double rows;
- what a killed run left is removed by the next contract command; a damaged register is an input error;
- `--json` on every contract error, dates in Dutch, and the privacy rule for `contract keuze --klant`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from evaluatie import slot
from evaluatie.cli import main
from tests.hulp import REPO
from tests.test_schrijfwacht import _HOUDER  # a process that holds a werkmap's lock

DOOR = ["--door", "S. Jansen, contractmanager", "--reden", "volgens het contract"]
WIJZIGING = [
    "contract",
    "wijziging",
    "--route",
    "Z",
    "--soort",
    "indexatie",
    "--waarde",
    "100",
    "--grondslag",
    "2.163b",
]
ADVIES = ["contract", "advies", "--gemeente", "Hilversum", "--route", "B1", "--peildatum", "2023-06-30", "--json"]
KEUZE = ["contract", "keuze", "--gemeente", "Hilversum", "--route", "B1", "--aanbieder", "Inburgerwijs Academie"]
KEUZE += ["--datum", "2023-06-30"]


def _run(*args: object) -> Any:
    res = CliRunner().invoke(main, [str(a) for a in args])
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output
    return res


@pytest.fixture(scope="module")
def ingelezen(tmp_path_factory: pytest.TempPathFactory, voorbeeld_bron: Path) -> Path:
    """The example after award, contract start and one import of two years of generated placements."""
    from tests.hulp import kopieer_voorbeeld

    ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path_factory.mktemp("contractwacht") / "ws")
    assert _run("gunning", "--werkmap", ws, "--lots", "B1,onderwijs,Z").exit_code == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2022-01-01", *DOOR).exit_code == 0
    gen = subprocess.run(
        [sys.executable, str(REPO / "bids" / "genereer_plaatsingen.py"), str(ws)], capture_output=True, text=True
    )
    assert gen.returncode == 0, gen.stderr
    r = _run("contract", "inlezen", "--werkmap", ws, "--datum", "2024-01-02", ws / "aanleveringen")
    assert r.exit_code == 0, r.output
    return ws


@pytest.fixture
def ws(ingelezen: Path, tmp_path: Path) -> Path:
    doel = tmp_path / "ws"
    shutil.copytree(ingelezen, doel)
    return doel


def _inhoud(root: Path) -> dict[str, str]:
    """Every file with its hash (the lock file and SQLite's own -wal/-shm files left out)."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != slot.BESTAND and not p.name.endswith(("-wal", "-shm"))
    }


def _sha(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def _aantal(ws: Path, tabel: str) -> int:
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    try:
        return int(db.execute(f"SELECT COUNT(*) FROM {tabel}").fetchone()[0])
    finally:
        db.close()


@pytest.fixture
def vergrendeld() -> Iterator[list[Path]]:
    paden: list[Path] = []
    yield paden
    for p in paden:
        subprocess.run(["chattr", "-i", str(p)], capture_output=True)


def _chattr(paden: list[Path], pad: Path) -> None:
    if subprocess.run(["chattr", "+i", str(pad)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i werkt hier niet")
    paden.append(pad)


def test_alleen_lezen_register_geeft_nederlandse_fout_en_lezen_werkt(ws: Path, vergrendeld: list[Path]) -> None:
    _chattr(vergrendeld, ws / "contract")
    voor = _inhoud(ws)
    register = str(ws / "contract" / "register.sqlite")
    for args in (
        ["contract", "inlezen", "--werkmap", ws, ws / "aanleveringen"],
        [*KEUZE, "--klant", "K-77", "--werkmap", ws, *DOOR],
        [*WIJZIGING, "--werkmap", ws, *DOOR],
    ):
        r = _run(*args)
        assert r.exit_code == 2, r.output
        assert f"{register}: kan niet worden geschreven: het register kan niet worden geopend" in r.stderr
    r = _run("contract", "dossier", "--werkmap", ws)
    assert r.exit_code == 2 and f"{ws / 'contract' / 'dossier'}: kan niet worden geschreven" in r.stderr, r.output
    # reading needs no write: stand, advies, a proposal and a test of a change still answer
    assert _run("contract", "stand", "--werkmap", ws, "--peildatum", "2023-06-30").exit_code == 0
    r = _run(*ADVIES, "--werkmap", ws)
    assert r.exit_code == 0 and json.loads(r.stdout)["advies"], r.output
    assert _inhoud(ws) == voor


def _zet_paginagrens(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's own 'database or disk is full' (SQLITE_FULL): no page may be added to the register."""
    from evaluatie.contract import register

    echt = register.migreer

    def vol(db: sqlite3.Connection, pad: Path | None = None) -> int:
        n = echt(db, pad)
        pagina = int(db.execute("PRAGMA page_count").fetchone()[0])
        db.execute(f"PRAGMA max_page_count = {pagina}")
        return n

    monkeypatch.setattr(register, "migreer", vol)


def test_vol_register_bij_inlezen(ws: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    voor = _inhoud(ws)
    gebeurtenissen = _aantal(ws, "gebeurtenis")
    extra = tmp_path / "extra.csv"
    regels = [f"K-9{i:03d};Hilversum;aangemeld;2023-0{1 + i % 9}-10;B1;Inburgerwijs Academie;" for i in range(300)]
    extra.write_text("klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n" + "\n".join(regels) + "\n")
    _zet_paginagrens(monkeypatch)
    register = str(ws / "contract" / "register.sqlite")
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", extra)
    assert r.exit_code == 2, r.output
    assert f"{register}: kan niet worden geschreven: de schijf is vol" in r.stderr
    assert json.loads(r.stdout)["fouten"][0]["plaats"] == register
    monkeypatch.undo()
    assert _aantal(ws, "gebeurtenis") == gebeurtenissen
    na = _inhoud(ws)
    # only the file kept for the dossier may be new (kept before the register commits)
    assert {k: na[k] for k in voor} == voor
    assert [k for k in set(na) - set(voor)] == [f"contract/aanleveringen/{_sha(extra)[:12]}-extra.csv"]


_VOL = textwrap.dedent(
    """
    set -e
    mount -t tmpfs -o size=4m tmpfs "$1"
    cp -r "$2" "$1/ws"
    rm -f "$1/ws/.evaluatie.lock"
    vrij=$(df -k --output=avail "$1" | tail -1)
    head -c $(( vrij * 1024 - 60000 )) /dev/zero > "$1/vuller" 2>/dev/null || true
    for kw in 2022-K3 2023-K2; do
      "$3" -m evaluatie contract kwartaal --werkmap "$1/ws" --kwartaal $kw > "$4/uit-$kw" 2>&1 || echo $? > "$4/code-$kw"
    done
    "$3" -m evaluatie contract dossier --zip --werkmap "$1/ws" > "$4/uit-dossier" 2>&1 || echo $? > "$4/code-dossier"
    rm "$1/vuller"
    "$3" -m evaluatie contract kwartaal --werkmap "$1/ws" --kwartaal 2022-K3 > "$4/uit-daarna" 2>&1
    cd "$1/ws" && find . -type f ! -name .evaluatie.lock ! -name '*-wal' ! -name '*-shm' ! -name vuller \\
      -exec sha256sum {} + | sort -k2 > "$4/inhoud"
    """
)


def test_echt_volle_schijf_bij_kwartaal_en_dossier(ws: Path, tmp_path: Path) -> None:
    """A real full disk (tmpfs in a private mount namespace): the reports and the dossier are refused
    with their path, nothing half-written stays, the earlier quarter report is intact; with room again
    the next run succeeds."""
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2022-K3").exit_code == 0
    if shutil.which("unshare") is None:
        pytest.skip("unshare ontbreekt")
    proef = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    if proef.returncode != 0:
        pytest.skip("geen eigen mount-namespace op deze machine")
    berg = tmp_path / "berg"
    berg.mkdir()
    (tmp_path / "uit").mkdir()
    voor = {k: v for k, v in _inhoud(ws).items()}
    omgeving = {**os.environ, "PYTHONPATH": str(REPO)}
    res = subprocess.run(
        ["unshare", "-m", "bash", "-c", _VOL, "-", str(berg), str(ws), sys.executable, str(tmp_path / "uit")],
        capture_output=True,
        text=True,
        env=omgeving,
    )
    if res.returncode != 0 and "mount" in res.stderr:
        pytest.skip(f"tmpfs kan hier niet worden aangekoppeld: {res.stderr.strip()}")
    assert res.returncode == 0, res.stderr
    uit = tmp_path / "uit"
    berichten = {n: (uit / f"uit-{n}").read_text() for n in ("2022-K3", "2023-K2", "dossier")}
    for naam, tekst in berichten.items():
        assert "Traceback" not in tekst, tekst
        assert (uit / f"code-{naam}").read_text().strip() == "2", tekst
        assert "kan niet worden geschreven: de schijf is vol" in tekst, tekst
        assert ".nieuw-" not in tekst and "-nieuw-" not in tekst, tekst  # never a temporary name
    assert str(berg / "ws" / "contract" / "kwartaal" / "2022-K3") in berichten["2022-K3"]
    # 2023-K2 is new: what it publishes is recorded in the register before its reports are written
    # (evaluatie.contract.publicatie), so the register is the first to find the disk full
    assert str(berg / "ws" / "contract" / "register.sqlite") in berichten["2023-K2"]
    assert str(berg / "ws" / "contract" / "dossier") in berichten["dossier"]
    na = dict(
        (regel.split(maxsplit=1)[1][2:], regel.split()[0])
        for regel in (uit / "inhoud").read_text().splitlines()
        if regel.strip()
    )
    # every earlier file as it was (the last successful run only added its logboek line); no temp left
    assert {k: v for k, v in na.items() if k != "logboek.jsonl"} == {
        k: v for k, v in voor.items() if k != "logboek.jsonl"
    }
    assert not [k for k in na if "-nieuw-" in k or "-oud-" in k or "-tmp-" in k]
    assert "Kwartaalrapportage 2022-K3: 16 bestanden" in (uit / "uit-daarna").read_text()


def test_contractcommando_wacht_op_het_slot_en_weigert(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slot, "WACHTTIJD", 0.5)
    houder = subprocess.Popen([sys.executable, "-c", _HOUDER, str(ws), "60"], stdout=subprocess.PIPE, text=True)
    try:
        assert houder.stdout is not None and houder.stdout.readline().strip() == "vast"
        voor = _inhoud(ws)
        for args in (
            ["contract", "inlezen", "--werkmap", ws, "--json", ws / "aanleveringen"],
            [*KEUZE, "--klant", "K-77", "--werkmap", ws, "--json", *DOOR],
            ["contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2023-K1", "--json"],
            ["contract", "dossier", "--werkmap", ws, "--json"],
        ):
            r = _run(*args)
            assert r.exit_code == 1, r.output
            assert f"proces {houder.pid}" in r.stderr and "een ander evaluatie-commando schrijft" in r.stderr
            assert list(json.loads(r.stdout)) == ["evaluatie_niet_afgerond"]
        assert _inhoud(ws) == voor
        assert _run("contract", "stand", "--werkmap", ws, "--peildatum", "2023-06-30").exit_code == 0  # reads freely
    finally:
        houder.kill()
        houder.wait()


def test_twee_gelijktijdige_inlezingen(ingelezen: Path, tmp_path: Path) -> None:
    """Two real processes import the same new file at once: one waits for the other; the rows are in the
    register once, the second run finds them all known, and the logboek has both runs."""
    ws = tmp_path / "ws"
    shutil.copytree(ingelezen, ws)
    extra = tmp_path / "extra.csv"
    regels = [f"K-8{i:03d};Laren;aangemeld;2023-03-{1 + i % 28:02d};B1;Kompas Inburgering;" for i in range(40)]
    extra.write_text("klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n" + "\n".join(regels) + "\n")
    voor = _aantal(ws, "gebeurtenis")
    regels_logboek = len((ws / "logboek.jsonl").read_text().splitlines())
    start = "from evaluatie import slot; slot.WACHTTIJD = 600; from evaluatie.cli import main; main()"
    omgeving = {**os.environ, "PYTHONPATH": str(REPO)}
    processen = [
        subprocess.Popen(
            [sys.executable, "-c", start, "contract", "inlezen", "--werkmap", str(ws), "--json", str(extra)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=omgeving,
        )
        for _ in range(2)
    ]
    uitkomsten = []
    for p in processen:
        uit, fout = p.communicate(timeout=300)
        assert p.returncode == 0, fout.decode()
        uitkomsten.append(json.loads(uit)["bestanden"][0])
    assert sorted((u["nieuw"], u["ongewijzigd"]) for u in uitkomsten) == [(0, 40), (40, 0)]
    assert _aantal(ws, "gebeurtenis") == voor + 40
    assert len((ws / "logboek.jsonl").read_text().splitlines()) == regels_logboek + 2


def test_resten_van_een_gedode_run_worden_opgeruimd(ws: Path) -> None:
    kwartaal = ws / "contract" / "kwartaal"
    resten = [
        kwartaal / ".2023-K1-nieuw-99999",
        ws / "contract" / ".dossier-oud-99999",
        ws / "contract" / ".dossier.zip-tmp-99999",
    ]
    for p in resten[:2]:
        p.mkdir(parents=True)
        (p / "half.html").write_text("<html>")
    resten[2].write_bytes(b"PK")
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2023-K1")
    assert r.exit_code == 0, r.output
    assert not [p for p in resten if p.exists()]


def test_beschadigd_register_is_een_invoerfout(ws: Path) -> None:
    register = ws / "contract" / "register.sqlite"
    register.write_bytes(b"dit is geen database" * 100)
    for args in (
        ["contract", "stand", "--werkmap", ws, "--json"],
        [*KEUZE, "--klant", "K-1", "--werkmap", ws, "--json", *DOOR],
    ):
        r = _run(*args)
        assert r.exit_code == 2, r.output
        fout = json.loads(r.stdout)["fouten"][0]
        assert fout["plaats"] == str(register) and "geen leesbaar contractregister" in fout["bericht"]


@pytest.mark.parametrize(
    ("klant", "waarom"),
    [
        ("123456782", "elfproef"),  # a valid BSN
        ("11122304", "elfproef"),  # 011122304 passes the eleven-test: a BSN that lost its leading zero
        ("Fatima el Amrani", "naam"),
        ("J. de Vries", "naam"),
        ("03-05-1988", "datum"),
        ("", "pseudoniem klantnummer"),
    ],
)
def test_keuze_neemt_alleen_een_pseudoniem_klantnummer(ws: Path, klant: str, waarom: str) -> None:
    voor = _inhoud(ws)
    r = _run(*KEUZE, "--klant", klant, "--werkmap", ws, "--json", *DOOR)
    assert r.exit_code == 2, r.output
    fout = json.loads(r.stdout)["fouten"][0]
    assert fout["plaats"] == "--klant" and waarom in fout["bericht"]
    assert _inhoud(ws) == voor
    assert _run(*KEUZE, "--klant", "K-2023-0042", "--werkmap", ws, *DOOR).exit_code == 0


def test_json_bij_iedere_fout_van_de_contractfase(ws: Path) -> None:
    """Also commands without an --json option of their own give one JSON document with the error."""
    r = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2023-K5", "--json")
    assert r.exit_code == 2
    assert json.loads(r.stdout) == {
        "fouten": [{"plaats": "--kwartaal", "bericht": "'2023-K5' is geen kwartaal; schrijf bijvoorbeeld 2023-K2"}]
    }
    # --json before the group's command, as before any command
    r = _run("contract", "--json", "stand", "--werkmap", ws, "--peildatum", "2023-06-30")
    assert r.exit_code == 0 and json.loads(r.stdout)["contractjaar"] == 2
    r = _run("contract", "--json", "kwartaal", "--werkmap", ws, "--kwartaal", "2023-K5")
    assert r.exit_code == 2 and json.loads(r.stdout)["fouten"][0]["plaats"] == "--kwartaal"
    r = _run("contract", "dossier", "--werkmap", ws / "bestaat-niet", "--json")
    assert r.exit_code == 2 and "geen aanbesteding.yaml" in json.loads(r.stdout)["fouten"][0]["bericht"]


@pytest.mark.parametrize(
    ("datum", "tekst"),
    [
        ("31-31-2023", "'31-31-2023' is geen bestaande datum (dag-maand-jaar)"),
        ("2023-02-29", "'2023-02-29' is geen bestaande datum (jaar-maand-dag)"),
        ("30 juni", "verwacht een datum als JJJJ-MM-DD of DD-MM-JJJJ"),
    ],
)
def test_datums_van_de_contractfase_in_het_nederlands(ws: Path, datum: str, tekst: str) -> None:
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", datum)
    assert r.exit_code == 2 and tekst in r.stderr and "%" not in r.stderr, r.output
    assert _run("contract", "stand", "--werkmap", ws, "--peildatum", "30-06-2023").exit_code == 0


_KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag"


@pytest.mark.parametrize(
    ("klant", "soort"),
    [
        ("123.456.782", "burgerservicenummers"),  # a BSN written with dots
        ("1234 56 782", "burgerservicenummers"),  # and with spaces
        ("Jansen", "namen van personen"),  # a word without a digit is no client number
    ],
)
def test_inlezen_weigert_bsn_met_scheidingstekens_en_naam_als_klantnummer(
    ws: Path, tmp_path: Path, klant: str, soort: str
) -> None:
    lijst = tmp_path / "export.csv"
    lijst.write_text(
        f"{_KOP}\nK-1;Hilversum;aangemeld;03-02-2022;B1;Inburgerwijs Academie;\n"
        f"{klant};Hilversum;aangemeld;03-02-2022;B1;Inburgerwijs Academie;\n",
        encoding="utf-8",
    )
    voor = _aantal(ws, "gebeurtenis")
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", lijst)
    assert r.exit_code == 2, r.output
    fouten = json.loads(r.stdout)["fouten"]
    # one message, on the header cell, naming the first offending cell; not also 'kolom ontbreekt'
    assert [f["plaats"] for f in fouten] == ["export.csv!A1"], fouten
    assert f"bevat {soort}" in fouten[0]["bericht"] and "export.csv!A3" in fouten[0]["bericht"]
    assert _aantal(ws, "gebeurtenis") == voor


def test_datums_met_streepjes_zijn_geen_bsn(ws: Path, tmp_path: Path) -> None:
    """Dates are 8 digits with separators; roughly one in eleven would pass the eleven-test if the
    separators were simply dropped. Every day of the two fixed years of the term is read as a date, none as a BSN."""
    import datetime as dt

    dagen = [dt.date(2022, 1, 1) + dt.timedelta(days=d) for d in range(2 * 365)]
    lijst = tmp_path / "alle-dagen.csv"
    regels = [
        f"D-{i};Hilversum;aangemeld;{d.strftime('%d-%m-%Y')};B1;Inburgerwijs Academie;" for i, d in enumerate(dagen)
    ]
    lijst.write_text(_KOP + "\n" + "\n".join(regels) + "\n", encoding="utf-8")
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", lijst)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["bestanden"][0]["nieuw"] == len(dagen)


@pytest.mark.parametrize(
    ("index", "tekst"),
    [
        ('{"documenten": [{"x": 1}]}', "document 1 heeft geen 'pad' en 'sha256'"),
        ('{"documenten": 5}', "geen leesbare index (geen lijst 'documenten')"),
        ("[1]", "geen leesbare index (geen lijst 'documenten')"),
        ("{", "geen leesbare index (geen JSON)"),
        ('{"documenten": [{"pad": "../../aanbesteding.yaml", "sha256": "0"}]}', "ligt buiten het dossier"),
    ],
)
def test_controleer_leest_een_gewijzigde_dossierindex_zonder_traceback(ws: Path, index: str, tekst: str) -> None:
    """The dossier's index is input like any other: edited by hand it gives a finding, not a crash, and
    never makes controleer read a file outside the dossier."""
    import zipfile

    assert _run("contract", "dossier", "--werkmap", ws, "--zip").exit_code == 0
    (ws / "contract" / "dossier" / "index.json").write_text(index, encoding="utf-8")
    zip_pad = ws / "contract" / "dossier.zip"
    with zipfile.ZipFile(zip_pad) as z:
        leden = {n: z.read(n) for n in z.namelist()}
    leden["dossier/index.json"] = index.encode()
    with zipfile.ZipFile(zip_pad, "w") as z:
        for n, b in leden.items():
            z.writestr(n, b)
    r = _run("controleer", "--werkmap", ws)
    assert r.exit_code == 1, r.output
    regels = r.output.splitlines()
    assert any(x.startswith("  contract/dossier/index.json: ") and tekst in x for x in regels), r.output
    assert any(x.startswith("  contract/dossier.zip!dossier/index.json: ") and tekst in x for x in regels), r.output


def test_csv_met_een_te_lang_veld_is_een_fout_met_plaats(ws: Path, tmp_path: Path) -> None:
    """An unclosed quote makes the rest of the file one field; csv refuses it past its limit. That is an
    input error naming file and line, with the other files' errors, not a traceback."""
    lijst = tmp_path / "open-aanhalingsteken.csv"
    lijst.write_text(
        f"{_KOP}\nK-1;Hilversum;aangemeld;03-02-2022;B1;Inburgerwijs Academie;\n"
        'K-2;Hilversum;aangemeld;03-02-2022;B1;"Inburgerwijs Academie;\n' + "x" * 200_000,
        encoding="utf-8",
    )
    ander = tmp_path / "ander.csv"
    ander.write_text(f"{_KOP}\nK-3;Nergensdorp;aangemeld;03-02-2022;B1;Inburgerwijs Academie;\n", encoding="utf-8")
    voor = _aantal(ws, "gebeurtenis")
    r = _run("contract", "inlezen", "--werkmap", ws, "--json", lijst, ander)
    assert r.exit_code == 2, r.output
    plaatsen = [f["plaats"] for f in json.loads(r.stdout)["fouten"]]
    assert plaatsen == ["ander.csv!B2", "open-aanhalingsteken.csv!A3"], r.stdout  # files in name order
    assert _aantal(ws, "gebeurtenis") == voor


def test_gunning_opnieuw_met_andere_invoer_na_de_start(ws: Path, tmp_path: Path) -> None:
    """The award run again with a changed bid after the contract started: gunning.json is no longer the
    award the register follows. Reports and the dossier would cite one award and hold another, so they
    are refused (exit 1); stand warns. With the bid put back, the same award returns byte for byte."""
    from openpyxl import load_workbook

    bod = ws / "inschrijvingen" / "kompas.xlsx"
    bewaard = tmp_path / "kompas.xlsx"
    shutil.copy2(bod, bewaard)
    wb = load_workbook(bod)
    wb["Percelen"]["B2"] = 8000
    wb.save(bod)
    assert _run("gunning", "--werkmap", ws, "--lots", "B1,onderwijs,Z").exit_code == 0
    for args, wat in (
        (["contract", "kwartaal", "--kwartaal", "2023-K2"], "de kwartaalrapportage zou een gunning noemen"),
        (["contract", "dossier", "--zip"], "het contractdossier zou de ene gunning noemen en de andere bevatten"),
    ):
        r = _run(*args, "--werkmap", ws, "--json")
        assert r.exit_code == 1, r.output
        melding = json.loads(r.stdout)["evaluatie_niet_afgerond"][0]
        assert "rapporten/gunning.json is niet meer de gunning waarop het contract begon" in melding and wat in melding
    assert not (ws / "contract" / "dossier").exists() and not (ws / "contract" / "kwartaal" / "2023-K2").exists()
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2023-06-30", "--json")
    assert r.exit_code == 0 and "Let op: rapporten/gunning.json is niet meer de gunning" in r.stderr
    json.loads(r.stdout)  # stdout stays one document
    shutil.copy2(bewaard, bod)
    assert _run("gunning", "--werkmap", ws, "--lots", "B1,onderwijs,Z").exit_code == 0
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2023-K2").exit_code == 0
    r = _run("contract", "stand", "--werkmap", ws, "--peildatum", "2023-06-30")
    assert r.exit_code == 0 and "Let op" not in r.stderr


def test_namen_op_de_opdrachtregel_zoals_in_de_aanleveringen(ws: Path) -> None:
    """A gemeente, route or supplier typed in another case, spacing or Unicode form, or with 'Gemeente',
    is the same one on the command line as in a file: the register's name is recorded and shown."""
    import unicodedata

    r = _run(
        "contract",
        "advies",
        "--werkmap",
        ws,
        "--gemeente",
        "gemeente  HILVERSUM",
        "--route",
        "b1-route",
        "--peildatum",
        "2023-06-30",
        "--json",
    )
    assert r.exit_code == 0, r.output
    advies = json.loads(r.stdout)["advies"]
    assert r.stdout == _run(*ADVIES, "--werkmap", ws).stdout
    getypt = unicodedata.normalize("NFD", advies.upper())
    r = _run(
        "contract",
        "keuze",
        "--werkmap",
        ws,
        "--gemeente",
        "hilversum",
        "--route",
        "b1",
        "--aanbieder",
        getypt,
        "--klant",
        "K-2023-7",
        "--datum",
        "2023-06-30",
        *DOOR,
    )
    assert r.exit_code == 0, r.output
    assert f"K-2023-7 naar {advies}; de keuze volgt het advies." in r.output
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    try:
        assert db.execute("SELECT gemeente, perceel, gekozen FROM keuze").fetchall() == [("Hilversum", "B1", advies)]
    finally:
        db.close()


@pytest.fixture(scope="module")
def alleen_gestart(tmp_path_factory: pytest.TempPathFactory, voorbeeld_bron: Path) -> Path:
    from tests.hulp import kopieer_voorbeeld

    ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path_factory.mktemp("gestart") / "ws")
    assert _run("gunning", "--werkmap", ws, "--lots", "B1,onderwijs,Z").exit_code == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2022-01-01", *DOOR).exit_code == 0
    return ws


def test_regio_min_de_andere_gemeenten_verraadt_geen_kleine_cel(alleen_gestart: Path, tmp_path: Path) -> None:
    """Each gemeente gets its own report and the region one more. Kompas Inburgering serves two gemeenten
    in B1: 6 placements in Huizen (shown), 2 in Laren (withheld). A region cell of 8 would give Laren's
    2 away (8 - 6), so it is suppressed; in general no region cell is shown when exactly one of the
    gemeenten's cells it sums is hidden."""
    ws = tmp_path / "ws"
    shutil.copytree(alleen_gestart, ws)
    regels = [f"H-{i};Huizen;aangemeld;0{1 + i % 3}-02-2022;B1;Kompas Inburgering;" for i in range(6)]
    regels += [f"L-{i};Laren;aangemeld;1{i}-02-2022;B1;Kompas Inburgering;" for i in range(2)]
    lijst = tmp_path / "k1.csv"
    lijst.write_text(_KOP + "\n" + "\n".join(regels) + "\n", encoding="utf-8")
    assert _run("contract", "inlezen", "--werkmap", ws, lijst).exit_code == 0
    assert _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2022-K1").exit_code == 0
    map_ = ws / "contract" / "kwartaal" / "2022-K1"

    def cellen(boek: Path) -> dict[tuple[str, str], tuple[Any, Any]]:
        from openpyxl import load_workbook

        rijen = list(load_workbook(boek)["Plaatsingen"].iter_rows(values_only=True))[1:]
        return {(str(r[0]), str(r[1])): (r[4], r[5]) for r in rijen}

    regio = cellen(map_ / "regio.xlsx")
    gemeenten = {p.stem: cellen(p) for p in map_.glob("gemeente-*.xlsx")}
    assert gemeenten["gemeente-huizen"][("B1-route", "Kompas Inburgering")] == (6, 6)
    assert gemeenten["gemeente-laren"][("B1-route", "Kompas Inburgering")] == ("onderdrukt", "onderdrukt")
    assert regio[("B1-route", "Kompas Inburgering")] == ("onderdrukt", "onderdrukt")
    for sleutel, waarden in regio.items():
        if sleutel[1] == "Totaal":
            continue
        for k, waarde in enumerate(waarden):
            delen = [g[sleutel][k] for g in gemeenten.values() if sleutel in g]
            if sum(not isinstance(d, int) for d in delen) == 1:
                assert not isinstance(waarde, int), (sleutel, waarde, delen)
            if isinstance(waarde, int):  # a shown region figure is the sum of what the gemeenten hold
                assert waarde >= 5


def test_uitval_bij_toelating_volgt_de_verdeling_naar_capaciteit(tmp_path: Path) -> None:
    """An open-house lot (toelating) distributes by capacity, not by an optimum. A supplier dropping out
    gives the same rule on the remaining ones; the premise check compares with that rule too (it used to
    call every open-house award changed). Alfa (20), Beta (30), Gamma (50) admitted, Alfa drops out, no
    placements yet: Noord 10 -> 3.75/6.25 -> 3+1, 6; Oost 6 -> 2.25/3.75 -> 2, 3+1; Zuid 4 -> 1.5/2.5 ->
    1, 2+1 (equal remainders: the larger capacity first)."""
    from tests.hulp import kleine_toelating, maak_werkmap, schrijf_bod

    data = kleine_toelating()
    ws = maak_werkmap(tmp_path / "ws", data)
    for bestand, naam, kvk, capaciteit in (("a", "Alfa", "11111111", 20), ("b", "Beta", "22222222", 30)):
        schrijf_bod(ws, f"{bestand}.xlsx", naam, kvk, [("B1", 9000, capaciteit, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", "Gamma", "33333333", [("B1", 9500, 50, 12, 4, "alle")])
    assert _run("gunning", "--werkmap", ws).exit_code == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2026-06-01", *DOOR).exit_code == 0
    r = _run(
        "contract", "uitval", "--werkmap", ws, "--route", "B1", "--aanbieder", "Alfa", "--per", "2026-09-01", "--json"
    )
    assert r.exit_code == 0, r.output
    uit = json.loads(r.stdout)
    verwacht = {
        ("Noord", "Beta"): 4,
        ("Noord", "Gamma"): 6,
        ("Oost", "Beta"): 2,
        ("Oost", "Gamma"): 4,
        ("Zuid", "Beta"): 1,
        ("Zuid", "Gamma"): 3,
    }
    assert {(c["gemeente"], c["aanbieder"]): c["aantal"] for c in uit["dit_jaar"]} == verwacht
    assert {(c["gemeente"], c["aanbieder"]): c["aantal"] for c in uit["volgende_jaren"]} == verwacht
    assert "verwachte verdeling naar capaciteit" in uit["rekenpad"]
    assert any("bij toelating (open house)" in z for z in uit["uitleg"])


def test_dossier_neemt_geen_bestand_van_buiten_de_werkmap_mee(ws: Path, tmp_path: Path) -> None:
    """A link in rapporten/ to a private file outside: the dossier copied that file's content in with the rest."""
    from click.testing import CliRunner

    from evaluatie.cli import main

    geheim = tmp_path / "geheim.txt"
    geheim.write_text("privé: niet in het dossier\n", encoding="utf-8")
    (ws / "rapporten" / "notitie.txt").symlink_to(geheim)
    res = CliRunner().invoke(main, ["contract", "dossier", "--werkmap", str(ws), "--zip", "--json"])
    assert res.exit_code == 2, res.output
    (fout,) = json.loads(res.stdout)["fouten"]
    assert fout["plaats"] == "rapporten/notitie.txt" and "buiten de werkmap" in fout["bericht"]
    for p in (ws / "contract").rglob("*"):
        if p.is_file():
            assert b"niet in het dossier" not in p.read_bytes(), p

"""The contract phase refuses what has not happened yet: an event in a placement list dated after today (or
after the day of intake given with --datum), a day of intake in the future, and a contract decision (a
contract change, an own choice) dated in the future. Each is an input error with its place, together with
the other errors, and nothing is written. 'Today' is the run date, as the decision commands take it."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kopieer_voorbeeld

DOOR = ["--door", "S. Jansen, contractmanager", "--reden", "volgens het contract"]
KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n"


def _run(*args: object) -> tuple[int, str]:
    r = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in r.output
    return r.exit_code, " ".join(r.output.split())


def _dmj(d: dt.date) -> str:
    return d.strftime("%d-%m-%Y")


@pytest.fixture(scope="module")
def gestart(tmp_path_factory: pytest.TempPathFactory, voorbeeld_bron: Path) -> Path:
    ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path_factory.mktemp("toekomst") / "ws")
    assert _run("gunning", "--werkmap", ws, "--lots", "B1,onderwijs,Z")[0] == 0
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2022-01-01", *DOOR)[0] == 0
    return ws


@pytest.fixture
def ws(gestart: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(gestart, tmp_path / "ws"))


def _gebeurtenissen(ws: Path) -> int:
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    try:
        return int(db.execute("SELECT COUNT(*) FROM gebeurtenis").fetchone()[0])
    finally:
        db.close()


def test_gebeurtenis_in_de_toekomst_met_de_andere_fouten(ws: Path, tmp_path: Path) -> None:
    vandaag = dt.date.today()
    morgen, later = vandaag + dt.timedelta(days=1), vandaag + dt.timedelta(days=400)
    (tmp_path / "huizen.csv").write_text(
        KOP + "K-1;Huizen;aangemeld;01-02-2022;B1;Kompas Inburgering;\n"
        f"K-1;Huizen;gestart;{_dmj(morgen)};;;\n"
        "K-2;Hilversun;aangemeld;01-03-2022;B1;Kompas Inburgering;\n",
        encoding="utf-8",
    )
    (tmp_path / "eemnes.csv").write_text(
        KOP + f"K-3;Eemnes;aangemeld;{later.isoformat()};B1;Kompas Inburgering;\n", encoding="utf-8"
    )
    code, uit = _run("contract", "inlezen", "--werkmap", ws, tmp_path / "huizen.csv", tmp_path / "eemnes.csv")
    assert code == 2, uit
    toekomst = f"in de toekomst (vandaag is {_dmj(vandaag)}): een gebeurtenis wordt gemeld als ze is gebeurd"
    assert f"huizen.csv!D3: {_dmj(morgen)} ligt {toekomst}" in uit
    assert f"eemnes.csv!D2: {_dmj(later)} ligt {toekomst}" in uit
    assert "huizen.csv!B4: 'Hilversun' is geen gemeente" in uit  # with the other errors
    assert _gebeurtenissen(ws) == 0
    # today itself has happened: the same list with the start today reads
    (tmp_path / "huizen.csv").write_text(
        KOP + f"K-1;Huizen;aangemeld;01-02-2022;B1;Kompas Inburgering;\nK-1;Huizen;gestart;{_dmj(vandaag)};;;\n",
        encoding="utf-8",
    )
    code, uit = _run("contract", "inlezen", "--werkmap", ws, tmp_path / "huizen.csv")
    assert "in de toekomst" not in uit, uit


def test_gebeurtenis_na_de_datum_van_inlezen(ws: Path, tmp_path: Path) -> None:
    (tmp_path / "huizen.csv").write_text(
        KOP + "K-1;Huizen;aangemeld;01-02-2022;B1;Kompas Inburgering;\nK-1;Huizen;gestart;05-07-2022;;;\n",
        encoding="utf-8",
    )
    code, uit = _run("contract", "inlezen", "--werkmap", ws, "--datum", "2022-06-30", tmp_path / "huizen.csv")
    assert code == 2, uit
    assert "huizen.csv!D3: 05-07-2022 ligt na de datum van inlezen (--datum 30-06-2022)" in uit
    assert _gebeurtenissen(ws) == 0


def test_datum_van_inlezen_in_de_toekomst(ws: Path, tmp_path: Path) -> None:
    vandaag = dt.date.today()
    volgend_jaar = vandaag + dt.timedelta(days=366)
    (tmp_path / "huizen.csv").write_text(KOP + "K-1;Huizen;aangemeld;01-02-2022;B1;Kompas Inburgering;\n")
    code, uit = _run("contract", "inlezen", "--werkmap", ws, "--datum", volgend_jaar, tmp_path / "huizen.csv")
    assert code == 2, uit
    assert f"--datum: {_dmj(volgend_jaar)} ligt in de toekomst (vandaag is {_dmj(vandaag)})" in uit
    assert _gebeurtenissen(ws) == 0


def test_contractbesluiten_in_de_toekomst(ws: Path) -> None:
    vandaag = dt.date.today()
    morgen = vandaag + dt.timedelta(days=1)
    regel = f"{_dmj(morgen)} ligt in de toekomst (vandaag is {_dmj(vandaag)}); een besluit wordt vastgelegd"
    code, uit = _run("contract", "wijziging", "--werkmap", ws, "--route", "B1", "--soort", "indexatie",
                     "--waarde", "1000", "--grondslag", "zomaar", "--datum", morgen, *DOOR)  # fmt: skip
    assert code == 2, uit
    assert f"--datum: {regel}" in uit and "--grondslag: 'zomaar' noemt geen grondslag" in uit
    code, uit = _run("contract", "keuze", "--werkmap", ws, "--gemeente", "Huizen", "--route", "B1",
                     "--klant", "K-9", "--aanbieder", "Niemand", "--datum", morgen, *DOOR)  # fmt: skip
    assert code == 2, uit
    assert f"--datum: {regel}" in uit and "--aanbieder: Niemand heeft geen contract (wel: Taalhuis De Brug B.V.," in uit
    db = sqlite3.connect(ws / "contract" / "register.sqlite")
    try:
        assert db.execute("SELECT COUNT(*) FROM besluit WHERE soort != 'contractstart'").fetchone()[0] == 0
    finally:
        db.close()


def test_gebeurtenis_na_het_einde_noemt_dat_einde(ws: Path, tmp_path: Path) -> None:
    """The example's contract runs three years from 1 January 2022 with its option year exercised, to 31 December
    2024. A start in 2025 of a trajectory registered in 2024 was refused with "ligt na het einde van het contract",
    without the end or what to do; the message names the last day and that later events are left out of the
    delivery."""
    assert _run("contract", "optiejaar", "--werkmap", ws, "--datum", "2023-10-02", *DOOR)[0] == 0
    (tmp_path / "huizen.csv").write_text(
        KOP + "K-1;Huizen;aangemeld;02-12-2024;B1;Kompas Inburgering;\nK-1;Huizen;gestart;06-01-2025;;;\n",
        encoding="utf-8",
    )
    code, uit = _run("contract", "inlezen", "--werkmap", ws, tmp_path / "huizen.csv")
    assert code == 2, uit
    assert (
        "huizen.csv!D3: 06-01-2025 ligt na het einde van de looptijd van het contract (3 jaar, tot en met "
        "31-12-2024); het register volgt de plaatsingen tot en met die dag: laat latere gebeurtenissen weg" in uit
    ), uit
    assert _gebeurtenissen(ws) == 0

"""A contract that does not start on the first day of a quarter ends inside one: its last quarter is partly in the
term. That quarter has a report too, dated on the last day of the term (no event after it can be read in, so the
report is final then); it was refused as a quarter 'after the end of the term', so the placements of the last
weeks of the contract never appeared in any quarterly report."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import html_tekst, kopieer_voorbeeld

DOOR = ["--door", "S. Jansen, contractmanager", "--reden", "volgens het contract"]
KOP = "klantnummer;gemeente;gebeurtenis;datum;route;aanbieder;uitslag\n"


def _run(*args: object) -> tuple[int, str]:
    r = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in r.output
    return r.exit_code, " ".join(r.output.split())


def test_laatste_kwartaal_van_de_looptijd_heeft_een_rapport(voorbeeld_bron: Path, tmp_path: Path) -> None:
    ws = kopieer_voorbeeld(voorbeeld_bron, tmp_path / "ws")
    assert _run("gunning", "--werkmap", ws, "--lots", "B1,onderwijs,Z")[0] == 0
    # 2 years and 1 option year (exercised) from 15 February 2022: the term ends on 14 February 2025, inside 2025-K1
    assert _run("contract", "start", "--werkmap", ws, "--datum", "2022-02-15", *DOOR)[0] == 0
    assert _run("contract", "optiejaar", "--werkmap", ws, "--datum", "2023-10-02", *DOOR)[0] == 0
    rijen = "".join(
        f"K-{i};Huizen;aangemeld;{d}-02-2025;B1;Kompas Inburgering;\n" for i, d in enumerate(range(3, 13), 1)
    )
    (tmp_path / "huizen.csv").write_text(KOP + rijen, encoding="utf-8")
    code, uit = _run("contract", "inlezen", "--werkmap", ws, tmp_path / "huizen.csv")
    assert code == 0, uit
    code, uit = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2025-K1")
    assert code == 0, uit
    map_ = ws / "contract" / "kwartaal" / "2025-K1"
    overzicht = {r[0]: r[1] for r in load_workbook(map_ / "regio.xlsx")["Overzicht"].iter_rows(values_only=True)}
    assert overzicht["Peildatum"] == "14 februari 2025"
    tekst = html_tekst(map_ / "gemeente-huizen.html")
    assert (
        "Kwartaal 1 januari 2025 tot en met 14 februari 2025, het einde van de looptijd van het contract (het "
        "kalenderkwartaal loopt tot en met 31 maart 2025); peildatum 14 februari 2025" in tekst
    ), tekst
    # the ten placements of February 2025 (ten at one supplier in one gemeente: no small count to hide)
    plaatsingen = list(load_workbook(map_ / "gemeente-huizen.xlsx")["Plaatsingen"].iter_rows(values_only=True))
    kompas = [r for r in plaatsingen if r[0] == "B1-route" and r[1] == "Kompas Inburgering"]
    assert kompas and kompas[0][5] == 10, plaatsingen
    # a quarter wholly after the term stays an input error
    code, uit = _run("contract", "kwartaal", "--werkmap", ws, "--kwartaal", "2025-K2")
    assert code == 2 and "--kwartaal" in uit and "na het einde van de looptijd" in uit, uit

"""The reference date of the keurmerk is only named where a lot requires the keurmerk.

The advies (table of key facts) and the published method stated "Peildatum keurmerk ..." for every tender,
also one whose lots need no keurmerk at all (onderwijs, PVT, MAP): a sentence that is not true for that
tender. Where only some lots require it, the date says which ones.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from docx import Document

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel


def _run(*args: object) -> Any:
    res = CliRunner().invoke(main, [str(a) for a in args])
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    return res


def _werkmap(tmp_path: Path, keurmerk_in: tuple[str, ...]) -> Path:
    """Lots B1 and Z with the same criteria; the keurmerk knock-out only in the lots `keurmerk_in`."""
    data = kleine_aanbesteding()
    z = copy.deepcopy(data["percelen"]["B1"])
    z["naam"] = "Z-route"
    data["percelen"]["Z"] = z
    for code, p in data["percelen"].items():
        p["knockout"] = {"plafondprijs": {}, **({"keurmerk": {}} if code in keurmerk_in else {})}
    for g in data["gemeenten"]:
        g["inburgeraars"]["Z"] = 2
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("Z", 9000, 10, 12, 4, "alle")])
    vul_panel(ws, {"Alfa": 75})
    r = _run("gunning", "--werkmap", ws)
    assert r.exit_code == 0, r.output
    assert _run("template", "systematiek", "--werkmap", ws).exit_code == 0
    return ws


def _teksten(ws: Path) -> tuple[str, str, str]:
    advies = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (ws / "rapporten" / "gunningsadvies.html").read_text()))
    systematiek = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (ws / "gunningssystematiek.html").read_text()))
    doc = Document(str(ws / "gunningssystematiek.docx"))
    docx = "\n".join(p.text for p in doc.paragraphs)
    return advies, systematiek, docx


def test_geen_peildatum_zonder_keurmerkeis(tmp_path: Path) -> None:
    advies, systematiek, docx = _teksten(_werkmap(tmp_path, ()))
    assert "Peildatum keurmerk" not in advies
    for tekst in (systematiek, docx):
        assert "Peildatum voor het keurmerk" not in tekst and "Peildatum keurmerk" not in tekst
        assert tekst.count("Keurmerk: voor dit perceel niet vereist.") == 2


def test_peildatum_noemt_de_percelen_met_keurmerkeis(tmp_path: Path) -> None:
    # kleine_aanbesteding: keurmerk_peildatum 2 maart 2026
    advies, systematiek, docx = _teksten(_werkmap(tmp_path, ("Z",)))
    assert "Peildatum keurmerk 2 maart 2026 (alleen perceel Z-route; de andere percelen vragen geen keurmerk)" in advies
    for tekst in (systematiek, docx):
        assert (
            "Peildatum voor het keurmerk: 2 maart 2026 (alleen perceel Z-route; de andere percelen vragen geen "
            "keurmerk)." in tekst
        )
    advies, systematiek, docx = _teksten(_werkmap(tmp_path / "beide", ("B1", "Z")))
    assert "Peildatum keurmerk 2 maart 2026 " in advies and "(alleen perceel" not in advies
    assert "Peildatum voor het keurmerk: 2 maart 2026." in docx


def test_gemengde_aanbesteding_belooft_geen_gunningsbeslissing_in_een_open_houseperceel(tmp_path: Path) -> None:
    """With an open-house lot next to a gunning lot, the published method said first that every bidder of the
    open-house lot gets an admission decision and then that every bidder gets an award decision (art. 2.130)
    per lot: the second sentence is only true for the gunning lots."""
    from tests.test_contract_toelating import _werkmap as gemengd

    ws = gemengd(tmp_path)  # B1 gunning, Z toelating
    assert _run("template", "systematiek", "--werkmap", ws).exit_code == 0
    tekst = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", (ws / "gunningssystematiek.html").read_text()))
    assert "Iedere aanbieder in een open-houseperceel ontvangt een toelatingsbesluit" in tekst
    assert "Iedere inschrijver ontvangt per perceel een gunningsbeslissing" not in tekst
    assert "In een gunningsperceel ontvangt iedere inschrijver een gunningsbeslissing (art. 2.130" in tekst

"""The consensus workbook after a bid dropped out by a recorded decision (a withdrawal, an exclusion) after the
reviewers scored it: their rows for it are set aside with a note, as the award sets them aside, never an input error
on a signed form. Real workbooks in tmp dirs, real CLI calls."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_consensus
from tests.test_besluiten import _besluit, _intrekken, _run, _vul
from tests.test_besluiten_verouderd import _niet_uitgesloten, _plat, _uitsluitingswerkmap


def _inschrijvers_in_consensus(ws: Path) -> set[str]:
    blad = load_workbook(ws / "beoordelingen" / "consensus.xlsx")["Consensus"]
    return {str(r[0]) for r in blad.iter_rows(min_row=6, values_only=True) if r[0]}


def test_consensus_na_een_terugtrekking(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", "C", "33333333", [("B1", 9200, 20, 12, 4, "alle")])
    _vul(ws, {"A": 75, "B": 50, "C": 75})
    (ws / "inschrijvingen" / "c.xlsx").rename(tmp_path / "c.xlsx")  # C withdraws after the scoring
    assert _besluit(ws, "terugtrekking", "--inschrijver", "C", "--ontvangen", "2026-03-19").exit_code == 0
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0  # the award sets C's rows aside

    res = _run("template", "consensus", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    fout = _plat(res.stderr)
    assert (
        "Let op: beoordelingen/ada.xlsx!Beoordeling!A" in fout
        and ": C, perceel B1, alle 2 criteria: opzijgezet" in (fout)
    ), fout
    assert _inschrijvers_in_consensus(ws) == {"A", "B"}


def test_consensus_na_een_uitsluiting(tmp_path: Path) -> None:
    """D was admitted (U1, not excluded) and scored; U1 is withdrawn and U2 excludes D: D's rows are set aside."""
    ws = _uitsluitingswerkmap(tmp_path)
    assert _niet_uitgesloten(ws).exit_code == 0
    _vul(ws, {"A": 75, "D": 75})
    assert _intrekken(ws, "U1").exit_code == 0
    res = _besluit(
        ws, "uitsluitingsgrond", "--inschrijver", "D", "--grond", "ernstige fout in de beroepsuitoefening",
        "--artikel", "2.87", "--feiten", "Een boete in 2024 wegens te late rapportage aan gemeenten.",
        "--zelfreiniging", "Geen maatregelen aangetoond.", "--evenredigheid", "Herhaald en niet hersteld.",
        "--uitkomst", "uitgesloten", reden="De zelfreiniging is niet aangetoond.", datum="2026-04-06",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    res = _run("template", "consensus", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert ": D, perceel B1, alle 2 criteria: opzijgezet" in _plat(res.stderr), res.stderr
    assert _inschrijvers_in_consensus(ws) == {"A"}


def test_consensus_na_een_knockout_die_later_blijkt(tmp_path: Path) -> None:
    """B's missing keurmerk is found after the panel scored it (the bid file says 'nee'): B is out of the lot for good,
    and its rows are set aside in the consensus workbook as in the award."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    _vul(ws, {"A": 75, "B": 50})
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")], keurmerk="nee")
    res = _run("template", "consensus", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert ": B, perceel B1, alle 2 criteria: opzijgezet" in _plat(res.stderr), res.stderr
    assert _inschrijvers_in_consensus(ws) == {"A"}


def test_een_consensus_op_het_tabblad_vervallen_van_een_weer_beoordeelde_inschrijving(tmp_path: Path) -> None:
    """The panel decided C's plan 50 (the reviewers gave 75); C withdrew, and the re-run template moved that row to the
    sheet Vervallen. The withdrawal was then withdrawn (T1 ingetrokken): C is assessed again, but the award counted the
    reviewers' mean 75 and never said that the panel's 50 lay on Vervallen. It is an input error at that row now,
    saying how the row comes back."""
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    schrijf_bod(ws, "c.xlsx", "C", "33333333", [("B1", 9200, 20, 12, 4, "alle")])
    _vul(ws, {"A": 75, "B": 50, "C": 75})
    vul_consensus(
        ws, {("C", "Plan van aanpak"): (50, "Het plan van C werkt het maatwerk niet uit.")}, dt.date(2026, 3, 12)
    )
    (ws / "inschrijvingen" / "c.xlsx").rename(tmp_path / "c.xlsx")  # C withdraws after the scoring
    assert _besluit(ws, "terugtrekking", "--inschrijver", "C", "--ontvangen", "2026-03-19").exit_code == 0
    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    vervallen = load_workbook(ws / "beoordelingen" / "consensus.xlsx")["Vervallen"]
    assert [c.value for c in vervallen[2]][:4] == ["C", "B1", "Plan van aanpak", 50]
    (tmp_path / "c.xlsx").rename(ws / "inschrijvingen" / "c.xlsx")  # the withdrawal was a mistake
    assert _intrekken(ws, "T1").exit_code == 0
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    assert (
        "consensus.xlsx!Vervallen!A2: het panel legde voor C, perceel B1, Plan van aanpak een consensus vast (score "
        "'50'), die op het tabblad Vervallen staat omdat de inschrijving toen niet werd beoordeeld; zij wordt nu weer "
        "beoordeeld en zonder die regel op het tabblad Consensus telt het gemiddelde van de beoordelaars: "
        "'evaluatie template consensus' zet de regel terug (wat is ingevuld blijft staan)"
    ) in _plat(res.output), res.output
    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    uitslag = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    kwaliteit = {r["inschrijver"]: r["kwaliteit"] for r in uitslag["percelen"]["B1"]["rangorde"]}
    assert kwaliteit["C"] == pytest.approx(0.6 * 50 + 0.4 * 75)  # the panel's 50 counts, not the reviewers' 75

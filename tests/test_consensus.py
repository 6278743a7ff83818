"""The consensus meeting: template from three filled forms, re-runs that keep what the panel typed,
the agenda, `aggregatie: consensus` blocking the award, and the proces-verbaal in the advies."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from evaluatie.beoordeling.voorstel import voorstel
from evaluatie.cli import main
from evaluatie.definitie.model import Schaal, Schaalstap
from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import GEEN_BELANGENVERSTRENGELING, kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_consensusblad

K1, K2 = "Plan van aanpak", "Samenwerking"
# Same scores as tests/test_beoordeling.py::test_aggregatie_met_de_hand_nagerekend. Scale 0-25-50-75-100,
# signal above 1 step: X K1 steps 3,2,4 (spread 2: signal), X K2 2,2,1 (1), Y K1 1,2,2 (1), Y K2 0,4,2 (4: signal).
SCORES = {
    "Ada": {("X", K1): 75, ("X", K2): 50, ("Y", K1): 25, ("Y", K2): 0},
    "Bram": {("X", K1): 50, ("X", K2): 50, ("Y", K1): 50, ("Y", K2): 100},
    "Cor": {("X", K1): 100, ("X", K2): 25, ("Y", K1): 50, ("Y", K2): 50},
}
PANEL = {  # what the panel agrees: score and motivation per row
    ("X", K1): (75, "Panel: het plan van X werkt de intake per leerbaarheidsniveau concreet uit."),
    ("X", K2): (50, "Panel: de samenwerking van X met de klantmanager blijft algemeen."),
    ("Y", K1): (50, "Panel: het plan van Y voldoet, maar maatwerk per niveau ontbreekt."),
    ("Y", K2): (75, "Panel: Y beschrijft een maandelijks driegesprek met de gemeente."),
}


def _werkmap(tmp_path: Path, **beoordeling) -> Path:
    data = kleine_aanbesteding(beoordelaars=["Ada", "Bram", "Cor"])
    data["beoordeling"] = {"signaal_spreiding_stappen": 1, **beoordeling}
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    schrijf_bod(ws, "z.xlsx", "Z", "33333333", [("B1", 12000, 20, 12, 4, "alle")])  # above the ceiling
    _formulieren(ws, SCORES)
    return ws


def _formulieren(ws: Path, scores: dict, overschrijven: bool = False) -> None:
    """Write the blind forms and fill them as each reviewer would: own score, own motivation, signed."""
    schrijf_beoordelingsformulieren(Werkmap(ws), overschrijven)
    for n, (naam, per) in enumerate(scores.items()):
        pad = ws / "beoordelingen" / f"{naam.lower()}.xlsx"
        wb = load_workbook(pad)
        b = wb["Beoordeling"]
        b["B2"] = dt.date(2026, 3, 9 + n)
        b["B3"] = GEEN_BELANGENVERSTRENGELING
        for r in range(6, b.max_row + 1):
            sleutel = (b.cell(r, 1).value, b.cell(r, 3).value)
            if sleutel in per:
                b.cell(r, 4, per[sleutel])
                b.cell(r, 5, f"{naam[0] * 2}: {sleutel[0]} {sleutel[1]} verdient {per[sleutel]}.")  # initials: no name
        wb.save(pad)


def _run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


def _rijen(pad: Path) -> dict[tuple[str, str], int]:
    """(bidder, criterion name) -> 1-based row in the Consensus sheet."""
    ws = load_workbook(pad)["Consensus"]
    return {(ws.cell(r, 1).value, ws.cell(r, 3).value): r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value}


def _vul_panel(pad: Path, rijen: dict, datum: dt.date | None = dt.date(2026, 3, 20)) -> None:
    """The panel fills the two consensus columns (and the meeting date) the way it would in Excel."""
    vul_consensusblad(pad, rijen, datum)


def _brieftekst(pad: Path) -> str:
    d = Document(str(pad))
    delen = [p.text for p in d.paragraphs]
    for t in d.tables:
        for rij in t.rows:
            delen += [c.text for c in rij.cells]
    return "\n".join(delen)


def _procesverbaal(ws: Path) -> str:
    html = (ws / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8")
    begin = html.index('id="procesverbaal"')
    return html[begin : html.index("</section>", begin)]


def test_van_drie_formulieren_via_consensus_naar_brieven(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    res = _run("template", "consensus", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    pad = ws / "beoordelingen" / "consensus.xlsx"
    assert "2 met een signaal van onenigheid" in res.output

    wb = load_workbook(pad)
    blad = wb["Consensus"]
    assert [c.value for c in blad[4]][:8] == [
        "Inschrijver",
        "Perceel",
        "Criterium",
        "Score",
        "Toelichting",
        "Signaal",
        "Spreiding (stappen)",
        "Voorstel",
    ]
    assert (blad["D3"].value, blad["E3"].value) == ("Consensusscore", "Consensusmotivering (verplicht)")
    assert [blad.cell(3, k).value for k in (9, 11, 13)] == ["Ada", "Bram", "Cor"]  # order of `beoordelaars`
    rijen = [[c.value for c in r] for r in blad.iter_rows(min_row=5)]
    # flagged rows first (X K1, Y K2), then the rest in lot/bidder/criterion order;
    # suggestion = median to a scale point: X K1 median(75, 50, 100) = 75; Y K2 median(0, 100, 50) = 50
    assert [(r[0], r[2], r[5], r[6], r[7]) for r in rijen] == [
        ("X", K1, "ja", 2, "75"),
        ("Y", K2, "ja", 4, "50"),
        ("X", K2, None, 1, "50"),
        ("Y", K1, None, 1, "50"),
    ]
    assert rijen[1][8:14] == ["0", "AA: Y Samenwerking verdient 0.", "100", "BB: Y Samenwerking verdient 100.",
                              "50", "CC: Y Samenwerking verdient 50."]  # fmt: skip
    assert all(r[3] is None and r[4] is None for r in rijen)
    # only the panel's columns (and the date) can be edited; the reviewers' columns are read-only
    assert blad.protection.sheet
    assert not blad["D5"].protection.locked and not blad["E5"].protection.locked and not blad["B2"].protection.locked
    assert all(blad.cell(5, k).protection.locked for k in (1, 2, 3, 6, 7, 8, 9, 10, 13, 14))
    keuzes = [dv for dv in blad.data_validations.dataValidation if "D5" in dv.sqref]
    assert len(keuzes) == 1 and keuzes[0].formula1 == '"0,25,50,75,100"'
    # readable on a beamer: frozen header and keys, large wrapped text, wide motivation columns
    assert blad.freeze_panes == "D5"
    assert blad["E5"].font.sz >= 14 and blad["J5"].alignment.wrap_text
    assert blad.column_dimensions["E"].width >= 50 and blad.row_dimensions[5].height > 19

    agenda = (ws / "rapporten" / "intern" / "consensus-agenda.html").read_text(encoding="utf-8")
    assert "AA: Y Samenwerking verdient 0." in agenda and "Cor" in agenda
    assert re.search(r'<tr id="[^"]*" class="signaal" data-criterium="K2">', agenda)  # Y K2 highlighted
    assert "Krippendorffs alfa" in agenda

    _vul_panel(pad, PANEL)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    uitslag = json.loads((ws / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    kwaliteit = {r["inschrijver"]: r["kwaliteit"] for r in uitslag["percelen"]["B1"]["rangorde"]}
    # consensus counts: X = 0.6 x 75 + 0.4 x 50 = 65; Y = 0.6 x 50 + 0.4 x 75 = 60
    assert kwaliteit == pytest.approx({"X": 65.0, "Y": 60.0})
    for ins in ("X", "Y"):
        tekst = _brieftekst(ws / "rapporten" / "brieven" / f"{ins.lower()}-b1.docx")
        for (wie, _), (_, motivering) in PANEL.items():
            if wie == ins:
                assert motivering in tekst, (ins, motivering)
        assert "AA:" not in tekst and "BB:" not in tekst  # no reviewer's own words once the panel agreed

    pv = _procesverbaal(ws)
    assert "Beoordelaar A, Beoordelaar B en Beoordelaar C" in pv
    for letter, dag in (("A", 9), ("B", 10), ("C", 11)):  # each form's own signing date (see _formulieren)
        assert f"<td>Beoordelaar {letter}</td><td>{dag} maart 2026</td><td>ja</td><td>geen</td>" in pv
    assert "op 20 maart 2026 in consensusoverleg 4 van de 4" in pv
    assert "geen belangenverstrengeling" in pv and "bevatten geen prijzen" in pv
    assert not re.search(r"Ada|Bram|Cor", pv)


def test_opnieuw_draaien_bewaart_wat_het_panel_typte(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    pad = ws / "beoordelingen" / "consensus.xlsx"
    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    _vul_panel(pad, {("X", K1): PANEL[("X", K1)], ("Y", K2): (75, None)})  # Y K2: score typed, motivation not yet
    eerst = _waarden(pad)

    res = _run("template", "consensus", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert "Behouden: wat het panel al invulde op 2 regels" in res.output
    assert _waarden(pad) == eerst  # nothing lost, nothing changed
    bytes_ = pad.read_bytes()
    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    assert pad.read_bytes() == bytes_  # deterministic: a re-run of a re-run is byte-identical

    # Z corrects its price (now under the ceiling) and Y loses its keurmerk: Z is assessed, Y no longer.
    schrijf_bod(ws, "z.xlsx", "Z", "33333333", [("B1", 9800, 20, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9500, 20, 12, 4, "alle")], keurmerk="nee")
    nieuw = {naam: {k: v for k, v in per.items() if k[0] == "X"} for naam, per in SCORES.items()}
    for per in nieuw.values():
        per[("Z", K1)], per[("Z", K2)] = 50, 75
    nieuw["Ada"][("X", K1)] = 100  # a reviewer corrected a score: the read-only column follows
    _formulieren(ws, nieuw, overschrijven=True)
    res = _run("template", "consensus", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert "Vervallen: 1 ingevulde regels" in res.output

    wb = load_workbook(pad)
    blad = wb["Consensus"]
    rijen = {(r[0], r[2]): r for r in blad.iter_rows(min_row=5, values_only=True)}
    assert set(rijen) == {("X", K1), ("X", K2), ("Z", K1), ("Z", K2)}  # Z added, Y gone from the table
    assert rijen[("X", K1)][3:5] == PANEL[("X", K1)]
    assert rijen[("X", K1)][8] == "100"
    assert all(rijen[k][3] is None and rijen[k][4] is None for k in (("Z", K1), ("Z", K2), ("X", K2)))
    assert blad["B2"].value == dt.datetime(2026, 3, 20)
    assert [c.value for c in wb["Vervallen"][2]][:6] == ["Y", "B1", K2, 75, None, "niet meer ter beoordeling"]

    # a third run keeps the Vervallen sheet too; when Y is assessed again, its typed values come back
    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    assert load_workbook(pad)["Vervallen"]["A2"].value == "Y"
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    _formulieren(ws, {naam: {**SCORES[naam], **per} for naam, per in nieuw.items()}, overschrijven=True)
    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    wb = load_workbook(pad)
    assert "Vervallen" not in wb.sheetnames
    rijen = {(r[0], r[2]): r for r in wb["Consensus"].iter_rows(min_row=5, values_only=True)}
    assert rijen[("Y", K2)][3:5] == (75, None) and rijen[("X", K1)][3:5] == PANEL[("X", K1)]
    assert _run("template", "consensus", "--werkmap", str(ws), "--overschrijven").exit_code == 0
    wb = load_workbook(pad)
    assert "Vervallen" not in wb.sheetnames and wb["Consensus"]["B2"].value is None
    assert all(r[3] is None and r[4] is None for r in wb["Consensus"].iter_rows(min_row=5, values_only=True))


def _waarden(pad: Path) -> list[list[object]]:
    return [[c.value for c in r] for r in load_workbook(pad)["Consensus"].iter_rows()]


def test_onleesbaar_consensusbestand_wordt_niet_overschreven(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    pad = ws / "beoordelingen" / "consensus.xlsx"
    pad.write_bytes(b"geen werkmap")
    res = _run("template", "consensus", "--werkmap", str(ws))
    assert res.exit_code == 2
    assert "consensus.xlsx: geen Excel-werkmap (.xlsx)" in res.output
    assert "--overschrijven" in res.output
    assert pad.read_bytes() == b"geen werkmap"


def test_aggregatie_consensus_blokkeert_de_gunning_zolang_regels_open_zijn(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path, aggregatie="consensus")
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1, res.output
    assert "consensus.xlsx ontbreekt" in res.output and "alle 4 beoordeelde regels" in res.output

    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    pad = ws / "beoordelingen" / "consensus.xlsx"
    rij = _rijen(pad)
    deels = {k: v for k, v in PANEL.items() if k not in (("Y", K1), ("X", K2))}
    deels[("X", K2)] = (50, None)  # score agreed, motivation still to be written
    _vul_panel(pad, deels, datum=None)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 1, res.output
    for regel in (
        f"consensus.xlsx!Consensus!rij {rij[('Y', K1)]}: Y, perceel B1, Plan van aanpak: "
        "consensusscore en motivering ontbreken",
        f"consensus.xlsx!Consensus!rij {rij[('X', K2)]}: X, perceel B1, Samenwerking: consensusmotivering ontbreekt",
        "consensus.xlsx!Consensus!B2: datum van het consensusoverleg ontbreekt",
    ):
        assert regel in res.output
    assert "3 punten staan nog open" in res.output
    assert not (ws / "rapporten" / "gunning.json").exists()
    res = _run("beoordelingen", "--werkmap", str(ws))  # looking at the scores is still fine
    assert res.exit_code == 0 and "Consensus: 3 punten nog open" in res.output

    _vul_panel(pad, PANEL)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    assert "Alle regels zijn in consensus vastgesteld." in _procesverbaal(ws)


def test_zonder_consensus_noemt_het_advies_de_regels_zonder_motivering(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path, aggregatie="mediaan")
    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    pad = ws / "beoordelingen" / "consensus.xlsx"
    _vul_panel(pad, {("Y", K2): PANEL[("Y", K2)]}, datum=dt.date(2026, 3, 10))  # before C signed (11 March)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output
    pv = _procesverbaal(ws)
    assert "1 van de 4 beoordeelde regels" in pv
    assert "Regels beslist zonder consensusmotivering (3)" in pv
    assert "B1-route, X: Plan van aanpak; Samenwerking" in pv and "B1-route, Y: Plan van aanpak<" in pv
    assert "gedateerd vóór de ondertekening van het formulier van Beoordelaar C;" in pv

    # with mean/median a consensus score without motivation is bad input, not silently ignored
    _vul_panel(pad, {("X", K1): (75, None)})
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2
    assert f"consensus.xlsx!Consensus!E{_rijen(pad)[('X', K1)]}: toelichting ontbreekt" in res.output

    # Y fails the knock-out after all: its rows are set aside (never an error in a signed form);
    # the only error left is X's missing motivation
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 9500, 20, 12, 4, "alle")], keurmerk="nee")
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2
    rij = _rijen(pad)
    assert "Fouten in de invoer (1):" in res.output
    assert f"Consensus!A{rij[('Y', K2)]}:" not in res.output and f"Consensus!A{rij[('Y', K1)]}:" not in res.output


def test_prijs_in_een_formulier_komt_in_het_procesverbaal(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    pad = ws / "beoordelingen" / "bram.xlsx"
    wb = load_workbook(pad)
    wb["Beoordeling"]["E6"] = "Goed plan, en met EUR 9.500,00 ook scherp geprijsd."  # Y's price
    wb.save(pad)
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    pv = _procesverbaal(ws)
    assert "Beoordelaar B</td><td>10 maart 2026</td><td>ja</td><td>bedrag gelijk aan een prijs in Beoordeling!E6" in pv
    assert "Let op: in het formulier van Beoordelaar B (1 cel)" in pv
    assert "bram" not in pv.lower()


@pytest.mark.parametrize(
    ("stappen", "punten", "verwacht"),
    [
        ((0, 25, 50, 75, 100), (25, 50), 25),  # median 37.5 halfway: the lower point
        ((0, 25, 50, 75, 100), (0, 100), 50),  # median 50 is a point
        ((0, 25, 50, 75, 100), (25, 50, 100, 100), 75),  # median 75
        ((0, 1, 3, 5), (1, 3), 1),  # uneven scale: median 2 halfway between 1 and 3
        ((0, 1, 3, 5), (1, 5), 3),
        ((0, 1, 3, 5), (0, 3, 5, 5), 3),  # median 4: halfway between 3 and 5 -> 3
        ((0, 2, 4, 10), (4, 10), 4),  # median 7: 4 is 3 away, 10 is 3 away -> 4
        ((0, 2, 4, 10), (4, 4, 10, 10, 10), 10),
    ],
)
def test_voorstel_mediaan_naar_schaalpunt(stappen: tuple, punten: tuple, verwacht: float) -> None:
    schaal = Schaal(stappen=tuple(Schaalstap(punten=p) for p in stappen))
    assert voorstel(schaal, punten).punten == verwacht
    assert voorstel(schaal, ()) is None


@pytest.mark.skipif(shutil.which("chromium") is None or shutil.which("pdfinfo") is None, reason="geen chromium/pdfinfo")
def test_agenda_drukt_af_op_a4(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path)
    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    agenda = ws / "rapporten" / "intern" / "consensus-agenda.html"
    pdf = tmp_path / "agenda.pdf"
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={pdf}", agenda.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    breedte, hoogte = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert sorted((round(breedte), round(hoogte))) == [595, 842]  # A4 (landscape: three motivations side by side)


def test_consensus_alleen_nodig_voor_de_percelen_die_worden_gegund(voorbeeld: Path) -> None:
    yaml_pad = voorbeeld / "aanbesteding.yaml"
    yaml_pad.write_text(
        yaml_pad.read_text(encoding="utf-8") + "beoordeling: {aggregatie: consensus}\n", encoding="utf-8"
    )
    res = _run("template", "consensus", "--werkmap", str(voorbeeld))
    assert res.exit_code == 0, res.output
    assert "Behouden: wat het panel al invulde op 1 regel\n" in res.output  # the example's one consensus row
    pad = voorbeeld / "beoordelingen" / "consensus.xlsx"
    wb = load_workbook(pad)
    ws = wb["Consensus"]
    for r in range(5, ws.max_row + 1):
        if ws.cell(r, 2).value == "B1" and ws.cell(r, 4).value is None:
            ws.cell(r, 4, ws.cell(r, 8).value)  # the panel follows the suggestion ...
            ws.cell(r, 5, f"Panel: motivering voor {ws.cell(r, 1).value}, {ws.cell(r, 3).value}.")  # ... and says why
    wb.save(pad)
    res = _run("gunning", "--werkmap", str(voorbeeld), "--lots", "B1", "--geen-rapport")
    assert res.exit_code == 0, res.output
    res = _run("gunning", "--werkmap", str(voorbeeld), "--lots", "Z", "--geen-rapport")
    assert res.exit_code == 1
    # Z: Inburgerwijs Academie and Kompas Inburgering, 4 criteria each; nothing of B1 or onderwijs
    assert "8 punten staan nog open" in res.output
    assert "perceel B1" not in res.output and "perceel onderwijs" not in res.output


def test_consensus_op_andere_scores_dan_de_formulieren_wordt_niet_stil_toegepast(tmp_path: Path) -> None:
    """The panel decided its consensus on the scores the consensus workbook shows beside each row; when a reviewer
    changes the signed form afterwards, the consensus was taken on other scores than the forms now hold. It was
    applied in silence (advies, letters); now it is an input error at the copied cell, naming both scores and the
    form's cell, until the panel looks again ('evaluatie template consensus' brings the columns up to date and keeps
    what the panel typed)."""
    ws = _werkmap(tmp_path)
    pad = ws / "beoordelingen" / "consensus.xlsx"
    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    _vul_panel(pad, PANEL)
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0
    rij = _rijen(pad)[("X", K1)]
    ada = ws / "beoordelingen" / "ada.xlsx"
    wb = load_workbook(ada)
    plek = next(r for r in range(6, wb["Beoordeling"].max_row + 1) if wb["Beoordeling"].cell(r, 1).value == "X")
    assert wb["Beoordeling"].cell(plek, 3).value == K1
    wb["Beoordeling"].cell(plek, 4, 100)  # Ada changes her signed score after the meeting (it was 75)
    wb.save(ada)
    res = _run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 2, res.output
    # the reports of the earlier award stay, marked as not belonging to these inputs (said after the errors)
    assert "NIET-ACTUEEL.txt" in res.output
    assert " ".join(res.output.split()).startswith(
        " ".join(
            f"""Fouten in de invoer (1):
  consensus.xlsx!Consensus!I{rij}: het consensusoverleg besliste deze regel (X, perceel B1, {K1}) met de score
  '75' van Ada ernaast; het formulier van Ada geeft nu '100' (ada.xlsx!Beoordeling!D{plek}): de consensus is genomen
  op andere scores dan de formulieren nu bevatten. Laat het panel de regel opnieuw bekijken; 'evaluatie template
  consensus' zet de huidige scores in het consensusbestand en bewaart de consensusscore en -motivering""".split()
        )
    )
    assert _run("template", "consensus", "--werkmap", str(ws)).exit_code == 0
    assert _run("gunning", "--werkmap", str(ws)).exit_code == 0

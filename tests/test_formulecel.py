"""A cell that holds a formula without a saved result (a workbook written by a script: openpyxl writes the
formula, never its value) reads empty; the error says so, with the formula and what to do, instead of
"'' is geen bedrag". For bids, the panel's forms and the gemeenten's placement lists alike. A formula that
was computed (a saved value, also an empty text) reads as before."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path

from click.testing import CliRunner
from openpyxl import Workbook, load_workbook

from evaluatie.cli import main
from evaluatie.formulecel import verklaar

WAT_TE_DOEN = "Open het bestand in Excel of LibreOffice en sla het op (dan wordt de formule berekend), of vul de waarde"


def _run(*args: object) -> tuple[int, str]:
    r = CliRunner().invoke(main, [str(a) for a in args])
    assert "Traceback" not in r.output
    return r.exit_code, " ".join(r.output.split())


def _zet(pad: Path, blad: str, waarden: dict[str, object]) -> None:
    wb = load_workbook(pad)
    for cel, waarde in waarden.items():
        wb[blad][cel] = waarde
    wb.save(pad)


def _met_waarde(pad: Path, cel: str, v: str, t: str | None = None) -> None:
    """Give the formula in `cel` a saved result, as Excel does on saving (t='str' for a text result)."""
    bron = pad.with_suffix(".oud")
    shutil.move(pad, bron)
    with zipfile.ZipFile(bron) as zin, zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as zuit:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                tekst = data.decode()
                soort = f' t="{t}"' if t else ""
                tekst, n = re.subn(
                    rf'<c r="{cel}"([^>]*)>(<f>[^<]*</f>)<v\s*/?>(</v>)?', rf'<c r="{cel}"{soort}>\2<v>{v}</v>', tekst
                )
                data = tekst.encode() if n else data
            zuit.writestr(info, data)
    bron.unlink()


def test_bod_met_formules_zonder_uitkomst(voorbeeld: Path) -> None:
    pad = voorbeeld / "inschrijvingen" / "kompas.xlsx"
    _zet(pad, "Percelen", {"B2": "=9000+500", "C2": "=SUM(D2:D3)"})
    code, uit = _run("toets", "--werkmap", voorbeeld)
    assert code == 2, uit
    assert "kompas.xlsx!Percelen!B2: de cel bevat een formule (=9000+500) zonder berekende waarde" in uit
    assert "kompas.xlsx!Percelen!C2: de cel bevat een formule (=SUM(D2:D3)) zonder berekende waarde" in uit
    assert WAT_TE_DOEN in uit
    assert "'' is geen" not in uit and "kompas.xlsx!Percelen!B2: Prijs" not in uit  # the old words are gone


def test_bod_met_berekende_formule_leest_als_voorheen(voorbeeld: Path) -> None:
    """Excel's save: the same formulas with their results; the bid reads, the price is the computed one."""
    pad = voorbeeld / "inschrijvingen" / "kompas.xlsx"
    oud = load_workbook(pad)["Percelen"]["C2"].value
    _zet(pad, "Percelen", {"B2": "=9000+500", "C2": f"={oud}+0"})
    _met_waarde(pad, "B2", "9500")
    _met_waarde(pad, "C2", str(oud))
    code, uit = _run("toets", "--werkmap", voorbeeld)
    assert code in (0, 1), uit  # no input error
    assert "formule" not in uit


def test_verklaar_kent_een_lege_tekstuitkomst_als_berekend(tmp_path: Path) -> None:
    """=IF(..., "", ...) saved by Excel holds an empty text result: that cell is empty on purpose."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Blad"
    ws["A1"], ws["A2"] = '=IF(1,"","x")', "=1+1"
    pad = tmp_path / "b.xlsx"
    wb.save(pad)
    _met_waarde(pad, "A1", "", t="str")
    fouten = [("b.xlsx!Blad!A1", "verplicht"), ("b.xlsx!Blad!A2", "'' is geen bedrag"), ("b.xlsx!Blad!A2", "leeg")]
    uit = verklaar(fouten, {"b.xlsx": pad})
    assert uit[0] == ("b.xlsx!Blad!A1", "verplicht")
    assert uit[1][0] == "b.xlsx!Blad!A2" and uit[1][1].startswith("de cel bevat een formule (=1+1) zonder")
    assert len(uit) == 2  # one line for the cell, not two


def test_beoordelingsformulier_met_formule(voorbeeld: Path) -> None:
    _zet(voorbeeld / "beoordelingen" / "mehmet-yilmaz.xlsx", "Beoordeling", {"D6": '=IF(1,"goed","")'})
    code, uit = _run("gunning", "--werkmap", voorbeeld, "--lots", "B1")
    assert code == 2, uit
    assert 'mehmet-yilmaz.xlsx!Beoordeling!D6: de cel bevat een formule (=IF(1,"goed","")) zonder' in uit


def test_plaatsingslijst_met_formule(voorbeeld: Path, tmp_path: Path) -> None:
    assert _run("gunning", "--werkmap", voorbeeld, "--lots", "B1,onderwijs,Z")[0] == 0
    door = ["--door", "S. Jansen, contractmanager", "--reden", "volgens het contract"]
    assert _run("contract", "start", "--werkmap", voorbeeld, "--datum", "2022-01-01", *door)[0] == 0
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Export"
    ws.append(["klantnummer", "gemeente", "gebeurtenis", "datum", "route", "aanbieder", "uitslag"])
    ws.append(["K-1", "Huizen", "aangemeld", "=DATE(2022,2,1)", "B1", "Kompas Inburgering", None])
    ws.append(["K-2", "Huizen", "aangemeld", dt.date(2022, 2, 1), "B1", "Kompas Inburgering", None])
    wb.save(tmp_path / "huizen.xlsx")
    code, uit = _run("contract", "inlezen", "--werkmap", voorbeeld, tmp_path / "huizen.xlsx")
    assert code == 2, uit
    assert "huizen.xlsx!Export!D2: de cel bevat een formule (=DATE(2022,2,1)) zonder berekende waarde" in uit
    assert "is geen datum" not in uit


def test_een_foutwaarde_heet_geen_lege_cel(voorbeeld: Path) -> None:
    """A formula that Excel could not compute saves its error value (#DIV/0!, t="e"); python-calamine reads that
    cell as empty, so the bidder read 'prijs per traject ontbreekt' about a cell that shows #DIV/0! in Excel. The
    error now names the error value and the formula, and what to do; #N/A typed in a cell is an error value too."""
    pad = voorbeeld / "inschrijvingen" / "kompas.xlsx"
    _zet(pad, "Percelen", {"B2": "=9000/0", "E2": "=NA()"})
    _met_waarde(pad, "B2", "#DIV/0!", t="e")
    _met_waarde(pad, "E2", "#N/A", t="e")
    code, uit = _run("toets", "--werkmap", voorbeeld)
    assert code == 2, uit
    assert (
        "kompas.xlsx!Percelen!B2: de cel toont de foutwaarde #DIV/0! (in een Nederlandse Excel: #DEEL/0!) van een "
        "formule (=9000/0): Excel kon de formule niet berekenen, dus er staat geen waarde om in te lezen. Verbeter de "
        "formule, of vul de waarde zelf in"
    ) in uit
    assert "kompas.xlsx!Percelen!E2: de cel toont de foutwaarde #N/A (in een Nederlandse Excel: #N/B) van een " in uit
    assert "ontbreekt" not in uit


def test_een_consensusregel_met_foutwaarden_is_niet_stil_leeg(voorbeeld: Path) -> None:
    """A consensus row whose score and motivation are formulas Excel could not compute (#N/A of a lookup) read as
    an empty row: with aggregatie 'gemiddelde' that is no consensus at all, and the mean counted without a word.
    Every error value in the consensus table is now an input error at its cell."""
    pad = voorbeeld / "beoordelingen" / "consensus.xlsx"
    assert load_workbook(pad)["Consensus"]["D6"].value == "goed"  # the example's one consensus row
    _zet(pad, "Consensus", {"D6": "=VLOOKUP(A6,X:Y,2,0)", "E6": "=VLOOKUP(A6,X:Z,3,0)"})
    _met_waarde(pad, "D6", "#N/A", t="e")
    _met_waarde(pad, "E6", "#N/A", t="e")
    code, uit = _run("beoordelingen", "--werkmap", voorbeeld)
    assert code == 2, uit
    assert (
        "consensus.xlsx!Consensus!D6: de cel toont de foutwaarde #N/A (in een Nederlandse Excel: #N/B) van een "
        "formule (=VLOOKUP(A6,X:Y,2,0))" in uit
    )
    assert "consensus.xlsx!Consensus!E6: de cel toont de foutwaarde #N/A" in uit


def test_template_consensus_overschrijft_geen_foutwaarden(voorbeeld: Path) -> None:
    """A re-run of 'template consensus' keeps what the panel typed; a score and motivation that are formulas with an
    error value read as empty, so the re-run wrote the row back empty and the panel's formulas were gone without a
    word. It now refuses, naming the cells, and the file stays as it was."""
    pad = voorbeeld / "beoordelingen" / "consensus.xlsx"
    _zet(pad, "Consensus", {"D6": "=VLOOKUP(A6,X:Y,2,0)", "E6": "=VLOOKUP(A6,X:Z,3,0)"})
    _met_waarde(pad, "D6", "#N/A", t="e")
    _met_waarde(pad, "E6", "#N/A", t="e")
    eerst = pad.read_bytes()
    code, uit = _run("template", "consensus", "--werkmap", voorbeeld)
    assert code == 2, uit
    assert "consensus.xlsx!Consensus!D6: de cel toont de foutwaarde #N/A" in uit
    assert "consensus.xlsx!Consensus!E6: de cel toont de foutwaarde #N/A" in uit
    assert "het bestaande consensusbestand wordt niet overschreven" in uit
    assert pad.read_bytes() == eerst

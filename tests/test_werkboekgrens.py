"""Bounds on what reading a workbook inflates (evaluatie.werkboekgrens), with the workbooks built here.

The hostile shapes: a sheet part stored elsewhere than xl/worksheets/, an upper-case part name,
a declared dimension far out, one shared string referred to by every cell, and a table that lies
about its size. None of them may reach python-calamine; the peak-memory test reads a workbook
crafted to every documented bound at once, in a fresh process, and compares its peak RSS with the
bound the README states.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from evaluatie import werkboek, werkboekgrens
from evaluatie.fouten import Verzamelaar
from evaluatie.werkboekgrens import MAX_CELLEN, MAX_KOLOMMEN, MAX_PIEK_MB, MAX_RIJEN, MAX_TEKENS
from tests.ruw_xlsx import Blad, Werkboek, schrijf


@pytest.fixture
def zonder_calamine(monkeypatch: pytest.MonkeyPatch) -> None:
    """A workbook the bounds refuse must never reach calamine (which would try to allocate it)."""
    import python_calamine

    def verboden(*args: object, **kwargs: object) -> None:
        raise AssertionError("calamine mag dit werkboek niet lezen")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", verboden)


def _lees(pad: Path) -> list[str]:
    fouten = Verzamelaar()
    assert werkboek.lees_werkboek(pad, pad.name, fouten) is None
    return [str(f) for f in fouten.fouten]


def _een_cel(cel_kolom: int, rij: int) -> list[list[tuple[int, str]]]:
    return [[(0, "<v>1</v>")]] + [[] for _ in range(rij - 2)] + [[(cel_kolom, "<v>2</v>")]]


@pytest.mark.parametrize(
    "deel",
    ["data/blad.xml", "xl/worksheets/sheet3.XML", "XL/Worksheets/Blad.xml", "xl/elders/sheet1.bin.xml"],
)
def test_verplaatst_of_anders_genoemd_blad_wordt_begrensd(deel: str, tmp_path: Path, zonder_calamine: None) -> None:
    """The sheet part is found through the relationships, whatever its folder, name or case."""
    pad = schrijf(
        tmp_path / "bod.xlsx",
        Werkboek([Blad("Percelen", [[(0, "<v>1</v>")], [(16383, "<v>2</v>")]], deel=deel, soort="n")]),
    )
    assert _lees(pad) == [
        "bod.xlsx!Percelen!XFD2: waarde of opmaak ver buiten het formulier (hoogstens 20.000 rijen en 200 kolommen "
        "worden gelezen); maak die cel leeg"
    ]


def test_verste_cel_onderaan_in_verplaatst_blad(tmp_path: Path, zonder_calamine: None) -> None:
    blad = Blad("Inschrijver", [[(0, "<v>1</v>")]], deel="custom/x.xml", soort="n", dimensie="A1:A1")
    pad = _met_cel(schrijf(tmp_path / "bod.xlsx", Werkboek([blad])), "custom/x.xml", "A1048576")
    (fout,) = _lees(pad)
    assert fout.startswith("met-bod.xlsx!Inschrijver!A1048576: waarde of opmaak ver buiten het formulier")


def _met_cel(pad: Path, deel: str, cel: str) -> Path:
    """Rewrite one sheet part of `pad` with an extra cell `cel` (raw zip surgery)."""
    import zipfile

    uit = pad.with_name("met-" + pad.name)
    with zipfile.ZipFile(pad) as bron, zipfile.ZipFile(uit, "w") as doel:
        for info in bron.infolist():
            data = bron.read(info)
            if info.filename == deel:
                data = data.replace(b"</sheetData>", f'<row><c r="{cel}"><v>9</v></c></row></sheetData>'.encode())
            doel.writestr(info, data)
    return uit


def test_verklaarde_dimensie_ver_buiten_het_formulier(tmp_path: Path, zonder_calamine: None) -> None:
    pad = schrijf(
        tmp_path / "bod.xlsx",
        Werkboek([Blad("Percelen", [[(0, "<v>1</v>")]], soort="n", dimensie="A1:XFD1048576")]),
    )
    (fout,) = _lees(pad)
    assert fout.startswith("bod.xlsx!Percelen: het tabblad verklaart een bereik tot XFD1048576")


def test_een_gedeelde_tekst_in_iedere_cel(tmp_path: Path, zonder_calamine: None) -> None:
    """The trial's workbook: every cell of 2.000 x 200 refers to one 20 KB shared string (8 GB as text)."""
    rijen = ([(k, "<v>0</v>") for k in range(MAX_KOLOMMEN)] for _ in range(2_000))
    pad = schrijf(tmp_path / "bom.xlsx", Werkboek([Blad("Percelen", rijen)], ["x" * 20_000]))
    assert pad.stat().st_size < werkboekgrens.MAX_BESTAND_BYTES
    (fout,) = _lees(pad)
    # 20 KB per cell: the character bound trips after 1.000 cells, long before the rectangle is walked
    assert fout.startswith(f"bom.xlsx!Percelen: de cellen bevatten samen meer dan {MAX_TEKENS // 1_000_000} MB tekst")


def test_gedeelde_tabel_die_over_zijn_omvang_liegt(tmp_path: Path, zonder_calamine: None) -> None:
    pad = schrijf(
        tmp_path / "bod.xlsx",
        Werkboek([Blad("Percelen", [[(0, "<v>0</v>")]])], ["a"], gedeeld_aantal=4_000_000_000),
    )
    (fout,) = _lees(pad)
    assert "gedeelde teksten noemt meer dan 1.000.000 teksten" in fout


def test_te_veel_cellen_over_de_tabbladen_samen(tmp_path: Path, zonder_calamine: None) -> None:
    """Each sheet within rows and columns, together more than MAX_CELLEN cells of rectangle."""
    bladen = [
        Blad(f"B{i}", [[(0, "<v>1</v>")], [(99, "<v>1</v>")]] + [[] for _ in range(0)], deel=f"xl/worksheets/s{i}.xml")
        for i in range(2)
    ]
    for b in bladen:
        b.rijen = [[(0, "<v>1</v>")]] + [[] for _ in range(6_000)] + [[(99, "<v>1</v>")]]
        b.soort = "n"
    pad = schrijf(tmp_path / "bod.xlsx", Werkboek(bladen))
    assert MAX_CELLEN < 2 * 6_002 * 100
    (fout,) = _lees(pad)
    assert "bod.xlsx!B1: de tabbladen beslaan samen meer dan 1.000.000 cellen" in fout


def test_te_lange_inline_tekst(tmp_path: Path, zonder_calamine: None) -> None:
    blad = Blad("Percelen", [[(0, f"<is><t>{'x' * 3_000_000}</t></is>")]], soort="inlineStr")
    (fout,) = _lees(schrijf(tmp_path / "bod.xlsx", Werkboek([blad])))
    assert "32.767 tekens per cel" in fout


def test_gewoon_werkboek_wordt_gelezen(tmp_path: Path) -> None:
    pad = schrijf(
        tmp_path / "bod.xlsx",
        Werkboek([Blad("Percelen", [[(0, "<v>0</v>"), (1, "<v>1</v>")]], deel="elders/blad.xml")], ["B1", "één"]),
    )
    fouten = Verzamelaar()
    tabbladen = werkboek.lees_werkboek(pad, pad.name, fouten)
    assert not fouten and tabbladen is not None
    assert tabbladen["Percelen"].rijen == [["B1", "één"]]


_PIEK = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from evaluatie import werkboek
    from evaluatie.fouten import Verzamelaar
    fouten = Verzamelaar()
    bladen = werkboek.lees_werkboek(Path(sys.argv[1]), "grens.xlsx", fouten)
    cellen = sum(len(r) for b in (bladen or {}).values() for r in b.rijen)
    # VmHWM: the peak of this process's own memory map. Not getrusage's ru_maxrss: Linux carries the
    # parent's peak over into a child started by fork or vfork and exec, so under a large pytest
    # process ru_maxrss measured pytest, not this reading.
    status = Path("/proc/self/status").read_text()
    piek = int(status.split("VmHWM:")[1].split()[0]) // 1024
    print(json.dumps({"fouten": [str(f) for f in fouten.fouten], "cellen": cellen, "piek_mb": piek}))
    """
)


@pytest.mark.parametrize("teken", ["x", "\U0001f600"], ids=["ascii", "4-byte-tekens"])
def test_piekgeheugen_op_de_grenzen(teken: str, tmp_path: Path) -> None:
    """A workbook at every bound at once is read, and the reading process stays under MAX_PIEK_MB.

    1.000.000 cells (MAX_CELLEN: 20.000 rows x 50 columns), each its own shared string, the table
    and the cells each just under MAX_TEKENS bytes of text. Read in a fresh process so that the
    peak RSS (VmHWM of that process's own memory map) is this reading alone.
    """
    if not Path("/proc/self/status").exists():
        pytest.skip("the peak of one process's memory map is read from /proc/self/status (Linux only)")
    kolommen = MAX_CELLEN // MAX_RIJEN
    n = MAX_RIJEN * kolommen
    lengte = MAX_TEKENS // n  # bytes per string
    eenheid = len(teken.encode())
    gedeeld = [f"{i:0{lengte - eenheid}d}"[-(lengte - eenheid) :] + teken for i in range(n)]
    assert sum(len(s.encode()) for s in gedeeld) == MAX_TEKENS
    rijen = ([(k, f"<v>{r * kolommen + k}</v>") for k in range(kolommen)] for r in range(MAX_RIJEN))
    pad = schrijf(tmp_path / "grens.xlsx", Werkboek([Blad("Blad", rijen)], gedeeld))
    del gedeeld
    uit = subprocess.run([sys.executable, "-c", _PIEK, str(pad)], capture_output=True, text=True, check=True)
    meting = json.loads(uit.stdout)
    assert meting["fouten"] == [] and meting["cellen"] == n
    assert meting["piek_mb"] < MAX_PIEK_MB, meting


def test_opgemaakte_gedeelde_tekst_telt_ieder_stuk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A shared string in runs (<r><t>..</t></r>) counts all its runs, not only a plain <t>."""
    import zipfile

    pad = schrijf(tmp_path / "bod.xlsx", Werkboek([Blad("Percelen", [[(0, "<v>0</v>")]])], ["abc"]))
    uit = tmp_path / "runs.xlsx"
    with zipfile.ZipFile(pad) as bron, zipfile.ZipFile(uit, "w") as doel:
        for info in bron.infolist():
            data = bron.read(info)
            if info.filename == "xl/sharedStrings.xml":
                data = data.replace(b"<si><t>abc</t></si>", b"<si><r><t>abc</t></r><r><t>defg</t></r></si>")
            doel.writestr(info, data)
    monkeypatch.setattr(werkboekgrens, "MAX_TEKENS", 6)
    with pytest.raises(werkboekgrens.TeGroot, match="gedeelde teksten zijn samen meer dan"):
        werkboekgrens.controleer(uit, "runs.xlsx")
    monkeypatch.setattr(werkboekgrens, "MAX_TEKENS", 7)
    werkboekgrens.controleer(uit, "runs.xlsx")  # 7 characters: table and cell each exactly at the bound


def _lieg_over_grootte(pad: Path, deel: str, grootte: int) -> Path:
    """Patch the uncompressed size of `deel` in its local header and the central directory."""
    import struct
    import zipfile

    data = bytearray(pad.read_bytes())
    with zipfile.ZipFile(pad) as z:
        info = z.getinfo(deel)
    struct.pack_into("<I", data, info.header_offset + 22, grootte)
    naam = deel.encode()
    i = data.find(b"PK\x01\x02")
    while i >= 0:
        lengte = struct.unpack_from("<H", data, i + 28)[0]
        if bytes(data[i + 46 : i + 46 + lengte]) == naam:
            struct.pack_into("<I", data, i + 24, grootte)
        i = data.find(b"PK\x01\x02", i + 4)
    uit = pad.with_name("gelogen-" + pad.name)
    uit.write_bytes(bytes(data))
    return uit


def test_onderdeel_dat_over_zijn_grootte_liegt(tmp_path: Path, zonder_calamine: None) -> None:
    """A header that declares 1 KB for a sheet that inflates to 200 KB: refused before any reader trusts it."""
    rijen = ([(k, "<v>1</v>") for k in range(10)] for _ in range(1_000))
    pad = schrijf(tmp_path / "bod.xlsx", Werkboek([Blad("Percelen", rijen, soort="n")]))
    (fout,) = _lees(_lieg_over_grootte(pad, "xl/worksheets/sheet1.xml", 1_000))
    assert fout.startswith("gelogen-bod.xlsx!xl/worksheets/sheet1.xml: pakt groter uit dan het zip-archief opgeeft")

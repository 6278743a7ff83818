"""The size check inflates each part once (evaluatie.werkboekgrens._Zip): what it keeps is exactly what
zipfile reads, and a part zipfile would refuse is still refused, with the same message as before."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from evaluatie import werkboekgrens
from tests.test_werkboekgrens_snel import VOORBEELD, _uitkomst


def _zonder_bewaren(pad: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str] | None:
    """The outcome when nothing is kept: every part read by zipfile itself (the check as it was)."""
    with monkeypatch.context() as m:
        m.setattr(werkboekgrens, "_bewaar", lambda *a: None)
        return _uitkomst(pad)


def test_bewaard_is_wat_zipfile_leest() -> None:
    for pad in sorted(VOORBEELD.glob("*/*.xlsx")):
        with werkboekgrens._Zip(pad) as zf:
            zf.uitgepakt = {}
            with open(pad, "rb") as fp:
                for info in zf.infolist():
                    werkboekgrens._echte_grootte(fp, info, pad.name, zf.uitgepakt)
            infos = zf.infolist()
            assert len(zf.uitgepakt) == len(infos)  # every part of an ordinary form is kept
            for info in infos:
                assert zf.read(info) == zipfile.ZipFile.read(zf, info)


def _centraal(data: bytes, naam: bytes) -> int:
    """Offset of the central directory record of part `naam`."""
    i = data.index(b"PK\x01\x02")  # the first record; the records follow each other
    while True:
        n, e, c = struct.unpack("<HHH", data[i + 28 : i + 34])
        if data[i + 46 : i + 46 + n] == naam:
            return i
        i += 46 + n + e + c


def _kopie(tmp_path: Path) -> tuple[Path, bytes]:
    bron = VOORBEELD / "inschrijvingen" / "kompas.xlsx"
    return tmp_path / "kompas.xlsx", bron.read_bytes()


def test_verkeerde_crc_blijft_geweigerd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pad, data = _kopie(tmp_path)
    i = _centraal(data, b"xl/worksheets/sheet4.xml")
    (crc,) = struct.unpack("<I", data[i + 16 : i + 20])
    pad.write_bytes(data[: i + 16] + struct.pack("<I", crc ^ 1) + data[i + 20 :])
    uitkomst = _uitkomst(pad)
    assert uitkomst == (pad.name, "geen leesbare Excel-werkmap (beschadigd zip-archief)")
    assert uitkomst == _zonder_bewaren(pad, monkeypatch)


def test_andere_naam_in_lokale_kop_blijft_geweigerd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pad, data = _kopie(tmp_path)
    lokaal = data.index(b"PK\x03\x04")  # the first local header; the parts follow each other
    while True:
        n, e = struct.unpack("<HH", data[lokaal + 26 : lokaal + 30])
        if data[lokaal + 30 : lokaal + 30 + n] == b"xl/worksheets/sheet4.xml":
            break
        (grootte,) = struct.unpack("<I", data[lokaal + 18 : lokaal + 22])
        lokaal += 30 + n + e + grootte
    naam_begin = lokaal + 30
    pad.write_bytes(data[:naam_begin] + b"xl/worksheets/sheet9.xml" + data[naam_begin + n :])
    uitkomst = _uitkomst(pad)
    assert uitkomst == _zonder_bewaren(pad, monkeypatch)
    assert uitkomst is not None and "beschadigd" in uitkomst[1]

"""The prepared Word package that ships with the code is exactly what python-docx's template gives.

evaluatie.rapport.document reads brief_sjabloon.zip instead of preparing it from python-docx in
every award; this test prepares it from python-docx and compares byte for byte, so an upgraded
python-docx with another template fails here (regenerate: schrijf_sjabloonbestand()).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx

from evaluatie.rapport.document import SJABLOONBESTAND, Document, bouw_sjabloon, schrijf_sjabloonbestand, sjabloon


def test_meegeleverd_pakket_is_dat_van_python_docx() -> None:
    assert SJABLOONBESTAND.read_bytes() == bouw_sjabloon().zip([])
    assert sjabloon() == bouw_sjabloon()


def test_schrijf_sjabloonbestand_maakt_hetzelfde_bestand(tmp_path: Path) -> None:
    assert schrijf_sjabloonbestand(tmp_path / "s.zip").read_bytes() == SJABLOONBESTAND.read_bytes()


def test_brief_uit_het_pakket_is_een_geldig_worddocument() -> None:
    d = Document("Gunningsbeslissing perceel B1", kenmerk="X-1")
    d.alinea("Geachte heer, mevrouw,")
    d.tabel(["inschrijver", "rang"], [["A & B", 1]])
    data = d.docx("Gemeente Hilversum", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    gelezen = docx.Document(io.BytesIO(data))
    assert [p.text for p in gelezen.paragraphs][:2] == ["Gunningsbeslissing perceel B1", "Geachte heer, mevrouw,"]
    assert gelezen.tables[0].cell(1, 0).text == "A & B"
    assert gelezen.styles["Normal"].font.name == "Calibri"


def test_delen_die_iedere_brief_deelt_een_keer_gecomprimeerd(monkeypatch) -> None:
    """The footer and app.xml are the same in every letter of a run: deflated once (issue #24), and the letters are
    the same bytes as with every part deflated anew."""
    import evaluatie.rapport.document as document

    def brieven() -> list[bytes]:
        uit = []
        for i in range(3):
            d = Document(f"Gunningsbeslissing {i}", kenmerk=f"X-{i}")
            d.alinea(f"Brief {i}")
            uit.append(d.docx("Gemeente Hilversum", dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
        return uit

    document._gedeeld_deel.cache_clear()
    gedeeld = brieven()
    assert document._gedeeld_deel.cache_info().misses == 2  # footer and app.xml, for three letters
    monkeypatch.setattr(document, "_gedeeld_deel", document._deel)
    assert brieven() == gedeeld

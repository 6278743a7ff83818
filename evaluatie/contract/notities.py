"""Notes (comments) on the cells of a gemeente's workbook: text the intake never reads but would keep.

Why refuse them: `contract inlezen` keeps every file whole in contract/aanleveringen and the dossier, while it
reads only cell values. A note such as 'BSN 123456782, mw. Jansen belt terug' would enter the archive unread -
the same reason a filled cell in a column an event does not use is an error. So every note (the legacy kind and
the threaded comments of current Excel) is an error at its cell; the klantmanager removes them and sends again.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _naam(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _doelen(z: zipfile.ZipFile, deel: str) -> dict[str, str]:
    """The relationships of part `deel`: id -> target path inside the archive."""
    map_, bestand = posixpath.split(deel)
    rels = posixpath.join(map_, "_rels", bestand + ".rels")
    if rels not in z.namelist():
        return {}
    uit = {}
    for r in ET.fromstring(z.read(rels)):
        doel = r.get("Target", "")
        pad = doel.lstrip("/") if doel.startswith("/") else posixpath.normpath(posixpath.join(map_, doel))
        uit[r.get("Id", "")] = pad
    return uit


def cellen_met_notitie(pad: Path) -> list[tuple[str | None, str | None]]:
    """(sheet, cell) of every note in the workbook, in sheet order; (None, None) for a notes part no sheet refers to
    (it is in the file all the same)."""
    with zipfile.ZipFile(pad) as z:
        delen = _notitiedelen(z)
        if not delen:
            return []
        gezien: set[str] = set()
        uit: list[tuple[str | None, str | None]] = []
        boek = ET.fromstring(z.read("xl/workbook.xml"))
        bladen = _doelen(z, "xl/workbook.xml")
        for blad in (e for e in boek.iter() if _naam(e.tag) == "sheet"):
            bladpad = bladen.get(blad.get(_REL, ""), "")
            for doel in _doelen(z, bladpad).values():
                if doel in delen:
                    gezien.add(doel)
                    refs = {e.get("ref") for e in ET.fromstring(z.read(doel)).iter() if e.get("ref")}
                    uit += [(blad.get("name"), ref) for ref in sorted(refs, key=_volgorde)]
        uit += [(None, None) for d in delen if d not in gezien]
        return list(dict.fromkeys(uit))


def _notitiedelen(z: zipfile.ZipFile) -> list[str]:
    """The parts holding notes, by their content type (Excel names them xl/comments1.xml, openpyxl
    xl/comments/comment1.xml) and by the usual names, in case a writer left the type out."""
    namen = z.namelist()
    uit = {n for n in namen if posixpath.basename(n.lower()).startswith("comment") or "threadedcomments/" in n.lower()}
    if "[Content_Types].xml" in namen:
        for e in ET.fromstring(z.read("[Content_Types].xml")):
            if _naam(e.tag) == "Override" and (e.get("ContentType") or "").lower().endswith("comments+xml"):
                uit.add((e.get("PartName") or "").lstrip("/"))
    return sorted(n for n in uit if n in namen and n.lower().endswith(".xml"))


def _volgorde(ref: str | None) -> tuple[int, int]:
    """A1 before B1 before A2: row, then column."""
    t = ref or ""
    letters = "".join(c for c in t if c.isalpha()).upper()
    kolom = 0
    for c in letters:
        kolom = kolom * 26 + ord(c) - 64
    cijfers = "".join(c for c in t if c.isdigit())
    return (int(cijfers) if cijfers else 0, kolom)

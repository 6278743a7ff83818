"""A tiny document model rendered to both HTML and Word, so letters say the same in both."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from evaluatie.ooxml import bewaar_document
from evaluatie.rapport.html import e, pagina, tabel


@dataclass
class Document:
    titel: str
    blokken: list[tuple] = field(default_factory=list)

    def kop(self, tekst: str) -> None:
        self.blokken.append(("kop", tekst))

    def alinea(self, tekst: str, klein: bool = False) -> None:
        if tekst.endswith(".."):  # a name ending in a period ('B.V.') closes the sentence itself
            tekst = tekst[:-1]
        self.blokken.append(("alinea", tekst, klein))

    def opsomming(self, items: Sequence[str]) -> None:
        if items:
            self.blokken.append(("opsomming", list(items)))

    def tabel(self, kop: Sequence[str], rijen: Sequence[Sequence[object]]) -> None:
        self.blokken.append(("tabel", list(kop), [list(r) for r in rijen]))

    def html(self) -> str:
        delen = []
        for b in self.blokken:
            if b[0] == "kop":
                delen.append(f"<h3>{e(b[1])}</h3>")
            elif b[0] == "alinea":
                delen.append(f'<p class="klein">{e(b[1])}</p>' if b[2] else f"<p>{e(b[1])}</p>")
            elif b[0] == "opsomming":
                delen.append("<ul>" + "".join(f"<li>{e(x)}</li>" for x in b[1]) + "</ul>")
            else:
                delen.append(tabel(b[1], b[2]))
        return pagina(self.titel, f"<h1>{e(self.titel)}</h1>\n" + "\n".join(delen))

    def schrijf_docx(self, pad: Path, auteur: str, tijdstip: dt.datetime) -> Path:
        from docx import Document as Word
        from docx.shared import Pt

        doc = Word()
        doc.styles["Normal"].font.name = "Calibri"
        doc.styles["Normal"].font.size = Pt(10.5)
        doc.core_properties.author = auteur
        doc.core_properties.title = self.titel
        doc.core_properties.created = tijdstip
        doc.core_properties.modified = tijdstip
        doc.core_properties.last_modified_by = auteur
        doc.add_heading(self.titel, level=1)
        for b in self.blokken:
            if b[0] == "kop":
                doc.add_heading(b[1], level=2)
            elif b[0] == "alinea":
                p = doc.add_paragraph(b[1])
                if b[2]:
                    for run in p.runs:
                        run.font.size = Pt(8.5)
            elif b[0] == "opsomming":
                for x in b[1]:
                    doc.add_paragraph(x, style="List Bullet")
            else:
                t = doc.add_table(rows=1, cols=len(b[1]))
                t.style = "Table Grid"
                for j, k in enumerate(b[1]):
                    t.rows[0].cells[j].text = str(k)
                    for run in t.rows[0].cells[j].paragraphs[0].runs:
                        run.font.bold = True
                for rij in b[2]:
                    cellen = t.add_row().cells
                    for j, w in enumerate(rij):
                        cellen[j].text = str(w)
        bewaar_document(doc, pad, tijdstip)
        return pad

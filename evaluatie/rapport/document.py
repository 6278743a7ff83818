"""A tiny document model rendered to both HTML and Word, so letters say the same in both.

Word files are built from one prepared package (`Sjabloon`): the static parts of
python-docx's default template (styles, numbering, theme, ...), deflated, and each letter only
adds its own `word/document.xml` and properties. That is what makes hundreds of letters cheap
(python-docx per letter re-parses 400 kB of styles). The zip is written with fixed timestamps,
so the same letter gives the same bytes.

The prepared package ships with the code (brief_sjabloon.zip next to this module): preparing it
from python-docx (open its template, set the font, save, deflate 440 kB of styles) cost 17 ms cpu
in every award, for bytes that depend on nothing but python-docx's template. `bouw_sjabloon`
prepares it from python-docx as before; tests/test_brief_sjabloon.py checks that the shipped
file is exactly that, so a new python-docx template cannot go unnoticed (regenerate the file
with `schrijf_sjabloonbestand()`).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from evaluatie.rapport.html import Cel, css_tekst, e, isoleer_rtl_tekst, pagina, tabel

# A4 in twentieths of a point (210 x 297 mm), margins 2.5 cm.
A4_BREEDTE, A4_HOOGTE, MARGE = 11906, 16838, 1418
_ONGELDIG_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
KLEINE_TABEL = 12  # rows: a table this short is kept together with its introducing sentence in print
_DOS_DATUM = (0 << 9) | (1 << 5) | 1  # 1980-01-01, the zip epoch: no clock time in the file


@dataclass
class Document:
    titel: str
    blokken: list[tuple] = field(default_factory=list)
    onderwerp: str = ""  # docx core property 'subject'
    trefwoorden: str = ""  # docx core property 'keywords' (e.g. the kenmerk)
    kenmerk: str = ""  # a letter's reference: on every page (header) next to 'Pagina n van m' (footer)

    def kop(self, tekst: str) -> None:
        self.blokken.append(("kop", tekst))

    def alinea(self, tekst: str, klein: bool = False) -> None:
        if tekst.endswith(".."):  # a name ending in a period ('B.V.') closes the sentence itself
            tekst = tekst[:-1]
        self.blokken.append(("alinea", tekst, klein))

    def witregel(self) -> None:
        """One blank line: between sender, addressee, reference block and salutation of a letter."""
        self.blokken.append(("witregel",))

    def regels(self, regels: Sequence[str]) -> None:
        """One paragraph of separate lines (an address block, a signature)."""
        regels = [r for r in regels if r]
        if regels:
            self.blokken.append(("regels", list(regels)))

    def opsomming(self, items: Sequence[str]) -> None:
        if items:
            self.blokken.append(("opsomming", list(items)))

    def tabel(self, kop: Sequence[str], rijen: Sequence[Sequence[object]]) -> None:
        self.blokken.append(("tabel", list(kop), [list(r) for r in rijen]))

    def tekst(self) -> str:
        """All text in reading order (for tests and search)."""
        delen = [self.titel]
        for b in self.blokken:
            if b[0] == "witregel":
                delen.append("")
            elif b[0] in ("kop", "alinea"):
                delen.append(b[1])
            elif b[0] in ("regels", "opsomming"):
                delen += b[1]
            else:
                delen += [" | ".join(str(x) for x in r) for r in [b[1], *b[2]]]
        return "\n".join(delen)

    def html(self) -> str:
        delen = []
        for i, b in enumerate(self.blokken):
            volgende = self.blokken[i + 1][0] if i + 1 < len(self.blokken) else ""
            if b[0] == "witregel":
                delen.append('<p class="witregel">&nbsp;</p>')
            elif b[0] == "kop":  # the level under the title, as Heading 2 in the Word file
                delen.append(f"<h2>{e(b[1])}</h2>")
            elif b[0] == "alinea":
                klassen = " ".join(
                    k for k, aan in (("klein", b[2]), ("inleiding", volgende in ("tabel", "opsomming"))) if aan
                )
                delen.append(f'<p class="{klassen}">{e(b[1])}</p>' if klassen else f"<p>{e(b[1])}</p>")
            elif b[0] == "regels":
                delen.append('<p class="regels">' + "<br>".join(e(x) for x in b[1]) + "</p>")
            elif b[0] == "opsomming":
                delen.append("<ul>" + "".join(f"<li>{e(x)}</li>" for x in b[1]) + "</ul>")
            else:
                rechts = getal_kolommen(b[2])
                rijen = [[Cel(str(c), klasse="getal") if j in rechts else c for j, c in enumerate(r)] for r in b[2]]
                html = tabel(b[1], rijen, getal_kolommen=rechts)
                # A short table stays on the page of the heading and sentence that introduce it (Chromium
                # honours break-inside on a block, not break-after on a heading or paragraph).
                n = 0
                while (
                    n < 2
                    and i - n - 1 >= 0
                    and self.blokken[i - n - 1][0] in ("kop", "alinea")
                    and len(b[2]) <= KLEINE_TABEL
                ):
                    n += 1
                if n:
                    samen = "".join(delen[len(delen) - n :])
                    del delen[len(delen) - n :]
                    delen.append(f'<div class="bijeen">{samen}{html}</div>')
                else:
                    delen.append(html)
        return pagina(self.titel, f"<h1>{e(self.titel)}</h1>\n" + "\n".join(delen), extra_stijl=_drukstijl(self))

    def docx(self, auteur: str, tijdstip: dt.datetime) -> bytes:
        """The Word file as bytes, from the prepared package."""
        s = sjabloon()
        kern = _kern_xml(self.titel, self.onderwerp, self.trefwoorden, auteur, tijdstip)
        app = _APP_XML.format(bedrijf=_x(auteur)).encode()
        eigen = [
            ("word/document.xml", _document_xml(self).encode()),
            (
                "word/header1.xml",
                _kop_voet_xml("hdr", _run((self.kenmerk and f"Kenmerk: {self.kenmerk}") or self.titel)).encode(),
            ),
            ("word/footer1.xml", _kop_voet_xml("ftr", _paginanummer()).encode()),
            ("docProps/core.xml", kern.encode()),
            ("docProps/app.xml", app),
        ]
        return s.zip(eigen)

    def schrijf_docx(self, pad: Path, auteur: str, tijdstip: dt.datetime) -> Path:
        from evaluatie.schrijfwacht import schrijf_bytes

        schrijf_bytes(pad, self.docx(auteur, tijdstip))
        return pad


def _drukstijl(d: Document) -> str:
    """Print layout of a letter or published document: 25 mm margins as in the Word file, the kenmerk
    (or the title) on every page, 'Pagina n van m', and no table row or heading torn from what follows."""
    rand = "font-size: 8pt; color: #555; font-family: 'DejaVu Sans', Arial, sans-serif;"
    boven = f"Kenmerk: {d.kenmerk}" if d.kenmerk else d.titel
    return (
        "@page { size: A4; margin: 25mm; "
        f"@top-right {{ content: {css_tekst(boven)}; {rand} }} "
        f'@bottom-right {{ content: "Pagina " counter(page) " van " counter(pages); {rand} }} '
        "}\n"
        "body { max-width: none; }\n"
        "tr, li, .regels { break-inside: avoid; page-break-inside: avoid; }\n"
        "h1, h2, h3 { break-after: avoid; page-break-after: avoid; }\n"
        # a letter's section heading is an h2 (no level skipped) that looks like the advies's sub-heading
        "h2 { font-size: 11pt; border-bottom: none; padding-bottom: 0; margin: 5mm 0 2mm 0; }\n"
        "p.inleiding { break-after: avoid; page-break-after: avoid; }\n"
        ".witregel { margin: 0; line-height: 1.4; }\n"
        ".bijeen { break-inside: avoid; page-break-inside: avoid; }\n"
        "@media screen { body { padding: 25mm; max-width: 160mm; } }"
    )


def _paginanummer() -> str:
    """'Pagina n van m' with Word fields (PAGE, NUMPAGES), updated by Word on every page."""

    def veld(code: str) -> str:
        return f'<w:fldSimple w:instr=" {code} \\* MERGEFORMAT "><w:r><w:t>1</w:t></w:r></w:fldSimple>'

    return _run("Pagina ") + veld("PAGE") + _run(" van ") + veld("NUMPAGES")


def _kop_voet_xml(soort: str, inhoud: str) -> str:
    """word/header1.xml or footer1.xml: one right-aligned paragraph."""
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<w:{soort} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<w:p><w:pPr><w:jc w:val="right"/><w:rPr><w:sz w:val="16"/></w:rPr></w:pPr>{inhoud}</w:p></w:{soort}>'
    )


def _x(tekst: object) -> str:
    """Text for an XML element: characters XML forbids removed, then &, < and > escaped (what
    xml.sax.saxutils.escape does; importing that module pulls in urllib, http and ssl)."""
    return _ONGELDIG_XML.sub("", str(tekst)).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _run(tekst: str, vet: bool = False, klein: bool = False) -> str:
    eig = ("<w:b/>" if vet else "") + ('<w:sz w:val="17"/><w:szCs w:val="17"/>' if klein else "")
    rpr = f"<w:rPr>{eig}</w:rPr>" if eig else ""
    # a right-to-left name set apart, as in the HTML letter (evaluatie.rapport.html.isoleer_rtl)
    return f'<w:r>{rpr}<w:t xml:space="preserve">{_x(isoleer_rtl_tekst(tekst))}</w:t></w:r>'


def _p(inhoud: str, stijl: str | None = None, extra: str = "") -> str:
    ppr = (
        f'<w:pPr><w:pStyle w:val="{stijl}"/>{extra}</w:pPr>' if stijl else (f"<w:pPr>{extra}</w:pPr>" if extra else "")
    )
    return f"<w:p>{ppr}{inhoud}</w:p>"


_RECHTS = '<w:jc w:val="right"/>'
_GETAL = re.compile(r"(EUR )?-?\d[\d.]*(,\d+)?%?")


def getal_kolommen(rijen: Sequence[Sequence[object]]) -> tuple[int, ...]:
    """Columns whose every cell is a number, an amount or a percentage ('-' for none allowed): aligned
    right, so digits line up and 'EUR' never parts from its amount."""
    if not rijen:
        return ()
    kolommen = []
    for j in range(max(len(r) for r in rijen)):
        cellen = [str(r[j]).strip() for r in rijen if j < len(r)]
        waarden = [c for c in cellen if c not in ("", "-")]
        if waarden and all(_GETAL.fullmatch(c) for c in waarden):
            kolommen.append(j)
    return tuple(kolommen)


def _tabel_xml(kop: list, rijen: list[list]) -> str:
    n = max(1, len(kop))
    rechts = getal_kolommen(rijen)
    breedte = (A4_BREEDTE - 2 * MARGE) // n
    raster = "".join(f'<w:gridCol w:w="{breedte}"/>' for _ in range(n))

    def rij(cellen: list, koprij: bool) -> str:
        # no row split over two pages; the heading row repeats on every page
        trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if koprij else "<w:trPr><w:cantSplit/></w:trPr>"
        tcs = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{breedte}" w:type="dxa"/></w:tcPr>'
            f"{_p(_run(str(c), vet=koprij), extra=_RECHTS if j in rechts else '')}</w:tc>"
            for j, c in enumerate(cellen)
        )
        return f"<w:tr>{trpr}{tcs}</w:tr>"

    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        f"<w:tblGrid>{raster}</w:tblGrid>" + rij(kop, True) + "".join(rij(r, False) for r in rijen) + "</w:tbl>"
    )


def _document_xml(d: Document) -> str:
    delen = [_p(_run(d.titel), "Heading1", "<w:keepNext/>")]
    for i, b in enumerate(d.blokken):
        volgende = d.blokken[i + 1][0] if i + 1 < len(d.blokken) else ""
        if b[0] == "witregel":
            delen.append(_p(""))
        elif b[0] == "kop":
            delen.append(_p(_run(b[1]), "Heading2", "<w:keepNext/><w:keepLines/>"))
        elif b[0] == "alinea":
            # a sentence introducing a table or list stays on the page of what it introduces
            houd = "<w:keepNext/>" if volgende in ("tabel", "opsomming") else ""
            delen.append(_p(_run(b[1], klein=b[2]), extra=houd))
        elif b[0] == "regels":
            delen.append(_p("<w:r><w:br/></w:r>".join(_run(x) for x in b[1]), extra="<w:keepLines/>"))
        elif b[0] == "opsomming":
            delen += [_p(_run(x), "ListBullet") for x in b[1]]
        else:
            delen.append(_tabel_xml(b[1], b[2]))
            delen.append(_p(""))  # Word needs a paragraph between a table and what follows
    sect = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdKop"/>'
        '<w:footerReference w:type="default" r:id="rIdVoet"/>'
        f'<w:pgSz w:w="{A4_BREEDTE}" w:h="{A4_HOOGTE}"/>'
        f'<w:pgMar w:top="{MARGE}" w:right="{MARGE}" w:bottom="{MARGE}" w:left="{MARGE}" '
        'w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>'
    )
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<w:body>{''.join(delen)}{sect}</w:body></w:document>"
    )


def _kern_xml(titel: str, onderwerp: str, trefwoorden: str, auteur: str, tijdstip: dt.datetime) -> str:
    stempel = tijdstip.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_x(titel)}</dc:title><dc:subject>{_x(onderwerp)}</dc:subject>"
        f"<dc:creator>{_x(auteur)}</dc:creator><cp:keywords>{_x(trefwoorden)}</cp:keywords>"
        f"<cp:lastModifiedBy>{_x(auteur)}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stempel}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stempel}</dcterms:modified>'
        "</cp:coreProperties>"
    )


_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Template>Normal.dotm</Template><Application>evaluatie</Application><DocSecurity>0</DocSecurity>"
    "<Company>{bedrijf}</Company></Properties>"
)


@dataclass(frozen=True)
class _Deel:
    naam: bytes
    crc: int
    lengte: int
    gecomprimeerd: bytes


def _deel(naam: str, data: bytes) -> _Deel:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return _Deel(naam.encode(), zlib.crc32(data), len(data), c.compress(data) + c.flush())


# Parts that are the same in every letter of a run: the footer ('Pagina n van m') and app.xml (the penvoerder)
_GEDEELD = frozenset({"word/footer1.xml", "docProps/app.xml"})


@functools.lru_cache(maxsize=16)
def _gedeeld_deel(naam: str, data: bytes) -> _Deel:
    """A part of _GEDEELD, deflated once per content: setting up zlib's state is most of the cost of deflating a small
    part (40 of 57 microseconds), twice per letter (national: 295 letters, about 35 ms; issue #24). The same bytes."""
    return _deel(naam, data)


def _lokaal(d: _Deel) -> bytes:
    """Local file header, name and deflated data of one part."""
    kop = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, _DOS_DATUM, d.crc, len(d.gecomprimeerd), d.lengte, len(d.naam), 0
    )
    return kop + d.naam + d.gecomprimeerd


def _centraal(d: _Deel, offset: int) -> bytes:
    vast = (0x02014B50, 20, 20, 0, 8, 0, _DOS_DATUM, d.crc, len(d.gecomprimeerd), d.lengte, len(d.naam))
    return struct.pack("<IHHHHHHIIIHHHHHII", *vast, 0, 0, 0, 0, 0o600 << 16, offset) + d.naam


@dataclass(frozen=True)
class Sjabloon:
    """The prepared package: every static part deflated once, with its zip record, in a fixed order."""

    vast: tuple[_Deel, ...]  # [Content_Types].xml first, then the rest by name
    lokaal: tuple[bytes, ...] = ()

    def zip(self, eigen: Sequence[tuple[str, bytes]]) -> bytes:
        """A complete .docx: the static parts plus this letter's own parts (a minimal zip writer)."""
        lokaal = self.lokaal or tuple(_lokaal(d) for d in self.vast)
        eigen_delen = [(_gedeeld_deel if n in _GEDEELD else _deel)(n, d) for n, d in eigen]
        delen = [
            (self.vast[0], lokaal[0]),
            *((d, _lokaal(d)) for d in eigen_delen),
            *zip(self.vast[1:], lokaal[1:], strict=True),
        ]
        stukken, centraal, offset = [], [], 0
        for d, blob in delen:
            centraal.append(_centraal(d, offset))
            stukken.append(blob)
            offset += len(blob)
        cd = b"".join(centraal)
        eind = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(delen), len(delen), len(cd), offset, 0)
        return b"".join(stukken) + cd + eind


_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_KOP_VOET_RELS = (
    f'<Relationship Id="rIdKop" Type="{_REL}/header" Target="header1.xml"/>'
    f'<Relationship Id="rIdVoet" Type="{_REL}/footer" Target="footer1.xml"/>'
).encode()
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_KOP_VOET_TYPES = (
    f'<Override PartName="/word/header1.xml" ContentType="{_WML}.header+xml"/>'
    f'<Override PartName="/word/footer1.xml" ContentType="{_WML}.footer+xml"/>'
).encode()


SJABLOONBESTAND = Path(__file__).with_name("brief_sjabloon.zip")


@functools.cache
def sjabloon() -> Sjabloon:
    """The prepared package, read from the file that ships with the code (see the module docstring):
    its zip records are taken as they are, nothing is inflated or deflated again."""
    import io
    import zipfile

    data = SJABLOONBESTAND.read_bytes()
    vast = []
    for info in zipfile.ZipFile(io.BytesIO(data)).infolist():
        naam = info.filename.encode()
        kop = struct.unpack_from("<IHHHHHIIIHH", data, info.header_offset)
        begin = info.header_offset + 30 + kop[9] + kop[10]
        vast.append(_Deel(naam, info.CRC, info.file_size, data[begin : begin + info.compress_size]))
    return Sjabloon(tuple(vast), tuple(_lokaal(d) for d in vast))


def schrijf_sjabloonbestand(pad: Path = SJABLOONBESTAND) -> Path:
    """Write the prepared package from python-docx (after a python-docx upgrade changed its template)."""
    pad.write_bytes(bouw_sjabloon().zip([]))
    return pad


def bouw_sjabloon() -> Sjabloon:
    """Prepare the package from python-docx: its default parts, Calibri 10.5 pt, without the
    thumbnail and the python-docx core properties."""
    import io
    import zipfile

    from docx import Document as Word
    from docx.shared import Pt

    doc = Word()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10.5)
    buffer = io.BytesIO()
    doc.save(buffer)
    bron = zipfile.ZipFile(buffer)
    # Own parts per letter; the thumbnail and Word 2010's duplicate styles are left out (smaller files).
    weg = {"word/document.xml", "docProps/core.xml", "docProps/app.xml", "docProps/thumbnail.jpeg"}
    weg.add("word/stylesWithEffects.xml")
    vast = []
    for info in bron.infolist():
        if info.filename in weg:
            continue
        data = bron.read(info.filename)
        if info.filename == "_rels/.rels":
            data = re.sub(rb"<Relationship [^>]*thumbnail[^>]*/>", b"", data)
        if info.filename == "word/_rels/document.xml.rels":
            data = re.sub(rb"<Relationship [^>]*stylesWithEffects[^>]*/>", b"", data)
            data = data.replace(b"</Relationships>", _KOP_VOET_RELS + b"</Relationships>")
        if info.filename == "[Content_Types].xml":
            data = re.sub(rb"<Override [^>]*stylesWithEffects[^>]*/>", b"", data)
            data = data.replace(b"</Types>", _KOP_VOET_TYPES + b"</Types>")
        if info.filename == "word/styles.xml":  # Dutch proofing, not python-docx's en-US
            data = re.sub(rb'<w:lang w:val="[^"]*"', b'<w:lang w:val="nl-NL"', data)
        vast.append(_deel(info.filename, data))
    vast.sort(key=lambda d: (d.naam != b"[Content_Types].xml", d.naam))
    return Sjabloon(tuple(vast), tuple(_lokaal(d) for d in vast))

"""Small HTML building blocks: escaping, tables with machine-readable numbers, the page frame."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from string import Template

from evaluatie.versie import __version__
from evaluatie.werkmap import sjablonen_map


def escape(tekst: str) -> str:
    """What html.escape(tekst) (quote=True) gives: the same five replacements in the same order.

    Importing the html package loads its table of 2,231 named entities (1.2 ms of every award,
    issue #24), which escaping never uses; tests/test_rapport_html_escape.py compares the two."""
    tekst = tekst.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return tekst.replace('"', "&quot;").replace("'", "&#x27;")


def e(x: object) -> str:
    return escape(str(x))


def css_tekst(tekst: str) -> str:
    """A CSS string (for a print margin box's content): quotes and backslashes escaped, one line, and '<' as the CSS
    escape '\\3c ' (the same character): the string stands in the page's <style>, and a tender named '...</style>...'
    ended the style there, so that what followed was HTML, a <script> as well."""
    tekst = tekst.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
    return '"' + tekst + '"'


def paginavoet(titel: str) -> str:
    """Print margin boxes for a report of several pages: its title bottom left, 'Pagina n van m' bottom right,
    so a loose printed page says what it belongs to and whether pages are missing."""
    rand = "font-size: 8pt; color: #555; font-family: 'DejaVu Sans', Arial, sans-serif;"
    return (
        f"@page {{ @bottom-left {{ content: {css_tekst(titel)}; {rand} }} "
        f'@bottom-right {{ content: "Pagina " counter(page) " van " counter(pages); {rand} }} }}'
    )


class Cel:
    """A table cell; numbers carry their exact value in data-waarde so tests and readers can trace them."""

    def __init__(self, tekst: str, waarde: float | None = None, veld: str | None = None, klasse: str = ""):
        self.tekst, self.waarde, self.veld, self.klasse = tekst, waarde, veld, klasse

    def html(self) -> str:
        attrs = []
        klasse = self.klasse + (" getal" if self.waarde is not None else "")
        if klasse.strip():
            attrs.append(f'class="{klasse.strip()}"')
        if self.veld:
            attrs.append(f'data-veld="{e(self.veld)}"')
        if self.waarde is not None:
            attrs.append(f'data-waarde="{self.waarde!r}"')
        return f"<td {' '.join(attrs)}>{e(self.tekst)}</td>" if attrs else f"<td>{e(self.tekst)}</td>"


def tabel(
    kop: Sequence[str],
    rijen: Sequence[Sequence[object]],
    getal_kolommen: Sequence[int] = (),
    rij_attrs: Sequence[str] | None = None,
) -> str:
    th = "".join(
        f'<th class="getal">{e(k)}</th>' if j in getal_kolommen else f"<th>{e(k)}</th>" for j, k in enumerate(kop)
    )
    regels = []
    for i, rij in enumerate(rijen):
        cellen = "".join(c.html() if isinstance(c, Cel) else f"<td>{e(c)}</td>" for c in rij)
        attr = f" {rij_attrs[i]}" if rij_attrs and rij_attrs[i] else ""
        regels.append(f"<tr{attr}>{cellen}</tr>")
    return f"<table><thead><tr>{th}</tr></thead><tbody>{''.join(regels)}</tbody></table>"


@cache
def _sjabloon() -> Template:
    return Template((sjablonen_map() / "pagina.html").read_text(encoding="utf-8"))


@cache
def stijl() -> str:
    return (sjablonen_map() / "stijl.css").read_text(encoding="utf-8")


def pagina(titel: str, inhoud: str, extra_stijl: str = "") -> str:
    """A whole HTML document; `extra_stijl` adds CSS for this document only (e.g. print margin boxes)."""
    css = stijl() + ("\n" + extra_stijl if extra_stijl else "")
    return isoleer_rtl(_sjabloon().substitute(titel=e(titel), stijl=css, inhoud=inhoud, versie=__version__))


_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff"
"""Hebrew, Arabic, Syriac, Thaana, N'Ko and the other scripts written from right to left."""
_RTL_BYTES = (*(bytes([b]) for b in range(0xD6, 0xE0)), b"\xe0", b"\xef", b"\xf0")
"""The first bytes in UTF-8 of those scripts (U+0580-U+07FF; U+0800-U+0FFF, U+F000-U+FFFF and beyond U+FFFF with
others): a search for one byte runs at memory speed, where the regular expression over a whole advies cost 2 ms
(issue #24); only a document with one of them is looked at."""
_ISOLEER, _EINDE = "\u2068", "\u2069"  # FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE


# The two patterns below are compiled on first use, by a document that has right-to-left text: compiling both (ranges
# beyond U+FFFF) cost every award 1.5 ms, also when no document had any (issue #24).
@cache
def _rtl_in_html() -> re.Pattern[str]:
    return re.compile(
        rf"(<[^>]*>)|([{_RTL}](?:(?:[{_RTL}\s0-9\u0300-\u036f.\-/]|&(?:amp|lt|gt|quot|#x27);)*[{_RTL}])?)"
    )


@cache
def _rtl_in_tekst() -> re.Pattern[str]:
    return re.compile(rf"[{_RTL}](?:[{_RTL}\s0-9\u0300-\u036f.\-/&'\"]*[{_RTL}])?")


def isoleer_rtl(html: str) -> str:
    """Every run of right-to-left text (a bidder's name in Arabic or Hebrew) in the text of an HTML document set apart
    as a unit of its own (U+2068 ... U+2069), so the Dutch sentence around it keeps its order. Without it the
    bidirectional algorithm took the figure after the name into the name's direction: 'Alfa Taal (12); <name> (8)'
    printed as 'Alfa Taal (12); (8) <name>', and '(<name>: 27, Beta: 5)' as '(27 :<name>, Beta: 5)'. Inside a
    tag (an attribute value) nothing changes; a document without such text is returned as it is."""
    if not _misschien_rtl(html):
        return html
    return _rtl_in_html().sub(lambda m: m.group(1) or f"{_ISOLEER}{m.group(2)}{_EINDE}", html)


def _misschien_rtl(tekst: str) -> bool:
    if tekst.isascii():
        return False
    data = tekst.encode("utf-8", "surrogatepass")
    return any(b in data for b in _RTL_BYTES)


def isoleer_rtl_tekst(tekst: str) -> str:
    """`isoleer_rtl` for plain text (a paragraph of a Word letter)."""
    if not _misschien_rtl(tekst):
        return tekst
    return _rtl_in_tekst().sub(lambda m: f"{_ISOLEER}{m.group(0)}{_EINDE}", tekst)

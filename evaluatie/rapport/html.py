"""Small HTML building blocks: escaping, tables with machine-readable numbers, the page frame."""

from __future__ import annotations

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
    """A CSS string (for a print margin box's content): quotes and backslashes escaped, one line."""
    return '"' + tekst.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


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
    return _sjabloon().substitute(titel=e(titel), stijl=css, inhoud=inhoud, versie=__version__)

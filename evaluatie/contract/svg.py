"""Charts as SVG text written directly: fast (no plotting library), deterministic, printable.

Three shapes suffice for the quarterly report: grouped horizontal bars (allocation against actual,
waiting time against promise) and lines over time (framework use in % of the maximum). A suppressed
value draws no bar and says 'onderdrukt' in words.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from typing import NamedTuple

KLEUREN = ("#1f4e79", "#e07b00", "#5b9bd5", "#70ad47", "#a5a5a5", "#7030a0")
# Lines differ by more than colour (a grey print, a colour-blind reader): each series its own dash pattern, and
# a lone point (between gaps) a filled, an open or a ringed dot; the legend shows both.
STREPEN = ("", "8 4", "2 3", "12 3 2 3")


def _streep(k: int) -> str:
    patroon = STREPEN[k % len(STREPEN)]
    return f' stroke-dasharray="{patroon}"' if patroon else ""


def _stip(x: str | float, y: str | float, k: int, kleur: str) -> str:
    """A lone point of series k: filled, open, or filled with a black ring, in turn."""
    vulling = (
        f'fill="{kleur}"',
        f'fill="#fff" stroke="{kleur}" stroke-width="1.5"',
        f'fill="{kleur}" stroke="#000" stroke-width="1"',
    )[k % 3]
    return f'<circle cx="{x}" cy="{y}" r="2.5" {vulling}/>'


def _getal(x: float) -> str:
    """A count (int) as a whole number, anything else with one decimal, or the two or three it was rounded to (an
    average waiting time just above the promise, as the table shows it): a count of persons never reads as 19,0."""
    if isinstance(x, int):
        return str(x)
    tekst = f"{x:.3f}".rstrip("0")
    return (tekst + "0" if tekst.endswith(".") else tekst).replace(".", ",")


def _beschrijving(delen: Sequence[str]) -> str:
    """The chart's figures in words as its SVG description: what a screen reader says for the image (the
    aria-label is only the title) and what a reader of the source finds without measuring bars."""
    return f"<desc>{escape('; '.join(delen))}.</desc>"


MAX_LABEL = 40  # characters of a bar's label on one line: what the left margin of 230 px holds at 11 px


def _label(tekst: str, x: int, y: float) -> str:
    """A bar's label, right-aligned at x with its baseline at y. A longer one takes two lines, the second with the end
    of the label: cut at 40 characters, 'Stichting Taalonderwijs Gooi en Vechtstreek Noord (B1)' and '... Zuid (B1)'
    read the same, and the lot in brackets was gone. Beyond two lines the middle gives way ('…'); the chart's
    description (<desc>) has every label in full."""
    if len(tekst) <= MAX_LABEL:
        return f'<text x="{x}" y="{y:.0f}" text-anchor="end">{escape(tekst)}</text>'
    woorden = tekst.split(" ")
    n = 0
    while n < len(woorden) and len(" ".join(woorden[: n + 1])) <= MAX_LABEL:
        n += 1
    eerste, rest = (" ".join(woorden[:n]), " ".join(woorden[n:])) if n else (tekst[:MAX_LABEL], tekst[MAX_LABEL:])
    tweede = rest if len(rest) <= MAX_LABEL else "…" + rest[-(MAX_LABEL - 1) :]
    return (
        f'<text x="{x}" y="{y - 6:.0f}" text-anchor="end">{escape(eerste)}'
        f'<tspan x="{x}" dy="12">{escape(tweede)}</tspan></text>'
    )


def staven(
    titel: str, rijen: Sequence[tuple[str, Sequence[float | str]]], series: Sequence[str], eenheid: str = ""
) -> str:
    """Grouped horizontal bars; a str value is a suppression label (no bar)."""
    breedte, links, rijhoogte = 640, 230, 14 * max(1, len(series)) + 8
    hoogte = 40 + rijhoogte * len(rijen) + 24
    getallen = [v for _, vs in rijen for v in vs if not isinstance(v, str)]
    hoogste = max(getallen, default=1.0) or 1.0
    schaal = (breedte - links - 70) / hoogste
    d = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{breedte}" height="{hoogte}" viewBox="0 0 {breedte} {hoogte}" '
        f'role="img" aria-label="{escape(titel)}" font-family="Arial, sans-serif" font-size="11">',
        _beschrijving(
            [
                f"{label}: "
                + ", ".join(
                    f"{s} {v if isinstance(v, str) else _getal(v) + eenheid}"
                    for s, v in zip(series, waarden, strict=False)
                )
                for label, waarden in rijen
            ]
        ),
        f'<text x="0" y="14" font-size="13" font-weight="bold">{escape(titel)}</text>',
    ]
    for i, naam in enumerate(series):
        x = links + i * 160
        d.append(f'<rect x="{x}" y="22" width="10" height="10" fill="{KLEUREN[i % len(KLEUREN)]}"/>')
        d.append(f'<text x="{x + 14}" y="31">{escape(naam)}</text>')
    y = 40
    for label, waarden in rijen:
        d.append(_label(label, links - 6, y + rijhoogte / 2 + 3))
        for i, v in enumerate(waarden):
            yy = y + 4 + i * 14
            if isinstance(v, str):
                d.append(f'<text x="{links + 2}" y="{yy + 10}" fill="#555">{escape(v)}</text>')
                continue
            w = max(0.0, v * schaal)
            kleur = KLEUREN[i % len(KLEUREN)]
            d.append(f'<rect x="{links}" y="{yy}" width="{w:.1f}" height="11" fill="{kleur}"/>')
            d.append(f'<text x="{links + w + 4:.1f}" y="{yy + 10}">{_getal(v)}{escape(eenheid)}</text>')
        y += rijhoogte
    d.append("</svg>")
    return "\n".join(d)


def _punten(labels: Sequence[str], waarden: Sequence[float | None]) -> list[tuple[str, str]]:
    """(label, '12%') of every point a line shows; a point not shown (None) is left out, as in the drawing."""
    return [(m, f"{round(v)}%") for m, v in zip(labels, waarden, strict=False) if v is not None]


class Grens(NamedTuple):
    """A reference line in `lijnen`: its value, the short label on the line and what it means in words."""

    waarde: float
    label: str
    uitleg: str


TEKEN = 6.5  # px: an upper bound of the average width of a character at 11 px Arial, for the legend's layout


def _legenda(links: int, breedte: int, namen: Sequence[str]) -> list[tuple[int, int]]:
    """(x, y) of every legend entry: 150 px apart as long as a name fits (every chart of the short route names looks as
    before), wider for a long one, and on a next row (16 px lower) where the row is full. At a fixed 150 px
    'Module arbeidsmarkt en participatie' ran over 'Participatieverklaringstraject' and that over 'Onderwijsroute',
    so a gemeente could not read which line was which."""
    plekken: list[tuple[int, int]] = []
    x, y = links, 27
    for naam in namen:
        stap = max(150, 28 + math.ceil(TEKEN * len(naam)) + 16)
        if x > links and x + stap - 16 > breedte:
            x, y = links, y + 16
        plekken.append((x, y))
        x += stap
    return plekken


def lijnen(
    titel: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    grens: Grens | None = None,
) -> str:
    """Lines over time on a scale from 0 to 100 percent, or higher when a value is (a framework agreement used
    past its maximum shows above the 100% line, not on it); None (a point not shown) breaks the line, so no line
    suggests a value there; a lone point between gaps is a dot; `grens` draws a dashed line labelled with its
    meaning: a bare '80%' on the page said nothing."""
    breedte, hoogte, links, onder, boven = 640, 260, 40, 40, 40
    plekken = _legenda(links, breedte, [naam for naam, _ in series])
    extra = plekken[-1][1] - 27 if plekken else 0  # a second row of the legend moves the plot down, never over it
    hoogte, boven = hoogte + extra, boven + extra
    n = max(1, len(labels) - 1)
    bx = (breedte - links - 20) / n
    hoogste = max((v for _, waarden in series for v in waarden if v is not None), default=0.0)
    stap = 25 if hoogste <= 200 else 100  # at most nine grid lines
    top = max(100, stap * math.ceil(hoogste / stap))

    def y(v: float) -> float:
        return boven + (hoogte - boven - onder) * (1 - v / top)

    d = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{breedte}" height="{hoogte}" viewBox="0 0 {breedte} {hoogte}" '
        f'role="img" aria-label="{escape(titel)}" font-family="Arial, sans-serif" font-size="11">',
        _beschrijving(
            [
                f"{naam}: "
                + (", ".join(f"{m} {getal_pct}" for m, getal_pct in _punten(labels, waarden)) or "geen getoond punt")
                for naam, waarden in series
            ]
            + ([f"gestreepte lijn: {grens.uitleg}"] if grens is not None else [])
        ),
        f'<text x="0" y="14" font-size="13" font-weight="bold">{escape(titel)}</text>',
    ]
    for p in range(0, top + 1, stap):
        d.append(f'<line x1="{links}" x2="{breedte - 20}" y1="{y(p):.1f}" y2="{y(p):.1f}" stroke="#ddd"/>')
        d.append(f'<text x="{links - 4}" y="{y(p) + 4:.1f}" text-anchor="end">{p}%</text>')
    if grens is not None:
        waarde = grens.waarde
        d.append(
            f'<line x1="{links}" x2="{breedte - 20}" y1="{y(waarde):.1f}" y2="{y(waarde):.1f}" stroke="#b00" '
            'stroke-dasharray="4 3"/>'
        )
        label = escape(grens.label)
        d.append(f'<text x="{breedte - 22}" y="{y(waarde) - 3:.1f}" text-anchor="end" fill="#b00">{label}</text>')
    stap = max(1, len(labels) // 8)
    for i, label in enumerate(labels):
        if i % stap == 0:
            d.append(
                f'<text x="{links + i * bx:.1f}" y="{hoogte - onder + 14}" text-anchor="middle">{escape(label)}</text>'
            )
    for k, (naam, waarden) in enumerate(series):
        kleur = KLEUREN[k % len(KLEUREN)]
        stukken: list[list[str]] = [[]]
        for i, v in enumerate(waarden):
            if v is None:
                stukken.append([])
            else:
                stukken[-1].append(f"{links + i * bx:.1f},{y(v):.1f}")
        for punten in stukken:  # a gap is a point not shown: the line never bridges it
            if len(punten) > 1:
                d.append(
                    f'<polyline fill="none" stroke="{kleur}" stroke-width="2"{_streep(k)} points="{" ".join(punten)}"/>'
                )
            elif punten:
                x0, y0 = punten[0].split(",")
                d.append(_stip(x0, y0, k, kleur))
        x, ly = plekken[k]
        d.append(f'<line x1="{x}" x2="{x + 24}" y1="{ly}" y2="{ly}" stroke="{kleur}" stroke-width="2"{_streep(k)}/>')
        d.append(_stip(x + 12, ly, k, kleur).replace("<circle ", '<circle class="legenda" '))
        d.append(f'<text x="{x + 28}" y="{ly + 4}">{escape(naam)}</text>')
    d.append("</svg>")
    return "\n".join(d)

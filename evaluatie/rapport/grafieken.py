"""Charts as inline SVG, written directly: deterministic, of bounded size, and without a plotting library.

Importing matplotlib cost about 0.7 s of every award with reports (issue #24); the two charts
of the advies are a scatter plot and stacked bars, a few hundred lines of SVG, so they are
written here element by element. Every chart summarises: at most `MAX_REEKSEN` suppliers are
named (the rest is "overige"), and the allocation chart shows gemeenten only while there are
few, then subregio's, then the largest subregio's plus "overige", so a chart never grows with
the size of the tender. The per-gemeente detail is in the xlsx, the gemeente pages and
gunning.json. Sizes are in points (1/72 inch); numbers in Dutch notation.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from evaluatie.rapport.html import escape

if TYPE_CHECKING:  # only for the annotations: importing the award model would cost more than the charts
    from evaluatie.gunning.uitslag import Perceeluitslag

KLEUREN = ["#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#843c0c", "#375623"]
OVERIGE_KLEUR = "#a6a6a6"
PLAFOND_KLEUR = "#9c1c1c"
AS_KLEUR = "#808080"
RASTER_KLEUR = "#ececec"
TEKST_KLEUR = "#404040"
MAX_REEKSEN = 7  # named suppliers per chart; the rest is "overige"
MAX_BALKEN = 15  # gemeenten shown one by one up to this number; beyond it, bars per subregio
MAX_SUBREGIO_BALKEN = 40  # subregio bars per chart; beyond it, the largest ones plus "overige"
MAX_LABELS = 12  # labelled points in the quality-price chart
BREEDTE = 460.8  # points (6.4 inch)
LETTER = "DejaVu Sans, Arial, Helvetica, sans-serif"


def _getal(x: float) -> str:
    """A number for a coordinate: at most 2 decimals, no trailing zeros (deterministic text)."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _nl(x: float) -> str:
    """A tick label in Dutch notation: 8.000, 12,5."""
    if abs(x - round(x)) < 1e-9:
        return f"{round(x):,}".replace(",", ".")
    return f"{x:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _tekst(
    x: float, y: float, inhoud: str, grootte: float = 7, kleur: str = TEKST_KLEUR, anker: str = "start", extra: str = ""
) -> str:
    return (
        f'<text x="{_getal(x)}" y="{_getal(y)}" font-size="{_getal(grootte)}" fill="{kleur}" '
        f'text-anchor="{anker}"{extra}>{escape(inhoud)}</text>'
    )


def _lijn(x1: float, y1: float, x2: float, y2: float, kleur: str, dikte: float = 0.6, extra: str = "") -> str:
    return (
        f'<line x1="{_getal(x1)}" y1="{_getal(y1)}" x2="{_getal(x2)}" y2="{_getal(y2)}" stroke="{kleur}" '
        f'stroke-width="{_getal(dikte)}"{extra}/>'
    )


def _svg(prefix: str, hoogte: float, titel: str, delen: list[str]) -> str:
    return (
        f'<svg id="{escape(prefix)}" xmlns="http://www.w3.org/2000/svg" width="{_getal(BREEDTE)}pt" '
        f'height="{_getal(hoogte)}pt" viewBox="0 0 {_getal(BREEDTE)} {_getal(hoogte)}" '
        f'font-family="{LETTER}" role="img"><title>{escape(titel)}</title>' + "".join(delen) + "</svg>"
    )


def schaalstappen(onder: float, boven: float, doel: int = 6, geheel: bool = False) -> list[float]:
    """Round tick values (1, 2, 2.5 or 5 x 10^k apart) within [onder, boven], about `doel` of them;
    `geheel`: whole numbers only (counts of inburgeraars)."""
    if boven <= onder:
        return [onder]
    ruw = (boven - onder) / doel
    macht = 10 ** math.floor(math.log10(ruw))
    kandidaten = [m * macht for m in (1, 2, 2.5, 5, 10)]
    if geheel:
        kandidaten = [k for k in kandidaten if k >= 1 and float(k).is_integer()] or [1.0]
    stap = next((k for k in kandidaten if k >= ruw), kandidaten[-1])
    eerste = math.ceil(onder / stap - 1e-9)
    uit = []
    k = eerste
    while k * stap <= boven + 1e-9 * stap:
        uit.append(round(k * stap, 10))
        k += 1
    return uit


def label_posities(gewenst: Sequence[float], afstand: float, onder: float = 0.0, boven: float = 1.0) -> list[float]:
    """Vertical label positions as close as possible to `gewenst`, at least `afstand` apart, within
    [onder, boven]. Order is kept (highest first stays highest), so leader lines never cross.

    Two passes: from the top down push each label below its predecessor, then from the bottom up
    push labels back inside the range. If the labels cannot fit, the spacing is shrunk to fit.
    """
    n = len(gewenst)
    if n == 0:
        return []
    afstand = min(afstand, (boven - onder) / max(n - 1, 1))
    volgorde = sorted(range(n), key=lambda i: (-gewenst[i], i))
    pos = [min(max(gewenst[i], onder), boven) for i in volgorde]
    for k in range(1, n):
        pos[k] = min(pos[k], pos[k - 1] - afstand)
    if pos[-1] < onder:
        pos[-1] = onder
        for k in range(n - 2, -1, -1):
            pos[k] = max(pos[k], pos[k + 1] + afstand)
    uit = [0.0] * n
    for k, i in enumerate(volgorde):
        uit[i] = pos[k]
    return uit


def kwaliteit_prijs(p: Perceeluitslag, prefix: str) -> str:
    """Quality against price, one point per admitted bid; the ceiling as a dashed line.

    Labels sit in a column right of the plot, in the order of the points' quality, with a thin
    leader line to each point: they cannot overlap whatever the prices. Only the best
    `MAX_LABELS` are labelled; the others are grey points ("overige")."""
    hoogte = 259.2
    links, breedte = 0.1 * BREEDTE, 0.5 * BREEDTE
    boven, plot = 0.09 * hoogte, 0.78 * hoogte
    onder_y = boven + plot
    genoemd = p.rangorde[:MAX_LABELS]
    overig = p.rangorde[MAX_LABELS:]
    prijzen = [r.prijs for r in p.rangorde] + [p.plafondprijs]
    marge = max((max(prijzen) - min(prijzen)) * 0.08, 50.0)
    x0, x1 = min(prijzen) - marge, max(prijzen) + marge

    def px(prijs: float) -> float:
        return links + (prijs - x0) / (x1 - x0) * breedte

    def py(kwaliteit: float) -> float:
        return onder_y - kwaliteit / 100 * plot

    titel = f"{p.naam}: kwaliteit en prijs"
    delen = [_tekst(links, boven - 8, titel, 9, "#000000")]
    for t in schaalstappen(x0, x1, 5):
        delen.append(_lijn(px(t), boven, px(t), onder_y, RASTER_KLEUR, 0.5))
        delen.append(_lijn(px(t), onder_y, px(t), onder_y + 3, AS_KLEUR))
        delen.append(_tekst(px(t), onder_y + 11, _nl(t), 7, anker="middle"))
    for k in range(0, 101, 20):
        delen.append(_lijn(links, py(k), links + breedte, py(k), RASTER_KLEUR, 0.5))
        delen.append(_lijn(links - 3, py(k), links, py(k), AS_KLEUR))
        delen.append(_tekst(links - 5, py(k) + 2.5, _nl(k), 7, anker="end"))
    delen.append(_lijn(links, boven, links, onder_y, AS_KLEUR))
    delen.append(_lijn(links, onder_y, links + breedte, onder_y, AS_KLEUR))
    delen.append(_tekst(links + breedte / 2, onder_y + 24, "Prijs per traject (EUR)", 8, anker="middle"))
    midden = boven + plot / 2
    delen.append(
        _tekst(
            14,
            midden,
            "Kwaliteitsscore (0-100)",
            8,
            anker="middle",
            extra=f' transform="rotate(-90 14 {_getal(midden)})"',
        )
    )
    xp = px(p.plafondprijs)
    delen.append(_lijn(xp, boven, xp, onder_y, PLAFOND_KLEUR, 0.8, ' stroke-dasharray="3.7 1.6"'))
    yp = py(2)
    delen.append(
        _tekst(
            xp - 2,
            yp,
            "plafondprijs",
            7,
            PLAFOND_KLEUR,
            extra=f' transform="rotate(-90 {_getal(xp - 2)} {_getal(yp)})"',
        )
    )
    for r in overig:
        delen.append(
            f'<circle cx="{_getal(px(r.prijs))}" cy="{_getal(py(r.kwaliteit))}" r="1.75" fill="{OVERIGE_KLEUR}"/>'
        )
    posities = label_posities([r.kwaliteit / 100 for r in genoemd], afstand=0.075)
    label_x = links + 1.04 * breedte
    for i, (r, y) in enumerate(zip(genoemd, posities, strict=True)):
        kleur = KLEUREN[i % len(KLEUREN)]
        ly = onder_y - y * plot
        delen.append(_lijn(px(r.prijs) + 3, py(r.kwaliteit), label_x - 2, ly, "#b0b0b0", 0.5))
    for i, (r, y) in enumerate(zip(genoemd, posities, strict=True)):
        kleur = KLEUREN[i % len(KLEUREN)]
        ly = onder_y - y * plot
        delen.append(f'<circle cx="{_getal(px(r.prijs))}" cy="{_getal(py(r.kwaliteit))}" r="3" fill="{kleur}"/>')
        delen.append(_tekst(label_x, ly + 2.5, _kort(f"{r.rang}. {r.inschrijver}", 34), 7, kleur))
    if overig:
        delen.append(f'<circle cx="{_getal(links + 10)}" cy="{_getal(onder_y - 10)}" r="1.75" fill="{OVERIGE_KLEUR}"/>')
        delen.append(_tekst(links + 16, onder_y - 7.5, f"overige {len(overig)}", 7))
    return _svg(prefix, hoogte, titel, delen)


def _kort(tekst: str, n: int) -> str:
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


def _kort_midden(tekst: str, n: int) -> str:
    """At most n characters, the middle given way: a legend names a series by its name alone, and 'Stichting
    Taalonderwijs Gooi en Vechtstreek Noord' and '... Zuid' both kept their first 29 characters (the same text beside
    two colours); their ends differ."""
    if len(tekst) <= n:
        return tekst
    voor = (n - 1) // 2
    return tekst[:voor].rstrip() + "…" + tekst[-(n - 1 - voor) :].lstrip()


def _rest_naam(langer: str, namen: list[str]) -> str:
    """'overige' for what a chart lumps together, unless a supplier or subregio is itself called that: then the
    longer name, so that a bidder named 'overige' is never counted in, or coloured as, the rest."""
    bezet = {n.casefold() for n in namen}
    return "overige" if "overige" not in bezet else langer if langer.casefold() not in bezet else f"{langer} (samen)"


def verdeling_reeksen(p: Perceeluitslag, subregio: dict[str, str]) -> tuple[str, list[str], list[str], list[list[int]]]:
    """The allocation summarised for a chart: (grouping, bar labels, series names, counts[series][bar]).

    Bars: every gemeente while there are at most MAX_BALKEN; else per subregio; beyond
    MAX_SUBREGIO_BALKEN subregio's the largest by volume (ties: tender order) and one bar
    "overige". Series: the suppliers with the most inburgeraars (ties: ranking order), at most
    MAX_REEKSEN, the rest as "overige"."""
    gemeenten = [b.gemeente for b in p.budgetten]
    if len(gemeenten) <= MAX_BALKEN:
        indeling, groep = "gemeente", {g: g for g in gemeenten}
    else:
        indeling, groep = "subregio", {g: subregio.get(g) or "(geen subregio)" for g in gemeenten}
    balken = list(dict.fromkeys(groep[g] for g in gemeenten))
    if len(balken) > MAX_SUBREGIO_BALKEN:
        volume = {b: 0 for b in balken}
        for bud in p.budgetten:
            volume[groep[bud.gemeente]] += bud.vraag
        top = sorted(balken, key=lambda b: (-volume[b], balken.index(b)))[: MAX_SUBREGIO_BALKEN - 1]
        rest = _rest_naam("overige subregio's", balken)
        groep = {g: (b if b in top else rest) for g, b in groep.items()}
        balken = [b for b in balken if b in top] + [rest]
        indeling = "subregio (grootste, rest als overige)"
    totaal: dict[str, int] = {}
    for t in p.toewijzing:
        totaal[t.inschrijver] = totaal.get(t.inschrijver, 0) + t.aantal
    rang = {r.inschrijver: i for i, r in enumerate(p.rangorde)}
    leveranciers = sorted(totaal, key=lambda n: (-totaal[n], rang.get(n, len(rang)), n))
    rest = _rest_naam("overige inschrijvers", leveranciers)
    reeksen = [*leveranciers[: MAX_REEKSEN - 1], rest] if len(leveranciers) > MAX_REEKSEN else leveranciers
    reeks_van = {n: (n if n in reeksen else rest) for n in leveranciers}  # rest is no supplier's name
    index_balk = {b: i for i, b in enumerate(balken)}
    index_reeks = {n: i for i, n in enumerate(reeksen)}
    aantallen = [[0] * len(balken) for _ in reeksen]
    for t in p.toewijzing:
        aantallen[index_reeks[reeks_van[t.inschrijver]]][index_balk[groep[t.gemeente]]] += t.aantal
    return indeling, balken, reeksen, aantallen


def verdeling_per_gemeente(p: Perceeluitslag, prefix: str, subregio: dict[str, str] | None = None) -> str:
    """Stacked horizontal bars of inburgeraars per supplier, per gemeente or summarised (see above)."""
    indeling, balken, reeksen, aantallen = verdeling_reeksen(p, subregio or {})
    echte = {t.inschrijver for t in p.toewijzing}  # grey is the lumped rest only, never a bidder called 'overige'
    rij = min(18.72, 432.0 / len(balken))  # points per bar row: the chart stays under a page
    legenda_rijen = (len(reeksen) + 2) // 3
    boven = 24.0
    plot = rij * len(balken) + 14.4
    as_ruimte = 30.0
    hoogte = boven + plot + as_ruimte + 12.0 * legenda_rijen + 6
    links, breedte = 0.3 * BREEDTE, 0.66 * BREEDTE
    totaal = [sum(kolom) for kolom in zip(*aantallen, strict=True)] if aantallen else [0] * len(balken)
    maximum = max(totaal, default=0) or 1
    stappen = schaalstappen(0, maximum, 6, geheel=True)
    if stappen[-1] < maximum:  # one more tick, so that the longest bar ends inside the axis
        stappen.append(stappen[-1] + (stappen[1] - stappen[0] if len(stappen) > 1 else 1))
    x1 = stappen[-1]

    def px(n: float) -> float:
        return links + n / x1 * breedte

    onder_y = boven + plot
    titel = f"{p.naam}: verdeling per {indeling}"
    delen = [_tekst(links - 0.3 * BREEDTE + 8, boven - 10, titel, 9, "#000000")]
    for t in stappen:
        delen.append(_lijn(px(t), boven, px(t), onder_y, RASTER_KLEUR, 0.5))
        delen.append(_lijn(px(t), onder_y, px(t), onder_y + 3, AS_KLEUR))
        delen.append(_tekst(px(t), onder_y + 11, _nl(t), 7, anker="middle"))
    delen.append(_tekst(links + breedte / 2, onder_y + 23, "Inburgeraars per jaar", 8, anker="middle"))
    hoogte_balk = 0.7 * rij
    for b, naam in enumerate(balken):
        midden = boven + 7.2 + (b + 0.5) * rij
        delen.append(_tekst(links - 5, midden + 2.5, _kort(naam, 28), 7, anker="end"))
        x = 0
        for i, reeks in enumerate(reeksen):
            n = aantallen[i][b]
            if not n:
                continue
            kleur = OVERIGE_KLEUR if reeks not in echte else KLEUREN[i % len(KLEUREN)]
            delen.append(
                f'<rect x="{_getal(px(x))}" y="{_getal(midden - hoogte_balk / 2)}" width="{_getal(px(x + n) - px(x))}" '
                f'height="{_getal(hoogte_balk)}" fill="{kleur}"><title>{escape(f"{naam}: {reeks} {n}")}</title></rect>'
            )
            x += n
    delen.append(_lijn(links, boven, links, onder_y, AS_KLEUR))
    delen.append(_lijn(links, onder_y, links + breedte, onder_y, AS_KLEUR))
    # the legend sits below the axis, outside the bars, in rows of three: it can never cover a bar
    legenda_y = onder_y + as_ruimte + 4
    kolom = BREEDTE * 0.31
    for i, reeks in enumerate(reeksen):
        kleur = OVERIGE_KLEUR if reeks not in echte else KLEUREN[i % len(KLEUREN)]
        lx = 8 + (i % 3) * kolom
        ly = legenda_y + (i // 3) * 12
        delen.append(f'<rect x="{_getal(lx)}" y="{_getal(ly - 6)}" width="10" height="7" fill="{kleur}"/>')
        delen.append(_tekst(lx + 14, ly, _kort_midden(reeks, 30), 7))
    return _svg(prefix, hoogte, titel, delen)

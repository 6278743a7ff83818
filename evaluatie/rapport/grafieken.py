"""Charts as inline SVG, deterministic (fixed hash salt, no date metadata) and of bounded size.

matplotlib's object API (Figure + the SVG canvas) is used directly: importing pyplot costs
about a second and pulls in a GUI backend a report never needs. Every chart summarises:
at most `MAX_REEKSEN` suppliers are named (the rest is "overige"), and the allocation chart
shows gemeenten only while there are few, then subregio's, then the largest subregio's plus
"overige", so a chart never grows with the size of the tender. The per-gemeente detail is
in the xlsx, the gemeente pages and gunning.json.
"""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Sequence
from functools import cache

from evaluatie.gunning.uitslag import Perceeluitslag

KLEUREN = ["#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#843c0c", "#375623"]
OVERIGE_KLEUR = "#a6a6a6"
MAX_REEKSEN = 7  # named suppliers per chart; the rest is "overige"
MAX_BALKEN = 15  # gemeenten shown one by one up to this number; beyond it, bars per subregio
MAX_SUBREGIO_BALKEN = 40  # subregio bars per chart; beyond it, the largest ones plus "overige"
MAX_LABELS = 12  # labelled points in the quality-price chart
BREEDTE = 6.4  # inch


def laad_matplotlib() -> None:
    """Import and style matplotlib ahead of use (evaluatie.pipeline.bereid_rapporten_voor)."""
    with _importslot:
        _matplotlib()


_importslot = threading.Lock()  # one import at a time: the background prefetch and a chart may race


@cache
def _matplotlib() -> tuple[type, type]:
    """Figure and the SVG canvas, with a light, fixed style (set once per process)."""
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    matplotlib.rcParams.update(
        {
            "svg.hashsalt": "evaluatie",
            "svg.fonttype": "none",
            "font.size": 8,
            "font.family": "DejaVu Sans",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.edgecolor": "#808080",
            "axes.linewidth": 0.6,
            "xtick.color": "#404040",
            "ytick.color": "#404040",
            "path.simplify": True,
            "text.parse_math": False,  # names are literal: '$x$' in a bidder's name is not mathtext
        }
    )
    return Figure, FigureCanvasSVG


def _figuur(hoogte: float):
    with _importslot:
        figure, canvas = _matplotlib()
    fig = figure(figsize=(BREEDTE, hoogte))
    canvas(fig)
    return fig


def _svg(fig) -> str:
    buf = io.StringIO()
    # a fixed canvas (no bbox_inches="tight"): one draw instead of two, and a known, bounded size
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    tekst = buf.getvalue()
    tekst = tekst[tekst.index("<svg") :]  # drop the XML prolog and doctype: the SVG sits inline in HTML
    return re.sub(r"\s*<metadata>.*?</metadata>", "", tekst, flags=re.S)


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
    fig = _figuur(3.6)
    ax = fig.add_axes((0.1, 0.13, 0.5, 0.78))
    genoemd = p.rangorde[:MAX_LABELS]
    overig = p.rangorde[MAX_LABELS:]
    if overig:
        ax.scatter(
            [r.prijs for r in overig],
            [r.kwaliteit for r in overig],
            s=12,
            color=OVERIGE_KLEUR,
            zorder=2,
            label=f"overige {len(overig)}",
        )
    for i, r in enumerate(genoemd):
        ax.scatter(r.prijs, r.kwaliteit, s=36, color=KLEUREN[i % len(KLEUREN)], zorder=3)
    ax.axvline(p.plafondprijs, color="#9c1c1c", linestyle="--", linewidth=0.8)
    ax.text(p.plafondprijs, 2, " plafondprijs", color="#9c1c1c", fontsize=7, rotation=90, va="bottom")
    prijzen = [r.prijs for r in p.rangorde] + [p.plafondprijs]
    marge = max((max(prijzen) - min(prijzen)) * 0.08, 50.0)
    ax.set_xlim(min(prijzen) - marge, max(prijzen) + marge)
    ax.set_ylim(0, 100)
    ax.set_xlabel("Prijs per traject (EUR)")
    ax.set_ylabel("Kwaliteitsscore (0-100)")
    ax.grid(True, color="#ececec", linewidth=0.5)
    ax.set_title(f"{p.naam}: kwaliteit en prijs", fontsize=9, loc="left")
    ys = label_posities([r.kwaliteit / 100 for r in genoemd], afstand=0.075)
    for i, (r, y) in enumerate(zip(genoemd, ys, strict=True)):
        ax.annotate(
            _kort(f"{r.rang}. {r.inschrijver}", 34),
            xy=(r.prijs, r.kwaliteit),
            xycoords="data",
            xytext=(1.04, y),
            textcoords="axes fraction",
            va="center",
            fontsize=7,
            color=KLEUREN[i % len(KLEUREN)],
            arrowprops={"arrowstyle": "-", "color": "#b0b0b0", "linewidth": 0.5, "shrinkA": 0, "shrinkB": 3},
        )
    if overig:
        ax.legend(fontsize=7, loc="lower left", frameon=False)
    return _ids(_svg(fig), prefix)


def _kort(tekst: str, n: int) -> str:
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


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
        groep = {g: (b if b in top else "overige") for g, b in groep.items()}
        balken = [b for b in balken if b in top] + ["overige"]
        indeling = "subregio (grootste, rest als overige)"
    totaal: dict[str, int] = {}
    for t in p.toewijzing:
        totaal[t.inschrijver] = totaal.get(t.inschrijver, 0) + t.aantal
    rang = {r.inschrijver: i for i, r in enumerate(p.rangorde)}
    leveranciers = sorted(totaal, key=lambda n: (-totaal[n], rang.get(n, len(rang)), n))
    reeksen = [*leveranciers[: MAX_REEKSEN - 1], "overige"] if len(leveranciers) > MAX_REEKSEN else leveranciers
    reeks_van = {n: (n if n in reeksen else "overige") for n in leveranciers}
    index_balk = {b: i for i, b in enumerate(balken)}
    index_reeks = {n: i for i, n in enumerate(reeksen)}
    aantallen = [[0] * len(balken) for _ in reeksen]
    for t in p.toewijzing:
        aantallen[index_reeks[reeks_van[t.inschrijver]]][index_balk[groep[t.gemeente]]] += t.aantal
    return indeling, balken, reeksen, aantallen


def verdeling_per_gemeente(p: Perceeluitslag, prefix: str, subregio: dict[str, str] | None = None) -> str:
    """Stacked horizontal bars of inburgeraars per supplier, per gemeente or summarised (see above)."""
    indeling, balken, reeksen, aantallen = verdeling_reeksen(p, subregio or {})
    legenda_rijen = (len(reeksen) + 2) // 3
    plot, onder, boven = min(0.26, 6.0 / len(balken)) * len(balken) + 0.2, 0.45 + 0.17 * legenda_rijen, 0.3
    hoogte = plot + onder + boven
    fig = _figuur(hoogte)
    ax = fig.add_axes((0.3, onder / hoogte, 0.66, plot / hoogte))
    posities = list(range(len(balken)))
    links = [0] * len(balken)
    for i, (naam, rij) in enumerate(zip(reeksen, aantallen, strict=True)):
        kleur = OVERIGE_KLEUR if naam == "overige" else KLEUREN[i % len(KLEUREN)]
        getekend = [i for i, n in enumerate(rij) if n]  # only bars with content: fewer shapes, same picture
        ax.barh(
            [posities[i] for i in getekend],
            [rij[i] for i in getekend],
            left=[links[i] for i in getekend],
            color=kleur,
            label=_kort(naam, 30),
            height=0.7,
        )
        links = [a + b for a, b in zip(links, rij, strict=True)]
    ax.set_yticks(posities, [_kort(b, 28) for b in balken])
    ax.set_ylim(len(balken) - 0.5, -0.5)
    ax.set_xlabel("Inburgeraars per jaar")
    # the legend sits below the axis, outside the bars, in rows of three: it can never cover a bar
    ax.legend(
        fontsize=7,
        loc="upper left",
        bbox_to_anchor=(-0.02, -0.45 / plot),
        ncol=3,
        frameon=False,
        borderaxespad=0,
    )
    ax.grid(True, axis="x", color="#ececec", linewidth=0.5)
    ax.set_axisbelow(True)
    ax.set_title(f"{p.naam}: verdeling per {indeling}", fontsize=9, loc="left")
    return _ids(_svg(fig), prefix)


def _ids(svg: str, prefix: str) -> str:
    """Make element ids unique per chart: several inline SVGs share one HTML document."""
    return re.sub(r'(id="|href="#|url\(#)([^")]+)', lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)

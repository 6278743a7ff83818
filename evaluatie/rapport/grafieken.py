"""Charts as inline SVG (matplotlib), deterministic: fixed hash salt, no date metadata."""

from __future__ import annotations

import io
import re

from evaluatie.gunning.uitslag import Perceeluitslag

KLEUREN = ["#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#843c0c", "#375623"]


def _svg(fig) -> str:
    import matplotlib.pyplot as plt

    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(fig)
    tekst = buf.getvalue()
    tekst = tekst[tekst.index("<svg") :]  # drop the XML prolog and doctype: the SVG sits inline in HTML
    return re.sub(r"\s*<metadata>.*?</metadata>", "", tekst, flags=re.S)


def _mpl():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.hashsalt": "evaluatie",
            "svg.fonttype": "none",
            "font.size": 8,
            "font.family": "DejaVu Sans",
            "text.parse_math": False,  # names are literal: '$x$' in a bidder's name is not mathtext
        }
    )
    return plt


def kwaliteit_prijs(p: Perceeluitslag, prefix: str) -> str:
    """Quality against price, one point per admitted bid; the ceiling as a dashed line."""
    plt = _mpl()
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    for i, r in enumerate(p.rangorde):
        ax.scatter(r.prijs, r.kwaliteit, s=40, color=KLEUREN[i % len(KLEUREN)], zorder=3)
        ax.annotate(
            f"{r.rang}. {r.inschrijver}", (r.prijs, r.kwaliteit), textcoords="offset points", xytext=(5, 4), fontsize=7
        )
    ax.axvline(p.plafondprijs, color="#9c1c1c", linestyle="--", linewidth=1)
    ax.text(p.plafondprijs, 2, " plafondprijs", color="#9c1c1c", fontsize=7, rotation=90, va="bottom")
    ax.set_xlabel("Prijs per traject (EUR)")
    ax.set_ylabel("Kwaliteitsscore (0-100)")
    ax.set_ylim(0, 100)
    ax.grid(True, color="#e0e0e0", linewidth=0.6)
    ax.set_title(f"{p.naam}: kwaliteit en prijs", fontsize=9)
    return _ids(_svg(fig), prefix)


def verdeling_per_gemeente(p: Perceeluitslag, prefix: str) -> str:
    """Stacked bars: per gemeente the inburgeraars per supplier."""
    plt = _mpl()
    gemeenten = [b.gemeente for b in p.budgetten]
    leveranciers = [r.inschrijver for r in p.rangorde if p.toegewezen(r.inschrijver)]
    fig, ax = plt.subplots(figsize=(6.4, 0.35 * len(gemeenten) + 1.2))
    links = [0] * len(gemeenten)
    for i, naam in enumerate(leveranciers):
        aantallen = [
            sum(t.aantal for t in p.toewijzing if t.gemeente == g and t.inschrijver == naam) for g in gemeenten
        ]
        ax.barh(gemeenten, aantallen, left=links, color=KLEUREN[i % len(KLEUREN)], label=naam)
        links = [a + b for a, b in zip(links, aantallen, strict=True)]
    ax.invert_yaxis()
    ax.set_xlabel("Inburgeraars per jaar")
    ax.legend(fontsize=7, loc="lower right", frameon=False)
    ax.grid(True, axis="x", color="#e0e0e0", linewidth=0.6)
    ax.set_title(f"{p.naam}: verdeling per gemeente", fontsize=9)
    return _ids(_svg(fig), prefix)


def _ids(svg: str, prefix: str) -> str:
    """Make element ids unique per chart: several inline SVGs share one HTML document."""
    return re.sub(r'(id="|href="#|url\(#)([^")]+)', lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)

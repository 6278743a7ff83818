"""The CONCEPT mark on an advies written while a tie awaits a draw (no letters go out)."""

from __future__ import annotations

import re

from evaluatie.rapport.documentnaam import het_advies
from evaluatie.rapport.gegevens import Rapportgegevens
from evaluatie.rapport.html import e


def markeer_concept(html: str, g: Rapportgegevens) -> str:
    """Put a banner after <body> and 'CONCEPT' in the title: visible on screen and on paper.
    It lists every open point with the command that settles it."""
    punten = g.open_punten
    if punten:
        regels = "".join(f"<li>{e(p.tekst)} <code>{e(p.commando)}</code></li>" for p in punten)
    else:
        regels = "".join(
            f"<li>Perceel {e(g.uitslag.percelen[st.perceel].naam)}: {e(', '.join(st.inschrijvers))} staan gelijk op "
            f"rang {st.rang}; de volgorde bepaalt de gunning. Leg de loting vast met <code>{e(st.commando())}</code>."
            "</li>"
            for st in g.uitslag.loting_nodig
        )
    waarom = (
        "er is eerst een loting nodig"
        if all(p.soort == "loting" for p in punten) and g.uitslag.loting_nodig
        else "er staat nog 1 punt open"
        if len(punten) == 1
        else f"er staan nog {len(punten)} punten open"
    )
    banner = (
        '<div class="concept" style="border:3px solid #b00;color:#b00;padding:8px;margin:8px 0;font-weight:bold">'
        f"CONCEPT - geen {het_advies({p.procedure for p in g.uitslag.percelen.values()}).removeprefix('het ')}: "
        f"{waarom}. De uitkomst "
        "hieronder is voorlopig en "
        f"mag niet worden gebruikt; er zijn geen brieven geschreven.<ul>{regels}</ul></div>"
    )
    html = re.sub(r"<title>", "<title>CONCEPT - ", html, count=1)
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + banner, html, count=1)

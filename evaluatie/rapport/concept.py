"""The CONCEPT mark on an advies written while a tie awaits a draw (no letters go out)."""

from __future__ import annotations

import re

from evaluatie.rapport.gegevens import Rapportgegevens
from evaluatie.rapport.html import e


def markeer_concept(html: str, g: Rapportgegevens) -> str:
    """Put a banner after <body> and 'CONCEPT' in the title: visible on screen and on paper."""
    regels = "".join(
        f"<li>Perceel {e(g.uitslag.percelen[st.perceel].naam)}: {e(', '.join(st.inschrijvers))} staan gelijk op "
        f"rang {st.rang}; de volgorde bepaalt de gunning. Leg de loting vast met <code>{e(st.commando())}</code>.</li>"
        for st in g.uitslag.loting_nodig
    )
    banner = (
        '<div class="concept" style="border:3px solid #b00;color:#b00;padding:8px;margin:8px 0;font-weight:bold">'
        "CONCEPT - geen gunningsadvies: er is eerst een loting nodig. De verdeling hieronder is voorlopig en "
        f"mag niet worden gebruikt.<ul>{regels}</ul></div>"
    )
    html = re.sub(r"<title>", "<title>CONCEPT - ", html, count=1)
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + banner, html, count=1)

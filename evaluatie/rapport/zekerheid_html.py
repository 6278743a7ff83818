"""The robustness section of the gunningsadvies."""

from __future__ import annotations

from evaluatie.rapport.html import e
from evaluatie.zekerheid.model import Zekerheid
from evaluatie.zekerheid.tekst import zinnen

KOPPEN = {
    "weglaten": "Zonder een van de beoordelaars",
    "storing": "Gevoeligheid voor de scores",
    "marge": "Marge tot winnen",
    "capaciteit": "Capaciteit en aandeel",
}


def zekerheid_html(z: Zekerheid, perceelnaam: str) -> str:
    delen = ["<h3>Zekerheid van de uitkomst</h3>"]
    for sleutel, regels in zinnen(z, perceelnaam).items():
        if regels:
            delen.append(
                f"<p><strong>{e(KOPPEN[sleutel])}</strong></p><ul>"
                + "".join(f"<li>{e(r)}</li>" for r in regels)
                + "</ul>"
            )
    return "\n".join(delen)

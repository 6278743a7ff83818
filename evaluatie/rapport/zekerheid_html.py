"""Certainty analyses as HTML: sections for the internal report rapporten/intern/zekerheid.html."""

from __future__ import annotations

from evaluatie.rapport.html import e, pagina, paginavoet
from evaluatie.zekerheid.model import Zekerheid
from evaluatie.zekerheid.tekst import toelatingszinnen, zinnen
from evaluatie.zekerheid.toelating import Toelatingszekerheid

KOPPEN = {
    "weglaten": "Zonder een van de beoordelaars",
    "storing": "Gevoeligheid voor de scores",
    "marge": "Marge tot winnen",
    "capaciteit": "Capaciteit en aandeel",
    "rangomkering": "Rangomkering: als de laagste prijs wegvalt of een ongeldige of uitgesloten inschrijving meetelt",
    "toelating": "Open house (toelating)",
}
# an open house with a minimum quality: the same reviewer left out, and the margin to the minimum, not to winning
KOPPEN_TOELATING = KOPPEN | {"marge": "Marge tot de minimale kwaliteit"}


BEKNOPT = 20  # changed allocations named per sentence; `evaluatie zekerheid --volledig` names them all


def zekerheid_html(z: Zekerheid | Toelatingszekerheid, perceelnaam: str) -> str:
    """A national lot changes hundreds of gemeenten without one reviewer: the sentence names the first
    BEKNOPT and counts the rest, so the page stays a reading page and not a listing. An open-house lot has its own
    analyses of admission by quality (zekerheid.toelating)."""
    delen: list[str] = []
    if isinstance(z, Toelatingszekerheid):
        secties, koppen = toelatingszinnen(z, BEKNOPT), KOPPEN_TOELATING
    else:
        secties, koppen = zinnen(z, perceelnaam, BEKNOPT), KOPPEN
    for sleutel, regels in secties.items():
        if regels:
            delen.append(
                f"<p><strong>{e(koppen[sleutel])}</strong></p><ul>"
                + "".join(f"<li>{e(r)}</li>" for r in regels)
                + "</ul>"
            )
    return "\n".join(delen)


def zekerheid_pagina(
    naam: str, secties: dict[str, str], perceelnamen: dict[str, str], alleen_toelating: bool = False
) -> str:
    """The internal report rapporten/intern/zekerheid.html: every lot's certainty analyses.

    Kept out of the gunningsadvies on purpose: the advies is discoverable in a kort geding, and a
    sentence such as 'X stays first in 46% of the draws' helps a losing bidder without adding to
    the motivation of the award. This page is for the penvoerder's own judgement."""
    delen = [
        '<p class="vertrouwelijk">Intern - niet bestemd voor inschrijvers</p>',
        f"<h1>Zekerheid van de uitkomst: {e(naam)}</h1>",
        (
            "<p>Dit interne stuk hoort bij het advies over de toelating. Het laat zien of een enkele beoordelaar een "
            "toelating beslist en hoe ver iedere kwaliteitsscore van de minimale kwaliteit ligt. Het maakt geen deel "
            "uit van de motivering van de toelatingsbesluiten.</p>"
            if alleen_toelating  # an open house awards nothing: no gunningsadvies, no gunningsbeslissing
            else "<p>Dit interne stuk hoort bij het gunningsadvies. Het laat zien hoe gevoelig de uitkomst is voor een "
            "enkele beoordelaar, voor kleine verschillen in de scores, voor de prijs en voor de capaciteit. Het "
            "maakt geen deel uit van de motivering van de gunningsbeslissing.</p>"
        ),
        f"<p>Lange opsommingen{'' if alleen_toelating else ' (gewijzigde verdelingen)'} noemen de eerste {BEKNOPT} "
        "en tellen de rest; "
        "<code>evaluatie zekerheid --volledig</code> toont ze allemaal.</p>",
    ]
    for code, sectie in secties.items():
        delen.append(f'<section data-perceel="{e(code)}"><h2>Perceel {e(perceelnamen.get(code, code))}</h2>')
        delen.append(sectie)
        delen.append("</section>")
    titel = f"Zekerheid {naam} (intern)"
    return pagina(titel, "\n".join(delen), extra_stijl=paginavoet(titel))

"""Turn a third-person sentence about a bidder into one addressed to that bidder.

The allocation's explanation (verdeling/verklaring.py) is written once, in the third person, for
the advies and gunning.json: "Spreekbeurt krijgt 0 van zijn capaciteit 40: ...". A letter to
Spreekbeurt must say "U krijgt 0 van uw capaciteit van 40: ...". Only the fixed phrasings of that
module are rewritten; the names of other bidders stay as they are.
"""

from __future__ import annotations

import re

_VERVANG = (
    (" van zijn capaciteit ", " van uw capaciteit van "),
    ("zou het ", "zou u "),
    ("in zijn gemeente", "in uw gemeente"),  # and 'in zijn gemeenten'
    ("de gemeenten die het bedient", "de gemeenten die u bedient"),
    ("de gemeente die het bedient", "de gemeente die u bedient"),
    ("en die krijgt het", "en die krijgt u"),  # and 'en die krijgt het allemaal'
    ("het bedient geen gemeente", "u bedient geen gemeente"),
    ("tegen zijn prijs", "tegen uw prijs"),
    (") begrenst het", ") begrenst uw aandeel"),
    ("mag het niet leveren", "mag u niet leveren"),
    ("bedient het ", "bedient u "),  # per_subregio: 'in subregio A bedient het Noord, maar niet Oost'
    ("daardoor krijgt het ", "daardoor krijgt u "),  # per_subregio: 'daardoor krijgt het in G2 (subregio R) 2 ...'
)


# A tie whose order decides the number without a rule (verdeling.verklaring._hoeveel): 'rang 2 (A, B)', the names
# joined by ', ', followed by another tie (' en rang 3 (...)') or the end of the clause
_GELIJKE_STAND = re.compile(
    r"((?:binnen de gelijke stand(?:en)? op | en )rang \d+ \()(.*?)(\))"
    r"(?= en rang \d+ \(|, die geen beslisregel of loting bepaalt)"
)


def tot_u(zin: str, naam: str) -> str:
    """'<naam> krijgt ...' about the bidder, rewritten as addressed to it."""
    if zin.startswith(f"{naam} krijgt "):
        zin = "U krijgt " + zin[len(naam) + len(" krijgt ") :]
    for oud, nieuw in _VERVANG:
        zin = zin.replace(oud, nieuw)
    # max_leveranciers reached with others and itself ('is bereikt met B en A zelf')
    zin = zin.replace(f" {naam} zelf;", " uzelf;")
    zin = _GELIJKE_STAND.sub(lambda m: m.group(1) + _zonder_zichzelf(m.group(2), naam) + m.group(3), zin)
    return re.sub(r"\b(\d{4,})\b", lambda m: f"{int(m.group(1)):,}".replace(",", "."), zin)


def _zonder_zichzelf(namen: str, naam: str) -> str:
    """'Aanzet, Alfa' in Alfa's letter: 'Aanzet en u' (the addressee does not read itself as a third party). The
    bidder's own name is matched whole, so a name with a comma in it stays intact; a tie without it is left as is."""
    delen = f", {namen}, "
    eigen = f", {naam}, "
    if eigen not in delen:
        return namen
    anderen = delen.replace(eigen, ", ", 1)[2:-2]
    return f"{anderen} en u"

"""The agenda of the consensus meeting: rapporten/intern/consensus-agenda.html (internal, A4 landscape).

Per lot and bidder the reviewers' scores and motivations side by side, disagreements highlighted
(the row, and the reviewer furthest from the others), Krippendorff's alpha per criterion and the
suggested score. Reviewer names appear here because the panel needs them; this file lives under
rapporten/intern/ and never goes into the formal advies.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from evaluatie.beoordeling.afwijkend import afwijkend
from evaluatie.beoordeling.alfatekst import alfa_tekst, zonder_wie
from evaluatie.beoordeling.model import Paneluitslag, Rijscore
from evaluatie.beoordeling.voorstel import REGEL, voorstel
from evaluatie.definitie.model import Aanbesteding, Perceel
from evaluatie.rapport.documentnaam import het_advies
from evaluatie.rapport.html import e, pagina, paginavoet
from evaluatie.tekst import kort, schaalstappen

_STIJL = """<style>
@page { size: A4 landscape; margin: 12mm; }
body { max-width: 273mm; }
table.agenda td, table.agenda th { font-size: 8.5pt; }
table.agenda td.beoordelaar { width: 22%; }
td .score { font-weight: 700; font-size: 10pt; display: block; }
tr.signaal td { background: #fff2cc; }
td.afwijker { outline: 2px solid #c00000; outline-offset: -2px; }
td.notitie { width: 14%; }
.bespreek li { margin: 0.5mm 0; }
.inschrijver { page-break-inside: avoid; }
</style>"""


def schrijf_agenda(aanbesteding: Aanbesteding, panel: Paneluitslag, pad: Path) -> Path:
    from evaluatie.schrijfwacht import schrijf_tekst

    return schrijf_tekst(pad, agenda_html(aanbesteding, panel))


def _volgorde(aanbesteding: Aanbesteding, panel: Paneluitslag) -> list[str]:
    """Reviewers in the order of `beoordelaars` (the order that also gives the letters A, B, C)."""
    bekend = [b for b in aanbesteding.beoordelaars if b in panel.beoordelaars]
    return bekend + [b for b in panel.beoordelaars if b not in bekend]


def agenda_html(aanbesteding: Aanbesteding, panel: Paneluitslag) -> str:
    beoordelaars = _volgorde(aanbesteding, panel)
    drempel = aanbesteding.beoordeling.signaal_spreiding_stappen
    signalen = [r for r in panel.rijen if r.signaal]
    delen = [
        _STIJL,
        f"<h1>Agenda consensusoverleg {e(aanbesteding.naam)}</h1>",
        '<p class="voldoet-niet">Intern document voor het beoordelingspanel: bevat de namen van de beoordelaars. '
        f"Niet opnemen in {het_advies(aanbesteding.procedures())} of verstrekken aan inschrijvers.</p>",
        f"<p>Beoordelaars: {e(', '.join(beoordelaars))}. Per inschrijver en criterium staan hieronder de scores en "
        "toelichtingen naast elkaar. Een regel is gemarkeerd als de spreiding (hoogste min laagste score) meer "
        f"dan {e(kort(drempel))} schaalstap(pen) is; "
        "de beoordelaar die het verst van de anderen zit, is omlijnd. "
        f"{e(REGEL)} Het panel legt de consensus vast in beoordelingen/consensus.xlsx.</p>",
        "<h2>Bespreekpunten</h2>",
    ]
    if signalen:
        delen.append(
            '<ol class="bespreek">'
            + "".join(
                f'<li><a href="#{_anker(r)}">{e(aanbesteding.percelen[r.perceel].naam)}: {e(r.inschrijver)}, '
                f"{e(aanbesteding.percelen[r.perceel].criterium_van(r.criterium).naam)}</a>: spreiding "
                f"{schaalstappen(r.spreiding_stappen)} "
                f"({e(_scores(aanbesteding.percelen[r.perceel], r, beoordelaars))}); {e(afwijkend(r.afwijkers))}</li>"
                for r in signalen
            )
            + "</ol>"
        )
    else:
        delen.append("<p>Geen regels met een spreiding boven de drempel.</p>")
    for code, perceel in aanbesteding.percelen.items():
        rijen = [r for r in panel.rijen if r.perceel == code]
        if not rijen:
            continue
        delen.append(f'<section class="perceel" id="perceel-{e(code)}">')
        delen.append(f"<h2>Perceel {e(perceel.naam)}</h2>")
        delen.append(f"<p>Schaal: {e(perceel.schaal.beschrijving())}.</p>")
        delen.append(_alfa(panel, perceel))
        for ins in dict.fromkeys(r.inschrijver for r in rijen):
            delen.append(_inschrijver(perceel, ins, [r for r in rijen if r.inschrijver == ins], beoordelaars))
        delen.append("</section>")
    titel = f"Agenda consensusoverleg {aanbesteding.naam}"
    return pagina(titel, "\n".join(delen), extra_stijl=paginavoet(titel))


def _anker(r: Rijscore) -> str:
    """One id per row: from a hash of lot, bidder and criterion, since two names may differ only where an id
    cannot ('Kompas Inburgering' and 'Kompas_Inburgering' gave one id, and the link of one led to the other)."""
    sleutel = "\x1f".join((r.perceel, r.inschrijver, r.criterium)).encode("utf-8")
    return f"r-{hashlib.sha256(sleutel).hexdigest()[:16]}"


def _scores(perceel: Perceel, r: Rijscore, beoordelaars: list[str]) -> str:
    return ", ".join(f"{b} {_stap(perceel, r.individueel[b])}" for b in beoordelaars if b in r.individueel)


def _stap(perceel: Perceel, punten: float) -> str:
    stap = next((s for s in perceel.schaal.stappen if abs(s.punten - punten) < 1e-9), None)
    if stap is None or not stap.label:
        return kort(punten)
    return f"{stap.label} ({kort(punten)})"


def _alfa(panel: Paneluitslag, perceel: Perceel) -> str:
    regels = []
    for b in panel.betrouwbaarheid:
        if b.perceel != perceel.code:
            continue
        alfa = alfa_tekst(panel, b)
        verbetering = e(zonder_wie(b)) or "-"
        regels.append(
            f'<tr><td>{e(perceel.criterium_van(b.criterium).naam)}</td><td class="getal" data-waarde="{b.alpha!r}">'
            f"{e(alfa)}</td><td>{verbetering}</td></tr>"
        )
    return (
        "<h3>Overeenstemming per criterium (Krippendorffs alfa, interval; 1 = volledig eens)</h3>"
        '<table><thead><tr><th>Criterium</th><th class="getal">Alfa</th><th>Alfa stijgt het meest</th></tr></thead>'
        f"<tbody>{''.join(regels)}</tbody></table>"
    )


def _inschrijver(perceel: Perceel, inschrijver: str, rijen: list[Rijscore], beoordelaars: list[str]) -> str:
    kop = "".join(f'<th class="beoordelaar">{e(b)}</th>' for b in beoordelaars)
    regels = []
    for r in rijen:
        cellen = []
        for b in beoordelaars:
            if b not in r.individueel:
                cellen.append('<td class="beoordelaar">-</td>')
                continue
            klasse = "beoordelaar afwijker" if b in r.afwijkers else "beoordelaar"
            cellen.append(
                f'<td class="{klasse}" data-beoordelaar="{e(b)}"><span class="score">'
                f"{e(_stap(perceel, r.individueel[b]))}</span>{e(r.toelichtingen.get(b, ''))}</td>"
            )
        stap = voorstel(perceel.schaal, list(r.individueel.values()))
        klasse = ' class="signaal"' if r.signaal else ""
        regels.append(
            f'<tr id="{_anker(r)}"{klasse} data-criterium="{e(r.criterium)}">'
            f"<td>{e(perceel.criterium_van(r.criterium).naam)}</td>{''.join(cellen)}"
            f'<td class="getal" data-waarde="{r.spreiding_stappen}">{r.spreiding_stappen}</td>'
            f"<td>{e(_stap(perceel, stap.punten)) if stap else '-'}</td>"
            '<td class="notitie"></td></tr>'
        )
    return (
        f'<div class="inschrijver"><h3>{e(inschrijver)}</h3><table class="agenda"><thead><tr><th>Criterium</th>'
        f'{kop}<th class="getal">Spreiding (stappen)</th><th>Voorstel</th><th>Consensus</th></tr></thead>'
        f"<tbody>{''.join(regels)}</tbody></table></div>"
    )

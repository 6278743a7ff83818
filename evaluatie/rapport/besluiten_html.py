"""The advies' account of human decisions: open points, recorded decisions (withdrawn ones too),
corrections applied at intake and panel scores set aside. What the letters rely on is listed here."""

from __future__ import annotations

from evaluatie.rapport.besluitenlijst import besluitregels
from evaluatie.rapport.gegevens import Rapportgegevens
from evaluatie.rapport.html import e


def besluiten_sectie(g: Rapportgegevens) -> str:
    delen = ["<h3>Besluiten en open punten</h3>"]
    if g.open_punten:
        delen.append(
            "<p>Open punten: zolang een punt open staat, is dit advies een concept en gaan er geen brieven uit.</p>"
            "<ul>"
            + "".join(f"<li>{e(p.tekst)} Af te handelen met <code>{e(p.commando)}</code>.</li>" for p in g.open_punten)
            + "</ul>"
        )
    else:
        delen.append("<p>Er staan geen punten open die een besluit van een persoon vragen.</p>")
    # the same sentences, from the same objects, as gunning.json's "besluiten" (rapport.besluitenlijst)
    regels = [
        tekst
        for _, tekst in besluitregels(
            g.besluiten, g.lotingen, g.verouderd, g.aanbesteding, g.inschrijvingen, g.besluiten_buiten
        )
    ]
    if regels:
        delen.append(
            "<p>Vastgelegde besluiten en lotingen (<code>besluiten.yaml</code> en <code>loting.yaml</code>, met de "
            "hash in de verantwoording van de invoer):</p><ul>"
            + "".join(f'<li class="besluit">{e(r)}</li>' for r in regels)
            + "</ul>"
        )
    # a correction in a lot this award does not compute (gunning --lots) is listed above, labelled, but not counted
    herstel = [b for b in g.besluiten if b.soort == "herstel" and g.toegepast(b) and b.id not in g.besluiten_buiten]
    if herstel:
        delen.append(
            f"<p>{len(herstel)} kennelijke {'fout' if len(herstel) == 1 else 'fouten'} hersteld: de bestanden van de "
            "inschrijvers zijn niet gewijzigd; "
            "bij het inlezen is de herstelde waarde gebruikt (zie hierboven).</p>"
        )
    if g.opzij:
        delen.append(
            "<p>Scores opzijgezet (regels in de formulieren van inschrijvingen die het panel niet beoordeelt, met de "
            "reden; de ondertekende formulieren zijn niet gewijzigd):</p><ul>"
            + "".join(f"<li>{e(r)}</li>" for r in sorted((_anoniem(g, r) for r in g.opzij), key=_formulier))
            + "</ul>"
        )
    return "".join(delen)


def _formulier(regel: str) -> tuple[int, int, str]:
    """The order of the forms' letters ('Formulier van Beoordelaar B, ...' after A, AA after Z), not of their file
    names: with the reviewers listed otherwise than alphabetically, the advies named Beoordelaar B before A, unlike
    the proces-verbaal. The consensus workbook's rows come after the forms; rows of one form keep their order (the
    sort is stable)."""
    wie = regel.split(", tabblad ", 1)[0]
    if not wie.startswith("Formulier van Beoordelaar "):  # the consensus workbook's rows: after the forms
        return 1, 0, ""
    return 0, len(wie), wie


def _anoniem(g: Rapportgegevens, regel: str) -> str:
    """A reviewer's form is named as in the input list ('formulier van Beoordelaar A'), never by file name, and its
    place in words: 'Formulier van Beoordelaar A, tabblad Beoordeling, A8:A9: ...', not the terminal's
    'ada.xlsx!Beoordeling!A8:A9', which in the advies read 'formulier van Beoordelaar A!Beoordeling!A8:A9'."""
    delen = regel.split("!", 2)
    naam = g.invoernaam(delen[0])
    if len(delen) == 3 and naam == delen[0]:  # the consensus workbook: no reviewer to hide, its place in words too
        return f"{naam}, tabblad {delen[1]}, {delen[2]}"
    if len(delen) < 3 or naam == delen[0]:
        return naam + regel[len(delen[0]) :]
    naam = naam.removeprefix("beoordelingen: ")
    return f"{naam[:1].upper()}{naam[1:]}, tabblad {delen[1]}, {delen[2]}"

"""The example panel: three reviewers' filled workbooks and one consensus row.

Scores are scale steps (0 onvoldoende .. 4 uitstekend) per criterion K1..K4. Each reviewer
starts from the bid's base and deviates where listed. Joost de Ridder scores Inburgerwijs
Academie's plan (B1, K1) 'onvoldoende' where his colleagues give 'goed': the panel settles
that row in consensus. He is also stricter than his colleagues on Inburgerwijs elsewhere,
which is what the robustness analysis picks up.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from evaluatie.ooxml import bewaar_werkmap

BASIS = {  # (inschrijver, perceel): steps for K1..K4
    ("Taalhuis De Brug B.V.", "B1"): (3, 3, 3, 3),
    ("Inburgerwijs Academie", "B1"): (3, 3, 3, 3),
    ("Kompas Inburgering", "B1"): (3, 2, 3, 2),
    ("Leerpunt Vechtstreek", "B1"): (2, 1, 2, 1),
    ("Spreekbeurt Taaltrainingen", "B1"): (3, 2, 2, 2),
    ("Taalhuis De Brug B.V.", "onderwijs"): (3, 3, 2, 3),
    ("Nieuwe Start Opleidingen", "onderwijs"): (3, 2, 3, 3),
    ("Kompas Inburgering", "onderwijs"): (2, 2, 3, 2),
    ("Spreekbeurt Taaltrainingen", "onderwijs"): (3, 3, 3, 2),
    ("Inburgerwijs Academie", "Z"): (3, 3, 2, 3),
    ("Kompas Inburgering", "Z"): (3, 2, 2, 2),
}
AFWIJKING = {  # (beoordelaar, inschrijver, perceel, criterium index): step
    ("Joost de Ridder", "Inburgerwijs Academie", "B1", 0): 0,
    ("Joost de Ridder", "Inburgerwijs Academie", "B1", 1): 2,
    ("Joost de Ridder", "Inburgerwijs Academie", "B1", 3): 2,
    ("Joost de Ridder", "Taalhuis De Brug B.V.", "B1", 0): 4,
    ("Anouk Verbeek", "Taalhuis De Brug B.V.", "B1", 2): 2,
    ("Mehmet Yilmaz", "Inburgerwijs Academie", "B1", 0): 4,
    ("Mehmet Yilmaz", "Kompas Inburgering", "onderwijs", 0): 3,
    ("Anouk Verbeek", "Spreekbeurt Taaltrainingen", "onderwijs", 3): 3,
    ("Joost de Ridder", "Kompas Inburgering", "Z", 1): 3,
}
TOELICHTING = {
    0: "Het plan beantwoordt de vraag niet; maatwerk en werkwijze ontbreken.",
    1: "Het plan is summier en weinig concreet voor de doelgroep.",
    2: "Het plan voldoet aan de eisen maar blijft algemeen.",
    3: "Het plan is concreet en goed afgestemd op de doelgroep, met enkele meerwaarde.",
    4: "Het plan is overtuigend, concreet en biedt duidelijke meerwaarde voor inburgeraars en gemeenten.",
}
CONSENSUS = {
    ("Inburgerwijs Academie", "B1", 0): (
        3,
        "Het panel stelt na bespreking vast dat het plan het maatwerk per leerbaarheidsniveau "
        "concreet uitwerkt (par. 2.3); de score goed is passend.",
    ),
}


def schrijf_beoordelingen(doel: Path) -> None:
    from evaluatie.beoordeling.formulier import (
        CONSENSUSBESTAND,
        KOPRIJ,
        TABBLAD_CONSENSUS,
        bestandsnaam,
        schrijf_beoordelingsformulier,
    )
    from evaluatie.pipeline import laad_invoer, te_beoordelen_rijen, toets_werkmap
    from evaluatie.werkmap import Werkmap

    werkmap = Werkmap(doel)
    invoer = laad_invoer(werkmap)
    rijen = te_beoordelen_rijen(invoer, toets_werkmap(invoer))
    a = invoer.aanbesteding
    tijd = dt.datetime.combine(a.data.sluiting + dt.timedelta(days=10), dt.time(17))
    for n, beoordelaar in enumerate(a.beoordelaars):
        pad = werkmap.beoordelingen / bestandsnaam(beoordelaar)
        schrijf_beoordelingsformulier(a, beoordelaar, rijen, pad)
        wb = load_workbook(pad)
        ws = wb.active
        ws["B2"] = a.data.sluiting + dt.timedelta(days=7 + n)
        ws["B3"] = "ja"
        for i, (ins, code, crit) in enumerate(rijen, start=KOPRIJ + 1):
            k = [c.code for c in a.percelen[code].gunningscriteria].index(crit)
            stap = AFWIJKING.get((beoordelaar, ins, code, k), BASIS[(ins, code)][k])
            ws.cell(i, 4, a.percelen[code].schaal.stappen[stap].tekst)
            ws.cell(i, 5, TOELICHTING[stap])
        bewaar_werkmap(wb, pad, tijd)
    pad = werkmap.beoordelingen / CONSENSUSBESTAND
    rij_cons = [
        r for r in rijen if (r[0], r[1], [c.code for c in a.percelen[r[1]].gunningscriteria].index(r[2])) in CONSENSUS
    ]
    schrijf_beoordelingsformulier(a, "Consensus panel", rij_cons, pad, titel=TABBLAD_CONSENSUS)
    wb = load_workbook(pad)
    ws = wb.active
    ws["B2"] = a.data.sluiting + dt.timedelta(days=14)
    ws["B3"] = "ja"
    for i, (ins, code, crit) in enumerate(rij_cons, start=KOPRIJ + 1):
        k = [c.code for c in a.percelen[code].gunningscriteria].index(crit)
        stap, tekst = CONSENSUS[(ins, code, k)]
        ws.cell(i, 4, a.percelen[code].schaal.stappen[stap].tekst)
        ws.cell(i, 5, tekst)
    bewaar_werkmap(wb, pad, tijd)

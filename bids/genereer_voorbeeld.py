"""Build the bundled example tender (bids/voorbeeld) byte-identically: python bids/genereer_voorbeeld.py

This is example data, not the library: it lives beside the example it writes. Tests import it
as `bids.genereer_voorbeeld` (from the repository root), the bench scripts likewise.

Modelled on Regio Gooi en Vechtstreek's 2021 joint tender: seven gemeenten, 150
inburgeraars a year split 65% B1 / 25% onderwijs / 10% Z, price ceiling EUR 10,000.
The six bidders are invented. Two are there to be knocked out: Nieuwe Start Opleidingen
(keurmerk expired before the peildatum) and Leerpunt Vechtstreek (onderwijsroute bid above
the ceiling). Reviewer Joost de Ridder disagrees strongly with his colleagues on one row.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from openpyxl import load_workbook

from evaluatie.ooxml import bewaar_werkmap

GEMEENTEN = [  # naam, subregio, inburgeraars per jaar
    ("Blaricum", "BEL", 6),
    ("Eemnes", "BEL", 3),
    ("Gooise Meren", "Gooise Meren-Huizen", 32),
    ("Hilversum", "Hilversum-Wijdemeren", 70),
    ("Huizen", "Gooise Meren-Huizen", 17),
    ("Laren", "BEL", 6),
    ("Wijdemeren", "Hilversum-Wijdemeren", 16),
]
VERDELING = (("B1", 65), ("onderwijs", 25), ("Z", 10))

CONTACTPERSONEN = {  # invented, like the bidders
    "90000001": "mevrouw E. de Boer",
    "90000002": "de heer K. Amrani",
    "90000003": "mevrouw L. van Dijk",
    "90000004": "de heer P. Visser",
    "90000005": "mevrouw R. Bakker",
    "90000006": "de heer T. Smit",
}

BEOORDELAARS = ["Anouk Verbeek", "Mehmet Yilmaz", "Joost de Ridder"]

# naam, kvk, keurmerk geldig tot, {perceel: (prijs, capaciteit, instroom, wachttijd, gemeenten)}
INSCHRIJVERS = [
    (
        "Taalhuis De Brug B.V.",
        "90000001",
        dt.date(2023, 12, 31),
        {
            "B1": (9200, 60, 12, 4, "alle"),
            "onderwijs": (9600, 25, 12, 6, "alle"),
        },
    ),
    (
        "Inburgerwijs Academie",
        "90000002",
        dt.date(2024, 6, 30),
        {
            "B1": (8700, 45, 24, 3, "alle"),
            "Z": (9100, 10, 12, 4, "alle"),
        },
    ),
    (
        "Nieuwe Start Opleidingen",
        "90000003",
        dt.date(2021, 3, 31),
        {
            "B1": (8400, 50, 12, 4, "alle"),
            "onderwijs": (9000, 20, 12, 5, "alle"),
            "Z": (8900, 12, 12, 4, "alle"),
        },
    ),
    (
        "Leerpunt Vechtstreek",
        "90000004",
        dt.date(2024, 1, 31),
        {
            "B1": (9400, 30, 12, 5, "Hilversum; Wijdemeren"),
            "onderwijs": (10450, 20, 12, 4, "alle"),
        },
    ),
    (
        "Spreekbeurt Taaltrainingen",
        "90000005",
        dt.date(2023, 9, 30),
        {
            "B1": (9800, 40, 12, 6, "alle"),
            "onderwijs": (9300, 18, 12, 6, "alle"),
        },
    ),
    (
        "Kompas Inburgering",
        "90000006",
        dt.date(2025, 3, 31),
        {
            "B1": (9000, 35, 12, 5, "Blaricum; Eemnes; Laren; Gooise Meren; Huizen"),
            "onderwijs": (9900, 15, 12, 8, "alle"),
            "Z": (9500, 10, 12, 6, "alle"),
        },
    ),
]


def verdeel(totaal: int) -> dict[str, int]:
    """Split a gemeente's yearly total over the routes by largest remainder (ties: route order)."""
    exact = {code: totaal * pct / 100 for code, pct in VERDELING}
    uit = {code: int(x) for code, x in exact.items()}
    rest = totaal - sum(uit.values())
    volgorde = sorted(exact, key=lambda c: (-(exact[c] - uit[c]), [v[0] for v in VERDELING].index(c)))
    for code in volgorde[:rest]:
        uit[code] += 1
    return uit


def aanbesteding_yaml() -> str:
    regels = [
        "# Voorbeeldaanbesteding, naar het model van Regio Gooi en Vechtstreek (2021).",
        "# Gegenereerd door bids/genereer_voorbeeld.py; niet met de hand wijzigen.",
        "naam: Inburgering Gooi en Vechtstreek 2022",
        "penvoerder: Gemeente Hilversum",
        "procedure: gunning",
        "criteriaset: inburgering-2022",
        "data:",
        "  publicatie: 2021-04-01",
        "  sluiting: 2021-05-20",
        "  keurmerk_peildatum: 2021-06-04",
        "  gunning: 2021-07-01",
        "standstill_dagen: 20",
        "looptijd: {jaren: 2, optiejaren: 1}",
        "beoordelaars:",
        *[f"  - {b}" for b in BEOORDELAARS],
        "afzender:",
        "  adres: [Postbus 9900, 1201 GM Hilversum]",
        "  contactpersoon: {naam: S. Jansen, functie: inkoopadviseur, telefoon: 035 629 00 00,"
        " email: inkoop@hilversum.example.nl}",
        "  ondertekenaar: {naam: mr. A.B. de Vries, functie: afdelingshoofd Inkoop en Aanbesteden}",
        "rechtsbescherming:",
        "  rechtbank: Rechtbank Midden-Nederland",
        "  klachtenmeldpunt: het Klachtenmeldpunt Aanbesteden van de gemeente Hilversum"
        " (klachtenmeldpunt@hilversum.example.nl)",
        "openbaarmaking: {prijs_winnaar: score}",
        "gemeenten:",
    ]
    for naam, subregio, totaal in GEMEENTEN:
        per_route = verdeel(totaal)
        if naam == "Eemnes":
            per_route.pop("Z")  # Eemnes buys the Z-route elsewhere (and expects none)
        inb = ", ".join(f"{c}: {n}" for c, n in per_route.items())
        regels += [f"  - naam: {naam}", f"    subregio: {subregio}", f"    inburgeraars: {{{inb}}}"]
    zonder_eemnes = ", ".join(g[0] for g in GEMEENTEN if g[0] != "Eemnes")
    regels += [
        "percelen:",
        "  B1:",
        "    gemeenten: alle",
        "    verdeling: {max_aandeel: 0.5, min_volume: 10, max_leveranciers_per_gemeente: 2}",
        "  onderwijs:",
        "    gemeenten: alle",
        "    verdeling: {max_aandeel: 0.6}",
        "  Z:",
        f"    gemeenten: [{zonder_eemnes}]",
        "    knockout: {capaciteit: {minimum: 2}}",
    ]
    return "\n".join(regels) + "\n"


def vul_inschrijving(sjabloon: Path, doel: Path, inschrijver: tuple, tijd: dt.datetime) -> None:
    naam, kvk, geldig, aanbod = inschrijver
    wb = load_workbook(sjabloon)
    ws = wb["Inschrijver"]
    waarden = [
        naam,
        kvk,
        CONTACTPERSONEN[kvk],
        f"aanbesteding@{kvk}.example.nl",
        "ja",
        f"BOW-{kvk[-4:]}",
        geldig,
        "nee",
    ]
    for i, w in enumerate(waarden, start=2):
        ws.cell(i, 2, w)
    ws.cell(8, 2).number_format = "DD-MM-YYYY"
    wp = wb["Percelen"]
    for r, (code, (prijs, cap, instroom, wacht, gemeenten)) in enumerate(aanbod.items(), start=2):
        for j, w in enumerate((code, prijs, cap, instroom, wacht, gemeenten), start=1):
            wp.cell(r, j, w)
    bewaar_werkmap(wb, doel, tijd)


def genereer(doel: Path) -> Path:
    """(Re)build the example workspace at `doel`. Deterministic: same bytes every time."""
    from evaluatie.definitie.laden import laad_aanbesteding
    from evaluatie.inschrijving.formulier import schrijf_inschrijfformulier
    from evaluatie.prijs.basis import inschrijfregels
    from evaluatie.toets.eisen import formulierregels

    for sub in ("inschrijvingen", "beoordelingen", "rapporten"):
        if (doel / sub).exists():
            shutil.rmtree(doel / sub)
    doel.mkdir(parents=True, exist_ok=True)
    (doel / "aanbesteding.yaml").write_text(aanbesteding_yaml(), encoding="utf-8")
    aanbesteding, _ = laad_aanbesteding(doel / "aanbesteding.yaml")
    sjabloon = schrijf_inschrijfformulier(  # as `evaluatie template inschrijving` writes it
        aanbesteding,
        doel / "inschrijfformulier.xlsx",
        inschrijfregels(aanbesteding),
        knockoutregels=formulierregels(aanbesteding),
    )
    tijd = dt.datetime.combine(aanbesteding.data.sluiting, dt.time(12))
    for ins in INSCHRIJVERS:
        bestand = ins[0].split()[0].lower() + ".xlsx"
        vul_inschrijving(sjabloon, doel / "inschrijvingen" / bestand, ins, tijd)
    _beoordelingen(doel)
    return doel


def _beoordelingen(doel: Path) -> None:
    """Filled reviewer workbooks and the consensus sheet (added with the panel stage)."""

    schrijf_beoordelingen(doel)


# --- The example panel
# The example panel: three reviewers' filled workbooks and one consensus row.
#
# Scores are scale steps (0 onvoldoende .. 4 uitstekend) per criterion K1..K4. Each reviewer
# starts from the bid's base and deviates where listed. Joost de Ridder scores Inburgerwijs
# Academie's plan (B1, K1) 'onvoldoende' where his colleagues give 'goed': the panel settles
# that row in consensus. He is also stricter than his colleagues on Inburgerwijs elsewhere,
# which is what the robustness analysis picks up.

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
    from evaluatie.beoordeling.verklaring import GEEN
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
        ws["B3"] = GEEN
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
    ws["B3"] = GEEN
    for i, (ins, code, crit) in enumerate(rij_cons, start=KOPRIJ + 1):
        k = [c.code for c in a.percelen[code].gunningscriteria].index(crit)
        stap, tekst = CONSENSUS[(ins, code, k)]
        ws.cell(i, 4, a.percelen[code].schaal.stappen[stap].tekst)
        ws.cell(i, 5, tekst)
    bewaar_werkmap(wb, pad, tijd)


if __name__ == "__main__":
    pad = genereer(Path(__file__).resolve().parent / "voorbeeld")
    print(f"Voorbeeldaanbesteding geschreven in {pad}")

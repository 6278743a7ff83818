"""A 22-gemeente test tender in four subregio's, written as a user would (YAML + workbooks via openpyxl).

Built to exercise every award decision at once:
- B1 (relatief 60/40): several winners; max_aandeel, min_volume, max_leveranciers_per_gemeente
  and a tight budget in one gemeente; Kompas Oost and Leerhuis West tie exactly (same price,
  same scores, no tie rule) and the order changes the allocation, so a draw is needed;
- onderwijs (lineair): per_subregio;
- Z (fictieve_korting, Gunnen op Waarde): several winners; min_volume 10 makes Inburgerwijs give way;
- one bidder with an exclusion ground (uitgesloten), one with an expired keurmerk and one
  below the minimum quality (ongeldig), one assessed but not awarded (afgewezen).
With `alle_oorzaken=True` two more lots make the causes that the three lots above leave out bind
(see OORZAKEN_AANBOD): PVT (equal value, the tie-break goes first; plain lack of demand) and MAP
(max_leveranciers_per_gemeente; budget; better-ranked capacity). The default tender is unchanged.
Every reviewer writes a different motivation per row, so merged texts would be visible.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from tests.hulp import GEEN_BELANGENVERSTRENGELING, LOTING_WIE, maak_werkmap, schrijf_bod

SUBREGIOS = {  # real gemeenten (names are checked against the register), invented subregio's
    "Noord": ["Assen", "Tynaarlo", "Aa en Hunze", "Midden-Drenthe", "Noordenveld", "Westerkwartier"],
    "Oost": ["Emmen", "Coevorden", "Borger-Odoorn", "Hoogeveen", "De Wolden", "Meppel"],
    "Zuid": ["Zwolle", "Kampen", "Dalfsen", "Staphorst", "Zwartewaterland"],
    "West": ["Steenwijkerland", "Westerveld", "Ommen", "Hardenberg", "Raalte"],
}
GEMEENTEN = [g for leden in SUBREGIOS.values() for g in leden]
BEOORDELAARS = ["Ada Alders", "Bram Bos"]
CRITERIA = {"K1": ("Plan van aanpak", 60), "K2": ("Samenwerking", 40)}
SCHAAL = {0: "onvoldoende", 25: "matig", 50: "voldoende", 75: "goed", 100: "uitstekend"}


def vraag(i: int, alle_oorzaken: bool = False) -> dict[str, int]:
    """Deterministic demand per gemeente (position i in the list); PVT and MAP flat, for hand computation."""
    uit = {"B1": 4 + (i * 7) % 13, "onderwijs": 1 + (i * 3) % 5, "Z": 1 + i % 3}
    return {**uit, "PVT": 2, "MAP": 5} if alle_oorzaken else uit


def definitie(procedure: str = "gunning", alle_oorzaken: bool = False) -> dict[str, Any]:
    subregio = {g: r for r, leden in SUBREGIOS.items() for g in leden}
    schaal = {"stappen": [{"label": v, "punten": k} for k, v in SCHAAL.items()]}
    criteria = {c: {"naam": n, "weging": w} for c, (n, w) in CRITERIA.items()}
    knockout = {"keurmerk": {}, "uitsluitingsgronden": {}, "plafondprijs": {}, "minimum_kwaliteit": {"drempel": 50}}
    basis = {"gemeenten": "alle", "plafondprijs": 10000, "schaal": schaal, "gunningscriteria": criteria}
    data = {
        "naam": "Inburgering Proefregio 2027",
        "penvoerder": "Gemeente Assen",
        "procedure": procedure,
        "data": {"publicatie": "2026-09-01", "sluiting": "2026-10-15", "keurmerk_peildatum": "2026-11-02",
                 "gunning": "2026-12-07"},
        "looptijd": {"jaren": 3, "optiejaren": 2},
        "beoordelaars": BEOORDELAARS,
        "afzender": {
            "adres": ["Postbus 1", "9400 AA Assen"],
            "contactpersoon": {"naam": "P. Inkoper", "functie": "inkoopadviseur", "telefoon": "0500 000000",
                               "email": "inkoop@assen.example.nl"},
            "ondertekenaar": {"naam": "drs. Q. Tekenaar", "functie": "directeur Sociaal Domein"},
        },
        "rechtsbescherming": {"rechtbank": "Rechtbank Noord-Nederland",
                              "klachtenmeldpunt": "het klachtenmeldpunt van de gemeente Assen"},
        "gemeenten": [
            {"naam": g, "subregio": subregio[g], "inburgeraars": vraag(i, alle_oorzaken)}
            for i, g in enumerate(GEMEENTEN)
        ],
        "percelen": {
            "B1": {**basis, "naam": "B1-route", "prijsmethode": "relatief", "knockout": knockout,
                   "weging": {"kwaliteit": 60, "prijs": 40},
                   "verdeling": {"max_aandeel": 0.35, "min_volume": 8, "max_leveranciers_per_gemeente": 2,
                                 "budget_per_gemeente": {"Coevorden": 125000}}},
            "onderwijs": {**basis, "naam": "Onderwijsroute", "prijsmethode": "lineair",
                          "knockout": {k: v for k, v in knockout.items() if k != "keurmerk"},
                          "verdeling": {"per_subregio": True}},
            "Z": {**basis, "naam": "Z-route", "prijsmethode": "fictieve_korting", "max_fictieve_korting": 3000,
                  "knockout": knockout, "verdeling": {"min_volume": 10}},
        },
    }  # fmt: skip
    if alle_oorzaken:
        data["percelen"]["PVT"] = {
            **basis, "naam": "PVT-route", "prijsmethode": "fictieve_korting", "max_fictieve_korting": 3000,
            "knockout": knockout, "bij_gelijke_stand": ["hoogste_kwaliteit"], "verdeling": {},
        }  # fmt: skip
        data["percelen"]["MAP"] = {
            **basis, "naam": "Module Arbeidsmarkt en Participatie", "prijsmethode": "relatief", "knockout": knockout,
            "weging": {"kwaliteit": 60, "prijs": 40},
            "verdeling": {"max_leveranciers_per_gemeente": 1, "budget_per_gemeente": {"Emmen": 40000}},
        }  # fmt: skip
    if procedure == "toelating":  # an open house has no distribution rules (an input error: they would not apply)
        for perceel in data["percelen"].values():  # nor the settings of a ranking (weging, ...)
            perceel["verdeling"] = {}
            for veld in ("max_fictieve_korting", "bij_gelijke_stand", "abnormaal_laag", "abnormaal_maatstaf", "weging"):
                perceel.pop(veld, None)
            if perceel.get("prijsmethode") != "vaste_prijs":  # nor a price method that scores prices
                perceel.pop("prijsmethode", None)
    return data


def _gemeenten(*regios: str) -> str:
    return "; ".join(g for r in regios for g in SUBREGIOS[r])


# naam, kvk, contact, scores (K1, K2), extra form fields, {lot: (price, capacity, gemeenten)}
INSCHRIJVERS: list[tuple[str, str, str, tuple[int, int], dict[str, Any], dict[str, tuple]]] = [
    ("Taalhuis Noord B.V.", "80000001", "de heer T. Smit", (100, 75), {},
     {"B1": (9200, 80, "alle"), "onderwijs": (9400, 30, "alle"), "Z": (9000, 20, "alle")}),
    ("Inburgerwijs", "80000002", "mevrouw E. de Boer", (75, 75), {},
     {"B1": (8500, 60, "alle"), "onderwijs": (9000, 25, _gemeenten("Noord", "Oost")), "Z": (8600, 15, "alle")}),
    ("Kompas Oost", "80000003", "mevrouw A. van der Berg", (75, 50), {},
     {"B1": (8500, 40, _gemeenten("Oost", "Zuid"))}),
    ("Leerhuis West", "80000004", "de heer K. El Amrani", (75, 50), {},
     {"B1": (8500, 40, _gemeenten("West", "Zuid"))}),
    ("Spreektaal", "80000005", "Jan de Vries", (50, 50), {},
     {"B1": (9800, 50, "alle"), "onderwijs": (9900, 20, "alle"), "Z": (9900, 10, "alle")}),
    ("Nieuwe Start", "80000006", "mevrouw R. Bakker", (75, 75), {"geldig_tot": dt.date(2026, 9, 30)},
     {"B1": (8000, 50, "alle"), "Z": (8200, 10, "alle")}),
    ("Onbetrouwbaar B.V.", "80000007", "de heer O. Jansen", (75, 75), {"uitsluiting": "ja"},
     {"B1": (8100, 50, "alle")}),
    ("Zwakke Plannen", "80000008", "mevrouw Z. Zwart", (25, 50), {},
     {"B1": (8000, 30, "alle"), "onderwijs": (8500, 10, "alle")}),
]  # fmt: skip


# Offers on PVT and MAP (only with alle_oorzaken), designed so that each remaining cause binds for
# exactly one supplier and for no other reason. Qualities (60 x K1 + 40 x K2) / 100: Taalhuis 90,
# Inburgerwijs 75, Kompas Oost 65, Spreektaal 50.
#
# PVT (fictieve_korting, maximum discount EUR 3.000, demand 2 in each of the 22 gemeenten, no rules):
# - Taalhuis: 9.450 - 3.000 x 90/100 = 6.750; Inburgerwijs: 9.000 - 3.000 x 75/100 = 6.750. Equal
#   value; the tie rule hoogste_kwaliteit ranks Taalhuis first, and among equal value the allocation
#   serves the better-ranked first (the price does not decide a tie), so Taalhuis fills its 20 first
#   in Noord, Zuid and West (16 gemeenten x 2 = 32) and the cheaper Inburgerwijs gets 32 - 20 = 12 of
#   20: "equal value, the tie-break goes first".
# - Kompas Oost alone serves Oost (6 x 2 = 12 < its capacity 20; fictitious price 9.000 - 1.950 =
#   7.050): it gets all 12 there, "plain lack of demand".
# MAP (relatief 60/40, demand 5 in each gemeente, max 1 supplier per gemeente, budget Emmen EUR 40.000):
#   price scores 8.000/p x 100: Taalhuis 84,21, Inburgerwijs 88,89, Spreektaal 100; totals
#   54 + 33,68 = 87,68 > 45 + 35,56 = 80,56 > 30 + 40 = 70.
# - Taalhuis serves only Noord (6 x 5 = 30) with capacity 27: one supplier per gemeente means
#   whole gemeenten of 5, so 5 gemeenten = 25 (Westerkwartier, last in the list, goes to
#   Spreektaal); without the rule it would fill its 27. The budget is in Oost: relaxing it changes
#   nothing for Taalhuis.
# - Inburgerwijs serves only Oost (30) with capacity 30: Emmen (5 x 9.000 = 45.000) exceeds its
#   budget of 40.000, which Spreektaal just fits (5 x 8.000), so Inburgerwijs gets the other 5
#   gemeenten = 25; without the budget it gets all 30. Without the per-gemeente maximum it still
#   cannot take even one in Emmen (40.000 + 9.000 - 8.000 > 40.000): only the budget binds.
# - Spreektaal (capacity 100) gets Westerkwartier and Emmen and all of Zuid and West: 5 x 12 = 60;
#   relaxing either rule only gives it less, so the demand went to better-ranked suppliers
#   (Taalhuis 25, Inburgerwijs 25).
OORZAKEN_AANBOD: dict[str, dict[str, tuple]] = {
    "Taalhuis Noord B.V.": {"PVT": (9450, 20, _gemeenten("Noord", "Zuid", "West")),
                            "MAP": (9500, 27, _gemeenten("Noord"))},
    "Inburgerwijs": {"PVT": (9000, 20, _gemeenten("Noord", "Zuid", "West")), "MAP": (9000, 30, _gemeenten("Oost"))},
    "Kompas Oost": {"PVT": (9000, 20, _gemeenten("Oost"))},
    "Spreektaal": {"MAP": (8000, 100, "alle")},
}  # fmt: skip


def _motivering(beoordelaar: str, inschrijver: str, criterium: str, punten: int) -> str:
    # the reviewer's initials mark whose words a letter quotes: a name in a toelichting is an input error
    eerste = "".join(deel[0] for deel in beoordelaar.split())
    return f"{eerste} over {criterium.lower()} bij {inschrijver}: oordeel {SCHAAL[punten]}, eigen woorden van {eerste}."


def maak(root: Path, procedure: str = "gunning", alle_oorzaken: bool = False) -> Path:
    """Write the whole workspace; returns its path."""
    from evaluatie.pipeline import schrijf_beoordelingsformulieren
    from evaluatie.werkmap import Werkmap

    ws = maak_werkmap(root, definitie(procedure, alle_oorzaken))
    for naam, kvk, contact, _, extra, aanbod in INSCHRIJVERS:
        if alle_oorzaken:
            aanbod = {**aanbod, **OORZAKEN_AANBOD.get(naam, {})}
        rijen = [(code, prijs, cap, 12, 4, gem) for code, (prijs, cap, gem) in aanbod.items()]
        schrijf_bod(ws, f"{kvk}.xlsx", naam, kvk, rijen, contact=contact, email=f"post@{kvk}.example.nl", **extra)
    schrijf_beoordelingsformulieren(Werkmap(ws))
    scores = {naam: s for naam, _, _, s, _, _ in INSCHRIJVERS}
    criteria_naam = {n: c for c, (n, _) in CRITERIA.items()}
    for i, beoordelaar in enumerate(BEOORDELAARS):
        pad = ws / "beoordelingen" / f"{beoordelaar.lower().replace(' ', '-')}.xlsx"
        wb = load_workbook(pad)
        blad = wb["Beoordeling"]
        blad["B2"] = dt.date(2026, 10, 30)
        blad["B3"] = GEEN_BELANGENVERSTRENGELING
        for r in range(6, blad.max_row + 1):
            inschrijver, criterium = blad.cell(r, 1).value, blad.cell(r, 3).value
            if inschrijver not in scores:
                continue
            punten = scores[inschrijver][0 if criteria_naam[criterium] == "K1" else 1]
            blad.cell(r, 4, SCHAAL[punten])
            blad.cell(r, 5, _motivering(beoordelaar, inschrijver, criterium, punten))
        wb.save(pad)
        del i
    return ws


def weeg_uitsluitingsgrond(ws: Path) -> None:
    """Onbetrouwbaar B.V. declared an exclusion ground: the inkoper records the weighing (exclusion)."""
    from click.testing import CliRunner

    from evaluatie.cli import main

    res = CliRunner().invoke(
        main,
        [
            "uitsluitingsgrond", "--werkmap", str(ws), "--inschrijver", "Onbetrouwbaar B.V.",
            "--grond", "onherroepelijke veroordeling voor fraude", "--artikel", "2.86",
            "--feiten", "Veroordeling van de bestuurder in 2025, blijkend uit de eigen verklaring.",
            "--zelfreiniging", "Geen maatregelen aangetoond; de bestuurder is nog in functie.",
            "--uitkomst", "uitgesloten", "--reden", "Een verplichte uitsluitingsgrond zonder zelfreiniging.",
            "--door", "mr. A. Inkoop, inkoopadviseur", "--datum", "2026-12-01",
        ],
    )  # fmt: skip
    assert res.exit_code == 0, res.output


def gun_met_loting(ws: Path) -> None:
    """Run the award as an inkoper would: the first `gunning` stops on the undecided B1 tie
    (exit 1, naming the draw command), the draw is recorded with `loting`, then `gunning` runs."""
    from click.testing import CliRunner

    from evaluatie.cli import main

    def run(*args: str):
        return CliRunner().invoke(main, list(args))

    eerste = run("gunning", "--werkmap", str(ws))
    assert eerste.exit_code == 1, eerste.output  # Kompas Oost and Leerhuis West tie and the order matters
    assert '--volgorde "Kompas Oost;Leerhuis West"' in eerste.output
    assert 'evaluatie uitsluitingsgrond --inschrijver "Onbetrouwbaar B.V."' in eerste.output
    weeg_uitsluitingsgrond(ws)
    res = run(
        "loting", "--werkmap", str(ws), "--lots", "B1", "--volgorde", "Leerhuis West;Kompas Oost",
        "--datum", "2026-12-01", "--getuige", "mr. N. Notaris, notaris te Assen", *LOTING_WIE,
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    res = run("gunning", "--werkmap", str(ws))
    assert res.exit_code == 0, res.output

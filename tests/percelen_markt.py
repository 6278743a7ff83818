"""A tender made as an inkoper would: Flevoland, five lots, B1/onderwijs/Z on award and PVT/MAP as
open house, three bidders and three reviewers, from `evaluatie nieuw` to the letters.

Shared by tests/test_percelen_markt.py (documents per lot procedure) and tests/test_briefopmaak.py
(docx and rendered-PDF layout checks)."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import schrijf_bod, vul_beoordeling

# Expected inburgeraars per year (B1, onderwijs, Z, PVT, MAP), hand-picked.
AANTALLEN = {
    "Almere": (60, 20, 8, 70, 60),
    "Dronten": (12, 4, 2, 14, 12),
    "Lelystad": (30, 10, 4, 35, 30),
    "Noordoostpolder": (10, 3, 2, 12, 10),
    "Urk": (12, 2, 1, 9, 8),
}
CODES = ("B1", "onderwijs", "Z", "PVT", "MAP")
ALLE = "Almere; Dronten; Lelystad; Noordoostpolder; Urk"

# (bestand, naam, kvk, contact, {lot: (price, capacity)})
BIEDERS = [
    ("taalhuis.xlsx", "Taalhuis Flevoland B.V.", "11111111", "De heer T. Smit, directeur",
     {"B1": (9000, 80), "onderwijs": (9500, 40), "Z": (9800, 20), "PVT": (300, 150), "MAP": (550, 150)}),
    ("kompas.xlsx", "Kompas Noord", "22222222", "De Vries (Kompas Noord)",
     {"B1": (8500, 58), "PVT": (320, 100), "MAP": (700, 100)}),
    ("spreekbeurt.xlsx", "Spreekbeurt", "33333333", "Mevr. A. Yilmaz-de Wit",
     {"B1": (9500, 50), "onderwijs": (9000, 30), "Z": (9500, 20), "PVT": (340, 60)}),
]  # fmt: skip
SCORES = {"Taalhuis Flevoland B.V.": "goed", "Kompas Noord": "uitstekend", "Spreekbeurt": "voldoende"}
ROUTECRITERIA = (
    "Plan van aanpak en maatwerk",
    "Doorlopende instroom en wachttijd",
    "Samenwerking met gemeente en klantmanager",
    "Kwaliteitsborging en resultaten",
)
PVT_CRITERIA = ("Programma en werkvormen", "Planning en bereikbaarheid", "Samenwerking en verslaglegging")
MAP_CRITERIA = (
    "Programma arbeidsmarktoriëntatie",
    "Maatwerk en taalniveau",
    "Samenwerking met werkgevers en gemeente",
)


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


def vul_aantallen(pad: Path) -> None:
    """Replace the placeholders line by line, as a user edits the file."""
    regels = pad.read_text(encoding="utf-8").splitlines()
    huidig = None
    for i, regel in enumerate(regels):
        m = re.match(r"\s+- naam: (.+?)\s+#", regel)
        if m:
            huidig = m.group(1)
        if "inburgeraars:" in regel and huidig in AANTALLEN:
            regels[i] = (
                "    inburgeraars: {"
                + ", ".join(f"{c}: {n}" for c, n in zip(CODES, AANTALLEN[huidig], strict=True))
                + "}"
            )
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")


def vul_afzender(pad: Path) -> None:
    """Fill the sender placeholders that `nieuw` writes, as the inkoper does before sending."""
    tekst = pad.read_text(encoding="utf-8")
    vervangen = {
        "  adres: [invullen, invullen]": "  adres: [Postbus 200, 1300 AE Almere]",
        "  contactpersoon: {naam: invullen, functie: invullen, telefoon: '', email: ''}": (
            "  contactpersoon: {naam: C. Contact, functie: inkoopadviseur, telefoon: '', email: inkoop@almere.example.nl}"
        ),
        "  ondertekenaar: {naam: invullen, functie: invullen}": "  ondertekenaar: {naam: O. Tekenaar, functie: afdelingshoofd Inkoop}",
    }
    for oud, nieuw in vervangen.items():
        assert oud in tekst, oud
        tekst = tekst.replace(oud, nieuw)
    pad.write_text(tekst, encoding="utf-8")


def maak(ws: Path) -> tuple[Path, str]:
    """The tender from `nieuw` to the reports; returns the werkmap and nieuw's output."""
    res = cli(
        "nieuw", str(ws), "--naam", "Inburgering Flevoland 2027", "--penvoerder", "Gemeente Almere",
        "--regio", "Flevoland", "--percelen", "B1,onderwijs,Z,PVT,MAP", "--toelating", "PVT,MAP",
        "--beoordelaars", "Ada Alders, Bram Bos, Cees Cok", "--publicatie", "2026-09-01",
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    vul_aantallen(ws / "aanbesteding.yaml")
    vul_afzender(ws / "aanbesteding.yaml")
    for bestand, naam, kvk, contact, aanbod in BIEDERS:
        rijen = [(code, prijs, cap, 12, 4, ALLE) for code, (prijs, cap) in aanbod.items()]
        schrijf_bod(ws, bestand, naam, kvk, rijen, contact=contact)
    assert cli("template", "beoordeling", "--werkmap", str(ws)).exit_code == 0
    scores = {(naam, c): SCORES[naam] for naam in SCORES for c in (*ROUTECRITERIA, *PVT_CRITERIA, *MAP_CRITERIA)}
    for pad in sorted((ws / "beoordelingen").glob("*.xlsx")):
        vul_beoordeling(pad, scores, toelichting=f"Motivering bij het plan ({pad.stem}).")
    res_gunning = cli("gunning", "--werkmap", str(ws), "--lots", ",".join(CODES))
    assert res_gunning.exit_code == 0, res_gunning.output
    assert cli("template", "systematiek", "--werkmap", str(ws)).exit_code == 0
    return ws, res.output + "\n" + res_gunning.output

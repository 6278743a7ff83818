"""Every cause of "less than its capacity" in one large tender: the 22-gemeente test tender in four
subregio's (tests/grote_aanbesteding.py, with alle_oorzaken=True), its undecided tie settled by a
recorded draw, awarded through the CLI with the real solver. For each of the eight causes one
supplier's explanation must be exactly the hand-computed sentence (so it names that cause and no
other), in gunning.json and, read with python-docx, in that supplier's letter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from evaluatie.rapport.aanspreken import tot_u
from tests import grote_aanbesteding


@pytest.fixture(scope="module")
def rapporten(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = grote_aanbesteding.maak(tmp_path_factory.mktemp("oorzaken") / "ws", alle_oorzaken=True)
    grote_aanbesteding.gun_met_loting(ws)
    return ws / "rapporten"


OOST = "Emmen, Coevorden, Borger-Odoorn, Hoogeveen, De Wolden, Meppel"

# (cause, lot, supplier, letter, exact sentence). Hand computations:
# - max_aandeel, B1: 0.35 x 210 inburgeraars = 73.5, rounded down to 73 of Taalhuis's 80.
# - per_subregio, onderwijs: demand 1 + (3i mod 5) per gemeente: Noord 16, Oost 19, Zuid 15, West 15.
#   Lineair 60/40 (valid bids; Zwakke Plannen is below the minimum quality): Inburgerwijs 0.6 x 75 +
#   0.4 x 100 = 85 (rank 1, serves Noord and Oost only, capacity 25), Taalhuis 0.6 x 90 + 0.4 x 60 = 78
#   (capacity 30), Spreektaal 0.6 x 50 + 0.4 x 10 = 34 (capacity 20). Every subregio has a gemeente
#   that expects 1, and its gemeenten all get the same supplier(s), so one supplier serves a whole
#   subregio. Taalhuis's 30 fit only Zuid + West (15 + 15; Noord 16 + 15 = 31); Inburgerwijs cannot
#   serve both Noord and Oost (35 > 25) and takes the larger, Oost 19 of 25, and Spreektaal gets all
#   16 of Noord (Taalhuis 0 there). Without the rule Inburgerwijs would also take 6 in Noord (25).
# - min_volume, Z: demand 43, Taalhuis 20; Spreektaal (third) must get 0 or >= 10 of the 23 left,
#   so Inburgerwijs (capacity 15) gets 13; without the rule it would get 15.
# - PVT and MAP: see OORZAKEN_AANBOD in tests/grote_aanbesteding.py.
GEVALLEN = [
    ("max_aandeel", "B1", "Taalhuis Noord B.V.", "taalhuis-noord-b-v-b1.docx",
     "Taalhuis Noord B.V. krijgt 73 van zijn capaciteit 80: het maximale aandeel van 35% van het volume "
     "(hoogstens 73 van 210) begrenst het"),
    ("per_subregio", "onderwijs", "Inburgerwijs", "inburgerwijs-onderwijs.docx",
     "Inburgerwijs krijgt 19 van zijn capaciteit 25: alle gemeenten van een subregio krijgen dezelfde "
     "leverancier(s) (subregio Noord); zonder die regel zou het 25 krijgen"),
    ("min_volume", "Z", "Inburgerwijs", "inburgerwijs-z.docx",
     "Inburgerwijs krijgt 13 van zijn capaciteit 15: het minimale volume van 10 per leverancier geeft "
     "Spreektaal meer dan zonder die regel; zonder die regel zou het 15 krijgen"),
    ("gelijke_waarde_betere_rang", "PVT", "Inburgerwijs", "inburgerwijs-pvt.docx",
     "Inburgerwijs krijgt 12 van zijn capaciteit 20: Taalhuis Noord B.V. heeft dezelfde fictieve prijs en gaat "
     "voor door de beslisregel bij gelijke stand (de hoogste kwaliteitsscore); bij gelijke fictieve prijs weegt de "
     "hoger gerangschikte inschrijving in de verdeling zwaarder (rangwicht R − rang + 1, met R het aantal "
     "gerangschikte inschrijvingen op het perceel; stap 2 van de verdeling in de gunningssystematiek)"),
    ("geen_vraag", "PVT", "Kompas Oost", "kompas-oost-pvt.docx",
     f"Kompas Oost krijgt 12 van zijn capaciteit 20: de gemeenten die het bedient ({OOST}) hebben samen 12 "
     "inburgeraars, en die krijgt het allemaal"),
    ("max_leveranciers_per_gemeente", "MAP", "Taalhuis Noord B.V.", "taalhuis-noord-b-v-map.docx",
     "Taalhuis Noord B.V. krijgt 25 van zijn capaciteit 27: in Westerkwartier is al 1 leverancier actief, "
     "het maximum per gemeente; zonder die regel zou het 27 krijgen"),
    ("budget", "MAP", "Inburgerwijs", "inburgerwijs-map.docx",
     "Inburgerwijs krijgt 25 van zijn capaciteit 30: het budget per gemeente laat in Emmen (budget "
     "EUR 40.000,00, kosten EUR 40.000,00) geen traject tegen zijn prijs van EUR 9.000,00 meer toe; zonder "
     "budgetgrens zou het 30 krijgen"),
    ("beter_gerangschikt", "MAP", "Spreektaal", "spreektaal-map.docx",
     "Spreektaal krijgt 60 van zijn capaciteit 100: de vraag in de gemeenten die het bedient ging ook naar "
     "inschrijvers met een hogere totaalscore (Taalhuis Noord B.V.: 25, Inburgerwijs: 25), en stap 1 van de "
     "verdeling maximaliseert de som van gunningswaarde x inburgeraars, waarin een inburgeraar bij hen "
     "zwaarder weegt"),
]  # fmt: skip


def _percelen(rapporten: Path) -> dict:
    return json.loads((rapporten / "gunning.json").read_text(encoding="utf-8"))["percelen"]


def test_de_aanbesteding_is_groot_met_meerdere_winnaars(rapporten: Path) -> None:
    data = _percelen(rapporten)
    assert set(data) == {"B1", "onderwijs", "Z", "PVT", "MAP"}
    assert len(grote_aanbesteding.GEMEENTEN) == 22 and len(grote_aanbesteding.SUBREGIOS) == 4
    for code, p in data.items():
        assert len({t["inschrijver"] for t in p["toewijzing"]}) >= 3, code  # several winners per lot
    assert {g[0] for g in GEVALLEN} == {
        "max_aandeel", "per_subregio", "min_volume", "gelijke_waarde_betere_rang", "geen_vraag",
        "max_leveranciers_per_gemeente", "budget", "beter_gerangschikt",
    }  # fmt: skip


def test_verdeling_van_pvt_en_map_zoals_met_de_hand_berekend(rapporten: Path) -> None:
    """The allocations the sentences rest on (see OORZAKEN_AANBOD)."""
    data = _percelen(rapporten)

    def totalen(code: str) -> dict[str, int]:
        uit: dict[str, int] = {}
        for t in data[code]["toewijzing"]:
            uit[t["inschrijver"]] = uit.get(t["inschrijver"], 0) + t["aantal"]
        return uit

    assert totalen("PVT") == {"Taalhuis Noord B.V.": 20, "Inburgerwijs": 12, "Kompas Oost": 12}
    assert totalen("MAP") == {"Taalhuis Noord B.V.": 25, "Inburgerwijs": 25, "Spreektaal": 60}
    per_gemeente = {(t["gemeente"], t["inschrijver"]): t["aantal"] for t in data["MAP"]["toewijzing"]}
    assert per_gemeente[("Westerkwartier", "Spreektaal")] == 5 and per_gemeente[("Emmen", "Spreektaal")] == 5
    assert len({t["inschrijver"] for t in data["MAP"]["toewijzing"] if t["gemeente"] == "Emmen"}) == 1


@pytest.mark.parametrize(("oorzaak", "perceel", "inschrijver", "brief", "zin"), GEVALLEN, ids=[g[0] for g in GEVALLEN])
def test_verklaring_noemt_precies_de_oorzaak_ook_in_de_brief(
    rapporten: Path, oorzaak: str, perceel: str, inschrijver: str, brief: str, zin: str
) -> None:
    regels = _percelen(rapporten)[perceel]["bindende_regels"]
    eigen = [r for r in regels if r.startswith(f"{inschrijver} krijgt ")]
    assert eigen == [zin], oorzaak  # exactly this sentence: one cause, no "; en" with another
    alineas = [p.text for p in Document(str(rapporten / "brieven" / brief)).paragraphs]
    # in the letter the same sentence is addressed to the bidder ('U krijgt ... van uw capaciteit van ...')
    assert tot_u(zin, inschrijver) + "." in alineas, (oorzaak, brief)
    assert not [a for a in alineas if inschrijver in a and "van zijn capaciteit" in a]
    # the letter explains only its own bidder's shortfall
    assert not [a for a in alineas if " krijgt " in a and "capaciteit" in a and a != tot_u(zin, inschrijver) + "."]


def test_gelijke_stand_beslist_ook_het_volume_en_beide_brieven_zeggen_het(rapporten: Path) -> None:
    """PVT: Taalhuis and Inburgerwijs have the same fictitious price (6.750), serve the same 16
    gemeenten and have the same capacity 20. The published rule hoogste_kwaliteit puts Taalhuis (90)
    before Inburgerwijs (75); the cheaper Inburgerwijs must not get more: Taalhuis 20, Inburgerwijs 12.
    Both letters say the rule decided the order and that the allocation follows it."""
    p = _percelen(rapporten)["PVT"]
    rang = {r["inschrijver"]: r for r in p["rangorde"]}
    assert rang["Taalhuis Noord B.V."]["totaal"] == rang["Inburgerwijs"]["totaal"] == 6750.0
    assert rang["Taalhuis Noord B.V."]["rang"] < rang["Inburgerwijs"]["rang"]
    assert rang["Taalhuis Noord B.V."]["beslist_door"] == rang["Inburgerwijs"]["beslist_door"] == "hoogste_kwaliteit"
    volume: dict[str, int] = {}
    for t in p["toewijzing"]:
        volume[t["inschrijver"]] = volume.get(t["inschrijver"], 0) + t["aantal"]
    assert volume["Taalhuis Noord B.V."] >= volume["Inburgerwijs"]
    assert (volume["Taalhuis Noord B.V."], volume["Inburgerwijs"]) == (20, 12)
    volgt = (  # PVT is fictieve_korting: it ranks on the fictitious price, there is no total score
        "Dezelfde volgorde telt in de verdeling: bij gelijke fictieve prijs weegt de hoger gerangschikte "
        "inschrijving daar zwaarder (rangwicht R − rang + 1, met R het aantal gerangschikte inschrijvingen op het "
        "perceel; stap 2 van de verdeling in de gunningssystematiek); de prijs beslist daar niet."
    )
    for brief, wie, positie in (
        # the scores the rule compared, both named (both are awarded)
        (
            "taalhuis-noord-b-v-pvt.docx",
            "Inburgerwijs",
            "dus gaat u voor: uw kwaliteitsscore is 90,00, die van Inburgerwijs 75,00.",
        ),
        (
            "inburgerwijs-pvt.docx",
            "Taalhuis Noord B.V.",
            "dus gaat Taalhuis Noord B.V. voor: de kwaliteitsscore van Taalhuis Noord B.V. is 90,00, die van u 75,00.",
        ),
    ):
        tekst = " ".join(a.text for a in Document(str(rapporten / "brieven" / brief)).paragraphs)
        assert f"Uw fictieve prijs was gelijk aan die van {wie.removesuffix('.')}. De beslisregel" in tekst, brief
        assert "De beslisregel bij gelijke stand van de aanbesteding (de hoogste kwaliteitsscore) heeft de " in tekst
        assert positie in tekst and volgt in tekst, brief

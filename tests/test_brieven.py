"""Letters read as a bidder reads them (python-docx), on the 22-gemeente test tender
(tests/grote_aanbesteding.py) after its tie was settled by a recorded draw, and on the example.
Every status is read in full and the facts in it are asserted."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx import Document
from docx.shared import Mm

from evaluatie.cli import main
from tests import grote_aanbesteding


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _tekst(pad: Path) -> str:
    """Paragraphs and table rows in reading order, one line each; a line break in a paragraph is a newline."""
    doc = Document(str(pad))

    def inhoud(element) -> str:
        return "".join(
            (x.text or "") if x.tag.endswith("}t") else "\n" for x in element.iter() if x.tag.endswith(("}t", "}br"))
        )

    regels = []
    for blok in doc.element.body.iterchildren():
        if blok.tag.endswith("}p"):
            regels.append(inhoud(blok))
        elif blok.tag.endswith("}tbl"):
            for rij in (r for r in blok.iter() if r.tag.endswith("}tr")):
                regels.append(" | ".join(inhoud(c) for c in rij.iterchildren() if c.tag.endswith("}tc")))
    return "\n".join(regels)


@pytest.fixture(scope="module")
def groot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = grote_aanbesteding.maak(tmp_path_factory.mktemp("groot") / "ws")
    grote_aanbesteding.gun_met_loting(ws)
    return ws / "rapporten" / "brieven"


def test_binding_rules_in_de_grote_aanbesteding(groot: Path) -> None:
    """Which rule binds for whom in the 22-gemeente tender, as gunning.json records it."""
    import json

    data = json.loads((groot.parent / "gunning.json").read_text(encoding="utf-8"))["percelen"]
    regels = {code: " ".join(p["bindende_regels"]) for code, p in data.items()}
    assert "Taalhuis Noord B.V. krijgt 73 van zijn capaciteit 80: het maximale aandeel van 35%" in regels["B1"]
    assert "Inburgerwijs krijgt 19 van zijn capaciteit 25: alle gemeenten van een subregio" in regels["onderwijs"]
    assert "minimale volume van 10 per leverancier geeft Spreektaal meer" in regels["Z"]
    gegund = {code: {t["inschrijver"] for t in p["toewijzing"]} for code, p in data.items()}
    assert all(len(namen) >= 3 for namen in gegund.values())  # several winners per lot


def test_iedere_brief_a4_eigen_kenmerk_en_penvoerder_als_maker(groot: Path) -> None:
    kenmerken = set()
    docx = sorted(groot.glob("*.docx"))
    assert len(docx) == 16  # B1: 8 bidders, onderwijs: 3 + Zwakke Plannen, Z: 4 (incl. Nieuwe Start)
    for pad in docx:
        doc = Document(str(pad))
        for s in doc.sections:
            assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297), pad.name
            assert s.left_margin == s.right_margin and abs(s.left_margin - Mm(25)) < Mm(0.1)
        assert doc.core_properties.author == "Gemeente Assen"
        assert doc.core_properties.last_modified_by == "Gemeente Assen"
        with zipfile.ZipFile(pad) as z:
            for deel in ("docProps/core.xml", "docProps/app.xml"):
                assert b"python-docx" not in z.read(deel)
        tekst = _tekst(pad)
        k = re.search(r"Kenmerk: (GB-2026-(B1|OND|Z)-[0-9A-F]{6})", tekst)
        assert k, pad.name
        kenmerken.add(k.group(1))
        assert doc.core_properties.keywords == k.group(1)
        for regel in ("Gemeente Assen\nPostbus 1\n9400 AA Assen", "Datum: 7 december 2026", "drs. Q. Tekenaar"):
            assert regel in tekst, (pad.name, regel)
        assert "Contactpersoon: P. Inkoper, inkoopadviseur, 0500 000000, inkoop@assen.example.nl" in tekst
        assert "directeur Sociaal Domein\nGemeente Assen, namens de deelnemende gemeenten" in tekst
        # 2026-12-07 + 20 = Sunday 27 December -> Monday 28 December 2026
        assert "kort geding aanhangig maken bij de voorzieningenrechter van de Rechtbank Noord-Nederland" in tekst
        assert "uiterlijk op 28 december 2026" in tekst and "het klachtenmeldpunt van de gemeente Assen" in tekst
        assert not re.search(r"\d{4}-\d{2}-\d{2}", tekst), pad.name  # no ISO dates in human text
        for naam in grote_aanbesteding.BEOORDELAARS:
            assert naam not in tekst  # reviewers are anonymised
    assert len(kenmerken) == 16


def test_gegund_met_aandeel_alle_partijen_maximum_en_voorbehoud(groot: Path) -> None:
    tekst = _tekst(groot / "taalhuis-noord-b-v-b1.docx")
    assert "Geachte heer Smit," in tekst and "Beslissing: gegund" in tekst
    # 73 of 210 = 34,8%: max_aandeel 0.35 x 210 = 73.5, rounded down
    assert "verzorgt u naar verwachting 73 van de 210 trajecten per jaar (34,8%)" in tekst
    for rij in (
        "Taalhuis Noord B.V. (u) | 1 | 73 | 34,8%",
        "Inburgerwijs | 2 | 60 | 28,6%",
        "Leerhuis West | 3 | 40 | 19,0%",
        "Kompas Oost | 4 | 37 | 17,6%",
    ):
        assert rij in tekst
    # 210 a year x (3 + 2 option years) = 1050 trajectories; x EUR 10.000 ceiling = EUR 10.500.000
    assert "maximale omvang van 1.050 trajecten en een maximale waarde van EUR 10.500.000,00" in tekst
    assert "Het maximum is gelijk aan de verwachting: 1.050 trajecten (210 per jaar gedurende 3 jaar plus 2" in tekst
    assert "maximale waarde van EUR 10.500.000,00" in tekst
    assert (
        "onder voorbehoud van het overleggen van de volgende bewijsstukken, die wij binnen 10 werkdagen na deze brief "
        "van u ontvangen en in orde moeten bevinden (zoals de aanbestedingsstukken aankondigen):" in tekst
    )
    assert "een Gedragsverklaring Aanbesteden" in tekst and "Kamer van Koophandel" in tekst
    assert (
        "U krijgt 73 van uw capaciteit van 80: het maximale aandeel van 35% van het volume (hoogstens 73 van 210) begrenst uw aandeel"
        in tekst
    )


def test_loting_in_de_brief(groot: Path) -> None:
    tekst = _tekst(groot / "kompas-oost-b1.docx")
    assert "Geachte mevrouw Van der Berg," in tekst
    assert (
        "Uw inschrijving en die van Leerhuis West hadden precies dezelfde totaalscore, en de aanbesteding kent geen "
        "beslisregel bij gelijke stand; dan beslist loting. De volgorde is op 1 december 2026 door loting bepaald, in "
        "aanwezigheid van mr. N. Notaris, notaris te Assen (loting gehouden op besluit van S. Jansen, inkoopadviseur); "
        "die loting is vastgelegd als L1. Motivering van loting L1: Onbesliste gelijke stand; de aanbestedingsstukken "
        "schrijven dan loting voor."
    ) in tekst
    # Leerhuis West is named because it is awarded too (art. 2.130 names every winner); a tie partner that got
    # nothing would be 'een andere inschrijver' in a winner's letter (rapport/brieven.py)


def test_afgewezen_vergelijkt_met_laagst_gegunde_op_kwaliteit_en_prijs(groot: Path) -> None:
    tekst = _tekst(groot / "spreektaal-b1.docx")
    assert "Geachte Jan de Vries," in tekst and "Beslissing: afgewezen" in tekst
    assert "als 5e gerangschikt, maar krijgt in de verdeling over de gemeenten geen trajecten" in tekst
    assert "De laagst gerangschikte inschrijver aan wie is gegund, is Kompas Oost (rang 4, totaalscore 79,00)" in tekst
    # every winner is compared, in ranking order, each with its own advantages
    kop = next(r for r in tekst.splitlines() if r.startswith("Criterium | Weging | Uw score | "))
    winnaars = kop.split(" | ")[3:]
    assert winnaars[0] == "Taalhuis Noord B.V." and winnaars[-1] == "Kompas Oost" and len(winnaars) >= 3
    for w in winnaars:
        assert f"Kenmerken en relatieve voordelen van de inschrijving van {w}" in tekst
    rij = {r.split(" | ")[0]: r.split(" | ") for r in tekst.splitlines() if " | " in r}
    assert rij["Plan van aanpak"][:4] == ["Plan van aanpak", "60%", "50,00", "100,00"]
    assert rij["Plan van aanpak"][-1] == "75,00"
    assert rij["Kwaliteitsscore"][2:4] == ["50,00", "90,00"] and rij["Kwaliteitsscore"][-1] == "65,00"
    # relatief: 8.500 / 9.800 x 100 = 86,73; Kompas 100; Taalhuis 8.500 / 9.200 x 100 = 92,39
    assert rij["Prijsscore"][2:4] == ["86,73", "92,39"] and rij["Prijsscore"][-1] == "100,00"
    assert rij["Totaalscore"][2:4] == ["64,69", "90,96"] and rij["Totaalscore"][-1] == "79,00"
    assert "Plan van aanpak: Kompas Oost scoorde 75,00 tegen 50,00 voor u." in tekst
    # 0.4 x (100 - 86,73) = 5,31 points of total
    assert "Prijs: Kompas Oost behaalde een prijsscore van 100,00 tegen 86,73 voor u; dat scheelt 5,31" in tekst
    assert "EUR 8.500,00" not in tekst and "EUR 9.200,00" not in tekst  # policy 'score': no other price
    # the panel's motivation of the winner's score, attributed and never merged
    regels = tekst.splitlines()
    a = [r for r in regels if r.startswith("Plan van aanpak, motivering bij Kompas Oost - Beoordelaar A")]
    b = [r for r in regels if r.startswith("Plan van aanpak, motivering bij Kompas Oost - Beoordelaar B")]
    assert len(a) == 1 and "AA over plan van aanpak bij Kompas Oost" in a[0] and "BB" not in a[0]
    assert len(b) == 1 and "BB over plan van aanpak bij Kompas Oost" in b[0] and "AA" not in b[0]
    assert "Ada Alders" not in tekst and "Bram Bos" not in tekst
    assert "U krijgt 0 van uw capaciteit van 50: de vraag in de gemeenten die u bedient ging ook naar" in tekst


def test_ongeldig_onder_minimale_kwaliteit_met_eigen_scores_en_motivering(groot: Path) -> None:
    tekst = _tekst(groot / "zwakke-plannen-b1.docx")
    assert "Geachte mevrouw Zwart," in tekst and "Beslissing: ongeldig" in tekst
    # 0.6 x 25 + 0.4 x 50 = 35
    assert "Uw kwaliteitsscore is 35,00; de eis is: kwaliteitsscore minstens 50,00 van 100." in tekst
    assert "Plan van aanpak | 60% | 25,00" in tekst and "Samenwerking | 40% | 50,00" in tekst
    assert "Beoordelaar A (score 25,00): AA over plan van aanpak bij Zwakke Plannen" in tekst
    assert "Beoordelaar B (score 25,00): BB over plan van aanpak bij Zwakke Plannen" in tekst
    assert "Taalhuis Noord B.V. | 1 | 73 | 34,8%" in tekst  # art. 2.130: the winners are named
    assert "uitgesloten" not in tekst.lower()


def test_ongeldig_keurmerk_met_nederlandse_datums(groot: Path) -> None:
    tekst = _tekst(groot / "nieuwe-start-b1.docx")
    assert "Beslissing: ongeldig" in tekst
    assert "Uw keurmerk was geldig tot 30 september 2026; op de peildatum 2 november 2026 was het verlopen." in tekst
    assert "Uw scores" not in tekst  # a requirement failed: no scores were given


def test_uitgesloten(groot: Path) -> None:
    tekst = _tekst(groot / "onbetrouwbaar-b-v-b1.docx")
    assert "Geachte heer Jansen," in tekst and "Beslissing: uitgesloten" in tekst
    # the recorded weighing names the ground, its kind, the facts and the self-cleaning (besluit U1)
    assert "Verklaarde uitsluitingsgrond: onherroepelijke veroordeling voor fraude, een verplichte " in tekst
    assert "uitsluitingsgrond (art. 2.86 Aanbestedingswet 2012)" in tekst
    assert "Maatregelen tot zelfreiniging (art. 2.87a Aanbestedingswet 2012): Geen maatregelen aangetoond" in tekst
    assert "Inburgerwijs | 2 | 60 | 28,6%" in tekst


def test_fictieve_korting_in_euro_zonder_weging(groot: Path) -> None:
    tekst = _tekst(groot / "taalhuis-noord-b-v-z.docx")
    # discount 3.000 x 90 / 100 = 2.700; fictitious price 9.000 - 2.700 = 6.300
    assert (
        "Uw kwaliteitsscore: 90,00; uw fictieve korting: EUR 2.700,00; uw prijs per traject: EUR 9.000,00; "
        "uw fictieve prijs: EUR 6.300,00."
    ) in tekst
    assert "Gunnen op Waarde (fictieve prijs)" in tekst
    # Z has min_volume 10: Spreektaal, third, must get 0 or >= 10 of the 43 - 20 (Taalhuis) = 23 left,
    # so Inburgerwijs (capacity 15) gets 13; without the rule it would get 15
    inburgerwijs = _tekst(groot / "inburgerwijs-z.docx")
    assert (
        "U krijgt 13 van uw capaciteit van 15: het minimale volume van 10 per leverancier geeft "
        "Spreektaal meer dan zonder die regel; zonder die regel zou u 15 krijgen."
    ) in inburgerwijs
    assert "totaalscore = 60%" not in tekst and "uw prijsscore" not in tekst.lower()


def test_toelating_is_toelatingsbesluit_zonder_rangorde_of_vergelijking(tmp_path: Path) -> None:
    ws = grote_aanbesteding.maak(tmp_path / "ws", procedure="toelating")
    grote_aanbesteding.weeg_uitsluitingsgrond(ws)
    res = _run("gunning", "--werkmap", str(ws), "--lots", "onderwijs")
    assert res.exit_code == 0, res.output
    # the terminal shows no ranking or price score either, only who is admitted and who is not
    assert "toelatingsprocedure" in res.output and "Toegelaten inschrijver" in res.output
    assert "Niet toegelaten:" in res.output and "Rang " not in res.output and "Prijsscore" not in res.output
    brieven = ws / "rapporten" / "brieven"
    toegelaten = _tekst(brieven / "spreektaal-onderwijs.docx")
    assert toegelaten.startswith("Toelatingsbesluit Onderwijsroute")
    assert "Beslissing: toegelaten" in toegelaten and "Kenmerk: TB-2026-OND-" in toegelaten
    for verboden in ("e gerangschikt", "rang ", "uw prijsscore", "totaalscore", "Inburgerwijs", "Taalhuis", "gunnen"):
        assert verboden not in toegelaten, verboden
    # an open house has no framework maximum that can be exhausted: it states tariff, requirements and joining later
    assert "maximale omvang" not in toegelaten and "uitgeput" not in toegelaten
    assert "Tarief: de prijs per traject uit uw inschrijving" in toegelaten
    assert "Voorwaarden voor toelating, waaraan u gedurende de looptijd blijft voldoen: " in toegelaten
    assert "Later toetreden: gedurende de hele looptijd van 3 jaar (met 2 optiejaren)" in toegelaten
    # an admission system has no statutory standstill: the letter names the tender's own period, not art. 2.127,
    # and claims no vervaltermijn (the advies says the same)
    assert "Een toelatingsprocedure kent geen wettelijke opschortende termijn" in toegelaten
    assert "2.127" not in toegelaten and "vervaltermijn" not in toegelaten
    # ... nor a deadline for the kort geding: the period only decides whether the contracts wait for the judgment
    # (the complaint sentence neither: 'moet u binnen de termijn' would be a vervaltermijn in other words)
    assert "uiterlijk op" not in toegelaten and "moet u binnen de termijn" not in toegelaten
    assert (
        "dan kunt u een kort geding aanhangig maken bij de voorzieningenrechter van de Rechtbank Noord-Nederland. "
        "Wilt u dat de overeenkomsten niet worden gesloten voordat de rechter heeft beslist, laat dan vóór het einde "
        "van de termijn (28 december 2026) een dagvaarding betekenen" in toegelaten
    )
    assert "Een klacht schort de termijn niet op." in toegelaten
    # the letter extends the period under the Atw (dag 20 is a Sunday): the published method must say so, for a
    # period that is the tender's own and not statutory (the Atw covers statutory periods only)
    assert "volgens de Algemene termijnenwet verlengd voorbij zondag 27 december 2026" in toegelaten
    assert _run("template", "systematiek", "--werkmap", str(ws)).exit_code == 0
    systematiek = (ws / "gunningssystematiek.html").read_text(encoding="utf-8")
    assert (
        "deze aanbesteding hanteert een termijn van 20 kalenderdagen na verzending, verlengd volgens de Algemene "
        "termijnenwet, voordat de overeenkomsten worden gesloten. Het is geen vervaltermijn" in systematiek
    )
    # the advies of an open house: no certainty section, no 'Voorgenomen gunning', no double full stop
    advies = (ws / "rapporten" / "gunningsadvies.html").read_text(encoding="utf-8")
    assert "Zekerheid van de uitkomst" not in advies and "Voorgenomen gunning" not in advies
    assert "Voorgenomen toelating" in advies and "B.V.." not in advies
    niet = _tekst(brieven / "zwakke-plannen-onderwijs.docx")
    assert "Beslissing: niet toegelaten" in niet
    assert "Uw kwaliteitsscore is 35,00" in niet and "Beoordelaar A (score 25,00)" in niet
    assert "Taalhuis" not in niet and "rang " not in niet


def test_vaste_prijs_en_openbaarmaking_prijs(voorbeeld: Path) -> None:
    """B1 under vaste_prijs (the ceiling, EUR 10.000, for everyone); the tender discloses the winners' prices."""
    pad = voorbeeld / "aanbesteding.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["openbaarmaking"] = {"prijs_winnaar": "prijs"}
    data["percelen"]["B1"]["prijsmethode"] = "vaste_prijs"
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    res = _run("gunning", "--werkmap", str(voorbeeld), "--lots", "B1,onderwijs")
    assert res.exit_code == 0, res.output
    brieven = voorbeeld / "rapporten" / "brieven"
    b1 = _tekst(brieven / "taalhuis-de-brug-b-v-b1.docx")
    assert "De prijs per traject ligt voor alle inschrijvers vast op EUR 10.000,00; er is geen prijsscore" in b1
    assert "Uw kwaliteitsscore, tevens uw totaalscore: 76,67." in b1
    assert "prijsscore:" not in b1 and "EUR 9.200,00" not in b1  # its own bid price plays no part
    kosten = [m for r in b1.splitlines() if (m := re.fullmatch(r"[A-Z][\w ]+ \| (\d+) \| EUR ([\d.]+),00", r))]
    assert len(kosten) == 4  # Blaricum, Eemnes, Gooise Meren, Hilversum
    for m in kosten:  # costs at the fixed price: n x EUR 10.000
        assert int(m.group(2).replace(".", "")) == int(m.group(1)) * 10000, m.group(0)
    onderwijs = _tekst(brieven / "taalhuis-de-brug-b-v-onderwijs.docx")
    # afgewezen under relatief: compared with every winner in ranking order (rank 1 at EUR 9.000, then
    # Spreekbeurt, rank 2 and lowest awarded, at EUR 9.300), their prices disclosed
    assert "Prijs per traject |  | EUR 9.600,00 | EUR 9.000,00 | EUR 9.300,00" in onderwijs

"""`evaluatie template systematiek`: the published method, generated from the tender and the real code."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner
from docx import Document

from evaluatie.cli import main


def _schrijf(ws: Path) -> tuple[str, str]:
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    html = (ws / "gunningssystematiek.html").read_text(encoding="utf-8")
    doc = Document(str(ws / "gunningssystematiek.docx"))
    tekst = "\n".join(p.text for p in doc.paragraphs)
    tekst += "\n" + "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    return html, tekst


def test_systematiek_van_het_voorbeeld(voorbeeld: Path) -> None:
    html, tekst = _schrijf(voorbeeld)
    for inhoud in (html, tekst):
        # knock-outs, from the rules themselves (capacity: 10% of 98 rounded up = 10)
        assert "Blik op Werk keurmerk geldig op de peildatum 4 juni 2021" in inhoud
        assert "capaciteit minstens 10 per jaar" in inhoud
        assert "kwaliteitsscore minstens 50,00 van 100" in inhoud
        # criteria with weights and scale
        assert "Plan van aanpak en maatwerk" in inhoud and "40%" in inhoud
        assert "onvoldoende = 0, matig = 25, voldoende = 50, goed = 75, uitstekend = 100" in inhoud
        # the worked example by the real price code (README: 60/40, relatief):
        # A 8.000/8.000 x 100 = 100 -> 0,6 x 70 + 0,4 x 100 = 82,00; B 88,89 -> 83,56; C 80 -> 86,00
        assert "0,60 x 70,00 + 0,40 x 100,00 = 82,00" in inhoud
        assert "0,60 x 80,00 + 0,40 x 88,89 = 83,56" in inhoud
        assert "0,60 x 90,00 + 0,40 x 80,00 = 86,00" in inhoud
        # tie rules and the draw; allocation rules with their tie-breaks
        assert "de inschrijving met de hoogste kwaliteitsscore gaat voor" in inhoud and "beslist loting" in inhoud
        assert "per gemeente hoogstens 2 aanbieders" in inhoud
        assert "het plaatswicht van een gemeente (G − plaats + 1)² is" in inhoud
        # framework maximum and disclosure policy
        assert "maximale omvang van 294 trajecten" in inhoud
        # disclosure exactly as the letters show it (Prijsmethode.openbaar), including what follows from it
        assert (
            "hun scores per criterium, kwaliteitsscore, prijsscore en totaalscore; hun prijs per traject wordt niet "
            "bekendgemaakt (die volgt wel uit hun prijsscore en uw eigen prijs en prijsscore)."
        ) in inhoud
    # byte-identical on a second run
    eerst = [(voorbeeld / f"gunningssystematiek.{x}").read_bytes() for x in ("html", "docx")]
    _schrijf(voorbeeld)
    assert eerst == [(voorbeeld / f"gunningssystematiek.{x}").read_bytes() for x in ("html", "docx")]


def test_gewijzigde_weging_verandert_het_document(voorbeeld: Path) -> None:
    voor, _ = _schrijf(voorbeeld)
    pad = voorbeeld / "aanbesteding.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["percelen"]["B1"]["weging"] = {"kwaliteit": 70, "prijs": 30}
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    na, tekst = _schrijf(voorbeeld)
    assert na != voor
    assert "totaalscore = 70% x kwaliteitsscore + 30% x prijsscore" in tekst  # the letters use the same words
    # C: 0,7 x 90 + 0,3 x 80 = 63 + 24 = 87,00 (was 86,00 at 60/40)
    assert "0,70 x 90,00 + 0,30 x 80,00 = 87,00" in tekst
    assert "0,60 x 90,00 + 0,40 x 80,00 = 86,00" in tekst  # onderwijs keeps 60/40


def test_lege_omschrijvingen_en_raammaximum_gelijk_aan_verwachting_geven_een_waarschuwing(tmp_path: Path) -> None:
    from tests.hulp import kleine_aanbesteding, maak_werkmap

    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding())
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output  # a warning, not a refusal: the document is still written
    uitvoer = " ".join(res.output.split())
    assert (
        "percelen.B1.gunningscriteria.K1.omschrijving: criterium 'Plan van aanpak' zegt niet wat wordt beoordeeld"
        in uitvoer
    )
    assert "percelen.B1.gunningscriteria.K2.omschrijving" in uitvoer
    assert "percelen.B1.schaal: schaalpunten 0, 25, 50, 75, 100 zonder omschrijving" in uitvoer
    assert "percelen.B1.raammaximum: het maximum van de raamovereenkomst is gelijk aan de verwachting" in uitvoer
    # with descriptions and a headroom, nothing to warn about
    data = kleine_aanbesteding()
    b1 = data["percelen"]["B1"]
    b1["gunningscriteria"]["K1"]["omschrijving"] = "De aanpak."
    b1["gunningscriteria"]["K2"]["omschrijving"] = "De samenwerking."
    b1["schaal"] = {"stappen": [{"punten": p, "omschrijving": f"Betekenis {p}."} for p in (0, 50, 100)]}
    b1["raammaximum"] = {"trajecten": 60}
    ws2 = maak_werkmap(tmp_path / "ws2", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws2)])
    assert res.exit_code == 0 and "Let op" not in res.output, res.output
    tekst = "\n".join(p.text for p in Document(str(ws2 / "gunningssystematiek.docx")).paragraphs)
    # 20 a year x 2 years = 40 expected; the maximum is the absolute 60
    assert "maximale omvang van 60 trajecten" in tekst and "Verwacht worden 40 trajecten" in tekst


def test_systematiek_van_het_voorbeeld_noemt_gemeenten_per_perceel_en_criteria(voorbeeld: Path) -> None:
    html, tekst = _schrijf(voorbeeld)
    for inhoud in (html, tekst):
        # Z is bought by six of the seven gemeenten: Eemnes does not join, and says so
        assert "Niet deelnemend aan dit perceel: Eemnes." in inhoud
        assert "Peildatum keurmerk: 4 juni 2021." in inhoud
        assert "Keurmerk: voor dit perceel niet vereist." in inhoud  # onderwijs
        # what each criterion assesses and what each scale point means, from the criteria set
        assert "Hoe vaak een inburgeraar kan instromen, hoe lang hij hoogstens wacht" in inhoud
        assert "Het plan geeft geen of geen bruikbaar antwoord op het criterium." in inhoud
    # the gemeenten of each lot with their subregio (docx table rows as cell texts)
    for gemeente, subregio in (
        ("Hilversum", "Hilversum-Wijdemeren"),
        ("Blaricum", "BEL"),
        ("Huizen", "Gooise Meren-Huizen"),
    ):
        assert f"<td>{gemeente}</td><td>{subregio}</td>" in html
    assert html.count("<td>Eemnes</td><td>BEL</td>") == 2  # B1 and onderwijs, not Z


def _systematiek_met_onderwijs_als_b1(tmp_path: Path, data: dict) -> str:
    """`template systematiek` for `data` with an onderwijsroute that copies B1's lot (its knock-out rules too),
    2 inburgeraars per gemeente: its output on one line. A warning leaves the document written (exit 0)."""
    from tests.hulp import maak_werkmap

    data["percelen"]["onderwijs"] = dict(data["percelen"]["B1"], naam="Onderwijsroute")
    for g in data["gemeenten"]:
        g["inburgeraars"]["onderwijs"] = 2
    ws = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    return " ".join(res.output.split())


def test_b1_of_z_zonder_keurmerk_geeft_een_waarschuwing(tmp_path: Path) -> None:
    """`knockout: {keurmerk: false}` under B1: the method published 'Keurmerk: voor dit perceel niet vereist' for the
    B1-route without a word, where the law asks the keurmerk for B1 and Z. The onderwijsroute without it is the rule
    (criteria set inburgering-2022) and gets no warning."""
    from tests.hulp import kleine_aanbesteding

    data = kleine_aanbesteding()
    data["percelen"]["B1"]["knockout"]["keurmerk"] = False
    uitvoer = _systematiek_met_onderwijs_als_b1(tmp_path, data)
    assert (
        "Let op: percelen.B1.knockout.keurmerk: de B1-route vraagt geen Blik op Werk keurmerk, maar de wet vraagt het "
        "voor de B1-route en de Z-route (Wet inburgering 2021 art. 16 lid 3" in uitvoer
    ), uitvoer
    assert "percelen.onderwijs.knockout.keurmerk" not in uitvoer


def test_onderwijs_met_keurmerk_geeft_een_waarschuwing(tmp_path: Path) -> None:
    """The keurmerk as a knock-out rule of the onderwijsroute: the law asks it for B1 and Z only (Wi2021 art. 16 lid 3),
    yet the method and the bid form knocked a bidder without it out of the onderwijsroute without a word."""
    from tests.hulp import kleine_aanbesteding

    uitvoer = _systematiek_met_onderwijs_als_b1(tmp_path, kleine_aanbesteding())  # B1's rules: keurmerk too
    assert (
        "Let op: percelen.onderwijs.knockout.keurmerk: de Onderwijsroute vraagt het Blik op Werk keurmerk, maar de wet "
        "vraagt het alleen voor de B1-route en de Z-route (Wet inburgering 2021 art. 16 lid 3)" in uitvoer
    ), uitvoer
    assert "percelen.B1.knockout.keurmerk" not in uitvoer


def test_kwaliteit_met_gewicht_nul_geeft_een_waarschuwing(tmp_path: Path) -> None:
    """weging {kwaliteit: 0, prijs: 100}: the method published 'gunning op beste prijs-kwaliteitverhouding' over an
    award on price alone, without a word."""
    from tests.hulp import kleine_aanbesteding, maak_werkmap

    data = kleine_aanbesteding()
    data["percelen"]["B1"]["weging"] = {"kwaliteit": 0, "prijs": 100}
    ws = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    assert (
        "Let op: percelen.B1.weging: kwaliteit weegt 0%, dus beslist alleen de prijs (laagste prijs), terwijl de "
        "systematiek 'gunning op beste prijs-kwaliteitverhouding' publiceert; art. 2.114 lid 2"
        in " ".join(res.output.split())
    ), res.output


def test_prijs_met_gewicht_nul_geeft_een_waarschuwing(tmp_path: Path) -> None:
    """weging {kwaliteit: 100, prijs: 0} under relatief: only quality decides while each winner is paid its own bid
    price, without a word; the fixed price (vaste_prijs) is the method for competing on quality alone."""
    from tests.hulp import kleine_aanbesteding, maak_werkmap, zonder_weging

    data = kleine_aanbesteding()
    data["percelen"]["B1"]["weging"] = {"kwaliteit": 100, "prijs": 0}
    ws = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    assert (
        "Let op: percelen.B1.weging: prijs weegt 0%, dus beslist alleen de kwaliteit, maar iedere gegunde inschrijver "
        "krijgt zijn eigen geboden prijs (relatief): niets houdt de prijzen onder de plafondprijs; wilt u alleen op "
        "kwaliteit laten concurreren, kies dan prijsmethode vaste_prijs (één prijs voor iedereen)"
        in " ".join(res.output.split())
    ), res.output
    data["percelen"]["B1"]["prijsmethode"] = "vaste_prijs"
    ws = maak_werkmap(tmp_path / "vast", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    # vaste_prijs weighs nothing: the lot's weging is an input error there, not a warning about 0%
    assert res.exit_code == 2 and "prijs weegt 0%" not in res.output, res.output
    assert "perceel B1 heeft prijsmethode vaste_prijs, die geen weging" in " ".join(res.output.split()), res.output
    zonder_weging(data["percelen"]["B1"])
    ws = maak_werkmap(tmp_path / "vast2", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0 and "prijs weegt 0%" not in res.output, res.output


def test_een_bijna_goed_gespelde_gemeente_geeft_een_waarschuwing(tmp_path: Path) -> None:
    """'Land van Cuyk' for Land van Cuijk was taken as a gemeente of its own, in silence, and printed so in the
    systematiek and every letter. A tender may name gemeenten outside the register (Noord, Oost and Zuid here stay
    without a word), so it is a warning, given only for a name that is almost a register gemeente."""
    from tests.hulp import kleine_aanbesteding, maak_werkmap

    data = kleine_aanbesteding()
    data["gemeenten"][1]["naam"] = "Land van Cuyk"
    ws = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    uitvoer = " ".join(res.output.split())
    assert (
        "Let op: gemeenten[2].naam: 'Land van Cuyk' is geen gemeente per 1 januari 2026 (CBS); bedoelt u Land van "
        "Cuijk?" in uitvoer
    ), uitvoer
    assert "gemeenten[1]" not in uitvoer and "gemeenten[3]" not in uitvoer


def test_json_verzwijgt_de_waarschuwingen_niet(tmp_path: Path) -> None:
    """B1 without the keurmerk the law asks for: with --json the document was {"geschreven": [...]} and the warning
    was nowhere, not on stderr either (the text mode printed it after the files). Now on stderr in both modes, as
    every 'Let op', and in the document under "waarschuwingen"."""
    import json

    from tests.hulp import kleine_aanbesteding, maak_werkmap

    data = kleine_aanbesteding()
    data["percelen"]["B1"]["knockout"]["keurmerk"] = False
    ws = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws), "--json"])
    assert res.exit_code == 0, res.output
    [waarschuwing] = [w for w in json.loads(res.stdout)["waarschuwingen"] if w.startswith("percelen.B1.knockout")]
    assert waarschuwing.startswith("percelen.B1.knockout.keurmerk: de B1-route vraagt geen Blik op Werk keurmerk")
    assert f"Let op: {waarschuwing[:80]}" in " ".join(res.stderr.split())

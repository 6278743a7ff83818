"""An open-house lot (procedure: toelating) ranks no one and compares no prices, so the settings only a ranking reads
(`abnormaal_laag`, `abnormaal_maatstaf`, `bij_gelijke_stand`, `max_fictieve_korting`) do nothing there. Written in
the lot's own lines they were accepted and ignored in silence: 'abnormaal_maatstaf: mediaan' in an open house read as
a rule the tender applies. Each is an input error at its own line, all together, before any bid is read; the same
settings from a criteria set or perceel_standaard (which serve award lots too) stay allowed. Real CLI run."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, module_naast_b1


def test_rangorde_instellingen_in_een_open_house_zijn_invoerfouten(tmp_path: Path) -> None:
    data = module_naast_b1(kleine_aanbesteding(), "PVT", "PVT-module", 3000, minimum_kwaliteit=50)
    data["percelen"]["PVT"].update(
        abnormaal_laag=0.1, abnormaal_maatstaf="mediaan", bij_gelijke_stand=["laagste_prijs"]
    )
    ws = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert "Fouten in de invoer (3)" in uit, uit
    for veld, waarom in (
        ("abnormaal_laag", "prijzen worden er niet met elkaar vergeleken (art. 2.116 Aanbestedingswet 2012 is niet "),
        ("abnormaal_maatstaf", "prijzen worden er niet met elkaar vergeleken"),
        ("bij_gelijke_stand", "er is geen rangorde en dus geen gelijke stand"),
    ):
        assert f"percelen.PVT.{veld} (regel " in uit, uit
        assert f"perceel PVT is een open house (procedure: toelating): {waarom}" in uit, uit
    assert "haal de regel weg of kies procedure: gunning" in uit
    for veld in ("abnormaal_laag", "abnormaal_maatstaf", "bij_gelijke_stand"):  # the award lot B1 may have them
        del data["percelen"]["PVT"][veld]
        data["percelen"]["B1"][veld] = {"abnormaal_laag": 0.1, "abnormaal_maatstaf": "mediaan"}.get(
            veld, ["laagste_prijs"]
        )
    ws = maak_werkmap(tmp_path / "ws2", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output


def test_eigen_weging_in_een_open_house_is_een_invoerfout(tmp_path: Path) -> None:
    """'weging: {kwaliteit: 30, prijs: 70}' in an open house's own lines was accepted and ignored without a word: an
    open house ranks no one and weighs nothing. It is an input error at that line, together with the other errors of
    the definition (here PVT's abnormaal_laag and B1's weging of 120), and only that error at the line, also when the
    lot's method weighs nothing anyway (vaste_prijs) or its two weights do not add up to 100."""
    data = module_naast_b1(kleine_aanbesteding(), "PVT", "PVT-module", 3000, minimum_kwaliteit=50)
    data["percelen"]["PVT"].update(weging={"kwaliteit": 30, "prijs": 80}, abnormaal_laag=0.1)
    data["percelen"]["B1"]["weging"] = {"kwaliteit": 80, "prijs": 40}
    ws = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert "Fouten in de invoer (3)" in uit, uit
    assert (
        "aanbesteding.yaml: percelen.PVT.weging (regel 92): perceel PVT is een open house (procedure: toelating): er "
        "wordt niemand gerangschikt en kwaliteit en prijs worden niet tegen elkaar gewogen, dus weging zou nergens "
        "gebruikt worden; haal de regel weg of kies procedure: gunning" in uit
    ), uit
    assert "percelen.PVT.abnormaal_laag (regel " in uit and "percelen.B1.weging (regel " in uit, uit
    assert "is 110" not in uit  # PVT's own sum is not checked: the weging does not apply at all

    data["percelen"]["PVT"].update(weging={"kwaliteit": 30, "prijs": 70}, prijsmethode="vaste_prijs", vaste_prijs=2500)
    del data["percelen"]["PVT"]["abnormaal_laag"]
    data["percelen"]["B1"]["weging"] = {"kwaliteit": 60, "prijs": 40}
    ws = maak_werkmap(tmp_path / "ws2", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert "Fouten in de invoer (1)" in uit and "perceel PVT is een open house (procedure: toelating)" in uit, uit


def test_weging_uit_de_criteriaset_geldt_niet_in_een_open_house(voorbeeld: Path) -> None:
    """The example's Z-route as an open house takes `weging` from the criteria set's perceel_standaard, which serves
    the award lots too: no error, and the letters on Z and the systematiek's part on Z name no weighting."""
    import yaml

    from tests.hulp import html_tekst

    pad = voorbeeld / "aanbesteding.yaml"
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    data["percelen"]["Z"]["procedure"] = "toelating"
    data["percelen"]["Z"]["knockout"]["minimum_kwaliteit"] = False
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(voorbeeld)])
    assert res.exit_code == 0, res.output
    brieven = sorted((voorbeeld / "rapporten" / "brieven").glob("*-z.html"))
    assert brieven
    for brief in brieven:
        assert "weging" not in html_tekst(brief).lower(), brief.name
    gunning = yaml.safe_load((voorbeeld / "rapporten" / "gunning.json").read_text(encoding="utf-8"))
    assert "weging" not in gunning["percelen"]["Z"] and "weging" in gunning["percelen"]["B1"]


def test_eigen_prijsmethode_in_een_open_house_is_een_invoerfout(tmp_path: Path) -> None:
    """'prijsmethode: lineair' in an open house's own lines was accepted and ignored without a word: an open house
    scores no price, each admitted provider's tariff is its own bid price. It is an input error at that line (the
    lineair rule about the ceiling is not added: the method does not apply), together with the other errors; only
    vaste_prijs, the one tariff for everyone, stays allowed there, and an inherited method (criteria set) too."""
    data = module_naast_b1(kleine_aanbesteding(), "PVT", "PVT-module", 3000, minimum_kwaliteit=50)
    data["percelen"]["PVT"].update(prijsmethode="lineair", knockout={"minimum_kwaliteit": {"drempel": 50}})
    data["percelen"]["B1"]["weging"] = {"kwaliteit": 80, "prijs": 40}
    ws = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert "Fouten in de invoer (2)" in uit, uit
    assert (
        "aanbesteding.yaml: percelen.PVT.prijsmethode (regel 91): perceel PVT is een open house (procedure: "
        "toelating): er wordt niemand gerangschikt en geen prijs gescoord, iedere toegelaten aanbieder krijgt zijn "
        "eigen prijs als tarief, dus prijsmethode lineair zou nergens gebruikt worden; haal de regel weg, zet "
        "prijsmethode: vaste_prijs (één tarief voor iedereen) of kies procedure: gunning" in uit
    ), uit
    assert "percelen.B1.weging (regel " in uit and "negatieve prijsscore" not in uit, uit

    data["percelen"]["B1"]["weging"] = {"kwaliteit": 60, "prijs": 40}
    data["percelen"]["PVT"].update(prijsmethode="vaste_prijs", vaste_prijs=2500)
    ws = maak_werkmap(tmp_path / "ws2", data)
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    assert "Tarief: EUR 2.500,00 per traject" in html_tekst(ws / "gunningssystematiek.html")


def test_zet_van_weging_of_prijsmethode_in_een_open_house_is_een_gebruiksfout(tmp_path: Path) -> None:
    """'scenario --zet percelen.PVT.weging.kwaliteit=70' on an open house was applied to nothing, and the scenario said
    'Toegelaten: ongewijzigd', as if the change had been weighed; so too '--zet percelen.PVT.prijsmethode=lineair'.
    Both are a usage error at --zet (exit 2), together, in the words of the definition's own line; vaste_prijs does
    apply: the tariff becomes the ceiling of EUR 3.000 for 5 + 3 + 2 inburgeraars, EUR 30.000 (was Alfa 5 x 2.500 +
    Beta 5 x 2.800 = EUR 26.500, the expectation by equal capacity). A lot the scenario makes an award lot may have
    them."""
    from tests.hulp import schrijf_bod

    ws = maak_werkmap(tmp_path / "ws", module_naast_b1(kleine_aanbesteding(), "PVT", "PVT-module", 3000))
    schrijf_bod(ws, "a.xlsx", "Alfa", "11111111", [("B1", 9000, 20, 12, 4, "alle"), ("PVT", 2500, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22222222", [("B1", 9500, 20, 12, 4, "alle"), ("PVT", 2800, 20, 12, 4, "alle")])
    scenario = ["scenario", "--werkmap", str(ws), "--lots", "PVT"]
    zet = ["--zet", "percelen.PVT.weging.kwaliteit=70", "--zet", "percelen.PVT.prijsmethode=lineair"]
    res = CliRunner().invoke(main, [*scenario, *zet])
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert "'--zet'" in uit and "ongewijzigd" not in uit, uit
    assert (
        "'percelen.PVT.weging.kwaliteit=70': perceel PVT is een open house (procedure: toelating): er wordt niemand "
        "gerangschikt en kwaliteit en prijs worden niet tegen elkaar gewogen, dus weging zou nergens gebruikt worden; "
        "laat deze --zet weg, of zet percelen.PVT.procedure=gunning" in uit
    ), uit
    assert (
        "'percelen.PVT.prijsmethode=lineair': perceel PVT is een open house (procedure: toelating): er wordt niemand "
        "gerangschikt en geen prijs gescoord, iedere toegelaten aanbieder krijgt zijn eigen prijs als tarief, dus "
        "prijsmethode lineair zou nergens gebruikt worden; laat deze --zet weg (of zet "
        "percelen.PVT.prijsmethode=vaste_prijs, één tarief voor iedereen), of zet percelen.PVT.procedure=gunning" in uit
    ), uit

    res = CliRunner().invoke(main, [*scenario, "--zet", "percelen.PVT.prijsmethode=vaste_prijs"])
    assert res.exit_code == 0, res.output
    assert "Kosten per jaar: EUR 26.500,00 -> EUR 30.000,00 (+EUR 3.500,00)" in res.output, res.output
    res = CliRunner().invoke(main, [*scenario, "--zet", "percelen.PVT.procedure=gunning", *zet])
    assert "'--zet'" not in res.output, res.output  # an award lot weighs: the definition checks the rest

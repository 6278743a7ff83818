"""`evaluatie nieuw` lists the criteria set's settings of each lot as comments that 'apply without filling in
anything'. For an open-house lot the ranking settings (weging kwaliteit/prijs, bij_gelijke_stand, abnormaal_laag,
max_fictieve_korting) and the distribution rules (verdeling) apply to nothing: there is no ranking and no comparison,
and the expected distribution follows the capacities; the file says so instead."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, schrijf_yaml

GUNNING_ALLEEN = (
    "# weging:",
    "# bij_gelijke_stand:",
    "# abnormaal_laag:",
    "# abnormaal_maatstaf:",
    "# max_fictieve_korting:",
    "# verdeling:",
)


def _nieuw(tmp_path: Path, percelen: str, toelating: str, *extra: str) -> str:
    """aanbesteding.yaml as 'evaluatie nieuw' writes it for Almere and Dronten with these lots, some open house."""
    res = CliRunner().invoke(
        main,
        ["nieuw", str(tmp_path / "ws"), "--naam", "Test", "--penvoerder", "Almere", "--gemeenten", "Almere,Dronten",
         "--percelen", percelen, "--toelating", toelating, *extra],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    return (tmp_path / "ws" / "aanbesteding.yaml").read_text(encoding="utf-8")


def _blok(tekst: str, code: str) -> str:
    deel = tekst.split(f"\n  {code}:\n", 1)[1]
    volgende = [i for i in (deel.find("\n  PVT:\n"), deel.find("\n  MAP:\n")) if i >= 0]
    return deel[: min(volgende)] if volgende else deel


def test_open_housepercelen_noemen_geen_rangorde_instellingen(tmp_path: Path) -> None:
    tekst = _nieuw(tmp_path, "B1,PVT,MAP", "PVT,MAP")
    b1, pvt, mapblok = _blok(tekst, "B1"), _blok(tekst, "PVT"), _blok(tekst, "MAP")
    for sleutel in GUNNING_ALLEEN:
        assert sleutel in b1, sleutel
        assert sleutel not in pvt and sleutel not in mapblok, sleutel
    for blok in (pvt, mapblok):
        assert (
            "# weging, bij_gelijke_stand, abnormaal_laag, abnormaal_maatstaf, max_fictieve_korting, verdeling: niet van "
            "toepassing bij toelating (geen rangorde en geen vergelijking van inschrijvingen; de verwachte verdeling "
            "volgt de capaciteit)" in blok
        )
        assert "# plafondprijs:" in blok and "# knockout:" in blok


def test_commentaar_noemt_criterium_weghalen_en_kwaliteit_bij_toelating(tmp_path: Path) -> None:
    """The comments said how to switch off a knock-out rule, not how to remove a criterion of the set, nor that an
    open house scores its criteria only with the knock-out rule minimum_kwaliteit (README, De aanbesteding
    beschrijven; tests/test_toelating_zonder_kwaliteit.py)."""
    tekst = _nieuw(tmp_path, "B1,PVT", "PVT")
    b1, pvt = _blok(tekst, "B1"), _blok(tekst, "PVT")
    for blok in (b1, pvt):
        assert "# gunningscriteria:   # per code: naam en weging; 'K4: false' haalt een criterium weg" in blok
    toelating = "alleen beoordeeld met de knock-outeis minimum_kwaliteit; zonder die eis wordt toegelaten op de eisen"
    assert toelating in pvt and toelating not in b1


def test_open_house_noemt_alleen_de_vaste_prijs_als_prijsmethode(tmp_path: Path) -> None:
    """The open-house block said '# prijsmethode: relatief   # fictieve_korting | lineair | relatief | vaste_prijs' as a
    setting that applies: an open house scores no price, and its own 'prijsmethode: lineair' is an input error. The
    block names vaste_prijs, the one method that means something there; the award lot keeps the set's method. The
    hint, filled in, is a valid definition."""
    tekst = _nieuw(tmp_path, "B1,PVT", "PVT")
    b1, pvt = _blok(tekst, "B1"), _blok(tekst, "PVT")
    assert "# prijsmethode: relatief   # fictieve_korting | lineair | relatief | vaste_prijs" in b1
    assert "# prijsmethode: relatief" not in pvt and "lineair" not in pvt, pvt
    hint = (
        "    # prijsmethode: ...   # bij toelating alleen vaste_prijs: één tarief voor iedereen (zie vaste_prijs); "
        "zonder regel is het tarief de eigen prijs van iedere aanbieder\n"
    )
    assert hint in pvt, pvt
    ingevuld = tekst.replace(hint, "    prijsmethode: vaste_prijs\n").replace(
        "{B1: invullen, PVT: invullen}", "{B1: 5, PVT: 3}"
    )
    (tmp_path / "ws" / "aanbesteding.yaml").write_text(ingevuld, encoding="utf-8")
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(tmp_path / "ws")])
    assert res.exit_code == 0, res.output
    # without a vaste_prijs line the fixed price is the ceiling of the set's PVT (EUR 350)
    systematiek = html_tekst(tmp_path / "ws" / "gunningssystematiek.html")
    assert "Tarief: EUR 350,00 per traject, voor iedere toegelaten aanbieder gelijk." in systematiek


def _klein_set(tmp_path: Path) -> None:
    """Criteria set 'klein' in the new werkmap's criteria/: minimum_kwaliteit on for all lots, off for PVT."""
    criterium = {"K1": {"naam": "Plan van aanpak", "weging": 100, "omschrijving": "Hoe het traject loopt."}}
    schrijf_yaml(
        tmp_path / "ws" / "criteria" / "klein.yaml",
        {
            "naam": "klein",
            "perceel_standaard": {
                "plafondprijs": 5000,
                "prijsmethode": "relatief",
                "weging": {"kwaliteit": 60, "prijs": 40},
                "schaal": {"stappen": [{"label": "onvoldoende", "punten": 0}, {"label": "goed", "punten": 100}]},
                "knockout": {"plafondprijs": {}, "minimum_kwaliteit": {"drempel": 50}},
            },
            "percelen": {
                "B1": {"naam": "B1-route", "gunningscriteria": criterium},
                "PVT": {"naam": "PVT", "knockout": {"minimum_kwaliteit": False}, "gunningscriteria": criterium},
                "MAP": {"naam": "MAP", "gunningscriteria": criterium},
            },
        },
    )


def test_open_house_zonder_minimale_kwaliteit_noemt_geen_schaal_of_criteria(tmp_path: Path) -> None:
    """A criteria set that switches minimum_kwaliteit off for PVT: the panel scores nothing in that open house, yet its
    block listed '# schaal:', '# criteriumweging:' and the criteria as settings that apply (and its own gunningscriteria
    are an input error there). The block now says they do not apply; MAP, an open house with the minimum, and B1 keep
    them."""
    _klein_set(tmp_path)
    tekst = _nieuw(tmp_path, "B1,PVT,MAP", "PVT,MAP", "--criteriaset", "klein")
    b1, pvt, mapblok = _blok(tekst, "B1"), _blok(tekst, "PVT"), _blok(tekst, "MAP")
    for hint in ("# schaal:", "# criteriumweging:", "# gunningscriteria:", "#   K1:"):
        assert hint in b1 and hint in mapblok, hint
        assert hint not in pvt, pvt
    assert (
        "# schaal, criteriumweging, gunningscriteria: niet van toepassing, want het panel beoordeelt dit perceel niet "
        "(toelating zonder de knock-outeis minimum_kwaliteit: toegelaten wordt op de eisen alleen)" in pvt
    )
    assert "#   minimum_kwaliteit: false   # staat in de criteriaset uit voor dit perceel" in pvt
    assert "niet van toepassing, want het panel" not in b1 + mapblok


def test_aannames_van_nieuw_noemen_geen_criteria_waar_het_panel_niet_beoordeelt(tmp_path: Path) -> None:
    """What nieuw prints per lot said 'PVT (PVT): toelating; ...; 1 criteria (Plan van aanpak)' for an open house whose
    criteria set switches minimum_kwaliteit off, where no criterion is scored; MAP, with the minimum, keeps its."""
    _klein_set(tmp_path)
    res = CliRunner().invoke(
        main,
        ["nieuw", str(tmp_path / "ws"), "--naam", "Test", "--penvoerder", "Almere", "--gemeenten", "Almere,Dronten",
         "--percelen", "PVT,MAP", "--toelating", "PVT,MAP", "--criteriaset", "klein"],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    uit = " ".join(res.output.split())
    assert (
        "Perceel PVT (PVT): toelating; plafondprijs EUR 5.000,00; geen keurmerk; geen beoordeling door het panel (open "
        "house zonder minimum_kwaliteit: toegelaten op de eisen alleen); geen raammaximum (open house)" in uit
    ), uit
    assert (
        "Perceel MAP (MAP): toelating; plafondprijs EUR 5.000,00; geen keurmerk; 1 criteria (Plan van aanpak);" in uit
    )

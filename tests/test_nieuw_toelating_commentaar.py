"""`evaluatie nieuw` lists the criteria set's settings of each lot as comments that 'apply without filling in
anything'. For an open-house lot the ranking settings (weging kwaliteit/prijs, bij_gelijke_stand, abnormaal_laag,
max_fictieve_korting) apply to nothing: there is no ranking and no comparison; the file says so instead."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main

GUNNING_ALLEEN = (
    "# weging:",
    "# bij_gelijke_stand:",
    "# abnormaal_laag:",
    "# abnormaal_maatstaf:",
    "# max_fictieve_korting:",
)


def _nieuw(tmp_path: Path, percelen: str, toelating: str) -> str:
    """aanbesteding.yaml as 'evaluatie nieuw' writes it for Almere and Dronten with these lots, some open house."""
    res = CliRunner().invoke(
        main,
        ["nieuw", str(tmp_path / "ws"), "--naam", "Test", "--penvoerder", "Almere", "--gemeenten", "Almere,Dronten",
         "--percelen", percelen, "--toelating", toelating],
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
            "# weging, bij_gelijke_stand, abnormaal_laag, abnormaal_maatstaf, max_fictieve_korting: niet van toepassing "
            "bij toelating "
            "(geen rangorde en geen vergelijking van inschrijvingen)" in blok
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

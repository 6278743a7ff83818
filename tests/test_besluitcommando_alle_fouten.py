"""A decision command names every wrong option at once (the standard for all input), not the first only:
a draw with a witness without a capacity, a date in the future and a misspelt bidder gets three lines, and a
keurmerk decision with a bad 'door', a reason of one word and a future date gets three. Nothing is written."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main


def _run(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, list(args))
    assert "Traceback" not in r.output
    return r.exit_code, " ".join(r.output.split())


def test_loting_noemt_iedere_foute_optie(voorbeeld: Path) -> None:
    code, uit = _run("loting", "--werkmap", str(voorbeeld), "--lots", "B1", "--volgorde", "Kompas Inburgering;Lerpunt",
                     "--datum", "2099-01-01", "--getuige", "Jan")  # fmt: skip
    assert code == 2, uit
    assert "--getuige: geef naam en functie van wie de loting bijwoonde" in uit
    assert "--datum: 2099-01-01 ligt in de toekomst" in uit
    assert "--volgorde: 'Lerpunt' is geen inschrijver in deze aanbesteding" in uit
    assert "'Kompas Inburgering' is geen inschrijver" not in uit  # the right name is not reported
    assert not (voorbeeld / "loting.yaml").exists()


def test_besluit_noemt_wie_waarom_en_wanneer_samen(voorbeeld: Path) -> None:
    code, uit = _run("keurmerk", "--werkmap", str(voorbeeld), "--inschrijver", "Kompas Inburgering",
                     "--uitkomst", "onder_voorwaarde", "--reden", "kort", "--door", "Jan",
                     "--datum", "2099-01-01")  # fmt: skip
    assert code == 2, uit
    assert "--door: geef naam en functie" in uit
    assert "--reden: geef de motivering in een volledige zin; kreeg 'kort'" in uit
    assert "--datum: 2099-01-01 ligt in de toekomst" in uit
    assert not (voorbeeld / "besluiten.yaml").exists()

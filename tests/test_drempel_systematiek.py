"""Below the EUR 750.000 threshold (art. 2.38 Aw 2012) part 2 of the Aanbestedingswet does not apply: the articles
the published method and the letters name (2.86/2.87/2.87a, 2.116, 2.130), and the contract changes of the contract
phase (2.163a-g), rest on the tender documents, which must say so; above it they apply by law and the documents do not claim otherwise."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap

# 2.163a-g: `contract wijziging` tests and records a change on them (de minimis, 2.163b) below the threshold too,
# where part 2 does not apply by law; the sentence used to leave them out, so that basis rested on nothing published
ZIN = (
    "Ook de andere artikelen van de Aanbestedingswet 2012 die deze systematiek, de gunningsbeslissingen en het beheer "
    "van de overeenkomsten noemen (2.86, 2.87 en 2.87a over uitsluitingsgronden, 2.116 over een abnormaal lage prijs, "
    "2.130 over de gunningsbeslissing, 2.163a tot en met 2.163g over wijzigingen van de overeenkomst) gelden onder "
    "de drempel niet rechtstreeks; deze aanbesteding past ze van overeenkomstige toepassing toe."
)


def _systematiek(ws: Path) -> str:
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    return (ws / "gunningssystematiek.html").read_text(encoding="utf-8")


def test_onder_de_drempel_van_overeenkomstige_toepassing(tmp_path: Path) -> None:
    # 20 trajecten a year x EUR 10.000 x 2 years = EUR 400.000, below EUR 750.000
    tekst = _systematiek(maak_werkmap(tmp_path / "ws", kleine_aanbesteding()))
    assert "ligt onder de Europese drempel" in tekst and ZIN in tekst
    assert "Abnormaal lage prijs (art. 2.116 Aanbestedingswet 2012)" in tekst  # the article it makes applicable


def test_boven_de_drempel_rechtstreeks(tmp_path: Path) -> None:
    data = kleine_aanbesteding()
    for g, n in zip(data["gemeenten"], (20, 12, 8), strict=True):  # 40 a year x EUR 10.000 x 2 years = EUR 800.000
        g["inburgeraars"]["B1"] = n
    tekst = _systematiek(maak_werkmap(tmp_path / "ws", data))
    assert "ligt onder de Europese drempel" not in tekst and "overeenkomstige toepassing" not in tekst


def test_bewijsstukken_aangekondigd_zoals_de_brief_ze_vraagt(tmp_path: Path) -> None:
    """Every winner's letter makes the award conditional on proofs within ten working days; a condition the tender
    documents never announced cannot be held against the winner, so the systematiek names proofs and term."""
    data = kleine_aanbesteding(bewijsstukken=["een Gedragsverklaring Aanbesteden", "een bankverklaring"])
    tekst = _systematiek(maak_werkmap(tmp_path / "ws", data))
    assert (
        "Bewijsstukken. Een inschrijver aan wie wordt gegund, overlegt binnen 10 werkdagen na de brief met die "
        "beslissing de volgende bewijsstukken; de beslissing is onder voorbehoud daarvan, en blijkt uit de "
        "bewijsstukken dat de inschrijver niet aan de eisen voldoet, dan vervalt zij:" in tekst
    )
    assert "<li>een Gedragsverklaring Aanbesteden</li>" in tekst and "<li>een bankverklaring</li>" in tekst
    zonder = _systematiek(maak_werkmap(tmp_path / "ws2", kleine_aanbesteding(bewijsstukken=[])))
    assert "Bewijsstukken." not in zonder

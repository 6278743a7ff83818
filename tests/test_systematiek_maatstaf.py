"""The published method of a lot without a totaalscore never speaks of one.

With fictieve_korting the method itself says "Er is geen weging, geen prijsscore en geen totaalscore"; the
sentences on precision, ties and the allocation's tie-break must then name what does rank the bids (the
fictieve prijs, lowest first), as the award does (evaluatie.prijs.rangorde: the fictieve prijs at 4 decimals).
With vaste_prijs that is the kwaliteitsscore.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap


def _perceeltekst(ws: Path) -> str:
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    doc = Document(str(ws / "gunningssystematiek.docx"))
    tekst = "\n".join(p.text for p in doc.paragraphs)
    begin = tekst.index("Prijs en rangorde")
    return tekst[begin : tekst.index("Gunningsbeslissing en openbaarmaking", begin)]


@pytest.mark.parametrize(
    ("methode", "maatstaf", "eerst"),
    [("fictieve_korting", "fictieve prijs", "laagste"), ("vaste_prijs", "kwaliteitsscore", "hoogste")],
)
def test_zonder_totaalscore_noemt_de_systematiek_wat_rangschikt(
    tmp_path: Path, methode: str, maatstaf: str, eerst: str
) -> None:
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["prijsmethode"] = methode
    del data["percelen"]["B1"]["weging"]
    # a rule that can decide under both methods (under vaste_prijs the lowest price never does)
    data["percelen"]["B1"]["bij_gelijke_stand"] = ["kortste_wachttijd"]
    tekst = _perceeltekst(maak_werkmap(tmp_path / "ws", data))
    for fout in ("totaalscores", "gelijke totaalscore", "gelijke totalen", "het hoogste totaal"):
        assert fout not in tekst, fout
    assert f"Twee inschrijvingen staan dus gelijk als hun {maatstaf} op 4 decimalen gelijk is." in tekst
    assert f"Bij gelijke {maatstaf} beslissen, in deze volgorde" in tekst
    assert f"bij gelijke {maatstaf} staat hoger in de rangorde de aanbieder" in tekst
    assert f"De {maatstaf} wordt vergeleken na afronding op 4 decimalen; de {eerst} {maatstaf} staat eerst." in tekst


def test_met_totaalscore_blijft_de_tekst(tmp_path: Path) -> None:
    tekst = _perceeltekst(maak_werkmap(tmp_path / "ws", kleine_aanbesteding()))
    assert "Twee inschrijvingen staan dus gelijk als hun totaalscores op 4 decimalen gelijk zijn." in tekst
    assert "Bij gelijke totalen beslist loting" in tekst
    assert "bij gelijke totaalscore staat hoger in de rangorde de aanbieder" in tekst


def test_inschrijfformulier_noemt_de_vaste_prijs(tmp_path: Path) -> None:
    """A lot with vaste_prijs pays one price to every bidder. The published method says so; the bid form, the other
    text a bidder reads before bidding, said only 'Plafondprijs: ...; een hogere prijs is ongeldig', so a bidder could
    offer 9.900 and be awarded at 9.500 without having been told."""
    from openpyxl import load_workbook

    data = kleine_aanbesteding()
    data["percelen"]["B1"].update(prijsmethode="vaste_prijs", vaste_prijs=9500)
    del data["percelen"]["B1"]["weging"]
    ws = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["template", "inschrijving", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    blad = load_workbook(ws / "inschrijfformulier.xlsx")["Perceelgegevens"]
    regels = [str(c.value) for c in blad["A"] if c.value is not None]
    plafond = next(i for i, r in enumerate(regels) if r.startswith("Plafondprijs"))
    assert regels[plafond + 1] == (
        "Prijs: de prijs per traject ligt voor iedere inschrijver vast op EUR 9.500,00 (exclusief btw); alleen de "
        "kwaliteit telt. Wie inschrijft, biedt tegen die prijs: vul haar in als prijs per traject."
    )
    zonder = maak_werkmap(tmp_path / "zonder", kleine_aanbesteding())
    assert CliRunner().invoke(main, ["template", "inschrijving", "--werkmap", str(zonder)]).exit_code == 0
    blad = load_workbook(zonder / "inschrijfformulier.xlsx")["Perceelgegevens"]
    assert not any(str(c.value).startswith("Prijs:") for c in blad["A"] if c.value is not None)


@pytest.mark.parametrize(
    ("methode", "waarde"),
    [
        ("relatief", "haar totaalscore"),
        ("lineair", "haar totaalscore"),
        ("fictieve_korting", "de plafondprijs min haar fictieve prijs (hoe lager de fictieve prijs, hoe hoger)"),
        ("vaste_prijs", "haar kwaliteitsscore"),
    ],
)
def test_verdeelstap_zegt_wat_de_gunningswaarde_is(tmp_path: Path, methode: str, waarde: str) -> None:
    """Step 1 of the allocation maximises 'gunningswaarde x inburgeraars'; the published method never said what the
    gunningswaarde of a bid is, though under fictieve_korting it is not the ranking figure but the ceiling minus the
    fictieve prijs (evaluatie.prijs.fictieve_korting), and the allocation turns on it."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["prijsmethode"] = methode
    if methode in ("fictieve_korting", "vaste_prijs"):
        del data["percelen"]["B1"]["weging"]
    tekst = _perceeltekst(maak_werkmap(tmp_path / "ws", data))
    assert (
        f"1. zo veel mogelijk totaal van gunningswaarde x inburgeraars, waarbij de gunningswaarde van een inschrijving "
        f"{waarde} is;" in tekst
    )


def test_verdeelregels_met_een_aanbieder_in_het_enkelvoud(tmp_path: Path) -> None:
    """'per gemeente hoogstens 1 aanbieders', 'hoogstens 1 aanbieders krijgen inburgeraars' in the published
    method (and the advies, which takes the same sentences)."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"]["verdeling"] = {
        "min_leveranciers": 1,
        "max_leveranciers": 1,
        "max_leveranciers_per_gemeente": 1,
    }
    tekst = _perceeltekst(maak_werkmap(tmp_path / "ws", data))
    for zin in ("minstens 1 aanbieder krijgt inburgeraars", "hoogstens 1 aanbieder krijgt inburgeraars"):
        assert zin in tekst, zin
    assert "per gemeente hoogstens 1 aanbieder\n" in tekst
    assert "1 aanbieders" not in tekst
    data["percelen"]["B1"]["verdeling"] = {"min_leveranciers": 2, "max_leveranciers_per_gemeente": 2}
    tekst = _perceeltekst(maak_werkmap(tmp_path / "ws2", data))
    assert "minstens 2 aanbieders krijgen inburgeraars" in tekst and "per gemeente hoogstens 2 aanbieders" in tekst


def test_rekenvoorbeeld_bij_vaste_prijs_toont_de_vaste_prijs(tmp_path: Path) -> None:
    """vaste_prijs 9.500: the worked example showed fictitious bids at EUR 8.000, 9.000 and 10.000 (0,8 / 0,9 / 1,0
    x the ceiling), prices nobody can bid in this lot, next to the sentence that the price is fixed at 9.500 for
    everyone. The example now shows the price that counts, 9.500, for each."""
    data = kleine_aanbesteding()
    data["percelen"]["B1"].update(prijsmethode="vaste_prijs", vaste_prijs=9500)
    del data["percelen"]["B1"]["weging"]
    ws = maak_werkmap(tmp_path / "ws", data)
    _perceeltekst(ws)
    tabel = next(
        t for t in Document(str(ws / "gunningssystematiek.docx")).tables if t.rows[0].cells[0].text == "Inschrijver"
    )
    assert [rij.cells[1].text for rij in tabel.rows[1:]] == ["EUR 9.500,00"] * 3

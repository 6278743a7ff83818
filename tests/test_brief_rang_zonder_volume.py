"""A bid ranked above (or level with) a winner that gets no volume: the letter never says it had to outrank that
winner, nor that a draw decided what no draw decided."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from docx import Document
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling


def _tekst(pad: Path) -> str:
    return "\n".join(p.text for p in Document(str(pad)).paragraphs)


def _gun(tmp_path: Path, prijs_gamma: int, punten_gamma: int, fictieve_korting: bool = False) -> str:
    """Noord 10, Oost 6, Zuid 4 (tests/hulp.py). Alfa (best) serves Noord and Oost and takes them whole; Beta serves
    only Noord, so it gets nothing whatever its rank; Gamma serves only Zuid and gets its 4. `fictieve_korting`: the
    lot ranks on the fictitious price (maximum discount 30% of the EUR 10.000 ceiling) instead of a weighting."""
    data = kleine_aanbesteding()
    if fictieve_korting:
        data["percelen"]["B1"]["prijsmethode"] = "fictieve_korting"
        del data["percelen"]["B1"]["weging"]
    ws = maak_werkmap(tmp_path / "ws", data)
    schrijf_bod(ws, "a.xlsx", "Alfa", "12345678", [("B1", 9000, 100, 12, 4, "Noord; Oost")])
    schrijf_bod(ws, "b.xlsx", "Beta", "22345678", [("B1", 9200, 100, 12, 4, "Noord")])
    schrijf_bod(ws, "c.xlsx", "Gamma", "32345678", [("B1", prijs_gamma, 100, 12, 4, "Zuid")])
    runner = CliRunner()
    assert runner.invoke(main, ["template", "beoordeling", "--werkmap", str(ws)]).exit_code == 0
    punten = {"Alfa": 75, "Beta": 75, "Gamma": punten_gamma}
    for pad in sorted((ws / "beoordelingen").glob("*.xlsx")):
        blad = load_workbook(pad)["Beoordeling"]
        rijen = [(blad.cell(r, 1).value, blad.cell(r, 3).value) for r in range(6, blad.max_row + 1)]
        vul_beoordeling(pad, {(i, c): punten[i] for i, c in rijen if i})
    res = runner.invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    return _tekst(ws / "rapporten" / "brieven" / "beta-b1.docx")


def test_hoger_gerangschikt_dan_een_winnaar(tmp_path: Path) -> None:
    """Beta 2nd (84,13), Gamma 3rd (50 points, EUR 9.800): Beta had nobody to outrank; it used to read 'Gamma
    (rang 3): dat is de inschrijving die u had moeten overtreffen' above 'U staat hoger in de rangorde dan Gamma'."""
    tekst = _gun(tmp_path, 9800, 50)
    assert "De laagst gerangschikte inschrijver aan wie is gegund, is Gamma (rang 3)." in tekst
    assert "had moeten overtreffen" not in tekst
    assert (
        "U staat hoger in de rangorde dan Gamma; dat u toch geen volume krijgt, volgt uit de verdeling over de "
        "gemeenten (zie de toelichting op de verdeling hieronder)." in tekst
    )


def test_gedeelde_rang_zonder_loting(tmp_path: Path) -> None:
    """Beta and Gamma tie exactly (same price and scores) and the order decides nothing, so no draw was held; the
    letter said so and then closed with 'de volgorde is door loting bepaald'."""
    tekst = _gun(tmp_path, 9200, 75)
    assert "De volgorde tussen u verandert de gunning en de verdeling niet; daarom is geen loting gehouden." in tekst
    assert "door loting bepaald" not in tekst and "had moeten overtreffen" not in tekst
    assert "U deelt rang 2 met Gamma; dat u toch geen volume krijgt, volgt uit de verdeling over de gemeenten" in tekst


def test_lager_gerangschikt_dan_iedere_winnaar_zegt_niet_dat_dat_volume_gaf(tmp_path: Path) -> None:
    """Gamma at 75 points and EUR 9.100 ranks 2nd (45 + 40 x 9.000 / 9.100 = 84,56), Beta 3rd (45 + 40 x 9.000 /
    9.200 = 84,13), below both winners. The letter called Gamma 'de inschrijving die u had moeten overtreffen', as if
    outranking it would have brought volume; Beta serves only Noord, which Alfa takes whole, so even above Gamma it
    would have got nothing. It now names Gamma's total and claims only the rank, leaving volume to the allocation."""
    tekst = _gun(tmp_path, 9100, 75)
    assert "had moeten overtreffen" not in tekst
    assert (
        "De laagst gerangschikte inschrijver aan wie is gegund, is Gamma (rang 2, totaalscore 84,56). Met een hogere "
        "totaalscore dan die van Gamma had u boven Gamma in de rangorde gestaan; of u dan volume had gekregen, volgt "
        "uit de verdeling over de gemeenten, niet uit de rangorde alleen." in tekst
    )
    assert "U staat hoger" not in tekst and "U deelt rang" not in tekst


def test_lager_gerangschikt_onder_fictieve_prijs_zonder_bedrag(tmp_path: Path) -> None:
    """Under fictieve_korting with prices not disclosed, Gamma's fictitious price (9.100 - 3.000 x 75 / 100 = 6.850)
    would give its price, so the sentence names the rank and the direction (lower) without the amount."""
    tekst = _gun(tmp_path, 9100, 75, fictieve_korting=True)
    assert (
        "De laagst gerangschikte inschrijver aan wie is gegund, is Gamma (rang 2). Met een lagere fictieve prijs dan "
        "die van Gamma had u boven Gamma in de rangorde gestaan;" in tekst
    )
    assert "6.850" not in tekst and "had moeten overtreffen" not in tekst

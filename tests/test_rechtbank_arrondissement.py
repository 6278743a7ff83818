"""The court the letters name when aanbesteding.yaml leaves it to the table: a penvoerder in a gemeente whose
arrondissement was established from a source (README, Register van gemeenten) gets that court in the letters,
in a real award run; one whose arrondissement is not established keeps the court an open point (no letters),
never a guess. The expected courts are the ones the README's sources state, not read from the table."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from evaluatie.cli import main
from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import html_tekst, kleine_aanbesteding, maak_werkmap, schrijf_bod, schrijf_yaml, vul_beoordeling

CRITERIA = ("Plan van aanpak", "Samenwerking")  # the criteria of kleine_aanbesteding


@pytest.fixture(scope="module")
def schoon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = maak_werkmap(tmp_path_factory.mktemp("rechtbank") / "ws", kleine_aanbesteding())
    schrijf_bod(ws, "a.xlsx", "A", "11111111", [("B1", 9000, 20, 12, 4, "alle")])
    schrijf_bod(ws, "b.xlsx", "B", "22222222", [("B1", 9500, 20, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws), overschrijven=True)
    for naam in ("ada", "bram"):
        vul_beoordeling(
            ws / "beoordelingen" / f"{naam}.xlsx", {(i, c): s for i, s in {"A": 75, "B": 50}.items() for c in CRITERIA}
        )
    return ws


def _met_penvoerder(schoon: Path, tmp_path: Path, penvoerder: str) -> Path:
    ws = Path(shutil.copytree(schoon, tmp_path / "ws"))
    data = kleine_aanbesteding(penvoerder=penvoerder)
    data["rechtsbescherming"]["rechtbank"] = "invullen"  # left to the table of arrondissementen
    schrijf_yaml(ws / "aanbesteding.yaml", data)
    return ws


@pytest.mark.parametrize(
    ("penvoerder", "rechtbank"),
    [
        ("Gemeente Zuidplas", "Rechtbank Den Haag"),  # ECLI:NL:RBDHA:2018:6399 (README)
        ("Gemeente Krimpenerwaard", "Rechtbank Den Haag"),  # ABRvS 201705849/1/A2 and 201706771/1/A1
        ("Gemeente Altena", "Rechtbank Zeeland-West-Brabant"),  # ECLI:NL:RBZWB:2021:1251
        ("Gemeente Oisterwijk", "Rechtbank Zeeland-West-Brabant"),  # ECLI:NL:RBZWB:2025:5912
        ("Gemeente Waalwijk", "Rechtbank Zeeland-West-Brabant"),  # ECLI:NL:RBZWB:2022:7530
        ("Gemeente Heusden", "Rechtbank Oost-Brabant"),  # ABRvS 27 February 2019, ECLI:NL:RVS:2019:609
    ],
)
def test_penvoerder_in_een_aangevulde_gemeente(schoon: Path, tmp_path: Path, penvoerder: str, rechtbank: str) -> None:
    ws = _met_penvoerder(schoon, tmp_path, penvoerder)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    brief = "\n".join(p.text for p in Document(str(ws / "rapporten" / "brieven" / "a-b1.docx")).paragraphs)
    assert f"de voorzieningenrechter van de {rechtbank}" in brief
    assert "invullen" not in brief


@pytest.mark.parametrize("penvoerder", ["Gemeente Loon op Zand", "Gemeente Vijfheerenlanden"])
def test_penvoerder_zonder_vastgesteld_arrondissement_blijft_open(
    schoon: Path, tmp_path: Path, penvoerder: str
) -> None:
    ws = _met_penvoerder(schoon, tmp_path, penvoerder)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), "--json"])
    assert res.exit_code == 1, res.output
    assert [p["soort"] for p in json.loads(res.stdout)["open_punten"]] == ["rechtbank"]
    assert not (ws / "rapporten" / "brieven").exists()


@pytest.mark.parametrize(
    ("penvoerder", "reden"),
    [
        # both Bergen (L.) and Bergen (NH.) are in the table: 'staat niet in de tabel' was untrue
        ("Gemeente Bergen", "'Bergen' is geen gemeente van het register; bedoelt u Bergen (L.), Bergen (NH.)"),
        (
            "Gemeente Weesp",
            "'Weesp' is geen gemeente van het register; de gemeente Weesp bestaat sinds 24 maart 2022 niet meer en is "
            "opgegaan in Amsterdam",
        ),
        (
            "Gemeente Loon op Zand",
            "het arrondissement van Loon op Zand staat niet vast in de tabel van arrondissementen",
        ),
    ],
)
def test_het_open_punt_rechtbank_zegt_waarom(schoon: Path, tmp_path: Path, penvoerder: str, reden: str) -> None:
    """The open point said '<penvoerder> staat niet in de tabel van arrondissementen' for every reason alike."""
    ws = _met_penvoerder(schoon, tmp_path, penvoerder)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws), "--json"])
    assert res.exit_code == 1, res.output
    (punt,) = json.loads(res.stdout)["open_punten"]
    assert punt["soort"] == "rechtbank", punt
    assert punt["tekst"].startswith("De rechtbank voor een kort geding is niet af te leiden: " + reden), punt


def test_advies_noemt_de_rechtbank_en_waar_zij_vandaan_komt(schoon: Path, tmp_path: Path) -> None:
    """Every letter names the court for a kort geding, but the advies the college decides on did not name it at all:
    that the court was not in aanbesteding.yaml and came from the table of arrondissementen (Meppel lies in Drenthe,
    arrondissement Noord-Nederland) was nowhere to read. The advies now names the court and its source, also when
    aanbesteding.yaml names it."""
    ws = _met_penvoerder(schoon, tmp_path, "Gemeente Meppel")
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    brief = "\n".join(p.text for p in Document(str(ws / "rapporten" / "brieven" / "a-b1.docx")).paragraphs)
    assert "de voorzieningenrechter van de Rechtbank Noord-Nederland" in brief
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert (
        "De brieven noemen voor een kort geding de voorzieningenrechter van de Rechtbank Noord-Nederland. "
        "aanbesteding.yaml noemt geen rechtbank (rechtsbescherming.rechtbank), dus is het de rechtbank van het "
        "arrondissement waarin de penvoerder ligt: Meppel ligt in het arrondissement Noord-Nederland "
        "(criteria/gemeenten/arrondissementen-2026.csv, naar de Wet op de rechterlijke indeling)."
    ) in advies

    data = kleine_aanbesteding(penvoerder="Gemeente Meppel")  # names Rechtbank Noord-Nederland itself
    schrijf_yaml(ws / "aanbesteding.yaml", data)
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    advies = html_tekst(ws / "rapporten" / "gunningsadvies.html")
    assert (
        "De brieven noemen voor een kort geding de voorzieningenrechter van de Rechtbank Noord-Nederland, zoals "
        "aanbesteding.yaml opgeeft (rechtsbescherming.rechtbank)."
    ) in advies

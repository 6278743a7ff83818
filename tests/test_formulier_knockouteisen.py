"""The bid form states per lot every knock-out requirement, in the words and numbers of the published method.

A bidder must be able to read in the form what will knock his bid out (art. 2.114-2.116 Aw 2012); the form and
the systematiek are two published texts, so they may not say different things. The tender: the bundled example
(criteria set inburgering-2022: B1, onderwijs, Z) with the Z-route by open house.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import yaml
from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cli import main
from tests.hulp import REPO, maak_werkmap

KOP = {"B1": "B1-route", "onderwijs": "Onderwijsroute", "Z": "Z-route"}


def _templates(ws: Path) -> None:
    """The bid form and the method, as the inkoper writes them before publishing."""
    for commando in ("inschrijving", "systematiek"):
        uit = CliRunner().invoke(main, ["template", commando, "--werkmap", str(ws)])
        assert uit.exit_code == 0, uit.output


def _werkmap(root: Path) -> Path:
    data = yaml.safe_load((REPO / "bids" / "voorbeeld" / "aanbesteding.yaml").read_text(encoding="utf-8"))
    data["percelen"]["Z"]["procedure"] = "toelating"
    ws = maak_werkmap(root, data)
    _templates(ws)
    return ws


def _formulier(ws: Path) -> dict[str, list[str]]:
    """Per lot the knock-out lines of the Perceelgegevens sheet as a bidder reads them: from 'Knock-outeisen.' up
    to the first line that neither lists a requirement nor introduces the list after the quality score."""
    blad = load_workbook(ws / "inschrijfformulier.xlsx")["Perceelgegevens"]
    regels = [str(r[0]) for r in blad.iter_rows(min_col=1, max_col=1, values_only=True) if r[0] is not None]
    uit: dict[str, list[str]] = {}
    for code, naam in KOP.items():
        blok = regels[regels.index(f"Perceel {code} ({naam})") :]
        start = next(i for i, r in enumerate(blok) if r.startswith("Knock-outeisen"))
        eind = start + 1
        while eind < len(blok) and (blok[eind].startswith("• ") or blok[eind].startswith("Na de beoordeling")):
            eind += 1
        uit[code] = blok[start:eind]
    return uit


def _systematiek(ws: Path) -> dict[str, list[str]]:
    """The same lines from the published method (HTML): the introducing paragraphs and their list items."""
    html = (ws / "gunningssystematiek.html").read_text(encoding="utf-8")
    uit: dict[str, list[str]] = {}
    for code, naam in KOP.items():
        deel = html.split(f"<h2>Perceel {naam}</h2>")[1].split("<h2>")[0]
        regels: list[str] = []
        for inleiding in ("Knock-outeisen.", "Na de beoordeling van de kwaliteit"):
            m = re.search(rf"<p[^>]*>({re.escape(inleiding)}[^<]*)</p>\s*<ul>(.*?)</ul>", deel, re.S)
            if m:
                regels.append(unescape(m.group(1)))
                regels += ["• " + unescape(li) for li in re.findall(r"<li>(.*?)</li>", m.group(2), re.S)]
        uit[code] = regels
    return uit


def test_formulier_noemt_iedere_knockouteis_zoals_de_systematiek(tmp_path: Path) -> None:
    ws = _werkmap(tmp_path / "ws")
    formulier = _formulier(ws)
    assert formulier == _systematiek(ws)
    # by hand from the criteria set: B1 expects 98 a year (capacity 10% of it, rounded up), Z 16 (Eemnes does not
    # join it): 2; keurmerk (Wi2021 art. 16 lid 3) in B1 and Z, never in the onderwijsroute
    assert formulier["Z"] == [
        "Knock-outeisen. Een inschrijving die niet aan al deze eisen voldoet, doet in dit perceel niet verder mee "
        "(in de andere percelen wel):",
        "• Blik op Werk keurmerk geldig op de peildatum 4 juni 2021",
        "• geen uitsluitingsgronden van toepassing",
        "• capaciteit minstens 2 per jaar",
        "• minstens 12 instroommomenten per jaar",
        "• wachttijd hoogstens 10 weken",
        "• prijs per traject hoogstens EUR 10.000,00",
        "• bedient alle gemeenten van minstens één hele subregio",
        "Na de beoordeling van de kwaliteit geldt bovendien:",
        "• kwaliteitsscore minstens 50,00 van 100",
    ]
    assert "• Blik op Werk keurmerk geldig op de peildatum 4 juni 2021" in formulier["B1"]
    assert "• capaciteit minstens 10 per jaar" in formulier["B1"]
    assert not any("keurmerk" in r.lower() for r in formulier["onderwijs"])
    assert "• capaciteit minstens 4 per jaar" in formulier["onderwijs"]


def test_perceel_zonder_knockouteisen_zegt_dat_in_formulier_en_systematiek(tmp_path: Path) -> None:
    """A lot without any knock-out rule: both texts say so in the same sentence (before, the method introduced an
    empty list with 'niet aan al deze eisen')."""
    from tests.hulp import kleine_aanbesteding

    data = kleine_aanbesteding()
    data["percelen"]["B1"]["knockout"] = {}
    ws = maak_werkmap(tmp_path / "ws", data)
    _templates(ws)
    zin = "Knock-outeisen: dit perceel stelt geen knock-outeisen."
    blad = load_workbook(ws / "inschrijfformulier.xlsx")["Perceelgegevens"]
    assert zin in [r[0] for r in blad.iter_rows(min_col=1, max_col=1, values_only=True)]
    assert zin in unescape((ws / "gunningssystematiek.html").read_text(encoding="utf-8"))


def test_formulier_van_nieuw_noemt_geen_capaciteit_uit_open_aantallen(tmp_path: Path) -> None:
    """`evaluatie nieuw` writes the form while the numbers of inburgeraars are still 'invullen' (read as 0): the
    capacity rule of the criteria set (10% of the lot's yearly volume) said 'capaciteit minstens 0 per jaar', a
    requirement the tender does not set. It now states the rule itself; once the numbers are filled in, the form
    written again gives the number (10% of 40, rounded up: 4)."""
    ws = tmp_path / "nw"
    args = ["nieuw", str(ws), "--naam", "Test 2027", "--penvoerder", "Gemeente Almere", "--gemeenten",
            "Almere,Lelystad", "--percelen", "B1", "--beoordelaars", "A. Jansen, B. de Vries"]  # fmt: skip
    uit = CliRunner().invoke(main, args)
    assert uit.exit_code == 0, uit.output

    def capaciteit() -> list[str]:
        blad = load_workbook(ws / "inschrijfformulier.xlsx")["Perceelgegevens"]
        return [str(r[0]) for r in blad.iter_rows(min_col=1, max_col=1, values_only=True) if "capaciteit" in str(r[0])]

    assert capaciteit() == [
        "• capaciteit minstens 10% van het verwachte aantal inburgeraars per jaar in dit perceel, naar boven afgerond "
        "(dat aantal is nog niet bekend)"
    ]
    yaml_pad = ws / "aanbesteding.yaml"
    data = yaml.safe_load(yaml_pad.read_text(encoding="utf-8"))
    for g, n in zip(data["gemeenten"], (30, 10), strict=True):
        g["inburgeraars"] = {"B1": n}
    yaml_pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    uit = CliRunner().invoke(main, ["template", "inschrijving", "--werkmap", str(ws), "--overschrijven"])
    assert uit.exit_code == 0, uit.output
    assert capaciteit() == ["• capaciteit minstens 4 per jaar"]

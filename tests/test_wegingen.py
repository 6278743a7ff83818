"""Criteria weights as the tender defined them. A lot with weights as percentages and one with
weights as points (50/20/20/20 = 110 points): a reader recomputes the quality score and the total
to the cent from the letter and the published method alone (parsed from the documents' text).
Percentages that do not add up to 100 are refused with the YAML line."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from evaluatie.cli import main
from evaluatie.pipeline import schrijf_beoordelingsformulieren
from evaluatie.werkmap import Werkmap
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_beoordeling

SCORES = {"Plan van aanpak": 75, "Samenwerking": 50, "Instroom": 100, "Resultaten": 25}  # by criterion name


def _aanbesteding() -> dict:
    data = kleine_aanbesteding()
    for g in data["gemeenten"]:
        g["inburgeraars"]["Z"] = 5
    z = copy.deepcopy(data["percelen"]["B1"])
    z["naam"] = "Z-route"
    z["criteriumweging"] = "punten"
    z["gunningscriteria"] = {
        "K1": {"naam": "Plan van aanpak", "weging": 50},
        "K2": {"naam": "Samenwerking", "weging": 20},
        "K3": {"naam": "Instroom", "weging": 20},
        "K4": {"naam": "Resultaten", "weging": 20},
    }
    data["percelen"]["Z"] = z
    return data


@pytest.fixture(scope="module")
def rapporten(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = maak_werkmap(tmp_path_factory.mktemp("wegingen") / "ws", _aanbesteding())
    schrijf_bod(ws, "x.xlsx", "X", "11111111", [("B1", 9000, 30, 12, 4, "alle"), ("Z", 9100, 30, 12, 4, "alle")])
    schrijf_bod(ws, "y.xlsx", "Y", "22222222", [("B1", 8100, 30, 12, 4, "alle"), ("Z", 8300, 30, 12, 4, "alle")])
    schrijf_beoordelingsformulieren(Werkmap(ws))
    scores: dict[tuple[str, str], object] = {("X", c): p for c, p in SCORES.items()}
    scores.update({("Y", c): 50 for c in SCORES})
    for naam in ("ada", "bram"):
        vul_beoordeling(ws / "beoordelingen" / f"{naam}.xlsx", scores)
    for opdracht in (["template", "systematiek"], ["gunning"]):
        r = CliRunner().invoke(main, [*opdracht, "--werkmap", str(ws)])
        assert r.exit_code == 0, r.output
    return ws


def _tekst(pad: Path) -> tuple[str, list]:
    doc = Document(str(pad))
    return "\n".join(p.text for p in doc.paragraphs), doc.tables


def _zoek(patroon: str, tekst: str) -> re.Match[str]:
    m = re.search(patroon, tekst)
    assert m is not None, patroon
    return m


def _getal(s: str) -> float:
    return float(s.replace(".", "").replace(",", "."))


@pytest.mark.parametrize(("perceel", "brief"), [("B1", "x-b1.docx"), ("Z", "x-z.docx")])
def test_lezer_rekent_de_score_na_tot_op_de_cent(rapporten: Path, perceel: str, brief: str) -> None:
    systematiek, _ = _tekst(rapporten / "gunningssystematiek.docx")
    maximum = _getal(_zoek(r"maximale punten \(([\d.,]+)\)", systematiek).group(1))
    tekst, tabellen = _tekst(rapporten / "rapporten" / "brieven" / brief)
    tabel = next(t for t in tabellen if [c.text for c in t.rows[0].cells][:3] == ["Criterium", "Weging", "Uw score"])
    som = 0.0
    for rij in tabel.rows[1:]:
        _, weging, punten = (c.text for c in rij.cells[:3])
        if m := re.fullmatch(r"([\d,]+) van ([\d,]+) punten \(([\d,]+)%\)", weging):
            aandeel = _getal(m.group(1)) / _getal(m.group(2))
            assert perceel == "Z" and round(100 * aandeel, 2) == _getal(m.group(3))
        else:
            assert perceel == "B1" and weging.endswith("%")
            aandeel = _getal(weging[:-1]) / 100
        som += aandeel * _getal(punten) / maximum * 100
    getoond = _getal(_zoek(r"Uw kwaliteitsscore: ([\d.,]+)\.", tekst).group(1))
    assert round(som, 2) == getoond
    # the total: the letter's formula with the shown numbers
    m = _zoek(r"Uw totaalscore: ([\d,]+) x ([\d,]+) \+ ([\d,]+) x ([\d,]+) = ([\d,]+)\.", tekst)
    wq, q, wp, ps, totaal = (_getal(x) for x in m.groups())
    assert q == getoond and round(wq * q + wp * ps, 2) == totaal
    if perceel == "Z":  # 50/20/20/20 points: X's quality is 7.250 / 110 = 65,91, not the 72,50 of '50%'
        assert getoond == 65.91


def test_percentages_die_niet_op_100_uitkomen_zijn_invoerfout(tmp_path: Path) -> None:
    data = _aanbesteding()
    del data["percelen"]["Z"]["criteriumweging"]
    ws = maak_werkmap(tmp_path / "ws", data)
    r = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert r.exit_code == 2, r.output
    regels = (ws / "aanbesteding.yaml").read_text(encoding="utf-8").splitlines()
    regel = max(i for i, x in enumerate(regels, 1) if x.strip() == "gunningscriteria:")  # lot Z's, the last
    assert (
        f"aanbesteding.yaml: percelen.Z.gunningscriteria (regel {regel}): de wegingen van de gunningscriteria zijn "
        "percentages en tellen op tot 110, niet 100" in r.output
    ), r.output


def test_inschrijfformulier_toont_punten_zoals_de_systematiek(tmp_path: Path) -> None:
    """The bid form's sheet Perceelgegevens is published with the method: with criteriumweging punten it showed
    '50%', '20%', '20%', '20%' (120% in all) where the systematiek says '50 van 110 punten (45,45%)'."""
    from openpyxl import load_workbook

    ws = maak_werkmap(tmp_path / "ws", _aanbesteding())
    r = CliRunner().invoke(main, ["template", "inschrijving", "--werkmap", str(ws)])
    assert r.exit_code == 0, r.output
    blad = load_workbook(ws / "inschrijfformulier.xlsx")["Perceelgegevens"]
    wegingen = {rij[0]: rij[1] for rij in blad.iter_rows(values_only=True) if rij[0] in SCORES}
    # the Z lot comes after B1 in the sheet, so its rows overwrite B1's of the same name: 50/110 = 45,45%, 20/110 = 18,18%
    assert wegingen == {
        "Plan van aanpak": "50 van 110 punten (45,45%)",
        "Samenwerking": "20 van 110 punten (18,18%)",
        "Instroom": "20 van 110 punten (18,18%)",
        "Resultaten": "20 van 110 punten (18,18%)",
    }
    b1 = [rij[1] for rij in blad.iter_rows(values_only=True) if rij[0] in SCORES][:2]
    assert b1 == ["60%", "40%"]  # kleine_aanbesteding's B1: percentages stay percentages


@pytest.mark.parametrize(
    ("criteriaset", "herkomst"), [(None, "de standaard"), ("inburgering-2022", "uit criteriaset inburgering-2022")]
)
def test_een_weging_met_alleen_kwaliteit_zegt_waar_de_prijs_vandaan_komt(
    tmp_path: Path, criteriaset: str | None, herkomst: str
) -> None:
    """`weging: {kwaliteit: 80}` (meant: the rest is price) merges with prijs 40 from the criteria set or the default;
    the message said 'kwaliteit + prijs moet 100 zijn, is 120', a number the tender never wrote."""
    data = kleine_aanbesteding() if criteriaset is None else kleine_aanbesteding(criteriaset=criteriaset)
    data["percelen"]["B1"]["weging"] = {"kwaliteit": 80}
    ws = maak_werkmap(tmp_path / "ws", data)
    res = CliRunner().invoke(main, ["toets", "--werkmap", str(ws)])
    assert res.exit_code == 2, res.output
    assert (
        f"kwaliteit + prijs moet 100 zijn, is 120: kwaliteit 80 (hier) + prijs 40 ({herkomst}); geef kwaliteit en "
        "prijs allebei" in " ".join(res.output.split())
    ), res.output


def test_een_scenario_dat_een_weging_zet_noemt_geen_verkeerde_herkomst(voorbeeld: Path) -> None:
    """The example's B1 takes 60/40 from criteria set inburgering-2022. `--zet percelen.B1.weging.kwaliteit=100` makes
    140, and the message called both numbers 'uit criteriaset inburgering-2022', the 100 too, which the user typed.
    A scenario's data has no lines to tell them apart: the message names the numbers and how to set both."""
    res = CliRunner().invoke(
        main, ["scenario", "--werkmap", str(voorbeeld), "--zet", "percelen.B1.weging.kwaliteit=100"]
    )
    assert res.exit_code == 2, res.output
    uit = " ".join(res.output.split())
    assert (
        "aanbesteding.yaml (met --zet): percelen.B1.weging: kwaliteit + prijs moet 100 zijn, is 140: kwaliteit 100 + "
        "prijs 40; zet ze allebei (--zet percelen.B1.weging.kwaliteit=... --zet percelen.B1.weging.prijs=...)" in uit
    ), res.output
    assert "criteriaset" not in uit

"""The systematiek's opening sentence follows the lots' procedures: an open-house lot is not ranked and its
inburgeraars are not distributed (the inburgeraar chooses), so a tender of only open-house lots may not promise
'getoetst, beoordeeld en gerangschikt en ... verdeeld'; a mixed tender names which lots are ranked."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, kleine_toelating, maak_werkmap, module_naast_b1, open_house_module


def _inleiding(ws: Path) -> str:
    res = CliRunner().invoke(main, ["template", "systematiek", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    html = (ws / "gunningssystematiek.html").read_text(encoding="utf-8")
    tekst = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))
    return tekst[tekst.index("Dit document hoort") :].split("Er worden geen andere")[0]


def test_alleen_open_house_belooft_geen_rangorde_of_verdeling(tmp_path: Path) -> None:
    data = kleine_toelating()
    inleiding = _inleiding(maak_werkmap(tmp_path / "ws", data))
    assert "en gerangschikt" not in inleiding and "verdeeld" not in inleiding and "beoordeeld" not in inleiding
    assert "hoe de inschrijvingen worden getoetst, wie wordt toegelaten" in inleiding
    assert "er wordt niet gerangschikt" in inleiding


def _gemengd() -> dict[str, Any]:
    """kleine_aanbesteding with PVT by open house beside B1 by gunning."""
    data = kleine_aanbesteding()
    data["percelen"]["PVT"] = open_house_module("Participatieverklaringstraject", 350)
    for g, n in zip(data["gemeenten"], (10, 6, 4), strict=True):
        g["inburgeraars"]["PVT"] = n
    return data


def test_gemengd_noemt_welke_percelen_gerangschikt_worden(tmp_path: Path) -> None:
    inleiding = _inleiding(maak_werkmap(tmp_path / "ws", _gemengd()))
    assert (
        "hoe de inschrijvingen worden getoetst en beoordeeld, hoe zij in perceel B1-route worden gerangschikt en "
        "de inburgeraars over de aanbieders worden verdeeld, en wie in perceel Participatieverklaringstraject "
        "(open house) wordt toegelaten, zonder rangorde." in inleiding
    )


def _koppen(ws: Path) -> list[str]:
    html = (ws / "gunningssystematiek.html").read_text(encoding="utf-8")
    return [unescape(re.sub(r"<[^>]+>", "", k)).strip() for k in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]


def test_de_kop_over_de_beslissing_volgt_de_procedures(tmp_path: Path) -> None:
    """An open house alone headed its paragraph on the toelatingsbesluit "Gunningsbeslissing en openbaarmaking", a
    decision none of its bidders gets; a mixed tender names both, an award alone as before."""
    _inleiding(ws := maak_werkmap(tmp_path / "oh", kleine_toelating()))
    assert "Toelatingsbesluit en openbaarmaking" in _koppen(ws), _koppen(ws)
    assert not any("unning" in k for k in _koppen(ws)), _koppen(ws)
    _inleiding(ws := maak_werkmap(tmp_path / "gemengd", _gemengd()))
    assert "Gunningsbeslissing, toelatingsbesluit en openbaarmaking" in _koppen(ws), _koppen(ws)
    _inleiding(ws := maak_werkmap(tmp_path / "gunning", kleine_aanbesteding()))
    assert "Gunningsbeslissing en openbaarmaking" in _koppen(ws), _koppen(ws)


def test_uitsluitingsgronden_gelden_van_overeenkomstige_toepassing(tmp_path: Path) -> None:
    """The toelatingsbesluit of an excluded provider cites 'een facultatieve uitsluitingsgrond (art. 2.87
    Aanbestedingswet 2012)' and 'zelfreiniging (art. 2.87a ...)', while the systematiek of an open house said only that
    it is no overheidsopdracht, and never that the tender applies those articles: the exclusion rested on a law that
    does not govern a toelating. It now says so, for an open house alone and beside an award lot."""
    zin = (
        "Uitsluitingsgronden. Een toelating is geen overheidsopdracht: de artikelen 2.86 (verplichte "
        "uitsluitingsgronden), 2.87 (facultatieve uitsluitingsgronden) en 2.87a (zelfreiniging) Aanbestedingswet 2012 "
        "gelden{} niet rechtstreeks; deze aanbesteding past ze van overeenkomstige toepassing toe. Een aanbieder die "
        "verklaart dat een uitsluitingsgrond van toepassing is, wordt pas toegelaten of uitgesloten nadat die grond is "
        "gewogen."
    )
    _inleiding(ws := maak_werkmap(tmp_path / "oh", kleine_toelating()))
    assert zin.format("") in _tekst(ws), _tekst(ws)[-3000:]
    _inleiding(ws := maak_werkmap(tmp_path / "gemengd", _gemengd()))
    assert zin.format(" in een open-houseperceel") in _tekst(ws), _tekst(ws)[-3000:]
    _inleiding(ws := maak_werkmap(tmp_path / "gunning", kleine_aanbesteding()))
    assert "Uitsluitingsgronden. Een toelating" not in _tekst(ws)


def _tekst(ws: Path) -> str:
    html = (ws / "gunningssystematiek.html").read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_later_toetreden_met_minimale_kwaliteit_noemt_het_kwaliteitsplan(tmp_path: Path) -> None:
    """PVT by open house with a minimum quality of 50: 'Later toetreden: ... aanmelden met een ingevuld
    inschrijfformulier' told an applicant less than it needs, for its quality must be scored as the award's were;
    the sentence names the kwaliteitsplan there, and stays as it was without that rule (B1 of kleine_toelating)."""
    data = module_naast_b1(kleine_aanbesteding(), "PVT", "Participatieverklaringstraject", 350, minimum_kwaliteit=50)
    _inleiding(ws := maak_werkmap(tmp_path / "ws", data))
    assert (
        "aanmelden met een ingevuld inschrijfformulier en een kwaliteitsplan, dat beoordelaars op dezelfde wijze "
        "beoordelen als bij de aanbesteding (minimale kwaliteit)."
    ) in _tekst(ws), _tekst(ws)[-3000:]
    _inleiding(ws := maak_werkmap(tmp_path / "oh", kleine_toelating()))
    assert "aanmelden met een ingevuld inschrijfformulier. Wie aan" in _tekst(ws)

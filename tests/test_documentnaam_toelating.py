"""The documents of a tender with only open-house lots are named for admission, not award.

An open house awards nothing (HvJ EU C-410/14 Falk Pharma): its advies said "Gunningsadvies" in its title, page
header and heading, its section on the period "5. Opschortende termijn" above "Een toelatingsprocedure kent geen
wettelijke opschortende termijn", the letters "Opschortende termijn en rechtsbescherming" above the same sentence
and "zoals de gunningssystematiek die berekent", the published systematiek "Beoordelings- en gunningssystematiek",
and the internal reliability page "geen onderdeel van het gunningsadvies". A tender with an award lot beside the
open house keeps the award words for its documents, while the open-house letters lose the heading of a period they
do not have. File names stay as the README documents them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import html_tekst, open_house_met_minimum


def _gegund(ws: Path) -> Path:
    for args in (["gunning"], ["template", "systematiek"]):
        res = CliRunner().invoke(main, [*args, "--werkmap", str(ws)])
        assert res.exit_code == 0, res.output
    return ws


def _docx(pad: Path) -> str:
    with zipfile.ZipFile(pad) as z:
        return " ".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))


def test_alleen_open_house_heet_advies_toelating_en_toelatingssystematiek(tmp_path: Path) -> None:
    ws = _gegund(open_house_met_minimum(tmp_path / "ws", alleen_toelating=True))
    rapporten = ws / "rapporten"
    ruw = (rapporten / "gunningsadvies.html").read_text(encoding="utf-8")
    assert "<title>Advies toelating Testaanbesteding</title>" in ruw and "<h1>Advies toelating Testaanbesteding" in ruw
    assert "Gunningsadvies" not in ruw
    advies = html_tekst(rapporten / "gunningsadvies.html")
    assert "5. Termijn voordat de overeenkomsten worden gesloten" in advies and "5. Opschortende termijn" not in advies

    brief = html_tekst(rapporten / "brieven" / "alfa-pvt.html")
    assert "Termijn en rechtsbescherming" in brief and "Opschortende termijn en rechtsbescherming" not in brief
    assert "zoals de toelatingssystematiek die berekent" in brief
    assert "Termijn en rechtsbescherming" in _docx(rapporten / "brieven" / "alfa-pvt.docx")

    for pad in (ws / "gunningssystematiek.html", ws / "gunningssystematiek.docx"):
        tekst = _docx(pad) if pad.suffix == ".docx" else pad.read_text(encoding="utf-8")
        assert "Beoordelings- en toelatingssystematiek Testaanbesteding" in tekst, pad
        assert "gunningssystematiek" not in tekst.replace("gunningssystematiek.", ""), pad

    intern = html_tekst(rapporten / "intern" / "betrouwbaarheid.html")
    assert "geen onderdeel van het advies over de toelating" in intern


def test_naast_een_gunningsperceel_blijven_de_woorden_van_de_gunning(tmp_path: Path) -> None:
    ws = _gegund(open_house_met_minimum(tmp_path / "ws"))
    rapporten = ws / "rapporten"
    advies = html_tekst(rapporten / "gunningsadvies.html")
    assert "Gunningsadvies Testaanbesteding" in advies
    assert "5. Opschortende termijn" in advies
    assert "Beoordelings- en gunningssystematiek" in (ws / "gunningssystematiek.html").read_text(encoding="utf-8")
    # the open-house letter has no opschortende termijn, in a mixed tender too; the award letter keeps its heading
    pvt = html_tekst(rapporten / "brieven" / "alfa-pvt.html")
    assert "Termijn en rechtsbescherming" in pvt and "Opschortende termijn en rechtsbescherming" not in pvt
    assert "zoals de gunningssystematiek die berekent" in pvt  # the published document's name in this tender
    assert "Opschortende termijn en rechtsbescherming" in html_tekst(rapporten / "brieven" / "alfa-b1.html")

"""A name in the print margin of a report (the advies's 'Gunningsadvies <naam>' at the top of every page, a report's
title at the bottom) stands in a CSS string inside the page's <style>: a name with '</style>' in it ended the style
there, and what followed was HTML, a <script> too. '<' is written as the CSS escape '\\3c ': the same character in the
margin, no end of the style."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from evaluatie.cli import main
from tests.hulp import kleine_aanbesteding, maak_werkmap, schrijf_bod, vul_panel

NAAM = "Inburgering </style><script>alert(1)</script> 2026"


class _Elementen(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.stijl: list[str] = []
        self._in_stijl = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)
        self._in_stijl = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_stijl = False

    def handle_data(self, data: str) -> None:
        if self._in_stijl:
            self.stijl.append(data)


def test_naam_met_einde_van_de_stijl_blijft_tekst_in_de_marge(tmp_path: Path) -> None:
    ws = maak_werkmap(tmp_path / "ws", kleine_aanbesteding(naam=NAAM))
    schrijf_bod(ws, "a.xlsx", "Alfa Taal", "11111111", [("B1", 9000, 40, 12, 4, "alle")])
    vul_panel(ws, {"Alfa Taal": 75})
    res = CliRunner().invoke(main, ["gunning", "--werkmap", str(ws)])
    assert res.exit_code == 0, res.output
    rapporten = ws / "rapporten"
    for pad in [rapporten / "gunningsadvies.html", *sorted((rapporten / "intern").glob("*.html"))]:
        p = _Elementen()
        p.feed(pad.read_text(encoding="utf-8"))
        assert "script" not in p.tags, pad.name
        stijl = "".join(p.stijl)
        # the margin box's string: '\3c ' is '<' in CSS, so the margin shows the name as written
        assert "Inburgering \\3c /style>\\3c script>alert(1)\\3c /script> 2026" in stijl, pad.name
